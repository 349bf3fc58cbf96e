"""The fresh-load path (graph/fresh_load.py): a store that holds the graph alone and found it holding only
the taxonomy writes each fact once per load, and ends with exactly what loading the documents one by
one gives — through batches sharing facts, properties that change, replaced and removed documents —
and what the general path gives a store that does not hold the graph alone."""
from __future__ import annotations

import pytest

from graph.cypher_store import fill
from graph.falkordb_store import FalkorStore
from graph.statements import statement_text
from graph.store import LoadOutcome
from tests.graph.conftest import rel_diff, snapshot
from tests.graph.test_version_and_batches import _learned_what, _moved, _rows
from tests.support.statements import sent_statements
from tests.support.synthetic import synthetic_records

FRESH = ("fresh_nodes", "fresh_node_evidence", "fresh_rels", "fresh_rel_evidence")


def _grams(store) -> dict[str, str]:
    return {r["id"]: r["grams"] for r in store.run_cypher("MATCH (n) WHERE n.grams IS NOT NULL RETURN n.id AS id, "
                                                          "n.grams AS grams")}


@pytest.mark.parametrize("graph_bulk", [False, True], ids=["statements", "graph-bulk"])
def test_fresh_load_equals_one_by_one(make_store, graph_bulk):
    """Batches sharing many facts, then a batch with changed properties (a learning's ``what``), a
    document replaced by a new version of itself, a file edited (its old document removed) and new
    documents sharing facts with them: the exclusive store takes the fresh statements (or, with
    ``graph_bulk``, GRAPH.BULK for what they would write) throughout and ends with every property,
    evidence entry and full-text field of the general path and of loading one by one (the documents' states
    known, not read, after the first batch). The replacement
    and the removal delete nodes, so later bulk writes find their internal ids taken from the freed ones."""
    records = list(synthetic_records(60, seed=3))
    later = [_learned_what(records[3], "网格化经验"), _moved(records[4]), *list(synthetic_records(70, seed=3))[60:],
             _learned_what(next(r for r in records[5:] if r.learning), "积分制经验")]
    expected = make_store("embedded")
    for rec in [*records, *later]:
        expected.load_record(rec)
    general = make_store("falkordb")
    fresh = make_store("falkordb")
    fresh.exclusive = True
    fresh.graph_bulk = graph_bulk
    for store in (general, fresh):
        store.chunk_docs = 20
    general.load_records(records)
    general.load_records(later)
    bulk = _bulk_calls(fresh)
    with sent_statements(fresh) as sent:
        fresh.load_records(records)
        assert fresh._known is not None                     # on the fresh path
        fresh.load_records(later)
    assert fresh._known is not None                         # still, through the replacement and the removal
    # the documents' states are read from the graph for the first batch only (then the store knows them)
    assert sent.count(statement_text("documents_state")) == 1
    texts = "\n".join(sent)
    created = (fill("fresh_nodes", label="Measure"), fill("fresh_node_evidence", label="Practice"),
               fill("fresh_rels", type="INSTANCE_OF", start="Measure", end="Practice"),
               fill("fresh_rel_evidence", type="ADOPTS", start="Place", end="Practice"))
    if graph_bulk:
        assert not set(created) & set(sent) and not any("CREATE (n:" in q for q in sent)
        tokens = [t for args in bulk for t in args]
        assert any(t.startswith(b"Measure\x00") for t in tokens)            # nodes created in bulk
        assert any(t.startswith(b"INSTANCE_OF\x00") for t in tokens)        # relationships between internal ids
        assert any(t.startswith(b"EVIDENCE\x00") for t in tokens)
    else:
        assert set(created) <= set(sent) and not bulk      # Practice: the taxonomy's, in many documents
    assert "MERGE (n:Measure" in texts                      # the replacing document took the general statements
    for name, store in (("fresh", fresh), ("general", general)):
        assert store.stats() == expected.stats(), f"the {name} path's relationships: {rel_diff(store, expected)}"
    assert _rows(fresh) == _rows(general) == _rows(expected)
    assert snapshot(fresh) == snapshot(general) == snapshot(expected)
    assert _grams(fresh) == _grams(general)


def _bulk_calls(store) -> list[list[bytes]]:
    """The tokens of every GRAPH.BULK call ``store`` sends from now on (recorded, then sent)."""
    calls: list[list[bytes]] = []
    real = store._graph.execute_command

    def execute_command(*args, **kwargs):
        if args[0] == "GRAPH.BULK":
            calls.append([a for a in args if isinstance(a, bytes)])
        return real(*args, **kwargs)

    store._graph.execute_command = execute_command
    return calls


def test_reload_changes_nothing_and_a_second_store_merges(make_store, falkor_server):
    """Loading the same documents again changes nothing; a second exclusive store on a graph that holds
    documents takes the general path (bulk statements that merge), with the same result."""
    records = list(synthetic_records(30, seed=4))
    fresh = make_store("falkordb")
    fresh.exclusive = True
    fresh.chunk_docs = 10
    fresh.load_records(records[:20])
    before, version = (_rows(fresh), snapshot(fresh)), fresh.version()
    assert fresh.load_records(records[:20]) == [LoadOutcome.UNCHANGED] * 20
    assert (_rows(fresh), snapshot(fresh)) == before and fresh.version() == version
    second = FalkorStore(fresh.host, fresh.port, fresh.graph_name, password=falkor_server.password, exclusive=True)
    try:
        with sent_statements(second) as sent:
            second.load_records(records[20:])
        assert second._known is None
        assert fill("bulk_nodes", label="Measure") in sent
        assert not any("CREATE (n:Measure" in q for q in sent)
    finally:
        second.close()
    expected = make_store("embedded")
    for rec in records:
        expected.load_record(rec)
    assert _rows(fresh) == _rows(expected)
    assert snapshot(fresh) == snapshot(expected)


@pytest.mark.parametrize("graph_bulk", [False, True], ids=["statements", "graph-bulk"])
def test_a_failed_batch_ends_the_fresh_path(make_store, monkeypatch, graph_bulk):
    """A batch whose statement fails leaves its documents incomplete and the store off the fresh path
    (what it knew assumed the batch written); the next load redoes them with the general statements.
    With ``graph_bulk`` the batch fails after its nodes were created in bulk, before their relationships."""
    from govkg.errors import StoreError

    records = list(synthetic_records(20, seed=6))
    fresh = make_store("falkordb")
    fresh.exclusive = True
    fresh.graph_bulk = graph_bulk
    fresh.chunk_docs = 10
    fresh.load_records(records[:10])
    calls = {"n": 0}
    if graph_bulk:
        send = type(fresh)._bulk_send

        def bulk_send(self, node_tokens, edge_tokens, nodes, edges):
            if edges and calls["n"] == 0:
                calls["n"] += 1
                raise StoreError("lost")
            return send(self, node_tokens, edge_tokens, nodes, edges)

        monkeypatch.setattr(type(fresh), "_bulk_send", bulk_send)
    else:
        original = type(fresh)._run
        failing = fill("fresh_node_evidence", label="Practice")

        def run(self, query, params=None):
            if query == failing and calls["n"] == 0:
                calls["n"] += 1
                raise StoreError("lost")
            return original(self, query, params)

        monkeypatch.setattr(type(fresh), "_run", run)
    with pytest.raises(StoreError):
        fresh.load_records(records[10:])
    monkeypatch.undo()
    assert fresh._known is None
    fresh.load_records(records[10:])
    expected = make_store("embedded")
    for rec in records:
        expected.load_record(rec)
    assert _rows(fresh) == _rows(expected)
    assert snapshot(fresh) == snapshot(expected)


def test_a_batch_the_bulk_format_cannot_carry_takes_the_statements(make_store, monkeypatch):
    """A batch whose rows hold a value GRAPH.BULK cannot carry (``Unbulkable``: a string holding NUL, say) takes
    the fresh statements: the evidence the bulk write would have encoded itself becomes the statements' entries.
    The graph is what loading one by one gives."""
    from graph import falkordb_store
    from graph.falkordb_bulk import Unbulkable

    records = list(synthetic_records(30, seed=8))
    real = falkordb_store.bulk_write
    calls = []

    def refusing_the_first(*args, **kwargs):
        calls.append(len(calls))
        if len(calls) == 1:
            raise Unbulkable("a string holding NUL")
        return real(*args, **kwargs)

    monkeypatch.setattr(falkordb_store, "bulk_write", refusing_the_first)
    fresh = make_store("falkordb")
    fresh.exclusive = True
    fresh.chunk_docs = 10
    with sent_statements(fresh) as sent:
        fresh.load_records(records)
    assert len(calls) == 3 and fresh._known is not None
    assert sent.count(fill("fresh_nodes", label="Measure")) == 1          # the first batch's; the others in bulk
    expected = make_store("embedded")
    for rec in records:
        expected.load_record(rec)
    assert _rows(fresh) == _rows(expected)
    assert snapshot(fresh) == snapshot(expected)
