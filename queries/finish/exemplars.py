"""Finisher of ``exemplars``: rank places by the strength of their evidence for one practice.

strength = recognition (national 10, provincial 6, media 3) + 2 per quantified piece (at most 5)
+ 1 per described piece (at most 5) + 2 per supporting document (at most 5).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.finish._common import as_list, best_evidence, cached, evidence_entry
from queries.finish.compare_cities import grade_piece
from queries.grading import grade_rank, recognition

__all__ = ["RECOGNITION_POINTS", "finish"]

RECOGNITION_POINTS = {"national": 10, "provincial": 6, "media": 3}
_LEVELS = list(RECOGNITION_POINTS)
_PRACTICES_KEPT = 256    # rankings kept per graph version (one per practice asked for)


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    """The top ``k`` places. The whole ranking depends only on the graph and the practice and costs time
    linear in the practice's measures (tens of thousands for a common practice in a national corpus),
    so it is kept per graph version and practice: a later call, any ``k``, only slices it."""
    rankings = cached("exemplars", version, dict)
    ranked = rankings.get(params["practice"])
    if ranked is None:
        if len(rankings) >= _PRACTICES_KEPT:
            rankings.clear()
        ranked = rankings[params["practice"]] = _rank(fetch(params))
    return [{**r, "rank": i + 1} for i, r in enumerate(ranked[:params["k"]])]


def _rank(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    places: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        key = (row["place_id"], row["source"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        ev = best_evidence(row)
        grade = grade_piece(row, ev["quote"])
        acc = places.setdefault(row["place_id"], {"place": row["place"], "pieces": [], "docs": set(),
                                                  "recognised": [], "measures": 0})
        docs = as_list(row.get("ev_doc"))
        quotes = as_list(row.get("ev_quote"))
        acc["docs"].update(d for d in docs if d is not None)
        acc["measures"] += row["source"] == "measure"
        acc["pieces"].append((grade_rank(grade), ev["doc_id"] or "", ev["start"] or 0, grade, ev))
        for i, doc in enumerate(docs):
            if doc is None:
                continue
            level = recognition((quotes[i] if i < len(quotes) else None) or "")
            if level:
                e = evidence_entry(row, i)
                acc["recognised"].append((_LEVELS.index(level), doc, e["start"] or 0, level, e))
    out = []
    for pid, acc in places.items():
        pieces = sorted(acc["pieces"], key=lambda t: t[:3])
        figures = sum(1 for p in pieces if p[3] == "quantified")
        described = sum(1 for p in pieces if p[3] == "described")
        best_rec = min(acc["recognised"], key=lambda t: t[:3]) if acc["recognised"] else None
        level = best_rec[3] if best_rec else None
        strength = (RECOGNITION_POINTS.get(level, 0) if level else 0) + 2 * min(figures, 5) \
            + min(described, 5) + 2 * min(len(acc["docs"]), 5)
        ev = best_rec[4] if best_rec else pieces[0][4]
        out.append({"place_id": pid, "place": acc["place"], "strength": strength, "grade": pieces[0][3],
                    "figures": figures, "recognition": level, "documents": len(acc["docs"]),
                    "measure_count": acc["measures"], **ev})
    out.sort(key=lambda r: (-r["strength"], grade_rank(r["grade"]), r["place_id"]))
    return out
