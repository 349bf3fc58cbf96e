"""Finisher of ``city_profile``: one row per fact with its evidence, in a fixed section order."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.finish._common import as_list, best_evidence, head_quote

__all__ = ["SECTIONS", "finish"]

SECTIONS = ("practice", "named_model", "policy", "agency", "figure", "learned_from", "taught", "document")
_STATUSED = ("policy", "figure")      # sections whose ``status`` column is filled: policy status, figure done/planned
_STATUS_ZH = {"issued": "已出台", "planned": "计划出台", "drafting": "起草中", "referenced": "引用"}


def _detail(row: dict[str, Any]) -> str | None:
    section = row["section"]
    items = [str(i) for i in as_list(row.get("items")) if i]
    if section == "named_model":
        return "；".join(f"{i + 1}. {c}" for i, c in enumerate(items)) or None
    if section == "policy":
        parts = [_STATUS_ZH.get(row.get("status") or "", row.get("status") or ""), row.get("date") or "",
                 row.get("issuer") or ""]
        return " · ".join(p for p in parts if p) or None
    if section == "figure":
        return " ".join(p for p in (items[0] if items else "", row.get("date") or "") if p) or None
    if section in ("learned_from", "taught"):
        return "；".join(items) or None
    if section == "document":
        return " · ".join(p for p in (row.get("status") or "", row.get("date") or "") if p) or None
    return None


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for row in fetch(params):
        key = (row["place_id"], row["section"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        if row["section"] == "document":
            ev = head_quote(row["id"], row.get("head"))
        else:
            ev = best_evidence(row)
        out.append({"place_id": row["place_id"], "place": row["place"], "section": row["section"],
                    "category": row.get("category"), "name": row.get("name") or row["id"],
                    "detail": _detail(row), "status": row.get("status") if row["section"] in _STATUSED else None,
                    "practices": sorted(as_list(row.get("practices"))) if row["section"] == "figure" else None,
                    "id": row["id"], **ev})
    order = {s: i for i, s in enumerate(SECTIONS)}
    out.sort(key=lambda r: (r["place_id"], order.get(r["section"], 99), r["category"] or "",
                            str(r["name"]), r["id"]))
    return out
