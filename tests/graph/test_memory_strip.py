"""The memory store removes a document by its footprint (the nodes its facts were written to); the
result must be exactly what scanning the whole graph gives, for every document of the corpus."""
from __future__ import annotations

import copy

from graph.memory_store import MemoryStore


def _snapshot(store: MemoryStore) -> tuple[list, list]:
    g = store.graph
    return (sorted((n, sorted(a.items(), key=str)) for n, a in g.nodes(data=True)),
            sorted((u, v, k, sorted(a.items(), key=str)) for u, v, k, a in g.edges(keys=True, data=True)))


def test_strip_by_footprint_equals_full_scan(corpus_records):
    store = MemoryStore()
    store.init_schema()
    for rec in corpus_records:
        store.load_record(rec)
    footprints = store.graph.graph["footprints"]
    assert set(footprints) == {r.doc_id for r in corpus_records}
    for rec in corpus_records:
        by_footprint = MemoryStore(copy.deepcopy(store.graph))
        by_scan = MemoryStore(copy.deepcopy(store.graph))
        del by_scan.graph.graph["footprints"][rec.doc_id]          # as in a graph saved before footprints
        assert by_footprint.remove_document(rec.doc_id) and by_scan.remove_document(rec.doc_id)
        assert _snapshot(by_footprint) == _snapshot(by_scan)
        assert rec.doc_id not in by_footprint.graph.graph["footprints"]
        assert all(rec.doc_id not in a.get("ev_doc", ()) for _, a in by_footprint.graph.nodes(data=True))


def test_reloading_a_changed_document_keeps_one_footprint(corpus_records):
    store = MemoryStore()
    store.init_schema()
    rec = corpus_records[0]
    store.load_record(rec)
    before = _snapshot(store)
    changed = rec.model_copy(update={"text": rec.text + "\n"})
    store.load_record(changed)
    store.load_record(rec)
    assert _snapshot(store) == before
    assert list(store.graph.graph["footprints"]) == [rec.doc_id]
