"""What FalkorDB and Neo4j share: turning a DocumentDelta into batched, parameterized
``UNWIND $rows … MERGE`` statements from ``queries/store/*.cypher``, and removal by evidence.

Labels and relationship types cannot be Cypher parameters; the statements hold ``__LABEL__``,
``__TYPE__``, ``__START__``, ``__END__`` tokens that ``fill`` replaces with names taken only from
``graph.model`` (checked against the model; no document text is ever put into Cypher text).
"""
from __future__ import annotations

import abc
from collections import defaultdict
from typing import Any

from govkg.errors import StoreError
from graph.delta import DocumentDelta
from graph.model import LABELS, REL_TYPES, RELS
from graph.store import DocState, GraphStore
from queries import load_cypher

__all__ = ["BATCH_ROWS", "CypherStore", "Statement", "fill"]

BATCH_ROWS = 2000
Statement = tuple[str, dict[str, Any]]


def fill(name: str, **tokens: str) -> str:
    """``queries/store/<name>.cypher`` with its label/type tokens set to names from the model."""
    text = load_cypher(f"store/{name}")
    allowed = set(LABELS) | set(REL_TYPES)
    for token, value in tokens.items():
        if value not in allowed:
            raise StoreError(f"{value!r} is not a label or relationship type of graph.model")
        text = text.replace(f"__{token.upper()}__", value)
    return text


def _ev_cols(ev: list[tuple[str, int, int, str]]) -> dict[str, list[Any]]:
    return {"ev_doc": [e[0] for e in ev], "ev_start": [e[1] for e in ev],
            "ev_end": [e[2] for e in ev], "ev_quote": [e[3] for e in ev]}


def _batches(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i:i + BATCH_ROWS] for i in range(0, len(rows), BATCH_ROWS)]


class CypherStore(GraphStore):
    """Base for stores that speak Cypher. Subclasses implement ``_run`` and ``_run_all``."""

    @abc.abstractmethod
    def _run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one statement (retrying lost connections), rows as plain dicts."""

    def _run_all(self, statements: list[Statement]) -> None:
        """Run statements in order. Neo4j overrides this with a single transaction."""
        for query, params in statements:
            self._run(query, params)

    def run_cypher(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run(text, params or {})

    # -- schema ---------------------------------------------------------------------------------------
    def _taxonomy_statements(self) -> list[Statement]:
        from graph.taxonomy import taxonomy_rows

        nodes, rels = taxonomy_rows()
        out: list[Statement] = []
        for label in ("Practice", "PracticeCategory"):
            rows = [{"id": n["id"], "props": {"name": n["props"]["name"]}} for n in nodes if n["label"] == label]
            if rows:
                out.append((fill("taxonomy_nodes", label=label), {"rows": rows}))
        if rels:
            out.append((load_cypher("store/taxonomy_rels"),
                        {"rows": [{"start": r["start"], "end": r["end"]} for r in rels]}))
        return out

    # -- writing --------------------------------------------------------------------------------------
    def _strip_statements(self, doc_id: str) -> list[Statement]:
        p = {"doc": doc_id}
        return [(load_cypher("store/delete_rels_only_from"), p), (load_cypher("store/strip_rels"), p),
                (load_cypher("store/delete_nodes_only_from"), p), (load_cypher("store/strip_nodes"), p)]

    def _document_props(self, delta: DocumentDelta) -> dict[str, Any]:
        return dict(delta.document)

    def _delta_statements(self, delta: DocumentDelta, replace: bool) -> list[Statement]:
        doc = delta.doc_id
        out: list[Statement] = []
        if replace:
            out.append((load_cypher("store/mark_incomplete"), {"id": doc}))
            out += self._strip_statements(doc)
        props = self._document_props(delta)
        props["complete"] = False
        out.append((load_cypher("store/upsert_document"), {"id": doc, "props": props}))
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in delta.nodes.values():
            by_label[row.label].append({"id": row.id, "props": row.props, **_ev_cols(row.ev)})
        for label in LABELS:                          # fixed order: same result in every store
            for batch in _batches(by_label.get(label, [])):
                out.append((fill("upsert_nodes", label=label), {"doc": doc, "rows": batch}))
        by_rel: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in delta.rels.values():
            by_rel[(row.type, row.start_label, row.end_label)].append(
                {"start": row.start, "end": row.end, "props": row.props, **_ev_cols(row.ev)})
        for spec in RELS:
            for batch in _batches(by_rel.get((spec.type, spec.start, spec.end), [])):
                out.append((fill("upsert_rels", type=spec.type, start=spec.start, end=spec.end),
                            {"doc": doc, "rows": batch}))
        out.append((load_cypher("store/complete_document"), {"id": doc}))
        return out

    def _apply(self, delta: DocumentDelta, replace: bool) -> None:
        self._run_all(self._delta_statements(delta, replace))

    def remove_document(self, doc_id: str) -> bool:
        if doc_id not in self.document_states():
            return False
        self._run_all([(load_cypher("store/mark_incomplete"), {"id": doc_id}),
                       *self._strip_statements(doc_id),
                       (load_cypher("store/delete_document"), {"id": doc_id})])
        return True

    # -- reading --------------------------------------------------------------------------------------
    def document_states(self) -> dict[str, DocState]:
        return {r["id"]: DocState(r["version"] or "", bool(r["complete"]), r["source"] or "")
                for r in self._run(load_cypher("store/document_states"), {})}

    def _related_states(self, doc_id: str, source: str) -> dict[str, DocState]:
        return {r["id"]: DocState(r["version"] or "", bool(r["complete"]), r["source"] or "")
                for r in self._run(load_cypher("store/document_state"), {"id": doc_id, "source": source})}

    def stats(self) -> dict[str, dict[str, int]]:
        nodes = {r["label"]: int(r["n"]) for r in self._run(load_cypher("store/stats_nodes"), {})}
        rels = {r["type"]: int(r["n"]) for r in self._run(load_cypher("store/stats_rels"), {})}
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}

    def export_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        nodes = self._run(load_cypher("store/export_nodes"), {})
        rels = self._run(load_cypher("store/export_rels"), {})
        for n in nodes:
            n["props"] = dict(n["props"])
            n["props"].pop("grams", None)            # FalkorDB's full-text helper, not data
        return nodes, rels
