"""What each query cache that survives saves: the same calls with the cache and without it.

    .venv/bin/python benchmarks/caches.py --docs 2000

Loads ``--docs`` generated records (``tests.support.synthetic``, seed 1) into an embedded store, then:

* per-version indexes (``queries.rows.cached``: search, similar_practices, similar_cities,
  practice_communities, learning_network, exemplars' rankings, the names a parameter is resolved
  against): the first call of each query on a graph version (which builds the index) against the
  median of later calls (which reuse it);
* the label index (``queries.walk.index_of``, one ``GraphIndex`` per graph version): building it against
  finding it again;
* the constant caches (``functools.cache``, nothing of the graph in them: the full-text fold table and
  its preimages, the statements' and the named queries' Cypher text): making the value (the function
  behind the cache, median of 5) against reading the kept copy.

(The quote memo of ``queries.grading`` was measured by this script at commit 6cb7973 and removed: it
saved nothing within a graph version, see docs/queries.md "Caches".)

Prints a Markdown table (milliseconds); the figures in docs/queries.md "Caches" come from it.
"""
from __future__ import annotations

import argparse
import functools
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
    from queries import registry, rows, walk
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

    store.close()
    lines += constant_caches()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print("\n".join(lines) + f"\n\n{args.docs} generated documents; load average {load}")
    return 0


def constant_caches() -> list[str]:
    """A table row per ``functools.cache`` of the query layers: the uncached function against the cache."""
    from graph import fulltext as graph_fulltext
    from graph.statements import statement_text
    from queries import fulltext as queries_fulltext
    from queries import load_cypher

    cases = (("full-text fold table (`queries.fulltext._fold_table`)", queries_fulltext._fold_table, ()),
             ("fold preimages (`graph.fulltext._preimages`)", graph_fulltext._preimages, ()),
             ("a store statement's text (`graph.statements.statement_text`)", statement_text, ("upsert_nodes",)),
             ("a named query's Cypher (`queries.load_cypher`)", load_cypher, ("city_profile",)))
    out = []
    for label, cached_fn, args in cases:
        make, read = functools.partial(cached_fn.__wrapped__, *args), functools.partial(cached_fn, *args)
        made = statistics.median(_ms(make) for _ in range(5))
        read()
        hit = statistics.median(_ms(read) for _ in range(101))
        out.append(f"| {label} | {made:.3f} | {hit:.5f} |")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
