"""Embedded counterpart of ``queries/compare_cities.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, find_places, in_edges, measuring_figures, out_edges, place_scope

__all__ = ["fetch"]

_NO_FIGS = {"metrics": 0, "fig_doc": [], "fig_start": [], "fig_end": [], "fig_quote": [],
            "own_doc": [], "own_start": [], "own_end": [], "own_quote": []}


def _own(n: dict[str, Any]) -> dict[str, list[Any]]:
    return {"own_" + k[3:]: v for k, v in ev_lists(n).items()}


def fetch(g: Any, places: list[str], practices: list[str]) -> list[dict[str, Any]]:
    wanted = set(practices)
    rows: list[dict[str, Any]] = []

    def base(p: str, x: str) -> dict[str, Any]:
        return {"place_id": p, "place": g.nodes[p].get("name"), "practice": g.nodes[x].get("name")}

    def keep(x: str) -> bool:
        return not wanted or g.nodes[x].get("name") in wanted

    for want in places:
        for p in find_places(g, want):
            scope = place_scope(g, p, 2)
            within = set(scope)
            for q in scope:
                for m, _ in out_edges(g, q, "IMPLEMENTS"):
                    for x, r in out_edges(g, m, "INSTANCE_OF"):
                        if keep(x):
                            n = g.nodes[m]
                            figs = measuring_figures(g, m, g.nodes[x].get("name"), within)
                            rows.append({**base(p, x), "source": "measure", "id": m, "summary": n.get("summary"),
                                         "status": n.get("status"), **figs, **_own(n), **ev_lists(r)})
            for q in scope:
                for nm, _ in in_edges(g, q, "OWNED_BY"):
                    n = g.nodes[nm]
                    for x, r in out_edges(g, nm, "INSTANCE_OF"):
                        if keep(x):
                            rows.append({**base(p, x), "source": "model", "id": nm, "summary": n.get("name"),
                                         "status": "described" if n.get("components") else None,
                                         **_NO_FIGS, **ev_lists(r)})
            for x, r in out_edges(g, p, "ADOPTS"):
                if keep(x):
                    rows.append({**base(p, x), "source": "adopts", "id": x, "summary": None, "status": None,
                                 **_NO_FIGS, **ev_lists(r)})
    return rows
