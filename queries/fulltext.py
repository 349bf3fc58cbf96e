"""Chinese full-text search: a character bigram/unigram index with substring semantics.

Chinese has no spaces, and each backend's own full-text analyzer segments it differently (Neo4j's
``cjk`` analyzer keeps bigrams only, FalkorDB's RediSearch tokenizer splits on punctuation only), so
govkg never takes their matches as the answer. The meaning of a match is defined once, here: an item
matches a term when the term occurs in its text as a substring (after :func:`fold`). The embedded
store answers it from this index, which only narrows the candidates (every bigram of the term must
be in the item) before the substring check; FalkorDB and Neo4j narrow the documents with their own
index over a pre-segmented field (``graph/fulltext.py``), and their entities go through this index.
Ranking (:func:`score_hit`, :func:`combine`) is pure Python over the matched items, so results are
identical on every store.

Two-character queries such as ``减负`` are one bigram; one-character queries use the unigram
postings; longer terms intersect the postings of their bigrams.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import Any

from graph.fulltext import FULL_WIDTH as _FULL_WIDTH
from graph.fulltext import fold, fold_free
from queries.top import in_order, top

__all__ = ["FullTextIndex", "Hit", "KeptFullTextIndex", "Searchable", "combine", "fold", "fold_free", "kind_weight", "score_hit", "snippet", "split_terms", "unrounded_score"]

_SPLIT = re.compile(r"[\s,，、;；|/]+")
_SENTENCE_END = "。！？!?；;\n"
MAX_TERMS = 8
MAX_TERM_CHARS = 64


def split_terms(query: str) -> list[str]:
    """Terms of a query: split on whitespace and list punctuation, folded, deduplicated, in order.

    Terms are capped (``MAX_TERMS`` terms of ``MAX_TERM_CHARS`` characters) so a pasted paragraph
    cannot turn into thousands of lookups.
    """
    seen: list[str] = []
    for raw in _SPLIT.split(fold(query)):
        term = raw.strip()[:MAX_TERM_CHARS]
        if term and term not in seen:
            seen.append(term)
    return seen[:MAX_TERMS]


@dataclass(frozen=True)
class Searchable:
    """One item the search can return: a document or an entity.

    ``text`` is what is searched. ``doc_id``/``offset`` locate ``text`` in a source document when it is
    a verbatim slice of it (a document's own text has offset 0); ``offset`` is None when it is not
    (an entity name assembled from several places), and evidence then comes from ``quote``/``start``/``end``.
    """

    key: str
    kind: str
    name: str
    text: str
    doc_id: str | None = None
    offset: int | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Hit:
    key: str
    kind: str
    name: str
    score: float
    doc_id: str | None
    quote: str
    start: int | None
    end: int | None


_KIND_WEIGHT = {"NamedModel": 1.5, "Practice": 1.4, "Policy": 1.3, "Measure": 1.2, "Agency": 1.1}


def kind_weight(kind: str) -> float:
    """The factor a kind's scores take (entities over whole documents)."""
    return _KIND_WEIGHT.get(kind, 1.0)


def snippet(text: str, pos: int, length: int, width: int = 60) -> tuple[str, int, int]:
    """The quote for ``text[pos:pos+length]`` — the sentence that holds it, as every quote of the graph
    (``graph.delta.sentence_span``, behind ``sentence_around``) — and its span. ``width`` is kept for
    callers; the quote is never cut mid-sentence."""
    from graph.quotes import sentence_span

    if length <= 0:
        return "", pos, pos
    lo, hi = sentence_span(text, pos, pos + length)
    return text[lo:hi], lo, hi


def combine(kind: str, terms: list[str], counts: list[int], in_names: list[bool]) -> float | None:
    """The score from each term's occurrence count in the text and presence in the name; None when no
    term occurs. The one place the arithmetic lives, so every search path gives the same float."""
    score = unrounded_score([len(t) for t in terms], counts, in_names, kind_weight(kind))
    return None if score is None else round(score, 6)


def unrounded_score(lengths: list[int], counts: list[int], in_names: list[bool], weight: float) -> float | None:
    """:func:`combine` before rounding, from the terms' lengths and the kind's weight (what a store that
    counts the terms computes in floating point: ``search.cypher``)."""
    found = 0
    score = 0.0
    for length, count, in_name in zip(lengths, counts, in_names):
        if not count and not in_name:
            continue
        found += 1
        score += (1.0 + math.log1p(count)) * math.sqrt(length) + (2.0 if in_name else 0.0)
    if not found:
        return None
    score *= (found / len(lengths)) * weight
    return score


def _score(folded: str, folded_name: str, kind: str, terms: list[str]) -> tuple[float, int, int] | None:
    """(score, position, length of the earliest term occurrence in the text, or -1, 0) for already
    folded text and name; None when no term occurs. The arithmetic of :func:`combine`, inlined (this
    runs once per matching item)."""
    found = 0
    score = 0.0
    first_pos, first_len = -1, 0
    for term in terms:
        count = folded.count(term)
        in_name = term in folded_name
        if not count and not in_name:
            continue
        found += 1
        score += (1.0 + math.log1p(count)) * math.sqrt(len(term)) + (2.0 if in_name else 0.0)
        if count:
            pos = folded.find(term)
            if first_pos < 0 or pos < first_pos:
                first_pos, first_len = pos, len(term)
    if not found:
        return None
    score *= (found / len(terms)) * kind_weight(kind)
    return round(score, 6), first_pos, first_len


def _hit(item: Searchable, score: float, first_pos: int, first_len: int) -> Hit:
    if first_pos >= 0 and item.offset is not None and item.doc_id is not None:
        quote, lo, hi = snippet(item.text, first_pos, first_len)
        start, end = item.offset + lo, item.offset + hi
    else:
        quote, start, end = item.quote or item.name, item.start, item.end
    return Hit(item.key, item.kind, item.name, score, item.doc_id, quote, start, end)


def score_hit(item: Searchable, terms: list[str], fold_text: bool = True) -> Hit | None:
    """Score ``item`` against ``terms`` (already folded); None when no term occurs in it.

    The score rewards the share of terms found, repeated occurrences (log-damped), longer terms and
    matches in names; entity kinds get a small boost over whole documents so a named model called
    ``减负`` ranks above a report that mentions it once. Rounded so backends agree to the digit.
    ``fold_text=False`` (only where :func:`fold_free` says the terms allow it) reads the text as it is.
    """
    if not fold_text:
        scored = _score(item.text, item.name, item.kind, terms)
        return None if scored is None else _hit(item, *scored)
    scored = _score(fold(item.text), fold(item.name), item.kind, terms)
    return None if scored is None else _hit(item, *scored)


_CHUNK_CHARS = 1 << 21        # characters per numpy pass of the index build (bounds its temporaries)
_CHUNK_ITEMS = 1 << 16        # and items (an item's number within its chunk takes 16 bits of a key)
_CP_BITS = 21                 # code points are below 2 ** 21


def _chunks(lengths, chunk_chars: int = _CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive ranges of items of about ``chunk_chars`` characters together (at least one item
    each, at most ``_CHUNK_ITEMS``), from the items' lengths."""
    import numpy as np

    ends = np.cumsum(lengths)
    ranges, lo = [], 0
    while lo < len(lengths):
        before = int(ends[lo - 1]) if lo else 0
        hi = int(np.searchsorted(ends, before + chunk_chars, side="right"))
        hi = min(max(hi, lo + 1), lo + _CHUNK_ITEMS, len(lengths))
        ranges.append((lo, hi))
        lo = hi
    return ranges


def _code_points(text: str):
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


_UNFOLDABLE = 0xFFFFFFFF      # in the fold table: a character whose folding depends on its text


@functools.cache
def _fold_table():
    """``fold`` of every character of the Basic Multilingual Plane, as a code point; ``_UNFOLDABLE``
    for the two whose lower case is not one character regardless of context (``İ`` lower-cases to
    two characters, so ``fold`` leaves its whole text unlowered; ``Σ`` lower-cases by context)."""
    import numpy as np

    lowered = [chr(c).lower() for c in range(0x10000)]
    table = np.array([ord(low) if len(low) == 1 else _UNFOLDABLE for low in lowered], dtype=np.uint32)
    table[0x3A3] = _UNFOLDABLE
    for wide, narrow in _FULL_WIDTH.items():        # translated first, then lowered
        table[wide] = table[narrow]
    return table


def _fold_chunk(part: list[str], lengths, out: list[str]):
    """Append ``fold`` of every text of ``part`` to ``out`` (the text itself when folding changes
    nothing, so no second copy is kept) and return the folded texts' code points, concatenated.

    Folding is a table look-up per code point in numpy (``str.translate`` with a table is a
    dictionary look-up per character); characters beyond the table, and texts holding a character
    whose folding depends on the text, are folded by :func:`fold` itself."""
    import numpy as np

    cp = _code_points("".join(part))
    folded = _fold_table()[np.minimum(cp, 0xFFFF)]
    beyond = np.flatnonzero(cp > 0xFFFF)
    if beyond.size:
        values = cp[beyond]
        for value in np.unique(values).tolist():
            low = chr(value).lower()
            folded[beyond[values == value]] = ord(low) if len(low) == 1 else _UNFOLDABLE
    ends = np.cumsum(lengths)
    starts = ends - lengths
    odd = np.flatnonzero(folded == _UNFOLDABLE)
    for i in np.unique(np.searchsorted(ends, odd, side="right")).tolist():
        folded[starts[i]:ends[i]] = _code_points(fold(part[i]))
    base = len(out)
    out.extend(part)
    nonempty = np.flatnonzero(lengths)
    if not nonempty.size:
        return folded
    differs = np.logical_or.reduceat(folded != cp, starts[nonempty])
    if differs.any():
        source = folded.tobytes().decode("utf-32-le", "surrogatepass")
        for i in nonempty[differs].tolist():
            out[base + i] = source[int(starts[i]):int(ends[i])]
    return folded


def _runs(keys, item_bits: int):
    """Sort ``keys`` (``gram << item_bits | item``) in place; return, per distinct gram ascending, its
    number and how many distinct items hold it, and per distinct (gram, item) the item and the key's
    multiplicity (16-bit where they fit: these are held for every chunk until the merge)."""
    import numpy as np

    keys.sort()
    if not keys.size:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.uint16), np.zeros(0, np.uint16)
    heads = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    counts = np.diff(heads, append=keys.size)
    counts = counts.astype(np.uint16 if int(counts.max()) < 2 ** 16 else np.int32)
    keys = keys[heads]
    del heads
    ids = (keys & ((1 << item_bits) - 1)).astype(np.uint16 if item_bits <= 16 else np.int32)
    keys >>= item_bits
    heads = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return keys[heads].astype(np.int64), np.diff(heads, append=keys.size), ids, counts


def _pair_counts(cp, lengths):
    """The grams of the texts whose code points ``cp`` are (concatenated; ``lengths`` each), as
    :func:`_runs` gives them, items numbered from 0 within the chunk, counts as ``str.count`` counts.
    A unigram's number is its code point, a bigram's ``(cp1 + 1) << 21 | cp2`` (so every unigram
    sorts before every bigram); no bigram spans two texts; a bigram of two equal characters is
    counted without overlaps (in a run of n equal characters ``str.count`` finds n // 2 of them,
    not n - 1). Unigram keys are 32-bit when they fit (a faster sort), bigram keys 64-bit."""
    import numpy as np

    item_bits = max(1, (len(lengths) - 1).bit_length())
    n = cp.size
    items = np.repeat(np.arange(len(lengths), dtype=np.uint32), lengths)
    pair = np.ones(max(n - 1, 0), dtype=bool)         # position p starts a bigram of one text
    ends = np.cumsum(lengths) - 1
    pair[ends[(ends >= 0) & (ends < n - 1)]] = False
    del ends
    if n > 1:
        same = np.flatnonzero(pair & (cp[:-1] == cp[1:]))
        if same.size:                                  # drop every second bigram of a run
            run_start = np.concatenate(([True], same[1:] != same[:-1] + 1))
            index = np.arange(same.size)
            offset = index - np.maximum.accumulate(np.where(run_start, index, 0))
            pair[same[(offset & 1) == 1]] = False
            del run_start, index, offset
        del same
    wide = n and int(cp.max()).bit_length() + item_bits > 32
    keys = np.left_shift(cp, item_bits, dtype=np.uint64 if wide else np.uint32)
    keys |= items
    del items
    if n > 1:                                          # (cp1 + 1) << 21 + item_bits | unigram key of cp2
        bikeys = np.add(cp[:-1][pair], 1, dtype=np.uint64)
        bikeys <<= _CP_BITS + item_bits
        bikeys |= keys[1:][pair]
    else:
        bikeys = np.zeros(0, dtype=np.uint64)
    del pair
    unigrams = _runs(keys, item_bits)
    del keys
    bigrams = _runs(bikeys, item_bits)
    del bikeys
    return tuple(np.concatenate((u, b)) for u, b in zip(unigrams, bigrams))


class _GramTable:
    """Postings in CSR form: for the gram numbered ``grams[g]`` (see :func:`_pair_counts`) the slice
    ``[starts[g], starts[g + 1])`` of the values arrays. ``find`` maps a gram string to that slice,
    or None when no item holds it."""

    __slots__ = ("_grams", "_starts")

    def __init__(self, grams, starts):
        self._grams, self._starts = grams, starts

    def __len__(self) -> int:
        return len(self._grams)

    def find(self, gram: str) -> tuple[int, int] | None:
        import numpy as np

        if len(gram) == 1:
            key = ord(gram)
        elif len(gram) == 2:
            key = (ord(gram[0]) + 1) << _CP_BITS | ord(gram[1])
        else:
            return None
        at = int(np.searchsorted(self._grams, key))
        if at == len(self._grams) or int(self._grams[at]) != key:
            return None
        return int(self._starts[at]), int(self._starts[at + 1])


class _Postings:
    """gram -> int32 numpy array (item numbers ascending, or their counts), read with ``get`` like a dict."""

    __slots__ = ("_table", "_values")

    def __init__(self, table: _GramTable, values):
        self._table, self._values = table, values

    def __len__(self) -> int:
        return len(self._table)

    def get(self, gram: str, default=None):
        span = self._table.find(gram)
        if span is None:
            return _empty() if default is None else default
        return self._values[span[0]:span[1]]


def _empty():
    import numpy as np

    return np.zeros(0, dtype=np.int32)


def _fold_and_index(texts: list[str], with_counts: bool, chunk_chars: int = _CHUNK_CHARS):
    """(folded texts, gram table, item numbers, counts or None) of ``texts``, item ``i`` being
    ``texts[i]``. Per chunk of texts (about ``chunk_chars`` characters: the temporaries of a pass are
    a few dozen bytes a character, its results a few): fold, then the sorted (gram, item) keys of
    :func:`_pair_counts`; the chunks' postings are then laid end to end per gram (chunks hold
    ascending items, so each gram's items stay ascending) by a scatter, no second sort — the same
    arrays whatever the chunks."""
    import numpy as np

    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    folded: list[str] = []
    parts = []
    for lo, hi in _chunks(lengths, chunk_chars):
        cp = _fold_chunk(texts[lo:hi], lengths[lo:hi], folded)
        grams, runs, ids, counts = _pair_counts(cp, lengths[lo:hi])
        del cp
        parts.append((lo, grams, runs, ids, counts if with_counts else None))
    if not parts:
        return folded, _GramTable(np.zeros(0, np.int64), np.zeros(1, np.int64)), _empty(), _empty()
    grams = _sorted_unique(np.concatenate([p[1] for p in parts]))
    sizes = np.zeros(grams.size, dtype=np.int64)
    where = [np.searchsorted(grams, p[1]) for p in parts]
    for at, part in zip(where, parts):
        sizes[at] += part[2]
    starts = np.concatenate(([0], np.cumsum(sizes)))
    total = int(starts[-1])
    ids = np.empty(total, dtype=np.int32)
    counts = np.empty(total, dtype=np.int32) if with_counts else None
    index = np.int32 if total < 2 ** 31 else np.int64
    filled = starts[:-1].astype(index)
    parts.reverse()
    where.reverse()
    while parts:                                      # each chunk's arrays freed once placed
        lo, _, runs, part_ids, part_counts = parts.pop()
        at = where.pop()
        dest = filled[at]
        filled[at] += runs.astype(index)
        pos = np.repeat((dest - (np.cumsum(runs) - runs)).astype(index), runs)
        pos += np.arange(part_ids.size, dtype=index)
        ids[pos] = np.add(part_ids, lo, dtype=np.int32)
        if with_counts:
            counts[pos] = part_counts
        del pos, part_ids, part_counts
    return folded, _GramTable(grams, starts), ids, counts


class _FullText:
    """The search side of the index, over accessors that the built index (:class:`FullTextIndex`) or its
    copy kept in the store (:class:`KeptFullTextIndex`) answers: the same hits, to the digit."""

    n: int
    _kind_names: list[str]
    _kind_codes: Any           # numpy int32: the kind code of each item

    def __len__(self) -> int:
        return self.n

    def _grams(self, grams: Iterable[str]) -> dict[str, tuple[Any, Any, Any]]:
        """gram -> (items whose text holds it, how often, items whose name holds it), empty arrays for
        a gram no item holds."""
        raise NotImplementedError

    def _kinds_of(self, numbers: Any) -> Any:
        """The kind code (an index into ``_kind_names``) of items ``numbers``."""
        return self._kind_codes[numbers]

    def _key_ranks(self, numbers: Any) -> Any:
        """Values that order as the keys of items ``numbers`` do (items are numbered in key order)."""
        return in_order(numbers)

    _least = None       # ``queries/top.py``: from ``_key_ranks``

    def _folded_at(self, numbers: list[int]) -> list[tuple[str, str]]:
        """(folded text, folded name) of items ``numbers``."""
        raise NotImplementedError

    def _items_at(self, numbers: list[int]) -> list[Searchable]:
        raise NotImplementedError

    def _long_counts(self, term: str, numbers: list[int]) -> list[tuple[int, bool]]:
        """(``str.count`` of ``term`` in the folded text, ``term`` in the folded name) of items ``numbers``."""
        return [(t.count(term), term in n) for t, n in self._folded_at(numbers)]

    def search(self, query: str, limit: int = 20, kinds: Iterable[str] | None = None) -> list[Hit]:
        terms = split_terms(query)
        if not terms:
            return []
        needed: set[str] = set()
        for term in terms:
            if len(term) <= 2 and "\x00" not in term:
                needed.add(term)
            else:
                needed.update(term[i:i + 2] for i in range(len(term) - 1))
        postings = self._grams(sorted(needed))
        best = self._best(terms, limit, set(kinds) if kinds else None, postings)
        numbers = [i for _, i in best]
        hits = []
        for (neg, i), (text, name), item in zip(best, self._folded_at(numbers), self._items_at(numbers)):
            score, pos, length = _score(text, name, item.kind, terms)
            if score != -neg:
                raise AssertionError(f"search index: score of item {i} differs between paths")
            hits.append(_hit(item, score, pos, length))
        return hits

    @staticmethod
    def _long_candidates(term: str, postings: dict[str, tuple[Any, Any, Any]]):
        """Items whose text or name may contain a term longer than two characters, as a sorted numpy
        array (the postings of its bigrams intersected smallest first, in numpy)."""
        import numpy as np

        grams = sorted({term[i:i + 2] for i in range(len(term) - 1)})
        found = []
        for which in (0, 2):                      # text postings, name postings
            lists = sorted((postings[g][which] for g in grams), key=len)
            result = lists[0]
            for other in lists[1:]:
                if not result.size:
                    break
                result = np.intersect1d(result, other, assume_unique=True)
            found.append(result)
        return np.union1d(found[0], found[1]).astype(np.int32)

    def _best(self, terms: list[str], limit: int, wanted: set[str] | None,
              postings: dict[str, tuple[Any, Any, Any]]) -> list[tuple[float, int]]:
        """(-score, item number) of the ``limit`` best items, best first. Every item is described by its
        kind and, per term, its count in the text and whether its name holds the term (from the postings
        for terms of one or two characters, by ``str.count`` on the candidates for longer ones); each
        distinct description is scored once by :func:`combine`."""
        import numpy as np

        short = [len(t) <= 2 and "\x00" not in t for t in terms]
        pools = []
        for term, exact in zip(terms, short):
            if exact:
                pools.append(postings[term][0])
                pools.append(postings[term][2])
            else:
                pools.append(self._long_candidates(term, postings))
        every = _sorted_unique(np.concatenate(pools))
        codes = self._kinds_of(every)
        if wanted is not None:
            keep = np.isin(codes, [c for c, k in enumerate(self._kind_names) if k in wanted])
            every, codes = every[keep], codes[keep]
        if not every.size:
            return []
        features = [codes]
        for term, exact in zip(terms, short):
            if exact:
                ids, counts, names = postings[term]
                features.append(_counts_of(every, ids, counts))
                features.append(np.isin(every, names, assume_unique=True).astype(np.int64))
                continue
            # a longer term: at most as often as its rarest bigram (each of its non-overlapping
            # occurrences holds one of every bigram, those non-overlapping too), and in a name only if
            # every bigram is: a bound, made exact below for the items that can still make the top
            grams = sorted({term[i:i + 2] for i in range(len(term) - 1)})
            bound = np.minimum.reduce([_counts_of(every, postings[g][0], postings[g][1]) for g in grams])
            named = np.logical_and.reduce([np.isin(every, postings[g][2], assume_unique=True) for g in grams])
            features.append(bound)
            features.append(named.astype(np.int64))
        per_item = self._scores(terms, features)
        if all(short):                                 # the features are the counts themselves
            keep = ~np.isnan(per_item)                 # NaN: a candidate that holds no term after all
            every, per_item = every[keep], per_item[keep]
            order = top(every, per_item, limit, features[0][keep], self._key_ranks, self._least)
            return [(-float(per_item[j]), int(every[j])) for j in order]
        return self._exact_best(terms, short, limit, every, features, per_item)

    def _scores(self, terms: list[str], features: list[Any]) -> Any:
        """The score of each item described by ``features`` (kind code, then per term its count and
        name match), each distinct description scored once by :func:`combine`; NaN where none."""
        import numpy as np

        size = features[0].size
        # one integer per item encoding its pattern (mixed radix), unless the radix would overflow
        key = np.zeros(size, dtype=np.int64)
        span = 1
        for f in features:
            base = int(f.max()) + 1
            span *= base
            key = key * base + f
        if span <= max(4 * size, 1 << 16):
            # a table over every possible pattern, filled where one occurs: no sort (an argsort of a
            # common word's hundreds of thousands of candidates was a third of a search at 100,000)
            seen = np.zeros(span, dtype=bool)
            seen[key] = True
            present = np.flatnonzero(seen)
            digits, rest = [], present
            for f in reversed(features):
                base = int(f.max()) + 1
                digits.append(rest % base)
                rest = rest // base
            table = np.full(span, np.nan, dtype=np.float64)
            table[present] = self._pattern_scores(terms, np.stack(digits[::-1], axis=1))
            return table[key]
        if span < 2 ** 62:
            order = np.argsort(key, kind="stable")
            ranked = key[order]
            starts = np.concatenate(([True], ranked[1:] != ranked[:-1]))
            inverse = np.empty(size, dtype=np.int64)
            inverse[order] = np.cumsum(starts) - 1
            patterns = np.stack(features, axis=1)[order[starts]]
        else:
            patterns, inverse = np.unique(np.stack(features, axis=1), axis=0, return_inverse=True)
        return self._pattern_scores(terms, patterns)[inverse.reshape(-1)]

    def _pattern_scores(self, terms: list[str], patterns: Any) -> Any:
        """:func:`combine` of each row of ``patterns`` (kind code, then per term its count and name
        match) as floats, NaN where it gives None."""
        import numpy as np

        return np.array([combine(self._kind_names[int(row[0])], terms, [int(c) for c in row[1::2]],
                                 [bool(n) for n in row[2::2]]) for row in patterns.tolist()], dtype=np.float64)

    def _exact_best(self, terms: list[str], short: list[bool], limit: int, every: Any, features: list[Any],
                    bound: Any) -> list[tuple[float, int]]:
        """The ``limit`` best of ``every`` by exact score, from scores ``bound`` that no item's exact
        score exceeds (:func:`combine` never falls as a count grows or a name matches): items are
        counted exactly in the bound's order (best first) until the next bound is at most the
        ``limit``-th best exact score so far (``cut``); of the items whose bound equals the cut (which
        can only tie with it) those are counted, in (kind, key) order, that come before the last of the
        best — the order ties are broken by — so a common term's thousands of tied items are not all
        read."""
        import numpy as np

        keep = ~np.isnan(bound)
        every, bound = every[keep], bound[keep]
        features = [f[keep] for f in features]
        order = _bound_order(bound, every, max(64, 2 * limit))
        long_terms = [i for i, exact in enumerate(short) if not exact]
        scored: dict[int, tuple[float, int]] = {}      # number -> (exact score, kind code)

        def count(positions: Any) -> None:
            numbers = every[positions].tolist()
            exact = {i: self._long_counts(terms[i], numbers) for i in long_terms}
            for row, (j, number) in enumerate(zip(positions.tolist(), numbers)):
                counts = [int(features[1 + 2 * t][j]) for t in range(len(terms))]
                names = [bool(features[2 + 2 * t][j]) for t in range(len(terms))]
                for i in long_terms:
                    counts[i], names[i] = exact[i][row][0], bool(exact[i][row][1])
                score = combine(self._kind_names[int(features[0][j])], terms, counts, names)
                if score is not None:
                    scored[number] = (score, int(features[0][j]))

        def cut_now() -> float | None:
            return sorted((s for s, _ in scored.values()), reverse=True)[limit - 1] if len(scored) >= limit else None

        cut = None
        at, step = 0, max(64, 2 * limit)
        while at < bound.size and (cut is None or float(bound[int(order[at])]) > cut):
            if order.size < min(at + step, bound.size):
                order = _bound_order(bound, every, max(at + step, 2 * order.size))
            count(order[at:at + step])
            at += step
            step *= 2
            if at < bound.size and order.size <= at:
                order = _bound_order(bound, every, 2 * at)
            cut = cut_now()
        if cut is not None and at < bound.size:
            rest = bound == cut                    # those at the cut not counted yet, in number order
            rest[order[:at]] = False
            rest = np.flatnonzero(rest)
            if rest.size:
                self._count_ties(every, features[0], rest, scored, cut, limit, count)
        found = np.asarray(list(scored), dtype=np.int64)
        values = np.asarray([s for s, _ in scored.values()], dtype=np.float64)
        kinds = np.asarray([k for _, k in scored.values()], dtype=np.int64)
        best = top(found, values, limit, kinds, self._key_ranks, self._least)
        return [(-float(values[j]), int(found[j])) for j in best]

    def _count_ties(self, every: Any, kinds: Any, rest: Any, scored: dict[int, tuple[float, int]], cut: float,
                    limit: int, count: Any) -> None:
        """Count the items at positions ``rest`` (bound equal to ``cut``, the ``limit``-th best score in
        ``scored``) in (kind, key) order, a chunk at a time, while the next could come before the last
        of the best."""
        import numpy as np

        numbers = every[rest]
        at_cut = np.asarray([n for n, (s, _) in scored.items() if s == cut], dtype=numbers.dtype)
        both = np.concatenate((numbers, at_cut))
        rank = dict(zip(both.tolist(), self._key_ranks(both).tolist()))
        seq = rest[np.lexsort((np.asarray([rank[n] for n in numbers.tolist()]), kinds[rest]))]

        def last() -> tuple[int, int]:
            tied = sorted((k, rank[n]) for n, (s, k) in scored.items() if s == cut)
            above = sum(1 for s, _ in scored.values() if s > cut)
            return tied[limit - above - 1]

        i, step = 0, 64
        while i < seq.size:
            j = int(seq[i])
            if (int(kinds[j]), rank[int(every[j])]) > last():
                break
            count(seq[i:i + step])
            i += step
            step *= 2


def _bound_order(bound: Any, every: Any, m: int) -> Any:
    """The first positions of ``bound`` in (bound descending, item number ascending) order — every
    position whose bound is at least the ``m``-th largest, so at least ``m`` of them (all where fewer):
    found by a partition, only those sorted (a common term's candidates sorted whole were a good part
    of a search at 100,000 documents)."""
    import numpy as np

    if m >= bound.size:
        chosen = np.arange(bound.size)
    else:
        chosen = np.flatnonzero(bound >= np.partition(bound, bound.size - m)[bound.size - m])
    return chosen[np.lexsort((every[chosen], -bound[chosen]))]


def _counts_of(every: Any, ids: Any, counts: Any) -> Any:
    """How often a gram occurs in each item of ``every`` (sorted), from its postings (``ids`` sorted)."""
    import numpy as np

    if ids.size == every.size and np.array_equal(ids, every):     # (one common term: the usual case)
        return counts.astype(np.int64)
    count = np.zeros(every.size, dtype=np.int64)
    if ids.size > every.size:                  # each of ``every`` looked up among the postings
        pos = np.searchsorted(ids, every)
        inside = pos < ids.size
        hit = np.zeros(every.size, dtype=bool)
        hit[inside] = ids[pos[inside]] == every[inside]
        count[hit] = counts[pos[hit]]
    elif ids.size:                             # each posting looked up among ``every`` (the fewer searches)
        pos = np.searchsorted(every, ids)
        inside = pos < every.size
        hit = np.zeros(ids.size, dtype=bool)
        hit[inside] = every[pos[inside]] == ids[inside]
        count[pos[hit]] = counts[hit]
    return count


_SEARCHABLE_FIELDS = tuple(Searchable.__dataclass_fields__)


class FullTextIndex(_FullText):
    """Unigram + bigram postings over :class:`Searchable` items (built once per graph version).

    Items are numbered in (kind, key) order, the ranking's tie-break. For every gram the index keeps,
    as int32 numpy arrays: the items whose folded text holds it with how often (``str.count``), and
    the items whose folded name holds it. Terms of one or two characters (``减负``) are then answered
    from the postings alone: the items are grouped by (kind, counts, name matches), each group scored
    once by the same arithmetic as :func:`score_hit`, and only the ``limit`` best become hits with a
    quote. Longer terms intersect their bigrams' postings (smallest first) and check the substring on
    those candidates only. The folded text of each item is kept (the original object when folding
    changes nothing) so no query re-folds a document.

    The build is numpy over the concatenated code points (:func:`_fold_and_index`): every
    (gram, item) pair becomes one 64-bit key, a sort of each chunk's keys gives their counts, and the
    postings are kept in CSR form (one ids array, one counts array, gram -> slice).
    """

    def __init__(self, items: Iterable[Searchable]):
        import numpy as np

        self.items: list[Searchable] = sorted(items, key=attrgetter("kind", "key"))
        self.n = len(self.items)
        texts, self._text_table, ids, counts = _fold_and_index([it.text for it in self.items], True)
        self._text_ids, self._text_counts = _Postings(self._text_table, ids), _Postings(self._text_table, counts)
        names, self._name_table, ids, _ = _fold_and_index([it.name for it in self.items], False)
        self._name_ids = _Postings(self._name_table, ids)
        self._folded: list[tuple[str, str]] = list(zip(texts, names))
        runs = [(kind, sum(1 for _ in group)) for kind, group in groupby(map(attrgetter("kind"), self.items))]
        self._kind_names = [kind for kind, _ in runs]     # items are sorted by kind: one run each
        self._kind_codes = np.repeat(np.arange(len(runs), dtype=np.int32), [size for _, size in runs])

    def _grams(self, grams: Iterable[str]) -> dict[str, tuple[Any, Any, Any]]:
        return {g: (self._text_ids.get(g), self._text_counts.get(g), self._name_ids.get(g)) for g in grams}

    def _folded_at(self, numbers: list[int]) -> list[tuple[str, str]]:
        return [self._folded[i] for i in numbers]

    def _items_at(self, numbers: list[int]) -> list[Searchable]:
        return [self.items[i] for i in numbers]

    def kept_entries(self) -> Iterator[tuple[str, bytes]]:
        """The index as entries to keep in the store (read back by :class:`KeptFullTextIndex`): the
        postings per gram and the items, a document's item without its text (read from the store)."""
        import numpy as np

        from queries.kept import dumps

        yield "meta", dumps({"n": self.n, "kinds": self._kind_names})
        yield "kinds", self._kind_codes.astype("<i4").tobytes()
        for prefix, table, postings in (("t:", self._text_table, (self._text_ids, self._text_counts)),
                                        ("n:", self._name_table, (self._name_ids,))):
            starts = table._starts
            for at, key in enumerate(table._grams.tolist()):
                gram = chr(key) if key < 1 << _CP_BITS else chr((key >> _CP_BITS) - 1) + chr(key & ((1 << _CP_BITS) - 1))
                lo, hi = int(starts[at]), int(starts[at + 1])
                yield prefix + gram, b"".join(np.asarray(p._values[lo:hi], dtype="<i4").tobytes() for p in postings)
        for i, (it, (text, name)) in enumerate(zip(self.items, self._folded)):
            fields = [getattr(it, f) for f in _SEARCHABLE_FIELDS]
            if it.kind == "Document" and it.doc_id == it.key and it.offset == 0:
                fields[_SEARCHABLE_FIELDS.index("text")] = None
            yield "i:" + str(i), dumps(fields)
            # folded text and name: longer terms are counted in them by the store (``kept_occurrences``,
            # SQL text functions, which stop at a NUL: such a text is kept as bytes and counted here)
            yield "f:" + str(i), text if "\x00" not in text else text.encode("utf-8")
            yield "m:" + str(i), name if "\x00" not in name else name.encode("utf-8")


class KeptFullTextIndex(_FullText):
    """A :class:`FullTextIndex` kept in the store, read entry by entry (``queries.kept``): a search reads
    the postings of its own grams and the items it looks at, not the whole index."""

    def __init__(self, reader: Any):
        import numpy as np

        from queries.kept import loads

        self._reader = reader
        head = reader.need_all(["meta", "kinds"])
        meta = loads(head["meta"])
        self.n = int(meta["n"])
        self._kind_names = [str(k) for k in meta["kinds"]]
        self._kind_codes = np.frombuffer(head["kinds"], dtype="<i4").astype(np.int32)

    def _grams(self, grams: Iterable[str]) -> dict[str, tuple[Any, Any, Any]]:
        import numpy as np

        wanted = list(grams)
        found = self._reader.many([*("t:" + g for g in wanted), *("n:" + g for g in wanted)])
        out = {}
        for g in wanted:
            text = found.get("t:" + g, b"")
            m = len(text) // 8
            out[g] = (np.frombuffer(text, dtype="<i4", count=m).astype(np.int32),
                      np.frombuffer(text, dtype="<i4", count=m, offset=4 * m).astype(np.int32),
                      np.frombuffer(found.get("n:" + g, b""), dtype="<i4").astype(np.int32))
        return out

    def _items_at(self, numbers: list[int]) -> list[Searchable]:
        from queries.kept import loads

        found = self._reader.need_all("i:" + str(i) for i in numbers)
        fields = [dict(zip(_SEARCHABLE_FIELDS, loads(found["i:" + str(i)]))) for i in numbers]
        missing = [f["doc_id"] for f in fields if f["text"] is None]
        texts = self._reader.store.document_texts(missing) if missing else {}
        for f in fields:
            if f["text"] is None:
                f["text"] = texts.get(f["doc_id"], "")
        return [Searchable(**f) for f in fields]

    def _folded_at(self, numbers: list[int]) -> list[tuple[str, str]]:
        found = self._reader.need_all([*("f:" + str(i) for i in numbers), *("m:" + str(i) for i in numbers)])
        return [(_text(found["f:" + str(i)]), _text(found["m:" + str(i)])) for i in numbers]

    def _long_counts(self, term: str, numbers: list[int]) -> list[tuple[int, bool]]:
        if "\x00" in term:
            return super()._long_counts(term, numbers)
        reader = self._reader
        texts = reader.store.kept_occurrences(reader.name, reader.version, ("f:" + str(i) for i in numbers), term)
        names = reader.store.kept_occurrences(reader.name, reader.version, ("m:" + str(i) for i in numbers), term)
        odd = [i for i in numbers if "f:" + str(i) not in texts or "m:" + str(i) not in names]
        if odd:                                # kept as bytes (a NUL inside), or gone: counted here
            for i, (text, name) in zip(odd, self._folded_at(odd)):
                texts["f:" + str(i)], names["m:" + str(i)] = text.count(term), int(term in name)
        return [(int(texts["f:" + str(i)]), bool(names["m:" + str(i)])) for i in numbers]


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _sorted_unique(values):
    """The distinct values, ascending (a sort and a comparison: cheaper than ``np.unique``'s hashing)."""
    import numpy as np

    ranked = np.sort(values, kind="stable")     # (a few ascending runs: merged, not sorted afresh)
    return ranked[np.concatenate(([True], ranked[1:] != ranked[:-1]))] if ranked.size else ranked


def rank_hits(hits: list[Hit], limit: int) -> list[Hit]:
    """Best first; ties broken by kind and key so the order is the same on every backend."""
    hits.sort(key=lambda h: (-h.score, h.kind, h.key))
    return hits[:limit]


__all__.append("rank_hits")
