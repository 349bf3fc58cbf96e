"""The named query ``learning_network``: ``fetch`` gives the embedded store the raw rows ``learning_network.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/learning_network.cypher`` (same parameters, same raw rows).

finish: Finisher of ``learning_network``: learning edges, then diffusion of shared model names and practices.

Diffusion rows: for each named-model name used by two or more places, and each practice, the places in
the order they first appear (earliest supporting document year; unknown years last). ``learner`` is the
place that uses the name; ``source`` is empty, since no document says it learned it from anyone (places
that share a model name may run different things); ``first`` is the earliest place, so each row reads
"*learner* uses *what*, first seen at *first*" — an order in time, not a learning link.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from graph.model import label_of_id
from graph.sqlite_rows import sort_key
from queries.kept import KeptSections, dumps, loads_all, maintained, with_index
from queries.rows import as_list, best_evidence, cached
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import ev_lists, in_edges, nodes_of, out_edges, preload

__all__ = ["SPEC", "NetworkRows", "SharedNames", "build_index", "fetch", "finish", "maintained_sections"]

SPEC = QuerySpec(
    "learning_network", "学习借鉴网络",
    "Who learned from whom (with what and when), and how named models spread: the places that use "
    "each shared model name, earliest first (the diffusion view).",
    (Param("limit", "int", "most rows per section", default=500, min=1, max=100000),),
    ("section", "learner_id", "learner", "source_id", "source", "what", "year", "first_id", "first", *EVIDENCE),
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
        rows.extend(_learned_raw(g, place, s, r) for s, r in out_edges(g, place, "LEARNED_FROM"))
        rows.extend(_adopts_raw(g, place, x, r) for x, r in out_edges(g, place, "ADOPTS"))
    for n in nodes_of(g, "NamedModel", ("OWNED_BY", True)):
        rows.extend(_model_raw(g, n, o) for o, _ in out_edges(g, n, "OWNED_BY"))
    return _with_years(g, rows)


def _learned_raw(g: Any, place: str, source: str, r: dict[str, Any]) -> dict[str, Any]:
    return {"section": "learned_from", "learner_id": place, "learner": g.nodes[place].get("name"),
            "source_id": source, "source": g.nodes[source].get("name"), "what": r.get("what"),
            "year": None, **ev_lists(r)}


def _adopts_raw(g: Any, place: str, x: str, r: dict[str, Any]) -> dict[str, Any]:
    return {"section": "practice", "learner_id": place, "learner": g.nodes[place].get("name"),
            "source_id": None, "source": None, "what": [g.nodes[x].get("name")], "year": None, **ev_lists(r)}


def _model_raw(g: Any, n: str, owner: str) -> dict[str, Any]:
    nd = g.nodes[n]
    return {"section": "model", "learner_id": owner, "learner": g.nodes[owner].get("name"),
            "source_id": None, "source": None, "what": [nd.get("name")], "year": None, **ev_lists(nd)}


def _with_years(g: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row's year: the earliest of its documents' years, read for all rows at once."""
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
    store = maintained("learning_network", version)     # the rows the store maintains per document
    if store is not None and maintained(SharedNames.name, version) is not None:
        return cached(f"learning_network:rows:{params['limit']}", version,
                      lambda: [row for rows in maintained_sections(store, params["limit"]) for row in rows])
    return with_index("learning_network", version, lambda: build_index(fetch, params), KeptSections.load,
                      lambda kept: [row for rows in kept.head(params["limit"]) for row in rows])


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> KeptSections:
    return KeptSections(_sections(fetch(params)))


def _sections(raw: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    learned, spread = [], {"model": {}, "practice": {}}
    for row in raw:
        if row["section"] == "learned_from":
            learned.append(_learned(row))
            continue
        name, cand = _candidate(row)
        if name is None:
            continue
        by_place = spread[row["section"]].setdefault(name, {})
        old = by_place.get(row["learner_id"])
        if old is None or _first(cand) < _first(old):
            by_place[row["learner_id"]] = cand
    learned.sort(key=_learned_order)
    out = [learned]
    for section in ("model", "practice"):
        rows = []
        for name, by_place in sorted(spread[section].items()):
            if section == "model" and len(by_place) < 2:
                continue
            rows.extend(_spread(section, name, sorted(by_place.values(), key=_spread_order)))
        out.append(rows)
    return out


def _learned(row: dict[str, Any]) -> dict[str, Any]:
    """A learned_from row of the answer from its raw row."""
    return {"section": "learned_from", "learner_id": row["learner_id"], "learner": row["learner"],
            "source_id": row["source_id"], "source": row["source"],
            "what": "；".join(str(w) for w in as_list(row.get("what")) if w) or None,
            "year": int(row["year"]) if row.get("year") is not None else None, "first_id": None, "first": None,
            **best_evidence(row).columns()}


def _learned_order(row: dict[str, Any]) -> tuple[int, str, str]:
    return (_year_key(row["year"]), row["learner_id"], row["source_id"])


def _candidate(row: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """(the model or practice name, the place's candidate row) of a model or practice raw row."""
    name = next((str(w) for w in as_list(row.get("what")) if w), None)
    year = int(row["year"]) if row.get("year") is not None else None
    return name, {"learner_id": row["learner_id"], "learner": row["learner"], "year": year,
                  **best_evidence(row).columns()}


def _first(cand: dict[str, Any]) -> tuple[int, str]:
    """Of a place's candidates for one name, the one kept: the earliest year, then document."""
    return (_year_key(cand["year"]), cand["doc_id"] or "")


def _spread_order(cand: dict[str, Any]) -> tuple[int, str]:
    return (_year_key(cand["year"]), cand["learner_id"])


def _spread(section: str, name: str, ordered: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of one name's diffusion (its places' candidates, earliest first): the first place is
    ``first`` of every row; ``source`` stays empty (no document says one learned it from another)."""
    first = ordered[0]
    return [{"section": section, "learner_id": r["learner_id"], "learner": r["learner"],
             "source_id": None, "source": None, "what": name,
             "year": r["year"], "first_id": first["learner_id"], "first": first["learner"],
             "doc_id": r["doc_id"], "quote": r["quote"],
             "start": r["start"], "end": r["end"]} for r in ordered]


_SEP = "\x1f"
_PAGE = 2000           # model rows read at a time (names of one place are skipped)


def maintained_sections(store: Any, limit: int) -> list[list[dict[str, Any]]]:
    """The sections, cut at ``limit`` rows each, from the rows the store maintains (``NetworkRows``; the
    model names of two places or more from ``SharedNames``)."""
    learned = loads_all(store.kept_rows(NetworkRows.name, sort_key(0), limit))
    models: list[dict[str, Any]] = []
    for name in loads_all(store.kept_rows(SharedNames.name)):
        if len(models) >= limit:
            break
        models.extend(_finished("model", _earliest(loads_all(store.kept_rows(NetworkRows.name, sort_key(2, name))))))
    practices: list[dict[str, Any]] = []
    group: list[dict[str, Any]] = []
    offset = 0
    while len(practices) < limit:
        page = loads_all(store.kept_rows(NetworkRows.name, sort_key(1), _PAGE, offset))
        offset += len(page)
        for cand in page:
            if group and cand["what"] != group[0]["what"]:
                practices.extend(_finished("practice", _earliest(group)))
                group = []
            group.append(cand)
        if len(page) < _PAGE:
            practices.extend(_finished("practice", _earliest(group)))
            break
    return [learned, models[:limit], practices[:limit]]


def _earliest(cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of one name's candidates in sort order, each place's first (its earliest)."""
    first: dict[str, dict[str, Any]] = {}
    for cand in cands:
        first.setdefault(cand["learner_id"], cand)
    return list(first.values())


def _finished(section: str, group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not group or (section == "model" and len(group) < 2):
        return []
    return _spread(section, group[0]["what"], [{k: v for k, v in c.items() if k != "what"} for c in group])


class NetworkRows:
    """The learning network as a row index the embedded store maintains per document
    (``graph/sqlite_rows.py``): one row per LEARNED_FROM relationship, per ADOPTS relationship (a place's
    candidate for a practice) and per (named model, owner) (a place's candidate for a model name),
    ordered as the answer lists them; the source of a name (its earliest place) is found when it is
    read. A document changes the rows of the relationships and models it gives evidence to (their
    evidence and years) and of the places whose name it changes."""

    name = "learning_network"

    def affected(self, view: Any, touched: Any) -> set[str]:
        keys = touched.memo.get(self.name)            # (the shared names ask for the same keys)
        if keys is None:
            keys = touched.memo[self.name] = self._affected(view, touched)
        return keys

    def _affected(self, g: Any, touched: Any) -> set[str]:
        keys = {_SEP.join(("l", s, e)) for s, e in touched.rels_of("LEARNED_FROM")}
        keys.update(_SEP.join(("p", s, e)) for s, e in touched.rels_of("ADOPTS"))
        keys.update(_SEP.join(("m", s, e)) for s, e in touched.rels_of("OWNED_BY"))
        models = sorted(n for n in touched.nodes if label_of_id(n) == "NamedModel" and n in g)
        preload(g, models, "OWNED_BY", True)
        keys.update(_SEP.join(("m", n, o)) for n in models for o, _ in out_edges(g, n, "OWNED_BY"))
        renamed = sorted(n for n, props in touched.changed.items() if "name" in props and n in g)
        for n in renamed:                                 # a place's rows carry its name
            if label_of_id(n) == "Place":
                keys.update(_SEP.join(("l", n, s)) for s, _ in out_edges(g, n, "LEARNED_FROM"))
                keys.update(_SEP.join(("l", s, n)) for s, _ in in_edges(g, n, "LEARNED_FROM"))
                keys.update(_SEP.join(("p", n, x)) for x, _ in out_edges(g, n, "ADOPTS"))
                keys.update(_SEP.join(("m", m, n)) for m, _ in in_edges(g, n, "OWNED_BY"))
        return keys

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        g = view
        split = [key.split(_SEP) for key in keys]
        raw: dict[str, dict[str, Any]] = {}
        rels = {"l": "LEARNED_FROM", "p": "ADOPTS"}
        for code, rel_type in rels.items():
            pairs = [(s, e) for c, s, e in split if c == code and s in g and e in g]
            found = _between(g, pairs, rel_type)
            for (s, e), r in found.items():
                raw[_SEP.join((code, s, e))] = (_learned_raw if code == "l" else _adopts_raw)(g, s, e, r)
        models = [(m, o) for c, m, o in split if c == "m" and m in g and o in g]
        owned = _between(g, models, "OWNED_BY")
        preload(g, [m for m, _ in owned])
        order = g.node_order([m for m, _ in owned]) if hasattr(g, "node_order") else {}
        raw.update((_SEP.join(("m", m, o)), _model_raw(g, m, o)) for m, o in owned)
        _with_years(g, list(raw.values()))
        out = {}
        for key, row in raw.items():
            if row["section"] == "learned_from":
                value = _learned(row)
                out[key] = (sort_key(0, *_learned_order(value)), dumps(value))
                continue
            name, cand = _candidate(row)
            if name is None:
                continue
            code = 2 if row["section"] == "model" else 1
            extra = (cand["doc_id"] or "", order.get(key.split(_SEP)[1], 0)) if code == 2 else ()
            out[key] = (sort_key(code, name, *_spread_order(cand), *extra), dumps({**cand, "what": name}))
        return out

    def all_keys(self, view: Any) -> Iterable[str]:
        for code, rel_type in (("l", "LEARNED_FROM"), ("p", "ADOPTS")):
            yield from (_SEP.join((code, s, e)) for s, e in view.pairs(rel_type))
        yield from (_SEP.join(("m", m, o)) for m, o in view.pairs("OWNED_BY"))


class SharedNames:
    """The named-model names two places or more use (those the model section lists), one row per name,
    counted from ``NetworkRows`` (which the store writes first, in the same transaction). A name whose
    count falls (a model renamed, a document removed) may stay listed: its rows are counted again when
    read."""

    name = "learning_model_names"

    def affected(self, view: Any, touched: Any) -> set[str]:
        models = sorted({key.split(_SEP)[1] for key in NetworkRows().affected(view, touched) if key[0] == "m"})
        preload(view, [m for m in models if m in view])
        return {str(view.nodes[m].get("name")) for m in models if m in view and view.nodes[m].get("name")}

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        out = {}
        for name in keys:
            places = {c["learner_id"] for c in loads_all(view.store.kept_rows(NetworkRows.name, sort_key(2, name)))}
            if len(places) >= 2:
                out[name] = (sort_key(name), dumps(name))
        return out

    def all_keys(self, view: Any) -> Iterable[str]:
        return sorted({c["what"] for c in loads_all(view.store.kept_rows(NetworkRows.name, sort_key(2)))})


def _between(g: Any, pairs: list[tuple[str, str]], rel_type: str) -> dict[tuple[str, str], dict[str, Any]]:
    """(start, end) -> the ``rel_type`` relationship's attributes, for the pairs that have one."""
    between = getattr(g, "edges_between", None)
    if between is not None:
        return between(pairs, rel_type)
    return {(s, e): r for s, e in pairs for y, r in out_edges(g, s, rel_type) if y == e}
