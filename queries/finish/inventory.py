"""Finisher of ``inventory``: the rows in a fixed order — by section (documents, places, practices, named
models, policies, the measure total, the measures of ``place``), then most counted first, then name and
id — with the same columns on every store."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

__all__ = ["SECTIONS", "finish"]

SECTIONS = ("document", "place", "practice", "named_model", "policy", "measure_total", "measure")
_COLUMNS = ("section", "id", "name", "kind", "place", "level", "issuer", "date", "status", "count")


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    order = {s: i for i, s in enumerate(SECTIONS)}
    rows = {}
    for row in fetch(params):
        out = {c: row.get(c) for c in _COLUMNS}
        if out["count"] is not None:
            out["count"] = int(out["count"])
        rows[(out["section"], out["id"])] = out
    return sorted(rows.values(), key=lambda r: (order.get(r["section"], len(order)), -(r["count"] or 0),
                                                r["name"] or "", r["id"]))
