"""Indexes kept in a graph file belong to the code that computed them: a file opened by other code
(govkg upgraded) does not show them, and its next build computes them again."""
from __future__ import annotations

from graph.revision import code_revision
from graph.sqlite_store import SQLiteStore
from queries import registry
from tests.support.synthetic import synthetic_records


def _set_code(store: SQLiteStore, code: str, indexes: str = "") -> None:
    """The file as other code left it: ``code`` its revision, and each row index whose name starts with
    ``indexes`` (all: "") marked by another revision of its own code."""
    with store._write() as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'code'", (code,))
        db.execute("UPDATE meta SET value = substr(value, 1, instr(value, ' ')) || ? "
                   "WHERE key LIKE 'rows:%' AND substr(key, 6) LIKE ? || '%'", (code, indexes))
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


def test_the_revision_covers_the_code_of_every_kept_index_and_leaves_extraction_rules_out():
    from graph.revision import _ROOT, index_sources

    sources = {p.relative_to(_ROOT).as_posix() for p in index_sources()}
    modules = {type(ix).__module__ for ix in registry.row_indexes()}
    modules |= {registry.implementation(query).__name__ for query in registry.KEPT.values()}
    for module in modules | {"graph.sqlite_store", "graph.sqlite_rows", "graph.sqlite_postings"}:
        assert module.replace(".", "/") + ".py" in sources, module
    # what those modules import, at any depth (the gazetteer and the taxonomy through loaders.reference,
    # which only passes them on: the modules that define them are read, not it)
    assert {"loaders/extract/gazetteer.py", "loaders/extract/practices.py",
            "data/practices.json", "loaders/extract/admin_changes.csv", "queries/inventory.cypher"} <= sources
    # the extraction's own rules, the file readers, the command line and the explorer are not read by any
    # index: changing them leaves a large graph's indexes valid
    assert not {"loaders/extract/models.py", "loaders/extract/agencies.py", "loaders/read/html.py",
                "govkg/cli/graph_cmd.py", "govkg/api.py", "govkg/settings.py"} & sources
    assert not any(s.startswith("app/") for s in sources)


def _stale_store(tmp_path, documents: int) -> SQLiteStore:
    store = SQLiteStore.open(tmp_path)
    registry.maintain_indexes(store)
    store.init_schema()
    store.load_records(list(synthetic_records(documents)))
    registry.keep_indexes(store)
    return store


def test_a_large_graph_with_other_code_indexes_refuses_to_compute_them_in_memory_until_init(tmp_path, monkeypatch):
    import pytest

    from govkg.api import indexes_outdated, refresh_indexes
    from govkg.errors import IndexesOutdated
    from queries import kept

    store = _stale_store(tmp_path, 12)
    params = {"text": "网格化管理 志愿服务"}
    before = registry.run(store, "similar_practices", params)
    assert before
    assert indexes_outdated(store) is None
    _set_code(store, "an-older-revision")
    assert indexes_outdated(store) == 12

    monkeypatch.setattr(kept, "RECOMPUTE_AT_MOST", 11)     # the graph counts as large
    fresh = SQLiteStore.open(tmp_path)                    # another process: nothing cached
    registry.maintain_indexes(fresh)
    with pytest.raises(IndexesOutdated, match="govkg init"):
        registry.run(fresh, "similar_practices", params)
    assert refresh_indexes(fresh)                        # `govkg init`
    assert indexes_outdated(fresh) is None
    assert registry.run(fresh, "similar_practices", params) == before
    fresh.close()

    monkeypatch.setattr(kept, "RECOMPUTE_AT_MOST", 12)     # a small graph computes it in memory, same answer
    _set_code(store, "an-older-revision")
    store._code_current = None
    again = SQLiteStore.open(tmp_path)
    registry.maintain_indexes(again)
    assert registry.run(again, "similar_practices", params) == before
    again.close()
    store.close()


def test_govkg_init_computes_the_indexes_of_an_upgraded_home_again(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from govkg.cli import main
    from graph.sqlite_store import graph_path

    home = tmp_path / "home"
    monkeypatch.setenv("GOVKG_HOME", str(home))
    monkeypatch.setenv("GOVKG_STORE", "embedded")
    home.mkdir()
    store = _stale_store(home, 6)
    assert graph_path(home).exists()
    _set_code(store, "an-older-revision")
    store.close()

    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert "computing the kept indexes again" in result.output and "(6 documents)" in result.output
    assert "indexes kept: " in result.output and "similar_practices" in result.output
    again = CliRunner().invoke(main, ["init"])              # idempotent: nothing outdated now
    assert again.exit_code == 0 and "computing" not in again.output


def test_govkg_explore_opens_an_upgraded_home_it_cannot_write(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import govkg.api
    from govkg.cli import app_cmd, main
    from govkg.errors import StoreUnavailable

    home = tmp_path / "home"
    monkeypatch.setenv("GOVKG_HOME", str(home))
    monkeypatch.setenv("GOVKG_STORE", "embedded")
    home.mkdir()
    store = _stale_store(home, 4)
    _set_code(store, "an-older-revision")
    store.close()

    def read_only(_store):
        raise StoreUnavailable("the graph file is read-only")

    started = []
    monkeypatch.setattr(govkg.api, "refresh_indexes", read_only)
    monkeypatch.setattr(app_cmd.subprocess, "call", lambda cmd, **kw: started.append(cmd) or 0)
    result = CliRunner().invoke(main, ["explore", "--no-build"])
    assert result.exit_code == 0, result.output
    assert "not computed again" in result.output and "read-only" in result.output
    assert started and "streamlit" in started[0]


def test_each_row_index_has_the_revision_of_its_own_code():
    from graph.revision import _ROOT, code_revision, index_revision, index_sources

    def sources(module):
        return {p.relative_to(_ROOT).as_posix() for p in index_sources(module)}

    inventory, similar = sources("queries.inventory"), sources("queries.similar_practices")
    for of in (inventory, similar):       # what computes, reads and keeps every index's rows
        assert {"graph/sqlite_rows.py", "graph/sqlite_view.py", "graph/sqlite_postings.py"} <= of
        assert "graph/sqlite_store.py" not in of       # the writer: what it wrote is read through the view
        assert of <= {p.relative_to(_ROOT).as_posix() for p in index_sources()}
    assert "queries/inventory.py" in inventory and "queries/inventory.cypher" in inventory
    assert "queries/similar_practices.py" not in inventory and "queries/similarity.py" not in inventory
    assert "queries/similar_practices.py" in similar and "queries/inventory.cypher" not in similar
    revisions = {type(ix).__module__: index_revision(type(ix).__module__) for ix in registry.row_indexes()}
    assert len(set(revisions.values())) == len(revisions) and code_revision() not in revisions.values()


def test_a_changed_revision_of_one_index_refills_that_index_only_and_its_stale_rows_are_never_read(tmp_path):
    from graph import sqlite_rows

    store = _stale_store(tmp_path, 12)
    names = [ix.name for ix in registry.row_indexes()]
    params = {"section": "document"}
    before = registry.run(store, "inventory", params)
    assert len(before) == 12 and all(store.rows_current(name) for name in names)

    _set_code(store, "an-older-revision", indexes="inventory")   # only the inventory's code changed
    with store._write() as db:                      # and its rows say something else: never to be shown
        db.execute("UPDATE kept_row SET value = ? WHERE name = 'inventory'", (b'{"section":"document","id":"x"}',))
    fresh = SQLiteStore.open(tmp_path)               # another process
    registry.maintain_indexes(fresh)
    assert [name for name in names if not fresh.rows_current(name)] == ["inventory"]
    assert fresh.stale_rows() == ["inventory"]
    assert registry.run(fresh, "inventory", params) == before      # computed without its rows

    seeded = []
    seed = sqlite_rows.RowKeeper.seed

    def spy(self, ix):
        seeded.append(ix.name)
        seed(self, ix)

    sqlite_rows.RowKeeper.seed = spy
    try:
        fresh.init_schema()                         # what `govkg init` and every build do
        registry.keep_indexes(fresh)
    finally:
        sqlite_rows.RowKeeper.seed = seed
    assert seeded == ["inventory"]
    assert all(fresh.rows_current(name) for name in names) and fresh.stale_rows() == []
    assert registry.run(fresh, "inventory", params) == before
    assert b'"id":"x"' not in b"".join(fresh.kept_rows("inventory"))
    fresh.close()
    store.close()


def test_a_change_of_the_writer_alone_refills_no_index(tmp_path):
    store = _stale_store(tmp_path, 6)
    names = [ix.name for ix in registry.row_indexes()]
    with store._write() as db:                      # the code revision (graph/sqlite_store.py changed)
        db.execute("UPDATE meta SET value = 'another-writer' WHERE key = 'code'")
    store._code_current = None
    fresh = SQLiteStore.open(tmp_path)
    registry.maintain_indexes(fresh)
    assert all(fresh.rows_current(name) for name in names)
    fresh.init_schema()
    assert fresh.code_current() and all(fresh.rows_current(name) for name in names)
    fresh.close()
    store.close()


def test_a_name_passed_on_by_loaders_reference_makes_an_index_read_the_module_that_defines_it_only():
    """``graph.model`` reads ``fold_name`` through ``loaders.reference``, which also passes on the place
    rules: a change to those refills only the indexes whose code calls them (``queries.grading`` calls
    ``admin_mentions``), a change to the fold every index."""
    from graph.revision import _ROOT, _imported, index_sources

    def refilled(path):
        return {ix.name for ix in registry.row_indexes()
                if path in {p.relative_to(_ROOT).as_posix() for p in index_sources(type(ix).__module__)}}

    everything = {ix.name for ix in registry.row_indexes()}
    assert refilled("loaders/extract/script.py") == everything
    assert refilled("loaders/extract/places.py") == {"exemplar_pieces", "exemplars", "city_pieces", "place_figures"}
    assert not refilled("loaders/reference.py")
    assert _imported(b"from loaders.reference import fold_name\n") == {"loaders.extract.script"}
    assert _imported(b"    from loaders.reference import (\n        fold_name,\n        admin_mentions,\n    )\n") == {
        "loaders.extract.script", "loaders.extract.places"}
    # a module imported as such, and a name its module defines itself, are read as before
    assert _imported(b"from queries import walk\n") == {"queries", "queries.walk"}
    assert _imported(b"from queries.walk import out_edges\n") == {"queries.walk"}


def test_a_query_in_a_new_process_computes_the_revisions_of_the_indexes_it_reads_only(tmp_path, monkeypatch):
    """Each row index's revision hashes the sources its module imports (≈ 10 ms each, ≈ 90 ms for all on
    a process's first query): a query that reads one index asks for that index's revision alone."""
    import graph.sqlite_rows

    store = SQLiteStore.open(tmp_path)
    registry.maintain_indexes(store)
    store.init_schema()
    store.load_records(list(synthetic_records(10)))
    registry.keep_indexes(store)
    store.close()

    asked: list[str] = []
    real = graph.sqlite_rows.index_revision
    monkeypatch.setattr(graph.sqlite_rows, "index_revision", lambda module: asked.append(module) or real(module))
    fresh = SQLiteStore.open(tmp_path)                  # a new process's store: no revision asked yet
    registry.maintain_indexes(fresh)
    assert asked == []
    name = registry.row_indexes()[0].name
    assert fresh.rows_current(name)
    assert asked == [type(registry.row_indexes()[0]).__module__]
    fresh.close()
