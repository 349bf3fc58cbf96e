"""The graph model: node labels, their key and properties, relationship types, id functions and
the evidence (provenance) representation. Every store (memory, FalkorDB, Neo4j) holds exactly this.

Conventions: labels PascalCase, relationship types UPPER_SNAKE, properties snake_case; Chinese only
in values. Every node has a string ``id`` property, unique across the whole graph (ids of different
labels never collide: documents are 16 hex chars, gazetteer places 6 digits, everything else has a
two-letter prefix, e.g. ``ag_…`` for agencies).

Evidence: every node and relationship built from documents carries four parallel lists of equal
length, one entry per supporting mention::

    ev_doc   : list[str]  document id
    ev_start : list[int]  start offset of the mention in that document's ``text``
    ev_end   : list[int]  end offset (``text[ev_start[i]:ev_end[i]]`` is the mention as written)
    ev_quote : list[str]  the sentence around the mention (contains the mention)

Parallel lists (not maps, not evidence nodes) because Neo4j cannot store maps as properties and
the lists behave identically in Neo4j, FalkorDB and networkx. Taxonomy nodes (Practice,
PracticeCategory and IN_CATEGORY) come from ``data/practices.*``, carry ``origin = "taxonomy"`` and
may have empty evidence; they are never deleted when documents are removed.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = [
    "COMPACT_JSON",
    "DOCUMENT_ID",
    "DOCUMENT_ID_GLOB",
    "EV_FIELDS",
    "LABELS",
    "MODEL_VERSION",
    "NODES",
    "NO_EVIDENCE",
    "RELS",
    "REL_TYPES",
    "Evidence",
    "NodeSpec",
    "RelSpec",
    "agency_id",
    "category_id",
    "compact",
    "component_id",
    "ev_lists",
    "ev_lists_of",
    "label_of_id",
    "measure_id",
    "metric_id",
    "name_key",
    "named_model_id",
    "norm",
    "person_id",
    "place_id",
    "policy_id",
    "practice_id",
    "rel_spec",
    "short_hash",
]

#: ``json.dumps(…, ensure_ascii=False, separators=(",", ":"))``'s encoder, made once: ``json.dumps`` with
#: arguments builds an encoder each call (a third of the time of a small value's), and a build encodes
#: millions (every node's and relationship's properties, every kept row). ``encode`` keeps no state.
COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

#: bump when ids or the shape of the graph change: documents loaded under another version reload.
MODEL_VERSION = 3  # 3: ids of names in traditional characters are those of their simplified form

EV_FIELDS: tuple[str, ...] = ("ev_doc", "ev_start", "ev_end", "ev_quote")


class Evidence(NamedTuple):
    """One piece of provenance, the one type every layer passes around: in document ``doc_id``,
    ``text[start:end]`` states the fact and ``quote`` is the sentence around it. Loaded facts have all
    four; a query row with no evidence has ``NO_EVIDENCE``. Stores keep it as the ``ev_*`` lists (one
    entry each) or rows; a query row carries it as the columns ``doc_id``, ``quote``, ``start``, ``end``."""

    doc_id: str | None
    start: int | None
    end: int | None
    quote: str | None

    def columns(self, prefix: str = "") -> dict[str, Any]:
        """The four evidence columns of a query row (``queries.spec.EVIDENCE``), each name after
        ``prefix`` (``own_``: a measure's own sentence beside the one a row cites)."""
        if not prefix:
            return {"doc_id": self.doc_id, "quote": self.quote, "start": self.start, "end": self.end}
        return {prefix + "doc_id": self.doc_id, prefix + "quote": self.quote, prefix + "start": self.start,
                prefix + "end": self.end}

    @classmethod
    def of_columns(cls, row: Mapping[str, Any], prefix: str = "") -> Evidence:
        """The evidence a query row carries as columns (what :meth:`columns` writes, each name after
        ``prefix``: ``own_`` for ``own_doc_id``, ``own_start``…)."""
        start, end = row.get(prefix + "start"), row.get(prefix + "end")
        return cls(row.get(prefix + "doc_id"), None if start is None else int(start),
                   None if end is None else int(end), row.get(prefix + "quote"))


NO_EVIDENCE = Evidence(None, None, None, None)


def ev_lists(data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The four evidence lists (``EV_FIELDS``) of a node's or relationship's attributes, as the Cypher
    statements return them: a fresh list each, empty where the fact has none."""
    return {f: list(data.get(f) or []) for f in EV_FIELDS}


def ev_lists_of(entries: Iterable[Sequence[Any]]) -> dict[str, list[Any]]:
    """``[[doc, start, end, quote], …]`` (``Evidence`` entries or the stores' rows) as the four evidence
    lists (``EV_FIELDS``)."""
    entries = list(entries)
    return {f: [e[i] for e in entries] for i, f in enumerate(EV_FIELDS)}


@dataclass(frozen=True)
class NodeSpec:
    label: str
    key: str                      # how ``id`` is made
    props: dict[str, str] = field(default_factory=dict)   # property -> meaning (besides id + ev_*)


@dataclass(frozen=True)
class RelSpec:
    type: str
    start: str                    # label of the start node
    end: str                      # label of the end node
    meaning: str
    props: dict[str, str] = field(default_factory=dict)


NODES: tuple[NodeSpec, ...] = (
    NodeSpec("Document", "doc_id: first 16 hex of sha256(normalized text)", {
        "title": "title or null", "kind": "提案答复|建议答复|调研报告|工作总结|其他",
        "date": "YYYY[-MM[-DD]] or null", "year": "int or null (from date)",
        "issuer": "canonical issuing agency name", "subject_place": "name of the place it is about",
        "province": "province name", "doc_number": "文号", "session": "会议届次",
        "proposal_number": "提案/建议号", "addressee": "person replied to",
        "addressee_role": "委员|代表", "reply_class": "A|B|C", "signatory": "person",
        "source": "path or URL it came from", "excerpt": "bool: the text is part of the source page",
        "text": "full normalized text (offsets refer to it)",
        "version": "hash of the extraction record + MODEL_VERSION", "complete": "bool: fully loaded",
    }),
    NodeSpec("Place", "6-digit adcode when known, else pl_ + hash(parent place id | canonical name)", {
        "name": "canonical full name, e.g. 上海市", "level": "province|city|district|county|county_city|"
        "street|community|other", "adcode": "6-digit code or null", "aliases": "list of names as written",
    }),
    NodeSpec("Agency", "ag_ + hash(canonical name)", {
        "name": "canonical full name with place prefix, e.g. 濮阳市委组织部",
    }),
    NodeSpec("Policy", "po_ + hash(canonical title | canonical issuer or '')", {
        "title": "title without 《》", "issuer": "canonical issuer name or null",
        "doc_number": "文号 or null", "date": "or null", "status": "issued|planned|drafting|referenced",
    }),
    NodeSpec("NamedModel", "nm_ + hash(owner place id | canonical name)", {
        "name": "as named, without quotes, e.g. 12341", "owner": "owner place name",
        "definition": "sentence that defines it", "components": "list[str], ordered",
    }),
    NodeSpec("Component", "co_ + hash(named model id | phrase)", {"name": "component phrase"}),
    NodeSpec("Measure", "me_ + doc_id + _ + start + _ + end", {
        "summary": "short phrase naming the action", "status": "done|ongoing|planned|null",
        "year": "int or null", "doc_id": "document it is reported in", "start": "int", "end": "int",
        "practices": "list[str] canonical practice names", "place": "place name that does it",
    }),
    NodeSpec("Metric", "mt_ + doc_id + _ + start + _ + end", {
        "subject": "what is counted", "value": "float", "unit": "unit", "year": "int or null",
        "as_written": "as written", "doc_id": "document", "start": "int", "end": "int",
        "status": "done|planned|null (planned: a target or plan, not a result)",
        "place": "place name the record gives for the figure, or absent (then FOR_PLACE is its measure's place)",
        "practices": "list[str]: practices of its measures that its own sentence names (what it measures)",
    }),
    NodeSpec("Practice", "pr_ + hash(canonical practice name)", {
        "name": "canonical practice name, e.g. 网格化治理", "origin": "'taxonomy' or 'document'",
    }),
    NodeSpec("PracticeCategory", "pc_ + hash(category name)", {"name": "category name",
                                                              "origin": "'taxonomy'"}),
    NodeSpec("Person", "ps_ + hash(name | place id of the document's subject place)", {
        "name": "person name", "roles": "list[str] proposer|signatory|official|contact",
    }),
)

RELS: tuple[RelSpec, ...] = (
    RelSpec("ABOUT", "Document", "Place", "the document's subject place"),
    RelSpec("MENTIONS", "Document", "Place", "a place mentioned in the text"),
    RelSpec("MENTIONS", "Document", "Agency", "an agency mentioned in the text"),
    RelSpec("MENTIONS", "Document", "Policy", "a policy cited or announced"),
    RelSpec("MENTIONS", "Document", "NamedModel", "a named model described"),
    RelSpec("ISSUED_BY", "Document", "Agency", "the issuing agency"),
    RelSpec("ISSUED_BY", "Policy", "Agency", "the policy's issuer"),
    RelSpec("REPORTS", "Document", "Measure", "a measure the document reports"),
    RelSpec("REPORTS", "Document", "Metric", "a figure the document reports"),
    RelSpec("PROPOSED", "Person", "Document", "the proposer/deputy the reply answers"),
    RelSpec("SIGNED", "Person", "Document", "the signatory"),
    RelSpec("NAMED_IN", "Person", "Document", "an official or contact named", {"role": "official|contact"}),
    RelSpec("PART_OF", "Place", "Place", "administrative parent"),
    RelSpec("LOCATED_IN", "Agency", "Place", "the place whose agency it is"),
    RelSpec("OWNED_BY", "NamedModel", "Place", "the place that owns the model"),
    RelSpec("HAS_COMPONENT", "NamedModel", "Component", "a component phrase", {"order": "int, 0-based"}),
    RelSpec("INSTANCE_OF", "NamedModel", "Practice", "the practice the model is a form of"),
    RelSpec("INSTANCE_OF", "Measure", "Practice", "the practice the measure is a form of"),
    RelSpec("IMPLEMENTS", "Place", "Measure", "the place that does the measure"),
    RelSpec("LED_BY", "Measure", "Agency", "agency responsible"),
    RelSpec("USES_MODEL", "Measure", "NamedModel", "named model the measure belongs to"),
    RelSpec("HAS_METRIC", "Measure", "Metric", "a figure inside the measure's span"),
    RelSpec("FOR_PLACE", "Metric", "Place", "the place the figure is about"),
    RelSpec("ADOPTS", "Place", "Practice", "the subject place does or plans the practice; or the place a "
            "document saw it in, where that is all the document says of it (a visit elsewhere)"),
    RelSpec("LEARNED_FROM", "Place", "Place", "learner studied source", {"what": "list[str] what was learned"}),
    RelSpec("IN_CATEGORY", "Practice", "PracticeCategory", "taxonomy (origin='taxonomy')"),
)

LABELS: tuple[str, ...] = tuple(n.label for n in NODES)
REL_TYPES: tuple[str, ...] = tuple(dict.fromkeys(r.type for r in RELS))
_REL_INDEX = {(r.type, r.start, r.end): r for r in RELS}


def rel_spec(rel_type: str, start: str, end: str) -> RelSpec:
    """The spec of ``(start)-[rel_type]->(end)``; KeyError if the model does not have it."""
    return _REL_INDEX[(rel_type, start, end)]


_SPACE = re.compile(r"\s+")


def compact(text: str) -> str:
    """NFKC (full-width → half-width) without whitespace: the comparison form that name keys
    (:func:`norm`) and the course pack's citation check (``govkg.coursepack.check.fold``) build on."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


# the names and ids a document asks for again and again (each practice for every measure), a few thousand kept of
# each: caches of 65,536 held ≈ 20 MB more at a 2,000-document build's peak (issue 14's 0.25×) for no CPU measured
_IDS_KEPT = 1 << 12


@functools.lru_cache(maxsize=_IDS_KEPT)
def norm(text: str) -> str:
    """Key normalisation for names: NFKC (full-width → half-width), no whitespace, no quotes/《》.
    Cached, as ``name_key``: building a graph asks for the same few names over and over (420,724
    ``name_key`` calls for 15,181 names over 1,000 generated documents)."""
    return compact(text).strip("《》〈〉“”‘’\"'「」『』")


@functools.lru_cache(maxsize=_IDS_KEPT)
def name_key(text: str) -> str:
    """The key a name is known by in the graph: :func:`norm` in simplified characters, so a mirror
    page's 《…條例》 is the policy a simplified page cites as 《…条例》 (names are shown as written;
    ids and look-ups do not depend on the script)."""
    from loaders.reference import fold_name

    return fold_name(norm(text))


def short_hash(*parts: str) -> str:
    """16 hex chars of sha256 over the parts joined by U+001F (a separator no name contains)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def place_id(name: str, adcode: str | None = None, parent_id: str | None = None) -> str:
    """A place: its adcode where known; else a hash of its parent's id and its canonical name,
    so 河北区 of 天津市 and a 河北区 elsewhere stay two places."""
    if adcode and re.fullmatch(r"\d{6}", adcode):
        return adcode
    return "pl_" + short_hash(parent_id or "", name_key(name))


@functools.lru_cache(maxsize=_IDS_KEPT)
def agency_id(canonical_name: str) -> str:
    return "ag_" + short_hash(name_key(canonical_name))


@functools.lru_cache(maxsize=_IDS_KEPT)
def policy_id(canonical_title: str, canonical_issuer: str | None) -> str:
    return "po_" + short_hash(name_key(canonical_title), name_key(canonical_issuer or ""))


@functools.lru_cache(maxsize=_IDS_KEPT)
def named_model_id(owner_place_id: str | None, name: str) -> str:
    """Two models that share a name (“五位一体” of two cities) stay two nodes: the owner is in the key."""
    return "nm_" + short_hash(owner_place_id or "", name_key(name))


@functools.lru_cache(maxsize=_IDS_KEPT)
def component_id(model_id: str, phrase: str) -> str:
    return "co_" + short_hash(model_id, name_key(phrase))


def measure_id(doc_id: str, start: int, end: int) -> str:
    return f"me_{doc_id}_{start}_{end}"


def metric_id(doc_id: str, start: int, end: int) -> str:
    return f"mt_{doc_id}_{start}_{end}"


@functools.lru_cache(maxsize=_IDS_KEPT)
def practice_id(name: str) -> str:
    return "pr_" + short_hash(name_key(name))


def category_id(name: str) -> str:
    return "pc_" + short_hash(name_key(name))


def person_id(name: str, scope_place_id: str | None) -> str:
    """People are scoped by the subject place of the document naming them (namesakes stay apart)."""
    return "ps_" + short_hash(name_key(name), scope_place_id or "")


_PREFIX_LABEL = {"pl": "Place", "ag": "Agency", "po": "Policy", "nm": "NamedModel", "co": "Component",
                 "me": "Measure", "mt": "Metric", "pr": "Practice", "pc": "PracticeCategory",
                 "ps": "Person"}


# A document's id: 16 lower-case hex digits (the extraction contract's ``doc_id`` pattern) — no other label's
# id has this form (a place's adcode has 6 digits, every other id a two-letter prefix and ``_``), so a
# document is known by its id alone; the same test as a SQLite GLOB pattern, for an index-only scan.
DOCUMENT_ID = re.compile(r"[0-9a-f]{16}")
DOCUMENT_ID_GLOB = "[0-9a-f]" * 16


def label_of_id(node_id: str) -> str:
    """The label a node id belongs to (ids are self-describing)."""
    if re.fullmatch(r"\d{6}", node_id):
        return "Place"
    if DOCUMENT_ID.fullmatch(node_id):
        return "Document"
    label = _PREFIX_LABEL.get(node_id[:2]) if node_id[2:3] == "_" else None
    if label is None:
        raise ValueError(f"not a govkg node id: {node_id!r}")
    return label
