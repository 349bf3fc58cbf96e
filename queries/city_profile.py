"""The named query ``city_profile``: ``fetch`` gives the embedded store the raw rows ``city_profile.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/city_profile.cypher`` (same parameters, same raw rows).

finish: Finisher of ``city_profile``: one row per fact with its evidence, in a fixed section order.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from graph.model import EV_FIELDS
from graph.sqlite_rows import sort_key
from queries.grading import (
    conceded_only,
    is_plan,
    members_work,
    problem_only,
    reported_before_plan,
    rule_only,
    states_duty,
    visited_only,
    visitors_only,
)
from queries.kept import loads_all, maintained
from queries.model_roles import model_role
from queries.rows import as_list, best_evidence, best_rows, head_quote
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import find_places, linked

__all__ = ["FIGURES", "FIGURE_FIELDS", "SECTIONS", "SPEC", "fetch", "figure_row", "finish", "finished", "order_key"]

SPEC = QuerySpec(
    "city_profile", "地方画像",
    "Everything about a place: practices by category, named models with components, policies with "
    "status, agencies, figures, whom it learned from and who learned from it, its documents. A practice "
    "row's ``status`` is ``studied`` where it is quoted by a statement that the place studies another place's scheme, "
    "``planned`` where its sentence states a plan, a document being drafted or a duty, ``visited`` where its sentence names it "
    "only among the rooms and places a visiting group goes to see. A figure "
    "row also gives the figure as written and its year (``written``, ``year``), which its ``detail`` shows.",
    (Param("place", "str", "place name (e.g. 濮阳市), alias or id", required=True, names="Place"),),
    ("place_id", "place", "section", "category", "name", "detail", "status", "practices", "id", "written", "year",
     *EVIDENCE),
    examples=({"place": "濮阳市"}, {"place": "潜江"}),
)


def _row(p: str, name: Any, section: str, x: str, *, category: str | None = None, title: Any = None,
         items: Any = None, status: Any = None, date: Any = None, issuer: Any = None, head: Any = None,
         practices: Any = None, ev: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    ev = ev or dict.fromkeys(EV_FIELDS)
    return {"place_id": p, "place": name, "section": section, "id": x,
            "category": category, "name": title, "items": items, "status": status, "date": date,
            "issuer": issuer, "head": head, "practices": practices, **ev}


_POLICY = ("title", "status", "date", "issuer")
FIGURES = "place_figures"     # the row index of every place's figure rows (``queries/place_figures.py``)


def fetch(g: Any, place: str, best: bool = False) -> list[dict[str, Any]]:
    """The raw rows; ``best``: each evidence list holds only the entry ``best_evidence`` picks from it
    (the embedded store chooses it in SQL: a policy cited by every document has one entry per
    document). Each section is read set-wise (``linked``): a city has thousands of figures."""
    return _fetch(g, place, best, True)


def _fetch(g: Any, place: str, best: bool, figures: bool) -> list[dict[str, Any]]:
    """``fetch``; without ``figures``: no figure rows (the embedded store keeps them per place). Every
    place of the name is read at once, section by section (a street name hundreds of counties share
    is one read per section, not hundreds); the rows come place by place in the order each place's
    own reads give them."""
    rows: list[dict[str, Any]] = []
    places = list(find_places(g, place))
    if not places:
        return rows
    adopted = _by_node(linked(g, places, "ADOPTS", True, ("name",), evidence="rel", best=best))
    cats: dict[str, list[Any]] = {}
    for x, _, (category,), _, _ in linked(g, [link[1] for links in adopted.values() for link in links],
                                          "IN_CATEGORY", True, ("name",)):
        cats.setdefault(x, []).append(category)
    owned = _by_node(linked(g, places, "OWNED_BY", False, ("name", "components"), evidence="node", best=best))
    located = _by_node(linked(g, places, "LOCATED_IN", False, ("name",), evidence="node", best=best))
    issued = _by_node(linked(g, [link[1] for links in located.values() for link in links], "ISSUED_BY", False,
                             _POLICY, other_label="Policy", evidence="node", best=best))
    about = _by_node(linked(g, places, "ABOUT", False, ("title", "kind", "date", "issuer"), text_head=200))
    mentions = _by_node(linked(g, [link[1] for links in about.values() for link in links], "MENTIONS", True,
                               _POLICY, other_label="Policy", evidence="node", best=best))
    figured = _by_node(linked(g, places if figures else [], "FOR_PLACE", False, FIGURE_FIELDS, evidence="node",
                              best=best))
    learning = {out: _by_node(linked(g, places, "LEARNED_FROM", out, ("name",), ("what",), evidence="rel", best=best))
                for out in (True, False)}
    for p in places:
        name = g.nodes[p].get("name")
        for _, x, (title,), _, ev in adopted.get(p, ()):
            for category in cats.get(x) or [None]:
                rows.append(_row(p, name, "practice", x, category=category, title=title, ev=ev))
        for _, x, (title, components), _, ev in owned.get(p, ()):
            rows.append(_row(p, name, "named_model", x, title=title, items=components, ev=ev))
        for a in dict.fromkeys(link[1] for link in located.get(p, ())):
            for _, x, (title, status, date, issuer), _, ev in issued.get(a, ()):
                rows.append(_row(p, name, "policy", x, title=title, status=status, date=date, issuer=issuer, ev=ev))
        mentioned = {link[1]: link for d in dict.fromkeys(link[1] for link in about.get(p, ()))
                     for link in mentions.get(d, ())}
        for x in sorted(mentioned):
            _, _, (title, status, date, issuer), _, ev = mentioned[x]
            rows.append(_row(p, name, "policy", x, title=title, status=status, date=date, issuer=issuer, ev=ev))
        for _, x, (title,), _, ev in located.get(p, ()):
            if x.startswith("ag_"):
                rows.append(_row(p, name, "agency", x, title=title, ev=ev))
        for _, x, values, _, ev in figured.get(p, ()):
            rows.append(figure_row(p, name, x, values, ev))
        for section, out in (("learned_from", True), ("taught", False)):
            for _, x, (title,), (what,), ev in learning[out].get(p, ()):
                rows.append(_row(p, name, section, x, title=title, items=what, ev=ev))
        for _, x, (title, kind, date, issuer, head), _, _ in about.get(p, ()):
            rows.append(_row(p, name, "document", x, title=title, status=kind, date=date, issuer=issuer, head=head))
    return rows


def _by_node(links: list[tuple[Any, ...]]) -> dict[Any, list[tuple[Any, ...]]]:
    """``linked``'s links grouped by the node they start from, each group in ``linked``'s order."""
    grouped: dict[Any, list[tuple[Any, ...]]] = {}
    for link in links:
        grouped.setdefault(link[0], []).append(link)
    return grouped


FIGURE_FIELDS = ("subject", "as_written", "status", "year", "practices")   # a figure's properties its row shows


def figure_row(p: str, name: Any, x: str, values: tuple[Any, ...], ev: dict[str, list[Any]] | None) -> dict[str, Any]:
    """The raw row of figure ``x`` about place ``p`` (``values``: its ``FIGURE_FIELDS``)."""
    subject, written, status, year, practices = values
    return _row(p, name, "figure", x, title=subject, items=[written], status=status,
                date=None if year is None else str(int(year)), practices=list(practices or []), ev=ev)


SECTIONS = ("practice", "named_model", "policy", "agency", "figure", "learned_from", "taught", "document")
_STATUSED = ("policy", "figure")      # sections whose ``status`` column is stored: policy status, figure done/planned
_STATUS_ZH = {"issued": "已出台", "planned": "计划出台", "drafting": "起草中", "referenced": "引用"}


def _detail(row: dict[str, Any]) -> str | None:
    section = row["section"]
    items = [str(i) for i in as_list(row.get("items")) if i]
    if section == "named_model":
        return "；".join(f"{i + 1}. {c}" for i, c in enumerate(items)) or None
    if section == "policy":
        parts = [_STATUS_ZH.get(row.get("status") or "", row.get("status") or ""), row.get("date") or "",
                 row.get("issuer") or ""]
        return " · ".join(p for p in parts if p) or None
    if section == "figure":
        return " ".join(p for p in (items[0] if items else "", row.get("date") or "") if p) or None
    if section in ("learned_from", "taught"):
        return "；".join(items) or None
    if section == "document":
        return " · ".join(p for p in (row.get("status") or "", row.get("date") or "") if p) or None
    return None


def _status(row: dict[str, Any], ev: Any, studied: list[tuple[Any, int, int]]) -> str | None:
    """A policy's status, a figure's done/planned; a practice is ``planned`` where its sentence states a
    plan, a document still being drafted (``正在制订《…》``) or a duty (``必须…``), not work done; else
    ``studied`` where the words it is quoted by are those of a statement that the place studies another
    place (inside the evidence its ``learned_from`` links are quoted by, ``studied``: 学习…武城县
    “红色业委会”…); else ``visited`` where the sentence names it only among what a visiting group goes to see
    (调研组一行走访了某小区“网格工作室”); else ``visitors`` where it names it only in a sentence carrying on a visiting
    group's (…。随后，…与居民代表等进行座谈: the visitors' forum); else ``conceded`` where it names it only in what a concession grants
    (虽然成立了业主委员会，但…: the ground of a problem); else ``problem`` where it names it only as the field a problem
    is found in (如在物业治理方面，…难以吸引专业物业公司入驻); else ``rule`` where it names it only inside a rule it quotes
    (关于“…设施面积不低于30平方米”的精神: a criterion cited); else None. A named model is ``learnt`` where its sentence says the place learns it from
    elsewhere, ``aim`` where it is an aim, principle or slogan (``queries/model_roles``)."""
    if row["section"] in _STATUSED:
        return row.get("status")
    if row["section"] == "named_model":   # learnt from elsewhere, or an aim: not the place's own model
        return model_role(row.get("name"), ev.quote)
    if row["section"] != "practice" or not ev.quote:
        return None
    if is_plan(ev.quote) and not reported_before_plan(ev.quote, row["name"]) or states_duty(ev.quote):
        return "planned"     # (not where the practice's clause reports it reached before the plan: 已有一半以上组建业委会)
    if ev.start is not None and any(doc == ev.doc_id and lo <= ev.start < hi for doc, lo, hi in studied):
        return "studied"
    if visited_only(ev.quote, row["name"]):
        return "visited"     # (调研组一行走访了某小区“网格工作室”: a room a visiting group saw)
    if visitors_only(ev.quote, row["name"]):
        return "visitors"    # (调研组一行走访了…。随后，…与居民代表等进行座谈: the visitors' forum)
    if conceded_only(ev.quote, row["name"]):
        return "conceded"    # (虽然成立了业主委员会，但…发挥不了作用: the ground of a problem stated)
    if problem_only(ev.quote, row["name"]):
        return "problem"     # (如在物业治理方面，部分老旧小区因…难以吸引专业物业公司入驻: the field of a problem stated)
    if rule_only(ev.quote, row["name"]):
        return "rule"        # (根据《…》关于“…设施面积不低于30平方米”的精神，…: a rule cited as a criterion)
    return None


def _studied_spans(rows: list[dict[str, Any]]) -> list[tuple[Any, int, int]]:
    """(document, start, end) of the evidence each ``learned_from`` link of the places is quoted by (the
    entry ``best_evidence`` picks: what every store gives)."""
    out = []
    for row in rows:
        if row["section"] == "learned_from":
            ev = best_evidence(row)
            if ev.doc_id is not None and ev.start is not None and ev.end is not None:
                out.append((ev.doc_id, ev.start, ev.end))
    return out


def _figure(row: dict[str, Any]) -> dict[str, Any]:
    """A figure row's ``written`` (the figure as the document writes it) and ``year`` (int); None else."""
    if row["section"] != "figure":
        return {"written": None, "year": None}
    items = [str(i) for i in as_list(row.get("items")) if i]
    date = str(row.get("date") or "")
    return {"written": items[0] if items else None, "year": int(date) if date.isdigit() else None}


def finished(row: dict[str, Any], studied: list[tuple[Any, int, int]]) -> dict[str, Any]:
    """The answer's row of one raw row (``studied``: ``_studied_spans`` of the place's rows)."""
    if row["section"] == "document":
        ev = head_quote(row["id"], row.get("head"))
    else:
        ev = best_evidence(row)
    figure = _figure(row)
    # a figure whose words name nothing counted is shown as written (1.2万户), never by its id
    return {"place_id": row["place_id"], "place": row["place"], "section": row["section"],
            "category": row.get("category"), "name": row.get("name") or figure["written"] or row["id"],
            "detail": _detail(row), "status": _status(row, ev, studied),
            # (a figure of CPPCC members' work in the place they come to measures no practice of the place's)
            "practices": (sorted(as_list(row.get("practices"))) if not members_work(ev.quote) else [])
            if row["section"] == "figure" else None,
            **figure, "id": row["id"], **ev.columns()}


def order_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """Where a row of the answer comes: by place, section, category, name and id."""
    return (row["place_id"], _ORDER.get(row["section"], 99), row["category"] or "", str(row["name"]), row["id"])


_ORDER = {s: i for i, s in enumerate(SECTIONS)}


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    store = maintained(FIGURES, version)         # the embedded store keeps every place's figure rows
    embedded = getattr(fetch, "embedded_graph", None)
    g = embedded() if store is not None and embedded is not None else None
    rows = best_rows(fetch, params) if g is None else _fetch(g, params["place"], True, False)
    seen: set[tuple[str, str, str]] = set()
    out = []
    studied = _studied_spans(rows)
    for row in rows:
        key = (row["place_id"], row["section"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        out.append(finished(row, studied))
    if g is not None:                            # (a figure row's order within its place is its kept one)
        for p in find_places(g, params["place"]):
            head = {"place_id": p, "place": g.nodes[p].get("name")}
            out.extend({**head, **row} for row in loads_all(store.kept_rows(FIGURES, sort_key(p))))
    out.sort(key=order_key)
    return out
