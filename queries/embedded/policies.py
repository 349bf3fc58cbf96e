"""Embedded counterpart of ``queries/policies.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, find_places, in_edges, named, out_edges, place_scope

__all__ = ["fetch"]


def _policy(g: Any, x: str) -> dict[str, Any]:
    n = g.nodes[x]
    return {"kind": "policy", "id": x, "title": n.get("title"), "issuer": n.get("issuer"), "date": n.get("date"),
            "status": n.get("status"), **ev_lists(n)}


def _measure(g: Any, m: str) -> dict[str, Any]:
    n = g.nodes[m]
    year = n.get("year")
    return {"kind": "measure", "id": m, "title": n.get("summary"), "issuer": None,
            "date": None if year is None else str(int(year)), "status": n.get("status"), **ev_lists(n)}


def fetch(g: Any, place: str | None = None, agency: str | None = None) -> list[dict[str, Any]]:
    rows = []
    places = find_places(g, place) if place else []
    for p in places:
        for q in place_scope(g, p, 2):
            for a, _ in in_edges(g, q, "LOCATED_IN"):
                for x, _ in in_edges(g, a, "ISSUED_BY"):
                    if x.startswith("po_"):
                        rows.append(_policy(g, x))
        for d, _ in in_edges(g, p, "ABOUT"):
            for x, _ in out_edges(g, d, "MENTIONS"):
                if x.startswith("po_"):
                    rows.append(_policy(g, x))
    agencies = named(g, "Agency", agency) if agency else []
    for a in agencies:
        for x, _ in in_edges(g, a, "ISSUED_BY"):
            if x.startswith("po_"):
                rows.append(_policy(g, x))
    for p in places:
        for q in place_scope(g, p, 2):
            for m, _ in out_edges(g, q, "IMPLEMENTS"):
                if g.nodes[m].get("status") == "planned":
                    rows.append(_measure(g, m))
    for a in agencies:
        for m, _ in in_edges(g, a, "LED_BY"):
            if g.nodes[m].get("status") == "planned":
                rows.append(_measure(g, m))
    return rows
