"""Gather a course pack's input from named queries only (``city_profile``, ``compare_cities``,
``exemplars``, ``named_model``), through a runner ``(name, params) -> rows`` so that the same code
serves the CLI, the app and tests on any store."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from govkg.coursepack.evidence import evidence_of
from govkg.coursepack.model import (
    CellItem,
    Evidence,
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
    split_figure_detail,
)
from govkg.errors import QueryError

__all__ = ["EXEMPLAR_PLACES", "MAX_MODELS", "Runner", "gather"]

Runner = Callable[[str, dict], list[dict]]
EXEMPLAR_PLACES = 3      # places taken per practice when the trainer picked none
MAX_MODELS = 6           # named models taken from the places when the trainer picked none


def _ev(row: Mapping[str, Any], titles: Mapping[str, str]) -> tuple[Evidence, ...]:
    return evidence_of(row, titles)


def _uniq(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _metric(place: str, row: Mapping[str, Any], ev: tuple[Evidence, ...]) -> MetricItem:
    """A ``city_profile`` figure row -> MetricItem (the row's ``name`` is the subject, or the metric's id
    when it has none; ``detail`` is "as written[ year]")."""
    name = str(row.get("name") or "")
    subject = "" if name == str(row.get("id") or "") else clean_subject(name)
    written, year = split_figure_detail(str(row.get("detail") or ""))
    return MetricItem(place, written or subject, subject, year=year, evidence=ev)


def _link_metrics(metrics: Sequence[MetricItem], cells: Sequence[CellItem],
                  mentions: Mapping[str, Matcher]) -> list[MetricItem]:
    """Each figure with the selected practices it belongs to: those of the place whose cited measure or
    model (the comparison cell's quote) holds the figure's span, or whose name/cues the figure's own
    sentence mentions."""
    spans: dict[str, list[tuple[str, int, int, str]]] = {}
    for c in cells:
        if c.grade and c.practice in mentions:
            spans.setdefault(c.place, []).extend((e.doc_id, e.start, e.end, c.practice) for e in c.evidence)
    out = []
    for mt in metrics:
        linked = [pr for doc, s, e, pr in spans.get(mt.place, ())
                  if any(ev.doc_id == doc and s <= ev.start and ev.end <= e for ev in mt.evidence)]
        linked += [pr for pr, hit in mentions.items() if any(hit(ev.quote) for ev in mt.evidence)
                   and any(c.place == mt.place and c.practice == pr and c.grade for c in cells)]
        out.append(replace(mt, practices=tuple(_uniq(linked))))
    return out


def _cell_measures(row: Mapping[str, Any], ev: tuple[Evidence, ...],
                   mentions: Mapping[str, Matcher]) -> list[MeasureItem]:
    """The measures of one comparison cell, those that mention the practice first and section titles
    (“关于…的情况”) dropped; each with the sentence of the cell's quote that mentions the practice."""
    if not row.get("measures") or not ev:
        return []
    practice = str(row["practice"])
    hit = mentions.get(practice) or (lambda t: practice in t)
    excerpt = next((s for s in (focus_sentence(e.quote, hit, practice) for e in ev) if s), "")
    summaries = [s.strip() for s in str(row["measures"]).split("；") if s.strip()]
    kept = [s for s in summaries if not is_section_title(s)]
    if not kept:
        return [MeasureItem(str(row["place"]), excerpt, (practice,), evidence=ev)] if excerpt else []
    # the quote is that of one measure (the cell's strongest piece): the one whose summary it contains
    owner = next((s for s in kept if any(s in e.quote for e in ev)), kept[0]) if excerpt else ""
    kept.sort(key=lambda s: (not hit(s), s != owner))   # stable: mentions first, document order otherwise
    return [MeasureItem(str(row["place"]), s, (practice,), evidence=ev,
                        excerpt=excerpt if s == owner and excerpt not in s else "")
            for s in kept]


def gather(run: Runner, practices: Sequence[str] = (), places: Sequence[str] = (),
           models: Sequence[str] = ()) -> PackInput:
    """Collect places, models, measures, figures, learning and the comparison cells for the selection.

    With no places, the strongest exemplar places of each practice are used; with no models, the
    named models of the chosen places that belong to the chosen practices (or all, if no practice).
    """
    practices, places, models = _uniq(practices), _uniq(places), _uniq(models)
    if not places:
        for pr in practices:
            places += [r["place"] for r in run("exemplars", {"practice": pr, "k": EXEMPLAR_PLACES})]
        places = _uniq(places)
    profiles = {pl: run("city_profile", {"place": pl}) for pl in places}
    titles: dict[str, str] = {}
    for rows in profiles.values():
        for r in rows:
            if r["section"] == "document" and r.get("doc_id"):
                titles[str(r["doc_id"])] = str(r.get("name") or "")

    place_items, metrics, learning, model_keys = [], [], [], []
    for pl, rows in profiles.items():
        if not rows:
            raise QueryError(f"no place named {pl!r} in the graph; check the name (e.g. 濮阳市) with `govkg query "
                             "search -p text NAME`")
        name = str(rows[0]["place"])
        docs = tuple((str(r["doc_id"]), str(r.get("name") or "")) for r in rows
                     if r["section"] == "document" and r.get("doc_id"))
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

    cells, cell_rows = [], []
    if places:
        for r in run("compare_cities", {"places": places, "practices": practices}):
            ev = _ev(r, titles)
            cells.append(CellItem(str(r["place"]), str(r["practice"]), str(r.get("grade") or ""), ev))
            cell_rows.append((r, ev))
    if not practices:
        practices = _uniq(c.practice for c in cells if c.grade)
    mentions = practice_matchers(practices)
    measures = [m for r, ev in cell_rows for m in _cell_measures(r, ev, mentions)]
    metrics = _link_metrics(metrics, cells, mentions)

    wanted = [(m, "") for m in models] or model_keys
    model_items = []
    for mname, owner in wanted:
        rows = run("named_model", {"name": mname, **({"owner": owner} if owner else {})})
        if not rows:
            if models:
                raise QueryError(f"no named model {mname!r} in the graph; browse them on the 命名模式 page "
                                 "or with `govkg query search -p text NAME -p kinds NamedModel`")
            continue
        head = rows[0]
        prs = tuple(str(r["name"]) for r in rows if r["section"] == "practice")
        if not models and practices and not set(prs) & set(practices):
            continue
        definition = next((r for r in rows if r["section"] == "definition"), head)
        comps = tuple(str(r["name"]) for r in sorted((r for r in rows if r["section"] == "component"),
                                                     key=lambda r: r.get("order") or 0))
        evs = _ev(definition, titles) + tuple(e for r in rows if r["section"] == "component" for e in _ev(r, titles))
        defn = str(definition.get("name") or "")
        model_items.append(ModelItem(str(head["model"]), str(head.get("owner") or ""), comps,
                                     "" if defn == str(head["model"]) else defn, prs, tuple(dict.fromkeys(evs))))
        if len(model_items) >= MAX_MODELS:
            break
    return PackInput(tuple(practices), tuple(place_items), tuple(model_items), tuple(measures),
                     tuple(metrics), tuple(learning), tuple(cells))
