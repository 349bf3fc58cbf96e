"""Embedded counterpart of ``queries/city_profile.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, find_places, in_edges, out_edges

__all__ = ["fetch"]


def _row(g: Any, p: str, section: str, x: str, *, category: str | None = None, name: Any = None,
         items: Any = None, status: Any = None, date: Any = None, issuer: Any = None, head: Any = None,
         practices: Any = None, ev: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    ev = ev or {"ev_doc": None, "ev_start": None, "ev_end": None, "ev_quote": None}
    return {"place_id": p, "place": g.nodes[p].get("name"), "section": section, "id": x,
            "category": category, "name": name, "items": items, "status": status, "date": date,
            "issuer": issuer, "head": head, "practices": practices, **ev}


def fetch(g: Any, place: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for p in find_places(g, place):
        for x, r in out_edges(g, p, "ADOPTS"):
            cats = [c for c, _ in out_edges(g, x, "IN_CATEGORY")] or [None]
            for c in cats:
                rows.append(_row(g, p, "practice", x, category=g.nodes[c].get("name") if c else None,
                                 name=g.nodes[x].get("name"), ev=ev_lists(r)))
        for x, _ in in_edges(g, p, "OWNED_BY"):
            n = g.nodes[x]
            rows.append(_row(g, p, "named_model", x, name=n.get("name"), items=n.get("components"),
                             ev=ev_lists(n)))
        for a, _ in in_edges(g, p, "LOCATED_IN"):
            for x, _ in in_edges(g, a, "ISSUED_BY"):
                n = g.nodes[x]
                if x.startswith("po_"):
                    rows.append(_row(g, p, "policy", x, name=n.get("title"), status=n.get("status"),
                                     date=n.get("date"), issuer=n.get("issuer"), ev=ev_lists(n)))
        mentioned = set()
        for d, _ in in_edges(g, p, "ABOUT"):
            for x, _ in out_edges(g, d, "MENTIONS"):
                if x.startswith("po_"):
                    mentioned.add(x)
        for x in sorted(mentioned):
            n = g.nodes[x]
            rows.append(_row(g, p, "policy", x, name=n.get("title"), status=n.get("status"),
                             date=n.get("date"), issuer=n.get("issuer"), ev=ev_lists(n)))
        for x, _ in in_edges(g, p, "LOCATED_IN"):
            if x.startswith("ag_"):
                rows.append(_row(g, p, "agency", x, name=g.nodes[x].get("name"), ev=ev_lists(g.nodes[x])))
        for x, _ in in_edges(g, p, "FOR_PLACE"):
            n = g.nodes[x]
            year = n.get("year")
            rows.append(_row(g, p, "figure", x, name=n.get("subject"), items=[n.get("as_written")],
                             status=n.get("status"), date=None if year is None else str(int(year)),
                             practices=list(n.get("practices") or []), ev=ev_lists(n)))
        for x, r in out_edges(g, p, "LEARNED_FROM"):
            rows.append(_row(g, p, "learned_from", x, name=g.nodes[x].get("name"), items=r.get("what"),
                             ev=ev_lists(r)))
        for x, r in in_edges(g, p, "LEARNED_FROM"):
            rows.append(_row(g, p, "taught", x, name=g.nodes[x].get("name"), items=r.get("what"),
                             ev=ev_lists(r)))
        for x, _ in in_edges(g, p, "ABOUT"):
            n = g.nodes[x]
            rows.append(_row(g, p, "document", x, name=n.get("title"), status=n.get("kind"),
                             date=n.get("date"), issuer=n.get("issuer"), head=(n.get("text") or "")[:200]))
    return rows
