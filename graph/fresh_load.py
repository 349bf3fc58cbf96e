"""The fresh-load path of the Cypher stores: a loader that holds the graph alone (``CypherStore.exclusive``)
and found it holding nothing but the taxonomy knows every fact it has written since, with the
properties it wrote. So each fact is written once per load instead of once per document that
mentions it: a fact it never wrote is created (not merged) with its properties merged over the batch;
one it wrote with the same properties only gets the new document's evidence (the node, or the
relationship's Evidence node, matched by its indexed id; nothing set); one whose properties change
takes the general statement (merged, as before).

``Known`` is that knowledge; ``Route`` sorts one batch's rows by it and updates it as if the batch
succeeded (the store forgets it all when a batch fails: ``CypherStore._load_all``). Stripping or
removing documents forgets the facts they support (``Known.forget``), which the strip may delete.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CREATE", "EVIDENCE", "GENERAL", "MAX_KNOWN", "Known", "Route"]

MAX_KNOWN = 4_000_000      # facts remembered; past this the load goes on with the general statements
CREATE, EVIDENCE, GENERAL = "create", "evidence", "general"
_NO_PROPS: dict[str, Any] = {}


@dataclass
class Known:
    """What this loader has written since it found the graph holding only the taxonomy: node id ->
    the properties it knows the node holds (all it wrote; the taxonomy's nodes: none known), and
    relationship key (``evidence_key``) -> the properties it wrote, for relationships with their
    Evidence node; ``plain`` holds the keys of relationships without one (the taxonomy's), ``unsure``
    the facts a strip may have deleted (their next row merges); ``iids`` the internal ids of the facts and
    Evidence nodes whose id the store has learned (FalkorDB's bulk writes: ``graph/falkordb_bulk.py``);
    ``docs`` the documents it wrote (id -> (version, source); all of the graph's, every one complete once
    its batch is written) and ``sources`` their ids by source: a batch's documents' states, which the
    statement ``documents_state`` would read after waiting for the batch being written."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    rels: dict[str, dict[str, Any]] = field(default_factory=dict)
    plain: set[str] = field(default_factory=set)
    unsure: set[str] = field(default_factory=set)
    iids: dict[str, int] = field(default_factory=dict)
    docs: dict[str, tuple[str, str]] = field(default_factory=dict)
    sources: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def seeded(cls, node_ids: Iterable[str], rel_keys: Iterable[str]) -> Known:
        return cls({x: {} for x in node_ids}, {}, set(rel_keys))

    def forget(self, ids: Iterable[str]) -> None:
        """Forget facts (node ids, relationship keys) a strip may have deleted: their next rows merge."""
        for x in ids:
            self.nodes.pop(x, None)
            self.rels.pop(x, None)
            self.iids.pop(x, None)
            self.unsure.add(x)

    def doc_states(self, ids: Iterable[str], sources: Iterable[str]) -> dict[str, tuple[str, str]]:
        """(version, source) of the documents ``ids`` and of every document from one of ``sources``, as the
        graph holds them once the batches written so far are (``documents_state``)."""
        out = {x: self.docs[x] for x in ids if x in self.docs}
        for source in sources:
            out.update((x, self.docs[x]) for x in self.sources.get(source, ()))
        return out

    def loaded(self, docs: Iterable[tuple[str, str, str]], removed: Iterable[str]) -> None:
        """A batch removes the documents ``removed``, then writes ``docs`` (id, version, source)."""
        for x in removed:
            self._drop_doc(x)
        for x, version, source in docs:
            self._drop_doc(x)
            self.docs[x] = (version, source)
            self.sources.setdefault(source, set()).add(x)

    def _drop_doc(self, doc_id: str) -> None:
        old = self.docs.pop(doc_id, None)
        if old is not None:
            self.sources[old[1]].discard(doc_id)

    def full(self) -> bool:
        return len(self.nodes) + len(self.rels) > MAX_KNOWN


def _changes(known: dict[str, Any], props: dict[str, Any]) -> bool:
    return any(k not in known or known[k] != v for k, v in props.items())


class Route:
    """The rows of one batch sorted by ``known``: ``node`` and ``rel`` give each row's statement kind
    (``CREATE``, ``EVIDENCE`` or ``GENERAL``) and the properties it sends, and record what the batch
    writes. ``merged`` is each fact's properties merged over the batch in document order (node id or
    relationship key -> properties, the full-text field included; ``cypher_store._merged_props``)."""

    def __init__(self, known: Known, merged: dict[str, dict[str, Any]]):
        self.known = known
        self._merged = merged                               # node id / rel key -> props over the batch
        self._seen: set[str] = set()                        # facts whose first row of the batch is routed

    def node(self, node_id: str) -> tuple[str, dict[str, Any]]:
        """A node row's statement kind and the properties it sends (its first row in the batch carries
        the batch's merged properties; a later one only evidence)."""
        if node_id in self._seen:
            return EVIDENCE, _NO_PROPS
        self._seen.add(node_id)
        merged = self._merged[node_id]
        known = self.known.nodes.get(node_id)
        if node_id in self.known.unsure:
            self.known.unsure.discard(node_id)
            self.known.nodes[node_id] = dict(merged)
            return GENERAL, merged
        if known is None:
            self.known.nodes[node_id] = dict(merged)
            return CREATE, merged
        if _changes(known, merged):
            known.update(merged)
            return GENERAL, merged
        return EVIDENCE, _NO_PROPS

    def rel(self, key: str) -> tuple[str, dict[str, Any]]:
        """A relationship row's statement kind and properties, as ``node``; relationships without an
        Evidence node (the taxonomy's) always take the general statement."""
        merged = self._merged.get(key, _NO_PROPS)
        if key in self.known.plain:
            return GENERAL, merged
        if key in self._seen:
            return EVIDENCE, _NO_PROPS
        self._seen.add(key)
        known = self.known.rels.get(key)
        if key in self.known.unsure:
            self.known.unsure.discard(key)
            self.known.rels[key] = merged
            return GENERAL, merged
        if known is None:
            self.known.rels[key] = merged
            return CREATE, merged
        if _changes(known, merged):
            self.known.rels[key] = {**known, **merged}
            return GENERAL, merged
        return EVIDENCE, _NO_PROPS

    def written(self, node_id: str, props: dict[str, Any]) -> None:
        """A row of the general path (a replacing document's) sets ``props`` on a node."""
        self.known.unsure.discard(node_id)
        known = self.known.nodes.get(node_id)
        if known is None:
            self.known.nodes[node_id] = dict(props)
        else:
            known.update(props)

    def written_rel(self, key: str, props: dict[str, Any]) -> None:
        """A row of the general path merges a relationship (and its Evidence node) with ``props``."""
        self.known.unsure.discard(key)
        if key not in self.known.plain:
            self.known.rels[key] = {**self.known.rels.get(key, _NO_PROPS), **props}
