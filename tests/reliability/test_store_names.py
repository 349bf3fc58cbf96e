"""The embedded store is called ``embedded``; ``memory``, its name while it was a graph held in memory, is still
read as the embedded store wherever a store is named (GOVKG_STORE, --store), so a setting written for an earlier
govkg keeps working."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govkg.errors import ConfigError
from govkg.settings import STORE_KINDS, load_settings
from graph.stores import open_store

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from govkg.cli import main; main()"]


@pytest.mark.parametrize("name", ["embedded", "memory"])
def test_both_names_open_the_embedded_store(tmp_path, name):
    settings = load_settings({"GOVKG_HOME": str(tmp_path), "GOVKG_STORE": name})
    assert settings.store == "embedded"
    with open_store(name, settings) as store:
        assert store.kind == "embedded"
    assert (tmp_path / "graph" / "graph.sqlite").is_file()


def test_the_default_store_is_embedded_and_an_unknown_name_is_one_clear_error():
    assert load_settings({}).store == "embedded" == STORE_KINDS[0]
    with pytest.raises(ConfigError, match="GOVKG_STORE must be one of embedded, falkordb, neo4j, got 'mem'"):
        load_settings({"GOVKG_STORE": "mem"})


def test_the_command_line_accepts_the_earlier_name_and_names_the_store_embedded(tmp_path, corpus_paths):
    env = dict(os.environ, GOVKG_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    env.pop("GOVKG_STORE", None)
    run = subprocess.run([*CLI, "build", "--store", "memory", str(corpus_paths[0])],
                         capture_output=True, text=True, env=env, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert "build (embedded)" in run.stderr and "memory" not in run.stderr
    bad = subprocess.run([*CLI, "stats", "--store", "sqlite"],
                         capture_output=True, text=True, env=env, timeout=120, check=False)
    assert bad.returncode == 2 and "'sqlite' is not one of 'embedded', 'falkordb', 'neo4j'" in bad.stderr
