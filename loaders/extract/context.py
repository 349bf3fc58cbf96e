"""Shared state handed from one extraction step to the next.

Each step reads what earlier steps found (the subject place, resolved places, agencies) and
appends its own results. Steps are pure functions of the context: no I/O, no globals.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from loaders.record import (
    AgencyRec,
    DocumentMeta,
    LearningRec,
    MeasureRec,
    MetricRec,
    NamedModelRec,
    PersonRec,
    PlaceRec,
    PolicyRec,
    PracticeMention,
)

__all__ = ["Context"]


@dataclass
class Context:
    text: str
    source: str
    document: DocumentMeta = field(default_factory=DocumentMeta)
    places: list[PlaceRec] = field(default_factory=list)
    agencies: list[AgencyRec] = field(default_factory=list)
    policies: list[PolicyRec] = field(default_factory=list)
    named_models: list[NamedModelRec] = field(default_factory=list)
    measures: list[MeasureRec] = field(default_factory=list)
    practices: list[str] = field(default_factory=list)
    learning: list[LearningRec] = field(default_factory=list)
    metrics: list[MetricRec] = field(default_factory=list)
    people: list[PersonRec] = field(default_factory=list)
    # (offset, practice) of every cue hit the measures step counted, by offset; what it chose to cite
    practice_hits: list[tuple[int, str]] = field(default_factory=list)
    practice_mentions: list[PracticeMention] = field(default_factory=list)
    # code of the administrative unit that is the subject place, or that contains it when the
    # subject is a street, town, community or village (set by the document step)
    subject_anchor: str | None = None

    def subject_code(self) -> str | None:
        """6-digit code of ``document.subject_place``, or of the administrative unit containing it
        when the subject lies below the county (None when unknown)."""
        if self.subject_anchor:
            return self.subject_anchor
        from loaders.extract.gazetteer import load_gazetteer

        return load_gazetteer().code_for_full_name(self.document.subject_place)

    def place_named(self, name: str | None) -> PlaceRec | None:
        """The place record with this name, if the places step found it."""
        return next((p for p in self.places if p.name == name), None) if name else None

    def place_before(self, pos: int, levels: tuple[str, ...] = ()) -> PlaceRec | None:
        """The place (of one of ``levels``, any if empty) whose mention ends nearest before ``pos``."""
        best, best_end = None, -1
        for p in self.places:
            if levels and p.level not in levels:
                continue
            for m in p.mentions:
                if best_end < m.end <= pos:
                    best, best_end = p, m.end
        return best
