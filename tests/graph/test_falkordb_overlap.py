"""FalkorDB writes a batch in a background thread while the next one is prepared: a batch whose
statements fail is never marked complete (the next build redoes it), the batches before it are, and
a rerun gives exactly what the memory store gives."""
from __future__ import annotations

import pytest

from govkg.errors import StoreError
from tests.graph.conftest import snapshot


def test_a_failed_batch_stays_incomplete_and_a_rerun_completes_it(make_store, synth_records, monkeypatch):
    from graph.falkordb_store import FalkorStore

    store = make_store("falkordb")
    store.chunk_docs = 4
    real = FalkorStore._run
    batches = []

    def failing(self, query, params=None):
        if "MERGE (d:Document {id: row.id})" in query:
            batches.append(query)
        if "MERGE (a)-[r:MENTIONS]->(b)" in query and len(batches) == 2:      # inside the second batch
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
    expected = make_store("memory")
    for rec in synth_records:
        expected.load_record(rec)
    assert snapshot(store) == snapshot(expected)
    assert store.documents() == expected.documents()
