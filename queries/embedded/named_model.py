"""Embedded counterpart of ``queries/named_model.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, named, out_edges

__all__ = ["fetch"]


def fetch(g: Any, name: str, owner: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for n in named(g, "NamedModel", name):
        data = g.nodes[n]
        owners = [o for o, _ in out_edges(g, n, "OWNED_BY")] or [None]
        practices = [g.nodes[x].get("name") for x, _ in out_edges(g, n, "INSTANCE_OF")]
        for o in owners:
            od = g.nodes[o] if o is not None else {}
            rows.append({"model_id": n, "model": data.get("name"), "owner_id": o,
                         "owner": od.get("name") or data.get("owner"), "owner_aliases": list(od.get("aliases") or []),
                         "definition": data.get("definition"), "components": data.get("components"),
                         "practices": practices, **ev_lists(data)})
    return rows
