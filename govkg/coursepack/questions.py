"""Discussion questions drawn from the evidence: each question is built from a contrast or a
detail the quotes actually show (different evidence grades for one practice, a model's listed
components, who learned from whom, a reported figure, a commitment still planned), and carries
the quotes it is drawn from."""
from __future__ import annotations

from collections import defaultdict

from govkg.coursepack.check import checked, cut_mark, supported_by
from govkg.coursepack.model import GRADE_LABELS, GRADES, CellItem, Fact, LearningItem, PackInput

__all__ = ["MAX_FIGURE_QUESTIONS", "MAX_QUESTIONS", "discussion_questions"]

MAX_QUESTIONS = 8


def _grade_contrasts(cells: tuple[CellItem, ...]) -> list[Fact]:
    by_practice: dict[str, list[CellItem]] = defaultdict(list)
    for c in cells:
        if c.grade in GRADES and c.evidence:
            by_practice[c.practice].append(c)
    out = []
    for practice, cs in sorted(by_practice.items()):
        cs.sort(key=lambda c: GRADES.index(c.grade))
        hi, lo = cs[0], cs[-1]
        if hi.grade == lo.grade or hi.place == lo.place:
            continue
        out.append(Fact(
            f"在“{practice}”上，{hi.place}的资料{GRADE_LABELS[hi.grade]}，而{lo.place}的资料{GRADE_LABELS[lo.grade]}。"
            f"是什么条件让{hi.place}的做法更具体、更可衡量？{lo.place}可以从中借鉴什么？",
            (hi.evidence[0], lo.evidence[0]), practices=(practice,)))
    return out


MAX_FIGURE_QUESTIONS = 2


def _comparison(inp: PackInput) -> list[Fact]:
    """One question across the places (when at least two have graded evidence for the practices)."""
    firsts: dict[str, CellItem] = {}
    for c in sorted((c for c in inp.cells if c.grade in GRADES and c.evidence),
                    key=lambda c: GRADES.index(c.grade)):
        firsts.setdefault(c.place, c)
    order = [p.name for p in inp.places if p.name in firsts] or list(firsts)
    if len(order) < 2:
        return []
    cites = tuple(firsts[p].evidence[0] for p in order[:4])
    named = tuple(dict.fromkeys(firsts[p].practice for p in order[:4]))
    places = "、".join(order[:4])
    return [Fact(f"比较{places}在“{'、'.join(named)}”上的做法：各自由谁牵头、投入了哪些资源、群众如何参与？"
                 "哪些差异来自地方条件，哪些可以互相借鉴？", cites, practices=named)]


def _model_components(inp: PackInput) -> list[Fact]:
    """One question about the first named model that lists at least two components."""
    for m in inp.models:
        if len(m.components) >= 2 and m.evidence:
            return [Fact(
                f"“{m.name}”由 {len(m.components)} 个部分组成（{'、'.join(m.components[:6])}"
                f"{'等' if len(m.components) > 6 else ''}）。如果在你所在的地方推行，哪一部分最容易落地、"
                "哪一部分最难？为什么？", m.evidence, items=(m.name,))]
    return []


def _figures(inp: PackInput) -> list[Fact]:
    """At most ``MAX_FIGURE_QUESTIONS`` questions on figures that belong to the selected practices
    (one per place first, so that two places get one each)."""
    chosen = set(inp.practices)
    linked = [mt for mt in inp.metrics if mt.evidence and mt.status != "planned"
              and (set(mt.practices) & chosen if chosen else mt.practices)]
    by_place: dict[str, list] = defaultdict(list)
    for mt in linked:
        by_place[mt.place].append(mt)
    picked = [ms[0] for ms in by_place.values()] + [m for ms in by_place.values() for m in ms[1:]]
    return [Fact(f"{mt.place}报告了“{mt.label}”。这个数字能说明做法有效吗？还需要哪些数据才能下结论？",
                 mt.evidence[:1], items=(mt.as_written,)) for mt in picked[:MAX_FIGURE_QUESTIONS]]


def _balanced(what: str) -> str:
    """``what`` cut back before a quotation it opens but does not close (“…和“党支部领导、业委会管理…” →
    “…”), and without a trailing 和/及/、."""
    depth, cut = 0, len(what)
    for i, ch in enumerate(what):
        if ch == "“":
            if depth == 0:
                cut = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                cut = len(what)
    out = what[:cut if depth else len(what)].rstrip("和及与、，, ")
    first = min((i for i in (out.find("“"), out.find("”")) if i >= 0), default=-1)
    return "“" + out if first >= 0 and out[first] == "”" else out     # a quotation whose “ was cut off


def _learning(lr: LearningItem) -> Fact | None:
    """A question on a stated learning link, naming what was learned where the quote says it, else the
    place learned from as the quote names it."""
    from queries.names import place_aliases

    if not lr.evidence:
        return None
    quote = lr.evidence[0].quote
    learned = _balanced(lr.what)
    if learned and supported_by(quote, (learned,)):
        claim, what = learned, learned if "“" in learned else f"“{learned}”"
    else:
        names = [lr.source, *place_aliases(lr.source, None)]
        claim, what = next((n for n in names if supported_by(quote, (n,))), lr.source), "做法"
    return Fact(f"{lr.learner}向{lr.source}学习了{what}。学来的做法需要做哪些本地化调整？如何判断学习是否成功？",
                lr.evidence[:1], items=(claim,))


def discussion_questions(inp: PackInput) -> list[Fact]:
    qs: list[Fact] = []
    qs.extend(_grade_contrasts(inp.cells))
    qs.extend(_comparison(inp))
    qs.extend(_model_components(inp))
    qs.extend(q for q in (_learning(lr) for lr in inp.learning) if q is not None)
    qs.extend(_figures(inp))
    planned = [m for m in inp.measures if m.status == "planned" and (m.own or m.evidence)]
    for m in planned[:2]:
        shown = m.summary + cut_mark(m.summary, m.own or m.evidence)
        qs.append(Fact(f"{m.place}承诺“{shown}”。作为评估者，你会用什么标准、在什么时候检验它是否落实？",
                       m.own or m.evidence, items=(m.summary,)))
    qs = [f for f in (checked(q) for q in qs) if f is not None]
    # keep the order (contrasts first) but do not repeat a question text
    seen: set[str] = set()
    uniq = [q for q in qs if not (q.text in seen or seen.add(q.text))]
    return uniq[:MAX_QUESTIONS]
