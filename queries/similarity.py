"""Similar practices: a character n-gram TF-IDF index over measures and named models, re-ranked with rapidfuzz.

Chinese text is compared by overlapping character bigrams and trigrams (no segmenter, so the index
does not depend on a dictionary and works on any city's vocabulary). The cosine is SMART's ``lnc.ltc``:
an item's vector is its sublinear tf (``1 + ln tf``), L2-normalised — a function of its own text,
written once (the embedded store maintains it per document: ``queries/similarity_postings.py``) —
and the query's is sublinear tf times idf (``ln((1 + n) / (1 + df)) + 1``, from the item count and
the gram's document frequency at query time), L2-normalised. Vectors are kept column-wise (gram ->
items) in numpy arrays, so a query touches only the postings of its own grams. The ``POOL`` best
candidates by cosine and shared practices (ties by key) are re-ranked with shared components and a
rapidfuzz partial ratio. The final score is a fixed blend::

    0.55 * cosine + 0.20 * practice Jaccard + 0.10 * component overlap + 0.15 * partial_ratio / 100

and every hit says why it was returned (shared practices, text similarity, shared components).
The index is built from rows any store returns, so it gives the same answer on every backend.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from queries.fulltext import fold
from queries.top import in_order, top

__all__ = ["WEIGHTS", "KeptSimilarityIndex", "SimHit", "SimItem", "SimilarityIndex", "char_ngrams"]

SIM_KINDS = ("Measure", "NamedModel")   # kind codes of the maintained index (``queries/similarity_postings.py``)
WEIGHTS = {"cosine": 0.55, "practices": 0.20, "components": 0.10, "fuzzy": 0.15}
POOL = 400  # candidates re-ranked with rapidfuzz
_PACK_BITS = 63  # (gram, position) pairs are sorted as one int64 when they fit in this many bits


def char_ngrams(text: str, sizes: Sequence[int] = (2, 3)) -> Counter[str]:
    """Character n-grams of the folded text, skipping grams that contain whitespace or punctuation."""
    folded = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    grams: Counter[str] = Counter()
    for chunk in folded.split():
        if len(chunk) == 1:
            grams[chunk] += 1
        for n in sizes:
            for i in range(len(chunk) - n + 1):
                grams[chunk[i:i + n]] += 1
    return grams


@dataclass(frozen=True)
class SimItem:
    """A measure or named model as the index sees it, with its evidence."""

    key: str
    kind: str            # "Measure" | "NamedModel"
    name: str
    place: str | None    # place id (adcode or store id) of who does it / owns it
    place_name: str | None
    text: str            # what is compared: summary + quote, or name + definition + components
    practices: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    doc_id: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class SimHit:
    item: SimItem
    score: float
    cosine: float
    shared_practices: tuple[str, ...]
    shared_components: tuple[str, ...]
    fuzzy: float

    @property
    def why(self) -> str:
        parts = []
        if self.shared_practices:
            parts.append("同属实践：" + "、".join(self.shared_practices))
        if self.cosine > 0:
            parts.append(f"文本相似度 {self.cosine:.2f}")
        if self.shared_components:
            parts.append("共同组成：" + "、".join(self.shared_components))
        return "；".join(parts)


def _normalise(vec: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {k: w / norm for k, w in vec.items()} if norm else {}


def _fold_map(code_points: list[int]) -> list[int] | None:
    """:func:`fold` as a per-character map over ``code_points`` (the folded code point of each), or
    ``None`` when fold is not one there: a character it turns into several, or one whose result
    depends on its neighbours (final sigma; a character whose lower case is longer makes fold leave
    the whole text unlowered). Probed with a cased neighbour on either side."""
    cased = fold("A")
    out = []
    for c in code_points:
        ch = chr(c)
        f = fold(ch)
        if len(f) != 1 or fold("A" + ch) != cased + f or fold(ch + "A") != f + cased:
            return None
        out.append(ord(f))
    return out


def _count_grams(texts: list[str]):
    """:func:`char_ngrams` of every text at once, counted in numpy.

    Returns ``rows, cols, counts, by_col, vocab``: one entry per distinct (text, gram) pair, in the
    order a per-text loop over ``char_ngrams`` meets them (text by text, each text's grams in
    first-occurrence order: chunk by chunk, a one-character chunk's unigram, else its bigrams then its
    trigrams); ``vocab`` numbers the grams by first occurrence over that order; ``by_col`` is the
    permutation of the pairs that sorts them by (column, row).

    Each folded alphanumeric character gets a dense id ``1..D`` and a gram becomes one integer in base
    ``D + 1`` (unigrams, bigrams and trigrams fall in disjoint ranges). One sort of (gram, position in
    the gram stream) then groups the occurrences of every gram text by text, so distinct pairs are runs
    and a run's first element is the first occurrence.
    """
    import numpy as np

    empty = np.zeros(0, dtype=np.int64)
    big = "\x00".join(texts) + "\x00"  # every text followed by a non-alphanumeric separator
    cps = np.frombuffer(big.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    present = np.flatnonzero(np.bincount(cps)).tolist()
    folded = _fold_map(present)
    if folded is None:  # fold text by text, as char_ngrams does
        texts = [fold(t) for t in texts]
        big = "\x00".join(texts) + "\x00"
        cps = np.frombuffer(big.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        present = np.flatnonzero(np.bincount(cps)).tolist()
        folded = present
    # one table lookup folds, tests isalnum and gives the dense id (0: not alphanumeric)
    alnum = sorted({f for f in folded if chr(f).isalnum()})
    dense_of = {f: i + 1 for i, f in enumerate(alnum)}
    table = np.zeros(present[-1] + 1, dtype=np.int64)
    table[present] = [dense_of.get(f, 0) for f in folded]
    d = table[cps]
    del cps, table
    base = len(alnum) + 1
    a = d > 0
    a_prev = np.concatenate(([False], a[:-1]))
    a_next = np.concatenate((a[1:], [False]))
    first_of_chunk = a & ~a_prev
    starts = np.flatnonzero(first_of_chunk)
    length = np.flatnonzero(a & ~a_next) + 1 - starts
    size = np.where(length == 1, 1, 2 * length - 3)  # grams per chunk
    offset = np.cumsum(size) - size                   # where a chunk's grams start in the stream
    total = int(size.sum())
    if total == 0:
        return empty, empty, empty, empty, {}
    idx = np.int32 if total < 2 ** 31 else np.int64
    row_start = np.cumsum([0] + [len(t) + 1 for t in texts])
    rows = np.repeat((np.searchsorted(row_start, starts, side="right") - 1).astype(idx), size)
    chunk = np.cumsum(first_of_chunk) - 1
    # (gram, stream position) of unigrams, bigrams, trigrams; packed into one int64 when it fits
    idx_bits = (total - 1).bit_length()
    pack = (base ** 3 - 1).bit_length() + idx_bits <= _PACK_BITS
    parts = []
    single = length == 1
    parts.append((d[starts[single]], offset[single]))
    pos = np.flatnonzero(a & a_next)
    c = chunk[pos]
    parts.append((d[pos] * base + d[pos + 1], offset[c] + (pos - starts[c])))
    pos = pos[a[pos + 2]]
    c = chunk[pos]
    parts.append(((d[pos] * base + d[pos + 1]) * base + d[pos + 2], offset[c] + (length[c] - 1) + (pos - starts[c])))
    del d, a, a_prev, a_next, first_of_chunk, chunk, pos, c
    if pack:
        packed = np.sort(np.concatenate([(k << idx_bits) | p for k, p in parts]))
        skeys, sidx = packed >> idx_bits, (packed & ((1 << idx_bits) - 1)).astype(idx)
        del packed
    else:
        keys = np.empty(total, dtype=np.int64)
        for k, p in parts:
            keys[p] = k
        sidx = np.argsort(keys, kind="stable").astype(idx)
        skeys = keys[sidx]
        del keys
    del parts
    srows = rows[sidx]
    new_gram = np.ones(total, dtype=bool)
    new_gram[1:] = skeys[1:] != skeys[:-1]
    new_pair = new_gram.copy()
    new_pair[1:] |= srows[1:] != srows[:-1]
    pair_at = np.flatnonzero(new_pair)  # pairs in (gram, row) order
    n_pairs = len(pair_at)
    pair_count = np.diff(pair_at, append=total)
    gram_at = np.flatnonzero(new_gram)
    # columns numbered by first occurrence in the stream (a run's first sidx is its first occurrence)
    by_first = np.argsort(sidx[gram_at])
    rank = np.empty(len(gram_at), dtype=np.int64)
    rank[by_first] = np.arange(len(gram_at))
    pair_new_gram = new_gram[pair_at]
    pair_cols = rank[np.cumsum(pair_new_gram) - 1]
    # the pairs in stream order: mark each pair at its first occurrence, read the marks back in order
    slot = np.full(total, -1, dtype=idx)
    slot[sidx[pair_at]] = np.arange(n_pairs, dtype=idx)
    stream = slot[slot >= 0]
    del slot
    to_stream = np.empty(n_pairs, dtype=idx)
    to_stream[stream] = np.arange(n_pairs, dtype=idx)
    # (column, row) order: the (gram, row) order with whole gram runs moved into column order
    gram_start = np.flatnonzero(pair_new_gram)
    gram_size = np.diff(gram_start, append=n_pairs)[by_first]
    moved = np.repeat(gram_start[by_first] - (np.cumsum(gram_size) - gram_size), gram_size)
    by_col = to_stream[moved + np.arange(n_pairs)]
    # the grams as strings, in column order
    gkeys = skeys[gram_at][by_first]
    c3, k2 = gkeys % base, gkeys // base
    c2, c1 = k2 % base, k2 // base
    uni, bi = gkeys < base, (gkeys >= base) & (gkeys < base * base)
    ids = np.stack([np.where(uni, c3, np.where(bi, c2, c1)), np.where(uni, 0, np.where(bi, c3, c2)),
                    np.where(uni | bi, 0, c3)], axis=1)
    chars = np.asarray([0, *alnum], dtype="<u4")[ids]
    grams = np.ascontiguousarray(chars).view("<U3").ravel().tolist()
    return (srows[pair_at][stream].astype(np.int64), pair_cols[stream], pair_count[stream].astype(np.int64),
            by_col, dict(zip(grams, range(len(grams)))))


class _Similarity:
    """The query side of the index, over accessors that either the built index (:class:`SimilarityIndex`)
    or its copy kept in the store (:class:`KeptSimilarityIndex`) answers, so both give the same floats."""

    n: int
    _places: Any          # numpy int64: the place code of each item
    _kinds: Any           # numpy int64: the kind code of each item
    _kind_code: dict[str, int]

    def __len__(self) -> int:
        return self.n

    # accessors
    def _postings(self, grams: list[str]) -> dict[str, tuple[int, Any, Any]]:
        """gram -> (how many items hold it, their numbers ascending, their weights) for the grams of
        ``grams`` the index holds."""
        raise NotImplementedError

    def _practice_items(self, practice: str) -> list[int]:
        raise NotImplementedError

    def _place_number(self, place: str) -> int | None:
        raise NotImplementedError

    def _number(self, key: str) -> int | None:
        raise NotImplementedError

    def _items_at(self, numbers: list[int]) -> list[SimItem]:
        raise NotImplementedError

    def place_of(self, wanted: str) -> str | None:
        """The place id of the first item (in key order) whose place id or name is ``wanted``; ``wanted``
        itself when none is."""
        raise NotImplementedError

    def named_models(self, name: str) -> list[SimItem]:
        """The named-model items called ``name``, in key order."""
        raise NotImplementedError

    def get(self, key: str) -> SimItem | None:
        i = self._number(key)
        return None if i is None else self._items_at([i])[0]

    def _kinds_of(self, numbers: Any) -> Any:
        """The kind code (``_kind_code``) of items ``numbers``."""
        return self._kinds[numbers]

    def _place_items(self, place: str) -> Any:
        """The numbers of the items of place id ``place``."""
        import numpy as np

        code = self._place_number(place)
        return np.zeros(0, dtype=np.int64) if code is None else np.flatnonzero(self._places == code)

    def _key_ranks(self, numbers: Any) -> Any:
        """Values that order as the keys of items ``numbers`` do (items are numbered in key order)."""
        return in_order(numbers)

    _least = None       # ``queries/top.py``: from ``_key_ranks``

    def _cosines(self, text: str):
        """(items sharing a gram with ``text``, ascending; their cosine with it). The query's weights
        are sublinear tf times idf, ``ln((1 + n) / (1 + df)) + 1`` from the item count and each gram's
        document frequency now; an item's are its own (sublinear tf, L2-normalised): ``_lnc``."""
        import numpy as np

        grams = char_ngrams(text)
        postings = self._postings(list(grams))
        n = self.n
        qvec = _normalise({g: (1.0 + math.log(tf)) * _idf(n, postings[g][0])
                           for g, tf in grams.items() if g in postings})
        parts = [(w, np.asarray(postings[g][1], dtype=np.int64), postings[g][2]) for g, w in qvec.items() if postings[g][1].size]
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        # summed in a vector over the item numbers, gram after gram as before (the same additions in the
        # same order), not by sorting the grams' postings together (a common gram's are a large share of
        # the items: that sort and the look-ups of each gram's items in it were half of a call at 20,000
        # documents). An item number is its kind above ``_KIND_SHIFT`` bits and a counter: the vector
        # holds the kinds present one after the other. Every weight is positive, so the items with a
        # score are those sharing a gram.
        mask = (1 << _KIND_SHIFT) - 1
        present = np.flatnonzero(np.bincount(np.concatenate([rows >> _KIND_SHIFT for _, rows, _ in parts])))
        span = max(int((rows & mask).max()) for _, rows, _ in parts) + 1
        slot = np.zeros(int(present[-1]) + 1, dtype=np.int64)
        slot[present] = np.arange(present.size, dtype=np.int64) * span
        scores = np.zeros(present.size * span, dtype=np.float64)
        for w, rows, data in parts:
            scores[slot[rows >> _KIND_SHIFT] + (rows & mask)] += w * data
        at = np.flatnonzero(scores)
        every = (present[at // span].astype(np.int64) << _KIND_SHIFT) | (at % span)
        return every, scores[at]

    def query(self, text: str, practices: Iterable[str] = (), components: Iterable[str] = (),
              exclude_place: str | None = None, exclude_key: str | None = None, k: int = 10,
              kinds: Iterable[str] | None = None) -> list[SimHit]:
        """The ``k`` best items, never from ``exclude_place`` nor ``exclude_key`` itself; best first. The
        ``POOL`` best by the coarse score (cosine and shared practices; ties by key) are re-ranked."""
        import numpy as np
        from rapidfuzz import fuzz

        from queries.fulltext import _sorted_unique

        want_practices = set(practices)
        want_components = {fold(c) for c in components if c}
        wanted_kinds = set(kinds) if kinds else None
        found, cos_found = self._cosines(text)
        sharing = [np.asarray(self._practice_items(p), dtype=np.int64) for p in sorted(want_practices)]
        shared = _sorted_unique(np.concatenate(sharing)) if sharing else np.zeros(0, dtype=np.int64)
        if shared.size:
            every = _sorted_unique(np.concatenate((found, shared)))
            cos = np.zeros(every.size, dtype=np.float64)
            cos[np.searchsorted(every, found)] = cos_found
            shares = np.isin(every, shared, assume_unique=True)
        else:                                  # (``found`` is distinct and ascending already)
            every, cos, shares = found, cos_found, np.zeros(found.size, dtype=bool)
        allowed = (cos > 0) | shares
        if exclude_place is not None:
            allowed &= ~np.isin(every, self._place_items(exclude_place))
        key_number = self._number(exclude_key) if exclude_key is not None else None
        if key_number is not None:
            allowed &= every != key_number
        if wanted_kinds is not None:
            allowed &= np.isin(self._kinds_of(every), [self._kind_code[k] for k in wanted_kinds if k in self._kind_code])
        every, cos, shares = every[allowed], cos[allowed], shares[allowed]
        if not every.size:
            return []
        coarse = WEIGHTS["cosine"] * cos + np.where(shares, WEIGHTS["practices"] * 0.5, 0.0)
        at = top(every, coarse, POOL, np.zeros(every.size, dtype=np.int64), self._key_ranks, self._least)
        pool = every[at].tolist()
        folded_query = fold(text)
        hits = []
        for cosine, it in zip(cos[at].tolist(), self._items_at(pool)):
            shared_p = tuple(sorted(want_practices & set(it.practices)))
            union = want_practices | set(it.practices)
            jacc = len(shared_p) / len(union) if union else 0.0
            comp_folded = {fold(c): c for c in it.components if c}
            shared_c = tuple(sorted(comp_folded[c] for c in want_components & set(comp_folded)))
            comp = len(shared_c) / max(len(want_components), 1) if want_components else 0.0
            fz = fuzz.partial_ratio(folded_query, fold(it.text)) / 100.0 if folded_query else 0.0
            score = (WEIGHTS["cosine"] * cosine + WEIGHTS["practices"] * jacc
                     + WEIGHTS["components"] * comp + WEIGHTS["fuzzy"] * fz)
            hits.append(SimHit(it, round(score, 6), round(cosine, 6), shared_p, shared_c, round(fz, 6)))
        hits.sort(key=lambda h: (-h.score, h.item.kind, h.item.key))
        return hits[:k]


# the bits of an item number below its kind's (``graph.sqlite_postings.KIND_BITS``; an index numbered
# in memory has one kind, 0)
_KIND_SHIFT = 28


def _idf(n: int, df: int) -> float:
    """A gram's inverse document frequency among ``n`` items, ``df`` of which hold it."""
    return math.log((1.0 + n) / (1.0 + df)) + 1.0


def _lnc(texts: list[str]):
    """The item vectors of ``texts``, column-wise: (grams in column order, column starts, item numbers,
    weights). An item's weight for a gram is ``1 + ln(tf)`` divided by the L2 norm of its row: a
    function of its own text only, so a vector written once stays right however the corpus grows
    (the idf enters through the query's vector). ``np.bincount`` adds the squares one at a time in
    pair order (row by row, each row's grams in first-occurrence order), so a row's weights are the
    same floats whichever texts it is computed with."""
    import numpy as np

    rows, cols, counts, by_col, vocab = _count_grams(texts)
    log_tf = np.asarray([0.0] + [math.log(t) for t in range(1, int(counts.max(initial=0)) + 1)])
    weights = 1.0 + log_tf[counts]
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=len(texts)))
    data = weights / norms[rows] if len(rows) else weights
    df = np.bincount(cols, minlength=len(vocab))
    return list(vocab), np.concatenate(([0], np.cumsum(df))).astype(np.int64), rows[by_col], data[by_col]


_ITEM_FIELDS = tuple(SimItem.__dataclass_fields__)


class SimilarityIndex(_Similarity):
    """TF-IDF over character n-grams of :class:`SimItem` texts; query with text, practices and components."""

    def __init__(self, items: Iterable[SimItem]):
        import numpy as np

        # Sorted by key so that rows from any backend, in any order, build the same index.
        self.items: list[SimItem] = sorted(items, key=lambda it: (it.key, it.kind))
        self._by_key = {it.key: i for i, it in enumerate(self.items)}
        self.n = len(self.items)
        grams, self._indptr, self._rows, self._data = _lnc([it.text for it in self.items])
        self._vocab = dict(zip(grams, range(len(grams))))
        self._place_code: dict[str | None, int] = {}
        self._kind_code = dict(zip(SIM_KINDS, range(len(SIM_KINDS))))
        self._places = np.asarray([self._place_code.setdefault(it.place, len(self._place_code))
                                   for it in self.items], dtype=np.int64)
        self._kinds = np.asarray([self._kind_code.setdefault(it.kind, len(self._kind_code))
                                  for it in self.items], dtype=np.int64)
        self._by_practice: dict[str, list[int]] = {}
        for i, it in enumerate(self.items):
            for p in it.practices:
                self._by_practice.setdefault(p, []).append(i)

    def _postings(self, grams: list[str]) -> dict[str, tuple[int, Any, Any]]:
        out = {}
        for gram in grams:
            col = self._vocab.get(gram)
            if col is not None:
                lo, hi = int(self._indptr[col]), int(self._indptr[col + 1])
                out[gram] = (hi - lo, self._rows[lo:hi], self._data[lo:hi])
        return out

    def _practice_items(self, practice: str) -> list[int]:
        return self._by_practice.get(practice, [])

    def _place_number(self, place: str) -> int | None:
        return self._place_code.get(place)

    def _number(self, key: str) -> int | None:
        return self._by_key.get(key)

    def _items_at(self, numbers: list[int]) -> list[SimItem]:
        return [self.items[i] for i in numbers]

    def place_of(self, wanted: str) -> str | None:
        return next((it.place for it in self.items if wanted in (it.place, it.place_name)), wanted)

    def named_models(self, name: str) -> list[SimItem]:
        return [it for it in self.items if it.kind == "NamedModel" and it.name == name]

    def kept_entries(self) -> Iterator[tuple[str, bytes]]:
        """The index as entries to keep in the store (read back by :class:`KeptSimilarityIndex`)."""
        import numpy as np

        from queries.kept import dumps

        yield "meta", dumps({"n": self.n, "kinds": self._kind_code})
        yield "places", self._places.astype("<i8").tobytes()
        yield "kinds", self._kinds.astype("<i8").tobytes()
        for gram, col in self._vocab.items():
            lo, hi = int(self._indptr[col]), int(self._indptr[col + 1])
            yield ("g:" + gram, np.float64(hi - lo).astype("<f8").tobytes()
                   + self._rows[lo:hi].astype("<i4").tobytes() + self._data[lo:hi].astype("<f8").tobytes())
        for practice, numbers in self._by_practice.items():
            yield "p:" + practice, np.asarray(numbers, dtype="<i4").tobytes()
        for place, code in self._place_code.items():
            if place is not None:
                yield "pc:" + place, str(code).encode()
        first: dict[str, str | None] = {}
        models: dict[str, list[int]] = {}
        for i, it in enumerate(self.items):
            yield "i:" + str(i), dumps([getattr(it, f) for f in _ITEM_FIELDS])
            for wanted in (it.place, it.place_name):
                if wanted is not None:
                    first.setdefault(wanted, it.place)
            if it.kind == "NamedModel":
                models.setdefault(it.name, []).append(i)
        for key, i in self._by_key.items():
            yield "k:" + key, str(i).encode()
        for wanted, place in first.items():
            yield "pw:" + wanted, dumps(place)
        for name, numbers in models.items():
            yield "nm:" + name, dumps(numbers)


class KeptSimilarityIndex(_Similarity):
    """A :class:`SimilarityIndex` kept in the store, read entry by entry (``queries.kept``): a query
    reads its grams' postings and the items it returns, not the whole index."""

    def __init__(self, reader: Any):
        import numpy as np

        from queries.kept import loads

        self._reader = reader
        head = reader.need_all(["meta", "places", "kinds"])
        meta = loads(head["meta"])
        self.n = int(meta["n"])
        self._kind_code = {str(k): int(v) for k, v in meta["kinds"].items()}
        self._places = np.frombuffer(head["places"], dtype="<i8").astype(np.int64)
        self._kinds = np.frombuffer(head["kinds"], dtype="<i8").astype(np.int64)

    def _postings(self, grams: list[str]) -> dict[str, tuple[int, Any, Any]]:
        import numpy as np

        found = self._reader.many("g:" + g for g in grams)
        out = {}
        for gram in grams:
            value = found.get("g:" + gram)
            if value is not None:
                m = (len(value) - 8) // 12
                df = int(np.frombuffer(value, dtype="<f8", count=1)[0])
                rows = np.frombuffer(value, dtype="<i4", count=m, offset=8).astype(np.int64)
                data = np.frombuffer(value, dtype="<f8", count=m, offset=8 + 4 * m).astype(np.float64)
                out[gram] = (df, rows, data)
        return out

    def _practice_items(self, practice: str) -> list[int]:
        import numpy as np

        value = self._reader.get("p:" + practice)
        return [] if value is None else np.frombuffer(value, dtype="<i4").tolist()

    def _place_number(self, place: str) -> int | None:
        value = self._reader.get("pc:" + place)
        return None if value is None else int(value)

    def _number(self, key: str) -> int | None:
        value = self._reader.get("k:" + key)
        return None if value is None else int(value)

    def _items_at(self, numbers: list[int]) -> list[SimItem]:
        from queries.kept import loads

        found = self._reader.need_all("i:" + str(i) for i in numbers)
        out = []
        for i in numbers:
            fields = dict(zip(_ITEM_FIELDS, loads(found["i:" + str(i)])))
            fields["practices"] = tuple(fields["practices"])
            fields["components"] = tuple(fields["components"])
            out.append(SimItem(**fields))
        return out

    def place_of(self, wanted: str) -> str | None:
        from queries.kept import loads

        value = self._reader.get("pw:" + wanted)
        return wanted if value is None else loads(value)

    def named_models(self, name: str) -> list[SimItem]:
        from queries.kept import loads

        value = self._reader.get("nm:" + name)
        return [] if value is None else self._items_at(loads(value))
