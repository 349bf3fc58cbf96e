"""The named query ``similar_cities``: ``fetch`` gives the embedded store the raw rows ``similar_cities.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/similar_cities.cypher`` (same parameters, same raw rows).

finish: Finisher of ``similar_cities``: practice vectors per place (kept per graph version), then similarity.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.analysis import PracticeVectors, similar_places
from queries.kept import with_index
from queries.spec import EVIDENCE, K, Param, QuerySpec
from queries.walk import place_practice_rows

__all__ = ["SPEC", "build_index", "fetch", "finish", "vectors"]

SPEC = QuerySpec(
    "similar_cities", "相似地方",
    "Places whose practice sets resemble a place's: Jaccard over practice sets and cosine over "
    "practice counts (measures per practice), with the shared practices.",
    (Param("place", "str", "place name or id", required=True, names="Place"), K),
    ("rank", "place_id", "place", "jaccard", "cosine", "shared", *EVIDENCE),
)


def fetch(g: Any, **_params: Any) -> list[dict[str, Any]]:
    return place_practice_rows(g)


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> PracticeVectors:
    return PracticeVectors.from_rows(fetch(params))


def vectors(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
            version: Callable[[], Hashable]) -> PracticeVectors:
    """The practice vectors of this graph version (kept in the store where it can be: ``queries/kept.py``)."""
    return with_index("place_practices", version, lambda: build_index(fetch, params), PracticeVectors.load,
                      lambda pv: pv)


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    pv = vectors(fetch, params, version)
    out = []
    for pid in pv.resolve(params["place"]):
        out.extend(similar_places(pv, pid, params["k"]))
    return out
