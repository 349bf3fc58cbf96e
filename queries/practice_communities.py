"""The named query ``practice_communities``: it computes over the whole graph, so it has no ``.cypher`` of
its own; its rows are the store's projection ``place_practices`` (``GraphStore.projection``, the same
rows on every store: ``graph/projections.py``, ``graph/cypher/projection_place_practices.cypher``).

finish: Louvain communities over the practice co-occurrence projection of the practice vectors per
place (``similar_cities.vectors``).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.analysis import practice_communities
from queries.similar_cities import vectors
from queries.spec import EVIDENCE, Param, QuerySpec

__all__ = ["SPEC", "finish"]

SPEC = QuerySpec(
    "practice_communities", "实践群落",
    "Practices that tend to occur together: Louvain communities of the practice–practice projection "
    "of the place–practice graph (weights: places sharing both).",
    (Param("min_places", "int", "ignore practices seen in fewer places", default=1, min=1, max=100000),),
    ("community", "practice", "places", "size", "top_places", *EVIDENCE),
    projection="place_practices",
    examples=({}, {"min_places": 2}),
)



def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    from queries.rows import cached

    pv = vectors(fetch, params, version)
    return cached(f"practice_communities:{params['min_places']}", version,
                  lambda: practice_communities(pv, params["min_places"]))
