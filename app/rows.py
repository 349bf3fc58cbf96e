"""Plain helpers over query rows (list of dicts): evidence lists, tables, grades. No streamlit, so
they are tested directly and reused by the course pack."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from govkg.coursepack.evidence import as_list, evidence_of, first
from govkg.coursepack.model import GRADE_LABELS

__all__ = [
    "GRADE_COLOURS",
    "GRADE_LABELS",
    "LEVEL_LABELS",
    "POLICY_STATUS",
    "STATUS_LABELS",
    "as_list",
    "evidence_of",
    "first",
    "place_label",
    "uniq",
]

GRADE_COLOURS: dict[str, str] = {"quantified": "#1a7f37", "described": "#4a90d9", "claimed": "#e3b341",
                                 "": "#eeeeee"}
STATUS_LABELS: dict[str, str] = {"done": "已实施", "ongoing": "推进中", "planned": "计划中"}
POLICY_STATUS: dict[str, str] = {"issued": "已出台", "planned": "计划出台", "drafting": "起草中",
                                 "referenced": "引用"}
LEVEL_LABELS: dict[str, str] = {"province": "省级", "city": "地级市", "district": "市辖区", "county": "县",
                                "county_city": "县级市", "street": "街道/乡镇", "community": "社区/村",
                                "other": "其他"}


def place_label(row: Mapping[str, Any]) -> str:
    return str(first(row, "place", "name", "place_name", "city"))


def uniq(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in items if x and not (x in seen or seen.add(x))]
