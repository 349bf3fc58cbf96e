"""Deltas made in another process (graph/delta_pool.py): a build whose records are turned into deltas
apart from the writer gives the graph a build in one process gives, and keeps the order of its input."""
from __future__ import annotations


def _graph(store):
    nodes, rels = store.export_rows()
    return (sorted(repr(sorted(n.items())) for n in nodes), sorted(repr(sorted(r.items())) for r in rels))


def test_deltas_made_apart_build_the_same_graph(tmp_path, corpus_paths):
    from graph.build import build_paths
    from graph.sqlite_store import SQLiteStore

    excerpts = sorted((corpus_paths[0].parent / "excerpts").glob("*.txt"))[:20]
    paths = [*corpus_paths, *excerpts]
    graphs = []
    for workers in (1, 2):
        store = SQLiteStore.open(tmp_path / f"home{workers}")
        report = build_paths(paths, store, progress=False, workers=workers)
        assert len(report.added) == len(paths) and not report.failed
        graphs.append(_graph(store))
        store.close()
    assert graphs[0] == graphs[1]


def test_the_pool_keeps_order_and_passes_errors_through():
    from graph.delta_pool import deltas
    from tests.support.synthetic import synthetic_records

    recs = list(synthetic_records(60, seed=5))
    items = [(f"s{i}", rec.to_json_line(), None) for i, rec in enumerate(recs)]
    items[7] = ("s7", None, "s7: unreadable")
    items[30] = ("s30", "{not json", None)
    out = list(deltas(items))
    assert [source for source, _, _ in out] == [source for source, _, _ in items]
    assert out[7] == ("s7", None, "s7: unreadable")
    assert out[30][1] is None and out[30][2].startswith("s30: not an extraction record")
    assert [d.doc_id for i, (_, d, _) in enumerate(out) if i not in (7, 30)] == \
        [r.doc_id for i, r in enumerate(recs) if i not in (7, 30)]


def test_a_reader_that_stops_early_stops_the_feeding_thread_and_the_input():
    import threading

    from graph.delta_pool import deltas
    from tests.support.synthetic import synthetic_records

    closed = []

    def lines():
        try:
            for i, rec in enumerate(synthetic_records(300, seed=5)):
                yield f"s{i}", rec.to_json_line(), None
        finally:
            closed.append(True)

    before = threading.active_count()
    out = deltas(lines())
    assert [next(out)[0] for _ in range(3)] == ["s0", "s1", "s2"]
    out.close()
    assert closed == [True] and threading.active_count() == before


def test_an_error_in_the_input_reaches_the_reader():
    import pytest

    from graph.delta_pool import deltas

    def lines():
        yield "s0", None, "s0: unreadable"
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        list(deltas(lines()))
