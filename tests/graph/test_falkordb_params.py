"""The FalkorDB store writes its own parameter header (``CYPHER name=literal …``, faster than the
client's): every value comes back from the server exactly as sent, hostile text included, and
never becomes Cypher code."""
from __future__ import annotations

import pytest

HOSTILE = "'}) MATCH (n) DETACH DELETE n // \\' \" ` <script>\n\t\x02"

VALUES = [
    HOSTILE, [HOSTILE, "a", "\\", "\\b", "\\u0041"], [1, 2, 3], [], None, 1.5, True, "",
    {"id": HOSTILE, "props": {"x": [1, None, 'q",`k`:'], "b": False, "f": -2.25}},
    [{"a": 1}, {"a": []}], ["中文\r\n", "x\x0cy", "\x1f", "é\u2028😀"],
    {"ev_q": [0, 1], "docs": ['a,"b":1', "{c}", '",`d`:']},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_parameters_round_trip(make_store, value):
    store = make_store("falkordb")
    assert store.run_cypher("RETURN $x AS x, $y AS y", {"x": value, "y": "后"}) == [{"x": value, "y": "后"}]
    assert store.stats()["nodes"].get("Document", 0) == 0            # nothing ran but the RETURN
