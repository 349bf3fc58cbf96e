"""The named query ``search``: ``fetch`` gives the embedded store the raw rows ``search.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/search.cypher`` (same parameters, same raw rows).

finish: On a store with its own full-text index (Neo4j, FalkorDB: ``GraphStore.full_text_candidates``,
over the pre-segmented ``Document.grams`` of ``graph/fulltext.py``) the index names the documents that
can match, the store counts and scores the terms in them where folding cannot change the terms, and
only the best documents' texts are read; the entities are searched through an in-process index of the
entities alone, kept per graph version. On the embedded store the in-process index of this graph
version (kept in the store where it can be: ``queries/kept.py``) answers. Either way the hits are
checked and ranked by the same code (``queries/fulltext.py``), and the evidence of the entities among
them is read last, for those hits only.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from queries.fulltext import (
    FullTextIndex,
    Hit,
    KeptFullTextIndex,
    Searchable,
    combine,
    fold_free,
    kind_weight,
    rank_hits,
    score_hit,
    split_terms,
    unrounded_score,
)
from queries.kept import with_index
from queries.rows import as_list, best_evidence, cached
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
    # set by the finisher (see search.cypher): which documents (None: every one) and entities (None:
    # every one, by its searchable text; a list: those, with their evidence), and whether the store
    # counts and scores the terms in the documents instead of returning their texts (the best ``top``)
    row_params=(("documents", None), ("entities", None), ("counted", False), ("terms", None),
                ("lengths", None), ("weight", None), ("top", 1_000_000_000)),
    examples=({"text": "减负"}, {"text": "社区 议事", "limit": 50}, {"text": "12341", "kinds": ["NamedModel"]}),
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
TOP_ALL = 1_000_000_000      # ``$top`` that cuts nothing


def fetch(g: Any, documents: list[str] | None = None, entities: list[str] | None = None,
          terms: list[str] | None = None, counted: bool = False, lengths: list[int] | None = None,
          weight: float | None = None, top: int = TOP_ALL, **_params: Any) -> list[dict[str, Any]]:
    ids = nodes_of(g, "Document") if documents is None else [
        d for d in documents if d in g and label(g, d) == "Document"]
    counting = (terms, lengths, weight) if counted else None
    rows = [{"kind": "Document", "id": d, "name": (n := g.nodes[d]).get("title"), "definition": None,
             "items": None, **_text_or_counts(n.get("text") or "", n.get("title") or "", counting),
             **dict.fromkeys(_NO_EVIDENCE)} for d in ids]
    if len(rows) > top:                     # ORDER BY score DESC, id LIMIT $top
        rows.sort(key=lambda r: (r["score"] is None, -(r["score"] or 0.0), r["id"]))
        rows = rows[:top]
    if entities is not None:
        return rows + [_entity_row(g, x, label(g, x)) for x in entities if x in g and label(g, x) in _FIELDS]
    for kind, (name, _, _) in _FIELDS.items():
        rows.extend({"kind": kind, "id": x, "name": (n := g.nodes[x]).get(name), "definition": None, "items": None,
                     "text": _searchable_text(n, kind), "counts": None, "in_name": None, "score": None,
                     **dict.fromkeys(_NO_EVIDENCE)} for x in nodes_of(g, kind))
    return rows


def _text_or_counts(text: str, name: str, counting: tuple[Any, Any, Any] | None) -> dict[str, Any]:
    """A document's ``text`` column, or with ``counting`` (terms, their lengths, the weight) its ``counts``,
    ``in_name`` and ``score`` ones, as ``search.cypher`` gives them."""
    if counting is None:
        return {"text": text, "counts": None, "in_name": None, "score": None}
    terms, lengths, weight = counting
    if terms is None or lengths is None or weight is None:
        return {"text": None, "counts": None, "in_name": None, "score": None}
    counts = [text.count(t) for t in terms]
    in_name = [t in name for t in terms]
    return {"text": None, "counts": counts, "in_name": in_name,
            "score": unrounded_score(lengths, counts, in_name, weight) or 0.0}


def _entity_row(g: Any, x: str, kind: str) -> dict[str, Any]:
    """An entity's row with its fields, searchable text and evidence (for a hit)."""
    n = g.nodes[x]
    name, definition, items = _FIELDS[kind]
    return {"kind": kind, "id": x, "name": n.get(name), "definition": n.get(definition) if definition else None,
            "items": n.get(items) if items else None, "text": _searchable_text(n, kind), "counts": None,
            "in_name": None, "score": None, **ev_lists(n)}


def _searchable_text(n: dict[str, Any], kind: str) -> str:
    """An entity's searchable text: its name, definition and items, the non-empty ones, one per line
    (what ``search.cypher`` returns as ``text``)."""
    name, definition, items = _FIELDS[kind]
    parts = [n.get(name), n.get(definition) if definition else None,
             *(str(i) for i in as_list(n.get(items) if items else None))]
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
    if candidates is None:
        hits = with_index("search", version, lambda: build_index(fetch, params), KeptFullTextIndex,
                          lambda index: index.search(params["text"], limit=params["limit"],
                                                     kinds=params.get("kinds") or None))
        return _answer(hits, _evidence(fetch, params, [h.key for h in hits if h.kind != "Document"]))
    # a store with its own full-text index: documents through it, entities (short, and far fewer
    # characters) through the in-process index of the entities alone, kept per graph version
    kinds = _wanted(params)
    hits = [] if kinds is not None and "Document" not in kinds else _documents(fetch, candidates, terms, params)
    if kinds is None or kinds - {"Document"}:
        index = cached("search_entities", version, lambda: FullTextIndex(searchables(
            fetch({**params, "documents": [], "entities": None}))))
        hits = rank_hits(hits + index.search(params["text"], limit=params["limit"], kinds=kinds), params["limit"])
    return _answer(hits, _evidence(fetch, params, [h.key for h in hits if h.kind != "Document"]))


def _documents(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], candidates: list[str],
               terms: list[str], params: dict[str, Any]) -> list[Hit]:
    """The best documents among ``candidates`` (those the store's index names). For terms folding
    cannot change the store counts and scores them and only the best texts are read; else every
    candidate's text is read and folded here."""
    narrowed = {**params, "documents": candidates, "entities": []}
    if fold_free(terms):
        best = _best_counted(fetch, narrowed, terms, params)
        hits = _best(searchables(fetch({**narrowed, "documents": best})), terms, params, False)
        if [h.key for h in hits] == best:
            return hits
        # the texts changed between the two reads (a load in between): read them whole, as below
    return _best(searchables(fetch(narrowed)), terms, params, True)


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> FullTextIndex:
    return FullTextIndex(searchables(fetch({**params, "documents": None, "entities": None})))


def _wanted(params: dict[str, Any]) -> set[str] | None:
    return set(params.get("kinds") or ()) or None


def _best(items: list[Searchable], terms: list[str], params: dict[str, Any], fold_text: bool) -> list[Hit]:
    """The best hits among ``items``, scored and ordered as the index does (score, then kind and key)."""
    kinds = _wanted(params)
    hits = [hit for item in items if kinds is None or item.kind in kinds
            if (hit := score_hit(item, terms, fold_text)) is not None]
    return rank_hits(hits, params["limit"])


#: how far a store's floating-point score may be from ``combine``'s rounded one
_SCORE_SLACK = 1e-6


def _best_counted(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], narrowed: dict[str, Any],
                  terms: list[str], params: dict[str, Any]) -> list[str]:
    """Ids of the best documents by the counts the store gives, scored by ``combine`` (the same
    arithmetic and order as ``score_hit``). The store returns only its best ``top`` by its own
    floating-point score: enough when the last of the best beats the lowest returned by more than
    the slack (or nothing was cut); else the counts of every candidate are read."""
    limit = params["limit"]
    top = 4 * limit + 50
    counting = {**narrowed, "counted": True, "terms": terms, "lengths": [len(t) for t in terms],
                "weight": kind_weight("Document")}
    rows = fetch({**counting, "top": top})
    best = _rank_counted(rows, terms, limit)
    if len(rows) >= top:
        floor = min(float(r["score"] or 0.0) for r in rows)
        if len(best) < limit or best[-1][0] <= floor + _SCORE_SLACK:
            best = _rank_counted(fetch({**counting, "top": TOP_ALL}), terms, limit)
    return [key for _, key in best]


def _rank_counted(rows: list[dict[str, Any]], terms: list[str], limit: int) -> list[tuple[float, str]]:
    """(score, id) of the ``limit`` best documents by ``combine`` over their counts, best first (score, then id)."""
    scored = []
    for row in rows:
        score = combine("Document", terms, [int(c) for c in row["counts"]], [bool(n) for n in row["in_name"]])
        if score is not None:
            scored.append((-score, row["id"]))
    scored.sort()
    return [(-neg, key) for neg, key in scored[:limit]]


def _evidence(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
              entities: list[str]) -> dict[str, Any]:
    """The best evidence of ``entities`` (as every query picks it), read by id."""
    if not entities:
        return {}
    return {r["id"]: best_evidence(r) for r in fetch({**params, "documents": [], "entities": entities})}


def _answer(hits: list[Hit], evidence: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of ``hits``, an entity's with its evidence."""
    hits = [h if h.kind == "Document" else _with_evidence(h, evidence.get(h.key)) for h in hits]
    return [{"rank": i + 1, "kind": h.kind, "id": h.key, "name": h.name, "score": h.score, "doc_id": h.doc_id,
             "quote": h.quote, "start": h.start, "end": h.end} for i, h in enumerate(hits)]


def _with_evidence(hit: Hit, ev: Any) -> Hit:
    if ev is None:
        return dataclasses.replace(hit, doc_id=None, quote=hit.name, start=None, end=None)
    return dataclasses.replace(hit, doc_id=ev.doc_id, quote=ev.quote or hit.name, start=ev.start, end=ev.end)
