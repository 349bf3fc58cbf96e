"""The linear-time selections of a ranking give what sorting every candidate gives: ``top`` (the best by
score, group, key), the search's order of items by their bound (``_bound_order``) and its scores of
items by pattern, through a table or a sort (``_FullText._scores``)."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from queries.fulltext import FullTextIndex, _bound_order, combine
from queries.top import top

rankings = st.lists(st.tuples(st.sampled_from([0.0, 0.5, 1.25, 2.0, 3.0]), st.integers(0, 3)), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(rankings, st.integers(min_value=1, max_value=70), st.randoms(use_true_random=False), st.booleans())
def test_top_equals_sorting_every_candidate(rows, limit, rnd, with_least):
    numbers = np.asarray(rnd.sample(range(1000), len(rows)), dtype=np.int64)
    keys = {int(n): rnd.random() for n in numbers}          # an order of keys unlike the numbers'
    scores = np.asarray([s for s, _ in rows], dtype=np.float64)
    groups = np.asarray([g for _, g in rows], dtype=np.int64)

    def ranks(some):
        return np.asarray([keys[int(n)] for n in some])

    def least(some, n):
        return np.argsort(ranks(some), kind="stable")[:n]

    expected = sorted(range(len(rows)), key=lambda j: (-scores[j], groups[j], keys[int(numbers[j])]))[:limit]
    assert top(numbers, scores, limit, groups, ranks, least if with_least else None).tolist() == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([0.5, 1.0, 1.5, 4.0]), min_size=1, max_size=80), st.integers(min_value=1, max_value=90))
def test_bound_order_is_a_prefix_of_the_full_order(bounds, m):
    bound = np.asarray(bounds, dtype=np.float64)
    every = np.arange(bound.size, dtype=np.int64) * 3 + 1
    full = np.lexsort((every, -bound))
    prefix = _bound_order(bound, every, m)
    assert prefix.size >= min(m, bound.size)
    assert prefix.tolist() == full[:prefix.size].tolist()
    assert prefix.size == bound.size or bound[full[prefix.size]] < bound[full[prefix.size - 1]]


def _scores_of(counts_high: int, size: int, seed: int):
    rng = np.random.default_rng(seed)
    index = FullTextIndex([])
    index._kind_names = ["Document", "Measure", "NamedModel"]
    terms = ["减负", "网格"]
    features = [rng.integers(0, 3, size), rng.integers(0, counts_high, size), rng.integers(0, 2, size),
                rng.integers(0, counts_high, size), rng.integers(0, 2, size)]
    got = index._scores(terms, features)
    want = [combine(index._kind_names[int(f[0])], terms, [int(f[1]), int(f[3])], [bool(f[2]), bool(f[4])])
            for f in zip(*features)]
    return got, np.asarray(want, dtype=np.float64)


def test_scores_by_table_and_by_sort_equal_scoring_each_item():
    for counts_high, size in ((5, 300), (2000, 300)):      # a small span (a table), a wide one (a sort)
        got, want = _scores_of(counts_high, size, counts_high)
        assert np.array_equal(got, want, equal_nan=True)
