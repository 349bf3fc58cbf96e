"""Plain helpers over query rows (list of dicts): evidence lists, tables, grades. No streamlit, so
they are tested directly and reused by the course pack."""
from __future__ import annotations

import re
from collections.abc import Iterable

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
    "md_escape",
    "uniq",
]

_MD_SPECIAL = "\\`*_{}[]<>()#+-.!|~$:@"
_WORD_JOINER = "\u2060"      # invisible, zero width, no line break
_AUTOLINK = re.compile(r"://|@|(?<=www)\.", re.IGNORECASE)


def md_escape(text: str) -> str:
    """Text shown through Streamlit's Markdown exactly as written: no Markdown, no HTML, no LaTeX, no
    ``:icon:`` or ``:color[...]`` directives, and no links. Escaping is not enough for the last: the
    renderer turns bare ``https://…``, ``www.…`` and ``name@host`` in the *unescaped* text into links
    (GFM autolink literals), so an invisible word joiner goes before ``://``, after ``www`` and after
    ``@``, where it breaks the pattern and changes nothing on screen."""
    text = _AUTOLINK.sub(lambda m: _WORD_JOINER + m[0] if m[0] != "@" else "@" + _WORD_JOINER, str(text))
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in text).replace("\n", "  \n")


GRADE_COLOURS: dict[str, str] = {"quantified": "#1a7f37", "described": "#4a90d9", "claimed": "#e3b341",
                                 "": "#eeeeee"}
STATUS_LABELS: dict[str, str] = {"done": "已实施", "ongoing": "推进中", "planned": "计划中"}
POLICY_STATUS: dict[str, str] = {"issued": "已出台", "planned": "计划出台", "drafting": "起草中",
                                 "referenced": "引用"}
LEVEL_LABELS: dict[str, str] = {"province": "省级", "city": "地级市", "district": "市辖区", "county": "县",
                                "county_city": "县级市", "street": "街道/乡镇", "community": "社区/村",
                                "other": "其他"}


def uniq(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in items if x and not (x in seen or seen.add(x))]
