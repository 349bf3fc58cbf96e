"""FalkorDB's ``GRAPH.BULK`` for the fresh-load path (``graph/fresh_load.py``): the facts a loader holding the
graph alone creates, and every evidence entry it adds, go to the server in its binary bulk-insert format
(what falkordb-bulk-loader sends) instead of ``UNWIND … CREATE`` statements, and relationships are created
between internal node ids instead of nodes found through the ``id`` index.

A node token is ``label\\0``, a 4-byte property count, the property names (each ``\\0``-terminated), then
per node one value per property; an edge token is the same header with the type, then per edge its start
and end internal ids (8 bytes each) and its values. A value is a type byte and its payload: 0 null
(the property is not set), 1 bool, 2 double, 3 ``\\0``-terminated UTF-8 string, 4 64-bit integer, 5 array
(an 8-byte length, then its values). Values are written little-endian, as the server (x86-64, arm64) reads
them. The server gives the nodes of one call consecutive internal ids from its node count on when the graph
has no free ids (none deleted since); ``FalkorStore`` checks that after each call and otherwise reads the ids
through the ``id`` index (``BulkWrite.node_ids``).

A value the format cannot carry (a string holding ``\\0``, an integer beyond 64 bits, a map) raises
``Unbulkable``; the batch then takes the Cypher statements.
"""
from __future__ import annotations

import itertools
import struct
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from graph.quotes import QuoteSpans

__all__ = ["BULK_QUERY", "EVIDENCE_KEYS", "BulkWrite", "EdgeGroup", "NodeGroup", "RelGroup", "Unbulkable", "bulk_write",
           "edge_token", "header", "node_token", "value_bytes"]

#: the statement text a ``BulkWrite`` travels under in a batch's statements (never sent as Cypher)
BULK_QUERY = "// GRAPH.BULK"

_NULL = b"\x00"
_TRUE, _FALSE = b"\x01\x01", b"\x01\x00"
_TAGGED = struct.Struct("<Bq").pack            # a long (4) or an array's length (5)
_DOUBLE = struct.Struct("<Bd").pack
_ENDS = struct.Struct("<QQ").pack
_COUNT = struct.Struct("<I").pack


class Unbulkable(ValueError):
    """A value GRAPH.BULK cannot carry."""


def value_bytes(value: Any) -> bytes:
    """One property value in the bulk format (None: not set)."""
    kind = type(value)
    if kind is str:
        if "\x00" in value:
            raise Unbulkable("a string holding NUL")
        try:
            return b"\x03" + value.encode() + b"\x00"
        except UnicodeEncodeError as exc:
            raise Unbulkable("a string that is not valid Unicode") from exc
    if kind is bool:
        return _TRUE if value else _FALSE
    if kind is int:
        try:
            return _TAGGED(4, value)
        except struct.error as exc:
            raise Unbulkable("an integer beyond 64 bits") from exc
    if kind is float:
        return _DOUBLE(2, value)
    if value is None:
        return _NULL
    if kind is list or kind is tuple:
        return _TAGGED(5, len(value)) + b"".join(map(value_bytes, value))
    raise Unbulkable(f"a {kind.__name__}")


def header(name: str, keys: list[str]) -> bytes:
    """A token's header: the label or type, then its property names (names from graph.model)."""
    return b"".join([name.encode(), b"\x00", _COUNT(len(keys)), *(k.encode() + b"\x00" for k in keys)])


def _keys(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(k for props in rows for k in props))


def _string(value: str) -> bytes:
    if "\x00" in value:
        raise Unbulkable("a string holding NUL")
    return b"\x03" + value.encode() + b"\x00"


def _values(keys: list[str], props: dict[str, Any]) -> bytes:
    """One entity's values of ``keys`` (a property it lacks is not set)."""
    return b"".join([_string(v) if type(v) is str else value_bytes(v) for v in map(props.get, keys)])


def node_token(label: str, ids: list[str], rows: list[dict[str, Any]]) -> bytes:
    """Nodes of one label, each with its id and the properties of its dict (a property a node lacks is not
    set)."""
    keys = _keys(rows)
    if "id" in keys:
        raise Unbulkable("a property named id")
    out = [header(label, ["id", *keys])]
    for node_id, props in zip(ids, rows):
        out.append(_string(node_id))
        out += [_NULL if v is None else _string(v) if type(v) is str else value_bytes(v) for v in map(props.get, keys)]
    return b"".join(out)


def id_token(label: str, ids: list[str]) -> bytes:
    """Nodes of one label with an id and nothing else (Evidence nodes)."""
    if "\x00" in "".join(ids):
        raise Unbulkable("an id holding NUL")
    return header(label, ["id"]) + b"\x03" + "\x00\x03".join(ids).encode() + b"\x00"


#: the EVIDENCE relationship's properties, in the order of an entry ``[start, end, qs, qe(, quote)]``
EVIDENCE_KEYS = ["start", "end", "qs", "qe", "quote"]
_ENTRY = struct.Struct("<BqBqBqBqB").pack     # the four integers, then the quote's type: null, or a string


def _entries(out: list[tuple[str, str, bytes]], fact: str, doc: str, ev: list[Any], text: QuoteSpans,
             made: dict[Any, bytes]) -> None:
    """One fact's evidence in document ``doc`` (``Evidence``s) as its ``EVIDENCE`` relationships, appended to
    ``out``: the ``EVIDENCE_KEYS`` of each entry ``cypher_store._entries`` would make of it (the quote only where
    it is not a slice of the text), without making the entries. ``made``: the document's entries encoded so far,
    by ``Evidence`` (a sentence is the evidence of several facts: 3.3 entries per distinct one; ``text`` places a
    quote where it first placed it, so an entry encodes the same every time)."""
    for item in ev:
        value = made.get(item)
        if value is None:
            _, start, end, quote = item
            span = text.span(quote, start)
            value = made[item] = (_ENTRY(4, start, 4, end, 4, span[0], 4, span[1], 0) if span else
                                  _ENTRY(4, start, 4, end, 4, 0, 4, 0, 3)[:-1] + _string(quote))
        out.append((fact, doc, value))


@dataclass
class EdgeGroup:
    """Relationships of one type to create, their ends named by id (a fact's id, an Evidence node's key or,
    where the label is Document, a document id) and resolved to internal ids when the call is sent. A row
    is one relationship: (start, end, its values): a relationship between two facts, or one evidence entry
    of a fact in a document."""

    type: str
    start_label: str
    end_label: str
    keys: list[str]
    rows: list[tuple[str, str, bytes]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows)


def edge_token(group: EdgeGroup, starts: dict[str, int], ends: dict[str, int]) -> bytes:
    """``group`` as an edge token, its ends looked up in ``starts`` and ``ends``."""
    rows = group.rows
    # (each row's ends and values, in C: a Python loop per row was half the writer thread's time)
    pairs = map(_ENDS, map(starts.__getitem__, map(itemgetter(0), rows)), map(ends.__getitem__, map(itemgetter(1), rows)))
    return header(group.type, group.keys) + b"".join(itertools.chain.from_iterable(zip(pairs, map(itemgetter(2), rows))))


class BulkWrite(dict[str, Any]):
    """One run of new documents' facts for GRAPH.BULK (a statement's parameters, empty as a dict): node tokens
    (one per label, the nodes in the order of ``node_ids``: [(label, ids)]) and edge groups; ``docs``: the
    run's document ids (their Documents exist when it is sent); ``iids``: the internal ids the loader knows
    (fact id or Evidence key -> id), which sending it extends."""

    def __init__(self, docs: list[str], iids: dict[str, int]) -> None:
        super().__init__()
        self.docs, self.iids = docs, iids
        self.node_tokens: list[bytes] = []
        self.node_ids: list[tuple[str, list[str]]] = []
        self.edges: list[EdgeGroup] = []

    @property
    def node_count(self) -> int:
        return sum(len(ids) for _, ids in self.node_ids)

    @property
    def edge_count(self) -> int:
        return sum(g.count for g in self.edges)


#: rows of one label or relationship spec, grouped by document as the Cypher statements take them
#: (``cypher_store._fact_statements``): (whether the rows create their facts, label or (type, start
#: label, end label), [[rows, doc id], …])
NodeGroup = tuple[bool, str, list[list[Any]]]
RelGroup = tuple[bool, tuple[str, str, str], list[list[Any]]]


def bulk_write(docs: list[str], nodes: list[NodeGroup], rels: list[RelGroup], spans: dict[str, QuoteSpans],
               iids: dict[str, int], evidence_label: str, evidence_type: str) -> BulkWrite:
    """The GRAPH.BULK write of one run of new documents on the fresh-load path: what ``fresh_nodes``,
    ``fresh_node_evidence``, ``fresh_rels``, ``fresh_rel_evidence`` and ``bulk_rels_from_document`` /
    ``bulk_rels_to_document`` would write for the same rows. A node row is ``[props, id, evidence]``, a
    relationship row ``[props, start id, end id, key, evidence]``, the evidence the fact's ``Evidence``s in the
    row's document, whose quotes ``spans`` (doc id -> ``QuoteSpans``) place in its text.
    Raises ``Unbulkable`` for a value the format cannot carry."""
    write = BulkWrite(docs, iids)
    encoded: dict[str, dict[Any, bytes]] = {doc: {} for doc in docs}    # doc id -> its entries encoded (``_entries``)
    created: dict[str, tuple[list[str], list[dict[str, Any]]]] = {}     # label -> ids, properties
    evidence: dict[str, EdgeGroup] = {}                 # start label -> its EVIDENCE relationships
    for creates, label, groups in nodes:
        made = created.setdefault(label, ([], [])) if creates else None
        ev = evidence.get(label)
        if ev is None:
            ev = evidence[label] = EdgeGroup(evidence_type, label, "Document", EVIDENCE_KEYS)
        for rows, doc in groups:
            if made is not None:
                made[0].extend([row[1] for row in rows])
                made[1].extend([row[0] for row in rows])
            text, known = spans[doc], encoded[doc]
            for _, node_id, entries in rows:
                if entries:
                    _entries(ev.rows, node_id, doc, entries, text, known)
    keys: list[str] = []
    ev = evidence.get(evidence_label)
    if ev is None:
        ev = evidence[evidence_label] = EdgeGroup(evidence_type, evidence_label, "Document", EVIDENCE_KEYS)
    for creates, (rel_type, start_label, end_label), groups in rels:
        made_rels: list[tuple[str, str, dict[str, Any]]] = []
        for rows, doc in groups:
            text, known = spans[doc], encoded[doc]
            for props, start, end, key, entries in rows:
                if creates:
                    keys.append(key)
                    made_rels.append((start, end, props))
                if entries:
                    _entries(ev.rows, key, doc, entries, text, known)
        if made_rels:
            rel_keys = _keys([p for _, _, p in made_rels])
            group = EdgeGroup(rel_type, start_label, end_label, rel_keys)
            group.rows = [(a, b, _values(rel_keys, p)) for a, b, p in made_rels]
            write.edges.append(group)
    for label, (ids, props) in created.items():
        if ids:
            write.node_tokens.append(node_token(label, ids, props))
            write.node_ids.append((label, ids))
    if keys:
        write.node_tokens.append(id_token(evidence_label, keys))
        write.node_ids.append((evidence_label, keys))
    write.edges += [g for g in evidence.values() if g.rows]
    return write
