"""Per-call CPU of ``city_profile``, ``compare_cities`` or ``named_model`` on the cities whose answers are
largest at 100,000 generated documents, without building 100,000 documents.

Generated document *i* is about the city of triple ``i % 997`` (``tests/support/synthetic.py``); a city
named by several triples is the subject of about 100 documents per triple at 100,000. The home built
here holds every document *i* < 100,000 of the first ``--cities`` cities' triples (and of the triples
just before them, whose documents send visitors to them), so those cities' neighbourhoods — documents,
measures, figures, agencies, learning links — are exactly the ones they have at 100,000 documents
(12 cities: 8,436 documents, the largest answer 5,667 rows); only the hubs every document shares
(policies, practices) hold fewer entries.

    .venv/bin/python benchmarks/dense_cities.py --home /tmp/dense --cities 12 --build     # once (6 min, load 8)
    .venv/bin/python benchmarks/dense_cities.py --home /tmp/dense --query city_profile --rounds 3
    cd OTHER_CHECKOUT && PYTHONPATH=. python /path/to/benchmarks/dense_cities.py --home /tmp/dense --query city_profile

Each round opens a fresh view of the graph; each call's CPU time is the least over the rounds (the
process's own time: the figure that moves least on a shared machine). ``--dump FILE`` writes the
answers of the last round, to compare two checkouts' answers byte for byte.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

_NAMES = ("五位一体", "三事分流", "四议两公开", "红色管家", "12345")


def build(home: Path, ncities: int) -> None:
    from govkg.settings import load_settings
    from graph.build import build_records
    from graph.stores import open_store
    from tests.support.synthetic import _cities, synthetic_record

    triples = _cities(1)[:997]
    chosen: list[str] = []
    for triple in triples:
        if triple[1] not in chosen:
            chosen.append(triple[1])
        if len(chosen) == ncities:
            break
    wanted = {k for k, triple in enumerate(triples) if triple[1] in chosen}
    wanted |= {(k - 1) % 997 for k in wanted}            # their visitors' documents
    docs = [i for i in range(100_000) if i % 997 in wanted]
    home.mkdir(parents=True, exist_ok=True)
    (home / "cities.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    store = open_store("embedded", load_settings({"GOVKG_HOME": str(home), "GOVKG_STORE": "embedded"}))
    t = time.perf_counter()
    build_records(((r.source, r, None) for r in (synthetic_record(i, 1) for i in docs)), store)
    store.close()
    print(f"{len(chosen)} cities, {len(wanted)} triples, {len(docs)} documents loaded in {time.perf_counter() - t:.0f} s")


def measure(home: Path, query: str, rounds: int, dump: Path | None) -> None:
    from govkg.settings import load_settings
    from graph.stores import open_store
    from queries import registry

    cities = (home / "cities.txt").read_text(encoding="utf-8").split()
    store = open_store("embedded", load_settings({"GOVKG_HOME": str(home), "GOVKG_STORE": "embedded"}))
    rng = random.Random(0)
    if query == "city_profile":
        params = [{"place": c} for c in cities]
    elif query == "compare_cities":
        params = [{"places": rng.sample(cities, 2)} for _ in range(len(cities))]
    else:
        params = [{"name": n} for n in _NAMES] * 2
    best = [float("inf")] * len(params)
    answers: list[list[dict]] = []
    for _ in range(rounds):
        store._query_view = None                 # a fresh view: nothing loaded by the round before
        answers = []
        for i, p in enumerate(params):
            c = time.process_time()
            answers.append(registry.run(store, query, p))
            best[i] = min(best[i], time.process_time() - c)
    print(f"{query}: CPU ms per call (least of {rounds} rounds): " + " ".join(f"{1000 * x:.0f}" for x in best))
    print(f"max {1000 * max(best):.0f} ms, sum {1000 * sum(best):.0f} ms; rows: {[len(a) for a in answers]}")
    if dump is not None:
        dump.write_text(json.dumps(answers, ensure_ascii=False, sort_keys=True, default=str), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--cities", type=int, default=12)
    ap.add_argument("--build", action="store_true", help="build the home first")
    ap.add_argument("--query", choices=("city_profile", "compare_cities", "named_model"), default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dump", type=Path, default=None, help="write the last round's answers here (JSON)")
    args = ap.parse_args(argv)
    if args.build:
        build(args.home, args.cities)
    if args.query:
        measure(args.home, args.query, args.rounds, args.dump)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
