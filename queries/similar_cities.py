"""The named query ``similar_cities``: it computes over the whole graph, so it has no ``.cypher`` of its own;
its rows are the store's projection ``place_practices`` (``GraphStore.projection``, the same rows on
every store: ``graph/projections.py``, ``graph/cypher/projection_place_practices.cypher``).

finish: practice vectors per place (kept per graph version), then similarity.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.analysis import PracticeVectors, similar_places
from queries.kept import with_index
from queries.spec import EVIDENCE, K, Param, QuerySpec

__all__ = ["SPEC", "build_index", "finish", "vectors"]

SPEC = QuerySpec(
    "similar_cities", "相似地方",
    "Places whose practice sets resemble a place's: Jaccard over practice sets and cosine over "
    "practice counts (measures per practice), with the shared practices.",
    (Param("place", "str", "place name or id", required=True, names="Place"), K),
    ("rank", "place_id", "place", "jaccard", "cosine", "shared", *EVIDENCE),
    projection="place_practices",
    examples=({"place": "濮阳市"}, {"place": "潜江市", "k": 3}),
)



def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> PracticeVectors:
    """The vectors from the projection's rows, streamed where the fetch can (``Fetch.stream``)."""
    stream = getattr(fetch, "stream", None)
    return PracticeVectors.from_rows(stream(params) if stream is not None else fetch(params))


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
