"""Gather a course pack's input from named queries only (``city_profile``, ``compare_cities``,
``exemplars``, ``named_model``, ``document``), through a runner ``(name, params) -> rows`` so that the
same code serves the CLI, the app and tests on any store. Names are resolved by the queries (濮阳 →
濮阳市; an unknown name is an error naming the closest ones)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from govkg.coursepack.evidence import display_title, evidence_of
from govkg.coursepack.model import (
    CellItem,
    Citation,
    LearningItem,
    MeasureItem,
    MetricItem,
    ModelItem,
    PackInput,
    PlaceItem,
)
from govkg.coursepack.relevance import (
    Matcher,
    clean_subject,
    focus_sentence,
    is_section_title,
    practice_matchers,
    whole_definition,
)
from queries.grading import is_plan, states_duty

__all__ = ["EXEMPLAR_PLACES", "MAX_MODELS", "Runner", "exemplar_places", "gather"]

Runner = Callable[[str, dict], list[dict]]
EXEMPLAR_PLACES = 3      # places taken per practice when the trainer picked none
MAX_MODELS = 6           # named models taken from the places when the trainer picked none


def _uniq(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


class _Titles:
    """Document id -> the title people read (``display_title``), fetched once per document."""

    def __init__(self, run: Runner):
        self.run, self.known = run, {}

    def __call__(self, doc_id: str) -> str:
        if doc_id not in self.known:
            rows = self.run("document", {"doc": doc_id})
            self.known[doc_id] = display_title(rows[0]) if rows else ""
        return self.known[doc_id]

    def fill(self, evs: Iterable[Citation]) -> tuple[Citation, ...]:
        return tuple(replace(e, doc_title=e.doc_title or self(e.doc_id)) for e in evs)


def _ev(row: Mapping[str, Any], titles: _Titles) -> tuple[Citation, ...]:
    return titles.fill(evidence_of(row))


def _metric(place: str, row: Mapping[str, Any], ev: tuple[Citation, ...]) -> MetricItem:
    """A ``city_profile`` figure row -> MetricItem (the row's ``name`` is the subject, or the metric's id
    when it has none; ``written`` the figure as written, ``year`` its year; ``status`` planned for a target)."""
    name = str(row.get("name") or "")
    subject = "" if name == str(row.get("id") or "") else clean_subject(name)
    written, year = str(row.get("written") or ""), row.get("year")
    return MetricItem(place, written or subject, subject, year=int(year) if year is not None else None, evidence=ev,
                      status=str(row.get("status") or ""), metric_id=str(row.get("id") or ""))


def _metric_practices(metrics: Sequence[MetricItem], rows: Mapping[str, Sequence[Mapping[str, Any]]],
                      chosen: Sequence[str]) -> list[MetricItem]:
    """Each figure with the selected practices it measures (the graph's judgement, ``city_profile``'s
    ``practices``: a practice of its measure that its own sentence names, not as an item of the list
    the figure counts)."""
    measured = {(str(r["place"]), str(r["id"])): set(r.get("practices") or [])
                for rs in rows.values() for r in rs if r["section"] == "figure"}
    wanted = set(chosen)
    return [replace(mt, practices=tuple(sorted(measured.get((mt.place, mt.metric_id), set())
                                                & (wanted or measured.get((mt.place, mt.metric_id), set())))))
            for mt in metrics]


def _cell_measures(row: Mapping[str, Any], titles: _Titles, hit: Matcher) -> list[MeasureItem]:
    """The measures of one comparison cell (``measure_list``), each with its own evidence: the sentence
    naming the practice (a figure's sentence when quantified) and the sentence stating it. Section
    titles (“关于…的情况”) are not measures; those whose summary names the practice come first."""
    practice, place = str(row["practice"]), str(row["place"])
    out = []
    for item in row.get("measure_list") or []:
        summary = str(item.get("summary") or "").strip()
        ev = titles.fill(evidence_of(item))
        own = titles.fill(evidence_of(item, prefix="own_"))
        excerpt = next((s for s in (focus_sentence(e.quote, hit, practice) for e in ev) if s), "")
        # (the same sentence uncut: an excerpt cut around the practice's words may have lost the plan word before them,
        # 今年，我区将以…为契机，…，指导社区在党建引领…方面进行破题 → “…指导社区在党建引领…”)
        whole = next((s for s in (focus_sentence(e.quote, hit, practice, limit=len(e.quote)) for e in ev) if s), "")
        if summary and excerpt and (summary in excerpt or excerpt in summary):
            excerpt = ""
        if not summary or is_section_title(summary):
            if not excerpt:
                continue
            summary, excerpt, own = excerpt, "", ()
        status = str(item.get("status") or "")
        if excerpt and status != "planned" and any(is_plan(x) or states_duty(x) for x in (excerpt, whole) if x):
            status = "planned"       # the sentence quoted for it is a plan (…。今年，我区将以…), whatever the rest did
        out.append(MeasureItem(place, summary, (practice,), status, None, ev, excerpt, own))
    out.sort(key=lambda m: not hit(m.summary))          # stable: the rest keep the query's order
    return out


def _same_line(a: str, b: str) -> bool:
    """Is one of two administrative codes (6 digits) a unit inside the other (德州市 371400 and its
    武城县 371428; a province ``xx0000`` and everything under it)? Other ids: only when equal."""
    if a == b:
        return True
    if not (len(a) == len(b) == 6 and a.isdigit() and b.isdigit()):
        return False
    for upper, lower in ((a, b), (b, a)):
        if upper.endswith("0000") and lower[:2] == upper[:2]:
            return True
        if upper.endswith("00") and lower[:4] == upper[:4]:
            return True
    return False


def exemplar_places(run: Runner, practices: Sequence[str]) -> list[str]:
    """The strongest ``EXEMPLAR_PLACES`` exemplar places of each practice, one per line of units: a
    city and its own county are not both taken (the city's comparison cell takes in its county's
    pieces, so the same sentences would stand for two of the pack's places); the next place is."""
    chosen: list[tuple[str, str]] = []                  # (place id, name)
    for pr in practices:
        taken = 0
        for r in run("exemplars", {"practice": pr, "k": 3 * EXEMPLAR_PLACES}):
            if taken == EXEMPLAR_PLACES:
                break
            pid, name = str(r.get("place_id") or ""), str(r["place"])
            if any(name == n or _same_line(pid, p) for p, n in chosen):
                taken += any(name == n for _p, n in chosen)   # already chosen for an earlier practice
                continue
            chosen.append((pid, name))
            taken += 1
    return [name for _pid, name in chosen]


def gather(run: Runner, practices: Sequence[str] = (), places: Sequence[str] = (),
           models: Sequence[str] = ()) -> PackInput:
    """Collect places, models, measures, figures, learning and the comparison cells for the selection.

    With no places, the strongest exemplar places of each practice are used; with no models, the
    named models of the chosen places that belong to the chosen practices (or all, if no practice).
    """
    practices, places, models = _uniq(practices), _uniq(places), _uniq(models)
    titles = _Titles(run)
    if not places:
        places = exemplar_places(run, practices)
    profiles = {pl: run("city_profile", {"place": pl}) for pl in places}
    for rows in profiles.values():
        for r in rows:
            if r["section"] == "document" and r.get("id") and r.get("name") not in (None, "", r["id"]):
                titles.known.setdefault(str(r["id"]), str(r["name"]))       # else the document query names it

    place_items, metrics, learning, model_keys = [], [], [], []
    for rows in profiles.values():
        if not rows:
            continue
        name = str(rows[0]["place"])
        docs = tuple((str(r["id"]), titles(str(r["id"]))) for r in rows if r["section"] == "document")
        place_items.append(PlaceItem(name, str(rows[0].get("place_id") or ""), documents=docs,
                                     practices=tuple(_uniq(str(r["name"]) for r in rows if r["section"] == "practice"))))
        for r in rows:
            ev = _ev(r, titles)
            if r["section"] == "figure" and ev:
                metrics.append(_metric(name, r, ev))
            elif r["section"] == "learned_from" and ev:
                learning.append(LearningItem(name, str(r["name"]), str(r.get("detail") or ""), ev))
            elif r["section"] == "named_model" and not models:
                model_keys.append((str(r["name"]), name))
    places = [p.name for p in place_items]

    cells = []
    cell_rows = run("compare_cities", {"places": places, "practices": practices}) if places else []
    if not practices:
        practices = _uniq(str(r["practice"]) for r in cell_rows if r.get("grade"))
    mentions = practice_matchers(practices or [str(r["practice"]) for r in cell_rows])
    measures: list[MeasureItem] = []
    for r in cell_rows:
        practice = str(r["practice"])
        hit = mentions.get(practice) or (lambda t, p=practice: p in t)
        ms = _cell_measures(r, titles, hit) if r.get("grade") else []
        measures += ms
        # the cell cites a quote that names its practice: its best one if it does, else a measure's
        evs = [e for e in _ev(r, titles) if hit(e.quote)] + [e for m in ms for e in m.evidence if hit(e.quote)]
        cells.append(CellItem(str(r["place"]), practice, str(r.get("grade") or ""), tuple(dict.fromkeys(evs))))
    metrics = _metric_practices(metrics, profiles, practices)

    wanted = [(m, "") for m in models] or model_keys
    model_items = []
    for mname, owner in wanted:
        rows = run("named_model", {"name": mname, **({"owner": owner} if owner else {})})
        if not rows:
            continue
        head = rows[0]
        prs = tuple(str(r["name"]) for r in rows if r["section"] == "practice")
        if not models and practices and not set(prs) & set(practices):
            continue
        definition = next((r for r in rows if r["section"] == "definition"), head)
        comps = tuple(str(r["name"]) for r in sorted((r for r in rows if r["section"] == "component"),
                                                     key=lambda r: r.get("order") or 0))
        evs = _ev(definition, titles) + tuple(e for r in rows if r["section"] in ("component", "practice")
                                              for e in _ev(r, titles))
        defn = whole_definition(str(definition.get("name") or ""), definition.get("quote"))
        model_items.append(ModelItem(str(head["model"]), str(head.get("owner") or ""), comps,
                                     "" if defn == str(head["model"]) else defn, prs, tuple(dict.fromkeys(evs))))
        if len(model_items) >= MAX_MODELS:
            break
    return PackInput(tuple(practices), tuple(place_items), tuple(model_items), tuple(measures),
                     tuple(metrics), tuple(learning), tuple(cells))
