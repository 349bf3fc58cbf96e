"""Issue 13 item 9: a read-only home, a full disk, a NEO4J_URI with a password in it, an http:// URI:
one line each from the command line (never a traceback, never the password), one error box in the
explorer. The file-system faults are real: a read-only and a 300 KB tmpfs mounted over GOVKG_HOME in
a user and mount namespace (``unshare -rm``; skipped where the kernel does not allow it)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SECRET = "pw-never-shown-4711"


def _can_unshare() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False).returncode == 0


needs_unshare = pytest.mark.skipif(not _can_unshare(), reason="unshare -rm (user + mount namespaces) not allowed")


def _govkg(*args: str, env: dict[str, str], mount: str | None = None, home: Path | None = None
           ) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-c", "from govkg.cli import main; main()", *args]
    if mount is not None:
        assert home is not None
        cmd = ["unshare", "-rm", "sh", "-c", f'mount -t tmpfs -o {mount} tmpfs "$0" && exec "$@"', str(home), *cmd]
    full = {**os.environ, "PYTHONPATH": str(REPO), **env}
    return subprocess.run(cmd, cwd=REPO, env=full, capture_output=True, text=True, timeout=300, check=False)


def _one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out and SECRET not in out, out
    errors = [line for line in out.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, out
    return errors[0]


@needs_unshare
@pytest.mark.timeout(300)
def test_read_only_home(tmp_path, corpus_paths):
    home = tmp_path / "home"
    home.mkdir()
    line = _one_error_line(_govkg("build", str(corpus_paths[0]), "--quiet", env={"GOVKG_HOME": str(home)},
                                  mount="ro", home=home))
    assert str(home) in line and "read-only" in line and "GOVKG_HOME" in line, line


@needs_unshare
@pytest.mark.timeout(300)
def test_full_disk(tmp_path, corpus_paths):
    home = tmp_path / "home"
    home.mkdir()
    line = _one_error_line(_govkg("build", *map(str, corpus_paths), "--quiet", env={"GOVKG_HOME": str(home)},
                                  mount="size=300k", home=home))
    assert str(home) in line and "No space left on device" in line, line


@pytest.mark.parametrize("uri, expect", [
    (f"neo4j://alice:{SECRET}@localhost:7999", "must not hold a user or password"),
    (f"bolt://{SECRET}@localhost:7999", "must not hold a user or password"),
    ("http://localhost:7474", "is not a Bolt URI"),
    ("localhost:7687", "is not a Bolt URI"),
])
def test_bad_neo4j_uri_is_one_line_without_the_secret(tmp_path, uri, expect):
    env = {"GOVKG_HOME": str(tmp_path), "NEO4J_URI": uri, "NEO4J_PASSWORD": SECRET}
    for args in (["stats", "--store", "neo4j"], ["query", "city_profile", "-p", "place", "濮阳市", "--store", "neo4j"]):
        line = _one_error_line(_govkg(*args, env=env))
        assert expect in line and "NEO4J_URI" in line, line


def test_secrets_are_masked_in_every_message(monkeypatch):
    from govkg.settings import load_settings, redact

    monkeypatch.setenv("NEO4J_URI", f"neo4j://alice:{SECRET}@db.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    assert SECRET not in repr(load_settings())
    assert redact(f"cannot reach neo4j://alice:{SECRET}@db.example:7687 with {SECRET}") == (
        "cannot reach neo4j://***@db.example:7687 with ***")


def test_explorer_shows_one_line_without_the_secret(tmp_path, monkeypatch):
    from tests.app.conftest import open_page

    monkeypatch.setenv("GOVKG_HOME", str(tmp_path))
    monkeypatch.setenv("GOVKG_STORE", "neo4j")
    monkeypatch.setenv("NEO4J_URI", f"neo4j://alice:{SECRET}@localhost:7999")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    at = open_page("overview")
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1 and "NEO4J_URI must not hold" in re.sub(r"\\(.)", r"\1", at.error[0].value)
    assert SECRET not in str(at._tree)
