"""Embedded counterpart of ``queries/exemplars.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, in_edges, measuring_figures, named, out_edges, place_scope

__all__ = ["fetch"]

_NO_FIGS = {"metrics": 0, "fig_doc": [], "fig_start": [], "fig_end": [], "fig_quote": []}


def fetch(g: Any, practice: str, k: int = 10) -> list[dict[str, Any]]:
    rows = []
    nodes = g._node          # the attribute dicts themselves (``g.nodes[n]`` builds a view per call)
    scopes: dict[str, set[str]] = {}
    for x in named(g, "Practice", practice):
        name = nodes[x].get("name")
        for m, r in in_edges(g, x, "INSTANCE_OF"):
            n = nodes[m]
            if m.startswith("me_"):
                for q, _ in in_edges(g, m, "IMPLEMENTS"):
                    within = scopes.get(q)
                    if within is None:
                        within = scopes[q] = set(place_scope(g, q, 2))
                    rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "measure", "id": m,
                                 "summary": n.get("summary"), "status": n.get("status"),
                                 **measuring_figures(g, m, name, within), **ev_lists(r)})
            elif m.startswith("nm_"):
                for q, _ in out_edges(g, m, "OWNED_BY"):
                    rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "model", "id": m,
                                 "summary": n.get("name"),
                                 "status": "described" if n.get("components") else None, **_NO_FIGS,
                                 **ev_lists(r)})
        for q, r in in_edges(g, x, "ADOPTS"):
            rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "adopts", "id": x,
                         "summary": None, "status": None, **_NO_FIGS, **ev_lists(r)})
    return rows
