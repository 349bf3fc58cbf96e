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
from queries.rows import NO_EVIDENCE, best_evidence, best_rows
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import figures_measuring, find_places, linked, place_scope, preload

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
_FIGURE = ("status", "practices", "doc_id", "start", "end")
# the figure columns of a measure with no figure that can measure a practice (shared: read only)
_NONE = {"metrics": 0, "fig_doc": [], "fig_start": [], "fig_end": [], "fig_quote": []}


def fetch(g: Any, places: list[str], practices: list[str], best: bool = False) -> list[dict[str, Any]]:
    """The raw rows; ``best``: each ``ev_*`` and ``own_*`` list holds only the entry ``best_evidence``
    picks from it (the embedded store chooses it in SQL). Each step is read set-wise (``linked``): a
    city's scope has thousands of measures."""
    wanted = set(practices)
    rows: list[dict[str, Any]] = []
    for want in places:
        for p in find_places(g, want):
            name = g.nodes[p].get("name")
            scope = place_scope(g, p, 2)
            within = set(scope)
            implemented = linked(g, scope, "IMPLEMENTS", True, ("summary", "status"), evidence="node", best=best)
            measures = list(dict.fromkeys(m for _, m, _, _, _ in implemented))
            figures, places_of = _figures(g, measures)
            kinds = _practices(g, measures, wanted, best)
            for q, m, (summary, status), _, own in implemented:
                for practice, ev in kinds.get(m, ()):
                    figs = figures_measuring(figures[m], practice, within, places_of) if m in figures else _NONE
                    rows.append({"place_id": p, "place": name, "practice": practice, "source": "measure", "id": m, "at": q,
                                 "summary": summary, "status": status, **figs, "own_doc": own["ev_doc"],
                                 "own_start": own["ev_start"], "own_end": own["ev_end"], "own_quote": own["ev_quote"],
                                 **ev})
            models = linked(g, scope, "OWNED_BY", False, ("name", "components"))
            kinds = _practices(g, [nm for _, nm, _, _, _ in models], wanted, best)
            for q, nm, (model, components), _, _ in models:
                for practice, ev in kinds.get(nm, ()):
                    rows.append({"place_id": p, "place": name, "practice": practice, "source": "model", "id": nm, "at": q,
                                 "summary": model, "status": "described" if components else None, **_NO_FIGS, **ev})
            for _, x, (practice,), _, ev in linked(g, [p], "ADOPTS", True, ("name",), evidence="rel", best=best):
                if not wanted or practice in wanted:
                    rows.append({"place_id": p, "place": name, "practice": practice, "source": "adopts", "id": x, "at": p,
                                 "summary": None, "status": None, **_NO_FIGS, **ev})
    return rows


def _practices(g: Any, nodes: list[str], wanted: set[str], best: bool) -> dict[str, list[tuple[Any, dict[str, list[Any]]]]]:
    """node -> (practice name, evidence of the INSTANCE_OF link) of its practices (those ``wanted``, if any)."""
    out: dict[str, list[tuple[Any, dict[str, list[Any]]]]] = {}
    for node, _, (practice,), _, ev in linked(g, nodes, "INSTANCE_OF", True, ("name",), evidence="rel", best=best):
        if not wanted or practice in wanted:
            out.setdefault(node, []).append((practice, ev))
    return out


def _figures(g: Any, measures: list[str]) -> tuple[dict[str, list[tuple[str, dict[str, Any]]]], Callable[[str], list[str]]]:
    """measure -> those of its figures that can measure a practice (metric id, the attributes
    ``figures_measuring`` reads: a result that names a practice; few of them), with the places they are
    about and their quotes; read for all ``measures`` at once."""
    figures: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for m, mt, values, _, _ in linked(g, measures, "HAS_METRIC", True, _FIGURE):
        n = dict(zip(_FIGURE, values))
        if n["status"] != "planned" and n["practices"]:      # (the others measure nothing: figures_measuring)
            figures.setdefault(m, []).append((mt, n))
    places: dict[str, list[str]] = {}
    for mt, pl, _, _, _ in linked(g, [mt for figs in figures.values() for mt, _ in figs], "FOR_PLACE", True):
        places.setdefault(mt, []).append(pl)
    lists = getattr(g, "evidence_lists", None)     # the SQLite view: their evidence alone, no node built
    if lists is not None:
        quotes = {mt: ev["ev_quote"] for mt, ev in lists(list(places)).items()}
    else:
        preload(g, list(places))
        quotes = {mt: g.nodes[mt].get("ev_quote") for mt in places}
    for figs in figures.values():
        for mt, n in figs:
            if mt in places:
                n["ev_quote"] = quotes.get(mt)
    return figures, lambda mt: places.get(mt, [])


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
            **ev.columns(), **own.columns("own_")}


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
    for row in best_rows(fetch, params):
        key = (row["place_id"], row["practice"], row["source"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        place_names[row["place_id"]] = row["place"]
        grade, ev = graded(row)
        cell = cells.setdefault((row["place_id"], row["practice"]), {"pieces": []})
        # of pieces of one grade, the place's own before those of the places within it: a city's cell
        # quotes the city's sentence, not a county's from another city's report
        cell["pieces"].append((grade_rank(grade), row.get("at", row["place_id"]) != row["place_id"],
                               _SOURCE_RANK[row["source"]], ev.doc_id or "",
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
            pieces = sorted(cell["pieces"], key=lambda t: t[:5])
            best = pieces[0]
            measures = [p for p in pieces if p[6]["source"] == "measure"]
            summaries = list(dict.fromkeys(p[6]["summary"] for p in measures if p[6].get("summary")))
            out.append({"place_id": pid, "place": place_names[pid], "practice": practice, "grade": best[5],
                        "measures": "；".join(summaries) or None, "measure_count": len(measures),
                        "measure_list": [_measure_item(p[6], p[5], p[7]) for p in measures], **best[7].columns()})
    return out
