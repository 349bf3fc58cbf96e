"""Reading evidence out of query rows, whichever shape a query returns it in: the graph's
parallel lists (``ev_doc``/``ev_start``/``ev_end``/``ev_quote``), an ``evidence`` list of dicts, or
one ``doc_id``/``start``/``end``/``quote`` at the top level."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govkg.coursepack.model import Citation

__all__ = ["as_list", "display_title", "evidence_of", "first"]


def as_list(v: Any) -> list:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return list(v)
    return [v]


def first(row: Mapping[str, Any], *keys: str, default: Any = "") -> Any:
    for k in keys:
        v = row.get(k)
        if v not in (None, "", []):
            return v
    return default


def _one(d: Mapping[str, Any], titles: Mapping[str, str]) -> Citation | None:
    doc = d.get("doc_id") or d.get("doc") or d.get("ev_doc")
    start, end = d.get("start", d.get("ev_start")), d.get("end", d.get("ev_end"))
    quote = d.get("quote") or d.get("ev_quote") or d.get("sentence") or ""
    if not doc or start is None or end is None:
        return None
    title = d.get("doc_title") or titles.get(str(doc), "")
    return Citation.of(str(doc), int(start), int(end), str(quote), str(title or ""))


def evidence_of(row: Mapping[str, Any], titles: Mapping[str, str] | None = None) -> tuple[Citation, ...]:
    """The quotes behind a row, whichever way the query returned them: the graph's parallel lists
    (``ev_doc``/``ev_start``/``ev_end``/``ev_quote``), an ``evidence`` list of dicts, or one
    ``doc_id``/``start``/``end``/``quote`` at the top level. Duplicates are dropped, order kept."""
    titles = titles or {}
    out: list[Citation] = []
    docs = row.get("ev_doc")
    if isinstance(docs, (list, tuple)):
        starts, ends = as_list(row.get("ev_start")), as_list(row.get("ev_end"))
        quotes = as_list(row.get("ev_quote")) or [""] * len(docs)
        for d, s, e, q in zip(docs, starts, ends, quotes):
            out.append(Citation.of(str(d), int(s), int(e), str(q or ""), titles.get(str(d), "")))
    for key in ("evidence", "quotes"):
        for item in as_list(row.get(key)):
            if isinstance(item, Mapping):
                ev = _one(item, titles)
                if ev:
                    out.append(ev)
    if not out and ("quote" in row or "ev_quote" in row):
        ev = _one(row, titles)
        if ev:
            out.append(ev)
    seen: set[tuple[str, int | str, int]] = set()
    return tuple(e for e in out if not (e.key in seen or seen.add(e.key)))




def display_title(doc: Mapping[str, Any]) -> str:
    """How a document is named to people: its title, else its place and kind (and date) —
    never its id. ``doc`` is a ``document`` or ``inventory`` row (``subject_place`` or ``place``)."""
    if doc.get("title") or doc.get("name"):
        return str(doc.get("title") or doc.get("name"))
    kind = doc.get("kind") if doc.get("kind") not in (None, "", "其他") else "文档"
    place = doc.get("subject_place") or doc.get("place") or ""
    return f"{place}{kind}" + (f"（{doc['date']}）" if doc.get("date") else "")
