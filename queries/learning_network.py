"""The named query ``learning_network``: ``fetch`` gives the embedded store the raw rows ``learning_network.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/learning_network.cypher`` (same parameters, same raw rows).

finish: Finisher of ``learning_network``: learning edges, then diffusion of shared model names and practices.

Diffusion rows: for each named-model name used by two or more places, and each practice, the places in
the order they first appear (earliest supporting document year; unknown years last); ``source`` is the
earliest place, so each row reads "learner took up *what*, first seen at *source*".
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from queries.kept import KeptSections, with_index
from queries.rows import as_list, best_evidence
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import ev_lists, nodes_of, out_edges

__all__ = ["SPEC", "build_index", "fetch", "finish"]

SPEC = QuerySpec(
    "learning_network", "学习借鉴网络",
    "Who learned from whom (with what and when), and how named models spread: the places that use "
    "each shared model name, earliest first (the diffusion view).",
    (Param("limit", "int", "most rows per section", default=500, min=1, max=100000),),
    ("section", "learner_id", "learner", "source_id", "source", "what", "year", *EVIDENCE),
    examples=({}, {"limit": 5}),
)


def _years(g: Any, docs: set[str]) -> dict[str, Any]:
    """document id -> its year (None where it has none), for those of ``docs`` in the graph; on the
    SQLite view read a few hundred documents per scan (``node_values``) without loading the documents
    (their texts) into it."""
    bulk = getattr(g, "node_values", None)
    if bulk is not None:
        return bulk(sorted(docs), "year")
    return {d: g.nodes[d].get("year") for d in docs if d in g}


def fetch(g: Any, limit: int = 500) -> list[dict[str, Any]]:
    rows = []
    for place in nodes_of(g, "Place", ("LEARNED_FROM", True), ("ADOPTS", True)):
        pd = g.nodes[place]
        for s, r in out_edges(g, place, "LEARNED_FROM"):
            ev = ev_lists(r)
            rows.append({"section": "learned_from", "learner_id": place, "learner": pd.get("name"),
                         "source_id": s, "source": g.nodes[s].get("name"), "what": r.get("what"),
                         "year": None, **ev})
        for x, r in out_edges(g, place, "ADOPTS"):
            ev = ev_lists(r)
            rows.append({"section": "practice", "learner_id": place, "learner": pd.get("name"),
                         "source_id": None, "source": None, "what": [g.nodes[x].get("name")],
                         "year": None, **ev})
    for n in nodes_of(g, "NamedModel", ("OWNED_BY", True)):
        nd = g.nodes[n]
        ev = ev_lists(nd)
        for o, _ in out_edges(g, n, "OWNED_BY"):
            rows.append({"section": "model", "learner_id": o, "learner": g.nodes[o].get("name"),
                         "source_id": None, "source": None, "what": [nd.get("name")],
                         "year": None, **ev})
    # each row's year: the earliest of its documents' years, read for all rows at once
    years = _years(g, {d for row in rows for d in row["ev_doc"] if isinstance(d, str)})
    for row in rows:
        found = [y for d in set(row["ev_doc"]) if (y := years.get(d)) is not None]
        row["year"] = min(found) if found else None
    return rows


def _year_key(year: Any) -> int:
    return int(year) if year is not None else 99999


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    """The whole network is computed once per graph version (and kept in the store where it can be:
    ``queries/kept.py``); ``limit`` cuts each section."""
    return with_index("learning_network", version, lambda: build_index(fetch, params), KeptSections.load,
                      lambda kept: [row for rows in kept.head(params["limit"]) for row in rows])


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> KeptSections:
    return KeptSections(_sections(fetch(params)))


def _sections(raw: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    learned, spread = [], {"model": {}, "practice": {}}
    for row in raw:
        ev = best_evidence(row)
        year = int(row["year"]) if row.get("year") is not None else None
        if row["section"] == "learned_from":
            learned.append({"section": "learned_from", "learner_id": row["learner_id"], "learner": row["learner"],
                            "source_id": row["source_id"], "source": row["source"],
                            "what": "；".join(str(w) for w in as_list(row.get("what")) if w) or None,
                            "year": year, **ev.columns()})
            continue
        name = next((str(w) for w in as_list(row.get("what")) if w), None)
        if name is None:
            continue
        by_place = spread[row["section"]].setdefault(name, {})
        old = by_place.get(row["learner_id"])
        cand = {"learner_id": row["learner_id"], "learner": row["learner"], "year": year, **ev.columns()}
        if old is None or (_year_key(year), ev.doc_id or "") < (_year_key(old["year"]), old["doc_id"] or ""):
            by_place[row["learner_id"]] = cand
    learned.sort(key=lambda r: (_year_key(r["year"]), r["learner_id"], r["source_id"]))
    out = [learned]
    for section in ("model", "practice"):
        rows = []
        for name, by_place in sorted(spread[section].items()):
            if section == "model" and len(by_place) < 2:
                continue
            ordered = sorted(by_place.values(), key=lambda r: (_year_key(r["year"]), r["learner_id"]))
            first = ordered[0]
            for r in ordered:
                rows.append({"section": section, "learner_id": r["learner_id"], "learner": r["learner"],
                             "source_id": first["learner_id"], "source": first["learner"], "what": name,
                             "year": r["year"], "doc_id": r["doc_id"], "quote": r["quote"],
                             "start": r["start"], "end": r["end"]})
        out.append(rows)
    return out
