"""The named query ``search``: ``fetch`` gives the embedded store the raw rows ``search.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/search.cypher`` (same parameters, same raw rows).

finish: Finisher of ``search``: the full-text index of this graph version (kept in the store where it can be:
``queries/kept.py``; else built once per version in the process from the store's rows), searched. See ``queries/fulltext.py`` for the matching and ranking rules.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from queries.fulltext import FullTextIndex, KeptFullTextIndex, Searchable
from queries.kept import with_index
from queries.rows import as_list, best_evidence
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import ev_lists, nodes_of

__all__ = ["SPEC", "build_index", "fetch", "finish", "searchables"]

SPEC = QuerySpec(
    "search", "全文检索",
    "Full-text search over documents and entities that works for Chinese, two-character queries "
    "included (减负): substring semantics, a character bigram index, the same ranking on every store.",
    (Param("text", "str", "words to find; several words separated by spaces", required=True),
     Param("kinds", "list[str]", "only these kinds (Document, NamedModel, Measure, Policy, Agency, "
           "Place, Practice)", default=[]),
     Param("limit", "int", "how many hits", default=20, min=1, max=500)),
    ("rank", "kind", "id", "name", "score", *EVIDENCE),
)


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


def searchables(rows: Iterable[dict[str, Any]]) -> list[Searchable]:
    out = []
    for row in rows:
        if row["kind"] == "Document":
            out.append(Searchable(row["id"], "Document", row.get("name") or "", row.get("text") or "",
                                  doc_id=row["id"], offset=0))
            continue
        ev = best_evidence(row)
        parts = [row.get("name") or "", row.get("definition") or "",
                 *(str(i) for i in as_list(row.get("items")) if i)]
        out.append(Searchable(row["id"], row["kind"], row.get("name") or row["id"],
                              "\n".join(p for p in parts if p), doc_id=ev.doc_id, offset=None,
                              quote=ev.quote, start=ev.start, end=ev.end))
    return out


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    return with_index("search", version, lambda: build_index(fetch, params), KeptFullTextIndex,
                      lambda index: _answer(index, params))


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> FullTextIndex:
    return FullTextIndex(searchables(fetch(params)))


def _answer(index: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    hits = index.search(params["text"], limit=params["limit"], kinds=params.get("kinds") or None)
    return [{"rank": i + 1, "kind": h.kind, "id": h.key, "name": h.name, "score": h.score, "doc_id": h.doc_id,
             "quote": h.quote, "start": h.start, "end": h.end} for i, h in enumerate(hits)]
