"""Embedded counterpart of ``queries/similar_practices.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, in_edges, nodes_of, out_edges

__all__ = ["fetch"]


def fetch(g: Any, **_params: Any) -> list[dict[str, Any]]:
    rows = []
    for m in nodes_of(g, "Measure", ("INSTANCE_OF", True), ("IMPLEMENTS", False)):
        n = g.nodes[m]
        practices = [g.nodes[x].get("name") for x, _ in out_edges(g, m, "INSTANCE_OF")]
        for q in [q for q, _ in in_edges(g, m, "IMPLEMENTS")] or [None]:
            rows.append({"kind": "Measure", "id": m, "name": n.get("summary"), "place_id": q,
                         "place": g.nodes[q].get("name") if q else n.get("place"), "text": n.get("summary"),
                         "practices": practices, "components": [], **ev_lists(n)})
    for nm in nodes_of(g, "NamedModel", ("INSTANCE_OF", True), ("OWNED_BY", True)):
        n = g.nodes[nm]
        practices = [g.nodes[x].get("name") for x, _ in out_edges(g, nm, "INSTANCE_OF")]
        for q in [q for q, _ in out_edges(g, nm, "OWNED_BY")] or [None]:
            rows.append({"kind": "NamedModel", "id": nm, "name": n.get("name"), "place_id": q,
                         "place": g.nodes[q].get("name") if q else n.get("owner"), "text": n.get("definition"),
                         "practices": practices, "components": list(n.get("components") or []), **ev_lists(n)})
    return rows
