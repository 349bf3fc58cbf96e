"""Extraction step: places.

Three kinds of mention:

* administrative units from the gazetteer (province / city / county level, 6-digit adcode), found
  by one Aho–Corasick pass; short aliases are accepted only where such documents use them;
* units below the county (街道, 镇, 乡, 社区, 村) and development zones, by suffix rules with a
  left boundary taken from the text (a preposition, punctuation, or a preceding place);
* self references (我市, 本区, 全市) that stand for the subject place or one of its ancestors.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from loaders.extract.context import Context
from loaders.extract.gazetteer import ETHNIC, ETHNIC_GROUPS, Gazetteer, load_gazetteer, short_name
from loaders.extract.text_utils import (
    finditer_at,
    finditer_in_runs,
    in_idiom,
    is_cjk,
    is_common_word,
    is_verbal,
    lexicon_entry,
    looks_like_proper_name,
    match_opening,
    sentence_bounds,
    stop_before,
    stop_positions,
)
from loaders.extract.townships import township_county, township_in, townships_in
from loaders.record import Mention, PlaceRec

__all__ = [
    "AdminMention",
    "LocalMention",
    "admin_mentions",
    "extract_places",
    "is_boundary_direction",
    "local_level",
    "local_mentions",
    "self_mentions",
]


@dataclass(frozen=True)
class AdminMention:
    start: int
    end: int
    as_written: str
    code: str
    # the units written in front and merged into this mention (长沙市 of 长沙市望城区), outermost first
    heads: tuple[AdminMention, ...] = ()


@dataclass(frozen=True)
class LocalMention:
    start: int
    end: int
    as_written: str
    name: str
    level: str           # street | community | other


# ------------------------------------------------------------------ administrative units
# (乡镇 and 镇街 after a district are its towns and streets, no name: 某区乡镇街道社工站实现全覆盖)
_LOCAL_SUFFIX_AFTER = re.compile(r"^(?:社区|街道|街|路|[东西南北中]路|[东西南北中]?大街|镇(?!街)|乡(?!镇)|村|小区|大道|广场|书房|公园|花园|大桥|中学|小学|大学|"
                                 r"日报|晚报|频道|门户|网(?!格)|要闻|新闻|发布|电视台|广播)")
# an alias followed by one or two more characters and a local suffix names a local unit (金华园社区)
_LOCAL_NAME_AFTER = re.compile(r"(?!乡镇|镇街)[\u4e00-\u9fff]{1,2}(?:社区|小区|街道|村)")
# ... unless two characters stand between: then the unit is written before a unit of its own, named by its
# short form (定海城西社区, 宿迁项里社区 — a county or city, then a community named after it), as long as the
# two read as a name (not 湖北城市社区: 城市 is no community's name)
_UNIT_NAME_AFTER = re.compile(r"([\u4e00-\u9fff]{2})(?:社区|街道|村)")
_ALIAS_BEFORE = ("赴", "到", "去", "在", "至", "往", "与", "和", "及", "、", "如", "借鉴", "学习", "考察", "前往",
                 "对标", "推广", "引进", "复制")
_ALIAS_AFTER = re.compile(r"^(?:、|，|等地|等城市|等省|经验|模式|做法|的先进|先进|考察|学习|市|省)")


def _resolve(gaz: Gazetteer, codes: tuple[str, ...], within: str | None,
             subject: str | None) -> str | None:
    """Pick the unit a name denotes: inside the preceding unit, else near the subject; a unit as it is
    now before one a change replaced (那曲 → 那曲市, not 那曲地区), which older documents name."""
    if len(codes) > 1 and not gaz.replaced.isdisjoint(codes):
        current = tuple(c for c in codes if c not in gaz.replaced)
        if current:
            return _resolve_among(gaz, current, within, subject) or _resolve_among(gaz, codes, within, subject)
    return _resolve_among(gaz, codes, within, subject)


def _resolve_among(gaz: Gazetteer, codes: tuple[str, ...], within: str | None,
                   subject: str | None) -> str | None:
    if within:
        return next((c for c in codes if gaz.is_within(c, within)), None)
    if subject:
        # (the first of ``codes``, in their order, at or inside the nearest ancestor of the subject that holds one)
        for anc in gaz.chain(subject):
            for c in codes:
                if c == anc.adcode or gaz.is_within(c, anc.adcode):
                    return c
    order = {"province": 0, "city": 1, "county_city": 2, "county": 3, "district": 4}
    return min(codes, key=lambda c: order[gaz.by_code[c].level])


def _unit_name_after(text: str, pos: int) -> bool:
    """Do two characters that read as a local unit's name follow ``pos``, then its suffix (城西社区)?"""
    m = _UNIT_NAME_AFTER.match(text, pos)
    return m is not None and not _GENERIC.search(m[1]) and _chained_name_ok(m[1])


def _near_subject(gaz: Gazetteer, code: str, subject: str | None) -> bool:
    if not subject:
        return False
    prov = gaz.by_code[subject].province
    return gaz.by_code[code].province == prov


def _child_follows(gaz: Gazetteer, text: str, pos: int, code: str) -> bool:
    """Is ``pos`` followed at once by the name of a unit inside ``code`` (山东 + 武城)?"""
    for hit in gaz.scan(text[pos:pos + 12]):
        return hit.start == 0 and any(gaz.is_within(c, code) for c in hit.codes)
    return False


_LOCAL_UNIT_AFTER = re.compile(r"^(?:街道|镇(?!村|街)|乡(?!村|镇))")
# a mountain range written with a unit's short form (吕梁山深处, 长白山脚下, 贺兰山区): the range and where it lies
_MOUNTAIN_AFTER = re.compile(r"山(?:深处|腹地|区|脉|脚|麓|下|间|里|上|中(?![心学队]))")
# the items of a list of counties (与三江、龙胜、黎平等县签订…): each a county-level short form
_COUNTY_LIST_AFTER = re.compile(r"(?:、[\u4e00-\u9fff]{2,4}?)*等[0-9一二三四五六七八九十]*个?(?:县|区|旗)(?![域别分间块位划级])")


_STUDY_BEFORE = ("学习", "借鉴", "考察", "赴", "前往")


def _county_alias_ok(gaz: Gazetteer, hit, code: str, subject: str | None, text: str) -> bool:
    """A county-level short form (溧阳 for 溧阳市) alone counts inside the subject's own city, when
    only one unit there has it, it is no ordinary word, and a preposition or list puts it as a
    place (在溧阳率先…, 赴溧阳, 溧阳、金坛等地) or a community of its own follows by name (定海城西社区)."""
    subj_city = gaz.city_of(subject) if subject else None
    if len(hit.codes) == 1 and len(hit.surface) >= 3 and not is_common_word(hit.surface, 20) \
            and text[max(0, hit.start - 2):hit.start].endswith(_STUDY_BEFORE):
        return True  # 学习龙泉驿…经验: a study trip's target, the one unit of the country with that short form
    if not subj_city or not gaz.is_within(code, subj_city.adcode) or is_common_word(hit.surface, 20):
        return False
    if [c for c in hit.codes if gaz.is_within(c, subj_city.adcode)] != [code]:
        return False
    # (the pattern opens with ^, which a match from a position other than 0 never meets: read a slice)
    # …or a unit of its own follows by name (已有定海城西社区、普陀夏新社区: the first item as the second)
    return text[max(0, hit.start - 2):hit.start].endswith(_ALIAS_BEFORE) or bool(_ALIAS_AFTER.match(text[hit.end:hit.end + 4])) \
        or _unit_name_after(text, hit.end)


def _short_county_ok(gaz: Gazetteer, hit, code: str, subject: str | None, text: str) -> bool:
    """A county of a two-character full name (理县, 漳县) counts alone inside the subject's city, written
    after a stop (…，理县“…”机制): no ordinary word, and no hanzi before it to make one (管理县级…)."""
    if len(hit.surface) != 2 or not gaz.by_code[code].is_county_level or is_common_word(hit.surface, 20) \
            or (hit.start > 0 and is_cjk(text[hit.start - 1])):
        return False
    if hit.codes == (code,) and (hit.start == 0 or text[hit.start - 1] == "\n") \
            and (_HEAD_COLON.match(text, hit.end) or _STREET_AFTER.match(text, hit.end) or text.startswith("“", hit.end)):
        return True  # 富县：…, 富县某街道：…, 礼县“…”: the one county of that name heading a headline
    if hit.codes == (code,) and _COUNTY_BODY_AFTER.match(text, hit.end):
        return True  # 富县政协视察…, …，富县人大常委会: the one county of that name, whose body acts
    subj_city = gaz.city_of(subject) if subject else None
    return subj_city is not None and gaz.is_within(code, subj_city.adcode) \
        and [c for c in hit.codes if gaz.is_within(c, subj_city.adcode)] == [code]


# a county's own party committee, government, congress or CPPCC, written straight after its name (富县政协)
_COUNTY_BODY_AFTER = re.compile(r"(?:委(?!员)|人民政府|政府|人大|政协)")
# a street's or town's name and its suffix written straight after a district (二七区京广路街道…)
# the colon after a headline's head (鼓楼区：…)
_HEAD_COLON = re.compile(r"[ \t]*[:：]")
_STREET_AFTER = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:街道|镇(?!村)|乡(?!村))")


# a community written straight after a district (某某区某某社区): its name, shortest first (not a 大社区, the service
# area of a centre over several villages, which names no unit)
# what follows a people's name in a list of peoples (东乡族, 东乡、保安等民族)
_PEOPLES_AROUND = re.compile(r"族|[、和与及][\u4e00-\u9fff、和与及]{0,12}?(?:族|民族)|等[^，。,；;\n]{0,6}?民族")
_COMMUNITY_AFTER = re.compile(r"[\u4e00-\u9fff]{1,6}?(?<!大)(?:社区|村)")


def _district_alone_ok(gaz: Gazetteer, hit, code: str, subject: str | None, text: str = "") -> bool:
    subj_city = gaz.city_of(subject) if subject else None
    if subj_city and gaz.is_within(code, subj_city.adcode):
        return True
    if subject and gaz.by_code[subject].province != gaz.by_code[code].province:
        return False  # a district of another province is written with its city (北京市西城区)
    # a name may be a phrase too (老城区, 市中区) or open with a common word (老城), unless one of its
    # streets or towns follows by name (二七区京广路街道: 二七 is a numeral, the district a unit)
    if (is_common_word(hit.surface, 20) or is_common_word(hit.surface[:-1], 100)) \
            and not ((_STREET_AFTER.match(text, hit.end) or _HEAD_COLON.match(text, hit.end)
                      or _COMMUNITY_AFTER.match(text, hit.end) or _acts_as_unit(text, hit.surface))
                     and not is_common_word(hit.surface, 20)):
        return False  # (鼓楼区：… heading a headline is the district, as 鼓楼区某街道 is)
    districts = [c for c in hit.codes if gaz.by_code[c].level == "district"]
    if subject:
        prov = gaz.by_code[subject].province
        if [c for c in districts if gaz.by_code[c].province == prov] == [code]:
            return True
    return districts == [code]


# what a district does as the subject of a clause (某区始终坚持…, 某区通过…): the work of a unit, not a phrase's
_UNIT_ACTS = re.compile(r"(?:始终|坚持|通过|积极|着力|持续|聚焦|围绕|立足|创新|探索|推行|推进|推动|打造|构建|深化|全面|大力)")
_CLAUSE_EDGE = "\n，,。；;：:"


@lru_cache(maxsize=16)
def _acts_as_unit(text: str, name: str) -> bool:
    """Is the district written alone ``name`` at least twice the subject of a clause that tells its work (大观区通过…，
    …。大观区始终…)? Then its name is no phrase (大观, 老城), the text speaks of the district. (Asked once per
    text and name: a text that writes the name many times is read through once.)"""
    acting = 0
    pos = text.find(name)
    while pos >= 0 and acting < 2:
        end = pos + len(name)
        if (pos == 0 or text[pos - 1] in _CLAUSE_EDGE or text[pos - 1].isspace()) and _UNIT_ACTS.match(text, end):
            acting += 1
        pos = text.find(name, end)
    return acting >= 2


_ADMIN_CACHE: dict[tuple[int, str, str | None], tuple[AdminMention, ...]] = {}


def admin_mentions(text: str, subject: str | None = None,
                   gaz: Gazetteer | None = None) -> list[AdminMention]:
    """Administrative-unit mentions, adjacent names merged (长沙市望城区 → one mention of 望城区).

    Several steps ask for the same text and subject; the result is kept for the last few texts."""
    gaz = gaz or load_gazetteer()
    if len(text) < 64:
        return _admin_mentions(text, subject, gaz)
    key = (id(gaz), text, subject)
    hit = _ADMIN_CACHE.get(key)
    if hit is None:
        if len(_ADMIN_CACHE) > 16:
            _ADMIN_CACHE.clear()
        hit = _ADMIN_CACHE[key] = tuple(_admin_mentions(text, subject, gaz))
    return list(hit)


def _shared_level_char(gaz: Gazetteer, text: str, end: int, code: str) -> tuple[str, int] | None:
    """(code, end) of a district of ``code`` whose name opens with the level char the city's name ends
    with, written once for both (青岛市南区 is 青岛市 + 市南区, 济南市中区 is 济南市 + 市中区), or None."""
    if text[end - 1:end] != "市" or not is_cjk(text[end:end + 1]):
        return None
    for hit in gaz.scan(text[end - 1:end + 5]):
        if hit.start == 0 and not hit.is_alias:
            found = [c for c in hit.codes if gaz.by_code[c].level == "district" and gaz.by_code[c].parent == code]
            if len(found) == 1:
                return found[0], end - 1 + hit.end
        break
    return None


# a street or town written straight after a district (铁西区英雄街道): its name, shortest first
_STREET_AFTER = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:街道|镇|乡)")


def _own_street_stem(gaz: Gazetteer, county_hit, stem: str) -> bool:
    """Is ``stem`` the name of a street or town of the one county-level unit ``county_hit`` names (its 街道/镇/乡
    left off: 榕城中山 → 榕城区中山街道)?"""
    codes = [c for c in county_hit.codes if gaz.by_code[c].is_county_level]
    return len(codes) == 1 and any(stem + suffix in townships_in(codes[0]) for suffix in ("街道", "镇", "乡"))


def _district_by_street(gaz: Gazetteer, hit, text: str) -> str | None:
    """The one of the districts or counties several cities have, written in full (铁西区), whose street or town of the
    name written straight after it the township table holds (英雄街道: 四平市铁西区's), or None."""
    if hit.is_alias or len(hit.codes) < 2 or len(hit.surface) < 3 \
            or not all(gaz.by_code[c].is_county_level for c in hit.codes):
        return None
    m = _STREET_AFTER.match(text, hit.end)
    if m is None:
        return None
    fits = {c for c in hit.codes if m.group() in townships_in(c)}
    return fits.pop() if len(fits) == 1 else None


def _admin_mentions(text: str, subject: str | None, gaz: Gazetteer) -> list[AdminMention]:
    out: list[AdminMention] = []
    prev: AdminMention | None = None
    prev_codes: tuple[str, ...] = ()
    skip_to = 0
    named_in_full: set[str] = set()  # districts the text has written after their city
    last_hit = None
    for hit in gaz.scan(text):
        before, last_hit = last_hit, hit
        if hit.start < skip_to:
            continue  # inside a district merged with the city before it (青岛市南区)
        if hit.is_alias and before is not None and before.end == hit.start and _own_street_stem(gaz, before, hit.surface):
            continue  # 榕城中山：… — the county's 中山街道 named by its stem after the county's short form, not the city 中山
        within = prev.code if prev is not None and prev.end == hit.start else None
        code = _resolve(gaz, hit.codes, within, subject)
        if code is None and within is not None and prev is not None and not prev.heads:
            # 吉林梅河口: the name before is the one of its readings that holds this unit (吉林省, not 吉林市)
            alt = next((a for a in prev_codes if a != within and _resolve(gaz, hit.codes, a, subject)), None)
            if alt is not None:
                prev = out[-1] = AdminMention(prev.start, prev.end, prev.as_written, alt)
                within, code = alt, _resolve(gaz, hit.codes, alt, subject)
        if within is None and len(hit.surface) > 2:
            again = [c for c in hit.codes if c in named_in_full]
            if len(again) == 1:
                code = again[0]  # 南京市鼓楼区…在鼓楼区: the 鼓楼区 the text wrote after its city
        street_code = _district_by_street(gaz, hit, text) if within is None else None
        by_street = street_code is not None
        code = street_code or code
        # (铁西区英雄街道: the 铁西区 that has a 英雄街道, named by the street as a city in front would name it)
        if code is None:
            if within is None:
                continue
            code = _resolve(gaz, hit.codes, None, subject)  # adjacent but unrelated
            within = None
            if code is None:
                continue
        place = gaz.by_code[code]
        after = text[hit.end:hit.end + 4]
        if hit.is_alias:
            if within is None and in_idiom(text, hit.start, hit.end):
                continue  # 长治久安, 大同小异: a short form inside an idiom is no place
            if within is None and hit.surface in ETHNIC_GROUPS and _PEOPLES_AROUND.match(text, hit.end, hit.end + 16):
                continue  # 汉、回、东乡、保安等多个民族: a people (东乡族自治县 is written 东乡 too), no place
            if within is None and is_boundary_direction(hit.surface):
                continue  # 南至某大街，东至某路: a boundary's direction (the county 东至 is written 东至县 or after 池州)
            if within is None and _MOUNTAIN_AFTER.match(text, hit.end):
                continue  # 地处吕梁山深处: a mountain range named like the city (吕梁山, 长白山, 贺兰山), no place
            if (_LOCAL_SUFFIX_AFTER.match(after) and not (within is not None and place.is_county_level
                                                          and after.startswith("社区"))
                    and not _city_community_work(gaz, hit.codes, text, hit.end))\
                    or (_LOCAL_NAME_AFTER.match(text, hit.end)
                                                    and not is_common_word(text[hit.end:hit.end + 2])
                                                    and not _child_follows(gaz, text, hit.end, code)
                                                    and not _unit_name_after(text, hit.end)):
                continue  # 江城社区, 中山路, 金华园社区: part of a local name
            listed = place.is_county_level and _COUNTY_LIST_AFTER.match(text, hit.end) is not None
            if place.is_county_level and within is None and not listed \
                    and not _county_alias_ok(gaz, hit, code, subject, text):
                continue  # 合作团队, 资源整合: county short forms need their parent in front
            if "、" in text[max(0, hit.start - 1):hit.end + 1] and any(
                    m.start(1) <= hit.start < m.end(1) for m in _local_lists(text)):
                continue  # 下设大庆、温馨…5个社区: a community of a listed set, not the city
            if within is None and not (listed or _near_subject(gaz, code, subject) or _child_follows(gaz, text, hit.end, code)
                                       or text[max(0, hit.start - 2):hit.start].endswith(_ALIAS_BEFORE)
                                       or _ALIAS_AFTER.match(after) or _ZONE_AFTER.match(text, hit.end)):
                continue
        elif place.is_county_level and within is None and _LOCAL_UNIT_AFTER.match(after):
            continue  # 新城区街道, 城关镇: a street or town of that name, not the district
        elif within is None and not by_street and (len(hit.surface) <= 2 or place.level == "district") \
                and (len(hit.surface) <= 2 or not _district_alone_ok(gaz, hit, code, subject, text)) \
                and not _short_county_ok(gaz, hit, code, subject, text) \
                and not (len(hit.surface) > 2 and code in named_in_full):
            # 城区/郊区 are words; district names repeat across cities (鼓楼区): a district named
            # alone needs its city in front unless it lies in the subject's city, is the only one
            # of that name in the subject's province, or the only one in the country (and its
            # name is not an ordinary word: 老城区, 市中区), or the text wrote it after its city
            # before (成都市成华区…在成华区二仙桥街道: that street is 成华区's)
            continue
        if within is not None and prev is not None:
            out.pop()
            own = prev.start + sum(len(h.as_written) for h in prev.heads)  # where prev's own unit starts
            last = AdminMention(own, hit.start, text[own:hit.start], prev.code)
            mention = AdminMention(prev.start, hit.end, text[prev.start:hit.end], code, (*prev.heads, last))
        else:
            mention = AdminMention(hit.start, hit.end, hit.surface, code)
        if place.level == "city":
            shared = _shared_level_char(gaz, text, hit.end, code)
            if shared is not None:  # 青岛市南区: the city and its 市南区 share one 市
                district, end = shared
                mention = AdminMention(mention.start, end, text[mention.start:end], district, (*mention.heads, mention))
                skip_to = end
        out.append(mention)
        if mention.heads and place.level == "district":
            named_in_full.add(code)
        prev, prev_codes = mention, hit.codes
    return out


# ------------------------------------------------------------------ units below the county
# (Inner Mongolia's 苏木 is a township and 嘎查 a village: 某某苏木某某嘎查)
# (Shanghai's communities are 居民区: 某某居民区, its 居民委员会's area)
_LOCAL_SUFFIX = re.compile(r"街道|社区|镇|乡|村|苏木|嘎查|开发区|经济区|高新区|经开区|新区|办事处|居民区")
_LEVEL_OF_SUFFIX = {"办事处": "street", "街道": "street", "镇": "street", "乡": "street", "苏木": "street", "社区": "community", "村": "community",
                    "嘎查": "community", "居民区": "community"}
_ALL_CJK = re.compile(r"[\u4e00-\u9fff]+")
_HARD_PREP = set("到在赴对向至于从由将把让经为是进像以据")  # (像某街道，…: like that street, an example; 以某街道为例; 据某街道…介绍)
_WEAK_PREP = set("和与及或的了")
_GENERIC = re.compile(
    r"[个等各全本我该每其此这那党委办的了着著过是省市县佳在到对向从把被将为往及由给不没他她你们式就]|人大|政协|政府|城市|城乡|城镇|农村|乡村|农|示范|试点|规范|智慧|和谐|文明|幸福|平安|美丽|新型|"
    r"相关|所在|辖区|居民|老旧|小区|街道|社区|乡镇|村|工作|服务|治理|建设|管理|基层|重点|特色|中心城|国家|"
    r"省级|市级|区级|县级|实验|创新|城关|周边|部分|少数|多数|一些|若干|边境|贫困|偏远|边远|\d")
# after a place written straight before, 农 opens a name (某街道农科社区, 某镇农场村) unless it is a word
# of farming itself (农村, 农业, 农民)
_CHAINED_GENERIC = re.compile(_GENERIC.pattern.replace("|农|", "|农(?=村|业|民|户|田|贸)|"))
# a name whose first character a mirror's pinyin gloss follows (農(nóng)科 before 社區), up to the suffix
_GLOSSED_NAME = re.compile(r"([\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)([\u4e00-\u9fff]{1,4})$")
_LIST_LOCAL = re.compile(r"((?:[\u4e00-\u9fff]{2,5}、)+(?:(?!等)[\u4e00-\u9fff]){2,5})"
                         r"(?:等(\d*)个?|(\d+)个)(?:城市|农村|城乡|新型)?(社区|村|街道|镇)")
# every _LIST_LOCAL match holds 、 and 等 or 个 and lies inside one run of these characters
_LIST_LOCAL_KEY = re.compile("[等个]")
_LIST_LOCAL_KEYS = "等个"  # (the same key as single characters: found by one table pass)
# what every match holds right after its 等 or 个: the count's end and the suffix (等5个社区, 个城市社区)
_LIST_LOCAL_TAIL = re.compile(r"\d*个?(?:城市|农村|城乡|新型)?(?:社区|村|街道|镇)")
_LIST_LOCAL_RUN = re.compile(r"[\u4e00-\u9fff、\d]*")
# list items are parted by 、 and, before the last one, by 和/及 (大庆、温馨、海馨、依林和金裕5个社区)
_LIST_SEP = re.compile(r"、|(?<=[\u4e00-\u9fff]{2})[和及](?=[\u4e00-\u9fff]{2}$)")


# verbs that set up units (新建社区, 增设社区居委会, 某街道新建社区事项), which the dictionary may know as a
# place (新建 is a district of 南昌): before 社区/村/街道 they name no unit
_SETUP_VERBS = ("新建", "增设", "新设", "组建", "筹建")
_CHAIN_VERBAL = frozenset({"v", "vd", "d", "ad", "p", "c"})
# a road's name before 社区/街道 (幸福路社区, 解放路街道, 平安大街社区): a proper name whatever words it is
# made of, as long as no function word stands in it and it is no ordinary noun (道路, 思路, 公路)
_ROAD_NAME = re.compile(r"(?P<head>[\u4e00-\u9fff]{1,4}?)(?:大街|大道|路|街|巷)")
_ROAD_ENDS = ("路", "街", "巷", "大道")
_NOT_IN_ROAD = re.compile(r"[的了着著过是在到对向从把被将为往及由给不没他她你们就个等各全本我该每其此这那]")


# a road the dictionary knows by name (学院路, 中山路): two or more characters before 路/街, none of them
# a word for a road's kind or a course (公路, 马路, 思路, 老路)
_DICT_ROAD = re.compile(r"(?![公马道大小老新思出门线])[\u4e00-\u9fff]{2,3}[路街]")


def _road_name(name: str) -> bool:
    m = _ROAD_NAME.fullmatch(name)
    if m is None or _NOT_IN_ROAD.search(m["head"]) or (is_common_word(name) and not _DICT_ROAD.fullmatch(name)):
        return False
    # 中山路 and 山路: a name; 理清思路, 修建道路: a verb and a noun; a date names roads too (五四路, 五一路, 八一路)
    return not (len(name) > 2 and is_common_word(name[-2:]) and is_verbal(name[:-2])
                and not _DATE_NAME.fullmatch(name[:-1]))


_DATE_NAME = re.compile(r"[一二三四五六七八九十]{2,3}")


def _conjunction_at(name: str) -> bool:
    """Whether the name's first character is 和/与/及 … joining it to what stands before, rather than
    the first character of a word (和谐路, 和平街道)."""
    if name[0] not in _WEAK_PREP:
        return False
    entry = lexicon_entry(name[:2])
    return entry is None or entry[0] < 50 or entry[1] in ("c", "p")


_PROPER = ("nr", "ns", "nz")  # the dictionary's tags of names of people, places and other proper names


def _generic_in_chained(name: str) -> bool:
    """Whether a word of a generic description stands in a name written straight after a place. A
    preposition opening a proper name of the dictionary (向阳, 向东: 某街道向阳社区) is part of the name."""
    m = _CHAINED_GENERIC.search(name)
    if m is not None and m.end() == 1 and len(name) >= 2:
        entry = lexicon_entry(name[:2])
        if entry is not None and entry[1] in _PROPER and entry[0] >= 50:
            m = _CHAINED_GENERIC.search(name, 2)
    return m is not None


def _chained_name_ok(name: str, roads: bool = False) -> bool:
    """A name written straight after a place (雷锋 in 望城区雷锋街道, 胜利 in 利通区胜利镇): an ordinary
    noun or adjective is fine there, a verb phrase is not (武汉市积极推进社区, 某市大力发展社区); with
    ``roads`` (before 社区/街道), so is a road's name (七里墩街道和谐路社区)."""
    if _conjunction_at(name):
        return False  # 宜昌路社区与宜昌路社区: 与 joins two names
    if roads and _road_name(name):
        return True
    if _CITY_QUARTER.fullmatch(name):
        return True  # 滨城区市西街道, 市中街道: the quarter of the town, not 市 the level; 某县城关镇: the county seat
    if not _ALL_CJK.fullmatch(name) or _generic_in_chained(name) or name[0] == "第" or "届" in name \
            or name.endswith(_SETUP_VERBS):
        return False
    for part in {name[:2], name[-2:], name}:
        entry = lexicon_entry(part)
        if entry is not None and entry[1] in _CHAIN_VERBAL and entry[0] >= 50:
            return False
    if len(name) >= 4 and all(_verbal_noun(half) for half in (name[:2], name[2:4])):
        return False  # 安庆市培育发展社区社会组织, 某市调整优化城乡“…”: two verbs, 培育 and 发展
    if len(name) == 4 and _verbal_noun(name[:2]) and _frequent_word(name[2:]):
        return False  # 某区检查指导社区建设: a verb and the work it does, 检查 and 指导
    if _INSPECTION.fullmatch(name):
        return False  # 到某区督导社区建设工作, 某区调研社区治理: what the visitors do there, no name
    return not _RESULTATIVE.fullmatch(name[:2]) and not name.endswith(_AGENCY_ENDS)


_ZONE_AFTER = re.compile(r"经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区")

# a park named for its city (某某现代物流园, 某某软件产业园): no administrative unit of its own, and no place listed either
# (not a park district, 某某工业园区, which some cities make a unit of their own)
_PARK_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:物流园|产业园|工业园|科技园|创业园)(?!区)")


def zone_mentions(text: str, admins: list[AdminMention], gaz: Gazetteer) -> list[tuple[AdminMention, int]]:
    """Development zones named for their city or county (内江经开区, 桐乡经济开发区): each as the unit it
    is named for and the end of the zone's name."""
    return [(a, m.end()) for a in admins if gaz.by_code[a.code].level != "province"
            and (m := _ZONE_AFTER.match(text, a.end))]
# verbs whose object is a place (推广文亭巷社区的做法, 走访新河社区, 指导某社区完成…): the name starts after them
_PLACE_VERB = re.compile(r"推广|走访|走进|深入|来到|调研|考察|查看|察看|慰问|入驻|联系|包联|结对|对接|帮扶|指导|协助|例如|比如|诸如|譬如")
_SELF_UNIT = re.compile(r"该[县区市旗]")  # 该县楚侯乡: the name starts after the unit pointed back at
# the verbs of an official's visit to a place (督导, 检查指导, 调研): never a name, one or two of them written together
_INSPECTION = re.compile(r"(?:调研|考察|视察|检查|督导|督查|督办|指导|巡查|巡视|暗访|蹲点|走访|慰问|观摩|调度){1,2}")
_CITY_QUARTER = re.compile(r"市[东西南北中]|城关")  # (城关: a county seat's own town or street, 某县城关镇)
# words that name communities as often as they describe them (幸福社区, 和谐社区): a name only where a
# street or town is written straight before
_NAMING_WORD = re.compile(r"(?:幸福|和谐|文明|平安|美丽|光明)[\u4e00-\u9fff]?")
# a community named for its housing estate, two characters and the estate's word (安居苑, 和平里, 富康园): after its
# street or town a name even where the two characters are a verb (安居)
_ESTATE_NAME = re.compile(r"[\u4e00-\u9fff]{2}[苑园里坊庄湾]")
_AGENCY_ENDS = ("局", "厅", "署")  # 铜陵市民政局社区办: an agency's office, not a community


def _frequent_word(word: str) -> bool:
    """An ordinary word of the dictionary, as frequent as the words of officials' work (指导, 服务)."""
    entry = lexicon_entry(word)
    return entry is not None and entry[0] >= 1000 and entry[1] in ("v", "vn", "n")


def _verbal_noun(word: str) -> bool:
    entry = lexicon_entry(word)
    return entry is not None and entry[0] >= 50 and entry[1] in ("v", "vn", "vd")


def _local_lists(text: str) -> list[re.Match[str]]:
    """``A、B、C等N个社区`` lists of local units (kept for the last few texts: several steps ask)."""
    found = _LISTS.get(text)
    if found is None:
        if len(_LISTS) > 16:
            _LISTS.clear()
        found = _LISTS[text] = list(finditer_in_runs(_LIST_LOCAL, text, _LIST_LOCAL_KEYS, _LIST_LOCAL_RUN, "、",
                                                     _LIST_LOCAL_TAIL))
    return found


_LISTS: dict[str, list[re.Match[str]]] = {}


def _list_items(m: re.Match[str]) -> list[tuple[int, str]]:
    """(offset, item) of each name in a local list match."""
    items, pos, body = [], m.start(1), m.group(1)
    last = 0
    for sep in _LIST_SEP.finditer(body):
        items.append((pos + last, body[last:sep.start()]))
        last = sep.end()
    items.append((pos + last, body[last:]))
    return items


# the names before a unit's suffix that share it, each closed by 、 (某街道河清、桃源、沁城社区)
_SHARED_ITEMS = re.compile(r"(?:[\u4e00-\u9fff]{2,4}、){1,8}")


def _shared_suffix_items(text: str, found: list[LocalMention], street_ends: set[int]) -> list[LocalMention]:
    """Communities or villages listed after their street or town with one suffix for all (某街道河清、桃源、
    沁城社区): the list opens where the street ends, each item reads as a name, and the last is found."""
    out = []
    for lm in found:
        if lm.level != "community" or text[lm.start - 1:lm.start] != "、":
            continue
        suffix = next((suf for suf in ("社区", "嘎查", "村") if lm.name.endswith(suf)), None)
        opens = [e for e in street_ends if lm.start - 45 <= e < lm.start - 2]
        m = next((m for e in sorted(opens, reverse=True)
                  if (m := _SHARED_ITEMS.fullmatch(text, e, lm.start)) is not None), None)
        if m is None or suffix is None:
            continue
        pos, cand = m.start(), []
        for item in m.group().split("、")[:-1]:
            if _GENERIC.search(item) or item.endswith(tuple(_LEVEL_OF_SUFFIX)) or not _chained_name_ok(item):
                cand = []
                break
            cand.append(LocalMention(pos, pos + len(item), item, item + suffix, "community"))
            pos += len(item) + 1
        out.extend(cand)
    return out


# a community listed after another one found (某社区、建设社区和环保社区), its name an ordinary word: the item and where
# the list goes on
_NEXT_COMMUNITY = re.compile(r"[、和及与]([\u4e00-\u9fff]{2,4}?)社区(?=[、和及与，,。；;：:的]|党委|党总支|党支部|居委会|居民委员会)")
# a street whose name is an ordinary word, written at a clause's start before one of its communities (；民意街道的某社区)
_STREET_BEFORE_OWN = re.compile(r"([\u4e00-\u9fff]{2,4}?)街道的$")
_CLAUSE_OPEN = "，,。；;：:、\n"


def _listed_with_found(text: str, found: list[LocalMention]) -> list[LocalMention]:
    """Communities listed with one found (北湖街道的正街社区、建设社区和环保社区; 万年社区、武胜社区) and the street a
    community of the list is written under at a clause's start (；民意街道的天仁社区): names that are ordinary words
    (建设, 万年, 民意) count in a list of places as they do after a place (seed 001's 雷锋路、高塘岭 …)."""
    out: dict[int, LocalMention] = {}
    starts = {lm.start for lm in found}
    ends = {lm.end for lm in found}  # (an item found already, its name read from another start: 协助凤凰社区)

    def listed(name: str) -> bool:
        return bool(_ALL_CJK.fullmatch(name)) and name[0] not in _HARD_PREP and not _DESCRIPTIVE.search(name)

    for lm in found:
        if lm.level != "community" or not lm.name.endswith("社区"):
            continue
        items = [lm]
        before = _PREV_COMMUNITY.search(text, max(0, lm.start - 8), lm.start)
        if before and before.start(1) not in starts and before.end(1) + 2 not in ends and listed(before.group(1)):
            name = before.group(1) + "社区"
            items.insert(0, LocalMention(before.start(1), before.end(1) + 2, name, name, "community"))
        end = lm.end
        while (m := _NEXT_COMMUNITY.match(text, end)) and m.start(1) not in starts and m.end() not in ends \
                and listed(m.group(1)):
            items.append(LocalMention(m.start(1), m.end(), m.group(1) + "社区", m.group(1) + "社区", "community"))
            end = m.end()
        out.update((it.start, it) for it in items if it is not lm)
        street = _STREET_BEFORE_OWN.search(text, max(0, items[0].start - 7), items[0].start)
        if street and (street.start(1) == 0 or text[street.start(1) - 1] in _CLAUSE_OPEN) \
                and street.start(1) not in starts and not _GENERIC.search(street.group(1)):
            name = street.group(1) + "街道"
            out[street.start(1)] = LocalMention(street.start(1), street.end(1) + 2, name, name, "street")
    return list(out.values())


# the community listed straight before one found (…的万年社区、武胜社区), after 的 or a clause's start
_PREV_COMMUNITY = re.compile(r"(?:(?<=的)|(?<=[、，,。；;：:\n]))([\u4e00-\u9fff]{2,4}?)社区[、和及与]$")


# what a community's name never is, even listed with others: the whole of communities or a kind of them
_DESCRIPTIVE = re.compile(r"[各全本我该每其此这那个等所]|城市|城乡|农村|新型|示范|试点|相关|辖区|周边|其他|老旧")


def _local_name_start(text: str, suffix_start: int, taken_ends: set[int],
                      chain_ends: set[int] = frozenset(), free_ends: set[int] = frozenset(),
                      roads: bool = False, street_ends: set[int] = frozenset()) -> int | None:
    """Start of the proper name in front of a place suffix, or None if there is none; ``roads``: the
    suffix may follow a road's name (社区, 街道); ``street_ends``: where a street or town ends, after
    which a community's name may be one of the words communities are named for (西河街道幸福社区)."""
    # right after a place below the province: the name is what lies between, up to six characters
    # (the places ending 2–6 characters before the suffix, looked for one by one only if there is one)
    near = () if chain_ends.isdisjoint(range(max(0, suffix_start - 6), suffix_start - 1)) else range(2, 7)
    for length in near:
        s = suffix_start - length
        if s in chain_ends and s >= 0:
            name = text[s:suffix_start]
            cut = _verbs_before_name(name)
            if cut and (_chained_name_ok(name[cut:], roads) or looks_like_proper_name(name[cut:])):
                return s + cut  # 某街道指导红星社区, 某区总结推广某街道: the visit's or the spread's verb, then the name
            if _chained_name_ok(name, roads) or (s in free_ends and _ALL_CJK.fullmatch(name)
                                                 and not _GENERIC.search(name)) \
                    or (s in street_ends and (_NAMING_WORD.fullmatch(name)
                                              or (_ESTATE_NAME.fullmatch(name) and not _GENERIC.search(name)))):
                return s
            break
    # the rules read only the five characters before the suffix: their verdict is kept per window
    window = text[max(0, suffix_start - 5):suffix_start]
    rules = _NAME_RULES.get((window, roads))
    if rules is None:
        if len(_NAME_RULES) > 200_000:
            _NAME_RULES.clear()
        rules = _NAME_RULES[window, roads] = _name_start_rules(window, roads)
    for length, always in rules:
        s = suffix_start - length
        if always or s in taken_ends:
            return s
    return None


_NAME_RULES: dict[tuple[str, bool], tuple[tuple[int, bool], ...]] = {}


# what is written before a verb of :data:`_PLACE_VERB` (总结推广, 复制推广, 深入走访), which the dictionary tags as no verb
_BEFORE_PLACE_VERB = frozenset(("总结", "复制", "借鉴", "宣传", "全面", "大力", "积极", "广泛", "专题", "实地", "定期"))


# (after a place, 成立 too: 某街道成立红星社区“…”, the community it set up)
_VERB_AFTER_PLACE = re.compile(_PLACE_VERB.pattern + "|成立")


def _verbs_before_name(name: str) -> int:
    """Where a name written after a place starts past the verbs before it (指导红星 → 2, 总结推广东湖 → 4): the
    end of a verb whose object is a place (:data:`_PLACE_VERB`), with only verbs before it and two characters or
    more after it; 0 where the name opens with none."""
    for m in _VERB_AFTER_PLACE.finditer(name, 0, 4):
        if len(name) - m.end() >= 2 and all(is_verbal(w := name[k:k + 2]) or _verbal_noun(w) or w in _BEFORE_PLACE_VERB for k in range(0, m.start(), 2)) \
                and m.start() % 2 == 0:
            return m.end()
    return 0

def _named_by_what_follows(text: str, suffix_start: int, suffix_end: int, chain_ends: set[int]) -> int | None:
    """Start of a street's or town's name written straight after a place that reads like a verb
    (跃进, 解放, 前进 in 某区前进街道新华社区): the name counts when one of its communities or villages
    follows by name, as a verb before 街道 (推进街道社区治理, 加强街道党工委建设) is not followed."""
    tail = _UNIT_TAIL.match(text, suffix_end)
    if tail is None or not _chained_name_ok(tail.group(1), True):
        return None
    for length in range(2, 5):
        s = suffix_start - length
        if s in chain_ends and s >= 0:
            name = text[s:suffix_start]
            ok = _ALL_CJK.fullmatch(name) and not _GENERIC.search(name) and not _conjunction_at(name)
            return s if ok else None
    return None


# what follows a community's or village's name when it is the one that acts or is spoken of: its own organ,
# the clause going on (某街道解放社区党委…, 某街道建设社区，…), or the verb a sentence introducing the unit opens
# with (某街道奋斗社区位于…, …下辖…, …成立于…); not the work of communities (某街道建设社区服务中心)
_COMMUNITY_OWN_AFTER = re.compile(r"(?:党委|党总支|党支部|居委会|居民委员会|村委会|村民委员会|[，,。、；;：:]"
                                  r"|位于|地处|下辖|辖区面积|成立于|始建于|组建于|现有|共有|总面积)")
# (the characters its matches open with: most suffixes are followed by none of them, and a character test costs a
# tenth of a failed match)
_COMMUNITY_OWN_OPENS = match_opening(_COMMUNITY_OWN_AFTER)


def _verb_named_community(text: str, suffix_start: int, suffix_end: int, street_ends: set[int]) -> int | None:
    """Start of a community's or village's name that reads like a verb (解放, 建设, 前进: many are named so),
    written straight after its street or town and followed by the community's own organ or the clause's
    punctuation (某街道解放社区党委, 某镇前进村，…), as a verb before 社区 (某街道建设社区服务中心) is not."""
    if text[suffix_end:suffix_end + 1] not in _COMMUNITY_OWN_OPENS or not _COMMUNITY_OWN_AFTER.match(text, suffix_end):
        return None
    s = suffix_start - 2
    if s not in street_ends:
        return None
    name = text[s:suffix_start]
    entry = lexicon_entry(name)
    if _ALL_CJK.fullmatch(name) and not _GENERIC.search(name) and not _INSPECTION.fullmatch(name) \
            and not _ACTS_ON_UNITS.fullmatch(name) and entry is not None and entry[1] in ("v", "vn", "a", "ad"):
        return s
    return None


# what a street does to its communities as a whole (某街道完成社区居委会换届, 督促社区党委…, 组织村委会…): a verb
# whose object is the units, never a community's name
_ACTS_ON_UNITS = re.compile(r"完成|组织|推动|督促|帮助|要求|带领|引导|动员|支持|联合|召集|部署")


def _seat_town(text: str, name_end: int) -> bool:
    """Is 城关 written before a town's or street's suffix where a name starts (a line's start, punctuation, a
    preposition or a verb of going there: 。城关镇…, 走进城关街道)? A county seat's town or street is named so."""
    s = name_end - 2
    if s < 0 or text[s:name_end] != "城关":
        return False
    return s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in _HARD_PREP \
        or (s >= 2 and _PLACE_VERB.fullmatch(text, s - 2, s) is not None)


_NOUN_POS = ("n", "ns", "nz", "nr", "nt")
# a street's or town's own organ written after it (某街道党工委, 某街道办事处, 某镇党委, 某镇人民政府)
_STREET_ORGAN = re.compile(r"(?:党工委|党委|办事处|街道办|人民政府|政府|人大工委|纪工委)")


def _noun_named_unit(text: str, suffix_start: int, suffix_end: int) -> int | None:
    """Start of a street's or town's name that is an ordinary noun (天坛, 升平, 桃源), written where a name
    starts (a line's start, after punctuation or a preposition) and followed by one of its communities or
    villages by name (，升平镇某某社区通过…): many units are named for such words, and a noun before 街道
    that opens no unit (基层街道社区) is followed by no community's name."""
    tail = _UNIT_TAIL.match(text, suffix_end)
    if _STREET_ORGAN.match(text, suffix_end):
        pass  # 。桃源街道党工委、…: the street's own organ names it a unit as one of its communities would
    elif tail is None or _GENERIC.search(tail.group(1)) or not _chained_name_ok(tail.group(1), True) \
            or not looks_like_proper_name(tail.group(1)):
        return None
    for length in (2, 3):
        s = suffix_start - length
        before = text[s - 1:s] if s > 0 else "\n"
        if s < 0 or not (not is_cjk(before) or before in _HARD_PREP):
            continue
        name = text[s:suffix_start]
        entry = lexicon_entry(name)
        if _ALL_CJK.fullmatch(name) and not _GENERIC.search(name) and not _is_verb(name[:2]) \
                and entry is not None and entry[1] in _NOUN_POS:
            return s
    return None


# a community or village written on after a street or town: its name, then the suffix
_UNIT_TAIL = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:社区|村)(?![民委])")


def _town_before_its_unit(text: str, suffix_start: int, suffix_end: int) -> bool:
    """A town whose name ends in 城 (某城镇), written where a name starts (a headline's or line's start,
    after punctuation) and followed by one of its communities or villages by name (某城镇某某社区:), is
    that town, not the word 城镇."""
    start = suffix_start - 2
    if start < 0 or is_cjk(text[start - 1:start]) or not is_cjk(text[start]) \
            or is_common_word(text[start:suffix_end], 20) or _GENERIC.search(text[start]):
        return False
    tail = _UNIT_TAIL.match(text, suffix_end)
    return tail is not None and not _GENERIC.search(tail.group(1)) and _chained_name_ok(tail.group(1), True)


# a verb and its result (用好, 扎紧, 拓宽, 做实, 建强, 织密): the slogans' verbs, which the dictionary
# often lacks or tags as names
_RESULTATIVE = re.compile(r"[用做抓建筑扎拓夯守管办搞练配落压补唱打讲写盘激聚育织兜擦树选带把当干理找摸]"
                          r"[好活紧宽实强牢细优准足稳深全亮响密严]")


# verbs of winning an award (荣获街道先进…称号: the street gives the award), which the dictionary tags as names
_AWARD_VERBS = ("荣获", "荣膺", "获评", "荣登")


def _is_verb(word: str) -> bool:
    entry = lexicon_entry(word)
    return (entry is not None and entry[1] in ("v", "vd")) or _RESULTATIVE.fullmatch(word) is not None \
        or word in _AWARD_VERBS


# a place named for its distance (十六里河, 五里墩, 七里铺): a numeral, 里 and a noun
_DISTANCE_NAME = re.compile(r"[一二三四五六七八九十百]{1,3}里[\u4e00-\u9fff]{1,2}")


# a boundary named by its direction (东以…为界, 西以贺兰社区接壤, 北至…村): the name starts after 以/至
_BOUNDARY = re.compile(r"[东南西北東][以至]")


def is_boundary_direction(word: str) -> bool:
    """Is ``word`` a direction that opens a unit's boundary (东至, 西以: 南至某大街，东至某路), which a county's
    short form may read like (东至 of 东至县)?"""
    return _BOUNDARY.fullmatch(word) is not None


def _name_start_rules(window: str, roads: bool = False) -> tuple[tuple[int, bool], ...]:
    """For the (up to) five characters before a suffix (fewer only at the start of the text):
    the name lengths to try in order, each with whether it is taken outright (True) or only
    when a place ends where the name starts (False). ``roads``: a road's name counts (社区, 街道)."""
    n = len(window)
    if roads and window.endswith(_ROAD_ENDS):
        return _road_rules(window)
    # every candidate ends with the two characters before the suffix: when those are not CJK or
    # hold a generic word, no longer candidate can pass either (the checks look for substrings)
    tail = window[max(0, n - 2):]
    if not _ALL_CJK.fullmatch(tail) or _GENERIC.search(tail):
        return ()
    out: list[tuple[int, bool]] = []
    for length in (4, 3, 2):
        j = n - length  # the name's start in ``window``; negative: before the start of the text
        if j < 0:
            continue
        name = window[j:]
        before = window[j - 1] if j > 0 else "\n"
        if not _ALL_CJK.fullmatch(name) or _GENERIC.search(name) or _is_verb(name[:2]) or name.endswith(_SETUP_VERBS) \
                or (len(name) >= 4 and _PLACE_VERB.match(name)) \
                or not (looks_like_proper_name(name) or _DISTANCE_NAME.fullmatch(name)
                        or roads and _facility_name(name, before)):
            continue  # 深耕社区治理, 找准社区定位: a verb and its object
        if before.isdigit() or _BOUNDARY.match(name) or (j >= 1 and _BOUNDARY.fullmatch(window[j - 1:j + 1])):
            continue  # 西以贺兰社区接壤: a boundary's direction and 以/至 open no name
        hard = not is_cjk(before) or (j >= 2 and _BOUNDARY.fullmatch(window[j - 2:j]) is not None) \
            or (j >= 2 and _SELF_UNIT.fullmatch(window[j - 2:j]) is not None
                                      and not _verbal_noun(name[:2])) \
            or (j >= 2 and _PLACE_VERB.fullmatch(window[j - 2:j]) is not None)
        if name[0] in _HARD_PREP or (name[0] in _WEAK_PREP and not hard and before not in _HARD_PREP):
            continue  # (在和平街道: after a preposition, 和 opens a name, it joins nothing)
        if not hard and before in _WEAK_PREP and not _conjunction_at(before + name):
            continue  # 和谐满社区: 和 opens the word 和谐, it joins nothing
        if hard or before in _HARD_PREP or before in _WEAK_PREP:
            out.append((length, True))
            break
        out.append((length, False))  # taken only after a place (``s in taken_ends``)
    return tuple(out)


# the facilities communities are named for (体育场社区, 火车站社区, 高铁社区): a noun of a place in town
_FACILITY = re.compile(r"(?:体育场|火车站|汽车站|高铁|机场|码头|广场|公园|花园|医院|电厂|矿区|林场|农场|车站|邮电|商场|市场)")


def _facility_name(name: str, before: str) -> bool:
    """A community named for a facility of the town (在体育场社区, 。火车站社区…), written where a name
    starts: after punctuation, a preposition or at a line's start."""
    return _FACILITY.fullmatch(name) is not None and (not is_cjk(before) or before in _HARD_PREP)


def _road_rules(window: str) -> tuple[tuple[int, bool], ...]:
    """``_name_start_rules`` for a road's name (幸福路, 解放路, 和谐路): its words may be generic or
    verbal, so it is taken only with a hard left edge (punctuation, a preposition, the start of the
    text) or after a place; the longest road name there wins."""
    out: list[tuple[int, bool]] = []
    for length in (4, 3, 2):
        j = len(window) - length
        if j < 0:
            continue
        name = window[j:]
        if not _road_name(name) or name[0] in _HARD_PREP or _conjunction_at(name):
            continue
        before = window[j - 1] if j > 0 else "\n"
        if before.isdigit() or (before in _WEAK_PREP and not _conjunction_at(before + name)):
            continue  # 和谐路: 和 and 谐 are one word, the name does not start at 谐
        hard = not is_cjk(before) or before in _HARD_PREP or before in _WEAK_PREP \
            or (j >= 2 and (_PLACE_VERB.fullmatch(window[j - 2:j]) is not None
                            or _SELF_UNIT.fullmatch(window[j - 2:j]) is not None))  # 该区南街街道
        out.append((length, hard))
        if hard:
            break
    return tuple(out)


def _zone_name_start(text: str, suffix_start: int, taken_ends: set[int]) -> int | None:
    """Start of the name of a 新区 (西海岸新区, 天府新区). Such names are often ordinary words
    (海岸, 天府), so the dictionary test is relaxed, and the left edge must be hard instead:
    punctuation, the start of a line, a preposition (在/到…) or a place written straight before."""
    lengths = sorted((4, 3, 2), key=lambda k: suffix_start - k not in taken_ends)  # after a place first
    for length in lengths:
        s = suffix_start - length
        if s < 0:
            continue
        name = text[s:suffix_start]
        if not _ALL_CJK.fullmatch(name) or _GENERIC.search(name) or name[0] in _HARD_PREP:
            continue
        if any(is_common_word(w) and is_verbal(w) for w in (name, name[:2])):
            continue  # 打造新区, 建成新区
        before = text[s - 1] if s > 0 else "\n"
        if not is_cjk(before) and not before.isdigit() or before in _HARD_PREP or s in taken_ends:
            return s
    return None


# 城乡/城镇 followed by what the phrase qualifies is a term (住房和城乡建设局, 城镇老旧小区)
_TERM_AFTER = re.compile(r"建设|规划|一体|融合|统筹|发展|居民|社区|基层|治理|老旧|低保|医保|环境|面貌|住房|级|两级|层面")
# the work of communities in general, written after 社区 (杭州社区治理, 社区建设, 社区服务; not a community's
# own facility: 社区服务中心, 社区服务站)
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『", "”’」』"


def _community_kind(text: str, start: int, name_end: int, end: int) -> bool:
    """Is ``text[start:end]`` (…社区) no community's name: a kind of community (候鸟型社区, 网格化社区), or a title or
    concept in quotes (被评为“无疫社区”, “福建省诚信社区”, “公园社区、文化中心…”)?"""
    stem = text[start:name_end]
    if stem.endswith("型") or stem.endswith("化") and not stem.endswith("文化"):
        return True
    opened = max(text.rfind(q, max(0, start - 12), start) for q in _OPEN_QUOTES)
    return opened >= 0 and not any(q in text[opened:start] for q in _CLOSE_QUOTES) \
        and (text[end:end + 1] in _CLOSE_QUOTES or opened == start - 1 and text[end:end + 1] in "、，,")


COMMUNITY_WORK = re.compile(r"治理|建设|发展|营造|党建|管理|工作(?!站|室)|服务(?!中心|站|室|点|大厅|驿站)")


def _city_community_work(gaz: Gazetteer, codes: tuple[str, ...], text: str, end: int) -> bool:
    """Is the name ending at ``end``, which denotes ``codes``, the one province or prefecture-level city of
    that name, followed by 社区 and the work of communities (杭州社区治理, 澳门社区服务)? Then it is the city,
    and no community is named for it; a short form several units share (朝阳: a city and two districts) is
    a common community name and stays one."""
    return len(codes) == 1 and gaz.by_code[codes[0]].level in ("province", "city") \
        and text.startswith("社区", end) and COMMUNITY_WORK.match(text, end + 2) is not None


def _names_a_city(text: str, start: int, name_end: int) -> bool:
    """Is ``text[start:name_end]`` wholly a name that :func:`_city_community_work` takes for the city?"""
    gaz = load_gazetteer()
    name = text[start:name_end]
    return any(h.start == 0 and h.end == len(name) and _city_community_work(gaz, h.codes, text, name_end)
               for h in gaz.scan(name))


# ethnic townships carry their peoples before 乡/镇 (干河彝族乡): the name starts before them
_ETHNIC = re.compile(ETHNIC + "$")


def local_mentions(text: str, admin_ends: set[int] | None = None,
                   chain_ends: set[int] | None = None, free_ends: set[int] = frozenset()) -> list[LocalMention]:
    """Streets, towns, communities, villages and development zones named in ``text``.

    ``admin_ends``: where administrative units end (a name may start there); ``chain_ends``: those
    of them below the province, after which an ordinary noun is a name too (利通区胜利镇);
    ``free_ends``: where a name certainly starts (the place a headline's visit goes to: 到如意社区).
    The document, places and agencies steps ask for the same text: kept for the last few calls."""
    key = (text, frozenset(admin_ends or ()), None if chain_ends is None else frozenset(chain_ends),
           frozenset(free_ends))
    found = _LOCALS.get(key)
    if found is None:
        if len(_LOCALS) > 32:
            _LOCALS.clear()
        found = _LOCALS[key] = tuple(_local_mentions(text, admin_ends, chain_ends, free_ends))
    return list(found)


_LOCALS: dict[tuple, tuple[LocalMention, ...]] = {}
# a street's name and, in brackets, its other name (北街(中街), two streets run as one), read back from its suffix
_BRACKETED_NAME = re.compile(r"[(（][\u4e00-\u9fff]{1,4}[)）]$")


def _local_mentions(text: str, admin_ends: set[int] | None, chain_ends: set[int] | None,
                    free_ends: set[int]) -> list[LocalMention]:
    taken = set(admin_ends or ())
    chained = set(admin_ends or ()) if chain_ends is None else set(chain_ends)
    chained |= free_ends
    street_ends: set[int] = set()
    below_ends: set[int] = set()  # where a community or village ends: no street or town is named after one
    out: list[LocalMention] = []
    unit_ends = frozenset(chained)  # (the administrative units' own ends, before any local unit's)
    read_to = 0  # where the last unit read ends when it took the suffix after its own (某新村社区)
    for m in _LOCAL_SUFFIX.finditer(text):
        if m.start() < read_to:
            continue
        suffix = m.group()
        if suffix == "办事处":
            # a street's office named straight after its district or county (梅县区新城办事处: where streets
            # are called 办事处), not the office of a street or town already named (某街道办事处) nor a
            # liaison office (驻京办事处)
            start = next((m.start() - k for k in (2, 3) if m.start() - k in unit_ends), None)
            if start is not None and _ALL_CJK.fullmatch(text, start, m.start()) \
                    and not _GENERIC.search(text, start, m.start()) and text[start] != "驻":
                out.append(LocalMention(start, m.end(), text[start:m.end()], text[start:m.end()], "street"))
                taken.add(m.end())
                chained.add(m.end())
                street_ends.add(m.end())
            continue
        if suffix in ("镇", "乡") and text[m.end():m.end() + 1] in ("镇", "村", "街", "土", "贤", "愁", "亲"):
            continue
        if suffix == "乡" and text[m.start() - 1:m.start()] == "之":
            continue  # 石雕之乡, 鱼米之乡: a title a place is given (the home of …), no township
        if suffix in ("镇", "乡", "村") and (text[m.start() - 1:m.start()] in ("城", "乡", "村", "街", "集")
                                           or suffix == "乡" and text[m.start() - 1:m.start()] == "家") \
                and (_TERM_AFTER.match(text, m.end()) or not (any(m.start() - k in chained for k in range(2, 7))
                                                              or _town_before_its_unit(text, m.start(), m.end()))):
            continue  # 城镇, 乡村, 农村, 街镇 are words, unless a place is written before (紫金县紫城镇)
        name_end, end, level = m.start(), m.end(), _LEVEL_OF_SUFFIX.get(suffix, "other")
        one_char = None
        if suffix == "村" and text.startswith("民小组", end):
            end, level = end + 3, "other"  # a villager group (瓦草冲村民小组)
        elif suffix == "村" and text.startswith("社区", end):
            end, level = end + 2, "community"  # a community named for its village or estate (仙林新村社区)
            if name_end - 1 in chained and is_cjk(text[name_end - 1]) and not _GENERIC.match(text, name_end - 1):
                one_char = name_end - 1  # 某街道岳村社区: a one-character name and its 村 after a place (岳村)
        elif suffix == "村" and text.startswith("街道", end):
            end, level = end + 2, "street"  # a street named for a village (某家村街道, 中关村街道)
        if suffix in ("乡", "镇"):
            eth = _ETHNIC.search(text, max(0, name_end - 12), name_end)
            if eth:
                name_end = eth.start()
        name = None
        glossed = _GLOSSED_NAME.search(text, max(0, name_end - 14), name_end) if text[name_end - 1:name_end] != ")" \
            and ")" in text[max(0, name_end - 6):name_end] else None
        if glossed and glossed.start() in chained and _chained_name_ok(glossed[1] + glossed[2], suffix in ("社区", "街道")):
            # 某街道辦事處農(nóng)科社區: a mirror's pinyin gloss after the name's first character
            start, name = glossed.start(), glossed[1] + glossed[2] + text[name_end:end]
        elif level == "street" and text[name_end - 1:name_end] in ")）" \
                and (other := _BRACKETED_NAME.search(text, max(0, name_end - 7), name_end)) is not None \
                and (start := next((other.start() - k for k in range(1, 5) if other.start() - k in chained
                                    and _ALL_CJK.fullmatch(text, other.start() - k, other.start())), None)) is not None:
            pass  # 某区北街(中街)街道: a street's name with its other name in brackets, after its district
        elif suffix == "新区":
            start = _zone_name_start(text, name_end, taken)
        elif (level == "street" or suffix == "社区") and below_ends:
            # 某社区紧扣某街道…: a verb, then the street; 某社区发动社区网格员…: a verb, then the communities' work (a
            # community holds no community). The name start is read within the seven characters before the suffix:
            # only those ends are copied (whole sets copied per unit were quadratic)
            window = range(max(0, name_end - 7), name_end)
            start = _local_name_start(text, name_end, {e for e in window if e in taken and e not in below_ends},
                                      {e for e in window if e in chained and e not in below_ends}, free_ends,
                                      suffix in ("社区", "街道"), street_ends if suffix == "社区" else frozenset())
        else:
            start = _local_name_start(text, name_end, taken, chained, free_ends, suffix in ("社区", "街道"),
                                      street_ends if suffix in ("社区", "村") else frozenset())
        if start is None and level == "street" and _seat_town(text, name_end):
            start = name_end - 2  # 。城关镇…, 走进城关街道: the county seat's own town or street
        if start is None and level == "street":
            start = _named_by_what_follows(text, name_end, end, chained)
            if start is None:
                start = _noun_named_unit(text, name_end, end)
        if start is None and suffix in ("社区", "村") and name_end - 2 in street_ends:  # (the one place it may start)
            start = _verb_named_community(text, name_end, end, street_ends)
        if start is None:
            start = one_char
        if start is None:
            continue
        if text[start - 1:start] == "“" and is_cjk(text[end:end + 1]):
            continue  # a word of a quoted slogan (“讲好社区故事”, “新时代新社区新生活”), not a place
        if text[end:end + 1] == "报":
            continue  # a paper's name (中国社区报)
        if suffix == "社区" and _community_kind(text, start, name_end, end):
            continue  # 候鸟型社区, 被评为“无疫社区”: a kind of community or a title, no community's name
        if suffix == "社区" and name_end in taken and COMMUNITY_WORK.match(text, end) \
                and _names_a_city(text, start, name_end):
            continue  # 杭州社区治理, 澳门社区服务: a city's community work, no community named for the city
        if name_end - start >= 2 and text[name_end - 1] in "改设" and text[name_end - 2] in "镇乡村县市区居":
            continue  # 推进镇改街道, 撤乡设镇, 村改社区: a change of unit, not a unit's name
        if text.startswith("地区", start) and name_end - start == 2:
            continue  # 某区地区街道: 地区 (an area) is no street's name
        if suffix != "街道" and text[name_end - 1] in "区县市省":
            continue  # 翠屏区村改居: a district's villages, not a village of that name (新城区街道 is one)
        if suffix == "社区" and text[name_end - 1] in "和与" and is_common_word(text[name_end - 3:name_end - 1]):
            continue  # “两委”成员和社区工作者: 和 joins two nouns (东环特和社区 is a name)
        out.append(LocalMention(start, end, text[start:end], name or text[start:end], level))
        read_to = end
        taken.add(end)
        chained.add(end)
        if level == "community":
            below_ends.add(end)
        if level == "street":
            street_ends.add(end)
            if text.startswith("办事处", end):  # 某街道办事处某社区: the office is the street's, its community follows
                taken.add(end + 3)
                chained.add(end + 3)
                street_ends.add(end + 3)
    out.extend(_shared_suffix_items(text, out, street_ends))
    out.extend(_listed_with_found(text, out))
    for m in _local_lists(text):
        suffix = m.group(4)
        items = _list_items(m)
        # as many names as the count says: ordinary words are names there too (温馨、海馨…5个社区)
        counted = (m.group(2) or m.group(3) or "") == str(len(items))
        found: list[LocalMention] = []
        for i, (pos, item) in enumerate(items):
            if i == 0:  # the list's first item may carry the verb in front: 重点支持雷锋路, 下设大庆
                longest = max(len(it) for _p, it in items[1:])
                for cut in range(len(item) - 1):
                    if ((cut == 0 and len(item) <= longest + 1) or (cut >= 2 and is_common_word(item[cut - 2:cut]))
                            or (cut and item[cut - 1] in _HARD_PREP)) and not _GENERIC.search(item[cut:]) \
                            and (looks_like_proper_name(item[cut:]) or (counted and _chained_name_ok(item[cut:]))):
                        pos, item = pos + cut, item[cut:]
                        break
                else:
                    found = []
                    break
            if _GENERIC.search(item) or item.endswith(tuple(_LEVEL_OF_SUFFIX)) or \
                    not (looks_like_proper_name(item) or (counted and _chained_name_ok(item))):
                found = []  # one item that is not a name: the list is not a list of places
                break
            found.append(LocalMention(pos, pos + len(item), item, item + suffix, _LEVEL_OF_SUFFIX[suffix]))
        out.extend(found)
    out.sort(key=lambda x: x.start)
    return out


# ------------------------------------------------------------------ self references
_SELF = re.compile(r"(我|本|全)(市|区|县)(?![委级直场民场内外辖区属政])")
_SELF_FIRST = "我本全"  # (tried only where one of these stands: see ``finditer_at``)
_LEVEL_CHAR = {"市": ("city", "county_city"), "区": ("district",), "县": ("county",)}


def self_mentions(text: str, subject: str | None,
                  gaz: Gazetteer | None = None) -> list[AdminMention]:
    """我市 / 本区 / 全市 … as mentions of the subject or the ancestor at that level."""
    if not subject:
        return []
    gaz = gaz or load_gazetteer()
    chain = gaz.chain(subject)
    out = []
    for m in finditer_at(_SELF, text, stop_positions(text, _SELF_FIRST)):
        levels = _LEVEL_CHAR[m.group(2)]
        unit = next((p for p in chain if p.level in levels), None)
        if unit is not None:
            out.append(AdminMention(m.start(), m.end(), m.group(), unit.adcode))
    return out


# ------------------------------------------------------------------ the step
_AGENCY_AFTER = re.compile(r"^(?:委|政府|人大|政协|[\u4e00-\u9fff]{1,8}?(?:厅|局|委员会|联合会|协会|总工会|妇联|残联))")
_GOVERNMENT_AFTER = re.compile(r"人民政府|政府|[\u4e00-\u9fff]{1,6}?(?<![格布结大全开当变])局(?![面势限部])")
# a place that opens the name of a university, a newspaper, a broadcaster or a news site (浙江工商大学,
# 山西经济日报, 陕西党建网): the text names the institution, not the place
_INSTITUTION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:大学|学院|日报|晚报|早报|报社|电视台|出版社|在线|银行|农商行"
                                r"|报(?:记者|讯|社|全媒体|融媒体|[^\u4e00-\u9fff])|报道[:：]|公众号|微讯|客户端|分社"
                                r"|网(?![\u4e00-\u9fff]))|[\u4e00-\u9fff]{0,6}?(?:集团|公司)")
# a firm's registered name opening with its place (某省某市某某物业管理有限公司)
_FIRM_AFTER = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:有限公司|有限责任公司)")

# a place opening a designation or an information system's name (山西防震减灾示范社区, 贵州省易地扶贫搬迁
#示范区, 江苏省民政综合业务信息系统): the title's or the system's, not a place the text speaks of
_DESIGNATION_AFTER = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:示范社区|示范单位|示范点|示范区|示范村|示范县|示范市|"
                                r"先进集体|先进单位|信息系统)")

# a pinyin gloss a reposting page writes after a rare or traditional character: 秦州區(qū)七里墩街道
_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")




def skip_gloss(text: str, pos: int) -> int:
    """``pos``, or the end of a pinyin gloss written at ``pos``: a name written after the gloss
    follows the unit before it (秦州區(qū)七里墩街道 → 七里墩街道 in 秦州区)."""
    m = _GLOSS.match(text, pos) if text[pos:pos + 1] == "(" else None
    return m.end() if m else pos


# an address or a dateline, not a place the text is about: a city before a postal code (an author's affiliation
# “某大学，海口 570228”), a place after an address label (a page footer “地址：北京市东城区…”)
_POSTCODE_AFTER = re.compile(r"[ \t,，]*\d{6}(?!\d)")
# a news agency's dateline (某某网合肥4月26日电): where the story was filed
# (a page copied from print may space its figures: 某地 9 月 23 日电)
_DATELINE_AFTER = re.compile(r"[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*[电電讯訊]")
# an outlet's name before a region's short form: its regional edition (中新网四川, 人民网广东频道)
_OUTLET_BEFORE = re.compile(r"(?:网|網|新闻|新聞|社)$")
# a byline's reporters before the place they filed from (大众网记者 某某 通讯员 某某 某地报道)
_BYLINE_BEFORE = re.compile(r"(?:记者|記者|通讯员|通訊員)[ \t\u3000\u4e00-\u9fff]{1,30}?[ \t\u3000]$")
_ADDRESS_BEFORE = re.compile(r"(?:地址|办公区|通讯处|住址)[:：][ \t]*$")


def is_address(text: str, start: int, end: int) -> bool:
    """Is the mention at [start, end) part of a postal address or a dateline?"""
    return _POSTCODE_AFTER.match(text, end) is not None or is_dateline(text, start, end) \
        or _ADDRESS_BEFORE.search(text, max(0, start - 8), start) is not None


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is the mention at [start, end) where a news item was filed: an outlet's dateline (某某网某地8月26日讯,
    新华社某地 9 月 23 日电), a paper's (本报某地讯) or a byline's (某某网记者 某某 某地报道)?"""
    return _DATELINE_AFTER.match(text, end) is not None \
        or (text[end:end + 1] in ("讯", "訊") and text[max(0, start - 2):start] in ("本报", "本報")) \
        or (text.startswith(("报道", "報道"), end) and not is_cjk(text[end + 2:end + 3] or "\n")
            and _BYLINE_BEFORE.search(text, text.rfind("\n", 0, start) + 1, start) is not None)


def _role(gaz: Gazetteer, code: str, subject: str | None) -> str:
    if subject and code == subject:
        return "subject"
    if subject and gaz.is_within(code, subject):
        return "within_subject"
    return "external"


_ENCLOSED = re.compile(r"《[^《》\n]{1,120}》")


def _enclosed_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ENCLOSED.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_right(spans, (pos, _FAR)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


_FAR = 1 << 60


def record_name(gaz: Gazetteer, code: str, subject: str | None, by_province: bool = True) -> str:
    """How a record names a unit: its full name (districts and counties with their city), except a
    county outside the subject's province that the text writes after its province (山东武城县 in a 河南
    reply: 山东省武城县; ``by_province``)."""
    p = gaz.by_code[code]
    if p.level == "county" and by_province and subject and gaz.by_code[subject].province != p.province:
        return gaz.by_code[p.province].name + p.name
    return gaz.full_name(code)


_LEVEL_BY_SUFFIX = (("街道", "street"), ("镇", "street"), ("乡", "street"), ("苏木", "street"), ("社区", "community"),
                    ("村", "community"), ("嘎查", "community"))


def local_level(name: str) -> str:
    """street | community | other, from how a local unit's name ends."""
    return next((lv for suf, lv in _LEVEL_BY_SUFFIX if name.endswith(suf)), "other")


def extract_places(ctx: Context) -> None:
    gaz = load_gazetteer()
    text = ctx.text
    subject = ctx.subject_code()
    subject_name = ctx.document.subject_place
    # a street, town, community or village as the subject: administrative units are all outside it
    local_subject = subject_name if subject_name and (subject is None or subject_name != gaz.full_name(subject)) \
        else None
    role_anchor = None if local_subject else subject
    admins = admin_mentions(text, subject, gaz)
    by_code: dict[str, list[AdminMention]] = {}
    # 长沙市望城区 names 长沙市 too, when it is the subject's own city or province (山东省武城县 in a 河南
    # reply only says where 武城县 lies)
    own = {p.adcode for p in gaz.chain(subject)} if subject else set()
    # 长沙市 of 长沙市望城区 names the subject's own city; 山东 of 山东省武城县 in a 河南 reply (and 广州 of
    # 广州番禺区) only says where the unit named lies; a city written in full (芜湖市镜湖区) is named too
    heads = [h for m in admins for h in m.heads
             if h.code in own or (gaz.by_code[h.code].level == "city" and h.as_written.endswith("市"))]
    enclosed = _enclosed_spans(text)
    for i, a in enumerate(heads + admins):
        place = gaz.by_code[a.code]
        if a.code != subject and (place.level == "province" or i >= len(heads)) \
                and _AGENCY_AFTER.match(_GLOSS.sub("", text[a.end:a.end + 40])[:9]):
            # 湖北省委, 河南省民政厅, 嘉兴市委副书记: a place named inside an agency name (a place only so is none);
            # a city written before its district (株洲市荷塘区…) is read after the district's name, not here
            continue
        if a.code != subject and (_INSTITUTION_AFTER.match(text, a.end, a.end + 7)
                                   or _FIRM_AFTER.match(text, a.end, a.end + 18)
                                   or _DESIGNATION_AFTER.match(text, a.end, a.end + 16)):
            continue
        if not a.heads and not a.as_written.endswith(("市", "县", "区")) \
                and (_ZONE_AFTER.match(text, a.end) or _PARK_AFTER.match(text, a.end)):
            continue  # 淮南高新区, 某某现代物流园: the city's short form opens the zone's or park's name, no place of its own
        if a.code not in own and is_address(text, a.start, a.end):
            continue  # another place's address (the subject's own chain in its footer still counts)
        if a.code != subject and not a.heads \
                and _OUTLET_BEFORE.search(_GLOSS.sub("", text[max(0, a.start - 12):a.start])):
            continue  # 中新网四川, 人民网某省: an outlet's regional edition, no place of the text
        if a.code != subject and is_dateline(text, a.start, a.end):
            continue  # 某某网某市8月26日讯: where the story was filed, though it be the subject's own city
        by_code.setdefault(a.code, []).append(a)
    # 昆明市 of 昆明市西山区人民政府, 福州市 of 福州市晋安区民政局: the city heads a government's or a department's name
    # (not a session's, 长沙市望城区政协二届五次会议, nor a place's own: 长沙市望城区某街道)
    in_body_name = {(h.start, h.code) for m in admins if m.heads and _GOVERNMENT_AFTER.match(text, m.end)
                    for h in m.heads}
    for code in list(by_code):
        # named only inside document titles (《福建省…办法》), or only as the head of a body's name: not a place
        # the text is about, unless it is the subject itself
        if code != subject and all(_inside(enclosed, a.start) or (a.start, a.code) in in_body_name
                                   for a in by_code[code]):
            del by_code[code]
    for a in self_mentions(text, subject, gaz):
        # 我市 is a mention of the subject the text names, not a naming of it; 全市 in a district's
        # reply names the city around it
        if a.code in by_code or a.code != subject:
            by_code.setdefault(a.code, []).append(a)

    records: list[PlaceRec] = []
    for code, ms in by_code.items():
        p = gaz.by_code[code]
        parent = record_name(gaz, p.parent, subject) if p.parent else None
        ms.sort(key=lambda x: x.start)
        records.append(PlaceRec(
            name=record_name(gaz, code, subject, any(h.code == p.province for x in ms for h in x.heads)),
            level=p.level, parent=parent, adcode=code,
            role=_role(gaz, code, role_anchor),
            mentions=[{"start": x.start, "end": x.end, "as_written": x.as_written} for x in ms]))

    anchor_name = gaz.full_name(subject) if subject else None
    admin_at_end = {a.end: a for a in admins}
    admin_at_end.update({skip_gloss(text, e): a for e, a in list(admin_at_end.items())})
    admin_starts = {a.start for a in admins}
    admins_by_start = sorted(admins, key=lambda a: a.start)
    admin_starts_sorted = [a.start for a in admins_by_start]
    locals_: dict[str, PlaceRec] = {}
    unplaced: set[str] = set()  # local units whose first mention had no unit written before it
    local_at_end: dict[int, str] = {}
    # a street or town written bare is placed by the township table where its name is unique in the area the
    # document is about (its subject's city or province, else the province it names)
    area = subject or next((c for c in gaz.by_name.get(ctx.document.province or "", ())
                            if gaz.by_code[c].level == "province"), None)
    by_table: set[str] = set()  # placed so: the text's own placing of it (after its county) comes first
    own_names = set()
    for p in gaz.chain(subject) if subject else []:
        own_names.update({p.name, short_name(p.name, p.level) or p.name})
    visited = _visited_unit(text, admins, gaz, subject)
    # a development zone named for its city or county (内江经开区, 桐乡经济开发区): the unit's name as written
    zones = zone_mentions(text, admins, gaz)
    zone_ends = {e for _a, e in zones}
    found = local_mentions(text, set(admin_at_end) | zone_ends,
                           {e for e, a in admin_at_end.items() if gaz.by_code[a.code].level != "province"} | zone_ends,
                           frozenset(own_townships := _own_township_starts(gaz, text, subject)))
    if own_townships:
        # (松桂镇集镇: the town's own name, then a word of its own; not a town named 松桂镇集)
        found = [lm for lm in found if lm.start not in own_townships or not lm.as_written.startswith(own_townships[lm.start])
                 or lm.as_written == own_townships[lm.start]]
    if zones:
        zone_at_start = {a.start: a for a, _e in zones}
        found = [lm for lm in found if not any(a.start <= lm.start < e for a, e in zones)]
        found = sorted(found + [LocalMention(a.start, e, text[a.start:e], text[a.start:e], "other") for a, e in zones],
                       key=lambda x: x.start)
    else:
        zone_at_start = {}
    subject_names = {local_subject} if local_subject else set()
    if local_subject and (pair := _NUMBERED_PAIR.fullmatch(local_subject)):
        # 某东一、二社区: two communities run as one, each a place of its own, each the subject
        subject_names = {pair.group(1) + n + pair.group(3) for n in pair.group(2).split("、")}
        found = sorted([lm for lm in found if lm.name not in subject_names]
                       + [LocalMention(m.start, m.end, m.as_written, n, "community")
                          for m in _named(text, local_subject) for n in sorted(subject_names)], key=lambda x: x.start)
    elif local_subject and not any(lm.name == local_subject for lm in found):
        found = sorted(found + _named(text, local_subject), key=lambda x: x.start)
    for lm in found:
        stem = _LOCAL_SUFFIX.sub("", lm.as_written)
        if lm.start in zone_at_start:
            a = zone_at_start[lm.start]
            parent = record_name(gaz, a.code, subject)
            inside = role_anchor is not None and (a.code == role_anchor or gaz.is_within(a.code, role_anchor))
            role = "subject" if lm.name == local_subject else "within_subject" if inside else "external"
            rec = locals_.setdefault(lm.name, PlaceRec(name=lm.name, level="other", parent=parent, adcode=None,
                                                       role=role))
            rec.mentions.append(Mention(start=lm.start, end=lm.end, as_written=lm.as_written))
            local_at_end[lm.end] = lm.name
            continue
        if lm.as_written in own_names or (stem in own_names and lm.level != "street") or lm.start in admin_starts:
            continue  # (a town named like its county or district is a place: 安源区安源镇)
        if text[lm.start - 1:lm.start] == "“" and text[lm.end:lm.end + 1] == "”":
            continue  # a quoted phrase that ends in 社区 (“机关联社区”工作机制, “棚户社区”变身记), not a place named
        rec = locals_.get(lm.name)
        at = lm.start
        if text[at - 1:at] == "的" and at - 1 in admin_at_end \
                and gaz.by_code[admin_at_end[at - 1].code].level != "province":
            at -= 1  # 万秀区的桂北社区: the unit before 的 holds it
        elif text[at - 1:at] == "的" and lm.level == "community" and at - 1 in local_at_end \
                and locals_[local_at_end[at - 1]].level == "street":
            at -= 1  # 北湖街道的正街社区: so does a street or town before 的
        written_in = at in local_at_end or at in admin_at_end
        if rec is not None and rec.name in unplaced and written_in:
            # named bare first (深入凤凰路社区…) and later after its street: that street is its parent
            del locals_[rec.name]
            unplaced.discard(rec.name)
            mentions, rec = rec.mentions, None
        else:
            mentions = []
            if rec is not None and at in local_at_end:
                _refine_parent(rec, locals_[local_at_end[at]])
        if rec is None:
            if not written_in:
                unplaced.add(lm.name)
            if at in local_at_end:
                parent = local_at_end[at]
                inside = parent == local_subject or (parent in locals_ and locals_[parent].role != "external")
            elif at in admin_at_end:
                code = admin_at_end[at].code
                if lm.level == "street" and not gaz.by_code[code].is_county_level \
                        and (county := township_county(gaz, lm.name, code)) is not None:
                    code = county  # 温州市五马街道: the one 五马街道 of 温州市 is 鹿城区's
                parent = record_name(gaz, code, subject)
                inside = role_anchor is not None and (code == role_anchor or gaz.is_within(code, role_anchor))
            elif lm.level == "community" and (scene := _scene_street(text, at, local_at_end, locals_)) is not None:
                # 在某街道，代表们来到某居民区…: the street the sentence is set in holds the community it goes to
                parent, inside = scene, locals_[scene].role != "external"
            elif local_subject and lm.name != local_subject and local_level(local_subject) == "street" \
                    and lm.level == "community":
                parent, inside = local_subject, True  # a community of the street the text is about
            elif local_subject and lm.name != local_subject and local_subject.endswith(_ZONE_SUFFIXES) \
                    and lm.level in ("street", "community"):
                parent, inside = local_subject, True  # a town or community the zone the text is about runs
            elif lm.level == "street" and area is not None \
                    and (county := township_county(gaz, lm.name, area)) not in (None, subject):
                parent = record_name(gaz, county, subject)  # 霞浦街道 in a 宁波市 text: 宁波市北仑区's
                inside = role_anchor is not None and gaz.is_within(county, role_anchor)
                by_table.add(lm.name)
            elif visited is not None and _visit_sentence(text, at):
                # 某区赴某区学习考察 … 考察组参观了某社区: the communities of the trip are the visited unit's
                parent = record_name(gaz, visited, subject)
                inside = role_anchor is not None and (visited == role_anchor or gaz.is_within(visited, role_anchor))
            elif (unit := _paragraph_unit(gaz, text, at, admins_by_start, admin_starts_sorted, role_anchor,
                                          lm.level == "community")) is not None:
                parent, inside = record_name(gaz, unit, subject), True  # 平阴县同样…，榆山街道组建…
            else:
                parent, inside = anchor_name, role_anchor is not None
            if lm.name in subject_names:
                role = "subject"
            else:
                role = "within_subject" if inside and parent is not None else "external"
            rec = PlaceRec(name=lm.name, level=lm.level, parent=parent, adcode=None, role=role, mentions=mentions)
            locals_[lm.name] = rec
        rec.mentions.append(Mention(start=lm.start, end=lm.end, as_written=lm.as_written))
        local_at_end[lm.end] = local_at_end[skip_gloss(text, lm.end)] = lm.name  # (鎮(zhèn)新源村: the gloss between)
        if lm.level == "street" and text.startswith("办事处", lm.end):
            local_at_end[lm.end + 3] = lm.name  # 某街道办事处某社区: the community is the street's
    _former_names(locals_)
    _repeated_mentions(text, locals_)
    _listed_siblings(text, locals_, unplaced - by_table)
    _township_codes(gaz, locals_.values())
    _short_streets(locals_, local_subject)
    _town_stem_before_community(locals_)
    _county_and_street_short(ctx, records, locals_)
    if local_subject and subject and local_subject not in locals_ \
            and any(local_subject.endswith(n) and n != local_subject for n in locals_):
        _roles_from_anchor(gaz, records, locals_, subject)  # (老城区岳村社区: the county run into 岳村社区)
    records.extend(locals_.values())
    ctx.places = records
    if "简称" in text:
        _defined_zones(ctx, records)


def _township_codes(gaz: Gazetteer, recs: Iterable[PlaceRec]) -> None:
    """The 9-digit code of each street or town placed in a county (or county-level city, district) that the
    township table has one unit of that name in."""
    for rec in recs:
        if rec.level != "street" or not rec.parent:
            continue
        county = gaz.code_for_full_name(rec.parent)
        if county is not None and gaz.by_code[county].is_county_level:
            rec.township_code = township_in(rec.name, lambda code, county=county: code == county)


# a zone's formal name with its short form defined: 某省某市某某高新技术产业开发区（以下简称“某某高新区”）
_DEFINED_SHORT = re.compile(r"([\u4e00-\u9fff]{4,30}?(?:开发区|新区|经济区|园区))[（(](?:以下|下文)?简称[“\"]?"
                            r"([\u4e00-\u9fff]{2,12}?)[”\"]?[)）]")


def _defined_zones(ctx: Context, records: list[PlaceRec]) -> None:
    """A zone the text names by the short form it defines for its formal name (`广东某市某某高新技术产业开发区（以下简称
    “某某高新区”）`) is recorded under the formal name, without the province written before it (the city stays: the
    zone is named for it), as the text introduces it; the subject follows."""
    text = ctx.text
    provinces = [m.as_written for p in records if p.level == "province" for m in p.mentions]
    for m in _DEFINED_SHORT.finditer(text):
        short = m.group(2)
        rec = next((r for r in records if r.level == "other" and (r.name == short or any(
            x.as_written == short for x in r.mentions))), None)
        if rec is None:
            continue
        start, full = m.start(1), m.group(1)
        head = next((p for p in sorted(provinces, key=len, reverse=True) if full.startswith(p)), "")
        start, full = start + len(head), full[len(head):]
        if not full.endswith(_ZONE_SUFFIXES) or full == rec.name:
            continue
        if ctx.document.subject_place == rec.name:
            ctx.document.subject_place = full
        rec.name = full
        if not any(x.start == start for x in rec.mentions):
            rec.mentions.append(Mention(start=start, end=start + len(full), as_written=full))
            rec.mentions.sort(key=lambda x: x.start)


_SCENE_IN = re.compile(r"在([^，,。；;：:“”]{2,16}?)[，,]")


def _scene_street(text: str, pos: int, local_at_end: dict[int, str], locals_: dict[str, PlaceRec]) -> str | None:
    """The street or town a sentence opens its scene in (`在某街道，代表们先来到某居民区…`) before ``pos``, or None."""
    # (the sentence's start from the stops' cached offsets: an ``rfind`` per stop scans back to the text's start for a
    # stop it never writes, !/?)
    lo = stop_before(text, pos, "。！？!?\n")
    got = None
    for m in _SCENE_IN.finditer(text, lo, pos):
        name = local_at_end.get(m.end(1))
        if name is not None and name in locals_ and locals_[name].level == "street" \
                and locals_[name].mentions and locals_[name].mentions[-1].start == m.start(1):
            got = name
    return got


def _own_township_starts(gaz: Gazetteer, text: str, subject: str | None) -> dict[int, str]:
    """Where the text writes a street or town of the subject's own county (district, county-level city) by its
    full name (联盟街道小坝社区 in a 盘龙区 text), and that name: a name starts there though it be an ordinary word
    (联盟)."""
    if not subject or not gaz.by_code[subject].is_county_level:
        return {}
    out: dict[int, str] = {}
    for name in townships_in(subject):
        pos = text.find(name)
        while pos >= 0:
            out[pos] = name
            pos = text.find(name, pos + len(name))
    return out


def _roles_from_anchor(gaz: Gazetteer, records: list[PlaceRec], locals_: dict[str, PlaceRec], anchor: str) -> None:
    """Roles where the subject named is no place the text writes as one (`老城区岳村社区` of a headline, the county run
    into its community's name): the county it lies in stands for it, and the units inside that county are within."""
    for rec in records:
        if rec.adcode:
            rec.role = _role(gaz, rec.adcode, anchor)
    for rec in locals_.values():
        parent, seen = rec.parent, set()
        while parent in locals_ and parent not in seen:
            seen.add(parent)
            parent = locals_[parent].parent
        code = gaz.code_for_full_name(parent) if parent else None
        if code is not None and (code == anchor or gaz.is_within(code, anchor)):
            rec.role = "within_subject"


def _county_and_street_short(ctx: Context, records: list[PlaceRec], locals_: dict[str, PlaceRec]) -> None:
    """A headline's county and street both written short (`某县某乡：…` for 某县某乡街道, read as a township named
    某县某): where the county's short form opens a street's name and what follows is the name of one of the text's
    streets of that county without its 街道/镇, the two are one street; the subject follows."""
    shorts = {}
    for rec in records:
        if rec.adcode and rec.level in ("county", "county_city", "district"):
            base = rec.name[len(rec.parent):] if rec.parent and rec.name.startswith(rec.parent) else rec.name
            if len(base) >= 3:
                shorts[rec.name] = base[:-1]
    if not shorts:
        return
    for name in [n for n, r in locals_.items() if r.level == "street" and r.parent in shorts]:
        rec, head = locals_[name], shorts[locals_[name].parent]
        rest = name[len(head):] if name.startswith(head) else ""
        if len(rest) < 2:
            continue
        full = [r for n, r in locals_.items() if n != name and r.level == "street" and r.parent == rec.parent
                and n.startswith(rest) and n[len(rest):] in ("街道", "镇", "乡", "")]
        if len(full) == 1:
            del locals_[name]
            full[0].mentions.extend(rec.mentions)
            full[0].mentions.sort(key=lambda m: m.start)
            if ctx.document.subject_place == name:
                ctx.document.subject_place = full[0].name
                if full[0].role != "subject":
                    full[0].role = "subject"


def _short_streets(locals_: dict[str, PlaceRec], local_subject: str | None) -> None:
    """A street written short (仙霞街道 after 仙霞新村街道): where the township table has no street of the short name
    in its county but one of the text's streets there is named with it, first characters and all, the short name
    is a mention of that street."""
    coded = [r for r in locals_.values() if r.level == "street" and r.township_code and r.name.endswith("街道")]
    if not coded:
        return
    for name in [n for n, r in locals_.items() if r.level == "street" and not r.township_code
                 and n.endswith("街道") and n != local_subject]:
        rec, stem = locals_[name], name[:-2]
        full = [r for r in coded if r.parent == rec.parent and len(r.name) > len(name) and r.name.startswith(stem)]
        if len(stem) >= 2 and len(full) == 1:
            del locals_[name]
            full[0].mentions.extend(rec.mentions)
            full[0].mentions.sort(key=lambda m: m.start)


def _town_stem_before_community(locals_: dict[str, PlaceRec]) -> None:
    """A community written after its town's stem (某某青松社区, a headline's short form of 某某镇青松社区): where the
    text names the town (某某镇) and the community alone (青松社区), the stem's form is a mention of that community."""
    towns = {n[:-len(sfx)] for n, r in locals_.items() if r.level == "street"
             for sfx in ("街道", "镇", "乡") if n.endswith(sfx) and len(n) - len(sfx) >= 2}
    for name in [n for n, r in locals_.items() if r.level == "community"]:
        stem = next((t for t in towns if name.startswith(t) and name[len(t):] in locals_
                     and locals_[name[len(t):]].level == "community"), None)
        if stem is not None:
            rec, own = locals_.pop(name), locals_[name[len(stem):]]
            own.mentions.extend(rec.mentions)
            own.mentions.sort(key=lambda m: m.start)


# how a development zone's name ends (襄阳高新区, 某某经济开发区): a zone that runs the towns it holds
_ZONE_SUFFIXES = ("开发区", "高新区", "经开区", "新区", "经济区")
# what a study trip's party does at the places it visits
_VISIT_VERB = re.compile(r"参观|考察|观摩|走进|来到|实地")
_OWN_UNIT = re.compile(r"[我本][区县市旗]")


def _visited_unit(text: str, admins: list[AdminMention], gaz: Gazetteer, subject: str | None) -> str | None:
    """The city or county-level unit a headline sends its party to (某区赴某区开展…学习考察), when it is neither the
    subject nor a unit holding it: the unit whose streets and communities the trip's account names bare."""
    head_end = text.find("\n")
    if head_end < 0:
        return None  # no headline over a body
    own = {p.adcode for p in gaz.chain(subject)} if subject else set()
    for a in admins:
        if a.start >= head_end:
            break
        place = gaz.by_code[a.code]
        if text[a.start - 1:a.start] == "赴" and a.code not in own and (place.level == "city" or place.is_county_level):
            return a.code
    return None


def _visit_sentence(text: str, pos: int) -> bool:
    """Does the body's sentence at ``pos`` tell the trip's visits (考察组参观了…), not the text's own unit (我区…)?"""
    start, end = sentence_bounds(text, pos)
    return text.find("\n") < start and _VISIT_VERB.search(text, start, end) is not None \
        and _OWN_UNIT.search(text, start, end) is None


def _refine_parent(rec: PlaceRec, street: PlaceRec) -> None:
    """A community named first after its district (某区某社区) and later after a street of that district
    (某区某街道某社区): the street is its parent, the unit straight above it."""
    if rec.level == "community" and street.level == "street" and street.name != rec.parent \
            and street.parent is not None and street.parent == rec.parent:
        rec.parent = street.name


def _paragraph_unit(gaz: Gazetteer, text: str, pos: int, admins: list[AdminMention], starts: list[int],
                    anchor: str | None, community: bool = False) -> str | None:
    """The one district or county inside the city or province ``anchor`` that the paragraph of ``pos`` names
    before ``pos``, and no other of its rank in the whole paragraph: the unit whose streets and communities
    the paragraph then writes bare (平阴县同样将…放在首位…，榆山街道组建…); else, for a ``community``, the one its
    sentence names so, where the paragraph goes through several (甲区的某社区服务中心、某社区服务中心已投入使用。
    乙区新建的…); not for a zone or town, which a sentence lists beside districts (在甲区、某新区建设…). ``admins``
    sorted by start, ``starts`` their starts."""
    if anchor is None or gaz.by_code[anchor].level not in ("province", "city"):
        return None
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    found = _one_unit_named_before(gaz, admins[bisect_left(starts, start):bisect_left(starts, end)], pos, anchor)
    if found is not None or not community:
        return found
    span = sentence_bounds(text, pos)
    return _one_unit_named_before(gaz, admins[bisect_left(starts, span[0]):bisect_left(starts, span[1])], pos, anchor)


def _one_unit_named_before(gaz: Gazetteer, named: list[AdminMention], pos: int, anchor: str) -> str | None:
    """The county-level unit inside ``anchor`` of ``named``, when it is the only one of its rank there and named
    before ``pos``."""
    units = {a.code for a in named if gaz.by_code[a.code].is_county_level}
    if len(units) != 1:
        return None
    code = next(iter(units))
    named_before = any(a.start < pos and a.code == code for a in named)
    return code if named_before and gaz.is_within(code, anchor) else None


def _listed_siblings(text: str, locals_: dict[str, PlaceRec], unplaced: set[str]) -> None:
    """Units listed together (新民镇、大瑞镇、南箐镇四个镇) lie in the same unit: one placed by the text
    (越西县新民镇 elsewhere) places the others listed with it that the text never placed."""
    if not unplaced:
        return
    spans = sorted((m.start, m.end, rec) for rec in locals_.values() for m in rec.mentions)
    group: list[PlaceRec] = []
    for k, (start, _end, rec) in enumerate(spans):
        if k and text[spans[k - 1][1]:start] in ("、", "和", "及", "与") and rec.level == group[-1].level:
            group.append(rec)
            continue
        _share_parent(group, unplaced)
        group = [rec]
    _share_parent(group, unplaced)


def _share_parent(group: list[PlaceRec], unplaced: set[str]) -> None:
    placed = {(r.parent, r.role) for r in group if r.name not in unplaced}
    if len(group) < 2 or len(placed) != 1:
        return
    parent, role = placed.pop()
    for r in group:
        if r.name in unplaced and r.role != "subject":
            r.parent, r.role = parent, role


def _former_names(locals_: dict[str, PlaceRec]) -> None:
    """原X社区 is the community X as it was (原利民社区党总支书记), 现X社区 as it is now, and 某街X社区 the community
    X after its street's short form: a mention of X, not a place of its own."""
    for name in [n for n in locals_ if n[:1] in ("原", "现") and n[1:] in locals_]:
        _merge_into(locals_, name, name[1:])
    # 车站街胜利社区 after 车站街道胜利社区: the community written after its street's short form
    for name in [n for n in locals_ if locals_[n].level == "community"]:
        known = next((k for k in locals_ if k != name and locals_[k].level == "community" and len(k) >= 3
                      and name.endswith(k) and name[:-len(k)].endswith(("街", "镇", "乡"))), None)
        if known is not None:
            _merge_into(locals_, name, known)


def _merge_into(locals_: dict[str, PlaceRec], name: str, into: str) -> None:
    """The mentions of ``name`` become mentions of ``into``, whose name ends them."""
    gone = locals_.pop(name)
    cut = len(name) - len(into)
    locals_[into].mentions.extend(Mention(start=m.start + cut, end=m.end, as_written=m.as_written[cut:])
                                  for m in gone.mentions)
    locals_[into].mentions.sort(key=lambda m: m.start)


def _repeated_mentions(text: str, locals_: dict[str, PlaceRec]) -> None:
    """A street or community the text has named is named wherever its name is written again, also
    where the name alone would not pass as one (沙嘴街道九十墩社区 …, 在九十墩社区，…): the later
    mentions say where what follows happens. Names made of ordinary naming words (幸福社区) are left
    to the rules, which read them as names only after their street."""
    spans = sorted((m.start, m.end) for rec in locals_.values() for m in rec.mentions)
    starts = [s for s, _e in spans]
    for rec in locals_.values():
        if rec.level not in ("street", "community") or not rec.mentions:
            continue
        name = rec.mentions[0].as_written
        if name != rec.name or _GENERIC.search(_LOCAL_SUFFIX.sub("", name)):
            continue
        pos = text.find(name)
        added = False
        while pos >= 0:
            k = bisect_right(starts, pos) - 1  # a mention found already, or a longer name holding this one
            if k < 0 or spans[k][1] <= pos:
                rec.mentions.append(Mention(start=pos, end=pos + len(name), as_written=name))
                added = True
            pos = text.find(name, pos + len(name))
        if added:
            rec.mentions.sort(key=lambda m: m.start)


# two communities run as one office and written as one name (某东一、二社区): the shared stem, the numbers, the suffix
_NUMBERED_PAIR = re.compile(r"(.+?)([一二三四五六七八九十](?:、[一二三四五六七八九十])+)(社区|社區)")


def _named(text: str, name: str) -> list[LocalMention]:
    """Every occurrence of a local unit's name (the subject found in the headline, such as 如意社区,
    whose name is also an ordinary word)."""
    level = local_level(name)
    out = []
    pos = text.find(name)
    while pos >= 0:
        out.append(LocalMention(pos, pos + len(name), name, name, level))
        pos = text.find(name, pos + len(name))
    return out
