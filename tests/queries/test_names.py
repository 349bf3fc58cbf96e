"""Names a person types: an alias resolves to the graph's name everywhere a query takes a place,
practice or named model (濮阳 → 濮阳市); an unknown name is a clear error with the closest known names,
never a silent empty answer (issue 12)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.errors import UnknownNameError
from queries import registry


def test_an_alias_gives_the_same_answer_as_the_name(embedded_store):
    assert registry.run(embedded_store, "city_profile", {"place": "濮阳"}) == \
        registry.run(embedded_store, "city_profile", {"place": "濮阳市"})
    both = registry.run(embedded_store, "compare_cities", {"places": ["濮阳", "潜江"]})
    assert {r["place"] for r in both} == {"濮阳市", "潜江市"}
    assert registry.run(embedded_store, "exemplars", {"practice": "网格化管理"}) == \
        registry.run(embedded_store, "exemplars", {"practice": "网格化治理"})


@pytest.mark.parametrize("query,params,kind,close", [
    ("exemplars", {"practice": "网格"}, "Practice", "网格化治理"),
    ("city_profile", {"place": "濮阳县城"}, "Place", "濮阳市"),
    ("compare_cities", {"places": ["濮阳市", "潜江县"]}, "Place", "潜江市"),
    ("named_model", {"name": "12342"}, "NamedModel", "12341"),
])
def test_an_unknown_name_is_an_error_with_the_closest_names(embedded_store, query, params, kind, close):
    with pytest.raises(UnknownNameError) as err:
        registry.run(embedded_store, query, params)
    assert err.value.kind == kind and close in err.value.closest
    assert close in str(err.value) and close in err.value.chinese()


@pytest.fixture(scope="module")
def corpus_home(tmp_path_factory, corpus_records):
    from graph.sqlite_store import SQLiteStore

    path = tmp_path_factory.mktemp("names_home")
    store = SQLiteStore.open(path)
    store.init_schema()
    with store.batch():
        for rec in corpus_records:
            store.load_record(rec)
    store.close()
    return {"GOVKG_HOME": str(path), "GOVKG_STORE": "embedded"}


@pytest.mark.parametrize("args,close", [
    (["query", "compare_cities", "-p", "places", "濮阳市", "-p", "places", "潜江县"], "潜江市"),
    (["query", "exemplars", "-p", "practice", "网格"], "网格化治理"),
    (["coursepack", "--practice", "网格治理", "--out", "{tmp}/p.md"], "网格化治理"),
    (["coursepack", "--practice", "党建引领", "--place", "濮阳县城", "--out", "{tmp}/p.md"], "濮阳市"),
])
def test_cli_refuses_unknown_names_and_names_the_closest(corpus_home, tmp_path, args, close):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(main, args, env=corpus_home)
    assert result.exit_code != 0 and close in result.output, result.output
    assert not (tmp_path / "p.md").exists()


def test_cli_takes_aliases(corpus_home):
    result = CliRunner().invoke(main, ["query", "city_profile", "-p", "place", "濮阳", "--format", "json"],
                                env=corpus_home)
    assert result.exit_code == 0 and "濮阳市" in result.output and "(no rows)" not in result.output


def test_stats_lists_documents_with_their_titles(corpus_home, corpus_records):
    result = CliRunner().invoke(main, ["stats", "--documents"], env=corpus_home)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("document ")]
    assert len(lines) == len(corpus_records)
    for rec in corpus_records:
        line = next(x for x in lines if rec.doc_id in x)
        assert "《" in line and (rec.document.title or rec.document.subject_place) in line


def test_a_parameter_with_choices_takes_only_those_and_says_which():
    """The check lives with the parameter (``Param.choices``), not in the registry under the query's name."""
    from govkg.errors import QueryError
    from queries.spec import Param

    kind = Param("kind", "str", "a kind", choices=("甲", "乙"))
    assert kind.convert("probe", " 乙 ") == "乙"
    with pytest.raises(QueryError, match="one of 甲, 乙, got '丙'"):
        kind.convert("probe", "丙")
    assert registry.validate("names", {"label": "Place"}) == {"label": "Place", "prefix": None, "limit": 1000}
    with pytest.raises(QueryError, match="one of Place, Practice, NamedModel"):
        registry.validate("names", {"label": "Agency"})
    with pytest.raises(QueryError, match="non-empty 'places'"):
        registry.validate("compare_cities", {"places": "，"})


def test_a_name_written_in_traditional_characters_is_found_by_its_simplified_form(tmp_path):
    """A mirror page names its places and models in traditional characters (the graph shows its models
    so, and a place with an administrative code by the gazetteer's name); a person types them in
    simplified ones."""
    from graph.sqlite_store import SQLiteStore
    from loaders.extract.pipeline import extract_text

    store = SQLiteStore.open(tmp_path)
    store.init_schema()
    store.load_record(extract_text("關於推進社區治理的答覆\n\n宜昌市民政局印發《宜昌市社區志願服務條例》，"
                                   "在點軍區推行“鄰里守望”服務機制，建成社區服務站120個。", "page.txt"))
    as_written = registry.run(store, "city_profile", {"place": "宜昌市點軍區"})
    assert as_written and {r["place"] for r in as_written} == {"宜昌市点军区"}
    assert registry.run(store, "city_profile", {"place": "宜昌市点军区"}) == as_written
    assert registry.run(store, "city_profile", {"place": "点军区"}) == as_written
    assert registry.run(store, "named_model", {"name": "邻里守望"}) == \
        registry.run(store, "named_model", {"name": "鄰里守望"})
    store.close()


def test_a_name_typed_with_full_width_brackets_or_digits_resolves():
    from queries.naming import Names

    names = Names.from_rows([{"label": "NamedModel", "id": "m1", "name": "小区(网格)党组织派单"},
                             {"label": "NamedModel", "id": "m2", "name": "12341"}])
    assert names.resolve("NamedModel", "小区（网格）党组织派单") == "小区(网格)党组织派单"
    assert names.resolve("NamedModel", "１２３４１") == "12341"
    with pytest.raises(UnknownNameError):
        names.resolve("NamedModel", "小区（楼栋）党组织派单")


def test_names_gives_a_page_in_order_and_the_names_a_prefix_starts(embedded_store):
    """A person never needs every name at once: ``names`` gives the first ``limit`` by kind, name and id
    (the same rows as the whole list cut there), and ``prefix`` the names that start with it."""
    every = registry.all_names(embedded_store, "Place")
    assert len(every) > 12
    assert registry.run(embedded_store, "names", {"label": "Place", "limit": 7}) == every[:7]
    both = registry.run(embedded_store, "names", {"limit": 100000})
    assert registry.run(embedded_store, "names", {"limit": 9}) == both[:9]
    assert [r["label"] for r in both] == sorted(r["label"] for r in both)
    start = every[len(every) // 2]["name"][:2]
    hits = registry.run(embedded_store, "names", {"label": "Place", "prefix": start})
    assert hits == [r for r in every if r["name"].startswith(start)] and hits
    assert registry.run(embedded_store, "names", {"label": "Place", "prefix": "𠀀不存在"}) == []


def test_a_name_as_the_graph_spells_it_is_resolved_without_reading_every_name(embedded_store, monkeypatch):
    """A typed name that is a node's name or id is looked up in the store's index of names; every name of
    the label is read only for an alias or an unknown name."""
    name = registry.all_names(embedded_store, "NamedModel")[0]["name"]
    read = []
    real = registry.all_names
    monkeypatch.setattr(registry, "all_names", lambda store, label: read.append(label) or real(store, label))
    from queries.rows import uncache

    for label in ("NamedModel", "Place"):
        uncache(f"names:{label}", lambda: registry.graph_version(embedded_store))
    assert registry.resolve_name(embedded_store, "NamedModel", name) == name
    assert registry.run(embedded_store, "named_model", {"name": name})
    assert read == []
    assert registry.resolve_name(embedded_store, "Place", "濮阳") == "濮阳市" and read == ["Place"]


def test_a_name_typed_in_other_script_or_width_is_resolved_without_reading_every_name(tmp_path, monkeypatch):
    """A name typed in traditional characters or with full-width brackets (as an extraction record or a
    copied sentence writes it) is looked up folded in the index of names, as ``Names.resolve`` would
    resolve it, without reading every name of the label (3 s at 100,000 documents)."""
    from graph.sqlite_store import SQLiteStore
    from loaders.extract.pipeline import extract_text
    from queries.rows import uncache

    store = SQLiteStore.open(tmp_path)
    store.init_schema()
    store.load_record(extract_text("關於推進社區治理的答覆\n\n宜昌市民政局在點軍區推行“鄰里守望”服務機制，"
                                   "推廣“小区(网格)党组织派单”工作法。", "page.txt"))
    typed = {("Place", "宜昌市點軍區"): "宜昌市点军区",              # the graph: the gazetteer's name
             ("NamedModel", "小区（网格）党组织派单"): "小区(网格)党组织派单"}
    for (label, _t), name in typed.items():
        assert name in {r["name"] for r in registry.all_names(store, label)}
    slow = {label: registry.names_of(store, label) for label in ("Place", "NamedModel")}
    assert {k: slow[k[0]].resolve(*k) for k in typed} == typed        # what reading every name gives
    read = []
    real = registry.all_names
    monkeypatch.setattr(registry, "all_names", lambda store, label: read.append(label) or real(store, label))
    for label in ("Place", "NamedModel"):
        uncache(f"names:{label}", lambda: registry.graph_version(store))
    assert {k: registry.resolve_name(store, *k) for k in typed} == typed
    assert registry.run(store, "named_model", {"name": "小区（网格）党组织派单"}) == \
        registry.run(store, "named_model", {"name": "小区(网格)党组织派单"})
    assert read == []
    store.close()
