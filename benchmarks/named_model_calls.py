"""Per-call CPU and wall time of ``named_model`` on a home built by ``govkg build``, for the names drawn as
``benchmarks/embedded_store.py`` draws them (``query_latency._params`` over the first 2,000 records), each
name's row count beside it; run from two checkouts one after the other to compare them.

    .venv/bin/python benchmarks/named_model_calls.py --home /tmp/q5/h10k --records /tmp/store5/rec10k.jsonl --assume-kept
    cd OLD_CHECKOUT && PYTHONPATH=. python /path/to/benchmarks/named_model_calls.py --home ... --assume-kept

``--assume-kept``: the home's kept indexes taken as this code's (as ``embedded_store.py --assume-kept``).
``--fill-new`` (with it): first fill the row indexes this code has and the home lacks, and say how long
that took — writes to the home.
"""
from __future__ import annotations

import argparse
import itertools
import random
import sqlite3
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--calls", type=int, default=12)
    ap.add_argument("--assume-kept", action="store_true")
    ap.add_argument("--fill-new", action="store_true")
    args = ap.parse_args(argv)
    if args.assume_kept:
        import graph.revision
        import graph.sqlite_store

        with sqlite3.connect(f"file:{args.home / 'graph' / 'graph.sqlite'}?mode=ro", uri=True) as db:
            kept_by = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()[0]
        graph.revision.code_revision = graph.sqlite_store.code_revision = lambda: kept_by
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from query_latency import _params

    from govkg.settings import load_settings
    from graph.stores import open_store
    from loaders.record import ExtractionRecord
    from queries import registry

    with open(args.records, encoding="utf-8") as f:
        records = [ExtractionRecord.from_json_line(line) for line in itertools.islice(f, 2000)]
    store = open_store("embedded", load_settings({"GOVKG_HOME": str(args.home), "GOVKG_STORE": "embedded"}))
    if args.fill_new:
        missing = [ix.name for ix in registry.row_indexes() if not store.rows_current(ix.name)]
        t = time.perf_counter()
        registry.keep_indexes(store)
        print(f"filled {missing} in {time.perf_counter() - t:.0f} s")
    rng = random.Random(0)
    names = [_params(records, rng)["named_model"]["name"] for _ in range(args.calls)]
    for name in names:
        t, c = time.perf_counter(), time.process_time()
        rows = registry.run(store, "named_model", {"name": name})
        print(f"{(time.process_time() - c) * 1000:.0f} ms CPU, {(time.perf_counter() - t) * 1000:.0f} ms wall, "
              f"{len(rows)} rows: {name}")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
