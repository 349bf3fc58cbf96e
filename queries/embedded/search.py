"""Embedded counterpart of ``queries/search.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import ev_lists, nodes_of

__all__ = ["fetch"]

_FIELDS = {  # kind -> (name property, definition property, items property)
    "NamedModel": ("name", "definition", "components"),
    "Measure": ("summary", None, "practices"),
    "Policy": ("title", "issuer", None),
    "Agency": ("name", None, None),
    "Place": ("name", None, "aliases"),
    "Practice": ("name", None, None),
}


def fetch(g: Any, **_params: Any) -> list[dict[str, Any]]:
    rows = []
    for d in nodes_of(g, "Document"):
        n = g.nodes[d]
        rows.append({"kind": "Document", "id": d, "name": n.get("title"), "definition": None, "items": None,
                     "text": n.get("text"), "ev_doc": None, "ev_start": None, "ev_end": None, "ev_quote": None})
    for kind, (name, definition, items) in _FIELDS.items():
        for x in nodes_of(g, kind):
            n = g.nodes[x]
            rows.append({"kind": kind, "id": x, "name": n.get(name),
                         "definition": n.get(definition) if definition else None,
                         "items": n.get(items) if items else None, "text": None, **ev_lists(n)})
    return rows
