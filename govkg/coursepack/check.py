"""A citation must contain its fact: the automatic check of a case pack. Every ``Fact`` says what it
claims (``items``: words of the documents it repeats; ``practices``: practices it says are there); a
cited quote supports a fact when it holds at least one of them, and the fact is supported when every
cited quote does and each claim is held by one of them. A row of the comparison table claims the
practices it grades. Quotes and claims are compared after folding widths and dropping quote marks and spaces."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from govkg.coursepack.model import CasePack, Citation, Fact, Section
from graph.model import compact

__all__ = ["Mismatch", "checked", "citation_mismatches", "cut_mark", "fold", "supported_by", "supports"]

_QUOTES = str.maketrans({c: None for c in "“”„‟〝〞＂「」『』‘’‚‛＇\"'"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Mismatch:
    """A cited quote that does not contain what it is cited for (or a claim no quote holds)."""
    where: str
    fact: str
    quote: str
    missing: str


def fold(text: str) -> str:
    """Text compared for containment: NFKC (full-width → half-width), without quote marks or spaces
    (a component 街道大党工委 is the text's 街道“大党工委”)."""
    return compact(text or "").translate(_QUOTES)


def _matchers(practices: Iterable[str]) -> dict[str, Callable[[str], bool]]:
    from govkg.coursepack.relevance import practice_matchers

    return practice_matchers(practices)


def supports(quote: str, item: str | None = None, practice: str | None = None) -> bool:
    """Whether ``quote`` holds the document words ``item`` or names ``practice`` (name, alias or cue)."""
    if item is not None:
        return bool(fold(item)) and fold(item) in fold(quote)
    if practice is not None:
        return _matchers([practice])[practice](quote)
    return False


# the longest measure summary the extraction steps keep (their ``_MAX_SUMMARY``): one that long may stop inside a word
_SUMMARY_CAP = 30
# what may follow a summary that ends where its clause does
_CLAUSE_ENDS = frozenset("。，,；;：:！？!?、）)”’》 \t\n")


def cut_mark(summary: str, citations: Iterable[Citation]) -> str:
    """“…” where ``summary`` was cut at the length cap inside its clause (…每年联合下拨5000万元社区办公用房建设补): the line
    shows where the document's words go on. Only the line shown: the summary itself, which the quotes are checked
    against, stays as the graph holds it."""
    if len(summary) < _SUMMARY_CAP:
        return ""
    for c in citations:
        at = c.quote.find(summary)
        if at >= 0:
            after = c.quote[at + len(summary):at + len(summary) + 1]
            return "…" if after and after not in _CLAUSE_ENDS else ""
    return ""


def supported_by(quote: str, items: Iterable[str] = (), practices: Iterable[str] = ()) -> set[str]:
    """The claims (items and practices) that ``quote`` holds."""
    out = {i for i in items if supports(quote, item=i)}
    out |= {p for p in practices if supports(quote, practice=p)}
    return out


def _fact_mismatches(where: str, text: str, citations: Iterable[Citation], items: tuple[str, ...],
                     practices: tuple[str, ...]) -> list[Mismatch]:
    citations = list(citations)
    if not items and not practices:
        return [Mismatch(where, text, "", "the fact names nothing its quotes could hold")]
    out, held = [], set()
    for ev in citations:
        found = supported_by(ev.quote, items, practices)
        if not found:
            out.append(Mismatch(where, text, ev.quote, "、".join((*items, *practices))))
        held |= found
    out += [Mismatch(where, text, "", claim) for claim in (*items, *practices) if claim not in held]
    return out


def citation_mismatches(pack: CasePack) -> list[Mismatch]:
    """Every cited quote of ``pack`` that does not contain the fact it is cited for; [] when all do."""
    out: list[Mismatch] = []

    def walk(sec: Section, where: str) -> None:
        here = f"{where} / {sec.title}" if where else sec.title
        for f in sec.facts:
            out.extend(_fact_mismatches(here, f.text, f.citations, f.items, f.practices))
        if sec.table is not None:
            header = sec.table.header[1:]
            for i, row in enumerate(sec.table.rows):
                graded = tuple(p for p, cell in zip(header, row[1:]) if cell and cell != "未见记载")
                cites = sec.table.row_citations[i] if i < len(sec.table.row_citations) else ()
                if cites or graded:     # (a row that grades a practice and cites nothing is flagged too)
                    out.extend(_fact_mismatches(here, " | ".join(row), cites, (), graded))
        for sub in sec.subsections:
            walk(sub, here)

    for s in pack.sections:
        walk(s, "")
    return out


def checked(fact: Fact) -> Fact | None:
    """``fact`` with only the citations that hold part of its claim, or None when the claim is not
    fully held by them (the assembler then leaves the statement out)."""
    keep = tuple(ev for ev in fact.citations if supported_by(ev.quote, fact.items, fact.practices))
    if not keep:
        return None
    trimmed = Fact(fact.text, keep, fact.items, fact.practices)
    if _fact_mismatches("", fact.text, keep, fact.items, fact.practices):
        return None
    return trimmed
