"""Extraction step: named models (quoted scheme names such as “12341”, “三轮驱动”, “邻里议事会”).

Replies and reports name a local scheme by quoting it; they also quote planning periods, slogans of
the centre, catch-phrases, whole sentences and residents' words. The step takes every quote (and a
‘…’ inside quoted speech) as a candidate; rules reject what is never a name (stop-list, designations,
planning periods, the proposal's wording, parts being defined) and give their verdict on the rest
(numeral compounds, lists, a scheme word after the quote, a naming verb before it…); a small trained
classifier (``quote_features`` + ``quote_model``) weighs those verdicts with how the quote is written
and used and decides. Components come from the text: the parts of a quoted list, a （…） list or 即…
definition after the name, “X”即… definitions of its parts, or an enumeration of exactly N items
written before a numeral name (自治、法治、德治“三治融合”). The owner is the place the text credits:
straight before the quote (咸安区、崇阳县的“星空夜话”), a body's place (省厅“三个清单”), 全市, or the
place heading the quote's clause or an earlier clause of its sentence (点军区同样…，以“院坝说事”为
抓手); else the subject place.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from loaders.extract.context import Context
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.practices import ROLE_COMPONENT, load_taxonomy
from loaders.extract.quote_features import FIGURE_VERB, QuoteView, quote_features
from loaders.extract.quote_model import QuoteModel, load_quote_model
from loaders.extract.text_utils import (
    any_of,
    class_led,
    is_cjk,
    is_common_word,
    lexicon_entry,
    match_opening,
    opening_chars,
    opening_class,
    run_start,
    sentence_bounds,
    stop_at_or_after,
    stop_positions,
)
from loaders.extract.text_utils import cached_regex as _rx
from loaders.record import NamedModelRec, PlaceRec

__all__ = ["Quote", "extract_named_models", "find_quotes", "place_mentions", "quote_candidates", "split_list"]

# (一线, the front line, is a word, not a count: “一线指挥部” names a role, not a numeral scheme)
_NUM_LEAD = re.compile(r"^(?!一线)[一二三四五六七八九十百千两双0-9]")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "十": 10}
# Ordinary bureaucratic vocabulary and idioms that are quoted but name no local scheme.
_STOPLIST = frozenset({
    "两委", "两新", "三无", "三留守", "两代表一委员", "五险一金", "两办", "一盘棋", "一百米", "最后一公里",
    "最后一百米", "五个指头", "一个拳头", "线上+线下", "线上线下", "三年行动计划", "两学一做", "一岗双责",
    "放管服", "双一流", "一把手", "一票否决", "三重一大", "四风", "八项规定", "两个维护", "四个意识",
    "四个自信", "两个确立", "三会一课", "最多跑一次", "一站式", "一次性", "一肩挑", "三无小区",
    "一老一小", "三个代表", "三供一业", "供给侧改革", "公开、公平、公正", "公平、公正、公开",
    # national initiatives and ideas quoted by their short names (the Internet Plus initiative, the “two
    # mountains” idea): no place's scheme
    "互联网+", "两山",
    # national holidays written by their dates, and national campaigns and goals quoted by their short
    # names (NOTES.md: 清零 is excluded): the country's, no place's scheme
    "七一", "五一", "八一", "三八", "五四", "六一", "九九", "我为群众办实事", "六稳", "六保", "双减", "扫黑除恶",
    "三严三实", "四史", "清零", "不忘初心、牢记使命",
    # the practice every page of the field names (坚持“党建引领”), the party's standard activities, national
    # slogans and an ordinary triple: no place's scheme
    "党建引领", "主题党日", "政治生日", "铸牢中华民族共同体意识", "人防、物防、技防",
})
# a descriptor made with 化 (“无缝化”, “多元化”, “精细化”): how something is done, not a scheme's name
_DESCRIPTOR = re.compile(r"[\u4e00-\u9fff]{1,2}化|微(?:治理|服[务務]|力量|[队隊]伍|心[愿願]|[梦夢]想|[诉訴][求]|平[台臺]|更新|改造)")
# (or 微 before a broad activity word, “微治理”, “微服务”, “微心愿”: small-scale X, not a scheme's
# name; 微 before a unit or an instrument names one: “微网格”, “微公约”)
# what troubles the place (“…”的困扰, “…”的尴尬, “…”的治理困境): a problem, even when it is a quoted list
_TROUBLE_AFTER = re.compile(r"^的?(?:困扰|烦恼|苦恼|尴尬|窘境|[^，,。；;“”]{0,4}?困境)")
# a category of crime (“两抢一盗”案件, “黄赌毒”等违法犯罪): what is fought, even a numeral one
_CRIME_AFTER = re.compile(r"^等?类?(?:案件|刑事案件|违法犯罪|犯罪)")
_SCHEME_WORDS = (r"(模式|机制|体系|工程|品牌|制度|原则|要求|标准|清单|活动|行动|项目|计划|"
                 r"工作法|工作方法|方法|管理法|治理法|化解法|调解法|议事法|架构|名片|工作室|理念|思路|步调|举措|形式|空间|平台|联席|竞赛|目标|亮点|案例|建设|服务|创建|格局|办法|阵地)")
_TYPE_AFTER = re.compile(r"^[^，,。；;：:！？!?\n“”]{0,8}?" + _SCHEME_WORDS)
# the kind of scheme a headline's quote is, straight after it (“…”协商议事平台, “…”工作机制, “…”基层治理模式): the headline says
# what it is
_KIND_AFTER = re.compile(r"[^，,。；;：:！？!?\n“”]{0,4}?(?:模式|机制|体系|平台|品牌|工作法|制度|工程|行动|项目|驿站|议事会|服务站|中心)")
# the kind of facility, channel or instrument the quote names, straight after it (“…”驿站, “…”窗口,
# “…”调解室, “…”小程序/APP/公众号/热线/微信群, “…”公约): a named facility or platform
_FACILITY_AFTER = re.compile(r"^(?:[^，,。；;：:！？!?\n“”、]{0,4}?(?:驿站|窗口|调解室|小程序|小程式|公众号|热线|微信群|公约)"
                             r"|(?:手机)?(?:APP|App|app))")
# a scheme word the quote itself names (做好“…”工作法, “…”服务品牌), not one a verb after it governs
# (化身“…”提供托管服务)
_TYPE_NEXT = re.compile(r"^[^，,。；;：:！？!?\n“”提供开展推动实现让使为]{0,3}?" + _SCHEME_WORDS)
# after an enumeration of quotes: “A”“B”“C”等一批协商议事品牌
_CHAIN_TAIL = re.compile(r"^[^，,。；;：:！？!?\n“”]{0,3}?等[^，,。；;：:！？!?\n“”]{0,14}?" + _SCHEME_WORDS)
# a role, a function or a problem the quote names (发挥“…”作用, “…”等现象); a verb between the quote and
# the noun makes the quote the subject that acts on it (“…”实现问题在格内解决, “…”化解难题)
_ACTS_ON = r"(?!实现|解决|破解|化解|处理|发现|减少|推动|助力|让|使)"
_NEG_AFTER = re.compile(r"^(?:" + _ACTS_ON + r"[^，,。；;！？!?\n]){0,6}?"
                        r"(作用|功能|现象|督查|问题|难题|困境|意识|氛围|名义|刊发|刊载|转载|栏目|周刊|专栏|专刊|副刊)")
_CATEGORY_AFTER = re.compile(r"^等?(?:人员|干部|班子|成员|组织|小区|名义|推荐|换届|家庭|对象|职责|群体|户|岗位)")
_CATEGORY_OPENS = match_opening(_CATEGORY_AFTER)  # (what follows most quotes opens with none of them: tested first)
_VERB_BEFORE = re.compile(
    r"(?:实施|推行|打造|创建|建成|成立|推进|探索|形成|确立|依托|深化|健全|落实|坚持|实行|出台|开展|完善|举办|"
    r"建立|构建|提出的|推广|创新|启动|实现|制定了?|推动|首创|推出|搭建|创设|创立|设立|组建|培育|列入|纳入|"
    r"命名为|取名为|概括为|总结为|提炼为)[^，,。；;：:“”]{0,4}$")
# (also the kind of facility or channel, 公众号“…”, 调处室“…”, APP“…”: the name of one, as “…”驿站 after it)
_APPOSITION_BEFORE = re.compile(r"(?:基地|品牌|平台|项目|活动|模式|机制|工程|阵地|中心|专区|專區|驿站|驛站|调解室|調解室|调处室|調處室|"
                                r"工作室|服务站|服務站|公众号|公眾號|小程序|小程式|微信群|APP|App|app)$")
_DESIGNATION = re.compile(r"^(?:全国|国家|全省|省级|全市)|(?:实验区|示范区|示范点|示范(?:社区|社區|小区|小區|村|单位|單位|街道)"
                          r"|先进单位|称号|荣誉|十佳|百强|奖)$")
_REQUEST = re.compile(r"^关于|(?:建议|提案|议案)$")
_LIST_SEP = re.compile(r"[、—－–\-]")
# (组织 ending a noun, 党组织 / 社会组织 / 自治组织, is no verb: 建立以社区党组织为领导核心、… keeps its head)
_ACTION_VERB = re.compile(r"开展|实施|推进|推行|建立|落实|打造|构建|提供|(?<![党会治团济介层务众])组织|整合|发挥|围绕|聚焦")
_LEAD_VERB = re.compile(
    r"^(?:并|并且|同时|还)?(?:积极|充分|全面|大力|有效)?(?:发挥|联合|凝聚|建立|推进|增强|按照|推行|健全|实施|坚持|落实|深化|完善|探索|突出|形成|打造|实行|构建|开展|以|由|通过|"
    r"围绕|包括|涵盖|建成|成立|设立|整合|推动|强化|加强)")
_CLAUSE_STOPS = "，,。；;：:！？!?\n"
_SENT_STOPS = "。；;！？!?\n"
_UNIT_METAPHOR = re.compile(r"^[一二三四五六七八九十百千]+(?:米|公里|分钟|小时)$")


_QUOTE_MARKS = re.compile(r"[“”]")
_QUOTE_CHARS = '“”"'  # (a straight mark closes an open “ too: “五个创建")


@dataclass
class Quote:
    """One quoted phrase: ``start``/``end`` cover the content without the quote marks."""
    text: str
    start: int
    end: int
    orphan: bool = False
    nested: bool = False  # a ‘…’ inside a “…” (a name inside quoted speech)


@dataclass
class _Cand:
    name: str
    start: int  # mention span (as written)
    end: int
    quote: Quote
    components: list[str] = field(default_factory=list)
    accepted: bool = False
    rejected: bool = False  # by a rule that no context overrides (stop-list, the proposal's wording…)
    doubt: str = ""  # a rule's reason to doubt it (a category term, a goal…): the classifier weighs it
    rule_accepted: bool = False
    anchor: int = -1  # where the phrase that introduces it starts (the list quote of 五位一体)


def find_quotes(text: str) -> list[Quote]:
    """“…” pairs on one line (an unclosed “ is dropped); a ” with no opening mark after an
    alphanumeric scheme code (采取7+N”) yields that code as an orphan quote."""
    out: list[Quote] = []
    open_at = -1
    find = text.find
    for i in stop_positions(text, _QUOTE_CHARS):  # (the offsets of _QUOTE_MARKS' matches, from one table pass)
        ch = text[i]
        if ch == '"' and (open_at < 0 or find("\n", open_at, i) >= 0):
            # a page that lost its curly marks: a straight mark opens a pair ("…") that holds words
            j = find('"', i + 1, i + 62)
            if j > 0 and find("\n", i, j) < 0 and _rx(r"[\u4e00-\u9fff]").search(text, i + 1, j):
                open_at = i
            continue
        if ch == "“":
            open_at = i
        else:
            if open_at >= 0 and find("\n", open_at, i) >= 0:
                open_at = -1  # a line break closes nothing: the “ is dropped
            if open_at >= 0 and (i - open_at <= 61 or i - open_at <= 161 and _LONG_LIST.fullmatch(text, open_at + 1, i)):
                inner = text[open_at + 1:i]
                if inner.strip():
                    out.append(Quote(inner, open_at + 1, i))
            if open_at >= 0 and i - open_at <= _MAX_SPEECH and not _LIST_NAME.fullmatch(text, open_at + 1, i):
                _nested(text, open_at + 1, i, out)
            elif open_at < 0:
                m = _rx(r"[0-9A-Za-z][0-9A-Za-z+＋]*[+＋][0-9A-Za-z]+$").search(text[max(0, i - 12):i])
                if m:
                    out.append(Quote(m.group(0), i - len(m.group(0)), i, orphan=True))
            open_at = -1
    return out


_MAX_SPEECH = 400  # a “…” longer than this is not one quotation (an unclosed mark further up)
# a quoted list of five or more short items may run past 60 characters (“社情民意联排、安全隐患联防、…”)
_LONG_LIST = re.compile(r"(?:[^，,。；;：:！？!?\n“”、]{2,10}、){4,}[^，,。；;：:！？!?\n“”、]{2,10}")
# a quoted list name without sentence punctuation (“街道‘大工委’—社区‘大党委’—网格党支部”): the ‘…’ inside
# it are its parts, not names of their own (quoted speech, “…持续深化‘…’等品牌，…”, has punctuation)
_LIST_NAME = re.compile(r"[^，,。；;：:！？!?\n“”]{0,60}[、—－–-][^，,。；;：:！？!?\n“”]{0,60}")


def _nested(text: str, lo: int, hi: int, out: list[Quote]) -> None:
    """‘…’ pairs inside the quotation [lo, hi) (a name quoted inside a resident's words)."""
    find = text.find
    i = find("‘", lo, hi)
    while i >= 0:
        j = find("’", i + 1, hi)
        if j < 0:
            return
        if 1 < j - i <= 31 and find("‘", i + 1, j) < 0:
            out.append(Quote(text[i + 1:j], i + 1, j, nested=True))
        i = find("‘", j + 1, hi)


def split_list(name: str) -> list[str]:
    """Parts of a quoted list name (、 — - always; + only with three or more parts)."""
    # the step asks for the parts of the same name many times: kept per name (callers only read)
    parts = _SPLIT_CACHE.get(name)
    if parts is None:
        if len(_SPLIT_CACHE) > 50_000:
            _SPLIT_CACHE.clear()
        parts = _SPLIT_CACHE[name] = _split_list(name)
    return list(parts)


_SPLIT_CACHE: dict[str, tuple[str, ...]] = {}


def _split_list(name: str) -> tuple[str, ...]:
    parts = [p.strip("“”\" ") for p in _LIST_SEP.split(name)]
    if len(parts) < 2 and "+" in name:
        plus = [p.strip() for p in name.split("+")]
        if len(plus) >= 3:
            parts = plus
    parts = [p for p in parts if p]
    return tuple(parts) if len(parts) >= 2 else ()


# ``_clause_start(text, pos, stops)``: ``stop_before`` where pos > 0, else pos (``run_start``, one call, not two)
_clause_start = run_start


def place_mentions(ctx: Context) -> list[tuple[int, int, PlaceRec]]:
    """(start, end, place) for every place mention, by position."""
    out = [(m.start, m.end, p) for p in ctx.places for m in p.mentions]
    out.sort(key=lambda x: (x[0], x[1]))
    return out


# a place's level word, whose removal leaves the name the text may quote alone (二卡社区 → “二卡”)
_PLACE_LEVEL_END = re.compile(r"(?:社区|街道|办事处|嘎查|苏木|镇|乡|村|自治州|地区|盟|市|区|县|旗)$")


_ALL_HANZI = re.compile(r"[\u4e00-\u9fff]+")


def _place_words(ctx: Context) -> frozenset[str]:
    """Each place as the text writes it, and without its level word: a quote of these words
    (为“二卡”瓜果代言) names the place, not a scheme of it."""
    out: set[str] = set()
    for p in ctx.places:
        for m in p.mentions:
            written = ctx.text[m.start:m.end]
            bare = _PLACE_LEVEL_END.sub("", written)
            out.update(w for w in (written, bare) if len(w) >= 2)
    return frozenset(out)


def _leading_count(name: str) -> int | None:
    """The numeral ``name`` opens with (一 … 十, 两, 双), or None."""
    return _CN_NUM.get(name[:1])  # (the keys are those numerals: no pattern call for one character)


_PART_SEP = re.compile(r"[、—－–\-,，;；+＋]+")


_NOT_A_COUNT = re.compile(r"一体化|一站式|一揽子|一线")


# party building brought into one field (“党建+物业”, “基层党建+网格治理”, “黨建+合夥人”): the formula “党建+” names its
# field, no two parts (over the tuning sets' gold, 10 of the 11 such names have no components; the other's are a list
# written before it, “党建+五社联动”)
_PARTY_PLUS = re.compile(r"\A(?:基层|基層)?(?:党建|黨建)(?:引领|引領)?[+＋][^+＋、，,]+\Z")


def _name_parts(name: str) -> list[str]:
    """The parts of a list name as its components: split at 、 and the dashes, at commas (“小事不出网格,
    大事不出社区”) and at + between words (“网格+大数据”; not a code: “1+3+N” has no parts, nor party building
    brought into one field, “党建+物业”)."""
    if _PARTY_PLUS.match(name):
        return []
    parts = [_strip_inner(p) for p in _PART_SEP.split(name)]
    parts = [p for p in parts if p]
    joined = not _rx(r"[、—－–\-,，;；]").search(name)  # (words joined by + alone: “网格化+十户联防”, “社区工作者+双联户”)
    if len(parts) < 2 or any(len(p) < 2 or p.isascii() or _NUM_LEAD.match(p) and not _NOT_A_COUNT.match(p) and not joined
                             for p in parts):
        return []  # (a numeral's items are written elsewhere, “A、B”的“三X”; 一体化推进…: a word, no count)
    return _last_joined(parts)


def _last_joined(parts: list[str]) -> list[str]:
    """A last part joining two long phrases with 和 is two (…、全程二维伴生和全景科学议事)."""
    if len(parts) >= 2 and "和" in parts[-1]:
        head, _, tail = parts[-1].partition("和")
        if len(head) >= 4 and len(tail) >= 4:
            return [*parts[:-1], head, tail]
    return parts


def _aligned(items: list[str]) -> list[str]:
    """The first item cut where the others start (群众诉求一平台受理、一站式服务、一张网共治 → 一平台受理)."""
    if len(items) >= 3 and len({x[:1] for x in items[1:]}) == 1:
        lead = items[1][:1]
        k = items[0].find(lead)
        if k > 0 and not _NUM_LEAD.match(items[0]):
            return [items[0][k:], *items[1:]]
    return items


def _spaced_parts(name: str) -> list[str]:
    """The parts of a name written as three or more words apart (“党支部 议事会 红色物业”); two words
    apart are often one phrase (“协商 共建”)."""
    parts = name.split()
    return parts if len(parts) >= 3 and all(len(p) >= 2 for p in parts) else []


def _strip_inner(s: str) -> str:
    return s.replace("“", "").replace("”", "").replace("‘", "").replace("’", "").replace('"', "").strip()


def _same_suffix(parts: list[str]) -> bool:
    return len(parts) >= 3 and len({p[-2:] for p in parts}) == 1


def _numeral_guided(items: list[str], name: str) -> list[str]:
    """Merge 、-fragments so each component carries its numeral (“12341” has five)."""
    if not name.isdigit() or len(items) <= len(name):
        return items
    merged: list[str] = []
    buf = ""
    for it in items:
        buf = f"{buf}、{it}" if buf else it
        if _rx(r"[一二两三四五六七八九十]").search(it):
            merged.append(buf)
            buf = ""
    if buf:
        merged.append(buf)
    return merged if len(merged) == len(name) else items


def _after_components(text: str, c: _Cand) -> list[str]:
    after = text[c.end:c.end + 160]
    # （a、b、c） straight after the name
    m = _rx(r"^[”\s]*[（(]([^（）()]{3,120})[）)]").match(after)
    if m and "即" not in m.group(1)[:2] and "为" not in m.group(1)[:4]:
        items = [_strip_inner(x) for x in _rx(r"[、，,]").split(m.group(1)) if _strip_inner(x)]
        n = _leading_count(c.name)
        if len(items) >= 2 and (n is None or n == len(items)):
            return items
    # …（即“a、b、c”） or …，即 a、b、c。
    m = _rx(r"^[”\s]*[^，。；“（(]{0,12}?[（(，,]?\s*即[“\s]*([^）)。；]{4,200})").match(after)
    if m:
        body = _strip_inner(m.group(1))
        # “121”，即1名楼栋长+2名党员+1名干部: a digit code's parts, each opening with its digit
        plus = [x.strip() for x in _rx(r"[+＋]").split(_rx(r"[^，,]*").match(body).group()) if x.strip()]
        if c.name.isdigit() and len(plus) == len(c.name) and all(p.startswith(d) for p, d in zip(plus, c.name)):
            return plus
        # the 、-list ends at a comma (…补短板工程，四大行动即…: the next definition; …行动，着力解决…)
        items = [x.strip() for x in _rx(r"[^，,]*").match(body).group().split("、") if x.strip()]
        items = _numeral_guided(items, c.name)
        if len(items) >= 2 or (items and _leading_count(c.name) == 1):
            return items  # (“一大工程”，即…补短板工程: one)
    return []


_COUNTED_AFTER = re.compile(r"[^。；;“”]{0,40}?[，,](?:通过|即|包括|涵盖|围绕)?([^，,。；;“”]{4,80}?)(?:这|等)"
                            r"([一二两三四五六七八九十])(?:种|个|项|类|方面)")


def _counted_after(text: str, c: _Cand) -> list[str]:
    """N items the sentence goes on to count (“四共工作模式”为抓手，通过问题共解、资源共享、文化共建和党建共联
    这四种模式): the name's N parts."""
    n = _leading_count(c.name) or _leading_count(_rx(r"^[\u4e00-\u9fff]{1,2}(?=[二三四五六七八九十])").sub("", c.name))
    m = _COUNTED_AFTER.match(text, c.end, c.end + 140) if n and n >= 2 else None
    if m is None or _CN_NUM.get(m.group(2)) != n:
        return []
    items = [x.strip() for x in _rx(r"、|和|及|与").split(m.group(1)) if x.strip()]
    verb = None
    for verb in _ACTION_VERB.finditer(items[0] if items else ""):
        pass
    if verb is not None and len(items[0]) - verb.end() >= 2 and len(items[0]) > max(map(len, items[1:]), default=99):
        items[0] = items[0][verb.end():]  # ，深度整合网格员、民警…等六类: the first item after its verb
    return items if len(items) == n and all(2 <= len(x) <= 12 for x in items) else []


_ORDINAL_IS = re.compile(r"[一二三四五六七八九十]是")


def _listed_verbs(text: str, lo: int, end: int, n: int, verb: str) -> list[str]:
    """The items of the clause after the name, listed with 、, when they are as many as its count and each opens
    with its verb (全面开展“5个聚焦”工作，聚焦A、聚焦B、…)."""
    comma = _rx(r"[，,]").search(text, lo, end) if end > 0 else None
    if comma is None:
        return []
    stop = _rx(r"[，,]").search(text, comma.end(), end)
    items = [x.strip() for x in text[comma.end():stop.start() if stop else end].split("、")]
    return items if len(items) == n and all(x.startswith(verb) and len(x) > len(verb) + 1 for x in items) else []


_ORDINALS = "一二三四五六七八九十"


def _ordinal_verbs(text: str, end: int, n: int, verb: str) -> list[str]:
    """The points the next sentences number, 一是…、二是…, when each opens with the name's verb and they are as many as
    its count (做到“两个坚持”，…。一是坚持A，…。…。二是坚持B，…): each verb and what it takes, up to the first comma."""
    if end < 0:
        return []
    pos = end + 1
    while pos < len(text) and text[pos] in " \t\u3000\n":
        pos += 1
    items: list[str] = []
    for k in range(n + 1):
        mark = _ORDINALS[k] + "是" + verb
        at = pos if k == 0 else text.find(mark, pos, pos + 400)
        if k == n:
            return items if at < 0 or not text.startswith(mark, at) else []
        if at < 0 or not text.startswith(mark, at):
            return []
        stop = _rx(r"[，,。；;：:\n]").search(text, at + 2, at + 42)
        if stop is None or stop.start() - at - 2 <= len(verb):
            return []
        items.append(text[at + 2:stop.start()])
        pos = stop.end()
    return []


def _verb_sentences(text: str, c: _Cand) -> list[str]:
    """A numeral name made of a count and a verb (“九聚焦”, “五坚持”) followed by as many sentences or clauses that open
    with that verb (…再上新台阶。聚焦A，推动…。聚焦B，实现…): each verb and what it takes, up to the first comma."""
    m = _rx(r"^([一二两三四五六七八九十]|[2-9])个?([\u4e00-\u9fff]{1,2})$").match(c.name)
    n = int(m.group(1)) if m is not None and m.group(1).isdigit() else _CN_NUM.get(m.group(1), 0) if m is not None else 0
    if m is None or n < 2:
        return []
    verb = m.group(2)
    end = min((i for i in (text.find(ch, c.end, c.end + 80) for ch in "。；;") if i >= 0), default=-1)
    listed = _listed_verbs(text, c.end, end, n, verb) or _ordinal_verbs(text, end, n, verb)
    if listed:
        return listed
    items: list[str] = []
    while end >= 0 and len(items) <= n:
        pos = end + 1
        while pos < len(text) and text[pos] in " \t\u3000\n":
            pos += 1
        ordinal = _ORDINAL_IS.match(text, pos)  # (一是坚持A，…。二是坚持B，…)
        if ordinal:
            pos = ordinal.end()
        if not text.startswith(verb, pos):
            break
        stop = _rx(r"[，,。；;：:\n]").search(text, pos, pos + 40)
        if stop is None or stop.start() - pos <= len(verb):
            return []
        items.append(text[pos:stop.start()])
        end = min((i for i in (text.find(ch, stop.start(), stop.start() + 120) for ch in "。；;") if i >= 0), default=-1)
    return items if len(items) == n else []


_ITEM_TAIL = re.compile(r"(?:等)?(?:的)?(?:作用|功能|优势|效能)$")


def _sharing_after(text: str, c: _Cand) -> list[str]:
    """A numeral name of a count and one character (“五治”, “五融”) followed, in the clauses after it, by as many items
    each holding that character (深入推进“五治”融合，充分发挥政治引领、法治保障、…、智治支撑作用; ‘五融’工作法，以A促进情感融合，
    以B促进组织融合，…): the name's parts, listed with 、 in the next clause or as that many clauses."""
    m = _rx(r"^([一二三四五六七八九十])([\u4e00-\u9fff])$").match(c.name)
    if m is None or _CN_NUM.get(m.group(1), 0) < 2:
        return []
    n, key = _CN_NUM[m.group(1)], m.group(2)
    end = min((i for i in (text.find(ch, c.end, c.end + 300) for ch in "。；;\n") if i >= 0), default=-1)
    comma = _rx(r"[，,]").search(text, c.end, end) if end > 0 else None
    if comma is None:
        return []
    clauses = [x.strip() for x in _rx(r"[，,]").split(text[comma.end():end])]
    items = [x.strip() for x in clauses[0].split("、")]
    if len(items) == n:
        items[0] = _LEAD_VERB.sub("", items[0]).strip()
        items[-1] = _ITEM_TAIL.sub("", items[-1]).strip()
    elif len(clauses) >= n and (len(clauses) == n or key not in clauses[n]):
        items = clauses[:n]
    else:
        return []
    return items if all(key in x and 2 <= len(x) <= 16 for x in items) else []


def _part_definitions(text: str, c: _Cand) -> list[str]:
    """“一有”即…；“二厅”即…: definitions of the parts of a numeral compound, in order."""
    window = text[c.end:c.end + 400]
    items = []
    for m in _rx(r"“([^”]{1,6})”即([^；;。]{2,120})").finditer(window) if "”即" in window else ():
        if m.group(1) in c.name and m.group(1) != c.name:
            items.append(_strip_inner(m.group(2)))
    return items if len(items) >= 2 else []


def _role_components(text: str, c: _Cand) -> list[str]:
    """以A为主线，以B为支线，以C为辅线 written after the name, parallel roles (their last character
    is the same) and as many as the name's numeral says: the parts are A, B, C."""
    lo = c.end
    window = text[lo:lo + 240]
    start = _rx(r"以[^，,。；;以]{2,16}?为").search(window)
    if start is None or len(_rx(r"[。；;]").findall(window, 0, start.start())) > 1:
        return []  # the run must begin in the name's sentence or the next one
    items: list[str] = []
    tails: list[str] = []
    prev_end = start.start()
    for m in _rx(r"以([^，,。；;以]{2,16}?)为([^，,。；;]{1,6}?)(?=[，,；;。]|$)").finditer(window, start.start()):
        if items and not _rx(r"[，,；;]").fullmatch(window[prev_end:m.start()]):
            break
        items.append(_strip_inner(m.group(1)))
        tails.append(m.group(2)[-1])
        prev_end = m.end()
    n = _leading_count(c.name)
    if len(items) >= 2 and len(set(tails)) == 1 and (n is None or n == len(items)):
        return items
    return []


def _fused_items(run: str, n: int, name: str) -> list[str]:
    """N two-character words written together straight before a numeral name that share its
    character (自治法治德治“三治融合”, 人防物防技防“三防协同”, 共建共治共享“三共联动”): its parts."""
    if len(run) != 2 * n or not all(is_cjk(ch) for ch in run):
        return []
    pairs = [run[i:i + 2] for i in range(0, len(run), 2)]
    for k in (0, 1):
        shared = {p[k] for p in pairs}
        if len(shared) == 1 and shared.pop() in name and len({p[1 - k] for p in pairs}) == n:
            return pairs
    return []


# a preposition of means or basis ending the words before a quote: what follows is the means, not a list's total
_MEANS_BEFORE = re.compile(r"(?:通过|依托|借助|利用|运用|按照|围绕|实行|推行|采取|以)$")


def _before_components(text: str, c: _Cand) -> list[str]:
    """Exactly N items enumerated straight before a numeral name (自治、法治、德治“三治融合”; also
    a, b…的“党建+五社联动”, 助学、助医…“暖心五助”: the numeral after a leading 党建+ or one word)."""
    n = _leading_count(c.name) or _leading_count(_rx(r"^[^+＋]{1,4}[+＋]|^[\u4e00-\u9fff]{1,2}(?=[二三四五六七八九十])").sub("", c.name))
    q0 = c.quote.start - (0 if c.quote.orphan else 1)
    if not n or n < 2 or q0 <= 0 or text[q0 - 1] in _CLAUSE_STOPS + "、":
        return []
    fused = _fused_items(text[max(0, q0 - 2 * n):q0], n, c.name)
    if fused:
        return fused
    sent_lo = _clause_start(text, q0, _SENT_STOPS)
    lo = max(sent_lo, q0 - 20 * n - 40)  # N items of at most 16 characters: no need to read further back
    head = text[lo:q0]
    pieces = _rx(r"([、，,和及与])").split(head)
    k = 1
    while k < len(pieces) - 1:  # 共建和谐, 及时: 和/及/与 opening a word joins nothing
        if pieces[k] in "和及与" and is_common_word(pieces[k] + pieces[k + 1][:1]):
            pieces[k - 1:k + 2] = [pieces[k - 1] + pieces[k] + pieces[k + 1]]
        else:
            k += 2
    items: list[str] = []
    seps: list[str] = []
    toks = pieces[::-1]
    # toks: item, sep, item, sep, ...
    for k in range(0, len(toks), 2):
        items.append(toks[k])
        seps.append(toks[k + 1] if k + 1 < len(toks) else "")
        if len(items) == n:
            break
    if len(items) != n:
        return []
    boundary = seps[-1]
    if boundary not in ("", "，", ",") or (boundary == "" and lo > sent_lo):
        return []  # (the first item runs past the window read: longer than an item can be)
    # (a verb and the preposition after it both lead: 建立以社区党组织为领导核心 → 社区党组织为领导核心)
    items = [_LEAD_VERB.sub("", _LEAD_VERB.sub("", _strip_inner(x)).strip()).strip() for x in reversed(items)]
    # the first item carries the clause before it (以“睦邻”为主题广泛开展助学、助医…): cut after its last verb
    verb = None
    for verb in _ACTION_VERB.finditer(items[0]):
        pass
    if verb is not None and 2 <= len(items[0]) - verb.end() <= max(len(x) for x in items[1:]):
        items[0] = items[0][verb.end():]
    if _MEANS_BEFORE.search(items[-1]):
        return []   # (某镇敦和社区通过“双报到双服务双报告”机制: the means the sentence's subject works by, no list before it)
    items[-1] = items[-1].removesuffix("的")  # a、b、c的“三X”
    head_word, deng, tail_words = items[-1].partition("等")
    if deng and len(tail_words) <= 8 and len(head_word) >= 2:
        items[-1] = head_word  # a、b…、f等基层治理“六大工程”
    # items are joined by 、/和; a comma only inside a parallel series (有场所、…，有一套运行机制)
    if any(s in "，," for s in seps[:-1]) and len({x[:1] for x in items}) != 1:
        return []
    if any(not (2 <= len(x) <= 16) or "等" in x for x in items):
        return []
    return items


def _abbreviated_parts(text: str, c: _Cand, cands: list[_Cand]) -> list[str]:
    """The parts of the quoted list a short form abbreviates (“A、B”…行动（简称“两更行动”）)."""
    if not _rx(r"(?:下称|简称|以下称)[为：:]?$").search(text, max(0, c.start - 5), c.start):
        return []
    sent_lo = _clause_start(text, c.start, _SENT_STOPS)
    for o in reversed([o for o in cands if sent_lo <= o.start < c.start and o.end <= c.start - 2]):
        parts = [_strip_inner(p) for p in split_list(o.name)]
        if parts:
            return parts
    return []


def _built_from(text: str, c: _Cand) -> list[str]:
    """由a、b、c构成的…“X”; a、b、c组成的“X” (the parts open the clause)."""
    # a match spans at most 145 chars before the quote: a longer window finds the same match
    lo = max(_clause_start(text, c.quote.start - 1, _SENT_STOPS), c.quote.start - 160)
    head = text[lo:c.quote.start]
    # (the lazy pattern is tried only where its verb is there to be found)
    m = _rx(r"(?:由|^|[：:，,])([^由。；：:，,]{4,120}?)(?:构成|组成)的[^，。；“”]{0,20}[“]?$").search(head) \
        if "成的" in head else None
    if not m:
        return []
    items = [x.strip() for x in m.group(1).split("、") if x.strip()]
    return items if len(items) >= 2 else []


class _Owners:
    """Place and agency mentions indexed by offset, so that finding the owner of one quote costs
    O(log n) and not a scan of every mention (a text with thousands of quotes)."""

    # places straight before a quote that an enumeration (P、Q、R的“…”) can credit
    MAX_CHAIN = 64

    def __init__(self, ctx: Context):
        self._text = ctx.text
        self.province = ctx.document.province
        self.places = place_mentions(ctx)
        self.place_starts = [s for s, _e, _p in self.places]
        ags = [(m.end, ai, mi, m.start, a.place) for ai, a in enumerate(ctx.agencies) if a.place
               for mi, m in enumerate(a.mentions)]
        ags.sort()
        self.agencies = ags
        self.agency_ends = [x[0] for x in ags]
        by_start = sorted((x[3], x[0], x[4]) for x in ags)
        self.agency_starts = [x[0] for x in by_start]
        self.agency_by_start = [(x[1], x[2]) for x in by_start]
        # streets and communities by their bare names (长庆 of 长庆街道), for a quote written straight
        # after one (、长庆“…”调解室): the longest bare name first
        bare: dict[str, str] = {}
        for p in ctx.places:
            if p.level in ("street", "community") and p.mentions:
                short = _PLACE_LEVEL_END.sub("", p.name)
                if 2 <= len(short) <= 4 and short != p.name and not is_common_word(short):
                    bare.setdefault(short, p.name)
        self.bare_locals = sorted(bare.items(), key=lambda x: -len(x[0]))
        self.whole = _whole_units(ctx)

    def bare_local_before(self, q0: int) -> str | None:
        """The street or community whose bare name ends straight before ``q0``, written as a word of
        its own (after punctuation, a space or the line's start)."""
        text = self._text
        for short, name in self.bare_locals:
            s = q0 - len(short)
            if s >= 0 and text.startswith(short, s) and (s == 0 or not is_cjk(text[s - 1])):
                return name
        return None

    def places_before(self, lo: int, q0: int) -> tuple[list[tuple[int, int, PlaceRec]], tuple | None]:
        """The last mentions inside [lo, q0) (at most MAX_CHAIN), and the first one."""
        i0, i1 = bisect_left(self.place_starts, lo), bisect_right(self.place_starts, q0)
        tail = [x for x in self.places[max(i0, i1 - self.MAX_CHAIN):i1] if x[1] <= q0]
        first = next((x for x in self.places[i0:i1] if x[1] <= q0), None) if tail else None
        return tail, first

    def place_starts_in(self, lo: int, hi: int) -> bool:
        """Whether a place mention starts inside [lo, hi)."""
        k = bisect_left(self.place_starts, lo)
        return k < len(self.place_starts) and self.place_starts[k] < hi

    def places_from(self, pos: int, q0: int) -> list[tuple[int, int, PlaceRec]]:
        """Place mentions written one after the other from ``pos`` (点军区联棚乡澜湖社区), before q0."""
        chain: list[tuple[int, int, PlaceRec]] = []
        while True:
            k = bisect_left(self.place_starts, pos)
            here = None  # the longest mention starting at pos (湖北省宜昌市点军区 over 湖北省)
            while k < len(self.places) and self.places[k][0] == pos:
                if self.places[k][1] <= q0:
                    here = self.places[k]
                k += 1
            if here is None:
                return chain
            chain.append(here)
            pos = here[1]
            gloss = _rx(_PINYIN).match(self._text, pos)
            if gloss:
                pos = gloss.end()  # 白塔區(qū)躍進街道: a pinyin gloss inside the chain
            if pos < len(self._text) and self._text[pos] in "州市县区省盟旗" \
                    and k < len(self.places) and self.places[k][0] == pos + 1:
                pos += 1  # 恩施州利川市: a short form, its level suffix, the next name

    def last_place_of(self, levels: tuple[str, ...], lo: int, hi: int) -> str | None:
        """The last place of one of ``levels`` mentioned inside [lo, hi)."""
        k = bisect_left(self.place_starts, hi) - 1
        while k >= 0 and self.places[k][0] >= lo:
            if self.places[k][2].level in levels and self.places[k][1] <= hi:
                return self.places[k][2].name
            k -= 1
        return None

    def agency_place_at(self, pos: int, q0: int) -> tuple[str, int] | None:
        """(place, end) of an agency whose mention starts at ``pos`` (and ends before ``q0``)."""
        k = bisect_left(self.agency_starts, pos)
        while k < len(self.agency_starts) and self.agency_starts[k] == pos:
            end, place = self.agency_by_start[k]
            if end <= q0:
                return place, end
            k += 1
        return None

    def agency_place_before(self, lo: int, q0: int) -> str | None:
        """Place of the first agency (in record order) whose mention ends 0–3 chars before ``q0``; for the
        organ of a street, town or community written with its name (某街道党工委以“…”为抓手), that unit."""
        k0, k1 = bisect_left(self.agency_ends, q0 - 3), bisect_right(self.agency_ends, q0)
        hits = [x for x in self.agencies[k0:k1] if x[3] >= lo]
        if not hits:
            return None
        end, _ai, _mi, start, place = min(hits, key=lambda x: (x[1], x[2]))
        local = [p for _s, e, p in self.places_from(start, end) if p.level in ("street", "community")]
        return local[-1].name if local else place


# the level word of 全市 / 我区 / 本县 → the levels of the subject's own unit it may name
_WHOLE_LEVELS = {"市": ("city", "county_city"), "州": ("city",), "盟": ("city",), "区": ("district",), "县": ("county",),
                 "旗": ("county",)}


def _whole_units(ctx: Context) -> dict[str, str]:
    """Level word → the unit of that level the subject lies in (or is): what 全市, 我区, 本县 name in
    the text (a street's write-up that says 全区 speaks of its district, a district's 全市 of its city)."""
    code = ctx.subject_code()
    if not code:
        return {}
    gaz = load_gazetteer()
    chain = gaz.chain(code)
    out: dict[str, str] = {}
    for word, levels in _WHOLE_LEVELS.items():
        unit = next((u for u in chain if u.level in levels), None)
        if unit is None and word == "区":
            # 全区 of an autonomous region's text (广西, 内蒙古…) above its districts: the region
            unit = next((u for u in chain if u.level == "province" and u.name.endswith("自治区")), None)
        if unit is not None:
            out[word] = gaz.full_name(unit.adcode)
    return out


_ORIGIN_AFTER = re.compile(r"的?(?:源起地|发源地|起源地|诞生地|首创地)(?:是|为)?[:：]?")
_ORIGIN_OPENS = match_opening(_ORIGIN_AFTER)
# the maker written after the name (“…”工作法由P首创, “…”是P首创的, “…”源于P的探索): a source verb, or 由/是 with a
# verb of making after the place
def _headline_spans(text: str) -> list[tuple[int, int]]:
    """Where the headline stands: the text's first line, and each line the page repeats it on."""
    end = text.find("\n")
    head = text[:end].strip() if end > 0 else ""
    if len(head) < 6:
        return []
    out, pos = [], text.find(head)
    while pos >= 0:
        out.append((pos, pos + len(head)))
        pos = text.find(head, pos + len(head))
    return out


def _introducing_owners(ctx: Context, group: list[_Cand], credited: dict[int, list[str]],
                        headline: list[tuple[int, int]]) -> list[str]:
    """The owners the first crediting mention of a scheme gives. A headline names its place for readers far
    away (`某市“…”治理成效显著` over a story of one district of it): a headline's place that contains the
    subject credits nothing there: the next mention that credits a place gives the owners, else the scheme is
    the subject's."""
    for c in group:
        if id(c) not in credited:
            continue
        owners = list(dict.fromkeys(credited[id(c)]))
        line = next(((lo, hi) for lo, hi in headline if lo <= c.start < hi), None)
        if line is not None:
            # (the place written straight before the quote, 某市“…”, or heading the headline's clause, 某市开创“…”;
            # not a body of it, 某市政协…“…”活动: its own work)
            q0 = c.anchor if c.anchor >= 0 else c.start
            owners = [o for o in owners if not (_contains_subject(ctx, o) and (
                _written_before(ctx, o, q0) or _heads_without_body(ctx, o, line[0], q0)))]
            if len(owners) == 1:
                above = _body_names_above(ctx, group, credited, headline, owners[0], line)
                if above:
                    return [above]
        if owners:
            return owners
    return []


def _body_names_above(ctx: Context, group: list[_Cand], credited: dict[int, list[str]],
                      headline: list[tuple[int, int]], lowest: str, line: tuple[int, int]) -> str | None:
    """A headline's chain of units (某市某街道推进“…”) credits its lowest; where the body's first crediting mention
    gives the chain's upper unit alone (近年来，某市…推进“…”), the scheme is that unit's, carried out in the street
    (not where the upper unit is only where it came first, 某区首家…平台“…”上线: the street's)."""
    body = next((d for d in group if id(d) in credited and not any(lo <= d.start < hi for lo, hi in headline)), None)
    later = credited[id(body)] if body is not None else None
    if not later or len(set(later)) != 1 or later[0] == lowest:
        return None
    upper, place, seen = later[0], ctx.place_named(lowest), set()
    mentioned = ctx.place_named(upper)
    if mentioned is None or not any(line[0] <= m.start < line[1] for m in mentioned.mentions):
        return None
    last = max((m.end for m in mentioned.mentions if m.end <= body.start), default=-1)
    if last < 0 or _FIRST_IN.search(ctx.text, last, body.start):
        return None
    while place is not None and place.parent and place.parent not in seen:
        if place.parent == upper:
            return upper
        seen.add(place.parent)
        place = ctx.place_named(place.parent)
    return None


def _heads_without_body(ctx: Context, name: str, lo: int, q0: int) -> bool:
    """Whether the place ``name`` is written in [lo, q0) (the headline before the quote) as a place, not
    inside the name of one of its bodies there (某市开创“…”, not 某市政协开展“…”活动)."""
    place = ctx.place_named(name)
    if place is None:
        return False
    spans = [(m.start, m.end) for a in ctx.agencies for m in a.mentions if lo <= m.start < q0]
    return any(lo <= m.start and m.end <= q0 and not any(s <= m.start and m.end <= e for s, e in spans)
               for m in place.mentions)


def _written_before(ctx: Context, name: str, pos: int) -> bool:
    """Whether a mention of the place ``name`` ends straight before ``pos`` (the opening quote mark)."""
    place = ctx.place_named(name)
    return place is not None and any(m.end in (pos, pos - 1) for m in place.mentions)


def _contains_subject(ctx: Context, name: str) -> bool:
    """Whether the place ``name`` lies above the subject place (its city, its province)."""
    place, seen = ctx.place_named(ctx.document.subject_place), set()
    while place is not None and place.parent and place.parent not in seen:
        if place.parent == name or place.parent.startswith(name):
            return True  # (its parent, or a parent written with it in front: 杭州市 of 杭州市西湖区)
        seen.add(place.parent)
        place = ctx.place_named(place.parent)
    return False


def _subject_parents(ctx: Context) -> list[str]:
    """The parents :func:`_contains_subject` tests, in its order: ``_contains_subject(ctx, name)`` is whether one of
    them is ``name`` or starts with it."""
    out: list[str] = []
    place, seen = ctx.place_named(ctx.document.subject_place), set()
    while place is not None and place.parent and place.parent not in seen:
        out.append(place.parent)
        seen.add(place.parent)
        place = ctx.place_named(place.parent)
    return out


_MADE_BY = re.compile(r"[^，,。；;“”]{0,6}?(?:(?P<src>发源于|起源于|源于|源自|诞生于|首创于)|由|是|系)")
_CREATED = re.compile(r"的?(?:首创|创立|创建|率先|探索|推出|打造|发起|提出)|的(?:一[项个种大])?(?:创新|品牌|特色|做法|举措|经验)")


def _credited_owners(ctx: Context, c: _Cand, index: _Owners) -> list[str]:
    text = ctx.text
    q0 = c.anchor if c.anchor >= 0 else c.start
    clause_lo = _clause_start(text, q0, _CLAUSE_STOPS)
    origin = _ORIGIN_AFTER.match(text, c.end, c.end + 8) if text[c.end:c.end + 1] in _ORIGIN_OPENS else None
    if origin:  # “千万工程”源起地梅林村: the place it comes from
        chain = index.places_from(origin.end(), len(text))
        if chain:
            return [chain[-1][2].name]
    made = _MADE_BY.match(text, c.end, c.end + 12)
    if made:
        # “…”工作法由某街道首创, “…”是某街道首创的, “…”源于某社区的探索: the place named as its maker after it
        chain = index.places_from(made.end(), len(text))
        if chain and (made.group("src") or _CREATED.match(text, chain[-1][1])):
            return [chain[-1][2].name]
    before, first = index.places_before(clause_lo, q0)
    owners: list[str] = []
    if before and first is not None:
        # P、Q的“…” / 学习P “…”: places straight before the quote
        _s, e, p = before[-1]
        gap = text[e:q0]
        if _OWN_BODY_GAP.fullmatch(gap):
            owners.append(p.name)
            k = len(before) - 2
            while k >= 0 and _rx(r"[、和与及]").fullmatch(text[before[k][1]:before[k + 1][0]]):
                owners.insert(0, before[k][2].name)
                k -= 1
            return owners
        if _IMPLEMENTS.search(text, max(clause_lo, _s - 6), _s) and len(gap) <= 16 \
                and not _rx(r"[，,。；;：:、“”]").search(gap):
            return [p.name]  # 贯彻实施某市…“X”行动方案: the scheme of the place whose programme is carried out
    # (the level word ends straight before the quote, or before a line break there: that character
    # is looked at first)
    if index.bare_locals and is_cjk(text[q0 - 1:q0]):
        got = index.bare_local_before(q0)
        if got:
            return [got]  # 长庆“武林大妈”调解室: the street named by its bare name, as its people write it
    ana = _ANAPHOR_BEFORE.search(text, max(clause_lo, q0 - 4), q0) if text[q0 - 1:q0] in ("道", "区", "村", "镇", "\n") \
        else None
    if ana:
        # 该社区“…” / 体现出社区“…”: the community (street…) the text spoke of just before
        got = index.last_place_of(_ANAPHOR_LEVELS[ana.group(1)], max(0, q0 - _ANAPHOR_REACH), ana.start())
        if got:
            return [got]
    head = text[max(clause_lo, q0 - 4):q0]
    agency_place = index.agency_place_before(clause_lo, q0)
    if agency_place:
        return [agency_place]
    if ctx.document.province and text.find("省", max(clause_lo, q0 - 16), q0) >= 0 \
            and (_rx(r"省(?:厅|委|政府|级)?[^，。；]{0,2}$").search(head)
                 or _rx(r"省(?:政协|人大|委|政府|民政厅)" + _PINYIN + r"?[^，,。；;“”]{0,3}$").search(text, max(clause_lo, q0 - 16), q0)):
        return [ctx.document.province]  # 省厅“…”; 全省政协深化“…”
    whole = _WHOLE_BEFORE.search(head) if "全" in head else None
    if whole and whole.group(1) in index.whole:
        return [index.whole[whole.group(1)]]  # 全市“三社联动”: the whole city (or district, county) the subject lies in
    return []


_WHOLE_BEFORE = re.compile(r"全(市|州|盟|区|县|旗)$")


# a pinyin gloss some pages print after a character (政協(xié)): no word of the sentence
_PINYIN = r"(?:[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）])"


def _unglossed(s: str) -> str:
    """``s`` without its pinyin glosses (浦江經(jīng)驗 → 浦江經驗)."""
    return _rx(_PINYIN).sub("", s) if "(" in s or "（" in s else s
# what may open a clause before its subject: spaces, a heading number, a time or linking adverbial
_HEAD_SKIP_ONE = (
    r"\s|—+|-{2,}|《|【|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[、.．]|[一二三四五六七八九十]是|"
    r"(?:(?:\d{4}年(?:\d{1,2}月)?|\d{1,2}月)(?:\d{1,2}日)?(?:以来|上午|下午|晚上|晚间)?|日前|据悉|据了解|近年来|近年|近期|今年以来|今年|去年|目前|当前|如今|"
    r"同时|此外|另外|其中|随后|为此|对此|近日|随着|随著|比如|例如|譬如|诸如|像|(?:再|又)?如(?![期何果此今同实])|这(?:也|正|就)?是|而且|而(?=在)|"
    r"再比如)[,，]?")
# (each step of the run first tests the characters a step can open with: most clauses open with none)
_HEAD_SKIP = re.compile(f"(?:(?={opening_class(_HEAD_SKIP_ONE)})(?:{_HEAD_SKIP_ONE}))*")
_CLAUSE_HEAD_STOPS = "，,；;：:"
_MAX_HEAD_CLAUSES = 8


# who speaks after the quoted speech closes: a place, its organ or post, the person, the verb of saying
_SPEAKER_AFTER = re.compile(r"[^，,。；;“”]{0,14}?(?:说|表示|介绍|告诉记者|坦言|感慨)")


def _speaker_place(text: str, end: int, index: _Owners) -> list[str]:
    """The place of the speaker named after the quoted speech that holds a name (“自从推行‘某某议事会’以来……”
    某街道党工委书记王某说): the unit whose officer speaks of its own work; else nothing."""
    close = text.find("”", end)
    if close < 0 or "“" in text[end:close] or close - end > 300:
        return []
    chain = index.places_from(close + 1, close + 40)
    if chain and _SPEAKER_AFTER.match(text, chain[-1][1]) and not _PERSON_AFTER.match(text, chain[-1][1]) \
            and not _RESIDENT_AFTER.match(text, chain[-1][1]):
        return [chain[-1][2].name]
    return []


# a resident of the place, who speaks of what is done for them, not for the unit (某社区居民王某说)
_RESIDENT_AFTER = re.compile(r"[^，,。；;“”]{0,6}?(?:居民|村民|群众|市民|业主|老人|大爷|大妈|阿姨|大姐|大哥|游客|商户)")


def _respective_owners(text: str, cands: list[_Cand], index: _Owners) -> dict[int, str]:
    """Quotes given to places in turn (A区、B区和C区分别推出“X”“Y”和“Z”): the i-th quote after 分别 is the i-th place's,
    where the places listed straight before 分别 are as many as the quotes after it in the sentence."""
    out: dict[int, str] = {}
    pos = text.find("分别")
    while pos >= 0:
        sent_lo = _clause_start(text, pos, _SENT_STOPS)
        before, _first = index.places_before(sent_lo, pos)
        owners: list[str] = []
        k, end = len(before) - 1, pos
        while k >= 0 and before[k][1] == end:
            lowest = before[k][2].name
            while k > 0 and before[k - 1][1] == before[k][0]:
                k -= 1  # 上城区湖滨街道: one item, its lowest unit
            owners.insert(0, lowest)
            head = before[k][0]
            k -= 1
            if k < 0 or text[before[k][1]:head] not in ("、", "和", "与", "及", "，", ","):
                break
            end = before[k][1]
        stop = min([i for i in (text.find(c, pos) for c in "。；;！？!?\n") if i >= 0] or [len(text)])
        quoted = [c for c in cands if pos < c.start < stop]
        if len(owners) >= 2 and len(quoted) == len(owners):
            out.update((id(c), o) for c, o in zip(quoted, owners))
        pos = text.find("分别", pos + 2)
    return out


def _holding_unit(ctx: Context, c: _Cand, index: _Owners) -> str | None:
    """Where the subject is a street or town, a scheme no place is credited with, first quoted in a sentence
    that names the county holding the street and not the street (针对某县…积极探索“…”模式, before the story
    comes to the street): that county, whose work the sentence tells; else None."""
    subject, anchor = ctx.document.subject_place, ctx.subject_anchor
    street = ctx.place_named(subject)
    q0 = c.anchor if c.anchor >= 0 else c.start
    if street is None or street.level != "street" or not anchor or any(m.start < q0 for m in street.mentions):
        return None
    named = [p for _s, _e, p in index.places_before(_clause_start(ctx.text, q0, _SENT_STOPS), q0)[0]]
    return next((p.name for p in named if p.adcode == anchor and load_gazetteer().by_code[anchor].is_county_level), None)


def _head_owners(text: str, q0: int, index: _Owners, follow: int = 3) -> list[str]:
    """The place that heads the quote's clause, or an earlier clause of its sentence, as its subject
    (赤壁市社区发展实现“…”; 点军区同样…，以“…”为抓手; 在点军区广泛推广“…”; 以X区为例，…构建“…”),
    or the place of an agency heading it (X市移民办…开展“…”). The nearest such clause wins. Places
    listed as where a scheme spread (在A街道B社区等社区推广“…”) credit nothing."""
    sent_lo = _clause_start(text, q0, _SENT_STOPS)
    if _VISIT_BEFORE.search(text, max(sent_lo, q0 - 3), q0) or _BENEFITS_BEFORE.search(text, max(sent_lo, q0 - 4), q0):
        return []  # (某社区的变化得益于“…”: the place gained by it, another made it)
    title = text.rfind("《", max(sent_lo, q0 - 60), q0)
    if title >= 0 and text.find("》", title, q0) < 0:
        # a quote inside a title: the place the title opens with (《P党员干部“…”参与小区治理》), or
        # the place written straight before the title (P《“五步”推进社区治理》入选…)
        got = _clause_subject(text, title + 1, q0, index)
        if got is None:
            before, _first = index.places_before(max(sent_lo, title - 40), title)
            got = [before[-1][2].name] if before and before[-1][1] == title else []
        return got
    piloted = _piloted_by(text, max(sent_lo, _clause_start(text, q0, _CLAUSE_HEAD_STOPS)), q0, index)
    if piloted:
        return piloted
    hi = q0
    for _ in range(_MAX_HEAD_CLAUSES):
        lo = max(sent_lo, _clause_start(text, hi, _CLAUSE_HEAD_STOPS))
        if hi < q0 and _TIME_CLAUSE.search(text, lo, hi):
            break  # “…”开展以来，… : a time clause's subject is not the next clause's
        got = _clause_subject(text, lo, q0, index)
        if got is not None:
            return got
        if lo <= sent_lo:
            break
        hi = lo - 1
    lo = max(sent_lo, _clause_start(text, q0, _CLAUSE_HEAD_STOPS))
    pos = _HEAD_SKIP.match(text, lo, q0).end()
    if text[pos:pos + 1] in _FRONTED_OPENS and _FRONTED.match(text, pos, q0):
        # 以“…”为基础，P划分…; 通过“…”，P实现…: the subject comes after the fronted adverbial
        close = text.find("”", q0, q0 + _MAX_SPEECH)
        nxt = _clause_end(text, close if close >= 0 else q0)
        if nxt < len(text) and text[nxt] in "，,":
            nxt += 2 if text[nxt + 1:nxt + 2] in ("，", ",") else 1  # (some pages double every comma: ,,)
            got = _clause_subject(text, nxt, _clause_end(text, nxt), index)
            if got is not None:
                return got
    if follow and sent_lo > 0 and text[sent_lo - 1] != "\n" and (
            _CONTINUES.match(text, sent_lo) or text[sent_lo - 1] in "。！？!?" and _CONTINUES_VERB.match(text, sent_lo)):
        # 天等县推动…。同时，聚焦…开展“…”: a sentence that goes on with the last one keeps its subject (through
        # up to three such sentences: 某街道坚持…。聚焦…，成立…。推行“…”)
        return _head_owners(text, sent_lo - 1, index, follow=follow - 1)
    if sent_lo > 0 and text[sent_lo - 1] == "\n":
        return _heading_place(text, sent_lo - 1, index)
    return []


# the place a unit or a facility is the pilot or showcase of, named after 是 with the work it does
# (某社区党群服务中心是某区推进基层党建“三化”建设的试点): that place carries the scheme out, the pilot hosts it
_PILOT_OF = re.compile(r"(?:积极|大力|深入|全面|持续)?(?:推进|推行|开展|实施|探索|打造|创建|深化|落实)")
_PILOT_END = re.compile(r"[^，,。；;：:！？!?\n]{0,16}?的(?:试点|試點|示范点|示範點|样板|樣板|窗口|缩影|縮影)")


def _piloted_by(text: str, lo: int, q0: int, index: _Owners) -> list[str] | None:
    """The place written after 是 in the quote's clause with the work it does, when the clause goes on to say
    that what heads it is the place's pilot (…是P推进“…”建设的试点)."""
    at = text.find("是", lo, q0)
    while at >= 0:
        chain = index.places_from(at + 1, q0)
        if chain and _PILOT_OF.match(text, chain[-1][1], q0):
            close = text.find("”", q0, q0 + 60)
            if close >= 0 and _PILOT_END.match(text, close + 1):
                return [chain[-1][2].name]
        at = text.find("是", at + 1, q0)
    return None


def _heading_place(text: str, line_end: int, index: _Owners) -> list[str]:
    """The place a section heading names alone on the line above the paragraph (某街道⏎推行“…”): the unit
    whose work the paragraph's first sentence tells, when that sentence names none."""
    while line_end > 0 and text[line_end - 1] == "\n":
        line_end -= 1  # (blank lines between)
    lo = text.rfind("\n", 0, line_end) + 1
    line = text[lo:line_end]
    head = len(line) - len(line.lstrip())
    if not line.strip() or len(line.strip()) > 24:
        return []
    # (after a heading number, 2.某区⏎推行“…”, or a visit's stop, 第二站 某社区⏎学习社区“…”)
    at = _HEAD_SKIP.match(text, lo + head, line_end).end()
    stop = _STOP_NUMBER.match(text, at, line_end) if text[at:at + 1] == "第" else None
    chain = index.places_from(stop.end() if stop else at, line_end)
    if chain and not text[chain[-1][1]:line_end].strip(" \t：:】"):
        return [chain[-1][2].name]
    return []


_STOP_NUMBER = re.compile(r"第[一二三四五六七八九十\d]{1,2}站[：:\s]*")


# a prepositional phrase fronted before the clause's subject (以…为抓手，通过…，围绕…，按照…，依托…)
_FRONTED = re.compile(r"(?:以|通过|围绕|按照|依托|借助|聚焦|立足|结合|针对|坚持以|紧扣|紧紧围绕|借力|提起|说起|谈起|提到|说到|谈到)")
_FRONTED_OPENS = match_opening(_FRONTED)


def _clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (at a stop or at the end of the text), bisected over the text's
    stop offsets (a ``find`` per stop character read to the text's end for each stop it does not hold: ≈ 1 % of
    the pipeline)."""
    return stop_at_or_after(text, pos, _CLAUSE_STOPS)


_CONTINUES = re.compile(r"\s*(?:同时|与此同时|此外|另外|并且|还|为此|在此基础上|在(?:具体)?(?:实践|工作|推进过程)中)[，,]"
                        r"|(?:借助|依托|通过|围绕|聚焦)[^，,。；;]{2,30}[，,]")
# a sentence after a full stop that opens with its verb, its subject dropped (…某街道坚持党建引领。积极推行“…”):
# the last sentence's subject goes on (after a semicolon the clauses of a list of results, each its own)
_CONTINUES_VERB = re.compile(r"\s*(?:积极|创新|大力|深入|持续|不断|全面|着力|先后|相继|率先|还|并|又|也)?"
                             r"(?:推行|推出|打造|建立|构建|探索|实施|开展|推动|组建|成立|设立|搭建|形成|建成|创建|启动|实行|首创)")


# a visitor asking a place to act (并希望X街道继续推广“…”): the place asked is the clause's subject
_ASKS = re.compile(r"(?:并|还|同时)?(?:希望|要求|鼓励|勉励|督促|指导)?")
_ASKS_OPENS = opening_chars(_ASKS.pattern)  # (it matches empty where no word of it opens: tried only where one does)
_TIME_CLAUSE = re.compile(r"(?:以来|之际|期间|之后|以后|之前|以前|之时|的时候)$")


# what the makers listed before it do (A社区、B社区推行/探索/打造“…”), with nothing between
_MAKES = re.compile(r"(?:共同|联合|先后|率先|均|都)?(?:推行|探索|推出|打造|创建|创新|首创|建立|构建|实施)")


def _joint_makers(text: str, first: str, end: int, q0: int, index: _Owners) -> list[str] | None:
    """Places listed one after the other as the subject of a making verb (A社区、B社区推行“…”; not a list that
    ends with 等, where a scheme spread): each is an owner."""
    owners = [first]
    while end < q0 and text[end] in "、和与及":
        chain = index.places_from(end + 1, q0)
        if not chain:
            return None
        owners.append(chain[-1][2].name)
        end = chain[-1][1]
    if len(owners) < 2 or not _MAKES.match(text, end, q0) or text.find("，", end, q0) >= 0:
        return None
    return list(dict.fromkeys(owners))


def _batch_owner(text: str, pos: int, q0: int, index: _Owners) -> list[str] | None:
    """The place whose pilot batch the clause's unit joins (作为某市首批“…”试点, 某社区作为某省第二批“…”示范…):
    the scheme is that place's."""
    at = text.find("作为", pos, q0)
    if at < 0:
        return None
    chain = index.places_from(at + 2, q0)
    if chain and _BATCH.match(text, chain[-1][1], q0) and (at == pos or index.places_from(pos, at)):
        return [chain[-1][2].name]
    return None


def _clause_subject(text: str, lo: int, q0: int, index: _Owners) -> list[str] | None:
    pos = _HEAD_SKIP.match(text, lo, q0).end()
    if text[pos:pos + 1] in ("”", "’") and pos + 1 < q0:
        pos = _HEAD_SKIP.match(text, pos + 1, q0).end()  # (…舒心多了!”家住X街道…: after a speech's close)
    if text[pos:pos + 1] in ("“", "‘") and text.find("”" if text[pos] == "“" else "’", pos, q0) < 0:
        # quoted speech that holds the quote (“X社区持续深化‘…’): the speaker's subject; a name
        # quoted and closed before the quote (“青X社区”微信、“…”) heads nothing
        pos = _HEAD_SKIP.match(text, pos + 1, q0).end()
    if _ASKS_OPENS is None or text[pos:pos + 1] in _ASKS_OPENS:
        pos = _ASKS.match(text, pos, q0).end()
    # (a visit credits a place mention that starts where the visit word ends: looked for only
    # where some mention starts after ``pos``)
    for visit in reversed(list(_VISIT_TO.finditer(text, pos, q0))) if index.place_starts_in(pos + 1, q0) else ():
        # 市委常委王某到X区调研…“…”工作, 组织居民赴X社区学习“…”: the place visited, whose work it is
        went = index.places_from(visit.end(), q0)
        if went and _INSPECT.match(text, went[-1][1], q0):
            return [went[-1][2].name]
    home = _HOME.match(text, pos, q0) if text[pos:pos + 1] in "家居住" else None
    if home is not None:
        # 家住X街道…的陈女士对社区开设的“…”赞不绝口: a resident's address places the scheme praised
        went = index.places_from(home.end(), q0)
        if went:
            return [went[-1][2].name]
    scene = _SCENE.match(text, pos, q0) if text[pos:pos + 1] in "记走来" else None
    if scene is not None:
        # 走进X社区，“…”…; 记者在X街道看到，“…”…: the place the reporter's scene is set in, whose work the next clause tells
        went = index.places_from(scene.end(), q0)
        if went and _SCENE_END.match(text, went[-1][1], q0):
            return [went[-1][2].name]
    batch = _batch_owner(text, pos, q0, index)
    if batch is not None:
        return batch
    mode = text[pos:pos + 1]
    if mode in ("在", "以", "由"):
        pos += 1
    # (each pattern below is tried only where the character it opens with stands)
    head = text[pos:pos + 1]
    if head in "全我本" and _WHOLE_PROVINCE.match(text, pos, q0) and mode != "以":
        return [index.province] if index.province else None  # 全省推行的“…”, 我省…
    whole = _WHOLE_UNIT.match(text, pos, q0) if head in "全我本" and mode != "以" else None
    if whole and whole.group(1) in index.whole and not (mode == "在" and _FIRST_IN.match(text, whole.end(), q0)):
        return [index.whole[whole.group(1)]]  # 全区推行“…”, 我市…: the subject's own district, city
    if head == "我" and text[pos + 1:pos + 2] in ("局", "委", "办", "厅", "部", "会") and mode not in ("在", "以"):
        guided = _guided(text, pos + 2, q0, index)  # 我局指导某街道开展“…”: the reply's own body guides it
        if guided:
            return guided
    chain = index.places_from(pos, q0)
    if not chain and head == "该" and _rx(r"该[区县市旗]").match(text, pos):
        chain = index.places_from(pos + 2, q0)  # 该区某街道还打造了“…”: the street of the unit pointed back at
    if chain:
        end = chain[-1][1]
        nxt = text[end:end + 2]
        if mode == "在" and text[pos] == "全" and _FIRST_IN.match(text, end, q0):
            return None  # 我区在全市率先推行“…”: the wider unit it was first in did not make it
        if _PERSON_AFTER.match(text, end, q0):
            return None  # X区人大代表王某… : a person of the place acts, not the place
        if mode == "以" and nxt != "为例":
            return None
        if nxt[:1] in ("、", "和", "与") and mode != "在":
            joint = _joint_makers(text, chain[-1][2].name, end, q0, index)
            if joint:
                return joint  # A社区、B社区推行“…”: places listed as the makers, each an owner
        if nxt[:1] in ("等", "、") or (mode == "在" and nxt[:1] in "和与及"):
            return None  # a list of where it spread, not who made it
        m = _rx(r"[^，,。；;、]{1,8}、").match(text, end, q0)
        if m and index.places_from(m.end(), q0) and _rx(r"[^，,。；;]{0,30}等").match(text, m.end(), q0):
            return None  # A社区甲、B社区乙等…: places listed with what each has
        done = _DONE_THEN.match(text, end, q0)
        got = index.agency_place_at(done.end(), q0) if done else None
        if got and not _PERSON_AFTER.match(text, got[1], q0):
            return [got[0]]  # A社区进行了发言、区民政局围绕“…”进行了交流: the next clause's own subject, a body
        return _guided(text, end, q0, index) or [chain[-1][2].name]
    if head == "这" and _HERE.match(text, pos, q0) and mode != "以":
        # 走进X社区，这里打造的“…”: the place the text has just named
        got = index.last_place_of(_HERE_LEVELS, max(0, pos - _ANAPHOR_REACH), pos)
        return [got] if got else None
    ana = _ANAPHOR.match(text, pos, q0) if head in "该本这街社村镇乡" else None
    if ana and mode not in ("以", "由"):
        # 街道创新搭建“…” / 该社区推出“…”: the street or community the text spoke of just before
        got = index.last_place_of(_ANAPHOR_LEVELS[ana.group(1) or ana.group(2)], max(0, pos - _ANAPHOR_REACH), pos)
        return [got] if got else None
    if mode not in ("在", "以") and not (head in "街社乡镇村" and _rx(r"街道|社区|乡|镇|村").match(text, pos)):
        # (a bare 街道办事处/社区党委 is the subject's own body: no place is credited)
        got = index.agency_place_at(pos, q0)
        if got and not _PERSON_AFTER.match(text, got[1], q0):
            return _guided(text, got[1], q0, index) or [got[0]]  # 市人大代表王某… is a person acting, not the body
    return None


# a body or place guiding another to do the work (某局指导某街道开展“…”): the one guided does it
_GUIDES = re.compile(r"(?:积极|大力|重点)?(?:指导|帮助|支持|推动|引导|督促|鼓励|协助)")
_DOES = re.compile(r"[^，,。；;“”]{0,6}?(?:开展|推行|推出|打造|建立|探索|实施|试点|创建|成立|组建|搭建)")


def _guided(text: str, end: int, q0: int, index: _Owners) -> list[str] | None:
    """The place a clause's head guides, straight after its name, to do the quoted work (`某局指导某街道开展“…”试点`,
    `某街道指导某社区推行“…”`), or None."""
    m = _GUIDES.match(text, end, q0) if text[end:end + 1] in "积大重指帮支推引督鼓协" else None
    if m is None:
        return None
    chain = index.places_from(m.end(), q0)
    if chain and _DOES.match(text, chain[-1][1], q0):
        return [chain[-1][2].name]
    return None


# a place's finished action, then a listed clause with a subject of its own (A社区进行了发言、区民政局围绕…)
_DONE_THEN = re.compile(r"[^，,。；;、“”]{0,8}了[^，,。；;、“”]{0,6}、")
# (社区、物业、居民都参与: one kind of party in a list, not the community spoken of)
_ANAPHOR = re.compile(r"(?:该|本|这个)?(街道|社区|村|镇|乡)(?=[^\u4e00-\u9fff、]|[还也又则再已先将就便更积极主动创新探索首创推出推行打造搭建建立组建开展实施以通过坚持持续不断始终深化依托聚焦围绕])|该(区|县|市|旗)")
# (全省推广…: where a scheme spreads, not who made it)
_WHOLE_PROVINCE = re.compile(r"(?:全|我|本)省(?![委级直内外属政])(?![^，,。；;“”]{0,4}?(?:推广|复制|借鉴|学习|宣传))")
_WHOLE_UNIT = re.compile(r"(?:全|我|本)(市|州|盟|区|县|旗)(?![委级直内外属政场民域长])(?![^，,。；;“”]{0,4}?(?:推广|复制|借鉴|学习|宣传))")
# first in a wider unit (在全市率先, 在全省首创): the whole unit is where, not who (在溧阳率先探索: the
# place named is where it was tried first)
_FIRST_IN = re.compile(r"(?:范围内|内)?(?:率先|首先|首创|首家|首个|第一个|最早)")
_HOME = re.compile(r"家住|居住在|住在")
_VISIT_TO = re.compile(r"到|赴|深入|来到|走进|前往|莅临")
# a clause that sets the story's scene in a place: 走进X社区，… / 来到X街道，… / 记者(近日)在X街道看到，…
_SCENE = re.compile(r"(?:记者[^，,。；;“”]{0,6}?(?:在|走进|来到|走访|深入)|走进|来到)")
_SCENE_END = re.compile(r"(?:[^，,。；;“”]{0,4}?(?:看到|见到|了解到|发现|获悉|采访时|时))?[，,]")
# what a visitor does there that makes the quoted thing the place's (调研…“…”工作), not the visitors' own
# activity (赴X社区开展“大调研”活动)
_INSPECT = re.compile(r"(?:[，,]?(?:就|专题|实地|调研))?(?:调研|检查|督导|督查|视察|考察|观摩|学习|参观|调度|暗访|察看|了解)")
_HERE = re.compile(r"(?:这里|这儿)(?!是)")
_HERE_LEVELS = ("community", "street", "district", "county", "county_city", "city")
# a level word straight before the quote that points back at a place: 该社区“…”, 体现出社区“…”
# (城市社区“…”, 全省社区“…” are every community, not one)
_ANAPHOR_BEFORE = re.compile(r"(?:(?:该|本)|(?<=[出了在到于对向将把让]))(街道|社区|村|镇)$")
# a place and its own body straight before the quote: X社区党委“…”, P的“…”
# or the field the scheme belongs to (X区基层党建“…”, X区社区治理“…”经验)
_OWN_BODY_GAP = re.compile(_PINYIN + r"?(?:党委|党工委|党总支|党支部|居委会|村委会|居民委员会|村民委员会|办事处)?[的\s]?"
                           r"(?:(?:城市|农村|城乡|基层|社区|小区|网格|物业|党建|社会|治理|服务|管理){2,4}[的\s]?)?")
# carrying out another body's programme: the place written next is the programme's
_IMPLEMENTS = re.compile(r"(?:贯彻|落实|实施|执行|响应|按照|根据|依据)(?:落实|实施|执行)?了?$")
_ANAPHOR_LEVELS = {"街道": ("street",), "镇": ("street",), "乡": ("street",), "社区": ("community",),
                   "村": ("community",), "区": ("district",), "县": ("county", "county_city"),
                   "市": ("city", "county_city"), "旗": ("county",)}
_ANAPHOR_REACH = 300
# a member of a congress or CPPCC acts in person, not for the body (市人大代表王某…); an officer
# (主席, 书记…) leading the body's work still credits it
_PERSON_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:代表|委员)(?!会)")
# the people of the clause went to the quoted thing (来到“…”直播间): it is not theirs
_VISIT_BEFORE = re.compile(r"(?:来到|走进|走访|参观|观摩|前往|进入|赴)了?$")
# the clause's place gained by the quoted thing (某社区的改善得益于“…”): it is not theirs either
_BENEFITS_BEFORE = re.compile(r"(?:得益于|受益于|离不开|有赖于|归功于)了?$")
# a unit taken into a place's pilot batch (作为某市首批“…”试点, 某社区作为某省第二批…): the place runs the scheme
_BATCH = re.compile(r"(?:的)?(?:首批|第[一二三四五六七八九十\d]{1,2}批)")


def _province_shorts(ctx: Context) -> list[tuple[str, str]]:
    """(name, name without its level suffix) of every province the text names, where two characters
    or more are left: what :func:`_province_in_name` looks for (read once per document)."""
    return [(p.name, short) for p in ctx.places if p.level == "province"
            and len(short := _PROVINCE_SUFFIX.sub("", p.name)) >= 2]


def _province_in_name(provinces: list[tuple[str, str]], name: str) -> str | None:
    """The one province the text names whose name the scheme carries (“问政湖北”, X省…平台): a
    province-wide platform or brand, not the subject's own. ``provinces``: :func:`_province_shorts`."""
    hits = {full for full, short in provinces if short in name}
    return hits.pop() if len(hits) == 1 else None


_PROVINCE_SUFFIX = re.compile(r"(?:维吾尔|壮族|回族)?(?:省|市|自治区|特别行政区)$")


def _own_shorts(ctx: Context) -> list[tuple[str, str, bool]]:
    """(name, short name, whether it lies above the subject) of the places below the province that the scheme of a
    text may be named after: the subject, the units within it and those above it (海兰街道 → 海兰, 通辽市 → 通辽),
    where the short name has two characters or more and is no ordinary word (幸福社区's 幸福, 光明社区's 光明 name
    schemes everywhere)."""
    out = []
    chain: list[str] | None = None  # the parents of the subject, as _contains_subject walks them (read once)
    for p in ctx.places:
        if p.level in ("province", "other"):
            continue
        if p.role == "external" and chain is None:
            chain = _subject_parents(ctx)
        above = p.role == "external" and any(parent == p.name or parent.startswith(p.name) for parent in chain)
        if p.role == "external" and not above:
            continue
        base = p.name[len(p.parent):] if p.parent and p.name.startswith(p.parent) else p.name
        short = _OWN_SUFFIX.sub("", base)
        if len(short) >= 2 and short != base and not is_common_word(short):
            out.append((p.name, short, above))
    return out


def _place_in_name(ctx: Context, shorts: list[tuple[str, str, bool]], group: list[_Cand], name: str) -> str | None:
    """The one place of ``shorts`` (:func:`_own_shorts`) whose name the scheme carries (“海兰讲堂” of 海兰街道, “和谐延吉”,
    “满意在徐汇”): a unit's brand is named after the unit. A unit above the subject only where its name ends the
    scheme's name or one of its parts (“幸福徐汇、文化徐汇”, “南有枫桥、北有通辽”: a slogan of the unit; not “青岛互联社区”,
    a platform the subject runs under its city's name). The place must be named outside the scheme's quotes (not
    “美丽家园·移民新村” read as a village 移民新村). Else None."""
    hits = set()
    for full, short, above in shorts:
        at = name.find(short)
        if at < 0 or (above and not _rx(r"(?:$|[、，,·・；;\s])").match(name, at + len(short))):
            continue
        place = ctx.place_named(full)
        if place is not None and any(not any(c.start <= m.start < c.end for c in group) for m in place.mentions):
            hits.add(full)
    return hits.pop() if len(hits) == 1 else None


def _same_chain(ctx: Context, a: str, b: str) -> bool:
    """Whether the places ``a`` and ``b`` lie one inside the other (or are one)."""
    def above(upper: str, lower: str) -> bool:
        place, seen = ctx.place_named(lower), set()
        while place is not None and place.parent and place.parent not in seen:
            if place.parent == upper or place.parent.startswith(upper) or upper.endswith(place.parent):
                return True
            seen.add(place.parent)
            place = ctx.place_named(place.parent)
        return False
    return a == b or above(a, b) or above(b, a)


_OWN_SUFFIX = re.compile(r"(?:街道|社区|新区|自治州|自治县|地区|[市区县镇乡村盟旗州])$")


_ALIASES: dict[int, tuple[object, frozenset[str], frozenset[str]]] = {}


def _aliases() -> tuple[frozenset[str], frozenset[str]]:
    """The taxonomy's names and aliases, and every proper prefix of one (per taxonomy)."""
    tax = load_taxonomy()
    got = _ALIASES.get(id(tax))
    if got is None or got[0] is not tax:
        aliases = frozenset(a for p in tax.practices for a in (p.name, *p.aliases))
        heads = frozenset(a[:j] for a in aliases for j in range(1, len(a)))
        got = _ALIASES[id(tax)] = (tax, aliases, heads)
    return got[1], got[2]


def _candidates(ctx: Context) -> list[_Cand]:
    text = ctx.text
    quotes = find_quotes(text)
    contents = {q.text.strip() for q in quotes}
    # names that some quoted content ends with, 2–6 characters in (only those can be extended)
    content_tails = {c[k:] for c in contents for k in range(2, 7) if len(c) > k}
    aliases, alias_heads = _aliases()
    cands: list[_Cand] = []
    joined: dict[str, bool] = {}
    for q in quotes:
        name = q.text.strip()
        start, end = q.start - (0 if q.orphan else 1), q.end + (0 if q.orphan else 1)
        # 社区服务“综合体” → 社区服务综合体 where that whole name is quoted elsewhere
        if name in content_tails:
            for k in range(2, 7):
                if q.start - 1 - k >= 0 and text[q.start - 1 - k:q.start - 1] + name in contents:
                    name = text[q.start - 1 - k:q.start - 1] + name
                    start = q.start - 1 - k
                    break
        # “三治”融合 → 三治融合 (a taxonomy name)
        if name in alias_heads:
            for k in (2, 1):
                tail = text[q.end + 1:q.end + 1 + k]
                if name + tail in aliases and name not in aliases:
                    name, end = name + tail, q.end + 1 + k
                    break
        if not q.orphan and name == q.text.strip():
            start, end, name = _counted_or_joined(text, q, start, end, name, joined)
        cands.append(_Cand(name=name, start=start, end=end, quote=q))
    return cands


_FIGURE = re.compile(r"\d+(?:\.\d+)?%")
_MAX_JOIN_SCANS = 256
_COUNT_BEFORE = re.compile(r"[一二两三四五六七八九十]个$")
# what is done with a scheme (“红色物业”创建, “共同缔造”活动), or the kind of unit it makes (兵地“互嵌式”社区, written
# 互嵌式社区 in the title too): not a part of its name
_ACTIVITY_TAIL = re.compile(r"创建|工作|建设|服务|管理|治理|理念|精神|作用|转化|行动|试点|示范|推广|经验|做法|换届|选举|志愿|志願"
                            r"|社区|社區|小区|小區")


def _counted_or_joined(text: str, q: Quote, start: int, end: int, name: str,
                       joined: dict[str, bool]) -> tuple[int, int, str]:
    """三个“100%”: a counted figure is one name with its count; “近邻”党建, where the text also writes
    近邻党建 unquoted: the quoted word and the word after it are one name."""
    if _FIGURE.fullmatch(name) and _COUNT_BEFORE.search(text, max(0, start - 2), start):
        return start - 2, end, text[start - 2:end]
    tail = text[end:end + 2]
    if len(name) <= 4 and len(tail) == 2 and is_cjk(tail[0]) and is_cjk(tail[1]) \
            and not _TYPE_AFTER.match(tail) and not _ACTIVITY_TAIL.match(tail) and name not in _STOPLIST:
        key = name + tail
        if key not in joined:
            # each distinct form costs a scan of the text: a text quoting thousands of different
            # words stops looking after the first few hundred (it is no report of one scheme)
            joined[key] = len(joined) < _MAX_JOIN_SCANS and text.find(key) >= 0
        if joined[key]:
            return start, end + 2, key
    return start, end, name


# (a name dated by a planning period, “十四五…巡礼”, “十三五…成就展”, is that period's plan, report or event)
_PLAN_PERIOD = re.compile(r"^十[一二三四五六七八九]五|^[一二三四五六七八九十]+年")
# What the sentence around a quote says it is, when that is never a scheme of the place (each rule
# reads the words straight around the quote marks, never the quoted words themselves):
# a problem to solve (破解“…”难题, “…”等问题, 陷入“…”的恶性循环, 打破“…”的局面; the pressures a place faces,
# 面临“…难、…多”的三重压力)
_PROBLEM_AFTER = re.compile(r"^(?:等|的|这一|这个|这类|这些)?(?:" + _ACTS_ON + r"[^，,。；;“”]){0,4}?"
                            r"(?:问题|难题|困境|困局|痛点|难点|堵点|瓶颈|恶性循环|现象|弊端|顽疾|怪圈|局面|压力)")
_PROBLEM_BEFORE = re.compile(r"(?:破解|解决|陷入|摆脱|告别|打破|避免|防止|杜绝|克服|消除|根治|清理|清除|整治|取缔|铲除)"
                             r"[^，,。；;“”]{0,8}$")  # (清理“…”: a nuisance removed, 野广告 called a skin disease)
# a change from one state to another (从“坐等上门”向“主动敲门”转变, 从“旁观者”到“参与者”): both ends
_FROM_BEFORE = re.compile(r"[从由][^，,。；;“”]{0,6}$")
_TO_AFTER = re.compile(r"^[^，,。；;“”]{0,6}?(?:到|向|变为?|转为|转向|转变为|走向|迈向)[^，,。；;“”]{0,6}?“")
_FROM_TO_BEFORE = re.compile(r"[从由][^，,。；;“”]{0,6}“[^“”]{1,20}”[^，,。；;“”]{0,6}?"
                             r"(?:到|向|变为?|转为|转向|转变为|走向|迈向)[^，,。；;“”]{0,6}$")
_BECOMES_AFTER = re.compile(r"^(?:变为?|变成|转为|变身[为成]?)了?“")  # “生人”变“熟人”, “陌邻”变成了“睦邻”, “A”变身“B”
_TURNED_BEFORE = re.compile(r"(?:变|化|改)$")  # 变“九龙治水”为协同作战, 化“独角戏”为“大合唱”
# the short form a text defines for a body or a document (（下称“领导小组办公室”）, 以下简称“…”)
_ALIAS_BEFORE = re.compile(r"(?:下称|简称|以下称)$")
# a figure with decimals (“98.95%办结率”): statistics quoted, not a scheme's name
_DECIMAL = re.compile(r"\d\.\d")
_BECOMES_BEFORE = re.compile(r"“[^“”]{1,20}”(?:变为?|变成|转为|变身[为成]?)了?$")
_FROM_FAR = re.compile(r"[^。；;“”]{0,24}?(?:到|向|变为?|转为|转向|走向|迈向)")
# the theme of an event (开展“…”主题活动, 以“…”为主题)
_THEME_AFTER = re.compile(r"^(?:(?:为|作为)|(?:这一|这个)[^，,。；;“”]{0,4}?)?(?:主题|议题|话题)|^为题")
# an event's title with words between it and 主题/系列…活动 (“…”关爱残疾人主题宣讲活动, “…”寒假系列活动)
_EVENT_TITLE_AFTER = re.compile(r"^[^，,。；;“”]{1,8}?(?:主题|系列)[^，,。；;“”]{0,4}?活动|^系列活动")
# entries a notebook, a board or a wall holds (“…”“…”等条目, “…”等标语): what is written there, no scheme
_WRITTEN_AFTER = re.compile(r"^等?(?:条目|條目|字样|字樣|标语|標語|口号|口號|留言|字眼|词条|詞條|提示语|提示語)"
                            r"|^等[^，,。；;“”]{0,12}?(?:宣传牌|宣传栏|展板|标牌|墙绘|壁画|横幅|海报)")  # (等…文化宣传牌)
_WRITTEN_OPENS = match_opening(_WRITTEN_AFTER)
# a creed the place holds (按照“…”的理念, “…”服务理念): a principle, unless it is a list, a numeral name or words
# joined by + (“四全”治理理念, “党建引领+智慧建设”的理念), slogans the annotators keep
_CREED_AFTER = re.compile(r"^(?:的|这一|这个)?[^，,。；;“”]{0,2}?理念")
# the apps and channels a notice is published through (通过“A”“B”等平台发布…): media, not the place's platform
_CHANNEL_AFTER = re.compile(r"^(?:、?“[^“”]{1,12}”)*等?[^，,。；;“”]{0,6}?(?:平台|渠道|媒体)上?"
                            r"(?:发布|發佈|推送|宣传|宣傳|转发|轉發|直播|推广|推廣|分享|播放|展示)")
# the topic of a work report or an introduction given to visitors (听取了…“…”的工作汇报, 作了“…”工作介绍)
_REPORT_BEFORE = re.compile(r"(?:听取|聽取|聆听|作了|做了|作)[^，,。；;“”]{0,12}$")
_REPORT_AFTER = re.compile(r"^的?(?:工作)?(?:情况)?(?:汇报|匯報|介绍|介紹)|^(?:工作)?的?(?:进展|進展|推进情况|推進情況)")
# a residential compound's name (推进“…”小区水改) and what people call a place or a thing (把这条街称为“…”)
_COMPOUND_AFTER = re.compile(r"^(?:小区|小區|院落|大院)")
# (named as estates are: …花园, …家园, …苑, …新村; not a scheme's compounds, “红色物业”小区)
_ESTATE_NAME = re.compile(r"(?:花园|花園|家园|家園|苑|园|園|城|府|庭|公寓|新村|里|湾|灣|庄|莊|邸|阁|閣|居|广场|廣場|大厦|大廈)$")
_APPELLATION_BEFORE = re.compile(r"(?:称为|稱為|称作|稱作|称之为|叫做|叫作|誉为|譽為|人称|人稱|号称|號稱)$")
# (but a way of working the text names so is a scheme: 将这一做法称为“…”)
_PRACTICE_NAMED_BEFORE = re.compile(r"(?:做法|经验|模式|机制|方法|举措)[^，,。；;“”]{0,6}?(?:称为|称作|称之为|叫做|叫作|命名为|取名为)$")
# the topic a consultation or a discussion is held on (就“…”开展专题协商, 就“…”进行座谈)
_TOPIC_AFTER = re.compile(r"^(?:开展|開展|进行|進行|展开|展開|举行|舉行)?了?(?:专题|專題)?"
                          r"(?:协商|協商|议政|議政|座谈|座談|讨论|討論|调研|調研|交流|视察|視察|建言|磋商)")
# a press tour's or a survey campaign's title (“…”网络主题宣传采访团, “…”基层治理大调研活动)
_CAMPAIGN_AFTER = re.compile(r"^[^，,。；;“”]{0,8}?(?:调研活动|調研活動|采访团|採訪團|采访活动|採訪活動|走访活动|走访慰问活动|"
                             r"媒体行|媒體行|采访行|採訪行)")
# what a verb of rhetoric makes of the place's work (奏响基层治理“大合唱”, 托起群众“稳稳的幸福”, 筑牢…“坚强堡垒”,
# 点亮…的“精神灯塔”, 书写着“…”的故事): a figure of speech, unless the quote is a list or a numeral name or a scheme
# word follows it (筑牢“区委—街道—社区”三级架构, 擦亮“…”品牌)
_RHETORIC_BEFORE = re.compile(r"(?:奏响|唱响|弹好|托起|画好|画出|画大|共绘|绘出|点亮|铺平|筑牢|筑起|筑就|织就|织好|编织好?|"
                              r"书写|写好|交出|守护)[着著了的]?[^，,。；;“”]{0,6}$")
# a title a place is awarded (被评为“…”, 荣获“…”, 获评“…”), even a numeral one (“五星级党组织”); a scheme word
# after it (入选某市“…”社会工作服务典型项目) keeps a scheme named inside an award
_AWARDED_BEFORE = re.compile(r"(?:被评为|评为|荣获|获评|荣膺|授予)[^，,。；;“”]{0,4}$"  # (not 命名为: 将这一做法命名为“…”;
                             r"|被[^，,。；;“”]{0,12}?(?:命名为|确定为|认定为)$")  # but 被市委组织部命名为“…”: a title given)
# words carved, written or printed on something (窗上镂刻着“…”, 墙上写着“…”, 印有“…”)
_INSCRIBED_BEFORE = re.compile(r"(?:镂刻|雕刻|刻|写|印|绣|贴|挂|喷涂)(?:着|有)$")
# a part naming a role people play (信息员, 调解员, 楼长)
_ROLE_PART = re.compile(r"(?:员|者|长)$")
# a quoted activity listed with plain ones of its kind (开展“…”、巡回法庭、法律咨询等特色活动; 完成“…”、扶贫帮困等共建项目):
# a kind of activity, not a named scheme (brands so listed stay: “…”、公益社工、康养等服务品牌)
_PLAIN_LIST_AFTER = re.compile(r"^、[^“”，,。；;]{2,12}(?:、[^“”，,。；;]{2,12})*等[^，,。；;“”]{0,8}?(?:活动|项目)")
# a simile (“像一家人一样…”)
_SIMILE = re.compile(r"^(?:像|好像|如同|犹如)|[^，,]一样")
# a contest or a title won (“…”竞赛中荣获, “…”公益创投大赛, “…”等光荣称号); a contest run as a
# scheme (“…”竞赛活动) is still one
_AWARD_AFTER = re.compile(r"^[^，,。；;“”获评]{0,12}?(?:大赛|竞赛|比赛|评选|评优|评先|评比|称号|杯)(?!活动)|^(?:征集|推选|遴选)|^(?:之称|之说|的?美誉|的说法)"
                          r"|^[^，,。；;“”]{0,4}?(?:先进|优秀|模范)(?:集体|单位|个人)")
# a trait the place has (发挥“…”优势, 呈现出“…”的特征, 实现“…”的历史巨变)
_TRAIT_AFTER = re.compile(r"^的?[^，,。；;“”]{0,6}?(?:优势|特征|特点|景象|巨变|底色)(?![何在])"
                          r"|^\s?的(?:结果|坐标)")  # (让干部“…”的结果看得见; 锚定“…”的坐标: a result, a bearing)
# a figure pointed back at (这“主心骨”, 这条“…”路, 这个“…”); one instance of something
# (一份“点菜单”, 一场“…”活动, 一次“…”的座谈)
_DEMONSTRATIVE_BEFORE = re.compile(r"[这那](?:一|个|条|种|股|张|片|样的)?$")
_ONE_INSTANCE_BEFORE = re.compile(r"一[条场次份张封句幅台]$")
# one instance described first (一条安全平坦的“回家路”, 一张细密的“民心网”): a figure, unless a scheme word follows
# (一场别开生面的“…”民主议事会)
_ONE_DESCRIBED_BEFORE = re.compile(r"一[条场次份张封句幅台个座][^，,。；;“”]{1,8}的$")
# the title of a study (基金项目“…研究”)
_STUDY_TITLE = re.compile(r"(?:研究|探析|初探|分析|调查)$")
# words of the centre or a leader quoted (党的二十大报告提出“…”, 总书记强调：“…”)
_SAYS_BEFORE = re.compile(r"(?:提出|指出|强调|要求|号召)(?:了|的)?[，,：:\s]{0,2}$")
_CENTRE = re.compile(r"党的|总书记|全会|中央|[十二][十九八七]大|报告|习近平")
# a provision quoted from a regulation (“每个网格原则上不少于300户”)
_PROVISION = re.compile(r"应当|(?<![响供适反回对效呼答感相照顺])应(?![急用对])|不得|不低于|不少于|不超过|以上|以下")  # (not 响应, 应急: words)
# a question (“钱从哪里来”, “谁来管”)
_QUESTION = re.compile(r"什么|怎么|怎样|如何|为何|为什么|哪里|哪些|谁")
# what the sentence makes of the quote that no scheme is (issue 11, extra-ac/-af classes): a sight built (“…”景点), a
# force gathered (汇聚“…”力量), the theme of an education campaign (“…”先进性教育活动, a list too), a priority (把“…”放在第一位),
# a goal the work contributes to (为扮靓“…”贡献力量, a list too), what people do together (大家“同吃…、同唱…”)
# a couplet of two spaced halves that an activity follows (“春联送祝福 新春暖人心”活动): the occasion's title; a couplet
# a scheme word follows stays (“党员入格 一网兜底”服务机制, “…”行动)
_COUPLET = re.compile(r"\A[\u4e00-\u9fff]{3,8}[ \u3000]+[\u4e00-\u9fff]{3,8}\Z")
_ACTIVITY_AFTER = re.compile(r"^[^，,。；;：:“”]{0,8}?活动")
_SIGHT_AFTER = re.compile(r"^(?:景点|景點|景区|景區|景观|景觀)")
_FORCE_AFTER = re.compile(r"^(?:的)?力量")
_CAMPAIGN_THEME_AFTER = re.compile(r"^[^，,。；;“”]{0,8}?教育(?:实践)?活动")
_PRIORITY = (re.compile(r"把$"), re.compile(r"^放在(?:了)?(?:第一位|首位|首要位置|重要位置|心上|心头)"))
_SERVED = (re.compile(r"为[^，,。；;“”]{0,4}$"), re.compile(r"^[^，,。；;“”]{0,4}?(?:贡献|奉献|添砖加瓦|助力|出力)"))
_PEOPLE_DO_BEFORE = re.compile(r"(?:大家|人们|居民们|群众们|大伙儿?)(?:都|也|纷纷|一起)?$")
# a war of the centre's calls (打好“三个收官战”, “…攻坚战”): a catch-phrase, not the place's scheme
_BATTLE = re.compile(r"(?:收官战|攻坚战|攻堅戰|阻击战|持久战|总体战|歼灭战)\Z")
# a question the quote closes (如何让群众“…”？): what is asked after, not a scheme of the place
_ASKED_BEFORE = re.compile(r"(?:如何|怎样|怎麼|怎么|怎能)[^，,。；;！？!?“”]{0,12}$")
_QUESTION_AFTER = re.compile(r"^\s?[?？]")
# a series of three or more short quotes, each with its own qualifier before or after it (管理“全覆盖”、
# 服务“零距离”、诉求“全响应”; “一条链”贯通、“一张网”覆盖、…): the figures of a parallel sentence
_PARALLEL = (re.compile(r"(?:“[^“”]{1,4}”[\u4e00-\u9fff]{1,3}、){2,}“[^“”]{1,4}”[\u4e00-\u9fff]{1,3}"),
             re.compile(r"(?:[^，,。；;、“”\n]{1,8}“[^“”]{1,4}”、){2,}[^，,。；;、“”\n]{1,8}“[^“”]{1,4}”"))


def _in_parallel(text: str, start: int, end: int) -> bool:
    lo, hi = max(0, start - 48), min(len(text), end + 48)
    if text.count("、", lo, hi) < 2 or text.count("“", lo, hi) < 3:
        return False  # (either series holds two 、 and three quotes at least)
    return any(m.start() <= start and end <= m.end() for rx in _PARALLEL for m in rx.finditer(text, lo, hi))


# the small thing that moves the large one (“小网格”撬动“大治理”, 以“小切口”带动“大民生”, “微项目”释放“大能量”, 让社区
# “小网格”成为…的幸福“大管家”): over the tuning texts no quote so paired is a gold name (24 such quotes, 16 sets)
_SMALL_BIG_AFTER = re.compile(r"^”?[，,]?[^，,。；;“”]{0,12}“大")  # (深耕“小网格”，发挥治理“大成效”)
_SMALL_BIG_BEFORE = re.compile(r"“[小微][^“”]{1,6}”[^，,。；;“”]{0,12}“?$")
# a category of people named by a stop-listed term (“三无人员”)
_PEOPLE_TAIL = re.compile(r"(?:人员|群体|对象|家庭|儿童|老人)$")


# (each of the next three is one call for several tests of one window: ``any_of``)
# the words after the quote say what troubles the place (“…”的困扰), a change of state (“生人”变“熟人”),
# an event's theme, a contest or title won, a trait of the place
# an evening's or a show's title (“…”消夏文艺晚会), a speech's or an instruction's name (“七一”重要讲话), a
# creed a movement holds (“…”的志愿精神)
_EVENT_AFTER = re.compile(r"^[^，,。；;“”]{0,6}?(?:晚会|联欢会|演出|汇演|音乐会|运动会|生日会|百家宴|茶话会|游园会)|^(?:重要)?(?:讲话|指示|批示|论述)"
                          r"|^的[^，,。；;“”]{0,4}?精神")
# an organisation counted among others (孵化培育“…中心”等一批社会组织, 引入“…服务社”等3家社会组织): one body's name, not a
# scheme; a kind of body (“院管委”等自治组织: no count) and a numeral or listed name (“1+N”等一批志愿组织) still name one
_ORGANISATION_AFTER = re.compile(r"^等(?:一批|一些|多家|多个|[\d一二三四五六七八九十百]+[家个個])[^，,。；;：:“”]{0,6}?"
                                 r"(?:组织|組織|机构|機構|协会|協會)")
_NUMERALS_TWICE = re.compile(r"[一二三四五六七八九十两双][^一二三四五六七八九十两双]{1,4}[一二三四五六七八九十两双]")
_REJECTED_AFTER = any_of(_TROUBLE_AFTER, _BECOMES_AFTER, _THEME_AFTER, _AWARD_AFTER, _TRAIT_AFTER, _EVENT_AFTER, _CRIME_AFTER)
# the words before it make it one instance of something (一份“点菜单”), one year's edition of an
# event (2024“…”采访团) or what someone says or does (有人“…”，有人“…”: people's words, not a scheme)
_REJECTED_BEFORE = any_of(_ONE_INSTANCE_BEFORE, re.compile(r"\d{4}$"), re.compile(r"有人(?:说|讲|问)?[：:]?$"))
_REJECTED_BEFORE = class_led(_REJECTED_BEFORE)  # (the same matches, tried where one can open)
# the quote itself is a whole sentence (speech, a passage of a document), a simile, a question, a
# decimal figure, a descriptor made with 化, the proposal's wording, a designation or title, a
# metaphor of distance or time: whatever stands around it (``\A…\Z`` is ``fullmatch`` inside a search)
# a post people hold (楼栋长, 小区长): a role, not a scheme; a counted one (“三长”, “五级段长”) names a system
_POST = re.compile(r"\A(?![一二三四五六七八九十两双\d])[^、，,+＋—－\-]{0,4}[^成增延擅专特生\W\d_]长\Z")
# a change of state written inside the quote, each part X变Y (“资产变资本、居民变股民”)
_CHANGES = re.compile(r"\A(?:[^、，,变“”]{1,5}变(?:为|成)?[^、，,变“”]{1,5}[、，,]?)+\Z")
# where something is brought, a verb of going into first (推动党的创新理论“飞入寻常百姓家”, 让政策“走进千家万户”): a figure of
# reach completing the sentence's verb, not a scheme
_REACHES = re.compile(r"\A(?:飞入|飞进|走进|走入|融入|步入|落入|送进|送入)[^、，,+＋]{2,8}\Z")
# a title awarded to the best of a kind of people or units (“十佳网格员”, “最美志愿者”, “十大创新案例”): whom or what a
# contest picked, not a way of working
_HONOURED = re.compile(r"\A(?:十佳|百佳|十优|十大|百强|最美)[^、，,+＋·—－\-\d]{0,6}"
                       r"(?:员|者|人|户|家庭|集体|单位|社区|小区|村|街道|案例|标兵|之星|人物|楼长|书记|典型|街坊|邻居|委员会|委員會)\Z")
# the small moving the large written inside one quote (“以最小成本撬动最大效能”): a figure of speech, as two quotes are
_SMALL_MOVES_BIG = re.compile(r"小[^、，,]{0,8}(?:撬动|撬起|带动|换取|换来|赢得)[^、，,]{0,4}大")
# a motto acted on (用“…”的实际行动): words that describe the deed, not a scheme (a list or a numeral name stays)
_DEED_AFTER = re.compile(r"^的?(?:实际)?行动")
# a kind of election (“户代表选举”方式): a procedure the law sets, not the place's scheme
_ELECTION = re.compile(r"选举\Z")
# an association's name (“…志愿者协会”“…”等志愿服务组织): a body, not a scheme, unless a scheme word follows it
_ASSOCIATION = re.compile(r"(?:协会|联合会|促进会|(?<!协)商会|基金会)\Z")
# a body's own name (成立“…领导委员会”, 居民委员会——“某某居民委员会”, “…专组”, a task force, “…专班”, “…指挥部”): an organ set up, listed among agencies if
# at all, not a way of working (no tuning text's gold name ends so; a structure's last tier, …党小组, does not either)
_BODY_NAME = re.compile(r"(?:委员会|委員會|专组|專組|专班|專班|工作组|工作組|领导小组|領導小組|指挥部|指揮部)\Z")
# an international or world day, week or festival (“国际志愿者日”, “世界读书日”): the calendar's, not the place's scheme
# (a place's own day stays: “便民服务日”, “委员接待日”)
_WORLD_DAY = re.compile(r"\A(?:国际|國際|世界)[^、，,+＋]{1,8}(?:日|节|節|周|週)\Z")
# one event's title joining two with 暨 (“…游园会暨…市集”): an occasion, not a scheme
_JOINT_EVENT = re.compile(r"[^、，,]{2,}暨[^、，,]{2,}\Z")
# a meeting a topic is put to (“…”专题协商会, “…”座谈会) and a topic worded as a task, opening with its verb
_MEETING_AFTER = re.compile(r"^”?\s*(?:专题|專題)?[^，,。；;“”]{0,6}?(?:协商会|協商會|座谈会|座談會|研讨会|研討會|恳谈会|懇談會|议政会|議政會)")
_TASK_LEAD = re.compile(r"\A(?:加快|加强|加強|推进|推進|完善|健全|提升|促进|促進|强化|強化|深化|发挥|發揮|推动|推動|加大)")
# a manner of doing made with 式 (“敲门式”, “地毯式”): how something is done, as the descriptors made with 化
_MANNER = re.compile(r"\A(?![一二三四五六七八九十两双\d])[\u4e00-\u9fff]{1,4}(?<![模形方样樣仪儀正程格款])式\Z")  # (not “某某模式”)
# a result or quality of zero (“零门槛”, “事故零发生”, “服务零距离”; not counted, “三个零距离”, nor a list): over the tuning texts
# no such quote is a gold name unless a scheme word follows it
_ZERO = re.compile(r"\A(?![一二三四五六七八九十两双\d])[^、，,+＋\s]{0,3}零[^、，,+＋\s]{1,3}\Z")
_RUN_REST = re.compile(r"^”?(?:[、和与及]?“[^“”]{1,10}”)*")  # (the rest of a run of quotes: “A式”“B式”“C式”工作模式)
# a quality the work keeps, said with 不 (“不打烊”, “不断线”): a descriptor, no tuning text's gold name opens so
_NOT_QUALITY = re.compile(r"\A不[^、，,+＋\d]{1,3}\Z")
# a word of a foreign language (尽享“City”生活): no scheme's name unless a scheme word follows it (codes, “APP”,
# “e家”, have capitals or hanzi)
_FOREIGN_WORD = re.compile(r"\A[A-Z]?[a-z]{2,}\Z")
# speech cut off with an ellipsis (“请勿在楼道堆放杂物……”): words said, never a scheme's name
_TRAILING_OFF = re.compile(r"(?:…|\.{3})\Z")
# a statement made with a copula (“一个网格就是一个家”, “社区便是我家”): a saying, not a scheme's name
_COPULA = re.compile(r"就是|便是|即是|就像")
_NEVER_A_NAME = any_of(re.compile(r"[。！？!?；;]"), _TRAILING_OFF, _COPULA, _SIMILE, _CHANGES, _QUESTION, _DECIMAL, _POST, _REACHES,
                       re.compile(r"\A(?:" + _DESCRIPTOR.pattern + r")\Z"), _REQUEST, _DESIGNATION, _UNIT_METAPHOR,
                       _HONOURED, _ELECTION, _SMALL_MOVES_BIG, _WORLD_DAY, _JOINT_EVENT, _BATTLE,
                       _NOT_QUALITY)


# a person, by the role people play (当好政策“宣传员”, 群众身边的“贴心人”, 社区“多面手”): a figure of speech,
# not a scheme, unless a scheme word follows (“社区合伙人”基层治理品牌); a counted or joined one
# (“一格一员”, “人大代表+网格员”) names a system
_PERSON_ROLE = re.compile(r"\A(?![一二三四五六七八九十两双\d])[^、，,+＋·•—－\-\d]{1,7}(?:员|者|手|人)\Z")


def _context_rejects(text: str, c: _Cand, parts: list[str]) -> bool:
    """The sentence says the quote is a problem, a change of state, an event's theme, a contest or
    title, a trait, the centre's words or a provision: never a scheme's name. A quoted list or
    numeral name (解决“三件事”问题) is still a name the text gives to what it solves. (What the quoted
    words alone rule out is ``_NEVER_A_NAME``, tested before.)"""
    name = c.name
    s, e = c.quote.start - (0 if c.quote.orphan else 1), c.end
    # (read without the pinyin glosses some mirror pages print: 网(wǎng)络主题宣传采访团)
    after = _unglossed(text[e:e + 48])[:16]
    before = _unglossed(text[max(0, s - 42):s])[-14:]
    if _REJECTED_AFTER.match(after) and not (after.startswith("主题") and _NUMERALS_TWICE.search(name)) \
            or _REJECTED_BEFORE.search(before) and not (_ONE_INSTANCE_BEFORE.search(before) and (parts or _JOINED.search(name))):
        return True  # (a name of two numerals, “一月一课一片一实践”主题党日, names the scheme a theme day carries out; a list or
        #              words joined by + after 一张/一条 name what the thing is built of, 织出一张“纵向…、横向…”的服务网)
    if (_DEMONSTRATIVE_BEFORE.search(before) and not _TYPE_AFTER.match(after)  # 这一“…”模式 is named again
            or FIGURE_VERB.search(before) and not _TYPE_NEXT.match(after)) or (len(name) >= 8 and _STUDY_TITLE.search(name)):
        return True
    if (not _NUM_LEAD.match(name) or name[0] == "一") and len(name) <= 4 and _in_parallel(text, c.start, c.end):
        return True  # 社区管理“全覆盖”、社区服务“零距离”、居民诉求“全响应”: qualities of a series, not names
        #              (a counted name in such a series, 自治法治德治“三治融合”, still is one)
    if (name[0] in "小微" and _SMALL_BIG_AFTER.match(after)) \
            or (name[0] == "大" and _SMALL_BIG_BEFORE.search(text, max(0, s - 28), s)):
        return True  # “小网格”撬动“大治理”: a contrast of small and large, a figure of speech
    if before.endswith("因") and _rx(r"而(?:得名|命名)").match(after):
        return True  # 因“…”而得名: where a name comes from
    if len(name) >= 8 and _PROVISION.search(name) and _rx(r"\d|[一二三四五六七八九十百千]").search(name):
        return True
    if _PEOPLE_TAIL.search(name) and _PEOPLE_TAIL.sub("", name) in _STOPLIST:
        return True
    listed = _numbered_or_list(name, parts)  # (a quoted list or a numeral name: asked by most rules below)
    quoted = c.quote.text.strip()  # (the name itself unless it was extended: tested with it already)
    if quoted != name and _DESCRIPTOR.fullmatch(quoted) \
            or _ALIAS_BEFORE.search(before) and not listed or (after.startswith("为") and _TURNED_BEFORE.search(before)):
        return True
    if not listed and _ORGANISATION_AFTER.match(after):
        return True  # one organisation among others of its kind (“…中心”等一批社会组织)
    if not listed and _RHETORIC_BEFORE.search(before) and not _TYPE_NEXT.match(after):
        return True  # a figure a verb of rhetoric makes (奏响…“大合唱”)
    if not listed and _ONE_DESCRIBED_BEFORE.search(before) and not _TYPE_AFTER.match(after) \
            and not _KIND_AFTER.match(after):
        return True  # one instance described first (一条安全平坦的“回家路”)
    if not listed and before.endswith("用") and _DEED_AFTER.match(after):
        return True  # a motto acted on (用“有困难我先上”的实际行动)
    if not listed and before.endswith("践行"):
        return True  # a creed put into practice (践行“…”理念, 践行“…”): a principle, not the place's scheme
    if not listed and not _TYPE_AFTER.match(after) and not _MODEL_NAMED.search(name) and (
            _COMPOUND_AFTER.match(after) and _ESTATE_NAME.search(name)
            or _APPELLATION_BEFORE.search(before) and not _PRACTICE_NAMED_BEFORE.search(before)):
        return True  # a compound's name, an appellation
    if _INSCRIBED_BEFORE.search(before) or len(parts) >= 3 and "、" in name and not _rx(r"[+＋—－–\-]").search(name) \
            and all(_ROLE_PART.search(p) for p in parts):
        return True  # words carved or written on something; a list of roles people play (“信息员、调解员、…”; not
        #              a structure of roles joined by + or dashes, “网格长+网格员+…”)
    if not listed and _PLAIN_LIST_AFTER.match(_unglossed(text[e:e + 64])):
        return True  # one activity among plain ones of its kind
    if _AWARDED_BEFORE.search(before) and not _TYPE_AFTER.match(after) or after.startswith("之一") \
            or _rx(r"^等?的?现象").match(after):  # (a phenomenon, a list too: “重建设、轻管理”现象)
        return True  # a title awarded; one of a listed set (被列为全市“十大…”之一)
    if after[:1] in _WRITTEN_OPENS and _WRITTEN_AFTER.match(after) or not _numbered(name) and (
            _CAMPAIGN_AFTER.match(after) or before.endswith("就") and _TOPIC_AFTER.match(after)) \
            or before.endswith("围绕") and not listed and _TOPIC_AFTER.match(after):
        return True  # an entry written on a board, a consultation's topic (围绕“…”开展专题协商: not a list), a campaign's
        #              title (a list one too)
    if not listed and _EVENT_TITLE_AFTER.match(after):
        return True  # an event's title; a numeral name's event (“三联一进”代表主题活动) still names the scheme
    if (not listed or _problem_list(parts)) \
            and (_PROBLEM_BEFORE.search(before) or _role_after(after)):
        return True
    if (_BECOMES_BEFORE.search(text, max(0, s - 30), s)
            or _FROM_BEFORE.search(text, max(0, s - 8), s) and _TO_AFTER.match(after)
            or before.endswith("从") and _FROM_FAR.match(text, e, e + 28)
            or _FROM_TO_BEFORE.search(text, max(0, s - 50), s)):
        return True
    if not listed and not _rx(r"[+＋，,、]").search(name) and (
            _CREED_AFTER.match(after) or _CHANNEL_AFTER.match(_unglossed(text[e:e + 64]))
            or _REPORT_BEFORE.search(before) and _REPORT_AFTER.match(after)):
        return True  # a short creed, a channel a notice goes out on, a report's topic
    if "目标" in after and _rx(r"(?:为)?(?:总|总体)?目标").match(after) and not listed \
            and not _rx(r"[，,、]").search(name):
        return True  # a short goal aimed at (“共同富裕”目标, 以“…”为总目标); a list or numeral target stays
    if (name[:1].isascii() and _FOREIGN_WORD.match(name) or name.endswith("会") and _ASSOCIATION.search(name)) \
            and not _TYPE_AFTER.match(after) or name[-1:] in "会會组組班部" and _BODY_NAME.search(name) and not _TYPE_NEXT.match(after):
        return True  # a foreign word (尽享“City”生活), an association's name, a body's (“…委员会”, its scheme word next)
    if not _numbered_or_list(name, parts) and (_SIGHT_AFTER.match(after) or _FORCE_AFTER.match(after)
                                               or _PRIORITY[0].search(before) and _PRIORITY[1].match(after)):
        return True  # a sight, a force, a priority
    if not _numbered(name) and (_CAMPAIGN_THEME_AFTER.match(after) or _SERVED[0].search(before) and _SERVED[1].match(after)
                                and not _TYPE_NEXT.match(after) or _PEOPLE_DO_BEFORE.search(before)):
        return True  # an education campaign's theme, a goal served, what people do: lists too
    if _MEETING_AFTER.match(after) and _TASK_LEAD.match(_unglossed(name)):
        return True  # a meeting's topic, a task (召开“加强…，提升…”专题协商会): the question put, not a scheme
    if (_MANNER.match(_unglossed(name)) or _ZERO.match(_unglossed(name))) \
            and not _TYPE_AFTER.match(_RUN_REST.sub("", _unglossed(text[e:e + 64]))):
        return True  # a manner of doing (开展“敲门式”排查, 探索“俱乐部式”招募), a result of zero (实现“事故零发生”, “零门槛”准入):
        #              descriptors as those made with 化, unless a scheme word follows (“菜单式”调解机制, “便民零距离”活动)
    if len(name) <= 4 and before.endswith("的") and not _numbered_or_list(name, parts) \
            and _rx(r"[ \t\u3000]*(?:\n|\Z)").match(text, e + 1):
        return True  # a heading closing on a thing described (特殊的“网格图”): a figure; over the tuning texts none such is gold
    if _COUPLET.match(name) and _ACTIVITY_AFTER.match(after):
        return True  # an occasion's couplet title
    if _QUESTION_AFTER.match(after) and _ASKED_BEFORE.search(before):
        return True  # the goal a question asks after (如何让群众“搬得出、稳得住”？): the problem posed, a list too
    if not _SAYS_BEFORE.search(text, max(0, s - 6), s):
        return False  # (nor from a later start: the sentence's start is read only after a hit)
    lo = max(_clause_start(text, s, _SENT_STOPS), s - 60)
    return bool(_SAYS_BEFORE.search(text, max(lo, s - 6), s) and _CENTRE.search(text, lo, s))


# a reply's heading that restates a point of the proposal (二、在“…”方面，我们将…; 一、关于“…”的问题)
_HEADING_POINT = re.compile(r"(?:^|\n)[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])?(?:在|关于|对于)$")
_HEADING_POINT = class_led(_HEADING_POINT)  # (the same matches, tried where one can open)


_DESCRIPTOR_WORD = re.compile(r"\A(?:" + _DESCRIPTOR.pattern + r")\Z")


def _numeral_descriptor_named(bare: str, after: str) -> bool:
    """A numeral word made with 化 that a scheme word follows (“六化”工作方法, “一体化”运营模式): a name the
    text gives a way of working, not a descriptor of how something is done (“精细化”管理)."""
    return bool(_NUM_LEAD.match(bare) and _DESCRIPTOR_WORD.match(bare) and _TYPE_AFTER.match(after))


def _in_request_title(text: str, start: int, end: int) -> bool:
    """The quote stands inside the title of the proposal being answered, on one line
    (关于以“…”理念促进…的建议): the proposer's wording, not a scheme of the place."""
    return bool(_rx(r"关于[^。\n“”]{0,40}$").search(text, max(0, start - 42), start)
                and _rx(r"[^。\n“”]{0,40}?的(?:建议|提案|议案)").match(text, end, end + 44))


def _problem_list(parts: list[str]) -> bool:
    """A quoted list of complaints (“办事难、找人难”, “会议多、材料多”)."""
    return any(_PROBLEM_PART.search(p) for p in parts)


_PROBLEM_PART = re.compile(r"(?:难|多|少|差|乱|慢|低|弱|不足|不够|不畅|不清|不管|不入)$|^(?:无|没|缺)")
_PROBLEM_PART = class_led(_PROBLEM_PART)  # (the same matches, tried where one can open)


def _numbered_or_list(name: str, parts: list[str]) -> bool:
    """A quoted list, or a name with a numeral or digits (“三件事”, “1+N”, “双报到”): these name what the
    text then says they do or solve."""
    return bool(parts) or _numbered(name)


@lru_cache(maxsize=4096)
def _numbered(name: str) -> bool:
    """``name`` opens with a numeral or holds a digit (kept per name: the rules ask for each quote
    several times)."""
    return bool(_NUM_LEAD.match(name) or _rx(r"\d").search(name))


_ROLE_OR_PROBLEM_AFTER = any_of(_NEG_AFTER, _PROBLEM_AFTER)


def _role_after(after: str) -> bool:
    """The quote names a role, function or problem (发挥“…”作用, “…”等现象, “…”意识, “…”等问题),
    unless a scheme word comes first (“…”行动发现问题)."""
    if not _ROLE_OR_PROBLEM_AFTER.match(after):
        return False  # (neither names one: the scheme word need not be looked for)
    t = _TYPE_AFTER.match(after)
    for rx in (_NEG_AFTER, _PROBLEM_AFTER):
        neg = rx.match(after)
        if neg and not (t and t.end() <= neg.end()):
            return True
    return False


def _chain_rejects(text: str, chains: list[list[_Cand]]) -> None:
    """What the words after a run of quotes (``_chains``) say applies to every quote of the run
    (“A”“B”等光荣称号; 开展“A”“B”主题活动; 发挥“A”与“B”作用)."""
    for chain in chains:
        if len(chain) < 2:
            continue
        tail = text[chain[-1].end:chain[-1].end + 16]
        m = _rx(r"^等?").match(tail)
        rest = tail[m.end():]
        if _THEME_AFTER.match(rest) or _AWARD_AFTER.match(rest) or _TRAIT_AFTER.match(rest) or _WRITTEN_AFTER.match(tail):
            for c in chain:
                c.rejected = True
        elif _role_after(tail) or _role_after(rest):
            for c in chain:
                parts = split_list(c.name)
                c.rejected = c.rejected or not _numbered_or_list(c.name, parts) or _problem_list(parts)


def _classify(text: str, cands: list[_Cand]) -> None:
    """Rule verdicts: ``rejected`` (never a name), ``doubt`` (a reason against, weighed by the
    classifier) and ``accepted`` (the rules' own call)."""
    names = {c.name for c in cands}
    # (only prefixes as long as some candidate: a quoted sentence has hundreds of others)
    lengths = {len(o) for o in names}
    numeral_prefixes = {o[:k] for o in names if _NUM_LEAD.match(o) and not split_list(o) for k in range(1, len(o)) if k in lengths}
    for c in cands:
        q = c.quote
        name = c.name
        after = text[c.end:c.end + 12]
        # the tests below read at most the last 7 chars of the clause
        before = text[max(_clause_start(text, c.start, _CLAUSE_STOPS), c.start - 16):c.start]
        parts = split_list(name)
        bare = _unglossed(name)  # (a mirror page's pinyin glosses, 一盘(pán)棋, change no verdict)
        if (len(name.replace(" ", "")) < 2 or bare in _STOPLIST
                or _NEVER_A_NAME.search(bare) and not _numeral_descriptor_named(bare, after)
                or _context_rejects(text, c, parts) or (_PLAN_PERIOD.match(name) and not parts)
                or _rx(r"^\s*(?:的)?(?:议案|提案|建议)?收悉|^\s*的(?:议案|提案|建议)").match(after)
                or _in_request_title(text, c.start, c.end)
                or (before.endswith("关于") and after.startswith("的情况"))
                or _HEADING_POINT.search(text, max(0, c.start - 12), c.start) and _rx(r"^(?:方面|的问题)").match(after)):
            c.rejected = True
            continue
        if _NUM_LEAD.match(bare) and len(bare) == 4 and (lexicon_entry(bare) or ("", ""))[1][:1] == "i":
            c.rejected = True  # an idiom that opens with a numeral (构建“一应俱全”的体系): no numeral name
            continue
        if (after.startswith("即") and any(name in o and name != o for o in names)  # “一有”即… (a part)
                or name in numeral_prefixes  # “四岗” inside “四岗18级”
                or parts and _FOLLOWING_WHOLE.match(after)):  # the parts of 五位一体
            c.rejected = True
            continue
        if parts and _same_suffix(parts):
            c.doubt = "enum"  # an enumeration of things of one kind (…平台、…平台、…平台)
        elif "目标" in after and (_rx(r"^的?目标").match(after) or _rx(r"^为(?:总|总体)?目标").match(after) and not _rx(r"[，,、]").search(name)) \
                and not (parts or _NUM_LEAD.match(name) or _rx(r"\d").search(name)):
            c.doubt = "goal"  # a goal or slogan aimed at (“共同富裕”目标), not a scheme of the place;
            #                   a numeral target (“3个100%”目标) still is one
        elif _NUM_LEAD.match(name) and (_CATEGORY_AFTER.match(after) or _rx(r"\d(?:家|个|名|户|所|支|类)$").search(before)) \
                and not _TYPE_AFTER.match(after):
            c.doubt = "category"
        if c.doubt:
            continue
        if q.orphan or parts or _NAME_SHAPE.search(name) or _MODEL_NAMED.search(_unglossed(name)) \
                or (_TYPE_AFTER.match(after) or _NAMING_BEFORE.search(before) or _FACILITY_AFTER.match(after)) \
                and not _role_after(after) or _built_from(text, c):
            c.accepted = True


# a name that calls itself a programme (“某省兜底民生服务社会工作双百工程”, “…提升行动”): kept whatever the classifier says,
# as words joined by + are (not a verb's phrase, “完善…”, nor a plan's period, “三年行动计划”, rejected by rule)
_PROGRAMME_NAMED = re.compile(r"\A(?!完善|健全|建立|构建|推进|加强|深化|实施|开展|落实)[^、，,·•+＋\s]{4,}(?:工程|计划|計劃|行动|行動)\Z")
# a quote the text calls a brand (深化“…”党建品牌, 打造“…”服务品牌): a name whatever the classifier says (over the tuning
# texts every one of the 19 quotes so followed is a gold name)
_BRAND_AFTER = re.compile(r"[^，,。；;：:！？!?\n“”]{0,6}?品牌")
# words joined by + (“党建+物业”, “社区+校区+园区”): a coined scheme name, never running text
_JOINED = re.compile(r"[\u4e00-\u9fff]{2}[+＋][\u4e00-\u9fff]{2}")
# what the rules accept a quote for by its words (joined by +, led by a numeral, holding a digit) and
# by a naming verb or an apposition before it, one call each (``any_of``)
_NAME_SHAPE = any_of(_JOINED, _NUM_LEAD, re.compile(r"\d"))
_NAMING_BEFORE = any_of(_VERB_BEFORE, _APPOSITION_BEFORE, _PRACTICE_NAMED_BEFORE)


# a name that calls itself a model or an experience (“广阳模式”, “枫桥经验”); not a way of working (“网格化模式”)
_MODEL_NAMED = re.compile(r"[^\W\d_]{2}(?<!化)(?:模式|经验)$")


def _chains(text: str, cands: list[_Cand]) -> list[list[_Cand]]:
    """Runs of quotes enumerated together (“A”、“B”发展、社区工作者“C”等…)."""
    chains: list[list[_Cand]] = []
    for c in cands:
        if chains:
            last = chains[-1][-1]
            gap = text[last.end:c.start]
            if len(gap) <= 8 and not _rx(r"[，,。；;：:！？!?\n]").search(gap) and (gap == "" or "、" in gap or gap in "和与及"):
                chains[-1].append(c)
                continue
        chains.append([c])
    return chains


def _chain_governed(text: str, chains: list[list[_Cand]]) -> None:
    """A naming verb before a run of quotes (创建“A”“B”) or a scheme word after it (“A”“B”“C”工作模式)
    governs every quote of the run, not only the one it touches. Only quotes written one after the
    other (or joined by 、和与及) make such a run: X委“A”、Y委“B” gives each its own subject."""
    for chain in chains:
        if len(chain) < 2 or any(text[a.end:b.start] not in ("", "、", "和", "与", "及")
                                 for a, b in pairwise(chain)):
            continue
        head = chain[0]
        before = text[max(_clause_start(text, head.start, _CLAUSE_STOPS), head.start - 16):head.start]
        tail = text[chain[-1].end:chain[-1].end + 12]
        if _role_after(tail):
            continue
        if _VERB_BEFORE.search(before) or _TYPE_AFTER.match(tail):
            for c in chain:
                if not (c.rejected or c.doubt):
                    c.accepted = True


def _share_in_chains(text: str, chains: list[list[_Cand]]) -> None:
    for chain in chains:
        if len(chain) < 2:
            continue
        tail = text[chain[-1].end:chain[-1].end + 12]
        if _NEG_AFTER.match(tail):
            for c in chain:
                if not (c.quote.orphan or split_list(c.name) or _NUM_LEAD.match(c.name)):
                    c.accepted = False
            continue
        if any(c.accepted for c in chain) or _TYPE_AFTER.match(tail):
            for c in chain:
                if not (c.rejected or c.doubt):
                    c.accepted = True


# one more scheme of the same actor singled out in the same sentence (P推行“A”，特别是2022年“B”工作的推动)
_SINGLED_OUT = re.compile(r"[”\"]?[，,]\s*(?:特别是|尤其是)[^，,。；;：:“”\n]{0,12}[“\"]?")


# the numeral name a quoted list defines, straight after it (“A、B、C”的“三X”…, “A、B、C”的三联工作法)
# (not a count of levels, 四级组织体系: a structure the list describes, not a scheme named so)
_DEFINED_NEXT = re.compile(r"^的[“\"]?([一二三四五六七八九十两双](?!级)[\u4e00-\u9fff]{0,3}?)(?:[”\"]|(工作法|工作机制|机制|模式))")


def _defines_next(after: str, parts: list[str]) -> re.Match[str] | None:
    """The quoted list is the parts of the numeral name written straight after it, as many as its numeral
    says (“微网格、微活动、微服务、微实事”的“四微一体”; “党员联户、矛盾联调、平安联创”的三联工作法). None for a
    name of another count (“A、B”的“三零”目标). (The annotations keep the list as a name of its own as well, in
    four tuning texts of six.)"""
    m = _DEFINED_NEXT.match(after) if len(parts) >= 2 else None
    return m if m and _leading_count(m.group(1)) == len(parts) else None


_UNQUOTED_MODE = re.compile(r"形成了?([\u4e00-\u9fff]{4,12}模式)")


# a list quote that a 五位一体 follows names its parts (“A、B、C、D、E”五位一体治理模式: the name is 五位一体), not one
# that is the first of a list of ways of working (“A、B、C”三位一体、多方参与、齐抓共管的方式: the quote is the name)
_FOLLOWING_WHOLE = re.compile(r"^([一二三四五六七八九十]+位一体)(?![、，,])")


def _unquoted(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Unquoted names the grammar marks as such: a list quote followed by 五位一体…模式, or
    打造“a、b、c”，形成了X模式."""
    out: list[_Cand] = []
    for c in cands:
        parts = split_list(c.name)
        if not parts:
            continue
        named = _defines_next(text[c.end:c.end + 12], parts)
        if named and named.group(2):  # “A、B、C”的三联工作法: the name is not quoted
            name = named.group(1) + named.group(2)
            s = c.end + named.start(1)
            out.append(_Cand(name=name, start=s, end=s + len(name), quote=Quote(name, s, s + len(name), orphan=True),
                             components=[_strip_inner(p) for p in parts], accepted=True, anchor=c.start))
            continue
        m = _FOLLOWING_WHOLE.match(text[c.end:c.end + 8])
        if m:
            s = c.end
            out.append(_Cand(name=m.group(1), start=s, end=s + len(m.group(1)),
                             quote=Quote(m.group(1), s, s + len(m.group(1)), orphan=True),
                             components=[_strip_inner(p) for p in parts], accepted=True, anchor=c.start))
            continue
        if _same_suffix(parts):
            m = _UNQUOTED_MODE.match(text, c.end + 1, min(len(text), c.end + 24)) or \
                _rx(r"^[^。；]{0,3}?形成了?([\u4e00-\u9fff]{4,12}模式)").match(text[c.end:c.end + 24])
            if m:
                s = text.index(m.group(1), c.end)
                name = m.group(1)
                out.append(_Cand(name=name, start=s, end=s + len(name), quote=Quote(name, s, s + len(name), orphan=True),
                                 components=[_strip_inner(p) for p in parts], accepted=True))
    return out


_LIST_STOP = re.compile(r"[、；;。！？!?\n“\"]")


def _head_words(text: str, end: int, reach: int = 8) -> str:
    """The words right after a name that say what it is (“五社联动”机制, “12341”工作法), up to ``reach``
    characters and not into the next item of its list or the next clause (社区工作者“六统一”、社区协商
    “公共空间”: the 协商 is the next item's, not 六统一's)."""
    after = text[end:end + reach]
    stop = _LIST_STOP.search(after)
    return after[:stop.start()] if stop else after


_QUESTION_END = re.compile(r"[？?][”’」』]?$")


def _sentence(text: str, pos: int) -> str:
    lo, hi = sentence_bounds(text, pos)
    return text[lo:hi].strip()[:200]


def _views(ctx: Context, cands: list[_Cand], chains: list[list[_Cand]], index: _Owners,
           all_cands: bool = True) -> list[QuoteView | None]:
    """What the classifier reads about each candidate (see ``quote_features``); with ``all_cands``
    False, None for the candidates the rules rejected (the classifier never reads them)."""
    text = ctx.text
    title_end = text.find("\n")  # a one-line text has no title line
    counts: dict[str, int] = {}
    for c in cands:
        counts[c.name] = counts.get(c.name, 0) + 1
    views: dict[int, QuoteView] = {}
    for chain in chains:
        tail = text[chain[-1].end:chain[-1].end + 24]
        m = _CHAIN_TAIL.match(tail)
        chain_rule = any(c.rule_accepted for c in chain)
        for c in chain:
            if c.rejected and not all_cands:
                continue
            lo = max(_clause_start(text, c.start, _SENT_STOPS), c.start - 40)
            # (read without the pinyin glosses some mirror pages print after characters: 社區(qū))
            v = QuoteView(_unglossed(c.name), _unglossed(text[max(0, c.start - 40):c.start])[-16:],
                          _unglossed(text[c.end:c.end + 40])[:16], _unglossed(text[lo:c.start]))
            v.rule_accepted = c.rule_accepted
            v.rule_neg = c.doubt
            t = _TYPE_AFTER.match(v.after)
            if not v.rule_neg:
                neg = _NEG_AFTER.match(v.after)
                if neg and not (t and t.end() <= neg.start(1)):  # …”行动发现问题: the scheme word comes first
                    v.rule_neg = "neg_after"
                elif v.after[:1] in _CATEGORY_OPENS and _CATEGORY_AFTER.match(v.after):
                    v.rule_neg = "category"
            v.type_after = t.group(1) if t else ""
            v.tail_type = bool(m) and len(chain) > 1
            v.chain_len = len(chain)
            v.chain_rule = chain_rule
            before, _first = index.places_before(max(0, c.start - 2), c.start)
            v.place_before = bool(before) and _rx(r"的?").fullmatch(text, before[-1][1], c.start) is not None
            v.in_title = c.start < title_end
            v.line_head = c.start == 0 or text[c.start - 1] == "\n"
            v.nested = c.quote.nested
            v.repeats = counts[c.name]
            views[id(c)] = v
    return [views.get(id(c)) for c in cands]


def _judged(ctx: Context, index: _Owners, all_cands: bool = True) -> tuple[list[_Cand], list[QuoteView | None]]:
    """The quoted candidates with the rules' verdicts, and what the classifier reads about each
    (about each not rejected by rule, with ``all_cands`` False)."""
    text = ctx.text
    cands = _candidates(ctx)
    _classify(text, cands)
    places = _place_words(ctx)
    # (a role is a scheme's name wherever one of its mentions has a scheme word after it)
    roles = {c.name for c in cands if _PERSON_ROLE.search(_unglossed(c.name))}
    typed = {c.name for c in cands if c.name in roles and _TYPE_AFTER.match(text[c.end:c.end + 12])}
    # a local unit's bare name opening a short quote (“南苑夜话”, “乔司议事会”): the unit's own brand
    locals_ = tuple({short for p in ctx.places if p.level in ("street", "community")
                     and 2 <= len(short := _PLACE_LEVEL_END.sub("", p.name)) <= 4 and short != p.name
                     and not is_common_word(short)})
    for c in cands:
        if c.name in places or c.name in roles and c.name not in typed:  # a quoted place name; a role
            c.rejected, c.accepted, c.doubt = True, False, ""
        elif locals_ and not c.rejected and not c.doubt and 4 <= len(c.name) <= 7 and c.name.startswith(locals_) \
                and _ALL_HANZI.fullmatch(c.name):
            c.accepted = True
    chains = _chains(text, cands)  # (the runs depend on where the quotes stand only: found once)
    _chain_rejects(text, chains)
    _chain_governed(text, chains)
    _rejected_at_most(cands)
    _defining_categories(text, cands)
    for c in cands:
        c.rule_accepted = c.accepted
    _share_in_chains(text, chains)
    return cands, _views(ctx, cands, chains, index, all_cands)


# a numeral category of things or people (“三无小区”, “三留守人员”, “两癌”家庭 aside): what a quoted list before it defines
_CATEGORY_NAME = re.compile(r"\A[一二三四五六七八九十两双][^、，,+＋]{0,4}(?:小区|小區|院落|人员|人員|群体|群體|家庭|户|戶|对象|對象|老人|儿童|兒童)\Z")


def _defining_categories(text: str, cands: list[_Cand]) -> None:
    """A quoted list written straight before the numeral category it defines (“无物业、无安保、无封闭”的“三无小区”) names
    the kind of compound or person the work reaches, not a scheme: both rejected."""
    for o, c in pairwise(cands):
        if "、" not in o.name or not _CATEGORY_NAME.match(_unglossed(c.name)):
            continue
        gap = text[o.end:c.quote.start - (0 if c.quote.orphan else 1) + 1]
        n = _leading_count(_unglossed(c.name))
        if len(gap) <= 4 and _ABBREVIATES.fullmatch(gap) and n == len(split_list(o.name)):
            o.rejected = c.rejected = True
            o.accepted = c.accepted = False


def _rejected_at_most(cands: list[_Cand]) -> None:
    """A word the rules reject at most of its mentions and accept at none (汇聚“善治”力量 twice, then 小区的“善治”是…)
    is the same word at the rest: what the sentences around it say of it holds for the one that says nothing."""
    seen: dict[str, list[_Cand]] = {}
    for c in cands:
        seen.setdefault(c.name, []).append(c)
    for group in seen.values():
        if len(group) >= 3 and not any(c.accepted for c in group) \
                and 2 * sum(c.rejected for c in group) > len(group):
            for c in group:
                c.rejected, c.doubt = True, ""


def quote_candidates(ctx: Context) -> list[tuple[str, int, int, bool, list[str]]]:
    """Every quoted candidate of the document: (name, start, end, rejected by rule, features).
    The classifier's training script reads these; ``extract_named_models`` decides on the same."""
    cands, views = _judged(ctx, _Owners(ctx))
    return [(c.name, c.start, c.end, c.rejected, quote_features(v)) for c, v in zip(cands, views)]


# what joins a quoted list to the numeral name after it that counts its parts (“A、B、C”的“三X”, “A、B、C”——“三X”)
_ABBREVIATES = re.compile(r"”?(?:的|——|—|－－|--)?“?")


_TWO_COUNTS = re.compile(r"^([一二三四五六七八九十])[^一二三四五六七八九十]{1,2}([一二三四五六七八九十])[^一二三四五六七八九十]{1,2}$")


def _abbreviating(text: str, cands: list[_Cand]) -> None:
    """A numeral name written straight after a quoted list with as many parts (“A、B、C、D、E”的“五X”职责,
    “…”——“五心”服务) is the name the text gives that list: accepted, the list's parts its components. A list
    the dash sets before it is that name's definition, not a second scheme (one joined by 的 the annotators
    keep as well)."""
    for o, c in pairwise(cands):
        n = _leading_count(c.name)
        if not n or n < 2 or c.rejected or "、" not in o.name:
            continue
        q0 = c.quote.start - (0 if c.quote.orphan else 1)
        gap = text[o.end:q0 + 1]
        if len(gap) > 4 or not _ABBREVIATES.fullmatch(gap):
            continue
        parts = [_strip_inner(p) for p in split_list(o.name)]
        halves = _TWO_COUNTS.match(c.name) if len(parts) != n else None
        if halves:  # “建A、建B；C进D、E进F”的“二建二进”: both counts, the list's two groups set apart by a semicolon
            parts = [_strip_inner(p) for p in _name_parts(o.name)]
            n = _CN_NUM[halves.group(1)] + _CN_NUM[halves.group(2)]
        if len(parts) != n:
            continue
        c.accepted, c.components = True, c.components or parts
        if "—" in gap or "－" in gap or "-" in gap:
            o.accepted = False


def _counted_before(text: str, cands: list[_Cand]) -> None:
    """A numeral name of three or more whose items are written straight before it, as many as it counts
    (环境卫生联搞、社会治安联防、思想工作联做、公益事业联办的“四联”活动) is the name the text gives that list, whatever
    the classifier says (over the tuning texts 35 of the 36 such names are gold; the other, “三驾马车”, a metaphor)."""
    for c in cands:
        if c.accepted or c.rejected or (_leading_count(c.name) or 0) < 3:
            continue
        items = _before_components(text, c)
        if items:
            c.accepted, c.components = True, c.components or items


# a showcase the place builds and names (打造基层治理“某某样板”, 打造…“某区地标”): its brand
_SHOWCASE = re.compile(r"[^、，,；;：:。]{2,8}(?:样板|地标|标杆|名片)\Z")
_BUILDS_BEFORE = re.compile(r"打造[^，,。；;：:“”]{0,10}$")


def _showcases(text: str, cands: list[_Cand]) -> None:
    """A short quote ending in 样板/地标/标杆/名片 that 打造 governs is the brand of the place's showcase (not so
    where the place only offers one to others, 提供了“…样板”: a figure of speech)."""
    for c in cands:
        if not c.rejected and _SHOWCASE.search(c.name) \
                and _BUILDS_BEFORE.search(text, max(0, c.start - 14), c.start - (0 if c.quote.orphan else 1)):
            c.accepted = True


def _brands_of_events(cands: list[_Cand]) -> None:
    """A joint event's title that opens with a name the text quotes on its own (“某某茶话厅游园会暨…市集” and
    “某某茶话厅”) is that scheme's occasion: the scheme is named, the occasion is not."""
    events = [c.name for c in cands if c.rejected and "暨" in c.name and _JOINT_EVENT.search(c.name)]
    for c in cands:
        if not c.rejected and len(c.name) >= 4 and any(e.startswith(c.name) and e != c.name for e in events):
            c.accepted = True


def extract_named_models(ctx: Context, model: QuoteModel | None = None) -> None:
    """Named models of the document into ``ctx.named_models``; ``model`` replaces the shipped
    classifier weights (the training script's cross-validation)."""
    text = ctx.text
    model = model or load_quote_model()
    index = _Owners(ctx)
    cands, views = _judged(ctx, index, all_cands=False)
    for c, v in zip(cands, views):
        # words joined by + (“党建+物业”) are a coined name wherever they stand: no context undoes it
        c.accepted = v is not None and (model.accept(quote_features(v)) or bool(_JOINED.search(c.name))
                                        or bool(_PROGRAMME_NAMED.match(_unglossed(c.name)))
                                        or bool(_BRAND_AFTER.match(_unglossed(text[c.end:c.end + 24]))))
    _abbreviating(text, cands)
    _counted_before(text, cands)
    _showcases(text, cands)
    _brands_of_events(cands)
    # a name is a name wherever the document quotes it
    names = {"".join(c.name.split()) for c in cands if c.accepted}
    for c in cands:
        c.accepted = c.accepted or (not c.rejected and "".join(c.name.split()) in names)
    cands = [c for c in cands if c.accepted] + _unquoted(text, cands)
    cands.sort(key=lambda c: c.start)
    subject = ctx.document.subject_place
    tax = load_taxonomy()
    by_name: dict[str, list[_Cand]] = {}
    for c in cands:  # one scheme, however many spaces are typed inside its name
        by_name.setdefault("".join(c.name.split()), []).append(c)
    provinces = _province_shorts(ctx)
    own_shorts = _own_shorts(ctx)
    credited: dict[int, list[str]] = {}
    headline = _headline_spans(text)
    respective = _respective_owners(text, cands, index) if "分别" in text else {}
    for i, c in enumerate(cands):
        own = [respective[id(c)]] if id(c) in respective else _credited_owners(ctx, c, index)
        if not own and i > 0:
            prev = cands[i - 1]
            gap = text[prev.end:c.anchor if c.anchor >= 0 else c.quote.start]
            if id(prev) in credited and (len(gap) <= 14 and _rx(r"[和、及与]").search(gap)
                                         and not _rx(r"[，,。；;]").search(gap) or _SINGLED_OUT.fullmatch(gap)):
                own = credited[id(prev)]
        if not own and c.quote.nested:
            own = _speaker_place(text, c.end, index)
        if not own:
            own = _head_owners(text, c.anchor if c.anchor >= 0 else c.start, index)
        if own:
            credited[id(c)] = own
    for group in by_name.values():
        # the commonest form, first if tied
        name = group[0].name if len(group) == 1 else Counter(c.name for c in group).most_common(1)[0][0]
        # the first mention that credits a place introduces the scheme: later mentions in other
        # places' sentences (借鉴…, X是…) do not add owners
        owners = _introducing_owners(ctx, group, credited, headline)
        carried = _place_in_name(ctx, own_shorts, group, name) if own_shorts else None
        if carried and owners and all(_same_chain(ctx, carried, o) for o in owners):
            owners = [carried]  # 霍林郭勒市聚焦“南有枫桥、北有通辽”: the unit the scheme is named after, of its chain
        if not owners:
            owners = [_province_in_name(provinces, name) or carried or _holding_unit(ctx, group[0], index)
                      or subject]  # type: ignore[list-item]
        comps: list[str] = []
        for c in group:
            listed = [_strip_inner(p) for p in split_list(c.name)]
            if any(_rx(r"[,，+＋]").search(p) for p in listed):
                listed = _name_parts(c.name) or listed  # 党委领导、政府支持,上下合力、部门联动: every part
            listed = [] if all(p.isascii() and len(p) <= 2 for p in listed) else _last_joined(listed)  # “1+3+N”: a code
            comps = (c.components or listed or _name_parts(c.name) or _spaced_parts(c.name)
                     or _after_components(text, c) or _part_definitions(text, c) or _abbreviated_parts(text, c, cands)
                     or _before_components(text, c) or _built_from(text, c) or _role_components(text, c)
                     or _counted_after(text, c) or _verb_sentences(text, c) or _sharing_after(text, c))
            comps = _aligned(comps)
            if comps:
                break
        first = group[0]
        # (a question quoting it, “‘五星’支部创建以来，…取得了哪些成效？”, says nothing of what it is: the first sentence
        # naming it that is no question)
        # (nor the headline where the body names it: 某县以“红色物业”助力文明城市创建 over the story says what it serves,
        # the body's sentence what it is — unless the headline gives its kind, “…”协商议事平台, “…”工作机制)
        # (but where the body names it with its kind too, 实施了“…”的“1+3”工作机制, that sentence says what it is, the
        # headline only what it does)
        said = [c for c in group if not any(lo <= c.start < hi for lo, hi in headline) or _KIND_AFTER.match(text, c.end)] \
            or group
        if any(lo <= said[0].start < hi for lo, hi in headline):
            said = [c for c in said if not any(lo <= c.start < hi for lo, hi in headline)
                    and _KIND_AFTER.match(text, c.end)] + said
        definition = next((d for d in (_sentence(text, c.start) for c in said) if not _QUESTION_END.search(d)), None)
        # (a component that states a part the structure rests on, 社区社会组织为支撑, names no work on it)
        named_comps = [c for c in comps if not ROLE_COMPONENT.fullmatch(c)]
        practices = tax.match(name + "；" + "、".join(named_comps) + "；" + _head_words(text, first.end))
        for owner in owners:
            ctx.named_models.append(NamedModelRec(
                name=name, owner=owner, components=list(comps), definition=definition, practices=practices,
                mentions=[{"start": c.start, "end": c.end, "as_written": text[c.start:c.end]} for c in group]))
