"""What filling the embedded store's row indexes whole costs (the end of a bulk build, ``fill_rows``):
wall and CPU seconds of this process and of its helper, per index, on a copy of an existing home.

    .venv/bin/python benchmarks/fill_rows.py --home /tmp/sp5k [--alone] [--only search,similar_practices]

The home's indexes are unmarked first (as a bulk build leaves them), then filled; ``--alone`` without
the helper process (every row computed in this one); ``--only``: those indexes alone are filled (every
index is unmarked; an index that reads another's rows needs that one too). Run from the checkout to
measure.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True, help="a home whose graph is built (its indexes are refilled)")
    ap.add_argument("--alone", action="store_true", help="no helper process")
    ap.add_argument("--only", default="", help="comma-separated index names (default: every one)")
    args = ap.parse_args()
    sys.path.insert(0, str(Path.cwd()))

    from graph import sqlite_rows
    from graph.sqlite_store import SQLiteStore
    from queries.registry import maintain_indexes

    if args.alone:
        sqlite_rows.RowKeeper.helping = lambda self: contextlib.nullcontext()   # type: ignore[method-assign]
    seed = sqlite_rows.RowKeeper.seed

    def timed_seed(self: Any, ix: Any) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        seed(self, ix)
        print(json.dumps({"index": ix.name, "wall_s": round(time.perf_counter() - wall, 2),
                          "cpu_s": round(time.process_time() - cpu, 2)}), flush=True)

    sqlite_rows.RowKeeper.seed = timed_seed      # type: ignore[method-assign]
    store = maintain_indexes(SQLiteStore.open(args.home))
    docs = store.document_count()
    if args.only:                                # the others are left unmarked, not filled
        wanted = set(args.only.split(","))
        store._rows.indexes = [ix for ix in store._rows.indexes if ix.name in wanted]
    store.suspend_rows()
    wall, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
    store.fill_rows()
    print(json.dumps({"documents": docs, "helper": not args.alone, "wall_s": round(time.perf_counter() - wall, 1),
                      "cpu_s": round(time.process_time() - cpu, 1), "helper_cpu_s": round(_children_cpu() - kids, 1),
                      "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
