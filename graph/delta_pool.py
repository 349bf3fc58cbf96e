"""Records to deltas in a process of their own, for a build's single writer.

A build is one writing process (SQLite takes one writer) fed by the extraction workers. Turning a
record into the nodes and relationships it supports (parsing its JSON line, ``record_to_delta``) is
about half of what the writer spent per document (a cProfile of 500 documents at 200: 80 of 152 s
cumulative in ``record_to_delta``): done here, in another process, the writer only applies deltas.
``deltas`` keeps the order of the items and a bounded number of batches in flight.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from graph.pools import pool as new_pool

__all__ = ["deltas"]

_BATCH = 25           # lines per task
_AHEAD = 4            # tasks in flight (the process works while the writer writes)

#: (source, JSON line of an extraction record or None, error or None)
Line = tuple[str, "str | None", "str | None"]


def _convert(items: list[Line]) -> list[tuple[str, Any, str | None]]:
    """(source, DocumentDelta or None, error) for each item (in the pool's process)."""
    from graph.delta import record_to_delta
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
        out.append((source, record_to_delta(rec, names), None))
    return out


def deltas(items: Iterable[Line], processes: int = 1) -> Iterator[tuple[str, Any, str | None]]:
    """(source, DocumentDelta or None, error) for each (source, line, error) of ``items``, in order;
    the conversion runs in ``processes`` processes (forked, started here, stopped when done)."""
    items = iter(items)
    first = next(items, None)     # the extraction workers started first: forked while this has one thread
    if first is None:
        return
    pool = new_pool(processes)
    pending: deque[Any] = deque()
    try:
        batch: list[Line] = [first]
        for item in items:
            batch.append(item)
            if len(batch) >= _BATCH:
                pending.append(pool.apply_async(_convert, (batch,)))
                batch = []
                while len(pending) >= _AHEAD * processes:
                    yield from pending.popleft().get()
        if batch:
            pending.append(pool.apply_async(_convert, (batch,)))
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
