"""Row indexes the embedded store maintains per document (``graph/sqlite_rows.py``): after any sequence
of loads, replacements and removals, each answers exactly what the index built whole from the graph
answers, a new process reads them without building anything, and a write that did not maintain them
makes the queries stop using them until a build fills them again."""
from __future__ import annotations

import random

import pytest

from govkg.errors import QueryError
from queries import registry
from queries.rows import _CACHE
from tests.support.built import built_answer, built_answers

MAINTAINED = [ix.name for ix in registry.row_indexes()]


_built = built_answer


def _cases(records):
    places = sorted({r.document.subject_place for r in records if r.document.subject_place})
    practices = sorted({p for r in records for p in r.practices})
    cases = [("inventory", {})] + [("inventory", {"place": p}) for p in places[:3]]
    cases += [("inventory", {"limit": 7, "offset": 3}), ("inventory", {"section": "place", "limit": 5, "offset": 2}),
              ("inventory", {"section": "measure_total"}), ("inventory", {"section": "document", "offset": 10 ** 6})]
    cases += [("inventory", {"place": p, "section": "measure", "limit": 3, "offset": 1}) for p in places[:2]]
    cases += [("learning_network", {"limit": n}) for n in (1, 7, 500, 100000)]
    cases += [("similar_cities", {"place": p, "k": 10}) for p in places[:6]]
    cases += [("practice_communities", {"min_places": n}) for n in (1, 2)]
    cases += [("exemplars", {"practice": p, "k": k}) for p, k in zip(practices, (1, 5, 10, 200) * 10)]
    # every place's own pieces (queries/city_pieces.py): pairs, a place with the places within it, practices
    cases += [("compare_cities", {"places": list(pair)}) for pair in zip(places, places[1:] + places[:1])]
    cases += [("compare_cities", {"places": places[:3], "practices": practices[:4]})]
    cases += [("city_profile", {"place": p}) for p in places]       # its figures (queries/place_figures.py)
    # the postings (graph/sqlite_postings.py): ties broken by key, kinds filtered by id, long terms counted
    models = sorted({m.name for r in records for m in r.named_models})
    cases += [("named_model", {"name": m}) for m in models]         # every model summed up (model_summaries)
    cases += [("named_model", {"name": m, "owner": p}) for m, p in zip(models, places)]
    titles = [r.document.title for r in records if r.document.title and len(r.document.title) > 6]
    cases += [("search", {"text": t, "limit": n}) for t, n in (("社区", 20), ("网", 500), ("社区 议事", 50))]
    cases += [("search", {"text": "社区", "kinds": ["Measure", "Practice"], "limit": 30})]
    cases += [("search", {"text": w}) for w in practices[:4] + models[:4]]
    cases += [("search", {"text": t[2:7], "limit": 30}) for t in titles[:3]]
    summaries = [m.summary for r in records for m in r.measures if m.summary]
    cases += [("similar_practices", {"text": t, "k": 8}) for t in summaries[:: max(1, len(summaries) // 5)]]
    cases += [("similar_practices", {"named_model": name}) for name in models[:4]]
    cases += [("similar_practices", {"text": "建立居民议事会", "place": p}) for p in places[:3]]
    return cases


def _same_answers(store, records):
    _CACHE.clear()
    store.flush_rows()                        # what a build does after its loads
    for name in MAINTAINED:
        assert store.rows_current(name), name
    cases = _cases(records)
    for (name, params), expected in zip(cases, built_answers(store, cases), strict=True):
        if isinstance(expected, QueryError):  # an unknown place after a removal: both must refuse
            with pytest.raises(type(expected)):
                registry.run(store, name, params)
            continue
        assert registry.run(store, name, params) == expected, (name, params)


@pytest.fixture
def maintained_store(tmp_path):
    from graph.sqlite_store import SQLiteStore

    store = registry.maintain_indexes(SQLiteStore.open(tmp_path / "home"))
    store.init_schema()
    yield store
    store.close()


@pytest.mark.parametrize("whole", [None, 10 ** 9], ids=["default", "touched-keys-only"])
def test_rows_follow_loads_replacements_and_removals(maintained_store, all_records, monkeypatch, whole):
    from graph import sqlite_postings, sqlite_rows

    if whole is not None:                                  # 10 ** 9: never fill whole, only what was touched,
        monkeypatch.setattr(sqlite_rows, "_WHOLE", whole)
        # and postings in many small segments, merged two by two
        monkeypatch.setattr(sqlite_postings, "_SEGMENT_CHARS", 3000)
        monkeypatch.setattr(sqlite_postings, "_TIER", 2)
        monkeypatch.setattr(sqlite_postings, "_MERGE_BYTES", 64)   # each merge in many runs of grams
    store = maintained_store
    records = list(all_records)
    rng = random.Random(7)
    for rec in records:
        store.load_record(rec)
    assert not any(store.rows_current(name) for name in MAINTAINED)     # until the build flushes them
    assert registry.run(store, "exemplars", {"practice": records[0].practices[0]}) == \
        _built(store, "exemplars", {"practice": records[0].practices[0]})
    _same_answers(store, records)
    # a few documents removed, a few loaded again with changed facts (a replacement), in one go each
    gone = rng.sample(records, 12)
    for rec in gone[:6]:
        doc_id = next(d for d, st in store.document_states().items() if st.source == rec.source)
        assert store.remove_document(doc_id)
    for rec in gone[6:]:
        changed = rec.model_copy(update={"practices": list(rec.practices)[1:], "measures": list(rec.measures)[:-1]})
        store.load_record(changed)
    kept = [r for r in records if r not in gone[:6]]
    _same_answers(store, kept)
    for rec in gone[:6]:
        store.load_record(rec)
    _same_answers(store, records)


def test_the_learning_network_read_in_pages(maintained_store, all_records, monkeypatch):
    from queries import learning_network

    store = maintained_store
    for rec in all_records:
        store.load_record(rec)
    store.flush_rows()
    full = _built(store, "learning_network", {"limit": 100000})
    assert {r["section"] for r in full} == {"learned_from", "model", "practice"}
    monkeypatch.setattr(learning_network, "_PAGE", 3)        # names split across pages
    for limit in (1, 2, 5, 100000):
        _CACHE.clear()
        assert registry.run(store, "learning_network", {"limit": limit}) == \
            _built(store, "learning_network", {"limit": limit})


def test_a_write_without_the_indexes_stops_their_use_until_a_build_fills_them(maintained_store, all_records):
    from graph.sqlite_store import SQLiteStore

    store = maintained_store
    records = list(all_records)
    for rec in records[:-1]:
        store.load_record(rec)
    other = SQLiteStore(store.path)                    # another process, without the row indexes
    other.load_record(records[-1])
    other.close()
    assert not any(store.rows_current(name) for name in MAINTAINED)
    assert registry.run(store, "inventory", {}) == _built(store, "inventory", {})
    assert registry.keep_indexes(store)                # what a build does last: filled whole
    assert all(store.rows_current(name) for name in MAINTAINED)
    _same_answers(store, records)


def test_postings_segments_stay_few_and_dead_items_are_dropped(maintained_store, all_records, monkeypatch):
    """A build per document writes a segment each; segments of one size class are merged, so their
    number grows as the log of the builds, and removing a quarter of the items drops them all."""
    from graph import sqlite_postings

    monkeypatch.setattr(sqlite_postings, "_TIER", 2)
    store = maintained_store
    records = list(all_records)[:24]
    for rec in records:                           # one build per document
        store.load_record(rec)
        store.flush_rows()
    for name in ("search", "similar_practices"):
        segs = store._db.execute("SELECT count(*) FROM post_seg WHERE name = ?", (name,)).fetchone()[0]
        assert 1 <= segs <= 8, (name, segs)   # 24 builds: at most one segment per size class
    _same_answers(store, records)
    items = store.posted_count("search")
    gone = records[: len(records) // 2]
    for rec in gone:
        doc_id = next(d for d, st in store.document_states().items() if st.source == rec.source)
        assert store.remove_document(doc_id)
        for name in ("search", "similar_practices"):  # a quarter dead: every segment merged, the dead dropped
            assert len(store.posted_dead(name)) * 4 < max(store.posted_count(name), 1)
    assert items - store.posted_count("search") > len(store.posted_dead("search"))   # merged at least once
    _same_answers(store, records[len(records) // 2:])


def test_a_fill_merges_its_segments_into_one_a_few_grams_at_a_time(maintained_store, all_records, monkeypatch):
    """A fill of a postings index whole (a bulk build's end) writes many segments, then merges them
    all once, in runs of grams bounded by their bytes: one segment left, the same answers."""
    from graph import sqlite_postings, sqlite_rows
    from graph.sqlite_store import SQLiteStore

    monkeypatch.setattr(sqlite_rows, "_SEED_KEYS", 7)               # items computed a few keys at a time
    monkeypatch.setattr(sqlite_postings, "_SEGMENT_CHARS", 3000)    # and written in many segments
    monkeypatch.setattr(sqlite_postings, "_MERGE_BYTES", 200)       # many runs, some of one gram
    runs = []
    ranges = sqlite_postings.PostingKeeper._gram_ranges
    monkeypatch.setattr(sqlite_postings.PostingKeeper, "_gram_ranges",
                        lambda self, name, segs: runs.append(ranges(self, name, segs)) or runs[-1])
    store = maintained_store
    records = list(all_records)
    other = SQLiteStore(store.path)                    # writes without the indexes: a fill follows
    for rec in records:
        other.load_record(rec)
    other.close()
    assert registry.keep_indexes(store)
    assert runs and all(len(r) > 1 for r in runs)
    for name in ("search", "similar_practices"):
        assert store._db.execute("SELECT count(*) FROM post_seg WHERE name = ?", (name,)).fetchone()[0] == 1
        assert store._db.execute("SELECT count(*) FROM post_gram WHERE name = ? GROUP BY gram HAVING count(*) > 1",
                                 (name,)).fetchone() is None
    _same_answers(store, records)


def _postings_tables(store, name):
    return (store._db.execute("SELECT gram, ids, vals, sks FROM post_gram WHERE name = ? ORDER BY gram", (name,)).fetchall(),
            store._db.execute("SELECT key, iid, value FROM post_item WHERE name = ? ORDER BY key", (name,)).fetchall())


def test_a_fill_cuts_its_segments_by_a_share_of_what_its_items_hold(tmp_path, all_records, monkeypatch):
    """A fill's postings are cut into segments of about 1/16 of its items' characters (so a small graph's
    fill holds a small segment's arrays at once, not the 4 M characters a national one cuts at), and
    merged they are the very tables a fill written in one segment leaves."""
    from graph import sqlite_postings
    from graph.sqlite_store import SQLiteStore

    def filled(home):
        store = registry.maintain_indexes(SQLiteStore.open(home))
        store.init_schema()
        cuts.clear()                                   # (the taxonomy's items, filled on the empty graph)
        other = SQLiteStore(store.path)                # writes without the indexes: a fill follows
        for rec in all_records:
            other.load_record(rec)
        other.close()
        assert registry.keep_indexes(store)
        return store

    cuts: dict[str, list[int]] = {}
    segment = sqlite_postings.PostingKeeper._segment
    monkeypatch.setattr(sqlite_postings.PostingKeeper, "_segment", lambda self, ix, pending: pending and cuts.setdefault(
        ix.name, []).append(sum(ix.size(s) for _, s, _ in pending)) or segment(self, ix, pending))
    monkeypatch.setattr(sqlite_postings, "_SEGMENT_MIN_CHARS", 10 ** 9)
    whole = filled(tmp_path / "whole")                 # cut at 4 M characters: one segment each
    assert all(len(cuts[name]) == 1 for name in ("search", "similar_practices"))
    one = {name: _postings_tables(whole, name) for name in ("search", "similar_practices")}
    whole.close()
    cuts.clear()
    monkeypatch.setattr(sqlite_postings, "_SEGMENT_MIN_CHARS", 100)
    monkeypatch.setattr(sqlite_postings, "_SEGMENT_CHARS", 10 ** 9)   # no cap: the share alone cuts
    store = filled(tmp_path / "cut")
    for name in ("search", "similar_practices"):
        held = sum(cuts[name])
        assert sqlite_postings._SEGMENTS // 2 <= len(cuts[name]) <= 2 * sqlite_postings._SEGMENTS, cuts[name]
        assert max(cuts[name]) < 3 * held / sqlite_postings._SEGMENTS     # (estimated from the items so far)
        assert _postings_tables(store, name) == one[name]
    _same_answers(store, list(all_records))
    store.close()


def test_a_bulk_load_takes_a_page_cache_sized_by_its_file(maintained_store, all_records, monkeypatch):
    """A bulk load's page cache is a share of the file (between the write cache and 512 MB): a small graph's
    load does not fill 512 MB that the rest of the build then holds; the fill is back at the write cache."""
    from graph import sqlite_store

    store = maintained_store
    records = list(all_records)

    def cache_kb():
        return -store._db.execute("PRAGMA cache_size").fetchone()[0]

    def file_kb():
        return (store._db.execute("PRAGMA page_count").fetchone()[0]
                * store._db.execute("PRAGMA page_size").fetchone()[0] // 1024)

    assert store.suspend_rows()
    store.load_records(records[:10])
    assert cache_kb() == sqlite_store._WRITE_CACHE_KB < sqlite_store._BULK_CACHE_KB      # a small file
    monkeypatch.setattr(sqlite_store, "_WRITE_CACHE_KB", 1)          # a floor below the file's share
    before = file_kb()                                               # what the next batch's cache is sized by
    store.load_records(records[10:20])
    assert cache_kb() == before // sqlite_store._BULK_CACHE_SHARE > 1
    monkeypatch.setattr(sqlite_store, "_BULK_CACHE_KB", 2)           # and a cap below it
    store.load_records(records[20:30])
    assert cache_kb() == 2
    monkeypatch.undo()
    assert store.fill_rows()
    assert cache_kb() == sqlite_store._WRITE_CACHE_KB
    _same_answers(store, records[:30])


def test_sort_keys_never_order_two_keys_the_other_way_round():
    """``sort_key`` (graph/sqlite_postings.py): a < b gives sort_key(a) <= sort_key(b), whatever the
    characters (in its alphabet or not, beyond ASCII, keys longer than it reads, one a prefix of another)."""
    from graph.sqlite_postings import sort_key

    rng = random.Random(3)
    alphabets = ("0123456789abcdef_", "az_:9-\x00\x7f~é", "ab_XY-.:中文0")
    keys = ["", "a", "a-", "a0", "a:", "a_", "a\x00", "z", "z{", "zé", "中"]
    keys += ["".join(rng.choice(a) for _ in range(rng.randint(0, 14))) for a in alphabets for _ in range(3000)]
    keys.sort()
    values = [sort_key(k) for k in keys]
    assert all(0 <= v < 2 ** 63 for v in values)
    assert values == sorted(values)
    assert sort_key("me_0a1b2c3x") < sort_key("me_0a1b2c4") and sort_key("me_0a1b2c3x") == sort_key("me_0a1b2c3")


def test_ties_broken_by_key_where_sort_keys_are_equal(maintained_store, all_records, monkeypatch):
    """Sort keys of one character: nearly every tie is between equal sort keys, whose keys are read."""
    from graph import sqlite_postings

    monkeypatch.setattr(sqlite_postings, "_SORT_CHARS", 1)
    store = maintained_store
    records = list(all_records)
    for rec in records:
        store.load_record(rec)
    _same_answers(store, records)


def test_a_file_from_before_sort_keys_is_read_and_upgraded(maintained_store, all_records):
    """Postings without sort keys (a file written before them): answered by reading keys, and a build's
    schema upgrade gives every segment its sort keys in one go."""
    store = maintained_store
    records = list(all_records)
    for rec in records:
        store.load_record(rec)
    store.flush_rows()
    keeper = store._rows.postings
    store._db.execute("ALTER TABLE post_gram DROP COLUMN sks")
    keeper._sks = None
    assert not keeper.has_sort_keys()
    _same_answers(store, records)
    store.init_schema()                                   # what the next build does first
    assert keeper.has_sort_keys()
    assert store._db.execute("SELECT count(*) FROM post_gram WHERE sks IS NULL").fetchone()[0] == 0
    _same_answers(store, records)


def _evidence_indexes(store):
    return {n for (n,) in store._db.execute("SELECT name FROM sqlite_master WHERE name LIKE '%_ev_of'")}


def _items(records):
    return [(rec.source, rec, None) for rec in records]


def test_a_build_flushes_at_a_share_of_the_graph_then_loads_in_bulk(maintained_store, all_records, monkeypatch):
    """``build_records``' flush policy (graph/build.py ``_RowUpkeep``): a flush when the documents loaded
    since the last reach ``flush_every`` and ``flush_share`` of the graph's documents; once the build has
    loaded as many as the graph held at its start, the writes stop recording and every index is filled
    whole at the end, its rows computed in two processes — and the answers are those of the indexes
    built whole."""
    from graph import sqlite_rows
    from graph.build import build_records

    store = maintained_store
    records = list(all_records)
    first, second = records[:12], records[12:45]
    for rec in first:
        store.load_record(rec)
    store.flush_rows()
    calls: list[tuple[str, int]] = []
    for name in ("flush_rows", "suspend_rows", "fill_rows"):
        real = getattr(store, name)

        def spy(real=real, name=name):
            calls.append((name, store.document_count()))
            return real()
        monkeypatch.setattr(store, name, spy)
    store.load_batch, store.flush_every, store.flush_share = 2, 2, 0.25
    monkeypatch.setattr(sqlite_rows, "_SEED_KEYS", 7)        # many views: every other one in the helper
    here, real_rows = [], sqlite_rows._rows_through_view

    def rows_here(*args):
        here.append(store.document_count())
        return real_rows(*args)
    monkeypatch.setattr(sqlite_rows, "_rows_through_view", rows_here)
    views = []
    real_computed = sqlite_rows.RowKeeper._computed

    def computed(self, ix, of_keys, *method):
        def counted():                       # the lists of keys, counted as they are read
            for keys in of_keys:
                views.append(1 if self.helper is not None else 0)
                yield keys
        return real_computed(self, ix, counted(), *method)
    monkeypatch.setattr(sqlite_rows.RowKeeper, "_computed", computed)
    report = build_records(_items(second), store)
    assert len(report.added) == len(second) == 33 and not report.failed
    # 4 loaded: 4 >= max(2, 0.25 * 16); 10: 6 >= 0.25 * 22; at 12 (as many as the graph held) in bulk
    assert calls == [("flush_rows", 16), ("flush_rows", 22), ("suspend_rows", 24),
                     ("flush_rows", 45), ("fill_rows", 45)]
    assert _evidence_indexes(store) == {"node_ev_of", "rel_ev_of"}
    in_fill = here.count(45)                 # the fill's views computed in this process: about half
    assert sum(views) > 20 and sum(views) // 2 <= in_fill < sum(views)
    _same_answers(store, records[:45])


def test_a_first_build_loads_in_bulk_from_its_first_batch(maintained_store, all_records, monkeypatch):
    """Into an empty graph every key will be touched: the first batch already suspends the recorded
    writes (no flush of the row indexes before it), and the build ends by filling them whole."""
    from graph.build import build_records

    store = maintained_store
    calls: list[tuple[str, int]] = []
    for name in ("flush_rows", "suspend_rows", "fill_rows"):
        real = getattr(store, name)

        def spy(real=real, name=name):
            calls.append((name, store.document_count()))
            return real()
        monkeypatch.setattr(store, name, spy)
    store.load_batch, store.flush_every, store.flush_share = 2, 2, 0.0
    records = list(all_records)[:9]
    report = build_records(_items(records), store)
    assert len(report.added) == 9 and not report.failed
    assert calls == [("suspend_rows", 2), ("flush_rows", 9), ("fill_rows", 9)]
    assert _evidence_indexes(store) == {"node_ev_of", "rel_ev_of"}
    _same_answers(store, records)


def _exported(store):
    nodes, rels = store.export_rows()
    return (sorted(repr(sorted(n.items())) for n in nodes), sorted(repr(sorted(r.items())) for r in rels))


def _replacing(records):
    """Records, then a document again under another file (the same text: replaced) and one whose
    extraction changed (fewer facts: the ones only it supported must go)."""
    again = records[2].model_copy(update={"source": records[2].source + ".copy"})
    fewer = records[5].model_copy(update={"measures": records[5].measures[:1], "named_models": [],
                                          "metrics": [], "source": records[5].source + ".v2"})
    return [*records, again, fewer]


def test_documents_replaced_in_a_bulk_load_leave_the_graph_a_plain_load_leaves(maintained_store, all_records, tmp_path):
    """In a bulk load (no index of evidence by owner) what a replaced document alone supported is
    removed when the indexes are made again, at the end (``_finish_strips``): the graph is the one that
    loading the same records one by one, with the indexes, gives."""
    from graph.build import build_records
    from graph.sqlite_store import SQLiteStore

    store = maintained_store
    records = _replacing(list(all_records)[:10])
    store.load_batch = 2
    report = build_records(_items(records), store)
    assert not report.failed and len(report.updated) == 2
    assert store._db.execute("SELECT count(*) FROM strip_later").fetchone()[0] == 0
    assert _evidence_indexes(store) == {"node_ev_of", "rel_ev_of"}
    plain = SQLiteStore.open(tmp_path / "plain")
    plain.init_schema()
    for rec in records:
        plain.load_record(rec)
    assert _exported(store) == _exported(plain)
    plain.close()
    _same_answers(store, records[:5] + records[6:10] + records[-1:])


def test_a_bulk_load_killed_after_a_replacement_is_finished_by_the_next_init_schema(maintained_store, all_records, tmp_path):
    from graph.build import build_records
    from graph.sqlite_store import SQLiteStore

    store = maintained_store
    records = _replacing(list(all_records)[:10])
    store.load_batch = 2

    def killed():
        yield from _items(records)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_records(killed(), store)
    assert store._db.execute("SELECT count(*) FROM strip_later").fetchone()[0] > 0
    store.init_schema()
    assert store._db.execute("SELECT count(*) FROM strip_later").fetchone()[0] == 0
    plain = SQLiteStore.open(tmp_path / "plain")
    plain.init_schema()
    for rec in records:
        plain.load_record(rec)
    assert _exported(store) == _exported(plain)
    plain.close()


def test_a_killed_bulk_build_leaves_the_indexes_unused_until_the_next_build_fills_them(maintained_store, all_records):
    from graph.build import build_records

    store = maintained_store
    records = list(all_records)
    store.load_batch, store.flush_every = 2, 4

    def killed():
        yield from _items(records[:20])
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_records(killed(), store)
    assert store.document_count() == 20
    assert not any(store.rows_current(name) or store.rows_marked(name) for name in MAINTAINED)
    assert not _evidence_indexes(store)            # dropped for the bulk load, not made again yet
    _CACHE.clear()
    assert registry.run(store, "inventory", {}) == _built(store, "inventory", {})
    report = build_records(_items(records[15:25]), store)     # fewer than the graph holds: no bulk load
    assert not any(store.rows_marked(name) for name in MAINTAINED) and len(report.unchanged) == 5
    assert _evidence_indexes(store) == {"node_ev_of", "rel_ev_of"}     # made again by its init_schema
    assert registry.keep_indexes(store)                       # what ``govkg build`` does last
    _same_answers(store, records[:25])


def test_the_inventory_pages_through_the_rows_the_store_maintains(maintained_store, all_records):
    """A page of ``inventory`` is the answer's rows from ``offset``, ``limit`` of them, in one section or
    across the sections (the listing, the measure total, a place's measures), read from the maintained
    rows as from the listing built whole; the pages one after another are the whole answer."""
    store = maintained_store
    for rec in all_records:
        store.load_record(rec)
    assert registry.keep_indexes(store)
    _CACHE.clear()
    place = next(r.document.subject_place for r in all_records if r.document.subject_place)
    every = registry.run(store, "inventory", {"place": place, "limit": 2 ** 31 - 1})
    assert every == _built(store, "inventory", {"place": place, "limit": 2 ** 31 - 1})
    assert registry.run(store, "inventory", {"place": place}) == every[:1000]
    total = next(i for i, r in enumerate(every) if r["section"] == "measure_total")
    assert every[-1]["section"] == "measure" and total < len(every) - 1
    pages = [registry.run(store, "inventory", {"place": place, "limit": 37, "offset": at}) for at in range(0, len(every), 37)]
    assert [r for page in pages for r in page] == every
    for at in (total - 2, total, total + 1, len(every) - 1, len(every) + 5):
        params = {"place": place, "limit": 4, "offset": at}
        assert registry.run(store, "inventory", params) == every[at:at + 4] == _built(store, "inventory", params)
    for section in ("document", "place", "practice", "named_model", "policy", "measure_total", "measure"):
        rows = [r for r in every if r["section"] == section]
        assert rows, section
        assert registry.run(store, "inventory", {"place": place, "section": section, "limit": 2 ** 31 - 1}) == rows
        assert registry.run(store, "inventory", {"place": place, "section": section, "limit": 2, "offset": 1}) == rows[1:3]


def test_exemplar_piece_keys_stream_as_the_graph_gives_them_and_scopes_read_upwards(maintained_store, all_records):
    """A fill reads the pieces' keys a few thousand at a time from SQL (``instance_holders``): the same
    keys the relationships give when read whole, each once, sorted by item; and ``place_ancestors`` (where a
    figure counts, read from its place up) agrees with ``place_scope`` (read from the place down)."""
    from graph.sqlite_view import SQLiteGraphView
    from queries.exemplars import _SEP, PieceRows
    from queries.walk import place_ancestors, place_scope

    store = maintained_store
    for rec in all_records:
        store.load_record(rec)
    view = SQLiteGraphView(store, -1)

    class Whole:                                  # the view without its streamed read: the pairs read whole
        def __getattr__(self, name):
            if name == "instance_holders":
                raise AttributeError(name)
            return getattr(view, name)

    streamed = list(PieceRows().all_keys(view))
    assert len(streamed) > 100 and len(set(streamed)) == len(streamed)
    assert set(streamed) == set(PieceRows().all_keys(Whole()))
    items = [key.split(_SEP) for key in streamed]
    assert items == sorted(items, key=lambda k: (k[3], k[0], k[1], k[2]))
    assert {key.split(_SEP)[2] for key in streamed} == {"measure", "model", "adopts"}
    places = [q for q, _ in view.label_values("Place", ())]
    ups = place_ancestors(view, places, 2)
    scopes = {q: set(place_scope(view, q, 2)) for q in places}
    assert any(len(s) > 2 for s in scopes.values())
    assert {(p, q) for p in places for q in ups[p]} == {(p, q) for q in places for p in scopes[q]}


def test_city_pieces_are_filled_beside_the_exemplar_pieces_with_the_rows_they_have_alone(maintained_store, all_records,
                                                                                        monkeypatch):
    from graph import sqlite_rows
    from queries.city_pieces import CityPieces

    monkeypatch.setattr(sqlite_rows, "_SEED_KEYS", 7)         # many views, some of them in the helper
    store = maintained_store
    store.load_records(list(all_records)[:30])
    seeded = []
    seed = sqlite_rows.RowKeeper.seed
    monkeypatch.setattr(sqlite_rows.RowKeeper, "seed", lambda self, ix: seeded.append(ix.name) or seed(self, ix))
    store.suspend_rows()                                       # what a bulk build does
    assert store.fill_rows()
    assert "exemplar_pieces" in seeded and "city_pieces" not in seeded
    assert all(store.rows_current(name) for name in MAINTAINED)

    def rows():
        return [(k, v) for k, v in zip(store.kept_row_keys("city_pieces"), store._rows.db.execute(
            "SELECT value FROM kept_row WHERE name = 'city_pieces' ORDER BY key"))]

    beside = rows()
    assert beside
    assert store.seed_rows(CityPieces())                       # alone: its own keys, its own views
    assert seeded[-1] == "city_pieces" and rows() == beside
    assert store.kept_rows("city_pieces") and store.rows_current("city_pieces")
