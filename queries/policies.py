"""The named query ``policies``: ``fetch`` gives the embedded store the raw rows ``policies.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/policies.cypher`` (same parameters, same raw rows).

finish: Finisher of ``policies``: policies (issued / referenced) first, then commitments (planned or drafting
policies and planned measures), each with its evidence.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from graph.model import NO_EVIDENCE, Evidence
from queries.rows import best_evidence
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import ev_lists, find_places, in_edges, linked, named, out_edges, place_scope, preload

__all__ = ["COMMITMENT_STATUSES", "SPEC", "fetch", "finish"]

SPEC = QuerySpec(
    "policies", "政策文件",
    "Policies of a place or an agency with issuer, date and status; promised work (planned or drafting "
    "policies and planned measures) listed separately as commitments.",
    (Param("place", "str", "place name or id", names="Place"), Param("agency", "str", "agency canonical name or id")),
    ("section", "id", "title", "issuer", "date", "status", *EVIDENCE),
    any_of=("place", "agency"),
    examples=({"place": "濮阳市"}, {"agency": "河南省民政厅"}),
)


def _policy(g: Any, x: str, lean: bool = False) -> dict[str, Any]:
    n = g.nodes[x]
    return {"kind": "policy", "id": x, "title": n.get("title"), "issuer": n.get("issuer"), "date": n.get("date"),
            "status": n.get("status"), **({} if lean else ev_lists(n))}


def _measure(g: Any, m: str, lean: bool = False) -> dict[str, Any]:
    n = g.nodes[m]
    year = n.get("year")
    return {"kind": "measure", "id": m, "title": n.get("summary"), "issuer": None,
            "date": None if year is None else str(int(year)), "status": n.get("status"),
            **({} if lean else ev_lists(n))}


def fetch(g: Any, place: str | None = None, agency: str | None = None, lean: bool = False) -> list[dict[str, Any]]:
    """The raw rows of ``policies.cypher``; ``lean``: without their evidence lists (what ``_lean_rows``
    completes with each row's best entry)."""
    rows = []
    built: dict[str, dict[str, Any]] = {}

    def policy(x: str) -> dict[str, Any]:
        # a policy cited by every document is reached once per citing document: its row (with an
        # evidence entry per citation) is built once and listed each time, as the Cypher lists it
        row = built.get(x)
        if row is None:
            row = built[x] = _policy(g, x, lean)
        return row

    places = find_places(g, place) if place else []
    for p in places:
        for q in place_scope(g, p, 2):
            for a, _ in in_edges(g, q, "LOCATED_IN"):
                for x, _ in in_edges(g, a, "ISSUED_BY"):
                    if x.startswith("po_"):
                        rows.append(policy(x))
        about = [d for d, _ in in_edges(g, p, "ABOUT")]
        preload(g, about, "MENTIONS", True)      # hundreds of documents about a city: read in bulk
        for d in about:
            for x, _ in out_edges(g, d, "MENTIONS"):
                if x.startswith("po_"):
                    rows.append(policy(x))
    agencies = named(g, "Agency", agency) if agency else []
    for a in agencies:
        for x, _ in in_edges(g, a, "ISSUED_BY"):
            if x.startswith("po_"):
                rows.append(policy(x))
    for p in places:
        for q in place_scope(g, p, 2):
            for m, _ in out_edges(g, q, "IMPLEMENTS"):
                if g.nodes[m].get("status") == "planned":
                    rows.append(_measure(g, m, lean))
    for a in agencies:
        for m, _ in in_edges(g, a, "LED_BY"):
            if g.nodes[m].get("status") == "planned":
                rows.append(_measure(g, m, lean))
    return rows


COMMITMENT_STATUSES = frozenset({"planned", "drafting"})


def _year(date: str | None) -> int:
    head = (date or "")[:4]
    return int(head) if head.isdigit() else 0


def _lean_rows(fetch: Any, params: dict[str, Any]) -> list[dict[str, Any]] | None:
    """On the embedded store: the rows ``fetch`` gives, each with only its best evidence entry
    (``best``), chosen by SQL (``evidence_summary``) — a policy cited by every document has tens of
    thousands of entries and shows one; None elsewhere."""
    embedded = getattr(fetch, "embedded_graph", None)
    g = embedded() if embedded is not None else None
    if g is None or getattr(g, "evidence_summary", None) is None:
        return None
    rows = _lean_fetch(g, params.get("place"), params.get("agency"))
    summary = g.evidence_summary(list({row["id"] for row in rows}))
    if summary is None:
        return None
    return [{**row, "best": summary.get(row["id"], (0, None))[1]} for row in rows]


_raw = fetch

_POLICY_FIELDS = ("title", "issuer", "date", "status")
_MEASURE_FIELDS = ("summary", "year", "status")
_PLANNED = ("status", "planned")       # the measures a place or agency commits to


def _lean_fetch(g: Any, place: str | None, agency: str | None) -> list[dict[str, Any]]:
    """The rows of ``fetch(g, place, agency, lean=True)`` — the same walk and rows (a node reached twice
    from one step listed once: ``finish`` keeps a policy's first row only) — read set-wise (``linked``: the ids and the properties shown, one scan per step and a few
    hundred nodes), without building any node's attributes: a city's hundreds of documents about it
    (their texts), the policies they cite and the places under it are never loaded into the view. Each
    step keeps in SQL only what it lists — policies (``other_label``: the places, agencies and models
    the documents mention, the documents an agency issued), planned measures (``equal``) — so the
    others' properties are never parsed (at 100,000 documents a large city's documents mention 25,820
    nodes, 4,087 of them policies; its places implement 10,283 measures, 618 of them planned)."""
    rows: list[dict[str, Any]] = []
    built: dict[str, dict[str, Any]] = {}

    def policy(x: str, values: tuple[Any, ...]) -> dict[str, Any]:
        row = built.get(x)
        if row is None:
            title, issuer, date, status = values
            row = built[x] = {"kind": "policy", "id": x, "title": title, "issuer": issuer, "date": date,
                              "status": status}
        return row

    def measures(links: list[Any]) -> None:
        for _, m, (summary, year, status), _, _ in links:       # (planned ones only: ``equal``)
            rows.append({"kind": "measure", "id": m, "title": summary, "issuer": None,
                         "date": None if year is None else str(int(year)), "status": status})

    places = find_places(g, place) if place else []
    scopes = {p: _scope(g, p, 2) for p in places}
    for p in places:
        agencies_in = [a for _, a, _, _, _ in linked(g, scopes[p], "LOCATED_IN", False)]
        for _, x, values, _, _ in linked(g, agencies_in, "ISSUED_BY", False, _POLICY_FIELDS, other_label="Policy"):
            rows.append(policy(x, values))
        about = [d for _, d, _, _, _ in linked(g, [p], "ABOUT", False)]
        for _, x, values, _, _ in linked(g, about, "MENTIONS", True, _POLICY_FIELDS, other_label="Policy"):
            rows.append(policy(x, values))
    agencies = named(g, "Agency", agency) if agency else []
    for a in agencies:
        for _, x, values, _, _ in linked(g, [a], "ISSUED_BY", False, _POLICY_FIELDS, other_label="Policy"):
            rows.append(policy(x, values))
    for p in places:
        measures(linked(g, scopes[p], "IMPLEMENTS", True, _MEASURE_FIELDS, equal=_PLANNED))
    for a in agencies:
        measures(linked(g, [a], "LED_BY", False, _MEASURE_FIELDS, equal=_PLANNED))
    return rows


def _scope(g: Any, place_node: str, depth: int) -> list[str]:
    """``place_scope(g, place_node, depth)`` read set-wise (one ``linked`` scan per level)."""
    seen = {place_node}
    frontier = [place_node]
    for _ in range(depth):
        nxt = []
        for _, child, _, _, _ in linked(g, frontier, "PART_OF", False):
            if child not in seen:
                seen.add(child)
                nxt.append(child)
        frontier = nxt
    return sorted(seen)


def _best(row: dict[str, Any]) -> Evidence:
    if "best" not in row:
        return best_evidence(row)
    return NO_EVIDENCE if row["best"] is None else Evidence(*row["best"])


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    lean = _lean_rows(fetch, params)
    for row in lean if lean is not None else fetch(params):
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        commitment = row["kind"] == "measure" or row.get("status") in COMMITMENT_STATUSES
        out.append({"section": "commitment" if commitment else "policy", "id": row["id"], "title": row.get("title"),
                    "issuer": row.get("issuer"), "date": row.get("date"), "status": row.get("status"),
                    **_best(row).columns()})
    out.sort(key=lambda r: (r["section"] != "policy", -_year(r["date"]), r["title"] or "", r["id"]))
    return out
