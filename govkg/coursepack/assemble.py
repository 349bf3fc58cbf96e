"""Assemble a case pack (background, named models and their components, measures, figures, a
comparison table, discussion questions) from gathered evidence. Pure functions over
``PackInput``: every statement that ends up in the pack is a ``Fact`` with at least one quote.
Anything the graph has no quote for is left out rather than stated without a source.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from govkg.coursepack.check import checked, cut_mark, supports
from govkg.coursepack.model import (
    GRADE_LABELS,
    GRADES,
    CasePack,
    CellItem,
    Citation,
    Fact,
    MeasureItem,
    ModelItem,
    PackInput,
    Section,
    Table,
)
from govkg.coursepack.questions import discussion_questions

__all__ = ["MAX_MEASURES_PER_GROUP", "STATUS_LABELS", "assemble_pack"]

STATUS_LABELS: dict[str, str] = {"done": "已实施", "ongoing": "推进中", "planned": "计划中", "": ""}
MAX_MEASURES_PER_GROUP = 8


def _uniq(evs: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, int | str, int], Citation] = {}
    for e in evs:
        seen.setdefault(e.key, e)
    return tuple(seen.values())


def _join(items: Iterable[str]) -> str:
    return "、".join(i for i in items if i)


def _facts(*facts: Fact | None) -> tuple[Fact, ...]:
    """The facts whose quotes hold what they claim (``check.checked``), the rest left out; a statement
    made twice is kept once."""
    out: dict[str, Fact] = {}
    for f in facts:
        kept = checked(f) if f is not None else None
        if kept is not None:
            out.setdefault(kept.text, kept)
    return tuple(out.values())


def _core(excerpt: str) -> str:
    """An excerpt as the document words it repeats (without the “…” of a cut, at either end)."""
    return excerpt.strip("…")


def _background(inp: PackInput) -> Section:
    facts: list[Fact] = []
    intro = ["本案例选取的地方及其资料概况。"]
    for place in inp.places:
        cells = [c for c in inp.cells if c.place == place.name and c.grade and c.evidence]
        known = place.practices or tuple(dict.fromkeys(c.practice for c in cells))
        docs = _join(f"《{t}》" for _d, t in place.documents if t)
        where = f"（{place.parent}）" if place.parent else ""
        intro.append(f"{place.name}{where}：图谱记载其社区治理做法 {len(known)} 种"
                     + (f"，资料来源为{docs}" if docs else "") + "。")
        shown = [c for c in cells if c.practice in inp.practices] or cells
        if shown:
            names = tuple(dict.fromkeys(c.practice for c in shown[:8]))
            facts.extend(_facts(Fact(f"{place.name}与本案例相关的做法：{_join(names)}。",
                                     _uniq(e for c in shown[:8] for e in c.evidence[:1]), practices=names)))
    return Section("一、背景", "".join(intro), tuple(facts))


def _model_section(models: Iterable[ModelItem]) -> Section:
    subs: list[Section] = []
    for m in models:
        if not m.evidence:
            continue
        head = f"“{m.name}”" + (f"（{m.owner}）" if m.owner else "")
        facts = _facts(
            Fact(head + (f"：{m.definition}" if m.definition else "。"), m.evidence,
                 items=(m.name, m.definition) if m.definition else (m.name,)) if m.definition else None,
            Fact(head + "。", m.evidence[:1], items=(m.name,)),
            Fact(f"构成（{len(m.components)} 部分）：" + "；".join(f"{i}. {c}" for i, c in enumerate(m.components, 1)),
                 m.evidence, items=m.components) if m.components else None,
            Fact(f"所属做法：{_join(m.practices)}", m.evidence, practices=m.practices) if m.practices else None,
        )
        if facts and m.definition and facts[0].items == (m.name, m.definition):
            facts = facts[:1] + facts[2:]            # the definition stands; the bare name is not repeated
        if facts:
            subs.append(Section(head, facts=facts))
    return Section("二、命名模式及其构成", "" if subs else "所选范围内没有找到有原文出处的命名模式。",
                   subsections=tuple(subs))


def _measure_fact(m: MeasureItem) -> Fact | None:
    """“summary（status）：原文“excerpt””, citing the sentence that states the measure and the one that
    names the practice; the excerpt part only where it is not the summary's own sentence."""
    tail = _join(x for x in (STATUS_LABELS.get(m.status or "", ""), f"{m.year}年" if m.year else ""))
    summary = m.summary.rstrip("。")
    own = [e for e in m.own if supports(e.quote, item=summary)]
    text = summary + cut_mark(summary, [*own, *m.evidence]) + (f"（{tail}）" if tail else "")
    if m.excerpt:
        fact = checked(Fact(text + f"：原文“{m.excerpt}”", _uniq([*own, *m.evidence]),
                            items=(summary, _core(m.excerpt))))
        if fact is not None:
            return fact
    return checked(Fact(text, _uniq([*own, *m.evidence]), items=(summary,)))


def _measure_section(inp: PackInput) -> Section:
    groups: dict[tuple[str, str], list] = defaultdict(list)
    chosen = set(inp.practices)
    for m in inp.measures:
        if not m.evidence and not m.own:
            continue
        keys = [p for p in m.practices if not chosen or p in chosen] or (["其他"] if not chosen else [])
        for p in keys[:1]:
            groups[(m.place, p)].append(m)
    subs: list[Section] = []
    place_order = [p.name for p in inp.places]
    for (place, practice) in sorted(groups, key=lambda k: (place_order.index(k[0]) if k[0] in place_order
                                                           else len(place_order), k[0], k[1])):
        facts = [f for f in (_measure_fact(m) for m in groups[(place, practice)]) if f is not None]
        if facts:
            subs.append(Section(f"{place} · {practice}", facts=tuple(facts[:MAX_MEASURES_PER_GROUP])))
    return Section("三、主要举措", "" if subs else "所选范围内没有找到有原文出处的举措。",
                   subsections=tuple(subs))


def _figures_section(inp: PackInput) -> Section:
    """Only the figures of the selected practices at each place, results first, targets marked; a place
    with none is said to have none."""
    chosen = set(inp.practices)
    subs, missing = [], []
    for place in inp.places:
        shown = [mt for mt in inp.metrics if mt.place == place.name and mt.evidence
                 and (set(mt.practices) & chosen if chosen else mt.practices)]
        shown.sort(key=lambda mt: mt.status == "planned")
        facts = _facts(*(Fact(mt.label + (f"〔{_join(p for p in mt.practices if p in chosen)}〕"
                                           if len(chosen) > 1 else ""), mt.evidence[:1], items=(mt.as_written,))
                         for mt in shown))
        if not facts:
            missing.append(place.name)
            continue
        subs.append(Section(place.name, facts=facts))
    what = f"与{_join(inp.practices)}相关的" if chosen else "与所列做法相关的"
    intro = "".join(f"{name}：资料中没有{what}数字。" for name in missing)
    if not subs and not missing:
        intro = "所选范围内没有找到数字。"
    return Section("四、数据与成效", intro + ("（标“目标或标准”的是计划、目标或应达到的标准，不是已取得的成效。）"
                                          if any(mt.status == "planned" for mt in inp.metrics) and subs else ""),
                   subsections=tuple(subs))


def _comparison_table(inp: PackInput) -> Section:
    cells: dict[tuple[str, str], CellItem] = {(c.place, c.practice): c for c in inp.cells}
    practices = list(inp.practices) or sorted({c.practice for c in inp.cells})
    places = [p.name for p in inp.places] or sorted({c.place for c in inp.cells})
    if not practices or not places or not cells:
        return Section("五、跨城比较", "没有可比较的数据（至少选择一个地方和一个做法）。")
    rows, cites = [], []
    for place in places:
        row = [place]
        evs: list[Citation] = []
        for pr in practices:
            c = cells.get((place, pr))
            grade = c.grade if c and c.grade in GRADES else ""
            row.append(GRADE_LABELS[grade])
            if c:
                evs.extend(c.evidence[:1])
        rows.append(tuple(row))
        cites.append(_uniq(evs))
    legend = "；".join(f"{GRADE_LABELS[g]}：{d}" for g, d in (
        ("quantified", "原文给出该地这项做法的数字成效（目标和计划不算）"), ("described", "原文写明具体做法"),
        ("claimed", "原文只说开展、重视或计划")))
    return Section("五、跨城比较", f"证据等级 — {legend}。",
                   table=Table(("地方", *practices), tuple(rows), tuple(cites)))


def assemble_pack(inp: PackInput, title: str = "") -> CasePack:
    """Build the case pack. ``title`` defaults to one made from the selection."""
    places = _join(p.name for p in inp.places)
    subject = _join(inp.practices) or _join(m.name for m in inp.models) or "社区治理"
    title = title or f"社区治理案例：{subject}"
    subtitle = f"地方：{places}" if places else ""
    questions = discussion_questions(inp)
    sections = (
        _background(inp),
        _model_section(inp.models),
        _measure_section(inp),
        _figures_section(inp),
        _comparison_table(inp),
        Section("六、讨论题", "" if questions else "证据不足以提出讨论题。", tuple(questions)),
    )
    pack = CasePack(title, subtitle, sections)
    titles: dict[str, str] = {}
    for e in pack.citations():
        titles.setdefault(e.doc_id, e.doc_title)
    return CasePack(title, subtitle, sections, tuple(titles.items()))
