"""Shared state handed from one extraction step to the next.

Each step reads what earlier steps found (the subject place, resolved places, agencies) and
appends its own results. Steps are pure functions of the context: no I/O, no globals.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from loaders.record import (
    AgencyRec, DocumentMeta, LearningRec, MeasureRec, MetricRec, NamedModelRec, PersonRec,
    PlaceRec, PolicyRec,
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
