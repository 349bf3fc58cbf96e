"""The embedded store: a networkx MultiDiGraph kept in memory and persisted to
``$GOVKG_HOME/graph/memory.pickle`` (a version header + pickle, written to a temp file and renamed,
so a killed build never leaves a corrupt file).

Graph shape: node key = node ``id``; node attribute ``label`` + the node's properties (incl. ev_*);
edge key = relationship type; edge attributes = the relationship's properties (incl. ev_*). A graph
the store creates says so (``graph.graph["edge_keys"] == "type"``, saved with it), and the embedded
queries then find a node's edges of one type by key instead of scanning its edges.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from govkg.errors import StoreError
from graph.delta import DocumentDelta
from graph.model import EV_FIELDS, MODEL_VERSION
from graph.store import DocState, GraphStore

__all__ = ["FILE_MAGIC", "MemoryStore", "graph_path"]

FILE_MAGIC = b"govkg-memory-graph\n"
FORMAT_VERSION = 1
SAVE_EVERY_S = 5.0


def graph_path(home: Path) -> Path:
    return Path(home) / "graph" / "memory.pickle"


class MemoryStore(GraphStore):
    kind = "memory"

    def __init__(self, graph: nx.MultiDiGraph | None = None, path: Path | None = None):
        self.graph: nx.MultiDiGraph = graph if graph is not None else nx.MultiDiGraph(edge_keys="type")
        self.path = path
        self._batch_depth = 0
        self._dirty = False
        self._last_save = time.monotonic()
        self._save_s = 0.0
        self._docs: set[str] | None = None          # ids of Document nodes (cache)
        self._pending_docs: set[str] = set()
        self._by_source: dict[str, set[str]] | None = None   # source → Document ids (cache)
        self._shared: dict[Any, tuple[Any, ...]] = {}        # one document's one-entry evidence tuples

    # -- persistence --------------------------------------------------------------------------------
    @classmethod
    def open(cls, home: Path | None) -> MemoryStore:
        """The store persisted under ``home`` (created empty if there is no file yet)."""
        if home is None:
            return cls()
        path = graph_path(home)
        if not path.is_file():
            return cls(path=path)
        try:
            with path.open("rb") as fh:
                magic = fh.read(len(FILE_MAGIC))
                header = pickle.load(fh)
                if magic != FILE_MAGIC or not isinstance(header, dict):
                    raise ValueError("not a govkg graph file")
                if header.get("format") != FORMAT_VERSION or header.get("model") != MODEL_VERSION:
                    # an older layout: start empty, the next build reloads everything
                    return cls(path=path)
                graph = pickle.load(fh)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError) as exc:
            raise StoreError(f"{path}: cannot read the embedded graph ({exc}); delete the file and run "
                             "`govkg build` again") from exc
        return cls(graph, path)

    def save(self) -> None:
        """Write the graph atomically (temp file in the same folder, then rename)."""
        if self.path is None:
            return
        started = time.monotonic()
        from govkg.settings import private_dir

        private_dir(self.path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".memory-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(FILE_MAGIC)
                pickle.dump({"format": FORMAT_VERSION, "model": MODEL_VERSION}, fh)
                pickle.dump(self.graph, fh, protocol=pickle.HIGHEST_PROTOCOL)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException as exc:      # MemoryError from pickling a huge graph, Ctrl-C, a full disk
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise StoreError(f"{self.path}: cannot write the embedded graph ({exc}); check GOVKG_HOME "
                                 "is writable and has free space") from exc
            if isinstance(exc, MemoryError):
                raise StoreError(f"{self.path}: out of memory while saving the embedded graph "
                                 f"({self.graph.number_of_nodes():,} nodes); the last saved graph is "
                                 "kept. Use FalkorDB or Neo4j for a corpus this size") from exc
            raise
        self._dirty = False
        self._save_s = time.monotonic() - started
        self._last_save = time.monotonic()

    @contextlib.contextmanager
    def batch(self) -> Iterator[MemoryStore]:
        """Defer saving: inside, the file is rewritten at most every few seconds and once at the end
        (a killed batch leaves the last complete save, which the next run completes)."""
        self._batch_depth += 1
        try:
            yield self
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._dirty:
                self.save()

    def version(self) -> int:
        """The write counter (``graph.graph["version"]``, saved with the graph)."""
        return int(self.graph.graph.get("version", 0))

    def _changed(self) -> None:
        self.graph.graph["version"] = self.version() + 1
        self._dirty = True
        # in a batch: save every SAVE_EVERY_S, but spend at most ~10 % of the time saving
        if self._batch_depth == 0 or time.monotonic() - self._last_save > max(SAVE_EVERY_S,
                                                                               10 * self._save_s):
            self.save()

    def close(self) -> None:
        if self._dirty:
            self.save()

    def init_schema(self) -> None:
        from graph.taxonomy import taxonomy_rows

        nodes, rels = taxonomy_rows()
        for row in nodes:
            if row["id"] not in self.graph:
                self.graph.add_node(row["id"], label=row["label"], id=row["id"], **row["props"])
            else:
                self.graph.nodes[row["id"]].update(name=row["props"]["name"], origin="taxonomy")
        for row in rels:
            if not self.graph.has_edge(row["start"], row["end"], key="IN_CATEGORY"):
                self.graph.add_edge(row["start"], row["end"], key="IN_CATEGORY", **row["props"])
        self._changed()

    # -- writing ------------------------------------------------------------------------------------
    def _apply(self, delta: DocumentDelta, replace: bool) -> None:
        g = self.graph
        if replace:
            self._strip(delta.doc_id, keep_document=True)
        self._shared.clear()              # sharing pays within a document; across them it only grows
        try:
            doc_props = dict(delta.document)
            if delta.doc_id in g:
                g.nodes[delta.doc_id].update(doc_props)
            else:
                g.add_node(delta.doc_id, label="Document", **doc_props)
            for node_id, row in delta.nodes.items():
                if node_id not in g:
                    g.add_node(node_id, label=row.label, id=node_id, **{f: () for f in EV_FIELDS})
                attrs = g.nodes[node_id]
                attrs.update(row.props)
                _append_ev(attrs, row.ev, self._shared)
            for (rel_type, start, end), row in delta.rels.items():
                if not g.has_edge(start, end, key=rel_type):
                    g.add_edge(start, end, key=rel_type, **{f: () for f in EV_FIELDS})
                attrs = g.edges[start, end, rel_type]
                attrs.update(row.props)
                _append_ev(attrs, row.ev, self._shared)
            g.nodes[delta.doc_id]["complete"] = True
            self._footprints()[delta.doc_id] = self._footprint(delta)
            self._pending_docs.add(delta.doc_id)
            if self._by_source is not None:
                self._by_source.setdefault(delta.source, set()).add(delta.doc_id)
        except BaseException:
            self._strip(delta.doc_id, keep_document=False,    # never leave half a document
                        footprint=self._footprint(delta))
            self.graph.graph["version"] = self.version() + 1
            raise
        self._changed()

    def _footprints(self) -> dict[str, tuple[str, ...]]:
        """Document id → the nodes its facts were written to (with the document itself), saved with
        the graph. Every relationship a document supports joins two of them (``DocumentDelta.rel``
        takes its ends from the delta's nodes), so removing a document only visits these."""
        return self.graph.graph.setdefault("footprints", {})

    def _footprint(self, delta: DocumentDelta) -> tuple[str, ...]:
        nodes = self.graph._node
        # the graph's own id strings (``id`` attribute), so a footprint costs one pointer per node
        return (delta.doc_id, *(nodes[n].get("id", n) if n in nodes else n for n in delta.nodes))

    def _strip(self, doc_id: str, keep_document: bool, footprint: tuple[str, ...] | None = None) -> None:
        g = self.graph
        self._shared.clear()              # let the removed document's quotes go
        stored = self._footprints().pop(doc_id, None)
        footprint = stored if footprint is None else footprint
        if footprint is None:             # a graph saved before footprints were kept: scan it all
            edges: Iterator[tuple[str, str, str, dict[str, Any]]] = g.edges(keys=True, data=True)
            nodes: Iterator[tuple[str, dict[str, Any]]] = g.nodes(data=True)
        else:
            here = {n for n in footprint if n in g}
            edges = _edges_within(g, here)
            nodes = ((n, g._node[n]) for n in here)
        dead_edges = []
        for u, v, k, attrs in edges:
            if doc_id in attrs.get("ev_doc", ()):
                _filter_ev(attrs, doc_id)
                if not attrs["ev_doc"] and attrs.get("origin") != "taxonomy":
                    dead_edges.append((u, v, k))
        g.remove_edges_from(dead_edges)
        dead_nodes = []
        for n, attrs in nodes:
            if doc_id in attrs.get("ev_doc", ()):
                _filter_ev(attrs, doc_id)
                if not attrs["ev_doc"] and attrs.get("origin") != "taxonomy":
                    dead_nodes.append(n)
        g.remove_nodes_from(dead_nodes)
        if not keep_document and doc_id in g:
            g.remove_node(doc_id)

    def remove_document(self, doc_id: str) -> bool:
        if doc_id not in self.graph or self.graph.nodes[doc_id].get("label") != "Document":
            return False
        self._strip(doc_id, keep_document=False)
        self._changed()
        return True

    # -- reading ------------------------------------------------------------------------------------
    def document_states(self) -> dict[str, DocState]:
        g = self.graph
        if self._docs is None or any(d not in g for d in self._docs):
            self._docs = {n for n, a in g.nodes(data=True) if a.get("label") == "Document"}
        self._docs.update(n for n in self._pending_docs if n in g)
        self._pending_docs.clear()
        states = {}
        for n in list(self._docs):
            if n not in g:
                self._docs.discard(n)
                continue
            a = g.nodes[n]
            states[n] = DocState(a.get("version", ""), a.get("complete", False), a.get("source", ""))
        return states

    def _related_states(self, doc_id: str, source: str) -> dict[str, DocState]:
        g = self.graph
        if self._by_source is None:
            self._by_source = {}
            for n, a in g.nodes(data=True):
                if a.get("label") == "Document":
                    self._by_source.setdefault(a.get("source", ""), set()).add(n)
        out = {}
        for n in {doc_id, *self._by_source.get(source, ())}:
            a = g.nodes[n] if n in g else None
            if a is not None and a.get("label") == "Document" and (n == doc_id or a.get("source") == source):
                out[n] = DocState(a.get("version", ""), a.get("complete", False), a.get("source", ""))
        return out

    def stats(self) -> dict[str, dict[str, int]]:
        nodes = Counter(a.get("label") for _, a in self.graph.nodes(data=True))
        rels = Counter(k for _, _, k in self.graph.edges(keys=True))
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}

    def export_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        g = self.graph
        nodes = [{"label": a["label"], "id": n, "props": {k: v for k, v in a.items() if k != "label"}}
                 for n, a in g.nodes(data=True)]
        rels = [{"type": k, "start": u, "end": v, "start_label": g.nodes[u]["label"],
                 "end_label": g.nodes[v]["label"], "props": dict(a)}
                for u, v, k, a in g.edges(keys=True, data=True)]
        return nodes, rels


_TUPLE_MAX = 8


def _append_ev(attrs: dict[str, Any], ev: list[tuple[str, int, int, str]],
               shared: dict[Any, tuple[Any, ...]] | None = None) -> None:
    """Append evidence entries as tuples (exact size, no list over-allocation) while they are short,
    as a list once they pass ``_TUPLE_MAX`` entries (re-copying a hub's tuple on every append made a
    build quadratic in the number of documents). Document ids and
    quotes are interned, and one-entry tuples come from ``shared`` (value → tuple): the facts of
    one measure sentence all hold the same ``(doc,)``, ``(start,)``, ``(quote,)`` objects, in
    memory and in the saved file (pickle keeps shared objects shared)."""
    if not ev:
        for f in EV_FIELDS:
            attrs.setdefault(f, ())
        return
    if len(ev) == 1:
        doc, start, end, quote = ev[0]
        cols = ((sys.intern(doc),), (start,), (end,), (sys.intern(quote),))
    else:
        cols = (tuple(sys.intern(e[0]) for e in ev), tuple(e[1] for e in ev), tuple(e[2] for e in ev),
                tuple(sys.intern(e[3]) for e in ev))
    for i, (f, col) in enumerate(zip(EV_FIELDS, cols)):
        old = attrs.get(f)
        if old.__class__ is list and len(old) > _TUPLE_MAX:
            old.extend(col)               # a hub's own list (made below): amortized O(1) appends
        elif old:
            attrs[f] = [*old, *col] if len(old) + len(col) > _TUPLE_MAX else tuple(old) + col
        elif shared is not None and len(col) == 1:
            attrs[f] = shared.setdefault((i, col[0]), col)
        else:
            attrs[f] = col


def _edges_within(g: nx.MultiDiGraph, nodes: set[str]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Every edge whose two ends are in ``nodes``; a hub's adjacency (a practice has an edge from every
    measure of it) is probed with the set instead of being walked."""
    succ = g._succ
    for u in nodes:
        out = succ[u]
        ends = (v for v in out if v in nodes) if len(out) <= len(nodes) else (v for v in nodes if v in out)
        for v in ends:
            for k, attrs in out[v].items():
                yield u, v, k, attrs


def _filter_ev(attrs: dict[str, Any], doc_id: str) -> None:
    keep = [i for i, d in enumerate(attrs["ev_doc"]) if d != doc_id]
    for f in EV_FIELDS:
        attrs[f] = tuple(attrs[f][i] for i in keep)
