"""FalkorDB writes a batch in a background thread while the next one is prepared: a batch whose
statements fail is never marked complete (the next build redoes it), the batches before it are, and
a rerun gives exactly what the memory store gives."""
from __future__ import annotations

import re

import pytest

from govkg.errors import StoreError
from tests.graph.conftest import snapshot


def test_a_failed_batch_stays_incomplete_and_a_rerun_completes_it(make_store, synth_records, monkeypatch):
    from redis.exceptions import ResponseError

    from graph.falkordb_store import FalkorStore

    store = make_store("falkordb")
    store.chunk_docs = 4
    real = FalkorStore._execute
    batches = []

    def failing(self, texts):                                        # the statements sent at once
        replies = []
        for text in texts:
            if "MERGE (d:Document {id: row.id})" in text:
                batches.append(text)
            if "-[r:MENTIONS]->(b)" in text and len(batches) == 2:   # inside the second batch (either path)
                replies.append(ResponseError("injected"))            # rejected; the others still run
            else:
                replies += real(self, [text])
        return replies

    monkeypatch.setattr(FalkorStore, "_execute", failing)
    with pytest.raises(StoreError, match="injected"):
        store.load_records(synth_records[:8])
    monkeypatch.setattr(FalkorStore, "_execute", real)
    states = store.document_states()
    first, second = [r.doc_id for r in synth_records[:4]], [r.doc_id for r in synth_records[4:8]]
    assert all(states[d].complete for d in first)
    assert all(not states[d].complete for d in second if d in states)
    store.load_records(synth_records)
    expected = make_store("embedded")
    for rec in synth_records:
        expected.load_record(rec)
    assert snapshot(store) == snapshot(expected)
    assert store.documents() == expected.documents()


def test_a_bulk_statement_retried_after_it_committed_writes_nothing_twice(make_store, synth_records, monkeypatch):
    """A fresh load creates what cannot exist yet (``bulk_*`` statements); when the replies of such
    statements are lost after the server committed them (a batch's statements are sent at once), the
    retries are sent as the merging ``upsert_*`` statements with the same rows, so nothing is written
    twice."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    from graph.falkordb_store import FalkorStore

    store = make_store("falkordb")
    store.chunk_docs = 4                                             # three batches, each losing its replies
    real = FalkorStore._execute
    lost = []

    def execute(self, texts):                                        # statements sent at once
        replies = real(self, texts)
        creating = [t for t in texts if "CREATE (k:Evidence" in t]
        if creating and len(lost) < 3:                               # committed, then the replies are lost
            lost.append(creating)
            raise RedisConnectionError("reply lost")
        return replies

    monkeypatch.setattr(FalkorStore, "_execute", execute)
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
    real = FalkorStore._execute
    writes = []

    def recording(self, texts):                                      # every statement sent
        writes.extend(t for t in texts if "(d:Document" in t and re.search(r"\bSET d(\s*\+=|\.)", t))  # a Document's properties
        return real(self, texts)

    monkeypatch.setattr(FalkorStore, "_execute", recording)
    store.load_records(synth_records)
    store.load_records(synth_records[:3])                     # unchanged: nothing written
    assert len(writes) == -(-len(synth_records) // store.chunk_docs)   # one per batch of five
    states = store.document_states()
    assert sorted(states) == sorted(r.doc_id for r in synth_records)
    assert all(st.complete for st in states.values())
    assert store.run_cypher("MATCH (m:GraphMeta {id: 'graph'}) RETURN m.loading AS loading")[0]["loading"] == []
    found = store.full_text_candidates(["社区"])
    assert found is not None and found                       # the full-text field came with that one write
