"""Typed form of the extraction record (``shared/contracts/extraction.md``).

The record is a public interface read by tools outside the project: keys are kept exactly
as in the contract. New keys may be added as optional fields, never renamed.
"""
from __future__ import annotations

import hashlib
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Mention", "Span", "DocumentMeta", "PlaceRec", "AgencyRec", "PolicyRec", "NamedModelRec",
    "MeasureRec", "LearningRec", "MetricRec", "PersonRec", "ExtractionRecord", "doc_id_for",
    "DOC_KINDS", "PLACE_LEVELS",
]

DocKind = Literal["提案答复", "建议答复", "调研报告", "工作总结", "其他"]
DOC_KINDS: tuple[str, ...] = ("提案答复", "建议答复", "调研报告", "工作总结", "其他")
PlaceLevel = Literal["province", "city", "district", "county", "county_city", "street", "community", "other"]
PLACE_LEVELS: tuple[str, ...] = ("province", "city", "district", "county", "county_city", "street", "community", "other")
PlaceRole = Literal["subject", "within_subject", "external"]
PolicyStatus = Literal["issued", "planned", "drafting", "referenced"]
MeasureStatus = Optional[Literal["done", "ongoing", "planned"]]
PersonRole = Literal["proposer", "signatory", "official", "contact"]


def doc_id_for(text: str) -> str:
    """Stable document id: first 16 hex chars of sha256 of the normalized text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class _Rec(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Mention(_Rec):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    as_written: Optional[str] = None


class Span(_Rec):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocumentMeta(_Rec):
    kind: DocKind = "其他"
    title: Optional[str] = None
    issuer: Optional[str] = None
    subject_place: Optional[str] = None
    province: Optional[str] = None
    date: Optional[str] = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    doc_number: Optional[str] = None
    session: Optional[str] = None
    proposal_number: Optional[str] = None
    addressee: Optional[str] = None
    addressee_role: Optional[Literal["委员", "代表"]] = None
    reply_class: Optional[Literal["A", "B", "C"]] = None
    signatory: Optional[str] = None


class PlaceRec(_Rec):
    name: str
    level: PlaceLevel
    parent: Optional[str] = None
    adcode: Optional[str] = Field(default=None, pattern=r"^\d{6}$")
    role: PlaceRole
    mentions: list[Mention] = Field(default_factory=list)


class AgencyRec(_Rec):
    name: str
    place: Optional[str] = None
    mentions: list[Mention] = Field(default_factory=list)


class PolicyRec(_Rec):
    title: str
    issuer: Optional[str] = None
    doc_number: Optional[str] = None
    date: Optional[str] = None
    status: PolicyStatus
    mentions: list[Mention] = Field(default_factory=list)


class NamedModelRec(_Rec):
    name: str
    owner: Optional[str] = None
    components: list[str] = Field(default_factory=list)
    definition: Optional[str] = None
    practices: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class MeasureRec(_Rec):
    summary: str
    practices: list[str] = Field(default_factory=list)
    place: Optional[str] = None
    agencies: list[str] = Field(default_factory=list)
    named_models: list[str] = Field(default_factory=list)
    status: MeasureStatus = None
    year: Optional[int] = None
    span: Span


class LearningRec(_Rec):
    learner: str
    source: str
    what: Optional[str] = None
    span: Optional[Span] = None


class MetricRec(_Rec):
    subject: Optional[str] = None
    value: float
    unit: str
    year: Optional[int] = None
    as_written: str
    start: int
    end: int


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

    def to_json_line(self) -> str:
        """One JSONL line, keys as in the contract, Chinese kept as written."""
        return self.model_dump_json()

    @classmethod
    def from_json_line(cls, line: str) -> "ExtractionRecord":
        return cls.model_validate_json(line)
