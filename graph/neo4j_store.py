"""The Neo4j store, through the official ``neo4j`` driver (py2neo is end-of-life).

A batch's facts run in one managed write transaction (``execute_write``), the full-text field of the
entities they touched is set next, and the documents are marked complete in a last one: a lost
connection rolls the transaction back and the driver retries it; after that a StoreError, and the
documents, still incomplete, are redone by the next build. Settings: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE.
Start a server for it with ``docker run -p 7474:7474 -p 7687:7687 -e NEO4J_AUTH=neo4j/secretpw neo4j:5``.
"""
from __future__ import annotations

from typing import Any

from govkg.errors import StoreError
from graph.cypher_store import CypherStore, Statement, fill
from graph.fulltext import lucene_query
from graph.model import LABELS
from graph.statements import statement_text

__all__ = ["Neo4jStore"]


def _plain(value: Any) -> Any:
    from neo4j.graph import Node, Relationship

    if isinstance(value, Node):
        return {"_label": next(iter(value.labels), None), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Neo4jStore(CypherStore):
    kind = "neo4j"
    fulltext_statement = "neo4j_search"
    fulltext_query = staticmethod(lucene_query)

    def __init__(self, uri: str, user: str, password: str, database: str):
        from neo4j import GraphDatabase

        self.uri, self.database = uri, database
        self._driver = GraphDatabase.driver(uri, auth=(user, password), max_transaction_retry_time=15.0)

    @classmethod
    def open(cls, settings: Any) -> Neo4jStore:
        settings.require_neo4j()
        store = cls(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database)
        try:
            store._driver.verify_connectivity()
        except Exception as exc:
            store.close()
            raise StoreError(f"cannot reach Neo4j at {settings.neo4j_uri} ({type(exc).__name__}: {exc}); "
                             "check NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD and that the server runs") from exc
        return store

    def close(self) -> None:
        self._driver.close()

    def _errors(self) -> tuple[type[Exception], ...]:
        from neo4j.exceptions import DriverError, Neo4jError

        return (DriverError, Neo4jError, OSError)

    def _run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def work(tx: Any) -> list[dict[str, Any]]:
            return [{k: _plain(v) for k, v in rec.items()} for rec in tx.run(query, params or {})]

        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)
        except self._errors() as exc:
            raise StoreError(f"Neo4j at {self.uri}: {type(exc).__name__}: {exc}") from exc

    def _run_all(self, statements: list[Statement]) -> None:
        """Statements in one transaction: all or nothing (a batch's facts, then its completion, each in
        one; a batch whose completion did not commit stays incomplete and is redone)."""
        def work(tx: Any) -> None:
            for query, params in statements:
                tx.run(query, params).consume()

        try:
            with self._driver.session(database=self.database) as session:
                session.execute_write(work)
        except self._errors() as exc:
            raise StoreError(f"Neo4j at {self.uri}: {type(exc).__name__}: {exc}; rerun the build: "
                             "the document was rolled back") from exc

    def init_schema(self) -> None:
        for label in LABELS:
            self._run(fill("neo4j_constraint", label=label), {})
        self._run(statement_text("neo4j_constraint_evidence"), {})
        self._run(statement_text("neo4j_index_source"), {})
        self._run(statement_text("neo4j_fulltext"), {})
        self._run(statement_text("neo4j_fulltext_entities"), {})
        self._run(*self._mark_fulltext())
        self._load_taxonomy()

    def _entity_search(self, query: str, kinds: list[str]) -> list[Statement]:
        return [(statement_text("neo4j_search_entities"), {"query": query, "kinds": kinds})]
