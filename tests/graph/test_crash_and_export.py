"""Interrupted loads (killed build process, lost server) and the export formats."""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govkg.errors import StoreError
from graph.export import export_graph
from tests.graph.conftest import snapshot, wait_for_documents
from tests.support.synthetic import synthetic_records

REPO = Path(__file__).resolve().parents[2]
N_DOCS = 60
BUILD = ("import sys\n"
         "from graph.build import build_records\nfrom graph.stores import open_store\n"
         "from tests.support.synthetic import synthetic_records\n"
         "s = open_store(sys.argv[1])\n"
         "build_records(((r.source, r, None) for r in synthetic_records(int(sys.argv[2]), seed=3)), s)\n"
         "s.close()\n")


def _env(home: Path, server, graph: str) -> dict[str, str]:
    env = dict(os.environ, GOVKG_HOME=str(home), PYTHONPATH=str(REPO))
    if server is not None:
        env.update(FALKORDB_HOST=server.host, FALKORDB_PORT=str(server.port), FALKORDB_GRAPH=graph,
                   FALKORDB_PASSWORD=server.password)
    return env


@pytest.mark.parametrize("kind", ["embedded", "falkordb"])
def test_killed_build_then_rerun_is_identical(kind, tmp_path, make_store, request):
    server = request.getfixturevalue("falkor_server") if kind == "falkordb" else None
    graph = f"kill_{os.getpid()}"
    env = _env(tmp_path / "home", server, graph)
    proc = subprocess.Popen([sys.executable, "-c", BUILD, kind, str(N_DOCS)], env=env, cwd=REPO)
    if kind == "falkordb":
        from graph.falkordb_store import FalkorStore

        probe = FalkorStore(server.host, server.port, graph, password=server.password)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if len(probe.document_states()) >= 20:
                    break
            except StoreError:
                pass
            time.sleep(0.05)
        probe.close()
    else:
        wait_for_documents(tmp_path / "home", 20, proc, timeout=60)
    assert proc.poll() is None, "the build finished before it could be killed: raise N_DOCS"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run([sys.executable, "-c", BUILD, kind, str(N_DOCS)], check=False, env=env, cwd=REPO, timeout=300)
    assert rerun.returncode == 0
    from govkg.settings import load_settings
    from graph.stores import open_store

    with open_store(kind, load_settings(env)) as got:
        expected = make_store(kind)
        for rec in synthetic_records(N_DOCS, seed=3):
            expected.load_record(rec)
        assert got.stats() == expected.stats()
        assert snapshot(got) == snapshot(expected)
        assert all(st.complete for st in got.document_states().values())
        if kind == "falkordb":
            got._graph.delete()


def test_lost_connection_retried_then_store_error(make_store):
    from graph.falkordb_server import FalkorServer
    from graph.falkordb_store import FalkorStore

    records = list(synthetic_records(8, seed=5))
    server = FalkorServer().start()
    try:
        store = FalkorStore(server.host, server.port, "lost", retry_delays=(0.1, 0.2, 0.3),
                            password=server.password)
        store.init_schema()
        for rec in records[:4]:
            store.load_record(rec)
        server.kill()
        started = time.monotonic()
        with pytest.raises(StoreError, match="not reachable after 4 tries"):
            store.load_record(records[4])
        assert time.monotonic() - started >= 0.6          # the retries waited
        server = FalkorServer(port=server.port, password=server.password).start()  # restart (keeps no data)
        store.init_schema()
        for rec in records:
            store.load_record(rec)
        expected = make_store("embedded")
        for rec in records:
            expected.load_record(rec)
        assert snapshot(store) == snapshot(expected)
        store.close()
    finally:
        server.stop()


HOSTILE = "'}) MATCH (n) DETACH DELETE n // \\' \" ` <script>\n\t\x02"


@pytest.fixture
def hostile_store(make_store):
    recs = list(synthetic_records(3, seed=9))
    doc = recs[0].document.model_copy(update={"title": HOSTILE})
    people = [p.model_copy(update={"name": HOSTILE}) for p in recs[0].people]
    recs[0] = recs[0].model_copy(update={"document": doc, "people": people})
    store = make_store("embedded")
    for rec in recs:
        store.load_record(rec)
    return store


def test_cypher_export_recreates_the_graph(hostile_store, make_store, tmp_path):
    (path,) = export_graph(hostile_store, "cypher", tmp_path / "graph.cypher")
    target = make_store("falkordb")
    target.run_cypher("MATCH (n) DETACH DELETE n")
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("//"):
            target.run_cypher(line)
    assert snapshot(target) == snapshot(hostile_store)
    assert target.stats() == hostile_store.stats()
    titles = [r["t"] for r in target.run_cypher("MATCH (d:Document) RETURN d.title AS t")]
    assert HOSTILE in titles


def test_csv_export_has_neo4j_admin_headers(hostile_store, tmp_path):
    written = export_graph(hostile_store, "csv", tmp_path / "csv")
    names = {p.name for p in written}
    assert {"nodes_Document.csv", "nodes_Place.csv", "rels_PART_OF_Place_Place.csv", "import.sh"} <= names
    with (tmp_path / "csv" / "nodes_Place.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:2] == ["id:ID(Place)", ":LABEL"] and not any(h.startswith("ev_") for h in header)
    with (tmp_path / "csv" / "rels_EVIDENCE_Place_Document.csv").open(encoding="utf-8") as fh:
        evidence = list(csv.reader(fh))             # the Cypher stores' layout: one row per entry
    assert evidence[0][:3] == [":START_ID(Place)", ":END_ID(Document)", ":TYPE"]
    assert {"start:long", "end:long", "qs:long", "qe:long"} <= set(evidence[0]) and len(evidence) > 1
    assert "rels_EVIDENCE_Evidence_Document.csv" in names and "nodes_Evidence.csv" in names
    with (tmp_path / "csv" / "rels_PART_OF_Place_Place.csv").open(encoding="utf-8") as fh:
        assert next(csv.reader(fh))[:3] == [":START_ID(Place)", ":END_ID(Place)", ":TYPE"]
    with (tmp_path / "csv" / "nodes_Document.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert HOSTILE in {r["title:string"] for r in rows}
    assert "--nodes=nodes_Place.csv" in (tmp_path / "csv" / "import.sh").read_text()


def test_graphml_export_reads_back(hostile_store, tmp_path):
    import networkx as nx

    (path,) = export_graph(hostile_store, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == hostile_store.graph.number_of_nodes()
    assert g.number_of_edges() == hostile_store.graph.number_of_edges()
    assert HOSTILE.replace("\x02", "") in {a.get("title", "").replace("\x02", "") for _, a in g.nodes(data=True)}
