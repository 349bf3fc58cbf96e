"""Offline gazetteer of Chinese administrative divisions (province, city, county level).

Built at first use from the ``adcodes.csv`` file that the ``cpca`` distribution ships (read as a
plain file through ``importlib.metadata``; cpca itself is not imported, it pulls pandas), then
cached for the life of the process. Short aliases (濮阳 → 濮阳市, 上海 → 上海市, 广西 → 广西壮族自治区)
are derived by rules from the official names, never typed by hand.

Levels follow the code: ``PP0000`` province, ``PPCC00`` prefecture (city), anything else county
level: 区 → district, 县/旗 → county, 市 → county_city. Province-administered county-level units
(潜江市 ``429005``) get the province as parent.
"""
from __future__ import annotations

import csv
import importlib.metadata
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govkg.errors import ConfigError

__all__ = ["PROVINCE_ABBREVIATIONS", "AdminPlace", "GazHit", "Gazetteer", "code_table", "load_gazetteer",
           "short_name"]

# placeholder rows of the code table ("市辖区", "县", "省直辖县级行政区划") are not places
_PLACEHOLDER = re.compile(r"^(市辖区|县|市|.*直辖.*)$")
_ETHNIC_AUTONOMY = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}?族)+自治(?:州|县|旗)$")
_PROVINCE_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$")

# the one-character abbreviations of the provinces (粤民建, 湘政发, 鄂发 …), by the first two digits
# of the province's code: general knowledge, printed on every plate and document number
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "京": "11", "津": "12", "冀": "13", "晋": "14", "蒙": "15", "辽": "21", "吉": "22", "黑": "23",
    "沪": "31", "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36", "鲁": "37", "豫": "41",
    "鄂": "42", "湘": "43", "粤": "44", "桂": "45", "琼": "46", "渝": "50", "川": "51", "蜀": "51",
    "黔": "52", "贵": "52", "滇": "53", "云": "53", "藏": "54", "陕": "61", "秦": "61", "甘": "62",
    "陇": "62", "青": "63", "宁": "64", "新": "65",
}


@dataclass(frozen=True)
class AdminPlace:
    """One administrative unit of the code table."""

    adcode: str          # 6 digits
    name: str            # official name, e.g. 望城区
    level: str           # province | city | district | county | county_city
    parent: str | None   # adcode of the parent unit, None for provinces
    province: str        # adcode of the province

    @property
    def is_county_level(self) -> bool:
        return self.level in ("district", "county", "county_city")


@dataclass(frozen=True)
class GazHit:
    """A gazetteer string found in text: which surface form and every unit it may denote."""

    start: int
    end: int
    surface: str
    codes: tuple[str, ...]
    is_alias: bool


def short_name(name: str, level: str) -> str | None:
    """The customary short form of an official name, or None when it has none (too short)."""
    if level == "province":
        short = _PROVINCE_SUFFIX.sub("", name)
        m = re.match(r"^(.{2,}?)(?:壮族|回族|维吾尔)?自治区$", name)
        if m:
            short = m.group(1)
        return short if len(short) >= 2 and short != name else None
    m = _ETHNIC_AUTONOMY.match(name)
    if m:
        return m.group(1)
    for suffix in ("地区", "市", "盟", "县", "区", "旗"):
        if name.endswith(suffix):
            short = name[: -len(suffix)]
            return short if len(short) >= 2 else None
    return None


def _level_for(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    if name.endswith("区"):
        return "district"
    if name.endswith("市"):
        return "county_city"
    return "county"


def _adcodes_path() -> Path:
    try:
        dist = importlib.metadata.distribution("cpca")
    except importlib.metadata.PackageNotFoundError as exc:
        raise ConfigError(
            "the gazetteer needs the file cpca/resources/adcodes.csv from the 'cpca' package: "
            "install it with `.venv/bin/pip install cpca`") from exc
    for f in dist.files or ():
        if str(f).replace("\\", "/").endswith("cpca/resources/adcodes.csv"):
            return Path(str(dist.locate_file(f)))
    raise ConfigError("the installed 'cpca' package has no resources/adcodes.csv; reinstall cpca")


class Gazetteer:
    """Index over the code table: by code, by full name, by short alias, and a string matcher."""

    def __init__(self, places: list[AdminPlace]):
        self.by_code: dict[str, AdminPlace] = {p.adcode: p for p in places}
        self.by_name: dict[str, list[str]] = {}
        self.by_alias: dict[str, list[str]] = {}
        self.by_form: dict[str, list[str]] = {}
        for p in places:
            self.by_name.setdefault(p.name, []).append(p.adcode)
            alias = short_name(p.name, p.level)
            if alias:
                self.by_alias.setdefault(alias, []).append(p.adcode)
                # 黔东南州, 化隆县: how autonomous prefectures and counties are written, with their
                # level kept, so they read like full names
                if p.name.endswith(("自治州", "自治县")):
                    self.by_form.setdefault(alias + p.name[-1], []).append(p.adcode)
        # an alias never shadows a full name (吉林 is a province alias and a city alias, fine;
        # but 北京 must not hide a full name that is spelt 北京)
        for name in self.by_name:
            self.by_alias.pop(name, None)
        self._automaton = None
        self._full: dict[str, str] | None = None
        self._scan_cache: dict[str, tuple[GazHit, ...]] = {}
        self._chain_cache: dict[str, list[AdminPlace]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}
        self._full_names: dict[str, str] = {}
        self._initials: dict[str, list[str]] | None = None

    # --- lookups -----------------------------------------------------------------------
    def get(self, code: str | None) -> AdminPlace | None:
        return self.by_code.get(code) if code else None

    def chain(self, code: str) -> list[AdminPlace]:
        """The unit and its ancestors, nearest first."""
        if code in self._chain_cache:
            return self._chain_cache[code]
        out: list[AdminPlace] = []
        cur = self.by_code.get(code)
        while cur is not None:
            out.append(cur)
            cur = self.by_code.get(cur.parent) if cur.parent else None
        self._chain_cache[code] = out
        return out

    def province_of(self, code: str) -> AdminPlace | None:
        p = self.by_code.get(code)
        return self.by_code.get(p.province) if p else None

    def city_of(self, code: str) -> AdminPlace | None:
        """The prefecture-level unit containing ``code`` (or the unit itself if it is one)."""
        for p in self.chain(code):
            if p.level == "city":
                return p
        return None

    def is_within(self, code: str, ancestor: str) -> bool:
        ancestors = self._ancestors.get(code)
        if ancestors is None:
            ancestors = self._ancestors[code] = frozenset(p.adcode for p in self.chain(code)[1:])
        return ancestor in ancestors

    def full_name(self, code: str) -> str:
        """Display name used in records: districts carry their city (长沙市望城区), since 鼓楼区,
        河北区 … exist in several cities; every other unit is its official name."""
        name = self._full_names.get(code)
        if name is None:
            name = self._full_names[code] = self._full_name(code)
        return name

    def _full_name(self, code: str) -> str:
        p = self.by_code[code]
        if p.level in ("district", "county") and p.parent and p.parent in self.by_code:
            parent = self.by_code[p.parent]
            if parent.level == "city" or (parent.level == "province" and p.level == "district"):
                return parent.name + p.name
        return p.name

    def agency_prefix(self, code: str) -> str:
        """The place as it heads an agency name: districts with their city (长沙市望城区委, the
        鼓楼区s stay apart), every other unit by its own name (象山县民政局, 潜江市政协)."""
        p = self.by_code[code]
        return self.full_name(code) if p.level == "district" else p.name

    def units_abbreviated(self, char: str) -> list[str]:
        """Codes of the units whose short name starts with ``char`` (营 → 营口市, 营山县 …): how
        document numbers abbreviate their issuer's place (营民发, 沂住建复字)."""
        if self._initials is None:
            initials: dict[str, list[str]] = {}
            for p in self.by_code.values():
                short = short_name(p.name, p.level) or p.name
                initials.setdefault(short[0], []).append(p.adcode)
            self._initials = initials
        return list(self._initials.get(char, ()))

    def code_for_full_name(self, name: str | None) -> str | None:
        """Code of a record name (长沙市望城区, 咸宁市, 山东省武城县), or None if unknown."""
        if not name:
            return None
        if self._full is None:
            full: dict[str, str] = {}
            for code in self.by_code:
                full.setdefault(self.full_name(code), code)
            self._full = full
        if name in self._full:
            return self._full[name]
        for prefix_len in range(2, len(name) - 1):  # a qualified name: 山东省 + 武城县
            head, tail = name[:prefix_len], name[prefix_len:]
            if head in self.by_name and tail in self.by_name:
                for code in self.by_name[tail]:
                    if any(self.is_within(code, h) for h in self.by_name[head]):
                        return code
        return None

    # --- matching ----------------------------------------------------------------------
    def _matcher(self):
        """Leftmost-longest Aho–Corasick matcher over every full name and alias (ahocorasick-rs,
        a Rust extension: about ten times faster than pyahocorasick on CJK text, whose root node
        has thousands of children) and the payload of each pattern."""
        if self._automaton is None:
            import ahocorasick_rs

            payloads = [(name, tuple(codes), False) for name, codes in self.by_name.items()]
            payloads += [(form, tuple(codes), False) for form, codes in self.by_form.items()
                         if form not in self.by_name]
            payloads += [(alias, tuple(codes), True) for alias, codes in self.by_alias.items()
                         if alias not in self.by_form]
            # a DFA: the same matches, found in about half the time of the default NFA (≈ 11 MB more)
            auto = ahocorasick_rs.AhoCorasick([p[0] for p in payloads],
                                              matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                              implementation=ahocorasick_rs.Implementation.DFA)
            self._automaton = (auto, payloads)
        return self._automaton

    def scan(self, text: str) -> Iterator[GazHit]:
        """Every gazetteer string in ``text``, leftmost-longest, non-overlapping."""
        if len(text) < 64:
            return iter(self._scan(text))
        cache = self._scan_cache
        if text not in cache:
            if len(cache) > 16:
                cache.clear()
            cache[text] = self._scan(text)
        return iter(cache[text])

    def _scan(self, text: str) -> tuple[GazHit, ...]:
        auto, payloads = self._matcher()
        out = []
        for idx, start, end in auto.find_matches_as_indexes(text):
            surface, codes, is_alias = payloads[idx]
            out.append(GazHit(start, end, surface, codes, is_alias))
        return tuple(out)


@lru_cache(maxsize=1)
def code_table() -> tuple[tuple[str, str], ...]:
    """Every row of cpca's ``adcodes.csv`` as (6-digit code, name), in the file's order, placeholder
    rows (市辖区 …) included: the one reader of that file (the gazetteer, graph resolution and the
    synthetic corpora all start from it)."""
    with _adcodes_path().open(encoding="utf-8", newline="") as fh:
        return tuple((row["adcode"][:6], row["name"].strip()) for row in csv.DictReader(fh))


def _places(table: tuple[tuple[str, str], ...]) -> list[AdminPlace]:
    rows = [(code, name) for code, name in table if name and not _PLACEHOLDER.match(name)]
    codes = {c for c, _ in rows}
    places: list[AdminPlace] = []
    for code, name in rows:
        level = _level_for(code, name)
        prov = code[:2] + "0000"
        if level == "province":
            parent = None
        elif level == "city":
            parent = prov
        else:
            city = code[:4] + "00"
            parent = city if city in codes else prov
        places.append(AdminPlace(code, name, level, parent, prov))
    return places


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first call."""
    return Gazetteer(_places(code_table()))
