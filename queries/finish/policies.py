"""Finisher of ``policies``: policies (issued / referenced) first, then commitments (planned or drafting
policies and planned measures), each with its evidence."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.finish._common import best_evidence

__all__ = ["COMMITMENT_STATUSES", "finish"]

COMMITMENT_STATUSES = frozenset({"planned", "drafting"})


def _year(date: str | None) -> int:
    head = (date or "")[:4]
    return int(head) if head.isdigit() else 0


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for row in fetch(params):
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        commitment = row["kind"] == "measure" or row.get("status") in COMMITMENT_STATUSES
        out.append({"section": "commitment" if commitment else "policy", "id": row["id"], "title": row.get("title"),
                    "issuer": row.get("issuer"), "date": row.get("date"), "status": row.get("status"),
                    **best_evidence(row)})
    out.sort(key=lambda r: (r["section"] != "policy", -_year(r["date"]), r["title"] or "", r["id"]))
    return out
