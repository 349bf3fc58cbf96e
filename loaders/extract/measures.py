"""Extraction step: measures (the enumerated actions) and the document's practices.

Replies and reports enumerate what was done in a few fixed ways: headings on their own line
(一、… / （一）… / 1.… / 1、…) and inline series (一是…。二是…。). Each item becomes a measure
whose span runs to the next item of the same series (or the end of its paragraph / section).
Its status comes from the verbs at its head and the context that introduces the series
(下一步/将/计划 → planned; 正在/持续/不断 → ongoing; otherwise done), its practices from the
taxonomy cues inside the span. ``ctx.practices`` is the set of practices the whole document
shows the subject place doing or planning (quotes of the proposal itself are skipped).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from loaders.extract.context import Context
from loaders.extract.models import place_mentions
from loaders.extract.practices import load_taxonomy, quoted_request_spans
from loaders.extract.text_utils import cached_regex as _rx
from loaders.record import MeasureRec, Span

__all__ = ["extract_measures", "find_items", "Item"]

_CN = "一二三四五六七八九十"
# (kind, regex); headings must start a line, inline items follow a sentence end.
_HEADINGS = (
    ("cn_dun", re.compile(rf"^[ \t　]*([{_CN}]{{1,3}})、", re.M)),
    ("cn_paren", re.compile(rf"^[ \t　]*[（(]([{_CN}]{{1,3}})[）)]", re.M)),
    ("num_dot", re.compile(r"^[ \t　]*(\d{1,2})[.．、](?!\d)", re.M)),
)
_INLINE = re.compile(rf"(?:(?<=[。；;：:！？!?\n])|^)[ \t　]*([{_CN}]{{1,3}})是", re.M)
_PLANNED = re.compile(r"下一步|下步|下阶段|今后|将(?!其|社区|党|工作|原)|计划|拟|力争|准备|争取")
_ONGOING = re.compile(r"正在|持续|不断|继续|逐步|深入推进|着力")
_DONE = re.compile(r"已|建成|出台|印发|完成|成立|形成|实现|建立了|制定了|取得")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


class Item:
    """One enumerated item: its series kind, ordinal, marker offset and text span."""

    def __init__(self, kind: str, ordinal: str, start: int, body: int, end: int):
        self.kind, self.ordinal, self.start, self.body, self.end = kind, ordinal, start, body, end


def _cn_val(s: str) -> int:
    vals = {c: i + 1 for i, c in enumerate(_CN)}
    if s.isdigit():
        return int(s)
    if len(s) == 1:
        return vals.get(s, 0)
    if s[0] == "十":
        return 10 + vals.get(s[1], 0)
    return vals.get(s[0], 0) * 10 + (vals.get(s[2], 0) if len(s) > 2 else 0)


def find_items(text: str) -> list[Item]:
    """Enumerated items of every series, each ending where the next item of the series begins."""
    items: list[Item] = []
    for kind, rx in _HEADINGS:
        marks = [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text)]
        for i, (s, b, o) in enumerate(marks):
            # a series restarts at 1: an item ends at the next marker of the same kind
            end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
            if kind != "cn_dun":
                # a lower-level item also ends at the next higher-level heading
                for _k2, rx2 in _HEADINGS[: [k for k, _ in _HEADINGS].index(kind)]:
                    m2 = rx2.search(text, b, end)
                    if m2:
                        end = m2.start()
            items.append(Item(kind, o, s, b, end))
    for m in _INLINE.finditer(text):
        s = m.start(1)
        para_end = text.find("\n", s)
        para_end = len(text) if para_end < 0 else para_end
        nxt = _INLINE.search(text, m.end(), para_end)
        end = nxt.start(1) if nxt else para_end
        items.append(Item("inline", m.group(1), s, m.end(), end))
    items.sort(key=lambda it: (it.start, it.kind))
    return [it for it in items if it.end > it.body]


def _summary(text: str, it: Item) -> str:
    body = text[it.body:it.end].lstrip(" \t　")
    cut = _rx(r"[。；;\n]").search(body)
    head = body[: cut.start()] if cut else body
    if len(head) > 40:
        short = _rx(r"[，,：:]").split(head, maxsplit=1)[0]
        head = short if len(short) >= 4 else head[:40]
    return head.strip() or body[:40].strip()


def _status(text: str, it: Item, summary: str) -> str:
    para_lo = text.rfind("\n", 0, it.start) + 1
    first_item = _INLINE.search(text, para_lo, it.start + 3) if it.kind == "inline" else None
    intro = text[para_lo:first_item.start(1) if first_item else it.start]
    if it.kind == "inline" and _rx(r"下一步|下步|下阶段|今后|我们将").search(intro):
        return "planned"
    first = text[it.body:min(it.end, it.body + 60)]
    if _PLANNED.search(summary) or _rx(r"^[^。]{0,20}(?:下一步|将|计划|拟)").search(first):
        return "planned"
    if _ONGOING.search(summary):
        return "ongoing"
    return "done"


def extract_measures(ctx: Context) -> None:
    text = ctx.text
    tax = load_taxonomy()
    skip = quoted_request_spans(text)
    hits = tax.hits(text, skip)
    hit_pos = [h[0] for h in hits]
    hit_names = {h[1] for h in hits}
    ctx.practices = [n for n in tax.names if n in hit_names]
    subject = ctx.document.subject_place
    places = [(s, e, p) for s, e, p in place_mentions(ctx) if p.role == "within_subject"]
    agency_spans = sorted((m.start, a.name) for a in ctx.agencies for m in a.mentions)
    model_spans = sorted((m.start, nm.name) for nm in ctx.named_models for m in nm.mentions)
    agency_pos = [s for s, _n in agency_spans]
    model_pos = [s for s, _n in model_spans]
    skip_mask = bytearray(len(text) + 1)
    for s, e in skip:
        skip_mask[s:e] = b"\x01" * (e - s)
    for it in find_items(text):
        if skip_mask[it.start]:
            continue
        span_text = text[it.body:it.end]
        summary = _summary(text, it)
        if len(summary) < 2:
            continue
        place = subject
        for s, _e, p in places:
            if it.body <= s < min(it.end, it.body + 12):
                place = p.name
                break
        agencies: list[str] = []
        for _s, name in agency_spans[bisect_left(agency_pos, it.body):bisect_left(agency_pos, it.end)]:
            if name not in agencies:
                agencies.append(name)
        models: list[str] = []
        for _s, name in model_spans[bisect_left(model_pos, it.body):bisect_left(model_pos, it.end)]:
            if name not in models:
                models.append(name)
        ym = _YEAR.search(span_text)
        inside = {name for _pos, name in hits[bisect_left(hit_pos, it.body):bisect_left(hit_pos, it.end)]}
        ctx.measures.append(MeasureRec(
            summary=summary, practices=[n for n in tax.names if n in inside], place=place,
            agencies=agencies, named_models=models, status=_status(text, it, summary),
            year=int(ym.group(1)) if ym else None, span=Span(start=it.start, end=it.end)))
