"""The named query ``inventory``: ``fetch`` gives the embedded store the raw rows ``inventory.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/inventory.cypher`` (same parameters, same raw rows).

finish: Finisher of ``inventory``: the rows in a fixed order — by section (documents, places, practices, named
models, policies, the measure total, the measures of ``place``), then most counted first, then name and
id — with the same columns on every store.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from queries.kept import KeptSections, with_index
from queries.spec import Param, QuerySpec
from queries.walk import count_of, find_places, in_edges, nodes_of, out_edges

__all__ = ["SECTIONS", "SPEC", "build_index", "fetch", "finish"]

SPEC = QuerySpec(
    "inventory", "图谱概览",
    "What the graph holds, for overviews and pick lists: one row per document, place (count = measures "
    "it implements), practice (count = places adopting it), named model (count = listed components, "
    "place = owner) and policy; one measure_total row (count = all measures); with place, one row per "
    "measure that place implements (date = year). No document text and no evidence.",
    (Param("place", "str", "also list the measures this place (name, alias or id) implements",
           names="Place"),),
    ("section", "id", "name", "kind", "place", "level", "issuer", "date", "status", "count"),
    examples=({}, {"place": "濮阳市"}),
)


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
    for d, (title, kind, subject, issuer, date) in _values(g, "Document", "title", "kind", "subject_place", "issuer", "date"):
        rows.append(_row("document", d, title, kind=kind, place=subject, issuer=issuer, date=date))
    counts = _link_counts(g, "Place", "IMPLEMENTS", True, "me_")
    for p, (name, level) in _values(g, "Place", "name", "level"):
        rows.append(_row("place", p, name, level=level, count=counts.get(p, 0)))
    counts = _link_counts(g, "Practice", "ADOPTS", False)
    for x, (name,) in _values(g, "Practice", "name"):
        rows.append(_row("practice", x, name, count=counts.get(x, 0)))
    for m, (name, owner, components) in _values(g, "NamedModel", "name", "owner", "components"):
        rows.append(_row("named_model", m, name, place=owner, count=len(components or [])))
    for y, (title, issuer, date, status) in _values(g, "Policy", "title", "issuer", "date", "status"):
        rows.append(_row("policy", y, title, issuer=issuer, date=date, status=status))
    rows.append(_row("measure_total", "Measure", None, count=count_of(g, "Measure")))
    return _measures(g, place, rows)


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
    """The listing without any place's measures is built once per graph version (kept in the store where
    it can be: ``queries/kept.py``); a place's measures are read for each call."""
    listing = with_index("inventory", version, lambda: build_index(fetch, {}), KeptSections.load,
                         lambda kept: kept.head(_ALL)[0])
    if not params.get("place"):
        return list(listing)
    measures = [row for row in fetch({**params, "measures_only": True}) if row["section"] == "measure"]
    return listing + _ordered(measures)


_ALL = 1 << 62


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> KeptSections:
    return KeptSections([_ordered(row for row in fetch({**params, "place": None}) if row["section"] != "measure")])


def _ordered(raw: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    order = {s: i for i, s in enumerate(SECTIONS)}
    rows = {}
    for row in raw:
        out = {c: row.get(c) for c in _COLUMNS}
        if out["count"] is not None:
            out["count"] = int(out["count"])
        rows[(out["section"], out["id"])] = out
    return sorted(rows.values(), key=lambda r: (order.get(r["section"], len(order)), -(r["count"] or 0),
                                                r["name"] or "", r["id"]))
