"""What a Cypher store sends: every statement text, recorded while the statements still run."""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def sent_statements(store: Any) -> Iterator[list[str]]:
    """The texts of the statements ``store`` runs (its ``_run``, or ``_run_all``, which may send several
    at once) inside the block, in order; a statement ``_run_all`` runs through ``_run`` counts once."""
    sent: list[str] = []
    original, original_all = store._run, store._run_all
    inside = threading.local()                       # in this thread's _run_all (the writer thread's)

    def recording(query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if not getattr(inside, "all", False):
            sent.append(query)
        return original(query, params)

    def recording_all(statements: list[tuple[str, Any]]) -> None:
        sent.extend(query for query, _ in statements)
        inside.all = True
        try:
            original_all(statements)
        finally:
            inside.all = False

    store._run, store._run_all = recording, recording_all
    try:
        yield sent
    finally:
        del store._run, store._run_all
