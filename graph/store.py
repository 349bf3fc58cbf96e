"""The store interface every backend implements (``graph.stores.open_store`` picks one; this module
imports none of them).

Loading semantics (identical in every store):

- ``load_record`` is atomic per document and idempotent: the same record twice → ``unchanged``.
- A document whose extraction changed (new ``version``), or a new document from the same
  ``source`` as an old one, replaces the old document's facts (``updated``); facts that other
  documents also support keep those documents' evidence.
- ``remove_document`` strips the document's evidence everywhere and deletes the nodes and
  relationships left with none (taxonomy nodes with ``origin = "taxonomy"`` stay).
- A document left half-loaded by a killed process (incomplete: ``DocState.complete``) is reloaded next time.
"""
from __future__ import annotations

import abc
import enum
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Self

from govkg.errors import StoreError

if TYPE_CHECKING:
    from loaders.record import ExtractionRecord

__all__ = ["DocState", "GraphStore", "LoadOutcome"]


class LoadOutcome(str, enum.Enum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class DocState(tuple):
    """(version, complete, source) of a loaded document."""

    __slots__ = ()

    def __new__(cls, version: str, complete: bool, source: str) -> Self:
        return super().__new__(cls, (version, bool(complete), source))

    @property
    def version(self) -> str:
        return self[0]

    @property
    def complete(self) -> bool:
        return self[1]

    @property
    def source(self) -> str:
        return self[2]


class GraphStore(abc.ABC):
    """One graph store. Use as a context manager, or call ``close()``."""

    kind: str = ""

    # -- lifecycle --------------------------------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def init_schema(self) -> None:
        """Create indexes/constraints (idempotent) and load the practice taxonomy."""

    # -- writing ----------------------------------------------------------------------------------
    def load_record(self, rec: ExtractionRecord) -> LoadOutcome:
        """Load one document's facts, replacing an older version of it (atomic per document)."""
        from graph.delta import record_to_delta
        from graph.taxonomy import practice_names

        return self.load_delta(record_to_delta(rec, practice_names()))

    def load_delta(self, delta: Any) -> LoadOutcome:
        """Load one document's ``DocumentDelta`` (``load_record`` after ``record_to_delta``)."""
        states = self._related_states(delta.doc_id, delta.source)
        old = states.get(delta.doc_id)
        if old is not None and old.complete and old.version == delta.version:
            return LoadOutcome.UNCHANGED
        outcome = LoadOutcome.ADDED if old is None else LoadOutcome.UPDATED
        same_source = [d for d, st in states.items() if st.source == delta.source and d != delta.doc_id]
        for other in same_source:
            self.remove_document(other)
            outcome = LoadOutcome.UPDATED
        self._apply(delta, replace=old is not None)
        return outcome

    #: how many records ``build_records`` hands to ``load_records`` at a time
    load_batch = 1

    def load_records(self, recs: Sequence[ExtractionRecord]) -> list[LoadOutcome]:
        """``load_record`` for each record, in order (stores may write several per round trip;
        every document stays atomic: complete, or marked incomplete and redone by the next build)."""
        return [self.load_record(rec) for rec in recs]

    @abc.abstractmethod
    def version(self) -> int:
        """The write counter: changes with every write (document load or removal, schema/taxonomy
        change), so readers can cache per version."""

    @abc.abstractmethod
    def _apply(self, delta: Any, replace: bool) -> None:
        """Write a DocumentDelta; ``replace``: strip the document's old facts first."""

    @abc.abstractmethod
    def remove_document(self, doc_id: str) -> bool:
        """Remove a document and whatever only it supported; False if it was not there."""

    # -- reading ----------------------------------------------------------------------------------
    @abc.abstractmethod
    def document_states(self) -> dict[str, DocState]: ...

    def _related_states(self, doc_id: str, source: str) -> dict[str, DocState]:
        """States of ``doc_id`` and of documents from ``source`` (stores may answer from an index)."""
        return {d: st for d, st in self.document_states().items() if d == doc_id or st.source == source}

    def documents(self) -> dict[str, str]:
        """doc_id → version of every completely loaded document."""
        return {d: st.version for d, st in self.document_states().items() if st.complete}

    @abc.abstractmethod
    def stats(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: n}, "relationships": {type: n}}, sorted by name."""

    def full_text_candidates(self, terms: Sequence[str]) -> list[str] | None:
        """The ids of the documents that may hold one of ``terms`` (folded, as ``queries.fulltext.split_terms``
        gives them), by the store's own full-text index: every document that holds one is among them.
        None when the store keeps no such index (the embedded store: the query layer's index answers),
        or it cannot narrow these terms."""
        return None

    def full_text_entities(self, terms: Sequence[str], kinds: Collection[str] | None = None) -> list[str] | None:
        """The ids of the searchable entities (``graph.fulltext.ENTITY_FIELDS``; only those of ``kinds``
        when given) that may hold one of ``terms`` in their name, definition or items, by the store's
        own full-text index: every entity that holds one is among them. None as for
        ``full_text_candidates``."""
        return None

    @abc.abstractmethod
    def projection(self, name: str) -> list[dict[str, Any]]:
        """The rows of the whole-graph projection ``name`` (``graph.projections``: ``practice_items``,
        ``place_practices``), the same on every store: what the queries that compute over the whole
        graph (similarity, practice vectors, communities) read, instead of a query of their own."""

    def projection_rows(self, name: str) -> Iterator[dict[str, Any]]:
        """The rows of ``projection(name)`` one at a time (what an index built from the whole projection
        reads): a store that can stream them without holding them all overrides this."""
        return iter(self.projection(name))

    def run_cypher(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        raise StoreError(f"the {self.kind} store does not run Cypher; use the embedded query "
                         "functions (fetch in queries/<name>.py) or --store falkordb|neo4j")

    @abc.abstractmethod
    def export_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Everything, as plain rows: nodes [{"label", "id", "props"}], rels [{"type", "start",
        "end", "start_label", "end_label", "props"}] (props include the ev_* lists)."""
