"""Embedded counterpart of ``queries/practice_communities.cypher`` (same parameters, same raw rows)."""
from __future__ import annotations

from typing import Any

from queries.embedded._graph import place_practice_rows

__all__ = ["fetch"]


def fetch(g: Any, **_params: Any) -> list[dict[str, Any]]:
    return place_practice_rows(g)
