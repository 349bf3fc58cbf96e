"""The named query ``practice_communities``: ``fetch`` gives the embedded store the raw rows ``practice_communities.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/practice_communities.cypher`` (same parameters, same raw rows).

finish: Finisher of ``practice_communities``: Louvain communities over the practice co-occurrence projection.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.analysis import practice_communities
from queries.similar_cities import vectors
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import place_practice_rows

__all__ = ["SPEC", "fetch", "finish"]

SPEC = QuerySpec(
    "practice_communities", "实践群落",
    "Practices that tend to occur together: Louvain communities of the practice–practice projection "
    "of the place–practice graph (weights: places sharing both).",
    (Param("min_places", "int", "ignore practices seen in fewer places", default=1, min=1, max=100000),),
    ("community", "practice", "places", "size", "top_places", *EVIDENCE),
)


def fetch(g: Any, **_params: Any) -> list[dict[str, Any]]:
    return place_practice_rows(g)


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    from queries.rows import cached

    pv = vectors(fetch, params, version)
    return cached(f"practice_communities:{params['min_places']}", version,
                  lambda: practice_communities(pv, params["min_places"]))
