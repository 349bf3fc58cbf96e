"""The similarity index of ``similar_practices`` as the embedded store maintains it per document
(``graph/sqlite_postings.py``).

``SimilarPostings`` (in ``queries/similar_practices.py``) says what the store keeps: one item per measure and named model (the
:class:`~queries.similarity.SimItem` ``similar_practices`` builds from the ``practice_items`` rows),
its lookup attributes (its practices, its place, the place id or name it is found by, a named model's
name) and per character n-gram its weight in the item's own vector (``queries.similarity._lnc``: a
function of the item's text alone). ``PostedSimilarityIndex`` answers a query with the query side of
:class:`~queries.similarity.SimilarityIndex`: the item count and each query gram's document frequency
(its live postings) give the idf when the query is asked, so the answer is the index built whole's,
to the digit, and no write ever rewrites another item's vector.
"""
from __future__ import annotations

from typing import Any

from graph.sqlite_postings import KIND_BITS
from queries.fulltext_postings import PostedItems, live_postings
from queries.kept import loads
from queries.similarity import _ITEM_FIELDS, SIM_KINDS, SimItem, _Similarity

__all__ = ["NAME", "PostedSimilarityIndex", "posted_item"]

NAME = "similar_practices"   # the postings index (``queries/similar_practices.py`` ``SimilarPostings``)


def posted_item(value: bytes) -> SimItem:
    """The item a kept value (its fields as JSON) stands for."""
    fields = dict(zip(_ITEM_FIELDS, loads(value)))
    fields["practices"] = tuple(fields["practices"])
    fields["components"] = tuple(fields["components"])
    return SimItem(**fields)


class PostedSimilarityIndex(PostedItems, _Similarity):
    """``similar_practices`` over the postings the embedded store maintains (``SimilarPostings`` in
    ``queries/similar_practices.py``)."""

    def __init__(self, store: Any):
        self._open(store, NAME)
        self._kind_code = dict(zip(SIM_KINDS, range(len(SIM_KINDS))))

    def _postings(self, grams: list[str]) -> dict[str, tuple[int, Any, Any]]:
        found = self._store.posted_grams(self._name, grams)
        out, known = {}, []
        for gram, parts in found.items():
            ids, weights, sks = live_postings(parts, self._dead, "<f8")
            if ids.size:
                out[gram] = (int(ids.size), ids, weights.astype("float64"))
                known.append((ids, sks))
        self._remember(known)
        return out

    def _kinds_of(self, numbers: Any) -> Any:
        return numbers >> KIND_BITS

    def _place_items(self, place: str) -> Any:
        import numpy as np

        return np.asarray(self._store.posted_with(self._name, "pl:" + place), dtype=np.int64)

    def _practice_items(self, practice: str) -> list[int]:
        return self._store.posted_with(self._name, "p:" + practice)

    def _number(self, key: str) -> int | None:
        found = self._store.posted_by_key(self._name, key)
        return None if found is None else found[0]

    def _decode(self, found: dict[int, tuple[str, bytes]]) -> dict[int, Any]:
        return {i: posted_item(value) for i, (_, value) in found.items()}

    def get(self, key: str) -> SimItem | None:
        found = self._store.posted_by_key(self._name, key)
        return None if found is None else posted_item(found[1])

    def place_of(self, wanted: str) -> str | None:
        found = self._store.posted_first(self._name, "pw:" + wanted)
        return wanted if found is None else posted_item(found[1]).place

    def named_models(self, name: str) -> list[SimItem]:
        numbers = self._store.posted_with(self._name, "nm:" + name)
        return sorted(self._items_at(numbers), key=lambda it: it.key)
