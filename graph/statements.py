"""The Cypher the stores themselves run (load, remove, state, export, indexes): ``graph/cypher/<name>.cypher``;
and ``cypher_file``, which reads a ``.cypher`` file by name for them and for the named queries."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from govkg.errors import GovkgError, StoreError

__all__ = ["STATEMENT_DIR", "cypher_file", "statement_text"]

STATEMENT_DIR = Path(__file__).resolve().parent / "cypher"


def cypher_file(folder: Path, name: str, what: str, error: type[GovkgError]) -> str:
    """Text of ``folder/<name>.cypher``; ``error`` (naming ``what`` it is) for a name that is not a plain
    word or a file that is not there."""
    if not name or not name.replace("_", "").isalnum():
        raise error(f"not a {what} name: {name!r}")
    path = folder / f"{name}.cypher"
    if not path.is_file():
        raise error(f"no {what} named {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")


@cache
def statement_text(name: str) -> str:
    """Text of ``graph/cypher/<name>.cypher``."""
    return cypher_file(STATEMENT_DIR, name, "store statement", StoreError)
