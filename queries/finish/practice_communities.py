"""Finisher of ``practice_communities``: Louvain communities over the practice co-occurrence projection."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.analysis import practice_communities
from queries.finish.similar_cities import vectors

__all__ = ["finish"]


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    from queries.finish._common import cached

    pv = vectors(fetch, params, version)
    return cached(f"practice_communities:{params['min_places']}", version,
                  lambda: practice_communities(pv, params["min_places"]))
