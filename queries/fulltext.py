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

import heapq
import math
import re
from array import array
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


def _score(folded: str, folded_name: str, kind: str, terms: list[str]) -> tuple[float, int, int] | None:
    """(score, position, length of the earliest term occurrence in the text, or -1, 0) for already
    folded text and name; None when no term occurs. The arithmetic of :func:`score_hit`."""
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


def _shared_fold(text: str) -> str:
    """``fold(text)``, returning ``text`` itself when folding changes nothing (no second copy kept)."""
    folded = fold(text)
    return text if folded == text else folded


class FullTextIndex:
    """Bigram + unigram postings over :class:`Searchable` items (built once per graph version).

    Postings are compact ``array('i')`` of item numbers (ascending); the folded text and name of each
    item are kept (the original object when folding changes nothing) so a query never re-folds a
    document. A query intersects the postings of each term's bigrams, smallest first, checks the
    substring only where postings cannot decide (terms longer than two characters), scores the
    matches, and builds quotes only for the hits that survive ``limit``.
    """

    def __init__(self, items: Iterable[Searchable]):
        self.items: list[Searchable] = sorted(items, key=lambda it: (it.kind, it.key))
        self._folded: list[tuple[str, str]] = []
        postings: dict[str, list[int]] = {}
        for i, item in enumerate(self.items):
            folded = (_shared_fold(item.text), _shared_fold(item.name))
            self._folded.append(folded)
            for gram in _grams(folded[0] + "\x00" + folded[1]):
                bucket = postings.get(gram)
                if bucket is None:
                    postings[gram] = [i]
                else:
                    bucket.append(i)
        self._postings: dict[str, array] = {g: array("i", ids) for g, ids in postings.items()}

    def __len__(self) -> int:
        return len(self.items)

    def candidates(self, term: str) -> set[int]:
        """Items whose text or name may contain ``term`` (exact for terms of one or two characters)."""
        grams = [term] if len(term) <= 2 else list({term[i:i + 2] for i in range(len(term) - 1)})
        lists = sorted((self._postings.get(g, _EMPTY) for g in grams), key=len)
        if not lists or not lists[0]:
            return set()
        result = set(lists[0])
        for other in lists[1:]:
            result.intersection_update(other)
            if not result:
                break
        return result

    def _matching_ids(self, terms: list[str]) -> list[int]:
        pool: set[int] = set()
        unsure: set[int] = set()
        for term in terms:
            found = self.candidates(term)
            if len(term) <= 2:
                pool |= found           # bigram/unigram postings are exact
            else:
                unsure |= found
        unsure -= pool
        long_terms = [t for t in terms if len(t) > 2]
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
        wanted = set(kinds) if kinds else None
        scored = []
        for i in self._matching_ids(terms):
            item = self.items[i]
            if wanted is not None and item.kind not in wanted:
                continue
            text, name = self._folded[i]
            s = _score(text, name, item.kind, terms)
            if s is not None:
                scored.append((-s[0], item.kind, item.key, i, s[1], s[2]))
        best = heapq.nsmallest(limit, scored)      # (-score, kind, key): the order of rank_hits
        return [_hit(self.items[i], -neg, pos, length) for neg, _k, _key, i, pos, length in best]


def rank_hits(hits: list[Hit], limit: int) -> list[Hit]:
    """Best first; ties broken by kind and key so the order is the same on every backend."""
    hits.sort(key=lambda h: (-h.score, h.kind, h.key))
    return hits[:limit]


__all__.append("rank_hits")
