"""Extraction step: measures (the enumerated actions) and the document's practices.

Replies and reports enumerate what was done in a few fixed ways, nested in the order of the
official document format (GB/T 9704): headings on their own line 一、… > （一）… > 1.… > （1）…,
and inline series inside a paragraph 一是…。二是…。 A measure is an item at the leaf level:

- its span runs from its marker to the next marker of any series (a child, a sibling or a
  higher heading), capped at the item's paragraph; a heading line that holds only a title
  (``（一）建立健全社区治理政策体系`` with the text on the next line) takes the paragraph after it;
- an item that has child items is a heading, not a measure, unless it has a body of its own
  (a sentence or more before its first child); its title is context for its descendants;
- the summary is the item's lead clause (``建立双向评价制度``);
- practices are the taxonomy cues inside its span, else those of its heading path; status from
  the verbs at its head, its heading path and the words introducing its series (下一步/将/计划 →
  planned; 正在/持续/不断 → ongoing; otherwise done).

``ctx.practices`` is the set of practices the whole document shows the subject place doing or
planning (quotes of the proposal itself and the places a visit goes to are skipped, and a practice named
only in an editor's note).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from loaders.extract.attribution import Attribution, plan_title, states_plan
from loaders.extract.context import Context
from loaders.extract.lead_paragraphs import action_clause, find_lead_paragraphs, opens_with_action
from loaders.extract.policies import find_titles
from loaders.extract.practices import (
    credit_spans,
    glossed_cue,
    load_taxonomy,
    question_spans,
    quoted_request_spans,
    visited_spans,
)
from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import (
    class_led,
    editors_notes,
    finditer_at,
    literal_starts,
    stop_at_or_after,
    stop_before,
    stop_positions,
)
from loaders.record import MeasureRec

__all__ = ["Item", "extract_measures", "find_items"]

_CN = "一二三四五六七八九十"
# (kind, level, regex), in nesting order; headings must start a line.
_HEADINGS = (
    ("cn_dun", 0, re.compile(rf"^[ \t　]*([{_CN}]{{1,3}})、", re.MULTILINE)),
    ("cn_paren", 1, re.compile(rf"^[ \t　]*[（(]([{_CN}]{{1,3}})[）)]", re.MULTILINE)),
    ("num_dot", 2, re.compile(r"^[ \t　]*(\d{1,2})[.．、](?!\d)", re.MULTILINE)),
    ("num_paren", 3, re.compile(r"^[ \t　]*[（(](\d{1,2})[）)]", re.MULTILINE)),
)
_HEADING_LEAD = re.compile(rf"[ \t　]*[{_CN}（(\d]")
_INLINE_LEVEL = 4
# inline items follow a sentence end (or start a line)
_INLINE = re.compile(rf"(?:(?<=[。；;：:！？!?\n])|^)[ \t　]*([{_CN}]{{1,3}})是", re.MULTILINE)
_INLINE_CORE = re.compile(rf"([{_CN}]{{1,3}})是")
_INLINE_AFTER = "。；;：:！？!?\n"
_PLANNED = re.compile(r"下一步|下步|下阶段|今后|将(?!其|社区|党|工作|原)|计划|(?<![虚模比])拟|力争|准备|争取")  # (虚拟/模拟/比拟 hold no plan)
_PLANNED = class_led(_PLANNED)  # (the same matches, tried where one can open)
_ONGOING = re.compile(r"正在|持续|不断|继续|逐步|深入推进|着力")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_HANZI = re.compile("[\u4e00-\u9fff]")
_LEAD_END = re.compile(r"[。；;！？!?\n]")
_WS = " \t　\r\n"
# a parent item's own text (before its first child, after its title) must be this long to be a measure
_MIN_OWN_BODY = 20
# summaries longer than this are cut at the first comma/colon
_MAX_SUMMARY = 30
# how far past its summary a lead paragraph is read for plan words (an item reads its first 24 chars)
_PLAN_LOOKAHEAD = 16
# a line at least this long that ends without punctuation runs on into the next paragraph
_BROKEN_LINE = 40
_MAX_CONTINUED = 2


class Item:
    """One enumerated item.

    ``start`` is the marker, ``body`` where its text begins, ``end`` where its series position
    ends (the next sibling or higher heading), ``own_end`` where its own text ends (capped at its
    paragraph; for a heading with children, at the first child), ``lead_end`` the end of its lead
    clause (the title), ``parent`` the index of the enclosing item in ``find_items``' list."""

    __slots__ = (
        "body",
        "end",
        "has_children",
        "kind",
        "lead_end",
        "level",
        "ordinal",
        "own_end",
        "parent",
        "start",
    )

    def __init__(self, kind: str, ordinal: str, level: int, start: int, body: int):
        self.kind, self.ordinal, self.level, self.start, self.body = kind, ordinal, level, start, body
        self.end = self.own_end = self.lead_end = body
        self.parent: int | None = None
        self.has_children = False


def _para_end(text: str, pos: int, starts: frozenset[int] = frozenset()) -> int:
    """End of the paragraph holding ``pos``. A long line that stops without punctuation was
    broken by a page or column break (PDF, scanned text): it runs on into the next paragraph,
    unless that one opens an item (``starts``); at most ``_MAX_CONTINUED`` such joins."""
    n = len(text)
    lo = pos
    for _ in range(_MAX_CONTINUED + 1):
        e = stop_at_or_after(text, pos, "\n")
        if e >= n:
            return n
        line_lo = stop_before(text, e, "\n")
        if e - max(line_lo, lo) < _BROKEN_LINE or not _runs_on(text[e - 1]):
            return e
        nxt = _skip_blank(text, e, n)
        if nxt >= n or nxt in starts:
            return e
        pos = lo = nxt
    return e


def _para_start(text: str, pos: int) -> int:
    """Start of the paragraph holding ``pos``, joining back over broken lines as ``_para_end`` does."""
    lo = stop_before(text, pos, "\n")
    for _ in range(_MAX_CONTINUED):
        prev_end = lo - 1
        while prev_end > 0 and text[prev_end - 1] in _WS:
            prev_end -= 1
        if prev_end <= 0 or not _runs_on(text[prev_end - 1]):
            return lo
        prev_lo = stop_before(text, prev_end, "\n")
        if prev_end - prev_lo < _BROKEN_LINE:
            return lo
        lo = prev_lo
    return lo


def _runs_on(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch.isalnum()


def _skip_blank(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] in _WS:
        pos += 1
    return pos


def find_items(text: str) -> list[Item]:
    """Enumerated items of every series in text order, with nesting and their own spans."""
    marks: list[Item] = []
    # headings: tried at each line start only (a MULTILINE ``^`` pattern is tried at every offset)
    for line_start in [0, *(i + 1 for i in stop_positions(text, "\n"))]:
        if not _HEADING_LEAD.match(text, line_start):
            continue  # every heading opens (after blanks) with a numeral or a bracket
        for kind, level, rx in _HEADINGS:
            m = rx.match(text, line_start)
            if m:
                marks.append(Item(kind, m.group(1), level, m.start(), m.end()))
                break
    # inline items: the numeral + 是 first (a literal-led scan), then the sentence end before it
    for m in finditer_at(_INLINE_CORE, text, literal_starts(text, "是", (1, 2, 3))):
        k = m.start()
        while k > 0 and text[k - 1] in " \t　":
            k -= 1
        if k == 0 or text[k - 1] in _INLINE_AFTER:
            marks.append(Item("inline", m.group(1), _INLINE_LEVEL, m.start(), m.end()))
    marks.sort(key=lambda it: (it.start, it.level))
    n = len(text)
    stack: list[int] = []
    for i, it in enumerate(marks):
        while stack and marks[stack[-1]].level >= it.level:
            marks[stack.pop()].end = it.start
        if stack:
            it.parent = stack[-1]
        stack.append(i)
    for i in stack:
        marks[i].end = n
    starts = frozenset(it.start for it in marks)
    for i, it in enumerate(marks):
        nxt = marks[i + 1].start if i + 1 < len(marks) else n
        if it.level == _INLINE_LEVEL:
            it.end = min(it.end, _para_end(text, it.body, starts))
        it.has_children = nxt < it.end
        own_limit = min(nxt, it.end)
        body = _skip_blank(text, it.body, own_limit)
        line_end = min(_para_end(text, body, starts), own_limit)
        lead = _LEAD_END.search(text, body, line_end)
        it.lead_end = lead.start() if lead else line_end
        rest = _skip_blank(text, it.lead_end + 1 if lead else line_end, line_end)
        own_end = line_end
        if rest >= line_end and it.level < _INLINE_LEVEL:
            # a title-only heading line: its text is the paragraph after it
            nxt_para = _skip_blank(text, line_end, own_limit)
            if nxt_para < own_limit:
                own_end = min(_para_end(text, nxt_para, starts), own_limit)
        while own_end > it.body and text[own_end - 1] in _WS:
            own_end -= 1
        it.own_end = own_end
    return [it for it in marks if it.end > it.body]


def _is_measure(text: str, it: Item) -> bool:
    if not it.has_children:
        return it.own_end > it.body
    return len(_HANZI.findall(text, it.lead_end, it.own_end)) >= _MIN_OWN_BODY


def _summary(text: str, it: Item) -> str:
    head = text[it.body:it.lead_end].strip(_WS)
    if len(head) > _MAX_SUMMARY:
        short = _rx(r"[，,：:]").split(head, maxsplit=1)[0].strip(_WS)
        head = short if len(short) >= 4 else head[:_MAX_SUMMARY]
    return head.rstrip("，,：:、") or text[it.body:it.own_end][:_MAX_SUMMARY].strip(_WS)


def _intro(text: str, it: Item) -> str:
    """The words that introduce an inline series: its paragraph up to the first item."""
    para_lo = _para_start(text, it.start)
    first = _INLINE.search(text, para_lo, it.start + 3)
    return text[para_lo:first.start(1) if first else it.start]


# a section of plans or of the authors' advice: what it lists is not done yet. A heading about
# the proposal's suggestions (议案具体建议的落实情况, 对提案建议的答复) holds the reply's actions.
_ADVICE_SECTION = re.compile(r"对策|建\s*议")
_TITLE_HEAD = re.compile(r"[^。，,；;：:！？!?\n]*")
_ABOUT_PROPOSAL = re.compile(r"提案|议案|您|代表|委员|落实|答复|办理|收悉")


def _planned_section(title: str) -> bool:
    """A title of plans (its words up to the first clause stop: a long heading line runs on into its
    text) or of advice (not the reply's words about the proposal)."""
    return plan_title(_TITLE_HEAD.match(title).group(0)) \
        or bool(_ADVICE_SECTION.search(title) and not _ABOUT_PROPOSAL.search(title))


def _line_before(text: str, pos: int) -> str:
    """The last non-blank line before ``pos`` (what introduces a series that has no heading)."""
    end = pos
    while end > 0:
        lo = text.rfind("\n", 0, end - 1) + 1
        line = text[lo:end].strip()
        if line:
            return line[:80]
        end = lo
    return ""


def _status(text: str, it: Item, summary: str, path: str, series_intro: str = "") -> str:
    """``series_intro``: for a top-level item, the line before the first item of its series."""
    if any(_planned_section(title) for title in path.split("\n")):
        return "planned"
    if it.level == _INLINE_LEVEL and _rx(r"下一步|下步|下阶段|今后|我们将").search(_intro(text, it)):
        return "planned"
    if it.parent is None and _planned_section(series_intro):
        return "planned"  # 1、2、3… listed under 建议：/下一步工作打算：
    if states_plan(summary, 0, len(summary)) or states_plan(text, it.body, min(it.own_end, it.body + 24)):
        return "planned"
    if _ONGOING.search(summary):
        return "ongoing"
    return "done"


# a section title that names no action but reports some (…情况, …概述, 主要做法, 关于…): the action its
# text opens with is the measure; a framing title (指导思想, 工作目标, 基本原则, 意义, 原因) holds none
_GENERIC_TITLE = re.compile(r"(?:情况|概述|概况|答复|做法|成效|成绩|经验|结果|亮点|亮点工作|总结|现状|进展)[。.：:]?$|^关于")
_FRAMING_TITLE = re.compile(r"(?:指导思想|总体要求|基本原则|工作原则|原则|目标|目标任务|主要任务|任务|要求|背景|意义|"
                            r"启示|体会|思路|打算|建议|对策|意见|问题|原因|原因分析)[。.：:]?$")
# a problem found, not an action taken: 组织覆盖不均衡，党建引领作用发挥不充分
_PROBLEM_TITLE = re.compile(r"不足|不够|不充分|不均衡|不到位|不完善|不健全|不平衡|不高|不强|不畅|滞后|薄弱|错位|有限|"
                            r"参差不齐|欠缺|缺乏|较弱|单一|难题|瓶颈|短板|困境|隐患")
# a result, not an action: the title's subject comes first and it ends on what became of it
# (党建引领能力进一步增强, …领导协调体系已经建立, 居民满意度明显提升); the actions are in its text
_RESULT_TITLE = re.compile(r"(?:进一步|明显|显著|有效|大幅|日益|更加|全面|初步|基本|已经|已|得到|不断|持续|逐步)"
                           r"(?:增强|提升|提高|改善|加强|完善|优化|巩固|彰显|凸显|显现|健全|建立|形成|构建|落实|实现|"
                           r"扩大|拓展|规范|夯实|激发|释放)[。.！!]?$")
# the reply talking about the proposal itself: 我中心高度重视您的提案, 您提案的核心内容为…
_REQUEST_TITLE = re.compile(r"(?:您|你们?|代表|委员)[^。]{0,12}(?:提案|建议|议案)|(?:提案|建议|议案)[^。]{0,8}(?:收悉|重视)")


def _title_kind(text: str, it: Item) -> str:
    """"action", "generic" (a section title over actions), "framing" (a problem, a principle, a
    target: no action) or "request" (the reply talking about the proposal) for an item's title."""
    title = text[it.body:it.lead_end].strip(_WS)
    if opens_with_action(text, _skip_blank(text, it.body, it.lead_end), it.lead_end):
        return "action"
    if _REQUEST_TITLE.search(title):
        return "request"
    if _PROBLEM_TITLE.search(title) or _FRAMING_TITLE.search(title):
        return "framing"
    if _GENERIC_TITLE.search(title) or _RESULT_TITLE.search(title):
        return "generic"
    return "action"


def _names_in(spans: list[tuple[int, str]], pos: list[int], lo: int, hi: int) -> list[str]:
    out: list[str] = []
    for _s, name in spans[bisect_left(pos, lo):bisect_left(pos, hi)]:
        if name not in out:
            out.append(name)
    return out


def extract_measures(ctx: Context) -> None:
    text = ctx.text
    tax = load_taxonomy()
    skip = quoted_request_spans(text) + visited_spans(text) + question_spans(text) + credit_spans(text)
    # 《》 titles the policies step did not keep (the proposal, periodicals, news articles, collections,
    # surveys) name someone else's text: their words are not the place's practice
    kept = {(m.start, m.end) for p in ctx.policies for m in p.mentions}
    skip.extend((t.start, t.end) for t in find_titles(text) if (t.start, t.end) not in kept)
    hits = tax.hits(text, skip)
    hit_pos = [h[0] for h in hits]
    hit_names = {h[1] for h in hits}
    # a practice named only in an editor's note (编者按：…全省…自治、法治、德治相结合…) frames the feature:
    # the place's own text never names it
    notes = editors_notes(text)
    if notes:
        hit_names = {name for pos, name in hits if not any(a <= pos < b for a, b in notes)}
    ctx.practices = [n for n in tax.names if n in hit_names]
    ctx.practice_hits = hits
    subject = ctx.document.subject_place
    attribution = Attribution.of(ctx)
    agency_spans = sorted((m.start, a.name) for a in ctx.agencies for m in a.mentions)
    model_spans = sorted((m.start, nm.name) for nm in ctx.named_models for m in nm.mentions)
    agency_pos = [s for s, _n in agency_spans]
    model_pos = [s for s, _n in model_spans]
    skip_mask = bytearray(len(text) + 1)
    for s, e in skip:
        skip_mask[s:e] = b"\x01" * (e - s)

    parents = {p.name: p.parent for p in ctx.places}

    def above(unit: str | None, place: str | None) -> bool:
        """Is ``unit`` a place that contains ``place`` (the document's province, a city above it…)?"""
        if unit and unit == ctx.document.province and place and place != unit:
            return True
        seen = 0
        while place and seen < 8:
            place, seen = parents.get(place), seen + 1
            if place and place == unit:
                return True
        return False

    cues = {p.name: p.pattern for p in tax.practices}

    def practices_in(lo: int, hi: int, place: str | None) -> set[str]:
        # a sentence whose subject is a unit above the measure's place (省住建厅于…修订《…办法》，将…企业党建工作
        # 列入考评细则 inside a district's measure) reports that unit's work, not the place's
        out: set[str] = set()
        for pos, name in hits[bisect_left(hit_pos, lo):bisect_left(hit_pos, hi)]:
            if name in out or glossed_cue(text, pos, cues.get(name)):
                continue
            s_lo = max(lo, attribution.sentence_start(pos))
            head, found = attribution.head(s_lo, min(pos + 1, s_lo + 60))
            if not (found and head and head != place and above(head, place)):
                out.add(name)
        return out

    def emit(summary: str, lo: int, hi: int, start: int, path_titles: list[tuple[int, int]],
             status: str) -> None:
        # the place its own words open with, else its section's (二、武城县的做法 → the items below)
        place, found = attribution.head(lo, min(hi, lo + 60))
        for a, b in path_titles:
            if found:
                break
            place, found = attribution.head(a, b)
        place = place if found and place else subject
        inside = practices_in(lo, hi, place)
        if not inside:
            for a, b in path_titles:
                inside |= practices_in(a, b, place)
        ym = _YEAR.search(text, lo, hi)
        ctx.measures.append(MeasureRec(
            summary=summary, practices=[n for n in tax.names if n in inside], place=place,
            agencies=_names_in(agency_spans, agency_pos, lo, hi),
            named_models=_names_in(model_spans, model_pos, lo, hi),
            status=status, year=int(ym.group(1)) if ym else None, span={"start": start, "end": hi}))

    items = find_items(text)
    intros: dict[str, str] = {}  # per kind of top-level series, the line that introduces it
    for it in items:
        if it.parent is None and it.level < _INLINE_LEVEL and (it.ordinal in ("一", "1") or it.kind not in intros):
            intros[it.kind] = _line_before(text, _para_start(text, it.start))
        if skip_mask[it.start] or not _is_measure(text, it):
            continue
        body = _skip_blank(text, it.body, it.own_end)
        first = _rx(r"[、，,。；;：:）)！？!?]").search(text, body, it.own_end)
        if body >= it.own_end or (first and first.start() - body < 2):
            continue  # 2、、物的支持 / 2、产、生活中…: a number in running text, not an item (今年，… is one)
        clause_end = first.start() if first else it.own_end
        if clause_end - body > 24 and _rx(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]").search(text, body, clause_end):
            continue  # a page's lines run together after a number: no item title is that long
        kind = _title_kind(text, it)
        if kind in ("framing", "request"):
            continue
        if kind == "generic":
            # a section title is not a measure: the action its text opens with is, if any
            clause = action_clause(text, it.lead_end + 1, it.own_end)
            if clause is None:
                continue
            summary = text[clause[0]:clause[1]].strip(_WS)[:_MAX_SUMMARY].rstrip("，,：:、")
            if summary.count("“") != summary.count("”") or summary.count("《") != summary.count("》"):
                continue  # the clause runs on inside a quotation: no summary stands on its own
        else:
            summary = _summary(text, it)
        if len(summary) < 2 or summary[-1] in "“‘《（(":
            continue  # 聚焦“: an item cut off by the end of the excerpt
        path_titles: list[tuple[int, int]] = []
        p = it.parent
        while p is not None:
            path_titles.append((items[p].body, items[p].lead_end))
            p = items[p].parent
        path = "\n".join(text[a:b] for a, b in path_titles)
        emit(summary, it.body, it.own_end, it.start, path_titles,
             _status(text, it, summary, path, intros.get(it.kind, "") if it.parent is None else ""))
    n_items = len(ctx.measures)
    claimed = [(it.start, max(it.own_end, it.lead_end)) for it in items]
    titles = [(it.start, it.end, it.body, it.lead_end) for it in items]
    for para in find_lead_paragraphs(text, claimed, titles):
        if skip_mask[para.start]:
            continue
        # a plan stated in the summary or in the words right after it (坚持党建引领。我区将以…)
        status = ("planned" if para.planned or _PLANNED.search(para.summary)
                  or states_plan(text, para.start, min(para.end, para.start + len(para.summary) + _PLAN_LOOKAHEAD))
                  else "ongoing" if _ONGOING.search(para.summary) else "done")
        emit(para.summary, para.start, para.end, para.start, list(para.section_spans), status)
    if len(ctx.measures) > n_items:
        ctx.measures.sort(key=lambda ms: ms.span.start)
