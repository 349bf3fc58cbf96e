"""The best items of a ranking by score, then group, then key — reading keys only where scores tie.

The search and the similarity index rank by (score descending, kind, key). An index built in the
process numbers its items in that key order, so an item's number is its key's rank; an index the store
maintains numbers them as they were written, and reads the keys of the few items the order depends on
(``ranks``): those before the ``limit``-th best and those tied with it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["in_order", "top"]


def top(numbers: Any, scores: Any, limit: int, groups: Any, ranks: Callable[[Any], Any],
        least: Callable[[Any, int], Any] | None = None) -> Any:
    """Positions in ``numbers`` of the ``limit`` best by (``scores`` descending, ``groups`` ascending,
    key ascending), best first; ``ranks(some numbers)`` gives values that order as those items' keys
    do, ``least(some numbers, n)`` the positions of the ``n`` of them with the least keys (by default
    from ``ranks``: what an index that reads keys does without reading every tied one). Numpy arrays
    of equal length; no NaN score."""
    import numpy as np

    if not numbers.size or limit <= 0:
        return np.zeros(0, dtype=np.int64)
    if numbers.size > limit:
        score, group = _limit_th(scores, groups, limit)
        before = np.flatnonzero((scores > score) | ((scores == score) & (groups < group)))
        tied = np.flatnonzero((scores == score) & (groups == group))
        need = limit - before.size
        if tied.size > need:                      # only the tied items with the least keys go on
            pick = least(numbers[tied], need) if least is not None else np.argsort(ranks(numbers[tied]), kind="stable")[:need]
            tied = tied[pick]
        chosen = np.concatenate((before, tied))
    else:
        chosen = np.arange(numbers.size)
    final = np.lexsort((ranks(numbers[chosen]), groups[chosen], -scores[chosen]))[:limit]
    return chosen[final]


def _limit_th(scores: Any, groups: Any, limit: int) -> tuple[Any, Any]:
    """(score, group) of the ``limit``-th item by (score descending, group ascending), found in linear
    time: the ``limit``-th largest score by a partition, then among the items of that score the group
    the rest of the ``limit`` reach, counted per group (a sort of every candidate — a common word's
    hundreds of thousands — was most of a search at 100,000 documents)."""
    import numpy as np

    score = np.partition(scores, scores.size - limit)[scores.size - limit]
    need = limit - int(np.count_nonzero(scores > score))
    tied = groups[scores == score]
    low = int(tied.min())
    if low >= 0 and int(tied.max()) < 1 << 20:
        counts = np.bincount(tied)
        values = np.arange(counts.size)
    else:
        values, counts = np.unique(tied, return_counts=True)
    return score, values[int(np.searchsorted(np.cumsum(counts), need))]


def in_order(numbers: Any) -> Any:
    """``ranks`` for an index whose numbers are in key order: the numbers themselves."""
    return numbers
