"""The named query ``city_profile``: ``fetch`` gives the embedded store the raw rows ``city_profile.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/city_profile.cypher`` (same parameters, same raw rows).

finish: Finisher of ``city_profile``: one row per fact with its evidence, in a fixed section order.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.rows import as_list, best_evidence, head_quote
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import ev_lists, find_places, in_edges, out_edges, preload

__all__ = ["SECTIONS", "SPEC", "fetch", "finish"]

SPEC = QuerySpec(
    "city_profile", "地方画像",
    "Everything about a place: practices by category, named models with components, policies with "
    "status, agencies, figures, whom it learned from and who learned from it, its documents. A figure "
    "row also gives the figure as written and its year (``written``, ``year``), which its ``detail`` shows.",
    (Param("place", "str", "place name (e.g. 濮阳市), alias or id", required=True, names="Place"),),
    ("place_id", "place", "section", "category", "name", "detail", "status", "practices", "id", "written", "year",
     *EVIDENCE),
    examples=({"place": "濮阳市"}, {"place": "潜江"}),
)


def _row(g: Any, p: str, section: str, x: str, *, category: str | None = None, name: Any = None,
         items: Any = None, status: Any = None, date: Any = None, issuer: Any = None, head: Any = None,
         practices: Any = None, ev: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    ev = ev or {"ev_doc": None, "ev_start": None, "ev_end": None, "ev_quote": None}
    return {"place_id": p, "place": g.nodes[p].get("name"), "section": section, "id": x,
            "category": category, "name": name, "items": items, "status": status, "date": date,
            "issuer": issuer, "head": head, "practices": practices, **ev}


def fetch(g: Any, place: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for p in find_places(g, place):
        for x, r in out_edges(g, p, "ADOPTS"):
            cats = [c for c, _ in out_edges(g, x, "IN_CATEGORY")] or [None]
            for c in cats:
                rows.append(_row(g, p, "practice", x, category=g.nodes[c].get("name") if c else None,
                                 name=g.nodes[x].get("name"), ev=ev_lists(r)))
        for x, _ in in_edges(g, p, "OWNED_BY"):
            n = g.nodes[x]
            rows.append(_row(g, p, "named_model", x, name=n.get("name"), items=n.get("components"),
                             ev=ev_lists(n)))
        located = [a for a, _ in in_edges(g, p, "LOCATED_IN")]
        preload(g, located, "ISSUED_BY", False)
        for a in located:
            for x, _ in in_edges(g, a, "ISSUED_BY"):
                n = g.nodes[x]
                if x.startswith("po_"):
                    rows.append(_row(g, p, "policy", x, name=n.get("title"), status=n.get("status"),
                                     date=n.get("date"), issuer=n.get("issuer"), ev=ev_lists(n)))
        mentioned = set()
        about = [d for d, _ in in_edges(g, p, "ABOUT")]
        preload(g, about, "MENTIONS", True)      # hundreds of documents about a city: read in bulk
        for d in about:
            for x, _ in out_edges(g, d, "MENTIONS"):
                if x.startswith("po_"):
                    mentioned.add(x)
        for x in sorted(mentioned):
            n = g.nodes[x]
            rows.append(_row(g, p, "policy", x, name=n.get("title"), status=n.get("status"),
                             date=n.get("date"), issuer=n.get("issuer"), ev=ev_lists(n)))
        for x, _ in in_edges(g, p, "LOCATED_IN"):
            if x.startswith("ag_"):
                rows.append(_row(g, p, "agency", x, name=g.nodes[x].get("name"), ev=ev_lists(g.nodes[x])))
        for x, _ in in_edges(g, p, "FOR_PLACE"):
            n = g.nodes[x]
            year = n.get("year")
            rows.append(_row(g, p, "figure", x, name=n.get("subject"), items=[n.get("as_written")],
                             status=n.get("status"), date=None if year is None else str(int(year)),
                             practices=list(n.get("practices") or []), ev=ev_lists(n)))
        for x, r in out_edges(g, p, "LEARNED_FROM"):
            rows.append(_row(g, p, "learned_from", x, name=g.nodes[x].get("name"), items=r.get("what"),
                             ev=ev_lists(r)))
        for x, r in in_edges(g, p, "LEARNED_FROM"):
            rows.append(_row(g, p, "taught", x, name=g.nodes[x].get("name"), items=r.get("what"),
                             ev=ev_lists(r)))
        for x, _ in in_edges(g, p, "ABOUT"):
            n = g.nodes[x]
            rows.append(_row(g, p, "document", x, name=n.get("title"), status=n.get("kind"),
                             date=n.get("date"), issuer=n.get("issuer"), head=(n.get("text") or "")[:200]))
    return rows


SECTIONS = ("practice", "named_model", "policy", "agency", "figure", "learned_from", "taught", "document")
_STATUSED = ("policy", "figure")      # sections whose ``status`` column is filled: policy status, figure done/planned
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


def _figure(row: dict[str, Any]) -> dict[str, Any]:
    """A figure row's ``written`` (the figure as the document writes it) and ``year`` (int); None else."""
    if row["section"] != "figure":
        return {"written": None, "year": None}
    items = [str(i) for i in as_list(row.get("items")) if i]
    date = str(row.get("date") or "")
    return {"written": items[0] if items else None, "year": int(date) if date.isdigit() else None}


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for row in fetch(params):
        key = (row["place_id"], row["section"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        if row["section"] == "document":
            ev = head_quote(row["id"], row.get("head"))
        else:
            ev = best_evidence(row)
        out.append({"place_id": row["place_id"], "place": row["place"], "section": row["section"],
                    "category": row.get("category"), "name": row.get("name") or row["id"],
                    "detail": _detail(row), "status": row.get("status") if row["section"] in _STATUSED else None,
                    "practices": sorted(as_list(row.get("practices"))) if row["section"] == "figure" else None,
                    **_figure(row),
                    "id": row["id"], **ev.columns()})
    order = {s: i for i, s in enumerate(SECTIONS)}
    out.sort(key=lambda r: (r["place_id"], order.get(r["section"], 99), r["category"] or "",
                            str(r["name"]), r["id"]))
    return out
