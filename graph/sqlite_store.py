"""The embedded store: the graph in one SQLite file, ``$GOVKG_HOME/graph/graph.sqlite``.

No server, standard library only (Linux, macOS, Windows). Tables:

- ``node(nid, id, label, props)``: one row per node; ``props`` is JSON (every property but evidence).
- ``rel(rid, type, s, e, props)``: one row per relationship, ``s``/``e`` the ``nid`` of its ends.
- ``node_ev`` / ``rel_ev``: evidence, one row per (fact, document, span): the document's ``nid``,
  the span ``[start, end)`` and where the quote lies in the document's text (``qs``, ``qe``); the quote
  itself is read back from the text (``quote`` holds it only when it is not a slice of the text).
  No list on a node or relationship grows with the corpus.
- ``doc(nid, version, complete, source, id, text)``: what a load needs to decide about a document, and
  its id and text again, apart from its properties: what evidence reads join to name the document and
  cut the quote (``substr``), without parsing the document's JSON (``text`` is NULL for a text with a
  NUL in it, whose quotes are cut in Python).
- ``meta``: the file format, the graph model version and the write counter.
- ``kept``: indexes the whole-graph queries keep in the store (full-text and similarity postings,
  place–practice vectors, learning network, inventory listing, exemplar rankings), as
  (name, graph version, key) -> bytes; one written for graph version *v* is used only while the write
  counter is *v* (``keep`` / ``kept_version`` / ``kept_values``). Bytes are JSON or fixed-type numeric
  arrays, read back by the queries that wrote them; nothing in them is ever run.

Every write (a batch of up to ``load_batch`` documents a build loads, one document's load or removal,
the taxonomy) is one transaction started with
``BEGIN IMMEDIATE``: two processes writing to one home serialize (the second waits up to
``GOVKG_STORE_WAIT_S``, default 600 s, then fails with one line); a killed process leaves the last
committed state (SQLite's journal), never a half document and never a temp file. The decision a load
makes (added / updated / unchanged) is taken inside its transaction, so two builds of the same
documents never duplicate evidence.

Queries read a networkx ``MultiDiGraph`` (``.graph``) built from the tables and kept until the write
counter changes — also when another process wrote — so an open explorer sees a CLI build and never
writes a stale copy back. Opening a file never runs code in it (no pickle anywhere).
"""
from __future__ import annotations

import contextlib
import gc
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from govkg.errors import StoreUnavailable
from graph.delta import DocumentDelta
from graph.delta_rows import DeltaRows, delta_rows, merged_props, props_json
from graph.model import EV_FIELDS, MODEL_VERSION
from graph.revision import code_revision
from graph.sqlite_postings import POSTINGS_TABLE_NAMES
from graph.sqlite_rows import ROWS_TABLE, RowIndex, RowKeeper, Touched
from graph.store import DocState, GraphStore

__all__ = ["FORMAT", "LEGACY_FILE", "NAMED_LABELS", "NAMED_WHERE", "NAME_INDEX", "SQLiteStore", "graph_path"]

FORMAT = "govkg-sqlite-2"
LEGACY_FILE = "memory.pickle"          # the pickled graph of earlier versions: never opened
_CHUNK = 500                           # ids per ``IN (…)`` (SQLite's parameter limit is 32,766)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS node (nid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
                                 props TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS node_label ON node(label);
CREATE TABLE IF NOT EXISTS rel (rid INTEGER PRIMARY KEY, type TEXT NOT NULL, s INTEGER NOT NULL,
                                e INTEGER NOT NULL, props TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS rel_key ON rel(s, e, type);
CREATE INDEX IF NOT EXISTS rel_e_type ON rel(e, type);
CREATE TABLE IF NOT EXISTS node_ev (owner INTEGER NOT NULL, doc INTEGER NOT NULL, start INTEGER NOT NULL,
                                    "end" INTEGER NOT NULL, qs INTEGER, qe INTEGER, quote TEXT);
CREATE INDEX IF NOT EXISTS node_ev_of ON node_ev(owner, doc, start, "end", qs, qe, quote);
CREATE INDEX IF NOT EXISTS node_ev_doc ON node_ev(doc);
CREATE TABLE IF NOT EXISTS rel_ev (owner INTEGER NOT NULL, doc INTEGER NOT NULL, start INTEGER NOT NULL,
                                   "end" INTEGER NOT NULL, qs INTEGER, qe INTEGER, quote TEXT);
CREATE INDEX IF NOT EXISTS rel_ev_of ON rel_ev(owner, doc, start, "end", qs, qe, quote);
CREATE INDEX IF NOT EXISTS rel_ev_doc ON rel_ev(doc);
CREATE TABLE IF NOT EXISTS doc (nid INTEGER PRIMARY KEY, version TEXT NOT NULL, complete INTEGER NOT NULL,
                                source TEXT NOT NULL, id TEXT, text TEXT);
CREATE INDEX IF NOT EXISTS doc_source ON doc(source);
CREATE TABLE IF NOT EXISTS strip_later (kind TEXT NOT NULL, owner INTEGER NOT NULL);
"""
# a rowid table (values appended in write order) with the key in an index of its own: values run to
# megabytes (a common gram's postings), which a WITHOUT ROWID table would carry through its key B-tree
_KEPT_TABLE = """CREATE TABLE IF NOT EXISTS kept (name TEXT NOT NULL, version INTEGER NOT NULL, key TEXT NOT NULL,
                                 value BLOB NOT NULL, UNIQUE (name, version, key))"""
_SCHEMA += _KEPT_TABLE + ";\n" + ROWS_TABLE + ";\n"
# the labels whose nodes a person names (a place, practice, named model or agency typed as a parameter,
# listed by ``names``): their names in an index of their own, so a lookup or a page of names in order reads
# only its rows (a label scan read every one: 104,833 named models at 20,000 documents). A partial index:
# the other labels (measures, figures: 9 nodes in 10) are not in it. A query uses it only with the label
# written as a literal and the index's own condition repeated word for word (``NAMED_WHERE``: SQLite
# uses a partial index only for a query whose WHERE holds that term; it cannot prove ``label = ?`` does).
NAMED_LABELS = ("Agency", "NamedModel", "Place", "Practice")
NAMED_WHERE = f"label IN ({', '.join(repr(x) for x in NAMED_LABELS)})"
NAME_INDEX = "node_name"
_NAME_INDEX = f"CREATE INDEX IF NOT EXISTS {NAME_INDEX} ON node(label, json_extract(props, '$.name'), id) WHERE {NAMED_WHERE}"
_SCHEMA += _NAME_INDEX + ";\n"
# evidence read by owner through an index that holds every column: a hub's entries (a practice named by
# every document) are scattered over the whole table, one page read per entry without it. Files of an
# earlier revision had an index on the owner alone: the next build (``init_schema``) replaces it.
_EV_INDEXES = {"node_ev_owner": "node_ev_of", "rel_ev_owner": "rel_ev_of"}
# a place's incoming relationships of one type (its districts' PART_OF, its documents' ABOUT) read through
# an index of (end, type): through one of the end alone, every relationship ending at the place was read to
# check its type — a city's thousands of figures' FOR_PLACE for its twenty districts, each a page of the
# relationship table. Files of an earlier revision had that index (``rel_e``): the next build replaces it.
_REL_E_TYPE = "CREATE INDEX IF NOT EXISTS rel_e_type ON rel(e, type)"
_STRIP_LATER = "CREATE TABLE IF NOT EXISTS strip_later (kind TEXT NOT NULL, owner INTEGER NOT NULL)"
_WRITE_CACHE_KB = 64 * 1024            # the page cache of a build's writes (``_build_cache``)
_FILL_CACHE_KB = 16 * 1024             # … and of a fill's, at least (``_fill_memory``) …
_FILL_CACHE_SHARE = 64                 # … 1/64 of the file, at most ``_WRITE_CACHE_KB``
_FILL_MMAP_BYTES = 1 << 17             # C allocations from this size up mapped on their own in a fill (``_fill_memory``)
_BULK_CACHE_KB = 512 * 1024            # the most page cache a bulk load (``suspend_rows``) takes …
_BULK_CACHE_SHARE = 16                 # … 1/16 of the file, at least ``_WRITE_CACHE_KB`` (``_cache_kb``)
_KEPT_DONE = ""                        # the key marking a kept index as completely written


def graph_path(home: Path) -> Path:
    return Path(home) / "graph" / "graph.sqlite"


def _changed_props(items: Iterable[tuple[int, dict[str, Any], dict[str, Any]]]) -> list[tuple[str, int]]:
    """(stored props, key) for each (key, old props, new props) whose merge (new over old) changes them."""
    out = []
    for key, old, new in items:
        merged = {**old, **new}
        if merged != old:
            out.append((props_json(merged), key))
    return out


def _changed_keys(old: dict[str, Any], new: dict[str, Any]) -> frozenset[str]:
    """The properties that merging ``new`` over ``old`` (``_changed_props``) changes."""
    return frozenset(k for k, v in new.items() if k not in EV_FIELDS and (k not in old or old[k] != v))


def _chunks(items: list[Any], n: int = _CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _marks(n: int) -> str:
    return ",".join("?" * n)            # placeholders only: values always travel as parameters


class SQLiteStore(GraphStore):
    """The embedded store (``--store embedded``). ``SQLiteStore()`` keeps a private graph in memory
    (tests, previews); ``SQLiteStore.open(home)`` the one under ``home``."""

    kind = "embedded"

    def __init__(self, path: Path | None = None, wait_s: float | None = None):
        self.path = path
        if wait_s is None:
            wait_s = float(os.environ.get("GOVKG_STORE_WAIT_S", "600"))
        self._lock = threading.RLock()           # one connection, shared by the app's threads
        self._depth = 0
        self._bulk = False                        # a bulk load (``suspend_rows``) until ``fill_rows``
        self._view: tuple[int, nx.MultiDiGraph] | None = None
        self._query_view: Any = None
        self._rows = RowKeeper(self)                # the row indexes every write records its changes for
        try:
            if path is not None:
                from govkg.settings import private_dir

                private_dir(path.parent)
            self._db = sqlite3.connect(":memory:" if path is None else str(path), timeout=wait_s,
                                       isolation_level=None, check_same_thread=False)
            if path is not None:
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o600)
                self._wal(wait_s)
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=OFF")
            self._init_tables()
            self._has_kept = self._has_table("kept")   # False: an older file in a home that takes no write
            self._code_current: bool | None = None     # kept indexes by this code's revision (``code_current``)
            self._doc_text = self._doc_columns()       # False: an older file, until a build upgrades it
        except sqlite3.DatabaseError as exc:
            raise StoreUnavailable(self._what(exc)) from exc

    # -- opening ----------------------------------------------------------------------------------
    @classmethod
    def open(cls, home: Path | None) -> SQLiteStore:
        """The store kept under ``home`` (an empty one where there is none yet)."""
        if home is None:
            return cls()
        path = graph_path(home)
        legacy = path.parent / LEGACY_FILE
        if legacy.exists() and not path.exists():
            print(f"govkg: {legacy} (a graph saved by an earlier govkg) is no longer read — opening it "
                  "could run code stored in it. Run `govkg build` again on your documents; then delete "
                  "that file.", file=sys.stderr)
        return cls(path)

    def _wal(self, wait_s: float) -> None:
        """Switch the file to write-ahead logging. Two processes creating one file at once: SQLite
        answers the switch with "locked" at once, without waiting, so the wait is done here."""
        deadline = time.monotonic() + wait_s
        pause = 0.01
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

    def _init_tables(self) -> None:
        meta = self._meta()
        if meta.get("format") == FORMAT and meta.get("model") == str(MODEL_VERSION):
            if not all(map(self._has_table, ("kept", "kept_dirty_doc", "post_item"))):   # a file from before them
                with contextlib.suppress(StoreUnavailable), self._write() as db:
                    for statement in filter(str.strip, (_KEPT_TABLE, *ROWS_TABLE.split(";"))):
                        db.execute(statement)
            return                                     # the usual case: read only, no write lock taken
        with self._write() as db:
            meta = self._meta()                        # again, now that no other process can change it
            tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            if not meta and tables:
                raise sqlite3.DatabaseError("not a govkg graph file (unknown tables)")
            if meta.get("format") not in (None, FORMAT):
                if not str(meta.get("format")).startswith(FORMAT.rsplit("-", 1)[0] + "-"):
                    raise sqlite3.DatabaseError(f"not a govkg graph file (format {meta.get('format')!r})")
                for table in tables:                   # an earlier layout of govkg's own: start again
                    db.execute(f'DROP TABLE "{table}"')
                meta = {}
            emptied = bool(tables) and meta.get("model") != str(MODEL_VERSION)
            if not meta:
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    db.execute(statement)
                db.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                               [("format", FORMAT), ("model", str(MODEL_VERSION)), ("version", "0"),
                                ("code", code_revision())])
            elif meta.get("model") != str(MODEL_VERSION):
                # an older graph model: start empty, the next build reloads every document
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    db.execute(statement)
                for table in ("node", "rel", "node_ev", "rel_ev", "doc", "kept", "kept_row", "kept_dirty", "kept_dirty_doc",
                              "strip_later",
                              *POSTINGS_TABLE_NAMES):
                    db.execute(f"DELETE FROM {table}")
                db.execute("DELETE FROM meta WHERE key LIKE 'post_%'")
                db.execute("UPDATE meta SET value = ? WHERE key = 'model'", (str(MODEL_VERSION),))
                self._bump()
            if emptied and self.path is not None:
                print(f"govkg: {self.path} was written by an earlier govkg; it is empty now — run "
                      "`govkg build` again", file=sys.stderr)

    def code_current(self) -> bool:
        """Whether the indexes kept in this file (the ``kept`` table) were computed by this code
        (``graph/revision.py``): if not, no query reads them and ``init_schema`` (every build) drops them.
        The row indexes carry a revision each (``RowKeeper.marked``)."""
        if self._code_current is None:
            self._code_current = self._meta().get("code") == code_revision()
        return self._code_current

    def _drop_other_code_indexes(self) -> None:
        """Inside a write, in a file other code wrote last: forget the kept indexes it computed, and
        record this revision. Each row index's mark names the revision of its own code, so only those
        whose code changed are filled again (the build's ``keep_indexes``) — unless writes of the other
        code are recorded and not flushed yet (a build killed before its end): the other code recorded
        them, so every row index is filled again."""
        self._code_current = None
        if self.code_current():
            return
        pending = any(self._db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
                      for table in ("kept_dirty", "kept_dirty_doc") if self._has_table(table))
        if pending:
            self._rows.unmark_all()
        if self._has_table("kept"):
            self._db.execute("DELETE FROM kept")
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('code', ?)", (code_revision(),))
        self._code_current = True

    def _has_table(self, name: str) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                    (name,)).fetchone() is not None

    def _doc_columns(self) -> bool:
        """Whether the ``doc`` table has the documents' ids and texts (a file of this revision)."""
        with self._lock:
            return {"id", "text"} <= {row[1] for row in self._db.execute("PRAGMA table_info(doc)")}

    def _meta(self) -> dict[str, str]:
        with self._lock:
            if not self._has_table("meta"):
                return {}
            return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def _what(self, exc: BaseException) -> str:
        where = self.path or "the in-memory graph"
        text = str(exc)
        if "locked" in text or "busy" in text:
            return (f"{where}: another govkg process has been writing to this graph for too long "
                    "(GOVKG_STORE_WAIT_S); try again when it has finished")
        if "readonly" in text or "read-only" in text:
            return f"{where}: cannot write the embedded graph (read-only); check GOVKG_HOME is writable"
        if "full" in text:
            return f"{where}: cannot write the embedded graph (No space left on device); free some space and run again"
        return (f"{where}: cannot use the embedded graph ({text}); if the file is damaged, delete it and "
                "run `govkg build` again")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (re-entrant: inner calls join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._db
                finally:
                    self._depth -= 1
                return
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                raise StoreUnavailable(self._what(exc)) from exc
            self._depth = 1
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError):
                    raise StoreUnavailable(self._what(exc)) from exc
                raise
            finally:
                self._depth = 0

    @contextlib.contextmanager
    def batch(self) -> Iterator[SQLiteStore]:
        """Kept for callers of the earlier store: every document is committed on its own."""
        yield self

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None   # type: ignore[assignment]

    def version(self) -> int:
        """The write counter (kept in the file: another process's write changes it too)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        return int(row[0]) if row else 0

    def _bump(self) -> None:
        self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'")

    # -- writing ----------------------------------------------------------------------------------
    def init_schema(self) -> None:
        from graph.taxonomy import taxonomy_rows

        nodes, rels = taxonomy_rows()
        with self._write() as db:
            self._upgrade()
            changed = False
            have = self._nodes_by_id([row["id"] for row in nodes])
            for row in nodes:
                old = have.get(row["id"])
                if old is None:
                    db.execute("INSERT INTO node(id, label, props) VALUES (?, ?, ?)",
                               (row["id"], row["label"], props_json({"id": row["id"], **row["props"]})))
                    changed = True
                else:
                    props = {**old[1], "name": row["props"]["name"], "origin": "taxonomy"}
                    props = {k: v for k, v in props.items() if k not in EV_FIELDS}
                    if props != old[1]:
                        db.execute("UPDATE node SET props = ? WHERE nid = ?", (props_json(props), old[0]))
                        changed = True
            nids = {k: v[0] for k, v in self._nodes_by_id([r["start"] for r in rels] + [r["end"] for r in rels]).items()}
            for row in rels:
                cur = db.execute("INSERT INTO rel(type, s, e, props) VALUES ('IN_CATEGORY', ?, ?, ?) "
                                 "ON CONFLICT(s, e, type) DO NOTHING",
                                 (nids[row["start"]], nids[row["end"]], props_json(row["props"])))
                changed = changed or cur.rowcount > 0
            if changed:
                live = self._rows.live()
                self._bump()
                self._rows.after(live, None, Touched())
                for ix in live:                        # (a few hundred taxonomy rows: filled again)
                    self._rows.seed(ix)

    def _upgrade(self) -> None:
        """Bring a file of an earlier revision of this format up to date (inside a write): the documents'
        id and text beside their properties, the postings' sort keys, the evidence indexes that hold
        every column."""
        if not self._doc_columns():
            self._db.execute("ALTER TABLE doc ADD COLUMN id TEXT")
            self._db.execute("ALTER TABLE doc ADD COLUMN text TEXT")
            rows = self._db.execute("SELECT n.nid, n.id, json_extract(n.props, '$.text') FROM doc d "
                                    "JOIN node n ON n.nid = d.nid").fetchall()
            self._db.executemany("UPDATE doc SET id = ?, text = ? WHERE nid = ?",
                                 [(node, _doc_text(text), nid) for nid, node, text in rows])
        self._doc_text = True
        self._drop_other_code_indexes()
        self._rows.postings.add_sort_keys()          # the postings' sort keys (graph/sqlite_postings.py)
        self._evidence_indexes()                     # (dropped by a bulk load killed before its end)
        self._db.execute(_NAME_INDEX)                # (a file from before it: one scan of the nodes)
        self._db.execute(_REL_E_TYPE)                # (a file from before it: one sort of the relationships)
        self._db.execute("DROP INDEX IF EXISTS rel_e")   # (the index it replaces)
        self._finish_strips()                        # (what such a load left for them)
        old = {name for (name,) in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        if not old & set(_EV_INDEXES):
            return
        for name in sorted(old & set(_EV_INDEXES)):
            self._db.execute(f"DROP INDEX {name}")       # a fixed name of ours (_EV_INDEXES)

    def _evidence_indexes(self) -> None:
        """Create the indexes of evidence by owner where they are missing (inside a write)."""
        for statement in filter(str.strip, _SCHEMA.split(";")):
            if "_ev_of ON" in statement:
                self._db.execute(statement)

    def load_record(self, rec: Any) -> Any:
        # the states read, the decision and the write: one transaction, so concurrent loads serialize
        with self._write():
            return super().load_record(rec)

    #: documents ``build_records`` loads per transaction: a commit writes every page the documents
    #: changed once (the evidence indexes' pages are shared by the documents of a batch), not once each
    load_batch = 50
    #: documents ``build_records`` loads between two flushes of the row indexes (``flush_rows``) at least,
    #: and at least ``flush_share`` of the documents the graph then holds: each flush one transaction over
    #: the keys those documents touched (memory and journal bounded by the share), and the flushes of a
    #: build a geometric series — their sum a small multiple of the last (a flush of the touched keys
    #: costs more as the graph grows: a city's place vector reads all its documents)
    flush_every = 5000
    flush_share = 0.25

    def load_records(self, recs: Any) -> list[Any]:
        """``load_record`` for each record, all in one transaction: all of them are committed, or none
        (``build_records`` then loads them one by one, each in a transaction of its own)."""
        self._build_cache()
        with self._write():
            return [super(SQLiteStore, self).load_record(rec) for rec in recs]

    def load_deltas(self, deltas: Any) -> list[Any]:
        """``load_records`` for deltas made elsewhere (``graph/delta_pool.py``: in another process)."""
        self._build_cache()
        with self._write():
            return [self.load_delta(delta) for delta in deltas]

    def _build_cache(self) -> None:
        """A page cache of 64 MB for a build's writes (SQLite's default is 2 MB): a batch of documents and a
        flush read and change the same index pages over and over (at 4,000 documents, 1,000 more loaded
        in 23.9 s of CPU against 26.1, 53 s of wall against 95); in a bulk load, one sized by the file
        (``_cache_kb``)."""
        with self._lock:
            self._db.execute(f"PRAGMA cache_size = -{self._cache_kb()}")

    def _cache_kb(self) -> int:
        """The page cache a write takes, in KiB: ``_WRITE_CACHE_KB``; in a bulk load a share of the file
        (``_BULK_CACHE_SHARE``) between that and ``_BULK_CACHE_KB`` — the pages a batch's inserts reach
        at random (the indexes of ids and relationship ends) grow with the graph: a 100,000-document load
        (a 30 GB file) takes all 512 MB from about 8 GB on, where 2,000 documents (1.2 GB once filled)
        took 512 MB too and kept it to the end of the build."""
        if not self._bulk:
            return _WRITE_CACHE_KB
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        size = self._db.execute("PRAGMA page_size").fetchone()[0]
        return max(_WRITE_CACHE_KB, min(_BULK_CACHE_KB, pages * size // 1024 // _BULK_CACHE_SHARE))

    def _fill_memory(self) -> None:
        """What a fill holds at once, made smaller (before its helper is forked: it inherits both). A page
        cache of 1/64 of the file between ``_FILL_CACHE_KB`` and ``_WRITE_CACHE_KB`` (``_fill_cache_kb``:
        16 MB at 2,000 documents, 64 MB as before from a 4 GB file on): a fill reads the graph through
        views and writes each index's rows once, and the 64 MB of the write cache filled with pages it
        read (64 MB in every index's peak). Large C blocks (numpy's arrays) mapped on their own (glibc ``M_MMAP_THRESHOLD``), so each
        goes back to the system when freed: glibc's threshold otherwise grows to the largest block freed
        (up to 32 MB), and the next arrays of a postings segment are carved from the heap, whose top
        stays where the largest segment left it."""
        with self._lock:
            self._db.execute(f"PRAGMA cache_size = -{self._fill_cache_kb()}")
        _mallopt(_M_MMAP_THRESHOLD, _FILL_MMAP_BYTES)

    def _fill_cache_kb(self) -> int:
        """The page cache of a fill, in KiB (``_fill_memory``)."""
        with self._lock:
            pages = self._db.execute("PRAGMA page_count").fetchone()[0]
            size = self._db.execute("PRAGMA page_size").fetchone()[0]
        return max(_FILL_CACHE_KB, min(_WRITE_CACHE_KB, pages * size // 1024 // _FILL_CACHE_SHARE))

    def _give_back_memory(self) -> None:
        """Hand back what the last step freed: the page cache beyond ``cache_size`` (``shrink_memory``),
        Python's garbage, and the C heap's free pages (glibc ``malloc_trim``, where there is one). Freed
        memory otherwise stays in the process: the bulk load's cache and a postings segment's arrays
        were still resident through the rest of the fill (and in its helper, forked from it)."""
        gc.collect()
        with self._lock:
            self._db.execute("PRAGMA shrink_memory")
        _malloc_trim()

    def _nodes_by_id(self, ids: Iterable[str]) -> dict[str, tuple[int, dict[str, Any]]]:
        out: dict[str, tuple[int, dict[str, Any]]] = {}
        for part in _chunks(list(dict.fromkeys(ids))):
            for nid, node_id, props in self._db.execute(
                    f"SELECT nid, id, props FROM node WHERE id IN ({_marks(len(part))})", part):
                out[node_id] = (nid, json.loads(props))
        return out

    def _next_key(self, table: str, key: str) -> int:
        """The key SQLite gives the next row of ``table`` (a fixed name of ours) without one: its largest + 1
        (inside a write: no other writer meanwhile)."""
        return self._db.execute(f"SELECT coalesce(max({key}), 0) + 1 FROM {table}").fetchone()[0]

    def _rels_by_key(self, keys: list[tuple[int, int, str]]) -> dict[tuple[int, int, str], tuple[int, dict[str, Any]]]:
        """(start nid, end nid, type) → (rid, properties) of those relationships that exist."""
        out: dict[tuple[int, int, str], tuple[int, dict[str, Any]]] = {}
        for part in _chunks(keys, 300):
            values = ",".join(["(?, ?, ?)"] * len(part))
            flat = [x for key in part for x in key]
            for rid, s, e, rel_type, props in self._db.execute(
                    f"WITH k(s, e, t) AS (VALUES {values}) SELECT rel.rid, rel.s, rel.e, rel.type, rel.props "
                    "FROM k JOIN rel ON rel.s = k.s AND rel.e = k.e AND rel.type = k.t", flat):
                out[(s, e, rel_type)] = (rid, json.loads(props))
        return out

    def _apply(self, delta: DocumentDelta | DeltaRows, replace: bool) -> None:
        with self._write() as db:
            live = self._rows.live()
            if replace:
                self._rows.before(live, delta.doc_id)
                self._strip(delta.doc_id, keep_document=True)
            found = self._nodes_by_id([delta.doc_id]).get(delta.doc_id)
            if isinstance(delta, DocumentDelta):        # (the quotes cut from the text the node will hold)
                text = {**(found[1] if found else {}), **delta.document}.get("text")
                delta = delta_rows(delta, text)
            doc_props = {**(found[1] if found else {}), **delta.document, "complete": True}
            if found is None:
                doc_nid = db.execute("INSERT INTO node(id, label, props) VALUES (?, 'Document', ?)",
                                     (delta.doc_id, delta.document_json)).lastrowid
            else:
                doc_nid = found[0]
                db.execute("UPDATE node SET props = ? WHERE nid = ?", (props_json(doc_props), doc_nid))
            db.execute("INSERT OR REPLACE INTO doc(nid, version, complete, source, id, text) VALUES (?, ?, 1, ?, ?, ?)",
                       (doc_nid, str(doc_props.get("version", "")), str(doc_props.get("source", "")), delta.doc_id,
                        _doc_text(doc_props.get("text"))))
            # nodes: insert the new ones in one call (in the delta's order), merge properties of the rest
            nodes = delta.nodes
            have = self._nodes_by_id([row[0] for row in nodes])
            # new rows numbered here as SQLite would (the largest key + 1), not read back by a second look-up
            first = self._next_key("node", "nid")
            fresh = [row for row in nodes if row[0] not in have]
            nids = {row[0]: first + i for i, row in enumerate(fresh)}
            db.executemany("INSERT INTO node(nid, id, label, props) VALUES (?, ?, ?, ?)",
                           [(nids[node_id], node_id, label, stored) for node_id, label, stored, _, _ in fresh])
            merged = {row[0]: json.loads(merged_props(row)) for row in nodes if row[0] in have}
            db.executemany("UPDATE node SET props = ? WHERE nid = ?",
                           _changed_props((nid, props, merged[node_id]) for node_id, (nid, props) in have.items()))
            made = set(nids.values()) | ({doc_nid} if found is None else set())
            nids.update((k, v[0]) for k, v in have.items())
            nids[delta.doc_id] = doc_nid
            db.executemany('INSERT INTO node_ev(owner, doc, start, "end", qs, qe, quote) VALUES (?, ?, ?, ?, ?, ?, ?)',
                           [(nids[row[0]], doc_nid, *ev) for row in nodes for ev in row[4]])
            # relationships: the same, keyed by (start, end, type)
            # (no relationship ends at a node created just now: only those between older nodes are looked up)
            rels = delta.rels
            keys = [(nids[start], nids[end], rel_type) for rel_type, start, end, _, _ in rels]
            old_rels = self._rels_by_key([k for k in keys if k[0] not in made and k[1] not in made])
            first = self._next_key("rel", "rid")
            new_rels = {k: first + i for i, k in enumerate(k for k in keys if k not in old_rels)}
            db.executemany("INSERT INTO rel(rid, type, s, e, props) VALUES (?, ?, ?, ?, ?)",
                           [(new_rels[k], k[2], k[0], k[1], row[3]) for k, row in zip(keys, rels) if k in new_rels])
            db.executemany("UPDATE rel SET props = ? WHERE rid = ?",
                           _changed_props((*old_rels[k], json.loads(row[3])) for k, row in zip(keys, rels) if k in old_rels))
            rids = {k: v[0] for k, v in old_rels.items()}
            rids.update(new_rels)
            db.executemany('INSERT INTO rel_ev(owner, doc, start, "end", qs, qe, quote) VALUES (?, ?, ?, ?, ?, ?, ?)',
                           [(rids[k], doc_nid, *ev) for k, row in zip(keys, rels) for ev in row[4]])
            self._bump()
            if live:
                changed = {node_id: _changed_keys(props, merged[node_id]) for node_id, (_, props) in have.items()}
                changed[delta.doc_id] = frozenset(doc_props)
                self._rows.after(live, doc_nid, Touched(
                    {*(row[0] for row in nodes), delta.doc_id}, {delta.rel_key(row) for row in rels},
                    {row[0] for row in fresh} | ({delta.doc_id} if found is None else set()),
                    {delta.rel_key(row) for row, k in zip(rels, keys) if k not in old_rels},
                    {node_id: names for node_id, names in changed.items() if names}))

    def _strip(self, doc_id: str, keep_document: bool) -> None:
        """Remove ``doc_id``'s evidence everywhere and whatever is left with none (not taxonomy). In a bulk
        load (``suspend_rows``: no index of evidence by owner) which owners are left with none is decided
        when the indexes are made again (``_finish_strips``): without them each owner's check read the
        whole evidence table — a first 100,000-document build met a document whose text another file
        repeats (169 such in the generated corpus) and stalled minutes on each, from 45,000 documents on."""
        db = self._db
        found = db.execute("SELECT nid FROM node WHERE id = ? AND label = 'Document'", (doc_id,)).fetchone()
        if found is None:
            return
        doc = found[0]
        rels = [r for (r,) in db.execute("SELECT DISTINCT owner FROM rel_ev WHERE doc = ?", (doc,))]
        nodes = [n for (n,) in db.execute("SELECT DISTINCT owner FROM node_ev WHERE doc = ?", (doc,))]
        db.execute("DELETE FROM rel_ev WHERE doc = ?", (doc,))
        db.execute("DELETE FROM node_ev WHERE doc = ?", (doc,))
        if not keep_document:
            db.execute("DELETE FROM doc WHERE nid = ?", (doc,))
        if not self._owner_indexes():
            db.execute(_STRIP_LATER)
            db.executemany("INSERT INTO strip_later(kind, owner) VALUES (?, ?)",
                           [("rel", r) for r in rels] + [("node", n) for n in nodes]
                           + ([] if keep_document else [("doc", doc)]))
            return
        self._drop_unsupported(rels, nodes, [] if keep_document else [doc])

    def _owner_indexes(self) -> bool:
        """Whether the indexes of evidence by owner are there (a bulk load drops them)."""
        return self._db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (?, ?)",
                                tuple(_EV_INDEXES.values())).fetchone()[0] == len(_EV_INDEXES)

    def _finish_strips(self) -> None:
        """What ``_strip`` left for the indexes of evidence by owner (inside a write, once they are made):
        the relationships and nodes of the documents replaced or removed in a bulk load that no evidence
        supports any more, and the removed documents' nodes (unless a document of that id came back)."""
        if not self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'strip_later'").fetchone():
            return
        left = self._db.execute("SELECT kind, owner FROM strip_later ORDER BY rowid").fetchall()
        if not left:
            return
        of = {kind: list(dict.fromkeys(o for k, o in left if k == kind)) for kind in ("rel", "node", "doc")}
        docs = []
        for part in _chunks(of["doc"]):
            back = {n for (n,) in self._db.execute(f"SELECT nid FROM doc WHERE nid IN ({_marks(len(part))})", part)}
            docs += [n for n in part if n not in back]
        self._drop_unsupported(of["rel"], of["node"], docs)
        self._db.execute("DELETE FROM strip_later")
        self._bump()

    def _drop_unsupported(self, rels: list[int], nodes: list[int], dead_docs: list[int]) -> None:
        """Delete the relationships of ``rels`` and the nodes of ``nodes`` no evidence supports (not
        taxonomy), the document nodes ``dead_docs``, and every relationship of a deleted node."""
        db = self._db
        dead_rels = self._unsupported("rel", "rid", "rel_ev", rels)
        self._delete_rels(dead_rels)
        dead_nodes = self._unsupported("node", "nid", "node_ev", nodes)
        dead_nodes += [d for d in dead_docs if d not in set(dead_nodes)]
        for part in _chunks(dead_nodes):
            marks = _marks(len(part))
            attached = [r for (r,) in db.execute(
                f"SELECT rid FROM rel WHERE s IN ({marks}) UNION SELECT rid FROM rel WHERE e IN ({marks})",
                part + part)]
            self._delete_rels(attached)
            db.execute(f"DELETE FROM node_ev WHERE owner IN ({marks})", part)
            db.execute(f"DELETE FROM node WHERE nid IN ({marks})", part)

    def _unsupported(self, table: str, key: str, ev_table: str, owners: list[int]) -> list[int]:
        """Of ``owners``: those with no evidence left that are not taxonomy."""
        dead = []
        for part in _chunks(owners):
            dead += [k for (k,) in self._db.execute(
                f"SELECT {key} FROM {table} t WHERE {key} IN ({_marks(len(part))}) "
                f"AND NOT EXISTS (SELECT 1 FROM {ev_table} v WHERE v.owner = t.{key}) "
                "AND COALESCE(json_extract(props, '$.origin'), '') != 'taxonomy'", part)]
        return dead

    def _delete_rels(self, rids: list[int]) -> None:
        for part in _chunks(rids):
            marks = _marks(len(part))
            self._db.execute(f"DELETE FROM rel_ev WHERE owner IN ({marks})", part)
            self._db.execute(f"DELETE FROM rel WHERE rid IN ({marks})", part)

    def remove_document(self, doc_id: str) -> bool:
        with self._write() as db:
            if db.execute("SELECT 1 FROM node WHERE id = ? AND label = 'Document'", (doc_id,)).fetchone() is None:
                return False
            live = self._rows.live()
            self._rows.before(live, doc_id)
            self._strip(doc_id, keep_document=False)
            self._bump()
            self._rows.after(live, None, Touched())
        if not self._depth:                # a removal of its own (not a load's): its rows brought up to date
            self.flush_rows()
        return True

    # -- row indexes maintained per write (graph/sqlite_rows.py) -------------------------------------
    def maintain(self, indexes: Iterable[RowIndex]) -> None:
        """Have every later write of this store object record what it changes for ``indexes`` (in its own
        transaction), and ``flush_rows`` bring their rows up to date; a graph without documents has them
        filled at once (the taxonomy)."""
        with self._lock:
            fresh = self._rows.attach(indexes)
            empty = self._db.execute("SELECT 1 FROM doc LIMIT 1").fetchone() is None
        for ix in fresh:
            if empty and not self._rows.marked(ix.name):
                self.seed_rows(ix)

    def rows_current(self, name: str) -> bool:
        """Whether row index ``name`` is up to date with the graph's current version."""
        with self._lock:
            return self._rows.current(name)

    def stale_rows(self) -> list[str]:
        """The attached row indexes that ``seed_rows`` has to fill (other code computed them, or some
        write did not record its changes for them)."""
        with self._lock:
            return [ix.name for ix in self._rows.unmarked()]

    def rows_marked(self, name: str) -> bool:
        """Whether every write since row index ``name`` was filled recorded its changes (``flush_rows``
        then brings it up to date; otherwise only ``seed_rows`` can)."""
        with self._lock:
            return self._rows.marked(name)

    def flush_rows(self) -> bool:
        """Bring the row indexes up to date with the writes recorded since the last flush (one
        transaction: the keys they touched, each once); False when the store takes no write."""
        self._build_cache()
        try:
            with self._write():
                self._rows.flush()
        except StoreUnavailable:
            return False
        return True

    def suspend_rows(self) -> bool:
        """A bulk load from here on (``build_records``, once a build has loaded as many documents as the graph
        held when it started): writes stop recording what they touch and every row index is unmarked,
        until ``fill_rows`` (or a later build's ``keep_indexes``) fills each whole — one fill instead of
        flushes that together cost several. The indexes of evidence by owner are dropped until
        ``fill_rows`` (or the next ``init_schema``) creates them again, one sort each: inserted into one
        evidence row at a time, they spread every batch's writes over the whole file (the first 100,000
        run wrote 7.5 GB for its first 8,800 documents, and slowed to the disk's pace); the page cache
        is sized by the file (``_cache_kb``). False when the store takes no write."""
        try:
            with self._write() as db:
                self._rows.suspend()
                for name in _EV_INDEXES.values():     # fixed names of ours: filled again in one sort each
                    db.execute(f"DROP INDEX IF EXISTS {name}")
        except StoreUnavailable:
            return False
        self._bulk = True
        return True

    def fill_rows(self) -> bool:
        """Fill whole every attached row index some write did not record its changes for, one
        transaction each (the end of a bulk load). False when the store takes no write."""
        try:
            with self._write():
                self._evidence_indexes()
                self._finish_strips()
        except StoreUnavailable:
            return False
        self._bulk = False
        self._fill_memory()
        self._give_back_memory()                    # before the helper is forked: it would hold it too
        with self._lock:
            stale = self._rows.unmarked()
        try:
            with self._rows.helping():              # rows computed in two processes, written in this one
                # (an index filled beside one before it is marked by then: not filled twice)
                for ix in stale:
                    if not self.rows_marked(ix.name):
                        if not self.seed_rows(ix):
                            return False
                        self._give_back_memory()    # each index's arrays and views gone before the next
        finally:
            self._build_cache()                     # later writes: the write cache again
        return True

    def document_count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM doc").fetchone()[0]

    def seed_rows(self, ix: RowIndex) -> bool:
        """Fill row index ``ix`` whole from the graph as it is (one transaction): what a build does for an
        index some write did not record its changes for. False when the store takes no write."""
        try:
            with self._write():
                self._rows.seed(ix)
        except StoreUnavailable:
            return False
        return True

    def kept_rows(self, name: str, prefix: bytes = b"", limit: int = -1, offset: int = 0) -> list[bytes]:
        """The values of row index ``name`` whose sort key starts with ``prefix``, in sort order (at most
        ``limit``, -1: all; after the first ``offset``)."""
        with self._lock:
            return self._rows.read(name, prefix, limit, offset)

    def kept_row_count(self, name: str) -> int:
        """How many rows row index ``name`` holds (one scan of its keys)."""
        with self._lock:
            return self._db.execute("SELECT count(*) FROM kept_row WHERE name = ?", (name,)).fetchone()[0]

    def kept_row_keys(self, name: str, after: str | None = None, limit: int = -1) -> list[str]:
        """The keys of row index ``name``, in key order: every one, or the first ``limit`` (-1: all) of
        those above ``after`` (a page read by the key index)."""
        with self._lock:
            return self._rows.keys(name, after, limit)

    # -- postings indexes maintained per write (graph/sqlite_postings.py) ------------------------------
    def posted_count(self, name: str) -> int:
        """How many items postings index ``name`` holds."""
        with self._lock:
            return self._rows.postings.count(name)

    def posted_dead(self, name: str) -> list[int]:
        """The ids of the items of ``name`` replaced or removed whose postings are still in a segment."""
        with self._lock:
            return self._rows.postings.dead(name)

    def posted_grams(self, name: str, grams: Iterable[str]) -> dict[str, list[tuple[bytes, bytes, bytes | None]]]:
        """gram -> (ids, values, sort keys or None) per segment of index ``name``, for the grams it holds."""
        with self._lock:
            return self._rows.postings.grams(name, grams)

    def posted_items(self, name: str, iids: Iterable[int]) -> dict[int, tuple[str, bytes]]:
        """iid -> (key, value) of the live items of ``name`` among ``iids``."""
        with self._lock:
            return self._rows.postings.items(name, iids)

    def posted_keys(self, name: str, iids: Iterable[int]) -> dict[int, str]:
        """iid -> key of the live items of ``name`` among ``iids``."""
        with self._lock:
            return self._rows.postings.keys(name, iids)

    def posted_least(self, name: str, iids: Iterable[int], n: int) -> list[int]:
        """The ``n`` items of ``name`` among ``iids`` whose keys are least, in key order."""
        with self._lock:
            return self._rows.postings.least(name, iids, n)

    def posted_by_key(self, name: str, key: str) -> tuple[int, bytes] | None:
        """(iid, value) of the item of ``name`` under ``key``."""
        with self._lock:
            return self._rows.postings.by_key(name, key)

    def posted_with(self, name: str, attr: str) -> list[int]:
        """The iids of the items of ``name`` with lookup attribute ``attr``."""
        with self._lock:
            return self._rows.postings.with_attr(name, attr)

    def posted_first(self, name: str, attr: str) -> tuple[str, bytes] | None:
        """(key, value) of the item of ``name`` with ``attr`` whose key is least."""
        with self._lock:
            return self._rows.postings.first_with_attr(name, attr)

    # -- kept indexes -----------------------------------------------------------------------------
    def keep(self, name: str, version: int, entries: Iterable[tuple[str, bytes | str]]) -> bool:
        """Store index ``name`` built from graph version ``version`` (its ``entries``, key -> bytes, or
        text that ``kept_occurrences`` searches) in place of any earlier one, in one transaction; False (nothing written) when the graph has changed
        since ``version``. Raises ``StoreUnavailable`` when the store takes no write."""
        with self._write() as db:
            if self.version() != version:
                return False
            db.execute("DELETE FROM kept WHERE name = ?", (name,))
            rows = ((name, version, key, value) for key, value in entries if key != _KEPT_DONE)
            db.executemany("INSERT INTO kept(name, version, key, value) VALUES (?, ?, ?, ?)", rows)
            db.execute("INSERT INTO kept(name, version, key, value) VALUES (?, ?, ?, ?)",
                       (name, version, _KEPT_DONE, b""))
        return True

    def kept_version(self, name: str) -> int | None:
        """The graph version index ``name`` was kept for (None when there is none, or when other code
        kept it)."""
        if not self._has_kept or not self.code_current():
            return None
        with self._lock:
            row = self._db.execute("SELECT max(version) FROM kept WHERE name = ? AND key = ?",
                                   (name, _KEPT_DONE)).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def kept_values(self, name: str, version: int, keys: Iterable[str]) -> dict[str, bytes | str]:
        """The entries of kept index (``name``, ``version``) under ``keys`` (those it has)."""
        wanted = list(dict.fromkeys(keys))
        out: dict[str, bytes] = {}
        with self._lock:
            for part in _chunks(wanted):
                out.update(self._db.execute(
                    f"SELECT key, value FROM kept WHERE name = ? AND version = ? AND key IN ({_marks(len(part))})",
                    (name, version, *part)).fetchall())
        return out

    def kept_occurrences(self, name: str, version: int, keys: Iterable[str], term: str) -> dict[str, int]:
        """For the text entries of kept index (``name``, ``version``) under ``keys``: how often ``term``
        occurs in each (non-overlapping, left to right: ``str.count``), counted by SQLite."""
        wanted = list(dict.fromkeys(keys))
        out: dict[str, int] = {}
        if not term:
            return out
        with self._lock:
            for part in _chunks(wanted):
                out.update(self._db.execute(
                    "SELECT key, (length(value) - length(replace(value, ?, ''))) / length(?) FROM kept "
                    f"WHERE name = ? AND version = ? AND key IN ({_marks(len(part))}) AND typeof(value) = 'text'",
                    (term, term, name, version, *part)).fetchall())
        return out

    def document_texts(self, ids: Iterable[str]) -> dict[str, str]:
        """doc_id -> the document's text, for the documents among ``ids``: each read by its id ("+": the
        label is checked on the rows the index of ids gives — with ``label = 'Document'`` SQLite chose
        the label's index and read every document of the graph for twenty: 42 MB a search at 10,000)."""
        out: dict[str, str] = {}
        with self._lock:
            for part in _chunks(list(dict.fromkeys(ids))):
                for node, props in self._db.execute(
                        f"SELECT id, props FROM node WHERE +label = 'Document' AND id IN ({_marks(len(part))})", part):
                    out[node] = str(json.loads(props).get("text") or "")
        return out

    # -- reading ----------------------------------------------------------------------------------
    def document_states(self) -> dict[str, DocState]:
        with self._lock:
            rows = self._db.execute("SELECT n.id, d.version, d.complete, d.source FROM doc d "
                                    "JOIN node n ON n.nid = d.nid ORDER BY n.nid").fetchall()
        return {i: DocState(v, bool(c), s) for i, v, c, s in rows}

    def _related_states(self, doc_id: str, source: str) -> dict[str, DocState]:
        with self._lock:
            rows = self._db.execute(
                "SELECT n.id, d.version, d.complete, d.source FROM doc d JOIN node n ON n.nid = d.nid "
                "WHERE n.id = ? UNION SELECT n.id, d.version, d.complete, d.source FROM doc d "
                "JOIN node n ON n.nid = d.nid WHERE d.source = ?", (doc_id, source)).fetchall()
        return {i: DocState(v, bool(c), s) for i, v, c, s in rows}

    def stats(self) -> dict[str, dict[str, int]]:
        with self._lock:
            nodes = dict(self._db.execute("SELECT label, count(*) FROM node GROUP BY label ORDER BY label"))
            rels = dict(self._db.execute("SELECT type, count(*) FROM rel GROUP BY type ORDER BY type"))
        return {"nodes": nodes, "relationships": rels}

    def query_graph(self, private: bool = False) -> Any:
        """What the embedded queries read: a view that loads the nodes and relationships a query
        touches (``graph.sqlite_view``), one per write-counter value; ``private``: a view of its own,
        not kept (what is loaded through it is freed with it)."""
        from graph.sqlite_view import SQLiteGraphView

        with self._lock:
            version = self.version()
            if private:
                return SQLiteGraphView(self, version)
            view = self._query_view
            if view is None or view.graph["version"] != version:
                view = self._query_view = SQLiteGraphView(self, version)
            return view

    def projection(self, name: str) -> list[dict[str, Any]]:
        """Projection ``name`` walked from views of its own, dropped once the rows are read: the whole
        graph passes through them, and no later query needs what they loaded."""
        return list(self.projection_rows(name))

    def projection_rows(self, name: str) -> Iterator[dict[str, Any]]:
        """The rows of ``projection(name)`` one at a time, read a few places at a time
        (``graph.projections.embedded_rows``): what keeping the place–practice vectors streams."""
        from graph.projections import embedded_rows

        return embedded_rows(self, name)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The whole graph as networkx (what the embedded queries read), rebuilt when the write counter
        changed since it was last built."""
        with self._lock:
            version = self.version()
            if self._view is None or self._view[0] != version:
                self._view = None                      # let the old one go before building the new one
                collecting = gc.isenabled()
                gc.disable()                           # millions of new containers, none of them garbage:
                try:                                   # the collector's passes over them halve the speed
                    self._view = (version, self._materialize(version))
                finally:
                    if collecting:
                        gc.enable()
            return self._view[1]

    def _materialize(self, version: int) -> nx.MultiDiGraph:
        """Every node and relationship, with the attributes the query view gives them (built by the
        view's own constructors from whole-table scans)."""
        from graph.sqlite_view import SQLiteGraphView

        view = SQLiteGraphView(self, version)
        nodes = self._db.execute("SELECT nid, id, label, props FROM node ORDER BY nid").fetchall()
        for nid, node, _, _ in nodes:
            view._id[nid], view._nid[node] = node, nid
        node_ev = view._evidence_where("node_ev v", "1 = 1", ())
        rel_ev = view._evidence_where("rel_ev v", "1 = 1", ())
        g = nx.MultiDiGraph(edge_keys="type", version=version)
        for nid, node, label, props in nodes:
            g.add_node(node, **view._make_node(nid, node, label, props, node_ev))
        for rid, rel_type, s, e, props in self._db.execute("SELECT rid, type, s, e, props FROM rel ORDER BY rid"):
            g.add_edge(view._id[s], view._id[e], key=rel_type, **view._make_rel(rid, props, rel_ev))
        return g

    def export_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        g = self.graph
        nodes = [{"label": a["label"], "id": n, "props": {k: v for k, v in a.items() if k != "label"}}
                 for n, a in g.nodes(data=True)]
        rels = [{"type": k, "start": u, "end": v, "start_label": g.nodes[u]["label"],
                 "end_label": g.nodes[v]["label"], "props": dict(a)}
                for u, v, k, a in g.edges(keys=True, data=True)]
        return nodes, rels


def _malloc_trim() -> None:
    """glibc's ``malloc_trim(0)``: the free pages of the C heap back to the system (nothing elsewhere)."""
    global _TRIM
    if _TRIM is None:
        _TRIM = False
        if sys.platform.startswith("linux"):
            with contextlib.suppress(OSError, AttributeError):
                import ctypes

                _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
    if _TRIM:
        _TRIM(0)


_TRIM: Any = None                      # glibc's malloc_trim once looked up; False where there is none
_M_MMAP_THRESHOLD = -3                 # glibc's mallopt parameter


def _mallopt(param: int, value: int) -> None:
    """glibc's ``mallopt(param, value)`` (nothing elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(param, value)


def _doc_text(text: Any) -> str | None:
    """A document's text as the ``doc`` table keeps it for cutting quotes in SQL; None for a text with
    a NUL in it (SQLite's text functions stop there: its quotes are cut in Python)."""
    if not isinstance(text, str):
        return ""
    return None if "\x00" in text else text
