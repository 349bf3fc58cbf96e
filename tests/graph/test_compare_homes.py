"""benchmarks/compare_homes.py: two graph files are the same where every table's rows are, per index name."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.support.scripts import load_script

REPO = Path(__file__).resolve().parents[2]


def _script():
    return load_script(REPO / "benchmarks" / "compare_homes.py")


def _file(path: Path, rows: list[tuple[str, bytes, str, bytes]], mark: str) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE kept_row (name TEXT NOT NULL, sort BLOB NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, "
               "PRIMARY KEY (name, sort, key)) WITHOUT ROWID")
    db.executemany("INSERT INTO kept_row VALUES (?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("rows:甲", mark), ("code", mark)])
    db.commit()
    db.close()
    return path


def test_same_rows_in_another_insertion_order_and_code_revision_are_the_same(tmp_path):
    rows = [("甲", b"\x01", "k1", b"[1]"), ("甲", b"\x02", "k2", b"[2]"), ("乙", b"\x01", "k1", b"[3]")]
    a = _file(tmp_path / "a.sqlite", rows, "7 rev-a")
    b = _file(tmp_path / "b.sqlite", rows[::-1], "7 rev-b")
    found = _script().compare(a, b)
    assert {r["table"] for r in found} == {"kept_row:甲", "kept_row:乙", "meta"}
    assert all(r["same"] for r in found)


def test_a_changed_value_or_write_counter_differs_in_its_index_only(tmp_path):
    rows = [("甲", b"\x01", "k1", b"[1]"), ("乙", b"\x01", "k1", b"[3]")]
    a = _file(tmp_path / "a.sqlite", rows, "7 rev")
    b = _file(tmp_path / "b.sqlite", [rows[0], ("乙", b"\x01", "k1", b"[4]")], "8 rev")
    same = {r["table"]: r["same"] for r in _script().compare(a, b)}
    assert same == {"kept_row:甲": True, "kept_row:乙": False, "meta": False}
