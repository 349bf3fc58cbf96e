"""exemplars on a saved embedded graph: the first call for every practice, then repeated calls.

    .venv/bin/python benchmarks/build_scale.py /tmp/rec100k.jsonl --sizes 20000 --keep /tmp/bs
    .venv/bin/python benchmarks/exemplars_calls.py --home /tmp/bs/home-20000

The ranking is kept per (graph version, practice), so the first call for a practice does the work
(linear in the practice's measures) and later calls, any ``k``, only slice it. Prints both.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True, help="a GOVKG_HOME holding a built memory graph")
    ap.add_argument("--repeat", type=int, default=30, help="later calls (random practice and k)")
    args = ap.parse_args(argv)

    from graph.sqlite_store import SQLiteStore
    from graph.taxonomy import practice_categories
    from queries import registry

    t = time.perf_counter()
    store = SQLiteStore.open(args.home)
    print(f"opened {args.home} ({store.query_graph().number_of_nodes():,} nodes) in {time.perf_counter() - t:.1f} s")
    registry.run(store, "document", {"doc": "-"})          # the graph index, built once per process
    names = [name for name, _ in practice_categories()]
    first = []
    for name in names:
        t = time.perf_counter()
        rows = registry.run(store, "exemplars", {"practice": name})
        first.append((time.perf_counter() - t) * 1000)
        print(f"  {name}: {first[-1]:,.0f} ms, {len(rows)} places")
    rng = random.Random(0)
    later = []
    for _ in range(args.repeat):
        params = {"practice": rng.choice(names), "k": rng.choice([5, 10, 50, 200])}
        t = time.perf_counter()
        registry.run(store, "exemplars", params)
        later.append((time.perf_counter() - t) * 1000)
    print(f"first call per practice ({len(first)}): median {statistics.median(first):,.0f} ms, "
          f"max {max(first):,.0f} ms, all {sum(first) / 1000:.1f} s")
    print(f"later calls ({len(later)}): median {statistics.median(later):.2f} ms, max {max(later):.2f} ms")
    print(f"load average (1 / 5 / 15 min): {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
