"""The compact-reply reader (graph/falkordb_reply.py) gives what the falkordb client's reader gives, on
a real server, for every kind of value the stores' statements return; other kinds go to the client."""
from __future__ import annotations

import os

import pytest

from graph.falkordb_reply import Unhandled, rows

VALUES = """RETURN '社区“治理”\\n\\\\' AS s, '' AS empty, 42 AS i, -7 AS neg, 2.5 AS f, 1.0 / 3 AS third, true AS t,
false AS no, null AS nothing, [] AS none, [1, 'a', null, [2.0, ['深']], {k: 'v'}] AS nested,
{a: 1, b: ['x', null], c: {d: false}} AS map, range(0, 3) AS r, toString(12345678901234) AS big"""


@pytest.fixture()
def graph(falkor_server):
    from falkordb import FalkorDB

    db = FalkorDB(host=falkor_server.host, port=falkor_server.port, password=falkor_server.password or None)
    g = db.select_graph(f"reply_test_{os.getpid()}")
    g.query("CREATE (:X {name: '甲', n: 1})-[:R {w: 2}]->(:X {name: '乙', n: 2})")
    yield g
    g.delete()


def _client(graph, text):
    result = graph.query(text)
    names = [h[1] for h in result.header]
    return [dict(zip(names, row)) for row in result.result_set]


def _compact(graph, text):
    return graph.execute_command("GRAPH.QUERY", graph.name, text, "--compact")


def test_scalars_lists_and_maps_read_as_the_client_reads_them(graph):
    ours = rows(_compact(graph, VALUES))
    assert ours == [{k: (dict(v) if isinstance(v, dict) else v) for k, v in row.items()} for row in _client(graph, VALUES)]
    assert ours[0]["s"] == "社区“治理”\n\\" and ours[0]["third"] == pytest.approx(1 / 3) and ours[0]["nested"][-1] == {"k": "v"}


def test_rows_of_a_match_and_of_a_statement_without_return(graph):
    text = "MATCH (x:X) RETURN x.name AS name, x.n AS n ORDER BY n"
    assert rows(_compact(graph, text)) == _client(graph, text) == [{"name": "甲", "n": 1}, {"name": "乙", "n": 2}]
    assert rows(_compact(graph, "MATCH (x:X) SET x.seen = true")) == []
    assert rows(_compact(graph, "MATCH (x:X) WHERE x.n > 5 RETURN x.n AS n")) == []


@pytest.mark.parametrize("text", ["MATCH (x:X) RETURN x", "MATCH ()-[r:R]->() RETURN r", "MATCH p = (:X)-[:R]->(:X) RETURN p",
                                  "RETURN point({latitude: 1.0, longitude: 2.0}) AS p"])
def test_nodes_relationships_paths_and_points_are_left_to_the_client(graph, text):
    with pytest.raises(Unhandled):
        rows(_compact(graph, text))


def test_the_store_reads_nodes_through_the_client(falkor_server):
    from graph.falkordb_store import FalkorStore

    store = FalkorStore(falkor_server.host, falkor_server.port, f"reply_store_{os.getpid()}", password=falkor_server.password)
    try:
        store.run_cypher("CREATE (:X {name: '丙'})")
        assert store.run_cypher("MATCH (x:X) RETURN x, x.name AS name") == [{"x": {"_label": "X", "name": "丙"}, "name": "丙"}]
    finally:
        store._graph.delete()
        store.close()
