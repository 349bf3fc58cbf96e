"""One pass over a text for many cue patterns: a literal-prefix prefilter in front of regexes.

The practice taxonomy has some thirty patterns (aliases and cue regexes per practice). Running
each with ``finditer`` scans the whole text thirty times. Nearly every cue opens with literal
characters (``网格``, ``(?:居住地|社区)[^，。；]{0,8}报到``, ``[三五]社联动``), so the set of strings a
match must start with can be read off the parsed pattern. One overlapping Aho–Corasick pass
(ahocorasick-rs) over all those prefixes finds every offset where some pattern may match; each
pattern is then tried only there (``pattern.match(text, pos)``), in increasing order, skipping
offsets inside its previous match. Because every offset where a match can start is a candidate,
this yields exactly the matches of ``pattern.finditer(text)`` (lookbehinds still see the text
before ``pos``). A pattern without a usable literal prefix falls back to ``finditer``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["CueScanner", "literal_prefixes"]

# prefixes are cut at this length (longer ones add nothing to the prefilter) ...
_MAX_PREFIX = 4
# ... and a pattern whose prefix set would grow past this many strings is scanned by finditer
_MAX_PREFIXES = 256


def _parser():
    try:
        from re import _constants as C  # Python ≥ 3.11
        from re import _parser as P
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as C  # type: ignore[no-redef]
        import sre_parse as P  # type: ignore[no-redef]
    return C, P


class _TooMany(Exception):
    pass


def literal_prefixes(pattern: str, max_len: int = _MAX_PREFIX) -> frozenset[str] | None:
    """Non-empty strings such that every match of ``pattern`` starts with one of them, or None
    when no such set can be read off (a leading ``.``/category/negated class, a nullable
    pattern, a case-insensitive group, too many alternatives)."""
    C, P = _parser()
    repeats = {C.MAX_REPEAT, C.MIN_REPEAT}
    if hasattr(C, "POSSESSIVE_REPEAT"):
        repeats.add(C.POSSESSIVE_REPEAT)

    # a state is (prefix so far, closed): a closed prefix is final (what follows is not literal)
    def close(states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
        return {(s, True) for s, _c in states}

    def chars_of(av) -> list[str] | None:
        out: list[str] = []
        for iop, iav in av:
            if iop is C.LITERAL:
                out.append(chr(iav))
            elif iop is C.RANGE and iav[1] - iav[0] < 64:
                out.extend(chr(c) for c in range(iav[0], iav[1] + 1))
            else:
                return None
        return out

    def extend(states: set[tuple[str, bool]], chars: Sequence[str]) -> set[tuple[str, bool]]:
        out: set[tuple[str, bool]] = set()
        for s, closed in states:
            if closed:
                out.add((s, True))
                continue
            for ch in chars:
                t = s + ch
                out.add((t, len(t) >= max_len))
        if len(out) > _MAX_PREFIXES:
            raise _TooMany
        return out

    def walk(seq, states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
        for op, av in seq:
            if all(c for _s, c in states):
                return states
            if op is C.LITERAL:
                states = extend(states, chr(av))
            elif op is C.IN:
                chars = chars_of(av)
                states = close(states) if chars is None else extend(states, chars)
            elif op is C.SUBPATTERN:
                _group, add_flags, _del_flags, sub = av
                if add_flags & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_LOCALE):
                    states = close(states)
                else:
                    states = walk(sub, states)
            elif op is C.BRANCH:
                out: set[tuple[str, bool]] = set()
                for alt in av[1]:
                    out |= walk(alt, states)
                if len(out) > _MAX_PREFIXES:
                    raise _TooMany
                states = out
            elif op in repeats:
                lo, hi, sub = av
                if lo == hi == 1:
                    states = walk(sub, states)
                elif lo == 0 and hi == 1:
                    states = states | walk(sub, states)
                elif lo >= 1:
                    states = close(walk(sub, states))
                else:
                    states = close(states)
            elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                continue  # consumes nothing: the prefix is still required
            else:
                states = close(states)
        return states

    try:
        parsed = P.parse(pattern)
        if parsed.state.flags & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_LOCALE):
            return None
        states = walk(parsed, {("", False)})
    except (_TooMany, re.error, RecursionError):
        return None
    prefixes = frozenset(s for s, _c in states)
    if not prefixes or "" in prefixes:
        return None
    return prefixes


class CueScanner:
    """Every match of each of ``patterns`` over a text, from one prefilter pass.

    ``scan(text)[i]`` lists the (start, end) of ``patterns[i].finditer(text)``'s matches."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]):
        import ahocorasick_rs

        self.patterns = tuple(patterns)
        self.fallback: list[int] = []
        owners: dict[str, list[int]] = {}
        for i, pat in enumerate(self.patterns):
            prefixes = literal_prefixes(pat.pattern) if not pat.flags & re.IGNORECASE else None
            if prefixes is None:
                self.fallback.append(i)
                continue
            for pre in prefixes:
                owners.setdefault(pre, []).append(i)
        self._strings = list(owners)
        self._owners = [tuple(owners[s]) for s in self._strings]
        # a DFA: the same matches as the default NFA, found in about half the time
        self._auto = (ahocorasick_rs.AhoCorasick(self._strings, matchkind=ahocorasick_rs.MatchKind.Standard,
                                                 implementation=ahocorasick_rs.Implementation.DFA)
                      if self._strings else None)

    def _candidates(self, text: str) -> dict[int, set[int]]:
        """Pattern index → offsets where one of its prefixes occurs (patterns with none left out)."""
        candidates: dict[int, set[int]] = {}
        if self._auto is not None:
            owners = self._owners
            for idx, start, _end in self._auto.find_matches_as_indexes(text, overlapping=True):
                for i in owners[idx]:
                    got = candidates.get(i)
                    if got is None:
                        candidates[i] = {start}
                    else:
                        got.add(start)
        return candidates

    def scan(self, text: str) -> list[list[tuple[int, int]]]:
        out: list[list[tuple[int, int]]] = [[] for _ in self.patterns]
        for i in self.fallback:
            out[i] = [m.span() for m in self.patterns[i].finditer(text)]
        for i, starts in self._candidates(text).items():
            found = out[i]
            reach = 0
            match = self.patterns[i].match
            for pos in sorted(starts):
                if pos < reach:
                    continue
                m = match(text, pos)
                if m is not None:
                    found.append(m.span())
                    # finditer resumes at the match end (one further on an empty match)
                    reach = m.end() if m.end() > pos else pos + 1
        return out

    def any_match(self, text: str) -> list[bool]:
        """Per pattern, whether ``scan(text)`` would list at least one match (stops at the first)."""
        out = [False] * len(self.patterns)
        for i in self.fallback:
            out[i] = self.patterns[i].search(text) is not None
        if self._auto is None:
            return out
        # the first candidate that matches is finditer's first match: no earlier one is skipped, so
        # a pattern is settled by any candidate that matches (tried straight from the prefix hits,
        # without gathering them per pattern first; a settled pattern is not tried again)
        owners, patterns = self._owners, self.patterns
        for idx, start, _end in self._auto.find_matches_as_indexes(text, overlapping=True):
            for i in owners[idx]:
                if not out[i] and patterns[i].match(text, start) is not None:
                    out[i] = True
        return out
