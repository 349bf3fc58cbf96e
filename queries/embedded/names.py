"""Embedded counterpart of ``queries/names.cypher`` (same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import nodes_of

__all__ = ["fetch"]


def fetch(g: Any, **_params: Any) -> list[dict[str, Any]]:
    rows = []
    for label in ("Place", "Practice", "NamedModel"):
        for node in nodes_of(g, label):
            n = g.nodes[node]
            rows.append({"label": label, "id": node, "name": n.get("name"),
                         "level": n.get("level") if label == "Place" else None,
                         "aliases": list(n.get("aliases") or []) if label == "Place" else []})
    return rows
