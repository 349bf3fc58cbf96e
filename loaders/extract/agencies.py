"""Extraction step: agencies, written as a small grammar of Chinese agency names.

    agency  := prefix body
    prefix  := full place name (濮阳市, 长沙市望城区) | level char (省 市 区 县) | 团 level 委 | nothing (central)
    body    := 委 [dept] | 委 level 政府 dept | 政府 [office] | 人大 [常委会] [committee] | 政协 [committee]
             | mass organisation (总工会 妇联 残联 …) | department words + (局 厅 委 办 中心 …)

A bare level char takes the matching unit of the subject's chain (市 → the subject city, 区 → the
subject district, 省 → its province), so 市委组织部 in a 濮阳 reply is 濮阳市委组织部 (in a sentence set in another
unit of that level, 在某市，市住建局…, that unit). The level char
must start a word: 城市, 社区, 小区 … end in a level char but are not prefixes.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from loaders.extract.agency_model import load_agency_model, propose
from loaders.extract.context import Context
from loaders.extract.gazetteer import Gazetteer, load_gazetteer, short_name
from loaders.extract.places import LocalMention, admin_mentions, local_level, local_mentions
from loaders.extract.quote_model import QuoteModel
from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import (
    finditer_at,
    is_cjk,
    is_common_word,
    lexicon_entry,
    literal_starts,
    match_opening,
    stop_before,
    stop_positions,
    without_pinyin,
)
from loaders.extract.text_utils import finditer_in_runs as _finditer_in_runs
from loaders.record import AgencyRec

__all__ = ["AgencyMention", "agency_mentions", "extract_agencies", "level_code", "level_place", "model_mentions"]


@dataclass(frozen=True)
class AgencyMention:
    start: int
    end: int
    as_written: str
    name: str
    place: str | None


_H = r"[\u4e00-\u9fff]"
# a character of a body's name: a hanzi other than these function words
_NOT_BODY = "的了在是对将把被从向等个各全本我该这那其并或以为与及、"


def _hanzi_except(chars: str) -> str:
    """The class of hanzi (``_H``) without ``chars``, written as ranges: one class test per
    character instead of a lookahead and a class (the same characters match)."""
    cut = sorted({ord(c) for c in chars if "\u4e00" <= c <= "\u9fff"})
    ranges, lo = [], 0x4E00
    for cp in [*cut, 0xA000]:
        if cp > lo:
            ranges.append(f"\\u{lo:04x}" + (f"-\\u{cp - 1:04x}" if cp - 1 > lo else ""))
        lo = cp + 1
    return "[" + "".join(ranges) + "]"


_BODY = _hanzi_except(_NOT_BODY)
# the posts, stations and squads a place's bureaus keep (县公安局某某派出所, 镇司法所, 市志愿服务总站, 县救助管理站,
# 地区公安消防支队, 县综合行政执法大队): bodies of that place, as its 局 and 中心 are (not 这支队伍)
_POSTS = r"派出所|司法所|总站|管理站|救助站|服务站|支队(?!伍)|大队(?!伍)"
# the level alternatives each open with a literal character (not 自治区|自治州|地区|[省市区县…]): the
# engine then skips ahead to the nine possible first characters instead of trying the whole
# grammar at every offset of the document (same matches)
# a party committee's departments (市委组织部, 中共某县委员会宣传部)
_PARTY_DEPT = (r"组织部|宣传部|统战部|政法委员会|政法委|办公室|办公厅|编办|党校|社会工作部|办(?![公法理事好])|"
               r"(?!常委)" + _BODY + r"{1,8}?委员会|"
               r"(?!常委)" + _BODY + r"{1,5}?(?:部(?!署|门|分|局)|局|办(?![法理事好])|委(?!员)|研究室|督查室)")
_AGENCY = re.compile(
    r"(?P<lv>自治区|自治州|地区|省|市|区|县|州|旗|盟)(?:"
    r"(?P<joint>委[市区县省州]政府)(?P<jdept>督查局|督察局|" + _BODY + r"{0,6}?(?:局|室|办))?"
    r"|(?P<pgov>党委、?政府)"
    r"|(?P<party>党?委)(?!员)(?P<pdept>" + _PARTY_DEPT + r")?"
    r"|(?P<gov>(?:人民)?政府|(?<=[盟区])(?:行政公署|行署))(?P<gdept>办公室|办公厅|" + _BODY + r"{0,6}?(?:督查室|研究室|办公室|办公厅|中心|办(?![法理事好])))?"
    # a bureau after its government (区政府农业农村局), not the 督查局 a party committee and its government share
    r"(?(gdept)|(?P<gbureau>(?!督[查察]局)" + _BODY + r"{2,9}?局(?![面势限部长])))?"
    r"|(?P<npc>人民代表大会|人大)(?P<npccm>常务委员会|常委会)?(?P<ndept>" + _BODY + r"{1,4}?委员会|办公室|" + _BODY + r"{1,4}?委(?!员))?"
    r"|(?P<cppcc>政协)(?P<cdept>(?!第|常委|相关|有关)" + _BODY + r"{1,10}?委员会|办公室|(?!常委|相关|有关)" + _BODY + r"{1,3}?委(?!员))?"
    r"|(?P<mass>纪委监委|纪委|监委|总工会|工会|妇联|残联|科协|工商联|侨联|文联|社科联|红十字会|(?:中级)?(?:人民)?(?:法院|检察院))"
    r"|(?P<func>" + _BODY + r"{1,10}?(?:领导小组办公室|领导小组|委员会|联合会|协会|学会|研究会|促进会|基金会|科学院|研究院"
    r"|中心|办公室|" + _POSTS + r"|局|厅|委(?!员)|办(?![法理事好])))"
    r")")
# the mass organisations a place keeps, written without it in a list (、妇联、残联等): names of their own, no bureau's
_MASS_BARE = re.compile(r"妇联|残联|科协|工商联|侨联|文联|社科联|总工会")
_DEPT_LIST = re.compile(r"([省市区县])((?:" + _BODY + r"{2,9}、){2,}" + _BODY + r"{2,9}?)等(?:部门|单位)")
# 人大代表 are deputies; only 人大代表建议 (the suggestion a reply answers) names their congress
_DEPUTY = re.compile(r"代表(?!建议|大会)")
# a level char that starts a word (区域, 县域, 市场, 市民, 省会, 省份) heads no agency: 市场监管局 is the
# bureau written bare, 市民服务中心 a hall; 市民政局, 市民宗局, 市民委 keep their level char
_WORD_AFTER_LEVEL = re.compile(r"[区县]域|市场|市民(?![政宗族委防])|省[会份]")
_YOUTH = re.compile(r"团([市区县])委")
# the youth league written before a place's name: 共青团某市委, 团某县委 (团 alone only at a word's start)
_YOUTH_BEFORE = re.compile(r"(?:共青团|(?<![\u4e00-\u9fff])团)$")
_TWO_OFFICES = re.compile(r"两办")
_PROV_COUNTERPART = re.compile(r"省厅")
_CITY_COUNTERPART = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[" + _NOT_BODY + r"]))市局(?!长)", re.MULTILINE)
# a session written without its place: 政协十一届五次(会议)
_BARE_SESSION = re.compile(r"(?<![省市区县州旗盟国])政协第?[一二三四五六七八九十]+届")
_LEVEL_SESSION = re.compile(r"(?<![省市区县州旗盟国])政协([省市区县])第?[一二三四五六七八九十]+届")
_SESSION_BODY = re.compile(r"[省市区县]第?[一二三四五六七八九十]+届(人大|政协|人民代表大会)第?[一二三四五六七八九十]+次会议")
# a session named after its place: 政协安宁市第七届第三次会议, 中国人民政治协商会议砚山县第十届委员会
_SESSION_CPPCC_BEFORE = ("中国人民政治协商会议", "政协")
_SESSION_AFTER = re.compile(r"第?[一二三四五六七八九十]+届")
# a street's, town's or zone's own bodies: 金方街道办事处, 瓦庙镇人民政府, 新民镇党委, 东湖高新区管委会
_LOCAL_BODY = re.compile(r"办事处党工委|办事处|人民政府|政府|党工委|党委|人大(?:工作委员会|工作委(?!员)|工委|主席团)?|纪工委|管委会|大工委|工委"
                         r"|办(?![法理事好公])"  # 街道办: the street's office written short
                         r"|司法所|派出所"  # a street's or town's posts of the county's bureaus (某街道司法所, 某镇派出所)
                         r"|网格化服务(?:管理)?中心|综治中心"  # its grid and comprehensive-governance centres
                         r"|政协工作站"  # the CPPCC's working station of the street or town (某街道政协工作站)
                         r"|(?:社区|党政|综治)办(?![法理事好公])"  # and its own offices (某街道社区办, 某镇党政办)
                         r"|(?:社会事务|社会事业|经济发展|城市管理|城市和社区管理|综合治理|应急管理|党建)办公室")  # (某镇社会事务办公室)
# an office's own station written straight after it, before the list goes on (街道办事处物业站、司法所): no body
_OFFICE_STATION = re.compile(r"[\u4e00-\u9fff]{1,3}?站(?=[、和及])")
# 街道办 is the street's office; 街道办事处党工委, the street's party working committee
_LOCAL_BODY_NAME = {"办": "办事处", "办事处党工委": "党工委"}
# the people's congress's working committee of a street, written around the street: 人大某某街道工委
_NPC_AROUND = re.compile(r"工作委员会|工委")
_ZONE_BODY = re.compile(r"管委会|党工委|工委|政协")
# the democratic parties, alone or with their committee of a place (民盟嘉峪关市委员会, 致公党江苏省委)
_PARTY = re.compile(r"民革|民盟|民建|民进|农工党|致公党|九三学社|台盟")
_PARTY_LIST = re.compile(r"[、和及](?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)")
_PARTY_LIST_END = re.compile(r"(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)[、和及]$")
_GROUP = re.compile(r"(" + _H + r"{2,16}?)(领导小组办公室|领导小组|工作专班|专班|行业(?:综合|协会)?党委|办公室|派出所)")
_MECHANISM = ("机制", "制度", "模式")
_FOUNDED = ("成立", "组建", "设立")  # an office of its own name counts where the text founds it
_GROUP_MODIFIER = re.compile(r"^(?:高规格|高标准|高层次|高水平|新一届)")
_GROUP_FORBIDDEN = re.compile(r"[的了为个是和与及暨在各等已\d]|完成|全市|全区|全县|我市|我区|本市|成立|组建|设立|建立|层面"
                              r"|^(?:街道|乡镇|镇街|村级|小区)")  # 街道工作专班: every street's, no one body
# words for the area a body serves, not its name (辖区派出所, 当地派出所, 属地派出所)
_AREA_WORDS = frozenset({"辖区", "当地", "属地", "附近", "所在地", "周边", "驻地", "本地", "就近", "基层", "社区", "街道", "乡镇",
                         "片区", "城区", "各地", "相关", "所属", "所在"})


def _unit_named(text: str, name: str) -> bool:
    """Does the text name a street, town, community or road ``name`` opens (和平街道, 桃源镇)?"""
    return len(name) >= 2 and re.search(re.escape(name) + r"(?:街道|镇|乡|社区|村|路)", text) is not None


_BOOK_TITLE = re.compile(r"《[^《》\n]{1,160}》")
# an author's affiliation (某某协会，海口 570205): where a writer works, not a body acting in the text
_AFFILIATION_AFTER = re.compile(_H + r"{0,4}[,，][ \t]*" + _H + r"{2,8}[ \t,，]*\d{6}(?!\d)")
# 全市社区党群服务中心, 各区街道…中心: the centres of every unit below, not one body of the place
_BELOW_UNITS = re.compile(r"社区|小区|村|街道|乡镇|镇街|基层|各")
# a residential compound named after the body whose staff live there (州委组织部小区, 某局家属院)
_COMPOUND_AFTER = re.compile(r"小区|家属院|家属区|家属楼|宿舍|大院")
_COMPOUND_OPENS = match_opening(_COMPOUND_AFTER)  # (what follows most agencies opens with none of them: tested first)
# a social-work organisation of its own brand (某某社工服务中心): a private firm, not an agency (NOTES.md)
_SOCIAL_WORK_FIRM = re.compile(_H + r"+?(?:社工|社会工作)(?:服务)?(?:中心|站|社|事务所)$")
_CN_ASSOC = re.compile(r"中国" + _H + r"{2,10}?(?:协会|学会|联合会|基金会)")

# central bodies: full names and the abbreviations officials write (general vocabulary)
_CENTRAL = {
    "国务院": "国务院", "国务院办公厅": "国务院办公厅", "中共中央办公厅": "中共中央办公厅",
    "中共中央组织部": "中央组织部", "中共中央宣传部": "中央宣传部", "中共中央统战部": "中央统战部",
    "中央社会工作部": "中央社会工作部", "中央网信办": "中央网信办", "中央编办": "中央编办", "中央文明办": "中央文明办",
    "国家发展和改革委员会": "国家发展和改革委员会", "国家卫生健康委员会": "国家卫生健康委员会", "国家民委": "国家民委",
    "国家医保局": "国家医疗保障局", "国家乡村振兴局": "国家乡村振兴局", "国家信访局": "国家信访局",
    "新疆生产建设兵团": "新疆生产建设兵团", "党中央": "中共中央", "中共中央": "中共中央", "全国人大": "全国人大", "全国政协": "全国政协",
    "全国人民代表大会": "全国人大", "全国人大常委会": "全国人大常委会", "全国人民代表大会常务委员会": "全国人大常委会",
    "中国人民政治协商会议全国委员会": "全国政协",
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
# a news dispatch's dateline after the outlet: [place] [month] day 电 (新华社福州12月20日电, 新华社北京电)
_DATELINE = re.compile(r"[\u4e00-\u9fff]{0,6}?[ \t]*(?:\d{1,2}[ \t]*月[ \t]*)?(?:\d{1,2}[ \t]*日[ \t]*)?电(?=\s*[(（:：]|\s*记者|\s|题)")
# …and its byline (新华社记者某某): a reporter named for the story, not at work in it (新华社记者走进…)
_BYLINE_AFTER = re.compile(r"(?:全媒体)?记者(?!(?:一行)?(?:近日|日前)?(?:走进|来到|深入|走访|进行|采访|实地|探访|蹲点|调查))")
_CENTRAL_OUTLETS = ("新华社",)
# …and its production credit at a video's end (新华社音视频部制作)
_PRODUCTION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:制作|出品|监制)(?![\u4e00-\u9fff])")
_CENTRAL_RE = re.compile("|".join(sorted(map(re.escape, _CENTRAL), key=len, reverse=True)))
# a ministry's department written after it (民政部基层政权建设和社区治理司, 民政部社会事务司): not a company (公司), not the
# next ministry (…部和司法部)
_MINISTRY_DEPT = re.compile(_BODY + r"{2,14}?(?<!公)司(?![法机])")


def central_body_in(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of the first central body named in ``text[lo:hi]`` (民政部, 文化和旅游部办公厅's 文化和旅游部), or None."""
    m = _CENTRAL_RE.search(text, lo, hi)
    return (m.start(), m.end()) if m else None

# words ending in a level char that are not a prefix (城市, 社区 …) and chars that may precede a prefix
_NOT_PREFIX_BEFORE = set("城都超门夜股楼上社小辖园景地片街郊新老山库校营矿湾灾林牧各两省县区市直级全我本该")
# the 区 that ends a zone's kind (经开区, 开发区, 工业区): no district heads a body there (经开区党工委)
_ZONE_KIND_BEFORE = ("经开", "开发", "工业", "产业")
_OK_SELF = ("全市", "我市", "本市", "全区", "我区", "本区", "全县", "我县", "本县", "我省", "本省")
_GROUP_BOUNDARY_WORDS = ("成立", "组建", "设立", "依托", "通过", "联合", "加强", "建立", "由", "经", "以", "在", "的",
                         "和", "与", "及", "暨", "为", "是", "将", "了")
_GROUP_PREPOSITIONS = "由经以对向从将把被"
# who founds a team or office named with no place, written straight before it: a community, street, town or village,
# or the organisations of a list (社区成立…专班, 街道成立了…领导小组, 社会组织等成立…, 社区设立…办公室) — their own
_LOCAL_FOUNDER = re.compile(r"(?:社区|街道|小区|村|居委会|镇|乡|组织|等)(?:成立|组建|设立)了?$")
_GENERIC_BODY = re.compile(r"^(?:工作|成员单位|成员|责任单位|牵头单位|相关|有关|主管|职能|业务|成员|责任|牵头|直属|各级|基层|街道|社区|小区|党)$")


# the offices a city or county names with one character (general vocabulary: 农村工作, 侨务, 台湾事务, 外事办公室)
_ONE_CHAR_OFFICES = frozenset({"农办", "侨办", "台办", "外办"})
# a second level's committee or government after a level char (省市党委政府): bodies of two levels, no name
_LEVEL_BODY = re.compile(r"[省市区县州](?:党?委|(?:人民)?政府)")
# a department name holds no action and no unit below the county: 花果园街道成立大党委 is a sentence
_ACTION_IN_BODY = re.compile(r"成立|建立|设立|组建|推行|开展|吸纳|打造|建成|依托|实施|重视|推进|推动|加强|落实|部署|"
                             r".街道|.(?:镇|乡|(?<!农)村|居|社区|小区)$|[两三四五各多]级")  # 县镇两级党委: every level's
# (农村 ends the name of the bureau of agriculture and villages, 农业农村局: no village's)
# a match that ends inside an ordinary word (规划布局, 工作格局, 承办) is not an agency
_WORD_END = re.compile(r"(?:布局|格局|大局|全局|开局|结局|承办|主办|协办|督办|交办|创办|兴办|举办|开办|筹办|合办|代办|帮办|包办|通办|"
                       r"(?<!督)查办|经办|试办|申办|停办|操办|转办)$")
_GROUP_KEY = re.compile(r"领导小组|专班|行业(?:综合|协会)?党委|办公室|派出所")
_DEPT_LIST_KEY = re.compile(r"等(?:[0-9]{1,3}个|多个|相关|有关|职能)?(?:部门|单位)")
_CJK_RUN = re.compile(_H + r"*")
_CJK_LIST_RUN = re.compile(r"[\u4e00-\u9fff、]*")


# a government's people going somewhere (区政府领导到民政局…), no bureau of the government
_GOING = re.compile(r"领导|[到去赴往至陪同率召听看]")


def _department_ok(text: str, start: int, func: str, adm) -> bool:
    """Is ``func`` (the words after a place up to the body's noun: 民政局, 社会治理领导小组) a department's name, not a
    generic body (相关部门), a verb phrase (积极推动…委), a session (第十届委员会) or a lower unit's (村委)?"""
    body = _rx(r"(领导小组办公室|领导小组|委员会|联合会|协会|学会|研究会|促进会|基金会|科学院|研究院|中心|办公室|"
               + _POSTS + r"|局|厅|委|办)$").sub("", func)
    return not (len(body) < 2 and func not in _ONE_CHAR_OFFICES or _GENERIC_BODY.match(body)
                or _opens_with_verb(body) and not _task_office(body, func, adm)
                or text[start] in "全各" and _BELOW_UNITS.match(body) and func.endswith("中心")
                or _SOCIAL_WORK_FIRM.match(func)
                or _ACTION_IN_BODY.search(body) or body[0] in "第级" or "届" in body
                or _LEVEL_BODY.fullmatch(func))


def is_common_verb(word: str) -> bool:
    from loaders.extract.text_utils import _lexicon

    entry = _lexicon().get(word)
    return entry is not None and entry[1] in ("v", "vd", "d", "ad", "p", "c", "t") and is_common_word(word)


def _opens_with_verb(body: str) -> bool:
    """Does a department body open with a verb (市积极推动…委)? Not when the body is one word
    (统计局, 审计局) or opens with a noun phrase of the dictionary (自然资源局, 退役军人事务局)."""
    if len(body) <= 2:
        return False
    for n in (4, 3):
        entry = lexicon_entry(body[:n]) if len(body) >= n else None
        if entry is not None and entry[1] in ("n", "l", "nz", "nt", "vn", "an"):
            return False
    return is_common_verb(body[:2]) or is_common_verb(body[:3])


# the unit levels a bare level char stands for
_LEVELS_OF = {"省": ("province",), "自治区": ("province",), "市": ("city", "county_city"), "州": ("city",),
              "盟": ("city",), "地区": ("city",), "旗": ("county",), "自治州": ("city",), "区": ("district",),
              "县": ("county",)}


def level_code(gaz: Gazetteer, subject: str | None, lv: str) -> str | None:
    """Code of the unit a bare level char stands for in a document about ``subject``."""
    if not subject:
        return None
    want = _LEVELS_OF[lv]
    for p in gaz.chain(subject):
        if p.level in want and (lv != "地区" or p.name.endswith("地区")):  # 地区民政局: only a prefecture's
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


def _named_before(text: str, pos: int, lv: str, admins: list, gaz: Gazetteer, paragraph: bool = True) -> str | None:
    """The unit a bare level char stands for where the subject has no unit of that level: the last
    one of that level named before it in the same paragraph (卧龙区委、区政府 in a city's text →
    卧龙区's government; 某县…县人大常委会 in a province's); anywhere before it with ``paragraph`` false
    (该市住建局: the city the text last named)."""
    want = _LEVELS_OF.get(lv, ())
    para = text.rfind("\n", 0, pos) + 1 if paragraph else 0
    for a in reversed(admins):
        unit = gaz.by_code[a.code]
        if a.end <= pos and a.start >= para and unit.level in want and (lv != "地区" or unit.name.endswith("地区")):
            return gaz.agency_prefix(a.code)
        if a.end <= para:
            break
    return None


_SCENE_IN = re.compile(r"在([^，,。；;：:“”]{2,16}?)[，,]")
_SENTENCE_STOPS = "。！？!?\n"


def _scene_unit(text: str, pos: int, lv: str, admins: list, gaz: Gazetteer) -> str | None:
    """The unit of that level a sentence sets its scene in before a bare level char (`在某市，市住建局介绍了…`: the
    bureau of the city visited, not of the subject's city), or None."""
    # (the sentence's start from the stops' cached offsets: an ``rfind`` per stop scans back to the text's start for a
    # stop it never writes, !/?)
    lo = stop_before(text, pos, _SENTENCE_STOPS)
    if text.find("在", lo, pos) < 0:
        return None
    want = _LEVELS_OF.get(lv, ())
    got = None
    for m in _SCENE_IN.finditer(text, lo, pos):
        a = next((a for a in admins if a.end == m.end(1) and a.start == m.start(1)), None)
        if a is not None and gaz.by_code[a.code].level in want:
            got = gaz.agency_prefix(a.code)
    return got


_LEVEL_AGAIN = re.compile(r"^([\u4e00-\u9fff]{1,12}?([县市区]))\2级(?=[\u4e00-\u9fff]{2})")


def _canonical(name: str) -> str:
    """One spelling per body: 督察局 → 督查局, 人民政府 → 政府, 市委办 → 市委办公室, 市政府办 → 市政府办公室 (a congress
    written by its formal name keeps it, 某县人民代表大会常务委员会, and a prefecture's 行政公署 its own, as the annotations do;
    行署 written short merges into it)."""
    name = name.replace("督察局", "督查局").replace("人民政府", "政府")
    # the level said again before the body (某县县级新时代文明实践中心): the county's centre
    name = _LEVEL_AGAIN.sub(r"\1", name)
    if name.endswith(("委办", "政府办")):
        name += "公室"
    return name


_AGENCY_CACHE: dict[tuple[int, str, str | None, tuple[str, ...]], tuple[AgencyMention, ...]] = {}


def agency_mentions(text: str, subject: str | None, issuer: str | None = None,
                    gaz: Gazetteer | None = None, known_locals: tuple[str, ...] = ()) -> list[AgencyMention]:
    """Every agency mention in ``text``, with its canonical name.

    The issuer only matters where the text says 省厅; otherwise the result is kept for the last
    few texts (the document step asks for a report's agencies, the agencies step again)."""
    gaz = gaz or load_gazetteer()
    clean, to_text = without_pinyin(text)
    if clean is not text:  # 區(qū)委: names are read without the gloss, their spans point into ``text``
        return [AgencyMention(to_text(a.start), to_text(a.end - 1) + 1, text[to_text(a.start):to_text(a.end - 1) + 1],
                              a.name, a.place)
                for a in agency_mentions(clean, subject, issuer, gaz, known_locals)]
    if issuer and "省厅" not in text and "市局" not in text:
        issuer = None
    if issuer or len(text) < 64:
        return _agency_mentions(text, subject, issuer, gaz, known_locals)
    key = (id(gaz), text, subject, known_locals)
    hit = _AGENCY_CACHE.get(key)
    if hit is None:
        if len(_AGENCY_CACHE) > 16:
            _AGENCY_CACHE.clear()
        hit = _AGENCY_CACHE[key] = tuple(_agency_mentions(text, subject, None, gaz, known_locals))
    return list(hit)


def _agency_mentions(text: str, subject: str | None, issuer: str | None,
                     gaz: Gazetteer, known_locals: tuple[str, ...] = ()) -> list[AgencyMention]:
    admins = admin_mentions(text, subject, gaz)
    admin_by_end = {a.end: a for a in admins}
    admin_by_start = {a.start: a for a in admins}
    out: list[AgencyMention] = []

    def add(start: int, end: int, name: str, place: str | None) -> None:
        out.append(AgencyMention(start, end, text[start:end], _canonical(name), place))

    inside = bytearray(len(text) + 1)  # offsets inside a place name, its last character excepted
    for a in admins:
        inside[a.start:a.end - 1] = b"\x01" * (a.end - 1 - a.start)
    level_places: dict[str, str | None] = {}  # level_place(gaz, subject, lv) per level char
    pos = 0
    while True:
        m = _AGENCY.search(text, pos)
        if m is None:
            break
        lv_pos = m.start("lv")
        if inside[lv_pos] or _WORD_AFTER_LEVEL.match(text, lv_pos):  # 长沙市望城区…: the prefix is the
            pos = lv_pos + 1  # whole place, not its first level char; 区域, 县域 are words
            continue
        pos = lv_pos + 1  # a rejected match gives way to one inside it (县深入贯彻落实省委 → 省委)
        if text[lv_pos - 1:lv_pos] == "团" and m.group("party"):
            continue  # 团市委: the youth league, handled below
        lv = m.group("lv")
        adm = admin_by_end.get(lv_pos + len(lv))
        if (m.group("party") or "").startswith("党") and lv not in ("自治区", "旗") and (
                adm is None or gaz.by_code[adm.code].level not in ("province", "county")):
            continue  # 自治区党委, 某旗党委: the party committee; 市党委 is no body's name
        if adm is not None and m.group("party") and not m.group("pdept") and _YOUTH_BEFORE.search(text, 0, adm.start):
            league = _YOUTH_BEFORE.search(text, 0, adm.start)  # 共青团某市委, 团某县委: the youth league
            place = gaz.agency_prefix(adm.code)
            add(league.start(), m.end(), "共青团" + place + "委", place)
            pos = m.end()
            continue
        if adm is not None:
            place, start = gaz.agency_prefix(adm.code), adm.start
        elif lv_pos in admin_by_end and admin_by_end[lv_pos].as_written.endswith(lv) and lv in ("区", "县", "市"):
            # 某区区委, 某县县政府: the unit's level written again before its body
            place, start = gaz.agency_prefix(admin_by_end[lv_pos].code), admin_by_end[lv_pos].start
        elif text[lv_pos - 1:lv_pos] == "该":  # 该市住建局: the body of the unit of that level named last before
            place, start = _named_before(text, lv_pos, lv, admins, gaz, paragraph=False), lv_pos - 1
            if place is None:
                continue
        else:
            ok, _p, start = _prefix_ok(text, lv_pos, _NO_ADMIN)
            if not ok or (lv in ("州", "旗", "盟", "地区") and is_cjk(text[lv_pos - 1:lv_pos]) and text[lv_pos - 1] not in "我全本") \
                    or lv == "区" and text.endswith(_ZONE_KIND_BEFORE, 0, lv_pos):
                continue  # 州, 盟, 旗 alone head an agency only at a word's start (州政协, 我旗), not in 杭州, 红旗, 联盟
            place = _scene_unit(text, lv_pos, lv, admins, gaz) or (level_places[lv] if lv in level_places
                                                                     else level_places.setdefault(lv, level_place(gaz, subject, lv)))
            if place is None:
                place = _named_before(text, lv_pos, lv, admins, gaz)
            if place is None:
                continue
        end = m.end()
        dept = m.group("ndept") or m.group("cdept")
        if dept and "常委" in dept:  # 市政协召开常委会议: the body, then what it does
            end = m.start("ndept") if m.group("ndept") else m.start("cdept")
        elif m.group("npc") and end == m.end("npc") and _DEPUTY.match(text, end):
            continue  # 市人大代表走访社区: deputies, not the congress
        rest = text[lv_pos + len(lv):end]
        if m.group("pgov"):  # 某市党委政府: the party committee and the government, as 市委市政府
            pos = end
            add(start, end, place + "委", place)
            add(start, end, place + "政府", place)
            continue
        if m.group("joint"):
            pos = end
            if m.group("jdept"):
                add(start, end, place + rest, place)
            else:
                lv2 = m.group("joint")[1]
                place2 = level_place(gaz, subject, lv2) or place
                add(start, end, place + "委", place)
                add(start, end, place2 + "政府", place2)
            continue
        if _WORD_END.search(m.group()):
            continue
        if m.group("func") and not _department_ok(text, start, m.group("func"), adm):
            continue  # 县第十届委员会 is a session, 某镇村委 a village's committee
        if m.group("gbureau"):
            if not _department_ok(text, start, m.group("gbureau"), adm) or _GOING.search(m.group("gbureau")):
                end = m.start("gbureau")  # 区政府领导到…局: the government alone
            else:  # 某区政府农业农村局: the government's bureau, named as the place's
                add(start, end, place + m.group("gbureau"), place)
                pos = end
                continue
            rest = text[lv_pos + len(lv):end]
        add(start, end, place + rest, place)
        pos = end

    list_keys = [k.span() for k in _DEPT_LIST_KEY.finditer(text)]  # 等(N个)部门: both kinds of list
    for m in _finditer_in_runs(_DEPT_LIST, text, list_keys, _CJK_LIST_RUN, "、"):
        place = level_place(gaz, subject, m.group(1))
        if place is None or (m.start() > 0 and text[m.start() - 1] in _NOT_PREFIX_BEFORE):
            continue
        pos = m.start(2)
        for i, item in enumerate(m.group(2).split("、")):
            start = pos - 1 if i == 0 else pos  # the first item carries the level char
            if item[0] in "省市区县" or any(a.start == start for a in out):
                pass  # a full agency name of its own (县委党校、…等单位): the main grammar has it
            elif not _rx(r"(局|厅|部|委|办|中心|会|室|院|所|站|队)$").search(item) and not _MASS_BARE.fullmatch(item):
                add(start, pos + len(item), place + item + "局", place)
            else:
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
    # 省厅 (and, below a city, 市局): the writer's own line department one level up — only when the
    # writer names itself: a text that speaks as 我局 does not say which bureau it is, and a guess
    # would put a body in the graph that no sentence states
    found = _rx(r"([\u4e00-\u9fff]{2,6}?)局$").search(issuer) if issuer else None
    dept = found.group(1).split("市")[-1].split("区")[-1].split("县")[-1] if found else None
    prov = level_place(gaz, subject, "省") if dept else None
    for m in _PROV_COUNTERPART.finditer(text) if prov else ():
        add(m.start(), m.end(), prov + dept + "厅", prov)
    city = level_place(gaz, subject, "市") if dept and "市局" in text and subject \
        and gaz.by_code[subject].level in ("district", "county") else None
    for m in finditer_at(_CITY_COUNTERPART, text, literal_starts(text, "市局", (0,))) if city else ():
        add(m.start(), m.end(), city + dept + "局", city)
    # 市八届人大四次会议, 区第九届政协三次会议, 县第十八届人民代表大会第三次会议: the session's body, of the level written before it
    for m in _SESSION_BODY.finditer(text) if "届人大" in text or "届政协" in text or "届人民代表大会" in text else ():
        place = level_place(gaz, subject, m.group()[0])
        if place:
            add(m.start(1), m.end(1), place + m.group(1).replace("人民代表大会", "人大"), place)  # the session's 人大
    own = gaz.agency_prefix(subject) if subject and "政协" in text else None
    # 政协十一届五次: the replying place's own CPPCC (tried at each 政协 only: the pattern opens with a
    # lookbehind, which keeps the engine from skipping ahead)
    for m in finditer_at(_BARE_SESSION, text, literal_starts(text, "政协", (0,))) if own else ():
        add(m.start(), m.start() + 2, own + "政协", own)
    # 政协市八届二次会议: the session's CPPCC, of the level written after it
    for m in finditer_at(_LEVEL_SESSION, text, literal_starts(text, "政协", (0,))) if own else ():
        place = level_place(gaz, subject, m.group(1))
        if place:
            add(m.start(), m.start() + 2, place + "政协", place)
    for m in _CENTRAL_RE.finditer(text):
        before = text[m.start() - 1:m.start()]
        formal = text.endswith("中华人民共和国", 0, m.start())  # 中华人民共和国民政部
        if text[m.end():m.end() + 1] in ("门", "区", "发") \
                or before in ("省", "市", "区", "县", "国", "央") and not formal \
                or len(m.group()) == 2 and is_cjk(before) and before not in _BARE_BEFORE:
            continue  # 事在格中办: 中办 and 国办 stand as words of their own
        if _DATELINE.match(text, m.end()):
            continue  # 新华社北京5月1日电: the agency's dateline only carries the story
        if m.group() in _CENTRAL_OUTLETS and (_BYLINE_AFTER.match(text, m.end()) or _PRODUCTION_AFTER.match(text, m.end())
                                               or _CREDIT_BEFORE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())):
            continue  # 新华社记者某某, 来源 : 新华社, 新华社音视频部制作: a byline, a source line or a production credit
        name, end = _CENTRAL[m.group()], m.end()
        if name.endswith(("部", "委员会", "委", "局", "署")) and text.startswith(("办公厅", "办公室"), end):
            name, end = name + text[end:end + 3], end + 3  # 某部办公厅公布…: the ministry's general office acts
        elif name.endswith("部") and (dept := _MINISTRY_DEPT.match(text, end)):
            name, end = name + dept.group(), dept.end()  # 民政部某某司副司长: the ministry's department
        add(m.start() - 7 if formal else m.start(), end, name, None)
    for m in _CN_ASSOC.finditer(text):
        add(m.start(), m.end(), m.group(), None)
    _session_bodies(text, admins, gaz, add)
    _local_bodies(text, admins, subject, gaz, add, known_locals, out)
    _party_bodies(text, admins, subject, gaz, add, out)
    _list_continuations(text, out, add, {a.start for a in admins})
    _standing_members(text, out, add)  # (before the bare departments: 市委常委、组织部部长 is the city's)
    _bare_departments(text, subject, gaz, out, add)
    _short_form_bureaus(text, subject, gaz, out, add)
    _short_form_congress(text, subject, gaz, out, add)
    _stem_lists(text, subject, gaz, out, add, list_keys)
    _road_offices(text, subject, gaz, out, add)
    _offices_of_government(text, admins, gaz, out, add)
    # (two levels' committees written as one, 省市委部署, name no one body: bodies of several levels at once
    # are left out, as 县镇两级党委 is; the annotated extra-w writes 中央和省市委 so)
    _centre_beside_committee(text, out, add)
    _paired_cppcc(text, out, add)
    _drop_site_names(text, out)
    _shared_office(text, out)
    _branch_bureaus(text, out)
    _government_departments(text, out)
    _park_committees(text, out, add)
    _news_outlets(text, out, add)

    taken_ends = {a.end for a in out}
    city = gaz.agency_prefix(subject) if subject else None
    last_group: str | None = next((a.name for a in out if a.name.endswith("领导小组")), None)
    covered = bytearray(len(text) + 1)
    for a in out:
        covered[a.start:a.end] = b"\x01" * (a.end - a.start)
    for m in _finditer_in_runs(_GROUP, text, _GROUP_KEY, _CJK_RUN):
        if covered[m.start(2)] or text.startswith(_MECHANISM, m.end()):
            continue  # 健全…领导小组机制, 工作专班制度: a way of working, not a body that acts
        suffix = m.group(2)
        # the name starts after a boundary (punctuation, a verb such as 成立/依托, an agency) and
        # neither starts with a verb nor spans function words
        chosen = None
        for s in range(m.start(1), m.end(1) - 1):
            cand = text[s:m.end(1)]
            if suffix == "派出所" and _unit_named(text, cand) and (s == 0 or not is_cjk(text[s - 1])):
                chosen = s  # 和平派出所 where the text names 和平街道: the station of that street or town
                break
            if _GROUP_FORBIDDEN.search(cand) or is_common_verb(cand[:2]) or is_common_verb(cand[:3]) \
                    or cand[0] in _GROUP_PREPOSITIONS:  # ，由城关派出所牵头: the name starts after 由
                continue
            head = admin_by_start.get(s)  # 某区探索由公安派出所牵头: a place, then what it does, heads no name
            if head is not None and head.end < m.end(1) and _opens_with_action(text[head.end:m.end(1)]):
                continue
            before = text[s - 1] if s > 0 else "\n"
            if (not is_cjk(before) or s in taken_ends
                    or text[max(0, s - 2):s].endswith(_GROUP_BOUNDARY_WORDS)):
                chosen = s
                break
        if suffix == "办公室" and (chosen is None or not text.endswith(_FOUNDED, 0, chosen)):
            continue  # 组建地企协调推进办公室 is a body; an office named in passing may be anyone's
        cand = _GROUP_MODIFIER.sub("", text[chosen:m.end(1)]) if chosen is not None else ""
        core = _rx(r"工作$").sub("", cand)
        if len(core) < 2 or _GENERIC_BODY.match(core) or not city \
                or suffix == "派出所" and (core in _AREA_WORDS or is_common_word(core) and not _unit_named(text, core)):
            # 辖区派出所, 当地派出所: whichever serves there (桃源派出所 where the text names 桃源街道 is that street's)
            if suffix == "领导小组办公室" and last_group:  # 领导小组办公室 of the group named before
                add(m.start(2), m.end(), last_group + "办公室", city)
            continue
        start = m.end(1) - len(cand)
        owner = _owning_body(out, start, m.end(1))
        head = admin_by_start.get(start)  # 宿州市住宅物业…领导小组办公室: the group of the place it opens with
        if owner is not None:  # (调整充实)区委平安建设领导小组: the group of the body its name opens with
            start, place, name = owner.start, owner.place, owner.name + text[owner.end:m.end(1)] + suffix
            out = [a for a in out if not (start <= a.start and a.end <= m.end(1))]
        elif head is not None and head.end < m.end(1) - 1:
            place = gaz.agency_prefix(head.code)
            name = place + text[head.end:m.end(1)] + suffix
        else:
            if suffix in ("领导小组", "专班", "办公室") and _LOCAL_FOUNDER.search(text, max(0, start - 8), start):
                continue  # 社区成立疫情防控专班, 街道成立了…领导小组, 社区设立…办公室: a community's or street's own team
            place, name = city, city + cand + suffix
        add(start, m.end(), name, place)
        if suffix == "领导小组":
            last_group = name
    out = _in_text(text, out)
    out.sort(key=lambda a: (a.start, -a.end))
    return out


def _opens_with_action(words: str) -> bool:
    """Do the words after a place open with what it does (探索由…, 推行…), not with a body's name?"""
    return is_common_verb(words[:2]) or is_common_verb(words[:3])


def _owning_body(found: list[AgencyMention], lo: int, hi: int) -> AgencyMention | None:
    """The first body found inside a group's name ``[lo, hi)`` that opens the rest of it, written from its level
    character or its place (区委平安建设领导小组, 调整充实市委政法委…领导小组): the group is that body's."""
    inner = [a for a in found if lo <= a.start and a.end < hi and a.place]
    return min(inner, key=lambda a: (a.start, -a.end)) if inner else None


def _in_text(text: str, found: list[AgencyMention]) -> list[AgencyMention]:
    """The mentions of bodies at work in the text: not inside a document title (《…》: part of the title;
    but a paper's own name in 《》, 《某某日报》记者走进…, is the paper), not a location (位于…), an author's
    affiliation or a compound named after a body (州委组织部小区)."""
    in_title = bytearray(len(text) + 1)
    papers = set()
    for t in _BOOK_TITLE.finditer(text):
        in_title[t.start():t.end()] = b"\x01" * (t.end() - t.start())
        papers.add((t.start() + 1, t.end() - 1))
    return [a for a in found if (not in_title[a.start] or ((a.start, a.end) in papers and _OUTLET_END.search(a.name[-3:])))
            and not _LOCATED_AT.search(text, max(0, a.start - 3), a.start)
            and not _AFFILIATION_AFTER.match(text, a.end)
            and not (text[a.end:a.end + 1] in _COMPOUND_OPENS and _COMPOUND_AFTER.match(text, a.end))]


# the formal names of a place's party committee and CPPCC: 中共某县委员会, 中国人民政治协商会议某县委员会
_FORMAL_BEFORE = (("中国人民政治协商会议", "政协"), ("政协", "政协"), ("中国共产党", "委"), ("中共", "委"),
                  ("共青团", "委"))


def _session_bodies(text: str, admins: list, gaz: Gazetteer, add) -> None:
    """The CPPCC of a session written with its place (政协安宁市第七届… → 安宁市政协) and the formal
    names of a place's bodies (中国人民政治协商会议湖南省东安县委员会 → 东安县政协, 中共某县委员会 → 某县委)."""
    for a in admins:
        prefix = gaz.agency_prefix(a.code)
        for before in _SESSION_CPPCC_BEFORE:
            if text.endswith(before, 0, a.start) and _SESSION_AFTER.match(text, a.end):
                add(a.start - len(before), a.end, prefix + "政协", prefix)
                break
        else:
            if not text.startswith("委员会", a.end):
                continue
            for before, body in _FORMAL_BEFORE:
                if text.endswith(before, 0, a.start):
                    league = "共青团" if before == "共青团" else ""
                    # 中共某县委员会组织部: the committee's department, written after its formal name
                    dept = _PARTY_DEPT_RX.match(text, a.end + 3) if body == "委" and not league else None
                    end = dept.end() if dept else a.end + 3
                    add(a.start - len(before), end, league + prefix + body + (dept.group() if dept else ""), prefix)
                    break


_PARTY_DEPT_RX = re.compile(_PARTY_DEPT)
_GOV_BETWEEN = re.compile(r"人民政府|政府")  # (政府 at its first or third character)


def _local_bodies(text: str, admins: list, subject: str | None, gaz: Gazetteer, add,
                  known_locals: tuple[str, ...] = (), out: list | None = None) -> None:
    """A street's, town's or zone's own bodies (安宁市金方街道办事处, 瓦庙镇人民政府, 东湖高新区党工委、管委会),
    headed by the administrative unit written before the place, else by the subject's."""
    admin_end = {a.end: a for a in admins}
    # 安宁市人民政府金方街道办事处: the street's office written after the city's government
    for g in finditer_at(_GOV_BETWEEN, text, literal_starts(text, "政府", (0, 2))):
        if g.start() in admin_end:
            admin_end[g.end()] = admin_end[g.start()]
    chain = {e for e, a in admin_end.items() if gaz.by_code[a.code].level != "province"}
    found = local_mentions(text, set(admin_end), chain)
    found_starts = {lm.start for lm in found}
    for name in known_locals:
        pos = text.find(name)
        while pos >= 0:
            if pos not in found_starts:
                found.append(LocalMention(pos, pos + len(name), name, name, local_level(name)))
                found_starts.add(pos)
            pos = text.find(name, pos + len(name))
    # a street's or town's own report calls its office plainly 街道办事处 / 镇政府
    for name in known_locals:
        kind = "街道" if name.endswith("街道") else name[-1] if name.endswith(("镇", "乡")) else None
        if kind is None:
            continue
        for m in _rx(kind + r"(办事处|人民政府|政府|党工委|大工委|党委|" + _OWN_UNIT + ")").finditer(text):
            before = text[m.start() - 1:m.start()]
            if not is_cjk(before) or before in _NOT_BODY and before not in "各全该" \
                    or is_common_verb(text[m.start() - 2:m.start()]):  # 按照街道办事处…
                prefix = gaz.agency_prefix(subject) if subject else ""
                body = _LOCAL_BODY.match(text, m.start(1))
                if body is None or body.end() < m.end():  # 街道城管大队, 街道物管办: a unit of its own office
                    add(m.start(), m.end(), prefix + name + m.group(1), prefix or None)
                else:
                    _unit_bodies(text, body, m.start(), prefix + name, prefix, add)
        if kind in ("镇", "乡") and subject:
            # …and a town's own report, its party committee by its secretary's title alone (由党委书记牵头)
            prefix = gaz.agency_prefix(subject)
            for m in _BARE_TOWN_COMMITTEE.finditer(text):
                before = text[m.start() - 1:m.start()]
                if not is_cjk(before) or before in _BARE_BODY_BEFORE:
                    add(m.start(), m.start() + 2, prefix + name + "党委", prefix)
        if kind == "街道" and subject:
            # …and its working committee and office with no unit written at all (以党工委为核心, 今年党工委组织…,
            # 、办事处副主任): only a street has them, and the street the report is about is its own (named whole only
            # where the unit it lies in is known)
            named_ends = {lm.end for lm in found} | set(admin_end)
            prefix = gaz.agency_prefix(subject)
            for m in _BARE_STREET_BODY.finditer(text):
                before = text[m.start() - 1:m.start()]
                if m.start() not in named_ends and (not is_cjk(before) or before in _BARE_BODY_BEFORE):
                    _unit_bodies(text, _LOCAL_BODY.match(text, m.start()), m.start(), prefix + name, prefix, add)
    heads = _repeated_locals(text, found, admin_end)
    local_starts = {lm.start for lm in found}
    for lm in found:
        body_rx = _ZONE_BODY if lm.level == "other" else _LOCAL_BODY
        if lm.level == "community":
            continue
        written = admin_end.get(lm.start)  # the unit written before the place (across its 人民政府)
        adm = written or heads.get(lm.start)
        if lm.level == "street" and text.endswith("人大", 0, lm.start) and (
                around := _NPC_AROUND.match(text, lm.end)):
            prefix = gaz.agency_prefix(adm.code if adm is not None else subject) if adm or subject else ""
            add(lm.start - 2, around.end(), prefix + "人大" + lm.name + around.group(), prefix or None)
            continue
        pos = lm.end
        m = body_rx.match(text, pos)
        if not m or m.group() == "人大" and _DEPUTY.match(text, m.end()) \
                or m.group() == "办" and not lm.name.endswith("街道"):
            continue  # 某街道人大代表: the street's deputies; 镇办 (town-run) is no office
        code = adm.code if adm is not None else subject
        prefix = gaz.agency_prefix(code) if code else ""
        if code and lm.level == "other" and (short := short_name(gaz.by_code[code].name, gaz.by_code[code].level)) \
                and lm.name.startswith(short):
            prefix = ""  # 淮南高新区管委会: a zone named for its city already says whose it is
        start = written.start if written is not None and written.end == lm.start else lm.start
        if written is not None and written.end != lm.start and out is not None:
            _drop_inside(out, written.start, lm.start)  # 遂昌县人民政府 of 遂昌县人民政府妙高街道办事处
        _unit_bodies(text, m, start, prefix + _full_ethnic_name(text, lm.name), prefix, add, body_rx, local_starts)


# the units of a street's or town's own office, named for their task (城管大队, 物管办, 执法中队)
_OWN_UNIT = _BODY + r"{2,4}?(?:办(?![法理事好公])|大队|中队)"


# a street's own working committee or office written with no unit before it, and what may stand before it then: no
# character, punctuation, or a word that opens a clause (以…为核心, 由…牵头, 今年…, 经…研究)
_BARE_STREET_BODY = re.compile(r"(?:党工委|办事处)")
_BARE_TOWN_COMMITTEE = re.compile(r"党委(?=(?:副)?书记)")
_BARE_BODY_BEFORE = "以由经在向与和及于年后前"


def _unit_bodies(text: str, m: re.Match[str] | None, start: int, unit: str, prefix: str, add,
                 body_rx: re.Pattern[str] = _LOCAL_BODY, local_starts: set[int] = frozenset()) -> None:
    """The body ``m`` of a street, town or zone (``unit``, its full name) and the bodies listed after it, written
    whole (东湖高新区党工委、管委会; 街道党工委、办事处)."""
    while m:
        add(start, m.end(), unit + _LOCAL_BODY_NAME.get(m.group(), m.group()), prefix or None)
        # 东湖高新区党工委、管委会: the same unit's next body, written whole
        station = _OFFICE_STATION.match(text, m.end()) if m.group() == "办事处" else None
        nxt = _rx(r"[、和及]").match(text, station.end() if station else m.end())
        m = body_rx.match(text, nxt.end()) if nxt else None
        if m and m.end() in local_starts:
            m = None  # 党工委及人大南塔街道工委: the next body belongs to the place written after it
        start = nxt.end() if nxt else start


_ETHNIC_FULL = r"(?:(?:[\u4e00-\u9fff]{1,3}?)族)+"


def _full_ethnic_name(text: str, name: str) -> str:
    """An ethnic township's full name where the text writes it (干河乡 → 干河彝族乡), else ``name``."""
    if not name.endswith(("乡", "镇")) or "族" not in text:
        return name
    full = _rx(re.escape(name[:-1]) + _ETHNIC_FULL + name[-1]).search(text)
    return full.group() if full else name


def _repeated_locals(text: str, found: list, admin_end: dict) -> dict:
    """A street or town named once (越西县新民镇) and later again (新民镇党委书记, 人大新民镇工委): the later
    mentions are added to ``found``. Returns, by mention start, the unit written before the name's
    first mention, for the mentions written without one."""
    heads = {}
    by_start = {lm.start: lm for lm in found}
    by_name: dict[str, list] = {}
    for lm in sorted((lm for lm in found if lm.level == "street"), key=lambda lm: lm.start):
        by_name.setdefault(lm.name, []).append(lm)
    for name, lms in by_name.items():  # one scan per name (a name written 10,000 times costs no more)
        # the first mention written right after a unit gives that unit to every later bare one
        headed = next((lm for lm in lms if (adm := admin_end.get(lm.start)) is not None and adm.end == lm.start),
                      None)
        pos = text.find(name, lms[0].end)
        while pos >= 0:
            before = text[pos - 1:pos]
            if pos not in by_start and pos not in admin_end and (
                    not is_cjk(before) or before in _NOT_BODY or text.endswith("人大", 0, pos)):
                by_start[pos] = LocalMention(pos, pos + len(name), name, name, lms[0].level)
                found.append(by_start[pos])
            if headed is not None and pos >= headed.end and pos in by_start and pos not in admin_end:
                heads.setdefault(pos, admin_end[headed.start])
            pos = text.find(name, pos + len(name))
    return heads


def _party_bodies(text: str, admins: list, subject: str | None, gaz: Gazetteer, add, out: list) -> None:
    """The democratic parties, alone (民革、民盟…等党派) or with their committee of a place
    (民盟嘉峪关市委员会, 致公党江苏省委); the place's own 委 inside such a name is not the party committee."""
    admin_start = {a.start: a for a in admins}
    for m in _PARTY.finditer(text):
        adm = admin_start.get(m.end())
        tail = _rx(r"委员会|委(?!员)").match(text, adm.end) if adm is not None else None
        if tail is None:
            lv = _rx(r"([省市区县])(委员会|委(?!员))").match(text, m.end())
            place = level_place(gaz, subject, lv.group(1)) if lv else None
            if lv and place:
                add(m.start(), lv.end(), m.group() + place + lv.group(2), place)
                _drop_inside(out, m.end(), lv.end())
            elif _PARTY_LIST.match(text, m.end()) or _PARTY_LIST_END.search(text, max(0, m.start() - 5), m.start()):
                add(m.start(), m.end(), m.group(), None)  # one of a list of parties (民革、民盟、民建…)
            continue
        place = gaz.agency_prefix(adm.code)
        add(m.start(), tail.end(), m.group() + place + tail.group(), place)
        _drop_inside(out, adm.start, tail.end())


# the next item of a list of one place's departments, its place left unwritten (市民政局、财政局)
_LIST_SEP = re.compile(r"[、和及]")
# (a post of the place's bureaus, 某某派出所, and a mass organisation written bare, 妇联, 残联, are the place's too)
_LIST_ITEM = re.compile(_BODY + r"{1,8}?(?:委员会|办公室|局|厅|委(?!员)|办(?![法理事好公])|部(?![署门分长])|中心|派出所|司法所)"
                        r"|(?:" + _MASS_BARE.pattern + r")(?![\u4e00-\u9fff](?<![等和及与]))")
_LIST_SUFFIX = re.compile(r"(?:委员会|办公室|局|厅|委|办|部|中心|派出所|司法所)$")
_LIST_BELOW = re.compile(r"社区|村|小区|业委|居委|楼栋")  # 市民政局和社区党委: a community's body, not the city's


# the congress a committee's name opens with: 政协, 人大常委会, 人大
_CONGRESS_OF = re.compile(r"(政协|人大常委会|人大)" + _BODY + r"{1,10}委(?:员会)?$")


def _task_office(body: str, func: str, adm) -> bool:
    """An office or bureau named for its task, two verbs (扶贫开发局, 搬迁安置办公室), is a body where the
    place is written out before it (某县扶贫开发局); after a bare level char (市推进…局) it is a sentence."""
    return adm is not None and func.endswith(("局", "办公室")) and 4 <= len(body) <= 6 \
        and not _ACTION_IN_BODY.search(body) and all(is_common_verb(w) or _is_vn(w) for w in (body[:2], body[2:4]))


def _is_vn(word: str) -> bool:
    entry = lexicon_entry(word)
    return entry is not None and entry[1] in ("v", "vn")


def _list_continuations(text: str, out: list, add, place_starts: set[int] = frozenset()) -> None:
    """Departments listed after an agency without their place (市民政局、财政局、城管局等部门; 省委组织部、
    财政厅): each takes the place of the item before it; a party department (宣传部) after one of the
    place's party committee's (市委组织部) is that committee's. Items that start with a level char or a
    place are full names of their own, found by the grammar."""
    starts = {a.start for a in out}
    ordered = sorted(starts)
    for head in sorted((a for a in out if a.place), key=lambda a: a.start):
        prev, pos = head, head.end
        while (sep := _LIST_SEP.match(text, pos)) and not sep.end() in starts:
            item = _LIST_ITEM.match(text, sep.end())
            if item is None or bisect_right(ordered, item.start()) < bisect_left(ordered, item.end()) \
                    or item.start() in place_starts:
                break  # (中共某市委政法委: the item runs into a name of its own; 某州某局: another place's)
            word = item.group()
            body = _LIST_SUFFIX.sub("", word)
            party = prev.place + "委"
            party_dept = word.endswith("部") and prev.name.startswith(party)  # 组织部, 宣传部 open with verbs
            if word[0] in "省市区县州" or _WORD_END.search(word) or _GENERIC_BODY.match(body) or _ACTION_IN_BODY.search(body) \
                    or _LIST_BELOW.search(word) \
                    or not party_dept and (_opens_with_verb(body) or is_common_verb(body[:2])):
                break
            # a committee listed after a congress's committee is that congress's (市政协社法委、民宗侨外委)
            congress = _CONGRESS_OF.match(prev.name, len(prev.place)) if word.endswith("委") else None
            head = prev.place + congress.group(1) if congress else party if party_dept else prev.place
            add(item.start(), item.end(), head + word, prev.place)
            prev, pos = out[-1], item.end()


# a bureau's branch named for the county or district it serves (市公安局某某分局), and a bureau's or squad's post
# or squad named after it (县公安局某某派出所, 市公安局交警支队, 某边境管理支队某某边境派出所)
_BRANCH_KINDS = ("分局", "派出所", "支队", "大队")
_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:分局|派出所|支队(?!伍)|大队(?!伍))")
_NOT_IN_BRANCH = re.compile(r"[的了和与及在到对向从把被将为是等各]")


def _branch_bureaus(text: str, out: list) -> None:
    """A bureau written with its branch (市公安局某某分局, 某市税务局某某分局) or its post or squad (县公安局某某派出所,
    市公安局交警支队; a squad's post, 某支队某某派出所) is the branch, one body: the city's bureau is not named
    there (in place, on the bureau's span extended to the branch's end)."""
    for i, a in enumerate(out):
        if not a.name.endswith(("局", "支队", "大队")) or not any(k in text[a.end:a.end + 9] for k in _BRANCH_KINDS):
            continue
        m = _BRANCH.match(text, a.end)
        if m is None or _NOT_IN_BRANCH.search(m.group()):
            continue
        out[i] = AgencyMention(a.start, m.end(), text[a.start:m.end()], a.name + m.group(), a.place)


# a park's managing committee (某某现代物流园管委会, 某某产业园区管理委员会): the park is named for its city already
_PARK_BODY = re.compile(r"(物流园|产业园|工业园|科技园|创业园|园区)(管委会|管理委员会|党工委)")


def _park_committees(text: str, out: list, add) -> None:
    """A park's own committee written after the park's name (某某现代物流园管委会), named as written: the park's name
    opens with its city's, after a boundary."""
    covered = {i for a in out for i in range(a.start, a.end)}
    pos = text.find("园")
    while pos >= 0:
        m = _PARK_BODY.match(text, pos - 2) or _PARK_BODY.match(text, pos - 1) or _PARK_BODY.match(text, pos)
        pos = text.find("园", pos + 1)
        if m is None or m.start() in covered:
            continue
        start = m.start()
        while start > m.start() - 10 and start > 0 and is_cjk(text[start - 1]) and text[start - 1] not in _NOT_BODY:
            start -= 1
        if text[start] in _GROUP_PREPOSITIONS and m.start() - start > 2:
            start += 1  # 由某某产业园管委会牵头: the name after the preposition
        name = text[start:m.end()]
        if is_cjk(text[start - 1:start]) and text[start - 1] not in _GROUP_PREPOSITIONS \
                or len(name) - len(m.group()) < 2 or is_common_verb(name[:2]) \
                or any(a.start <= start < a.end for a in out):
            continue  # (the name runs on past ten characters, or opens with a verb: part of a sentence)
        add(start, m.end(), name.replace("管理委员会", "管委会"), None)


def _government_departments(text: str, out: list) -> None:
    """A government written with one of its departments by the department's field (某区人民政府民政部门) names that
    department, the place's bureau (某区民政局), not the government (in place, on the government's span extended)."""
    for i, a in enumerate(out):
        if not a.place or a.name != a.place + "政府" or "部门" not in text[a.end + 2:a.end + 12]:
            continue
        for n in _STEM_LENGTHS:
            stem = text[a.end:a.end + n]
            if stem in _BUREAU_STEMS and text.startswith("部门", a.end + n):
                end = a.end + n + 2
                out[i] = AgencyMention(a.start, end, text[a.start:end], a.place + stem + "局", a.place)
                break


# the CPPCC whose proposals are paired with a congress's suggestions, written bare after them (区人大建议、政协提案)
_PAIRED_CPPCC = re.compile(r"(?:代表)?建议[、和与及](政协)(?:委员)?提案")


def _paired_cppcc(text: str, out: list, add) -> None:
    """区人大建议、政协提案: the CPPCC written bare beside a place's congress is that place's (one level, one pair of
    bodies whose deputies and members a reply answers)."""
    for a in list(out):
        if a.place and a.name == a.place + "人大" and (m := _PAIRED_CPPCC.match(text, a.end)):
            add(m.start(1), m.end(1), a.place + "政协", a.place)


def _shared_office(text: str, out: list) -> None:
    """The party committee written before its government's office shares the office's noun:
    省委、省政府办公厅印发 → 省委办公厅 and 省政府办公厅 (in place, on the committee's span)."""
    by_start = {a.start: a for a in out}
    for i, a in enumerate(out):
        if not a.place or a.name != a.place + "委" or text[a.end:a.end + 1] not in "、和及":
            continue
        b = by_start.get(a.end + 1)
        if b is not None and b.place == a.place and b.name in (a.place + "政府办公厅", a.place + "政府办公室"):
            out[i] = AgencyMention(a.start, a.end, a.as_written, a.name + b.name[-3:], a.place)




# the party centre written 中央 beside a lower party committee: 贯彻落实中央和省委部署
_CENTRE = re.compile(r"(?<![党\u4e00-\u9fff])中央(?=[和、及与])|(?<=[落实按照根据执行和、及与])中央(?=[和、及与])")


def _centre_beside_committee(text: str, out: list, add) -> None:
    """中央 followed by 和/、 and a party committee of a place (中央和自治区党委, 中央、省委) is 中共中央."""
    committee_starts = {a.start for a in out if a.place and a.name.endswith("委")}
    for m in finditer_at(_CENTRE, text, literal_starts(text, "中央", (0,))):  # (it opens with lookbehinds)
        if m.end() + 1 in committee_starts:
            add(m.start(), m.end(), "中共中央", None)


# a standing member's or deputy secretary's title names the department they head: 市委常委、组织部部长 → 市委组织部,
# 市委副书记、政法委书记 → 市委政法委 (the committee before the title, not the subject's); the head written short
# (宣传部长, 组织部长) and a secretary-general's title between (市委常委、市委秘书长、宣传部长) too
_HEAD_TITLE = r"(" + _BODY + r"{2,5}?(?:部|委))(?:(?:常务副|副)?(?:部长|书记)|(?<=部)长)"
_STANDING_MEMBER = re.compile(r"(?:常委|副书记)[、,，]\s*(?:[\u4e00-\u9fff]{0,3}秘书长[、,，]\s*)?" + _HEAD_TITLE)
_NEXT_TITLE = re.compile(r"[、,，]\s*" + _HEAD_TITLE)


def _standing_members(text: str, out: list, add) -> None:
    """The party departments in a standing member's or deputy secretary's title (市委常委、宣传部部长; 市委常委、
    组织部部长、统战部部长: each title after it too; 市委副书记、政法委书记), of the committee before it."""
    starts = {b.start for b in out}
    for a in [a for a in out if a.place and a.name.endswith("委")]:
        m = _STANDING_MEMBER.match(text, a.end)
        while m:
            if m.start(1) not in starts:
                add(m.start(1), m.end(1), a.name + m.group(1), a.place)
                starts.add(m.start(1))
            m = _NEXT_TITLE.match(text, m.end())


# the standard bureaus of a city's or county's government (general vocabulary, full and short forms)
_BUREAUS = ("民政", "财政", "教育", "公安", "司法", "审计", "统计", "商务", "水利", "林业", "信访", "人社", "住建",
            "城管", "交通", "交通运输", "卫健", "卫生健康", "文旅", "文化和旅游", "文广旅", "自然资源",
            "自然资源和规划", "生态环境", "农业农村", "应急管理", "市场监管", "市场监督管理", "退役军人事务", "医保",
            "医疗保障", "行政审批", "大数据", "数据", "房管", "人力资源和社会保障", "住房和城乡建设", "城市管理",
            "城管执法", "发改", "发展和改革", "工信", "科技", "体育", "民宗", "乡村振兴", "机关事务管理")
_BARE_BUREAU = re.compile("(?:" + "|".join(sorted(_BUREAUS, key=len, reverse=True)) + ")局")
_BUREAU_STEMS = frozenset(_BUREAUS)
_STEM_LENGTHS = sorted({len(b) for b in _BUREAUS}, reverse=True)
# …and the departments of its party committee written bare (组织部、民政局等单位 in a county's text: the county
# committee's), not the generic 组织部门/宣传部门 nor a 政法委员 (a person); a zone's body so written (高新区管委会).
# Tried only where one of its words ends: the offsets of 部, 办 and 委 come from the document's one table pass of
# stop characters (text_utils.stop_positions); the word ending there gives the start. A scan of the text for the
# words (one pattern, or str.find per word) costs 35–80 instructions per character, most of this rule's cost
_BARE_OTHER = re.compile(r"(?P<party>(?:组织部|宣传部|统战部|社会工作部|网信办|编办)(?!门)|政法委(?!员))"
                         r"|(?P<zone>(?:高新区|经开区|开发区)(?:管委会|党工委))")
# the three characters up to 部/办/委 (or 编办, 社会工作部, 管委会 read around it) → where the match starts, counted back
# from that character (a zone's body: its kind's three characters before 管委会/党工委)
_BARE_OTHER_ENDS = {"组织部": 2, "宣传部": 2, "统战部": 2, "工作部": 4, "网信办": 2, "政法委": 2, "党工委": 5}
# what may stand straight before a bureau written without its place: no character, punctuation, a
# list or preposition word (与交通局沟通, 会同城管局, 配合住建局)
_BARE_BEFORE = "与和及同向由经、并对请合"


# a list of departments written by their stems alone, no place, no 局 (对接住建、应急等部门; 吸纳组织、政法、编办、
# 农业农村等28个部门): the subject's own departments. Party departments by their stem (general vocabulary);
# a government stem names its bureau (应急 → 应急管理局, else stem + 局)
_PARTY_STEMS = {"组织": "委组织部", "宣传": "委宣传部", "统战": "委统战部", "政法": "委政法委", "编办": "委编办",
                "社会工作": "委社会工作部", "网信": "委网信办", "文明办": "委文明办"}
_STEM_BUREAU = {"应急": "应急管理局"}
_STEM = "(?:" + "|".join(sorted({*_BUREAUS, *_PARTY_STEMS, *_STEM_BUREAU}, key=len, reverse=True)) + ")"
_STEM_LIST = re.compile("(" + _STEM + "(?:、" + _STEM + ")+)等(?:[0-9]{1,3}个|多个|相关|有关|职能)?(?:部门|单位)")

# a street's office named after its road (northern cities): 兴建路办事处, 中山街办事处
_ROAD_OFFICE = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[" + _NOT_BODY + r"]))(" + _BODY + r"{1,4}?[路街])办事处",
                          re.MULTILINE)


def _road_offices(text: str, subject: str | None, gaz: Gazetteer, out: list, add) -> None:
    """A street office written with its road's name and no 街道 (兴建路办事处) is a street's office of
    the subject's district or city."""
    unit = _own_unit(subject, gaz)
    if unit is None or "办事处" not in text:
        return
    place = gaz.agency_prefix(unit.adcode)
    # (tried only where 办事处 follows a road's name of 2–5 characters: the pattern opens with lookbehinds)
    for m in finditer_at(_ROAD_OFFICE, text, literal_starts(text, "办事处", (2, 3, 4, 5))):
        if not any(a.start <= m.start(1) < a.end for a in out):
            add(m.start(1), m.end(), place + m.group(), place)


# a unit's government and an office it sends out, written as one name (某区人民政府某某办事处): the office, a
# street-level unit of that district, even where its name holds no 街道 (某街道办事处: the places step's)
_GOV_OFFICE = re.compile(r"(?:人民政府|政府)(" + _BODY + r"{2,4}?)办事处")
# where something lies (位于某区某中心, 地处…): a location, not a body that acts
_LOCATED_AT = re.compile(r"(?:位于|地处|坐落于|坐落在)$")


def _offices_of_government(text: str, admins: list, gaz: Gazetteer, out: list, add) -> None:
    """某区人民政府某某办事处 → 某区某某办事处 (not the district's government)."""
    if "办事处" not in text:
        return
    admin_end = {a.end: a for a in admins if gaz.by_code[a.code].level != "province"}
    for m in _GOV_OFFICE.finditer(text):
        adm = admin_end.get(m.start())
        name = m.group(1)
        if adm is None or name.endswith(("街道", "镇", "乡")) or _opens_with_verb(name) or _GENERIC_BODY.match(name):
            continue  # (a street's office written so is the local bodies' step's)
        _drop_inside(out, adm.start, m.end())
        place = gaz.agency_prefix(adm.code)
        add(adm.start, m.end(), place + name + "办事处", place)


def _own_unit(subject: str | None, gaz: Gazetteer):
    """The subject's own county-level or city unit (the subject, or the unit above a street)."""
    return next((p for p in gaz.chain(subject) if p.level != "province"), None) if subject else None


# every unit of some levels, written before their bureaus (各县(区、市)民政局, 各县（市、区）民政局): no one body
# (and the next items of their list: 各县(区、市)民政局、发改局)
_LEVELS_LISTED = re.compile(r"各[省市区县州旗乡镇][(（][省市区县州旗乡镇、]{1,6}[)）](?:[\u4e00-\u9fff]{1,10}?[局委办部]、)*$")


def _bare_departments(text: str, subject: str | None, gaz: Gazetteer, out: list, add) -> None:
    """A standard bureau written without its place (民政局积极与交通局沟通, 住建局某局长陪同) is the
    bureau of the subject's county or city, and a party department so written (；组织部、民政局等单位) its
    party committee's, and a zone's body so written (高新区管委会 in a city's reply) the city's zone's; not in a
    province's text, where a bureau is some city's."""
    unit = _own_unit(subject, gaz)
    if unit is None:
        return
    place = gaz.agency_prefix(unit.adcode)
    city = next((p for p in gaz.chain(subject) if p.level == "city"), unit)  # a zone is its city's
    covered = {i for a in out for i in range(a.start, a.end)}
    bureaus, starts = bare_bureau_spans(text), []
    for e in stop_positions(text, "部办委"):
        back = _BARE_OTHER_ENDS.get(text[e - 2:e + 1]) if e >= 2 else None
        if back is None:
            back = 1 if text[e - 1:e + 1] == "编办" else 4 if text[e - 1:e + 2] == "管委会" else None
        if back is not None and e >= back:
            starts.append(e - back)
    others = [(m.start(), m.end(), "zone" if m.group("zone") else "party")
              for m in finditer_at(_BARE_OTHER, text, starts)]
    for start, end, kind in [(s, e, "bureau") for s, e in bureaus] + others:
        before = text[start - 1:start]
        if start in covered or is_cjk(before) and before not in _BARE_BEFORE or _LEVELS_LISTED.search(text, max(0, start - 80), start):
            continue
        if kind == "zone":
            add(start, end, gaz.agency_prefix(city.adcode) + text[start:end], gaz.agency_prefix(city.adcode))
        else:
            add(start, end, place + ("委" if kind == "party" else "") + text[start:end], place)


def _short_form_bureaus(text: str, subject: str | None, gaz: Gazetteer, out: list, add) -> None:
    """A standard bureau written after its city's or county's short form (铜川民政局, 宜君民政局), as news items write
    them: that unit's bureau, where one city or county of the text's province (or of the country) has the short form."""
    covered = {i for a in out for i in range(a.start, a.end)}
    province = gaz.by_code[subject].province if subject else None
    for start, end in bare_bureau_spans(text):
        if start in covered or not is_cjk(text[start - 1:start]):
            continue
        for head, place in _short_forms_before(text, start, gaz, covered, lambda codes: [
                c for c in codes if (gaz.by_code[c].level == "city" or gaz.by_code[c].is_county_level)
                and (province is None or gaz.by_code[c].province == province)]):
            add(head, end, place + text[start:end], place)


# a congress or CPPCC written after its unit's short form, as news credits and headlines write it (某省人大 as 新疆人大,
# 某市政协 as 铜川政协); not its deputies or members (人大代表, 政协委员)
_SHORT_CONGRESS = re.compile(r"(?:人大常委会|人大|政协)(?!代表|委员|常委(?!会)|会议|提案|建议|议案|工作|[\u4e00-\u9fff]{0,2}届)")


def _short_form_congress(text: str, subject: str | None, gaz: Gazetteer, out: list, add) -> None:
    """A province's, city's or county's 人大 (常委会) or 政协 written after its short form (来源:新疆人大, 铜川政协调研组…):
    that unit's, where one province, or one city or county of the text's province, has the short form."""
    covered = {i for a in out for i in range(a.start, a.end)}
    province = gaz.by_code[subject].province if subject else None
    for key in ("人大", "政协"):
        pos = text.find(key)
        while pos >= 0:
            m = _SHORT_CONGRESS.match(text, pos)
            start = pos
            pos = text.find(key, pos + 2)
            if m is None or start in covered or not is_cjk(text[start - 1:start]):
                continue
            for head, place in _short_forms_before(text, start, gaz, covered, lambda codes: [
                    c for c in codes if gaz.by_code[c].level == "province"] or [
                    c for c in codes if province is not None and gaz.by_code[c].province == province
                    and (gaz.by_code[c].level == "city" or gaz.by_code[c].is_county_level)]):
                add(head, m.end(), place + text[start:m.end()], place)


def _short_forms_before(text: str, start: int, gaz: Gazetteer, covered: set[int], choose):
    """(head, agency prefix) for each unit's short form written straight before ``start`` (铜川 of 铜川民政局) whose codes
    ``choose`` narrows to one, at a boundary: no character, punctuation or a word of ``_BARE_BEFORE`` before it (a word
    before the short form: no name of it), nor inside a mention found already (``covered``)."""
    for hit in gaz.scan(text[max(0, start - 6):start]):
        if max(0, start - 6) + hit.end != start or not hit.is_alias or is_common_word(hit.surface, 20):
            continue
        codes = choose(hit.codes)
        head = start - len(hit.surface)
        before = text[head - 1:head]
        if len(codes) == 1 and head not in covered and (not is_cjk(before) or before in _BARE_BEFORE):
            yield head, gaz.agency_prefix(codes[0])


def bare_bureau_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_BARE_BUREAU.finditer(text)``, read back from each 局 (from the document's one table pass
    of stop characters): the stem ending there that starts leftmost, past the last span. Scanning the text
    with the pattern cost about 120 instructions per character (its ninety alternatives tried at every
    character that opens one)."""
    spans: list[tuple[int, int]] = []
    reach = 0
    for e in stop_positions(text, "局"):
        for n in _STEM_LENGTHS:
            if e - n >= reach and text[e - n:e] in _BUREAU_STEMS:
                spans.append((e - n, e + 1))
                reach = e + 1
                break
    return spans


def _stem_lists(text: str, subject: str | None, gaz: Gazetteer, out: list, add, keys: list[tuple[int, int]]) -> None:
    """Departments listed by their stems before 等(N个)部门 (协调住建、应急等部门; 吸纳组织、政法、编办等部门):
    every item a stem of the vocabulary (not only the last ones: 民宗、生态移民、组织、宣传等部门 names none), the list
    opening after no hanzi, a list or preposition word, or a verb (吸纳, 对接) — not inside a word (社会组织、民政等单位
    holds no 组织部) — names the subject's own
    county's or city's departments; not in a province's text."""
    unit = _own_unit(subject, gaz) if keys else None
    if unit is None:
        return
    place = gaz.agency_prefix(unit.adcode)
    for m in _finditer_in_runs(_STEM_LIST, text, keys, _CJK_LIST_RUN, "、"):
        start = m.start()
        before = text[start - 1:start]
        if is_cjk(before) and before not in _BARE_BEFORE and not is_common_verb(text[max(0, start - 2):start]):
            continue
        if before == "、":
            # the list's first items are no stems (民宗、生态移民、组织、宣传等部门): a list of fields, not of departments
            continue
        covered = {a.start for a in out}
        pos = start
        for item in m.group(1).split("、"):
            if pos not in covered:
                party = _PARTY_STEMS.get(item)
                add(pos, pos + len(item), place + (party or _STEM_BUREAU.get(item, item + "局")), place)
            pos += len(item) + 1


# a news outlet: a paper, a news site or app (江城日报社, 某某晚报, 大江网, 某某新闻)
_OUTLET_END = re.compile(r"日报社|日报|晚报|都市报|报社|新闻网|网|新闻")
# what an outlet does as an actor of the text: it organises, reports, goes out to the places
_OUTLET_ACTS = re.compile(r"联合|推出|深入|走进|(?:主办|承办|协办)(?!单位|單位)|发起|开设|开辟|报道[:：]")
_OUTLET_BEFORE = "、和及与由"
# …or does it further on in its clause: 由某某网和某某学院联合主办, 某某网理论频道推出 (not past a dateline
# 讯 or a byline 记者)
_OUTLET_ACTS_LATER = re.compile(r"[^，,。；;！？!?、“”《》\n讯记]{1,12}?(?:(?:联合主办|主办|承办|协办)(?!单位|單位)|推出|发起)")
# words ending in 网 or 新闻 that name a network or a kind of news, not an outlet
_NOT_OUTLET = ("电网", "管网", "路网", "天网", "法网", "联网", "域网", "特网", "专网", "内网", "外网")
_VERBAL = ("v", "vn", "vd", "a", "ad", "d")  # 综合新闻, 相关新闻: a kind of news, no outlet
# a news item opening with its outlet's name: 云上某某报道：
_OUTLET_LEAD = re.compile(r"^[ \t\u3000]*(" + _BODY + r"{2,8}?)报道\s*[:：(（]", re.MULTILINE)


def _news_outlets(text: str, out: list, add) -> None:
    """News outlets that act in the text: followed by what they do (某某网深入社区采访, 某某新闻联合…推出,
    某某报道：) or listed beside an agency as co-organiser (市委宣传部、某某日报社主办). Not a dateline
    (某某网讯), a byline (某某报记者) or a source line (来源：某某日报): there the outlet only carries
    the story. The name starts after punctuation, a list word or an agency; a network (互联网, 电网)
    or a kind of news (综合新闻) is no outlet."""
    ends = {a.end for a in out}
    starts = {a.start for a in out}
    for m in _OUTLET_END.finditer(text):
        after = m.end()
        acts = _OUTLET_ACTS.match(text, after) or (
            # (further on only where the name ends there: not 网格员, 网络, 网民…)
            (lexicon_entry(text[after - 1:after + 1]) or (0, ""))[0] < 50 and _OUTLET_ACTS_LATER.match(text, after))
        listed = text[after:after + 1] in "、和及" and after + 1 in starts
        start = m.start()
        while start > 0 and start > m.start() - 8 and text[start - 1] not in _NOT_BODY and is_cjk(text[start - 1]) \
                and start not in ends:
            start -= 1
        before = text[start - 1:start]
        if start > 0 and is_cjk(before) and before not in _OUTLET_BEFORE and start not in ends:
            continue  # the name runs on past eight characters: part of a sentence
        listed = listed or (before in "、和及" and start - 1 in ends)
        if text[start] == "由" and m.start() - start > 2:
            start += 1  # 由某某网和…主办: the outlet after the preposition
        name = text[start:after]
        if not (acts or listed) or m.start() - start < 2 or name.endswith(_NOT_OUTLET) \
                or (lexicon_entry(text[start:m.start()]) or (0, ""))[1] in _VERBAL \
                or is_common_verb(name[:2]) or any(a.start <= start < a.end for a in out):
            continue
        add(start, after, name, None)
    for m in _OUTLET_LEAD.finditer(text) if "报道" in text else ():
        if not is_common_word(m.group(1)):
            add(m.start(1), m.end(1), m.group(1), None)


# a paper's name opened by a congress's or CPPCC's (某省政协报新闻中心, 某省政协报创办的网站)
# (not where 报 opens a verb: 区政协报送, 县人大报告)
_PAPER_AFTER = re.compile(r"[报報](?![告送名到批备審审请請經经])")


def _drop_site_names(text: str, out: list) -> None:
    """A body's name that opens a website's or a paper's (来源：某县人大网, 某市民政网讯, 某省政协报新闻中心): the site
    or paper only carries the story, as an outlet's source line or dateline does, and names no body acting in it."""
    out[:] = [a for a in out if not (text.startswith("网", a.end)
                                     and (not is_cjk(text[a.end + 1:a.end + 2] or " ") or text[a.end + 1] in "讯訊")
                                     or a.as_written.endswith(("政协", "政協", "人大")) and _PAPER_AFTER.match(text, a.end))]


# a county's or city's media centre (某区融媒体中心), which carries the news of its place
_MEDIA_CENTRE = ("融媒体中心", "融媒體中心")
# …credited with the story: its source line (来源: 某区融媒体中心), its editor's credit (责编: 区融媒体中心 某某) or its
# reporter's byline (某市融媒体中心记者某某)
_CREDIT_BEFORE = re.compile(r"(?:来源|來源|稿源|责编|責編|责任编辑|責任編輯|编辑|編輯)[ \t\u3000]*[:：][ \t\u3000]*$")
_CREDIT_AFTER = re.compile(r"[ \t\u3000]*[(（/]?[ \t\u3000]*(?:全媒体|全媒體)?(?:记者|記者)")


def _drop_media_credits(text: str, mentions: list) -> list:
    """Mentions of a media centre in a source line or a byline (来源: 某区融媒体中心, 某市融媒体中心记者某某): it only
    carries the story, as a paper's source line does (extra-ac, -af, -ai's gold leave these out). Elsewhere, a photo
    credit (某区融媒体中心供图) or a centre at work in the text, it is the place's public institution."""
    def credit(m) -> bool:
        if not m.name.endswith(_MEDIA_CENTRE):
            return False
        line_start = text.rfind("\n", 0, m.start) + 1
        return bool(_CREDIT_BEFORE.search(text, line_start, m.start)) or bool(_CREDIT_AFTER.match(text, m.end))
    return [m for m in mentions if not credit(m)]


# a frontier-defence squad named by its own area (西沙边防支队, 兴安边境管理支队) and the posts it keeps: a national
# force's unit; a county or city written before it (来到某市兴安边境管理支队…) is where it is, not part of its name
# (extra-ac's and extra-ae's gold write it from the squad's own name)
_FRONTIER = re.compile(r"[\u4e00-\u9fff]{2}(?:公安)?(?:边防|边境管理)(?:支队|大队)")
_FRONTIER_POST = ("边境派出所", "边防派出所", "边境检查站", "边防检查站")


def _frontier_as_written(mentions: list) -> list:
    """A frontier squad's mentions named from the squad's own name, with no place; its post written alone
    (伊尔施边境派出所 beside 兴安边境管理支队伊尔施边境派出所) is the same post."""
    out = []
    for m in mentions:
        f = _FRONTIER.search(m.as_written)
        if f is not None and m.name.endswith(m.as_written[f.start():]):
            m = AgencyMention(m.start, m.end, m.as_written, m.as_written[f.start():], None)
        out.append(m)
    squads = [m.name for m in out if m.place is None and _FRONTIER.match(m.name)]
    for i, m in enumerate(out):
        if m.place and m.name.endswith(_FRONTIER_POST) and m.name == m.place + m.as_written:
            whole = next((name for name in squads if name.endswith(m.as_written)), None)
            if whole is not None:
                out[i] = AgencyMention(m.start, m.end, m.as_written, whole, None)
    return out


def _drop_inside(out: list, start: int, end: int) -> None:
    """Remove mentions found inside [start, end) (江苏省委 inside 致公党江苏省委)."""
    out[:] = [a for a in out if not (start <= a.start and a.end <= end)]


# the units below a county that a name adds after its place (某县某镇网格化服务中心 is the town's, not 县网格化服务中心)
_TOWN_UNITS = ("镇", "鎮", "街道")


def _merge_abbreviations(pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    """Map an abbreviated name to the full one of the same place when both end alike and the
    short one is a subsequence of the long one (房地产中心 ⊂ 房地产管理中心, 城管执法局 ⊂
    城市管理和综合执法局, 人社局 ⊂ 人力资源和社会保障局; a 委 ends a 委员会 too: 发改委 ⊂ 发展和改革委员会);
    what the long one adds holds no level char (城市 aside): no unit below. The short one names a
    department (three characters or more after its place), not the place's party committee (市委)."""
    def subseq(short: str, long: str) -> bool:
        it = iter(long)
        return all(ch in it for ch in short)

    def head(name: str) -> str:  # (人大常委会 ends as 人民代表大会常务委员会 does: in 委)
        return name[:-2] if name.endswith("委员会") else name[:-1] if name.endswith("常委会") else name

    # only names of one place pair up: each name is compared with those of its own place (in the
    # order of ``pairs``), the tests of one name alone made once
    # (and ending alike: kept per place and last character of the head)
    of_place: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for b, pb in pairs:
        if pb:
            hb = head(b)
            of_place.setdefault((pb, hb[-1:]), []).append((b, hb))
    out: dict[str, str] = {}
    for a, pa in pairs:
        if not pa or len(a) - len(pa) < 3 and not a.endswith("行署"):  # (行署 ⊂ 行政公署 too)
            continue
        ha = head(a)
        for b, hb in of_place.get((pa, ha[-1:]), ()):
            if len(a) < len(b) and subseq(ha, hb) \
                    and len(b) - len(a) <= 8 \
                    and b.endswith(("中心", "小组", "专班", "局", "委员会", "支队", "大队", "派出所", "行政公署")) \
                    and not set("省市区县") & set((Counter(b.replace("城市", "城")) - Counter(a)).elements()) \
                    and not any(unit in b and unit not in a for unit in _TOWN_UNITS) \
                    and len(out.get(a, "")) < len(b):
                out[a] = b
    return out


_HEADER_CHARS = 600  # where a page prints its breadcrumb
_ORGAN_PAPER = ("机关报", "机关刊")  # 中共某市委机关报: the paper's masthead names the committee it speaks for


def _breadcrumbs(text: str) -> list[tuple[int, int]]:
    """Spans of the page's breadcrumb lines: a line with 首页 and a level mark after it (首页 > 要闻 > …),
    in the page's header (its first ``_HEADER_CHARS`` characters)."""
    spans: list[tuple[int, int]] = []
    pos = text.find("首页", 0, _HEADER_CHARS)
    while 0 <= pos:
        start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
        end = len(text) if end < 0 else end
        if _rx(r"首页\s*[>＞»›]").match(text, pos):
            spans.append((start, end))
        pos = text.find("首页", end, _HEADER_CHARS)
    return spans


# bodies of the whole country or of no place, named as written (中国…协会, 国家…学院, 全国…联合会)
_NATIONAL = ("中国", "中华", "国家", "全国")


def _span_name(text: str, s: int, e: int, admin_at: dict, subject: str | None,
               gaz: Gazetteer) -> tuple[str, str | None] | None:
    """(canonical name, place) of a body written as ``text[s:e]``, by the grammar's prefix logic: a place
    name opening it heads it (某县某某中心); a level char stands for the subject's unit of that level (or
    the last one named before it); a national body is as written; a body with no place is the subject's
    own county's or city's (综治中心), as a bare department is. None where the prefix names no place."""
    adm = admin_at.get(s)
    if adm is None and any(a.start < s < a.end for a in admin_at.values()):
        return None  # (it opens inside a place's name: 咸宁市's 市 heads nothing)
    if adm is not None:
        if adm.end >= e - 1:
            return None  # a place and one character: no body's name
        place = gaz.agency_prefix(adm.code)
        return place + text[adm.end:e], place
    if text[s] in "我全本" and text[s + 1:s + 2] in ("省", "市", "区", "县"):
        s += 1  # 我市某某中心: the subject's own unit
    lv = text[s]
    if lv in "省市区县州":
        ok, _p, _start = _prefix_ok(text, s, _NO_ADMIN)
        if not ok or _WORD_AFTER_LEVEL.match(text, s):
            return None
        place = level_place(gaz, subject, lv) or _named_before(text, s, lv, list(admin_at.values()), gaz)
        return (place + text[s + 1:e], place) if place else None
    if text.startswith(_NATIONAL, s):
        return text[s:e], None
    unit = _own_unit(subject, gaz)
    if unit is None:
        return text[s:e], None
    place = gaz.agency_prefix(unit.adcode)
    return place + text[s:e], place


def model_mentions(text: str, subject: str | None, gaz: Gazetteer, found: list[AgencyMention],
                   model) -> list[AgencyMention]:
    """The agencies ``model`` (:mod:`loaders.extract.agency_model`) proposes where the grammar found none,
    named by :func:`_span_name`."""
    blocked = bytearray(len(text) + 1)
    for a in found:
        blocked[a.start:a.end] = b"\x01" * (a.end - a.start)
    admins = admin_mentions(text, subject, gaz)
    admin_at = {a.start: a for a in admins}
    out = []
    for c in propose(text, model, blocked, admin_at.keys(), {a.end for a in found}):
        named = _span_name(text, c.start, c.end, admin_at, subject, gaz)
        if named is not None:
            out.append(AgencyMention(c.start, c.end, text[c.start:c.end], _canonical(named[0]), named[1]))
    return _in_text(text, out)


def rule_mentions(ctx: Context, gaz: Gazetteer) -> list[AgencyMention]:
    """The agencies the grammar finds in the document (the subject's own street or town known)."""
    subject_place = ctx.document.subject_place
    subject = ctx.subject_code()
    local = (subject_place,) if subject_place and subject_place != (gaz.full_name(subject) if subject else None) \
        else ()
    # a community's report calls the office of its street plainly 街道办事处 too
    own = ctx.place_named(subject_place) if local else None
    if own is not None and own.level == "community" and (own.parent or "").endswith(("街道", "镇", "乡")):
        local += (own.parent,)
    return agency_mentions(ctx.text, subject, ctx.document.issuer, gaz, local)


def extract_agencies(ctx: Context, model: QuoteModel | None = None, rules_only: bool = False) -> None:
    """The document's agencies: the grammar's, and those the shipped classifier (or ``model``) proposes
    where the grammar found none (none with ``rules_only``)."""
    gaz = load_gazetteer()
    subject = ctx.subject_code()
    mentions = rule_mentions(ctx, gaz)
    model = None if rules_only else model or load_agency_model()
    if model is not None:
        mentions = mentions + model_mentions(ctx.text, subject, gaz, mentions, model)
    crumbs = _breadcrumbs(ctx.text)
    # a page's column names (首页 > 要闻 > 省政府要闻) and a paper's masthead (中共某州委机关报) name no body
    # at work in the text
    if crumbs or any(paper in ctx.text for paper in _ORGAN_PAPER):
        mentions = [m for m in mentions if not ctx.text.startswith(_ORGAN_PAPER, m.end)
                    and not any(s <= m.start < e for s, e in crumbs)]
    mentions = _frontier_as_written(_drop_media_credits(ctx.text, mentions))
    alias = _merge_abbreviations(sorted({(m.name, m.place) for m in mentions}, key=str))
    # an agency's place is written as it heads the name (象山县); the record names it in full
    full = {gaz.agency_prefix(p.adcode): gaz.full_name(p.adcode) for p in gaz.chain(subject)} if subject else {}
    for a in admin_mentions(ctx.text, subject, gaz):
        full.setdefault(gaz.agency_prefix(a.code), gaz.full_name(a.code))
    # each agency's mentions gathered first, as plain fields: the record's own validation makes the
    # Mention objects (one validator call per agency instead of one Python constructor per mention)
    found: dict[str, tuple[str | None, list[dict[str, object]]]] = {}
    seen: set[tuple[str, int, int]] = set()
    for m in mentions:
        name = alias.get(m.name, m.name)
        got = found.get(name)
        if got is None:
            got = found[name] = (full.get(m.place, m.place) if m.place else None, [])
        if (name, m.start, m.end) not in seen:  # the same span can be found by two patterns
            seen.add((name, m.start, m.end))
            got[1].append({"start": m.start, "end": m.end, "as_written": m.as_written})
    recs = {name: AgencyRec(name=name, place=place, mentions=spans) for name, (place, spans) in found.items()}
    issuer = ctx.document.issuer
    if issuer:
        for part in issuer.split("、"):
            name = alias.get(part, part)  # the issuer written short, its full name used in the text
            if name not in recs:
                recs[name] = AgencyRec(name=name, place=ctx.document.subject_place)
    ctx.agencies = list(recs.values())
