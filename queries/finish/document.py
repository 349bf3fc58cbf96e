"""Finisher of ``document``: the document's one row (metadata and text), or no row when there is no
document with that id; the text is never None."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

__all__ = ["finish"]


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    rows = [r for r in fetch(params) if r.get("id") == params["doc"]]
    return [{**rows[0], "text": rows[0].get("text") or ""}] if rows else []
