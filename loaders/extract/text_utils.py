"""Small text helpers shared by the extraction steps: character classes, clause and sentence
boundaries, line iteration with offsets, and squeezing of spaced-out headings.

The API is kept stable; other steps import it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "CJK",
    "CLAUSE_END",
    "SENTENCE_END",
    "SIGN_NOUNS",
    "any_of",
    "cached_regex",
    "class_led",
    "closing_chars",
    "code_units",
    "digit_runs",
    "finditer_at",
    "finditer_in_runs",
    "in_idiom",
    "is_cjk",
    "is_common_word",
    "is_verbal",
    "lexicon_entry",
    "line_starts",
    "lines_with_offsets",
    "literal_starts",
    "looks_like_proper_name",
    "match_opening",
    "opening_chars",
    "opening_class",
    "run_start",
    "sentence_bounds",
    "squeeze_spaces",
    "stop_at_or_after",
    "stop_before",
    "stop_positions",
    "tidy_headline",
    "without_pinyin",
    "words_apart",
]

CJK = r"\u4e00-\u9fff"
SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = SENTENCE_END + "，,、：:（）()《》“”\"'‘’【】"
# the nouns of a sign (设置党群服务中心1处标识, 悬挂牌匾): a sign names a centre or a body, it is none of them
SIGN_NOUNS = "标识|标牌|标志牌|指示牌|牌匾|牌子|铭牌|门牌"
_LINE = re.compile(r"[^\n]*")
_SPACE = re.compile(r"\s")


def is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


class _RegexCache(dict):
    """pattern → compiled pattern, compiled on the first lookup."""

    def __missing__(self, pattern: str) -> re.Pattern[str]:
        rx = self[pattern] = re.compile(pattern)
        return rx


_RX_CACHE = _RegexCache()
# ``re.compile(pattern)`` kept in a plain dict: the steps call patterns written inline thousands of
# times per document, and ``re``'s own cache lookup costs more than the match. The lookup is the
# dict's own (a bound C method, no Python frame per call).
cached_regex: Callable[[str], re.Pattern[str]] = _RX_CACHE.__getitem__


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern whose ``match``, ``search`` or ``fullmatch`` succeeds on a string exactly where
    that of one of ``patterns`` does (their alternation, each branch tried in turn): a rule that
    tests one short window against several patterns makes one call instead of one per pattern, and
    on such windows the call costs more than the test. The patterns must share their flags and hold
    no back-reference (the alternation renumbers their groups)."""
    if len({p.flags for p in patterns}) != 1 or any(_BACKREF.search(p.pattern) for p in patterns):
        raise ValueError("any_of: the patterns must share their flags and hold no back-reference")
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)


_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


def opening_class(pattern: str) -> str | None:
    """A character class (``[…]``) of every character that can open a non-empty match of
    ``pattern``, read off its parse (literals, classes of literals, ranges, ``\\s``/``\\d``/``\\w``;
    groups, alternatives, repeats; lookbehinds and anchors, which consume nothing); None where it
    cannot be read (a negated class, ``.``, a lookahead, a case-insensitive group…). A pattern
    tried at many places opens with ``(?=CLASS)``: the engine then tests one class where no match
    can open, instead of every alternative."""
    items = _opening_items(pattern)
    return "[" + "".join(sorted(re.escape(x) if len(x) == 1 else x for x in items)) + "]" if items else None


def class_led(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` opened with ``(?=CLASS)``, CLASS its :func:`opening_class`: the same matches (none of them empty), but a
    scan the engine cannot start from a literal or a class of its own (a first repeat, ``\\d+…``; alternatives
    opening with a class and with literals; a group of groups) tests one class at every offset instead of the
    whole grammar. ``rx`` itself where no class can be read, where it may match empty, or where it opens with
    ``^``/``\\A`` (the engine tries those at the start only)."""
    from re import _constants as C
    from re import _parser as P

    cls = opening_class(rx.pattern)
    if cls is None:
        return rx
    try:
        parsed = P.parse(rx.pattern, rx.flags)
        if parsed.getwidth()[0] == 0 or (parsed.data and parsed.data[0][0] is C.AT):
            return rx
        return re.compile(f"(?={cls})(?:{rx.pattern})", rx.flags)
    except (re.error, RecursionError):
        return rx


def opening_chars(pattern: str) -> str | None:
    """The characters that can open a non-empty match of ``pattern`` (see :func:`opening_class`), as
    a string, where they are a set of single characters (no range or ``\\s``-like class): a text
    with none of them between two offsets holds no match there (``stop_positions`` finds them)."""
    items = _opening_items(pattern)
    return "".join(sorted(items)) if items and all(len(x) == 1 for x in items) else None


def match_opening(rx: re.Pattern[str]) -> frozenset[str]:
    """The characters that every match of ``rx`` opens with (:func:`opening_chars`), for a test in front of a
    ``match`` tried where most positions hold none of them: ``text[pos:pos + 1] in OPENS`` costs a fraction
    of a failed ``match`` call (which sets up the engine and allocates its stack), and it lets through every
    position where a match can open (the text's end, an empty slice, holds none: ``rx`` never matches empty).
    ValueError where they cannot be read or ``rx`` can match empty: no such test is valid then."""
    from re import _parser as P

    chars = opening_chars(rx.pattern) if not rx.flags & re.IGNORECASE else None
    if chars is None or P.parse(rx.pattern, rx.flags).getwidth()[0] == 0:
        raise ValueError(f"no opening characters can be read off {rx.pattern[:40]!r}")
    return frozenset(chars)


def closing_chars(pattern: str) -> str | None:
    """The characters that can close a non-empty match of ``pattern`` (its last character), read off its
    parse as :func:`opening_chars` reads the first (assertions and anchors consume nothing), where they are
    a set of single characters; None where they cannot be read. Only for patterns whose every match ends at
    the text's end (``…$``, ``…\\Z``): a text ending with none of them (and no newline) holds no match."""
    from re import _constants as C
    from re import _parser as P

    repeats = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
    ends = {C.AT_END, C.AT_END_STRING}

    def anchored(seq) -> bool:  # does every match of ``seq`` end at an end anchor?
        for op, av in reversed(list(seq)):
            if op is C.AT:
                return av in ends
            if op is C.SUBPATTERN:
                return anchored(av[3])
            if op is C.BRANCH:
                return all(anchored(alt) for alt in av[1])
            return False
        return False

    def last(seq) -> tuple[set[str], bool] | None:  # (characters, whether ``seq`` can match empty)
        chars: set[str] = set()
        for op, av in reversed(list(seq)):
            got: tuple[set[str], bool] | None
            if op is C.LITERAL:
                return chars | {chr(av)}, False
            if op is C.IN:
                if any(iop is not C.LITERAL for iop, _iav in av):
                    return None
                return chars | {chr(iav) for _iop, iav in av}, False
            if op is C.SUBPATTERN:
                if av[1] & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_LOCALE):
                    return None
                got = last(av[3])
            elif op is C.BRANCH:
                alts = [last(alt) for alt in av[1]]
                if any(a is None for a in alts):
                    return None
                got = (set().union(*(a[0] for a in alts)), any(a[1] for a in alts))  # type: ignore[index]
            elif op in repeats:
                sub = last(av[2])
                got = None if sub is None else (sub[0], sub[1] or av[0] == 0)
            elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue
            else:
                return None
            if got is None:
                return None
            chars |= got[0]
            if not got[1]:
                return chars, False
        return chars, True

    try:
        parsed = P.parse(pattern)
        if parsed.state.flags & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_LOCALE | C.SRE_FLAG_MULTILINE) \
                or not anchored(parsed):
            return None
        got = last(parsed)
    except (re.error, RecursionError):
        return None
    return "".join(sorted(got[0])) if got and got[0] and not got[1] else None


def _opening_items(pattern: str) -> set[str] | None:
    """Single characters and class items (``a-z``, ``\\s``) that open the non-empty matches."""
    from re import _constants as C
    from re import _parser as P

    escapes = {C.CATEGORY_SPACE: r"\s", C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w"}
    repeats = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}

    def first(seq) -> tuple[set[str], bool] | None:  # (class items, whether ``seq`` can match empty)
        items: set[str] = set()
        for op, av in seq:
            got: tuple[set[str], bool] | None
            if op is C.LITERAL:
                return items | {chr(av)}, False
            if op is C.IN:
                for iop, iav in av:
                    if iop is C.LITERAL:
                        items.add(chr(iav))
                    elif iop is C.RANGE:
                        items.add(re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])))
                    elif iop is C.CATEGORY and iav in escapes:
                        items.add(escapes[iav])
                    else:
                        return None
                return items, False
            if op is C.SUBPATTERN:
                if av[1] & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_LOCALE):
                    return None
                got = first(av[3])
            elif op is C.BRANCH:
                alts = [first(alt) for alt in av[1]]
                if any(a is None for a in alts):
                    return None
                got = (set().union(*(a[0] for a in alts)), any(a[1] for a in alts))  # type: ignore[index]
            elif op in repeats:
                sub = first(av[2])
                got = None if sub is None else (sub[0], sub[1] or av[0] == 0)
            elif op is C.AT or (op in (C.ASSERT, C.ASSERT_NOT) and av[0] == -1):
                continue
            else:
                return None
            if got is None:
                return None
            items |= got[0]
            if not got[1]:
                return items, False
        return items, True

    try:
        parsed = P.parse(pattern)
        if parsed.state.flags & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_LOCALE):
            return None
        got = first(parsed)
    except (re.error, RecursionError):
        return None
    return got[0] if got else None


def stop_positions(text: str, stops: str) -> list[int]:
    """Sorted offsets of every character of ``stops`` in ``text`` (cached: the steps ask for the
    bounds of many positions of the same text)."""
    # the last text per stop set, checked by identity (no hashing of the text per call)
    last = _LAST_STOPS.get(stops)
    if last is not None and last[0] is text:
        return last[1]
    index = _stop_positions(text, stops)
    if len(_LAST_STOPS) > 64:
        _LAST_STOPS.clear()
    _LAST_STOPS[stops] = (text, index)
    return index


_LAST_STOPS: dict[str, tuple[str, list[int]]] = {}


@lru_cache(maxsize=32)
def _stop_positions(text: str, stops: str) -> list[int]:
    if len(text) <= _SHORT_TEXT:
        # a title, a line, a clause: read as it is, without the table pass, so that the arrays kept
        # for the document (its code points, its stop offsets) stay for the next call about it
        return [m.start() for m in _stop_class(stops).finditer(text)]
    offsets, codes = _stop_index(text, stops)
    return offsets.compress(_stop_table(stops).take(codes)).tolist()


@lru_cache(maxsize=64)
def _stop_class(stops: str) -> re.Pattern[str]:
    """A pattern of one character of ``stops``: the regex engine reads a short text faster than a
    Python loop over its characters."""
    return re.compile("[" + "".join(re.escape(ch) for ch in stops) + "]")


_SHORT_TEXT = 256
# every character of every stop set asked for so far (a document asks for a dozen sets, the same
# ones for every document): one table pass over the text finds them all, and each set then picks
# its own from those few offsets instead of testing every character of the text again
_STOP_UNION: list = ["", frozenset()]
_LAST_INDEX: list = [None, None, None, None]     # text, union, offsets, code points there


def _stop_index(text: str, stops: str):
    """(offsets in ``text`` of the characters of every stop set asked for, their code points),
    for the last text; the union grows when a set with a new character is asked for."""
    union = _STOP_UNION[0]
    if not _STOP_UNION[1].issuperset(stops):
        chars = _STOP_UNION[1].union(stops)
        union = _STOP_UNION[0] = "".join(sorted(chars))
        _STOP_UNION[1] = frozenset(chars)
    if _LAST_INDEX[0] is not text or _LAST_INDEX[1] is not union:
        import numpy as np

        codes = _code_units(text)
        offsets = _stop_table(union).take(codes).nonzero()[0]
        # (as indices of the platform's width: each stop set's ``take`` then converts nothing)
        _LAST_INDEX[:] = [text, union, offsets, codes.take(offsets).astype(np.intp)]
    return _LAST_INDEX[2], _LAST_INDEX[3]


@lru_cache(maxsize=64)
def _stop_table(stops: str):
    """A lookup table over the Basic Multilingual Plane: True at the code point of each stop."""
    import numpy as np

    table = np.zeros(0x10000, dtype=bool)
    for ch in stops:
        table[ord(ch)] = True  # the stops are punctuation and line breaks: all in the BMP
    return table


_LAST_UNITS: list = [None, None, False]


def _code_units(text: str):
    """``text`` as an array of code points, those past the BMP clipped to U+FFFF (never a stop);
    kept for the last text, which every stop set of a document reads."""
    return code_units(text)[0]


def code_units(text: str):
    """(``text`` as a numpy array of code points with those past the Basic Multilingual Plane clipped
    to U+FFFF, whether it has any past the BMP). Kept for the last text: the script fold and every
    stop set of a document read the same one."""
    if _LAST_UNITS[0] is not text:
        import numpy as np

        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        wide = bool(len(codes)) and int(codes.max()) > 0xFFFF
        _LAST_UNITS[:] = [text, np.minimum(codes, 0xFFFF).astype(np.uint16), wide]
    return _LAST_UNITS[1], _LAST_UNITS[2]


def stop_before(text: str, pos: int, stops: str) -> int:
    """Start of the run that ends at ``pos``: one past the last ``stops`` char before ``pos``, or 0."""
    last = _LAST_STOPS.get(stops)  # (``stop_positions``' own first test, without its call: the steps ask often)
    index = last[1] if last is not None and last[0] is text else stop_positions(text, stops)
    k = bisect_left(index, pos)
    return index[k - 1] + 1 if k else 0


def run_start(text: str, pos: int, stops: str) -> int:
    """``stop_before(text, pos, stops)`` where ``pos > 0``, else ``pos`` itself (a clause's start as the named-model
    rules ask for it, some 200 times a document: one call instead of two)."""
    if pos <= 0:
        return pos
    last = _LAST_STOPS.get(stops)  # (as in ``stop_before``)
    index = last[1] if last is not None and last[0] is text else stop_positions(text, stops)
    k = bisect_left(index, pos)
    return index[k - 1] + 1 if k else 0


def stop_at_or_after(text: str, pos: int, stops: str) -> int:
    """Offset of the first ``stops`` char at or after ``pos``, or ``len(text)``."""
    last = _LAST_STOPS.get(stops)  # (as in ``stop_before``)
    index = last[1] if last is not None and last[0] is text else stop_positions(text, stops)
    k = bisect_left(index, pos)
    return index[k] if k < len(index) else len(text)


def _bounds(text: str, pos: int, stops: str) -> tuple[int, int]:
    start = stop_before(text, pos, stops) if pos > 0 else pos
    end = stop_at_or_after(text, pos, stops)
    if end < len(text) and text[end] not in "\n":
        end += 1  # keep the closing punctuation with the sentence
    return start, end


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence containing ``pos`` (ends at 。！？； or a line break)."""
    return _bounds(text, pos, SENTENCE_END)


def finditer_in_runs(rx: re.Pattern[str], text: str, key: re.Pattern[str] | str | list[tuple[int, int]],
                     run: re.Pattern[str],
                     needs: str = "", after_key: re.Pattern[str] | None = None):
    """``rx.finditer(text)`` for a pattern whose matches contain ``key`` and lie inside one run of
    ``run`` characters (a single character class, starred): only those runs are searched, so the
    (slow, lazy) pattern is not tried at every offset of the document. ``key`` may be a string of
    single characters (any of them: their offsets come from one table pass, ``stop_positions``), or
    the spans of a key pattern's matches found once for several patterns.
    ``needs``: a string every match contains; runs without it are not searched. ``after_key``: a
    pattern that every match holds right after one of its keys (a key where it does not match
    there opens no run). Same matches, in the same order."""
    last_run_end = -1
    rev = None  # the text reversed: a run read backwards from the key is a match of ``run`` there
    n = len(text)
    keys = ((p, p + 1) for p in stop_positions(text, key)) if isinstance(key, str) else \
        key if isinstance(key, list) else (k.span() for k in key.finditer(text))
    for k_start, k_end in keys:
        if k_start < last_run_end or (after_key is not None and after_key.match(text, k_end) is None):
            continue
        if rev is None:
            rev = text[::-1]
        back = n - k_start
        lo = k_start - (run.match(rev, back).end() - back)
        hi = run.match(text, k_end).end()
        last_run_end = hi
        if needs and text.find(needs, lo, hi) < 0:
            continue
        yield from rx.finditer(text, lo, hi)


def digit_runs(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the runs of decimal digits (what ``\\d+`` matches) in ``text``, found in
    one pass over its code points, so that the figure patterns, which open with a digit, are tried
    there only instead of each testing every character. Kept for the last text."""
    if _LAST_DIGITS[0] is not text:
        codes, wide = code_units(text)
        if wide:  # digits past the BMP (𝟘, 𝟙 …) are not in the table: the regex reads them
            spans = [m.span() for m in _DIGIT_RUN.finditer(text)]
            starts, ends = [a for a, _b in spans], [b for _a, b in spans]
        else:
            import numpy as np

            # a digit between two non-digits of padding: a run starts or ends where the flag changes
            # (``np.diff(…, prepend=False, append=False)`` without its generic set-up per call)
            digit = np.zeros(len(codes) + 2, dtype=bool)
            _digit_table().take(codes, out=digit[1:-1])
            edges = np.flatnonzero(digit[1:] != digit[:-1])
            starts, ends = edges[0::2].tolist(), edges[1::2].tolist()
        _LAST_DIGITS[:] = [text, starts, ends]
    return _LAST_DIGITS[1], _LAST_DIGITS[2]


_DIGIT_RUN = re.compile(r"\d+")
_LAST_DIGITS: list = [None, [], []]


@lru_cache(maxsize=1)
def _digit_table():
    """True at each code point of the Basic Multilingual Plane that ``\\d`` matches (``str.isdecimal``)."""
    import numpy as np

    return np.fromiter((chr(c).isdecimal() for c in range(0x10000)), dtype=bool, count=0x10000)


def finditer_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern that can match only at one of ``starts`` (sorted): it is
    tried there and nowhere else. Same matches in the same order (only ``Match.pos`` differs)."""
    reach = 0
    match = rx.match
    for start in starts:
        if start < reach:
            continue  # inside the last match: finditer resumes after it
        m = match(text, start)
        if m is not None:
            yield m
            reach = m.end() if m.end() > start else start + 1


EDITORS_NOTE = re.compile(r"[ \t　]*[【\[]?编者(?:按|的话)")


def editors_notes(text: str) -> list[tuple[int, int]]:
    """The paragraphs of ``text`` that open with an editor's note (编者按, 【编者按】, 编者的话): the
    editors' framing of a feature, not the place's work; sorted (start, end)."""
    out = []
    k = text.find("编者")
    while k >= 0:
        lo = text.rfind("\n", 0, k) + 1
        if EDITORS_NOTE.match(text, lo):
            hi = text.find("\n", k)
            out.append((lo, hi if hi >= 0 else len(text)))
            k = hi if hi >= 0 else len(text)
        k = text.find("编者", k + 2)
    return out


def line_starts(text: str) -> list[int]:
    """Offsets where a line of ``text`` starts (0 and after each line break): where a pattern that
    opens with ``^`` in MULTILINE mode can match, for :func:`finditer_at`."""
    return [0, *(i + 1 for i in stop_positions(text, "\n"))]


def literal_starts(text: str, key: str, offsets: tuple[int, ...]) -> list[int]:
    """Sorted offsets ``k - o`` for each occurrence ``k`` of ``key`` and each ``o`` of ``offsets``:
    where a pattern that holds ``key`` at one of those offsets from its start may match (for
    :func:`finditer_at`). ``key`` is found by ``str.find``, which skips ahead far faster than a
    pattern opening with a class of common characters is tried at each of them."""
    out: set[int] = set()
    k = text.find(key)
    while k >= 0:
        out.update(k - o for o in offsets if k >= o)
        k = text.find(key, k + 1)
    return sorted(out)


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line, line break excluded."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def squeeze_spaces(line: str) -> tuple[str, list[int]]:
    """Drop whitespace inside ``line`` (headings like "潜 江 市 民 政 局"); also return, for each
    kept character, its index in ``line`` so matches can be mapped back to offsets."""
    if not _SPACE.search(line):
        return line, list(range(len(line)))
    kept: list[str] = []
    index: list[int] = []
    for m in _NOT_SPACE_RUN.finditer(line):  # (``\S`` is ``not str.isspace()``: run by run, not per character)
        kept.append(m.group())
        index.extend(range(m.start(), m.end()))
    return "".join(kept), index


_NOT_SPACE_RUN = re.compile(r"\S+")


_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACED_PAIR = re.compile(r"[\u4e00-\u9fff][ \t\u3000]+(?=[\u4e00-\u9fff])")
_CLOSED_PAIR = re.compile(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])")
_WS_RUN = re.compile(r"\s+")


def tidy_headline(line: str) -> str:
    """A headline as a reader writes it: letter-spaced lines ("关 于 社 区 治 理") lose their spaces;
    elsewhere a space separates the parts of a news headline ("村里来了高参 乡亲多了亲人") and stays,
    one space for each run of whitespace."""
    line = line.strip()
    spaced = len(_SPACED_PAIR.findall(line))
    if spaced and spaced >= len(_CLOSED_PAIR.findall(line)):
        return squeeze_spaces(line)[0]
    return _WS_RUN.sub(" ", line)


_PROPER_POS = frozenset({"ns", "nr", "nrt", "nz", "nt", "nrfg"})
_VERBAL_POS = frozenset({"v", "vd", "vn", "d", "ad", "a", "p", "c", "t", "r", "m"})


def _dictionary_paths() -> list[Path]:
    """jieba's bundled dictionary, then our corrections of its tags (``word_tags.txt`` beside this module:
    officials' verbs it tags as proper names, 印发 nz), then any file in data/dicts/ (a later file's entry
    for a word wins)."""
    import importlib.metadata

    paths: list[Path] = []
    try:
        dist = importlib.metadata.distribution("jieba")
        paths.append(Path(str(dist.locate_file("jieba/dict.txt"))))
    except importlib.metadata.PackageNotFoundError:
        pass
    paths.append(Path(__file__).resolve().parent / "word_tags.txt")
    paths.extend(sorted((Path(__file__).resolve().parents[2] / "data" / "dicts").glob("*.txt")))
    return [path for path in paths if path.exists()]


def _dictionary_entries() -> Iterator[tuple[str, int, str]]:
    """(word, frequency, part of speech) of every line of the dictionaries, in order."""
    for path in _dictionary_paths():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit():
                    yield parts[0], int(parts[1]), parts[2] if len(parts) > 2 else "n"


# the lexicon as a dict, once this process has read it whole (``_lexicon``), and whether words are looked up
# in the compact table instead until then (``words_apart``)
_whole: dict[str, tuple[int, str]] | None = None
_apart = False


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[int, str]]:
    """word → (frequency, part of speech) from jieba's bundled dictionary plus our corrections (``_dictionary_paths``).

    Read as plain files (jieba itself is not imported, it prints and caches at initialisation)."""
    global _whole
    _whole = {word: (freq, pos) for word, freq, pos in _dictionary_entries()}
    return _whole


def words_apart() -> None:
    """Have this process look words up (``is_common_word``, ``in_idiom`` and the others below) in a
    compact table of the dictionary (``_WordTable``: ≈ 10 MB) instead of the whole lexicon as a dict
    (≈ 67 MB), unless it has read that already: for a process that reads a few words and extracts
    nothing — the fill of the kept indexes, whose grading asks ``admin_mentions`` of quoted sentences.
    The same answers; each look-up ≈ 2 µs instead of ≈ 0.1."""
    global _apart
    _apart = True


class _WordTable:
    """The dictionary in an in-memory SQLite table (a later file's entry for a word wins, as in
    ``_lexicon``), looked up one word at a time; one per process (a forked one makes its own)."""

    def __init__(self) -> None:
        import sqlite3
        import threading

        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("CREATE TABLE word(w TEXT PRIMARY KEY, freq INTEGER, pos TEXT) WITHOUT ROWID")
        self._db.executemany("INSERT OR REPLACE INTO word VALUES (?, ?, ?)", _dictionary_entries())
        self._db.commit()

    def get(self, word: str) -> tuple[int, str] | None:
        with self._lock:
            row = self._db.execute("SELECT freq, pos FROM word WHERE w = ?", (word,)).fetchone()
        return None if row is None else (row[0], row[1])


_TABLES: dict[int, _WordTable] = {}


def _words() -> Any:
    """What words are looked up in: the lexicon, or (``words_apart``, the lexicon not read) this
    process's table. (The look-ups read ``_whole`` first: the extraction's, once the lexicon is read,
    cost no call.)"""
    if _whole is not None or not _apart:
        return _lexicon()
    import os

    pid = os.getpid()
    table = _TABLES.get(pid)
    if table is None:
        _TABLES.clear()
        table = _TABLES[pid] = _WordTable()
    return table


def lexicon_entry(word: str) -> tuple[int, str] | None:
    """(frequency, part of speech) of ``word`` in the dictionary, or None."""
    return (_whole if _whole is not None else _words()).get(word)


def is_common_word(word: str, min_freq: int = 50) -> bool:
    """True for an ordinary dictionary word (提升, 年度, 情况) rather than a proper name
    (江城, 凤凰 are names; 古楼 is too rare to count)."""
    entry = (_whole if _whole is not None else _words()).get(word)
    return entry is not None and entry[0] >= min_freq and entry[1] not in _PROPER_POS


_IDIOM_POS = frozenset({"i", "l"})  # 成语 and 习用语 in jieba's tags


def in_idiom(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` lie inside an idiom of three or four characters that the dictionary
    knows (长治久安, 大同小异, 白山黑水 is a place's name: tagged ns, not an idiom)?"""
    lex = _whole if _whole is not None else _words()
    for lo in range(max(0, start - 3), start + 1):
        for hi in range(max(end, lo + 3), min(lo + 4, len(text)) + 1):
            entry = lex.get(text[lo:hi])
            if entry is not None and entry[1] in _IDIOM_POS:
                return True
    return False


def is_verbal(word: str) -> bool:
    """True when the dictionary tags ``word`` as a verb, adverb, adjective, numeral… (not a noun)."""
    entry = (_whole if _whole is not None else _words()).get(word)
    return entry is not None and entry[1] in _VERBAL_POS


def looks_like_proper_name(name: str) -> bool:
    """A 2–4 character string that may be a place's proper name: neither it nor its first or last
    two characters are ordinary words (持续推动, 高规格, 足额 are not names)."""
    if is_common_word(name):
        return False
    if len(name) >= 3 and (is_common_word(name[-2:]) or is_common_word(name[-3:])):
        return False
    for head in (name[:2], name[:3]):
        if len(head) < len(name) and is_common_word(head, 20) and _words().get(head)[1] in _VERBAL_POS:
            return False
    return True


# Some mirror sites print a character's pinyin after it (社區(qū), 網(wǎng)格, 經(jīng)費), which splits the words
# the names and cues the steps look for; they are matched on the text without it and their offsets mapped back.
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# (written to open with the literal "(", so the engine skips ahead to it)
_PINYIN_AFTER_HANZI = re.compile(rf"\((?<=[\u4e00-\u9fff]\()[a-zü]{{0,5}}[{_TONES}][a-zü{_TONES}]{{0,5}}\)")


def gloss_span(text: str, pos: int) -> tuple[int, int] | None:
    """The pinyin gloss that starts at ``pos`` or ends there (``經(jīng)費``), or None."""
    # (a gloss opens with "(" and closes with ")": the pattern is tried only where one stands)
    m = _PINYIN_AFTER_HANZI.match(text, pos) if pos < 0 or text[pos:pos + 1] == "(" else None
    if m is None and pos > 0 and text[pos - 1] == ")":
        m = next((g for g in _PINYIN_AFTER_HANZI.finditer(text, max(0, pos - 9), pos) if g.end() == pos), None)
    return (m.start(), m.end()) if m else None


def without_pinyin(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` without inline pinyin, and the map from its offsets back to offsets in ``text``."""
    if "(" not in text or not _PINYIN_AFTER_HANZI.search(text):  # (every gloss opens with "(")
        return text, _same
    kept: list[str] = []
    starts: list[int] = []   # offset in the cleaned text where each kept run begins ...
    origins: list[int] = []  # ... and where that run begins in ``text``
    last = size = 0
    for m in _PINYIN_AFTER_HANZI.finditer(text):
        kept.append(text[last:m.start()])
        starts.append(size)
        origins.append(last)
        size += m.start() - last
        last = m.end()
    kept.append(text[last:])
    starts.append(size)
    origins.append(last)

    def to_text(pos: int) -> int:
        k = bisect_right(starts, pos) - 1
        return origins[k] + pos - starts[k]

    return "".join(kept), to_text


def _same(pos: int) -> int:
    return pos
