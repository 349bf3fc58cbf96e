"""The `govkg query` / `govkg queries` commands on a memory store saved under a temporary GOVKG_HOME."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govkg.cli import main
from queries import registry


@pytest.fixture(scope="module")
def home(tmp_path_factory, synth_records):
    from graph.sqlite_store import SQLiteStore

    path = tmp_path_factory.mktemp("home")
    store = SQLiteStore.open(path)
    store.init_schema()
    with store.batch():
        for rec in synth_records[:10]:
            store.load_record(rec)
    store.close()
    return path, synth_records[:10]


def test_queries_lists_every_query_with_parameters():
    result = CliRunner().invoke(main, ["queries"])
    assert result.exit_code == 0, result.output
    for spec in registry.catalogue():
        assert f"{spec.name} — {spec.title}" in result.output
        for p in spec.params:
            assert f"-p {p.name} (" in result.output


def test_query_json_with_repeated_and_comma_lists(home):
    path, recs = home
    a, b = recs[0].document.subject_place, recs[1].document.subject_place
    env = {"GOVKG_HOME": str(path), "GOVKG_STORE": "embedded"}
    repeated = CliRunner().invoke(main, ["query", "compare_cities", "-p", "places", a, "-p", "places", b,
                                         "--format", "json"], env=env)
    comma = CliRunner().invoke(main, ["query", "compare_cities", "-p", "places", f"{a},{b}", "--format", "json"],
                               env=env)
    assert repeated.exit_code == 0, repeated.output
    rows = json.loads(repeated.output)
    assert rows and {r["place"] for r in rows} == {a, b}
    assert json.loads(comma.output) == rows


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_query_table_and_csv(home, fmt):
    path, recs = home
    result = CliRunner().invoke(main, ["query", "city_profile", "-p", "place", recs[0].document.subject_place,
                                       "--format", fmt], env={"GOVKG_HOME": str(path)})
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0]
    assert header.split("," if fmt == "csv" else "\t")[:3] == ["place_id", "place", "section"]


@pytest.mark.parametrize("args,message", [
    (["query", "nope"], "no query named 'nope'"),
    (["query", "city_profile"], "needs parameter 'place'"),
    (["query", "city_profile", "-p", "town", "x"], "has no parameter 'town'"),
    (["query", "search", "-p", "text", "a", "-p", "limit", "many"], "expected a whole number"),
    (["query", "similar_practices", "-p", "text", "a", "-p", "measure", "me_x"], "exactly one of"),
])
def test_query_errors_are_clear(home, args, message):
    result = CliRunner().invoke(main, args, env={"GOVKG_HOME": str(home[0])})
    assert result.exit_code != 0
    assert message in result.output
