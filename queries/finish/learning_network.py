"""Finisher of ``learning_network``: learning edges, then diffusion of shared model names and practices.

Diffusion rows: for each named-model name used by two or more places, and each practice, the places in
the order they first appear (earliest supporting document year; unknown years last); ``source`` is the
earliest place, so each row reads "learner took up *what*, first seen at *source*".
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.finish._common import as_list, best_evidence, cached

__all__ = ["finish"]


def _year_key(year: Any) -> int:
    return int(year) if year is not None else 99999


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    """The whole network is computed once per graph version; ``limit`` cuts each section."""
    sections = cached("learning_network", version, lambda: _sections(fetch(params)))
    return [row for rows in sections for row in rows[:params["limit"]]]


def _sections(raw: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    learned, spread = [], {"model": {}, "practice": {}}
    for row in raw:
        ev = best_evidence(row)
        year = int(row["year"]) if row.get("year") is not None else None
        if row["section"] == "learned_from":
            learned.append({"section": "learned_from", "learner_id": row["learner_id"], "learner": row["learner"],
                            "source_id": row["source_id"], "source": row["source"],
                            "what": "；".join(str(w) for w in as_list(row.get("what")) if w) or None,
                            "year": year, **ev})
            continue
        name = next((str(w) for w in as_list(row.get("what")) if w), None)
        if name is None:
            continue
        by_place = spread[row["section"]].setdefault(name, {})
        old = by_place.get(row["learner_id"])
        cand = {"learner_id": row["learner_id"], "learner": row["learner"], "year": year, **ev}
        if old is None or (_year_key(year), ev["doc_id"] or "") < (_year_key(old["year"]), old["doc_id"] or ""):
            by_place[row["learner_id"]] = cand
    learned.sort(key=lambda r: (_year_key(r["year"]), r["learner_id"], r["source_id"]))
    out = [learned]
    for section in ("model", "practice"):
        rows = []
        for name, by_place in sorted(spread[section].items()):
            if section == "model" and len(by_place) < 2:
                continue
            ordered = sorted(by_place.values(), key=lambda r: (_year_key(r["year"]), r["learner_id"]))
            first = ordered[0]
            for r in ordered:
                rows.append({"section": section, "learner_id": r["learner_id"], "learner": r["learner"],
                             "source_id": first["learner_id"], "source": first["learner"], "what": name,
                             "year": r["year"], "doc_id": r["doc_id"], "quote": r["quote"],
                             "start": r["start"], "end": r["end"]})
        out.append(rows)
    return out
