"""What each query cache that survives saves: the same calls with the cache and without it.

    .venv/bin/python benchmarks/caches.py --docs 2000

Loads ``--docs`` generated records (``tests.support.synthetic``, seed 1) into an embedded store, then:

* per-version indexes (``queries.rows.cached``: search, similar_practices, similar_cities,
  practice_communities, learning_network, exemplars' rankings, the names a parameter is resolved
  against): the first call of each query on a graph version (which builds the index) against the
  median of later calls (which reuse it);
* the label index (``queries.walk.index_of``, one ``GraphIndex`` per graph version): building it against
  finding it again;
* the quote memo of ``queries.grading`` (``lru_cache`` on ``grade_evidence``, ``recognition``,
  ``recognition_about``): ``exemplars`` for every practice, then ``compare_cities`` on a sample of
  places, on a fresh graph version, with the memo as it is and with the functions unwrapped.

Prints a Markdown table (milliseconds); the figures in docs/queries.md "Caches" come from it.
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


def _ms(f) -> float:
    t = time.perf_counter()
    f()
    return (time.perf_counter() - t) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=10, help="later calls per query (default 10)")
    args = ap.parse_args(argv)

    from query_latency import _fill, _params

    from graph.sqlite_store import SQLiteStore
    from queries import compare_cities as compare
    from queries import exemplars, grading, registry, rows, walk
    from tests.support.synthetic import synthetic_records

    records = list(synthetic_records(args.docs, seed=1))
    store = SQLiteStore()
    t = time.perf_counter()
    _fill(store, records)
    print(f"{args.docs} documents loaded in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    lines = ["| cache | without (first call) ms | with (later calls, median) ms |", "|---|---:|---:|"]

    rng = random.Random(1)
    for name in ("search", "similar_practices", "similar_cities", "practice_communities", "learning_network",
                 "exemplars"):
        rows._CACHE.clear()
        fixed = _params(records, rng)["exemplars"]  # exemplars keeps a ranking per practice: ask the same again
        call = (lambda name=name, fixed=fixed: registry.run(store, name, fixed if name == "exemplars"
                                                            else _params(records, rng)[name]))
        call()                                  # imports and first reads, not the index
        rows._CACHE.clear()
        cold = _ms(call)
        warm = statistics.median(_ms(call) for _ in range(args.repeat))
        lines.append(f"| `{name}` per-version index (`rows.cached`) | {cold:.1f} | {warm:.1f} |")
    rows._CACHE.clear()
    cold = _ms(lambda: registry.resolve_name(store, "Place", records[0].document.subject_place))
    warm = statistics.median(_ms(lambda: registry.resolve_name(store, "Place", rng.choice(records).document.subject_place))
                             for _ in range(args.repeat))
    lines.append(f"| place names for parameters (`registry.names_of`) | {cold:.1f} | {warm:.1f} |")

    g = store.query_graph()
    labels = ("Place", "Practice", "NamedModel", "Agency", "Policy", "Document")
    build = statistics.median(_ms(lambda: [walk.GraphIndex(g).nodes(lab) for lab in labels]) for _ in range(3))
    walk.index_of(g)
    for lab in labels:
        walk.index_of(g).nodes(lab)
    hit = statistics.median(_ms(lambda: [walk.index_of(g).nodes(lab) for lab in labels]) for _ in range(args.repeat))
    lines.append(f"| label index, six labels (`walk.index_of`) | {build:.1f} | {hit:.2f} |")

    practices = sorted({p for r in records for p in r.practices})
    places = sorted({r.document.subject_place for r in records if r.document.subject_place})
    pairs = [random.Random(i).sample(places, 2) for i in range(20)]

    def grading_pass() -> float:
        rows._CACHE.clear()
        t = time.perf_counter()
        for p in practices:
            registry.run(store, "exemplars", {"practice": p})
        for pair in pairs:
            registry.run(store, "compare_cities", {"places": pair})
        return (time.perf_counter() - t) * 1000

    memoised = (grading.grade_evidence, grading.recognition, grading.recognition_about)
    grading_pass()                              # imports, label index and node reads warm
    for f in memoised:
        f.cache_clear()
    first_memo = grading_pass()                 # the memo fills
    again_memo = statistics.median(grading_pass() for _ in range(3))   # new versions: the memo holds every quote

    plain = {f.__name__: f.__wrapped__ for f in memoised}
    try:
        for module in (grading, exemplars, compare):
            for fname, f in plain.items():
                if hasattr(module, fname):
                    setattr(module, fname, f)
        without = [grading_pass() for _ in range(3)]
    finally:
        for module in (grading, exemplars, compare):
            for f in memoised:
                if hasattr(module, f.__name__):
                    setattr(module, f.__name__, f)
    lines.append(f"| quote memo (`grading` lru_cache): exemplars × {len(practices)} practices + compare_cities × "
                 f"{len(pairs)}, new version | {statistics.median(without):.0f} | "
                 f"{again_memo:.0f} (first fill {first_memo:.0f}) |")
    store.close()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print("\n".join(lines) + f"\n\n{args.docs} generated documents; load average {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
