"""The named query ``search``: ``fetch`` gives the embedded store the raw rows ``search.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/search.cypher`` (same parameters, same raw rows).

finish: On a store with its own full-text indexes (Neo4j, FalkorDB: ``GraphStore.full_text_candidates``
and ``full_text_entities``, over the pre-segmented ``grams`` field of documents and entities,
``graph/fulltext.py``) the indexes name the documents and entities that can match; where folding
cannot change the terms the store counts and scores the terms in them and only the best documents'
texts are read, else their texts are read and checked here. On the embedded store (and on a graph
whose items were written without the field) the in-process index of this graph version (kept in the
store where it can be: ``queries/kept.py``) answers. Either way the hits are checked and ranked by
the same code (``queries/fulltext.py``), and the evidence of the entities among them is read last,
for those hits only.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from graph.fulltext import ENTITY_FIELDS, entity_text
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
from queries.fulltext_postings import PostedFullTextIndex
from queries.kept import with_index, with_maintained
from queries.rows import NO_EVIDENCE, Evidence, best_evidence
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
    # every one, by its searchable text; a list: those, with their evidence unless ``evidence`` is
    # false), and whether the store counts and scores the terms in them instead of returning their
    # texts (the best ``top`` documents, and of each kind of entity)
    row_params=(("documents", None), ("entities", None), ("counted", False), ("terms", None),
                ("lengths", None), ("weights", None), ("top", 1_000_000_000), ("evidence", True)),
    examples=({"text": "减负"}, {"text": "社区 议事", "limit": 50}, {"text": "12341", "kinds": ["NamedModel"]}),
)


_FIELDS = ENTITY_FIELDS   # kind -> (name property, definition property, items property)
_NO_EVIDENCE = ("ev_doc", "ev_start", "ev_end", "ev_quote")
TOP_ALL = 1_000_000_000      # ``$top`` that cuts nothing


def fetch(g: Any, documents: list[str] | None = None, entities: list[str] | None = None,
          terms: list[str] | None = None, counted: bool = False, lengths: list[int] | None = None,
          weights: dict[str, float] | None = None, top: int = TOP_ALL, evidence: bool = True,
          **_params: Any) -> list[dict[str, Any]]:
    ids = nodes_of(g, "Document") if documents is None else [
        d for d in documents if d in g and label(g, d) == "Document"]
    rows = [{"kind": "Document", "id": d, "name": (n := g.nodes[d]).get("title"), "definition": None,
             "items": None, **_text_or_counts(n.get("text") or "", n.get("title") or "",
                                              _counting(counted, terms, lengths, weights, "Document")),
             **dict.fromkeys(_NO_EVIDENCE)} for d in ids]
    rows = _cut(rows, top)
    if entities is not None:
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for x in entities:
            if x in g and (kind := label(g, x)) in _FIELDS:
                by_kind.setdefault(kind, []).append(_entity_row(
                    g, x, kind, _counting(counted, terms, lengths, weights, kind), evidence))
        return rows + [r for kind_rows in by_kind.values() for r in _cut(kind_rows, top)]
    for kind, (name, _, _) in _FIELDS.items():
        rows.extend({"kind": kind, "id": x, "name": (n := g.nodes[x]).get(name), "definition": None, "items": None,
                     "text": entity_text(n, kind), "counts": None, "in_name": None, "score": None,
                     **dict.fromkeys(_NO_EVIDENCE)} for x in nodes_of(g, kind))
    return rows


def _counting(counted: bool, terms: Any, lengths: Any, weights: dict[str, float] | None,
              kind: str) -> tuple[Any, Any, Any] | None:
    """(terms, their lengths, the kind's weight) where the store counts, else None."""
    return (terms, lengths, None if weights is None else weights.get(kind)) if counted else None


def _cut(rows: list[dict[str, Any]], top: int) -> list[dict[str, Any]]:
    """``ORDER BY score DESC, id LIMIT $top`` (the order kept where nothing is cut)."""
    if len(rows) > top:
        rows.sort(key=lambda r: (r["score"] is None, -(r["score"] or 0.0), r["id"]))
        rows = rows[:top]
    return rows


def _text_or_counts(text: str, name: str, counting: tuple[Any, Any, Any] | None) -> dict[str, Any]:
    """An item's ``text`` column, or with ``counting`` (terms, their lengths, the weight) its ``counts``,
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


def _entity_row(g: Any, x: str, kind: str, counting: tuple[Any, Any, Any] | None = None,
                evidence: bool = True) -> dict[str, Any]:
    """An entity's row with its fields, searchable text (or counts) and evidence (for a hit)."""
    n = g.nodes[x]
    name, definition, items = _FIELDS[kind]
    return {"kind": kind, "id": x, "name": n.get(name), "definition": n.get(definition) if definition else None,
            "items": n.get(items) if items else None,
            **_text_or_counts(entity_text(n, kind), n.get(name) or x, counting),
            **(ev_lists(n) if evidence else dict.fromkeys(_NO_EVIDENCE))}


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
    found = _candidates(fetch, version, terms, _wanted(params)) if terms else None
    if found is None:
        def use(index: Any) -> list[Hit]:
            return index.search(params["text"], limit=params["limit"], kinds=params.get("kinds") or None)

        hits = with_maintained("search", version, PostedFullTextIndex, use, lambda: with_index(
            "search", version, lambda: build_index(fetch, params), KeptFullTextIndex, use))
    else:
        hits = _narrowed(fetch, *found, terms, params)
    return _answer(hits, _evidence(fetch, params, [h.key for h in hits if h.kind != "Document"]))


def _candidates(fetch: Any, version: Any, terms: list[str],
                kinds: set[str] | None) -> tuple[list[str], list[str]] | None:
    """The documents and the entities the store's own full-text indexes name for ``terms`` (a superset
    of those holding one), of ``kinds``; None where the store has no such index (the embedded store)
    or cannot narrow these terms."""
    documents = fetch.full_text_candidates(terms)
    store = getattr(version, "store", None)       # queries.kept.GraphVersion knows its store
    if documents is None or store is None:
        return None
    entities = store.full_text_entities(terms, None if kinds is None else kinds - {"Document"})
    if entities is None:
        return None
    return ([] if kinds is not None and "Document" not in kinds else documents), entities


def _narrowed(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], documents: list[str],
              entities: list[str], terms: list[str], params: dict[str, Any]) -> list[Hit]:
    """The best hits among the ``documents`` and ``entities`` the store's indexes name. For terms
    folding cannot change the store counts and scores them and only the best documents' texts are
    read (an entity's hit needs no text: its quote is its name, its evidence is read last); else
    every candidate's text is read and folded here."""
    narrowed = {**params, "documents": documents, "entities": entities, "evidence": False}
    if fold_free(terms):
        best = _best_counted(fetch, narrowed, terms, params)
        wanted = [key for _, kind, key, _ in best if kind == "Document"]
        docs = _best(searchables(fetch({**narrowed, "documents": wanted, "entities": []})), terms, params, False)
        if sorted(h.key for h in docs) == sorted(wanted):
            return rank_hits(docs + [Hit(key, kind, name, score, None, name, None, None)
                                     for score, kind, key, name in best if kind != "Document"], params["limit"])
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
                  terms: list[str], params: dict[str, Any]) -> list[tuple[float, str, str, str]]:
    """(score, kind, id, name) of the best items by the counts the store gives, scored by ``combine``
    (the same arithmetic and order as ``score_hit``), best first. The store returns only its best
    ``top`` documents, and of each kind of entity, by its own floating-point score, then id; every
    candidate's counts are read again unless, for each kind it cut, what it left out ranks after
    the last of the best (``_cut_is_safe``)."""
    limit = params["limit"]
    top = 4 * limit + 50
    counting = {**narrowed, "counted": True, "terms": terms, "lengths": [len(t) for t in terms],
                "weights": {kind: kind_weight(kind) for kind in ("Document", *_FIELDS)}}
    rows = fetch({**counting, "top": top})
    best = _rank_counted(rows, terms, limit)
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    if not all(_cut_is_safe(kind_rows, best, terms, limit) for kind_rows in by_kind.values() if len(kind_rows) >= top):
        best = _rank_counted(fetch({**counting, "top": TOP_ALL}), terms, limit)
    return best


def _cut_is_safe(rows: list[dict[str, Any]], best: list[tuple[float, str, str, str]], terms: list[str],
                 limit: int) -> bool:
    """Whether no item the store left out of ``rows`` (one kind, cut at the lowest store score
    ``floor``: those left out score at most ``floor``, and those at ``floor`` have larger ids) can
    rank among ``best``. Safe when the last of the best beats ``floor`` by more than the slack; or,
    at a tie (thousands of entities with one count: a common word), when the last row returned —
    which every left-out item at ``floor`` follows, with the same counts and so the same score — is
    the last of the best or ranks after it. (Equal floats from different counts, or different
    floats rounding to one score, need three or more terms of one length: those read everything.)"""
    floor = min(float(r["score"] or 0.0) for r in rows)
    if floor <= 0.0:                              # those left out hold no term
        return True
    if len(best) < limit:
        return False
    if best[-1][0] > floor + _SCORE_SLACK:
        return True
    if len(terms) > 2:
        return False
    at_floor = [r for r in rows if float(r["score"] or 0.0) == floor]
    last = max(at_floor, key=lambda r: r["id"])
    if any((r["counts"], r["in_name"]) != (last["counts"], last["in_name"]) for r in at_floor):
        return False
    kind = last["kind"]
    score = combine(kind, terms, [int(c) for c in last["counts"]], [bool(n) for n in last["in_name"]])
    return score is not None and (-score, kind, last["id"]) >= (-best[-1][0], best[-1][1], best[-1][2])


def _rank_counted(rows: list[dict[str, Any]], terms: list[str], limit: int) -> list[tuple[float, str, str, str]]:
    """(score, kind, id, name) of the ``limit`` best items by ``combine`` over their counts, best first
    (score, then kind and id, as ``rank_hits``)."""
    scored = []
    for row in rows:
        score = combine(row["kind"], terms, [int(c) for c in row["counts"]], [bool(n) for n in row["in_name"]])
        if score is not None:
            scored.append((-score, row["kind"], row["id"], row.get("name") or row["id"]))
    scored.sort()
    return [(-neg, kind, key, name) for neg, kind, key, name in scored[:limit]]


def _evidence(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
              entities: list[str]) -> dict[str, Any]:
    """The best evidence of ``entities`` (as every query picks it), read by id. On the embedded store
    that entry alone, chosen by SQL (``evidence_summary``): a hit may be a hub (a practice every
    document names), whose every entry read and cut to pick one was most of a call at 20,000 documents.
    (``entities`` are hits of the index: searchable entities; one gone since has no summary.)"""
    if not entities:
        return {}
    embedded = getattr(fetch, "embedded_graph", None)
    g = embedded() if embedded is not None else None
    summary = getattr(g, "evidence_summary", None)
    found = summary(entities) if summary is not None else None
    if found is not None:
        return {x: NO_EVIDENCE if best is None else Evidence(*best) for x, (_, best) in found.items()}
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
