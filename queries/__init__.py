"""Named queries: one ``.cypher`` file each, loaded by name, with an embedded counterpart."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from govkg.errors import QueryError

__all__ = ["QUERY_DIR", "load_cypher"]

QUERY_DIR = Path(__file__).resolve().parent


@cache
def load_cypher(name: str) -> str:
    """Text of ``queries/<name>.cypher``."""
    from graph.statements import cypher_file

    return cypher_file(QUERY_DIR, name, "query", QueryError)
