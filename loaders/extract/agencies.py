"""Extraction step: agencies, written as a small grammar of Chinese agency names.

    agency  := prefix body
    prefix  := full place name (濮阳市, 长沙市望城区) | level char (省 市 区 县) | 团 level 委 | nothing (central)
    body    := 委 [dept] | 委 level 政府 dept | 政府 [office] | 人大 [常委会] [committee] | 政协 [committee]
             | mass organisation (总工会 妇联 残联 …) | department words + (局 厅 委 办 中心 …)

A bare level char takes the matching unit of the subject's chain (市 → the subject city, 区 → the
subject district, 省 → its province), so 市委组织部 in a 濮阳 reply is 濮阳市委组织部. The level char
must start a word: 城市, 社区, 小区 … end in a level char but are not prefixes.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.extract.context import Context
from loaders.extract.gazetteer import Gazetteer, load_gazetteer
from loaders.extract.places import admin_mentions
from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import finditer_in_runs as _finditer_in_runs
from loaders.extract.text_utils import is_cjk, is_common_word
from loaders.record import AgencyRec, Mention

__all__ = ["AgencyMention", "agency_mentions", "extract_agencies", "level_code", "level_place"]


@dataclass(frozen=True)
class AgencyMention:
    start: int
    end: int
    as_written: str
    name: str
    place: str | None


_H = r"[\u4e00-\u9fff]"
_BODY = r"(?:(?![的了在是对将把被从向等个各全本我该这那其并或以为与及、])" + _H + r")"
_AGENCY = re.compile(
    r"(?P<lv>[省市区县])(?:"
    r"(?P<joint>委[市区县省]政府)(?P<jdept>督查局|督察局|" + _BODY + r"{0,6}?(?:局|室|办))?"
    r"|(?P<party>委)(?P<pdept>组织部|宣传部|统战部|政法委|办公室|办公厅|编办|(?!常委)" + _BODY + r"{1,4}?(?:部|办|委))?"
    r"|(?P<gov>政府)(?P<gdept>办公室|办公厅|" + _BODY + r"{0,4}?(?:督查室|研究室|办公室|办公厅|办))?"
    r"|(?P<npc>人大)(?P<npccm>常委会)?(?P<ndept>" + _BODY + r"{1,3}?委员会|办公室|" + _BODY + r"{1,2}委)?"
    r"|(?P<cppcc>政协)(?P<cdept>" + _BODY + r"{1,6}?委员会|办公室)?"
    r"|(?P<mass>总工会|工会|妇联|残联|科协|工商联|侨联|文联|社科联|红十字会)"
    r"|(?P<func>" + _BODY + r"{1,10}?(?:领导小组办公室|领导小组|委员会|联合会|协会|中心|办公室|局|厅|委|办))"
    r")")
_DEPT_LIST = re.compile(r"([省市区县])((?:" + _BODY + r"{2,9}、){2,}" + _BODY + r"{2,9}?)等(?:部门|单位)")
_YOUTH = re.compile(r"团([市区县])委")
_TWO_OFFICES = re.compile(r"两办")
_PROV_COUNTERPART = re.compile(r"省厅")
_SESSION_NPC = re.compile(r"[省市区县][一二三四五六七八九十]+届(人大)[一二三四五六七八九十]+次会议")
_GROUP = re.compile(r"(" + _H + r"{2,10}?)(领导小组办公室|领导小组|工作专班|专班|行业党委)")
_GROUP_MODIFIER = re.compile(r"^(?:高规格|高标准|高层次|高水平|新一届)")
_GROUP_FORBIDDEN = re.compile(r"[的了为个是和与及在各等\d]|全市|全区|全县|我市|我区|本市")
_BOOK_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_CN_ASSOC = re.compile(r"中国" + _H + r"{2,10}?(?:协会|学会|联合会|基金会)")

# central bodies: full names and the abbreviations officials write (general vocabulary)
_CENTRAL = {
    "国务院": "国务院", "党中央": "中共中央", "中共中央": "中共中央", "全国人大": "全国人大", "全国政协": "全国政协",
    "新华社": "新华社", "民政部": "民政部", "人社部": "人力资源和社会保障部", "人力资源和社会保障部": "人力资源和社会保障部",
    "财政部": "财政部", "教育部": "教育部", "公安部": "公安部", "司法部": "司法部", "住建部": "住房和城乡建设部",
    "住房和城乡建设部": "住房和城乡建设部", "自然资源部": "自然资源部", "生态环境部": "生态环境部",
    "农业农村部": "农业农村部", "国家卫健委": "国家卫生健康委员会", "国家发改委": "国家发展和改革委员会",
    "商务部": "商务部", "文化和旅游部": "文化和旅游部", "应急管理部": "应急管理部", "退役军人事务部": "退役军人事务部",
    "交通运输部": "交通运输部", "水利部": "水利部", "工信部": "工业和信息化部", "科技部": "科学技术部",
    "审计署": "审计署", "中组部": "中央组织部", "中央组织部": "中央组织部", "中宣部": "中央宣传部",
    "中央宣传部": "中央宣传部", "中央政法委": "中央政法委", "中央统战部": "中央统战部", "国办": "国务院办公厅",
    "中办": "中共中央办公厅", "全国妇联": "全国妇联", "全国总工会": "中华全国总工会", "团中央": "共青团中央",
}
_CENTRAL_RE = re.compile("|".join(sorted(map(re.escape, _CENTRAL), key=len, reverse=True)))

# words ending in a level char that are not a prefix (城市, 社区 …) and chars that may precede a prefix
_NOT_PREFIX_BEFORE = set("城都超门夜股楼上社小辖园景地片街郊新老山库校营矿湾灾林牧各两省县区市直级全我本该")
_OK_SELF = ("全市", "我市", "本市", "全区", "我区", "本区", "全县", "我县", "本县")
_GROUP_BOUNDARY_WORDS = ("成立", "组建", "设立", "依托", "通过", "联合", "加强", "建立", "由", "经", "以", "在", "的",
                         "和", "与", "及", "为", "是", "将", "了")
_GENERIC_BODY = re.compile(r"^(?:工作|成员单位|成员|责任单位|牵头单位|相关|有关|主管|职能|业务|成员|责任|牵头|直属|各级|基层|街道|社区|小区|党)$")


# a department name holds no action and no unit below the county: 花果园街道成立大党委 is a sentence
_ACTION_IN_BODY = re.compile(r"成立|建立|设立|组建|推行|开展|吸纳|打造|建成|依托|实施|.街道")
_GROUP_KEY = re.compile(r"领导小组|专班|行业党委")
_DEPT_LIST_KEY = re.compile(r"等(?:部门|单位)")
_CJK_RUN = re.compile(_H + r"*")
_CJK_LIST_RUN = re.compile(r"[\u4e00-\u9fff、]*")


def is_common_verb(word: str) -> bool:
    from loaders.extract.text_utils import _lexicon

    entry = _lexicon().get(word)
    return entry is not None and entry[1] in ("v", "vd", "d", "ad", "p", "c", "t") and is_common_word(word)


def level_code(gaz: Gazetteer, subject: str | None, lv: str) -> str | None:
    """Code of the unit a bare level char stands for in a document about ``subject``."""
    if not subject:
        return None
    want = {"省": ("province",), "市": ("city", "county_city"), "区": ("district",), "县": ("county",)}[lv]
    for p in gaz.chain(subject):
        if p.level in want:
            return p.adcode
    if lv == "市":  # a 直辖市 is filed as a province
        prov = gaz.province_of(subject)
        if prov and prov.name.endswith("市"):
            return prov.adcode
    return None


def level_place(gaz: Gazetteer, subject: str | None, lv: str) -> str | None:
    """The place, as it heads an agency name, that a bare level char stands for in a document
    about ``subject`` (市 → 濮阳市, 区 → 长沙市望城区, 县 → 象山县)."""
    code = level_code(gaz, subject, lv)
    return gaz.agency_prefix(code) if code else None


def _prefix_ok(text: str, pos: int, admin_end: dict[int, str]) -> tuple[bool, str | None, int]:
    """May the level char at ``pos`` start an agency?  Returns (ok, full place or None, mention start)."""
    if pos + 1 in admin_end:
        return True, None, pos + 1  # handled by the caller via the admin mention
    before = text[pos - 1] if pos > 0 else "\n"
    if text[max(0, pos - 1):pos + 1] in _OK_SELF:
        return True, None, pos - 1
    if is_cjk(before) and before in _NOT_PREFIX_BEFORE:
        return False, None, pos
    return True, None, pos


_NO_ADMIN: dict[int, str] = {}


def _canonical(name: str) -> str:
    return name.replace("督察局", "督查局")


_AGENCY_CACHE: dict[tuple[int, str, str | None], tuple[AgencyMention, ...]] = {}


def agency_mentions(text: str, subject: str | None, issuer: str | None = None,
                    gaz: Gazetteer | None = None) -> list[AgencyMention]:
    """Every agency mention in ``text``, with its canonical name.

    The issuer only matters where the text says 省厅; otherwise the result is kept for the last
    few texts (the document step asks for a report's agencies, the agencies step again)."""
    gaz = gaz or load_gazetteer()
    if issuer and "省厅" not in text:
        issuer = None
    if issuer or len(text) < 64:
        return _agency_mentions(text, subject, issuer, gaz)
    key = (id(gaz), text, subject)
    hit = _AGENCY_CACHE.get(key)
    if hit is None:
        if len(_AGENCY_CACHE) > 16:
            _AGENCY_CACHE.clear()
        hit = _AGENCY_CACHE[key] = tuple(_agency_mentions(text, subject, None, gaz))
    return list(hit)


def _agency_mentions(text: str, subject: str | None, issuer: str | None,
                     gaz: Gazetteer) -> list[AgencyMention]:
    admins = admin_mentions(text, subject, gaz)
    admin_by_end = {a.end: a for a in admins}
    out: list[AgencyMention] = []

    def add(start: int, end: int, name: str, place: str | None) -> None:
        out.append(AgencyMention(start, end, text[start:end], _canonical(name), place))

    inside = {i for a in admins for i in range(a.start, a.end - 1)}
    level_places: dict[str, str | None] = {}  # level_place(gaz, subject, lv) per level char
    pos = 0
    while True:
        m = _AGENCY.search(text, pos)
        if m is None:
            break
        lv_pos = m.start("lv")
        if lv_pos in inside:  # 长沙市望城区…: the prefix is the whole place, not its first level char
            pos = lv_pos + 1
            continue
        pos = m.end()
        if text[lv_pos - 1:lv_pos] == "团" and m.group("party"):
            continue  # 团市委: the youth league, handled below
        adm = admin_by_end.get(lv_pos + 1)
        if adm is not None:
            place, start = gaz.agency_prefix(adm.code), adm.start
        else:
            ok, _p, start = _prefix_ok(text, lv_pos, _NO_ADMIN)
            if not ok:
                continue
            lv = m.group("lv")
            place = level_places[lv] if lv in level_places else level_places.setdefault(
                lv, level_place(gaz, subject, lv))
            if place is None:
                continue
        rest = m.group()[1:]
        end = m.end()
        if m.group("joint"):
            if m.group("jdept"):
                add(start, end, place + rest, place)
            else:
                lv2 = m.group("joint")[1]
                place2 = level_place(gaz, subject, lv2) or place
                add(start, end, place + "委", place)
                add(start, end, place2 + "政府", place2)
            continue
        if m.group("func"):
            body = _rx(r"(领导小组办公室|领导小组|委员会|联合会|协会|中心|办公室|局|厅|委|办)$").sub("", m.group("func"))
            if len(body) < 2 or _GENERIC_BODY.match(body) or is_common_verb(body[:2]) or is_common_verb(body[:3]) \
                    or _ACTION_IN_BODY.search(body):
                continue
        add(start, end, place + rest, place)

    for m in _finditer_in_runs(_DEPT_LIST, text, _DEPT_LIST_KEY, _CJK_LIST_RUN):
        place = level_place(gaz, subject, m.group(1))
        if place is None or (m.start() > 0 and text[m.start() - 1] in _NOT_PREFIX_BEFORE):
            continue
        pos = m.start(2)
        for i, item in enumerate(m.group(2).split("、")):
            start = pos - 1 if i == 0 else pos  # the first item carries the level char
            if item[0] in "省市区县":
                pass  # a full agency name of its own: the main grammar has it
            elif not _rx(r"(局|厅|部|委|办|中心|会|室|院|所|站|队)$").search(item):
                add(start, pos + len(item), place + item + "局", place)
            elif not any(a.start == start for a in out):
                add(start, pos + len(item), place + item, place)
            pos += len(item) + 1
    for m in _YOUTH.finditer(text):
        place = level_place(gaz, subject, m.group(1))
        if place:
            add(m.start(), m.end(), "共青团" + place + "委", place)
    for m in _TWO_OFFICES.finditer(text):
        lv = {"city": "市", "county_city": "市", "district": "区", "county": "县"}.get(
            gaz.by_code[subject].level if subject else "", "")
        place = level_place(gaz, subject, lv) if lv else None
        if place:
            add(m.start(), m.end(), place + "委办公室", place)
            add(m.start(), m.end(), place + "政府办公室", place)
    if issuer:
        dept = _rx(r"([\u4e00-\u9fff]{2,6}?)局$").search(issuer)
        prov = level_place(gaz, subject, "省")
        if dept and prov:
            for m in _PROV_COUNTERPART.finditer(text):
                add(m.start(), m.end(), prov + dept.group(1).split("市")[-1].split("区")[-1] + "厅", prov)
    for m in _SESSION_NPC.finditer(text):
        place = level_place(gaz, subject, m.group()[0])
        if place:
            add(m.start(1), m.end(1), place + "人大", place)
    for m in _CENTRAL_RE.finditer(text):
        before = text[m.start() - 1:m.start()]
        if text[m.end():m.end() + 1] == "门" or before in ("省", "市", "区", "县", "国", "央"):
            continue
        add(m.start(), m.end(), _CENTRAL[m.group()], None)
    for m in _CN_ASSOC.finditer(text):
        add(m.start(), m.end(), m.group(), None)

    taken_ends = {a.end for a in out}
    city = gaz.agency_prefix(subject) if subject else None
    last_group: str | None = next((a.name for a in out if a.name.endswith("领导小组")), None)
    covered = bytearray(len(text) + 1)
    for a in out:
        covered[a.start:a.end] = b"\x01" * (a.end - a.start)
    for m in _finditer_in_runs(_GROUP, text, _GROUP_KEY, _CJK_RUN):
        if covered[m.start(2)]:
            continue
        suffix = m.group(2)
        # the name starts after a boundary (punctuation, a verb such as 成立/依托, an agency) and
        # neither starts with a verb nor spans function words
        chosen = None
        for s in range(m.start(1), m.end(1) - 1):
            cand = text[s:m.end(1)]
            if _GROUP_FORBIDDEN.search(cand) or is_common_verb(cand[:2]) or is_common_verb(cand[:3]):
                continue
            before = text[s - 1] if s > 0 else "\n"
            if (not is_cjk(before) or s in taken_ends
                    or text[max(0, s - 2):s].endswith(_GROUP_BOUNDARY_WORDS)):
                chosen = s
                break
        cand = _GROUP_MODIFIER.sub("", text[chosen:m.end(1)]) if chosen is not None else ""
        core = _rx(r"工作$").sub("", cand)
        if len(core) < 2 or _GENERIC_BODY.match(core) or not city:
            if suffix == "领导小组办公室" and last_group:  # 领导小组办公室 of the group named before
                add(m.start(2), m.end(), last_group + "办公室", city)
            continue
        start = m.end(1) - len(cand)
        name = city + cand + suffix
        add(start, m.end(), name, city)
        if suffix == "领导小组":
            last_group = name
    # bodies named inside a document title (《…》) are part of the title, not actors of the text
    in_title = bytearray(len(text) + 1)
    for t in _BOOK_TITLE.finditer(text):
        in_title[t.start():t.end()] = b"\x01" * (t.end() - t.start())
    out = [a for a in out if not in_title[a.start]]
    out.sort(key=lambda a: (a.start, -a.end))
    return out


def _merge_abbreviations(pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    """Map an abbreviated name to the full one of the same place when both end alike and the
    short one is a subsequence of the long one (房地产中心 ⊂ 房地产管理中心)."""
    def subseq(short: str, long: str) -> bool:
        it = iter(long)
        return all(ch in it for ch in short)

    out: dict[str, str] = {}
    for a, pa in pairs:
        for b, pb in pairs:
            if pa == pb and pa and len(a) < len(b) and a[-1] == b[-1] and subseq(a, b) \
                    and len(b) - len(a) <= 4 and b.endswith(("中心", "小组", "专班", "局", "委员会")) \
                    and not set("省市区县") & set((Counter(b) - Counter(a)).elements()) \
                    and len(out.get(a, "")) < len(b):
                out[a] = b
    return out


def extract_agencies(ctx: Context) -> None:
    gaz = load_gazetteer()
    subject = ctx.subject_code()
    mentions = agency_mentions(ctx.text, subject, ctx.document.issuer)
    alias = _merge_abbreviations(sorted({(m.name, m.place) for m in mentions}, key=str))
    # an agency's place is written as it heads the name (象山县); the record names it in full
    full = {gaz.agency_prefix(p.adcode): gaz.full_name(p.adcode) for p in gaz.chain(subject)} if subject else {}
    for a in admin_mentions(ctx.text, subject, gaz):
        full.setdefault(gaz.agency_prefix(a.code), gaz.full_name(a.code))
    recs: dict[str, AgencyRec] = {}
    seen: set[tuple[str, int, int]] = set()
    for m in mentions:
        name = alias.get(m.name, m.name)
        rec = recs.setdefault(name, AgencyRec(name=name, place=full.get(m.place, m.place) if m.place else None))
        if (name, m.start, m.end) not in seen:  # the same span can be found by two patterns
            seen.add((name, m.start, m.end))
            rec.mentions.append(Mention(start=m.start, end=m.end, as_written=m.as_written))
    issuer = ctx.document.issuer
    if issuer:
        for part in issuer.split("、"):
            recs.setdefault(part, AgencyRec(name=part, place=ctx.document.subject_place))
    ctx.agencies = list(recs.values())
