"""Discussion questions drawn from the evidence: each question is built from a contrast or a
detail the quotes actually show (different evidence grades for one practice, a model's listed
components, who learned from whom, a reported figure, a commitment still planned), and carries
the quotes it is drawn from."""
from __future__ import annotations

from collections import defaultdict

from govkg.coursepack.model import GRADE_LABELS, GRADES, CellItem, Fact, PackInput

__all__ = ["MAX_QUESTIONS", "discussion_questions"]

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
            (hi.evidence[0], lo.evidence[0])))
    return out


def discussion_questions(inp: PackInput) -> list[Fact]:
    qs: list[Fact] = []
    qs.extend(_grade_contrasts(inp.cells))
    for m in inp.models:
        if len(m.components) >= 2 and m.evidence:
            qs.append(Fact(
                f"“{m.name}”由 {len(m.components)} 个部分组成（{'、'.join(m.components[:6])}"
                f"{'等' if len(m.components) > 6 else ''}）。如果在你所在的地方推行，哪一部分最容易落地、"
                "哪一部分最难？为什么？", m.evidence[:1]))
    for lr in inp.learning:
        if lr.evidence:
            what = f"“{lr.what}”" if lr.what else "做法"
            qs.append(Fact(f"{lr.learner}向{lr.source}学习了{what}。学来的做法需要做哪些本地化调整？"
                           "如何判断学习是否成功？", lr.evidence[:1]))
    for mt in inp.metrics[:3]:
        if mt.evidence:
            qs.append(Fact(f"{mt.place}报告了“{mt.as_written}”{'（' + mt.subject + '）' if mt.subject else ''}。"
                           "这个数字能说明做法有效吗？还需要哪些数据才能下结论？", mt.evidence[:1]))
    planned = [m for m in inp.measures if m.status == "planned" and m.evidence]
    for m in planned[:2]:
        qs.append(Fact(f"{m.place}承诺“{m.summary}”。作为评估者，你会用什么标准、在什么时候检验它是否落实？",
                       m.evidence[:1]))
    # keep the order (contrasts first) but do not repeat a question text
    seen: set[str] = set()
    uniq = [q for q in qs if not (q.text in seen or seen.add(q.text))]
    return uniq[:MAX_QUESTIONS]
