"""Indexes kept in the embedded store (``queries/kept.py``): the search and similarity indexes a build
keeps give exactly the answers of the indexes built in the process, a later process reads them instead of
the graph, and a stale, replaced or unwritable copy never changes an answer."""
from __future__ import annotations

import random

import pytest

from queries import registry, similar_practices
from queries.rows import _CACHE
from tests.support.built import built_answer
from tests.support.stores import loaded_alone

KEPT = ["similar_practices", "search", "place_practices", "learning_network", "inventory", "exemplars"]


@pytest.fixture
def home_store(tmp_path, all_records):
    """An embedded store in a home, holding the corpus and the synthetic records, its indexes kept as
    a build keeps them."""
    from graph.sqlite_store import SQLiteStore

    store = SQLiteStore.open(tmp_path / "home")
    store.init_schema()
    for rec in all_records:
        store.load_record(rec)
    assert registry.keep_indexes(store) == list(KEPT)
    yield store
    store.close()


def _reopen(store):
    from graph.sqlite_store import SQLiteStore

    _CACHE.clear()                      # what a new process starts with
    return SQLiteStore(store.path)


_built = built_answer


def _search_cases(records):
    rng = random.Random(3)
    words = [p for r in records for p in r.practices] + [m.name for r in records for m in r.named_models]
    texts = [r.document.title or "" for r in records]
    cases = [{"text": "减负"}, {"text": "社区 议事", "limit": 50}, {"text": "网"}, {"text": "ABC 网格化管理"},
             {"text": "社区", "kinds": ["Measure", "Practice"]}, {"text": "没有这样的词语出现过"}]
    for word in rng.sample(words, 12):
        cases.append({"text": word})
    for title in rng.sample([t for t in texts if len(t) > 6], 6):
        start = rng.randrange(0, len(title) - 4)
        cases.append({"text": title[start:start + rng.choice((2, 3, 5))], "limit": 30})
    return cases


def _similar_cases(records):
    rng = random.Random(4)
    measures = [m.summary for r in records for m in r.measures]
    models = [(m.name, r.document.subject_place) for r in records for m in r.named_models]
    cases = [{"text": t, "k": 8} for t in rng.sample(measures, 8)]
    cases += [{"named_model": name} for name, _ in rng.sample(models, 6)]
    cases += [{"text": "建立居民议事会", "place": place} for _, place in rng.sample(models, 3) if place]
    return cases


def _measure_ids(store, n):
    ids = [r["id"] for r in registry.run(store, "inventory", {"place": None}) if r["section"] == "place"][:n]
    out = []
    for place in ids:
        out += [r["id"] for r in registry.run(store, "inventory", {"place": place}) if r["section"] == "measure"][:1]
    return out


def test_kept_answers_are_the_built_answers(home_store, all_records):
    store = registry.maintain_indexes(_reopen(home_store))  # attached, as a new process's first query does:
    rows = {ix.name for ix in registry.row_indexes()}      # only an attached index's revision is known
    for name in KEPT:
        assert store.rows_current(name) if name in rows else store.kept_version(name) == store.version()
    cases = [("search", p) for p in _search_cases(all_records)]
    cases += [("similar_practices", p) for p in _similar_cases(all_records)]
    cases += [("similar_practices", {"measure": m}) for m in _measure_ids(store, 6)]
    places = [r.document.subject_place for r in all_records if r.document.subject_place]
    cases += [("similar_cities", {"place": p, "k": 10}) for p in random.Random(5).sample(places, 6)]
    cases += [("practice_communities", {"min_places": n}) for n in (1, 2)]
    cases += [("learning_network", {"limit": n}) for n in (1, 7, 500, 1200)]
    cases += [("inventory", {})] + [("inventory", {"place": p}) for p in places[:3]]
    practices = sorted({p for r in all_records for p in r.practices})
    cases += [("exemplars", {"practice": p, "k": k}) for p, k in zip(practices, (1, 5, 10, 200) * 10)]

    answered = 0
    for name, params in cases:
        kept = registry.run(store, name, params)
        assert kept == _built(store, name, params), (name, params)
        answered += bool(kept)
    assert answered >= len(cases) - 2          # the cases are not all empty answers


def test_a_new_process_reads_the_kept_index_not_the_graph(home_store, monkeypatch):
    store = _reopen(home_store)

    def no_fetch(*_args, **_kwargs):
        raise AssertionError("the graph was read to rebuild an index the store keeps")

    search_fetch = registry.implementation("search").fetch

    def hits_evidence_only(g, entities=None, **params):
        """search reads the evidence of the entities among its hits, by id, and nothing else"""
        if entities is None:
            no_fetch()
        return search_fetch(g, entities=entities, **params)

    for query in set(registry.KEPT.values()) - registry.WHOLE_GRAPH:
        monkeypatch.setattr(registry.implementation(query), "fetch", no_fetch)
    monkeypatch.setattr(registry.implementation("search"), "fetch", hits_evidence_only)
    monkeypatch.setattr(store, "projection", no_fetch)       # similar_practices, similar_cities, practice_communities
    assert registry.run(store, "search", {"text": "社区"})
    assert registry.run(store, "similar_practices", {"text": "建立居民议事会"})
    assert registry.run(store, "learning_network", {})
    assert registry.run(store, "practice_communities", {})
    assert registry.run(store, "inventory", {})
    assert registry.run(store, "exemplars", {"practice": "网格化治理"})
    place = next(r["place"] for r in registry.run(store, "similar_cities", {"place": "濮阳市"}))
    assert place


def test_a_load_makes_the_kept_index_stale_and_the_next_query_keeps_a_new_one(home_store, tmp_path):
    from tests.support.synthetic import synthetic_records

    store = _reopen(home_store)
    before = store.version()
    (extra,) = list(synthetic_records(1, seed=99))
    store.load_record(extra)
    # the build maintains the search's postings instead of keeping a copy; this store object was
    # opened without them attached, so its load leaves them stale and the search keeps a copy
    assert store.version() != before and store.kept_version("search") is None
    assert not store.rows_current("search")
    name = extra.named_models[0].name if extra.named_models else extra.practices[0]
    rows = registry.run(store, "search", {"text": name, "limit": 100})
    assert any(r["doc_id"] == extra.doc_id for r in rows)        # the new document is found
    assert rows == _built(store, "search", {"text": name, "limit": 100})
    assert store.kept_version("search") == store.version()       # and the store keeps the new index


def test_keep_refuses_an_index_of_an_older_graph(home_store):
    from tests.support.synthetic import synthetic_records

    store = _reopen(home_store)
    old = store.version()
    assert store.keep("t", old, [("meta", b"{}")]) is True
    store.load_record(next(iter(synthetic_records(1, seed=98))))
    assert store.keep("t", old, [("meta", b"{}")]) is False
    assert store.kept_version("t") == old                         # the old copy, never used now
    assert store.kept_version("t") != store.version()


def test_a_copy_replaced_while_in_use_falls_back_to_building(home_store):
    from queries.kept import GraphVersion, KeptReader, StaleIndex, with_index
    from queries.similarity import KeptSimilarityIndex

    store = _reopen(home_store)
    params = {"text": "建立居民议事会", "k": 10, "place": None, "measure": None, "named_model": None}
    built = similar_practices.build_index(registry.fetcher(store, "similar_practices"), params)
    assert store.keep("similar_practices", store.version(), built.kept_entries())   # what a query keeps
    reader = KeptReader(store, "similar_practices", store.version())
    index = KeptSimilarityIndex(reader)
    store._db.execute("DELETE FROM kept WHERE name = 'similar_practices' AND key LIKE 'i:%'")
    with pytest.raises(StaleIndex):
        index.query("建立居民议事会")
    version = GraphVersion(store)
    rows = with_index("similar_practices", version,
                      lambda: similar_practices.build_index(registry.fetcher(store, "similar_practices"), params),
                      KeptSimilarityIndex, lambda ix: similar_practices._answer(ix, params))
    assert rows and rows == similar_practices._answer(
        similar_practices.build_index(registry.fetcher(store, "similar_practices"), params), params)


def test_a_store_that_takes_no_write_answers_from_an_index_built_in_the_process(home_store, monkeypatch):
    from govkg.errors import StoreUnavailable
    from tests.support.synthetic import synthetic_records

    store = _reopen(home_store)
    store.load_record(next(iter(synthetic_records(1, seed=97))))     # the kept copy is stale now

    def full(*_args, **_kwargs):
        raise StoreUnavailable(f"{store.path}: cannot write the embedded graph (No space left on device)")

    expected = _built(store, "search", {"text": "社区"})
    monkeypatch.setattr(store, "keep", full)
    rows = registry.run(store, "search", {"text": "社区"})
    assert rows and rows == expected
    assert store.kept_version("search") != store.version()


def test_kept_sections_read_only_the_chunks_a_limit_reaches():
    from graph.sqlite_store import SQLiteStore
    from queries.kept import KeptReader, KeptSections

    class Counting(KeptReader):
        __slots__ = ("keys",)

        def many(self, keys):
            keys = list(keys)
            self.keys.extend(keys)
            return super().many(keys)

    store = SQLiteStore()
    sections = [[{"n": i, "s": s} for i in range(size)] for s, size in enumerate((1234, 0, 500, 7))]
    assert store.keep("t", store.version(), KeptSections(sections).kept_entries())
    for limit in (1, 499, 500, 501, 1234, 5000):
        reader = Counting(store, "t", store.version())
        reader.keys = []
        assert KeptSections.load(reader).head(limit) == [rows[:limit] for rows in sections]
        chunks = -(-min(limit, 1234) // 500) + 1 + 1            # section 0, section 2, section 3
        assert len(reader.keys) == 1 + chunks, (limit, reader.keys)   # and "sizes"
    reader = Counting(store, "t", store.version())
    reader.keys = []
    kept = KeptSections.load(reader)
    assert kept.head(1) == [rows[:1] for rows in sections]
    assert kept.head(600) == [rows[:600] for rows in sections]       # reads on from where it stopped
    assert reader.keys.count("s:0:0") == 1
    store.close()


def test_the_search_is_answered_from_its_postings_not_a_kept_copy(all_records):
    """Every index is maintained per document now (the search's and the similarity's postings too): a
    build keeps no copy of any, and the search answers from the postings as the index built whole does."""

    store = loaded_alone(all_records[:12])
    assert registry.keep_indexes(store) == KEPT
    assert store.rows_current("search") and store.kept_version("search") is None
    assert registry.run(store, "search", {"text": "社区"}) == _built(store, "search", {"text": "社区"})
    assert store.kept_version("search") is None                   # answered from the postings: nothing kept
    store.close()


def test_kept_full_text_counts_long_terms_like_str_count():
    """Terms of three or more characters are counted by SQLite in the kept folded texts; a text holding
    a NUL (which SQL's text functions stop at) is counted in Python: the same hits either way."""
    from graph.sqlite_store import SQLiteStore
    from queries.fulltext import FullTextIndex, KeptFullTextIndex, Searchable
    from queries.kept import KeptReader

    items = [Searchable("d1", "Document", "网格化治理报告", "网格化网格化网格化，ＡＢＣ网格化。", doc_id="d1", offset=0),
             Searchable("d2", "Document", "空字符", "前面\x00网格化网格化后面", doc_id="d2", offset=0),
             Searchable("m1", "Measure", "推行网格化", "推行网格化管理，网格员走访", doc_id="d1", offset=None,
                        quote="推行网格化管理。", start=0, end=8),
             Searchable("n1", "NamedModel", "abc网格化", "ABC模式", doc_id="d1", offset=None)]
    built = FullTextIndex(items)
    store = SQLiteStore()
    store._db.execute("INSERT INTO node(id, label, props) VALUES ('d1', 'Document', ?), ('d2', 'Document', ?)",
                      ('{"text": "网格化网格化网格化，ＡＢＣ网格化。"}', '{"text": "前面\\u0000网格化网格化后面"}'))
    assert store.keep("search", store.version(), built.kept_entries())
    kept = KeptFullTextIndex(KeptReader(store, "search", store.version()))
    for query in ("网格化", "abc网格", "网格化 走访", "格化网", "ＡＢＣ", "\x00网格"):
        assert kept.search(query, limit=10) == built.search(query, limit=10), query
    assert built.search("网格化", limit=10)[0].key == "d1"
    store.close()


def test_kept_sections_read_by_several_threads_at_once_give_each_row_once():
    from concurrent.futures import ThreadPoolExecutor

    from graph.sqlite_store import SQLiteStore
    from queries.kept import KeptReader, KeptSections

    store = SQLiteStore()
    sections = [[{"n": i} for i in range(2600)], [{"m": i} for i in range(900)]]
    assert store.keep("t", store.version(), KeptSections(sections).kept_entries())
    for _ in range(20):
        kept = KeptSections.load(KeptReader(store, "t", store.version()))
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(kept.head, [2600, 1000, 2600, 501, 2600, 2600, 1, 2600] * 2))
        for limit, answer in zip([2600, 1000, 2600, 501, 2600, 2600, 1, 2600] * 2, answers):
            assert answer == [rows[:limit] for rows in sections]
    store.close()


def test_a_new_store_at_a_freed_ones_address_gets_none_of_its_answers():
    """Cache keys name a store (and a graph) by ``rows.identity``, never by ``id``, which CPython hands
    to the next object of the same size once the first is gone."""
    from queries.kept import GraphVersion
    from queries.rows import identity

    class Probe:
        def version(self) -> int:
            return 7

    first = Probe()
    address, key = id(first), GraphVersion(first)()
    assert GraphVersion(first)() == key and identity(first) == identity(first)
    del first
    second = Probe()                   # usually at the same address, always another key
    assert GraphVersion(second)() != key, (id(second) == address)
