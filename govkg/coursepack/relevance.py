"""What in a quote belongs to a practice: whether a text mentions it (its name, aliases or cues from
the practice taxonomy), the sentence of a long quote that does, whether a measure summary is only a
section title of the document, and tidying figure subjects. Plain text rules, no store.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from graph.quotes import sentences as split_sentences

__all__ = ["clean_subject", "figure_clause", "focus_sentence", "is_section_title", "practice_matchers",
           "whole_definition"]

Matcher = Callable[[str], bool]

# A reply to a proposal is organised under headings that name the proposal's point, e.g.
# “（三）关于‘建立健全社区管理机制’的情况”, “关于加强社区建设的建议”, “一、基本情况”: they title a
# section and say nothing about what was done.
_TITLE = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:关于.{2,40}?的?(?:情况|问题|建议|意见|答复|办理)"
                    r"|[^，,。；]{0,12}(?:基本情况|主要做法|存在问题|下一步打算|工作打算|工作成效))[。：:]?$")
_LEAD = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．]|[一二三四五六七八九十]是"
                   r"|(?:首先|其次|再次|最后|同时|此外|另外|目前|近年来)[，,])\s*")


def practice_matchers(practices: Iterable[str]) -> dict[str, Matcher]:
    """practice name -> a test whether a text mentions it: the taxonomy's pattern (name, aliases and
    cues) where the practice is in ``data/practices.json``, else the name itself."""
    names = list(dict.fromkeys(p for p in practices if p))
    patterns: dict[str, re.Pattern[str]] = {}
    from loaders.reference import fold_name, load_taxonomy, without_pinyin

    def read(text: str) -> str:
        return fold_name(without_pinyin(text)[0])

    if names:
        tax = load_taxonomy()
        for n in names:
            p = tax.by_name.get(n)
            if p is not None:
                patterns[n] = p.pattern
    out: dict[str, Matcher] = {}
    # a text in traditional characters (制定《鄰里公約》), or a mirror page's with pinyin after some of them
    # (專項(xiàng)經(jīng)費), is read as the extraction read it: folded to simplified ones, without the glosses
    for n in names:
        pat = patterns.get(n)
        out[n] = (lambda t, pat=pat, n=n: bool(t) and (n in (f := read(t)) or bool(pat.search(f))))  \
            if pat is not None else (lambda t, n=n: bool(t) and n in read(t))
    return out


def is_section_title(summary: str) -> bool:
    """True for a measure summary that is a heading of the document (“关于…的情况”, “二、主要做法”)
    rather than something done."""
    s = summary.strip().strip("。")
    return bool(s) and bool(_TITLE.match(s))


def focus_sentence(quote: str, mentions: Matcher, name: str = "", limit: int = 90) -> str:
    """The first sentence of ``quote`` that names the practice (``name``), else the first that mentions
    it by a cue, without a list lead-in (“一是”, “（三）”, “目前，”) and cut to ``limit`` characters;
    "" when none does."""
    sentences = [s for s in split_sentences(quote) if not is_section_title(s)]
    hit = next((s for s in sentences if name and name in s), None) or next((s for s in sentences if mentions(s)), "")
    hit = _LEAD.sub("", hit).rstrip("。；;，,")
    return hit if len(hit) <= limit else _around_mention(hit, mentions, name, limit)


_CLAUSE_CUT = re.compile(r"(?<=[，,；;：:])")


def _around_mention(sentence: str, mentions: Matcher, name: str, limit: int) -> str:
    """A sentence longer than ``limit`` cut to the clauses around the first that names the practice (by
    name, else by a cue), “…” where it is cut: the words that name it are kept (a long sentence cut at
    its start lost them: “…推选楼栋长，组织居民制定小区居民公约…” showed only its first 90 characters)."""
    clauses = [c for c in _CLAUSE_CUT.split(sentence) if c]
    at = next((i for i, c in enumerate(clauses) if name and name in c), None)
    if at is None:
        at = next((i for i, c in enumerate(clauses) if mentions(c)), 0)
    lo, hi, size = at, at + 1, len(clauses[at])
    while True:
        grown = False
        if hi < len(clauses) and size + len(clauses[hi]) <= limit - 2:
            size, hi, grown = size + len(clauses[hi]), hi + 1, True
        if lo > 0 and size + len(clauses[lo - 1]) <= limit - 2:
            size, lo, grown = size + len(clauses[lo - 1]), lo - 1, True
        if not grown:
            break
    whole = "".join(clauses[lo:hi]).rstrip("，,；;：:")
    text = whole[:limit - 2]        # (one clause longer than the limit is cut at its end)
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(clauses) or len(text) < len(whole) else "")


def clean_subject(subject: str) -> str:
    """A figure's subject without leading punctuation or spaces (“/社区标准安排…” → “社区标准安排…”)."""
    i = 0
    while i < len(subject) and (subject[i].isspace() or unicodedata.category(subject[i]).startswith(("P", "S"))):
        i += 1
    return subject[i:].rstrip(" ，,：:")


_CLAUSE_MARKS = "，,；;。！？!?：:\n"
CLAUSE_MAX = 60


def figure_clause(quote: str, as_written: str, limit: int = CLAUSE_MAX, subject: str = "") -> str:
    """The clause of ``quote`` (between ，；。：) that holds the figure ``as_written``, without a list
    lead-in — what the figure counts and where, as the document says it; "" when the figure is not in
    the quote or the clause is longer than ``limit``. The figure is matched as a whole number (“3名” is
    not the tail of “103名”); where the quote holds it more than once, the clause that also names
    ``subject`` (what the figure counts) is taken, else the first."""
    chars = [c for c in as_written if not c.isspace()]
    if not chars:
        return ""
    pattern = r"\s*".join(map(re.escape, chars))
    if chars[0].isdigit():
        pattern = r"(?<![\d.．])" + pattern
    if chars[-1].isdigit():
        pattern += r"(?![\d.．])"
    clauses = []
    for found in re.finditer(pattern, quote):
        pos, end = found.span()
        left = max((quote.rfind(c, 0, pos) for c in _CLAUSE_MARKS), default=-1) + 1
        ends = [i for i in (quote.find(c, end) for c in _CLAUSE_MARKS) if i >= 0]
        right = min(ends) if ends else len(quote)
        clause = _LEAD.sub("", quote[left:right].strip())
        if found.group() in clause:
            clauses.append(clause)
    clause = next((c for c in clauses if subject and subject in c), clauses[0] if clauses else "")
    return clause if len(clause) <= limit else ""


def whole_definition(definition: str, quote: str | None) -> str:
    """A named model's definition as people should read it: the extractor's ``definition`` when it is a
    whole sentence, else (cut short: “…为濮阳社区治理体系和治理能力现代化指明”) the quoted sentence that
    holds it."""
    d = (definition or "").strip()
    if d and d[-1] not in "。！？；!?;”）)" and quote and d in quote:
        return quote.strip()
    return d
