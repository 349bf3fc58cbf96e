"""Typed records of a case pack: what the assembler reads (evidence, measures, models, figures)
and what the exporters write (sections of facts, each fact with its citations).

Everything here is plain data: no streamlit, no store. Ids are the graph's stable ids
(document id = content hash, place by its administrative code where known); display names are
only ever values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "GRADES",
    "GRADE_LABELS",
    "CasePack",
    "CellItem",
    "Evidence",
    "Fact",
    "LearningItem",
    "MeasureItem",
    "MetricItem",
    "ModelItem",
    "PackInput",
    "PlaceItem",
    "Section",
    "Table",
]

GRADES: tuple[str, ...] = ("quantified", "described", "claimed")
GRADE_LABELS: dict[str, str] = {"quantified": "有量化成效", "described": "有具体描述", "claimed": "仅有表述",
                                "": "未见记载"}


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence in document ``doc_id``: ``text[start:end]`` is the mention as written and
    ``quote`` the sentence around it (the graph's ``ev_*`` convention)."""
    doc_id: str
    start: int
    end: int
    quote: str
    doc_title: str = ""

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class PlaceItem:
    name: str
    place_id: str = ""          # adcode or the graph's stable id
    level: str = ""
    parent: str = ""
    documents: tuple[tuple[str, str], ...] = ()   # (doc_id, title) the place is the subject of
    practices: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeasureItem:
    place: str
    summary: str
    practices: tuple[str, ...] = ()
    status: str = ""
    year: int | None = None
    evidence: tuple[Evidence, ...] = ()
    excerpt: str = ""           # the sentence of the quote that mentions the practice, if any


@dataclass(frozen=True)
class ModelItem:
    name: str
    owner: str = ""
    components: tuple[str, ...] = ()
    definition: str = ""
    practices: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class MetricItem:
    place: str
    as_written: str
    subject: str = ""
    value: float | None = None
    unit: str = ""
    year: int | None = None
    evidence: tuple[Evidence, ...] = ()
    practices: tuple[str, ...] = ()   # the practices whose measures/models hold this figure

    @property
    def label(self) -> str:
        """“subject：value+unit（year年）”, or the value alone when the figure has no subject."""
        year = f"（{self.year}年）" if self.year else ""
        if self.subject and self.subject != self.as_written:
            return f"{self.subject}：{self.as_written}{year}"
        return f"{self.as_written}{year}"


@dataclass(frozen=True)
class LearningItem:
    learner: str
    source: str
    what: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class CellItem:
    """One cell of the place × practice comparison matrix."""
    place: str
    practice: str
    grade: str = ""             # quantified | described | claimed | "" (nothing found)
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class PackInput:
    """Everything the assembler needs, gathered from named queries (see ``gather.py``)."""
    practices: tuple[str, ...]
    places: tuple[PlaceItem, ...]
    models: tuple[ModelItem, ...] = ()
    measures: tuple[MeasureItem, ...] = ()
    metrics: tuple[MetricItem, ...] = ()
    learning: tuple[LearningItem, ...] = ()
    cells: tuple[CellItem, ...] = ()


@dataclass(frozen=True)
class Fact:
    """One statement in the pack and the quotes it rests on (never empty)."""
    text: str
    citations: tuple[Evidence, ...]

    def __post_init__(self) -> None:
        if not self.citations:
            raise ValueError(f"a fact needs at least one citation: {self.text!r}")


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # citations per row (a row of the comparison table is a fact about one place)
    row_citations: tuple[tuple[Evidence, ...], ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    intro: str = ""
    facts: tuple[Fact, ...] = ()
    table: Table | None = None
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class CasePack:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    sources: tuple[tuple[str, str], ...] = field(default=())   # (doc_id, title) of every cited document

    def all_facts(self) -> list[Fact]:
        out: list[Fact] = []

        def walk(sec: Section) -> None:
            out.extend(sec.facts)
            for sub in sec.subsections:
                walk(sub)
        for s in self.sections:
            walk(s)
        return out

    def citations(self) -> list[Evidence]:
        """Every distinct citation in reading order (the numbering the exporters use)."""
        seen: dict[tuple[str, int, int], Evidence] = {}

        def add(evs: tuple[Evidence, ...]) -> None:
            for e in evs:
                seen.setdefault(e.key, e)

        def walk(sec: Section) -> None:
            for f in sec.facts:
                add(f.citations)
            if sec.table is not None:
                for evs in sec.table.row_citations:
                    add(evs)
            for sub in sec.subsections:
                walk(sub)
        for s in self.sections:
            walk(s)
        return list(seen.values())
