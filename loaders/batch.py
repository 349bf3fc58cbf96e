"""Extracting many files: in this process, in worker processes, or on a Dask cluster.

Results stream back in input order (sorted paths), each either a record (as its JSON line, with
entity counts) or a one-line failure naming the file. A bad file never stops the batch. Work is
sent in chunks through a bounded window, so memory stays flat however large the corpus. A worker
process that dies (a crash, the OOM killer) is replaced; its chunk is retried one document at a
time so only the guilty document is reported. In worker processes and in a single in-process
run, each document's extraction is time-limited (SIGALRM); Dask runs tasks in threads, where no
per-document limit is possible.
"""
from __future__ import annotations

import json
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from govkg.errors import ConfigError, GovkgError, InputError

__all__ = ["DEFAULT_TIMEOUT_S", "ENTITY_KINDS", "BatchResult", "close_output", "extract_one", "extract_paths", "open_output", "read_done", "write_line"]

ENTITY_KINDS = ("places", "agencies", "policies", "named_models", "measures", "learning", "metrics", "people")
DEFAULT_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class BatchResult:
    """The outcome for one input file. Exactly one of ``line`` / ``error`` is set, unless skipped."""

    path: str
    line: str | None = None          # the record, as ``record.to_json_line()``
    error: str | None = None         # one line: "<path>: <problem>"
    doc_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    skipped: bool = False            # already in the output (resume): same source and doc_id

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def record(self):
        """The :class:`~loaders.record.ExtractionRecord` (parsed from the line on demand)."""
        from loaders.record import ExtractionRecord

        if self.line is None:
            raise ValueError(f"{self.path}: no record ({self.error or 'skipped'})")
        return ExtractionRecord.from_json_line(self.line)


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout


def _one_line(message: str) -> str:
    return " ".join(message.split())[:400]


def extract_one(path: str, expected_doc_id: str | None = None, timeout_s: float = 0) -> BatchResult:
    """Read, normalize and extract one file; never raises for a bad document."""
    from loaders.extract.pipeline import extract_text
    from loaders.read.files import read_document
    from loaders.read.normalize import normalize_text
    from loaders.read.origin import origin_of
    from loaders.record import doc_id_for

    use_alarm = timeout_s > 0 and threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM")
    previous = signal.signal(signal.SIGALRM, _alarm) if use_alarm else None
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, timeout_s)
    try:
        text = normalize_text(read_document(path).text)
        doc_id = doc_id_for(text)
        if expected_doc_id is not None and expected_doc_id == doc_id:
            return BatchResult(path=path, doc_id=doc_id, skipped=True)
        origin = origin_of(path)
        record = extract_text(text, origin.source)
        record.excerpt = origin.excerpt
        counts = {k: len(getattr(record, k)) for k in ENTITY_KINDS}
        return BatchResult(path=path, line=record.to_json_line(), doc_id=doc_id, counts=counts)
    except _Timeout:
        return BatchResult(path=path, error=f"{path}: extraction took longer than {timeout_s:g} s and was "
                                            "stopped; split the document or raise --timeout")
    except GovkgError as err:
        return BatchResult(path=path, error=_one_line(str(err) if isinstance(err, InputError) else f"{path}: {err}"))
    except RecursionError:
        return BatchResult(path=path, error=f"{path}: too deeply nested to read (recursion limit)")
    except MemoryError:
        return BatchResult(path=path, error=f"{path}: ran out of memory while extracting")
    except Exception as err:  # noqa: BLE001 -- a bug in a rule must not stop the batch; report it on one line
        return BatchResult(path=path, error=_one_line(f"{path}: extraction failed ({type(err).__name__}: {err})"))
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


Task = tuple[str, "str | None", float]


def _run_chunk(tasks: list[Task]) -> list[BatchResult]:
    return [extract_one(*task) for task in tasks]


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def _process_pool(workers: int):
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    import loaders.extract.pipeline  # noqa: F401  (imported once here, inherited by forked workers)

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method))


def _run_processes(tasks: Iterable[Task], workers: int, chunksize: int) -> Iterator[BatchResult]:
    from concurrent.futures.process import BrokenProcessPool

    pool = _process_pool(workers)
    window: deque = deque()
    chunks = _chunks(tasks, chunksize)
    try:
        while True:
            while len(window) < 4 * workers and (chunk := next(chunks, None)) is not None:
                window.append((chunk, pool.submit(_run_chunk, chunk)))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                yield from future.result()
                continue
            except BrokenProcessPool:
                pass
            # A worker died: new pool, retry this chunk one document at a time, resubmit the rest.
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _process_pool(workers)
            for task in chunk:
                try:
                    yield from pool.submit(_run_chunk, [task]).result()
                except BrokenProcessPool:
                    yield BatchResult(path=task[0], error=f"{task[0]}: the worker process died while extracting "
                                                           "it (out of memory or a crash); try it alone")
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = _process_pool(workers)
            window = deque((c, pool.submit(_run_chunk, c)) for c, _f in window)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(tasks: Iterable[Task], scheduler: str, workers: int, chunksize: int) -> Iterator[BatchResult]:
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler!r} ({err}); start one with "
                          "`dask scheduler` and workers, or pass --scheduler local") from None
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window: deque = deque()
        chunks = _chunks(tasks, chunksize)
        while True:
            while len(window) < 4 * nworkers and (chunk := next(chunks, None)) is not None:
                window.append((chunk, client.submit(_run_chunk, chunk, pure=False)))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                yield from future.result()
            except Exception as err:  # noqa: BLE001 -- KilledWorker, lost connection: report the chunk, go on
                for task in chunk:
                    yield BatchResult(path=task[0], error=_one_line(
                        f"{task[0]}: the Dask task failed ({type(err).__name__}: {err})"))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    workers: int = 1,
    *,
    done: Mapping[str, str] | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    chunksize: int = 8,
    scheduler: str | None = None,
) -> Iterator[BatchResult]:
    """Extract every supported file under ``paths``, yielding one :class:`BatchResult` per file in order.

    ``done`` maps record source (path or URL) -> doc_id of records already written (resume): such a document is
    read and normalized again, and skipped if its doc_id is unchanged. ``workers`` > 1 uses that
    many processes; ``scheduler`` ("local" or a Dask scheduler address) runs on Dask instead.
    """
    from loaders.read.files import iter_paths
    from loaders.read.origin import origin_of

    done = done or {}
    tasks = ((str(p), done.get(origin_of(p).source), timeout_s) for p in iter_paths(paths))
    if scheduler:
        yield from _run_dask(tasks, scheduler, max(1, workers), chunksize)
    elif workers <= 1:
        for task in tasks:
            yield extract_one(*task)
    else:
        yield from _run_processes(tasks, workers, chunksize)


def read_done(lines: Iterable[str]) -> dict[str, str]:
    """source -> doc_id of the complete records among ``lines`` (JSONL); unparsable lines are ignored."""
    out: dict[str, str] = {}
    for line in lines:
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict) and isinstance(obj.get("source"), str) and isinstance(obj.get("doc_id"), str):
            out[obj["source"]] = obj["doc_id"]
    return out




def open_output(path: str | os.PathLike[str], resume: bool) -> tuple[Any, dict[str, str]]:
    """Open the JSONL output for appending whole lines; returns ``(file, done)``.

    Without ``resume`` the file is truncated. With ``resume`` a torn last line (an interrupted
    write) is cut off, and ``done`` maps the sources already written to their doc_ids.
    """
    done: dict[str, str] = {}
    if resume and os.path.exists(path):
        with open(path, "r+b") as fh:
            data = fh.read()
            keep = data.rfind(b"\n") + 1
            if keep < len(data):
                fh.truncate(keep)
        done = read_done(data[:keep].decode("utf-8", errors="replace").splitlines())
        return open(path, "a", encoding="utf-8"), done
    return open(path, "w", encoding="utf-8"), done


def write_line(fh: Any, line: str) -> None:
    """Append one record line; the line and its newline go out in one write."""
    fh.write(line + "\n")


def close_output(fh: Any) -> None:
    fh.flush()
    os.fsync(fh.fileno())
    fh.close()
