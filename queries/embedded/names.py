"""Embedded counterpart of ``queries/names.cypher`` (same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import index_of

__all__ = ["fetch"]


def fetch(g: Any, label: str | None = None, **_params: Any) -> list[dict[str, Any]]:
    rows = []
    for lab in ("Place", "Practice", "NamedModel") if label is None else (label,):
        for node, name, aliases, level in index_of(g).rows(lab):     # names only: no node is loaded
            rows.append({"label": lab, "id": node, "name": name,
                         "level": level if lab == "Place" else None,
                         "aliases": list(aliases or []) if lab == "Place" else []})
    return rows
