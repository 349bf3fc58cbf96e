"""Every named model summed up, as the embedded store maintains it per document (``graph/sqlite_rows.py``),
so ``named_model`` reads the models of a name in one range scan instead of choosing each one's best
evidence entry, and reading its owners and properties, when the name is asked: a common name is held by
1,927 places at 10,000 documents from files (1.1 s of CPU, half of it SQL choosing best entries).

One row per named model, ordered by its name, then id: its properties, how many evidence entries it has
and the one ``best_evidence`` picks (``evidence_summary``), and its owners with their names and aliases
— the row ``named_model._summary_rows`` makes of it. A write changes the rows of the models it gives
evidence to or changes, of those whose ``OWNED_BY`` links it adds or removes, and of the models of a
place whose name or aliases it changes.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graph.model import label_of_id
from graph.sqlite_rows import sort_key
from queries.kept import dumps
from queries.named_model import SUMMARIES, summary_rows
from queries.walk import in_edges, preload

__all__ = ["ModelSummaries"]


class ModelSummaries:
    """``named_model``'s summed-up models, per named model."""

    name = SUMMARIES

    def affected(self, view: Any, touched: Any) -> set[str]:
        g = view
        keys = {n for n in touched.nodes | touched.changed.keys() if label_of_id(n) == "NamedModel"}
        keys.update(s for s, _ in touched.rels_of("OWNED_BY"))
        places = sorted(n for n in touched.nodes | touched.changed.keys() if label_of_id(n) == "Place" and n in g
                        and (touched.removal or {"name", "aliases"} & set(touched.changed.get(n, ()))))
        preload(g, places, "OWNED_BY", False)
        keys.update(m for q in places for m, _ in in_edges(g, q, "OWNED_BY"))
        return keys

    def all_keys(self, view: Any) -> Iterable[str]:
        return view.label_ids("NamedModel")

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        found = summary_rows(view, [k for k in keys if k in view])
        if found is None:                            # a file that cannot sum evidence up: no rows
            return {}
        out: dict[str, tuple[bytes, list[Any]]] = {}
        for row in found:
            kept = out.get(row["model_id"])
            if kept is None:
                kept = out[row["model_id"]] = (sort_key(row["model"] or "", row["model_id"]), [])
            kept[1].append(row)
        return {m: (sort, dumps(rows)) for m, (sort, rows) in out.items()}
