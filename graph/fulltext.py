"""The full-text field the Cypher stores keep on each Document, and the backend query that narrows a
search to the documents that can match.

The search's meaning is defined in ``queries/fulltext.py``: an item matches a term when the term occurs
in its folded text (:func:`fold`) as a substring. Neither backend's own analyzer gives that for
Chinese (FalkorDB's RediSearch splits on punctuation only; Neo4j's ``cjk`` analyzer keeps only the
bigrams of a run of two or more Chinese characters, and Latin words whole), so the stores index a
pre-segmented field instead: :func:`grams`, every distinct unigram and bigram of each run of Chinese
characters, Latin letters and digits of the folded title and text, separated by spaces. A term's
runs are substrings of the text's runs, so a document holding the term holds every gram of
:func:`term_grams`: the documents holding all the grams of at least one term are a superset of the
documents that match, and the search then checks and ranks only those (the same hits, in the same
order, as scanning every document).

Both query languages are written from grams only, and a gram is made of word characters (Chinese,
``a-z``, ``0-9``) that neither query syntax gives a meaning to, so no text of the user's reaches a
query string except as such grams.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

__all__ = ["FORMAT", "FULL_WIDTH", "falkordb_query", "fold", "fold_free", "grams", "lucene_query", "term_grams"]

#: the format of :func:`grams`, recorded in a graph whose every Document was written with it
FORMAT = 2

FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
FULL_WIDTH[0x3000] = 0x20

_RUN = re.compile(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff]+")


def fold(text: str) -> str:
    """The form both sides of a comparison take: full-width Latin/digits to half-width, lower case.

    Length-preserving (one character in, one out), so positions found in the folded text are
    positions in the original.
    """
    folded = text.translate(FULL_WIDTH).lower()
    return folded if len(folded) == len(text) else text.translate(FULL_WIDTH)


def _run_grams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]


def grams(text: str) -> str:
    """Distinct unigrams and bigrams of every run of Chinese characters, letters and digits of the
    folded ``text``, space-separated (the indexed field)."""
    out: dict[str, None] = {}
    for run in _RUN.findall(fold(text)):
        out.update(dict.fromkeys(run))
        if len(run) > 1:
            out.update(dict.fromkeys(_run_grams(run)))
    return " ".join(out)


def term_grams(term: str) -> list[str]:
    """The grams every text holding ``term`` (already folded) holds: the bigrams of each of its runs,
    the character of a run of one. Empty when the term has no run (only punctuation, say): such a
    term cannot narrow the search."""
    out: dict[str, None] = {}
    for run in _RUN.findall(term):
        out.update(dict.fromkeys(_run_grams(run)))
    return list(out)


def _groups(terms: Sequence[str]) -> list[list[str]] | None:
    groups = [term_grams(t) for t in terms]
    return None if not groups or not all(groups) else groups


def falkordb_query(terms: Sequence[str]) -> str | None:
    """The RediSearch query (FalkorDB's ``db.idx.fulltext.queryNodes``) for documents holding every gram
    of at least one of ``terms``; None when some term has no gram (no narrowing is possible)."""
    groups = _groups(terms)
    if groups is None:
        return None
    return " | ".join("(" + " ".join(g) + ")" for g in groups)


def lucene_query(terms: Sequence[str]) -> str | None:
    """The same query in Lucene's syntax (Neo4j's ``db.index.fulltext.queryNodes`` over the field indexed
    with the ``whitespace`` analyzer); None as for :func:`falkordb_query`."""
    groups = _groups(terms)
    if groups is None:
        return None
    return " OR ".join("(" + " ".join("+" + gram for gram in g) + ")" for g in groups)


@functools.cache
def _preimages() -> dict[str, tuple[str, ...]]:
    """character -> the other characters of the Basic Multilingual Plane that :func:`fold` turns into it."""
    out: dict[str, list[str]] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        folded = ch.translate(FULL_WIDTH).lower()
        if len(folded) == 1 and folded != ch:
            out.setdefault(folded, []).append(ch)
    return {k: tuple(v) for k, v in out.items()}


def fold_free(terms: Sequence[str]) -> bool:
    """Whether ``terms`` (folded) occur in a text exactly where they occur in its :func:`fold`: no
    character of theirs is what fold makes of another character (Chinese characters, most
    punctuation; not letters, digits or the half-width forms of full-width ones), so a text need not
    be folded to count them — the same counts at the same positions, in Python or in a store. A term
    not in lower case (a query with a character such as ``İ``, which stops fold lowering) is not."""
    preimages = _preimages()
    return all(t == t.lower() and fold(t) == t and not any(ch in preimages for ch in t) for t in terms)
