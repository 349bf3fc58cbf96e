"""Finisher of ``practice_communities``: Louvain communities over the practice co-occurrence projection."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.analysis import practice_communities
from queries.finish.similar_cities import vectors

__all__ = ["finish"]


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    return practice_communities(vectors(fetch, params, version), params["min_places"])
