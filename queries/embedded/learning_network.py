"""Embedded counterpart of ``queries/learning_network.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, nodes_of, out_edges

__all__ = ["fetch"]


def _year(g: Any, docs: list[Any]) -> int | None:
    years = [g.nodes[d].get("year") for d in set(docs) if d in g and g.nodes[d].get("year") is not None]
    return min(years) if years else None


def fetch(g: Any, limit: int = 500) -> list[dict[str, Any]]:
    rows = []
    for place in nodes_of(g, "Place", ("LEARNED_FROM", True), ("ADOPTS", True)):
        pd = g.nodes[place]
        for s, r in out_edges(g, place, "LEARNED_FROM"):
            ev = ev_lists(r)
            rows.append({"section": "learned_from", "learner_id": place, "learner": pd.get("name"),
                         "source_id": s, "source": g.nodes[s].get("name"), "what": r.get("what"),
                         "year": _year(g, ev["ev_doc"]), **ev})
        for x, r in out_edges(g, place, "ADOPTS"):
            ev = ev_lists(r)
            rows.append({"section": "practice", "learner_id": place, "learner": pd.get("name"),
                         "source_id": None, "source": None, "what": [g.nodes[x].get("name")],
                         "year": _year(g, ev["ev_doc"]), **ev})
    for n in nodes_of(g, "NamedModel", ("OWNED_BY", True)):
        nd = g.nodes[n]
        ev = ev_lists(nd)
        for o, _ in out_edges(g, n, "OWNED_BY"):
            rows.append({"section": "model", "learner_id": o, "learner": g.nodes[o].get("name"),
                         "source_id": None, "source": None, "what": [nd.get("name")],
                         "year": _year(g, ev["ev_doc"]), **ev})
    return rows
