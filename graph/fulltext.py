"""Chinese full-text support for FalkorDB, whose analyzer does not segment Chinese.

``grams(text)`` is stored on Document nodes (property ``grams``) and indexed; ``query_terms(q)``
turns a user query into the matching terms: bigrams of each Chinese run (a single character stays a
unigram), other words kept whole, joined by spaces (RediSearch: all terms must match). The query
string is passed as a parameter, never put into Cypher text.
"""
from __future__ import annotations

import re

__all__ = ["grams", "query_terms"]

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[A-Za-z0-9]+")
_SPECIAL = re.compile(r"[^\w\u3400-\u9fff\uf900-\ufaff ]")


def _han_grams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]


def grams(text: str) -> str:
    """Distinct unigrams and bigrams of every Chinese run, plus latin/digit words, space-separated."""
    out: dict[str, None] = {}
    for run in _HAN.findall(text):
        for ch in run:
            out.setdefault(ch)
        for g in _han_grams(run):
            out.setdefault(g)
    for word in _WORD.findall(text):
        out.setdefault(word.lower())
    return " ".join(out)


def query_terms(query: str) -> str:
    """RediSearch terms for ``query``: its bigrams (and words), quote-free, space-joined."""
    terms: dict[str, None] = {}
    for run in _HAN.findall(query):
        for g in _han_grams(run):
            terms.setdefault(g)
    for word in _WORD.findall(query):
        terms.setdefault(word.lower())
    return _SPECIAL.sub("", " ".join(terms))
