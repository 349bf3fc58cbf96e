"""The county-level unit of a text that never names it: only itself (我县, 我市, 本区) and its towns.

A county's 人大 or 政协 work item, or a county-level city's 调研报告 written for its own readers, says 我县 or 我市
and names the towns and streets it visited (某某镇, 某某乡, 某某街道), never the county. The township table
places each of those towns whose name is unique in the province the text names (in the country where it names
none); where two or more towns so placed lie in one county-level unit of the level the text calls its own, and more
than in all other units together (a phrase may end like a town: 部分乡镇 is not 分乡镇), that unit is the subject.
"""
from __future__ import annotations

from collections import Counter

from loaders.extract.gazetteer import Gazetteer
from loaders.extract.subject import self_level
from loaders.extract.text_utils import is_cjk, stop_positions
from loaders.extract.townships import township_county, townships_named

__all__ = ["unnamed_unit", "written_towns"]

# the level the text calls its own (我县, 我市, 我区) -> the levels of the gazetteer's unit it can be
_FITS = {"county": ("county",), "city": ("county_city",), "district": ("district",)}
_LONGEST_STEM = 5  # characters before 镇/乡/街道 read as a town's name, longest first
_LEAST_TOWNS = 2
# words for towns in general that a name read back from 镇 ends with (部分乡镇, 新型城镇, 重点村镇)
_GENERIC_END = ("乡镇", "城镇", "村镇")


def written_towns(text: str) -> set[str]:
    """The names of the table's streets and towns written in ``text``, each the longest that the table holds
    ending at a 镇, 乡 or 街道 (到大沙河镇 → 大沙河镇)."""
    found: set[str] = set()
    for pos in stop_positions(text, "镇乡道"):
        suffix = 2 if text[pos] == "道" else 1
        if suffix == 2 and text[pos - 1:pos] != "街":
            continue
        end, stem_end = pos + 1, pos + 1 - suffix
        for size in range(_LONGEST_STEM, 1, -1):
            start = stem_end - size
            if start < 0 or not all(is_cjk(ch) for ch in text[start:stem_end]):
                continue
            if text[start:end].endswith(_GENERIC_END):
                break
            if townships_named(text[start:end]):
                found.add(text[start:end])
                break
    return found


def unnamed_unit(text: str, gaz: Gazetteer, area: str | None) -> str | None:
    """The code of the one county-level unit holding the towns ``text`` writes, of the level it calls its own
    (我县 → a county, 我市 → a county-level city, 我区 → a district), or None; ``area``: the province the text
    names (None: the whole country)."""
    fits = _FITS.get(self_level(text) or "")
    if fits is None:
        return None
    counties = Counter(c for name in written_towns(text) if (c := township_county(gaz, name, area)) is not None)
    if not counties:
        return None
    (code, towns), = counties.most_common(1)
    if towns < _LEAST_TOWNS or towns <= sum(counties.values()) - towns:
        return None
    return code if gaz.by_code[code].level in fits else None
