"""The embedded store's kept indexes are built without holding the whole graph: the place–practice
projection streamed a few places per private view, the inventory listing read straight from the node
table. Each gives exactly what the whole-graph path gives (the rows, the vectors, the listing)."""
from __future__ import annotations

from collections import Counter

import pytest

from graph import projections
from queries import inventory
from queries.analysis import PracticeVectors
from queries.rows import evidence_entries, pick_evidence
from tests.support.stores import loaded_alone


@pytest.fixture
def small_groups(monkeypatch):
    monkeypatch.setattr(projections, "PLACES_PER_VIEW", 3)      # many groups, one of them partial


def _whole(store, name):
    view = store.query_graph(private=True)
    try:
        return projections.embedded(view, name)
    finally:
        view.release()


def _key(row):
    return repr(sorted(row.items()))


@pytest.mark.parametrize("name", ["place_practices", "practice_items"])
def test_streamed_projection_is_the_whole_graph_walk(embedded_store, small_groups, name):
    streamed = list(embedded_store.projection_rows(name))
    whole = _whole(embedded_store, name)
    assert len(whole) > 100
    assert streamed == whole                     # same rows, same order
    assert embedded_store.projection(name) == whole


def test_streamed_vectors_pick_the_evidence_pick_evidence_picks(embedded_store, small_groups):
    rows = _whole(embedded_store, "place_practices")
    pv = PracticeVectors.from_rows(iter(embedded_store.projection_rows("place_practices")))
    candidates: dict[tuple[str, str], list] = {}
    vectors: dict[str, Counter] = {}
    for row in rows:
        if row["place_id"] is None or not row["practice"]:
            continue
        vectors.setdefault(row["place_id"], Counter())[row["practice"]] += 1
        candidates.setdefault((row["place_id"], row["practice"]), []).extend(evidence_entries(row))
    assert pv.vectors == vectors
    assert pv.evidence == {k: pick_evidence(v) for k, v in candidates.items()}
    assert sum(len(v) > 1 for v in candidates.values()) > 10     # choices were made
    # a row without evidence before one with it, and an unquoted entry before a quoted one
    a = {"place_id": "pl_x", "place": "X", "practice": "P", "ev_doc": [], "ev_start": [], "ev_end": [], "ev_quote": []}
    b = {**a, "ev_doc": ["d1", "d0"], "ev_start": [5, 9], "ev_end": [7, 11], "ev_quote": ["一句话", ""]}
    pv = PracticeVectors.from_rows(iter([a, b]))
    assert pv.vectors == {"pl_x": Counter({"P": 2})}
    assert pv.evidence[("pl_x", "P")].doc_id == "d1"
    assert PracticeVectors.from_rows([a]).evidence[("pl_x", "P")] == pick_evidence([])


def test_inventory_listing_from_the_table_is_the_walked_one(embedded_store):
    view = embedded_store.query_graph(private=True)
    try:
        from_table = inventory.fetch(view)
    finally:
        view.release()
    walked = inventory.fetch(embedded_store.graph)        # networkx: every node walked
    assert len(from_table) > 300
    assert from_table == walked
    assert {r["section"] for r in from_table} >= {"document", "place", "practice", "named_model", "policy"}
    assert any(r["section"] == "place" and r["count"] for r in from_table)
    assert any(r["section"] == "practice" and r["count"] for r in from_table)


def test_named_model_from_evidence_summaries_is_the_answer_from_every_entry(embedded_store):
    """On the embedded store ``named_model`` reads each model's evidence count and best entry from SQL
    (``evidence_summary``) and only the shown model's entries: the answer is the one computed from the
    raw rows with every entry, for every model name, with and without an owner."""
    from queries import named_model, registry
    from queries.kept import GraphVersion

    def full(params):                 # a plain function: no embedded graph, so every entry is read
        return named_model.finish(lambda p: named_model.fetch(embedded_store.query_graph(), **p), params,
                                  GraphVersion(embedded_store))

    names = sorted({r["name"] for r in registry.run(embedded_store, "names", {"label": "NamedModel"})})
    assert len(names) > 20
    shared = 0
    for name in names:
        params = registry.validate("named_model", {"name": name})
        mine = named_model.finish(registry.fetcher(embedded_store, "named_model"), params, GraphVersion(embedded_store))
        assert mine == full(params), name
        owners = {r["name"] for r in mine if r["section"] == "same_name"}
        shared += bool(owners)
        for owner in sorted(owners)[:2]:
            with_owner = {**params, "owner": owner}
            assert named_model.finish(registry.fetcher(embedded_store, "named_model"), with_owner,
                                      GraphVersion(embedded_store)) == full(with_owner), (name, owner)
    assert shared > 3                                 # names several places use, ranked by their evidence
    summary = embedded_store.query_graph().evidence_summary(
        [r["id"] for r in registry.run(embedded_store, "names", {"label": "NamedModel"})][:50])
    assert sum(count > 1 for count, _ in summary.values()) > 5     # a best entry chosen among several


@pytest.mark.parametrize(("walk_over", "below"), [(None, None), (0, "8"), (0, "\U0010ffff")],
                         ids=["as-configured", "walk-half-then-read", "walk-all"])
def test_evidence_summary_picks_what_best_evidence_picks(corpus_records, monkeypatch, walk_over, below):
    """For every node: the count and the entry SQL picks equal those of its full evidence, also where
    some quotes are empty (here made so: an empty span) and where a hub is cited by many documents —
    also where the best entry's document is found by walking the documents in id order (every owner
    walks: over half the ids, the others read whole where the walk finds none; over all of them)."""
    from graph import sqlite_view

    if walk_over is not None:
        monkeypatch.setattr(sqlite_view, "_WALK_OVER", walk_over)
        monkeypatch.setattr(sqlite_view, "_WALK_SHARE", 10**9)
        monkeypatch.setattr(sqlite_view, "_WALK_BELOW", below)
    from queries.rows import best_evidence
    from queries.walk import ev_lists

    store = loaded_alone(corpus_records)
    store._db.execute("UPDATE node_ev SET qe = qs WHERE rowid % 3 = 0 AND qs IS NOT NULL")   # empty quotes
    store._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'")
    full = store.graph
    ids = list(full.nodes)
    summary = store.query_graph().evidence_summary(ids + ["no such node"])
    assert set(summary) == set(ids)
    several = empty = 0
    for n in ids:
        ev = ev_lists(full.nodes[n])
        count, best = summary[n]
        assert count == len(ev["ev_doc"]), n
        assert (best is None and count == 0) or best_evidence(ev) == best, n
        several += len(set(ev["ev_doc"])) > 1
        empty += any(q == "" for q in ev["ev_quote"]) and any(ev["ev_quote"])
    assert several > 20 and empty > 20


def test_policies_from_evidence_summaries_is_the_answer_from_every_entry(embedded_store):
    """On the embedded store ``policies`` reads each policy's and measure's best entry from SQL: the
    answer equals the one computed from the raw rows with every entry, for every place and agency."""
    from queries import policies, registry
    from queries.kept import GraphVersion

    def answer(params, fetch):
        return policies.finish(fetch, params, GraphVersion(embedded_store))

    def full(p):                       # a plain function: no embedded graph, so every entry is read
        return policies.fetch(embedded_store.query_graph(), **p)

    places = [r["name"] for r in registry.run(embedded_store, "names", {"label": "Place"})]
    agencies = sorted({r["issuer"] for r in registry.run(embedded_store, "inventory", {}) if r["section"] == "policy"
                       and r["issuer"]})
    cases = [{"place": p, "agency": None} for p in places] + [{"place": None, "agency": a} for a in agencies]
    answered = 0
    for params in cases:
        mine = answer(params, registry.fetcher(embedded_store, "policies"))
        assert mine == answer(params, full), params
        answered += bool(mine)
    assert answered > 20


def test_a_file_without_document_texts_answers_from_every_entry(embedded_store, monkeypatch):
    """A file of the earlier layout (no ids and texts in ``doc``) cannot sum evidence up in SQL: the
    view says so (None) and ``named_model``, ``policies``, ``city_profile`` and ``compare_cities`` read
    every entry, with the same answers."""
    from queries import registry
    from queries.rows import _CACHE

    cases = [("named_model", {"name": r["name"]}) for r in registry.run(embedded_store, "names", {"label": "NamedModel"})[:15]]
    cases += [("policies", {"place": r["name"]}) for r in registry.run(embedded_store, "names", {"label": "Place"})[:15]]
    cases += [("city_profile", {"place": r["name"]}) for r in registry.run(embedded_store, "names", {"label": "Place"})[:15]]
    cases += [("compare_cities", {"places": [a["name"], b["name"]]}) for a, b in zip(
        registry.run(embedded_store, "names", {"label": "Place"})[:10], registry.run(embedded_store, "names", {"label": "Place"})[5:15])]
    expected = [registry.run(embedded_store, name, params) for name, params in cases]
    monkeypatch.setattr(embedded_store, "_doc_text", False)
    embedded_store._query_view = None                   # a fresh view, reading the earlier layout's way
    saved = dict(_CACHE)
    _CACHE.clear()
    try:
        assert embedded_store.query_graph().evidence_summary(["anything"]) is None
        assert [registry.run(embedded_store, name, params) for name, params in cases] == expected
    finally:
        embedded_store._query_view = None
        _CACHE.clear()
        _CACHE.update(saved)


def _places(store):
    from queries import registry

    return [r["name"] for r in registry.run(store, "names", {"label": "Place"})]


def _normal_rows(rows):
    return sorted(repr(sorted(row.items())) for row in rows)


@pytest.mark.parametrize("name", ["city_profile", "compare_cities"])
def test_best_entries_alone_give_the_answer_from_every_entry(embedded_store, name):
    """On the embedded store ``city_profile`` and ``compare_cities`` read only each evidence list's best
    entry (``Fetch.best_only``; ranked in ``SQLiteGraphView._summarise``): the answer equals the one
    computed from the raw rows with every entry, for every place (and pairs of places), and the raw
    rows read set-wise on the view are the rows walked on the networkx graph."""
    from queries import registry
    from queries.kept import GraphVersion

    impl = registry.implementation(name)
    places = _places(embedded_store)
    assert len(places) > 20
    if name == "city_profile":
        cases = [{"place": p} for p in places]
    else:
        cases = [{"places": [a, b]} for a, b in zip(places, places[1:] + places[:1])]
        cases += [{"places": places[:3], "practices": ["党建引领", "网格化治理"]}]
    answered = 0
    for params in cases:
        clean = registry.resolve_names(embedded_store, name, registry.validate(name, params))
        mine = impl.finish(registry.fetcher(embedded_store, name), clean, GraphVersion(embedded_store))
        full = impl.finish(lambda p: impl.fetch(embedded_store.query_graph(), **p), clean, GraphVersion(embedded_store))
        assert mine == full, params
        walked = impl.fetch(embedded_store.graph, **clean)             # networkx: node by node
        assert _normal_rows(impl.fetch(embedded_store.query_graph(), **clean)) == _normal_rows(walked), params
        answered += bool(mine)
    assert answered > 20


def test_linked_equals_walking_the_edges(embedded_store):
    """``SQLiteGraphView.linked`` (set-wise, with and without evidence) gives what walking the networkx
    graph gives, link for link and in the same order, for every place and relationship type."""
    from queries.walk import find_places, linked

    view, full = embedded_store.query_graph(), embedded_store.graph
    nodes = sorted({p for name in _places(embedded_store) for p in find_places(full, name)})[:60]
    seen = 0
    for rel_type in ("ADOPTS", "IMPLEMENTS", "LEARNED_FROM", "FOR_PLACE", "LOCATED_IN", "ABOUT", "PART_OF", "OWNED_BY"):
        for out in (True, False):
            for evidence in ("node", "rel"):
                args = (nodes, rel_type, out, ("name", "summary", "practices"), ("what",))
                mine = linked(view, *args, evidence=evidence)
                assert mine == linked(full, *args, evidence=evidence), (rel_type, out, evidence)
                seen += len(mine)
            heads = linked(view, nodes, rel_type, out, ("title",), other_label="Document", text_head=50)
            assert heads == linked(full, nodes, rel_type, out, ("title",), other_label="Document", text_head=50)
    assert seen > 1000
    # only the neighbours with a property's value (``equal``: tested by SQL on the view)
    every = linked(full, nodes, "IMPLEMENTS", True, ("summary", "status"))
    planned = linked(view, nodes, "IMPLEMENTS", True, ("summary", "status"), equal=("status", "planned"))
    assert planned == linked(full, nodes, "IMPLEMENTS", True, ("summary", "status"), equal=("status", "planned"))
    assert planned == [link for link in every if link[2][1] == "planned"]
    assert 0 < len(planned) < len(every)
