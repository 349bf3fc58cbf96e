"""Every place's figure rows of ``city_profile``, as the embedded store maintains them per document
(``graph/sqlite_rows.py``): a large city is the place of about 5,000 figures at 100,000 documents (most of
its profile), each read with its properties and its best evidence from wherever its document put it in
the file; kept, they are one range scan of the rows in the answer's order.

One row per (place, figure) — each ``FOR_PLACE`` link — holding the answer's row without the place's id
and name (read when the place is asked: a place's name can change without its figures), ordered by
place, then as the answer orders figures (name, id). A write changes the rows of the figures it gives
evidence to or changes, and of the ``FOR_PLACE`` links it adds or takes away.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from graph.model import label_of_id
from graph.sqlite_rows import sort_key
from queries.city_profile import FIGURE_FIELDS, FIGURES, figure_row, finished
from queries.kept import dumps
from queries.walk import ev_lists, out_edges, preload

__all__ = ["PlaceFigures"]

_SEP = "\x1f"


class PlaceFigures:
    """``city_profile``'s figure rows, per (place, figure)."""

    name = FIGURES
    streams_keys = True        # ``all_keys`` are read a few thousand at a time while the rows are written

    def affected(self, view: Any, touched: Any) -> set[str]:
        g = view
        figures = sorted(n for n in touched.nodes | touched.changed.keys()
                         if label_of_id(n) == "Metric" and n in g)
        preload(g, figures, "FOR_PLACE", True)
        keys = {_SEP.join((pl, mt)) for mt in figures for pl, _ in out_edges(g, mt, "FOR_PLACE")}
        keys.update(_SEP.join((pl, mt)) for mt, pl in touched.rels_of("FOR_PLACE"))
        return keys

    @staticmethod
    def flush_order(keys: Iterable[str]) -> list[str]:
        """By figure (its id starts with its document's): the keys one view reads come from few documents."""
        return sorted(keys, key=lambda key: key.split(_SEP)[::-1])

    def all_keys(self, view: Any) -> Iterator[str]:
        """Every ``FOR_PLACE`` link, by figure, a few thousand at a time (never the whole list in memory)."""
        stream = getattr(view, "rel_pairs", None)
        if stream is not None:
            for rows in stream("FOR_PLACE"):
                yield from (_SEP.join((pl, mt)) for mt, pl in rows)
            return
        yield from self.flush_order(_SEP.join((pl, mt)) for mt, pl in view.pairs("FOR_PLACE"))

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        g = view
        split = [key.split(_SEP) for key in keys]
        figures = list(dict.fromkeys(mt for _, mt in split if mt in g))
        preload(g, figures)
        preload(g, figures, "FOR_PLACE", True)
        out = {}
        for key, (pl, mt) in zip(keys, split):
            if mt not in g or pl not in {q for q, _ in out_edges(g, mt, "FOR_PLACE")}:
                continue
            n = g._node[mt]
            row = finished(figure_row(pl, None, mt, tuple(n.get(f) for f in FIGURE_FIELDS), ev_lists(n)), [])
            del row["place_id"], row["place"]
            out[key] = (sort_key(pl, str(row["name"]), mt), dumps(row))
        return out
