"""Row indexes the embedded store maintains per document: what each write touched is recorded in that
write's transaction, and the build brings the rows of the touched keys up to date at its end.

A row index (``RowIndex``, implemented beside the query that reads it: ``ListingRows`` in
``queries/inventory.py``, ``PieceRows`` and ``RankingRows`` in ``queries/exemplars.py``, ``CityPieces`` in
``queries/city_pieces.py``, ``PlaceFigures`` in ``queries/place_figures.py``, ``ModelSummaries`` in
``queries/model_summaries.py``, ``PlaceRows`` in
``queries/similar_cities.py``, ``NetworkRows`` and ``SharedNames`` in ``queries/learning_network.py``; and the
postings indexes of ``graph/sqlite_postings.py``, whose rows are items with postings, written by
``PostingKeeper``) is a
set of rows, each under a key (a listed node, a (practice, place) pair, a relationship…) whose value
depends only on the graph near that key. The store keeps them in one table,
``kept_row(name, sort, key, value)``, clustered by ``sort`` (bytes that compare as the query orders its
answer: ``sort_key``), so a query reads the first rows of an answer with one range scan and a fresh
process answers its first query from the file as fast as its tenth.

Every write of the store (a document's load, replacement or removal) records what it touched
(``RowKeeper.before`` / ``after``: see there); ``RowKeeper.flush`` — the end of ``build_records``, of a
removal of its own, of ``keep_indexes`` — asks each index which keys those facts affect (``affected``),
computes their rows from the graph as it is now (``rows``; a key with no row any more is deleted) and
writes those that changed. Nothing is rebuilt whole, except by a flush of more than half of the graph's
documents (a first build's first flush: every key is touched), and an index some write did not record its
changes for (a store opened without the indexes attached, a file from before them) or that other code
computed: its mark (``meta`` key ``rows:<name>``: the write counter it is current for and the revision of
the code that computes it, ``graph/revision.py``'s ``index_revision`` of its module) then differs from the
write counter or from this code's revision, the queries do not use it, and ``seed`` fills it whole again
(what ``keep_indexes`` does) — that index only: the others keep their rows.
"""
from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
import struct
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from graph.revision import index_revision
from graph.sqlite_postings import POSTINGS_TABLES, PostingKeeper

__all__ = ["ROWS_TABLE", "RowIndex", "RowKeeper", "Touched", "sort_key"]

# rows clustered in answer order (a first call reads its rows from consecutive pages), found by key
# through an index of their own (what a write replaces)
ROWS_TABLE = """CREATE TABLE IF NOT EXISTS kept_row (name TEXT NOT NULL, sort BLOB NOT NULL, key TEXT NOT NULL,
                                     value BLOB NOT NULL, PRIMARY KEY (name, sort, key)) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS kept_row_key ON kept_row(name, key);
CREATE TABLE IF NOT EXISTS kept_dirty (name TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (name, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kept_dirty_doc (nid INTEGER PRIMARY KEY, touched TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rel_adopts ON rel(e) WHERE type = 'ADOPTS';
""" + POSTINGS_TABLES


@dataclass
class Touched:
    """What one write touched, by node id and relationship key (type, start id, end id): ``nodes`` and
    ``rels`` every fact the document gives evidence to (or gave, before a removal); ``new_nodes`` /
    ``new_rels`` those it created (before a removal: all of them, any may go: ``removal``); ``changed``
    node -> the properties the write changed (a removal changes none: properties are not rolled back)."""

    nodes: set[str] = field(default_factory=set)
    rels: set[tuple[str, str, str]] = field(default_factory=set)
    new_nodes: set[str] = field(default_factory=set)
    new_rels: set[tuple[str, str, str]] = field(default_factory=set)
    changed: dict[str, frozenset[str]] = field(default_factory=dict)
    removal: bool = False
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)   # what indexes share

    @classmethod
    def everything(cls, nodes: Iterable[str], rels: Iterable[tuple[str, str, str]]) -> Touched:
        """Facts that may all go (what a removal may do to the facts it gave evidence to)."""
        nodes, rels = set(nodes), set(rels)
        return cls(nodes, rels, set(nodes), set(rels), {}, True)

    def rels_of(self, rel_type: str, new: bool = False) -> list[tuple[str, str]]:
        """(start, end) of the touched (``new``: created) relationships of ``rel_type`` (grouped by type
        once, on the first call: a flush's indexes ask a dozen times over a few hundred thousand)."""
        by_type = self.memo.get(("rels_of", new))
        if by_type is None:
            by_type = self.memo[("rels_of", new)] = {}
            for t, s, e in (self.new_rels if new else self.rels):
                by_type.setdefault(t, []).append((s, e))
            for pairs in by_type.values():
                pairs.sort()
        return list(by_type.get(rel_type, ()))


class RowIndex(Protocol):
    """One maintained index: ``name`` in the table; the keys a write may change; their rows now."""

    name: str

    def affected(self, view: Any, touched: Touched) -> set[str]:
        """The keys whose rows may change when the facts ``touched`` change (``view``: the graph before
        the write for what it removes, after it for what it adds)."""

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        """key -> (sort, value) of those of ``keys`` that have a row in the graph ``view`` shows."""

    def all_keys(self, view: Any) -> Iterable[str]:
        """Every key with a row (what ``seed`` computes)."""


_NEG = struct.Struct(">Q")


def sort_key(*parts: Any) -> bytes:
    """Bytes that compare (``memcmp``, SQLite's BLOB order) as the tuple ``parts`` compares in Python:
    an int as 8 bytes with the sign bit flipped, a str as its UTF-8 bytes (which order as its code
    points do) with NUL escaped and two NULs after it (so a prefix sorts first), None as an empty str."""
    out = bytearray()
    for part in parts:
        if isinstance(part, int):              # (bool too)
            out += _NEG.pack((int(part) + (1 << 63)) & ((1 << 64) - 1))
        else:
            text = "" if part is None else str(part)
            out += text.encode("utf-8", "surrogatepass").replace(b"\x00", b"\x00\xff") + b"\x00\x00"
    return bytes(out)


_CHUNK = 500          # keys per statement
# a fill's rows as computed, before they go into ``kept_row`` in its order (``RowKeeper._stage``): a table of
# the writer's connection only, in SQLite's temporary file
_STAGE_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS kept_fill (name TEXT NOT NULL, key TEXT NOT NULL, sort BLOB NOT NULL, "
                "value BLOB NOT NULL)")
_FLUSH_DOCS = 1000    # dirty documents whose touched facts are read through one view at a flush
_SEED_KEYS = 2000     # keys computed through one view (then released: bounded memory; 5,000 a view, the pieces'
                      # fill held ≈ 95 MB of views at once at 2,000 documents and was the build's peak)
_WHOLE = 0.5          # a flush of more than this share of the documents fills the indexes whole (a first
                      # build: cheaper than finding the keys they touched, nearly all of them); a build
                      # flushes every ``flush_every`` documents, so from its second flush on only what the
                      # documents touched is recomputed (at 4,000 documents, 2,000 new: 91 s against 118)


class RowKeeper:
    """The row indexes of one ``SQLiteStore`` (``store._db``, inside its write transactions).

    A write records what it touched: before a removal or replacement, the keys the removed facts affect
    (``kept_dirty``, computed from the graph before it changes); after a load, the document and what it
    created or changed (``kept_dirty_doc``: the facts it gives evidence to are read back from the
    evidence tables). ``flush`` — at the end of a build, in one transaction — recomputes the rows of the
    keys those name, each key once however many documents touched it, and empties both (when the
    documents recorded are more than half of the graph's, it fills each index whole instead). An index is
    current (``current``) when its mark is the write counter and nothing is left to flush."""

    def __init__(self, store: Any):
        self.store = store
        self.indexes: list[RowIndex] = []
        # index name -> the revision of the code computing it, computed when first asked (``_mark_of``): a
        # process's first query asks only for the indexes it reads (each ≈ 10 ms; all eleven ≈ 90 ms)
        self.revisions: dict[str, str] = {}
        self._modules: dict[str, str] = {}      # index name -> the module computing it
        self.postings = PostingKeeper(store)    # the indexes whose rows are items with postings
        self.helper: Any = None                 # a process computing rows beside this one (``helping``)

    @property
    def db(self) -> Any:
        return self.store._db

    def attach(self, indexes: Iterable[RowIndex]) -> list[RowIndex]:
        known = {ix.name for ix in self.indexes}
        fresh = [ix for ix in indexes if ix.name not in known]
        self.indexes += fresh
        self._modules.update((ix.name, type(ix).__module__) for ix in fresh)
        return fresh

    def marked(self, name: str) -> bool:
        """Whether index ``name`` (attached) was filled by this code's revision of it and every write
        since recorded what it touched."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", ("rows:" + name,)).fetchone()
        return row is not None and row[0] == self._mark_of(name, self.store.version())

    def _mark_of(self, name: str, version: int) -> str | None:
        revision = self.revisions.get(name)
        if revision is None and name in self._modules:
            revision = self.revisions[name] = index_revision(self._modules[name])
        return None if revision is None else f"{version} {revision}"

    def unmark_all(self) -> None:
        """Forget every index's mark and what writes recorded for them (inside a write): ``seed`` fills
        each whole again."""
        self.db.execute("DELETE FROM meta WHERE key LIKE 'rows:%'")
        self.db.execute("DELETE FROM kept_dirty")
        self.db.execute("DELETE FROM kept_dirty_doc")

    def current(self, name: str) -> bool:
        return (self.marked(name) and self.db.execute("SELECT 1 FROM kept_dirty_doc LIMIT 1").fetchone() is None
                and self.db.execute("SELECT 1 FROM kept_dirty WHERE name = ? LIMIT 1", (name,)).fetchone() is None)

    def live(self) -> list[RowIndex]:
        """The attached indexes every earlier write recorded its changes for (the others stay stale)."""
        return [ix for ix in self.indexes if self.marked(ix.name)]

    def _mark(self, live: list[RowIndex]) -> None:
        version = self.store.version()
        self.db.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                            [("rows:" + ix.name, self._mark_of(ix.name, version)) for ix in live])

    def before(self, live: list[RowIndex], doc_id: str) -> None:
        """Record the keys that removing ``doc_id``'s facts may change (read now, before they go)."""
        from graph.sqlite_view import SQLiteGraphView

        doc = self.db.execute("SELECT nid FROM node WHERE id = ? AND label = 'Document'", (doc_id,)).fetchone()
        if not live or doc is None:
            return
        nodes, rels = self._facts(doc)
        touched = Touched.everything([doc_id, *nodes], rels)
        view = SQLiteGraphView(self.store, -1)
        for ix in live:
            self.db.executemany("INSERT OR IGNORE INTO kept_dirty(name, key) VALUES (?, ?)",
                                [(ix.name, key) for key in ix.affected(view, touched)])
        self.db.execute("DELETE FROM kept_dirty_doc WHERE nid = ?", doc)   # its keys are recorded above

    def after(self, live: list[RowIndex], doc_nid: int | None, touched: Touched) -> None:
        """Record a write (after ``_bump``): the document it loaded (``doc_nid``) with what it created and
        changed, for the next ``flush``; the indexes stay marked."""
        if doc_nid is not None and live:
            flags = {"new_nodes": sorted(touched.new_nodes), "new_rels": sorted(touched.new_rels),
                     "changed": {n: sorted(p) for n, p in touched.changed.items()}}
            old = self.db.execute("SELECT touched FROM kept_dirty_doc WHERE nid = ?", (doc_nid,)).fetchone()
            if old is not None:                       # loaded twice before a flush: what both did
                prev = json.loads(old[0])
                flags["new_nodes"] = sorted({*prev["new_nodes"], *flags["new_nodes"]})
                flags["new_rels"] = sorted({*map(tuple, prev["new_rels"]), *flags["new_rels"]})
                for n, p in prev["changed"].items():
                    flags["changed"][n] = sorted({*p, *flags["changed"].get(n, [])})
            self.db.execute("INSERT OR REPLACE INTO kept_dirty_doc(nid, touched) VALUES (?, ?)",
                            (doc_nid, json.dumps(flags, ensure_ascii=False)))
        self._mark(live)

    def _facts(self, doc: tuple[int]) -> tuple[list[str], list[tuple[str, str, str]]]:
        """The nodes and relationships document ``doc`` (its nid) gives evidence to."""
        nodes = [n for (n,) in self.db.execute(
            "SELECT DISTINCT n.id FROM node_ev v JOIN node n ON n.nid = v.owner WHERE v.doc = ?", doc)]
        rels = [tuple(r) for r in self.db.execute(
            "SELECT DISTINCT r.type, a.id, b.id FROM rel_ev v JOIN rel r ON r.rid = v.owner "
            "JOIN node a ON a.nid = r.s JOIN node b ON b.nid = r.e WHERE v.doc = ?", doc)]
        return nodes, rels

    def suspend(self) -> None:
        """Stop recording writes (a bulk load: what it touches is most of the graph): every index is
        unmarked, so the writes after this record nothing and no query uses the indexes, and what was
        recorded is dropped; ``seed`` fills each whole again (``fill``, or a later build's
        ``keep_indexes`` when this one is killed first). Inside a write transaction."""
        self.unmark_all()

    def unmarked(self) -> list[RowIndex]:
        """The attached indexes some write did not record its changes for (``seed`` fills them)."""
        return [ix for ix in self.indexes if not self.marked(ix.name)]

    def flush(self) -> None:
        """Recompute the rows of every key the recorded writes name (inside a write transaction)."""
        from graph.sqlite_view import SQLiteGraphView

        live = self.live()
        if not live:
            return
        dirty = self.db.execute("SELECT count(*) FROM kept_dirty_doc").fetchone()[0]
        if dirty and dirty > _WHOLE * self.db.execute("SELECT count(*) FROM doc").fetchone()[0]:
            for ix in live:                           # most of the graph is new: every key is touched anyway
                self.seed(ix)
            self.db.execute("DELETE FROM kept_dirty_doc")
            return
        keys = {ix.name: {k for (k,) in self.db.execute("SELECT key FROM kept_dirty WHERE name = ?", (ix.name,))}
                for ix in live}
        docs = self.db.execute("SELECT d.nid, n.id, d.touched FROM kept_dirty_doc d JOIN node n ON n.nid = d.nid "
                               "ORDER BY d.nid").fetchall()
        for at in range(0, len(docs), _FLUSH_DOCS):
            touched = Touched()
            for nid, doc_id, flags in docs[at:at + _FLUSH_DOCS]:
                nodes, rels = self._facts((nid,))
                flags = json.loads(flags)
                touched.nodes.update(nodes, (doc_id,))
                touched.rels.update(rels)
                touched.new_nodes.update(flags["new_nodes"])
                touched.new_rels.update(map(tuple, flags["new_rels"]))
                for n, p in flags["changed"].items():
                    touched.changed[n] = touched.changed.get(n, frozenset()) | frozenset(p)
            view = SQLiteGraphView(self.store, -1)
            for ix in live:
                keys[ix.name] |= ix.affected(view, touched)
            view.release()
        for ix in live:                               # in order: an index may read the rows of one before it
            self.put(ix, getattr(ix, "flush_order", sorted)(keys[ix.name]))
        self.db.execute("DELETE FROM kept_dirty")
        self.db.execute("DELETE FROM kept_dirty_doc")

    def put(self, ix: RowIndex, keys: Iterable[str], whole: bool = False, beside: Any = None) -> None:
        """Write the rows of ``keys`` as ``ix`` computes them now (only those that changed), delete those
        it has none for; a fresh view every few thousand keys (``whole``: ``keys`` are all of them, read
        as they come, a few thousand at a time, and the index is empty: ``_stage``). ``beside``: an index whose keys are ``ix``'s
        (``beside.beside_key`` of each), its rows computed through the same views and written too."""
        if getattr(ix, "postings", False):
            self.postings.put(ix, list(keys), self._items, whole)    # type: ignore[arg-type]
            return
        step = getattr(ix, "view_keys", _SEED_KEYS)   # keys per view (an index whose key reads a hub: fewer)
        write = self._stage if whole else self._write_rows
        if beside is None:
            for keys_of_view, found_in_view in self._computed(ix, _batches(keys, step)):
                write(ix.name, keys_of_view, found_in_view)
        else:
            for keys_of_view, (found_in_view, theirs) in self._computed((ix, beside), _batches(keys, step), "beside"):
                write(ix.name, keys_of_view, found_in_view)
                write(beside.name, [beside.beside_key(k) for k in keys_of_view], theirs)
        if whole:
            self._unstage()

    def _stage(self, name: str, keys_of_view: list[str], found_in_view: dict[str, tuple[bytes, bytes]]) -> None:
        """``_write_rows`` in a fill (``put(…, whole=True)``: ``seed`` emptied the index first, so no key
        has an old row): the rows appended to a staging table, moved into ``kept_row`` in its key order
        once the index is computed (``_unstage``). Written as computed, each row went to a random page of
        ``kept_row`` (its rows are ordered by the sort key, the keys come by item): with a fill's page
        cache, a page read and written back per row."""
        self.db.execute(_STAGE_TABLE)
        self.db.executemany("INSERT INTO temp.kept_fill(name, key, sort, value) VALUES (?, ?, ?, ?)",
                            [(name, k, *row) for k, row in found_in_view.items()])

    def _unstage(self) -> None:
        """Move the staged rows into ``kept_row`` in its primary key's order (one sort by SQLite: each
        page of the index written once, filled), then empty the staging table. A key staged twice (by
        two views) keeps the row staged last, as ``_write_rows`` would have left it."""
        self.db.execute(_STAGE_TABLE)
        try:
            self.db.execute("INSERT INTO kept_row(name, key, sort, value) SELECT name, key, sort, value "
                            "FROM temp.kept_fill ORDER BY name, sort, key")
        except sqlite3.IntegrityError:          # (the statement's rows undone, the transaction goes on)
            self.db.execute("INSERT OR REPLACE INTO kept_row(name, key, sort, value) SELECT name, key, sort, value "
                            "FROM temp.kept_fill ORDER BY rowid")
        self.db.execute("DELETE FROM temp.kept_fill")

    def _write_rows(self, name: str, keys_of_view: list[str], found_in_view: dict[str, tuple[bytes, bytes]]) -> None:
        """Write the rows ``found_in_view`` of ``keys_of_view`` into index ``name`` (only those that
        changed), delete those of the keys it has none for."""
        for lo in range(0, len(keys_of_view), _CHUNK):
            part = keys_of_view[lo:lo + _CHUNK]
            found = {k: found_in_view[k] for k in part if k in found_in_view}
            marks = ",".join("?" * len(part))
            # by the key index, named: without statistics SQLite picks the primary key (name, sort,
            # key) and reads every row of the index for each chunk (half a flush's time at 20,000)
            old = {k: (s, v) for k, s, v in self.db.execute(
                f"SELECT key, sort, value FROM kept_row INDEXED BY kept_row_key WHERE name = ? AND key IN ({marks})", (name, *part))}
            stale = [k for k, row in old.items() if found.get(k) != row]
            if stale:
                self.db.execute(f"DELETE FROM kept_row WHERE name = ? AND key IN ({','.join('?' * len(stale))})",
                                (name, *stale))
            self.db.executemany("INSERT INTO kept_row(name, key, sort, value) VALUES (?, ?, ?, ?)",
                                [(name, k, *row) for k, row in found.items() if old.get(k) != row])

    def _computed(self, ix: Any, views: Iterable[list[str]], method: str = "rows") -> Iterator[tuple[list[str], dict[str, Any]]]:
        """(keys, ``ix.rows`` (or ``ix.items``) of them) for each list of keys of ``views``, through a view
        each (released after it); with a ``helper`` (``fill``: nothing but these rows is written
        meanwhile), the helper always has a list in hand: the next one goes to it as soon as it gives
        its rows back, the others are computed here, between the writes of the rows (so neither process
        waits for the other's share; the lists come back in another order than they went)."""
        todo = iter(views)
        apart: tuple[list[str], Any] | None = None
        if method == "items":                 # in order (a postings index numbers its items as they come)
            yield from self._in_order(ix, todo, method)
            return

        def hand() -> tuple[list[str], Any] | None:
            keys = next(todo, None)
            if keys is None:
                return None
            return keys, self.helper.apply_async(_rows_apart, (type(self.store), str(self.store.path), ix, keys, method))

        if self.helper is not None:
            apart = hand()
        while True:
            if apart is not None and apart[1].ready():
                keys, result = apart
                apart = hand()
                yield keys, result.get()
                continue
            keys = next(todo, None)
            if keys is None:
                if apart is None:
                    return
                keys, result = apart
                apart = None
                yield keys, result.get()
                continue
            yield keys, _rows_through_view(self.store, ix, keys, method)

    def _in_order(self, ix: Any, todo: Iterator[list[str]], method: str) -> Iterator[tuple[list[str], dict[str, Any]]]:
        """``_computed`` in the order of the lists: every other one in the ``helper``."""
        for keys in todo:
            after = next(todo, None) if self.helper is not None else None
            apart = None if after is None else self.helper.apply_async(
                _rows_apart, (type(self.store), str(self.store.path), ix, after, method))
            yield keys, _rows_through_view(self.store, ix, keys, method)
            if apart is not None:
                yield after, apart.get()

    @contextlib.contextmanager
    def helping(self) -> Iterator[None]:
        """A process that computes rows beside this one (what ``fill`` does: each index whole, through
        views of the committed graph — an index reads only the rows of those filled before it)."""
        from graph.pools import can_fork, pool

        if self.store.path is None or not can_fork():
            yield
            return
        self.helper = pool(1)
        try:
            yield
        finally:
            self.helper.terminate()
            self.helper.join()
            self.helper = None

    def seed(self, ix: RowIndex) -> None:
        """Fill ``ix`` whole from the graph as it is and mark it (inside a write transaction); it is
        attached from then on (later writes record what they touch for it). An attached index that is
        not marked and whose keys are ``ix``'s (``fills_beside`` names ``ix``: ``city_pieces`` beside
        ``exemplar_pieces``, the same pieces ordered by place) is filled with it, through the same views:
        the facts both read are read once (at 1,000 documents the pair's rows 24.6 → 20.4 CPU s)."""
        from graph.sqlite_view import SQLiteGraphView

        self.attach([ix])
        beside = next((o for o in self.indexes if getattr(o, "fills_beside", None) == ix.name
                       and not getattr(ix, "postings", False) and not self.marked(o.name)), None)
        for name in (ix.name,) if beside is None else (ix.name, beside.name):
            self.db.execute("DELETE FROM kept_row WHERE name = ?", (name,))
            self.db.execute("DELETE FROM kept_dirty WHERE name = ?", (name,))
        self.postings.clear(ix.name)
        view = SQLiteGraphView(self.store, -1)
        try:
            keys = ix.all_keys(view)               # read as they are written where the index streams them
            self.put(ix, keys if getattr(ix, "streams_keys", False) else list(keys), whole=True, beside=beside)
        finally:
            view.release()
        self._mark([ix] if beside is None else [ix, beside])

    def _items(self, ix: Any, keys: list[str]) -> Iterator[tuple[list[str], dict[str, Any]]]:
        """(the next few thousand of ``keys``, their items as postings index ``ix`` computes them), each
        through a view of its own."""
        return self._computed(ix, _batches(keys, _SEED_KEYS), "items")

    def read(self, name: str, prefix: bytes = b"", limit: int = -1, offset: int = 0) -> list[bytes]:
        if not prefix:
            rows = self.db.execute("SELECT value FROM kept_row WHERE name = ? ORDER BY sort LIMIT ? OFFSET ?",
                                   (name, limit, offset))
        else:
            rows = self.db.execute("SELECT value FROM kept_row WHERE name = ? AND sort >= ? AND sort < ? "
                                   "ORDER BY sort LIMIT ? OFFSET ?", (name, prefix, _after(prefix), limit, offset))
        return [value for (value,) in rows]

    def keys(self, name: str, after: str | None = None, limit: int = -1) -> list[str]:
        if after is None:
            return [k for (k,) in self.db.execute("SELECT key FROM kept_row WHERE name = ? ORDER BY key LIMIT ?",
                                                  (name, limit))]
        return [k for (k,) in self.db.execute("SELECT key FROM kept_row INDEXED BY kept_row_key "
                                              "WHERE name = ? AND key > ? ORDER BY key LIMIT ?", (name, after, limit))]


def _batches(keys: Iterable[str], size: int) -> Iterator[list[str]]:
    """``keys`` in lists of ``size`` (the last shorter), read as they come."""
    it = iter(keys)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _rows_through_view(store: Any, ix: Any, keys: list[str], method: str = "rows") -> Any:
    """``ix.rows`` of ``keys`` (``_CHUNK`` at a time) or ``ix.items`` (all at once) through a view;
    ``beside``: ``ix`` is (an index, one whose keys are its keys' ``beside_key``), both rows through
    the one view."""
    from graph.sqlite_view import SQLiteGraphView

    view = SQLiteGraphView(store, -1)
    try:
        if method == "items":
            return ix.items(view, keys)
        if method == "beside":
            first, second = ix
            return _rows_of(first, view, keys), _rows_of(second, view, [second.beside_key(k) for k in keys])
        return _rows_of(ix, view, keys)
    finally:
        view.release()


def _rows_of(ix: Any, view: Any, keys: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for lo in range(0, len(keys), _CHUNK):
        found.update(ix.rows(view, keys[lo:lo + _CHUNK]))
    return found


_HELPER_STORES: dict[str, Any] = {}     # in a helper process: its own connection to the file


def _rows_apart(kind: Any, path: str, ix: Any, keys: list[str], method: str) -> dict[str, Any]:
    """``_rows_through_view`` in a helper process, reading the committed graph through a connection of
    its own (``kind``: the store's class)."""
    from pathlib import Path

    store = _HELPER_STORES.get(path)
    if store is None:
        store = _HELPER_STORES[path] = kind(Path(path))
    return _rows_through_view(store, ix, keys, method)


def _after(prefix: bytes) -> bytes:
    """The least bytes above every bytes that start with ``prefix`` (a sort key never ends in 0xFF)."""
    head = prefix.rstrip(b"\xff")
    return head[:-1] + bytes([head[-1] + 1])
