"""Fixtures of the explorer tests: the bundled corpus built once into an embedded graph under a
temporary GOVKG_HOME (shared read-only by every test of the session)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def govkg_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("govkg_home")
    old = {k: os.environ.get(k) for k in ("GOVKG_HOME", "GOVKG_STORE")}
    os.environ["GOVKG_HOME"], os.environ["GOVKG_STORE"] = str(home), "memory"
    from app.runtime import ensure_graph, open_configured_store

    store = open_configured_store()
    assert ensure_graph(store) == 5
    yield home
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
