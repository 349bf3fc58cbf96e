"""Extraction step: the sentence that makes each practice of the document one the subject takes up.

The measures step lists a practice wherever one of its cues occurs (``ctx.practice_hits``). Where no
measure or model names the practice, the graph must still cite one sentence for it, and the first
cue is often not about the subject at all: a province's meeting (``省委党建引领…现场会在漯河召开``),
another city whose scheme the subject studies (``学习山东省武城县“红色业委会”…``), a plan. So each
practice gets one :class:`~loaders.record.PracticeMention`, its cues ranked:

1. a cue in a passage whose words name the subject place or a place within it as its topic
   (:class:`Attribution`), neither in a plan nor in the words of a statement that the subject
   studies another place (the learning step's span, ``学习…武城县“…”模式``);
2. such a cue in a passage that names no place (the subject's by default);
3. such a cue in a plan (下一步/将/计划… before it or at its sentence's head, a section of plans), in
   a sentence opening with a duty (要充分发挥…, 必须…, 某区要对…) or naming a problem (仍存在…等问题, 虽然成立了…，但…) or a wish
   (…是…的夙愿), or a cue that is a topic talked over or a working group's field (协商…等问题, …6个工作小组);
4. a cue about another place (a higher unit, a place elsewhere), in words naming the proposal being
   answered (``关于…的建议的提案答复``) or in an editor's note (a paragraph opening with 编者按);
5. a cue inside a learning statement: then ``learned_from`` names the place studied.

A practice whose every cue is about a place elsewhere — neither the subject, nor a place within it, nor one
holding it — and that no measure of the subject names is what the document saw elsewhere (a delegation
visiting another city's community: ``在成华区某社区，考察组先后参观了…。借助…契机，…培育了40余家社会组织``):
the record keeps it (the document describes it; a news item's subject place is often wrong, and then its own
work looks elsewhere), and its mention's ``seen_in`` names the place its cited cue is about, so the graph
credits that place with it, never the subject (``graph/delta.py``).

Ties go to the earlier cue. One cue per sentence is looked at, and once a cue of rank 2 is found at
most 8 more sentences for one of rank 1 (the step costs ≈ 1 % of the pipeline); the attribution answers
each in O(log n).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from loaders.extract.attribution import Attribution, states_plan
from loaders.extract.context import Context
from loaders.extract.practices import glossed_cue, in_topic_list, load_taxonomy
from loaders.extract.text_utils import (
    EDITORS_NOTE,
    line_starts,
    stop_at_or_after,
    stop_positions,
)
from loaders.record import PracticeMention

__all__ = ["extract_practice_mentions", "within_subject"]

_NAMED, _OWN, _PLANNED, _ELSEWHERE, _STUDIED = range(5)
# how many more sentences are looked at for one that names the subject, once one that names no place is found
_LOOK_FURTHER = 8
# a problem the place has: 仍存在…不够…等问题 (the cue is what falls short, not work done)
_PROBLEM = re.compile(r"(?:仍|还|依然|尚)(?:然)?(?:存在|面临)")
# a concession (虽然成立了业委会，但…): what it grants is the ground of a problem stated after it
_CONCESSION = re.compile(r"虽然|尽管|虽(?!说)")
_BUT = re.compile(r"[，,]\s*(?:但|却|可是|然而)")
# what people wish for (建设活动场所是80户村民的夙愿): a need, not work done
_WISHED = re.compile(r"是[^。；;，,！？!?\n]{0,30}的(?:夙愿|心愿|愿望|期盼|期待|盼望)")
# words that name the proposal being answered (the reply's title, ``关于…的建议的提案答复``, also in a
# page's header table ``标 题: | …``, or ``您提出的关于…的建议收悉``): what was asked for
_PROPOSAL_LINE = re.compile(r"关于[^\n。；;]{2,80}?的(?:建议|提案|议案)[^\n。；;]{0,6}?(?:的)?(?:答复|收悉|办理)")
# a sentence that opens with what must be done (要充分发挥…, 必须…, 应当…) states a duty, not work done
# (also a unit told what to do, at the sentence's head: 某区要对以上小区加强监督管理…, 各街道要…)
_DUTY = re.compile(r"[\s　]*(?:(?:同时|并且?|还|也|更)[，,]?)?(?:必须|务必|应当|应该|要(?!求|素|点|闻|事|害|件|是))"
                   r"|[\s　]*[^，,。；;：:\n]{0,10}?(?:省|市|区|县|旗|镇|乡|街道|社区|村|各地|各级|各部门|各单位)"
                   r"(?:要|必须|务必|应当)(?!求|素|点|闻|事|害|件|是)")


def extract_practice_mentions(ctx: Context) -> None:
    if not ctx.practice_hits:
        return
    attribution = Attribution.of(ctx)
    text = ctx.text
    subject = ctx.document.subject_place
    within = within_subject(ctx)
    studied = sorted((lr.span.start, lr.span.end, lr.source) for lr in ctx.learning
                     if lr.span is not None and (lr.learner == subject or within(lr.learner)))
    # practice → (rank, offset, place studied, whether the cue's clause holds a figure)
    best: dict[str, tuple[int, int, str | None, bool]] = {}
    seen_elsewhere: dict[str, str] = {}   # practice → the place elsewhere (not above) its best cue so far is about
    holds = _subject_test(ctx, up=True)
    cues = {p.name: p.pattern for p in load_taxonomy().practices}
    starts, lines = line_starts(text), {}
    last: dict[str, int] = {}          # practice → the sentence of its last cue looked at
    tried: dict[str, int] = {}         # practice → sentences looked at since it had a cue of rank 2
    for pos, name in ctx.practice_hits:
        known = best.get(name)
        if known is not None and known[0] == _NAMED and known[3]:
            continue                                          # (hits come by offset: the first such cue wins)
        figured = None      # (asked only where it decides: a cue of a sentence already ranked seldom needs it)
        if known is not None and known[0] == _NAMED:
            figured = _figured(text, pos)
            if not figured:
                continue
        sentence = attribution.sentence_start(pos)
        if last.get(name) == sentence:
            if known is not None and not known[3] and known[1] >= sentence \
                    and (figured if figured is not None else _figured(text, pos)):
                # a later cue of the same sentence, in the clause of a figure (社会组织加快发展，全省已注册登记社会组织38406个):
                # the sentence is cited from it, where the figure measures the practice
                best[name] = (known[0], pos, known[2], True)
            continue                                          # another cue of a sentence already ranked
        last[name] = sentence
        if known is not None and known[0] == _OWN:
            tried[name] = tried.get(name, 0) + 1
            if tried[name] > _LOOK_FURTHER:
                continue                                      # a named one this far on is unlikely: stop looking
        if figured is None:
            figured = _figured(text, pos)
        source = next((src for s, e, src in studied if s <= pos < e), None) if studied else None
        if source is not None:
            rank = _STUDIED
        elif _not_the_places_words(text, pos, starts, lines):
            rank = _ELSEWHERE
        else:
            place = attribution.place_at(pos)
            if place is not None and place != subject and not within(place):
                rank = _ELSEWHERE
                if known is None and not holds(place):
                    seen_elsewhere[name] = place
            elif place is None and known is not None and known[0] <= _OWN and (known[0] < _OWN or known[3] or not figured):
                continue                                      # at best of rank 1 again: not read further
            elif _weak(text, sentence, pos) or attribution.planned_at(pos) or glossed_cue(text, pos, cues[name]):
                rank = _PLANNED     # (a bracket naming a compound another way, 小区（网格）: cited where nothing else is)
            else:
                rank = _OWN if place is None else _NAMED
        # of cues of one rank, the first in a figure's clause: a sentence reporting how much of the work was done, not the
        # first that names the practice (…城乡社区社会组织…共同参与的…格局基本形成 before …社会组织38406个)
        if known is None or rank < known[0] or (rank == known[0] <= _OWN and figured and not known[3]):
            best[name] = (rank, pos, source, figured)
            if known is not None:
                seen_elsewhere.pop(name, None)
    # what the document saw elsewhere, named by no measure of the subject's, is no practice of the subject's:
    # kept, with the place it was seen in
    measured = {n for m in ctx.measures if m.place is None or m.place == subject or within(m.place) for n in m.practices}
    tax = load_taxonomy()
    for name in ctx.practices:
        got = best.get(name)
        if got is None:
            continue
        rank, pos, source, _figure = got
        entry = tax.by_name.get(name)
        found = entry.pattern.match(text, pos) if entry is not None else None
        end = found.end() if found is not None and found.end() > pos else pos + 1
        seen_in = seen_elsewhere.get(name) if subject and rank == _ELSEWHERE and name not in measured else None
        ctx.practice_mentions.append(PracticeMention(name=name, start=pos, end=end,
                                                     learned_from=source if rank == _STUDIED else None,
                                                     seen_in=seen_in))


# a figure of work in a cue's clause (注册登记社区社会组织38406个, 成立业委会12个): a count or a share, not a year or a date
# (\d\d* is \d+ written to open with a class, which the engine skips ahead with: opened with a repeat, or with a
# lookahead, the pattern was tried at every offset of each cue's clause)
_FIGURE = re.compile(r"\d\d*(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?\s*(?:余|多)?\s*(?:个|家|名|人|户|支|项|次|件|场|所|处|条|座|间|元|%)")
_CLAUSE_STOPS = "，,；;：:。！？!?\n"
# a figure of each (每个微网格配备1名…) or of a whole the place is one of (全省5个试点之一): not how much the place did
_NOT_ITS_FIGURE = re.compile(r"每|均|之一")


def _figured(text: str, pos: int) -> bool:
    """Does the clause holding the cue at ``pos`` hold a figure of the place's work (:data:`_FIGURE`)?"""
    stops = stop_positions(text, _CLAUSE_STOPS)  # (the stops before and after ``pos``: one bisect, no call for each)
    k = bisect_left(stops, pos)
    lo = max(0, pos - 60, stops[k - 1] + 1 if k else 0)
    hi = min(stops[k] if k < len(stops) else len(text), pos + 60)
    return _FIGURE.search(text, lo, hi) is not None and _NOT_ITS_FIGURE.search(text, lo, hi) is None


def _weak(text: str, lo: int, pos: int) -> bool:
    """Does the sentence from ``lo`` state no work done at ``pos``: it opens with a duty (要…/必须…), its
    head states a plan (``区委区政府计划逐步…``: plan words in its first 40 characters, however far the
    cue is), names a problem the place has (``但仍存在…信息化应用场景不优等问题``), asks a question, names the cue
    as a topic talked over or a working group's field (``协商…成立小区业委会…等问题``, ``…物业管理服务6个工作小组``), or
    among what a standard's quoted term spells out (``“七中心”即综治中心、…、志愿服务中心``)?"""
    return (_DUTY.match(text, lo, pos) is not None or states_plan(text, lo, min(pos, lo + 40))
            or _PROBLEM.search(text, lo, pos) is not None or _conceded(text, lo, pos) or _asked(text, pos)
            or in_topic_list(text, pos) or text.find("”即", lo, pos) >= 0)


# where a sentence ends, for the question and concession tests
_SENTENCE_ENDS = "。；;！？!?\n"


def _asked(text: str, pos: int) -> bool:
    """Does the sentence holding ``pos`` end in a question mark (a resident asks ``…是否可以尽快协商处理？``):
    a question reports no work done."""
    end = stop_at_or_after(text, pos, _SENTENCE_ENDS)  # (bisected: a long sentence holds many cues)
    return end < len(text) and text[end] in "？?"


def _conceded(text: str, lo: int, pos: int) -> bool:
    """Is ``pos`` inside a concession (``虽然成立了业委会，但由于…无法…``: 虽然/尽管 before it in its
    sentence, 但/却 after it before the sentence ends), or in a sentence stating a wish (…是…的夙愿)?"""
    end = stop_at_or_after(text, pos, _SENTENCE_ENDS)
    if _WISHED.search(text, lo, end) is not None:
        return True            # (a sentence stating a wish: 活动场所…是80户村民的夙愿)
    if _CONCESSION.search(text, lo, pos) is None:
        return False
    return _BUT.search(text, pos, end) is not None


def _not_the_places_words(text: str, pos: int, starts: list[int], seen: dict[int, list[tuple[int, int]]]) -> bool:
    """Is ``pos`` inside words that name the proposal being answered (:data:`_PROPOSAL_LINE`), or in an
    editor's note (a paragraph opening with 编者按: the editors' framing of a feature, not the place's
    work)? Its line is found by bisection over ``starts`` (``line_starts``) and read once (``seen``)."""
    k = bisect_right(starts, pos)
    spans = seen.get(k)
    if spans is None:
        lo = starts[k - 1]
        hi = starts[k] - 1 if k < len(starts) else len(text)
        spans = seen[k] = [(lo, hi)] if EDITORS_NOTE.match(text, lo, hi) else \
            [(m.start(), m.end()) for m in _PROPOSAL_LINE.finditer(text, lo, hi)]
    k = bisect_right(spans, (pos, len(text) + 1))          # (spans do not overlap: finditer's, or one line)
    return k > 0 and spans[k - 1][0] <= pos < spans[k - 1][1]


def within_subject(ctx: Context):
    """A test: is the named place (a place of the record) the subject or inside it? (:func:`_subject_test`)"""
    return _subject_test(ctx, up=False)


def _subject_test(ctx: Context, up: bool):
    """A test of a named place (a place of the record) against the subject, by the parent chains of the record's
    places, else by codes: with ``up`` False, is it the subject or a place inside it (its chain reaches the
    subject, or its code lies under the subject's); with ``up`` True, does it hold the subject (the subject's
    chain reaches it, or the subject's code lies under its — a place an agency's name gives, 山东省 of
    山东省住建厅, need not be a place of the record: its code is then the gazetteer's)."""
    subject = ctx.document.subject_place
    parents = {p.name: p.parent for p in ctx.places}
    codes = {p.name: p.adcode for p in ctx.places}
    subject_code = ctx.subject_code() if subject else None
    own = ctx.place_named(subject)
    # a street's or community's code is that of the county holding it (ctx.subject_code): the county
    # (近年来，澄江市坚持党建引领… in a feature on a street of 澄江市) and what lies under it are no place within
    # the subject; only the parent chain says what is
    below_county = own is not None and own.level in ("street", "community")

    def test(name: str | None) -> bool:
        if not name or not subject or (up and name == subject):
            return False
        lower, upper = (subject, name) if up else (name, subject)
        cur: str | None = lower
        for _ in range(8):
            if cur is None:
                break
            if cur == upper:
                return True
            cur = parents.get(cur)
        from loaders.extract.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        code = codes.get(name) or (gaz.code_for_full_name(name) if up else None)
        if not (code and subject_code) or (below_county and not up):
            return False
        if code == subject_code:
            return not up
        lower, upper = (subject_code, code) if up else (code, subject_code)
        return lower in gaz.by_code and gaz.is_within(lower, upper)

    return test
