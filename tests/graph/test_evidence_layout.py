"""The Cypher stores' evidence layout: one EVIDENCE relationship per evidence entry, from the fact (or
its relationship's Evidence node) to the document, quotes read back from the document's text; no list
on a fact grows with the corpus."""
from __future__ import annotations

from collections import defaultdict

import pytest

from govkg.errors import StoreError
from graph.cypher_store import evidence_key
from graph.delta import record_to_delta
from graph.model import EV_FIELDS


def _expected(records) -> dict[tuple, list[tuple]]:
    """fact → its evidence entries (doc, start, end, quote) as the deltas state them."""
    out: dict[tuple, list[tuple]] = defaultdict(list)
    for rec in records:
        delta = record_to_delta(rec)
        for node in delta.nodes.values():
            out[("node", node.id)] += [tuple(e) for e in node.ev]
        for (rel_type, start, end), rel in delta.rels.items():
            out[("rel", rel_type, start, end)] += [tuple(e) for e in rel.ev]
    return out


def test_every_quote_reads_back_from_the_text(make_store, corpus_records, synth_records):
    records = corpus_records + synth_records
    store = make_store("falkordb")
    for rec in records:
        store.load_record(rec)
    nodes, rels = store.export_rows()
    got: dict[tuple, list[tuple]] = {}
    for n in nodes:
        if n["label"] != "Document":
            got[("node", n["id"])] = list(zip(*(n["props"][f] for f in EV_FIELDS)))
    for r in rels:
        got[("rel", r["type"], r["start"], r["end"])] = list(zip(*(r["props"][f] for f in EV_FIELDS)))
    expected = _expected(records)
    assert sum(len(v) for v in expected.values()) > 1000
    for fact, entries in expected.items():
        assert sorted(got.get(fact, [])) == sorted(entries), fact
    # facts the corpus does not state (taxonomy) carry no evidence
    assert all(not v for k, v in got.items() if k not in expected)


def test_no_list_grows_with_the_corpus(make_store, synth_records):
    """Facts hold no evidence lists and EVIDENCE relationships only scalars: a fact gains one
    relationship per entry of a new document, and nothing already stored is rewritten."""
    store = make_store("falkordb")
    for rec in synth_records:
        store.load_record(rec)
    assert not store.run_cypher("MATCH (n) WHERE n.ev_doc IS NOT NULL RETURN n.id AS id LIMIT 1")
    assert not store.run_cypher("MATCH ()-[r]->() WHERE r.ev_doc IS NOT NULL RETURN type(r) AS t LIMIT 1")
    entries: dict[tuple, int] = defaultdict(int)
    for rec in synth_records:
        delta = record_to_delta(rec)
        for node in delta.nodes.values():
            entries[(node.id, rec.doc_id)] += len(node.ev)
        for (rel_type, start, end), rel in delta.rels.items():
            entries[(evidence_key(start, rel_type, end), rec.doc_id)] += len(rel.ev)
    rows = store.run_cypher("MATCH (x)-[v:EVIDENCE]->(d:Document) RETURN x.id AS owner, d.id AS doc, "
                            "v.start AS start, v.qs AS qs, v.quote AS quote")
    assert all(type(r["start"]) is int and type(r["qs"]) is int for r in rows)
    got: dict[tuple, int] = defaultdict(int)
    for r in rows:
        got[(r["owner"], r["doc"])] += 1
    assert got == {k: n for k, n in entries.items() if n}
    assert max(sum(1 for (o, _) in got if o == owner) for owner, _ in got) > 1   # facts of several documents
    assert sum(1 for r in rows if r["quote"] is not None) < len(rows) / 10     # quotes are slices of the text


def test_removal_deletes_the_documents_evidence(make_store, synth_records):
    store = make_store("falkordb")
    for rec in synth_records:
        store.load_record(rec)
    gone = synth_records[0].doc_id
    assert store.run_cypher("MATCH (:Document {id: $d})<-[v:EVIDENCE]-() RETURN count(v) AS n", {"d": gone})[0]["n"]
    store.remove_document(gone)
    left = store.run_cypher("MATCH (k:Evidence) WHERE NOT (k)-[:EVIDENCE]->(:Document) RETURN count(k) AS n")
    assert left[0]["n"] == 0                                                      # no empty Evidence nodes
    nodes, rels = store.export_rows()
    assert not any(gone in n["props"].get("ev_doc", []) for n in nodes)
    assert not any(gone in r["props"]["ev_doc"] for r in rels)


def test_a_graph_in_the_old_layout_is_refused(make_store, synth_records):
    """A graph built before this layout (evidence lists on the facts) is not silently mixed with it."""
    store = make_store("falkordb")
    store.run_cypher("MATCH (n:Practice) WITH n LIMIT 1 SET n.ev_doc = ['x']")
    with pytest.raises(StoreError, match="旧格式"):
        store.load_record(synth_records[0])
    assert not store.documents()
