"""Row indexes the embedded store maintains per document, in the transaction that loads or removes it.

A row index (``RowIndex``, implemented by the queries that read it: ``queries/maintained.py``) is a set of
rows, each under a key (a place, a (practice, place) pair, a relationship…) whose value depends only on
the graph near that key. The store keeps them in one table, ``kept_row(name, key, sort, value)``, ordered
by ``sort`` (bytes that compare as the query orders its answer: ``sort_key``), so a query reads the first
rows of an answer with one indexed range scan and a fresh process answers its first query from the file
as fast as its tenth.

Every write of the store (a document's load, replacement or removal, the taxonomy) tells each index what
it touched (``Touched``, before the write for what it may remove and after it for what it added); the
index names the keys whose rows may have changed (``affected``) and computes them again from the graph as
it is now, inside the same transaction (``rows``; a key with no row any more is deleted). Nothing is ever
rebuilt whole, except an index that was not maintained by some write (a store opened without the
indexes attached, a file from before them): its mark (``meta`` key ``rows:<name>``, the write counter it
is current for) then differs from the write counter, the queries do not use it, and ``seed`` fills it
again whole (what a build does last).
"""
from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = ["ROWS_TABLE", "RowIndex", "Touched", "sort_key"]

ROWS_TABLE = """CREATE TABLE IF NOT EXISTS kept_row (name TEXT NOT NULL, key TEXT NOT NULL, sort BLOB NOT NULL,
                                     value BLOB NOT NULL, PRIMARY KEY (name, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kept_row_sort ON kept_row(name, sort);
CREATE INDEX IF NOT EXISTS rel_adopts ON rel(e) WHERE type = 'ADOPTS'"""


@dataclass
class Touched:
    """What one write touched, by node id and relationship key (type, start id, end id): ``nodes`` and
    ``rels`` every fact the document gives evidence to (or gave, before a removal); ``new_nodes`` /
    ``new_rels`` those it created (before a removal: all of them, any may go: ``removal``); ``changed``
    node -> the properties the write changed (a removal changes none: properties are not rolled back)."""

    nodes: set[str] = field(default_factory=set)
    rels: set[tuple[str, str, str]] = field(default_factory=set)
    new_nodes: set[str] = field(default_factory=set)
    new_rels: set[tuple[str, str, str]] = field(default_factory=set)
    changed: dict[str, frozenset[str]] = field(default_factory=dict)
    removal: bool = False
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)   # what indexes share

    @classmethod
    def everything(cls, nodes: Iterable[str], rels: Iterable[tuple[str, str, str]]) -> Touched:
        """Facts that may all go (what a removal may do to the facts it gave evidence to)."""
        nodes, rels = set(nodes), set(rels)
        return cls(nodes, rels, set(nodes), set(rels), {}, True)

    def rels_of(self, rel_type: str, new: bool = False) -> list[tuple[str, str]]:
        """(start, end) of the touched (``new``: created) relationships of ``rel_type``."""
        return sorted((s, e) for t, s, e in (self.new_rels if new else self.rels) if t == rel_type)


class RowIndex(Protocol):
    """One maintained index: ``name`` in the table; the keys a write may change; their rows now."""

    name: str

    def affected(self, view: Any, touched: Touched) -> set[str]:
        """The keys whose rows may change when the facts ``touched`` change (``view``: the graph before
        the write for what it removes, after it for what it adds)."""

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        """key -> (sort, value) of those of ``keys`` that have a row in the graph ``view`` shows."""

    def all_keys(self, view: Any) -> Iterable[str]:
        """Every key with a row (what ``seed`` computes)."""


_NEG = struct.Struct(">Q")


def sort_key(*parts: Any) -> bytes:
    """Bytes that compare (``memcmp``, SQLite's BLOB order) as the tuple ``parts`` compares in Python:
    an int as 8 bytes with the sign bit flipped, a str as its UTF-8 bytes (which order as its code
    points do) with NUL escaped and two NULs after it (so a prefix sorts first), None as an empty str."""
    out = bytearray()
    for part in parts:
        if isinstance(part, int):              # (bool too)
            out += _NEG.pack((int(part) + (1 << 63)) & ((1 << 64) - 1))
        else:
            text = "" if part is None else str(part)
            out += text.encode("utf-8", "surrogatepass").replace(b"\x00", b"\x00\xff") + b"\x00\x00"
    return bytes(out)
