"""How a quote is cut from a text, and how a quote splits into sentences: the one definition of a
sentence window for the graph (every fact's evidence, ``graph.delta``), the explorer's highlighted span
(``app.ui.excerpt_bounds``), full-text snippets and the course pack's sentences.

A sentence ends after 。！？；!?; or a line break; closing quotes and brackets right after the end
belong to that sentence (……。”).
"""
from __future__ import annotations

import re
from bisect import bisect_left

__all__ = ["CARRIES_ON", "QUOTE_MAX", "QuoteSpans", "sentence_around", "sentence_ends", "sentence_span", "sentences"]

_SENTENCE_END = "。！？；!?;\n"
# closing quotes and brackets right after a sentence end belong to that sentence (……。”)
_CLOSERS = "”’」』）)】〕》\"'"
_CLAUSE_END = "，,：:、"
QUOTE_MAX = 500          # a sentence longer than this is narrowed to the clauses around the span
_SENTENCE_END_RE = re.compile("[" + re.escape(_SENTENCE_END) + "]")
# a sentence carrying on the one before it (随后，…与居民代表等进行座谈): ``graph.delta`` quotes the two together where
# the first is a visiting group's, and ``queries.grading`` reads such a quote so
CARRIES_ON = re.compile(r"\s*(?:随后|接着|之后|然后|其后|此后)")


def sentence_around(text: str, start: int, end: int, ends: list[int] | None = None) -> str:
    """The quote for ``text[start:end]``: the sentence that contains it, or the shortest run of
    sentences when it spans several, starting and ending on sentence boundaries (after 。！？；!?;
    or a line break, closing quotes and brackets kept with their sentence; no surrounding spaces).
    Only a sentence over ``QUOTE_MAX`` characters is narrowed, to the clauses (，：、) around the span.

    ``ends`` (from ``sentence_ends(text)``) makes this two binary searches instead of a walk over
    the characters; callers quoting many spans of one text pass it."""
    if start >= end:
        return ""
    left, right = sentence_span(text, start, end, ends)
    return text[left:right]


def sentence_span(text: str, start: int, end: int, ends: list[int] | None = None) -> tuple[int, int]:
    """Where ``sentence_around(text, start, end)`` lies in ``text``: (left, right)."""
    if ends is None:
        ends = sentence_ends(text)
    n = len(text)
    i = bisect_left(ends, start)                 # ends[i - 1]: last sentence end before the span
    left = ends[i - 1] + 1 if i else 0
    j = bisect_left(ends, end - 1)               # ends[j]: first sentence end at or after end - 1
    right = ends[j] + 1 if j < len(ends) else n
    while right < n and text[right] in _CLOSERS:
        right += 1
    while left < start and (text[left] in _CLOSERS or text[left].isspace()):
        left += 1
    if right - left > QUOTE_MAX + (end - start):
        left, right = _clauses_around(text, start, end, left, right)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _clauses_around(text: str, start: int, end: int, left: int, right: int) -> tuple[int, int]:
    """Inside the long sentence ``text[left:right]``: the widest run of whole clauses around
    ``[start, end)`` within about ``QUOTE_MAX`` characters (a character window only where the
    sentence has no clause marks there)."""
    half = QUOTE_MAX // 2
    lo, hi = max(left, start - half), min(right, end + half)
    cut = next((k + 1 for k in range(lo, start) if text[k] in _CLAUSE_END), None)
    lo = cut if cut is not None and lo > left else lo
    cut = next((k + 1 for k in range(hi - 1, end - 1, -1) if text[k] in _CLAUSE_END), None)
    hi = cut if cut is not None and hi < right else hi
    return lo, hi


def sentence_ends(text: str) -> list[int]:
    """Offsets of the characters that end a sentence in ``text``, ascending."""
    return [mt.start() for mt in _SENTENCE_END_RE.finditer(text)]


_AFTER_SENTENCE_END = re.compile("(?<=[" + re.escape(_SENTENCE_END) + "])")


def sentences(quote: str) -> list[str]:
    """The sentences of ``quote`` in order, each without surrounding whitespace; blank ones left out."""
    return [s.strip() for s in _AFTER_SENTENCE_END.split(quote) if s.strip()]


class QuoteSpans:
    """Where quoted sentences lie in one document's text. A quote is stored as the span [qs, qe) of the
    text it is a slice of (any occurrence reads back identically; each distinct quote is looked up once
    per document: a measure's sentence is the quote of a dozen facts); None when it is not one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[str, tuple[int, int] | None] = {"": (0, 0)}

    def span(self, quote: str, start: int) -> tuple[int, int] | None:
        if quote in self.spans:
            return self.spans[quote]
        pos = self.text.find(quote, max(0, start - len(quote)))
        if pos < 0:
            pos = self.text.find(quote)
        span = self.spans[quote] = (pos, pos + len(quote)) if pos >= 0 else None
        return span
