"""The named query ``similar_practices``: it computes over the whole graph, so it has no ``.cypher`` of its
own; its rows are the store's projection ``practice_items`` (``GraphStore.projection``, the same rows on
every store: ``graph/projections.py``, ``graph/cypher/projection_practice_items.cypher``).

finish: the TF-IDF index of this graph version built from those rows (kept in the store where it can
be: ``queries/kept.py``; else built once per version in the process), queried with free text, an
existing measure or an existing named model, leaving out the asking place's own items.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from queries.kept import with_index
from queries.rows import as_list, best_evidence
from queries.similarity import KeptSimilarityIndex, SimilarityIndex, SimItem
from queries.spec import EVIDENCE, K, Param, QuerySpec

__all__ = ["SPEC", "build_index", "finish", "sim_items"]

SPEC = QuerySpec(
    "similar_practices", "相似做法",
    "Measures and named models from other places that resemble a text, a measure or a named model, "
    "ranked by a blend of character n-gram TF-IDF, shared practices, shared components and rapidfuzz.",
    (Param("text", "str", "free text describing a practice"),
     Param("measure", "str", "a measure id (me_…)"),
     Param("named_model", "str", "a named model id (nm_…) or name"),
     Param("place", "str", "leave out this place's own items (name or id)", names="Place"),
     K),
    ("rank", "kind", "id", "name", "place_id", "place", "score", "why", *EVIDENCE),
    one_of=("text", "measure", "named_model"),
    projection="practice_items",
    examples=({"text": "红色物业", "k": 5}, {"named_model": "12341"}, {"text": "建立居民议事会", "place": "濮阳市"}),
)



def sim_items(rows: Iterable[dict[str, Any]]) -> list[SimItem]:
    out: dict[str, SimItem] = {}
    for row in rows:
        if row["id"] in out:
            continue
        ev = best_evidence(row)
        components = tuple(str(c) for c in as_list(row.get("components")) if c)
        name = row.get("name") or row["id"]
        # what is compared: the name, its definition/summary, its components, and the quote it comes from
        text = "\n".join(dict.fromkeys(p for p in (name, row.get("text") or "", *components, ev.quote or "") if p))
        out[row["id"]] = SimItem(row["id"], row["kind"], name, row.get("place_id"), row.get("place"), text,
                                 tuple(sorted({str(p) for p in as_list(row.get("practices")) if p})), components,
                                 ev.doc_id, ev.quote, ev.start, ev.end)
    return list(out.values())


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    return with_index("similar_practices", version, lambda: build_index(fetch, params), KeptSimilarityIndex,
                      lambda index: _answer(index, params))


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> SimilarityIndex:
    return SimilarityIndex(sim_items(fetch(params)))


def _answer(index: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    exclude_place = index.place_of(params["place"]) if params.get("place") else None
    if params.get("text"):
        hits = index.query(params["text"], exclude_place=exclude_place, k=params["k"])
    else:
        key = params.get("measure") or params.get("named_model")
        item = index.get(key)
        if item is None and params.get("named_model"):
            item = next((it for it in index.named_models(key)
                         if exclude_place is None or it.place == exclude_place), None)
        if item is None:
            return []
        hits = index.query(item.text, practices=item.practices, components=item.components,
                           exclude_place=item.place if item.place is not None else exclude_place,
                           exclude_key=item.key, k=params["k"])
    return [{"rank": i + 1, "kind": h.item.kind, "id": h.item.key, "name": h.item.name, "place_id": h.item.place,
             "place": h.item.place_name, "score": h.score, "why": h.why, "doc_id": h.item.doc_id,
             "quote": h.item.quote, "start": h.item.start, "end": h.item.end} for i, h in enumerate(hits)]
