"""Extraction step: who studied or borrowed from whom.

The phrases that carry it: 学习借鉴/借鉴…先进经验/借鉴…做法, 考察学习/参观学习, 赴/前往X(开展…)考察/学习,
到X参观/考察, 走进/来到/深入X…考察, 学习X“…”, 复制推广/引进/参照X的…模式, 从X引进…经验, 向X学习, a delegation
at a place (在X，考察组参观了…); the way round, A、B(先后)来我市考察学习 and 接待了A、B等地考察团 (A and B learn
from the subject). The source is the place named in that phrase (resolved through the
places step, so 成都 becomes 成都市; 上海、杭州 are two sources). The learner is the place the
sentence is about (:mod:`loaders.extract.attribution`: ``市政府考察组赴…`` is the city's, a report's
``区人大常委会…走出去到青岛、威海等地学习`` the district's, ``武城县学习借鉴…`` 武城县's), else the
subject place. A clause whose places studied include the learner records nothing (who learns is
then not known: the subject was probably taken for the wrong place); a unit and its own ancestor are
no learning pair.
A learning clause with no named place (安排全省各地市借鉴学习) records nothing: the brief asks for
places, and an arranged study by unnamed units is not one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from loaders.extract.attribution import Attribution
from loaders.extract.context import Context
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.models import place_mentions
from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import (
    finditer_at,
    match_opening,
    stop_at_or_after,
    stop_before,
    stop_positions,
)
from loaders.record import LearningRec

__all__ = ["LEARNING_CUES", "extract_learning"]

LEARNING_CUES = re.compile(
    r"学习借鉴|借鉴学习|考察学习|参观学习|学习考察|观摩学习|取经|借鉴|学习|赴|前往|到(?=[^，。；]{1,14}(?:参观|考察|学习|取经))")
# cues read off the words written straight before a place (the text is not scanned for them: 从, 向, 以, 来 are common
# characters): 走进/来到/深入 X; 从 X 引进…经验, 向 X 学习, 以 X 为标杆; and, up to four characters before it, a scheme
# taken over: 复制推广/引进/参照 X 的…模式
_BEFORE_PLACE = ("深入到", "走进", "来到", "深入", "从", "向", "以")
_BORROW_BEFORE = re.compile(r"(复制推广|复制|引进|引入|参照|参考|仿照|效仿)[^，。；;\n]{0,4}$")
_BEFORE_PLACE_LAST = frozenset(w[-1] for w in _BEFORE_PLACE)
# the way round: named places that came to study the subject (河源市、韶关市先后来我市考察学习)
_VISITED = re.compile(r"(?:先后|相继|分别|专程|多次)?(?:来|到|赴)(?:我|本)(?:市|区|县|省|州|镇|街道|社区)"
                      r"(?=[^，。；;\n]{0,10}(?:参观|考察|学习|取经|观摩))")
_VISITED_KEY = "我本"  # every match holds one of these, 1 or 3 characters in: it is tried only there
_VISITED_OPENS = match_opening(_VISITED)  # (and only where it can open)
# between the visitors and 来我市: 等地, and a delegation of theirs (武汉市民政局考察团一行)
_DELEGATIONS = r"(?:考察团|考察组|学习团|学习组|观摩团|观摩组|参观团|代表团)"
_VISITORS_GAP = re.compile(r"[\s　]*(?:等地|等)?[\s　]*(?:的)?(?:[\u4e00-\u9fff]{0,8}?" + _DELEGATIONS
                           + r"(?:一行)?|一行)?[\s　]*")
# an item's marker before a clause's own words (一是…, （二）…, 3.…, 随后…)
_ITEM = r"[\s　]*(?:[一二三四五六七八九十]+是|首先|其次|再次|同时|此外|另外|期间|随后|其间|[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．])?[\s　]*"
# what may open the visitors' clause: 先后接待了 A、B 考察团来我市…
_VISITORS_LEAD = re.compile(_ITEM + r"(?:先后|相继|还|并|共|累计)?(?:接待了?)?[\s　]*")
_AT_PLACE_LEAD = re.compile(_ITEM)
# …or a delegation written before 在 in the same clause (考察组在X先后参观了…, 考察团一行在X考察学习): the study verb
# straight after the places (after 一行 alone, one that says it studied: 学习/观摩/取经)
_DELEGATION_BEFORE = re.compile(r"(?:" + _DELEGATIONS + r"(?:一行|成员)?|(一行))[\s　]*(?:还|又|先后|随后)?[\s　]*$")
_STUDY_AFTER = re.compile(r"[\s　]*(?:先后|实地|现场|深入|认真|重点)*(?:考察学习|参观学习|学习考察|(参观|考察)|学习|观摩|取经)")
# a delegation at a place (在X，考察组参观了…): the clause after 在X, opened by the delegation and a study verb
_AT_PLACE_TAIL = re.compile(r"[\s　]*(?:期间|时)?[\s　]*[，,][\s　]*")
_AT_PLACE_DOER = re.compile(r"(?:[\u4e00-\u9fff]{0,8}?" + _DELEGATIONS + r"(?:一行|成员)?|我们|大家|一行人?)[\s　]*"
                            r"(?:先后|还|又|首先|重点|实地|现场|深入|详细|认真)*(?:参观|考察|观摩|学习|取经)了?")
_MOVES = ("赴", "到", "前往", "走进", "来到", "深入", "深入到")
# moves written with a verb of their own (走进/来到/深入 X) name the place straight after the verb
_CLOSE_MOVES = ("走进", "来到", "深入", "深入到")
# a scheme taken over names what it took (经验/做法/模式…) after the place: 引进宁波市的物业公司 is no learning
_BORROWS = ("复制推广", "复制", "引进", "引入", "参照", "参考", "仿照", "效仿", "从")
_PRACTICE_WORD = re.compile(r"经验|做法|模式|机制|制度|办法|理念|工作法|范本")
_FROM_VERB = re.compile(r"引进|引入|借鉴|学习|取经|移植")
# 向 X(等先进地区) 学习: the verb straight after the places (向英雄的武汉人民学习 names people, not a place)
# 以 X(等先进地区) 为标杆/榜样/样板/师: the places straight after 以, the model's word straight after them
_MODEL_GAP = re.compile(r"[\s　]*(?:等(?:先进)?(?:地区|地方|城市|省市|县市|地)?)?[\s　]*为(?:标杆|榜样|样板|师)")
_TOWARD_GAP = re.compile(r"[\s　]*(?:等(?:先进)?(?:地区|地方|城市|省市|县市|地)?)?[\s　]*(?:虚心|认真|积极|主动)?"
                         r"(?:学习|取经|看齐)")
# a place's spirit or its people (学习延安精神, 向武汉人民学习) is no practice of the place
_NOT_PRACTICE = re.compile(r"(?:的)?(?:精神|人民|同志|英雄|烈士|革命)")
# a trip for business (招商/洽谈/推介) studies nothing unless the clause says it studied (学习/借鉴/观摩/取经)
_BUSINESS = re.compile(r"招商|洽谈|推介|签约|项目对接|经贸")
_STUDIED = re.compile(r"学习|借鉴|观摩|取经")
# a trip to tell others one's own way of working (应邀赴北京介绍我市经验, 赴某市分享…做法): 经验/做法 there is the
# traveller's, unless the clause also says it studied (参观/考察/学习/观摩/取经/借鉴)
_TELLING = re.compile(r"介绍|汇报|分享|推介|宣讲|讲解|展示|发言|授课|讲课|报告|(?:我|本)(?:市|县|区|镇|乡|街道|州|省|旗)")
_STUDY_WORDS = re.compile(r"参观|考察|学习|取经|观摩|借鉴")
# a trip for Party education at a revolutionary site (赴延安开展红色教育学习) studies no practice of the place
_EDUCATION = re.compile(r"红色教育|党性教育|革命传统教育|党性锻炼|红色研学|红色基因|理想信念教育|初心使命教育|红色旅游")
# a trip to attend something held at the place (参加…培训班/论坛/会议) studies no practice of the place,
# unless the clause also says the place was studied (考察/参观/观摩/借鉴)
_EVENT = re.compile(r"参加|参训|出席|出差")
_STUDY = re.compile(r"考察|参观|观摩|取经|借鉴")
# 调研 alone is a visit (a leader to a place below), not a study of another place's practice
_ACTIVITY = re.compile(r"(?:参观|考察|学习|取经|观摩|借鉴|经验|做法)")
_CLAUSE_STOPS = "，,。；;：:！？!?\n"
_SENT_STOPS = "。；;！？!?\n"


def _bounds(text: str, pos: int, stops: str) -> tuple[int, int]:
    """The run of ``text`` around ``pos`` without ``stops`` (bisected over a cached stop index)."""
    return stop_before(text, pos, stops), stop_at_or_after(text, pos, stops)


def _related(a: str | None, b: str | None) -> bool:
    """Is one of two administrative units inside the other (a city and its own county)?"""
    if not a or not b:
        return False
    gaz = load_gazetteer()
    return gaz.is_within(a, b) or gaz.is_within(b, a)


# what is studied: the object phrase after the places studied, to the end of its clause (a place's short form
# and 地区, 龙泉驿地区…, names the place; …经验的成果 is what came of the study, not what was studied)
_WHAT_LEAD = re.compile(r"[\s　、和及与]*(?:等地|等|地区)?(?:[\s　]|的|开展|进行|参观|考察|学习|借鉴|观摩|取经|引进|引入|移植|交流)*")
_WHAT_TAIL = re.compile(r"(?:方面)?(?:的)?(?:考察|学习|借鉴|参观学习|考察学习|学习借鉴|观摩学习|调研|成果|结果)?[\s　，,]*$")
_WHAT_STOPS = frozenset("，,。；;：:！？!?\n")
_OPENS, _CLOSES = "“《", "”》"
# a clause that goes on to say what was studied
_STUDY_NEXT = re.compile(r"[\s　]*(?:并|还|又)?(?:重点|主要|着重|深入|详细|实地|现场|先后|认真)*"
                         r"(?:学习|考察|了解|观摩|借鉴|参观)了?(?:其|他们的)?")
# an object phrase longer than this is cut at its last list boundary (、/和/与/及) before it
_MAX_WHAT = 100


def _what(text: str, verb_end: int, src_end: int, limit: int) -> str:
    """The object phrase of the learning verb (ending at ``verb_end``) after the places studied
    (ending at ``src_end``): to the end of its clause, where a clause stop inside “…”/《…》 does not
    end it; leading 的/开展/考察… and a trailing 方面的考察 dropped; quotation marks kept whole (a
    phrase never opens or ends inside one: where the places studied stand inside a quote opened
    after the verb, 学习“武城县红色业委会”经验, the phrase is that whole quote and what follows it);
    over ``_MAX_WHAT`` chars, cut at a list boundary outside quotes. A substring of ``text``."""
    opened = _last_open_at_depth0(text, verb_end, src_end)
    lo = opened if opened < src_end else _WHAT_LEAD.match(text, src_end, limit).end()
    depth, i, hi = 0, lo, min(limit, lo + 4 * _MAX_WHAT)
    cuts: list[int] = []  # list boundaries outside quotes (cut points)
    while i < hi:
        ch = text[i]
        if ch in _OPENS:
            depth += 1
        elif ch in _CLOSES:
            if depth == 0:
                break  # the clause itself sits inside a quote: the phrase ends with it
            depth -= 1
        elif depth == 0:
            if ch in _WHAT_STOPS:
                break
            if ch in "、和与及":
                cuts.append(i)
        i += 1
    end = i
    if depth:  # a quote left open (the clause or the limit ended inside it): stop before it
        end = _last_open_at_depth0(text, lo, end)
    if end - lo > _MAX_WHAT:
        inside = [c for c in cuts if c - lo <= _MAX_WHAT]
        end = inside[-1] if inside else lo
    tail = _tail_start(text, lo, end)
    if tail is not None:
        end = tail
    return text[lo:end].strip(" 　、和及与")


def _tail_start(text: str, lo: int, end: int) -> int | None:
    """Where :data:`_WHAT_TAIL` starts in ``text[lo:end]`` (the leftmost match's start), or None. Its words are at
    most 7 characters before its run of spaces and commas: searched from 16 before the end, it starts where it would
    from ``lo`` unless it starts within 8 of that window's start, where ``lo`` is searched from (a search of the
    whole phrase tried every offset of it)."""
    at = max(lo, end - 16)
    tail = _WHAT_TAIL.search(text, at, end)
    if tail is not None and at > lo and tail.start() < at + 8:
        tail = _WHAT_TAIL.search(text, lo, end)
    return tail.start() if tail is not None else None


def _last_open_at_depth0(text: str, lo: int, end: int) -> int:
    """The offset of the quotation mark (after ``lo``) that opens the quote still open at ``end``;
    ``end`` when none is."""
    depth, at = 0, end
    for i in range(lo, end):
        ch = text[i]
        if ch in _OPENS:
            if depth == 0:
                at = i
            depth += 1
        elif ch in _CLOSES and depth:
            depth -= 1
    return at


def extract_learning(ctx: Context) -> None:
    text = ctx.text
    subject = ctx.document.subject_place
    if not subject:
        return
    # sources: places outside the subject (the subject too, in case it was taken for the wrong
    # place; the learner is never its own source); the city heading a district's name (成都市 of
    # 成都市武侯区) is not studied itself
    spans = place_mentions(ctx)
    longest = {s: e for s, e, _p in spans}  # (sorted by end: the last one at a start is the longest)
    places = [(s, e, p) for s, e, p in spans if p.role in ("external", "subject") and e == longest[s]]
    starts = [s for s, _e, _p in places]
    by_end = sorted(spans, key=lambda x: x[1])
    ends = [e for _s, e, _p in by_end]
    attribution: Attribution | None = None
    seen: set[tuple[str, str]] = set()
    cues = [(m.start(), m.end(), m.group(0)) for m in LEARNING_CUES.finditer(text)] + _cues_before_places(text, places)
    cues.sort()
    for cue_start, cue_end, cue in cues:
        lo, hi = _bounds(text, cue_end, _CLAUSE_STOPS)
        # 赴/到 X: the place right after; 借鉴/学习 X: places following within the clause
        k0 = bisect_left(starts, cue_end)
        after = places[k0:bisect_left(starts, min(hi, cue_end + 13), k0)]
        if not after:
            continue
        if attribution is None:
            attribution = Attribution.of(ctx)
        doer = _doer_before(text, cue_start, by_end, ends)
        learner = doer or attribution.place_at(cue_start) or subject
        _s_lo, s_hi = _bounds(text, cue_end, _SENT_STOPS)
        # 赴X，实地考察了…: a move whose next clause says what was done there
        nxt = _STUDY_NEXT.match(text, hi + 1, s_hi) if hi < s_hi else None
        if cue in _MOVES and not _ACTIVITY.search(text[cue_end:hi]) and nxt is None:
            continue
        if cue in _MOVES and _EVENT.search(text, cue_end, hi) and not _STUDY.search(text, cue_end, hi):
            continue  # 赴北京参加培训班学习: a trip to an event held there, not a study of the place
        if cue in _MOVES and nxt is None and _TELLING.search(text, cue_end, hi) \
                and not _STUDY_WORDS.search(text, cue_end, hi):
            continue  # 应邀赴北京介绍我市经验: a trip to tell, not to study
        if _BUSINESS.search(text, lo, hi) and not _STUDIED.search(text, lo, hi):
            continue  # 赴深圳、上海等地招商考察: a business trip
        if _EDUCATION.search(text, _s_lo, s_hi) and not _PRACTICE_WORD.search(text, lo, hi):
            continue  # 赴延安开展红色教育学习: Party education at a revolutionary site
        group = [after[0]]
        for s, e, p in after[1:]:
            if _rx(r"[、和与及\s]*").fullmatch(text[group[-1][1]:s]):
                group.append((s, e, p))
            else:
                break
        gap = text[cue_end:group[0][0]].strip(" 　")
        # 借鉴上海… / 学习山东省武城县…: the place must follow the verb closely; 走进/来到/从/向 X: straight after it
        if gap and (cue in _CLOSE_MOVES or cue in ("从", "向", "以") or (cue not in _MOVES and len(gap) > 4)):
            continue
        if _NOT_PRACTICE.match(text, group[-1][1]):
            continue  # 学习延安精神: a place's spirit, not its practice
        if cue in _BORROWS and not (_PRACTICE_WORD.search(text, group[-1][1], hi)
                                    and (cue != "从" or _FROM_VERB.search(text, group[-1][1], hi))):
            continue  # 引进宁波市的物业公司: no scheme taken over
        src_end = group[-1][1]
        if cue in ("向", "以"):
            verb = (_TOWARD_GAP if cue == "向" else _MODEL_GAP).match(text, src_end)
            if verb is None:
                continue  # 向…学习, 以…为标杆: the verb straight after the places
            src_end = verb.end()  # (what was studied follows the verb)
        if any(p.name == learner for _s, _e, p in group):
            continue  # the learner among the places studied: who learns is not known
        learner_code = ctx.place_named(learner).adcode if ctx.place_named(learner) else \
            load_gazetteer().code_for_full_name(learner)
        group = [x for x in group if not _related(learner_code, _unit_code(ctx, x[2]))]
        if not group:
            continue
        what = _what(text, cue_end, src_end, s_hi)
        if not what and nxt is not None:  # 赴成都市考察学习，重点学习社区基金建设: the next clause names it
            what = _what(text, nxt.end(), nxt.end(), s_hi)
        for s, e, p in group:
            if p.role == "subject" and learner == subject:
                continue
            key = (learner, p.name)
            if key in seen:
                continue
            seen.add(key)
            ctx.learning.append(LearningRec(learner=learner, source=p.name, what=what or None,
                                            span={"start": lo, "end": hi}))
    _visitors(ctx, places, starts, seen)
    _received(ctx, places, starts, seen)
    _came_or_took_up(ctx, places, seen)
    _at_places(ctx, places, seen)
    _keep_most_specific(ctx)


def _cues_before_places(text: str, places: list) -> list[tuple[int, int, str]]:
    """(start, end, cue) of the cues of :data:`_BEFORE_PLACE` written straight before a place, and of
    :data:`_BORROW_BEFORE` up to four characters before one (no other place between)."""
    out = []
    prev_end = 0
    for s, e, _p in places:
        # (a word is tried only where the character before the place ends one)
        word = next((w for w in _BEFORE_PLACE if text.startswith(w, s - len(w)) and s >= len(w)), None) \
            if s and text[s - 1] in _BEFORE_PLACE_LAST else None
        if word is not None:
            out.append((s - len(word), s, word))
        else:
            m = _BORROW_BEFORE.search(text, max(prev_end, s - 12), s)
            if m is not None:
                out.append((m.start(1), m.end(1), m.group(1)))
        prev_end = e
    return out


def _unit_code(ctx: Context, place) -> str | None:
    """The code of ``place``, or for a street, town or community (no code of its own) of the nearest unit
    above it that the document records (天凝镇 → its county): a leader's visit to a town of its own city
    (嘉兴市委…到嘉善县天凝镇考察调研) is no study of another place."""
    seen = set()
    while place is not None and not place.adcode and place.parent and place.parent not in seen:
        seen.add(place.parent)
        above = ctx.place_named(place.parent)
        if above is None:  # a parent the document never names (安源镇 of 萍乡市安源区): the gazetteer's code
            return load_gazetteer().code_for_full_name(place.parent)
        place = above
    return place.adcode if place is not None else None


# what may stand between the place that studies and the study verb (某县先后学习…, 某区多次赴…)
_DOER_GAP = re.compile(r"[\s　]*(?:先后|多次|曾|还|也|又|积极|主动|专门|认真)?[\s　]*")


def _doer_before(text: str, cue: int, by_end: list, ends: list[int]) -> str | None:
    """The place written straight before the study verb (某县学习某区…经验): the one that studied
    (``by_end``: the place mentions by end, ``ends`` their ends)."""
    k = bisect_right(ends, cue) - 1
    while k >= 0 and cue - ends[k] <= 6:
        s, e, p = by_end[k]
        if _DOER_GAP.fullmatch(text, e, cue) and (s == 0 or text[s - 1] not in "在到赴从向与和、"):
            return p.name
        k -= 1
    return None


def _keep_most_specific(ctx: Context) -> None:
    """A learner that studied a city and a unit inside it (赴成都考察学习…，考察学习成都市成华区…) learned
    from the unit: the city's entry is dropped."""
    if len(ctx.learning) < 2:
        return
    gaz = load_gazetteer()
    code = {}
    for rec in ctx.learning:
        place = ctx.place_named(rec.source)
        code[rec.source] = place.adcode if place else None
    kept = []
    for rec in ctx.learning:
        outer = code[rec.source]
        if outer and any(o is not rec and o.learner == rec.learner and code[o.source] and code[o.source] != outer
                         and gaz.is_within(code[o.source], outer) for o in ctx.learning):
            continue
        kept.append(rec)
    ctx.learning[:] = kept


def _visitors(ctx: Context, places: list, starts: list[int], seen: set[tuple[str, str]]) -> None:
    """Named places that came to the subject to study it (河源市、韶关市先后来我市考察学习): each is a
    learner, the subject the source. Unnamed visitors (各地, 兄弟县市) record nothing."""
    text, subject = ctx.text, ctx.document.subject_place
    ends = [e for _s, e, _p in places]
    keys = stop_positions(text, _VISITED_KEY)
    for m in finditer_at(_VISITED, text, sorted({k - o for k in keys for o in (1, 3)
                                                 if k >= o and text[k - o] in _VISITED_OPENS})):
        lo, hi = _bounds(text, m.start(), _CLAUSE_STOPS)
        # the list of places that ends right before the verb (over 等地/等)
        k = bisect_left(starts, m.start()) - 1
        if k < 0 or not _VISITORS_GAP.fullmatch(text, ends[k], m.start()):
            continue
        group = [places[k]]
        while k > 0 and places[k - 1][0] >= lo and _rx(r"[、和与及\s]*").fullmatch(text, places[k - 1][1], group[0][0]):
            k -= 1
            group.insert(0, places[k])
        if group[0][0] > lo and not _VISITORS_LEAD.fullmatch(text, lo, group[0][0]):
            continue  # the places are not the clause's subject (…与A、B来我市…)
        for _s, _e, p in group:
            if p.name == subject or _related(ctx.place_named(subject).adcode if ctx.place_named(subject) else None,
                                             p.adcode):
                continue
            key = (p.name, subject)
            if key in seen:
                continue
            seen.add(key)
            _s_lo, s_hi = _bounds(text, m.end(), _SENT_STOPS)
            ctx.learning.append(LearningRec(learner=p.name, source=subject,
                                            what=_what(text, m.end(), m.end(), s_hi) or None,
                                            span={"start": lo, "end": hi}))


# the delegations a unit received (接待了A、B等地考察团): they came to study the subject
_RECEIVED = re.compile(r"接待(?:了)?(?:来自)?[\s　]*")
_RECEIVED_GAP = re.compile(r"[\s　]*(?:等地|等)?[\s　]*(?:的)?[\u4e00-\u9fff]{0,8}?" + _DELEGATIONS)


def _received(ctx: Context, places: list, starts: list[int], seen: set[tuple[str, str]]) -> None:
    """Places whose delegations the subject received (先后接待了武汉市、十堰市等地考察团200余批次): each is a learner,
    the subject the source."""
    text, subject = ctx.text, ctx.document.subject_place
    subject_place = ctx.place_named(subject)
    subject_code = subject_place.adcode if subject_place else load_gazetteer().code_for_full_name(subject)
    pos = text.find("接待")
    while pos >= 0:
        m = _RECEIVED.match(text, pos)
        pos = text.find("接待", pos + 2)
        k = bisect_left(starts, m.end())
        if k == len(starts) or starts[k] != m.end():
            continue
        group = [places[k]]
        while k + 1 < len(places) and _rx(r"[、和与及\s]*").fullmatch(text, group[-1][1], places[k + 1][0]):
            k += 1
            group.append(places[k])
        gap = _RECEIVED_GAP.match(text, group[-1][1])
        if gap is None or stop_at_or_after(text, group[-1][1], _CLAUSE_STOPS) < gap.end():
            continue
        lo, hi = _bounds(text, m.start(), _CLAUSE_STOPS)
        for _s, _e, p in group:
            if p.name == subject or (p.name, subject) in seen or _related(subject_code, _unit_code(ctx, p)):
                continue
            seen.add((p.name, subject))
            ctx.learning.append(LearningRec(learner=p.name, source=subject, what=None, span={"start": lo, "end": hi}))


# places that came to study, written without the subject's own word (A、B等地纷纷前来考察学习), or that took over the
# subject's scheme, written in the passive (我市做法被A、B等地学习借鉴)
_CAME = re.compile(r"(?:先后|相继|分别|专程|多次|纷纷|陆续)?前来(?=[^，。；;\n]{0,10}(?:参观|考察|学习|取经|观摩))")
_TAKEN_UP = re.compile(r"[\s　]*(?:等地|等)?[\s　]*(?:学习借鉴|借鉴学习|借鉴|学习|复制推广|复制|引进|引入|效仿)")


def _came_or_took_up(ctx: Context, places: list, seen: set[tuple[str, str]]) -> None:
    """Named places that came to the subject to study it, written 前来 (河源市、韶关市等地纷纷前来考察学习), and places
    that took up its scheme, written in the passive (我市做法被河源市、韶关市等地学习借鉴): each is a learner; the source is
    the subject (for the passive, the place the clause is about, else the subject)."""
    text, subject = ctx.text, ctx.document.subject_place
    k, n = 0, len(places)
    attribution: Attribution | None = None
    while k < n:
        first = k
        while k + 1 < n and _rx(r"[、和与及\s]*").fullmatch(text, places[k][1], places[k + 1][0]):
            k += 1
        group, k = places[first:k + 1], k + 1
        start, end = group[0][0], group[-1][1]
        passive = start > 0 and text[start - 1] == "被"
        if not passive and text.find("前来", end, end + 24) < 0:
            continue
        lo, hi = _bounds(text, start, _CLAUSE_STOPS)
        if passive:
            verb = _TAKEN_UP.match(text, end, hi)
            if verb is None:
                continue
            if attribution is None:
                attribution = Attribution.of(ctx)
            source = attribution.place_at(start - 1) or subject
        else:
            gap = _VISITORS_GAP.match(text, end, hi)
            verb = _CAME.match(text, gap.end(), hi)
            if verb is None or (start > lo and not _VISITORS_LEAD.fullmatch(text, lo, start)):
                continue
            source = subject
        source_place = ctx.place_named(source)
        source_code = source_place.adcode if source_place else load_gazetteer().code_for_full_name(source)
        _s_lo, s_hi = _bounds(text, verb.end(), _SENT_STOPS)
        for _s, _e, p in group:
            if p.name == source or (p.name, source) in seen or _related(source_code, _unit_code(ctx, p)):
                continue
            seen.add((p.name, source))
            ctx.learning.append(LearningRec(learner=p.name, source=source,
                                            what=_what(text, verb.end(), verb.end(), s_hi) or None,
                                            span={"start": lo, "end": hi}))


def _at_places(ctx: Context, places: list, seen: set[tuple[str, str]]) -> None:
    """A delegation at a place it visited (在宁波市鄞州区，考察组参观了…; 考察组在宁波市鄞州区先后参观了…): the places
    after 在 are studied by the delegation's place (a place written in the delegation's words, 桐乡考察组, else
    the subject)."""
    text, subject = ctx.text, ctx.document.subject_place
    k, n = 0, len(places)
    while k < n:
        s, e, p = places[k]
        k += 1
        if s == 0 or text[s - 1] != "在":
            continue
        lo = stop_before(text, s - 1, _CLAUSE_STOPS)
        group = [(s, e, p)]
        while k < n and _rx(r"[、和与及\s]*").fullmatch(text, group[-1][1], places[k][0]):
            group.append(places[k])
            k += 1
        _s_lo, s_hi = _bounds(text, s, _SENT_STOPS)
        if _AT_PLACE_LEAD.fullmatch(text, lo, s - 1):  # 在X，考察组参观了…
            tail = _AT_PLACE_TAIL.match(text, group[-1][1])
            doer = _AT_PLACE_DOER.match(text, tail.end(), s_hi) if tail is not None else None
            if doer is None:
                continue
            words = (tail.end(), doer.end())
        else:  # 考察组在X先后参观了…
            before = _DELEGATION_BEFORE.search(text, lo, s - 1)
            doer = _STUDY_AFTER.match(text, group[-1][1], s_hi) if before is not None else None
            if doer is None or (before.group(1) and doer.group(1)):
                continue  # (…一行在某市考察: a leader's visit as well as a study)
            words = (lo, before.end())
        own = [q for qs, qe, q in places if words[0] <= qs and qe <= words[1]]
        learner = own[0].name if own else subject
        learner_place = ctx.place_named(learner)
        learner_code = learner_place.adcode if learner_place else load_gazetteer().code_for_full_name(learner)
        hi = stop_at_or_after(text, doer.end(), _CLAUSE_STOPS)
        for _s, _e, q in group:
            if not q.adcode:
                continue  # a street or community visited inside the unit studied (在某区某街道某社区，…)
            if q.name == learner or (q.role == "subject" and learner == subject) \
                    or _related(learner_code, _unit_code(ctx, q)) or (learner, q.name) in seen:
                continue
            seen.add((learner, q.name))
            ctx.learning.append(LearningRec(learner=learner, source=q.name,
                                            what=_what(text, doer.end(), doer.end(), s_hi) or None,
                                            span={"start": lo, "end": hi}))
