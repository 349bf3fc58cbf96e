"""Postings indexes the embedded store maintains per document: the full-text index of ``search`` and the
n-gram vectors of ``similar_practices``, kept as items and segments of postings that a write appends to
and a query reads by gram — no build rebuilds them whole, and no global weight is stored.

A postings index (``PostingIndex``, implemented beside the query that reads it: ``SearchPostings`` in
``queries/fulltext_postings.py``, ``SimilarPostings`` in ``queries/similar_practices.py``; the queries
read them through ``PostedFullTextIndex`` and ``PostedSimilarityIndex``) is a row index
(``graph/sqlite_rows.py``: what a write touched is recorded in its transaction, the build's flush
recomputes the touched keys once) whose rows are *items*: one per searchable node, each with an integer
id (``iid``: the kind's code in the high bits, so a query filters kinds without reading items, then a
counter that never reuses an id), its value (JSON: what a hit shows) and a few lookup attributes
(``post_attr``: the items of a place, of a practice…). Its grams are kept as postings:

- ``post_gram(name, gram, seg, ids, vals, sks)``: per gram and *segment*, the ids of the items holding
  the gram (int32), one fixed-width value each (a count, a weight) and each item's *sort key* (int64,
  ``sort_key``: a number that orders as the item's key does, equal for keys that share their first ten
  characters as far as it tells them apart), so a query breaks ties between items by key from the
  postings it read, reading keys only where two sort keys are equal; a flush writes one new segment for
  the items it added or changed, built in numpy for all of them at once (one row per gram, not per
  (gram, item)). A file written before the sort keys has them NULL: a merge fills them, and
  ``fill_sort_keys`` (run by a build's schema upgrade) rewrites every segment with them.
- ``post_dead(name, iid)``: items replaced or removed since the segments holding them were last merged;
  a query drops their postings.
- ``post_seg(name, seg, size)``: the segments and their sizes. Segments of one size class are merged
  four at a time (size-tiered, as a log-structured merge: each posting is rewritten O(log n) times over
  the life of a graph), and all of them when a quarter of the items are dead.

Whatever depends on the whole corpus (a gram's document frequency, the item count) is computed at query
time from these (``df`` = live postings of the gram; ``n`` = ``meta`` key ``post_n:<name>``).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["KIND_BITS", "POSTINGS_TABLES", "POSTINGS_TABLE_NAMES", "Posted", "PostingIndex", "PostingKeeper", "alive", "sort_key",
           "sort_keys"]

POSTINGS_TABLES = """CREATE TABLE IF NOT EXISTS post_item (name TEXT NOT NULL, key TEXT NOT NULL, iid INTEGER NOT NULL,
                                      value BLOB NOT NULL, PRIMARY KEY (name, key)) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS post_item_iid ON post_item(name, iid);
CREATE TABLE IF NOT EXISTS post_attr (name TEXT NOT NULL, attr TEXT NOT NULL, iid INTEGER NOT NULL,
                                      PRIMARY KEY (name, attr, iid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS post_attr_iid ON post_attr(name, iid);
CREATE TABLE IF NOT EXISTS post_gram (name TEXT NOT NULL, gram TEXT NOT NULL, seg INTEGER NOT NULL, ids BLOB NOT NULL,
                                      vals BLOB NOT NULL, sks BLOB);
CREATE UNIQUE INDEX IF NOT EXISTS post_gram_key ON post_gram(name, gram, seg);
CREATE TABLE IF NOT EXISTS post_seg (name TEXT NOT NULL, seg INTEGER NOT NULL, size INTEGER NOT NULL,
                                     PRIMARY KEY (name, seg)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS post_dead (name TEXT NOT NULL, iid INTEGER NOT NULL, PRIMARY KEY (name, iid)) WITHOUT ROWID"""
POSTINGS_TABLE_NAMES = ("post_item", "post_attr", "post_gram", "post_seg", "post_dead")

KIND_BITS = 28        # iid = kind code << KIND_BITS | counter (int32 while the code is below 8)
_CHUNK = 500          # ids per ``IN (…)``
_INSERT_GRAM = "INSERT INTO post_gram(name, gram, seg, ids, vals, sks) VALUES (?, ?, ?, ?, ?, ?)"
_SEGMENT_CHARS = 1 << 22   # characters of item text per segment a flush writes at most (bounds its numpy arrays) …
_SEGMENT_MIN_CHARS = 1 << 18   # … and at least, where the put's items hold less than ``_SEGMENTS`` times that:
_SEGMENTS = 16             # a put's segments about 1/16 of what its keys hold, so that a small graph's fill does not
                           # take the memory a national one's does (4 M characters: ≈ 450 MB of n-gram arrays at once)
_TIER = 4             # segments of one size class merged together
_MERGE_BYTES = 1 << 20     # bytes of ids (4 a posting) a merge reads and rewrites at a time, whole grams: its
                           # memory bounded whatever the corpus (by 4,000 grams at a time, a fill of 100,000
                           # documents read runs of common grams of several hundred MB each and peaked at 4.3 GB;
                           # 16 MB of ids, ≈ 20 bytes a posting read and as many written, took 200 MB at once;
                           # 4 MB, the similarity fill's peak at 2,000 documents: 197 MB against 182 at 1 MB)
_SCAN_SHARE = 16      # ``least`` reads the key index in order for a set of at least 1/16 of the items
_SORT_CHARS = 10      # characters of a key a sort key tells apart, 6 bits each
#: the characters a sort key tells apart (``sort_key``), in code point order
_SORT_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
#: per ASCII character: (how many of the alphabet are at most it, whether it is one of them)
_SORT_CODE = [(sum(1 for a in _SORT_ALPHABET if a <= chr(c)), chr(c) in _SORT_ALPHABET) for c in range(128)]


def sort_key(key: str) -> int:
    """A non-negative int64 that never orders two keys the other way round (``sort_key(a) <=
    sort_key(b)`` whenever ``a < b``): the key's first ``_SORT_CHARS`` characters, 6 bits each, the end
    of the key 0 and each character of ``_SORT_ALPHABET`` its place in it counted from 1. At the first
    other character (its code: how many of the alphabet are below it) the rest is filled with ones, so
    that it sorts after every key that shares the part before and holds there a character of the code."""
    value = 0
    for at, c in enumerate(key[:_SORT_CHARS]):
        o = ord(c)
        code, known = _SORT_CODE[o] if o < 128 else (63, False)
        value = value << 6 | code
        if not known:
            rest = 6 * (_SORT_CHARS - at - 1)
            return value << rest | ((1 << rest) - 1)
    return value << 6 * (_SORT_CHARS - min(len(key), _SORT_CHARS))


def sort_keys(keys: Iterable[str]) -> Any:
    """``sort_key`` of each of ``keys`` as a numpy int64 array."""
    import numpy as np

    return np.fromiter(map(sort_key, keys), dtype=np.int64)


@dataclass(frozen=True)
class Posted:
    """One item as a postings index computes it from the graph: its kind's code, the value kept (JSON
    bytes: everything a query shows of it, and enough to tell it changed), its lookup attributes, and
    what its postings are computed from (``source``, given back to ``PostingIndex.segment``)."""

    code: int
    value: bytes
    attrs: tuple[str, ...]
    source: Any


class PostingIndex(Protocol):
    """A row index whose rows are items with postings (see the module docstring)."""

    name: str
    postings: bool          # True: what ``graph/sqlite_rows.py`` tells from a row index

    def affected(self, view: Any, touched: Any) -> set[str]: ...

    def all_keys(self, view: Any) -> Iterable[str]: ...

    def items(self, view: Any, keys: Sequence[str]) -> dict[str, Posted]:
        """key -> the item of those of ``keys`` that have one in the graph ``view`` shows."""

    def segment(self, sources: list[Any]) -> Iterator[tuple[str, Any, Any]]:
        """(gram, positions in ``sources`` ascending as a numpy int array, one value per position as a
        numpy array of a fixed-width type, or None) for every gram of the items ``sources``."""

    def size(self, source: Any) -> int:
        """The characters ``source`` holds (how a flush cuts its segments)."""


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _segment_chars(expected: int) -> int:
    """The characters of item text a put cuts a segment at, for a put whose items are expected to hold
    ``expected`` (the characters per item so far times its keys): ``1 / _SEGMENTS`` of it, at least
    ``_SEGMENT_MIN_CHARS`` and at most ``_SEGMENT_CHARS`` (a 2,000-document fill cut at 4 M characters
    held ≈ 450 MB of a similarity segment's arrays; a 100,000-document fill cuts there still, its
    segments' count — what the final merge reads — unchanged)."""
    return min(_SEGMENT_CHARS, max(_SEGMENT_MIN_CHARS, expected // _SEGMENTS))


class PostingKeeper:
    """The postings indexes of one ``SQLiteStore`` (``store._db``, inside its write transactions)."""

    def __init__(self, store: Any):
        self.store = store
        self._sks: bool | None = None      # whether ``post_gram`` has its ``sks`` column (None: not looked)

    @property
    def db(self) -> Any:
        return self.store._db

    def _meta(self, key: str) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def _set_meta(self, key: str, value: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, str(value)))

    def has_sort_keys(self) -> bool:
        """Whether the file's ``post_gram`` has the ``sks`` column (a file from before it has not, until
        a write adds it)."""
        if self._sks is None:
            self._sks = any(row[1] == "sks" for row in self.db.execute("PRAGMA table_info(post_gram)"))
        return self._sks

    def add_sort_keys(self) -> None:
        """(Inside a write) add the ``sks`` column to a file from before it, and fill it (``fill_sort_keys``)
        in the same transaction; a file that has it has every segment's."""
        self._sks = None                     # looked at again: another process may have added it
        if not self.has_sort_keys():
            self.db.execute("ALTER TABLE post_gram ADD COLUMN sks BLOB")
            self._sks = True
            self.fill_sort_keys()

    def clear(self, name: str) -> None:
        for table in POSTINGS_TABLE_NAMES:
            self.db.execute(f"DELETE FROM {table} WHERE name = ?", (name,))   # fixed names only
        self._set_meta("post_n:" + name, 0)

    def put(self, ix: PostingIndex, keys: list[str], items: Any, whole: bool = False) -> None:
        """Bring the items of ``keys`` up to date (``items(ix, keys)``: (a part of ``keys``, ``ix.items`` of
        it) for consecutive parts, each through a graph view of its own): items whose value changed or
        that are gone are marked dead, new and changed ones get new ids and their postings one new
        segment per few million characters. ``whole`` (a fill of the whole index): the segments are
        merged into one at the end, each posting rewritten once (the size-tiered merges of a flush
        rewrite each of a fill's postings log4(segments) times: three at 100,000 documents)."""
        name = ix.name
        if not self.has_sort_keys():
            self.add_sort_keys()
        pending: list[tuple[int, Any, str]] = []
        chars = 0
        added = dead = 0
        seen_items = seen_chars = 0          # what the items so far hold: how large this put's segments are cut
        for part, found in items(ix, keys):
            old = {} if whole else {k: (i, v) for k, i, v in in_chunks(      # (a fill: ``clear`` emptied it)
                self.db, "SELECT key, iid, value FROM post_item WHERE name = ? AND key IN ({})", (name,), part)}
            gone = [k for k, (_, value) in old.items() if k not in found or found[k].value != value]
            fresh = [k for k in part if k in found and (k not in old or k in gone)]
            for lo in range(0, len(gone), _CHUNK):
                sub = gone[lo:lo + _CHUNK]
                iids = [old[k][0] for k in sub]
                self.db.execute(f"DELETE FROM post_item WHERE name = ? AND key IN ({_marks(len(sub))})", (name, *sub))
                self.db.execute(f"DELETE FROM post_attr WHERE name = ? AND iid IN ({_marks(len(iids))})", (name, *iids))
                self.db.executemany("INSERT OR IGNORE INTO post_dead(name, iid) VALUES (?, ?)", [(name, i) for i in iids])
            counter = self._meta("post_seq:" + name)
            rows, attrs = [], []
            for k in fresh:
                item = found[k]
                counter += 1
                iid = item.code << KIND_BITS | counter
                rows.append((name, k, iid, item.value))
                attrs += [(name, a, iid) for a in dict.fromkeys(item.attrs)]
                pending.append((iid, item.source, k))
                size = ix.size(item.source)
                chars += size
                seen_items, seen_chars = seen_items + 1, seen_chars + size
                if chars >= _segment_chars(seen_chars * len(keys) // seen_items):
                    self._segment(ix, pending)
                    pending, chars = [], 0
            self._set_meta("post_seq:" + name, counter)
            self.db.executemany("INSERT INTO post_item(name, key, iid, value) VALUES (?, ?, ?, ?)", rows)
            self.db.executemany("INSERT OR IGNORE INTO post_attr(name, attr, iid) VALUES (?, ?, ?)", attrs)
            added += len(fresh)
            dead += len(gone)
        self._segment(ix, pending)
        self._set_meta("post_n:" + name, self._meta("post_n:" + name) + added - dead)
        if whole:
            segs = [s for (s,) in self.db.execute("SELECT seg FROM post_seg WHERE name = ? ORDER BY seg", (name,))]
            if len(segs) > 1:
                self._rewrite(name, segs, every=True)
            return
        self._merge(name)

    def _segment(self, ix: PostingIndex, pending: list[tuple[int, Any, str]]) -> None:
        """Write the postings of ``pending`` (iid, source, key) as one new segment."""
        import numpy as np

        if not pending:
            return
        pending = sorted(pending, key=lambda p: p[0])      # each gram's ids ascending (``_grouped``)
        iids = np.asarray([i for i, _, _ in pending], dtype=np.int64)
        sks = sort_keys(k for _, _, k in pending)
        seg = self._meta("post_segs:" + ix.name) + 1
        self._set_meta("post_segs:" + ix.name, seg)
        size = 0
        rows = []
        for gram, positions, values in ix.segment([s for _, s, _ in pending]):
            ids = iids[positions].astype("<i4")
            size += ids.size
            rows.append((ix.name, gram, seg, ids.tobytes(), b"" if values is None else values.tobytes(),
                         sks[positions].astype("<i8").tobytes()))
            if len(rows) >= 10000:
                self.db.executemany(_INSERT_GRAM, rows)
                rows = []
        self.db.executemany(_INSERT_GRAM, rows)
        self.db.execute("INSERT INTO post_seg(name, seg, size) VALUES (?, ?, ?)", (ix.name, seg, size))

    def _merge(self, name: str) -> None:
        """Merge segments: all of them when a quarter of the items are dead, else any ``_TIER`` of one
        size class (size rounded down to a power of ``_TIER``), until no class holds that many."""
        segs = self.db.execute("SELECT seg, size FROM post_seg WHERE name = ? ORDER BY seg", (name,)).fetchall()
        dead = self.db.execute("SELECT count(*) FROM post_dead WHERE name = ?", (name,)).fetchone()[0]
        if dead and dead * 4 >= max(self._meta("post_n:" + name), 1):
            self._rewrite(name, [s for s, _ in segs], every=True)
            return
        while True:
            classes: dict[int, list[int]] = {}
            for seg, size in segs:
                classes.setdefault(int(math.log(max(size, 1), _TIER)), []).append(seg)
            full = next((group for _, group in sorted(classes.items()) if len(group) >= _TIER), None)
            if full is None:
                return
            merged = self._rewrite(name, full, every=len(full) == len(segs))
            segs = [(s, z) for s, z in segs if s not in full] + ([merged] if merged else [])

    def _rewrite(self, name: str, segs: list[int], every: bool) -> tuple[int, int] | None:
        """Replace segments ``segs`` by one holding their live postings (``every``: they are all the
        segments, so no dead item is left anywhere afterwards); (new segment, size), or None when empty."""
        import numpy as np

        if not segs:
            return None
        dead = np.sort(np.fromiter((i for (i,) in self.db.execute("SELECT iid FROM post_dead WHERE name = ?", (name,))),
                                   dtype=np.int64))
        seg = self._meta("post_segs:" + name) + 1
        self._set_meta("post_segs:" + name, seg)
        marks = _marks(len(segs))
        size = 0
        known = None                   # (iids ascending, their sort keys): for segments written without them
        for lo, hi in self._gram_ranges(name, segs):
            found = self.db.execute(
                f"SELECT gram, ids, vals, sks FROM post_gram WHERE name = ? AND gram >= ? AND gram <= ? AND seg IN ({marks}) "
                "ORDER BY gram, seg", (name, lo, hi, *segs)).fetchall()
            if known is None and any(r[3] is None for r in found):
                known = self._all_sort_keys(name)
            if known is not None:
                found = [r if r[3] is not None else (*r[:3], _looked_up(r[1], known)) for r in found]
            rows = []
            for gram, ids, vals, sks in _grouped(found, dead):
                if ids:
                    rows.append((name, gram, seg, ids, vals, sks))
                    size += len(ids) // 4
            self.db.execute(f"DELETE FROM post_gram WHERE name = ? AND gram >= ? AND gram <= ? AND seg IN ({marks})",
                            (name, lo, hi, *segs))
            self.db.executemany(_INSERT_GRAM, rows)
        self.db.execute(f"DELETE FROM post_seg WHERE name = ? AND seg IN ({marks})", (name, *segs))
        if every:
            self.db.execute("DELETE FROM post_dead WHERE name = ?", (name,))
        if not size:
            return None
        self.db.execute("INSERT INTO post_seg(name, seg, size) VALUES (?, ?, ?)", (name, seg, size))
        return seg, size

    def _gram_ranges(self, name: str, segs: list[int]) -> list[tuple[str, str]]:
        """(first gram, last gram) of consecutive runs of the grams of segments ``segs``, each holding about
        ``_MERGE_BYTES`` of ids (a gram holding more: a run of its own). Read from the key index and the
        rows' headers (``length`` reads no blob), streamed: only the bounds are kept."""
        ranges: list[tuple[str, str]] = []
        first = last = None
        held = 0
        for gram, n in self.db.execute(
                f"SELECT gram, sum(length(ids)) FROM post_gram WHERE name = ? AND seg IN ({_marks(len(segs))}) "
                "GROUP BY gram ORDER BY gram", (name, *segs)):
            if first is not None and held + n > _MERGE_BYTES:
                ranges.append((first, last))
                first, held = None, 0
            if first is None:
                first = gram
            last, held = gram, held + n
        if first is not None:
            ranges.append((first, last))
        return ranges

    def _all_sort_keys(self, name: str) -> tuple[Any, Any]:
        """(the live items' iids ascending, their sort keys) of index ``name``."""
        import numpy as np

        rows = self.db.execute("SELECT iid, key FROM post_item WHERE name = ? ORDER BY iid", (name,)).fetchall()
        return np.asarray([i for i, _ in rows], dtype=np.int64), sort_keys(k for _, k in rows)

    def fill_sort_keys(self) -> None:
        """Give every segment written without sort keys (a file from before them) its sort keys: all the
        segments of such an index merged into one."""
        for (name,) in self.db.execute("SELECT DISTINCT name FROM post_gram WHERE sks IS NULL").fetchall():
            segs = [s for (s,) in self.db.execute("SELECT seg FROM post_seg WHERE name = ? ORDER BY seg", (name,))]
            self._rewrite(name, segs, every=True)

    # -- reading ----------------------------------------------------------------------------------------
    def count(self, name: str) -> int:
        return self._meta("post_n:" + name)

    def dead(self, name: str) -> list[int]:
        return [i for (i,) in self.db.execute("SELECT iid FROM post_dead WHERE name = ?", (name,))]

    def grams(self, name: str, grams: Iterable[str]) -> dict[str, list[tuple[bytes, bytes, bytes | None]]]:
        """gram -> its (ids, vals, sort keys or None) per segment, oldest first, for those of ``grams``
        some segment holds."""
        out: dict[str, list[tuple[bytes, bytes, bytes | None]]] = {}
        column = "sks" if self.has_sort_keys() else "NULL"
        for gram, ids, vals, sks in in_chunks(self.db, f"SELECT gram, ids, vals, {column} FROM post_gram WHERE name = ? "
                                              "AND gram IN ({}) ORDER BY gram, seg", (name,), grams):
            out.setdefault(gram, []).append((ids, vals, sks))
        return out

    def items(self, name: str, iids: Iterable[int]) -> dict[int, tuple[str, bytes]]:
        """iid -> (key, value) of the live items among ``iids``."""
        return {i: (k, v) for i, k, v in in_chunks(
            self.db, "SELECT iid, key, value FROM post_item INDEXED BY post_item_iid WHERE name = ? AND iid IN ({})", (name,), map(int, iids))}

    def keys(self, name: str, iids: Iterable[int]) -> dict[int, str]:
        """iid -> key of the live items among ``iids`` (read from the iid index alone)."""
        return dict(in_chunks(self.db, "SELECT iid, key FROM post_item INDEXED BY post_item_iid WHERE name = ? AND iid IN ({})", (name,),
                              map(int, iids)))

    def least(self, name: str, iids: Iterable[int], n: int) -> list[int]:
        """The ``n`` of the live items among ``iids`` whose keys are least, in key order. A set that is
        a good part of the index (a common text's thousands of tied items) is found by reading the key
        index in order until ``n`` of it have come (about ``n * count / len(iids)`` rows); a smaller one
        is sorted by SQLite a few hundred at a time, only the least ``n`` of each read back."""
        wanted = set(map(int, iids))
        if len(wanted) * _SCAN_SHARE >= self.count(name):
            out: list[int] = []
            cursor = self.db.execute("SELECT iid FROM post_item WHERE name = ? ORDER BY key", (name,))
            while len(out) < n:
                rows = cursor.fetchmany(max(4 * n, 256))
                if not rows:
                    break
                out += [i for (i,) in rows if i in wanted]
            cursor.close()
            return out[:n]
        rows = in_chunks(self.db, "SELECT iid, key FROM post_item INDEXED BY post_item_iid WHERE name = ? AND iid IN ({}) ORDER BY key LIMIT "
                         + str(int(n)), (name,), wanted)
        rows.sort(key=lambda row: row[1])
        return [i for i, _ in rows[:n]]

    def by_key(self, name: str, key: str) -> tuple[int, bytes] | None:
        row = self.db.execute("SELECT iid, value FROM post_item WHERE name = ? AND key = ?", (name, key)).fetchone()
        return None if row is None else (row[0], row[1])

    def with_attr(self, name: str, attr: str) -> list[int]:
        return [i for (i,) in self.db.execute("SELECT iid FROM post_attr WHERE name = ? AND attr = ?", (name, attr))]

    def first_with_attr(self, name: str, attr: str) -> tuple[str, bytes] | None:
        """(key, value) of the item with ``attr`` whose key is least."""
        row = self.db.execute("SELECT i.key, i.value FROM post_attr a JOIN post_item i ON i.name = a.name AND i.iid = a.iid "
                              "WHERE a.name = ? AND a.attr = ? ORDER BY i.key LIMIT 1", (name, attr)).fetchone()
        return None if row is None else (row[0], row[1])


def in_chunks(db: Any, sql: str, head: tuple[Any, ...], values: Iterable[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` (its ``IN ({})`` filled with placeholders) for the distinct ``values``, a few
    hundred per statement, the parameters ``head`` first."""
    wanted = list(dict.fromkeys(values))
    rows: list[tuple[Any, ...]] = []
    for lo in range(0, len(wanted), _CHUNK):
        sub = wanted[lo:lo + _CHUNK]
        rows += db.execute(sql.format(_marks(len(sub))), (*head, *sub)).fetchall()
    return rows


def _looked_up(ids: bytes, known: tuple[Any, Any]) -> bytes:
    """The sort keys of ``ids`` (int32 bytes) from ``known`` (iids ascending, their sort keys); -1 for an
    item not there (gone: a dead item, whose postings a merge drops)."""
    import numpy as np

    arr = np.frombuffer(ids, dtype="<i4").astype(np.int64)
    iids, sks = known
    at = np.minimum(np.searchsorted(iids, arr), max(iids.size - 1, 0))
    found = iids[at] == arr if iids.size else np.zeros(arr.size, dtype=bool)
    return np.where(found, sks[at] if iids.size else -1, -1).astype("<i8").tobytes()


def alive(ids: Any, dead: Any) -> Any:
    """A boolean mask: which of ``ids`` are not among ``dead`` (ascending, not empty), found by binary
    search — ``~np.isin(ids, dead)`` sorts both together for every gram, so a merge of many grams cost
    the dead items' count each time (at 15,000 documents, 92 % of a flush)."""
    import numpy as np

    at = np.minimum(np.searchsorted(dead, ids), dead.size - 1)
    return dead[at] != ids


def _grouped(rows: list[tuple[str, bytes, bytes, bytes]], dead: Any) -> Iterator[tuple[str, bytes, bytes, bytes]]:
    """(gram, ids, vals, sort keys) of rows ordered by gram: each gram's segments concatenated, dead ids
    dropped, ids ascending (a query then sorts a gram's few runs of ascending ids, not a shuffle)."""
    import numpy as np

    at = 0
    while at < len(rows):
        gram = rows[at][0]
        end = at
        while end < len(rows) and rows[end][0] == gram:
            end += 1
        ids = b"".join(r[1] for r in rows[at:end])
        vals = b"".join(r[2] for r in rows[at:end])
        sks = b"".join(r[3] for r in rows[at:end])
        at = end
        arr = np.frombuffer(ids, dtype="<i4")
        pick = np.flatnonzero(alive(arr, dead)) if dead.size else np.arange(arr.size)
        ordered = bool(np.all(arr[pick][1:] > arr[pick][:-1]))
        if not ordered:
            pick = pick[np.argsort(arr[pick], kind="stable")]
        if pick.size != arr.size or not ordered:
            width = len(vals) // arr.size if arr.size else 0
            ids = arr[pick].tobytes()
            vals = np.frombuffer(vals, dtype=np.uint8).reshape(arr.size, width)[pick].tobytes() if width else b""
            sks = np.frombuffer(sks, dtype="<i8")[pick].tobytes()
        yield gram, ids, vals, sks
