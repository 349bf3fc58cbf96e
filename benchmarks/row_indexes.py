"""The cost of the row indexes the embedded store maintains per document (``graph/sqlite_rows.py``):
CPU seconds of a first build of N generated documents (``build_records``, which ends with the flush),
of ``keep_indexes`` after it, of adding EXTRA documents more, and of ``keep_indexes`` again; peak RSS.

    .venv/bin/python benchmarks/row_indexes.py --docs 3000 --extra 100 --home /tmp/ri-new
    git archive 0137ef9 | tar -x -C /tmp/ri-old-code     # a checkout from before the row indexes
    (cd /tmp/ri-old-code && PYTHONPATH=. /path/to/.venv/bin/python /path/to/benchmarks/row_indexes.py \\
        --docs 3000 --extra 100 --home /tmp/ri-old)

Records come from ``tests.support.synthetic`` (seed 1). Run from the checkout to measure (its code is
imported from the working directory).
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _timed(what: str, fn: Callable[[], Any]) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    print(f"{what}: wall {time.perf_counter() - wall:.1f} s, CPU {time.process_time() - cpu:.1f} s", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--extra", type=int, default=100)
    ap.add_argument("--home", type=Path, required=True, help="an empty folder for the graph")
    args = ap.parse_args()
    sys.path.insert(0, str(Path.cwd()))        # the checkout measured: the working directory's code

    from graph.build import build_records
    from graph.sqlite_store import SQLiteStore
    from queries import registry
    from tests.support.synthetic import synthetic_records

    records = list(synthetic_records(args.docs + args.extra, seed=1))
    store = SQLiteStore.open(args.home)
    maintain = getattr(registry, "maintain_indexes", None)     # (a checkout from before them has none)
    if maintain is not None:
        maintain(store)
    _timed(f"build {args.docs}", lambda: build_records(((r.source, r, None) for r in records[:args.docs]), store))
    _timed("keep_indexes", lambda: registry.keep_indexes(store))
    _timed(f"add {args.extra}", lambda: build_records(((r.source, r, None) for r in records[args.docs:]), store))
    _timed("keep_indexes", lambda: registry.keep_indexes(store))
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
