"""The named query ``similar_cities``: it computes over the whole graph, so it has no ``.cypher`` of its own;
its rows are the store's projection ``place_practices`` (``GraphStore.projection``, the same rows on
every store: ``graph/projections.py``, ``graph/cypher/projection_place_practices.cypher``).

finish: practice vectors per place (kept per graph version), then similarity.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from graph.model import label_of_id
from graph.sqlite_rows import sort_key
from queries.analysis import PracticeVectors, similar_places
from queries.kept import maintained, with_index
from queries.rows import cached
from queries.spec import EVIDENCE, K, Param, QuerySpec
from queries.walk import in_edges, preload

__all__ = ["SPEC", "PlaceRows", "build_index", "finish", "vectors"]

SPEC = QuerySpec(
    "similar_cities", "相似地方",
    "Places whose practice sets resemble a place's: Jaccard over practice sets and cosine over "
    "practice counts (measures per practice), with the shared practices.",
    (Param("place", "str", "place name or id", required=True, names="Place"), K),
    ("rank", "place_id", "place", "jaccard", "cosine", "shared", *EVIDENCE),
    projection="place_practices",
    examples=({"place": "濮阳市"}, {"place": "潜江市", "k": 3}),
)



def build_index(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any]) -> PracticeVectors:
    """The vectors from the projection's rows, streamed where the fetch can (``Fetch.stream``)."""
    stream = getattr(fetch, "stream", None)
    return PracticeVectors.from_rows(stream(params) if stream is not None else fetch(params))


def vectors(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
            version: Callable[[], Hashable]) -> PracticeVectors:
    """The practice vectors of this graph version (kept in the store where it can be: ``queries/kept.py``)."""
    store = maintained("place_practices", version)     # the rows the store maintains per document
    if store is not None:
        return cached("place_practices:rows", version,
                      lambda: PracticeVectors.from_place_values(store.kept_rows("place_practices")))
    return with_index("place_practices", version, lambda: build_index(fetch, params), PracticeVectors.load,
                      lambda pv: pv)


class PlaceRows:
    """The practice vectors as a row index the embedded store maintains per document
    (``graph/sqlite_rows.py``): one row per place — its practices, how often, and the best evidence of
    each — computed from the place's rows of the projection alone. A document changes the places of the
    ADOPTS relationships and the measures it gives evidence to, and those whose name it changes."""

    name = "place_practices"
    #: places computed through one view (``graph/sqlite_rows.py`` ``put``): a place's row reads every
    #: measure and adoption of it, and a flush touches nearly every city, so a view of 5,000 places held
    #: the practices of the whole graph at once (as ``embedded_rows`` streams them, a hundred at a time)
    view_keys = 100

    def affected(self, view: Any, touched: Any) -> set[str]:
        places = {s for s, _ in touched.rels_of("ADOPTS")}
        places.update(s for s, _ in touched.rels_of("IMPLEMENTS"))
        places.update(n for n, props in touched.changed.items() if "name" in props and label_of_id(n) == "Place")
        if touched.removal:
            places.update(n for n in touched.nodes if label_of_id(n) == "Place")
        measures = sorted({s for s, _ in touched.rels_of("INSTANCE_OF") if s.startswith("me_") and s in view})
        preload(view, measures, "IMPLEMENTS", False)
        places.update(q for m in measures for q, _ in in_edges(view, m, "IMPLEMENTS"))
        return places

    def rows(self, view: Any, keys: Sequence[str]) -> dict[str, tuple[bytes, bytes]]:
        from graph.projections import place_practices_of

        places = [q for q in keys if q in view]
        values = PracticeVectors.from_rows(place_practices_of(view, places)).place_values()
        return {pid: (sort_key(pid), value) for pid, value in values.items()}

    def all_keys(self, view: Any) -> Iterable[str]:
        return view.label_ids("Place")


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    pv = vectors(fetch, params, version)
    out = []
    for pid in pv.resolve(params["place"]):
        out.extend(similar_places(pv, pid, params["k"]))
    return out
