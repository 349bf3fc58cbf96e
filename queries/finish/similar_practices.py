"""Finisher of ``similar_practices``: build the TF-IDF index once per graph version, then query it with
free text, an existing measure or an existing named model, leaving out the asking place's own items."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from queries.finish._common import as_list, best_evidence, cached
from queries.similarity import SimilarityIndex, SimItem

__all__ = ["finish", "sim_items"]


def sim_items(rows: Iterable[dict[str, Any]]) -> list[SimItem]:
    out: dict[str, SimItem] = {}
    for row in rows:
        if row["id"] in out:
            continue
        ev = best_evidence(row)
        components = tuple(str(c) for c in as_list(row.get("components")) if c)
        name = row.get("name") or row["id"]
        # what is compared: the name, its definition/summary, its components, and the quote it comes from
        text = "\n".join(dict.fromkeys(p for p in (name, row.get("text") or "", *components, ev["quote"] or "") if p))
        out[row["id"]] = SimItem(row["id"], row["kind"], name, row.get("place_id"), row.get("place"), text,
                                 tuple(sorted({str(p) for p in as_list(row.get("practices")) if p})), components,
                                 ev["doc_id"], ev["quote"], ev["start"], ev["end"])
    return list(out.values())


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    index: SimilarityIndex = cached("similar_practices", version, lambda: SimilarityIndex(sim_items(fetch(params))))
    exclude_place = None
    if params.get("place"):
        wanted = params["place"]
        exclude_place = next((it.place for it in index.items if wanted in (it.place, it.place_name)), wanted)
    if params.get("text"):
        hits = index.query(params["text"], exclude_place=exclude_place, k=params["k"])
    else:
        key = params.get("measure") or params.get("named_model")
        item = index.get(key)
        if item is None and params.get("named_model"):
            item = next((it for it in index.items if it.kind == "NamedModel" and it.name == key
                         and (exclude_place is None or it.place == exclude_place)), None)
        if item is None:
            return []
        hits = index.query(item.text, practices=item.practices, components=item.components,
                           exclude_place=item.place if item.place is not None else exclude_place,
                           exclude_key=item.key, k=params["k"])
    return [{"rank": i + 1, "kind": h.item.kind, "id": h.item.key, "name": h.item.name, "place_id": h.item.place,
             "place": h.item.place_name, "score": h.score, "why": h.why, "doc_id": h.item.doc_id,
             "quote": h.item.quote, "start": h.item.start, "end": h.item.end} for i, h in enumerate(hits)]
