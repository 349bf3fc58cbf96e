"""The region a news page's outlet serves, as the page credits it (来源：福州日报, 中国甘肃网讯, 西宁晚报记者).

A local paper, site or station is named for the province or city it serves, and the stories it carries
write that region's districts bare (``鼓楼区：…``, ``城中区坚持…``), though several cities have a district of
that name. Where nothing else in the text says which one is meant, the outlet does: the one inside its
region. Only the page's credits are read (the source line, the dateline and the byline), not an outlet the
story itself mentions.
"""
from __future__ import annotations

import re

from loaders.extract.gazetteer import Gazetteer

__all__ = ["outlet_region"]

# the source field of a page (来源：某某日报, 稿源, 转自) and what it names
_SOURCE = re.compile(r"(?:来源|稿源|转自|转载自)[ \t]*[:：]?[ \t]*([\u4e00-\u9fff]{2,16})")
# an outlet credited in a dateline or byline (某某日报讯, 某某网讯, 某某日报记者, 某某晚报全媒体记者)
_CREDIT = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:日报|晚报|都市报|新闻网|网|电视台|融媒体中心))"
                     r"(?:讯|全媒体记者|融媒记者|记者|客户端|(?=[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*讯))")
# a dateline's place, where the story was filed (中新网西宁8月1日电, 新华社拉萨5月3日电)
_DATELINE = re.compile(r"(?:网|社|报|台)([\u4e00-\u9fff]{2,6}?)[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*[电讯]")
_GLOSS = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")
# where an outlet's own name may open with its region: at its start or after 中国 (中国甘肃网, 中国西藏网)
_NAME_START = ("", "中国")
# how far into a page its credits are looked for (the dateline or byline opens the story; a source line
# may close it)
_HEAD_CHARS = 400
_TAIL_CHARS = 300


def _credited_names(text: str) -> list[str]:
    """The outlet or body names the page's source line, dateline and byline credit, and the places its datelines
    were filed from."""
    parts = (text[:_HEAD_CHARS], text[-_TAIL_CHARS:] if len(text) > _HEAD_CHARS else "")
    # (a mirror's pinyin gloss after a character, 来(lái)源:阜阳(yáng)公众网, is read past)
    parts = tuple(_GLOSS.sub("", part) if "(" in part or "（" in part else part for part in parts)
    names: list[str] = []
    for part in parts:
        names += [m.group(1) for m in _SOURCE.finditer(part)]
        names += [m.group(1) for m in _CREDIT.finditer(part)]
        names += [m.group(1) for m in _DATELINE.finditer(part)]
    return names


def _region_of(name: str, gaz: Gazetteer) -> str | None:
    """The province or city a credited name opens with (福州日报 → 福州市, 中国甘肃网 → 甘肃省; a county's
    outlet, 某县融媒体中心, stands for its city; a name that reads two ways, 吉林日报, for the wider unit)."""
    for hit in gaz.scan(name[:10]):
        if name[:hit.start] not in _NAME_START:
            return None
        found = {c for c in hit.codes if gaz.by_code[c].level in ("province", "city")}
        if not found and not hit.is_alias:  # (西安 is a city before it is a district of two other cities; a county's
            # outlet is written with its full name, 某县融媒体中心: 光明日报, 江南都市报 name no 光明区, 江南区)
            cities = (gaz.city_of(c) for c in hit.codes if gaz.by_code[c].is_county_level)
            found = {city.adcode for city in cities if city is not None}
        return _widest(found, gaz)
    return None


def _widest(codes: set[str], gaz: Gazetteer) -> str | None:
    """The unit of ``codes`` that contains (or is) every other one, or None."""
    return next((c for c in sorted(codes) if all(o == c or gaz.is_within(o, c) for o in codes)), None)


def outlet_region(text: str, gaz: Gazetteer) -> str | None:
    """The province or city the page's credited outlets serve, when they agree on one (a city's paper and
    its province's site agree: the city), else None."""
    codes = {c for c in (_region_of(name, gaz) for name in _credited_names(text)) if c is not None}
    # the unit inside every other one (福州市 inside 福建省), when the credits agree
    return next((c for c in sorted(codes) if all(o == c or gaz.is_within(c, o) for o in codes)), None)
