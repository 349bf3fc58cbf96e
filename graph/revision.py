"""The revision of the code that computes what a store keeps beside its graph (the row indexes, the
kept full-text and similarity indexes): a hash of the Python source of ``graph``, ``queries`` and
``loaders``. A graph file remembers the revision its kept indexes were computed by; a file opened by
other code (govkg upgraded, or a checkout moved on) does not use them, and its next build fills them
again, so a page never shows rows an older revision computed (the graph version alone does not change
when only the code does)."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__all__ = ["code_revision"]

_ROOT = Path(__file__).resolve().parent.parent
_PACKAGES = ("graph", "queries", "loaders")


@functools.cache          # once per process: ~100 files, ≈ 1.3 MB of source
def code_revision() -> str:
    """16 hex characters that change whenever a source file of those packages changes."""
    digest = hashlib.sha256()
    for package in _PACKAGES:
        for path in sorted((_ROOT / package).rglob("*.py")):
            digest.update(path.relative_to(_ROOT).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
