"""Indexes kept in a graph file belong to the code that computed them: a file opened by other code
(govkg upgraded) does not show them, and its next build computes them again."""
from __future__ import annotations

from graph.revision import code_revision
from graph.sqlite_store import SQLiteStore
from queries import registry
from tests.support.synthetic import synthetic_records


def _set_code(store: SQLiteStore, code: str) -> None:
    with store._write() as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'code'", (code,))
    store._code_current = None


def test_indexes_kept_by_other_code_are_not_used_and_a_build_computes_them_again(tmp_path):
    store = SQLiteStore.open(tmp_path)
    registry.maintain_indexes(store)
    store.init_schema()
    store.load_records(list(synthetic_records(20)))
    registry.keep_indexes(store)
    names = [ix.name for ix in registry.row_indexes()]
    assert names and all(store.rows_current(name) for name in names)
    before = registry.run(store, "inventory", {})

    _set_code(store, "an-older-revision")               # the file as an earlier govkg left it
    assert not any(store.rows_current(name) for name in names)
    assert store.kept_version("search") is None
    assert registry.run(store, "inventory", {}) == before   # answered without them, the same

    store.init_schema()                                  # what every build does first
    assert store._meta()["code"] == code_revision()
    registry.keep_indexes(store)
    assert all(store.rows_current(name) for name in names)
    assert registry.run(store, "inventory", {}) == before
    store.close()


def test_a_new_graph_file_records_the_code_revision(tmp_path):
    store = SQLiteStore.open(tmp_path)
    assert store._meta()["code"] == code_revision() and store.code_current()
    store.close()
