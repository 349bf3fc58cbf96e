"""Gather a course pack's input from named queries only (``city_profile``, ``compare_cities``,
``exemplars``, ``named_model``), through a runner ``(name, params) -> rows`` so that the same code
serves the CLI, the app and tests on any store."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
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
from govkg.errors import QueryError

__all__ = ["EXEMPLAR_PLACES", "MAX_MODELS", "Runner", "gather"]

Runner = Callable[[str, dict], list[dict]]
EXEMPLAR_PLACES = 3      # places taken per practice when the trainer picked none
MAX_MODELS = 6           # named models taken from the places when the trainer picked none


def _ev(row: Mapping[str, Any], titles: Mapping[str, str]) -> tuple[Evidence, ...]:
    return evidence_of(row, titles)


def _uniq(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


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
                detail = str(r.get("detail") or "")
                metrics.append(MetricItem(name, detail or str(r.get("name") or ""), str(r.get("name") or ""),
                                          evidence=ev))
            elif r["section"] == "learned_from" and ev:
                learning.append(LearningItem(name, str(r["name"]), str(r.get("detail") or ""), ev))
            elif r["section"] == "named_model" and not models:
                model_keys.append((str(r["name"]), name))

    cells, measures = [], []
    if places:
        for r in run("compare_cities", {"places": places, "practices": practices}):
            ev = _ev(r, titles)
            cells.append(CellItem(str(r["place"]), str(r["practice"]), str(r.get("grade") or ""), ev))
            if r.get("measures") and ev:
                measures.append(MeasureItem(str(r["place"]), str(r["measures"]), (str(r["practice"]),),
                                            evidence=ev))
    if not practices:
        practices = _uniq(c.practice for c in cells if c.grade)

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
