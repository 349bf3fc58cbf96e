"""What a Cypher store sends: every statement text, recorded while the statements still run."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def sent_statements(store: Any) -> Iterator[list[str]]:
    """The texts of the statements ``store`` runs (its ``_run``) inside the block, in order."""
    sent: list[str] = []
    original = store._run

    def recording(query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        sent.append(query)
        return original(query, params)

    store._run = recording
    try:
        yield sent
    finally:
        del store._run
