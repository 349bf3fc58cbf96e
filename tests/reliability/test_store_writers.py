"""The embedded store under concurrent and interrupted writes, and a graph file from someone else
(issue 13 items 1, 2, 7; issue 14): real processes, a planted payload, every quote of a corpus."""
from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from graph.sqlite_store import LEGACY_FILE, SQLiteStore, graph_path
from tests.graph.conftest import snapshot, wait_for_documents
from tests.support.stores import loaded_alone
from tests.support.synthetic import synthetic_records

REPO = Path(__file__).resolve().parents[2]


def _records_file(path: Path, n: int, seed: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for rec in synthetic_records(n, seed=seed):
            fh.write(rec.model_dump_json() + "\n")
    return path


def _govkg(*args: str, home: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from govkg.cli import main; main()", *args],
                            cwd=REPO, env=dict(os.environ, GOVKG_HOME=str(home), GOVKG_STORE="embedded",
                                               PYTHONPATH=str(REPO)),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


@pytest.mark.timeout(600)
def test_two_builds_at_once_lose_nothing(tmp_path):
    """Two `govkg build` runs on one home at the same moment (different documents): both report what
    they added and the graph holds every document of both, exactly once."""
    a = _records_file(tmp_path / "a.jsonl", 120, seed=11)
    b = _records_file(tmp_path / "b.jsonl", 120, seed=12)
    home = tmp_path / "home"
    runs = [_govkg("build", str(a), "--quiet", home=home), _govkg("build", str(b), "--quiet", home=home)]
    outs = [p.communicate(timeout=500)[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outs
    expected = {r.doc_id for r in synthetic_records(120, seed=11)} | {r.doc_id for r in synthetic_records(120, seed=12)}
    with SQLiteStore.open(home) as got:
        assert set(got.documents()) == expected
        reference = loaded_alone([*synthetic_records(120, seed=11), *synthetic_records(120, seed=12)])
        assert got.stats() == reference.stats()
        assert snapshot(got) == snapshot(reference)


@pytest.mark.timeout(300)
def test_the_same_documents_twice_at_once_are_loaded_once(tmp_path):
    a = _records_file(tmp_path / "a.jsonl", 60, seed=13)
    home = tmp_path / "home"
    runs = [_govkg("build", str(a), "--quiet", home=home) for _ in range(2)]
    outs = [p.communicate(timeout=250)[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outs
    added = sum(int(out.split("added ")[1].split(",")[0]) for out in outs)
    assert added == 60, outs                       # each document added by exactly one of the two
    reference = loaded_alone(synthetic_records(60, seed=13))
    with SQLiteStore.open(home) as got:
        assert snapshot(got) == snapshot(reference)


def test_an_open_explorer_never_writes_back_a_stale_graph(tmp_path):
    """The everyday case: the explorer's store is open (its graph read), the CLI builds more
    documents, then the explorer imports one: every document is there, and the explorer sees them."""
    home = tmp_path / "home"
    first, later, imported = (list(synthetic_records(30, seed=14))[i:j] for i, j in ((0, 5), (5, 25), (25, 26)))
    app = SQLiteStore.open(home)
    app.init_schema()
    for rec in first:
        app.load_record(rec)
    assert len([n for n, a in app.graph.nodes(data=True) if a["label"] == "Document"]) == 5
    cli = _records_file(tmp_path / "later.jsonl", 0, seed=0)
    with cli.open("w", encoding="utf-8") as fh:
        fh.writelines(rec.model_dump_json() + "\n" for rec in later)
    proc = _govkg("build", str(cli), "--quiet", home=home)
    out = proc.communicate(timeout=120)[0]
    assert proc.returncode == 0, out
    app.load_record(imported[0])
    assert len(app.documents()) == 26
    assert len([n for n, a in app.graph.nodes(data=True) if a["label"] == "Document"]) == 26
    app.close()
    with SQLiteStore.open(home) as again:
        assert len(again.documents()) == 26


@pytest.mark.timeout(300)
def test_a_killed_build_leaves_no_temp_file_and_the_next_completes_it(tmp_path):
    # (400: a first build commits 50 documents at a time and then fills its indexes; with 150 it could end
    # before a loaded machine's probe saw 30, ~1 s after; with 400 the kill has ~3 s)
    records = _records_file(tmp_path / "r.jsonl", 400, seed=15)
    home = tmp_path / "home"
    proc = _govkg("build", str(records), "--quiet", home=home)
    wait_for_documents(home, 30, proc)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    with SQLiteStore.open(home) as partial:
        states = partial.document_states()
        assert states and all(st.complete for st in states.values())      # only whole documents
    rerun = _govkg("build", str(records), "--quiet", home=home)
    out = rerun.communicate(timeout=250)[0]
    assert rerun.returncode == 0, out
    leftovers = {p.name for p in graph_path(home).parent.iterdir()} - {graph_path(home).name}
    assert not {n for n in leftovers if not n.endswith(("-wal", "-shm"))}, leftovers
    reference = loaded_alone(synthetic_records(400, seed=15))
    with SQLiteStore.open(home) as got:
        assert snapshot(got) == snapshot(reference)


class _Payload:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_is_never_opened(tmp_path):
    """A graph file from an earlier govkg, or one crafted to run a command when unpickled, sits where
    the old store kept its graph: `govkg stats` does not open it, says so, and nothing runs."""
    home = tmp_path / "home"
    marker = tmp_path / "ran"
    (home / "graph").mkdir(parents=True)
    with (home / "graph" / LEGACY_FILE).open("wb") as fh:
        fh.write(b"govkg-memory-graph\n")
        pickle.dump(_Payload(marker), fh)
        pickle.dump(_Payload(marker), fh)
    proc = _govkg("stats", home=home)
    out = proc.communicate(timeout=120)[0]
    assert not marker.exists(), "the planted payload ran"
    assert proc.returncode == 0, out
    assert LEGACY_FILE in out and "govkg build" in out, out


def test_a_file_that_is_not_a_graph_is_one_line(tmp_path):
    home = tmp_path / "home"
    graph_path(home).parent.mkdir(parents=True)
    graph_path(home).write_bytes(b"\x80\x04junk" * 100)
    proc = _govkg("stats", home=home)
    out = proc.communicate(timeout=120)[0]
    assert proc.returncode != 0 and "Traceback" not in out, out
    assert str(graph_path(home)) in out and len(out.strip().splitlines()) == 1, out
