"""Chinese full-text search: a character bigram/unigram index with substring semantics.

Chinese has no spaces, and each backend's own full-text analyzer segments it differently (Neo4j's
standard analyzer splits per character, FalkorDB's RediSearch tokenizer on punctuation only), so
govkg never relies on them. The meaning of a match is defined once, here: an item matches a term
when the term occurs in its text as a substring (after :func:`fold`). Every backend can answer that
exactly (Cypher ``CONTAINS``); the embedded store answers it from this index, which only narrows
the candidates (every bigram of the term must be in the item) before the substring check. Ranking
(:func:`score_hit`) is pure Python over the matched items, so results are identical on every store.

Two-character queries such as ``减负`` are one bigram; one-character queries use the unigram
postings; longer terms intersect the postings of their bigrams.
"""
from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FullTextIndex", "Hit", "Searchable", "fold", "score_hit", "snippet", "split_terms"]

_SPLIT = re.compile(r"[\s,，、;；|/]+")
_SENTENCE_END = "。！？!?；;\n"
MAX_TERMS = 8
MAX_TERM_CHARS = 64
_EMPTY = array("i")


_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = 0x20


def fold(text: str) -> str:
    """The form both sides of a comparison take: full-width Latin/digits to half-width, lower case.

    Length-preserving (one character in, one out), so positions found in the folded text are
    positions in the original.
    """
    folded = text.translate(_FULL_WIDTH).lower()
    return folded if len(folded) == len(text) else text.translate(_FULL_WIDTH)


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


def snippet(text: str, pos: int, length: int, width: int = 60) -> tuple[str, int, int]:
    """The sentence around ``text[pos:pos+length]`` (cut to ``width`` characters each side), and its span."""
    lo = pos
    while lo > 0 and text[lo - 1] not in _SENTENCE_END and pos - lo < width:
        lo -= 1
    hi = pos + length
    while hi < len(text) and text[hi - 1] not in _SENTENCE_END and hi - (pos + length) < width:
        hi += 1
    while lo < pos and text[lo].isspace():
        lo += 1
    while hi > pos + length and text[hi - 1].isspace():
        hi -= 1
    return text[lo:hi], lo, hi


def _combine(kind: str, terms: list[str], counts: list[int], in_names: list[bool]) -> float | None:
    """The score from each term's occurrence count in the text and presence in the name; None when no
    term occurs. The one place the arithmetic lives, so every search path gives the same float."""
    found = 0
    score = 0.0
    for term, count, in_name in zip(terms, counts, in_names):
        if not count and not in_name:
            continue
        found += 1
        score += (1.0 + math.log1p(count)) * math.sqrt(len(term)) + (2.0 if in_name else 0.0)
    if not found:
        return None
    score *= (found / len(terms)) * _KIND_WEIGHT.get(kind, 1.0)
    return round(score, 6)


def _score(folded: str, folded_name: str, kind: str, terms: list[str]) -> tuple[float, int, int] | None:
    """(score, position, length of the earliest term occurrence in the text, or -1, 0) for already
    folded text and name; None when no term occurs. The arithmetic of :func:`_combine`, inlined (this
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
    score *= (found / len(terms)) * _KIND_WEIGHT.get(kind, 1.0)
    return round(score, 6), first_pos, first_len


def _hit(item: Searchable, score: float, first_pos: int, first_len: int) -> Hit:
    if first_pos >= 0 and item.offset is not None and item.doc_id is not None:
        quote, lo, hi = snippet(item.text, first_pos, first_len)
        start, end = item.offset + lo, item.offset + hi
    else:
        quote, start, end = item.quote or item.name, item.start, item.end
    return Hit(item.key, item.kind, item.name, score, item.doc_id, quote, start, end)


def score_hit(item: Searchable, terms: list[str]) -> Hit | None:
    """Score ``item`` against ``terms`` (already folded); None when no term occurs in it.

    The score rewards the share of terms found, repeated occurrences (log-damped), longer terms and
    matches in names; entity kinds get a small boost over whole documents so a named model called
    ``减负`` ranks above a report that mentions it once. Rounded so backends agree to the digit.
    """
    scored = _score(fold(item.text), fold(item.name), item.kind, terms)
    return None if scored is None else _hit(item, *scored)


def _grams(text: str) -> set[str]:
    grams = set(text)
    grams.update(text[i:i + 2] for i in range(len(text) - 1))
    return grams


def _gram_counts(text: str) -> dict[str, int]:
    """Each unigram and bigram of ``text`` with ``text.count(gram)`` (non-overlapping, as ``str.count``
    counts: only a bigram of two equal characters can overlap itself, and is counted by ``str.count``)."""
    counts = Counter(text)
    counts.update(text[i:i + 2] for i in range(len(text) - 1))
    for gram in counts:
        if len(gram) == 2 and gram[0] == gram[1]:
            counts[gram] = text.count(gram)
    return counts


def _shared_fold(text: str) -> str:
    """``fold(text)``, returning ``text`` itself when folding changes nothing (no second copy kept)."""
    folded = fold(text)
    return text if folded == text else folded


class FullTextIndex:
    """Unigram + bigram postings over :class:`Searchable` items (built once per graph version).

    Items are numbered in (kind, key) order, the ranking's tie-break. For every gram the index keeps,
    as compact ``array('i')``: the items whose folded text holds it with how often (``str.count``), and
    the items whose folded name holds it. Terms of one or two characters (``减负``) are then answered
    from the postings alone: the items are grouped by (kind, counts, name matches), each group scored
    once by the same arithmetic as :func:`score_hit`, and only the ``limit`` best become hits with a
    quote. Longer terms intersect their bigrams' postings (smallest first) and check the substring on
    those candidates only. The folded text of each item is kept (the original object when folding
    changes nothing) so no query re-folds a document.
    """

    def __init__(self, items: Iterable[Searchable]):
        self.items: list[Searchable] = sorted(items, key=lambda it: (it.kind, it.key))
        self._folded: list[tuple[str, str]] = []
        text_ids: dict[str, array] = {}
        text_counts: dict[str, array] = {}
        name_ids: dict[str, array] = {}
        for i, item in enumerate(self.items):
            text, name = _shared_fold(item.text), _shared_fold(item.name)
            self._folded.append((text, name))
            for gram, count in _gram_counts(text).items():
                ids = text_ids.get(gram)
                if ids is None:
                    text_ids[gram] = array("i", (i,))
                    text_counts[gram] = array("i", (count,))
                else:
                    ids.append(i)
                    text_counts[gram].append(count)
            for gram in _grams(name):
                ids = name_ids.get(gram)
                if ids is None:
                    name_ids[gram] = array("i", (i,))
                else:
                    ids.append(i)
        self._text_ids, self._text_counts, self._name_ids = text_ids, text_counts, name_ids
        kinds = sorted({it.kind for it in self.items})
        self._kind_names = kinds
        code = {k: c for c, k in enumerate(kinds)}
        self._kind_codes = array("i", (code[it.kind] for it in self.items))

    def __len__(self) -> int:
        return len(self.items)

    def _holding(self, postings: dict[str, array], term: str) -> set[int]:
        grams = [term] if len(term) <= 2 else list({term[i:i + 2] for i in range(len(term) - 1)})
        lists = sorted((postings.get(g, _EMPTY) for g in grams), key=len)
        if not lists or not lists[0]:
            return set()
        result = set(lists[0])
        for other in lists[1:]:
            result.intersection_update(other)
            if not result:
                break
        return result

    def candidates(self, term: str) -> set[int]:
        """Items whose text or name may contain ``term`` (exact for terms of one or two characters)."""
        return self._holding(self._text_ids, term) | self._holding(self._name_ids, term)

    def _matching_ids(self, terms: list[str]) -> list[int]:
        pool: set[int] = set()
        unsure: set[int] = set()
        for term in terms:
            if len(term) <= 2 and "\x00" not in term:
                pool |= self.candidates(term)       # unigram/bigram postings are exact
            else:
                unsure |= self.candidates(term)
        unsure -= pool
        long_terms = [t for t in terms if len(t) > 2 or "\x00" in t]
        for i in unsure:
            text, name = self._folded[i]
            if any(t in text or t in name for t in long_terms):
                pool.add(i)
        return sorted(pool)

    def matching(self, terms: list[str]) -> list[Searchable]:
        """Items containing at least one term (substring check after the postings narrow them)."""
        return [self.items[i] for i in self._matching_ids(terms)]

    def search(self, query: str, limit: int = 20, kinds: Iterable[str] | None = None) -> list[Hit]:
        terms = split_terms(query)
        if not terms:
            return []
        hits = []
        for neg, i in self._best(terms, limit, set(kinds) if kinds else None):
            text, name = self._folded[i]
            score, pos, length = _score(text, name, self.items[i].kind, terms)
            if score != -neg:
                raise AssertionError(f"search index: score of item {i} differs between paths")
            hits.append(_hit(self.items[i], score, pos, length))
        return hits

    def _long_candidates(self, term: str):
        """:meth:`candidates` of a term longer than two characters, as a sorted numpy array (the
        postings intersected smallest first, in numpy)."""
        import numpy as np

        grams = sorted({term[i:i + 2] for i in range(len(term) - 1)})
        found = []
        for postings in (self._text_ids, self._name_ids):
            lists = sorted((np.frombuffer(postings.get(g, _EMPTY), dtype=np.int32) for g in grams), key=len)
            result = lists[0]
            for other in lists[1:]:
                if not result.size:
                    break
                result = np.intersect1d(result, other, assume_unique=True)
            found.append(result)
        return np.union1d(found[0], found[1]).astype(np.int32)

    def _best(self, terms: list[str], limit: int, wanted: set[str] | None) -> list[tuple[float, int]]:
        """(-score, item number) of the ``limit`` best items, best first. Every item is described by its
        kind and, per term, its count in the text and whether its name holds the term (from the postings
        for terms of one or two characters, by ``str.count`` on the candidates for longer ones); each
        distinct description is scored once by :func:`_combine`."""
        import numpy as np

        short = [len(t) <= 2 and "\x00" not in t for t in terms]
        pools = []
        for term, exact in zip(terms, short):
            if exact:
                pools.append(np.frombuffer(self._text_ids.get(term, _EMPTY), dtype=np.int32))
                pools.append(np.frombuffer(self._name_ids.get(term, _EMPTY), dtype=np.int32))
            else:
                pools.append(self._long_candidates(term))
        every = _sorted_unique(np.concatenate(pools))
        kind_codes = np.frombuffer(self._kind_codes, dtype=np.int32)
        if wanted is not None:
            keep = [c for c, k in enumerate(self._kind_names) if k in wanted]
            every = every[np.isin(kind_codes[every], keep)]
        if not every.size:
            return []
        features = [kind_codes[every]]
        listed = every.tolist() if not all(short) else []
        for term, exact in zip(terms, short):
            if not exact:
                pairs = np.array([(t.count(term), term in n) for t, n in map(self._folded.__getitem__, listed)],
                                 dtype=np.int64).reshape(-1, 2)
                features.append(pairs[:, 0])
                features.append(pairs[:, 1])
                continue
            ids = np.frombuffer(self._text_ids.get(term, _EMPTY), dtype=np.int32)
            counts = np.frombuffer(self._text_counts.get(term, _EMPTY), dtype=np.int32)
            names = np.frombuffer(self._name_ids.get(term, _EMPTY), dtype=np.int32)
            count = np.zeros(every.size, dtype=np.int64)
            if ids.size:
                pos = np.searchsorted(ids, every)
                inside = pos < ids.size
                hit = np.zeros(every.size, dtype=bool)
                hit[inside] = ids[pos[inside]] == every[inside]
                count[hit] = counts[pos[hit]]
            features.append(count)
            features.append(np.isin(every, names, assume_unique=True).astype(np.int64))
        # one integer per item encoding its pattern (mixed radix), unless the radix would overflow
        key = np.zeros(every.size, dtype=np.int64)
        span = 1
        for f in features:
            base = int(f.max()) + 1
            span *= base
            key = key * base + f
        if span < 2 ** 62:
            order = np.argsort(key, kind="stable")
            ranked = key[order]
            starts = np.concatenate(([True], ranked[1:] != ranked[:-1]))
            inverse = np.empty(every.size, dtype=np.int64)
            inverse[order] = np.cumsum(starts) - 1
            patterns = np.stack(features, axis=1)[order[starts]]
        else:
            patterns, inverse = np.unique(np.stack(features, axis=1), axis=0, return_inverse=True)
        scores = np.array([_combine(self._kind_names[int(row[0])], terms, [int(c) for c in row[1::2]],
                                    [bool(n) for n in row[2::2]]) for row in patterns.tolist()], dtype=np.float64)
        per_item = scores[inverse.reshape(-1)]         # NaN: a candidate that holds no term after all
        keep = ~np.isnan(per_item)
        every, per_item = every[keep], per_item[keep]
        order = np.lexsort((every, -per_item))[:limit]
        return [(-float(per_item[j]), int(every[j])) for j in order]


def _sorted_unique(values):
    """The distinct values, ascending (a sort and a comparison: cheaper than ``np.unique``'s hashing)."""
    import numpy as np

    ranked = np.sort(values)
    return ranked[np.concatenate(([True], ranked[1:] != ranked[:-1]))] if ranked.size else ranked


def rank_hits(hits: list[Hit], limit: int) -> list[Hit]:
    """Best first; ties broken by kind and key so the order is the same on every backend."""
    hits.sort(key=lambda h: (-h.score, h.kind, h.key))
    return hits[:limit]


__all__.append("rank_hits")
