"""The named query ``compare_cities``: ``fetch`` gives the embedded store the raw rows ``compare_cities.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/compare_cities.cypher`` (same parameters, same raw rows).

finish: Finisher of ``compare_cities``: grade every piece of evidence and build the place × practice cells.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from graph.model import Evidence
from graph.sqlite_rows import sort_key
from queries.grading import (
    as_measures_grade,
    conceded_only,
    grade_evidence,
    grade_rank,
    is_plan,
    named_in_general_line,
    named_in_judged,
    problem_only,
    rule_only,
)
from queries.kept import loads_all, maintained
from queries.model_roles import model_role
from queries.rows import NO_EVIDENCE, best_evidence, best_rows
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import figures_measuring, find_places, linked, place_scope, preload

__all__ = ["PIECES", "SOURCE_RANK", "SPEC", "fetch", "finish", "grade_piece", "graded", "kept_piece"]

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


PIECES = "city_pieces"     # the row index of every place's own pieces (``queries/city_pieces.py``)

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
    for p, name, scope in _asked(g, places):
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


def _asked(g: Any, places: list[str]) -> Iterator[tuple[str, Any, list[str]]]:
    """(place id, its name, its scope: the place and those within it two levels down) of every place
    the names ``places`` find, in the order asked, each once (a place named twice, by a name and an
    alias, has its rows already)."""
    done: set[str] = set()
    for want in places:
        for p in find_places(g, want):
            if p not in done:
                done.add(p)
                yield p, g.nodes[p].get("name"), place_scope(g, p, 2)


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


SOURCE_RANK = {"measure": 0, "model": 1, "adopts": 2}


# the end of a sentence (a headline or a heading ends without one)
_ENDS_SENTENCE = re.compile(r"[。；;！!？?…][”’」』）)]*\s*$")


def is_headline(quote: str | None, start: int | None) -> bool:
    """Whether ``quote``, citing the document at ``start``, is its first line and ends no sentence: the
    headline (某市规范村(社区)出具证明事项为基层减负), which names the work the body reports."""
    return bool(quote) and start is not None and start < len(quote) and _ENDS_SENTENCE.search(quote) is None


def grade_piece(row: dict[str, Any], quote: str | None, memo: dict[Any, Any] | None = None,
                start: int | None = None) -> str:
    """Grade of one raw row: measures by their quote, status and figures; models with components are
    described at least; a bare ADOPTS link is graded by its quote, which describes no work where it is the
    headline (``is_headline``; ``start``: where the quote cites the document). ``memo``: ``grade_evidence``'s."""
    if row["source"] == "model":
        if model_role(row.get("summary"), quote):   # a model learnt from elsewhere or an aim: words only
            return "claimed"
        if named_in_general_line(quote or "", row.get("summary") or ""):
            return "claimed"    # (做实“党建+网格化”，深化…: a formula in a general line, the sentence's other verbs are others')
        if named_in_judged(quote or "", row.get("summary") or ""):
            return "claimed"    # (王某对…“品质小区、幸福邻里”…工作给予了充分的肯定: praised, no work reported)
        if row.get("practice") and rule_only(quote, row["practice"]):
            return "claimed"    # (“一有”即有…广泛的社区社会组织: a standard's term, its parts what it asks for)
        grade = grade_evidence(quote or "", None, False, memo)
        # a model with listed components is described, unless the sentence naming it is a plan (下一步，某镇将
        # 继续…构建“…—…”架构): then it is a plan like any other; nor where it is named by a line that ends no
        # sentence — a headline or a heading (某社区探索“党支部 议事会 红色物业”居民自治新路径) names the scheme, it reports
        # no work
        listed = (row.get("status") == "described" and grade == "claimed" and not is_plan(quote or "")
                  and _ENDS_SENTENCE.search(quote or "") is not None)
        if grade == "described" and is_headline(quote, start):
            return "claimed"    # (某县以“红色物业”助力…创建: the headline names the model, the body reports the work)
        return "described" if listed else grade
    status = row.get("status") if row["source"] == "measure" else None
    grade = grade_evidence(quote or "", status, bool(row.get("metrics")), memo, row.get("practice"))
    return "claimed" if grade == "described" and is_headline(quote, start) else grade


def graded(row: dict[str, Any], memo: dict[Any, Any] | None = None) -> tuple[str, Evidence]:
    """(grade, evidence) of one raw row: a quantified piece cites the sentence of its figure
    (``fig_*``), every other piece its own evidence. ``memo``: ``grade_evidence``'s."""
    ev = best_evidence(row)
    grade = grade_piece(row, ev.quote, memo, ev.start)
    if grade == "quantified":
        fig = best_evidence(row, "fig_")
        if fig.quote:
            ev = fig
    return grade, ev


# -- the cells ------------------------------------------------------------------------------------------
#
# A piece of a cell: (grade rank, from a place within the one asked, source rank, document, start — the
# order a cell's pieces are shown in —, grade, (item id, summary, status, source, its own evidence), the
# evidence it cites). Cells: (place id, practice) -> its pieces, in the order the raw rows give them.

# (an ``Evidence``, or its four fields in its order: a kept row's lists stand for it as they are read, no
# tuple made per piece — a pair of large cities has fifteen thousand)
EvidenceLike = Sequence[Any]
Piece = tuple[int, bool, int, str, int, str, tuple[Any, Any, Any, str, EvidenceLike], EvidenceLike]
_ORDER = itemgetter(0, 1, 2, 3, 4)     # the order a cell's pieces are shown in


def _piece(place: str, at: str, source: str, grade: str, item: tuple[Any, Any, Any, str, EvidenceLike],
           ev: EvidenceLike) -> Piece:
    # of pieces of one grade, the place's own before those of the places within it: a city's cell
    # quotes the city's sentence, not a county's from another city's report
    doc_id, start = ev[0], ev[1]
    return (grade_rank(grade), at != place, SOURCE_RANK[source], doc_id or "",
            start if start is not None else -1, grade, item, ev)


def _columns(ev: EvidenceLike) -> dict[str, Any]:
    """``Evidence(*ev).columns()``, read from ``ev``'s four fields in place."""
    doc_id, start, end, quote = ev
    return {"doc_id": doc_id, "quote": quote, "start": start, "end": end}


def _fetched_cells(rows: list[dict[str, Any]]) -> tuple[dict[tuple[str, str], list[Piece]], dict[str, str]]:
    """The cells of raw rows (any store), and the name of each place that has one."""
    cells: dict[tuple[str, str], list[Piece]] = {}
    place_names: dict[str, str] = {}
    seen: set[tuple[str, str, str, str]] = set()
    for row in rows:
        key = (row["place_id"], row["practice"], row["source"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        place_names[row["place_id"]] = row["place"]
        grade, ev = graded(row)
        if grade == "claimed" and (conceded_only(ev.quote, row["practice"]) or rule_only(ev.quote, row["practice"])
                                   or problem_only(ev.quote, row["practice"])):
            continue        # (虽然成立了业主委员会，但…: the ground of a problem; 关于“…不低于30平方米”的精神: a rule cited)
        own = best_evidence(row, "own_") if row["source"] == "measure" else NO_EVIDENCE
        item = (row["id"], row.get("summary"), row.get("status"), row["source"], own)
        cells.setdefault((row["place_id"], row["practice"]), []).append(
            _piece(row["place_id"], row.get("at", row["place_id"]), row["source"], grade, item, ev))
    return cells, place_names


def kept_piece(row: dict[str, Any], figures: list[tuple[list[str], Any, Any, Any, Any]],
               memo: dict[Any, Any] | None = None) -> list[Any]:
    """What the store keeps of a raw row of a place's own (``at``) measure, named model or ADOPTS link, for
    every place whose scope holds it (``queries/city_pieces.py``): its fields, its grade without and with
    a figure that measures it, its evidence and its own, and ``figures``: the figures that can measure its
    practice (a result naming it) with the places each is about and its evidence (document, start, end,
    first quote) — which of them count depends on the place asked (its scope). ``memo``:
    ``grade_evidence``'s."""
    ev = best_evidence(row)
    own = best_evidence(row, "own_") if row["source"] == "measure" else NO_EVIDENCE
    plain = grade_piece({**row, "metrics": 0}, ev.quote, memo, ev.start)
    counted = grade_piece({**row, "metrics": 1}, ev.quote, memo, ev.start) if figures else plain
    return [row["practice"], row["source"], row["id"], row.get("summary"), row.get("status"), plain, counted,
            list(ev), list(own), [[list(places), *entry] for places, *entry in figures]]


def _kept_cells(g: Any, read: Callable[[str], list[list[Any]]], places: list[str],
                wanted: set[str]) -> tuple[dict[tuple[str, str], list[Piece]], dict[str, str]]:
    """The cells ``_fetched_cells`` makes of ``fetch``'s rows, from the pieces the store keeps per place
    (``read(place)``: the kept pieces of the place's own measures, named models and ADOPTS links, in the
    order ``fetch`` gives them): each place asked reads those of the places of its scope, in scope
    order, and grades a measure quantified where one of its figures is about a place of that scope."""
    cells: dict[tuple[str, str], list[Piece]] = {}
    place_names: dict[str, str] = {}
    for p, name, scope in _asked(g, places):
        within = set(scope)
        seen: set[tuple[str, str, str]] = set()
        found = False
        for q in scope:
            for practice, source, x, summary, status, plain, counted, ev, own, figures in read(q):
                if source == "adopts" and q != p or wanted and practice not in wanted:
                    continue
                key = (practice, source, x)
                if key in seen:
                    continue
                seen.add(key)
                found = True
                cited: EvidenceLike = ev
                counting = [f for f in figures if not within.isdisjoint(f[0])] if figures else None
                grade = counted if counting else plain
                if grade == "claimed" and (conceded_only(ev[3], practice) or rule_only(ev[3], practice)
                                           or problem_only(ev[3], practice)):
                    continue        # (虽然成立了业主委员会，但…: the ground of a problem; a rule cited: not the place's claim)
                if grade == "quantified" and counting:
                    fig = best_evidence({"fig_doc": [f[1] for f in counting], "fig_start": [f[2] for f in counting],
                                         "fig_end": [f[3] for f in counting], "fig_quote": [f[4] for f in counting]},
                                        "fig_")
                    if fig.quote:
                        cited = fig
                cells.setdefault((p, practice), []).append(
                    _piece(p, q, source, grade, (x, summary, status, source, own), cited))
        if found:
            place_names[p] = name
    return cells, place_names


def _graded_as_measures(cell: list[Piece]) -> list[Piece]:
    """The cell's pieces, a link or model cited by a measure's sentence graded no higher than the measure
    (``grading.as_measures_grade``: an item of a plan)."""
    grades = as_measures_grade([(p[6][3] == "measure", p[7][0], p[7][1], p[5]) for p in cell])
    return [p if g == p[5] else (grade_rank(g), *p[1:5], g, *p[6:]) for p, g in zip(cell, grades)]


def _measure_item(piece: Piece) -> dict[str, Any]:
    """One measure of a cell with its own evidence: ``quote`` (the sentence naming the practice, or
    the figure's for a quantified one) and ``own_quote`` (the sentence stating the measure)."""
    x, summary, status, _, own = piece[6]
    doc_id, start, end, quote = piece[7]
    own_doc_id, own_start, own_end, own_quote = own
    # (``Evidence.columns()`` and ``.columns("own_")`` of both, written out: fifteen thousand at a time)
    return {"id": x, "summary": summary, "status": status, "grade": piece[5], "doc_id": doc_id, "quote": quote,
            "start": start, "end": end, "own_doc_id": own_doc_id, "own_quote": own_quote, "own_start": own_start,
            "own_end": own_end}


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    store = maintained(PIECES, version)             # the embedded store keeps every place's pieces
    embedded = getattr(fetch, "embedded_graph", None)
    if store is not None and embedded is not None:
        def read(q: str) -> list[list[Any]]:
            return loads_all(store.kept_rows(PIECES, sort_key(q)))

        cells, place_names = _kept_cells(embedded(), read, params["places"], set(params.get("practices") or ()))
    else:
        cells, place_names = _fetched_cells(best_rows(fetch, params))
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
            pieces = sorted(_graded_as_measures(cell), key=_ORDER)
            best = pieces[0]
            measures = [p for p in pieces if p[6][3] == "measure"]
            summaries = list(dict.fromkeys(p[6][1] for p in measures if p[6][1]))
            out.append({"place_id": pid, "place": place_names[pid], "practice": practice, "grade": best[5],
                        "measures": "；".join(summaries) or None, "measure_count": len(measures),
                        "measure_list": [_measure_item(p) for p in measures], **_columns(best[7])})
    return out
