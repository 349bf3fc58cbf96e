"""Load a generated graph (≥ 100k nodes, ≥ 300k relationships at the default size) into each local
backend through the normal loading path (``GraphStore.load_records``: the memory store applies one
document at a time, FalkorDB sends ``--batch`` documents per statement) and report rows/second.
For FalkorDB alone, with the first and last thousand documents timed and a side-by-side run of two
checkouts, see ``benchmarks/falkordb_load.py``.

    .venv/bin/python benchmarks/load_graph.py --docs 6000 [--stores embedded,falkordb] [--batch 50]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=6000)
    ap.add_argument("--stores", default="embedded,falkordb")
    ap.add_argument("--batch", type=int, default=None, help="documents per batch (default: the store's)")
    args = ap.parse_args()
    from graph.falkordb_server import FalkorServer
    from graph.falkordb_store import FalkorStore
    from graph.sqlite_store import SQLiteStore
    from tests.support.synthetic import synthetic_records

    t = time.perf_counter()
    records = list(synthetic_records(args.docs, seed=1))
    print(f"generated {len(records)} records in {time.perf_counter() - t:.1f} s")
    for kind in args.stores.split(","):
        server = None
        with tempfile.TemporaryDirectory() as home:
            if kind == "embedded":
                store = SQLiteStore.open(Path(home))
            else:
                server = FalkorServer().start()
                store = FalkorStore(server.host, server.port, "bench", password=server.password)
            store.init_schema()
            if args.batch and hasattr(store, "chunk_docs"):
                store.load_batch = store.load_batch // store.chunk_docs * args.batch
                store.chunk_docs = args.batch
            elif args.batch:
                store.load_batch = args.batch
            t = time.perf_counter()
            with (store.batch() if kind == "embedded" else _null()):
                for i in range(0, len(records), store.load_batch):
                    store.load_records(records[i:i + store.load_batch])
            seconds = time.perf_counter() - t
            stats = store.stats()
            nodes, rels = sum(stats["nodes"].values()), sum(stats["relationships"].values())
            print(f"{kind:9s} batch {getattr(store, 'chunk_docs', store.load_batch)}  {args.docs} docs  {nodes} nodes  {rels} relationships  {seconds:.1f} s  "
                  f"{(nodes + rels) / seconds:,.0f} rows/s  {args.docs / seconds:,.1f} docs/s", flush=True)
            store.close()
            if server:
                server.stop()


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    main()
