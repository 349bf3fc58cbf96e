"""Embedded counterpart of ``queries/names.cypher`` (same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import nodes_of

__all__ = ["fetch"]


def fetch(g: Any, label: str | None = None, **_params: Any) -> list[dict[str, Any]]:
    rows = []
    for lab in ("Place", "Practice", "NamedModel") if label is None else (label,):
        for node in nodes_of(g, lab):
            n = g.nodes[node]
            rows.append({"label": lab, "id": node, "name": n.get("name"),
                         "level": n.get("level") if lab == "Place" else None,
                         "aliases": list(n.get("aliases") or []) if lab == "Place" else []})
    return rows
