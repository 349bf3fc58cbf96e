"""The named query ``inventory``: ``fetch`` gives the embedded store the raw rows ``inventory.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/inventory.cypher`` (same parameters, same raw rows).

finish: Finisher of ``inventory``: the rows in a fixed order — by section (documents, places, practices, named
models, policies, the measure total, the measures of ``place``), then most counted first, then name and
id — with the same columns on every store.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from graph.model import label_of_id
from graph.sqlite_rows import sort_key
from queries.kept import KeptSections, dumps, loads_all, maintained, with_index
from queries.model_roles import model_role
from queries.spec import Param, QuerySpec
from queries.walk import count_of, find_places, in_edges, nodes_of, out_edges

__all__ = ["SECTIONS", "SPEC", "ListingRows", "build_index", "fetch", "finish"]

SPEC = QuerySpec(
    "inventory", "图谱概览",
    "What the graph holds, for overviews and pick lists: one row per document, place (count = measures "
    "it implements), practice (count = places adopting it), named model (count = listed components, "
    "place = owner, status = learnt, aim or feature where its sentence presents it so, not as the owner's "
    "practice model) and policy; one measure_total row (count = all measures); with place, one row per "
    "measure that place implements (date = year). No document text and no evidence.",
    (Param("place", "str", "also list the measures this place (name, alias or id) implements",
           names="Place"),
     Param("section", "str", "only this section", choices=("document", "place", "practice", "named_model",
                                                           "policy", "measure_total", "measure")),
     Param("limit", "int", "at most this many rows (a page of the answer's order)", default=1000, min=1,
           max=2**31 - 1),
     Param("offset", "int", "skip this many rows first (the next page: offset + limit)", default=0, min=0,
           max=2**31 - 1)),
    ("section", "id", "name", "kind", "place", "level", "issuer", "date", "status", "count"),
    examples=({}, {"place": "濮阳市"}, {"section": "place", "limit": 5, "offset": 2}),
)

#: ``limit`` for every row (the explorer's pick lists and counts read the whole listing once per version)
EVERY = 2**31 - 1


_BLANK = {"kind": None, "place": None, "level": None, "issuer": None, "date": None, "status": None, "count": None}


def _row(section: str, node: str, name: Any, **fields: Any) -> dict[str, Any]:
    return {"section": section, "id": node, "name": name, **_BLANK, **fields}


def _year(value: Any) -> str | None:
    return None if value is None else str(int(value))


def fetch(g: Any, place: str | None = None, measures_only: bool = False, **_params: Any) -> list[dict[str, Any]]:
    """The raw rows of ``inventory.cypher``; ``measures_only``: only the measure rows of ``place`` (what
    the finish adds to a kept listing)."""
    rows: list[dict[str, Any]] = []
    if measures_only:
        return _measures(g, place, rows)
    for lab, (_, fields, link) in _LISTED.items():
        counts = _link_counts(g, lab, *link) if link else {}
        rows.extend(_listed(lab, node, values, counts) for node, values in _values(g, lab, *fields))
    rows.append(_row("measure_total", "Measure", None, count=count_of(g, "Measure")))
    return _measures(g, place, rows)


# the listed labels: section, the properties read, what the count counts (relationship type, outgoing,
# id prefix of the nodes counted; None: a named model's count is its components)
_LISTED: dict[str, tuple[str, tuple[str, ...], tuple[str, bool, str] | None]] = {
    "Document": ("document", ("title", "kind", "subject_place", "issuer", "date"), None),
    "Place": ("place", ("name", "level"), ("IMPLEMENTS", True, "me_")),
    "Practice": ("practice", ("name",), ("ADOPTS", False, "")),
    "NamedModel": ("named_model", ("name", "owner", "components", "definition"), None),
    "Policy": ("policy", ("title", "issuer", "date", "status"), None),
}


def _listed(lab: str, node: str, values: tuple[Any, ...], counts: dict[str, int]) -> dict[str, Any]:
    """The listing's row of ``node`` (of a ``_LISTED`` label) from its properties and link counts."""
    section = _LISTED[lab][0]
    if lab == "Document":
        title, kind, subject, issuer, date = values
        return _row(section, node, title, kind=kind, place=subject, issuer=issuer, date=date)
    if lab == "Place":
        return _row(section, node, values[0], level=values[1], count=counts.get(node, 0))
    if lab == "Practice":
        return _row(section, node, values[0], count=counts.get(node, 0))
    if lab == "NamedModel":        # (status: its definition, read as its role by ``_ordered``)
        name, owner, components, definition = values
        return _row(section, node, name, place=owner, status=definition, count=len(components or []))
    title, issuer, date, status = values
    return _row(section, node, title, issuer=issuer, date=date, status=status)


def _values(g: Any, lab: str, *fields: str) -> Iterable[tuple[str, tuple[Any, ...]]]:
    """(id, the values of ``fields``) of every node of ``lab``, in load order: on the SQLite view read
    straight from the table, nothing loaded into it (``label_values``)."""
    values = getattr(g, "label_values", None)
    if values is not None:
        return values(lab, fields)
    return ((n, tuple(g.nodes[n].get(f) for f in fields)) for n in nodes_of(g, lab))


def _link_counts(g: Any, lab: str, rel_type: str, out: bool, prefix: str = "") -> dict[str, int]:
    """Node of ``lab`` -> how many distinct nodes (with an id starting with ``prefix``) its ``rel_type``
    relationships (outgoing if ``out``) reach; on the SQLite view counted by SQL (``link_counts``)."""
    counts = getattr(g, "link_counts", None)
    if counts is not None:
        return counts(lab, rel_type, out, prefix)
    walk = out_edges if out else in_edges
    return {n: len({o for o, _ in walk(g, n, rel_type) if o.startswith(prefix)})
            for n in nodes_of(g, lab, (rel_type, out))}


def _measures(g: Any, place: str | None, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for p in find_places(g, place) if place else []:
        for m, _ in out_edges(g, p, "IMPLEMENTS"):
            if m.startswith("me_"):
                n = g.nodes[m]
                rows.append(_row("measure", m, n.get("summary"), place=n.get("place"), date=_year(n.get("year")),
                                 status=n.get("status")))
    return rows


SECTIONS = ("document", "place", "practice", "named_model", "policy", "measure_total", "measure")
_COLUMNS = ("section", "id", "name", "kind", "place", "level", "issuer", "date", "status", "count")


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    """A page of the answer (``offset``, ``limit``; one ``section``): where the store maintains the
    listing, read as one range of its rows in order — a page costs its own rows, not the graph's
    (189,030 rows at 20,000 documents); elsewhere the listing is built once per graph version (kept in
    the store where it can be: ``queries/kept.py``) and cut. A place's measures are read for each call."""
    section, offset = params.get("section"), params.get("offset") or 0
    limit = params.get("limit") or EVERY
    store = maintained("inventory", version)
    if store is not None:
        return _page(store, fetch, params, section, offset, limit)
    listing = with_index("inventory", version, lambda: build_index(fetch, {}), KeptSections.load,
                         lambda kept: kept.head(_ALL)[0])
    rows = list(listing)
    if params.get("place"):
        rows += _ordered(row for row in fetch({**params, "measures_only": True}) if row["section"] == "measure")
    if section is not None:
        rows = [row for row in rows if row["section"] == section]
    return rows[offset:offset + limit]


_LISTING = SECTIONS[:SECTIONS.index("measure_total")]      # the sections the store keeps rows of


def _page(store: Any, fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
          section: str | None, offset: int, limit: int) -> list[dict[str, Any]]:
    """The page from the rows the store maintains (their sort keys order them as the answer, section
    first), then the measure total and the place's measures, each read only when the page reaches it."""
    rows: list[dict[str, Any]] = []
    if section is None or section in _LISTING:
        prefix = sort_key(SECTIONS.index(section)) if section is not None else b""
        rows = loads_all(store.kept_rows("inventory", prefix, limit, offset))
        if section is not None or len(rows) == limit:
            return rows
        # past the listing: how far past it the page starts (counted only when it starts beyond it)
        offset = 0 if rows else max(0, offset - store.kept_row_count("inventory"))
    tail = []
    if section in (None, "measure_total"):
        tail.append(_ordered([_row("measure_total", "Measure", None,
                                   count=store.query_graph().label_count("Measure"))])[0])
    if section in (None, "measure") and params.get("place"):
        tail += _ordered(row for row in fetch({**params, "measures_only": True}) if row["section"] == "measure")
    return rows + tail[offset:offset + limit - len(rows)]


_ALL = 1 << 62


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> KeptSections:
    return KeptSections([_ordered(row for row in fetch({**params, "place": None}) if row["section"] != "measure")])


def _ordered(raw: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the answer from raw rows, in its order; a named model's raw status (its definition) read as its
    role (``queries/model_roles``: a model learnt from elsewhere is no model of the place that owns it in the graph)."""
    rows = {}
    for row in raw:
        out = {c: row.get(c) for c in _COLUMNS}
        if out["count"] is not None:
            out["count"] = int(out["count"])
        if out["section"] == "named_model":
            out["status"] = model_role(out["name"], out["status"])
        rows[(out["section"], out["id"])] = out
    return sorted(rows.values(), key=_order)


def _order(row: dict[str, Any]) -> tuple[int, int, str, str]:
    """Where a row goes in the answer: by section, then most counted first, then name and id."""
    return (SECTIONS.index(row["section"]) if row["section"] in SECTIONS else len(SECTIONS),
            -(row["count"] or 0), row["name"] or "", row["id"])


class ListingRows:
    """The listing as a row index the embedded store maintains per document (``graph/sqlite_rows.py``):
    one row per listed node, keyed by its id; a write changes the rows of the nodes it creates or
    changes, of the places it adds a measure to and of the practices it adds a place to."""

    name = "inventory"

    def affected(self, view: Any, touched: Any) -> set[str]:
        keys = {n for n in touched.new_nodes | touched.changed.keys() if label_of_id(n) in _LISTED}
        keys.update(s for s, _ in touched.rels_of("IMPLEMENTS", new=True))
        keys.update(e for _, e in touched.rels_of("ADOPTS", new=True))
        # a place that may go takes its ADOPTS relationships with it (those of other documents too)
        for place in sorted(n for n in touched.new_nodes if label_of_id(n) == "Place" and n in view):
            keys.update(x for x, _ in view.edges_of(place, "ADOPTS", True))
        return keys

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        by_label: dict[str, list[str]] = {}
        for key in keys:
            by_label.setdefault(label_of_id(key), []).append(key)
        out = {}
        for lab, nodes in by_label.items():
            _, fields, link = _LISTED[lab]
            props = view.props_of(nodes)
            counts = view.link_counts_of(list(props), *link) if link else {}
            for node, p in props.items():
                row = _ordered([_listed(lab, node, tuple(p.get(f) for f in fields), counts)])[0]
                out[node] = (sort_key(*_order(row)), dumps(row))
        return out

    def all_keys(self, view: Any) -> Iterable[str]:
        for lab in _LISTED:
            yield from view.label_ids(lab)
