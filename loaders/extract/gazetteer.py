"""Offline gazetteer of Chinese administrative divisions (province, city, county level).

Built at first use from the ``adcodes.csv`` file that the ``cpca`` distribution ships (read as a
plain file through ``importlib.metadata``; cpca itself is not imported, it pulls pandas), then
cached for the life of the process. Short aliases (濮阳 → 濮阳市, 上海 → 上海市, 广西 → 广西壮族自治区)
are derived by rules from the official names, never typed by hand.

Levels follow the code: ``PP0000`` province, ``PPCC00`` prefecture (city), anything else county
level: 区 → district, 县/旗 → county, 市 → county_city. Province-administered county-level units
(潜江市 ``429005``) get the province as parent.

cpca's table is a snapshot of about 2016. The changes since (撤县设区, 合并, 新设 …) are read after it
from ``admin_changes.csv`` beside this module, one row per unit as it is now: its code, name, parent,
the change, the units it replaces (``code:name;…``), the year and the source. A new unit is a place
with its parent (信都区 → 邢台市信都区); a unit it replaces stays a place under its old code and
name, as older documents name it (梧州市蝶山区), unless the new unit took over its code (邢台市桥东区
→ the code of 襄都区: the old name is kept as a former name of that code) or its name (友好区
``230704`` → ``230719``: the same unit, recoded).
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

__all__ = ["CHANGE_KINDS", "PROVINCE_ABBREVIATIONS", "AdminChange", "AdminPlace", "GazHit", "Gazetteer",
           "admin_changes", "code_table", "former_names", "load_gazetteer", "read_admin_changes", "short_name"]

# placeholder rows of the code table ("市辖区", "县", "省直辖县级行政区划") are not places
_PLACEHOLDER = re.compile(r"^(市辖区|县|市|.*直辖.*)$")
# the peoples an autonomous unit is named for (general knowledge: the 55 minority peoples; 各族: all)
ETHNIC_GROUPS = ("回", "彝", "苗", "瑶", "壮", "藏", "土家", "蒙古", "满", "侗", "布依", "白", "哈尼", "傣", "黎",
                 "傈僳", "佤", "畲", "拉祜", "水", "纳西", "羌", "土", "仫佬", "锡伯", "达斡尔", "景颇", "撒拉", "布朗",
                 "毛南", "普米", "阿昌", "怒", "鄂温克", "京", "基诺", "德昂", "保安", "裕固", "门巴", "鄂伦春", "独龙",
                 "赫哲", "珞巴", "哈萨克", "维吾尔", "朝鲜", "仡佬", "东乡", "柯尔克孜", "塔吉克", "各")
ETHNIC = "(?:(?:" + "|".join(ETHNIC_GROUPS) + ")族)+"
# the place's own name before its peoples: 西双版纳 of 西双版纳傣族自治州 (not 西双 + “版纳傣族”)
_ETHNIC_AUTONOMY = re.compile(r"^(.{2,}?)(?:(?:" + "|".join(ETHNIC_GROUPS) + r")族?)+自治(?:州|县|旗)$")  # 木垒哈萨克自治县
# a unit named for its people alone (东乡族自治县, 鄂温克族自治旗): the people's name is its short form
_PEOPLE_ALONE = re.compile(r"^(" + "|".join(g for g in ETHNIC_GROUPS if len(g) >= 2) + r")族?自治(?:县|旗)$")
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


# the kinds of change a row of admin_changes.csv may record (民政部's yearly lists use these words)
CHANGE_KINDS = ("撤县设区", "撤市设区", "撤县设市", "撤地设市", "合并", "更名", "新设", "撤销", "划归")
_CHANGES_HEADER = ["code", "name", "parent", "change", "replaces", "year", "source"]
_CODE = re.compile(r"^\d{6}$")
_UNIT_NAME = re.compile(r"^[\u4e00-\u9fff]{2,20}$")
_LONGEST_NAME = 24  # longer than any name of the table (新疆维吾尔自治区, 莫力达瓦达斡尔族自治旗)


@dataclass(frozen=True)
class AdminChange:
    """One row of ``admin_changes.csv``: a unit as it is after the change, and what it replaced."""

    code: str                               # the unit's code now (6 digits)
    name: str                               # its official name now
    parent: str                             # code of its parent unit
    change: str                             # one of CHANGE_KINDS
    replaces: tuple[tuple[str, str], ...]   # (code, name) of the units it replaces
    year: int
    source: str                             # URL(s) of the list the row comes from


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
    m = _PEOPLE_ALONE.match(name)
    if m:
        return m.group(1)  # named for its people alone (东乡族自治县, 鄂温克族自治旗): written 东乡县, 鄂温克旗
    if "自治" in name:
        return None
    # (a forestry district drops its 林区: 神农架林区 → 神农架, as news items and its media write it; a district whose
    # own name ends in 林, 碑林区 or 万柏林区, is that name + 区: a stem of three characters or more is a forestry area's)
    if name.endswith("林区") and len(name) >= 5:
        return name[:-2]
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

    def __init__(self, places: list[AdminPlace], former: dict[str, str] | None = None,
                 replaced: frozenset[str] = frozenset()):
        self.by_code: dict[str, AdminPlace] = {p.adcode: p for p in places}
        # units a change replaced that stay places for older documents (那曲地区 beside 那曲市)
        self.replaced = replaced
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
                if p.name.endswith(("自治州", "自治县", "自治旗")):
                    self.by_form.setdefault(alias + p.name[-1], []).append(p.adcode)
        # the former name of a code a new unit took over (邢台市桥东区 → 襄都区's code)
        for name, code in (former or {}).items():
            if code in self.by_code and code not in self.by_name.setdefault(name, []):
                self.by_name[name].append(code)
        # an alias never shadows a full name (吉林 is a province alias and a city alias, fine;
        # but 北京 must not hide a full name that is spelt 北京)
        for name in self.by_name:
            self.by_alias.pop(name, None)
        self._automaton = None
        self._full: dict[str, str] | None = None
        self._scan_cache: dict[str, tuple[GazHit, ...]] = {}
        self._short_scans: dict[str, tuple[GazHit, ...]] = {}
        self._chain_cache: dict[str, list[AdminPlace]] = {}
        self._ancestors: dict[str, frozenset[str]] = {}
        self._full_names: dict[str, str] = {}
        self._initials: dict[str, list[str]] | None = None
        self._heads: frozenset[str] = frozenset()

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

            # (a replaced unit's old name that is how a unit of now is written, 东乡县 of 东乡族自治县: both, the
            # unit of now read first where nothing else tells them apart)
            payloads = [(name, tuple(codes) if not self.replaced.issuperset(codes) else
                         tuple(codes) + tuple(c for c in self.by_form.get(name, ()) if c not in codes), False)
                        for name, codes in self.by_name.items()]
            payloads += [(form, tuple(codes), False) for form, codes in self.by_form.items()
                         if form not in self.by_name]
            payloads += [(alias, tuple(codes), True) for alias, codes in self.by_alias.items()
                         if alias not in self.by_form]
            # a DFA: the same matches, found in about half the time of the default NFA (≈ 11 MB more)
            # the first two characters of every full name: an alias hit is checked for a full name
            # across its end only where one of these starts inside it
            self._heads = frozenset(p[0][:2] for p in payloads if not p[2])
            auto = ahocorasick_rs.AhoCorasick([p[0] for p in payloads],
                                              matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                              implementation=ahocorasick_rs.Implementation.DFA)
            self._automaton = (auto, payloads)
        return self._automaton

    def scan(self, text: str) -> Iterator[GazHit]:
        """Every gazetteer string in ``text``, leftmost-longest, non-overlapping."""
        # (short texts, a headline, a line, a sentence of the lead, are kept apart from the long ones: the
        # document step scans each of them about twice, for its administrative units and for its place
        # chains, and would otherwise push the document's own text out)
        cache, limit = (self._short_scans, 64) if len(text) < 64 else (self._scan_cache, 16)
        hits = cache.get(text)
        if hits is None:
            if len(cache) > limit:
                cache.clear()
            hits = cache[text] = self._scan(text)
        return iter(hits)

    def _scan(self, text: str) -> tuple[GazHit, ...]:
        """Leftmost-longest, except that a short alias gives way to a full name that starts inside
        it and runs past its end (改扩建安宁市: 安宁市, not the alias 建安 of 许昌市建安区)."""
        auto, payloads = self._matcher()
        heads = self._heads
        out: list[GazHit] = []
        pos = 0
        while pos < len(text):
            for idx, start, end in auto.find_matches_as_indexes(text[pos:] if pos else text):
                surface, codes, is_alias = payloads[idx]
                start, end = start + pos, end + pos
                if is_alias and (text[start + 1:start + 3] in heads
                                 or any(text[i:i + 2] in heads for i in range(start + 2, end))):
                    full = self._full_name_across(text, start, end)
                    if full is not None:
                        out.append(full)
                        pos = full.end
                        break
                out.append(GazHit(start, end, surface, codes, is_alias))
            else:
                break
        return tuple(out)

    def _full_name_across(self, text: str, start: int, end: int) -> GazHit | None:
        """The full name (not an alias) that starts inside ``text[start:end]`` after its first
        character and ends after ``end``, if any."""
        auto, payloads = self._matcher()
        lo = start + 1
        for idx, s, e in auto.find_matches_as_indexes(text[lo:end + _LONGEST_NAME]):
            if s + lo >= end:
                return None
            surface, codes, is_alias = payloads[idx]
            if not is_alias and e + lo > end:
                return GazHit(s + lo, e + lo, surface, codes, False)
        return None


def _changes_path() -> Path:
    return Path(__file__).with_name("admin_changes.csv")


def read_admin_changes(path: Path) -> tuple[AdminChange, ...]:
    """Every row of a table of administrative changes, checked: a bad row is one ConfigError naming
    the file and the line."""
    rows: list[AdminChange] = []
    seen: dict[str, int] = {}
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取行政区划变更表（{exc.strerror}）") from exc
    with fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != _CHANGES_HEADER:
            raise ConfigError(f"{path}:1: 表头应为 {','.join(_CHANGES_HEADER)}，实为 {','.join(header or [])}")
        for row in reader:
            line = reader.line_num
            if not row or not any(row):
                continue
            rows.append(_change_row(path, line, row, seen))
    return tuple(rows)


def _change_row(path: Path, line: int, row: list[str], seen: dict[str, int]) -> AdminChange:
    def bad(what: str) -> ConfigError:
        return ConfigError(f"{path}:{line}: {what}")

    if len(row) != len(_CHANGES_HEADER):
        raise bad(f"应有 {len(_CHANGES_HEADER)} 列，实有 {len(row)} 列")
    code, name, parent, change, replaces, year, source = (cell.strip() for cell in row)
    if not _CODE.match(code):
        raise bad(f"代码应为6位数字：{code!r}")
    if code in seen:
        raise bad(f"代码 {code} 已在第 {seen[code]} 行出现")
    seen[code] = line
    if not _UNIT_NAME.match(name):
        raise bad(f"名称应为2至20个汉字：{name!r}")
    if not _CODE.match(parent) or parent == code or parent[:2] != code[:2] or not parent.endswith("00"):
        raise bad(f"上级代码应为同省的省或地级单位代码：{parent!r}")
    if change not in CHANGE_KINDS:
        raise bad(f"变更类型应为 {'、'.join(CHANGE_KINDS)} 之一：{change!r}")
    old: list[tuple[str, str]] = []
    for item in filter(None, (part.strip() for part in replaces.split(";"))):
        old_code, sep, old_name = item.partition(":")
        if not sep or not _CODE.match(old_code) or not _UNIT_NAME.match(old_name):
            raise bad(f"被替代单位应写作 代码:名称（以 ; 分隔）：{item!r}")
        old.append((old_code, old_name))
    if not year.isdigit() or not 1949 <= int(year) <= 2100:
        raise bad(f"年份应为四位数字：{year!r}")
    if not source.startswith(("http://", "https://")):
        raise bad(f"来源应为网址：{source!r}")
    return AdminChange(code, name, parent, change, tuple(old), int(year), source)


@lru_cache(maxsize=1)
def admin_changes() -> tuple[AdminChange, ...]:
    """The package's table of changes since cpca's snapshot (``admin_changes.csv``), read once."""
    return read_admin_changes(_changes_path())


def _cpca_table() -> tuple[tuple[str, str], ...]:
    with _adcodes_path().open(encoding="utf-8", newline="") as fh:
        return tuple((row["adcode"][:6], row["name"].strip()) for row in csv.DictReader(fh))


def _merge(table: tuple[tuple[str, str], ...], changes: tuple[AdminChange, ...]
           ) -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    """cpca's rows with the changes applied, and the former names of codes a new unit took over."""
    names = dict(table)
    former: dict[str, str] = {}
    for ch in sorted(changes, key=lambda c: c.year):
        for old_code, old_name in ch.replaces:
            if old_code == ch.code:
                if old_name != ch.name:
                    former[old_name] = old_code
            elif old_name == ch.name:
                names.pop(old_code, None)           # the same unit under a new code
            else:
                names.setdefault(old_code, old_name)  # a former unit: older documents name it
        names[ch.code] = ch.name
    return tuple(names.items()), former


@lru_cache(maxsize=1)
def _merged() -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    return _merge(_cpca_table(), admin_changes())


def code_table() -> tuple[tuple[str, str], ...]:
    """Every row of cpca's ``adcodes.csv`` as (6-digit code, name), in the file's order, placeholder
    rows (市辖区 …) included, then the units of ``admin_changes.csv`` that cpca lacks; a code a change
    renamed carries its new name, a code replaced by the same unit under a new code is gone. The one
    reader of both files (the gazetteer, graph resolution and the synthetic corpora all start from it)."""
    return _merged()[0]


def former_names() -> dict[str, str]:
    """Former name → code, for the codes a new unit took over (桥东区 → 130502, now 襄都区)."""
    return dict(_merged()[1])


def _places(table: tuple[tuple[str, str], ...], parents: dict[str, str] | None = None) -> list[AdminPlace]:
    rows = [(code, name) for code, name in table if name and not _PLACEHOLDER.match(name)]
    codes = {c for c, _ in rows}
    parents = parents or {}
    places: list[AdminPlace] = []
    for code, name in rows:
        level = _level_for(code, name)
        prov = code[:2] + "0000"
        if level == "province":
            parent = None
        elif code in parents and parents[code] in codes:
            parent = parents[code]
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
    changes = admin_changes()
    parents = {ch.code: ch.parent for ch in changes}
    replaced = frozenset(old for ch in changes for old, _name in ch.replaces) - set(parents)
    return Gazetteer(_places(code_table(), parents), former=former_names(), replaced=replaced)
