"""What the embedded store's fill of its row indexes holds at once (issue 14's build peak): a page cache of
its own while it fills, large C blocks mapped on their own, and a postings segment's arrays built a few
hundred thousand characters a pass — the same arrays as in one pass."""
from __future__ import annotations

import pytest

from queries import fulltext
from queries.fulltext import _fold_and_index


def _texts() -> list[str]:
    # invented items: notices, names, a run of one repeated character, Latin and full-width letters
    base = ["市政府办公室关于推进社区网格化治理的通知", "加强基层党建引领乡村振兴", "ＡＢＣ示范区2024年工作要点",
            "哈哈哈哈哈哈", "", "一", "推进“放管服”改革，优化营商环境。", "Grid governance pilot 试点"]
    return [base[i % len(base)] * (1 + i % 5) for i in range(200)]


@pytest.mark.parametrize("counted", [True, False])
def test_a_segment_built_in_small_passes_is_the_segment_built_in_one(counted):
    texts = _texts()
    folded, table, ids, counts = _fold_and_index(texts, counted)
    for chunk in (1, 7, 50, 333):
        f, t, i, c = _fold_and_index(texts, counted, chunk)
        assert f == folded
        assert t._grams.tolist() == table._grams.tolist() and t._starts.tolist() == table._starts.tolist()
        assert i.tolist() == ids.tolist()
        assert (c is None) == (counts is None) and (c is None or c.tolist() == counts.tolist())


def test_search_postings_build_each_segment_in_passes_of_bounded_size(monkeypatch):
    from queries import fulltext_postings

    seen = []

    def spy(texts, counted, chunk_chars=fulltext._CHUNK_CHARS):
        seen.append(chunk_chars)
        return _fold_and_index(texts, counted, chunk_chars)

    monkeypatch.setattr(fulltext_postings, "_fold_and_index", spy)
    sources = [(t, t[:4]) for t in _texts()]
    list(fulltext_postings.SearchPostings().segment(sources))
    assert seen and all(c == fulltext_postings._SEGMENT_PASS_CHARS < fulltext._CHUNK_CHARS for c in seen)


def test_a_fill_takes_a_page_cache_of_its_own_and_maps_large_blocks_apart(tmp_path, all_records, monkeypatch):
    """Every index is filled with the fill's page cache (not the 64 MB a load's writes take), with C blocks
    from ``_FILL_MMAP_BYTES`` up mapped on their own; afterwards the store's writes have the write cache."""
    from graph import sqlite_rows, sqlite_store
    from graph.sqlite_store import SQLiteStore
    from queries import registry

    store = registry.maintain_indexes(SQLiteStore.open(tmp_path))
    store.init_schema()
    records = list(all_records)[:20]
    assert store.suspend_rows()
    store.load_records(records)
    calls, caches = [], []
    monkeypatch.setattr(sqlite_store, "_mallopt", lambda param, value: calls.append((param, value)))
    seed = sqlite_rows.RowKeeper.seed

    def spy(self, ix):
        caches.append(-self.db.execute("PRAGMA cache_size").fetchone()[0])
        return seed(self, ix)

    monkeypatch.setattr(sqlite_rows.RowKeeper, "seed", spy)
    assert store.fill_rows()
    assert caches and set(caches) == {sqlite_store._FILL_CACHE_KB} and sqlite_store._FILL_CACHE_KB < sqlite_store._WRITE_CACHE_KB
    assert -store._db.execute("PRAGMA cache_size").fetchone()[0] == sqlite_store._WRITE_CACHE_KB
    # a large file (as at 100,000 documents) fills with a share of it, at most the write cache
    monkeypatch.setattr(sqlite_store, "_FILL_CACHE_SHARE", 1)
    pages = store._db.execute("PRAGMA page_count").fetchone()[0] * store._db.execute("PRAGMA page_size").fetchone()[0]
    monkeypatch.setattr(sqlite_store, "_FILL_CACHE_KB", 1)
    monkeypatch.setattr(sqlite_store, "_WRITE_CACHE_KB", 10 ** 9)
    assert store._fill_cache_kb() == pages // 1024
    monkeypatch.setattr(sqlite_store, "_WRITE_CACHE_KB", 3)
    assert store._fill_cache_kb() == 3
    assert calls == [(sqlite_store._M_MMAP_THRESHOLD, sqlite_store._FILL_MMAP_BYTES)]
    assert not store.stale_rows()
    store.close()


def test_a_merge_reads_runs_of_at_most_a_megabyte_of_ids(tmp_path, all_records, monkeypatch):
    """A fill's final merge reads and rewrites its postings in runs of grams of at most 1 MB of ids (a
    gram holding more: a run of its own), not 4: what one run holds at once is its blobs read and written."""
    from graph import sqlite_postings
    from graph.sqlite_store import SQLiteStore
    from queries import registry

    assert sqlite_postings._MERGE_BYTES <= 1 << 20
    held = []
    ranges = sqlite_postings.PostingKeeper._gram_ranges

    def spy(self, name, segs):
        out = ranges(self, name, segs)
        for lo, hi in out:
            held.append(self.db.execute(
                f"SELECT count(DISTINCT gram), sum(length(ids)) FROM post_gram WHERE name = ? AND gram >= ? AND gram <= ? "
                f"AND seg IN ({','.join('?' * len(segs))})", (name, lo, hi, *segs)).fetchone())
        return out

    monkeypatch.setattr(sqlite_postings.PostingKeeper, "_gram_ranges", spy)
    monkeypatch.setattr(sqlite_postings, "_SEGMENT_MIN_CHARS", 100)   # several segments: a merge at the end
    store = registry.maintain_indexes(SQLiteStore.open(tmp_path))
    store.init_schema()
    assert store.suspend_rows()
    store.load_records(list(all_records)[:30])
    assert store.fill_rows()
    assert held and all(grams == 1 or ids <= sqlite_postings._MERGE_BYTES for grams, ids in held)
    store.close()


def test_a_fill_computes_rows_through_views_of_at_most_two_thousand_keys(tmp_path, all_records, monkeypatch):
    """Each view a fill reads rows through (in this process or its helper) holds at most ``_SEED_KEYS`` keys,
    2,000: a view keeps what it read for its keys until released, and 5,000 keys of pieces were ≈ 95 MB."""
    from graph import sqlite_rows
    from graph.sqlite_store import SQLiteStore
    from queries import registry

    assert sqlite_rows._SEED_KEYS <= 2000
    monkeypatch.setattr(sqlite_rows, "_SEED_KEYS", 7)        # a small graph: several views an index
    sizes = []
    through = sqlite_rows._rows_through_view

    def spy(store, ix, keys, method="rows"):
        if not hasattr(ix, "view_keys"):                     # (an index whose key reads a hub sets fewer)
            sizes.append(len(keys))
        return through(store, ix, keys, method)

    monkeypatch.setattr(sqlite_rows, "_rows_through_view", spy)
    store = registry.maintain_indexes(SQLiteStore.open(tmp_path))
    store.init_schema()
    assert store.suspend_rows()
    store.load_records(list(all_records)[:10])
    monkeypatch.setattr(store._rows, "helping", __import__("contextlib").nullcontext)   # every view here, seen
    assert store.fill_rows()
    assert sizes and max(sizes) == 7
    store.close()
