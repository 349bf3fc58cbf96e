"""Search on FalkorDB: the backend's full-text indexes narrowing the documents and the entities (what
govkg does on a graph that records its full-text field) against the in-process index built from every
document and entity (what it does on a graph that does not, and what every Cypher store did before). Loads the records
into a fresh private FalkorDB server once, then times ``registry.run(store, "search", …)`` for each
term: the first call of the process and the median of the warm calls, and checks both ways give the
same rows.

    .venv/bin/python benchmarks/search_backend.py --records /tmp/rec2k.jsonl --docs 2000
    .venv/bin/python benchmarks/search_backend.py --docs 500          # tests.support.synthetic records

The in-process way is measured on the same graph with its full-text field's format record removed
(``GraphMeta.grams``), so the store answers as for a graph written before the field was kept.
"""
from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TERMS = ("社区", "减负", "党建引领", "网格化管理", "居民议事会 红色物业", "12345", "物业 小区")


def _records(path: str | None, docs: int):
    if path:
        from loaders.record import ExtractionRecord

        with open(path, encoding="utf-8") as fh:
            return [ExtractionRecord.model_validate_json(line) for line in itertools.islice(fh, docs)]
    from tests.support.synthetic import synthetic_records

    return list(synthetic_records(docs, seed=1))


def _time(store, text: str, repeat: int) -> tuple[float, float, list[dict]]:
    from queries import registry

    times, rows = [], []
    for _ in range(repeat + 1):
        t = time.perf_counter()
        rows = registry.run(store, "search", {"text": text})
        times.append(time.perf_counter() - t)
    return times[0], statistics.median(times[1:]), rows


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--records", help="records written by `govkg extract` (the first --docs of them)")
    ap.add_argument("--repeat", type=int, default=5, help="warm calls per term (default 5)")
    args = ap.parse_args(argv)

    from graph.falkordb_server import FalkorServer
    from graph.falkordb_store import FalkorStore

    recs = _records(args.records, args.docs)
    print(f"{len(recs)} documents, load average {os.getloadavg()[0]:.1f}", flush=True)
    with FalkorServer() as server:
        store = FalkorStore(server.host, server.port, "search_bench", password=server.password)
        store.init_schema()
        t = time.perf_counter()
        store.load_records(recs)
        print(f"loaded in {time.perf_counter() - t:.1f} s: {store.stats()['nodes'].get('Document')} documents", flush=True)
        results = {}
        for way in ("backend index", "in-process index"):
            if way == "in-process index":
                store.run_cypher("MATCH (m:GraphMeta {id: 'graph'}) REMOVE m.grams")
            for text in TERMS:
                first, warm, rows = _time(store, text, args.repeat)
                results.setdefault(text, []).append(rows)
                print(f"{way:17s} {text:12s} first {first * 1000:8.0f} ms   warm median {warm * 1000:8.0f} ms"
                      f"   {len(rows)} hits", flush=True)
        same = all(a == b for a, b in results.values())
        print("both ways give the same rows:", same)
        store.close()
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
