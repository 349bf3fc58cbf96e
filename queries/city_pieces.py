"""Every place's own pieces of evidence for its practices, as the embedded store maintains them per document
(``graph/sqlite_rows.py``), so ``compare_cities`` reads a city's cells instead of walking every measure of
its scope (at 100,000 documents a pair of large cities is ten thousand measures, each read with its
practice, its own sentence and its figures: 1.6 s).

One row per (place, practice, source, item): a measure the place implements, a named model it owns, or
its ADOPTS link to the practice — the raw row ``compare_cities.fetch`` gives for it, with its grade
without and with a figure and the figures that can measure the practice with their places
(``compare_cities.kept_piece``): whether a figure counts depends on the place asked (a figure about a
district counts for its city), so it is decided when the city is asked, from the scope read then. Rows
are ordered by place, then as ``fetch`` reads them (measures, named models, ADOPTS links, each in the
adjacency order of the place's relationships), so a place's pieces are one range scan.

The keys a write touches are those of ``exemplars``' pieces (``PieceRows``: the same (practice, place,
source, item) pieces, ordered by place here), which the rankings recompute for the same facts; a
``PART_OF`` link changes no row here (a scope is read at query time), only which rows a query reads.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graph.sqlite_rows import sort_key
from queries.compare_cities import PIECES, SOURCE_RANK, kept_piece
from queries.exemplars import PieceRows, _adopted, _memo
from queries.kept import dumps
from queries.walk import ev_lists, in_edges, out_edges, preload

__all__ = ["CityPieces"]

_SEP = "\x1f"
_FIGURE = ("status", "practices", "doc_id", "start", "end")


def _reordered(key: str) -> str:
    """An ``exemplar_pieces`` key (practice, place, source, item) as this index's (place, practice, …)."""
    practice, q, source, item = key.split(_SEP)
    return _SEP.join((q, practice, source, item))


class CityPieces:
    """The pieces of every place's ``compare_cities`` cells, per (place, practice, source, item)."""

    name = PIECES
    streams_keys = True        # ``all_keys`` come as the exemplars' pieces' do, a few thousand at a time
    fills_beside = PieceRows.name   # filled whole with them, through the same views (``RowKeeper.seed``)
    beside_key = staticmethod(_reordered)   # this index's key of an exemplar piece's

    def affected(self, view: Any, touched: Any) -> set[str]:
        return {_reordered(key) for key in PieceRows().affected(view, touched)}

    @staticmethod
    def flush_order(keys: Iterable[str]) -> list[str]:
        """By item, as ``PieceRows.flush_order`` (the item is the last part of both keys)."""
        return PieceRows.flush_order(keys)

    def all_keys(self, view: Any) -> Iterable[str]:
        return (_reordered(key) for key in PieceRows().all_keys(view))

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        g = view
        split = [key.split(_SEP) for key in keys]
        items = [item for _, _, source, item in split if source != "adopts" and item in g]
        measures = [m for m in items if m.startswith("me_")]
        preload(g, [*items, *(q for q, _, _, _ in split)])
        preload(g, measures, "IMPLEMENTS", False)
        preload(g, measures, "HAS_METRIC", True)
        preload(g, [m for m in items if m.startswith("nm_")], "OWNED_BY", True)
        metrics = list(dict.fromkeys(mt for m in measures for mt, _ in out_edges(g, m, "HAS_METRIC")))
        preload(g, metrics)
        preload(g, metrics, "FOR_PLACE", True)
        preload(g, items, "INSTANCE_OF", True)
        adopted = _adopted(g, [(q, item) for q, _, source, item in split if source == "adopts"])
        found: dict[str, tuple[tuple[str, str], dict[str, Any], list[Any]]] = {}
        for key, (q, practice, source, item) in zip(keys, split):
            if q not in g or item not in g:
                continue
            base = {"place_id": q, "place": None, "practice": practice, "source": source, "id": item, "at": q}
            if source == "adopts":
                r = adopted.get((q, item))
                if r is not None:
                    found[key] = ((q, item), {**base, "summary": None, "status": None, **ev_lists(r)}, [])
                continue
            if source == "measure":
                pair = (q, item)
                holders = [p for p, _ in in_edges(g, item, "IMPLEMENTS")]
            else:
                pair = (item, q)
                holders = [p for p, _ in out_edges(g, item, "OWNED_BY")]
            if q not in holders:
                continue
            n = g._node[item]
            for x, r in out_edges(g, item, "INSTANCE_OF"):
                if g._node[x].get("name") != practice:
                    continue
                if source == "measure":
                    row = {**base, "summary": n.get("summary"), "status": n.get("status"), **ev_lists(r),
                           **{"own_" + f[3:]: v for f, v in ev_lists(n).items()}}
                    found[key] = (pair, row, _figures(g, item, practice))
                else:
                    found[key] = (pair, {**base, "summary": n.get("name"),
                                         "status": "described" if n.get("components") else None, **ev_lists(r)}, [])
                break
        ranks = view.rel_order([pair for pair, _, _ in found.values()])
        memo = _memo(view)                # (the exemplars' pieces of these keys were graded through this view)
        return {key: (sort_key(row["place_id"], SOURCE_RANK[row["source"]], ranks.get(pair, 0), row["practice"], row["id"]),
                      dumps(kept_piece(row, figures, memo)))
                for key, (pair, row, figures) in found.items()}


def _figures(g: Any, measure: str, practice: str) -> list[tuple[list[str], Any, Any, Any, Any]]:
    """The figures of ``measure`` that can measure ``practice`` (a result whose sentence names it), in
    the adjacency order: (the places it is about, its document, start, end, first quote) — what
    ``figures_measuring`` reads of each, before asking whether one of its places is in the scope."""
    out = []
    for mt, _ in out_edges(g, measure, "HAS_METRIC"):
        n = g._node[mt]
        if n.get("status") == "planned" or practice not in (n.get("practices") or ()):
            continue
        quotes = n.get("ev_quote") or [None]
        out.append(([pl for pl, _ in out_edges(g, mt, "FOR_PLACE")], n.get("doc_id"), n.get("start"), n.get("end"),
                    quotes[0]))
    return out
