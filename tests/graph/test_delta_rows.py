"""A delta as the embedded store's rows (graph/delta_rows.py), made where the delta is made: loading the rows
(pickled, as the pool hands them over) writes the file that loading the delta writes, table by table, for new
documents, documents whose facts merge into existing nodes and relationships (new properties over old), and
documents that replace their older version."""
from __future__ import annotations

import json
import sqlite3

import pytest


def _tables(path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(path)
    try:
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: sorted(db.execute(f"SELECT * FROM {n}").fetchall(), key=repr)    # (names from the file itself)
                for n in names if n != "meta"}
    finally:
        db.close()


def _batches(names):
    from graph.delta import record_to_delta
    from tests.support.synthetic import synthetic_records

    recs = list(synthetic_records(48, seed=11))
    changed = [rec.model_copy(update={"text": rec.text + "\n（修订）"}) for rec in recs[:6]]
    return [[record_to_delta(rec, names) for rec in part] for part in (recs[:20], recs[20:], changed)] + [_merging()]


def _merging():
    """Two documents naming one place and one relationship, the second with properties the first lacks
    and one it changes: the second merges them into the rows the first wrote."""
    from graph.delta import DocumentDelta
    from graph.model import Evidence

    out = []
    for n, props in enumerate(({"name": "测试市"}, {"name": "测试市", "level": "city", "code": (1, 2)})):
        doc = f"{n:016x}"
        text = f"第{n}篇。测试市推行网格化管理。"
        d = DocumentDelta(doc, "v1", f"merge/{n}.txt", {"id": doc, "text": text, "version": "v1"})
        ev = [Evidence(doc, 3, 6, text[3:])]
        d.node("Place", "pl_merge", props, ev)
        d.node("Place", "pl_merge2", {"name": "测试区"}, ev)
        d.rel("PART_OF", "pl_merge2", "pl_merge", ev, {"since": n} if n else None)
        d.rel("MENTIONS", doc, "pl_merge", ev)
        out.append(d)
    return out


@pytest.mark.parametrize("kept", [False, True])
def test_rows_load_the_file_the_delta_loads(tmp_path, kept):
    from graph.delta_rows import delta_rows
    from graph.sqlite_store import SQLiteStore, graph_path
    from graph.taxonomy import practice_names
    from queries.registry import maintain_indexes

    names = practice_names()
    files = []
    for side in ("delta", "rows"):
        home = tmp_path / side
        store = SQLiteStore.open(home)
        if kept:
            store = maintain_indexes(store)
        store.init_schema()
        outcomes = []
        for deltas in _batches(names):
            if side == "rows":          # through a pickle, as the pool hands them over
                import pickle

                deltas = pickle.loads(pickle.dumps([delta_rows(d) for d in deltas]))
            outcomes += store.load_deltas(deltas)
            if kept:
                store.flush_rows()
        store.close()
        files.append((_tables(graph_path(home)), [o.value for o in outcomes]))
    (delta_tables, delta_outcomes), (rows_tables, rows_outcomes) = files
    assert delta_outcomes == rows_outcomes and delta_outcomes.count("updated") == 6
    assert delta_tables.keys() == rows_tables.keys()
    for name in delta_tables:
        assert delta_tables[name] == rows_tables[name], name
    assert len(delta_tables["node_ev"]) > 100 and len(delta_tables["rel_ev"]) > 100
    merged = [json.loads(props) for _, node_id, _, props in delta_tables["node"] if node_id == "pl_merge"]
    assert merged == [{"id": "pl_merge", "name": "测试市", "level": "city", "code": [1, 2]}]
    nid = {node_id: n for n, node_id, _, _ in delta_tables["node"]}
    assert [json.loads(props) for _, rel_type, s, e, props in delta_tables["rel"]
            if (rel_type, s, e) == ("PART_OF", nid["pl_merge2"], nid["pl_merge"])] == [{"since": 1}]
    if kept:
        assert delta_tables["kept_row"]


def test_a_node_row_holds_its_properties_as_stored_and_as_merged():
    from graph.delta import DocumentDelta
    from graph.delta_rows import delta_rows, merged_props, props_json
    from graph.model import Evidence

    d = DocumentDelta("d1", "v", "s", {"id": "d1", "text": "甲乙丙。丁戊。"})
    ev = [Evidence("d1", 0, 2, "甲乙丙。"), Evidence("d1", 4, 5, "不在文中")]
    d.node("Place", "p1", {"name": "延吉市", "level": "city", "ev_doc": ["x"]}, ev)
    d.node("Practice", "k1", {}, ev[:1])
    d.node("Practice", "k2", {"id": "own", "name": "网格"}, ev[:1])
    rows = delta_rows(d)
    for (node_id, _label, stored, _cut, _ev), props in zip(rows.nodes, (n.props for n in d.nodes.values())):
        assert stored == props_json({"id": node_id, **props})
        assert json.loads(merged_props((node_id, _label, stored, _cut, _ev))) == \
            {k: v for k, v in props.items() if not k.startswith("ev_")}
    assert rows.nodes[0][4] == [(0, 2, 0, 4, None), (4, 5, None, None, "不在文中")]
    assert rows.document_json == props_json({**d.document, "complete": True})
