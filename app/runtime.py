"""What ``govkg explore`` and ``govkg coursepack`` need besides the UI: the configured store, a
query runner over it, and building the bundled corpus when the graph has no documents yet."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["Runner", "build_into", "document_text", "ensure_graph", "inventory", "open_configured_store", "query_runner"]

Runner = Callable[[str, dict], list[dict]]


def open_configured_store() -> Any:
    from govkg.settings import load_settings
    from graph.store import open_store

    return open_store(load_settings().store)


def query_runner(store: Any) -> Runner:
    from queries.registry import run

    def runner(name: str, params: dict) -> list[dict]:
        return [dict(r) for r in run(store, name, params)]
    return runner


def ensure_graph(store: Any | None = None) -> int:
    """Build the bundled corpus into the store if it holds no document; returns how many were built."""
    from govkg.settings import CORPUS_DIR

    store = store or open_configured_store()
    if inventory(store)["Document"]:
        return 0
    paths = sorted(p for p in CORPUS_DIR.iterdir() if p.is_file())
    build_into(paths, store)
    return len(paths)


def build_into(paths: list[Path], store: Any) -> Any:
    """Extract ``paths`` and load them into ``store`` (graph.build.build_paths where it exists)."""
    try:
        from graph.build import build_paths
    except ImportError:     # the builder module is not there yet: the store's own loader
        from loaders import extract_file

        store.init_schema()
        outcomes = [store.load_record(extract_file(p)) for p in paths]
        if hasattr(store, "save"):
            store.save()
        return outcomes
    return build_paths(paths, store)


# --- What is in the graph (documents, places, practices, named models, policies) -------------
# There is no named query for an inventory or for one document's text yet; these read the store
# with fixed, parameterized Cypher (memory store: its networkx graph). Replace with named queries
# once queries/ has them.

_DOC_FIELDS = ("id", "title", "kind", "date", "issuer", "subject_place", "province", "doc_number", "session",
               "proposal_number", "reply_class", "source")
_INVENTORY_CYPHER = {
    "Document": "MATCH (n:Document) RETURN n.id AS id, n.title AS title, n.kind AS kind, n.date AS date, "
                "n.issuer AS issuer, n.subject_place AS subject_place, n.province AS province, "
                "n.doc_number AS doc_number, n.session AS session, n.proposal_number AS proposal_number, "
                "n.reply_class AS reply_class, n.source AS source",
    "Place": "MATCH (n:Place) OPTIONAL MATCH (n)-[:IMPLEMENTS]->(m:Measure) "
             "RETURN n.id AS id, n.name AS name, n.level AS level, count(m) AS measures",
    "Practice": "MATCH (n:Practice) OPTIONAL MATCH (p:Place)-[:ADOPTS]->(n) "
                "RETURN n.id AS id, n.name AS name, count(p) AS places",
    "NamedModel": "MATCH (n:NamedModel) RETURN n.id AS id, n.name AS name, n.owner AS owner, "
                  "n.components AS components",
    "Policy": "MATCH (n:Policy) RETURN n.id AS id, n.title AS title, n.issuer AS issuer, n.status AS status",
    "Measure": "MATCH (n:Measure) RETURN n.id AS id, n.place AS place, n.practices AS practices, n.summary AS summary, "
               "n.status AS status, n.year AS year",
}
_DOC_TEXT_CYPHER = ("MATCH (n:Document {id: $id}) RETURN n.id AS id, n.title AS title, n.kind AS kind, "
                    "n.date AS date, n.issuer AS issuer, n.subject_place AS subject_place, "
                    "n.doc_number AS doc_number, n.session AS session, n.proposal_number AS proposal_number, "
                    "n.reply_class AS reply_class, n.source AS source, n.text AS text")


def _memory_rows(store: Any, label: str) -> list[dict]:
    from queries.embedded._graph import label as label_of

    g = store.graph
    rows = []
    for node, data in g.nodes(data=True):
        if label_of(g, node) != label:
            continue
        row = {k: v for k, v in data.items() if not k.startswith("ev_") and k not in ("text", "grams")}
        row["id"] = str(node)
        if label == "Place":
            row["measures"] = sum(1 for _s, _t, k, d in g.out_edges(node, keys=True, data=True)
                                  if d.get("type", k) == "IMPLEMENTS")
        if label == "Practice":
            row["places"] = sum(1 for _s, _t, k, d in g.in_edges(node, keys=True, data=True)
                                if d.get("type", k) == "ADOPTS")
        rows.append(row)
    return rows


def inventory(store: Any) -> dict[str, list[dict]]:
    """label -> rows for the labels the explorer lists (no document text)."""
    out = {}
    for label, cypher in _INVENTORY_CYPHER.items():
        if getattr(store, "kind", "") == "memory":
            out[label] = _memory_rows(store, label)
        else:
            out[label] = [dict(r) for r in store.run_cypher(cypher, {})]
    return out


def document_text(store: Any, doc_id: str) -> dict | None:
    """Metadata and full text of one document, or None."""
    if getattr(store, "kind", "") == "memory":
        g = store.graph
        if doc_id not in g:
            return None
        data = g.nodes[doc_id]
        return {**{k: data.get(k) for k in _DOC_FIELDS if k != "id"}, "id": doc_id, "text": data.get("text") or ""}
    rows = store.run_cypher(_DOC_TEXT_CYPHER, {"id": doc_id})
    return dict(rows[0]) if rows else None
