"""Typed form of the extraction record (``shared/contracts/extraction.md``).

The record is a public interface read by tools outside the project: keys are kept exactly
as in the contract. New keys may be added as optional fields, never renamed.
"""
from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DOC_KINDS",
    "PLACE_LEVELS",
    "AgencyRec",
    "DocumentMeta",
    "ExtractionRecord",
    "LearningRec",
    "MeasureRec",
    "Mention",
    "MetricRec",
    "NamedModelRec",
    "PersonRec",
    "PlaceRec",
    "PolicyRec",
    "PracticeMention",
    "Span",
    "doc_id_for",
]

DocKind = Literal["提案答复", "建议答复", "调研报告", "工作总结", "其他"]
DOC_KINDS: tuple[str, ...] = ("提案答复", "建议答复", "调研报告", "工作总结", "其他")
PlaceLevel = Literal["province", "city", "district", "county", "county_city", "street", "community", "other"]
PLACE_LEVELS: tuple[str, ...] = ("province", "city", "district", "county", "county_city", "street", "community", "other")
PlaceRole = Literal["subject", "within_subject", "external"]
PolicyStatus = Literal["issued", "planned", "drafting", "referenced"]
MeasureStatus = Literal["done", "ongoing", "planned"] | None
MetricStatus = Literal["done", "planned"] | None
PersonRole = Literal["proposer", "signatory", "official", "contact"]


def doc_id_for(text: str) -> str:
    """Stable document id: first 16 hex chars of sha256 of the normalized text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class _Rec(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Mention(_Rec):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    as_written: str | None = None


class Span(_Rec):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocumentMeta(_Rec):
    kind: DocKind = "其他"
    title: str | None = None
    issuer: str | None = None
    subject_place: str | None = None
    province: str | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    doc_number: str | None = None
    session: str | None = None
    proposal_number: str | None = None
    addressee: str | None = None
    addressee_role: Literal["委员", "代表"] | None = None
    reply_class: Literal["A", "B", "C"] | None = None
    signatory: str | None = None


class PlaceRec(_Rec):
    name: str
    level: PlaceLevel
    parent: str | None = None
    adcode: str | None = Field(default=None, pattern=r"^\d{6}$")
    role: PlaceRole
    # a street's or town's 9-digit code (统计用区划代码) where the township table places it in its county
    township_code: str | None = Field(default=None, pattern=r"^\d{9}$")
    mentions: list[Mention] = Field(default_factory=list)


class AgencyRec(_Rec):
    name: str
    place: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class PolicyRec(_Rec):
    title: str
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    status: PolicyStatus
    mentions: list[Mention] = Field(default_factory=list)


class NamedModelRec(_Rec):
    name: str
    owner: str | None = None
    components: list[str] = Field(default_factory=list)
    definition: str | None = None
    practices: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class MeasureRec(_Rec):
    summary: str
    practices: list[str] = Field(default_factory=list)
    place: str | None = None
    agencies: list[str] = Field(default_factory=list)
    named_models: list[str] = Field(default_factory=list)
    status: MeasureStatus = None
    year: int | None = None
    span: Span


class LearningRec(_Rec):
    learner: str
    source: str
    what: str | None = None
    span: Span | None = None


class MetricRec(_Rec):
    subject: str | None = None
    value: float
    unit: str
    year: int | None = None
    as_written: str
    start: int
    end: int
    # optional extensions (not in the shared contract yet): the place the figure is about (full
    # name; another place's figures reported in this document are that place's), and whether it
    # is a result (done) or a plan, target or standard to reach (planned)
    place: str | None = None
    status: MetricStatus = None


class PracticeMention(_Rec):
    """Extension: the cue that made the practices step list a practice for the document (the
    sentence to cite for it where no measure or model names it). The first cue about the subject
    place or a place within it, outside a plan, is chosen; ``learned_from`` is the place whose
    scheme the sentence says the subject studies (学习…武城县“红色业委会”…) where every cue of the
    practice stands in such words. ``seen_in`` is the place elsewhere (neither the subject, nor within it,
    nor holding it) the cited cue is about, where every cue of the practice is about such places and no
    measure of the subject names it: what the document saw there (a delegation visiting another city's
    community), which the graph credits to that place, never to the subject; None otherwise."""
    name: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    learned_from: str | None = None
    seen_in: str | None = None


class PersonRec(_Rec):
    name: str
    role: PersonRole


class ExtractionRecord(_Rec):
    doc_id: str = Field(pattern=r"^[0-9a-f]{16}$")
    source: str
    text: str
    document: DocumentMeta
    places: list[PlaceRec] = Field(default_factory=list)
    agencies: list[AgencyRec] = Field(default_factory=list)
    policies: list[PolicyRec] = Field(default_factory=list)
    named_models: list[NamedModelRec] = Field(default_factory=list)
    measures: list[MeasureRec] = Field(default_factory=list)
    practices: list[str] = Field(default_factory=list)
    learning: list[LearningRec] = Field(default_factory=list)
    metrics: list[MetricRec] = Field(default_factory=list)
    people: list[PersonRec] = Field(default_factory=list)
    practice_mentions: list[PracticeMention] = Field(default_factory=list)   # extension (see the class)
    excerpt: bool = False          # extension: the text is part of the source page, not all of it

    def to_json_line(self) -> str:
        """One JSONL line, keys as in the contract, Chinese kept as written."""
        return self.model_dump_json()

    @classmethod
    def from_json_line(cls, line: str) -> ExtractionRecord:
        return cls.model_validate_json(line)
