"""Whether two embedded-store homes hold the same tables, row for row: each table of one graph file read in
its primary key's order (every column), hashed, and compared with the other's — per index name for the
tables that hold several indexes (``kept_row``, ``kept``, the postings tables). What a change to the fill
must leave as it was: fill two copies of one home, from the old and the new checkout, then

    .venv/bin/python benchmarks/compare_homes.py /tmp/fill/old /tmp/fill/new

prints one JSON line per table (or index) with its row count in each and whether they are equal, and
exits 1 when any differs. The ``meta`` keys that name the code which wrote them (``code``, and the
revision in each ``rows:<name>`` mark: ``graph/revision.py``) differ between two checkouts by design:
the mark's write counter is compared, its revision is not.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# tables holding several indexes: compared per name (the first column)
_BY_NAME = ("kept_row", "kept", "post_item", "post_attr", "post_gram", "post_seg", "post_dead", "kept_dirty")
# meta keys whose value depends on the code's revision, not on the graph
_CODE_KEYS = ("code",)


def _graph_file(home: Path) -> Path:
    return home if home.is_file() else home / "graph" / "graph.sqlite"


def _tables(db: sqlite3.Connection) -> list[str]:
    return [name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute("SELECT * FROM pragma_table_info(?)", (table,))]


def _meta_value(key: str, value: str) -> str:
    """A meta value as compared: a row index's mark without its code revision (``<counter> <revision>``)."""
    if key.startswith("rows:"):
        return value.split(" ", 1)[0]
    return value


def _rows(db: sqlite3.Connection, table: str) -> Iterator[tuple[str, tuple]]:
    """(group, row) of every row of ``table`` in the order of all its columns: the group is the index name
    for the tables of ``_BY_NAME``, else the table."""
    columns = _columns(db, table)
    order = ", ".join(f'"{c}"' for c in columns)              # names read from the file's own schema
    for row in db.execute(f'SELECT {order} FROM "{table}" ORDER BY {order}'):
        if table == "meta":
            if row[0] in _CODE_KEYS:
                continue
            row = (row[0], _meta_value(row[0], row[1]))
        yield (f"{table}:{row[0]}" if table in _BY_NAME else table), row


def digest(path: Path) -> dict[str, tuple[int, str]]:
    """group -> (rows, sha256 of its rows in order) of the graph file at ``path``."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out: dict[str, tuple[int, str]] = {}
        hashes: dict[str, Any] = {}
        counts: dict[str, int] = {}
        for table in _tables(db):
            for group, row in _rows(db, table):
                h = hashes.get(group)
                if h is None:
                    h = hashes[group] = hashlib.sha256()
                    counts[group] = 0
                h.update(repr(row).encode("utf-8", "surrogatepass"))
                counts[group] += 1
        for group, h in hashes.items():
            out[group] = (counts[group], h.hexdigest())
        return out
    finally:
        db.close()


def compare(a: Path, b: Path) -> list[dict[str, Any]]:
    """One record per table or index of either file: its rows in each and whether they are the same."""
    da, db_ = digest(_graph_file(a)), digest(_graph_file(b))
    return [{"table": group, "rows": [da.get(group, (0, ""))[0], db_.get(group, (0, ""))[0]],
             "same": da.get(group) == db_.get(group)} for group in sorted(da.keys() | db_.keys())]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path, help="a home (or its graph.sqlite)")
    ap.add_argument("b", type=Path, help="the other home (or its graph.sqlite)")
    args = ap.parse_args()
    found = compare(args.a, args.b)
    for record in found:
        print(json.dumps(record, ensure_ascii=False))
    differ = [r["table"] for r in found if not r["same"]]
    print(json.dumps({"tables": len(found), "differ": differ}, ensure_ascii=False))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
