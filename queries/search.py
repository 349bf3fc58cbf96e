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
import math
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from graph.fulltext import fold_pairs
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
    row_params=(("documents", None), ("entities", None), ("terms", None), ("fold", []), ("counted", False),
                ("lengths", None), ("weights", None), ("top", 1_000_000_000)),
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
          terms: list[str] | None = None, fold: list[list[str]] | None = None, counted: bool = False,
          lengths: list[int] | None = None, weights: dict[str, float] | None = None, top: int = TOP_ALL,
          **_params: Any) -> list[dict[str, Any]]:
    ids = nodes_of(g, "Document") if documents is None else [
        d for d in documents if d in g and label(g, d) == "Document"]
    counting = (terms, lengths, weights) if counted else None
    rows = _cut([{"kind": "Document", "id": d, "name": (n := g.nodes[d]).get("title"), "definition": None,
                  "items": None, **_text_or_counts(n.get("text") or "", n.get("title") or "", "Document", counting),
                  **dict.fromkeys(_NO_EVIDENCE)} for d in ids], top)
    if entities is not None:
        return rows + [_entity_row(g, x, label(g, x)) for x in entities if x in g and label(g, x) in _FIELDS]
    for kind, (name, _, _) in _FIELDS.items():
        found = []
        for x in nodes_of(g, kind):
            n = g.nodes[x]
            text = _searchable_text(n, kind)
            if terms is None or _holds(text, terms, fold or []):
                found.append({"kind": kind, "id": x, "name": n.get(name), "definition": None, "items": None,
                              **_text_or_counts(text, n.get(name) or x, kind, counting),
                              **dict.fromkeys(_NO_EVIDENCE)})
        rows += _cut(found, top)
    return rows


def _cut(rows: list[dict[str, Any]], top: int) -> list[dict[str, Any]]:
    """The ``top`` first rows by score (highest first; none without one), then id, as ``search.cypher``'s
    ``ORDER BY score DESC, id LIMIT $top``."""
    if len(rows) <= top:
        return rows
    rows.sort(key=lambda r: (r["score"] is None, -(r["score"] or 0.0), r["id"]))
    return rows[:top]


def _text_or_counts(text: str, name: str, kind: str,
                    counting: tuple[list[str] | None, list[int] | None, dict[str, float] | None] | None) -> dict[str, Any]:
    """The ``text`` column, or with ``counting`` (terms, their lengths, the kinds' weights) the ``counts``,
    ``in_name`` and ``score`` ones, as ``search.cypher`` gives them."""
    if counting is None:
        return {"text": text, "counts": None, "in_name": None, "score": None}
    terms, lengths, weights = counting
    if terms is None or lengths is None or weights is None:
        return {"text": None, "counts": None, "in_name": None, "score": None}
    counts = [text.count(t) for t in terms]
    in_name = [t in name for t in terms]
    found = [i for i in range(len(terms)) if counts[i] > 0 or in_name[i]]
    total = 0.0
    for i in found:
        total += (1.0 + math.log(1.0 + counts[i])) * math.sqrt(lengths[i]) + (2.0 if in_name[i] else 0.0)
    return {"text": None, "counts": counts, "in_name": in_name,
            "score": total * len(found) / len(terms) * weights[kind]}


def _holds(text: str, terms: list[str], pairs: list[list[str]]) -> bool:
    """The entity filter of ``search.cypher``: the searchable text holds one of ``terms``, as it is when
    there are no ``pairs``, else lower-cased with ``pairs`` replaced."""
    if pairs:
        text = text.lower()
        for a, b in pairs:
            text = text.replace(a, b)
    return any(t in text for t in terms)


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
    pairs = fold_pairs(terms) if candidates is not None else None
    if candidates is None or pairs is None:
        hits = with_index("search", version, lambda: build_index(fetch, params), KeptFullTextIndex,
                          lambda index: index.search(params["text"], limit=params["limit"],
                                                     kinds=params.get("kinds") or None))
        return _answer(hits, _evidence(fetch, params, [h.key for h in hits if h.kind != "Document"]))
    narrowed = {**params, "documents": candidates, "entities": None, "terms": terms, "fold": pairs}
    if not fold_free(terms):                          # texts read and folded here
        hits = _best(searchables(fetch(narrowed)), terms, params, True)
        return _answer(hits, _evidence(fetch, params, [h.key for h in hits if h.kind != "Document"]))
    # the store counts and scores; only the best items' texts and evidence are read
    best = _best_counted(fetch, narrowed, terms, params)
    rows = fetch({**params, "documents": [k for kind, k in best if kind == "Document"],
                  "entities": [k for kind, k in best if kind != "Document"], "terms": terms, "fold": pairs})
    hits = _best(searchables(rows), terms, params, False)
    if [(h.kind, h.key) for h in hits] != best:
        raise AssertionError("search: the store's counts and the texts disagree")
    return _answer(hits, {r["id"]: best_evidence(r) for r in rows if r["kind"] != "Document"})


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> FullTextIndex:
    return FullTextIndex(searchables(fetch({**params, "documents": None, "entities": None})))


_WEIGHTS = {kind: kind_weight(kind) for kind in ("Document", *_FIELDS)}


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
                  terms: list[str], params: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, id) of the best items by the counts the store gives, scored by ``combine`` (the same
    arithmetic and order as ``score_hit``). The store returns only its best ``top`` documents and
    entities of each kind by its own floating-point score; that is provably enough when the last
    of the best scores beats, by more than the slack, the lowest score of every kind the store cut:
    else the counts of every candidate are read."""
    limit = params["limit"]
    top = 4 * limit + 50
    counting = {**narrowed, "counted": True, "lengths": [len(t) for t in terms], "weights": _WEIGHTS}
    rows = fetch({**counting, "top": top})
    best = _rank_counted(rows, terms, params)
    cut: dict[str, list[float]] = {}
    for row in rows:
        cut.setdefault(row["kind"], []).append(float(row["score"] or 0.0))
    floors = [min(scores) for kind, scores in cut.items() if len(scores) >= top and _wanted_kind(params, kind)]
    if floors and (len(best) < limit or best[-1][0] <= max(floors) + _SCORE_SLACK):
        best = _rank_counted(fetch({**counting, "top": TOP_ALL}), terms, params)
    return [(kind, key) for _, kind, key in best]


def _wanted_kind(params: dict[str, Any], kind: str) -> bool:
    kinds = _wanted(params)
    return kinds is None or kind in kinds


def _rank_counted(rows: list[dict[str, Any]], terms: list[str], params: dict[str, Any]) -> list[tuple[float, str, str]]:
    """(score, kind, id) of the ``limit`` best rows by ``combine`` over their counts, best first (score,
    then kind and id)."""
    scored = []
    for row in rows:
        if not _wanted_kind(params, row["kind"]) or row["counts"] is None:
            continue
        score = combine(row["kind"], terms, [int(c) for c in row["counts"]], [bool(n) for n in row["in_name"]])
        if score is not None:
            scored.append((-score, row["kind"], row["id"]))
    scored.sort()
    return [(-neg, kind, key) for neg, kind, key in scored[:params["limit"]]]


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
