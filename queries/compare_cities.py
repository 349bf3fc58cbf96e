"""The named query ``compare_cities``: ``fetch`` gives the embedded store the raw rows ``compare_cities.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/compare_cities.cypher`` (same parameters, same raw rows).

finish: Finisher of ``compare_cities``: grade every piece of evidence and build the place × practice cells.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from graph.model import Evidence
from queries.grading import grade_evidence, grade_rank
from queries.rows import NO_EVIDENCE, best_evidence
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import ev_lists, find_places, in_edges, measuring_figures, out_edges, place_scope, preload

__all__ = ["SPEC", "fetch", "finish", "grade_piece", "graded"]

SPEC = QuerySpec(
    "compare_cities", "城市对比",
    "A place × practice matrix: each cell lists the measures (measure_list: each with its grade, the "
    "sentence naming the practice and the sentence stating it), the best quote and an evidence grade "
    "(quantified: a figure of the place measures the practice; described: a concrete measure; claimed: "
    "a statement or a plan only).",
    (Param("places", "list[str]", "two or more places (repeat, or separate with commas)", required=True,
           names="Place"),
     Param("practices", "list[str]", "practices to show (default: all the places have)", default=[],
           names="Practice")),
    ("place_id", "place", "practice", "grade", "measures", "measure_count", "measure_list", *EVIDENCE),
    examples=({"places": ["濮阳市", "潜江市"]}, {"places": ["咸宁市", "濮阳市", "潜江市"], "practices": ["党建引领", "网格化治理"]}),
)


_NO_FIGS = {"metrics": 0, "fig_doc": [], "fig_start": [], "fig_end": [], "fig_quote": [],
            "own_doc": [], "own_start": [], "own_end": [], "own_quote": []}


def _own(n: dict[str, Any]) -> dict[str, list[Any]]:
    return {"own_" + k[3:]: v for k, v in ev_lists(n).items()}


def fetch(g: Any, places: list[str], practices: list[str]) -> list[dict[str, Any]]:
    wanted = set(practices)
    rows: list[dict[str, Any]] = []

    def base(p: str, x: str) -> dict[str, Any]:
        return {"place_id": p, "place": g.nodes[p].get("name"), "practice": g.nodes[x].get("name")}

    def keep(x: str) -> bool:
        return not wanted or g.nodes[x].get("name") in wanted

    for want in places:
        for p in find_places(g, want):
            scope = place_scope(g, p, 2)
            within = set(scope)
            _preload(g, scope)
            for q in scope:
                for m, _ in out_edges(g, q, "IMPLEMENTS"):
                    for x, r in out_edges(g, m, "INSTANCE_OF"):
                        if keep(x):
                            n = g.nodes[m]
                            figs = measuring_figures(g, m, g.nodes[x].get("name"), within)
                            rows.append({**base(p, x), "source": "measure", "id": m, "summary": n.get("summary"),
                                         "status": n.get("status"), **figs, **_own(n), **ev_lists(r)})
            for q in scope:
                for nm, _ in in_edges(g, q, "OWNED_BY"):
                    n = g.nodes[nm]
                    for x, r in out_edges(g, nm, "INSTANCE_OF"):
                        if keep(x):
                            rows.append({**base(p, x), "source": "model", "id": nm, "summary": n.get("name"),
                                         "status": "described" if n.get("components") else None,
                                         **_NO_FIGS, **ev_lists(r)})
            for x, r in out_edges(g, p, "ADOPTS"):
                if keep(x):
                    rows.append({**base(p, x), "source": "adopts", "id": x, "summary": None, "status": None,
                                 **_NO_FIGS, **ev_lists(r)})
    return rows


def _preload(g: Any, scope: list[str]) -> None:
    """What ``fetch`` walks from a place's scope, loaded level by level in bulk: its measures, their
    practices and figures, the figures' places, its named models and theirs."""
    preload(g, scope, "IMPLEMENTS", True)
    preload(g, scope, "OWNED_BY", False)
    measures = list(dict.fromkeys(m for q in scope for m, _ in out_edges(g, q, "IMPLEMENTS")))
    preload(g, measures, "INSTANCE_OF", True)
    preload(g, measures, "HAS_METRIC", True)
    preload(g, [mt for m in measures for mt, _ in out_edges(g, m, "HAS_METRIC")], "FOR_PLACE", True)
    preload(g, list(dict.fromkeys(nm for q in scope for nm, _ in in_edges(g, q, "OWNED_BY"))), "INSTANCE_OF", True)


_SOURCE_RANK = {"measure": 0, "model": 1, "adopts": 2}


def grade_piece(row: dict[str, Any], quote: str | None) -> str:
    """Grade of one raw row: measures by their quote, status and figures; models with components are
    described at least; a bare ADOPTS link is graded by its quote."""
    if row["source"] == "model":
        grade = grade_evidence(quote or "", None, False)
        return "described" if row.get("status") == "described" and grade == "claimed" else grade
    status = row.get("status") if row["source"] == "measure" else None
    return grade_evidence(quote or "", status, bool(row.get("metrics")))


def _measure_item(row: dict[str, Any], grade: str, ev: Evidence) -> dict[str, Any]:
    """One measure of a cell with its own evidence: ``quote`` (the sentence naming the practice, or
    the figure's for a quantified one) and ``own_quote`` (the sentence stating the measure)."""
    own = best_evidence(row, "own_")
    return {"id": row["id"], "summary": row.get("summary"), "status": row.get("status"), "grade": grade,
            **ev.columns(), "own_doc_id": own.doc_id, "own_quote": own.quote, "own_start": own.start,
            "own_end": own.end}


def graded(row: dict[str, Any]) -> tuple[str, Evidence]:
    """(grade, evidence) of one raw row: a quantified piece cites the sentence of its figure
    (``fig_*``), every other piece its own evidence."""
    ev = best_evidence(row)
    grade = grade_piece(row, ev.quote)
    if grade == "quantified":
        fig = best_evidence(row, "fig_")
        if fig.quote:
            ev = fig
    return grade, ev


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    place_names: dict[str, str] = {}
    seen: set[tuple[str, str, str, str]] = set()
    for row in fetch(params):
        key = (row["place_id"], row["practice"], row["source"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        place_names[row["place_id"]] = row["place"]
        grade, ev = graded(row)
        cell = cells.setdefault((row["place_id"], row["practice"]), {"pieces": []})
        cell["pieces"].append((grade_rank(grade), _SOURCE_RANK[row["source"]], ev.doc_id or "",
                               ev.start if ev.start is not None else -1, grade, row, ev))
    wanted_order = {w: i for i, w in enumerate(params["places"])}

    def place_rank(pid: str) -> tuple[int, str]:
        name = place_names.get(pid, "")
        return (min(wanted_order.get(pid, 99999), wanted_order.get(name, 99999)), pid)

    practices = sorted({pr for _, pr in cells} | set(params.get("practices") or []))
    places = sorted(place_names, key=place_rank)
    out = []
    for practice in practices:
        for pid in places:
            cell = cells.get((pid, practice))
            if cell is None:
                out.append({"place_id": pid, "place": place_names[pid], "practice": practice, "grade": None,
                            "measures": None, "measure_count": 0, "measure_list": [], **NO_EVIDENCE.columns()})
                continue
            pieces = sorted(cell["pieces"], key=lambda t: t[:4])
            best = pieces[0]
            measures = [p for p in pieces if p[5]["source"] == "measure"]
            summaries = list(dict.fromkeys(p[5]["summary"] for p in measures if p[5].get("summary")))
            out.append({"place_id": pid, "place": place_names[pid], "practice": practice, "grade": best[4],
                        "measures": "；".join(summaries) or None, "measure_count": len(measures),
                        "measure_list": [_measure_item(p[5], p[4], p[6]) for p in measures], **best[6].columns()})
    return out
