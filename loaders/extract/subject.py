"""The place a document is about (``document.subject_place``).

Read the way such documents announce it, strongest evidence first:

1. the issuing body: a reply's signature or header line, or the agency that opens its title
   (``象山县民政局关于…``); a 街道办事处 or 镇政府 makes the street or town the subject;
2. the headline: the place a visit goes to (``…副主席赴文博苑社区调研`` → the community), else the
   place chain the headline opens with (``浦北县龙门镇人大代表联络站…`` → 龙门镇, after a series
   prefix such as ``美好生活共同缔造丨``), else the lowest place the headline names;
3. the document's own words for itself (``我市``, ``本区``, ``我州``, ``全镇``) give the level, and the
   places named in the text (inside agency names and 《》 titles too) the unit: a unit of that
   level, else the common ancestor at that level of the units below it (``我市`` + 旌阳区 → 德阳市);
4. where no place is named at all, the place abbreviation that opens the document numbers the
   text cites (``营民发〔2020〕49号`` with ``我市`` → 营口市);
5. the city or county named most often.

A street, town, community or village found this way is the subject itself; ``code`` is then the
administrative unit that contains it (the anchor for ``市委``, ``区政府`` … in agency names).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from loaders.extract.gazetteer import PROVINCE_ABBREVIATIONS, Gazetteer, short_name
from loaders.extract.outlets import outlet_region
from loaders.extract.places import (
    COMMUNITY_WORK,
    AdminMention,
    LocalMention,
    admin_mentions,
    is_boundary_direction,
    local_mentions,
    skip_gloss,
    zone_mentions,
)
from loaders.extract.text_utils import finditer_at, is_common_word, squeeze_spaces, stop_positions
from loaders.extract.townships import SUFFIXES, townships_in, townships_named

__all__ = ["SubjectPlace", "find_subject", "line_place", "self_level", "street_before"]

_COUNTY_LEVEL = ("district", "county", "county_city")


@dataclass(frozen=True)
class SubjectPlace:
    code: str | None               # the administrative unit: the subject, or the one containing it
    local: str | None = None       # a street/town/community/village that is itself the subject
    local_level: str | None = None  # street | community | other


# ------------------------------------------------------------------ place chains in a line
@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    code: str | None = None        # administrative unit
    local: str | None = None       # or a local unit's name
    level: str | None = None


def _units(text: str, gaz: Gazetteer, near: str | None = None, free: frozenset[int] = frozenset()) -> list[_Unit]:
    """Administrative and local units of a short text (a headline, an agency line), in order;
    ``near`` is a unit whose short aliases (and its province's) count as place names; at the
    line's start and at ``free`` offsets (after 赴, 到 …) a local unit's name may be any noun."""
    admins = admin_mentions(text, near, gaz)
    # a development zone named for its city (某市经开区, 某县高新区) is one unit, of level other
    zones = {a.start: e for a, e in zone_mentions(text, admins, gaz)}
    out = [_Unit(a.start, zones[a.start], code=a.code, local=text[a.start:zones[a.start]], level="other")
           if a.start in zones else _Unit(a.start, a.end, code=a.code) for a in admins]
    starts = {a.start for a in admins}
    # (a town written straight after its province, 江苏某某镇, is named as after its county)
    chain = {a.end for a in admins} | {0}
    # a district or county written in full that several cities have (铁东区宏大社区): which one it is
    # stays open, but a name written after it is a place's
    chain |= {h.end for h in gaz.scan(text) if not h.is_alias and len(h.codes) > 1 and len(h.surface) >= 3
              and all(gaz.by_code[c].is_county_level for c in h.codes)}
    chain |= set(zones.values())
    for lm in local_mentions(text, {a.end for a in admins} | set(zones.values()), chain, set(free)):
        if lm.start not in starts and not any(s <= lm.start < e for s, e in zones.items()):
            out.append(_Unit(lm.start, lm.end, local=lm.name, level=lm.level))
    out.sort(key=lambda u: (u.start, -u.end))
    return out


def _chain_from(units: list[_Unit], pos: int, text: str = "") -> list[_Unit]:
    """The run of adjacent units starting exactly at ``pos`` (长沙市望城区 + 雷锋街道 + …); with the
    ``text`` they were read from, a pinyin gloss between two units (原州區(qū)古雁街道) keeps them adjacent."""
    chain: list[_Unit] = []
    for u in units:
        if u.start != pos and chain and text and u.start > pos:
            gloss = _GLOSS.match(text, pos)
            if gloss and gloss.end() == u.start:
                pos = u.start
        if u.start == pos and (not chain or u.start == chain[-1].end or pos > chain[-1].end):
            chain.append(u)
            pos = u.end
    return chain


# a mirror's pinyin gloss after a character (區(qū)), which some pages print inside a place chain
_GLOSS = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


def _lowest(chain: list[_Unit]) -> SubjectPlace | None:
    """The lowest unit of a chain, with the administrative unit that contains it."""
    if not chain:
        return None
    code = next((u.code for u in reversed(chain) if u.code), None)
    last = chain[-1]
    if last.local:
        return SubjectPlace(code, last.local, last.level)
    return SubjectPlace(code)


# a local unit's own government in an agency line: 金方街道办事处, 龙门镇人民政府, 中共某镇委员会 (its party committee)
_LOCAL_GOV = re.compile(r"(?:街道办事处|街道党工委|街道工作委员会|镇委员会|乡委员会|镇人民政府|乡人民政府|镇政府|乡政府|镇党委|乡党委|区管委会|区党工委|"
                        r"社区居民委员会|社区居委会|社区党委|社区党总支|社区党支部|村民委员会|村委会|村党委|村党总支|村党支部)$")
_GOV_WORD = re.compile(r"(?:人民政府|政府)")
# a development zone's own committee opening an agency line (高新区管委会, 东湖高新区党工委): the zone's name, as written
_ZONE_WORDS = r"(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区)"
_ZONE_BODY = re.compile(r"\s*([\u4e00-\u9fff]{0,6}?" + _ZONE_WORDS + r")(?:党工委|管委会|管理委员会)")
_BARE_ZONE = re.compile(_ZONE_WORDS)


def line_place(line: str, gaz: Gazetteer) -> SubjectPlace | None:
    """The place of an agency line (a header, signature or 发布机构 line): its administrative unit,
    or the street/town when the body is that unit's own government (安宁市人民政府金方街道办事处), the
    community or village when it is that unit's own committee (某街道某社区居民委员会, 某村党支部)."""
    squeezed, _ = squeeze_spaces(line)
    units = _units(_GOV_WORD.sub(lambda m: "，" * len(m.group()), squeezed), gaz)
    zone = _ZONE_BODY.match(squeezed)
    if zone and not any(u.start < zone.end(1) for u in units):
        # 高新区管委会 (a zone's own committee, the zone written without its city): the zone, placed by _anchor
        return SubjectPlace(None, zone.group(1), "other")
    if not units:
        return None
    own = _LOCAL_GOV.search(squeezed)
    if own:
        levels = ("community",) if own.group().startswith(("社区", "村")) else ("street", "other")
        local = [u for u in units if u.local and u.level in levels]
        if local:
            code = next((u.code for u in reversed(units) if u.code and u.start < local[-1].start), None)
            return SubjectPlace(code, local[-1].local, local[-1].level)
    admins = [u for u in units if u.code]
    return SubjectPlace(admins[-1].code) if admins else None


def street_before(line: str, local: str, gaz: Gazetteer) -> str | None:
    """The street or town written straight before the community or village ``local`` in a line
    (某镇某社区：…), or None."""
    units = _units(line, gaz)
    for before, unit in pairwise(units):
        if unit.local == local and before.end == unit.start and before.local and before.level == "street":
            return before.local
    return None


# ------------------------------------------------------------------ the headline
# a series name before the headline proper: 美好生活共同缔造丨江陵县：…, 言治有理·…⑤丨洛阳…
_SERIES = re.compile(r"^.{2,30}?[丨|｜]\s*")
# a resident who goes somewhere in a story's opening anecdote (市民张某来到…, 居民们走进…)
_RESIDENT_VISITS = re.compile(r"(?:市民|居民|村民|群众|老人|游客)[^，,。]{0,6}(?:来到|走进|前往|赶到|到)")
_VISIT = re.compile(r"(?:赴|到|走进|来到|莅临|深入(?!开展|推进|推动|实施|落实|贯彻|学习|研究|挖掘|宣传|排查|整治|人心)|走访|前往|率队到|一行到|"
                    r"进驻|暗访|视察)")  # (深入开展/深入推进…: doing something thoroughly, no visit)


# a headline told by the unit that goes out to study (我县赴某市考察…, 本区组织…前往某区学习…)
_OWN_STUDY_TRIP = re.compile(r"(?:我|本)(?:市|区|县|旗|州|镇|乡|街道)[^，,。；：:]{0,12}?(?:赴|前往|到|走进)"
                             r"[^，,。；]{1,16}?(?:考察|学习|参观|观摩|取经)")


@lru_cache(maxsize=16)
def headline_place(title: str, gaz: Gazetteer, reply: bool, near: str | None = None) -> SubjectPlace | None:
    """The place a headline is about, or None (kept for the last few headlines: a story's subject
    is read from its headline twice, once with the evidence of replies and once for a story).
    ``near``: the region the page's outlet serves, which places a district several cities have."""
    m = _SERIES.match(title)
    if m:
        title = title[m.end():]
    if _OWN_STUDY_TRIP.match(title):
        return None  # 我县赴某市、某县考察…: the writer's own unit on a study trip, not the places it visits
    county = _county_head(title, gaz)
    if county:
        return SubjectPlace(county)
    visits = [v.end() for v in _VISIT.finditer(title)]
    units = _units(title, gaz, _opening_alias(title, gaz) or near, frozenset(visits))
    # a unit written as the first of several (同意某街道等4个街道、镇新建社区, 某社区等3个社区获评…) is one of the
    # headline's units, none of them its subject
    units = [u for u in units if not _ONE_OF_MANY.match(title, u.end)]
    if not units:
        return None
    # the place a visit goes to, unless the headline opens with the visitors' own place and they go
    # out of it (魏都区考察组赴成都考察学习: a study trip, told by the place that made it)
    opening = _lowest(_chain_from(units, units[0].start)) if units[0].start == 0 else None
    for end in visits:
        chain = _chain_from(units, end)
        found = _township_by_stem(title, chain, gaz) or _lowest(chain)
        if found:
            if opening is not None and opening.local is None and found.local is None and found.code \
                    and opening.code not in {p.adcode for p in gaz.chain(found.code)} \
                    and gaz.by_code[opening.code].level != "province":
                return opening
            return found
    # the chain the headline opens with (unless it is only a province, and a unit of a city is named
    # further on: 河南援疆助力哈密市伊州区…)
    found = _lowest(_chain_from(units, units[0].start)) if units[0].start == 0 else None
    if found is not None and units[0].start == 0:
        found = _numbered_community(title, _chain_from(units, 0), found)
    if found is not None and found.code is None and found.local is not None:
        found = _county_led_township(found, gaz)
    if found is not None and found.code is None:
        joint = _bare_streets(title, units)
        if joint is not None:
            return joint  # 某街道某街道完成…: two streets of one district, the headline writes neither's district
    if found is not None:
        joint = _listed_with(title, units, found, gaz)
        if joint is not None:
            return joint  # 某区某街道、某区某街道入选…: the headline is about both, and so about the unit holding them
    if found and not (found.local is None and gaz.by_code[found.code].level == "province"
                      and any(u.code and gaz.by_code[u.code].level != "province" for u in units[1:])):
        return found
    # else the lowest place it names (in a reply, the topic of the proposal: the reply's own level
    # is settled by the words the reply uses for itself)
    best = max(units, key=lambda u: (u.local is not None, _depth(gaz, u.code), u.start))
    chain_code = next((u.code for u in reversed(units) if u.code and u.end <= best.start), None)
    if best.local:
        found = SubjectPlace(chain_code, best.local, best.level)
        return _county_led_township(found, gaz) if chain_code is None else found
    return SubjectPlace(best.code)


# a community named by a number or as a pair of numbered ones (某街道014中心社区, 某街道某东一、二社区), which the
# dictionary of names does not read: after its street in a headline's opening chain it is the chain's end
_NUMBERED_COMMUNITY = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:[0-9０-９]{1,4}(?![0-9０-９年月日个名户人家余多万届期号])[\u4e00-\u9fff]{0,4}?|"
                                 r"[一二三四五六七八九十](?:、[一二三四五六七八九十])+)社区")


def _numbered_community(title: str, chain: list[_Unit], found: SubjectPlace) -> SubjectPlace:
    """The community a numbered name gives right after the chain's street or town, else ``found``."""
    if not chain or chain[-1].level != "street" or found.local_level != "street":
        return found
    m = _NUMBERED_COMMUNITY.match(title, chain[-1].end)
    if m is None or m.end() - m.start() > 10:
        return found
    return SubjectPlace(found.code, m.group(), "community")


# a headline's quoted name of a place's way of working, the place by its short form (基层治理的“某某样本”, “某某经验”)
_EXPERIENCE = re.compile(r"“([\u4e00-\u9fff]{2,4}?)(?:经验|样本|模式|实践|路径|方案|答卷|做法|探索|范式|密码)”")


def _named_experience(title: str, gaz: Gazetteer, text: str) -> SubjectPlace | None:
    """The place a headline that names no place credits with the quoted way of working it reports (基层治理的
    “某某样本”: 某某 the short form of one city or county, and of no other unit), or None; not where the story names
    another city or county more often (a county that learns “某某经验” from its maker)."""
    for m in _EXPERIENCE.finditer(title):
        hits = [h for h in gaz.scan(m.group(1)) if h.start == 0 and h.end == len(m.group(1))]
        codes = [c for h in hits for c in h.codes if gaz.by_code[c].level != "province"]
        if len(codes) == 1 and not is_common_word(m.group(1), 20):
            counts = _counts(admin_mentions(text, codes[0], gaz), gaz)
            own = {p.adcode for p in gaz.chain(codes[0])}
            mine = counts[codes[0]]
            if any(n > mine for c, n in counts.items() if c not in own and gaz.by_code[c].level != "province"):
                return None
            return SubjectPlace(codes[0])
    return None


# a community or village named like its town, written straight after the county (某县某某社区): the community's name
_OWN_COMMUNITY = ("社区", "村", "居委会", "嘎查")


def _township_by_stem(title: str, chain: list[_Unit], gaz: Gazetteer) -> SubjectPlace | None:
    """A street or town of the county that ends a headline's chain, written by its name without 街道/镇/乡
    (走进某县某某安置社区: the county's 某某街道), as the township table names the county's units; not an
    ordinary word (学院路), not a name the text completes (某县某某镇 is read as written) and not a community
    named like its town (某县某某社区, 某县某某村: that community)."""
    if not chain or chain[-1].local or not chain[-1].code or not gaz.by_code[chain[-1].code].is_county_level:
        return None
    at = chain[-1].end
    for name in sorted(townships_in(chain[-1].code), key=len, reverse=True):  # (the longest name that fits)
        stem = name[:-2] if name.endswith(("街道", "苏木")) else name[:-1]
        if len(stem) >= 2 and title.startswith(stem, at) and not title.startswith(name, at) \
                and not title.startswith(SUFFIXES + _OWN_COMMUNITY, at + len(stem)) and not is_common_word(stem, 20):
            return SubjectPlace(chain[-1].code, name, "street")
    return None


def _listed_with(title: str, units: list[_Unit], found: SubjectPlace, gaz: Gazetteer) -> SubjectPlace | None:
    """The unit holding the headline's opening place and the places listed with it, of its level (某区某街道、某区某街道
    入选…, 甲县和乙县…), or None where the opening chain stands alone."""
    def rank(u: _Unit) -> object:  # (districts, counties and county-level cities are one rank: 某县和某区)
        return u.level if u.local else _RANK.get(gaz.by_code[u.code].level) if u.code else None

    chain = _chain_from(units, 0, title)
    level = rank(chain[-1])
    codes = {found.code}
    end = chain[-1].end
    while end < len(title) and title[end] in "、和与及":
        nxt = _chain_from(units, end + 1, title)
        if not nxt:
            break
        last = nxt[-1]
        if rank(last) != level:
            return None
        codes.add(_lowest(nxt).code)  # type: ignore[union-attr]
        end = last.end
    if len(codes) < 2 or None in codes:
        return None
    # the lowest unit that holds every one of them (上城区, 拱墅区 → 杭州市; for streets, their districts' unit)
    chains = [[p.adcode for p in gaz.chain(c)] for c in codes]  # type: ignore[arg-type]
    shared = [c for c in chains[0] if all(c in other for other in chains[1:])]
    if not shared:
        return None
    top = shared[0]
    if found.local is None and top in codes:
        return None  # 某市和某市某区: one place written twice, not two places
    return _Joint(top)


def _county_led_township(found: SubjectPlace, gaz: Gazetteer) -> SubjectPlace:
    """A headline's street or town written as its county's short form and its own name without 街道/镇 (某县：… as
    `兰考桐乡：`, read as a township ending in 乡): the county's street or town of that name in the township table;
    else ``found`` as it is."""
    name = found.local or ""
    for hit in gaz.scan(name):
        if hit.start != 0 or not hit.is_alias or len(hit.codes) != 1 or not gaz.by_code[hit.codes[0]].is_county_level:
            continue
        rest = name[hit.end:]
        stems = {rest, rest[:-1]} if rest.endswith(("乡", "镇")) else {rest}
        fits = [t for t in townships_in(hit.codes[0])
                if (t[:-2] if t.endswith(("街道", "苏木")) else t[:-1]) in stems and len(t) > 2]
        if len(fits) == 1:
            return SubjectPlace(hit.codes[0], fits[0], "street")
    return found


def _bare_streets(title: str, units: list[_Unit]) -> _Joint | None:
    """The one county-level unit holding every street or town a headline opens with, two or more of them written
    bare one after another (某街道某街道完成…, 某镇、某镇…), none placed by a unit written before it: the township
    table's counties of each name, taken together; None where they share none or several."""
    names: list[str] = []
    end = 0
    for u in units:
        if u.start < end:
            continue
        if u.start != end or u.code is not None or u.local is None or u.level != "street":
            break
        names.append(u.local)
        end = u.end
        while end < len(title) and title[end] in "、和与及":
            end += 1
    if len(names) < 2 or len(set(names)) < len(names):
        return None
    shared = set.intersection(*({c[:6] for c in townships_named(name)} for name in names))
    return _Joint(shared.pop()) if len(shared) == 1 else None


@dataclass(frozen=True)
class _Joint(SubjectPlace):
    """The unit holding the places a headline lists (某区某街道、某区某街道入选…): none of them is the story's alone."""


_ONE_OF_MANY = re.compile(r"等(?:[\d一二三四五六七八九十两]+个?)?(?:街道|社区|镇|乡|村|县|区|市|地)")


def _opening_alias(title: str, gaz: Gazetteer) -> str | None:
    """A city or province that opens a headline by its short name (杭州以…, 青海海东坚持…)."""
    for hit in gaz.scan(title[:12]):
        if hit.start != 0:
            return None
        codes = [c for c in hit.codes if gaz.by_code[c].level in ("province", "city")]
        if not codes or _LOCAL_AFTER.match(title, hit.end) and not (
                title.startswith("社区", hit.end) and COMMUNITY_WORK.match(title, hit.end + 2)):
            return None  # (杭州社区治理…: the city's community work, as 杭州以… is the city's)
        return min(codes, key=lambda c: (gaz.by_code[c].level != "province", c))
    return None


# what a county does in a headline that opens with it (某县召开…推进会, 某县举办…): it holds a meeting or event
_MEETING_VERB = re.compile(r"召开|举办|举行|启动|部署")


def _county_head(title: str, gaz: Gazetteer) -> str | None:
    """A county or county-level city named by its short form as the headline's head, before a colon
    or the quoted name of what it does (格尔木：…, 某县“红色驿站”让…), when exactly one unit has that
    short form, or before a meeting or event it holds (某县召开…推进会)."""
    for hit in gaz.scan(title[:12]):
        if hit.start == 0 and hit.is_alias and (title[hit.end:hit.end + 1] in (":", "：", "“")
                                                 or _MEETING_VERB.match(title, hit.end)) and len(hit.codes) == 1 \
                and gaz.by_code[hit.codes[0]].is_county_level:
            return hit.codes[0]
        return None
    return None


_LOCAL_AFTER = re.compile(r"(?:社区|街道|街|路|镇|乡|村|小区|大道|广场)")


def _depth(gaz: Gazetteer, code: str | None) -> int:
    return len(gaz.chain(code)) if code else 0


# ------------------------------------------------------------------ the document's words for itself
_SELF = re.compile(r"(我|本|全)(省|市|州|盟|区|县|旗|镇|乡|街道)(?![委级直场民内外辖属政长域])")
_SELF_FIRST = "我本全"  # (tried only where one of these stands: see ``finditer_at``)
_SELF_LEVEL = {"省": "province", "市": "city", "州": "prefecture", "盟": "prefecture", "区": "district",
               "县": "county", "旗": "county", "镇": "street", "乡": "street", "街道": "street"}
_RANK = {"province": 0, "city": 1, "prefecture": 1, "county_city": 2, "district": 2, "county": 2, "street": 3}
# the session a reply answers names its level: 省政协…, 市八届人大…, 政协石鼓区…, 县政协…
_SESSION_LEVEL = re.compile(r"(自治区|省|市|州|区|县)(?:政协|人大|第?[一二三四五六七八九十]+届)")


def _speaks_as_region(text: str) -> bool:
    """Does the text write an autonomous region's own bodies bare (自治区民政厅, 自治区政协; not 广西壮族自治区,
    内蒙古自治区…)? Then it is the region's, and its 我区/全区 are the region, not a district."""
    pos = text.find("自治区")
    while pos >= 0:
        if pos == 0 or text[pos - 1] not in "族古藏尔":
            return True
        pos = text.find("自治区", pos + 3)
    return False


def self_level(text: str, head: str = "", reply: bool = False) -> str | None:
    """The level the document calls its own: the one written with 我/本 most often (我市, 本区,
    我州); else, in a reply, the level of the session it answers (省政协 → province); else, in a
    reply, the one written with 全 (全市 in a district's reply is its city, so 全 comes last)."""
    own: Counter[str] = Counter()
    whole: Counter[str] = Counter()
    region = _speaks_as_region(text)
    for m in finditer_at(_SELF, text, stop_positions(text, _SELF_FIRST)):
        level = "province" if region and m.group(2) == "区" else _SELF_LEVEL[m.group(2)]
        (own if m.group(1) in "我本" else whole)[level] += 1
    if not own and reply:
        m = _SESSION_LEVEL.search(head)
        if m:
            return "province" if m.group(1) == "自治区" else _SELF_LEVEL[m.group(1)]
    counts = own or (whole if reply else own)
    if not counts:
        return None
    return max(counts, key=lambda lv: (counts[lv], _RANK[lv]))


def _fits(gaz: Gazetteer, code: str, level: str) -> bool:
    lv = gaz.by_code[code].level
    if level == "city":  # 我市: a prefecture or a county-level city
        return lv in ("city", "county_city")
    if level == "prefecture":  # 我州, 我盟
        return lv == "city"
    if level == "county":
        return lv == "county"
    return lv == level


def _lift(gaz: Gazetteer, code: str, level: str) -> str | None:
    """The unit of ``level`` that contains ``code`` (旌阳区, 我市 → 德阳市)."""
    for p in gaz.chain(code):
        if _fits(gaz, p.adcode, level):
            return p.adcode
    return None


# ------------------------------------------------------------------ document numbers
_DOC_PREFIX = re.compile(r"([\u4e00-\u9fff]{2,8})\s*[〔\[［(（【﹝]\s*(?:19|20)\d{2}\s*[〕\]］)）】﹞]\s*\d{1,4}\s*号")
# (it opens with a class of common characters, which the engine would try at every offset: it is
# tried only 2–8 characters before an opening bracket that the year and number follow, see
# ``_doc_prefix_starts``)
_DOC_BRACKETS = "〔[［(（【﹝"
_DOC_YEAR_AFTER = re.compile(r"\s*(?:19|20)\d{2}\s*[〕\]］)）】﹞]\s*\d{1,4}\s*号")
# what may stand before a document number in the same run of characters (文号弥民函〔…, 根据粤发〔…)
_DOC_LABEL = re.compile(r"^.*(?:文号|字号|编号|文件|根据|按照|依据|印发|下发|转发|出台|以|的|了|和|及|与|见)")


def doc_number_place(text: str, level: str | None, gaz: Gazetteer) -> str | None:
    """The unit abbreviated by the document numbers the text cites (营委办发, 营民发 → 营), when
    one unit of the document's own level has that abbreviation."""
    chars = Counter(_DOC_LABEL.sub("", m.group(1))[:1]
                    for m in finditer_at(_DOC_PREFIX, text, _doc_prefix_starts(text)))
    chars.pop("", None)
    if not chars or level is None:
        return None
    if level == "province":
        for ch, _n in chars.most_common():
            if ch in PROVINCE_ABBREVIATIONS:
                return PROVINCE_ABBREVIATIONS[ch] + "0000"
        return None
    for ch, _n in chars.most_common():
        if ch in PROVINCE_ABBREVIATIONS:
            continue  # a provincial document's number
        fits = [c for c in gaz.units_abbreviated(ch) if _fits(gaz, c, level)]
        if len(fits) == 1:
            return fits[0]
    return None


def _doc_prefix_starts(text: str) -> list[int]:
    """Where a ``_DOC_PREFIX`` match can start: 2–8 characters before the blanks in front of an opening
    bracket that a year, its closing bracket and a number with 号 follow."""
    out: set[int] = set()
    for p in stop_positions(text, _DOC_BRACKETS):
        if _DOC_YEAR_AFTER.match(text, p + 1) is None:
            continue
        w = p
        while w > 0 and text[w - 1].isspace():
            w -= 1  # (the name's last character is a hanzi, which no blank is: it ends where they start)
        out.update(range(max(0, w - 8), max(0, w - 1)))
    return sorted(out)


# ------------------------------------------------------------------ the whole document
def _counts(mentions: list[AdminMention], gaz: Gazetteer) -> Counter[str]:
    """How often each unit is named, the units written in front of another one included (嘉兴桐乡
    names 嘉兴 too)."""
    counts = Counter(a.code for a in mentions)
    counts.update(h.code for a in mentions for h in a.heads)
    return counts


def body_place(text: str, level: str | None, gaz: Gazetteer) -> str | None:
    """The unit the body is about, from the places it names and the level it calls its own.

    Read twice: the places written in full give a first guess, then the short forms of the units
    of that province (嘉兴, 杭州) count too."""
    first_guess = _body_place(text, level, gaz, None)
    if first_guess is None:
        return None
    return _body_place(text, level, gaz, first_guess)


def _body_place(text: str, level: str | None, gaz: Gazetteer, near: str | None) -> str | None:
    mentions = admin_mentions(text, near, gaz)
    counts = _counts(mentions, gaz)
    first = {}
    for a in mentions:
        first.setdefault(a.code, a.start)
    alone = set(first)

    def best(codes: list[str]) -> str:
        # a city named only in front of its districts (株洲市荷塘区) loses a tie to the district
        return max(codes, key=lambda c: (counts[c], c in alone, -first.get(c, 0)))

    if level is not None:
        same = [c for c in counts if _fits(gaz, c, level)]
        if same:
            return best(same)
        below = [c for c in counts if _RANK.get(gaz.by_code[c].level, 9) > _RANK[level]]
        lifted = Counter()
        for c in below:
            up = _lift(gaz, c, level)
            if up:
                lifted[up] += counts[c]
        if lifted:
            return max(lifted, key=lambda c: lifted[c])
        if level != "street":
            found = doc_number_place(text, level, gaz)
            if found:
                return found
    named = [c for c in counts if gaz.by_code[c].level != "province"]
    if named:
        return best(named)
    return best(list(counts)) if counts else None


def find_subject(text: str, title: str | None, issuer_lines: list[str], kind: str,
                 gaz: Gazetteer) -> SubjectPlace | None:
    """The subject place of a document: see the module docstring for the order of evidence."""
    reply = kind in ("提案答复", "建议答复")
    original = _ORIGINAL_TITLE.search(text[:600]) if not reply and "原标题" in text[:600] else None
    if original and (not title or headline_place(title, gaz, False) is None):
        title = original.group(1).strip()  # a repost's headline naming no place: the one the story first ran under
    found = _find(text, title, issuer_lines, kind, gaz)
    if found is None and kind == "工作总结":
        # a write-up that names no unit of its own but opens telling a street's or town's work (今年以来，某街道在
        # 区委、区政府的坚强领导下…): that street's
        lead = lead_place(text, title, gaz, 1, placeless=True)
        if lead is not None and lead.local is not None and lead.local_level == "street" and not lead.introduced:
            return SubjectPlace(lead.code, lead.local, lead.local_level)
    if reply or kind == "工作总结":
        return found
    story = _outlet_parent(text, _that_unit(text, _over_siblings(text, _story_subject(text, title, found, gaz), gaz), gaz), gaz)
    story = story if story is not None or not title else _unplaced_head(title, gaz)
    if story is not None and story.code is None and story.local is not None:
        # a street or town placed by nothing else: the chain it is written after, or the one of its name the text's
        # organs' level fits
        # (the county's short form counts outside the local's own name: 城西街道 is no naming of 城西区)
        code = _chain_written(text, story.local, gaz) or _township_by_level(text, story.local, gaz) \
            or _county_alias(text.replace(story.local, " " * len(story.local)), gaz)
        if code is not None:
            return SubjectPlace(code, story.local, story.local_level)
    return story if story is not None else _column_unit(text, gaz)


# a page's breadcrumb (首页 > 新闻 > 某某要闻 > 正文) and the columns in it that carry a unit's news (某某要闻, 某某新闻)
_CRUMB = re.compile(r"首页\s*(?:[>＞»›]|-+>)")
_COLUMN = re.compile(r"[>＞»›]\s*([\u4e00-\u9fff]{2,12}?)(?:要闻|新闻|动态|快讯|资讯)?\s*(?=[>＞»›]|$)")


def _column_unit(text: str, gaz: Gazetteer) -> SubjectPlace | None:
    """The one unit a government site's breadcrumb names as its news column (首页 > 新闻 > 某某要闻 > 正文, 首页->某某区->正文),
    for a story that names its own place nowhere else (区人大召开…, 区政府…: the site's district), or None."""
    codes = set()
    for line in text[:600].split("\n"):
        if not _CRUMB.search(line):
            continue
        for m in _COLUMN.finditer(line):
            hits = [h for h in gaz.scan(m.group(1)) if h.start == 0 and h.end == len(m.group(1))]
            if hits and len(hits[0].codes) == 1:
                codes.add(hits[0].codes[0])
    return SubjectPlace(codes.pop()) if len(codes) == 1 else None


def _unplaced_head(title: str, gaz: Gazetteer) -> SubjectPlace | None:
    """A headline heading with a district or county several cities have (鼓楼区：…), which nothing in the page places:
    the unit as the headline writes it, its city left open (the story is that district's, whichever it is)."""
    m = _SERIES.match(title)
    start = m.end() if m else 0
    for hit in gaz.scan(title[start:start + 12]):
        if hit.start == 0 and not hit.is_alias and len(hit.codes) > 1 and len(hit.surface) >= 3 \
                and all(gaz.by_code[c].is_county_level for c in hit.codes) \
                and (title[(after := skip_gloss(title, start + hit.end)):after + 1] in ("：", ":", "“")
                     or _HEAD_ACTS.match(title, after)):
            return SubjectPlace(None, hit.surface, "other")
        return None
    return None


# what a headline's place goes on to do (某区推行…, 某区打造…): the acts of a story's subject
_HEAD_ACTS = re.compile(r"(?:以|用|把|让|推行|推出|推进|推动|打造|建立|构建|探索|实施|开展|创新|深化|坚持|聚焦|织密|激活|答好|下好|念好|做好)")


def _outlet_parent(text: str, found: SubjectPlace | None, gaz: Gazetteer) -> SubjectPlace | None:
    """A street or community subject written after a district several cities have (龙华区某街道…), no unit
    placing it: the district is the one in the region the page's outlet serves (来源：某市日报), where one is."""
    if found is None or found.local is None or found.code is not None:
        return found
    pos = text.find(found.local)
    while pos >= 0:
        head = _shared_head(text, max(0, pos - 8), pos, gaz)
        if head != pos:
            region = outlet_region(text, gaz)
            codes = {c for h in gaz.scan(text[head:pos]) for c in h.codes
                     if region is not None and gaz.is_within(c, region)}
            return SubjectPlace(codes.pop(), found.local, found.local_level) if len(codes) == 1 else found
        pos = text.find(found.local, pos + len(found.local))
    return found


# the story's own words for the unit it is about, as a reporter writes them (该区, 该县, 该街道, 该社区)
_THAT = re.compile(r"该(市|区|县|旗|镇|乡|街道|社区|村)(?![委级直场民内外辖属政长域])")
_THAT_LEVEL = {"市": "city", "区": "district", "县": "county", "旗": "county", "镇": "street", "乡": "street", "街道": "street",
               "社区": "community", "村": "community"}
_LOCAL_RANK = {"street": 3, "community": 4}


def _that_unit(text: str, found: SubjectPlace | None, gaz: Gazetteer) -> SubjectPlace | None:
    """A story that refers to its unit as 该区 / 该街道 / 该社区 at least twice (and to no other level as
    often) is about a unit of that level: where the place found is above it, the one unit of that level
    inside it the text names most often (晋城 in the headline, 该区 five times, 晋城市城区 in the lead)."""
    if found is None or found.code is None:
        return found
    levels = Counter(_THAT_LEVEL[m.group(1)] for m in finditer_at(_THAT, text, stop_positions(text, "该")))
    if not levels:
        return found
    (level, n), *rest = levels.most_common()
    if n < 2 or (rest and rest[0][1] == n):
        return found
    own = _LOCAL_RANK.get(found.local_level or "", None) if found.local else _RANK.get(gaz.by_code[found.code].level, 9)
    if own is None or own >= _LOCAL_RANK.get(level, _RANK.get(level, 9)):
        return found
    if level in _LOCAL_RANK:
        admins = admin_mentions(text, found.code, gaz)
        ends = {a.end for a in admins}
        counts = Counter(lm.name for lm in local_mentions(text, ends, ends) if lm.level == level
                         and (found.local is None or lm.name != found.local))
        if not counts:
            return found
        elsewhere = _elsewhere(text, found.code, gaz)
        ranked = [(c, name) for name, c in counts.most_common() if name not in elsewhere]
        if not ranked or len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return found
        return SubjectPlace(found.code, ranked[0][1], level)
    counts = _counts(admin_mentions(text, found.code, gaz), gaz)
    inside = [(n, c) for c, n in counts.items() if _fits(gaz, c, level)
              and found.code in {p.adcode for p in gaz.chain(c)}]
    if len(inside) != 1:
        return found
    return SubjectPlace(inside[0][1])


# a headline opening with a city's own body written by its level char (市政协…, 市人大常委会…, 市委…)
_CITY_BODY_HEAD = re.compile(r"\s*市(?:政协|人大|委|政府)")


def _over_siblings(text: str, found: SubjectPlace | None, gaz: Gazetteer) -> SubjectPlace | None:
    """A story that goes through several units of one parent in turn (玄武区…，秦淮区…，鼓楼区…), none
    named much more often than the others, is about the parent, not the first one it names."""
    if found is None or found.local is not None or found.code is None:
        return found
    counts = _counts(admin_mentions(text, found.code, gaz), gaz)
    own = counts[found.code]
    if own:  # 全区, 我区, 该区: the text speaking of its unit as a whole counts for it
        own += sum(1 for m in _WHOLE_UNIT.finditer(text) if _fits(gaz, found.code, _SELF_LEVEL[m.group(1)]))
    for unit in gaz.chain(found.code):  # the unit, then its city (苏州市姑苏区…，无锡市梁溪区…)
        if unit.parent is None:
            break
        others = [n for c, n in counts.items() if c != unit.adcode and gaz.by_code[c].parent == unit.parent
                  and gaz.by_code[c].level == unit.level]
        if len(others) >= 2 and 0 < own < 2 * max(others):
            return SubjectPlace(unit.parent)
        if others and 0 < own <= max(others) and unit.level in ("district", "county", "county_city") \
                and _CITY_BODY_HEAD.match(text) and gaz.by_code[unit.parent].level == "city":
            return SubjectPlace(unit.parent)  # 市政协…开展专题协商：…先后来到甲区某社区、乙区某社区: the city body's story
    return found


def _inside(place: SubjectPlace, found: SubjectPlace, gaz: Gazetteer) -> bool:
    """Is ``place`` an administrative unit strictly inside the administrative unit ``found``?"""
    return place.local is None and found.local is None and place.code is not None and found.code is not None \
        and place.code != found.code and gaz.is_within(place.code, found.code)


def _one_of_several(text: str, lead: SubjectPlace, gaz: Gazetteer) -> bool:
    """Is the lead's street or community one of at least three of its level the text names, none
    named twice as often as the others — or a community one of two, each written after its own street
    (在某区甲街道某社区…，在某区乙街道某社区…: a tour of the district's communities)?"""
    ends = {a.end for a in admin_mentions(text, None, gaz)}
    locals_ = local_mentions(text, ends, ends)
    counts = Counter(lm.name for lm in locals_ if lm.level == lead.local_level)
    others = [n for name, n in counts.items() if name != lead.local]
    if len(others) >= 2 and counts[lead.local] < 2 * max(others):
        return True
    if lead.local_level != "community" or len(others) != 1 or counts[lead.local] >= 2 * max(others):
        return False
    street_at = {lm.end: lm.name for lm in locals_ if lm.level == "street"}
    streets = {lm.name: street_at[lm.start] for lm in locals_ if lm.level == "community" and lm.start in street_at}
    return len(streets) == 2 and len(set(streets.values())) == 2


# a repost's line giving the headline the story first ran under (原标题：某区某街道推行…)
_ORIGINAL_TITLE = re.compile(r"^\s*原标题\s*[:：]\s*([^\n]{4,80})$", re.MULTILINE)
_SUBTITLE = re.compile(r"^\s*(?:—{1,2}|－{2}|-{2})\s*(?:记|访|探访|走进)?([^\n]{4,60})$", re.MULTILINE)
_WHOLE_UNIT = re.compile(r"(?:我|本|全|该)(市|区|县|旗)(?![委级直场民内外辖属政长域])")


def _headline(title: str, gaz: Gazetteer, reply: bool, text: str) -> SubjectPlace | None:
    """The headline's place; where it names none that the gazetteer places alone (鼓楼区：…, a district
    several cities have), the one that lies in the region the page's outlet serves (来源：福州日报)."""
    found = headline_place(title, gaz, reply)
    if found is None and not reply:
        shared = [h for h in gaz.scan(title) if not h.is_alias and len(h.codes) > 1
                  and all(gaz.by_code[c].is_county_level for c in h.codes)]
        region = outlet_region(text, gaz) if shared else None
        if region is not None:
            placed = {c for h in shared for c in h.codes if gaz.is_within(c, region)}
            found = headline_place(title, gaz, reply, region)
            if found is not None and found.code not in placed:
                return None  # (only the shared name is read in the outlet's region: not a short form it makes a place)
        if found is None:
            found = _shared_short_head(title, gaz, text) or _named_experience(title, gaz, text) \
                or _short_head_of_towns(title, gaz, text)
    if found is not None and found.code is None and found.local_level == "community":
        found = _county_short_before(found.local, gaz, text) or found
    return found


def _county_short_before(local: str, gaz: Gazetteer, text: str) -> SubjectPlace | None:
    """A headline's community written after its county's short form (某县简称+某某社区：…), read as one name: the
    county's community, where the story names the community again without it (在朝阳社区…)."""
    for hit in gaz.scan(local):
        if hit.start != 0 or not hit.is_alias or len(hit.codes) != 1 or is_common_word(hit.surface) \
                or not gaz.by_code[hit.codes[0]].is_county_level:
            return None
        rest = local[hit.end:]
        if len(rest) < 4:
            return None
        pos = text.find(rest)
        while pos >= 0:
            if not text.endswith(hit.surface, 0, pos):
                return SubjectPlace(hit.codes[0], rest, "community")
            pos = text.find(rest, pos + 1)
        return None
    return None


def _short_head_of_towns(title: str, gaz: Gazetteer, text: str) -> SubjectPlace | None:
    """A headline heading with the short form of one county-level unit (神农架2集体1人荣获…), no colon after it,
    whose streets or towns the story names (木鱼镇, 阳日镇): that unit's story, or None."""
    m = _SERIES.match(title)
    start = m.end() if m else 0
    for hit in gaz.scan(title[start:start + 12]):
        if hit.start != 0 or not hit.is_alias or len(hit.codes) != 1:
            return None  # (a common word such as 神农架 may head it: the towns named decide)
        code = hit.codes[0]
        if not gaz.by_code[code].is_county_level or _LOCAL_AFTER.match(title, start + hit.end):
            return None
        return SubjectPlace(code) if any(town in text for town in townships_in(code)) else None
    return None


def _shared_short_head(title: str, gaz: Gazetteer, text: str) -> SubjectPlace | None:
    """A headline heading with the short form of districts or counties several cities have, before its colon or
    quote (鼓楼：…), the one of them inside the region the page's outlet serves (来源：徐州日报), or None."""
    m = _SERIES.match(title)
    start = m.end() if m else 0
    for hit in gaz.scan(title[start:start + 12]):
        after = skip_gloss(title, start + hit.end)
        if hit.start != 0 or not hit.is_alias or title[after:after + 1] not in ("：", ":", "“"):
            return None
        codes = [c for c in hit.codes if gaz.by_code[c].is_county_level]
        region = outlet_region(text, gaz) if len(codes) > 1 else None
        inside = [c for c in codes if region is not None and gaz.is_within(c, region)]
        return SubjectPlace(inside[0]) if len(inside) == 1 else None
    return None


def _story_lines(text: str, title: str | None) -> Iterator[str]:
    """The story's paragraphs that may hold its lead, in order: long enough to hold a sentence, not the headline,
    not page furniture (a source or date line, a breadcrumb), a byline taken off the front."""
    for line in text.split("\n"):
        line = line.strip()
        if len(line) < 20 or not _rx_sentence.search(line) or (title and squeeze_spaces(line)[0] == title) \
                or (_FURNITURE.search(line[:40]) and not _BYLINE.match(line)):
            continue
        yield _BYLINE.sub("", line, count=1) if _BYLINE.match(line) else line


def _lead_list(text: str, title: str | None, gaz: Gazetteer) -> SubjectPlace | None:
    """The unit holding the places of one rank that the story's first sentence opens with, listed together and acting
    (近年来，某县、某区积极探索…), or None."""
    for line in _story_lines(text, title):
        sentence = _LEAD_SENTENCE.split(line)[0]
        for clause in re.split(r"[，,]", sentence)[:2]:
            clause = clause.strip()
            units = _units(clause, gaz)
            if units and units[0].start == 0:
                joint = _listed_with(clause, units, _lowest(_chain_from(units, 0, clause)), gaz)  # type: ignore[arg-type]
                end = max(u.end for u in units)
                return joint if joint is not None and _ACTS.match(clause, end) else None
        return None
    return None


def _story_subject(text: str, title: str | None, found: SubjectPlace | None, gaz: Gazetteer) -> SubjectPlace | None:
    headline = _headline(title, gaz, False, text) if title else None
    if headline is None:
        sub = _SUBTITLE.search(text[:600])
        if sub:  # a headline with no place, its subtitle names one (——记某社区党委书记…, ——某区推进…纪实)
            headline = headline_place(sub.group(1), gaz, False)
            if headline is not None and (headline.local is not None or found is None or _inside(headline, found, gaz)):
                # (——某县推进…见闻 under a city's paper that says 我市: the write-up is the county's)
                return headline if headline.code is not None or found is None \
                    else SubjectPlace(found.code, headline.local, headline.local_level)
    if headline is None and title and _PROFILE.search(title):
        post = _post_place(text, title, gaz)  # ——记某社区党委书记某某: the community the person serves
        if post is not None:
            return post if post.code is not None or found is None else SubjectPlace(found.code, post.local, post.local_level)
    if headline is None:
        joint = _lead_list(text, title, gaz)
        if joint is not None:
            return joint  # 近年来，某县、某区积极探索…: the lead's places taken together, under a headline with none
    lead = lead_place(text, title, gaz, 1 if headline else 2, admin_ok=headline is None, placeless=True)
    if headline is not None and headline.code is not None and lead is None \
            and (headline.local is not None or gaz.by_code[headline.code].is_county_level):
        # 某县某镇推进…：近年来，某县坚持… / 某区“…”让…：…某市把“…”作为…: the opening paragraph tells the work of the
        # unit above the headline's, whose town or district is an example of it: the story is that unit's
        up = lead_place(text, title, gaz, 1, admin_ok=True, placeless=True)
        if up is not None and up.local is None and up.code is not None and not up.introduced \
                and up.code in {p.adcode for p in gaz.chain(headline.code)} \
                and (headline.local is not None or up.code != headline.code) \
                and not _told_again(text, title, headline, up.code, gaz):
            return SubjectPlace(up.code)
    if headline is not None and headline.code is not None and headline.local is None and lead is None \
            and not gaz.by_code[headline.code].is_county_level and not _roundup(text, headline.code, gaz):
        # 江苏南通：… / 近年来，南通市崇川区坚持…: a city's or province's headline over the work of one unit inside it
        down = lead_place(text, title, gaz, 1, admin_ok=True)
        if down is not None and down.local is None and down.code is not None and not down.introduced \
                and down.code != headline.code and headline.code in {p.adcode for p in gaz.chain(down.code)}:
            found = SubjectPlace(down.code)
    if lead is not None and lead.local is not None and found is not None and found.local is None \
            and self_level(_SPEECH.sub(lambda m: " " * len(m.group()), text)) not in (None, "street"):
        lead = None  # a text that speaks of 我区/本县 (not in quoted speech) is the district's or county's own
    if lead is not None and lead.local is not None and found is not None and found.local is None \
            and _one_of_several(text, lead, gaz):
        lead = None  # 湖滨街道…，小营街道…，清波街道…: the streets of a district story, taken in turn
    if lead is not None and lead.local is not None and found is not None and found.local is None \
            and found.code is not None and _glimpse_of(text, found.code, gaz):
        lead = None  # 走进某区某社区…。这是某区开展…活动的一个侧面: the community's scene shows the district's work
    if lead is not None and lead.local is None and found is not None and found.code is not None \
            and lead.code != found.code and lead.code in {p.adcode for p in gaz.chain(found.code)}:
        lead = None  # 某市地处…: a lead that introduces the city of the district the text is about
    if lead is not None and headline is not None and headline.local is None and headline.code is not None \
            and _roundup(text, headline.code, gaz):
        lead = None  # 浙江推进…：记者走进某社区…，宁波市…，温州市…，嘉兴市…: the province's roundup opens on one community
    if lead is not None and lead.compound:
        lead = _compound_community(text, lead, gaz)
    if lead is not None and (headline is None or _below(lead, headline, gaz) or _bare_below(lead, headline, text, gaz)):
        return lead if lead.code is not None or found is None else SubjectPlace(found.code, lead.local, lead.local_level)
    if found is not None:
        if headline is not None and headline.local is None and headline.code == found.code \
                and gaz.by_code[found.code].is_county_level:
            return found  # a headline that writes out the district or county (普洱市思茅区推进…) is its story
        if isinstance(headline, _Joint):
            return found  # the places the headline lists, each named again in the story: none is its subject alone
        # (twice is enough where nothing else places the story: no headline place, no 我市/本区 of its own)
        return dominant_local(text, found, gaz, 3 if headline is not None or self_level(text) is not None else 2)
    return found


# a reporter's turn from a scene to the work it shows (这是某区开展…活动的一个侧面, …的一个缩影, …的生动写照)
_GLIMPSE = re.compile(r"这是([^。！？!?\n]{2,40}?)的(?:一个|一幅)?(?:生动)?(?:缩影|侧面|写照|剪影)")


def _glimpse_of(text: str, code: str, gaz: Gazetteer) -> bool:
    """Does the text call a scene a glimpse of the work of the unit ``code``, named straight after 这是 (这是某区开展…
    的一个侧面)? The story is then that unit's, its community or street an example of it."""
    for m in _GLIMPSE.finditer(text):
        named = admin_mentions(m.group(1), None, gaz)
        if named and named[0].start == 0 and named[0].code == code:
            return True
    return False


def _told_again(text: str, title: str | None, headline: SubjectPlace, up: str, gaz: Gazetteer) -> bool:
    """Does the story go on to tell the headline's own street or town (某区某街道推进…：近年来，某区以…为切入点…。
    某街道创新推出…，某街道结合…): named again below the headline at least twice, more often than the unit above
    it that the lead opens with?"""
    if headline.local is None or headline.local_level != "street":
        return False
    body = text[text.find(title) + len(title):] if title and title in text else text
    if title and title in body[:len(title) + 4]:
        body = body[body.find(title) + len(title):]  # (a headline printed twice)
    own = body.count(headline.local)
    above = sum(1 for a in admin_mentions(body, up, gaz) if a.code == up)
    return own >= 2 and own > above


# quoted speech (“我区将继续……。”): an official's words, not the text's own voice
_SPEECH = re.compile(r"“[^“”]{0,400}?[，,。；;！？!?][^“”]{0,400}?”")


def _roundup(text: str, code: str, gaz: Gazetteer) -> bool:
    """Does the text name at least three units one level below ``code`` inside it (the cities of a
    province headline's story, the districts and counties of a city's): a roundup of the unit's work?"""
    units = {a.code for a in admin_mentions(text, code, gaz) if gaz.by_code[a.code].parent == code}
    units |= {h.code for a in admin_mentions(text, code, gaz) for h in a.heads if gaz.by_code[h.code].parent == code}
    return len(units) >= 3


def _below(lead: SubjectPlace, head: SubjectPlace, gaz: Gazetteer) -> bool:
    """Does the lead's chain run through the headline's place (株洲市荷塘区 → 桂花街道阳光里社区), or
    start inside it (三门峡：… → 湖滨区崖底街道: a district written without its city)?"""
    if head.local is not None:
        return head.local in lead.chain
    return head.code is not None and lead.code is not None \
        and any(p.adcode == head.code for p in gaz.chain(lead.code))


def _compound_community(text: str, lead: _Lead, gaz: Gazetteer) -> _Lead:
    """A lead that goes to a compound written after its street (记者走进某区某街道某某小区…) is the story of the
    compound's community, when the text names one community of that street (某街道某社区以某某小区为切入口…):
    a compound is no place."""
    ends = {a.end for a in admin_mentions(text, None, gaz)}
    names = {lm.name for lm in local_mentions(text, ends, ends)
             if lm.level == "community" and text.endswith(lead.local, 0, lm.start)}
    if len(names) != 1:
        return lead
    return _Lead(lead.code, names.pop(), "community", lead.chain)


# a profile's headline (做居民的贴心人——记社区党委书记某某) and the post its person holds (某某是某社区党委书记)
_PROFILE = re.compile(r"[—－-]{1,2}\s*记")
_HOLDS = re.compile(r"(?:是|任|担任)")
_POST = re.compile(r"(?:党委|党总支|党支部|居委会|村委会)?(?:书记|主任)")


def _post_place(text: str, title: str, gaz: Gazetteer) -> SubjectPlace | None:
    """The street, community or village whose post the person of a profile holds, as its first paragraph
    says (今年52岁的某某是某县某镇某社区党委书记): the place of the profile."""
    start = text.find(title) + len(title) if title in text else 0
    paragraph = next((ln for ln in text[start:start + 1200].split("\n") if len(ln.strip()) >= 20), "")
    for m in _HOLDS.finditer(paragraph):
        units = _units(paragraph[m.end():m.end() + 40], gaz)
        chain = _chain_from(units, 0) if units else []
        if chain and chain[-1].local is not None and chain[-1].level in ("street", "community") \
                and _POST.match(paragraph, m.end() + chain[-1].end):
            return _lowest(chain)
    return None


def _bare_below(lead: SubjectPlace, head: SubjectPlace, text: str, gaz: Gazetteer) -> bool:
    """Is the lead a street or community written bare (no unit before it) under a headline that names a district
    or county, and named again in the text (区委政法委督查某街道… / …深入某街道，…): a reporter leaves out the district
    the headline has just named, so the unit lies in it; a city's headline may mean any of its districts."""
    return lead.code is None and lead.local is not None and lead.local_level in ("street", "community") \
        and head.local is None and head.code is not None and gaz.by_code[head.code].is_county_level \
        and text.count(lead.local) >= 2


# how the first sentence of a story opens before naming where it happens (记者从…了解到: the source
# the reporter asked)
_LEAD_IN = re.compile(r"^(?:近年来|近年|近期|近日|日前|目前|当前|今年以来|今年来|去年以来|(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日"
                      r"(?:上午|下午|晚上|晚)?|(?:\d{4}年)?\d{1,2}月(?:上旬|中旬|下旬|初|底|份)?|[^，,]{0,30}(?:赴|走进|莅临|来到|深入|前往)|[^，,]{0,8}记者[^，,]{0,4}从)?$")
# (本报讯, 新华社北京5月1日电, …报道: not the 电 of 电梯 nor the 讯 of 通讯员)
_BYLINE = re.compile(r"^.{0,40}?(?:讯(?![息录号员])|日电|电(?=\s*[(（:：\s])|报道(?=\s*[(（:：]))\s*[:：]?\s*(?:[(（][^)）]{0,30}[)）])?\s*"
                     # or a credit in brackets heading the paragraph, the reporter's unit named in it: （某县融媒体中心 记者 王某）
                     r"|^\s*[(（][^()（）\n]{0,40}(?:记者|通讯员)[^()（）\n]{0,30}[)）]\s*")
# a place that only says where a person belongs or an event takes place is not what the story is about
_PERSON_AFTER = re.compile(r"居委会|居民|村民|低保|主任|书记|干部|党员|群众|工作人员|负责人|政协|人大|委员|党委|党工委|"
                           r"支部|网格员|志愿者|老人|、|和|及")
# what a place that is the subject of the story's first sentence goes on to do (江城社区积极发动…,
# 阳光里社区坚持…, 大地社区成立于…): the predicates such reports open with, after an adverb (专门召开)
_ACTS = re.compile(r"(?:等地)?[，,]?(?:专门|认真|切实|近日|日前|今年以来|近年来|近年|近期|去年以来|首次|再次|又|还)?(?:坚持|积极|始终|紧紧|紧扣|紧密|聚焦|围绕|立足|依托|以|通过|创新|探索|着力|扎实|不断|持续|"
                   r"全力|大力|深入|深化|推行|推动|推进|实施|打造|建立|构建|成立|位于|地处|是|作为|充分|率先|针对|结合|"
                   r"按照|在|把|将|借助|发挥|用|采取|开展|组织|召开|举办|主动|全面|探访|调研|走访|了解到|获悉|落实|贯彻|启动|出台|实现|推出)"
                   r"|[\u4e00-\u9fff]{0,4}\d+号(?:院|楼)?[,，]")  # or sets a scene at an address in it
# a unit's own body (党委, 党总支, 居委会 …) heading the story's first sentence
_OWN_BODY = re.compile(r"(?:党委|党总支|党支部|党工委|人大工委|人大工作委员会|居委会|村委会|居民委员会|村民委员会|办事处)")
# a residential compound of the community (某社区的某某小区, 某社区某某家园) heading the sentence: a
# compound is no place, so the story of its compound is the community's; and the community's paired
# unit (某社区结对单位——某集团…, 共建单位) whose work in it the story tells
_COMPOUND = re.compile(r"的?[\u4e00-\u9fff]{2,8}?(?:小区|家园|花园|公寓|新村|苑|府|庭)(?:小区)?")
_PARTNER = re.compile(r"(?:的)?(?:结对|共建|包联|包保|联系|帮扶)(?:单位|共建单位)")
# (记者 as a credit, 记者 王明 or （记者…, not the reporter in the story: 记者走进…, 记者从…了解到)
_FURNITURE = re.compile(r"来源|发布时间|发布日期|记者(?=[\s:：])|[(（]\s*记者|编辑|责编|字号|当前位置|您的位置|首页|>|＞|\|")


def lead_place(text: str, title: str | None, gaz: Gazetteer, sentences: int, admin_ok: bool = False,
               placeless: bool = False) -> _Lead | None:
    """The street, town, community or village the story's first sentence is about: a place chain
    ending in such a unit that opens the sentence (after 近年来, 近日, a date) or follows a visit
    verb, and is not merely where a person belongs (…社区居民李先生) or an event is held (在…举行).
    ``placeless``: the story's opening lines that name no place (城市建得好，更要管理好。…如何…？) are read past,
    a few of them, as a paragraph on the centre's line always is."""
    scenes = 0  # paragraphs after the first read for a scene only (an anecdote may open the story)
    skipped = 0
    for line in _story_lines(text, title):
        # a story that opens with a quoted remark (“……。”谈起…, 居民说): the remark is no sentence of the lead
        told = [x for x in _LEAD_SENTENCE.split(line) if x and not _REMARK.fullmatch(x)]
        for sentence in told[:sentences]:
            found = _lead_in_sentence(sentence, gaz, admin_ok, scene_only=scenes > 0)
            if found is not None and (not skipped or found.code is not None):
                return found  # (after paragraphs read past, only a place written from its county or city)
        if (placeless and skipped < _PLACELESS_PARAGRAPHS and not _CAPTION.search(line) and not _UNIT_WORDS.search(line)
                or _PREAMBLE.search(line)) and not _units(line, gaz):
            skipped += 1
            continue  # a paragraph on the centre's line (党的二十大报告提出…) that names no place: no lead yet
        if scenes >= _SCENE_PARAGRAPHS:
            return None
        scenes += 1
    return None


# how many paragraphs after the first may still set the story's scene (在某社区，…)
_SCENE_PARAGRAPHS = 2
# a photo's caption, its photographer credited at its end (…。通讯员 某某 摄): it stands where the story's first paragraph does
_CAPTION = re.compile(r"摄\s*$")
# a paragraph that speaks of a unit without naming it (县委县政府高度重视…, 全县…, 我区…) is the story's, not an anecdote's
_UNIT_WORDS = re.compile(r"[省市州县区旗镇乡](?:委|政府|人大|政协)|[全我本该][省市州县区旗镇乡]")
# how many opening paragraphs that name no place a ``placeless`` reading skips
_PLACELESS_PARAGRAPHS = 4


# the centre's words that open many stories before the story proper
_PREAMBLE = re.compile(r"党的[一二三四五六七八九十]+大|总书记|中央|全会")


_rx_sentence = re.compile(r"[。，,]")
_LEAD_SENTENCE = re.compile(r"(?<=[。！？!?])(?![”’])|(?<=[。！？!?][”’])")
_REMARK = re.compile(r"\s*“[^“”]*”\s*")


@dataclass(frozen=True)
class _Lead(SubjectPlace):
    chain: tuple = ()
    introduced: bool = False   # the sentence only introduces the unit (某市地处…, …位于…, …是…)
    compound: bool = False     # a street written straight before a compound of it (某街道某某小区)


# what a sentence says of a unit it introduces rather than tells the work of
_INTRODUCING = re.compile(r"(?:等地)?[，,]?(?:位于|地处|是|作为|下辖|辖|现有|共有|总面积|面积|成立于|始建于|组建于)")


# inside a unit's own office or hall, as a scene (某社区居委会里，…)
_INSIDE_OFFICE = re.compile(r"(?:居委会|居民委员会|村委会|党群服务中心|服务中心)(?:里|内)[，,]")


# what a sentence that introduces a unit says of it (某街道某社区下辖…小区, …位于…, …成立于…, …有住户…)
_INTRODUCES = re.compile(r"(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）])?(?:下辖|辖|位于|地处|成立于|组建于|始建于|现有|共有|有住户|有居民|总面积|面积)")


# the reporter at a place, telling what they saw there (记者近日在某社区看到，…): a visit to it
_REPORTER_AT = re.compile(r"^[^，,。]{0,8}记者[^，,。]{0,6}在$")
_SAW = re.compile(r"(?:内)?(?:看到|见到|了解到|采访|发现|注意到|获悉)")


# what a reporter was told by a unit's body, and the story going on about 该县/该区 (…获悉，该县…; 据某县…介绍，该县…)
_TOLD_THEN_THAT = re.compile(r"[^，,。；;“”]{0,14}?(?:获悉|了解到|得知|介绍|表示)[，,]\s*该(市|区|县|旗|镇|乡|街道|社区|村)")
_THAT_RANK = {"city": "city", "county_city": "city", "district": "district", "county": "county"}


def _shared_head(sentence: str, lo: int, start: int, gaz: Gazetteer) -> int:
    """Where the chain at ``start`` begins when a district or county several cities have, written in full
    without its city, stands straight before it (龙华区某街道…: which 龙华区 stays open, the street is a place
    of it); else ``start``."""
    end = start
    if sentence[start - 1:start] in (")", "）"):  # 鼓樓區(qū)安泰街道: a mirror's pinyin gloss after the district
        gloss = _GLOSS_END.search(sentence, max(lo, start - 10), start)
        end = gloss.start() if gloss else start
    if end - lo < 3 or sentence[end - 1] not in "区县旗市":
        return start
    base = max(lo, end - 12)
    for hit in gaz.scan(sentence[base:end]):
        if base + hit.end == end and not hit.is_alias and len(hit.codes) > 1 and len(hit.surface) >= 3 \
                and all(gaz.by_code[c].is_county_level for c in hit.codes):
            return base + hit.start
    return start


_GLOSS_END = re.compile(_GLOSS.pattern + "$")


# the tie a visited unit has with the visitors, written between the visit and its name (到共驻共建单位某社区, 走访结对村某村)
_TIE = re.compile(r"(?:共驻共建|结对共建|结对帮扶|结对|共建|包联|包保|联系|帮扶)(?:单位|社区|村|点)")


# a clause on where the visited unit lies, written between the visit and its name (来到位于某区某镇某小区的某社区)
_LOCATED = re.compile(r"位于[^，,。；;“”]{2,40}?的")


def _visit_ends(sentence: str) -> Iterator[int]:
    """Where the place a visit goes to starts: after the visit verb, and after the tie written before the unit's name."""
    for v in _VISIT.finditer(sentence):
        yield v.end()
        tie = _TIE.match(sentence, v.end())
        if tie:
            yield tie.end()
        where = _LOCATED.match(sentence, v.end())
        if where:
            yield where.end()  # 来到位于某镇某小区院内的某社区: the unit the clause on where it lies goes on to name


def _lead_in_sentence(sentence: str, gaz: Gazetteer, admin_ok: bool = False, scene_only: bool = False) -> _Lead | None:
    visits = frozenset(_visit_ends(sentence))
    units = _units(sentence, gaz, None, visits)
    i = 0
    while i < len(units):
        chain = _chain_from(units, units[i].start, sentence)
        i += max(1, len(chain))
        last = chain[-1]
        clause = max(sentence.rfind(c, 0, chain[0].start) for c in "，,：:；;") + 1
        head = _shared_head(sentence, clause, chain[0].start, gaz)  # (龙华区某街道…: the district left open)
        before = sentence[head - 1] if head else ""
        visit = head in visits or chain[0].start in visits or (
            _REPORTER_AT.match(sentence[clause:head].strip()) is not None and _SAW.match(sentence, last.end) is not None)
        opens = _LEAD_IN.match(sentence[clause:head].strip()) and not (before and before in "在于")
        # 在某街道某社区，居民们…: a clause of its own that sets the whole story's scene in the unit
        scene = last.local is not None and last.level in ("street", "community") \
            and sentence[clause:chain[0].start].strip() == "在" and sentence[last.end:last.end + 1] in ("，", ",")
        # 某区某街道某社区下辖…, …位于…: a sentence that opens by introducing the unit
        introduced = opens and last.local is not None and len(chain) >= 2 and _INTRODUCES.match(sentence, last.end)
        # 某省某州某镇某社区居委会里，人们…: a story opening inside the unit's own office, written from its province down
        inside = opens and last.local is not None and len(chain) >= 3 and _INSIDE_OFFICE.match(sentence, last.end)
        if scene or introduced or inside:
            return _Lead(next((u.code for u in reversed(chain) if u.code), None), last.local, last.level,
                         tuple(u.code or u.local for u in chain))
        if scene_only:
            continue
        by_source = sentence[clause:head].strip() == "据"  # 据某县…介绍，该县…: the unit whose body tells the reporter
        if not (opens or visit or by_source) or _RESIDENT_VISITS.search(sentence, clause, chain[0].start):
            continue  # 市民某某来到某街道办事大厅…: an anecdote's scene, not where the story's actor is
        end = last.end
        body = _OWN_BODY.match(sentence, end)
        if body and _ACTS.match(sentence, body.end()):
            end = body.end()  # 仓房社区党总支召开党员大会: the community's own body acts for it
        partner = False
        if not body and last.level == "community":
            owned = _COMPOUND.match(sentence, end)
            if owned and _ACTS.match(sentence, owned.end()):
                end = owned.end()  # 某社区的某某小区作为试点…: the compound's story is its community's
            partner = _PARTNER.match(sentence, end) is not None
        told = _TOLD_THEN_THAT.match(sentence, end) \
            if opens and "记者" in sentence[clause:chain[0].start] or by_source else None
        if told is not None and _THAT_LEVEL[told.group(1)] == (last.level if last.local else _THAT_RANK.get(
                gaz.by_code[last.code].level) if last.code else None):
            # 记者从某县委社会工作部获悉，该县…: the unit whose body told the reporter, which the story then calls 该县
            return _Lead(next((u.code for u in reversed(chain) if u.code), None), last.local, last.level,
                         tuple(u.code or u.local for u in chain))
        if by_source:
            continue  # (据某县统计…: a source only, the story told of no unit)
        if (last.local is None and not admin_ok) or _PERSON_AFTER.match(sentence, end) \
                or not (visit or partner or _ACTS.match(sentence, end)):
            continue
        code = next((u.code for u in reversed(chain) if u.code), None)
        if code is None and visit:
            # 来到位于某市某区某镇某小区院内的某社区: the unit the clause on where it lies names, nearest it
            where = next((m for v in _VISIT.finditer(sentence, 0, chain[0].start)
                          if (m := _LOCATED.match(sentence, v.end())) and m.end() == chain[0].start), None)
            if where is not None:
                code = next((u.code for u in reversed(units) if u.code and where.start() <= u.start < where.end()), None)
        ids = tuple(u.code or u.local for u in chain)
        return _Lead(code, last.local, last.level, ids, _INTRODUCING.match(sentence, end) is not None,
                     last.level == "street" and _COMPOUND.match(sentence, end) is not None)
    return None


def _find(text: str, title: str | None, issuer_lines: list[str], kind: str,
          gaz: Gazetteer) -> SubjectPlace | None:
    reply = kind in ("提案答复", "建议答复")
    level = self_level(text, title or "", reply)
    from_issuer = next((p for p in (line_place(line, gaz) for line in issuer_lines) if p), None)
    if from_issuer and reply:
        return _anchor(from_issuer, text, level, gaz)  # 某镇人民政府 answering: the county it lies in
    if title:
        found = _headline(title, gaz, reply, text)
        if found and _above(found, level, gaz) and "《" in title:
            # a province or city named only in the title of a law the headline cites (调研全市贯彻《某省…
            # 条例》情况) in a text that calls itself a lower unit (我市): the headline is read without it
            found = headline_place(_TITLED.sub(lambda m: "，" * len(m.group()), title), gaz, reply)
        if found and found.local is not None and not reply and level in ("city", "prefecture", "county", "district") \
                and re.search("在" + re.escape(found.local) + "(?:召开|举行|举办)", title):
            # …推进会在某街道召开 over a text that speaks as 我县: the street is only where the county's meeting is held
            code = body_place(text, level, gaz) or outlet_place(text, level, gaz)
            if code is not None and _fits(gaz, code, level):
                return SubjectPlace(code)
        if found:
            return _anchor(_settle(found, level, gaz, reply), text, level, gaz)
        if found is None and level is not None and _OWN_STUDY_TRIP.match(_SERIES.sub("", title, count=1)):
            # 我县赴某市、某县考察…: the units the story names are the ones visited; the page's own outlet names the writer's
            code = outlet_place(text, level, gaz)
            if code is not None:
                return SubjectPlace(code)
    if from_issuer:
        return from_issuer
    byline = _place_line(text, title, gaz)
    if byline is not None:
        return _anchor(byline, text, level, gaz)
    code = body_place(text, level, gaz)
    if level == "province" and not reply and code is not None and gaz.by_code[code].level == "province":
        # 我省 in a story of the province's paper (…作为我省唯一入选者): the outlet's voice; the story is
        # about the one unit below the province it names again and again, where there is one
        named = _counts(admin_mentions(text, None, gaz), gaz)
        below = [(n, c) for c, n in named.items() if gaz.by_code[c].level != "province"]
        if code not in named and below:
            n, top = max(below)
            around = {u.adcode for u in gaz.chain(top)}  # (its city written in front of it is no rival)
            if n >= 3 and all(m * 2 <= n for m, c in below if c not in around):
                code = top
    if code is None or level == "street":
        own = local_government(text, gaz) or (_only_street(text, gaz) if level == "street" else None)
        if own:
            return _anchor(own, text, level, gaz)
    if code is None and level is not None:
        code = outlet_place(text, level, gaz)  # 大同日报记者从市民政局获悉，我市…: the paper's own city
    return SubjectPlace(code) if code else None


# a place's own outlet (大同日报, 义乌新闻网, 某县融媒体中心): what a local paper reports on when its story names no
# place but 我市, 市民政局
_OUTLET_WORDS = ("日报", "晚报", "都市报", "新闻网", "电视台", "融媒")  # (融媒: 某县融媒体中心, 某县融媒讯)


def outlet_place(text: str, level: str, gaz: Gazetteer) -> str | None:
    """The one unit of ``level`` (the level the text calls its own: 我市, 本县) whose name or short form the
    text's outlets are named for, or None."""
    found: set[str] = set()
    for word in _OUTLET_WORDS:
        pos = text.find(word)
        while pos >= 0:
            window = text[max(0, pos - 6):pos]
            for hit in gaz.scan(window):
                if hit.end == len(window):
                    found.update(c for c in hit.codes if _fits(gaz, c, level))
            pos = text.find(word, pos + len(word))
    return found.pop() if len(found) == 1 else None


_TITLED = re.compile(r"《[^《》]*》")


def _place_line(text: str, title: str | None, gaz: Gazetteer) -> SubjectPlace | None:
    """A line under the headline that is nothing but a place chain (某省某市某区): the byline of the unit
    that writes up its own work, as write-ups for a meeting or a collection print it."""
    if not title:
        return None
    seen_title = False
    title = squeeze_spaces(title.strip())[0]
    for n, line in enumerate(text[:600].split("\n")):
        line = squeeze_spaces(line.strip())[0]
        if not line:
            continue
        if line == title:
            seen_title = True
            continue
        if n > 8:
            return None
        if seen_title and len(line) <= 24:
            units = _units(line, gaz)
            chain = _chain_from(units, 0) if units else []
            if chain and chain[-1].end == len(line):
                return _lowest(chain)
    return None


def _above(found: SubjectPlace, level: str | None, gaz: Gazetteer) -> bool:
    """Is an administrative place above the level the document calls its own (湖北省 in a 我市 text)?"""
    return level is not None and found.local is None and found.code is not None \
        and _RANK.get(gaz.by_code[found.code].level, 9) < _RANK[level]


# a local unit named as the home of an organ or an institution (瓦庙镇人民政府, 某镇中心学校) is where
# someone works, not what the text is about
_ORGAN_AFTER = re.compile(r"人民政府|政府|党委|党工委|办事处|工委|人大|中心学校|学校|小学|中学|卫生院|派出所")


def dominant_local(text: str, found: SubjectPlace, gaz: Gazetteer, least: int = 3) -> SubjectPlace:
    """A news story or summary about a county or city may really be about one community in it:
    a street, town, community or village named at least three times and more often than the
    administrative subject (江陵县 in the headline, 江城社区 five times in the story)."""
    if found.local_level == "street" and found.local:
        return _dominant_community(text, found, gaz)
    if found.local or found.code is None:
        return found
    # a page that repeats its headline at the top of the story counts it once
    head_end = text.find("\n")
    first = text[:head_end].strip() if head_end > 0 else ""
    if first and len(first) >= 6:
        again = text.find(first, head_end)
        if again >= 0:
            text = text[:again] + " " * len(first) + text[again + len(first):]
    admins = admin_mentions(text, found.code, gaz)
    own = sum(1 for a in admins if a.code == found.code) + sum(
        1 for a in admins for h in a.heads if h.code == found.code)
    # 我县 and 全县 alike: a text that speaks of the whole county is about the county
    own += sum(1 for m in finditer_at(_SELF, text, stop_positions(text, _SELF_FIRST))
               if _fits(gaz, found.code, _SELF_LEVEL[m.group(2)]))
    chain = {a.end for a in admins if gaz.by_code[a.code].level != "province"}
    counts: dict[str, tuple[int, LocalMention]] = {}
    for lm in local_mentions(text, {a.end for a in admins}, chain):
        if lm.name in counts or lm.level == "other":
            continue
        n, pos = 0, text.find(lm.name)
        while pos >= 0:
            n += not _ORGAN_AFTER.match(text, pos + len(lm.name))
            pos = text.find(lm.name, pos + len(lm.name))
        counts[lm.name] = (n, lm)
    ranked = sorted(counts.values(), key=lambda c: (-c[0], c[1].start))
    elsewhere: set[str] | None = None
    for n, lm in ranked:
        if n < least or n <= own:
            break
        if elsewhere is None:
            elsewhere = _elsewhere(text, found.code, gaz)
        if lm.name not in elsewhere:
            others = [m for m, other in counts.values() if other.level == lm.level and other.name != lm.name]
            if len(others) >= 2 and n < 2 * max(others):
                return found  # 沁园街道…，玉泉街道…，天坛街道…: the streets of the city's text, taken in turn
            return SubjectPlace(found.code, lm.name, lm.level)
    return found


def _elsewhere(text: str, code: str, gaz: Gazetteer) -> set[str]:
    """Local units written after a unit outside ``code`` (成华区二仙桥街道下涧槽社区 in a story about another
    district's study trip): they are elsewhere, however often they are named."""
    unit_at_end = {a.end: a.code for a in admin_mentions(text, None, gaz)}  # (any unit, not only the subject's)
    inside = {p.adcode for p in gaz.chain(code)}
    out: set[str] = set()
    for lm in sorted(local_mentions(text, set(unit_at_end), set(unit_at_end)), key=lambda lm: lm.start):
        unit = unit_at_end.get(lm.start)
        if unit is not None:
            unit_at_end[lm.end] = unit
            if code not in {p.adcode for p in gaz.chain(unit)} and unit not in inside:
                out.add(lm.name)
    return out


def _dominant_community(text: str, found: SubjectPlace, gaz: Gazetteer) -> SubjectPlace:
    """A story headed by a street (某街道：三方共治…) that is about one of its communities: a community
    written after the street's name (长江路街道漓江社区) and named at least three times, more often than
    the street, is the subject."""
    street = found.local
    head_end = text.find("\n")
    headline = text[:head_end].strip() if head_end > 0 else ""
    body = text.replace(headline, "") if len(headline) >= 6 else text  # the headline, however often printed
    admins = admin_mentions(text, found.code, gaz)
    ends = {a.end for a in admins}
    best, best_n = None, 0
    for lm in local_mentions(text, ends, ends):
        if lm.level != "community" or not text.endswith(street, 0, lm.start) or best and lm.name == best.name:
            continue
        n = text.count(lm.name)
        if n > best_n:
            best, best_n = lm, n
    if best is not None and best_n >= 3 and best_n > body.count(street):
        return SubjectPlace(found.code, best.name, best.level)
    return found


def _anchor(found: SubjectPlace, text: str, level: str | None, gaz: Gazetteer) -> SubjectPlace:
    """A local subject found without the administrative unit around it: take that unit from the
    body."""
    if found.code is not None or found.local is None:
        return found
    code = _chain_written(text, found.local, gaz) or body_place(text, level if level != "street" else None, gaz) \
        or _county_alias(text, gaz) or _township_by_level(text, found.local, gaz)
    local = found.local
    if code is not None and found.local_level == "other" and _BARE_ZONE.fullmatch(local):
        # 高新区 of a reply to 政协襄阳市…: named for the unit it lies in, as zones are (襄阳高新区)
        unit = gaz.by_code[code]
        local = (short_name(unit.name, unit.level) or unit.name) + local
    return SubjectPlace(code, local, found.local_level)


# the bodies and people of the unit above a street or town, by its level char (县人大代表, 区委, 县直部门)
_ABOVE_ORGANS = re.compile(r"([县区市])(?:委|政府|人大|政协|直部门|直单位|民政局)")


def _township_by_level(text: str, local: str, gaz: Gazetteer) -> str | None:
    """The county-level unit holding the street or town ``local`` where the township table has it in several and only one
    of them is of the level the text's organs are named at (同乐街道 … 县人大代表, 县直部门: the county's, not a
    district's), or None."""
    counties = {c[:6] for c in townships_named(local)}
    if len(counties) < 2:
        return None
    organs = {m.group(1) for m in _ABOVE_ORGANS.finditer(text)}
    if len(organs) != 1:
        return None
    want = {"县": ("county",), "区": ("district",), "市": ("county_city",)}[organs.pop()]
    fits = [c for c in counties if gaz.get(c) is not None and gaz.by_code[c].level in want]
    return fits[0] if len(fits) == 1 else None


# a street or town written between a unit and the local subject (某某县某某街道某某社区)
_TOWN_BETWEEN = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:街道|镇|乡)")


def _chain_written(text: str, local: str, gaz: Gazetteer) -> str | None:
    """The one administrative unit the text writes the local subject after, directly or through its street or town
    (a signature line 某省某市某县某某街道某某社区党群工作者): where the place is, whatever other places the
    body names more often (某省某市返乡人员), or None."""
    codes = set()
    for a in admin_mentions(text, None, gaz):
        m = _TOWN_BETWEEN.match(text, a.end)
        if text.startswith(local, a.end) or (m and text.startswith(local, m.end())):
            codes.add(a.code)
    return codes.pop() if len(codes) == 1 else None


# what follows a county's short form that names a community, a village or a road for it, not the county (丹凤社区,
# 太平中心村, 宁海路;
# a town or street sharing its county's name, 安源区安源镇, usually lies in that county)
_NAMED_LIKE_A_COUNTY = re.compile(r"社区|(?:中心|新)?村|路|小区|大道|广场")


def _parallel_words(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` one of a run of two-character words ending alike (便民惠民利民, 惠民利民): a slogan's
    words, not a county's short form (惠民)?"""
    last = text[end - 1]
    return end - start == 2 and (text[start - 1:start] == last and start >= 2 and _two_hanzi(text[start - 2:start])
                                 or text[end + 1:end + 2] == last and _two_hanzi(text[end:end + 2]))


def _two_hanzi(s: str) -> bool:
    return len(s) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in s)


def _county_alias(text: str, gaz: Gazetteer) -> str | None:
    """The one county-level unit the text names by its short form (以杨浦建设…), when no unit is
    written in full: where a street's own report places itself."""
    hits = [hit for hit in gaz.scan(text) if hit.is_alias and len(hit.codes) == 1
            and gaz.by_code[hit.codes[0]].is_county_level and not is_common_word(hit.surface)
            and not is_common_word(text[hit.end - 1:hit.end + 1])  # (幸福感和安全感: 安全 is a word, 和安 no county)
            and not is_boundary_direction(hit.surface)  # (东至某路: a boundary, no 东至县)
            and not _parallel_words(text, hit.start, hit.end)]  # (便民惠民利民: a run of words, no 惠民县)
    if any(_NAMED_LIKE_A_COUNTY.match(text, hit.end) for hit in hits):
        return None  # 丹凤社区, 宁海路街道: a community or road named like a county; the text's short forms place nothing
    codes = {hit.codes[0] for hit in hits}
    # the level its organs are named at (区委、区政府 → a district) decides between several
    organs = {lv for lv, _ in re.findall(r"(区|县)(委|政府)", text)}
    if len(organs) == 1:
        want = "district" if organs == {"区"} else "county"
        codes = {c for c in codes if gaz.by_code[c].level == want}
    return codes.pop() if len(codes) == 1 else None


def _only_street(text: str, gaz: Gazetteer) -> SubjectPlace | None:
    """The one street or town a text that calls itself 我镇/本街道 names (at least twice, no other of its level):
    the town's own write-up, its government not named."""
    ends = {a.end for a in admin_mentions(text, None, gaz)}
    counts = Counter(lm.name for lm in local_mentions(text, ends, ends) if lm.level == "street")
    if len(counts) != 1:
        return None
    name, n = counts.most_common(1)[0]
    return SubjectPlace(None, name, "street") if n >= 2 else None


# the replying body is a street's or town's own government: 林荫街道办事处成立于…
_OWN_GOVERNMENT = re.compile(r"办事处|人民政府|党工委|党委")


def local_government(text: str, gaz: Gazetteer) -> SubjectPlace | None:
    """The street or town whose own government the text names most often (at least twice)."""
    counts = Counter(lm.name for lm in local_mentions(text, {a.end for a in admin_mentions(text, None, gaz)})
                     if lm.level == "street" and _OWN_GOVERNMENT.match(text, lm.end))
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return SubjectPlace(None, name, "street") if n >= 2 else None


def _settle(found: SubjectPlace, level: str | None, gaz: Gazetteer, reply: bool) -> SubjectPlace:
    """A headline or issuer place above or below the level the document calls its own moves to
    that level: a reply about 仁和区 that speaks of 我市 is the city's reply."""
    if not reply or found.local or found.code is None or level is None or level == "street":
        return found
    if _RANK.get(gaz.by_code[found.code].level, 9) > _RANK[level]:
        up = _lift(gaz, found.code, level)
        if up:
            return SubjectPlace(up)
    return found
