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
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FullTextIndex", "Hit", "Searchable", "fold", "score_hit", "snippet", "split_terms"]

_SPLIT = re.compile(r"[\s,，、;；|/]+")
_SENTENCE_END = "。！？!?；;\n"
MAX_TERMS = 8
MAX_TERM_CHARS = 64


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


def score_hit(item: Searchable, terms: list[str]) -> Hit | None:
    """Score ``item`` against ``terms`` (already folded); None when no term occurs in it.

    The score rewards the share of terms found, repeated occurrences (log-damped), longer terms and
    matches in names; entity kinds get a small boost over whole documents so a named model called
    ``减负`` ranks above a report that mentions it once. Rounded so backends agree to the digit.
    """
    folded = fold(item.text)
    folded_name = fold(item.name)
    found = 0
    score = 0.0
    first: tuple[int, int] | None = None
    for term in terms:
        count = folded.count(term)
        in_name = term in folded_name
        if not count and not in_name:
            continue
        found += 1
        score += (1.0 + math.log1p(count)) * math.sqrt(len(term)) + (2.0 if in_name else 0.0)
        if count:
            pos = folded.find(term)
            if first is None or pos < first[0]:
                first = (pos, len(term))
    if not found:
        return None
    score *= (found / len(terms)) * _KIND_WEIGHT.get(item.kind, 1.0)
    if first is not None and item.offset is not None and item.doc_id is not None:
        quote, lo, hi = snippet(item.text, first[0], first[1])
        start, end = item.offset + lo, item.offset + hi
    else:
        quote, start, end = item.quote or item.name, item.start, item.end
    return Hit(item.key, item.kind, item.name, round(score, 6), item.doc_id, quote, start, end)


def _grams(text: str) -> set[str]:
    grams = set(text)
    grams.update(text[i:i + 2] for i in range(len(text) - 1))
    return grams


class FullTextIndex:
    """Bigram + unigram postings over :class:`Searchable` items (built once per graph version)."""

    def __init__(self, items: Iterable[Searchable]):
        self.items: list[Searchable] = sorted(items, key=lambda it: (it.kind, it.key))
        postings: dict[str, list[int]] = {}
        for i, item in enumerate(self.items):
            for gram in _grams(fold(item.text) + "\x00" + fold(item.name)):
                bucket = postings.get(gram)
                if bucket is None:
                    postings[gram] = [i]
                else:
                    bucket.append(i)
        self._postings = postings

    def __len__(self) -> int:
        return len(self.items)

    def candidates(self, term: str) -> set[int]:
        """Items whose text or name may contain ``term`` (exact for terms of one or two characters)."""
        grams = [term] if len(term) <= 2 else [term[i:i + 2] for i in range(len(term) - 1)]
        lists = sorted((self._postings.get(g, []) for g in grams), key=len)
        if not lists or not lists[0]:
            return set()
        result = set(lists[0])
        for other in lists[1:]:
            result.intersection_update(other)
            if not result:
                break
        return result

    def matching(self, terms: list[str]) -> list[Searchable]:
        """Items containing at least one term (substring check after the postings narrow them)."""
        pool: set[int] = set()
        for term in terms:
            pool |= self.candidates(term)
        out = []
        for i in sorted(pool):
            item = self.items[i]
            hay = fold(item.text) + "\x00" + fold(item.name)
            if any(t in hay for t in terms):
                out.append(item)
        return out

    def search(self, query: str, limit: int = 20, kinds: Iterable[str] | None = None) -> list[Hit]:
        terms = split_terms(query)
        if not terms:
            return []
        wanted = set(kinds) if kinds else None
        hits = [h for item in self.matching(terms)
                if (wanted is None or item.kind in wanted) and (h := score_hit(item, terms)) is not None]
        return rank_hits(hits, limit)


def rank_hits(hits: list[Hit], limit: int) -> list[Hit]:
    """Best first; ties broken by kind and key so the order is the same on every backend."""
    hits.sort(key=lambda h: (-h.score, h.kind, h.key))
    return hits[:limit]


__all__.append("rank_hits")
