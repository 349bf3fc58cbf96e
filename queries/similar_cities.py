"""The named query ``similar_cities``: ``fetch`` gives the embedded store the raw rows ``similar_cities.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/similar_cities.cypher`` (same parameters, same raw rows).

finish: Finisher of ``similar_cities``: practice vectors per place (cached per graph version), then similarity.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.analysis import PracticeVectors, similar_places
from queries.rows import cached
from queries.spec import EVIDENCE, K, Param, QuerySpec
from queries.walk import place_practice_rows

__all__ = ["SPEC", "fetch", "finish", "vectors"]

SPEC = QuerySpec(
    "similar_cities", "相似地方",
    "Places whose practice sets resemble a place's: Jaccard over practice sets and cosine over "
    "practice counts (measures per practice), with the shared practices.",
    (Param("place", "str", "place name or id", required=True, names="Place"), K),
    ("rank", "place_id", "place", "jaccard", "cosine", "shared", *EVIDENCE),
)


def fetch(g: Any, **_params: Any) -> list[dict[str, Any]]:
    return place_practice_rows(g)


def vectors(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
            version: Callable[[], Hashable]) -> PracticeVectors:
    return cached("place_practices", version, lambda: PracticeVectors.from_rows(fetch(params)))


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    pv = vectors(fetch, params, version)
    out = []
    for pid in pv.resolve(params["place"]):
        out.extend(similar_places(pv, pid, params["k"]))
    return out
