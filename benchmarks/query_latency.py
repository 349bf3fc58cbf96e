"""Latency of every named query per store: median and p95 over repeated runs with varied parameters.

    .venv/bin/python benchmarks/query_latency.py --docs 2000 --stores embedded,falkordb --repeat 30
    .venv/bin/python benchmarks/query_latency.py --corpus DIR --stores embedded     # files from `govkg synth`
    .venv/bin/python benchmarks/query_latency.py --records /tmp/rec100k.jsonl --docs 40000 --home /tmp/gh40k

By default the corpus is generated as extraction records (tests.support.synthetic, deterministic per seed) so
large N loads in minutes; ``--corpus DIR`` instead builds the store from document files (e.g. written by
``govkg synth --docs N --out DIR``) through the real reader and extractor. The first call of each query
(which builds the search / similarity / practice-vector indexes for search, similar_practices,
similar_cities and practice_communities) is reported separately as ``cold``; median and p95 are over the
warm calls. Prints a Markdown table.
``--records FILE`` takes the first ``--docs`` records of a ``govkg extract`` output instead of generated
ones; ``--home DIR`` (memory store) queries the graph `govkg build` saved under that GOVKG_HOME (built
from the same records) instead of loading one; parameters then come from an evenly spaced sample of
2,000 of the records.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PARAM_SAMPLE = 2000  # records parsed for parameters when the graph comes from --home


def _params(records, rng: random.Random) -> dict[str, dict]:
    placed = [r for r in records if r.document.subject_place] or records   # a few records name no place
    rec = rng.choice(placed)
    other = rng.choice(placed)
    models = [m.name for r in records[:2000] for m in r.named_models] or ["12341"]
    practices = [p for r in records[:2000] for p in r.practices] or ["党建引领"]
    measures = [m.summary for r in records[:2000] for m in r.measures] or ["建立居民议事会"]
    agencies = [a.name for r in records[:2000] for a in r.agencies] or ["民政部"]
    return {
        "city_profile": {"place": rec.document.subject_place},
        "compare_cities": {"places": [rec.document.subject_place, other.document.subject_place]},
        "similar_practices": {"text": rng.choice(measures), "k": 10},
        "exemplars": {"practice": rng.choice(practices)},
        "named_model": {"name": rng.choice(models)},
        "learning_network": {"limit": 200},
        "policies": {"agency": rng.choice(agencies)} if rng.random() < 0.3 else {"place": rec.document.subject_place},
        "search": {"text": rng.choice(["减负", "红色物业", "网格", "议事 协商", "社工站"])},
        "similar_cities": {"place": rec.document.subject_place},
        "practice_communities": {},
        "inventory": {},
        "document": {"doc": rec.doc_id},
        "names": {"label": rng.choice(["Place", "Practice", "NamedModel"])},
    }


def _open(kind: str):
    if kind == "embedded":
        from graph.sqlite_store import SQLiteStore

        return SQLiteStore()
    if kind == "falkordb":
        from graph.falkordb_server import FalkorServer
        from graph.falkordb_store import FalkorStore

        server = FalkorServer(data_dir=Path(tempfile.mkdtemp(prefix="govkg-bench-"))).start()
        return FalkorStore(server.host, server.port, "bench", server=server)
    from graph.stores import open_store

    return open_store(kind)


def _fill(store, records) -> str:
    """Load ``records`` into ``store`` as `govkg build` does."""
    store.init_schema()
    batch = getattr(store, "batch", None)
    step = max(1, store.load_batch)           # as `govkg build` loads: load_batch records per call
    with batch() if batch is not None else contextlib.nullcontext():
        for i in range(0, len(records), step):
            store.load_records(records[i:i + step])
    return "loaded"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000, help="synthetic documents (default 1000)")
    ap.add_argument("--corpus", type=Path, default=None, help="build from document files in this folder instead")
    ap.add_argument("--stores", default="embedded", help="comma-separated: embedded,falkordb,neo4j")
    ap.add_argument("--repeat", type=int, default=30, help="warm calls per query (default 30)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--records", type=Path, default=None,
                    help="records written by `govkg extract` (the first --docs of them)")
    ap.add_argument("--home", type=Path, default=None,
                    help="memory store: query the graph saved under this GOVKG_HOME instead of loading")
    args = ap.parse_args(argv)

    from queries import registry

    if args.records is not None:
        import itertools

        from loaders.record import ExtractionRecord

        # With --home and the memory store only, the records only supply query parameters: parse an
        # evenly spaced sample of them (100k parsed records would not fit beside the graph).
        only_home = args.home is not None and args.stores == "embedded"
        step = max(1, args.docs // PARAM_SAMPLE) if only_home else 1
        with args.records.open(encoding="utf-8") as fh:
            records = [ExtractionRecord.from_json_line(line)
                       for line in itertools.islice(fh, 0, args.docs, step)]
    elif args.corpus is not None:
        from loaders.batch import extract_one

        paths = sorted(p for p in args.corpus.rglob("*") if p.is_file())
        records = [r.record for r in (extract_one(str(p)) for p in paths) if r.ok]
    else:
        from tests.support.synthetic import synthetic_records

        records = list(synthetic_records(args.docs, seed=args.seed))
    print(f"records read: {len(records)}", file=sys.stderr)
    lines = ["| store | query | cold ms | median ms | p95 ms |", "|---|---|---:|---:|---:|"]
    for kind in args.stores.split(","):
        if kind == "embedded" and args.home is not None:
            from graph.sqlite_store import SQLiteStore

            t0 = time.perf_counter()
            store = SQLiteStore.open(args.home)
            how = f"graph opened from {args.home} ({store.query_graph().number_of_nodes():,} nodes)"
        else:
            store = _open(kind)
            t0 = time.perf_counter()
            how = _fill(store, records)
        try:
            print(f"{kind}: {how} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            rng = random.Random(args.seed)
            for spec in registry.catalogue():
                t = time.perf_counter()
                registry.run(store, spec.name, _params(records, rng)[spec.name])
                cold = (time.perf_counter() - t) * 1000
                times = []
                for _ in range(args.repeat):
                    params = _params(records, rng)[spec.name]
                    t = time.perf_counter()
                    registry.run(store, spec.name, params)
                    times.append((time.perf_counter() - t) * 1000)
                times.sort()
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                lines.append(f"| {kind} | {spec.name} | {cold:.1f} | {statistics.median(times):.1f} | {p95:.1f} |")
                print(lines[-1], file=sys.stderr)
        finally:
            store.close()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines.append(f"\nload average at the end (1 / 5 / 15 min): {load}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
