"""The embedded SQLite store's own promises (the behaviour shared with the other stores is in
test_conformance.py): quotes are read back from the text, not stored."""
from __future__ import annotations

from graph.sqlite_store import SQLiteStore
from tests.support.stores import loaded_alone


def test_every_quote_read_back_equals_the_quote_loaded(corpus_records):
    """Quotes are not stored: each is read back from its document's text and span. On every
    evidence entry of the bundled corpus it is the quote the delta carried."""
    from graph.delta import record_to_delta
    from graph.taxonomy import practice_names

    store = SQLiteStore()
    store.init_schema()
    expected: dict[tuple, list] = {}
    for rec in corpus_records:
        delta = record_to_delta(rec, practice_names())
        for node_id, row in delta.nodes.items():
            expected.setdefault(("n", node_id), []).extend(row.ev)
        for key, row in delta.rels.items():
            expected.setdefault(("r", key), []).extend(row.ev)
        store.load_record(rec)
    g = store.graph
    got: dict[tuple, list] = {}
    for n, a in g.nodes(data=True):
        if a.get("ev_doc"):
            got[("n", n)] = list(zip(a["ev_doc"], a["ev_start"], a["ev_end"], a["ev_quote"]))
    for u, v, k, a in g.edges(keys=True, data=True):
        if a.get("ev_doc"):
            got[("r", (k, u, v))] = list(zip(a["ev_doc"], a["ev_start"], a["ev_end"], a["ev_quote"]))
    assert sum(map(len, got.values())) > 2000
    assert got == {k: v for k, v in expected.items() if v}
    for table in ("node_ev", "rel_ev"):             # every quote is a slice of its document
        assert store._db.execute(f"SELECT count(*) FROM {table} WHERE quote IS NOT NULL").fetchone()[0] == 0


def test_the_query_view_reads_what_the_full_graph_holds(corpus_records):
    """The lazily loaded view the queries read gives, node by node and neighbour by neighbour, the
    same attributes in the same order as the networkx graph built from all the tables."""
    store = loaded_alone(corpus_records)
    from graph.sqlite_view import SQLiteGraphView

    full, view = store.graph, store.query_graph()
    prefetched = SQLiteGraphView(store, store.version())          # a query walking every label
    for lab in sorted({a["label"] for _, a in full.nodes(data=True)}):
        prefetched.prefetch(lab)
    for v in (view, prefetched):
        assert list(v.nodes) == list(full.nodes) and v.number_of_nodes() == full.number_of_nodes()
        for n in full.nodes:
            assert n in v
            assert list(v.nodes[n].items()) == list(full.nodes[n].items())
            for mine, theirs in ((v._succ[n], full._succ[n]), (v._pred[n], full._pred[n])):
                assert [(k, dict(x)) for k, x in mine.items()] == [(k, dict(x)) for k, x in theirs.items()]
    assert "no such node" not in view
    for lab in {a["label"] for _, a in full.nodes(data=True)}:
        expected = [(n, lab, a.get("name"), a.get("aliases"), a.get("level"))
                    for n, a in full.nodes(data=True) if a["label"] == lab]
        assert view.label_rows(lab) == expected


def test_the_view_follows_the_write_counter(synth_records):
    store = SQLiteStore()
    store.init_schema()
    store.load_record(synth_records[0])
    before = store.query_graph()
    assert store.query_graph() is before
    store.load_record(synth_records[1])
    after = store.query_graph()
    assert after is not before and synth_records[1].doc_id in after and synth_records[1].doc_id not in before._attrs


def test_typed_edges_come_in_the_full_graphs_order(corpus_records):
    from graph.sqlite_view import SQLiteGraphView
    from queries.walk import _matching

    store = loaded_alone(corpus_records)
    full = store.graph
    types = sorted({k for _, _, k in full.edges(keys=True)})
    lazy = SQLiteGraphView(store, store.version())                 # one node at a time
    bulk = SQLiteGraphView(store, store.version())                 # every label walked, every type followed
    for lab in sorted({a["label"] for _, a in full.nodes(data=True)}):
        bulk.prefetch(lab, tuple((t, out) for t in types for out in (True, False)))
    some = SQLiteGraphView(store, store.version())                 # given nodes, a few hundred per scan
    nodes = list(full.nodes)
    for t in types:
        for out in (True, False):
            some.prefetch_edges(nodes[::2] + ["no such node"], t, out)
    some.prefetch_nodes(nodes[1::2] + ["no such node"])
    for view in (lazy, bulk, some):
        for n in full.nodes:
            for t in types:
                for out, adjacency in ((True, full._succ), (False, full._pred)):
                    expected = [(o, dict(a)) for o, a in _matching(adjacency[n], t, True, True)]
                    assert [(o, dict(a)) for o, a in view.edges_of(n, t, out)] == expected
            assert list(view.nodes[n].items()) == list(full.nodes[n].items())


def test_a_file_of_an_earlier_layout_or_model_is_emptied_with_a_line(tmp_path, synth_records, capsys):
    for key, old in (("format", "govkg-sqlite-1"), ("model", "1")):
        home = tmp_path / key
        store = SQLiteStore.open(home)
        store.init_schema()
        store.load_record(synth_records[0])
        store._db.execute("UPDATE meta SET value = ? WHERE key = ?", (old, key))
        store.close()
        capsys.readouterr()
        again = SQLiteStore.open(home)
        assert again.documents() == {} and "govkg build" in capsys.readouterr().err
        again.init_schema()
        assert again.load_record(synth_records[0]).value == "added"
        again.close()
        capsys.readouterr()
        SQLiteStore.open(home).close()                    # now current: opened quietly
        assert capsys.readouterr().err == ""


def _evidence_seen(store) -> tuple[list, list]:
    """Every node's and relationship's attributes as the full graph holds them, and as a fresh query
    view reads them (nodes a few hundred per scan, relationships by type, evidence when first read)."""
    from graph.sqlite_view import SQLiteGraphView

    full = store._materialize(store.version())
    view = SQLiteGraphView(store, store.version())
    nodes = list(full.nodes)
    view.prefetch_nodes(nodes)
    types = sorted({k for _, _, k in full.edges(keys=True)})
    seen = [(n, list(view.nodes[n].items())) for n in nodes]
    seen += [(n, t, [(o, dict(a)) for o, a in view.edges_of(n, t, True)]) for n in nodes for t in types]
    return ([(n, list(a.items())) for n, a in full.nodes(data=True)]
            + [(u, v, k, list(a.items())) for u, v, k, a in full.edges(keys=True, data=True)]), seen


def test_quotes_read_the_same_from_a_file_of_an_earlier_revision_and_after_its_upgrade(tmp_path, corpus_records):
    """A file from before the ``doc`` table held the documents' ids and texts (and with owner-only
    evidence indexes) is read with the same quotes; the next build's ``init_schema`` upgrades it
    without changing the graph version; a text SQL cannot cut (a NUL in it: NULL in ``doc``) is cut
    in Python, the same."""
    from graph.sqlite_store import _doc_text

    store = SQLiteStore.open(tmp_path / "home")
    store.init_schema()
    for rec in corpus_records[:12]:
        store.load_record(rec)
    expected = _evidence_seen(store)
    assert sum(len(a) for *_, a in expected[0]) > 100
    version = store.version()
    store._db.execute("UPDATE doc SET text = NULL WHERE nid IN (SELECT nid FROM doc ORDER BY nid LIMIT 4)")
    assert _evidence_seen(store) == expected
    assert _doc_text("前\x00后") is None and _doc_text("前后") == "前后" and _doc_text(None) == ""
    db = store._db
    for statement in ("ALTER TABLE doc DROP COLUMN text", "ALTER TABLE doc DROP COLUMN id",
                      "DROP INDEX node_ev_of", "DROP INDEX rel_ev_of",
                      "CREATE INDEX node_ev_owner ON node_ev(owner)", "CREATE INDEX rel_ev_owner ON rel_ev(owner)"):
        db.execute(statement)
    store.close()
    old = SQLiteStore.open(tmp_path / "home")
    assert not old._doc_text and _evidence_seen(old) == expected
    old.init_schema()
    indexes = {n for (n,) in old._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert old._doc_text and {"node_ev_of", "rel_ev_of"} <= indexes and not indexes & {"node_ev_owner", "rel_ev_owner"}
    assert old.version() == version and _evidence_seen(old) == expected
    texts = dict(old._db.execute("SELECT d.id, d.text FROM doc d"))
    assert texts == {i: t for i, t in old.document_texts(texts).items()}
    old.close()


def test_a_hubs_evidence_is_read_when_a_query_first_reads_it(corpus_records):
    """A practice's evidence (an entry per document naming it) is not read by a query that passes
    through it; reading it in any way — ``get``, ``[]``, a copy, ``items``, a comparison — gives what the
    full graph holds."""
    from graph.sqlite_view import SQLiteGraphView, _LazyEvidence

    store = loaded_alone(corpus_records)
    full = store.graph
    place, practice = next((u, v) for u, v, k in full.edges(keys=True) if k == "ADOPTS" and full.nodes[v]["ev_doc"])
    reads = []
    for how in (lambda a: a.get("ev_doc"), lambda a: a["ev_quote"], dict, lambda a: {**a}, lambda a: list(a.items()),
                lambda a: a == full.nodes[practice], lambda a: list(a.values())):
        view = SQLiteGraphView(store, store.version())
        hits = dict(view.edges_of(place, "ADOPTS", True))
        attrs, rel = view.nodes[practice], hits[practice]
        assert isinstance(attrs, _LazyEvidence) and dict.get(attrs, "ev_doc") == ()     # not read yet
        assert dict.get(rel, "ev_doc") == ()
        assert attrs.get("name") == full.nodes[practice]["name"] and dict.get(attrs, "ev_doc") == ()
        reads.append(how(attrs))
        assert dict(dict.items(attrs)) == dict(full.nodes[practice])                     # read, in place
        assert list(attrs) == list(full.nodes[practice])                                   # same key order
        assert dict(rel) == dict(full.edges[place, practice, "ADOPTS"])
    assert reads[0] == full.nodes[practice]["ev_doc"] and reads[1] == full.nodes[practice]["ev_quote"]
    assert reads[2] == reads[3] == dict(full.nodes[practice]) and reads[5] is True


def test_the_doc_tables_ids_and_texts_follow_loads_replacements_and_removals(synth_records):
    """The ids and texts the ``doc`` table keeps for cutting quotes are written in the transaction that
    loads, replaces or removes the document: after any sequence, what a store loaded from scratch with
    the documents left holds, and each the text of its Document node."""
    import json

    from tests.graph.test_conformance import _changed

    def table(store):
        rows = store._db.execute("SELECT d.id, d.text, n.id, n.props FROM doc d JOIN node n ON n.nid = d.nid").fetchall()
        assert all(i == n and t == json.loads(p)["text"] for i, t, n, p in rows)
        return sorted((i, t) for i, t, _, _ in rows)

    store = loaded_alone(synth_records[:6])
    new = _changed(synth_records[2])
    store.load_record(new)                              # the same source, another text: replaced
    assert store.remove_document(synth_records[4].doc_id)
    left = [r for r in synth_records[:6] if r not in (synth_records[2], synth_records[4])] + [new]
    assert table(store) == table(loaded_alone(left)) and len(table(store)) == 5
    assert (new.doc_id, new.text) in table(store)


def test_the_view_finds_every_document_by_its_id_alone(corpus_records, synth_records):
    """``_document_ids`` scans the index of ids for the documents' form: exactly the nids the ``doc`` table
    holds, after a replacement and a removal too (no other node's id passes for a document's)."""
    from graph.sqlite_view import SQLiteGraphView
    from tests.graph.test_conformance import _changed

    store = loaded_alone(corpus_records + synth_records[:6])
    store.load_record(_changed(synth_records[2]))
    assert store.remove_document(synth_records[4].doc_id)
    held = dict(store._db.execute("SELECT n.nid, n.id FROM doc d JOIN node n ON n.nid = d.nid").fetchall())
    assert len(held) == len(corpus_records) + 5
    assert SQLiteGraphView(store, store.version())._document_ids() == held


def test_a_view_of_an_older_graph_version_is_freed(synth_records):
    """What a view has loaded is frozen out of the cyclic collector's sight as it reads: the view and
    what it loaded must form no cycle, or a view replaced by the next graph version (in a process that
    serves queries for days) would never be freed."""
    import gc
    import weakref

    from queries import registry
    from queries.rows import _CACHE

    store = loaded_alone(synth_records[:4])
    view = store.query_graph()
    registry.run(store, "city_profile", {"place": synth_records[0].document.subject_place})
    registry.run(store, "named_model", {"name": synth_records[0].named_models[0].name})
    lazy = [a for a in view._attrs.values() if getattr(a, "_pending", None) is not None]
    assert lazy, "some hub's evidence is still unread"
    refs = [weakref.ref(view), weakref.ref(lazy[0])]
    del view, lazy
    gc.freeze()
    store.load_record(synth_records[4])                  # the next graph version
    assert store.query_graph() is not None
    for key in [k for k in _CACHE if k[0] == "graph_index"]:
        del _CACHE[key]                                  # (the per-version caches let it go in their turn)
    assert [r() for r in refs] == [None, None]


def test_a_new_file_being_created_by_another_process_is_waited_for(tmp_path):
    """Two `govkg build` runs creating one graph file at once: SQLite refuses the second one's switch
    to write-ahead logging at once ("database is locked", no busy wait) while the first holds its
    lock; the store waits for it instead of failing."""
    import sqlite3
    import threading
    import time

    path = tmp_path / "graph.sqlite"
    other = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")                  # the other process, in the middle of creating it
    other.execute("CREATE TABLE t (x)")               # (its write lock held; given up below)
    threading.Timer(0.5, lambda: other.execute("ROLLBACK")).start()
    started = time.monotonic()
    store = SQLiteStore(path, wait_s=30)
    try:
        assert time.monotonic() - started >= 0.4      # it waited for the lock, and then opened
        assert not store.documents()
    finally:
        store.close()
        other.close()


def test_names_are_looked_up_and_paged_through_the_index_of_names(tmp_path, corpus_records):
    """A name look-up, an id check and a page of names read the index of names (each statement's plan
    searches ``node_name``, no label scan), give what a scan of the label gives, and a file from before
    that index gets it at its next ``init_schema``."""
    from graph.sqlite_store import NAME_INDEX, NAMED_WHERE
    from graph.sqlite_view import _IN_NAMES, _NAME_INDEX

    assert _IN_NAMES == NAMED_WHERE and _NAME_INDEX == NAME_INDEX
    store = SQLiteStore.open(tmp_path)
    store.init_schema()
    for rec in corpus_records:
        store.load_record(rec)
    view = store.query_graph()
    assert view.names_indexed("Place") and not view.names_indexed("Measure")
    scan = sorted((name, node) for node, _, name, _, _ in view.label_rows("Place") if name)
    sent: list[str] = []
    store._db.set_trace_callback(sent.append)
    name, node = scan[len(scan) // 2]
    assert node in view.named_ids("Place", name)
    assert view.has_name("Place", name) and view.has_name("Place", node) and not view.has_name("Place", "无此地名")
    assert [(r[1], r[0]) for r in view.names_page("Place", None, 5)] == scan[:5]
    assert [(r[1], r[0]) for r in view.names_page("Place", name[:2], 1000)] == [x for x in scan if x[0].startswith(name[:2])]
    store._db.set_trace_callback(None)
    assert len(sent) >= 5
    for sql in sent:
        plan = " ".join(str(row[-1]) for row in store._db.execute("EXPLAIN QUERY PLAN " + sql))
        assert f"INDEX {NAME_INDEX}" in plan and "TEMP B-TREE" not in plan, (sql, plan)
    store._db.execute(f"DROP INDEX {NAME_INDEX}")
    store.close()
    store = SQLiteStore.open(tmp_path)
    assert not store.query_graph().names_indexed("Place")
    store.init_schema()
    assert store.query_graph().names_indexed("Place")
    store.close()



def test_places_are_found_by_name_id_and_alias_without_reading_every_place(tmp_path, corpus_records, monkeypatch):
    """``find_places`` on the embedded store looks the name up in the index of names, the id by its key and an
    alias among the places that have one (every place read was ~60 ms of a process's first city_profile at
    2,000 documents), with the answers of a scan of every place (``GraphIndex`` over ``label_rows``)."""
    from queries.walk import GraphIndex, find_places

    store = SQLiteStore.open(tmp_path)
    store.init_schema()
    for rec in corpus_records:
        store.load_record(rec)
    rows = store.query_graph().label_rows("Place")
    named = next(node for node, _, name, _, _ in rows if name)
    with store._write() as db:                      # a place known by another name too
        db.execute("UPDATE node SET props = json_set(props, '$.aliases', json(?)) WHERE id = ?", ('["某旧称"]', named))
        store._bump()
    view = store.query_graph()
    every = view.label_rows("Place")
    asked = ["某旧称", "无此地名", named, *{name for _, _, name, _, _ in every if name}]
    expected = {value: sorted(node for node, _, name, aliases, _ in every
                              if value in {node, name or ""} | set(aliases or [])) for value in asked}
    monkeypatch.setattr(GraphIndex, "rows", lambda self, lab: (_ for _ in ()).throw(AssertionError("every place read")))
    assert {value: find_places(view, value) for value in asked} == expected
    assert expected["某旧称"] == [named] and expected["无此地名"] == []
    store.close()


def test_document_texts_reads_the_documents_asked_only():
    """``document_texts`` (what ``search`` reads its best documents' texts with) gives the texts of the
    documents asked, found by id: the statement's steps do not grow with the documents of the graph
    (SQLite, left to choose, walked the label's index: every document read for twenty)."""
    from tests.support.synthetic import synthetic_records

    store = SQLiteStore()
    store.init_schema()
    store.load_records(list(synthetic_records(300, seed=7)))
    docs = [d for (d,) in store._db.execute("SELECT id FROM doc ORDER BY id")]
    assert len(docs) == 300
    other = store._db.execute("SELECT id FROM node WHERE label = 'Place' LIMIT 1").fetchone()[0]
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    store._db.set_progress_handler(step, 1)
    try:
        texts = store.document_texts([docs[7], "no such document", other])
    finally:
        store._db.set_progress_handler(None, 1)
    assert texts == {docs[7]: store.query_graph().nodes[docs[7]]["text"]}
    assert steps[0] < len(docs), steps[0]          # a few steps per id asked, not per document held


def test_a_place_s_incoming_links_of_one_type_are_read_alone(tmp_path):
    """A place's incoming relationships of one type (its districts' PART_OF) are found through the index
    of (end, type): the steps do not grow with its other incoming relationships (a city's figures'
    FOR_PLACE: thousands at 100,000 documents). A file with the earlier index of the end alone gets the
    new one at its next ``init_schema``."""
    import sqlite3

    from tests.support.synthetic import synthetic_records

    store = SQLiteStore(tmp_path / "graph.sqlite")
    store.init_schema()
    store.load_records(list(synthetic_records(300, seed=7)))
    db = store._db
    place, incoming = db.execute("SELECT e, count(*) FROM rel GROUP BY e ORDER BY count(*) DESC LIMIT 1").fetchone()
    place_id = db.execute("SELECT id FROM node WHERE nid = ?", (place,)).fetchone()[0]
    parts = db.execute("SELECT count(*) FROM rel WHERE e = ? AND type = 'PART_OF'", (place,)).fetchone()[0]
    assert incoming > 20 * (parts + 1)
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    view = store.query_graph(private=True)
    db.set_progress_handler(step, 1)
    try:
        links = view.linked([place_id], "PART_OF", False)
    finally:
        db.set_progress_handler(None, 1)
    assert len(links) == parts
    assert steps[0] < incoming, (steps[0], incoming)
    with store._write():                              # a file of the earlier revision
        db.execute("DROP INDEX rel_e_type")
        db.execute("CREATE INDEX rel_e ON rel(e)")
    store.close()
    again = SQLiteStore(tmp_path / "graph.sqlite")
    again.init_schema()
    names = {n for (n,) in again._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "rel_e_type" in names and "rel_e" not in names
    again.close()
    assert sqlite3.connect(tmp_path / "graph.sqlite").execute("PRAGMA integrity_check").fetchone()[0] == "ok"
