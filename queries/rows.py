"""Helpers shared by the queries' ``finish``: evidence choice, stable sorting, per-version index cache."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import compress, count
from typing import Any

from graph.heap import freeze_heap
from graph.model import NO_EVIDENCE, Evidence

__all__ = ["NO_EVIDENCE", "Evidence", "as_list", "best_evidence", "best_rows", "cached", "evidence_entries", "evidence_entry",
           "freeze_heap", "head_quote", "identity", "pick_evidence", "uncache"]



def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def evidence_entries(row: dict[str, Any], prefix: str = "ev_") -> list[Evidence]:
    """The entries of a row's parallel evidence lists (``ev_doc``/``ev_start``/``ev_end``/``ev_quote``)."""
    docs = as_list(row.get(prefix + "doc"))
    starts = as_list(row.get(prefix + "start"))
    ends = as_list(row.get(prefix + "end"))
    quotes = as_list(row.get(prefix + "quote"))
    out = []
    for i, doc in enumerate(docs):
        if doc is None:
            continue
        out.append(Evidence(doc, int(starts[i]) if i < len(starts) and starts[i] is not None else None,
                            int(ends[i]) if i < len(ends) and ends[i] is not None else None,
                            quotes[i] if i < len(quotes) else None))
    return out


def evidence_entry(row: dict[str, Any], i: int, prefix: str = "ev_") -> Evidence:
    """Entry ``i`` of a row's evidence lists, as :func:`evidence_entries` gives it."""
    starts = _seq(row.get(prefix + "start"))
    ends = _seq(row.get(prefix + "end"))
    quotes = _seq(row.get(prefix + "quote"))
    start = starts[i] if i < len(starts) else None
    end = ends[i] if i < len(ends) else None
    return Evidence(_seq(row.get(prefix + "doc"))[i], None if start is None else int(start),
                    None if end is None else int(end), quotes[i] if i < len(quotes) else None)


def _ev_key(ev: Evidence) -> tuple[Any, ...]:
    return (ev.doc_id or "", ev.start if ev.start is not None else -1, ev.end or -1)


def pick_evidence(entries: Sequence[Evidence], prefer_docs: set[str] | None = None) -> Evidence:
    """One entry, chosen the same way on every store: one with a quote, from ``prefer_docs`` if any, then
    the first by (doc, start)."""
    if not entries:
        return NO_EVIDENCE
    pool = [e for e in entries if e.quote] or list(entries)
    pool = [e for e in pool if prefer_docs and e.doc_id in prefer_docs] or pool
    return min(pool, key=_ev_key)


def _seq(value: Any) -> Sequence[Any]:
    """``as_list`` without the copy (for reading only)."""
    return value if isinstance(value, (list, tuple)) else as_list(value)


def best_evidence(row: dict[str, Any], prefix: str = "ev_") -> Evidence:
    """``pick_evidence(evidence_entries(row, prefix))`` without building a dict per entry: one pass over
    the parallel lists (a policy cited by every document carries one entry per citing document)."""
    docs = _seq(row.get(prefix + "doc"))
    if not docs:
        return NO_EVIDENCE
    if len(docs) == 1:                     # most facts: one sentence of one document (``evidence_entry``, inlined)
        if docs[0] is None:
            return NO_EVIDENCE
        starts = _seq(row.get(prefix + "start"))
        ends = _seq(row.get(prefix + "end"))
        quotes = _seq(row.get(prefix + "quote"))
        start = starts[0] if starts else None
        end = ends[0] if ends else None
        return Evidence(docs[0], None if start is None else int(start), None if end is None else int(end),
                        quotes[0] if quotes else None)
    starts = _seq(row.get(prefix + "start"))
    ends = _seq(row.get(prefix + "end"))
    quotes = _seq(row.get(prefix + "quote"))
    n_starts, n_ends, n_quotes = len(starts), len(ends), len(quotes)
    n = len(docs)
    if n_starts == n_ends == n_quotes == n and None not in docs and None not in starts and None not in ends \
            and 0 not in ends and set(map(type, starts)) == {int} == set(map(type, ends)):
        # every entry complete (what the stores load): the same choice, the keys compared in C — a
        # hub's tens of thousands of entries cost a tenth of the loop below
        best = min(compress(zip(docs, starts, ends, range(n)), quotes), default=None) or min(zip(docs, starts, ends, range(n)))
        i = best[3]
        return Evidence(docs[i], int(starts[i]), int(ends[i]), quotes[i])
    best_key: tuple[Any, ...] | None = None
    best_i = -1
    best_quoted = False
    for i, doc in enumerate(docs):
        if doc is None:
            continue
        quoted = bool(quotes[i]) if i < n_quotes else False
        if best_quoted and not quoted:
            continue
        start = int(starts[i]) if i < n_starts and starts[i] is not None else None
        end = int(ends[i]) if i < n_ends and ends[i] is not None else None
        key = (doc or "", start if start is not None else -1, end or -1)
        if best_key is None or (quoted and not best_quoted) or key < best_key:
            best_key, best_i, best_quoted = key, i, quoted
    if best_i < 0:
        return NO_EVIDENCE
    i = best_i
    return Evidence(docs[i], int(starts[i]) if i < n_starts and starts[i] is not None else None,
                    int(ends[i]) if i < n_ends and ends[i] is not None else None,
                    quotes[i] if i < n_quotes else None)


def best_rows(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> list[dict[str, Any]]:
    """The raw rows ``fetch(params)`` gives, each evidence list holding at least the entry
    ``best_evidence`` picks from all of it: only that one where the store reads it alone
    (``registry.Fetch.best_only``, the embedded store), else every entry. For a finisher that reads
    no other entry; ``fetch`` may be any function of the parameters."""
    best = getattr(fetch, "best_only", None)
    return best(params) if best is not None else fetch(params)


def head_quote(doc_id: str | None, head: str | None) -> Evidence:
    """Evidence for a whole document: its first non-blank line (cut to 80 characters) and that line's span."""
    text = head or ""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            quote = stripped[:80]
            return Evidence(doc_id, start, start + len(quote), quote)
        pos += len(line) + 1
    return Evidence(doc_id, None, None, None)


_CACHE: dict[tuple[str, Hashable], Any] = {}
KEEP = 4
_IDENTITIES = count(1)


def identity(obj: Any) -> int:
    """A number that is ``obj``'s for as long as it lives and that no other object of this process ever
    gets: what a cache key names a store or a graph by. (``id`` is reused once an object is gone: a new
    store at the old one's address, at the same write counter, would be handed the old one's answers.)"""
    serial = obj.__dict__.get("_govkg_identity")
    if serial is None:
        serial = obj.__dict__.setdefault("_govkg_identity", next(_IDENTITIES))
    return serial


def cached(name: str, version: Callable[[], Hashable], build: Callable[[], Any]) -> Any:
    """``build()`` once per (name, graph version); at most ``KEEP`` versions per name are kept
    (several stores may be open side by side, e.g. in the conformance tests)."""
    key = (name, version())
    hit = _CACHE.get(key)
    if hit is None:
        same = [k for k in _CACHE if k[0] == name]
        for old in same[:max(0, len(same) - KEEP + 1)]:
            del _CACHE[old]
        hit = _CACHE[key] = build()
        freeze_heap()          # the new index is long-lived: keep the collector from rescanning it
    return hit


def uncache(name: str, version: Callable[[], Hashable]) -> None:
    """Forget what ``cached`` holds for (``name``, this graph version)."""
    _CACHE.pop((name, version()), None)
