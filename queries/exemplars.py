"""The named query ``exemplars``: ``fetch`` gives the embedded store the raw rows ``exemplars.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/exemplars.cypher`` (same parameters, same raw rows).

finish: Finisher of ``exemplars``: rank places by the strength of their evidence for one practice.

strength = recognition (national 10, provincial 6, media 3) + 2 per quantified piece (at most 5)
+ 1 per described piece (at most 5) + 2 per supporting document (at most 5). Recognition counts only
from a sentence about the place itself (``grading.recognition_about``); a piece is quantified only
where a figure measures the practice there (``grading``).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graph.model import Evidence
from queries.compare_cities import graded
from queries.grading import grade_rank, recognition_about
from queries.kept import dumps, kept_reader, loads
from queries.rows import as_list, cached, evidence_entry
from queries.spec import EVIDENCE, K, Param, QuerySpec
from queries.walk import ev_lists, in_edges, measuring_figures, named, out_edges, place_scope, preload

__all__ = ["RECOGNITION_POINTS", "SPEC", "KeptRankings", "build_index", "fetch", "finish"]

SPEC = QuerySpec(
    "exemplars", "典型地方",
    "Places ranked by the strength of their evidence for a practice: figures, recognition by a higher "
    "level (provincial bulletins, national pilots), number of documents; with the best quote.",
    (Param("practice", "str", "canonical practice name, e.g. 红色物业", required=True, names="Practice"), K),
    ("rank", "place_id", "place", "strength", "grade", "figures", "recognition", "documents",
     "measure_count", *EVIDENCE),
    examples=({"practice": "红色物业"}, {"practice": "党建引领", "k": 3}),
)


_NO_FIGS = {"metrics": 0, "fig_doc": [], "fig_start": [], "fig_end": [], "fig_quote": []}


def fetch(g: Any, practice: str, k: int = 10) -> list[dict[str, Any]]:
    rows = []
    nodes = g._node          # the attribute dicts themselves (``g.nodes[n]`` builds a view per call)
    scopes: dict[str, set[str]] = {}
    for x in named(g, "Practice", practice):
        name = nodes[x].get("name")
        instances = list(in_edges(g, x, "INSTANCE_OF"))
        _preload(g, [m for m, _ in instances])
        for m, r in instances:
            n = nodes[m]
            if m.startswith("me_"):
                for q, _ in in_edges(g, m, "IMPLEMENTS"):
                    within = scopes.get(q)
                    if within is None:
                        within = scopes[q] = set(place_scope(g, q, 2))
                    rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "measure", "id": m,
                                 "summary": n.get("summary"), "status": n.get("status"),
                                 **measuring_figures(g, m, name, within), **ev_lists(r)})
            elif m.startswith("nm_"):
                for q, _ in out_edges(g, m, "OWNED_BY"):
                    rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "model", "id": m,
                                 "summary": n.get("name"),
                                 "status": "described" if n.get("components") else None, **_NO_FIGS,
                                 **ev_lists(r)})
        for q, r in in_edges(g, x, "ADOPTS"):
            rows.append({"place_id": q, "place": nodes[q].get("name"), "source": "adopts", "id": x,
                         "summary": None, "status": None, **_NO_FIGS, **ev_lists(r)})
    return rows


def _preload(g: Any, instances: list[str]) -> None:
    """What ``fetch`` walks from a practice's measures and models, loaded level by level in bulk."""
    measures = [m for m in instances if m.startswith("me_")]
    preload(g, measures, "IMPLEMENTS", False)
    preload(g, measures, "HAS_METRIC", True)
    preload(g, [m for m in instances if m.startswith("nm_")], "OWNED_BY", True)
    preload(g, [mt for m in measures for mt, _ in out_edges(g, m, "HAS_METRIC")], "FOR_PLACE", True)
    level = list(dict.fromkeys(q for m in measures for q, _ in in_edges(g, m, "IMPLEMENTS")))
    for _ in range(2):                                       # place_scope(…, 2): two levels of PART_OF
        preload(g, level, "PART_OF", False)
        level = list(dict.fromkeys(c for q in level for c, _ in in_edges(g, q, "PART_OF")))


RECOGNITION_POINTS = {"national": 10, "provincial": 6, "media": 3}
_LEVELS = list(RECOGNITION_POINTS)
_TOP = 200               # rankings are kept this deep: the ``k`` parameter's maximum
_KEPT = 256              # rankings kept per graph version (one per practice asked for)


@dataclass
class _Rankings:
    """One graph version's rankings so far. (The graded pieces are not shared between practices: a
    measure's piece depends on the practice, since only figures that measure that practice count.)"""
    by_practice: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    """The top ``k`` places. A ranking depends only on the graph and the practice and costs time linear
    in the practice's measures (tens of thousands for a common practice in a national corpus), so it
    is kept per graph version and practice: a later call, any ``k``, only slices it. A measure of
    several practices is graded for each. On the embedded store a build keeps every practice's ranking
    (``queries/kept.py``), so even a first call reads one entry."""
    practice = params["practice"]
    reader = kept_reader("exemplars", version)          # the rankings a build kept in the store
    kept = reader.get("r:" + practice) if reader is not None else None
    if kept is not None:
        return [{**r, "rank": i + 1} for i, r in enumerate(loads(kept)[:params["k"]])]
    rankings = cached("exemplars", version, _Rankings)
    ranked = rankings.by_practice.get(practice)
    if ranked is None:
        if len(rankings.by_practice) >= _KEPT:
            rankings.by_practice.clear()
        ranked = rankings.by_practice[practice] = _rank(fetch(params))[:_TOP]
    return [{**r, "rank": i + 1} for i, r in enumerate(ranked[:params["k"]])]


class KeptRankings:
    """Every practice's ranking (``_TOP`` deep), as a build keeps them in the store (``queries/kept.py``)."""

    def __init__(self, rankings: dict[str, list[dict[str, Any]]]):
        self.rankings = rankings

    def kept_entries(self) -> list[tuple[str, bytes]]:
        return [("r:" + practice, dumps(ranked)) for practice, ranked in self.rankings.items()]


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> KeptRankings:
    """The rankings of ``params["practices"]``, as ``finish`` makes each on its first call."""
    return KeptRankings({practice: _rank(fetch({"practice": practice, "k": _TOP}))[:_TOP]
                         for practice in params["practices"]})


class _Piece(NamedTuple):
    """One raw row's contribution to its place: graded evidence, documents, recognition found."""
    order: tuple[int, str, int]
    grade: str
    evidence: Evidence
    docs: tuple[str, ...]
    is_measure: bool
    recognised: tuple[tuple[int, str, int, str, Evidence], ...]


def _piece(row: dict[str, Any]) -> _Piece:
    grade, ev = graded(row)
    docs = as_list(row.get("ev_doc"))
    quotes = as_list(row.get("ev_quote"))
    recognised = []
    for i, doc in enumerate(docs):
        if doc is None:
            continue
        level = recognition_about((quotes[i] if i < len(quotes) else None) or "", row["place_id"],
                                  row["place"] or "")
        if level:
            e = evidence_entry(row, i)
            recognised.append((_LEVELS.index(level), doc, e.start or 0, level, e))
    return _Piece((grade_rank(grade), ev.doc_id or "", ev.start or 0), grade, ev,
                  tuple(d for d in docs if d is not None), row["source"] == "measure", tuple(recognised))


def _rank(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places ranked by strength (rows of one practice)."""
    places: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        key = (row["place_id"], row["source"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        piece = _piece(row)
        acc = places.setdefault(row["place_id"], {"place": row["place"], "pieces": [], "docs": set(),
                                                  "recognised": [], "measures": 0})
        acc["docs"].update(piece.docs)
        acc["measures"] += piece.is_measure
        acc["pieces"].append((*piece.order, piece.grade, piece.evidence))
        acc["recognised"].extend(piece.recognised)
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
                    "measure_count": acc["measures"], **ev.columns()})
    out.sort(key=lambda r: (-r["strength"], grade_rank(r["grade"]), r["place_id"]))
    return out
