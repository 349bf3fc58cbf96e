"""``govkg query NAME --show-cypher``: the statement a Cypher store would be sent and its parameters,
printed without running it or opening a store, whatever the store setting."""
from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govkg.cli import main
from queries import registry

# each query's first own example, as `govkg query` arguments
EXAMPLES: dict[str, list[str]] = {q.name: q.example_args(q.examples[0])[1:] for q in registry.catalogue()}


def sent_by_a_cypher_store(name: str, params: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """What the Neo4j store is handed when the query's rows are fetched (recorded, not sent)."""
    from graph.neo4j_store import Neo4jStore

    class Recorder(Neo4jStore):
        def __init__(self) -> None:
            self.uri, self.database, self.sent = "recorder", "neo4j", []

        def close(self) -> None:
            pass

        def _run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
            self.sent.append((query, dict(params or {})))
            return []

    store = Recorder()
    registry.fetcher(store, name)(params)
    return store.sent


def test_every_query_has_an_example():
    assert all(q.examples for q in registry.catalogue())
    assert EXAMPLES["compare_cities"] == ["-p", "places", "濮阳市,潜江市"]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@pytest.mark.parametrize("store", ["embedded", "falkordb", "neo4j"])
def test_show_cypher_prints_what_the_store_is_sent(name, store, tmp_path):
    home = tmp_path / "home"
    env = {"GOVKG_HOME": str(home), "GOVKG_STORE": store, "NEO4J_URI": "", "FALKORDB_HOST": ""}
    result = CliRunner().invoke(main, ["query", name, *EXAMPLES[name], "--show-cypher"], env=env)
    assert result.exit_code == 0, result.output
    *cypher, last = result.stdout.rstrip("\n").split("\n")
    assert last.startswith("// parameters: ")
    params = json.loads(last.removeprefix("// parameters: "))
    assert [("\n".join(cypher), params)] == [(q.rstrip("\n"), p) for q, p in sent_by_a_cypher_store(name, params)]
    assert not home.exists(), "--show-cypher opened the store"
    if store == "embedded":
        assert f"queries/{name}.py" in result.stderr


def test_show_cypher_parameters_are_checked_and_filled():
    result = CliRunner().invoke(main, ["query", "compare_cities", "-p", "places", "濮阳市，潜江市", "--show-cypher"])
    assert result.exit_code == 0, result.output
    last = result.stdout.rstrip("\n").split("\n")[-1]
    assert json.loads(last.removeprefix("// parameters: ")) == {"places": ["濮阳市", "潜江市"], "practices": []}
    assert "濮阳 → 濮阳市" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["query", "search", "--show-cypher"], "needs parameter 'text'"),
    (["query", "exemplars", "-p", "practice", "红色物业", "-p", "k", "0", "--show-cypher"], "between 1 and 200"),
    (["query", "nosuch", "--show-cypher"], "no query named 'nosuch'"),
])
def test_show_cypher_refuses_bad_input_in_one_line(args, message):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and message in result.output, result.output


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_show_cypher_says_when_the_statement_is_a_projection(name):
    """similar_practices, similar_cities and practice_communities compute their answer in Python from the
    rows the statement reads: --show-cypher says so instead of passing the projection off as the query."""
    result = CliRunner().invoke(main, ["query", name, *EXAMPLES[name], "--show-cypher"],
                                env={"GOVKG_STORE": "falkordb", "FALKORDB_HOST": ""})
    assert result.exit_code == 0, result.output
    said = f"queries/{name}.py 中用 Python" in result.stderr
    assert said == (name in {"similar_practices", "similar_cities", "practice_communities"}), result.stderr
