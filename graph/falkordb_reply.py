"""FalkorDB's compact reply read into rows of plain Python values, without the client's per-value objects.

The ``falkordb`` client turns every value of a reply into Python through a chain of calls per value,
then govkg turns its nodes and maps into plain values again (``falkordb_store._plain``): for a reply of
100,000 rows that was most of a query's time (``benchmarks/search_backend.py``). The stores' queries
return scalars, lists and maps; those are read here in one pass. A reply holding anything else (a
node, a relationship, a path, a point, a vector, a temporal value) is left to the client's reader
(:class:`Unhandled` raised), which gives the same values for the rest.

The compact format (``GRAPH.QUERY … --compact``): ``[header, rows, statistics]`` (``[statistics]``
for a statement that returns nothing); a header entry is ``[column type, name]``, a value is
``[type, payload]`` with the types of ``falkordb.query_result.ResultSetScalarTypes``.
"""
from __future__ import annotations

from typing import Any

__all__ = ["Unhandled", "rows"]

_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10


class Unhandled(Exception):
    """The reply holds a value this reader leaves to the client's."""



def _value(cell: list[Any]) -> Any:
    kind, payload = cell
    if kind == _STRING:
        return payload.decode() if isinstance(payload, bytes) else str(payload)
    if kind == _NULL:
        return None
    if kind == _INTEGER:
        return int(payload)
    if kind == _ARRAY:
        return [_value(c) for c in payload]
    if kind == _DOUBLE:
        return float(payload)
    if kind == _BOOLEAN:
        return (payload.decode() if isinstance(payload, bytes) else payload) == "true"
    if kind == _MAP:
        return {(payload[i].decode() if isinstance(payload[i], bytes) else str(payload[i])): _value(payload[i + 1])
                for i in range(0, len(payload), 2)}
    raise Unhandled(kind)


def rows(reply: list[Any]) -> list[dict[str, Any]]:
    """The rows of a compact reply, as dicts by column name (none for a statement without RETURN).
    ``Unhandled`` for a value of a type not read here."""
    if len(reply) < 3:
        return []
    names = [h[1] if isinstance(h, (list, tuple)) else h for h in reply[0]]
    if not names:
        return []
    out = []
    for row in reply[1]:
        record = {}
        for name, cell in zip(names, row):
            kind = cell[0]
            if kind == _STRING:                    # most values: read inline
                payload = cell[1]
                record[name] = payload if type(payload) is str else _value(cell)
            elif kind == _NULL:
                record[name] = None
            else:
                record[name] = _value(cell)
        out.append(record)
    return out
