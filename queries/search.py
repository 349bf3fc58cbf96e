"""The named query ``search``: ``fetch`` gives the embedded store the raw rows ``search.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/search.cypher`` (same parameters, same raw rows).

finish: On a store with its own full-text index (Neo4j, FalkorDB: ``GraphStore.full_text_candidates``,
over the pre-segmented ``Document.grams`` of ``graph/fulltext.py``) the index names the documents that
can match, and only those are read and checked. On the embedded store the in-process index of this
graph version (kept in the store where it can be: ``queries/kept.py``) answers. Either way the items
are checked and ranked by the same code (``queries/fulltext.py``), and the evidence of the entities
among the hits is read last, for those hits only.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from graph.fulltext import fold_pairs
from queries.fulltext import (
    FullTextIndex,
    Hit,
    KeptFullTextIndex,
    Searchable,
    fold_free,
    rank_hits,
    score_hit,
    split_terms,
)
from queries.kept import with_index
from queries.rows import as_list, best_evidence
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import ev_lists, label, nodes_of

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
    # set by the finisher (see search.cypher): the documents that can match (None: every document),
    # None for the entities' searchable fields or a list of entities whose evidence is read, and the
    # terms (with the fold replacements) an entity's text must hold (None: every entity)
    row_params=(("documents", None), ("entities", None), ("terms", None), ("fold", [])),
)


_FIELDS = {  # kind -> (name property, definition property, items property)
    "NamedModel": ("name", "definition", "components"),
    "Measure": ("summary", None, "practices"),
    "Policy": ("title", "issuer", None),
    "Agency": ("name", None, None),
    "Place": ("name", None, "aliases"),
    "Practice": ("name", None, None),
}
_NO_EVIDENCE = ("ev_doc", "ev_start", "ev_end", "ev_quote")


def fetch(g: Any, documents: list[str] | None = None, entities: list[str] | None = None,
          terms: list[str] | None = None, fold: list[list[str]] | None = None, **_params: Any) -> list[dict[str, Any]]:
    if entities is not None:
        return [_entity_row(g, x, label(g, x), True) for x in entities if x in g and label(g, x) in _FIELDS]
    rows = []
    ids = nodes_of(g, "Document") if documents is None else [
        d for d in documents if d in g and label(g, d) == "Document"]
    for d in ids:
        n = g.nodes[d]
        rows.append({"kind": "Document", "id": d, "name": n.get("title"), "definition": None, "items": None,
                     "text": n.get("text"), "ev_doc": None, "ev_start": None, "ev_end": None, "ev_quote": None})
    for kind in _FIELDS:
        entity_rows = (_entity_row(g, x, kind, False) for x in nodes_of(g, kind))
        rows.extend(entity_rows if terms is None else (r for r in entity_rows if _holds(r, terms, fold or [])))
    return rows


def _holds(row: dict[str, Any], terms: list[str], pairs: list[list[str]]) -> bool:
    """The entity filter of ``search.cypher``: the lower-cased searchable text, with ``pairs``
    replaced, holds one of ``terms``."""
    text = row["text"].lower()
    for a, b in pairs:
        text = text.replace(a, b)
    return any(t in text for t in terms)


def _entity_row(g: Any, x: str, kind: str, evidence: bool) -> dict[str, Any]:
    """An entity's row: with its fields and evidence (``evidence``), else with its searchable text only."""
    n = g.nodes[x]
    name, definition, items = _FIELDS[kind]
    fields = {"name": n.get(name), "definition": n.get(definition) if definition else None,
              "items": n.get(items) if items else None}
    if evidence:
        return {"kind": kind, "id": x, **fields, "text": None, **ev_lists(n)}
    return {"kind": kind, "id": x, "name": fields["name"], "definition": None, "items": None,
            "text": _searchable_text(fields), **dict.fromkeys(_NO_EVIDENCE)}


def _searchable_text(fields: dict[str, Any]) -> str:
    """An entity's searchable text: its name, definition and items, the non-empty ones, one per line
    (what ``search.cypher`` returns as ``text``)."""
    parts = [fields["name"], fields["definition"], *(str(i) for i in as_list(fields["items"]))]
    return "\n".join(p for p in parts if p)


def searchables(rows: Iterable[dict[str, Any]]) -> list[Searchable]:
    """The items of raw rows (an entity's evidence is read for the hits only)."""
    out = []
    for row in rows:
        if row["kind"] == "Document":
            out.append(Searchable(row["id"], "Document", row.get("name") or "", row.get("text") or "",
                                  doc_id=row["id"], offset=0))
        else:
            out.append(Searchable(row["id"], row["kind"], row.get("name") or row["id"], row.get("text") or ""))
    return out


def finish(fetch: Any, params: dict[str, Any], version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    terms = split_terms(params["text"])
    candidates = fetch.full_text_candidates(terms) if terms else None
    pairs = fold_pairs(terms) if candidates is not None else None
    if candidates is None or pairs is None:
        hits = with_index("search", version, lambda: build_index(fetch, params), KeptFullTextIndex,
                          lambda index: index.search(params["text"], limit=params["limit"],
                                                     kinds=params.get("kinds") or None))
    else:
        rows = fetch({**params, "documents": candidates, "entities": None, "terms": terms, "fold": pairs})
        hits = _scan(rows, terms, params)
    return _answer(fetch, hits, params)


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> FullTextIndex:
    return FullTextIndex(searchables(fetch({**params, "documents": None, "entities": None})))


def _scan(rows: list[dict[str, Any]], terms: list[str], params: dict[str, Any]) -> list[Hit]:
    """The best hits among ``rows`` (the candidates a store's full-text index let through), scored and
    ordered as the index does (score, then kind and key)."""
    kinds = set(params.get("kinds") or ()) or None
    fold_text = not fold_free(terms)
    hits = [hit for item in searchables(rows) if kinds is None or item.kind in kinds
            if (hit := score_hit(item, terms, fold_text)) is not None]
    return rank_hits(hits, params["limit"])


def _answer(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], hits: list[Hit],
            params: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of ``hits``, an entity's evidence read now (its best entry, as every query picks it)."""
    entities = [h.key for h in hits if h.kind != "Document"]
    if entities:
        evidence = {r["id"]: best_evidence(r) for r in fetch({**params, "documents": None, "entities": entities})}
        hits = [h if h.kind == "Document" else _with_evidence(h, evidence.get(h.key)) for h in hits]
    return [{"rank": i + 1, "kind": h.kind, "id": h.key, "name": h.name, "score": h.score, "doc_id": h.doc_id,
             "quote": h.quote, "start": h.start, "end": h.end} for i, h in enumerate(hits)]


def _with_evidence(hit: Hit, ev: Any) -> Hit:
    if ev is None:
        return dataclasses.replace(hit, doc_id=None, quote=hit.name, start=None, end=None)
    return dataclasses.replace(hit, doc_id=ev.doc_id, quote=ev.quote or hit.name, start=ev.start, end=ev.end)
