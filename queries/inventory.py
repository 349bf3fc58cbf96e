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
    for d in nodes_of(g, "Document"):
        n = g.nodes[d]
        rows.append(_row("document", d, n.get("title"), kind=n.get("kind"), place=n.get("subject_place"),
                         issuer=n.get("issuer"), date=n.get("date")))
    for p in nodes_of(g, "Place", ("IMPLEMENTS", True)):
        measures = {m for m, _ in out_edges(g, p, "IMPLEMENTS") if m.startswith("me_")}
        rows.append(_row("place", p, g.nodes[p].get("name"), level=g.nodes[p].get("level"), count=len(measures)))
    for x in nodes_of(g, "Practice", ("ADOPTS", False)):
        places = {q for q, _ in in_edges(g, x, "ADOPTS")}
        rows.append(_row("practice", x, g.nodes[x].get("name"), count=len(places)))
    for m in nodes_of(g, "NamedModel"):
        n = g.nodes[m]
        rows.append(_row("named_model", m, n.get("name"), place=n.get("owner"), count=len(n.get("components") or [])))
    for y in nodes_of(g, "Policy"):
        n = g.nodes[y]
        rows.append(_row("policy", y, n.get("title"), issuer=n.get("issuer"), date=n.get("date"),
                         status=n.get("status")))
    rows.append(_row("measure_total", "Measure", None, count=count_of(g, "Measure")))
    return _measures(g, place, rows)


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
