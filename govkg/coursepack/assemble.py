"""Assemble a case pack (background, named models and their components, measures, figures, a
comparison table, discussion questions) from gathered evidence. Pure functions over
``PackInput``: every statement that ends up in the pack is a ``Fact`` with at least one quote.
Anything the graph has no quote for is left out rather than stated without a source.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from govkg.coursepack.model import (
    GRADE_LABELS,
    GRADES,
    CasePack,
    CellItem,
    Evidence,
    Fact,
    ModelItem,
    PackInput,
    Section,
    Table,
)
from govkg.coursepack.questions import discussion_questions

__all__ = ["MAX_MEASURES_PER_GROUP", "STATUS_LABELS", "assemble_pack"]

STATUS_LABELS: dict[str, str] = {"done": "已实施", "ongoing": "推进中", "planned": "计划中", "": ""}
MAX_MEASURES_PER_GROUP = 8


def _uniq(evs: Iterable[Evidence]) -> tuple[Evidence, ...]:
    seen: dict[tuple[str, int, int], Evidence] = {}
    for e in evs:
        seen.setdefault(e.key, e)
    return tuple(seen.values())


def _join(items: Iterable[str]) -> str:
    return "、".join(i for i in items if i)


def _background(inp: PackInput) -> Section:
    facts: list[Fact] = []
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for c in inp.cells:
        if c.grade:
            evidence[c.place].extend(c.evidence[:1])
    for m in inp.measures:
        evidence[m.place].extend(m.evidence[:1])
    for place in inp.places:
        evs = _uniq(evidence.get(place.name, []))
        if not evs:
            continue
        where = f"（{place.parent}）" if place.parent else ""
        known = place.practices or tuple(dict.fromkeys(c.practice for c in inp.cells
                                                       if c.place == place.name and c.grade))
        shown = [p for p in known if p in inp.practices] or list(known)
        docs = _join(f"《{t}》" for _d, t in place.documents if t)
        text = (f"{place.name}{where}：资料记载的社区治理做法 {len(known)} 类"
                + (f"，与本案例相关的有{_join(shown[:8])}" if shown else "")
                + (f"；资料来源为{docs}" if docs else "") + "。")
        facts.append(Fact(text, evs[:3]))
    return Section("一、背景", "本案例选取的地方及其资料概况。", tuple(facts))


def _model_section(models: Iterable[ModelItem]) -> Section:
    subs: list[Section] = []
    for m in models:
        if not m.evidence:
            continue
        facts = [Fact(f"“{m.name}”" + (f"（{m.owner}）" if m.owner else "")
                      + (f"：{m.definition}" if m.definition else "。"), m.evidence[:2])]
        if m.components:
            parts = "；".join(f"{i}. {c}" for i, c in enumerate(m.components, 1))
            facts.append(Fact(f"构成（{len(m.components)} 部分）：{parts}", m.evidence[:1]))
        if m.practices:
            facts.append(Fact(f"所属做法：{_join(m.practices)}", m.evidence[:1]))
        subs.append(Section(f"“{m.name}”" + (f"（{m.owner}）" if m.owner else ""), facts=tuple(facts)))
    return Section("二、命名模式及其构成", "" if subs else "所选范围内没有找到有原文出处的命名模式。",
                   subsections=tuple(subs))


def _measure_section(inp: PackInput) -> Section:
    groups: dict[tuple[str, str], list] = defaultdict(list)
    chosen = set(inp.practices)
    for m in inp.measures:
        if not m.evidence:
            continue
        keys = [p for p in m.practices if not chosen or p in chosen] or (["其他"] if not chosen else [])
        for p in keys[:1]:
            groups[(m.place, p)].append(m)
    subs: list[Section] = []
    place_order = [p.name for p in inp.places]
    for (place, practice) in sorted(groups, key=lambda k: (place_order.index(k[0]) if k[0] in place_order
                                                           else len(place_order), k[0], k[1])):
        facts = []
        for m in groups[(place, practice)][:MAX_MEASURES_PER_GROUP]:
            tail = _join(x for x in (STATUS_LABELS.get(m.status or "", ""),
                                     f"{m.year}年" if m.year else ""))
            text = m.summary.rstrip("。") + (f"（{tail}）" if tail else "")
            facts.append(Fact(text + (f"：原文“{m.excerpt}”" if m.excerpt else ""), m.evidence[:2]))
        subs.append(Section(f"{place} · {practice}", facts=tuple(facts)))
    return Section("三、主要举措", "" if subs else "所选范围内没有找到有原文出处的举措。",
                   subsections=tuple(subs))


def _figures_section(inp: PackInput) -> Section:
    """Only the figures inside the measures/models of the selected practices, per place; a place with
    none is said to have none."""
    chosen = set(inp.practices)
    subs, missing = [], []
    for place in inp.places:
        shown = [mt for mt in inp.metrics if mt.place == place.name and mt.evidence
                 and (set(mt.practices) & chosen if chosen else mt.practices)]
        if not shown:
            missing.append(place.name)
            continue
        facts = [Fact(mt.label + (f"〔{_join(p for p in mt.practices if p in chosen)}〕" if len(chosen) > 1
                                          else ""), mt.evidence[:1]) for mt in shown]
        subs.append(Section(place.name, facts=tuple(facts)))
    what = f"与{_join(inp.practices)}相关的" if chosen else "与所列做法相关的"
    intro = "".join(f"{name}：资料中没有{what}数字。" for name in missing)
    if not subs and not missing:
        intro = "所选范围内没有找到数字。"
    return Section("四、数据与成效", intro, subsections=tuple(subs))


def _comparison_table(inp: PackInput) -> Section:
    cells: dict[tuple[str, str], CellItem] = {(c.place, c.practice): c for c in inp.cells}
    practices = list(inp.practices) or sorted({c.practice for c in inp.cells})
    places = [p.name for p in inp.places] or sorted({c.place for c in inp.cells})
    if not practices or not places or not cells:
        return Section("五、跨城比较", "没有可比较的数据（至少选择一个地方和一个做法）。")
    rows, cites = [], []
    for place in places:
        row = [place]
        evs: list[Evidence] = []
        for pr in practices:
            c = cells.get((place, pr))
            grade = c.grade if c and c.grade in GRADES else ""
            row.append(GRADE_LABELS[grade])
            if c:
                evs.extend(c.evidence[:1])
        rows.append(tuple(row))
        cites.append(_uniq(evs))
    legend = "；".join(f"{GRADE_LABELS[g]}：{d}" for g, d in (
        ("quantified", "原文给出数字或成效"), ("described", "原文写明具体做法"),
        ("claimed", "原文只说开展或重视")))
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
