"""Text normalization applied to every document before extraction.

The record's ``text`` is the output of :func:`normalize_text`, and every offset indexes into it.
Besides decoding, NFC and ``\\n`` line ends (the contract), the normalizer repairs layout damage
that documents pick up on their way through PDFs, word processors and web pages, and keeps every
character of the wording as written (full-width punctuation, ASCII spaces in ``400 万元`` ...):

* line ends: ``\\r\\n``, ``\\r`` and the other Unicode line separators become ``\\n``;
* spaced-out headers: a run of single CJK characters separated by spaces, standing on its own
  between non-word characters (``潜 江 市 民 政 局``, ``答  复``), is written together;
* hard wraps: a line broken between two Chinese characters in the middle of a sentence is re-joined,
  but only when the document is visibly hard-wrapped (several lines of nearly the same display width,
  see :func:`wrap_width`): paragraph breaks, lines ending a sentence (。；：！？…) and headings stay;
* trailing spaces (ASCII, tab, ideographic space) are stripped, 3 or more blank lines become 2.

The function is idempotent (``normalize_text(normalize_text(x)) == normalize_text(x)``): the layout
repairs are iterated to a fixpoint, which for real documents takes one or two passes.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

__all__ = ["display_width", "is_cjk", "normalize_text", "wrap_width"]

# Unified ideographs, extension A, compatibility ideographs, and 〇 (used in dates: 二〇二一年).
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
_CJK = re.compile(f"[{_CJK_CLASS}]")
# \r\n, or any one line separator; written to open with a character class so the engine skips ahead
_LINE_BREAKS = re.compile("[\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e](?:(?<=\r)\n)?")
_TRAILING = re.compile("[ \t\u3000]+$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{4,}")  # 3+ blank lines
# A run of >= 2 single CJK chars separated by 1-3 spaces (ASCII or ideographic), bounded by non-word chars.
_SPACED = re.compile(f"(?<!\\w)[{_CJK_CLASS}](?:[ \u3000]{{1,3}}[{_CJK_CLASS}])+(?!\\w)")
_SPACES = re.compile("[ \u3000]+")
# the opening of a _SPACED match, found from its first space (the engine skips ahead to spaces): a
# CJK character not after a word character, then 1–3 spaces, then a CJK character
_SPACED_PAIR = re.compile(f"[ \u3000](?<=[{_CJK_CLASS}][ \u3000])(?<!\\w[{_CJK_CLASS}][ \u3000])"
                          f"[ \u3000]{{0,2}}(?=[{_CJK_CLASS}])")
# Characters a hard-wrapped line may end with / the next line may start with.
_WRAP_END = re.compile(f"[{_CJK_CLASS}，、“《（]$")
_WRAP_START = re.compile(f"^[{_CJK_CLASS}“《]")
# The next line starts a list item or section: never a continuation.
_ITEM_START = re.compile(
    f"^(?:[一二三四五六七八九十百]+[、.．]|第[{_CJK_CLASS}0-9]{{1,6}}[条章节款部分]|[0-9]+[、.．]|"
    "（[一二三四五六七八九十0-9]+）|[一二三四五六七八九十]是)"
)
_MAX_PASSES = 200  # a safety net: each pass needs a new wrap band, so real text settles in 1-3


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (not punctuation)."""
    return bool(_CJK.match(ch))


class _Widths(dict):
    """Character → display columns, filled on first use."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_WIDTHS = _Widths()


def display_width(line: str) -> int:
    """Columns the line takes in a monospaced CJK layout (wide/full-width chars count 2)."""
    return sum(map(_WIDTHS.__getitem__, line))


def _wrap_candidates(lines: list[str]) -> list[int]:
    """Indices i where line i could be hard-wrapped into line i + 1 (judged on characters only)."""
    out = []
    for i in range(len(lines) - 1):
        cur, nxt = lines[i], lines[i + 1]
        # (the end test reads the last character only: searching the whole line finds nothing more)
        if cur and nxt and _WRAP_END.search(cur, len(cur) - 1) and _WRAP_START.match(nxt) \
                and not _ITEM_START.match(nxt):
            out.append(i)
    return out


def wrap_width(lines: list[str], candidates: list[int]) -> tuple[int, int] | None:
    """The band of display widths ``(low, high)`` at which this document was hard-wrapped, or None.

    A hard-wrapped document has several candidate lines of nearly the same width (the wrap
    column, give or take half-width digits and punctuation). We take the fullest band of width
    ``tolerance`` among candidate lines and accept it when it holds at least 3 lines and at least
    40% of the candidates, lies between 16 and 160 columns (no real page is wider), and is the
    document's right margin: at most 5% of the non-blank lines are wider. Text written as one line
    per paragraph (headings of similar width between long paragraphs) is therefore left alone.
    """
    if len(candidates) < 3:
        return None
    widths = Counter(display_width(lines[i]) for i in candidates)
    best: tuple[int, int, int] | None = None  # (count, high, low)
    for high in widths:
        if not 16 <= high <= 160:
            continue
        low = high - max(3, high // 10)
        count = sum(n for w, n in widths.items() if low <= w <= high)
        if best is None or (count, high) > (best[0], best[1]):
            best = (count, high, low)
    if best is None or best[0] < 3 or best[0] < 0.4 * len(candidates):
        return None
    count, high, low = best
    margin = high + max(3, high // 10)
    nonblank = [line for line in lines if line]
    # a line is at least as wide as its length and at most twice it: only lines in between are measured
    wider = sum(1 for line in nonblank
                if len(line) > margin or (2 * len(line) > margin and display_width(line) > margin))
    if wider > 0.05 * len(nonblank):
        return None
    return low, high


def _join_wraps(text: str) -> str:
    lines = text.split("\n")
    candidates = _wrap_candidates(lines)
    band = wrap_width(lines, candidates)
    if band is None:
        return text
    low, high = band
    joins = {i for i in candidates if low <= display_width(lines[i]) <= high}
    if not joins:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if i - 1 in joins:
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _collapse_spaced(match: re.Match[str]) -> str:
    return _SPACES.sub("", match.group(0))


def _has_trailing(text: str) -> bool:
    """Whether some line ends with a space, tab or ideographic space (where ``_TRAILING`` matches)."""
    return any(ch + "\n" in text or text.endswith(ch) for ch in " \t\u3000")


def _has_spaced_pair(text: str) -> bool:
    """Whether a CJK character with no word character before it stands 1–3 spaces before another:
    every ``_SPACED`` match opens with such a pair, so without one the pattern (tried at every CJK
    character) need not run."""
    return _SPACED_PAIR.search(text) is not None


def _pass(text: str) -> str:
    # each substitution runs only where a plain scan finds what it needs (same result, less work)
    if _has_trailing(text):
        text = _TRAILING.sub("", text)
    if _has_spaced_pair(text):
        text = _SPACED.sub(_collapse_spaced, text)
    text = _join_wraps(text)
    if "\n\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n\n", text)
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """Normalize decoded document text (see the module docstring); idempotent."""
    text = unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text))
    for _ in range(_MAX_PASSES):
        new = _pass(text)
        if new == text:
            return new
        text = new
    return text
