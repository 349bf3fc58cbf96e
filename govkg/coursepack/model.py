"""Typed records of a case pack: what the assembler reads (evidence, measures, models, figures)
and what the exporters write (sections of facts, each fact with its citations).

Everything here is plain data: no streamlit, no store. Ids are the graph's stable ids
(document id = content hash, place by its administrative code where known); display names are
only ever values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import Evidence

__all__ = [
    "GRADES",
    "GRADE_LABELS",
    "CasePack",
    "CellItem",
    "Citation",
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
class Citation:
    """A piece of evidence as a course pack cites it: the graph's ``Evidence`` (document, span, quoted
    sentence) and the title of its document."""
    evidence: Evidence
    doc_title: str = ""

    @classmethod
    def of(cls, doc_id: str, start: int, end: int, quote: str, doc_title: str = "") -> Citation:
        return cls(Evidence(doc_id, start, end, quote), doc_title)

    @property
    def doc_id(self) -> str:
        return self.evidence.doc_id or ""

    @property
    def start(self) -> int:
        return self.evidence.start or 0

    @property
    def end(self) -> int:
        return self.evidence.end or 0

    @property
    def quote(self) -> str:
        return self.evidence.quote or ""

    @property
    def key(self) -> tuple[str, int | str, int]:
        """What a citation is numbered by: the quoted sentence of a document (two mentions in one
        sentence are one citation), or the span when there is no quote."""
        return (self.doc_id, self.quote, -1) if self.quote else (self.doc_id, self.start, self.end)


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
    evidence: tuple[Citation, ...] = ()     # the sentence naming the practice (a figure's, if quantified)
    excerpt: str = ""           # that sentence, tidied, when it is not the summary's own
    own: tuple[Citation, ...] = ()          # the sentence stating the measure (holds its summary)


@dataclass(frozen=True)
class ModelItem:
    name: str
    owner: str = ""
    components: tuple[str, ...] = ()
    definition: str = ""
    practices: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class MetricItem:
    place: str
    as_written: str
    subject: str = ""
    value: float | None = None
    unit: str = ""
    year: int | None = None
    evidence: tuple[Citation, ...] = ()
    practices: tuple[str, ...] = ()   # the practices whose measures/models hold this figure

    status: str = ""                  # "planned": a target or plan, not a result
    metric_id: str = ""

    @property
    def label(self) -> str:
        """What the figure counts, where, and whether it is a target: the clause of its own sentence
        that holds it, as written (“每个村（社区)配备1名专职网格员”), else “subject：value”; then the
        year and “（目标或标准）” for a target, plan or standard."""
        from govkg.coursepack.relevance import figure_clause

        target = "（目标或标准）" if self.status == "planned" else ""
        clause = next((c for c in (figure_clause(e.quote, self.as_written, subject=self.subject) for e in self.evidence)
                       if c), "")
        year = f"（{self.year}年）" if self.year and str(self.year) not in (clause or self.as_written) else ""
        if clause:
            return f"{clause}{year}{target}"
        if self.subject and self.subject != self.as_written:
            return f"{self.subject}：{self.as_written}{year}{target}"
        return f"{self.as_written}{year}{target}"


@dataclass(frozen=True)
class LearningItem:
    learner: str
    source: str
    what: str = ""
    evidence: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class CellItem:
    """One cell of the place × practice comparison matrix."""
    place: str
    practice: str
    grade: str = ""             # quantified | described | claimed | "" (nothing found)
    evidence: tuple[Citation, ...] = ()


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
    """One statement in the pack and the quotes it rests on (never empty), with what it claims, so that
    ``govkg.coursepack.check`` can test that the quotes contain it: ``items`` are words of the
    documents the fact repeats (a measure, a figure as written, a model's name or components),
    ``practices`` the practices it says are there (found by name, alias or cue). Every cited quote
    holds at least one of them, and each of them is held by a cited quote."""
    text: str
    citations: tuple[Citation, ...]
    items: tuple[str, ...] = ()
    practices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.citations:
            raise ValueError(f"a fact needs at least one citation: {self.text!r}")


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # citations per row (a row of the comparison table is a fact about one place)
    row_citations: tuple[tuple[Citation, ...], ...] = ()


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

    def citations(self) -> list[Citation]:
        """Every distinct citation in reading order (the numbering the exporters use)."""
        seen: dict[tuple[str, int | str, int], Citation] = {}

        def add(evs: tuple[Citation, ...]) -> None:
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
