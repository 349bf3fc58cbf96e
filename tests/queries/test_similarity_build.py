"""The vectorised SimilarityIndex build against the per-item build it replaced (kept here as reference)."""
from __future__ import annotations

import math
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from queries import similarity
from queries.similarity import SimilarityIndex, SimItem, char_ngrams

# Python >= 3.12 sums floats with compensation, so the reference's norms may differ in the last bit.
EXACT = sys.version_info < (3, 12)


def reference_build(items):
    """The original build: char_ngrams per item, dicts, a Python loop over every weight (an item's
    weights are its own: sublinear tf, L2-normalised; the idf is the query's)."""
    items = sorted(items, key=lambda it: (it.key, it.kind))
    vocab: dict[str, int] = {}
    counts: list[dict[int, int]] = []
    for it in items:
        counts.append({vocab.setdefault(g, len(vocab)): c for g, c in char_ngrams(it.text).items()})
    n = len(items)
    df = np.zeros(len(vocab), dtype=np.int64)
    for row in counts:
        for col in row:
            df[col] += 1
    assert n == len(counts)
    rows, cols, data = [], [], []
    for r, row in enumerate(counts):
        vec = {c: (1.0 + math.log(tf)) for c, tf in row.items()}
        norm = math.sqrt(sum(w * w for w in vec.values()))
        for c, w in vec.items():
            rows.append(r)
            cols.append(c)
            data.append(w / norm)
    cols_a = np.asarray(cols, dtype=np.int64)
    order = np.argsort(cols_a, kind="stable")
    return (vocab, df, np.asarray(rows, dtype=np.int64)[order], np.asarray(data, dtype=np.float64)[order],
            np.searchsorted(cols_a[order], np.arange(len(vocab) + 1)))


def assert_same_index(items):
    index = SimilarityIndex(items)
    vocab, df, rows, data, indptr = reference_build(items)
    assert list(index._vocab.items()) == list(vocab.items())  # same grams, same column numbers
    assert np.array_equal(index._indptr, indptr) and index._indptr.dtype == np.int64
    assert np.array_equal(index._rows, rows) and index._rows.dtype == np.int64
    assert np.array_equal(np.diff(index._indptr), df)
    if EXACT:
        assert np.array_equal(index._data, data)
    else:
        np.testing.assert_allclose(index._data, data, rtol=1e-12)
    return index


def items_of(texts, practices=()):
    return [SimItem(f"k{i:03d}", "Measure" if i % 3 else "NamedModel", t[:6], f"p{i % 4}", f"地{i % 4}", t,
                    tuple(practices[i % len(practices)]) if practices else ())
            for i, t in enumerate(texts)]


VARIED = [
    "组建红色物业联盟，推动物业企业党建",
    "推进红色物业建设，物业企业成立党支部\n红色物业",
    "全面设立乡镇社工站（社工站）。社工站社工站",
    "党支部领导、业委会管理、物业企业服务",
    "",
    "。，、！",
    "网",
    "a 网 b 格 1",
    "ＡＢＣ１２３ 全角字母ａｂｃ　全角空格",
    "2021年建成村级综治中心2952个，覆盖率100%",
    "Grid-Management 3.0 / smart_city",
    "𠀀𠀁𠀂 扩展汉字𠀀𠀁",
    "Ⅻ ② ¹ 罗马数字和上标",
    "中中中中中中中中中中中中中",
    "居民议事会\x00居民议事会",
]


def test_same_arrays_as_reference_on_varied_texts():
    assert_same_index(items_of(VARIED))


@pytest.mark.parametrize("odd,per_character", [("ΑΣ ΟΔΟΣ Σ", False), ("İstanbul 社区", False),
                                                 ("Straße ǅ ǈ", True)])
def test_fold_that_is_not_per_character_falls_back_to_per_text_fold(odd, per_character):
    # final sigma depends on its neighbours; İ lowers to two characters, so fold leaves the text unlowered
    assert (similarity._fold_map([ord(c) for c in odd]) is not None) == per_character
    assert_same_index(items_of([*VARIED, odd, odd.lower()]))


def test_unpacked_sort_path(monkeypatch):
    monkeypatch.setattr(similarity, "_PACK_BITS", 0)
    assert_same_index(items_of(VARIED))


def test_empty_and_gramless():
    assert len(SimilarityIndex([])) == 0
    index = assert_same_index(items_of(["", "，。", " "]))
    assert index.query("社区") == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="社区减负治理清单网格党建物业红色议事Ａａ1 ，。、\n", max_size=40),
                min_size=1, max_size=15))
def test_same_arrays_as_reference_property(texts):
    assert_same_index(items_of(texts))


class ReferenceIndex(SimilarityIndex):
    """The query code on top of the reference build."""

    def __init__(self, items):
        super().__init__(items)
        self._vocab, _, self._rows, self._data, self._indptr = reference_build(items)


def test_same_query_results_as_reference():
    practices = [("红色物业",), ("社工站",), ("红色物业", "网格化"), ()]
    items = items_of(VARIED * 3, practices)
    new, ref = assert_same_index(items), ReferenceIndex(items)
    for text in ["红色物业", "社工站建设", "居民议事会", "综治中心覆盖率", "abc", "物业企业党建"]:
        for kw in ({}, {"practices": ("红色物业",)}, {"exclude_place": "p1", "k": 5},
                   {"components": ("党支部领导",), "kinds": ("NamedModel",)}):
            got, want = new.query(text, **kw), ref.query(text, **kw)
            assert [(h.item.key, h.score, h.cosine, h.why) for h in got] == \
                [(h.item.key, h.score, h.cosine, h.why) for h in want]


def test_the_cosines_read_an_items_kind_where_the_store_numbers_it():
    """``SimilarityIndex._cosines`` sums each kind's items in a vector of their counters: the bits it takes
    for the counter are the ones the store's postings number items with."""
    from graph.sqlite_postings import KIND_BITS
    from queries.similarity import _KIND_SHIFT

    assert _KIND_SHIFT == KIND_BITS
