"""FalkorDB writes a batch in a background thread while the next one is prepared: a batch whose
statements fail is never marked complete (the next build redoes it), the batches before it are, and
a rerun gives exactly what the memory store gives."""
from __future__ import annotations

import re

import pytest

from govkg.errors import StoreError
from tests.graph.conftest import snapshot, snapshot_diff


def test_a_failed_batch_stays_incomplete_and_a_rerun_completes_it(make_store, synth_records, monkeypatch):
    from graph.falkordb_store import FalkorStore

    store = make_store("falkordb")
    store.chunk_docs = 4
    real = FalkorStore._run
    batches = []

    def failing(self, query, params=None):
        if "MERGE (d:Document {id: row.id})" in query:
            batches.append(query)
        if "-[r:MENTIONS]->(b)" in query and len(batches) == 2:      # inside the second batch (either path)
            raise StoreError("FalkorDB rejected a statement: injected")
        return real(self, query, params)

    monkeypatch.setattr(FalkorStore, "_run", failing)
    with pytest.raises(StoreError, match="injected"):
        store.load_records(synth_records[:8])
    monkeypatch.setattr(FalkorStore, "_run", real)
    states = store.document_states()
    first, second = [r.doc_id for r in synth_records[:4]], [r.doc_id for r in synth_records[4:8]]
    assert all(states[d].complete for d in first)
    assert all(not states[d].complete for d in second if d in states)
    store.load_records(synth_records)
    expected = make_store("embedded")
    for rec in synth_records:
        expected.load_record(rec)
    got, want = snapshot(store), snapshot(expected)
    assert got == want, snapshot_diff(got, want)
    assert store.documents() == expected.documents()


def test_a_bulk_statement_retried_after_it_committed_writes_nothing_twice(make_store, synth_records, monkeypatch):
    """A fresh load creates what cannot exist yet (``bulk_*`` statements); when the reply of such a
    statement is lost after the server committed it, the retry is sent as the merging ``upsert_*``
    statement with the same rows, so nothing is written twice."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    store = make_store("falkordb")
    real = store._graph.execute_command
    lost = []

    def execute_command(*args, **kwargs):                            # GRAPH.QUERY, graph, text, --compact
        result = real(*args, **kwargs)
        text = str(args[2]) if len(args) > 2 else ""
        if "CREATE (k:Evidence" in text and len(lost) < 3:         # committed, then the reply is lost
            lost.append(text)
            raise RedisConnectionError("reply lost")
        return result

    monkeypatch.setattr(store._graph, "execute_command", execute_command)
    store.load_records(synth_records)
    assert len(lost) == 3
    expected = make_store("embedded")
    for rec in synth_records:
        expected.load_record(rec)
    assert snapshot(store) == snapshot(expected)
    keys = store.run_cypher("MATCH (k:Evidence) RETURN k.id AS id")
    assert len(keys) == len({r["id"] for r in keys})                 # one Evidence node per relationship


def test_each_document_is_written_once_per_load(make_store, synth_records, monkeypatch):
    """Issue 14: a load writes each Document node by one statement (every property, the full-text field
    included); what says its facts are written is the batch's loading list, not a second write."""
    from graph.falkordb_store import FalkorStore

    store = make_store("falkordb")
    store.chunk_docs = 5
    real = FalkorStore._run
    writes = []

    def recording(self, query, params=None):
        if "(d:Document" in query and re.search(r"\bSET d(\s*\+=|\.)", query):   # a Document's properties
            writes.append(query)
        return real(self, query, params)

    monkeypatch.setattr(FalkorStore, "_run", recording)
    store.load_records(synth_records)
    store.load_records(synth_records[:3])                     # unchanged: nothing written
    assert len(writes) == -(-len(synth_records) // store.chunk_docs)   # one per batch of five
    states = store.document_states()
    assert sorted(states) == sorted(r.doc_id for r in synth_records)
    assert all(st.complete for st in states.values())
    assert store.run_cypher("MATCH (m:GraphMeta {id: 'graph'}) RETURN m.loading AS loading")[0]["loading"] == []
    found = store.full_text_candidates(["社区"])
    assert found is not None and found                       # the full-text field came with that one write


def test_a_calls_last_batches_halve(make_store, monkeypatch):
    """The batches of one call are ``chunk_docs`` documents until its last ``2 × chunk_docs``, then halve down
    to ``tail_docs``: the call ends waiting for the server to write a small batch, not a whole one (the
    batches before it are written while the next is prepared). The graph is what loading one by one gives."""
    from graph.falkordb_store import FalkorStore
    from graph.statements import statement_text
    from tests.support.synthetic import synthetic_records

    records = list(synthetic_records(20, seed=11))
    store = make_store("falkordb")
    store.chunk_docs, store.tail_docs = 8, 2
    real = FalkorStore._run
    sizes = []

    def recording(self, query, params=None):
        if query == statement_text("begin_batch"):
            sizes.append(len(params["ids"]))
        return real(self, query, params)

    monkeypatch.setattr(FalkorStore, "_run", recording)
    store.load_records(records)
    assert sizes == [8, 6, 3, 2, 1]
    expected = make_store("embedded")
    for rec in records:
        expected.load_record(rec)
    assert snapshot(store) == snapshot(expected)
