"""The Cypher the stores themselves run (load, remove, state, export, indexes): ``graph/cypher/<name>.cypher``."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from govkg.errors import StoreError

__all__ = ["STATEMENT_DIR", "statement_text"]

STATEMENT_DIR = Path(__file__).resolve().parent / "cypher"


@cache
def statement_text(name: str) -> str:
    """Text of ``graph/cypher/<name>.cypher``."""
    if not name or not name.replace("_", "").isalnum():
        raise StoreError(f"not a statement name: {name!r}")
    path = STATEMENT_DIR / f"{name}.cypher"
    if not path.is_file():
        raise StoreError(f"no store statement named {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")
