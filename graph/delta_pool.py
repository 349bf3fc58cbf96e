"""Records to deltas in a process of their own, for a build's single writer.

A build is one writing process (SQLite takes one writer) fed by the extraction workers. Turning a
record into the nodes and relationships it supports (parsing its JSON line, ``record_to_delta``) is
about half of what the writer spent per document (a cProfile of 500 documents at 200: 80 of 152 s
cumulative in ``record_to_delta``): done here, in another process, the writer only applies deltas,
as rows ready to insert (``graph/delta_rows.py``).
``deltas`` keeps the order of the items and a bounded number of batches in flight.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from graph.pools import pool as new_pool

__all__ = ["deltas"]

_BATCH = 25           # lines per task
_AHEAD = 8            # tasks in flight (the extraction and this process work while the writer writes)

#: (source, JSON line of an extraction record or None, error or None)
Line = tuple[str, "str | None", "str | None"]


def _convert(items: list[Line]) -> list[tuple[str, Any, str | None]]:
    """(source, DeltaRows or None, error) for each item (in the pool's process): the delta as the
    embedded store's writer inserts it (``graph/delta_rows.py``)."""
    from graph.delta import record_to_delta
    from graph.delta_rows import delta_rows
    from graph.taxonomy import practice_names
    from loaders.record import ExtractionRecord

    names = practice_names()
    out: list[tuple[str, Any, str | None]] = []
    for source, line, error in items:
        if line is None:
            out.append((source, None, error))
            continue
        try:
            rec = ExtractionRecord.from_json_line(line)
        except ValueError as exc:
            out.append((source, None, f"{source}: not an extraction record ({exc})"))
            continue
        out.append((source, delta_rows(record_to_delta(rec, names)), None))
    return out


def deltas(items: Iterable[Line], processes: int = 1) -> Iterator[tuple[str, Any, str | None]]:
    """(source, DeltaRows or None, error) for each (source, line, error) of ``items``, in order;
    the conversion runs in ``processes`` processes (forked, started here, stopped when done).

    ``items`` (the extraction workers' results) are drawn by a thread of their own, up to ``_AHEAD``
    batches ahead of the caller: drawn by the caller's thread, the workers stood idle while the writer
    wrote a batch (they hold back only a few results each), and the writer waited for them after it."""
    items = iter(items)
    first = next(items, None)     # the extraction workers started first: forked while this has one thread
    if first is None:
        return
    pool = new_pool(processes)
    ahead: queue.Queue[Any] = queue.Queue(maxsize=_AHEAD * processes)
    stop = threading.Event()

    def feed() -> None:
        try:
            batch: list[Line] = [first]
            for item in items:
                batch.append(item)
                if len(batch) >= _BATCH:
                    if not _put(ahead, pool.apply_async(_convert, (batch,)), stop):
                        return
                    batch = []
            if batch and not _put(ahead, pool.apply_async(_convert, (batch,)), stop):
                return
            _put(ahead, None, stop)
        except BaseException as exc:  # noqa: BLE001 -- handed to the caller's thread, raised there
            _put(ahead, _Failed(exc), stop)
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()          # (in this thread, which ran it: the extraction workers stop)

    feeder = threading.Thread(target=feed, name="govkg-deltas", daemon=True)
    feeder.start()
    try:
        while (task := ahead.get()) is not None:
            if isinstance(task, _Failed):
                raise task.exc
            yield from task.get()
        pool.close()
    finally:
        stop.set()
        feeder.join()
        # the workers take every task already handed to them (a few batches at most), then exit: terminated
        # instead, the pool's task handler, still writing a large task into their pipe, blocks for ever on a
        # pipe no one reads, and so does the terminate that joins it
        pool.close()
        pool.join()


class _Failed:
    def __init__(self, exc: BaseException):
        self.exc = exc


def _put(ahead: queue.Queue[Any], task: Any, stop: threading.Event) -> bool:
    """Hand ``task`` to the caller's thread; False once the caller has stopped reading."""
    while not stop.is_set():
        try:
            ahead.put(task, timeout=0.2)
            return True
        except queue.Full:
            continue
    return False
