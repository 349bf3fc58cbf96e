"""Reading the evidence of query rows: every row with a fact carries one ``Evidence`` as its columns
``doc_id``/``start``/``end``/``quote`` (``graph.model.Evidence.columns``), read back by
``Evidence.of_columns``."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govkg.coursepack.model import Citation
from graph.model import Evidence
from queries.rows import as_list

__all__ = ["as_list", "display_title", "evidence_of", "first"]


def first(row: Mapping[str, Any], *keys: str, default: Any = "") -> Any:
    for k in keys:
        v = row.get(k)
        if v not in (None, "", []):
            return v
    return default


def evidence_of(row: Mapping[str, Any], titles: Mapping[str, str] | None = None,
                prefix: str = "") -> tuple[Citation, ...]:
    """The quote behind a query row (its evidence columns, names after ``prefix``) as a citation with
    its document's title from ``titles``; none when the row has no document or span."""
    ev = Evidence.of_columns(row, prefix)
    if not ev.doc_id or ev.start is None or ev.end is None:
        return ()
    doc = str(ev.doc_id)
    return (Citation.of(doc, ev.start, ev.end, str(ev.quote or ""), (titles or {}).get(doc, "")),)


def display_title(doc: Mapping[str, Any]) -> str:
    """How a document is named to people: its title, else its place and kind (and date) —
    never its id. ``doc`` is a ``document`` or ``inventory`` row (``subject_place`` or ``place``)."""
    if doc.get("title") or doc.get("name"):
        return str(doc.get("title") or doc.get("name"))
    kind = doc.get("kind") if doc.get("kind") not in (None, "", "其他") else "文档"
    place = doc.get("subject_place") or doc.get("place") or ""
    return f"{place}{kind}" + (f"（{doc['date']}）" if doc.get("date") else "")
