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

import struct
from dataclasses import dataclass, field
from typing import Any

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


def node_token(label: str, rows: list[dict[str, Any]]) -> bytes:
    """Nodes of one label, each with the properties of its dict (a property a node lacks is not set)."""
    keys = _keys(rows)
    return header(label, keys) + b"".join(b"".join(value_bytes(props.get(k)) for k in keys) for props in rows)


#: the EVIDENCE relationship's properties, in the order of an entry ``[start, end, qs, qe(, quote)]``
EVIDENCE_KEYS = ["start", "end", "qs", "qe", "quote"]


def entry_bytes(entry: list[Any]) -> bytes:
    """One evidence entry's values (the quote only where it is not a slice of the text)."""
    out = _TAGGED(4, entry[0]) + _TAGGED(4, entry[1]) + _TAGGED(4, entry[2]) + _TAGGED(4, entry[3])
    return out + (value_bytes(entry[4]) if len(entry) > 4 else _NULL)


def props_bytes(keys: list[str], props: dict[str, Any]) -> bytes:
    return b"".join(value_bytes(props.get(k)) for k in keys)


@dataclass
class EdgeGroup:
    """Relationships of one type to create, their ends named by id (a fact's id, an Evidence node's key or,
    where the label is Document, a document id) and resolved to internal ids when the call is sent."""

    type: str
    start_label: str
    end_label: str
    keys: list[str]
    ends: list[tuple[str, str]] = field(default_factory=list)
    values: list[bytes] = field(default_factory=list)


def edge_token(group: EdgeGroup, starts: dict[str, int], ends: dict[str, int]) -> bytes:
    """``group`` as an edge token, its ends looked up in ``starts`` and ``ends``."""
    return header(group.type, group.keys) + b"".join(
        [_ENDS(starts[a], ends[b]) + v for (a, b), v in zip(group.ends, group.values)])


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
        return sum(len(g.ends) for g in self.edges)


#: rows of one label or relationship spec, grouped by document as the Cypher statements take them
#: (``cypher_store._fact_statements``): (whether the rows create their facts, label or (type, start
#: label, end label), [[rows, doc id], …])
NodeGroup = tuple[bool, str, list[list[Any]]]
RelGroup = tuple[bool, tuple[str, str, str], list[list[Any]]]


def bulk_write(docs: list[str], nodes: list[NodeGroup], rels: list[RelGroup], iids: dict[str, int],
               evidence_label: str, evidence_type: str) -> BulkWrite:
    """The GRAPH.BULK write of one run of new documents on the fresh-load path: what ``fresh_nodes``,
    ``fresh_node_evidence``, ``fresh_rels``, ``fresh_rel_evidence`` and ``bulk_rels_from_document`` /
    ``bulk_rels_to_document`` would write for the same rows. A node row is ``[props, id, entries]``, a
    relationship row ``[props, start id, end id, key, entries]``, an entry ``[start, end, qs, qe(, quote)]``.
    Raises ``Unbulkable`` for a value the format cannot carry."""
    write = BulkWrite(docs, iids)
    created: dict[str, list[dict[str, Any]]] = {}
    evidence: dict[str, EdgeGroup] = {}                 # start label -> its EVIDENCE relationships

    def add_evidence(label: str, start: str, doc: str, entries: list[list[Any]]) -> None:
        group = evidence.get(label)
        if group is None:
            group = evidence[label] = EdgeGroup(evidence_type, label, "Document", EVIDENCE_KEYS)
        for e in entries:
            group.ends.append((start, doc))
            group.values.append(entry_bytes(e))

    for creates, label, groups in nodes:
        for rows, doc in groups:
            for props, node_id, entries in rows:
                if creates:
                    created.setdefault(label, []).append({"id": node_id, **props})
                if entries:
                    add_evidence(label, node_id, doc, entries)
    keys: list[str] = []
    relationships: list[tuple[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]]] = []
    for creates, spec, groups in rels:
        made: list[tuple[str, str, dict[str, Any]]] = []
        for rows, doc in groups:
            for props, start, end, key, entries in rows:
                if creates:
                    keys.append(key)
                    made.append((start, end, props))
                if entries:
                    add_evidence(evidence_label, key, doc, entries)
        if made:
            relationships.append((spec, made))
    for label, rows in created.items():
        write.node_tokens.append(node_token(label, rows))
        write.node_ids.append((label, [r["id"] for r in rows]))
    if keys:
        write.node_tokens.append(node_token(evidence_label, [{"id": k} for k in keys]))
        write.node_ids.append((evidence_label, keys))
    for (rel_type, start_label, end_label), made in relationships:
        rel_keys = _keys([p for _, _, p in made])
        group = EdgeGroup(rel_type, start_label, end_label, rel_keys)
        group.ends = [(a, b) for a, b, _ in made]
        group.values = [props_bytes(rel_keys, p) for _, _, p in made]
        write.edges.append(group)
    write.edges += evidence.values()
    return write
