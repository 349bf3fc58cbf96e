"""Embedded counterpart of ``queries/document.cypher`` (same parameter, same raw row)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import label

__all__ = ["FIELDS", "fetch"]

FIELDS = ("title", "kind", "date", "issuer", "subject_place", "province", "doc_number", "session",
          "proposal_number", "reply_class", "source", "text")


def fetch(g: Any, doc: str) -> list[dict[str, Any]]:
    if doc not in g or label(g, doc) != "Document":
        return []
    n = g.nodes[doc]
    return [{"id": doc, **{f: n.get(f) for f in FIELDS}}]
