"""Extraction step: who studied or borrowed from whom.

The phrases that carry it: 学习借鉴/借鉴…先进经验/借鉴…做法, 考察学习/参观学习, 赴X(开展…)考察/学习,
到X参观/考察, 学习X“…”. The source is the place named in that phrase (resolved through the
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
from bisect import bisect_left

from loaders.extract.attribution import Attribution
from loaders.extract.context import Context
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.models import place_mentions
from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import stop_at_or_after, stop_before
from loaders.record import LearningRec, Span

__all__ = ["LEARNING_CUES", "extract_learning"]

LEARNING_CUES = re.compile(
    r"学习借鉴|借鉴学习|考察学习|参观学习|学习考察|观摩学习|取经|借鉴|学习|赴|到(?=[^，。；]{1,14}(?:参观|考察|学习|取经))")
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


def _what(text: str, src_end: int, hi: int) -> str:
    tail = text[src_end:hi]
    tail = _rx(r"^[\s、和及与]*(?:等地|等)?").sub("", tail)
    tail = _rx(r"^(?:开展|进行|参观|考察|学习|的)+").sub("", tail)
    tail = _rx(r"(?:方面)?(?:的)?(?:考察|学习|参观学习|考察学习)$").sub("", tail)
    return tail.strip(" “”")[:40]


def extract_learning(ctx: Context) -> None:
    text = ctx.text
    subject = ctx.document.subject_place
    if not subject:
        return
    # sources: places outside the subject (the subject too, in case it was taken for the wrong
    # place; the learner is never its own source)
    places = [(s, e, p) for s, e, p in place_mentions(ctx) if p.role in ("external", "subject")]
    starts = [s for s, _e, _p in places]
    attribution: Attribution | None = None
    seen: set[tuple[str, str]] = set()
    for m in LEARNING_CUES.finditer(text):
        lo, hi = _bounds(text, m.end(), _CLAUSE_STOPS)
        cue = m.group(0)
        # 赴/到 X: the place right after; 借鉴/学习 X: places following within the clause
        k0 = bisect_left(starts, m.end())
        after = places[k0:bisect_left(starts, min(hi, m.end() + 13), k0)]
        if not after:
            continue
        if attribution is None:
            attribution = Attribution.of(ctx)
        learner = attribution.place_at(m.start()) or subject
        if cue in ("赴", "到") and not _ACTIVITY.search(text[m.end():hi]):
            continue
        group = [after[0]]
        for s, e, p in after[1:]:
            if _rx(r"[、和与及\s]*").fullmatch(text[group[-1][1]:s]):
                group.append((s, e, p))
            else:
                break
        # 借鉴上海… / 学习山东省武城县…: the place must follow the verb closely
        if text[m.end():group[0][0]].strip(" 　") and cue not in ("赴", "到") \
                and len(text[m.end():group[0][0]].strip()) > 4:
            continue
        if any(p.name == learner for _s, _e, p in group):
            continue  # the learner among the places studied: who learns is not known
        learner_code = ctx.place_named(learner).adcode if ctx.place_named(learner) else None
        group = [x for x in group if not _related(learner_code, x[2].adcode)]
        if not group:
            continue
        what = _what(text, group[-1][1], hi)
        if not what:
            _s_lo, s_hi = _bounds(text, m.end(), _SENT_STOPS)
            what = _what(text, group[-1][1], s_hi)
        for s, e, p in group:
            if p.role == "subject" and learner == subject:
                continue
            key = (learner, p.name)
            if key in seen:
                continue
            seen.add(key)
            ctx.learning.append(LearningRec(learner=learner, source=p.name, what=what or None,
                                            span=Span(start=lo, end=hi)))
