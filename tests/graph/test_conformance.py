"""One conformance suite for every store backend (memory and FalkorDB always, Neo4j with NEO4J_URI)."""
from __future__ import annotations

import pytest

from graph.model import EV_FIELDS, label_of_id
from graph.store import LoadOutcome
from loaders.record import ExtractionRecord, doc_id_for
from tests.graph.conftest import BACKENDS, snapshot
from tests.graph.test_version_and_batches import _rows
from tests.support.stores import loaded_alone

HOSTILE = ("'}) MATCH (n) DETACH DELETE n //", "<script>alert('x')</script>", 'back\\slash "dq" `tick`',
           "line\nbreak\ttab\x01ctl", "$param {braces} ；")


def _load(store, records):
    return [store.load_record(r) for r in records]


def test_corpus_counts_identical_across_backends(make_store, corpus_records, synth_records):
    results = {}
    for kind in BACKENDS:
        s = make_store(kind)
        _load(s, corpus_records + synth_records)
        results[kind] = (s.stats(), snapshot(s))
    first = results[BACKENDS[0]]
    assert first[0]["nodes"]["Document"] == len(corpus_records) + len(synth_records)
    for kind, got in results.items():
        assert got == first, kind


def test_idempotent_rebuild(store, corpus_records, synth_records):
    records = corpus_records + synth_records
    assert set(_load(store, records)) == {LoadOutcome.ADDED}
    before = (store.stats(), snapshot(store))
    assert set(_load(store, records)) == {LoadOutcome.UNCHANGED}
    assert (store.stats(), snapshot(store)) == before
    assert store.documents() == {r.doc_id: store.documents()[r.doc_id] for r in records}


def _changed(rec: ExtractionRecord) -> ExtractionRecord:
    text = rec.text + "\n补充说明。"
    return rec.model_copy(update={"text": text, "doc_id": doc_id_for(text)})


def test_changed_document_replaces_its_facts(store, make_store, synth_records):
    _load(store, synth_records)
    new = _changed(synth_records[2])
    assert store.load_record(new) == LoadOutcome.UPDATED
    assert synth_records[2].doc_id not in store.documents()
    expected = make_store(store.kind)
    _load(expected, [r for r in synth_records if r is not synth_records[2]] + [new])
    assert snapshot(store) == snapshot(expected)


def _edition(rec: ExtractionRecord, i: int) -> ExtractionRecord:
    """Another file telling of ``rec``'s named model and learning in its own words: the same facts
    (same ids), another definition and another ``what``."""
    nm = rec.named_models[0]
    definition = f"“{nm.name}”工作法第{i}版"
    text = f"{rec.text}\n{definition}。"
    return rec.model_copy(update={
        "text": text, "doc_id": doc_id_for(text), "source": f"{rec.source}#{i}",
        "named_models": [nm.model_copy(update={"definition": definition}), *rec.named_models[1:]],
        "learning": [lr.model_copy(update={"what": f"第{i}版经验"}) for lr in rec.learning]})


def test_last_document_wins_within_one_load(store, synth_records):
    """Documents new to the graph giving one node and one relationship different properties, loaded
    in one call: each fact holds what the last of them gives, as loading them one by one does.
    FalkorDB does not apply a statement's rows in their order after a MERGE (before 2026-12-06 the
    node kept the fourth document's definition here), so no store may rely on that order."""
    base = synth_records[0]
    editions = [_edition(base, i) for i in range(1, 6)]
    assert store.load_records(editions) == [LoadOutcome.ADDED] * len(editions)
    nodes, rels = store.export_rows()
    model = [n for n in nodes if n["label"] == "NamedModel"]
    assert [n["props"]["definition"] for n in model] == ["“五位一体”工作法第5版"]
    assert {r["props"]["what"] for r in rels if r["type"] == "LEARNED_FROM"} == {"第5版经验"}
    assert _rows(store) == _rows(loaded_alone(editions))


def test_remove_document(store, make_store, synth_records):
    _load(store, synth_records)
    assert store.remove_document(synth_records[3].doc_id) is True
    assert store.remove_document(synth_records[3].doc_id) is False
    expected = make_store(store.kind)
    _load(expected, [r for r in synth_records if r is not synth_records[3]])
    assert snapshot(store) == snapshot(expected)
    assert store.stats() == expected.stats()


def test_shared_evidence_kept(store, synth_records):
    a, b = synth_records[0], synth_records[3]            # same policy (3 policies cycle)
    _load(store, [a, b])
    nodes, _ = store.export_rows()
    shared = [n for n in nodes if n["label"] == "Policy"]
    assert len(shared) == 1 and set(shared[0]["props"]["ev_doc"]) == {a.doc_id, b.doc_id}
    store.remove_document(a.doc_id)
    nodes, _ = store.export_rows()
    policy = [n for n in nodes if n["label"] == "Policy"]
    assert len(policy) == 1 and set(policy[0]["props"]["ev_doc"]) == {b.doc_id}
    assert not any(a.doc_id in (n["props"].get("ev_doc") or []) for n in nodes)
    practices = [n for n in nodes if n["label"] == "Practice"]
    assert len(practices) >= 30                          # taxonomy stays


def test_provenance_on_every_node_and_relationship(store, corpus_records, synth_records):
    records = corpus_records + synth_records
    _load(store, records)
    texts = {r.doc_id: r.text for r in records}
    nodes, rels = store.export_rows()
    checked = 0
    for item in nodes + rels:
        props = item["props"]
        if item.get("label") == "Document" or props.get("origin") == "taxonomy":
            continue
        lists = [props[f] for f in EV_FIELDS]
        assert len(set(map(len, lists))) == 1 and lists[0], item
        for doc, start, end, quote in zip(*lists):
            text = texts[doc]
            assert text[start:end] in quote and quote in text
            checked += 1
    assert checked > 500


def test_every_id_names_its_label(store, corpus_records, synth_records):
    """Ids are self-describing (``graph.model.label_of_id``): the SQLite view finds every document by the
    form of its id alone, never reading the document rows."""
    _load(store, corpus_records + synth_records)
    nodes, _ = store.export_rows()
    assert {n["label"] for n in nodes} >= {"Document", "Place", "Practice"}
    assert [n["id"] for n in nodes if label_of_id(n["id"]) != n["label"]] == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_round_trip(store, synth_records, hostile):
    rec = synth_records[0]
    doc = rec.document.model_copy(update={"title": hostile, "signatory": hostile})
    people = [p.model_copy(update={"name": hostile}) for p in rec.people]
    rec = rec.model_copy(update={"document": doc, "people": people, "source": hostile})
    _load(store, [rec, synth_records[1]])
    nodes, _ = store.export_rows()
    docs = {n["id"]: n["props"] for n in nodes if n["label"] == "Document"}
    assert docs[rec.doc_id]["title"] == hostile and docs[rec.doc_id]["source"] == hostile
    assert docs[rec.doc_id]["text"] == rec.text
    assert hostile in {n["props"]["name"] for n in nodes if n["label"] == "Person"}
    assert len(docs) == 2
