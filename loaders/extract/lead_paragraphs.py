"""Measures written as report-style paragraphs, without enumeration markers.

Research reports and work summaries (调研报告/工作总结) are often written as unnumbered section
headings (``注重党建引领 完善党全面领导基层治理制度``: a short line without sentence punctuation)
followed by paragraphs that each open with a short lead clause naming the action, then the
detail::

    坚持高位推进，实施“一号工程”。市委、市政府高度重视……
    实施清单减负。出台社区工作“四项清单”，……

Such a paragraph is one measure when

- its first clause (up to the first 。；，,) is 4–20 characters and opens with an action verb
  (坚持/实施/推进/强化/建立/打造…, optionally after a manner adverb such as 稳步/全面/基本);
- at least ``_MIN_DETAIL`` CJK characters follow that clause (a one-sentence paragraph is a caption
  or a heading: ``市委副书记、市长陈平在澜湖社区检查指导工作。``);
- its first sentence does not quote a meeting or leader (指出/强调/要求…);
- it is not claimed by an enumerated item (its text does not overlap an item's own span), and it
  follows a heading (an unnumbered heading line or an enumerated item): paragraphs before the
  first heading open the document (background, the occasion of the report) and are not actions;
- its section is not a problems section (存在的问题/困难/不足, 面临的挑战…) nor a recommendations
  section (建议/对策/意见): recommendations are the authors' advice, not the place's work, so they
  are skipped rather than marked planned. A section headed 下一步/今后/工作打算/工作思路 gives
  status ``planned``.

The summary is the first sentence when it is at most 30 characters (``坚持高位推进，实施“一号工程”``),
else the lead clause; the span is the paragraph, capped at ``_MAX_SPAN`` characters (cut at the
last sentence end before the cap).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import stop_positions

__all__ = ["LeadParagraph", "action_clause", "find_lead_paragraphs", "opens_with_action"]

_MIN_LEAD, _MAX_LEAD = 4, 20
_MAX_SUMMARY = 30
_MIN_DETAIL = 15
_MAX_SPAN = 600
# a heading line: short, no sentence punctuation
_MAX_HEADING = 40
_WS = " \t　\r"

_ADVERB = r"(?:稳步|全面|深入|大力|着力|积极|切实|持续|不断|进一步|扎实|有序|全力|基本|率先|逐步|同步|统筹|探索)?"
_VERB = (r"(?:坚持|实施|加大|推进|推动|推行|强化|加强|加快|建立|健全|完善|打造|突出|理顺|聚焦|深化|创新|构建|开展|"
         r"落实|培育|孵化|成立|组建|设立|建设|建成|优化|规范|提升|提高|夯实|激活|整合|引导|实行|创建|搭建|做实|"
         r"压实|织密|拓展|扩大|发挥|畅通|注重|抓好|抓实|筑牢|实现|出台|制定|建好|用好|开通|启动|引入|引进|"
         r"选优|配强|选派|下沉|延伸|整治|改造|清理|精简|减轻|保障|激发|凝聚|构筑|铺开|试行|推广)")
_LEAD = re.compile(_ADVERB + _VERB)
_QUOTING = re.compile(r"指出|强调|要求|提出|号召|讲话|批示")
_PROBLEMS = re.compile(r"存在的?(?:主要)?(?:问题|困难|不足)|(?:问题|困难|不足)(?:和|与|及)(?:不足|困难|问题|挑战|短板)"
                       r"|面临的?(?:问题|困难|挑战)|薄弱环节|不足之处")
_ADVICE = re.compile(r"建议|对策|意见")
_PLANNED = re.compile(r"下一步|下步|下阶段|今后|工作打算|工作思路|工作计划|展望")
_VISIT = re.compile(r"(?:到|在|赴)[^，,。]{1,20}(?:调研|检查|视察|考察|指导|走访|慰问)")
_SENT_END = re.compile(r"[。；;！？!?]")
_CLAUSE_END = re.compile(r"[。；;！？!?，,]")


# what may stand before the action in a clause: time, 市委、市政府-style actors are their own clause
_CLAUSE_OPENER = re.compile(r"(?:\s|\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:以来|起|初|底|末)?|近年来|近期|目前|同时|此外|今年以来|"
                            r"我们|我局|我市|我区|我县|全市|全区|全县|还|已|并|先后|积极|主动)*")


def opens_with_action(text: str, pos: int, hi: int) -> bool:
    """Does ``text[pos:hi]`` open (after time words and the actor) with an action verb?"""
    m = _CLAUSE_OPENER.match(text, pos, hi)
    return bool(_LEAD.match(text, m.end() if m else pos, hi))


def action_clause(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The first clause of the first sentence of ``text[lo:hi]`` that opens with an action verb
    (``2015年,市委、市政府为加强基层治理,出台了1+10系列文件`` → ``出台了1+10系列文件``), or None."""
    sent = _SENT_END.search(text, lo, hi)
    end = sent.start() if sent else hi
    pos = lo
    while pos < end:
        clause = _CLAUSE_END.search(text, pos, end)
        c_end = clause.start() if clause else end
        while pos < c_end and text[pos] in _WS + "\n":
            pos += 1
        if pos < c_end and opens_with_action(text, pos, c_end):
            return pos, c_end
        pos = c_end + 1
    return None


@dataclass(frozen=True)
class LeadParagraph:
    start: int        # the paragraph's first character
    end: int          # end of the span (paragraph end, capped)
    summary: str
    section: str      # the titles of the headings above it (for status and practices)
    section_spans: tuple[tuple[int, int], ...]
    planned: bool


_HANZI = re.compile("[\u4e00-\u9fff]")


def _cjk_count(s: str) -> int:
    return len(_HANZI.findall(s))


# at least _MIN_DETAIL hanzi (the match stops at the last one it needs, not at the paragraph's end)
_DETAIL = re.compile(f"(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){{{_MIN_DETAIL}}}")


def _is_heading_line(line: str) -> bool:
    if not 4 <= len(line) <= _MAX_HEADING:
        return False  # (the cheap test first: it fails for every paragraph)
    if _VISIT.search(line):  # a caption without its full stop
        return False
    return (4 <= len(line) <= _MAX_HEADING and not _rx(r"[。；;！？!?，,：:]").search(line)
            and _cjk_count(line) >= 4 and ("\u4e00" <= line[-1] <= "\u9fff" or line[-1].isalnum()
                                          or line[-1] in "”》）)"))


def find_lead_paragraphs(text: str, claimed: list[tuple[int, int]],
                         titles: list[tuple[int, int, int, int]]) -> list[LeadParagraph]:
    """Report-style measure paragraphs of ``text``.

    ``claimed`` are the own spans of enumerated items (their paragraphs are not looked at);
    ``titles`` are the enumerated items as (start, end, title start, title end), ``end`` being
    where the item's section ends, used as headings for the paragraphs inside them."""
    claimed_sorted = sorted(claimed)
    claimed_starts = [s for s, _e in claimed_sorted]
    reach: list[int] = []  # the furthest end among the claimed spans up to each one
    for _s, e in claimed_sorted:
        reach.append(max(e, reach[-1]) if reach else e)
    sections = sorted(titles)
    si = 0
    stack: list[tuple[int, int, int, int]] = []  # enclosing items (they nest)
    out: list[LeadParagraph] = []
    heading: tuple[int, int] | None = None  # the latest unnumbered heading line
    n = len(text)
    line_starts = [0, *(i + 1 for i in stop_positions(text, "\n"))]
    for k, lo in enumerate(line_starts):
        hi = line_starts[k + 1] - 1 if k + 1 < len(line_starts) else n
        a, b = lo, hi
        while a < b and text[a] in _WS:
            a += 1
        while b > a and text[b - 1] in _WS:
            b -= 1
        if a >= b:
            continue
        c = bisect_left(claimed_starts, b)
        is_claimed = c > 0 and reach[c - 1] > a
        while si < len(sections) and sections[si][0] <= a:
            while stack and stack[-1][1] <= sections[si][0]:
                stack.pop()
            stack.append(sections[si])
            si += 1
        while stack and stack[-1][1] <= a:
            stack.pop()
        enclosing = [(ts, te) for s, e, ts, te in stack if s <= a < e]
        line = text[a:b]
        if not is_claimed and not enclosing and _is_heading_line(line):
            heading = (a, b)
            continue
        if is_claimed or (heading is None and not enclosing):
            continue
        para = _lead_paragraph(text, a, b, heading, enclosing)
        if para is not None:
            out.append(para)
    return out


def _lead_paragraph(text: str, a: int, b: int, heading: tuple[int, int] | None,
                    enclosing: list[tuple[int, int]]) -> LeadParagraph | None:
    m = _LEAD.match(text, a)
    if m is None:
        return None
    clause = _CLAUSE_END.search(text, a, min(b, a + _MAX_LEAD + 1))
    if clause is None or not _MIN_LEAD <= clause.start() - a <= _MAX_LEAD:
        return None
    sent = _SENT_END.search(text, a, b)
    sent_end = sent.start() if sent else b
    if _QUOTING.search(text, a, sent_end):
        return None
    if not _DETAIL.match(text, clause.end(), b):  # fewer than _MIN_DETAIL hanzi after the clause
        return None
    spans = tuple(enclosing) + ((heading,) if heading and not enclosing else ())
    section = "\n".join(text[s:e] for s, e in spans)
    if _PROBLEMS.search(section) or _ADVICE.search(section):
        return None
    summary = text[a:sent_end] if sent_end - a <= _MAX_SUMMARY else text[a:clause.start()]
    end = b
    if end - a > _MAX_SPAN:
        cut = None
        for sm in _SENT_END.finditer(text, a, a + _MAX_SPAN):
            cut = sm.end()
        end = cut if cut else a + _MAX_SPAN
    return LeadParagraph(start=a, end=end, summary=summary.strip(_WS + "，,"), section=section,
                         section_spans=spans, planned=bool(_PLANNED.search(section)))
