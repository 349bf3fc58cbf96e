"""Finisher of ``search``: build (once per graph version) the full-text index from the store's rows,
then search it. See ``queries/fulltext.py`` for the matching and ranking rules."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from queries.finish._common import as_list, best_evidence
from queries.fulltext import FullTextIndex, Searchable

__all__ = ["finish", "searchables"]


def searchables(rows: Iterable[dict[str, Any]]) -> list[Searchable]:
    out = []
    for row in rows:
        if row["kind"] == "Document":
            out.append(Searchable(row["id"], "Document", row.get("name") or "", row.get("text") or "",
                                  doc_id=row["id"], offset=0))
            continue
        ev = best_evidence(row)
        parts = [row.get("name") or "", row.get("definition") or "",
                 *(str(i) for i in as_list(row.get("items")) if i)]
        out.append(Searchable(row["id"], row["kind"], row.get("name") or row["id"],
                              "\n".join(p for p in parts if p), doc_id=ev["doc_id"], offset=None,
                              quote=ev["quote"], start=ev["start"], end=ev["end"]))
    return out


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    index = cached_index(fetch, params, version)
    hits = index.search(params["text"], limit=params["limit"], kinds=params.get("kinds") or None)
    return [{"rank": i + 1, "kind": h.kind, "id": h.key, "name": h.name, "score": h.score, "doc_id": h.doc_id,
             "quote": h.quote, "start": h.start, "end": h.end} for i, h in enumerate(hits)]


def cached_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
                 version: Callable[[], Hashable]) -> FullTextIndex:
    from queries.finish._common import cached

    return cached("search", version, lambda: FullTextIndex(searchables(fetch(params))))


__all__.append("cached_index")
