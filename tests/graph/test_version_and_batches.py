"""The write counter (``store.version()``) and batched loading (``load_records``)."""
from __future__ import annotations

import pytest

from graph.store import LoadOutcome
from loaders.record import ExtractionRecord, doc_id_for
from tests.graph.conftest import BACKENDS, rel_diff, snapshot, snapshot_diff


def _learned_what(rec: ExtractionRecord, what: str) -> ExtractionRecord:
    return rec.model_copy(update={"learning": [lr.model_copy(update={"what": what}) for lr in rec.learning]})


def test_version_grows_with_every_write(store, synth_records):
    v0 = store.version()
    assert store.load_record(synth_records[0]) == LoadOutcome.ADDED
    v1 = store.version()
    assert v1 > v0
    assert store.load_record(synth_records[0]) == LoadOutcome.UNCHANGED
    assert store.version() == v1                       # nothing written, nothing to invalidate
    store.load_record(_learned_what(synth_records[0], "积分制经验"))
    v2 = store.version()
    assert v2 > v1
    assert store.remove_document(synth_records[0].doc_id)
    assert store.version() > v2


def test_query_caches_see_a_property_only_change(store, synth_records):
    from queries import registry

    for rec in synth_records:
        store.load_record(rec)
    rows = registry.run(store, "learning_network", {})
    assert rows and all(r.get("what") != "积分制经验" for r in rows)
    stats = store.stats()
    rec = synth_records[0]
    assert store.load_record(_learned_what(rec, "积分制经验")) == LoadOutcome.UPDATED
    assert store.stats() == stats                      # same nodes and relationships: properties only
    rows = registry.run(store, "learning_network", {})
    assert any(r.get("what") == "积分制经验" and r.get("doc_id") == rec.doc_id for r in rows)


def test_memory_version_is_saved(tmp_path, synth_records):
    from graph.sqlite_store import SQLiteStore

    store = SQLiteStore.open(tmp_path)
    store.init_schema()
    store.load_record(synth_records[0])
    version = store.version()
    store.close()
    assert SQLiteStore.open(tmp_path).version() == version


def _moved(rec: ExtractionRecord) -> ExtractionRecord:
    """The same file edited: same source, new text, new doc_id."""
    text = rec.text + "\n补充说明。"
    return rec.model_copy(update={"text": text, "doc_id": doc_id_for(text)})


@pytest.mark.parametrize("kind", [b for b in BACKENDS if b != "embedded"])
@pytest.mark.parametrize("batch", [3, 50])
def test_batched_load_equals_one_by_one(kind, batch, make_store, synth_records):
    """Batches holding new documents, unchanged ones, a changed version of a loaded one and two
    versions of one file give what loading them one at a time gives."""
    first, rest = synth_records[:6], synth_records[6:]
    records = [*rest, first[1], _moved(first[2]), _learned_what(first[3], "网格化经验"),
               _moved(rest[0]), _moved(_moved(rest[0]))]
    expected = make_store("embedded")
    got = make_store(kind)
    got.chunk_docs = batch
    outcomes_expected = [expected.load_record(r) for r in first] + [expected.load_record(r) for r in records]
    outcomes_got = got.load_records(first) + got.load_records(records)
    assert outcomes_got == outcomes_expected
    assert snapshot(got) == snapshot(expected), snapshot_diff(snapshot(got), snapshot(expected))
    assert got.stats() == expected.stats(), rel_diff(got, expected)
    assert got.documents() == expected.documents()


def _rows(store) -> tuple[dict, dict]:
    """Every node's and relationship's properties, evidence lists sorted (the full-text helper and
    the complete flag left out)."""
    nodes, rels = store.export_rows()

    def props(row):
        return sorted((k, sorted(v) if k.startswith("ev_") else v) for k, v in row["props"].items()
                      if k not in ("grams", "complete"))

    return ({(n["label"], n["id"]): props(n) for n in nodes},
            {(r["type"], r["start"], r["end"]): props(r) for r in rels})


@pytest.mark.parametrize("kind", [b for b in BACKENDS if b != "embedded"])
def test_facts_shared_within_one_batch(kind, make_store):
    """Sixty documents in one batch — new ones (the bulk statements), then the same files edited
    (replacements: the general ones) — where many nodes and relationships are supported by several
    documents of the batch: every property and evidence entry as loading them one by one gives."""
    from tests.support.synthetic import synthetic_records

    records = list(synthetic_records(60, seed=3))
    edited = [_moved(r) for r in records[::2]]
    got = make_store(kind)
    got.chunk_docs, got.tail_docs = len(records), 0          # one batch (a call's last batches are not halved)
    expected = make_store("embedded")
    for rec in [*records, *edited]:
        expected.load_record(rec)
    got.load_records(records)
    shared = got.run_cypher("MATCH (k:Evidence)-[:EVIDENCE]->(d:Document) WITH k, count(DISTINCT d) AS n "
                            "WHERE n > 1 RETURN count(k) AS n")[0]["n"]
    assert shared >= 10                                  # relationships several documents support
    got.load_records(edited)
    assert got.stats() == expected.stats(), rel_diff(got, expected)
    assert _rows(got) == _rows(expected)
    assert snapshot(got) == snapshot(expected), snapshot_diff(snapshot(got), snapshot(expected))


@pytest.mark.parametrize("kind", [b for b in BACKENDS if b != "embedded"])
def test_new_documents_beside_a_replaced_one_take_the_bulk_path(kind, make_store):
    """One document of a batch replacing an older version of itself (the general statements) does not
    keep the batch's new documents off the bulk statements; facts they share with it end with what
    loading them one by one gives (properties of the last document, every evidence entry)."""
    from graph.cypher_store import fill
    from tests.support.statements import sent_statements
    from tests.support.synthetic import synthetic_records

    records = list(synthetic_records(40, seed=5))
    first = records[:10]
    changed = next(_learned_what(r, "网格化经验") for r in first if r.learning)
    batch = [*records[10:20], changed, *records[20:30], _moved(first[1]), *records[30:]]
    expected = make_store("embedded")
    for rec in [*first, *batch]:
        expected.load_record(rec)
    got = make_store(kind)
    got.chunk_docs, got.tail_docs = len(batch), 0
    got.load_records(first)
    with sent_statements(got) as sent:
        got.load_records(batch)
    bulk, general = fill("bulk_nodes", label="Measure"), fill("upsert_nodes", label="Measure")
    assert sent.count(bulk) == 2 and sent.count(general) == 1      # new, the replaced one, new again
    assert got.stats() == expected.stats(), rel_diff(got, expected)
    assert _rows(got) == _rows(expected)
    assert snapshot(got) == snapshot(expected), snapshot_diff(snapshot(got), snapshot(expected))
