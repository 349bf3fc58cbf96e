"""The named query ``exemplars``: ``fetch`` gives the embedded store the raw rows ``exemplars.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/exemplars.cypher`` (same parameters, same raw rows).

finish: Finisher of ``exemplars``: rank places by the strength of their evidence for one practice.

strength = recognition (national 10, provincial 6, media 3) + 2 per quantified piece (at most 5)
+ 1 per described piece (at most 5) + 2 per supporting document (at most 5). Recognition counts only
from a sentence about the place itself (``grading.recognition_about``); a piece is quantified only
where a figure measures the practice there (``grading``).
"""
from __future__ import annotations

from collections.abc import Callable, Container, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graph.model import Evidence, label_of_id
from graph.sqlite_rows import sort_key
from queries.compare_cities import graded
from queries.grading import (
    as_measures_grade,
    conceded_only,
    grade_rank,
    problem_only,
    recognition_about,
    rule_only,
)
from queries.kept import dumps, kept_reader, loads, loads_all, maintained
from queries.rows import as_list, cached, evidence_entry
from queries.spec import EVIDENCE, K, Param, QuerySpec
from queries.walk import (
    ev_lists,
    in_edges,
    measuring_figures,
    named,
    out_edges,
    place_ancestors,
    place_scope,
    preload,
)

__all__ = ["RECOGNITION_POINTS", "SPEC", "KeptRankings", "PieceRows", "RankingRows", "build_index", "fetch", "finish"]

SPEC = QuerySpec(
    "exemplars", "典型地方",
    "Places ranked by the strength of their evidence for a practice: figures, recognition by a higher "
    "level (provincial bulletins, national pilots), number of documents; with the best quote.",
    (Param("practice", "str", "canonical practice name, e.g. 红色物业", required=True, names="Practice"), K),
    ("rank", "place_id", "place", "strength", "grade", "figures", "recognition", "documents",
     "measure_count", *EVIDENCE),
    examples=({"practice": "红色物业"}, {"practice": "党建引领", "k": 3}),
)


_NO_FIGS = {"metrics": 0, "fig_doc": [], "fig_start": [], "fig_end": [], "fig_quote": []}


def fetch(g: Any, practice: str, k: int = 10) -> list[dict[str, Any]]:
    rows = []
    nodes = g._node          # the attribute dicts themselves (``g.nodes[n]`` builds a view per call)
    scopes: dict[str, set[str]] = {}
    for x in named(g, "Practice", practice):
        name = nodes[x].get("name")
        instances = list(in_edges(g, x, "INSTANCE_OF"))
        _preload(g, [m for m, _ in instances])
        for m, r in instances:
            if m.startswith("me_"):
                for q, _ in in_edges(g, m, "IMPLEMENTS"):
                    within = scopes.get(q)
                    if within is None:
                        within = scopes[q] = set(place_scope(g, q, 2))
                    rows.append(_measure_row(g, q, m, r, name, within))
            elif m.startswith("nm_"):
                rows.extend(_model_row(g, q, m, r, name) for q, _ in out_edges(g, m, "OWNED_BY"))
        rows.extend(_adopts_row(g, q, x, r) for q, r in in_edges(g, x, "ADOPTS"))
    return rows


def _measure_row(g: Any, q: str, m: str, r: dict[str, Any], practice: str, within: Container[str]) -> dict[str, Any]:
    """The raw row of measure ``m`` that place ``q`` implements, an instance of ``practice`` (``r``)."""
    n = g._node[m]
    # (the practice goes with the row: a sentence's verbs grade it only where they report its work, as in a cell)
    return {"place_id": q, "place": g._node[q].get("name"), "practice": practice, "source": "measure", "id": m,
            "summary": n.get("summary"), "status": n.get("status"),
            **measuring_figures(g, m, practice, within), **ev_lists(r)}


def _model_row(g: Any, q: str, m: str, r: dict[str, Any], practice: str) -> dict[str, Any]:
    """The raw row of named model ``m`` owned by place ``q``, an instance of ``practice`` (``r``), which goes with
    the row as with a measure's (``exemplars.cypher`` too): a model named only in a standard's spelled-out term
    grants nothing of it."""
    n = g._node[m]
    return {"place_id": q, "place": g._node[q].get("name"), "practice": practice, "source": "model", "id": m,
            "summary": n.get("name"),
            "status": "described" if n.get("components") else None, **_NO_FIGS, **ev_lists(r)}


def _adopts_row(g: Any, q: str, x: str, r: dict[str, Any]) -> dict[str, Any]:
    """The raw row of place ``q`` adopting practice ``x`` (``r``)."""
    return {"place_id": q, "place": g._node[q].get("name"), "practice": g._node[x].get("name"), "source": "adopts",
            "id": x, "summary": None, "status": None, **_NO_FIGS, **ev_lists(r)}


def _preload(g: Any, instances: list[str], scopes: bool = True) -> None:
    """What ``fetch`` walks from a practice's measures and models, loaded level by level in bulk (without
    ``scopes``: not the places under the measures' places, which ``place_scopes`` reads as ids)."""
    measures = [m for m in instances if m.startswith("me_")]
    preload(g, measures, "IMPLEMENTS", False)
    preload(g, measures, "HAS_METRIC", True)
    preload(g, [m for m in instances if m.startswith("nm_")], "OWNED_BY", True)
    preload(g, [mt for m in measures for mt, _ in out_edges(g, m, "HAS_METRIC")], "FOR_PLACE", True)
    if not scopes:
        return
    level = list(dict.fromkeys(q for m in measures for q, _ in in_edges(g, m, "IMPLEMENTS")))
    for _ in range(2):                                       # place_scope(…, 2): two levels of PART_OF
        preload(g, level, "PART_OF", False)
        level = list(dict.fromkeys(c for q in level for c, _ in in_edges(g, q, "PART_OF")))


RECOGNITION_POINTS = {"national": 10, "provincial": 6, "media": 3}
_LEVELS = list(RECOGNITION_POINTS)
_TOP = 200               # rankings are kept this deep: the ``k`` parameter's maximum
_KEPT = 256              # rankings kept per graph version (one per practice asked for)


@dataclass
class _Rankings:
    """One graph version's rankings so far. (The graded pieces are not shared between practices: a
    measure's piece depends on the practice, since only figures that measure that practice count.)"""
    by_practice: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    """The top ``k`` places. A ranking depends only on the graph and the practice and costs time linear
    in the practice's measures (tens of thousands for a common practice in a national corpus), so it
    is kept per graph version and practice: a later call, any ``k``, only slices it. A measure of
    several practices is graded for each. On the embedded store a build keeps every practice's ranking
    (``queries/kept.py``), so even a first call reads one entry."""
    practice = params["practice"]
    store = maintained("exemplars", version)             # the rankings the store maintains per document
    if store is not None:
        ranked = loads_all(store.kept_rows("exemplars", sort_key(practice), min(params["k"], _TOP)))
        return [{**r, "rank": i + 1} for i, r in enumerate(ranked)]
    reader = kept_reader("exemplars", version)          # the rankings a build kept in the store
    kept = reader.get("r:" + practice) if reader is not None else None
    if kept is not None:
        return [{**r, "rank": i + 1} for i, r in enumerate(loads(kept)[:params["k"]])]
    rankings = cached("exemplars", version, _Rankings)
    ranked = rankings.by_practice.get(practice)
    if ranked is None:
        if len(rankings.by_practice) >= _KEPT:
            rankings.by_practice.clear()
        ranked = rankings.by_practice[practice] = _rank(fetch(params), practice)[:_TOP]
    return [{**r, "rank": i + 1} for i, r in enumerate(ranked[:params["k"]])]


class KeptRankings:
    """Every practice's ranking (``_TOP`` deep), as a build keeps them in the store (``queries/kept.py``)."""

    def __init__(self, rankings: dict[str, list[dict[str, Any]]]):
        self.rankings = rankings

    def kept_entries(self) -> list[tuple[str, bytes]]:
        return [("r:" + practice, dumps(ranked)) for practice, ranked in self.rankings.items()]


def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> KeptRankings:
    """The rankings of ``params["practices"]``, as ``finish`` makes each on its first call."""
    return KeptRankings({practice: _rank(fetch({"practice": practice, "k": _TOP}), practice)[:_TOP]
                         for practice in params["practices"]})


class _Piece(NamedTuple):
    """One raw row's contribution to its place: graded evidence, documents, recognition found."""
    order: tuple[int, str, int]
    grade: str
    evidence: Evidence
    docs: tuple[str, ...]
    is_measure: bool
    recognised: tuple[tuple[int, str, int, str, Evidence], ...]


def _piece(row: dict[str, Any], memo: dict[Any, Any] | None = None) -> _Piece:
    """``row``'s piece (``memo``: ``grading.grade_evidence``'s, shared by the pieces graded together)."""
    grade, ev = graded(row, memo)
    docs = as_list(row.get("ev_doc"))
    quotes = as_list(row.get("ev_quote"))
    recognised = []
    for i, doc in enumerate(docs):
        if doc is None:
            continue
        level = recognition_about((quotes[i] if i < len(quotes) else None) or "", row["place_id"],
                                  row["place"] or "", memo)
        if level:
            e = evidence_entry(row, i)
            recognised.append((_LEVELS.index(level), doc, e.start or 0, level, e))
    return _Piece((grade_rank(grade), ev.doc_id or "", ev.start or 0), grade, ev,
                  tuple(d for d in docs if d is not None), row["source"] == "measure", tuple(recognised))


def _rank(rows: list[dict[str, Any]], practice: str) -> list[dict[str, Any]]:
    """Places ranked by strength (rows of ``practice``; a model's row, which names none, is graded as of it)."""
    places: dict[str, tuple[str, list[_Piece]]] = {}
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        key = (row["place_id"], row["source"], row["id"])
        if key in seen:
            continue
        seen.add(key)
        if not row.get("practice"):
            row = {**row, "practice": practice}
        piece = _piece(row)
        if _grants_nothing(piece, practice):
            continue
        places.setdefault(row["place_id"], (row["place"], []))[1].append(piece)
    out = [_place_row(pid, place, pieces) for pid, (place, pieces) in places.items()]
    out.sort(key=_rank_order)
    return out


def _grants_nothing(piece: _Piece, practice: str) -> bool:
    """Whether ``piece`` is claimed by a sentence that names ``practice`` only as a problem's ground or field or inside a
    rule it quotes (虽然成立了业主委员会，但…; 如在物业治理方面，…难以…; 关于“…不低于30平方米”的精神; “一有”即有…): no piece of the place's ranking,
    as it makes no cell on compare_cities — in the ranking ``fetch`` makes and in the one the store maintains."""
    quote = piece.evidence.quote
    return piece.grade == "claimed" and (conceded_only(quote, practice) or rule_only(quote, practice)
                                          or problem_only(quote, practice))


def _rank_order(row: dict[str, Any]) -> tuple[int, int, str]:
    return (-row["strength"], grade_rank(row["grade"]), row["place_id"])


def _place_row(pid: str, place: str, found: list[_Piece]) -> dict[str, Any]:
    """A place's row of a practice's ranking, from its pieces (in the order the raw rows gave them)."""
    grades = as_measures_grade([(p.is_measure, p.evidence.doc_id, p.evidence.start, p.grade) for p in found])
    pieces = sorted(((grade_rank(g), *p.order[1:], g, p.evidence) for p, g in zip(found, grades)), key=lambda t: t[:3])
    recognised = [r for p in found for r in p.recognised]
    docs = {d for p in found for d in p.docs}
    figures = sum(1 for p in pieces if p[3] == "quantified")
    described = sum(1 for p in pieces if p[3] == "described")
    best_rec = min(recognised, key=lambda t: t[:3]) if recognised else None
    level = best_rec[3] if best_rec else None
    strength = (RECOGNITION_POINTS.get(level, 0) if level else 0) + 2 * min(figures, 5) \
        + min(described, 5) + 2 * min(len(docs), 5)
    ev = best_rec[4] if best_rec else pieces[0][4]
    return {"place_id": pid, "place": place, "strength": strength, "grade": pieces[0][3],
            "figures": figures, "recognition": level, "documents": len(docs),
            "measure_count": sum(p.is_measure for p in found), **ev.columns()}


# -- maintained per document by the embedded store (graph/sqlite_rows.py) -----------------------------
#
# Two row indexes: ``exemplar_pieces``, one row per (practice, place, source, item) — a raw row of ``fetch``
# made into its ``_Piece``, keyed and ordered as ``fetch`` gives them within a place — and ``exemplars``,
# one row per (practice, place): the place's row of the ranking, aggregated from its pieces and ordered
# as the ranking is. A document changes the pieces of its own measures, of the named models and ADOPTS
# relationships it gives evidence to, of a place whose name changes, and — a new place under another
# (``PART_OF``) widening where a figure counts — of the measures of the places above it; then the
# ranking rows of the (practice, place) pairs of those pieces.

_SEP = "\x1f"


def _piece_value(p: _Piece) -> bytes:
    return dumps([list(p.order), p.grade, list(p.evidence), list(p.docs), p.is_measure,
                  [[*r[:4], list(r[4])] for r in p.recognised]])


def _piece_of(value: bytes) -> _Piece:
    order, grade, ev, docs, is_measure, recognised = loads(value)
    return _Piece(tuple(order), grade, Evidence(*ev), tuple(docs), is_measure,
                  tuple((*r[:4], Evidence(*r[4])) for r in recognised))


def _adopted(g: Any, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """(place, practice) -> its ADOPTS relationship's attributes, for the pairs that have one: read
    together where the graph can (the SQLite view), without the places' other practices."""
    between = getattr(g, "edges_between", None)
    if between is not None:
        return between(pairs, "ADOPTS")
    return {(q, x): r for q, x in pairs for y, r in out_edges(g, q, "ADOPTS") if y == x}


class PieceRows:
    """The pieces of every practice's ranking, per (practice, place, source, item)."""

    name = "exemplar_pieces"
    streams_keys = True        # ``all_keys`` are read a few thousand at a time while the rows are written

    def affected(self, view: Any, touched: Any) -> set[str]:
        keys = touched.memo.get(self.name)            # (the rankings ask for the same keys)
        if keys is None:
            keys = touched.memo[self.name] = self._affected(view, touched)
        return keys

    def _affected(self, g: Any, touched: Any) -> set[str]:
        measures, models, metrics, places = set(), set(), set(), set()
        adopts: set[tuple[str, str]] = set()
        for n in touched.nodes | touched.changed.keys():
            lab = label_of_id(n)
            if lab == "Measure":
                measures.add(n)
            elif lab == "Metric":
                metrics.add(n)
            elif lab == "NamedModel" and (n in touched.new_nodes or n in touched.changed):
                models.add(n)
            elif lab == "Place" and (touched.removal or "name" in touched.changed.get(n, ())):
                places.add(n)
        for rel_type, s, e in touched.rels:
            if rel_type == "INSTANCE_OF":
                (measures if s.startswith("me_") else models).add(s)
            elif rel_type in ("IMPLEMENTS", "HAS_METRIC"):
                measures.add(e if rel_type == "IMPLEMENTS" else s)
            elif rel_type == "FOR_PLACE":
                metrics.add(s)
            elif rel_type == "OWNED_BY":
                models.add(s)
            elif rel_type == "ADOPTS":
                adopts.add((s, e))
        # where figures count widens (or narrows): a place joined to (or cut from) a parent brings itself and
        # its own parts into the scope of the parent and of the parent's parent (``place_scope(…, 2)``);
        # only a figure about one of those places can change a row (``measuring_figures`` reads the scope
        # for nothing else): the measures holding such a figure, not every measure of the parent
        children = sorted({child for child, parent in touched.rels_of("PART_OF", new=True) if child in g})
        if children:
            preload(g, children, "PART_OF", False)
            joined = children + sorted({c for child in children for c, _ in in_edges(g, child, "PART_OF")} - set(children))
            preload(g, joined, "FOR_PLACE", False)
            metrics.update(mt for q in joined for mt, _ in in_edges(g, q, "FOR_PLACE"))
        for mt in sorted(metrics):
            if mt in g:
                measures.update(m for m, _ in in_edges(g, mt, "HAS_METRIC"))
        for q in sorted(places):                  # every piece of the place
            if q in g:
                measures.update(m for m, _ in out_edges(g, q, "IMPLEMENTS"))
                models.update(m for m, _ in in_edges(g, q, "OWNED_BY"))
                adopts.update((q, x) for x, _ in out_edges(g, q, "ADOPTS"))
        keys = set()
        measures = sorted(m for m in measures if m in g)
        models = sorted(m for m in models if m in g)
        preload(g, measures, "IMPLEMENTS", False)
        preload(g, models, "OWNED_BY", True)
        preload(g, measures + models, "INSTANCE_OF", True)
        for items, source, link in ((measures, "measure", ("IMPLEMENTS", False)), (models, "model", ("OWNED_BY", True))):
            for m in items:
                holders = [q for q, _ in (out_edges(g, m, link[0]) if link[1] else in_edges(g, m, link[0]))]
                for x, _ in out_edges(g, m, "INSTANCE_OF"):
                    keys.update(_SEP.join((g._node[x].get("name") or "", q, source, m)) for q in holders)
        keys.update(_SEP.join((g._node[x].get("name") or "", q, "adopts", x)) for q, x in adopts if x in g)
        return keys

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        g = view
        found: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}
        split = [key.split(_SEP) for key in keys]
        items = [item for _, _, source, item in split if source != "adopts" and item in g]
        preload(g, [*items, *(q for _, q, _, _ in split)])
        _preload(g, items, scopes=False)
        # where a figure counts: from the figures' places up (a parent or two each), not from each
        # place down (a province's scope: thousands of places)
        ups = place_ancestors(g, [pl for m in items if m.startswith("me_") for mt, _ in out_edges(g, m, "HAS_METRIC")
                                  for pl, _ in out_edges(g, mt, "FOR_PLACE")], 2)
        preload(g, items, "INSTANCE_OF", True)
        adopted = _adopted(g, [(q, item) for _, q, source, item in split if source == "adopts"])
        for key, (practice, q, source, item) in zip(keys, split):
            if q not in g or item not in g:
                continue
            if source == "adopts":
                r = adopted.get((q, item))
                if r is not None:
                    found[key] = ((1, 0), _adopts_row(g, q, item, r))
                continue
            link, out = ("IMPLEMENTS", False) if source == "measure" else ("OWNED_BY", True)
            if q not in {p for p, _ in (out_edges(g, item, link) if out else in_edges(g, item, link))}:
                continue
            for x, r in out_edges(g, item, "INSTANCE_OF"):
                if g._node[x].get("name") != practice:
                    continue
                if source == "measure":
                    found[key] = ((0, (item, x)), _measure_row(g, q, item, r, practice, _Within(q, ups)))
                else:
                    found[key] = ((0, (item, x)), _model_row(g, q, item, r, practice))
                break
        ranks = view.rel_order([at[1] for at, _ in found.values() if at[0] == 0])
        memo = _memo(view)
        out = {}
        for key, (at, row) in found.items():
            practice, q = key.split(_SEP)[:2]
            piece = _piece(row, memo)
            if _grants_nothing(piece, row.get("practice") or ""):
                continue    # (no piece of the ranking: a key without a row is none, as where its item is gone)
            out[key] = (sort_key(practice, q, at[0], ranks.get(at[1], 0) if at[0] == 0 else 0), _piece_value(piece))
        return out

    @staticmethod
    def flush_order(keys: Iterable[str]) -> list[str]:
        """The order a flush computes ``keys`` in: by item (a measure's id starts with its document's), so
        the few thousand keys one view reads come from a few documents, as a fill from ``all_keys`` reads
        them, not from every document of the practice's name (at 6,000 documents, 79,171 keys: 0.77 ms
        each against 0.26 ms in a fill)."""
        return sorted(keys, key=lambda key: (key.split(_SEP)[3], key))

    def all_keys(self, view: Any) -> Iterable[str]:
        """By item (``flush_order``: a view's few thousand keys come from a few documents; by practice and
        place instead, a measure of three practices is read by three views: a third more time at 15,000
        documents), read as relationship ends only (no node or evidence loaded: the whole graph passes);
        from the SQLite view a few thousand at a time (``instance_holders``), never whole."""
        stream = getattr(view, "instance_holders", None)
        if stream is not None:
            for rows in stream():
                yield from (_SEP.join(row) for row in rows)
            return
        names = {x: values[0] or "" for x, values in view.label_values("Practice", ("name",))}
        holders: dict[str, list[str]] = {}
        for q, m in view.pairs("IMPLEMENTS"):
            holders.setdefault(m, []).append(q)
        for m, q in view.pairs("OWNED_BY"):
            holders.setdefault(m, []).append(q)
        keys = set()
        for m, x in view.pairs("INSTANCE_OF"):
            source = "measure" if m.startswith("me_") else "model"
            keys.update(_SEP.join((names.get(x, ""), q, source, m)) for q in holders.get(m, ()))
        keys.update(_SEP.join((names.get(x, ""), q, "adopts", x)) for q, x in view.pairs("ADOPTS"))
        yield from sorted(keys, key=lambda key: key.split(_SEP))


def _memo(view: Any) -> dict[Any, Any]:
    """What the rows computed through ``view`` share of their grading (a quote's grade, its recognition):
    the view's own memo, which goes with it (``city_pieces`` grades the same pieces through the same view
    as these, a measure of several practices or places is graded once per key), or a fresh one."""
    memo = getattr(view, "memo", None)
    return memo if memo is not None else {}


_PAGE = 5000


class _Within:
    """``place_scope(g, q, 2)`` as ``measuring_figures`` asks it (``pl in within``), told from above: ``pl``
    is in it when ``q`` is ``pl`` or above it (``ups``: ``place_ancestors`` of the places asked about)."""

    __slots__ = ("q", "ups")

    def __init__(self, q: str, ups: dict[str, set[str]]):
        self.q, self.ups = q, ups

    def __contains__(self, pl: object) -> bool:
        return self.q in self.ups.get(pl, ()) if isinstance(pl, str) else False


class RankingRows:
    """Every practice's ranking, one row per (practice, place), aggregated from ``PieceRows`` (which the
    store writes first, in the same transaction)."""

    name = "exemplars"

    def affected(self, view: Any, touched: Any) -> set[str]:
        return {_SEP.join(key.split(_SEP)[:2]) for key in PieceRows().affected(view, touched)}

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        out = {}
        for key in keys:
            practice, q = key.split(_SEP)
            pieces = [_piece_of(v) for v in view.store.kept_rows(PieceRows.name, sort_key(practice, q))]
            if pieces and q in view:
                row = _place_row(q, view._node[q].get("name"), pieces)
                out[key] = (sort_key(practice, *_rank_order(row)), dumps(row))
        return out

    streams_keys = True

    def all_keys(self, view: Any) -> Iterable[str]:
        """Each (practice, place) of the pieces once, in order, read a page of keys at a time (the keys of
        one pair are consecutive in key order)."""
        last, after = None, None
        while page := view.store.kept_row_keys(PieceRows.name, after, _PAGE):
            for key in page:
                pair = _SEP.join(key.split(_SEP)[:2])
                if pair != last:
                    last = pair
                    yield pair
            after = page[-1]
