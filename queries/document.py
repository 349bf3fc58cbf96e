"""The named query ``document``: ``fetch`` gives the embedded store the raw rows ``document.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/document.cypher`` (same parameter, same raw row).

finish: Finisher of ``document``: the document's one row (metadata and text), or no row when there is no
document with that id; the text is never None.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.spec import Param, QuerySpec
from queries.walk import label

__all__ = ["FIELDS", "SPEC", "fetch", "finish"]

SPEC = QuerySpec(
    "document", "文档原文",
    "One document's metadata and full text by its id (the hash of its normalized text); no row when "
    "there is no such document.",
    (Param("doc", "str", "document id (16 hex characters, as in `govkg stats` and search results)",
           required=True),),
    ("id", "title", "kind", "date", "issuer", "subject_place", "province", "doc_number", "session",
     "proposal_number", "reply_class", "source", "text"),
    examples=({"doc": "03a9a690a6b71b9d"},),
)


FIELDS = ("title", "kind", "date", "issuer", "subject_place", "province", "doc_number", "session",
          "proposal_number", "reply_class", "source", "text")


def fetch(g: Any, doc: str) -> list[dict[str, Any]]:
    if doc not in g or label(g, doc) != "Document":
        return []
    n = g.nodes[doc]
    return [{"id": doc, **{f: n.get(f) for f in FIELDS}}]


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    rows = [r for r in fetch(params) if r.get("id") == params["doc"]]
    return [{**rows[0], "text": rows[0].get("text") or ""}] if rows else []
