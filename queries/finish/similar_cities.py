"""Finisher of ``similar_cities``: practice vectors per place (cached per graph version), then similarity."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.analysis import PracticeVectors, similar_places
from queries.finish._common import cached

__all__ = ["finish", "vectors"]


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
