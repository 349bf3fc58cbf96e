"""Fixtures for the graph conformance suite: a fresh graph per test on the session's FalkorDB server
(``falkor_server`` in tests/conftest.py), and every backend this machine can reach."""
from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path

import pytest

from govkg.settings import load_settings

_counter = itertools.count()


def _backends() -> list[str]:
    out = ["embedded", "falkordb"]
    if os.environ.get("NEO4J_URI"):
        out.append("neo4j")
    return out


BACKENDS = _backends()


@pytest.fixture
def make_store(request, tmp_path: Path):
    """make_store(kind) → a fresh, schema-initialised, empty store of that kind."""
    opened = []

    def make(kind: str):
        if kind == "embedded":
            from graph.sqlite_store import SQLiteStore

            store = SQLiteStore.open(tmp_path / f"home{next(_counter)}")
        elif kind == "falkordb":
            from graph.falkordb_store import FalkorStore

            server = request.getfixturevalue("falkor_server")
            store = FalkorStore(server.host, server.port, f"t{os.getpid()}_{next(_counter)}",
                                retry_delays=(0.1, 0.2), password=server.password)
        else:
            from graph.neo4j_store import Neo4jStore

            store = Neo4jStore.open(load_settings())
            store.run_cypher("MATCH (n) DETACH DELETE n")
        store.init_schema()
        opened.append(store)
        return store

    yield make
    for store in opened:
        if store.kind == "falkordb":
            with contextlib.suppress(Exception):   # the server may have been killed by the test
                store._graph.delete()
        store.close()


@pytest.fixture(params=BACKENDS)
def store(request, make_store):
    return make_store(request.param)


@pytest.fixture(scope="session")
def corpus_records(corpus_paths):
    import loaders

    return [loaders.extract_file(p) for p in corpus_paths]


@pytest.fixture(scope="session")
def synth_records():
    from tests.support.synthetic import synthetic_records

    return list(synthetic_records(12, seed=7))


def snapshot(store) -> tuple[frozenset, frozenset]:
    """Store contents independent of backend: nodes (label, id, evidence) and relationships
    (type, start, end, evidence), evidence as a sorted tuple of (doc, start, end, quote)."""
    nodes, rels = store.export_rows()

    def ev(props):
        return tuple(sorted(zip(props.get("ev_doc") or [], props.get("ev_start") or [],
                                props.get("ev_end") or [], props.get("ev_quote") or [])))

    return (frozenset((n["label"], n["id"], ev(n["props"])) for n in nodes),
            frozenset((r["type"], r["start"], r["end"], ev(r["props"])) for r in rels))


def rel_diff(store, expected) -> str:
    """The relationships (type, start id, end id) ``store`` holds more or fewer times than ``expected``: what a
    failed count comparison names (test_fresh_load's statements case failed once in a CI run of 2026-12-07 with the
    relationship counts of the two paths different and the node counts equal; not reproduced since)."""
    from collections import Counter

    def held(s):
        return Counter((r["type"], r["start"], r["end"]) for r in s.export_rows()[1])

    got, want = held(store), held(expected)
    return f"missing {sorted(want - got)[:20]}, extra {sorted(got - want)[:20]}"


def snapshot_diff(got: tuple[frozenset, frozenset], want: tuple[frozenset, frozenset]) -> str:
    """What a failed snapshot comparison names: the nodes and relationships (with their evidence) only
    ``got`` holds and only ``want`` holds, a few of each (FalkorDB comparisons failed rarely in CI runs
    of 2026-12-07 and were not reproduced; the message is what the next failure will tell)."""
    parts = []
    for kind, g, w in (("nodes", got[0], want[0]), ("relationships", got[1], want[1])):
        if g != w:
            parts.append(f"{kind} only in the store: {sorted(g - w, key=repr)[:6]}; "
                         f"only expected: {sorted(w - g, key=repr)[:6]}")
    return " | ".join(parts) or "equal"


def wait_for_documents(home: Path, count: int, proc, timeout: float = 120) -> None:
    """Poll the embedded graph under ``home`` until it holds ``count`` documents or ``proc`` ends."""
    import time

    from graph.sqlite_store import SQLiteStore, graph_path

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if graph_path(home).exists():
            with SQLiteStore.open(home) as probe:
                if len(probe.document_states()) >= count:
                    return
        time.sleep(0.02)
