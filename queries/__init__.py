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
    if not name or not name.replace("_", "").isalnum():
        raise QueryError(f"not a query name: {name!r}")
    path = QUERY_DIR / f"{name}.cypher"
    if not path.is_file():
        raise QueryError(f"no query named {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")
