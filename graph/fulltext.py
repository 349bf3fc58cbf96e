"""Chinese full-text support for FalkorDB, whose analyzer does not segment Chinese.

``grams(text)`` is stored on Document nodes (property ``grams``) and indexed by FalkorDB's full-text
index (``govkg init``); the search query reads the graph itself, not this index (issue 15).
"""
from __future__ import annotations

import re

__all__ = ["grams"]

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[A-Za-z0-9]+")


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

