"""Fixtures shared by every test area. Area-specific fixtures live in tests/<area>/conftest.py."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def corpus_paths() -> list[Path]:
    """The five bundled documents."""
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) == 5
    return paths
