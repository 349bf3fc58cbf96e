"""Worker processes that extract one document at a time under a hard time and memory limit.

Every path that extracts documents goes through :class:`Workers` (``govkg extract`` and ``govkg
build`` with one worker or several, and the explorer's import page), so no document can hold a
command or the app for longer, or make it use more memory, than the limits allow:

* **time**: the parent gives each document ``timeout_s``; a worker still busy after that is killed
  (SIGKILL — a C library stuck in one long parse cannot ignore it, unlike SIGALRM, which also never
  fires outside the main thread) and replaced;
* **memory**: before each document the worker caps its own address space (``RLIMIT_AS``, Linux) at
  its current size plus ``memory_mb``; an allocation beyond that fails with MemoryError (the document
  is reported and the worker replaced) or kills the worker (reported too).

A worker never outlives the process that started it: it exits when its pipe closes, and on Linux,
when started from the main thread, the kernel also kills it when that thread's process dies. Workers
are forked when the calling process has one thread (the command line: cheap, and the calling
process loads the dictionaries and gazetteer once for all of them, instead of each worker again)
and spawned otherwise (Streamlit serves pages from threads, where fork is unsafe).
"""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import wait
from typing import Any, Self

from loaders.job import BatchResult, Task, memory_message, timeout_message

__all__ = ["Workers", "settle_collector"]


_READY = "ready"
_WARM_UP = "濮阳市民政局\n关于加强社区治理的答复。推行“12341”工作法，建立网格化管理机制。"
_START_S = 120.0        # a worker's start-up (imports, warm-up) may take this long on a busy machine


def _address_space() -> int | None:
    """This process's virtual size in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _cap_memory(budget: int) -> None:
    """Let this process grow by at most ``budget`` bytes of address space from now on (Linux)."""
    size = _address_space()
    if budget <= 0 or size is None:
        return
    import resource
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = size + budget if hard == resource.RLIM_INFINITY else min(size + budget, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when the thread that started it dies (PR_SET_PDEATHSIG)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)


def _serve(conn: Any, inherited: Any, memory_mb: int, pdeathsig: bool) -> None:
    """Worker main loop: receive (path, expected doc id), send back a BatchResult; None or EOF ends it."""
    if inherited is not None:
        inherited.close()           # the parent's end, copied by fork: without it EOF never arrives
    if pdeathsig:
        _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C reaches the whole group; the parent decides
    from loaders.job import extract_one

    _warm_up()      # load dictionaries and gazetteer before the clock starts (a forked worker has them)
    settle_collector()
    try:
        conn.send(_READY)
    except (OSError, ValueError):
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        path, expected = message
        _cap_memory(memory_mb * 1024 * 1024)
        result = extract_one(path, expected, memory_mb=memory_mb)
        try:
            conn.send(result)
        except (OSError, ValueError):
            return
        if result.error == memory_message(path, memory_mb):
            return                  # after a MemoryError the process may be unsound: start afresh


def _warm_up() -> None:
    """Load what extraction reads (dictionaries, gazetteer, compiled patterns) by extracting a short
    text: ≈ 1 s of CPU the first time in a process, ≈ 1 ms after."""
    from loaders.extract.pipeline import extract_text

    extract_text(_WARM_UP, "warm-up")


# a young collection after this many new container objects (CPython's default: 700)
_GC_YOUNG = 10_000


def settle_collector() -> None:
    """The collector, for a worker's life of documents. What the warm-up loaded (dictionaries,
    gazetteer, compiled patterns, inherited or not) lives as long as the worker: ``gc.freeze`` takes
    it out of the collector's walks. A document's records, lists and matches are freed by reference
    counting as each step ends, but at their peak about 1,000–2,000 of them are alive, so at the
    default threshold of 700 the collector ran a young collection ≈ 0.6 times per document over
    objects about to go — ≈ 3 % of the worker's CPU, none of it freeing anything the reference
    counts would not (``gc.callbacks`` over 300 generated documents; docs/extraction.md#speed).
    Cycles are still collected, after 10,000 new objects instead of 700."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(_GC_YOUNG, *gc.get_threshold()[1:])


class _Worker:
    """One worker process and the documents handed to it (the first is the one it is reading; the
    next waits in its pipe, so the worker never idles while the parent is busy)."""

    DEPTH = 2

    def __init__(self, ctx: Any, memory_mb: int, timeout_s: float):
        parent, child = ctx.Pipe(duplex=True)
        forked = ctx.get_start_method() == "fork"
        main = threading.current_thread() is threading.main_thread()
        self.proc = ctx.Process(target=_serve, args=(child, parent if forked else None, memory_mb, main),
                                daemon=True, name="govkg-extract")
        self.proc.start()
        child.close()
        self.conn = parent
        self.ready = False
        self.timeout_s = timeout_s
        self.queue: deque[tuple[int, Task]] = deque()
        self.deadline = float("inf")

    @property
    def busy(self) -> bool:
        return bool(self.queue)

    @property
    def path(self) -> str:
        return self.queue[0][1].path

    def send(self, index: int, task: Task) -> None:
        """Hand over a document; its clock starts when the worker gets to it."""
        self.queue.append((index, task))
        if len(self.queue) == 1:
            self._clock()
        self.conn.send((task.path, task.expected_doc_id))

    def started(self) -> None:
        self.ready = True
        self._clock()

    def done(self) -> int:
        """The document in hand is finished: its index; the clock starts for the next one."""
        index, _task = self.queue.popleft()
        self._clock()
        return index

    def _clock(self) -> None:
        seconds = self.timeout_s if self.ready else _START_S
        self.deadline = time.monotonic() + seconds if seconds > 0 and self.queue else float("inf")

    def stop(self, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()
        self.conn.close()


def _context() -> Any:
    methods = mp.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return mp.get_context("fork")
    return mp.get_context("spawn")


class Workers:
    """``n`` extraction worker processes, started when first needed. Context manager; thread-safe
    (one ``map`` or ``run`` at a time)."""

    def __init__(self, n: int = 1, timeout_s: float = 0, memory_mb: int = 0):
        self.n, self.timeout_s, self.memory_mb = max(1, n), timeout_s, memory_mb
        self._slots: list[_Worker | None] = [None] * self.n
        self._ctx: Any = None
        self._lock = threading.Lock()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for i, worker in enumerate(self._slots):
            if worker is not None:
                worker.stop(kill=worker.busy)
                self._slots[i] = None

    def run(self, path: str) -> BatchResult:
        """Extract one file."""
        return next(self.map([Task(path)]))

    def map(self, tasks: Iterable[Task]) -> Iterator[BatchResult]:
        """One result per task, in the order of ``tasks``; at most ``4 n`` results are held back."""
        with self._lock:
            try:
                yield from self._map(iter(enumerate(tasks)))
            finally:
                for i, worker in enumerate(self._slots):     # abandoned half-way: drop what is in flight
                    if worker is not None and worker.busy:
                        worker.stop(kill=True)
                        self._slots[i] = None

    def _free(self) -> int | None:
        """A slot whose worker can take another document (or has no worker yet), least loaded first."""
        best = None
        for i, worker in enumerate(self._slots):
            load = 0 if worker is None else len(worker.queue)
            if load < _Worker.DEPTH and (best is None or load < best[1]):
                best = (i, load)
        return None if best is None else best[0]

    def _worker(self, slot: int) -> _Worker:
        worker = self._slots[slot]
        if worker is None:
            if self._ctx is None:
                self._ctx = _context()
                if self._ctx.get_start_method() == "fork":
                    _warm_up()  # once here: each forked worker starts with it, not n times over
            worker = self._slots[slot] = _Worker(self._ctx, self.memory_mb, self.timeout_s)
        return worker

    def _drop(self, slot: int, result: BatchResult, done: dict[int, BatchResult], again: deque) -> None:
        """The worker in ``slot`` failed its document (``result``): kill it; what waited behind that
        document goes to the next worker."""
        worker = self._slots[slot]
        assert worker is not None
        done[worker.queue.popleft()[0]] = result
        again.extend(worker.queue)
        worker.queue.clear()
        worker.stop(kill=True)
        self._slots[slot] = None

    def _map(self, items: Iterator[tuple[int, Task]]) -> Iterator[BatchResult]:
        done: dict[int, BatchResult] = {}
        again: deque[tuple[int, Task]] = deque()      # handed to a worker that died before reaching them
        next_out = taken = 0
        exhausted = False
        window = 4 * self.n
        while True:
            while (again or (not exhausted and taken < next_out + window)) and (slot := self._free()) is not None:
                item = again.popleft() if again else next(items, None)
                if item is None:
                    exhausted = True
                    break
                index, task = item
                taken = max(taken, index + 1)
                if task.refused is not None:
                    done[index] = BatchResult(path=task.path, error=task.refused)
                    continue
                worker = self._worker(slot)
                try:
                    worker.send(index, task)
                except (OSError, ValueError):
                    self._drop(slot, self._died(worker), done, again)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [(slot, w) for slot, w in enumerate(self._slots) if w is not None and w.busy]
            if not busy:
                if exhausted and not again:
                    return
                continue
            left = min(w.deadline for _s, w in busy) - time.monotonic()
            ready = wait([w.conn for _s, w in busy], timeout=None if left == float("inf") else max(0.0, left))
            now = time.monotonic()
            for slot, worker in busy:
                if worker.conn in ready:
                    try:
                        result = worker.conn.recv()
                    except (EOFError, OSError):
                        self._drop(slot, self._died(worker), done, again)
                        continue
                    if result == _READY:
                        worker.started()
                    elif result.error == memory_message(worker.path, self.memory_mb):
                        self._drop(slot, result, done, again)        # the worker exits after this
                    else:
                        done[worker.done()] = result
                elif now >= worker.deadline:
                    error = (timeout_message(worker.path, self.timeout_s) if worker.ready else
                             f"{worker.path}: the worker process did not start within {_START_S:g} s; try again")
                    self._drop(slot, BatchResult(path=worker.path, error=error), done, again)

    def _died(self, worker: _Worker) -> BatchResult:
        worker.proc.join(5)
        code = worker.proc.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        limit = f" (memory limit {self.memory_mb} MB)" if self.memory_mb else ""
        return BatchResult(path=worker.path, error=f"{worker.path}: the worker process died while extracting it "
                                                   f"({how}): out of memory{limit} or a crash; try it alone")
