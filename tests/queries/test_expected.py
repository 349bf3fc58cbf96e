"""Expected content on the bundled corpus (the brief's checks), on every store."""
from __future__ import annotations

import pytest

from queries import registry


@pytest.fixture(params=["embedded", "falkordb"])
def store(request):
    return request.getfixturevalue(f"{request.param}_store")


def test_12341_has_five_components_in_order(store):
    rows = registry.run(store, "named_model", {"name": "12341"})
    comps = [r for r in rows if r["section"] == "component"]
    assert [r["order"] for r in comps] == [1, 2, 3, 4, 5]
    assert "党建" in comps[0]["name"] and "目标" in comps[-1]["name"]
    assert all(r["doc_id"] and r["quote"] for r in comps)


def test_compare_puyang_qianjiang_shows_red_property_for_puyang(store):
    rows = registry.run(store, "compare_cities", {"places": "濮阳市,潜江市"})
    cell = [r for r in rows if r["place"] == "濮阳市" and r["practice"] == "红色物业"]
    assert cell and cell[0]["grade"] in ("quantified", "described", "claimed")
    assert cell[0]["quote"] and cell[0]["doc_id"]
    assert {r["place"] for r in rows} == {"濮阳市", "潜江市"}


def test_learning_network_has_puyang_from_wucheng(store):
    rows = registry.run(store, "learning_network", {})
    edges = [r for r in rows if r["section"] == "learned_from"]
    assert any(r["learner"] == "濮阳市" and "武城县" in (r["source"] or "") and r["quote"] for r in edges)


def test_learning_network_names_no_source_where_places_only_share_a_name(store):
    """A model or practice row is an order in time, not learning: no ``source``; ``first`` is the
    earliest place using the name, the same for every row of the name."""
    rows = [r for r in registry.run(store, "learning_network", {}) if r["section"] in ("model", "practice")]
    assert rows and all(r["source_id"] is None and r["source"] is None and r["first_id"] for r in rows)
    by_name: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        by_name.setdefault((r["section"], r["what"]), set()).add(r["first_id"])
    assert all(len(firsts) == 1 for firsts in by_name.values())


def test_two_character_search_finds_burden_reduction(store):
    rows = registry.run(store, "search", {"text": "减负"})
    docs = [r for r in rows if r["kind"] == "Document"]
    assert docs and all("减负" in r["quote"] for r in docs)
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))


def test_city_profile_of_puyang_has_sections(store):
    rows = registry.run(store, "city_profile", {"place": "濮阳市"})
    sections = {r["section"] for r in rows}
    assert {"practice", "named_model", "document"} <= sections
