"""Embedded counterpart of ``queries/exemplars.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, in_edges, named, out_edges

__all__ = ["fetch"]


def fetch(g: Any, practice: str, k: int = 10) -> list[dict[str, Any]]:
    rows = []
    nodes = g._node          # the attribute dicts themselves (``g.nodes[n]`` builds a view per call)
    for x in named(g, "Practice", practice):
        for m, _ in in_edges(g, x, "INSTANCE_OF"):
            n = nodes[m]
            if m.startswith("me_"):
                metrics = sum(1 for _ in out_edges(g, m, "HAS_METRIC"))
                for q, _ in in_edges(g, m, "IMPLEMENTS"):
                    rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "measure", "id": m,
                                 "summary": n.get("summary"), "status": n.get("status"), "metrics": metrics,
                                 **ev_lists(n)})
            elif m.startswith("nm_"):
                for q, _ in out_edges(g, m, "OWNED_BY"):
                    rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "model", "id": m,
                                 "summary": n.get("name"),
                                 "status": "described" if n.get("components") else None, "metrics": 0,
                                 **ev_lists(n)})
        for q, r in in_edges(g, x, "ADOPTS"):
            rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "adopts", "id": x,
                         "summary": None, "status": None, "metrics": 0, **ev_lists(r)})
    return rows
