"""The search's full-text index as the embedded store maintains it per document (``graph/sqlite_postings.py``).

``SearchPostings`` says what the store keeps: one item per document and searchable entity (the
:class:`~queries.fulltext.Searchable` ``search`` builds from the graph), and per gram of its folded text
its count (``t`` + gram) and per gram of its folded name a mark (``n`` + gram). ``PostedFullTextIndex``
answers a search from them with the query side of :class:`~queries.fulltext.FullTextIndex`, reading the
postings of the query's own grams and the items it returns: the same hits, in the same order (ties by
kind, then key, read for the tied items only: ``queries/top.py``). Nothing in the search's score depends
on the rest of the corpus, so a document's items are written once and never rewritten when others come.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from graph.fulltext import ENTITY_FIELDS, entity_text
from graph.sqlite_postings import KIND_BITS, Posted, alive
from queries.fulltext import _CP_BITS, Searchable, _fold_and_index, _FullText, _sorted_unique, fold
from queries.kept import StaleIndex, dumps, loads

__all__ = ["SEARCH_KINDS", "PostedFullTextIndex", "PostedItems", "SearchPostings", "live_postings"]

#: the searchable labels in name order: an item's kind code is its place here, so codes order as kinds
SEARCH_KINDS = tuple(sorted(("Document", *ENTITY_FIELDS)))
_CODE = {kind: code for code, kind in enumerate(SEARCH_KINDS)}
_FIELDS = tuple(Searchable.__dataclass_fields__)
# characters per numpy pass of a segment's postings: a fill's segment holds up to 4 M characters, and a
# pass's temporaries (sorted keys, heads, counts) ≈ 50 bytes a character were its writer's peak (2 M
# characters a pass: ≈ 100 MB at once at 2,000 documents); the segment's arrays are the same
_SEGMENT_PASS_CHARS = 1 << 18


def _kind(node: str) -> str | None:
    from graph.model import label_of_id

    try:
        return label_of_id(node)
    except ValueError:
        return None


def _gram(key: int) -> str:
    """The gram a key of ``_GramTable`` stands for."""
    return chr(key) if key < 1 << _CP_BITS else chr((key >> _CP_BITS) - 1) + chr(key & ((1 << _CP_BITS) - 1))


class SearchPostings:
    """The search's items as a postings index (``graph/sqlite_postings.py``). A write changes the items
    of the documents and searchable entities it creates or whose properties it changes; a removal,
    those it gave evidence to (each one gone, or recomputed and found unchanged)."""

    name = "search"
    postings = True

    def affected(self, view: Any, touched: Any) -> set[str]:
        nodes = set(touched.new_nodes) | set(touched.changed)
        if touched.removal:
            nodes |= touched.nodes
        return {n for n in nodes if _kind(n) in _CODE}

    def all_keys(self, view: Any) -> Iterable[str]:
        for kind in SEARCH_KINDS:
            yield from view.label_ids(kind)

    def items(self, view: Any, keys: Sequence[str]) -> dict[str, Posted]:
        out = {}
        for key, props in view.props_of([k for k in keys if _kind(k) in _CODE]).items():
            kind = _kind(key)
            if kind == "Document":
                text, name = str(props.get("text") or ""), str(props.get("title") or "")
                item = Searchable(key, kind, name, text, doc_id=key, offset=0)
                fields = [getattr(item, f) for f in _FIELDS]
                fields[_FIELDS.index("text")] = None               # read from the document when shown
                value = dumps([*fields, hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()])
            else:
                text, name = entity_text(props, kind), props.get(ENTITY_FIELDS[kind][0]) or key
                item = Searchable(key, kind, name, text)
                value = dumps([getattr(item, f) for f in _FIELDS])
            out[key] = Posted(_CODE[kind], value, (), (text, name))
        return out

    def segment(self, sources: list[tuple[str, str]]) -> Iterator[tuple[str, Any, Any]]:
        for prefix, at, counted in (("t", 0, True), ("n", 1, False)):
            _, table, ids, counts = _fold_and_index([s[at] for s in sources], counted, _SEGMENT_PASS_CHARS)
            starts = table._starts
            for g, key in enumerate(table._grams.tolist()):
                lo, hi = int(starts[g]), int(starts[g + 1])
                yield prefix + _gram(key), ids[lo:hi], counts[lo:hi].astype("<i4") if counted else None

    def size(self, source: tuple[str, str]) -> int:
        return len(source[0]) + len(source[1])


def live_postings(parts: list[tuple[bytes, bytes, bytes | None]] | None, dead: Any,
                  dtype: str | None) -> tuple[Any, Any, Any]:
    """(ids ascending, their values of ``dtype`` or None, their sort keys or None where a segment has
    none) of a gram's segments ``parts``, without the ``dead`` items (a sorted numpy array)."""
    import numpy as np

    if not parts:
        return (np.zeros(0, dtype=np.int64), None if dtype is None else np.zeros(0, dtype=dtype),
                np.zeros(0, dtype=np.int64))
    ids = np.frombuffer(b"".join(p[0] for p in parts), dtype="<i4").astype(np.int64)
    vals = None if dtype is None else np.frombuffer(b"".join(p[1] for p in parts), dtype=dtype)
    sks = None if any(p[2] is None for p in parts) else np.frombuffer(b"".join(p[2] for p in parts), dtype="<i8")
    if dead.size:
        keep = alive(ids, dead)
        ids = ids[keep]
        vals = None if vals is None else vals[keep]
        sks = None if sks is None else sks[keep]
    order = np.argsort(ids, kind="stable")
    return ids[order], None if vals is None else vals[order], None if sks is None else sks[order]


class PostedItems:
    """What the indexes over the store's postings share: the store and index name, the item count, the
    dead items (their postings dropped), ties broken by the sort keys of the postings a query read (keys
    read only where two are equal, or for an item no posting read gave), and items read by id — kept
    while few: an id's item never changes (a changed item gets a new id)."""

    _CACHE_ITEMS = 4096

    def _open(self, store: Any, name: str) -> None:
        import numpy as np

        self._store, self._name = store, name
        self.n = store.posted_count(name)
        self._dead = _sorted_unique(np.asarray(store.posted_dead(name), dtype=np.int64))
        self._seen: dict[int, Any] = {}
        self._known: list[tuple[Any, Any]] = []

    def _remember(self, postings: Iterable[tuple[Any, Any]]) -> None:
        """Keep the (ids ascending, sort keys) of the postings a query read, for its ties. (Replaced,
        never changed in place: a call running beside it may still read the last; an id's sort key is
        the same in every query.)"""
        self._known = [(ids, sks) for ids, sks in postings if sks is not None and ids.size]

    def _sort_keys(self, numbers: Any, read: dict[int, str] | None = None) -> Any:
        """The sort keys (``graph/sqlite_postings.py`` ``sort_key``) of items ``numbers``: from the
        postings read, else from their keys, read (and added to ``read``)."""
        import numpy as np

        from graph.sqlite_postings import sort_key

        out = np.full(numbers.size, -1, dtype=np.int64)
        missing = np.arange(numbers.size)
        for ids, sks in self._known:
            if not missing.size:
                break
            wanted = numbers[missing]
            at = np.minimum(np.searchsorted(ids, wanted), ids.size - 1)
            hit = ids[at] == wanted
            out[missing[hit]] = sks[at[hit]]
            missing = missing[~hit]
        if missing.size:
            keys = self._keys(numbers[missing])
            out[missing] = [sort_key(keys[int(i)]) for i in numbers[missing].tolist()]
            if read is not None:
                read.update(keys)
        return out

    def _keys(self, numbers: Any) -> dict[int, str]:
        keys = self._store.posted_keys(self._name, numbers.tolist())
        if len(keys) != len(set(numbers.tolist())):
            raise StaleIndex(f"{self._name}: items gone while read")
        return keys

    def _decode(self, found: dict[int, tuple[str, bytes]]) -> dict[int, Any]:
        """iid -> item of the (key, value) read."""
        raise NotImplementedError

    def _key_ranks(self, numbers: Any) -> Any:
        """Ranks of items ``numbers`` in key order: by sort key, keys read where sort keys are equal."""
        import numpy as np

        read: dict[int, str] = {}
        sks = self._sort_keys(numbers, read)
        order = np.argsort(sks, kind="stable")
        ranked = sks[order]
        same = ranked[1:] == ranked[:-1]
        within = np.zeros(numbers.size, dtype=np.int64)      # among items of equal sort key: by key
        if same.any():
            tied = np.zeros(numbers.size, dtype=bool)
            tied[1:] |= same
            tied[:-1] |= same
            at = order[tied]
            unread = [i for i in dict.fromkeys(numbers[at].tolist()) if i not in read]
            keys = {**read, **(self._keys(np.asarray(unread, dtype=np.int64)) if unread else {})}
            texts = sorted(set(keys.values()))
            place = {k: i for i, k in enumerate(texts)}
            within[at] = [place[keys[int(i)]] for i in numbers[at].tolist()]
        ranks = np.empty(numbers.size, dtype=np.int64)
        ranks[np.lexsort((within, sks))] = np.arange(numbers.size)
        return ranks

    def _least(self, numbers: Any, n: int) -> Any:
        """Positions in ``numbers`` of the ``n`` items whose keys are least (``queries/top.py``): by the
        sort keys of the postings read (the keys of those at the cut read when more than one is
        there), or by reading keys where a posting has none (a file from before them)."""
        import numpy as np

        if self._known:
            sks = self._sort_keys(numbers)
            if n >= numbers.size:
                return np.arange(numbers.size)
            cut = sks[np.argpartition(sks, n - 1)[n - 1]]
            below, at = np.flatnonzero(sks < cut), np.flatnonzero(sks == cut)
            need = n - below.size
            if at.size > need:
                keys = self._keys(numbers[at])
                at = at[sorted(range(at.size), key=lambda j: keys[int(numbers[at[j]])])[:need]]
            return np.concatenate((below, at))
        least = self._store.posted_least(self._name, numbers.tolist(), n)
        if len(least) < min(n, len(set(numbers.tolist()))):
            raise StaleIndex(f"{self._name}: items gone while read")
        where = {int(v): i for i, v in enumerate(numbers.tolist())}
        return np.asarray([where[i] for i in least], dtype=np.int64)

    def _items_at(self, numbers: list[int]) -> list[Any]:
        if len(self._seen) > self._CACHE_ITEMS:
            self._seen.clear()
        missing = [i for i in dict.fromkeys(numbers) if i not in self._seen]
        if missing:
            found = self._store.posted_items(self._name, missing)
            if len(found) != len(missing):
                raise StaleIndex(f"{self._name}: items gone while read")
            self._seen.update(self._decode(found))
        return [self._seen[i] for i in numbers]


class PostedFullTextIndex(PostedItems, _FullText):
    """The search over the postings the embedded store maintains (``SearchPostings``), read per query."""

    def __init__(self, store: Any):
        self._open(store, SearchPostings.name)
        self._kind_names = list(SEARCH_KINDS)

    def _kinds_of(self, numbers: Any) -> Any:
        return (numbers >> KIND_BITS).astype(numbers.dtype)

    def _grams(self, grams: Iterable[str]) -> dict[str, tuple[Any, Any, Any]]:
        import numpy as np

        wanted = list(grams)
        found = self._store.posted_grams(self._name, [*("t" + g for g in wanted), *("n" + g for g in wanted)])
        out, known = {}, []
        for g in wanted:
            ids, counts, sks = live_postings(found.get("t" + g), self._dead, "<i4")
            names, _, name_sks = live_postings(found.get("n" + g), self._dead, None)
            out[g] = (ids, counts.astype(np.int32), names)
            known += [(ids, sks), (names, name_sks)]
        self._remember(known)
        return out

    def _decode(self, found: dict[int, tuple[str, bytes]]) -> dict[int, Any]:
        fields = {i: dict(zip(_FIELDS, loads(value))) for i, (_, value) in found.items()}
        texts = self._store.document_texts([f["doc_id"] for f in fields.values() if f["text"] is None])
        for f in fields.values():
            if f["text"] is None:
                f["text"] = texts.get(f["doc_id"], "")
        return {i: Searchable(**f) for i, f in fields.items()}

    def _folded_at(self, numbers: list[int]) -> list[tuple[str, str]]:
        return [(fold(it.text), fold(it.name)) for it in self._items_at(numbers)]
