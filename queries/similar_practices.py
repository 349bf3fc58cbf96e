"""The named query ``similar_practices``: it computes over the whole graph, so it has no ``.cypher`` of its
own; its rows are the store's projection ``practice_items`` (``GraphStore.projection``, the same rows on
every store: ``graph/projections.py``, ``graph/cypher/projection_practice_items.cypher``).

finish: the TF-IDF index of this graph version built from those rows (kept in the store where it can
be: ``queries/kept.py``; else built once per version in the process), queried with free text, an
existing measure or an existing named model, leaving out the asking place's own items.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any

from graph.model import label_of_id
from graph.sqlite_postings import Posted
from queries.kept import dumps, with_index, with_maintained
from queries.rows import as_list, best_evidence
from queries.similarity import _ITEM_FIELDS, SIM_KINDS, KeptSimilarityIndex, SimilarityIndex, SimItem, _lnc
from queries.similarity_postings import PostedSimilarityIndex
from queries.spec import EVIDENCE, K, Param, QuerySpec
from queries.walk import in_edges, out_edges, preload

__all__ = ["SPEC", "SimilarPostings", "build_index", "finish", "sim_items"]

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


_SIM_CODE = {kind: code for code, kind in enumerate(SIM_KINDS)}
# the relationships an item's row reads: to its practices, from its place (a measure), to its owner (a model)
_LINKS = (("INSTANCE_OF", True), ("IMPLEMENTS", False), ("OWNED_BY", True))


def _label(node: str) -> str | None:
    try:
        return label_of_id(node)
    except ValueError:
        return None


class SimilarPostings:
    """The measures and named models as a postings index. A write changes the items it gives evidence to
    (their best evidence is part of their text), those at either end of a relationship it touches that
    an item's row reads (its practices, its place or owner), and those of a place or practice whose name
    it changes."""

    name = "similar_practices"
    postings = True

    def affected(self, view: Any, touched: Any) -> set[str]:
        items = {n for n in touched.nodes if _label(n) in _SIM_CODE}
        for rel_type, _ in _LINKS:
            for s, e in touched.rels_of(rel_type):
                items.update(x for x in (s, e) if _label(x) in _SIM_CODE)
        renamed = sorted(n for n, props in touched.changed.items()
                         if "name" in props and _label(n) in ("Place", "Practice") and n in view)
        if renamed:
            for rel_type, out in _LINKS:
                preload(view, renamed, rel_type, not out)
            for node in renamed:
                for rel_type, out in _LINKS:
                    ends = in_edges(view, node, rel_type) if out else out_edges(view, node, rel_type)
                    items.update(x for x, _ in ends if _label(x) in _SIM_CODE)
        return items

    def all_keys(self, view: Any) -> Iterable[str]:
        for kind in SIM_KINDS:
            yield from view.label_ids(kind)

    def items(self, view: Any, keys: Sequence[str]) -> dict[str, Posted]:
        from graph.projections import practice_items_of

        out = {}
        for it in sim_items(practice_items_of(view, list(keys))):
            attrs = [*("p:" + p for p in it.practices), *("pw:" + w for w in (it.place, it.place_name) if w is not None)]
            if it.place is not None:
                attrs.append("pl:" + it.place)
            if it.kind == "NamedModel":
                attrs.append("nm:" + it.name)
            out[it.key] = Posted(_SIM_CODE[it.kind], dumps([getattr(it, f) for f in _ITEM_FIELDS]), tuple(attrs), it.text)
        return out

    def segment(self, sources: list[str]) -> Iterator[tuple[str, Any, Any]]:
        grams, indptr, rows, data = _lnc(sources)
        for col, gram in enumerate(grams):
            lo, hi = int(indptr[col]), int(indptr[col + 1])
            yield gram, rows[lo:hi], data[lo:hi].astype("<f8")

    def size(self, source: str) -> int:
        return len(source)


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    def use(index: Any) -> list[dict[str, Any]]:
        return _answer(index, params)

    return with_maintained("similar_practices", version, PostedSimilarityIndex, use, lambda: with_index(
        "similar_practices", version, lambda: build_index(fetch, params), KeptSimilarityIndex, use))


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
