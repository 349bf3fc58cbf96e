"""A ``DocumentDelta`` as the embedded store's writer inserts it (``DeltaRows``), made where the delta is made.

``govkg build --workers 2`` turns records into deltas in a process of its own (``graph/delta_pool.py``) and
hands them to the one writing process. The writer encoded every new node's and relationship's properties
as JSON and found where each evidence quote lies in the document's text, and it unpickled the delta's
dataclasses and named tuples first (a Python call each: a document's delta holds a few hundred facts and
several hundred evidence entries). ``DeltaRows`` carries those rows ready: each fact's properties as
stored and its evidence as the table's columns, in tuples of strings and numbers (unpickled in C). The
writer keeps what only it can do: which facts exist, their row numbers, the merge of properties into
existing facts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.delta import DocumentDelta
from graph.model import COMPACT_JSON, EV_FIELDS, Evidence
from graph.quotes import QuoteSpans

__all__ = ["DeltaRows", "EvRow", "NodeRows", "RelRows", "delta_rows", "props_json"]

#: an evidence entry as its table holds it: (start, end, qs, qe, quote) — where its quote lies in the
#: document's text, or the quote itself when it is not a slice of it
EvRow = tuple[int, int, "int | None", "int | None", "str | None"]
#: (node id, label, properties as inserted — ``{"id": …, **props}`` as JSON —, where the properties
#: without the id start in that JSON (``merged_props``), evidence rows)
NodeRows = tuple[str, str, str, int, list[EvRow]]
#: (type, start id, end id, properties as JSON, evidence rows)
RelRows = tuple[str, str, str, str, list[EvRow]]


@dataclass(slots=True)
class DeltaRows:
    """One document's delta as rows: ``nodes`` and ``rels`` in the delta's order (the writer numbers new
    rows in that order). ``document`` is the Document node's properties (its text among them);
    ``document_json`` the node's stored properties when no node of that id exists yet."""

    doc_id: str
    version: str
    source: str
    document: dict[str, Any]
    document_json: str
    nodes: list[NodeRows]
    rels: list[RelRows]

    def rel_key(self, row: RelRows) -> tuple[str, str, str]:
        """The delta's key of a relationship row: (type, start id, end id)."""
        return row[0], row[1], row[2]


def props_json(props: dict[str, Any]) -> str:
    """Properties as the store keeps them: JSON, without evidence (that has its own tables). (Most of a
    delta's relationships have none: ``{}`` without the encoder's setup, a few microseconds a call.)"""
    if not props:
        return "{}"
    if not props.keys().isdisjoint(EV_FIELDS):
        props = {k: v for k, v in props.items() if k not in EV_FIELDS}
    return COMPACT_JSON.encode(props)


def merged_props(row: NodeRows) -> str:
    """A node row's properties without the id the insert adds (what a load merges into an existing node)."""
    return "{" + row[2][row[3]:]


def _node_json(node_id: str, props: dict[str, Any]) -> tuple[str, int]:
    """``props_json({"id": node_id, **props})`` and where ``props`` alone start in it (``merged_props``)."""
    if "id" in props:               # (the delta's ids are keys, not properties: kept whole if one ever is)
        return props_json({"id": node_id, **props}), 1
    head = '{"id":' + COMPACT_JSON.encode(node_id)
    body = props_json(props)
    if body == "{}":
        return head + "}", len(head)
    return head + "," + body[1:], len(head) + 1


def _ev_rows(spans: QuoteSpans, evs: list[Evidence]) -> list[EvRow]:
    span = spans.span
    return [(start, end, *cut, None) if (cut := span(quote or "", start)) else (start, end, None, None, quote)
            for _doc, start, end, quote in evs]


def delta_rows(delta: DocumentDelta, text: Any = None) -> DeltaRows:
    """``delta`` as the embedded store inserts it; evidence quotes are found in ``text`` (default: the
    document's own, which a record always carries; the writer passes the text of a node it merges into)."""
    spans = QuoteSpans(str((delta.document.get("text") if text is None else text) or ""))
    nodes: list[NodeRows] = []
    for node_id, row in delta.nodes.items():
        stored, cut = _node_json(node_id, row.props)
        nodes.append((node_id, row.label, stored, cut, _ev_rows(spans, row.ev)))
    rels: list[RelRows] = [(rel_type, start, end, props_json(row.props), _ev_rows(spans, row.ev))
                           for (rel_type, start, end), row in delta.rels.items()]
    return DeltaRows(delta.doc_id, delta.version, delta.source, delta.document,
                     props_json({**delta.document, "complete": True}), nodes, rels)
