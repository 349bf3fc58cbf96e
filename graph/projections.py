"""Projections: rows read from the whole graph for the queries whose answer is computed in Python over
all of it (a similarity index, practice vectors per place, communities of practices).

A store hands them out through one method, ``GraphStore.projection(name)``: a Cypher store runs
``graph/cypher/projection_<name>.cypher``; the embedded store walks its graph with ``embedded`` below.
Both give the same rows (``tests/queries/test_raw_rows.py`` compares them as multisets). The named
queries that read them (``queries/similar_practices.py``, ``similar_cities.py``,
``practice_communities.py``) have no ``.cypher`` of their own: no single statement is their answer.

- ``practice_items``: every measure (once per place implementing it, or once with none) and every
  named model (once per owner, or once with none): ``kind`` (Measure | NamedModel), ``id``, ``name``
  (a measure's summary), ``place_id``, ``place``, ``text`` (summary or definition), ``practices``,
  ``components``, and the item's evidence lists.
- ``place_practices``: every place–practice link: one row per ADOPTS relationship (its evidence) and one
  per measure a place implements that is an instance of a practice (the measure's evidence), with
  ``place_id``, ``place``, ``practice`` and ``source`` (adopts | measure).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govkg.errors import StoreError
from graph.model import EV_FIELDS, ev_lists

__all__ = ["COLUMNS", "PLACE_PRACTICES", "PRACTICE_ITEMS", "check", "embedded", "embedded_rows", "place_practices_of",
           "practice_items_of", "statement_name"]

PRACTICE_ITEMS = "practice_items"
PLACE_PRACTICES = "place_practices"
#: each projection's columns, in the order its Cypher returns them
COLUMNS: dict[str, tuple[str, ...]] = {
    PRACTICE_ITEMS: ("kind", "id", "name", "place_id", "place", "text", "practices", "components", *EV_FIELDS),
    PLACE_PRACTICES: ("place_id", "place", "practice", "source", *EV_FIELDS),
}


def check(name: str) -> str:
    """``name`` if it is a projection; StoreError naming the ones there are otherwise."""
    if name not in COLUMNS:
        raise StoreError(f"no projection named {name!r} (there are: {', '.join(sorted(COLUMNS))})")
    return name


def statement_name(name: str) -> str:
    """The store statement (``graph/cypher/<it>.cypher``) a Cypher store runs for projection ``name``."""
    return f"projection_{check(name)}"


def embedded(view: Any, name: str) -> list[dict[str, Any]]:
    """Projection ``name`` read from the embedded store's graph view (``graph.sqlite_view``)."""
    return _practice_items(view) if check(name) == PRACTICE_ITEMS else _place_practices(view)


#: places read through one private view by ``embedded_rows`` (their measures, with evidence, come with them)
PLACES_PER_VIEW = 100


def embedded_rows(store: Any, name: str) -> Iterator[dict[str, Any]]:
    """Projection ``name`` of the embedded store (``graph.sqlite_store.SQLiteStore``), row by row, in the
    order ``embedded`` gives them. ``place_practices`` is read a few places at a time, each group through
    a private view released before the next, so memory holds one group's measures and evidence, not
    every measure's (2.8 GB at 100,000 documents); ``practice_items`` through one view."""
    if check(name) == PRACTICE_ITEMS:
        view = store.query_graph(private=True)
        try:
            yield from _practice_items(view)
        finally:
            view.release()
        return
    view = store.query_graph(private=True)
    try:
        places = view.label_ids("Place")
    finally:
        view.release()
    for at in range(0, len(places), PLACES_PER_VIEW):
        view = store.query_graph(private=True)
        try:
            yield from place_practices_of(view, places[at:at + PLACES_PER_VIEW])
        finally:
            view.release()


def _all(view: Any, label: str, *edges: tuple[str, bool]) -> list[str]:
    """Every node of ``label``, in load order, with the relationships ``edges`` names loaded in bulk."""
    view.prefetch(label, edges)
    return view.label_ids(label)


def _names(view: Any, nodes: list[tuple[str, Any]]) -> list[Any]:
    return [view.nodes[x].get("name") for x, _ in nodes]


# per item label: how its place is reached (relationship type, outgoing?), the properties giving its
# name and its text, and the one naming its place when no place node is linked
_ITEMS = (("Measure", ("IMPLEMENTS", False), "summary", "summary", "place"),
          ("NamedModel", ("OWNED_BY", True), "name", "definition", "owner"))


def _practice_items(view: Any) -> list[dict[str, Any]]:
    rows = []
    for spec in _ITEMS:
        label, (rel_type, out) = spec[0], spec[1]
        rows += _item_rows(view, spec, _all(view, label, ("INSTANCE_OF", True), (rel_type, out)))
    return rows


def practice_items_of(view: Any, items: list[str]) -> list[dict[str, Any]]:
    """The ``practice_items`` rows of the measures and named models among ``items`` (measures first,
    each label's in the order given), their relationships read in bulk."""
    rows = []
    for spec in _ITEMS:
        label, (rel_type, out) = spec[0], spec[1]
        mine = [x for x in items if _label_of(x) == label and x in view]
        view.prefetch_nodes(mine)
        view.prefetch_edges(mine, "INSTANCE_OF", True)
        view.prefetch_edges(mine, rel_type, out)
        rows += _item_rows(view, spec, mine)
    return rows


def _label_of(node: str) -> str | None:
    from graph.model import label_of_id

    try:
        return label_of_id(node)
    except ValueError:
        return None


def _item_rows(view: Any, spec: tuple[str, tuple[str, bool], str, str, str], items: list[str]) -> list[dict[str, Any]]:
    label, (rel_type, out), name, text, fallback = spec
    rows = []
    for item in items:
        n = view.nodes[item]
        practices = _names(view, view.edges_of(item, "INSTANCE_OF", True))
        components = list(n.get("components") or []) if label == "NamedModel" else []
        for q in [q for q, _ in view.edges_of(item, rel_type, out)] or [None]:
            rows.append({"kind": label, "id": item, "name": n.get(name), "place_id": q,
                         "place": view.nodes[q].get("name") if q else n.get(fallback), "text": n.get(text),
                         "practices": practices, "components": components, **ev_lists(n)})
    return rows


def _place_practices(view: Any) -> list[dict[str, Any]]:
    _all(view, "Measure", ("INSTANCE_OF", True))
    return place_practices_of(view, _all(view, "Place", ("ADOPTS", True), ("IMPLEMENTS", True)))


def place_practices_of(view: Any, places: list[str]) -> list[dict[str, Any]]:
    """The ``place_practices`` rows of ``places`` (in that order), their relationships read in bulk."""
    rows = []
    view.prefetch_nodes(places)
    view.prefetch_edges(places, "ADOPTS", True)
    view.prefetch_edges(places, "IMPLEMENTS", True)
    view.prefetch_edges([m for p in places for m, _ in view.edges_of(p, "IMPLEMENTS", True)], "INSTANCE_OF", True)
    for p in places:
        name = view.nodes[p].get("name")
        for x, r in view.edges_of(p, "ADOPTS", True):
            rows.append({"place_id": p, "place": name, "practice": view.nodes[x].get("name"), "source": "adopts",
                         **ev_lists(r)})
        for m, _ in view.edges_of(p, "IMPLEMENTS", True):
            ev = ev_lists(view.nodes[m])
            for x, _ in view.edges_of(m, "INSTANCE_OF", True):
                rows.append({"place_id": p, "place": name, "practice": view.nodes[x].get("name"),
                             "source": "measure", **ev})
    return rows
