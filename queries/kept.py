"""Indexes kept in the store: built once per graph version, read back by any later process.

The full-text and similarity indexes are built from every document and entity of the graph. Where the
store can keep them (the embedded store: ``keep`` / ``kept_version`` / ``kept_values``, see
``graph/sqlite_store.py``), the first query after a build — in any process — reads only the entries it
needs (the postings of its own grams, the items it returns) instead of reading the whole graph and
rebuilding the index; where it cannot (the server stores, a read-only home), the index is built in the
process, as before. Either way the answer is the same: the kept entries are the built index's own
arrays, written out and read back bit for bit.

``GraphVersion`` is what ``finish`` receives as ``version``: calling it gives the key that changes with
the graph (the in-process cache key, ``queries.rows.cached``), and it knows its store.
"""
from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Protocol

from graph.model import COMPACT_JSON
from queries.rows import cached, identity, uncache

__all__ = ["RECOMPUTE_AT_MOST", "GraphVersion", "Keepable", "KeptReader", "KeptSections", "StaleIndex", "dumps", "keep_now",
           "keeps", "kept_reader", "loads", "loads_all", "maintained", "outdated_documents", "with_index",
           "with_maintained"]

# A graph file whose kept indexes another revision of the code computed (``graph/revision.py``: govkg
# upgraded) has each computed again in memory by the first query that needs it, up to this many
# documents (seconds, a few hundred MB); beyond, the query refuses and says to run ``govkg init``, which
# computes them in the store (at 100,000 documents one similarity index computed in memory passed 10 GB).
RECOMPUTE_AT_MOST = 5_000


class StaleIndex(LookupError):
    """A kept index lost an entry while it was read (a newer graph version replaced it)."""


class GraphVersion:
    """The graph version of ``store``: ``version()`` is the cache key of everything built from it."""

    __slots__ = ("store",)

    def __init__(self, store: Any):
        self.store = store

    def __call__(self) -> Hashable:
        return (identity(self.store), "v", self.store.version())


class Keepable(Protocol):
    def kept_entries(self) -> Iterable[tuple[str, bytes]]: ...


class KeptReader:
    """The entries of one kept index (name, graph version) of ``store``."""

    __slots__ = ("name", "store", "version")

    def __init__(self, store: Any, name: str, version: int):
        self.store, self.name, self.version = store, name, version

    def many(self, keys: Iterable[str]) -> dict[str, bytes]:
        return self.store.kept_values(self.name, self.version, keys)

    def get(self, key: str) -> bytes | None:
        return self.many([key]).get(key)

    def need(self, key: str) -> bytes:
        value = self.get(key)
        if value is None:
            raise StaleIndex(f"{self.name}@{self.version}: {key!r}")
        return value

    def need_all(self, keys: Iterable[str]) -> dict[str, bytes]:
        wanted = list(keys)
        found = self.many(wanted)
        if len(found) != len(set(wanted)):
            raise StaleIndex(f"{self.name}@{self.version}: {len(set(wanted)) - len(found)} entries gone")
        return found


def dumps(value: Any) -> bytes:
    return COMPACT_JSON.encode(value).encode("utf-8")


def loads(data: bytes) -> Any:
    return json.loads(data.decode("utf-8"))


def loads_all(values: list[bytes]) -> list[Any]:
    """``[loads(v) for v in values]`` in one parse (the rows of a row index: thousands at a time)."""
    return json.loads(b"[" + b",".join(values) + b"]") if values else []


def keeps(store: Any) -> bool:
    """Whether ``store`` keeps indexes (the embedded store)."""
    return all(hasattr(store, m) for m in ("keep", "kept_version", "kept_values"))


def _index(name: str, version: Callable[[], Hashable], build: Callable[[], Keepable],
           load: Callable[[KeptReader], Any]) -> Any:
    reader = kept_reader(name, version)
    if reader is not None:
        return load(reader)
    store = getattr(version, "store", None)
    at = store.version() if store is not None and keeps(store) else None   # before the build reads
    if at is not None:
        _computable(store)
    index = build()
    if at is not None:
        from govkg.errors import StoreUnavailable

        with contextlib.suppress(StoreUnavailable):   # a read-only home: this process keeps its own copy
            store.keep(name, at, index.kept_entries())  # (refused when the graph changed meanwhile)
    return index


def outdated_documents(store: Any) -> int | None:
    """How many documents a graph holds whose row indexes, some of them, have to be filled again (another
    revision of their code computed them — ``graph/revision.py``: govkg upgraded — or a write did not
    record its changes for them); None where every one is current or the store keeps none."""
    stale = getattr(store, "stale_rows", None)
    if stale is None or not stale():
        return None
    return int(store.document_count())


def _computable(store: Any) -> None:
    """Raise ``IndexesOutdated`` where some of ``store``'s row indexes are to be filled again (another code
    revision's) and the graph is too large to compute one in memory (``RECOMPUTE_AT_MOST``)."""
    documents = outdated_documents(store)
    if documents is not None and documents > RECOMPUTE_AT_MOST:
        from govkg.errors import IndexesOutdated

        raise IndexesOutdated(str(store.path), documents)


def maintained(name: str, version: Callable[[], Hashable]) -> Any:
    """The store when it maintains row index ``name`` up to its current graph version
    (``graph/sqlite_rows.py``), else None."""
    store = getattr(version, "store", None)
    current = getattr(store, "rows_current", None)
    return store if current is not None and current(name) else None


def with_maintained(name: str, version: Callable[[], Hashable], make: Callable[[Any], Any],
                    use: Callable[[Any], Any], otherwise: Callable[[], Any]) -> Any:
    """``use(make(store))`` where the store maintains index ``name`` per document up to its current graph
    version (``graph/sqlite_postings.py``; made once per version in this process), else ``otherwise()``
    — also when an item went while it was read (a write in between)."""
    store = maintained(name, version)
    if store is not None:
        try:
            return use(cached(name + ":posted", version, lambda: make(store)))
        except StaleIndex:
            uncache(name + ":posted", version)
    return otherwise()


def kept_reader(name: str, version: Callable[[], Hashable]) -> KeptReader | None:
    """A reader of index ``name`` as the store keeps it for the current graph version; None when the
    store keeps none (a server store, an index not kept yet, or kept for an older version)."""
    store = getattr(version, "store", None)
    if store is None or not keeps(store):
        return None
    at = store.version()
    return KeptReader(store, name, at) if store.kept_version(name) == at else None


def with_index(name: str, version: Callable[[], Hashable], build: Callable[[], Keepable],
               load: Callable[[KeptReader], Any], use: Callable[[Any], Any]) -> Any:
    """``use(index)`` with index ``name`` of this graph version: kept in this process (``cached``), else
    read from the store's kept copy (``load``), else built (``build``) and kept in the store for the
    next process. A kept copy replaced while in use is dropped and the index built here."""
    try:
        return use(cached(name, version, lambda: _index(name, version, build, load)))
    except StaleIndex:
        uncache(name, version)
        return use(cached(name, version, build))


class KeptSections:
    """Lists of JSON rows (a query's answer before its ``limit``), kept in chunks so that a call reads
    only the chunks its limit reaches. Chunks read once stay; concurrent callers (the explorer's
    threads) may read one twice, never add it twice."""

    CHUNK = 500

    def __init__(self, sections: list[list[dict[str, Any]]], reader: KeptReader | None = None,
                 sizes: list[int] | None = None):
        self._sections, self._reader = sections, reader
        self._sizes = sizes if sizes is not None else [len(rows) for rows in sections]
        self._chunks: dict[tuple[int, int], list[dict[str, Any]]] = {}

    @classmethod
    def load(cls, reader: KeptReader) -> KeptSections:
        sizes = [int(n) for n in loads(reader.need("sizes"))]
        return cls([], reader, sizes)

    def head(self, limit: int) -> list[list[dict[str, Any]]]:
        """The first ``limit`` rows of each section."""
        if self._reader is None:
            return [rows[:limit] for rows in self._sections]
        out = []
        for i, size in enumerate(self._sizes):
            chunks = [(i, c) for c in range(-(-min(limit, size) // self.CHUNK))]
            missing = [key for key in chunks if key not in self._chunks]
            if missing:
                found = self._reader.need_all(f"s:{i}:{c}" for _, c in missing)
                for key in missing:
                    self._chunks[key] = loads(found[f"s:{key[0]}:{key[1]}"])
            out.append([row for key in chunks for row in self._chunks[key]][:limit])
        return out

    def kept_entries(self) -> Iterable[tuple[str, bytes]]:
        yield "sizes", dumps(self._sizes)
        for i, rows in enumerate(self._sections):
            for c in range(0, len(rows), self.CHUNK):
                yield f"s:{i}:{c // self.CHUNK}", dumps(rows[c:c + self.CHUNK])


def keep_now(name: str, version: GraphVersion, build: Callable[[], Keepable]) -> bool:
    """Build index ``name`` and keep it in the store unless a copy for this graph version is there;
    True when the store holds one afterwards (what a build runs when it has loaded its documents)."""
    store = version.store
    if not keeps(store):
        return False
    if kept_reader(name, version) is not None:
        return True
    at = store.version()                                   # before the build reads
    return bool(store.keep(name, at, build().kept_entries()))

