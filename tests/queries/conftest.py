"""Fixtures for the query tests: the bundled corpus (extracted) plus synthetic records, loaded into the
memory store and into a private FalkorDB (and Neo4j when NEO4J_URI is set)."""
from __future__ import annotations

import contextlib
import os

import pytest

N_SYNTHETIC = 40


@pytest.fixture(scope="session")
def corpus_records(corpus_paths):
    from loaders.batch import extract_one

    results = [extract_one(str(p)) for p in corpus_paths]
    bad = [r.error for r in results if not r.ok]
    assert not bad, bad
    return [r.record for r in results]


@pytest.fixture(scope="session")
def synth_records():
    from tests.support.synthetic import synthetic_records

    return list(synthetic_records(N_SYNTHETIC, seed=7))


@pytest.fixture(scope="session")
def all_records(corpus_records, synth_records):
    return corpus_records + synth_records


@pytest.fixture(scope="session")
def embedded_store(all_records):
    from graph.sqlite_store import SQLiteStore

    store = SQLiteStore()
    store.init_schema()
    for rec in all_records:
        store.load_record(rec)
    return store


@pytest.fixture(scope="session")
def falkordb_store(all_records, falkor_server):
    from graph.falkordb_store import FalkorStore

    store = FalkorStore(falkor_server.host, falkor_server.port, f"queries_test_{os.getpid()}",
                        password=falkor_server.password)
    store.init_schema()
    for rec in all_records:
        store.load_record(rec)
    yield store
    with contextlib.suppress(Exception):       # the graph is private to this session
        store._graph.delete()
    store.close()


@pytest.fixture(scope="session")
def neo4j_store(all_records):
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI not set")
    from graph.stores import open_store

    store = open_store("neo4j")
    store.init_schema()
    for rec in all_records:
        store.load_record(rec)
    if set(store.documents()) != {r.doc_id for r in all_records}:
        store.close()
        pytest.skip("the Neo4j database holds other documents too; point NEO4J_DATABASE at an empty one")
    yield store
    store.close()
