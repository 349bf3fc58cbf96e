"""The fast paths of the embedded store give the same answers as the plain definitions: the full-text
index against scoring every item, and the name index against scanning every node of a label."""
from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from queries.fulltext import FullTextIndex, Searchable, rank_hits, score_hit, split_terms
from queries.grading import grade_evidence, recognition
from queries.rows import best_evidence, evidence_entries, evidence_entry, pick_evidence
from queries.walk import named
from tests.support.stores import loaded_alone

CHARS = "社区减负治理清单网格党建物业红色议事ＡＢab"
KINDS = ["Document", "Measure", "Practice", "NamedModel"]


def brute_force(items, query, limit, kinds=None):
    terms = split_terms(query)
    hits = [h for it in items if (not kinds or it.kind in kinds) and (h := score_hit(it, terms)) is not None]
    return rank_hits(hits, limit)


item_lists = st.lists(
    st.tuples(st.sampled_from(KINDS), st.text(alphabet=CHARS, max_size=6), st.text(alphabet=CHARS, max_size=40)),
    min_size=1, max_size=15)


@settings(max_examples=80, deadline=None)
@given(item_lists, st.lists(st.text(alphabet=CHARS, min_size=1, max_size=4), min_size=1, max_size=3),
       st.integers(min_value=1, max_value=6), st.sampled_from([None, ["Document"], ["Measure", "Practice"]]))
def test_search_equals_scoring_every_item(rows, terms, limit, kinds):
    items = [Searchable(f"k{i}", kind, name, text, doc_id=f"{i:016x}", offset=0 if kind == "Document" else None,
                        quote=name or None)
             for i, (kind, name, text) in enumerate(rows)]
    index = FullTextIndex(items)
    query = " ".join(terms)
    assert index.search(query, limit=limit, kinds=kinds) == brute_force(index.items, query, limit, kinds)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.text(alphabet="减负减清单", max_size=4),
                          st.text(alphabet="减负减清单", max_size=30)), min_size=150, max_size=400),
       st.lists(st.text(alphabet="减负减清单", min_size=2, max_size=4), min_size=1, max_size=2),
       st.integers(min_value=1, max_value=8))
def test_long_terms_counted_only_where_they_can_reach_the_top(rows, terms, limit):
    # hundreds of candidates hold every bigram of a term: their bigram counts bound the term's count,
    # and only those whose bound can still reach the best ``limit`` are counted — the same answer
    items = [Searchable(f"k{i:03}", kind, name, text, doc_id=f"{i:016x}", offset=0 if kind == "Document" else None,
                        quote=name or None)
             for i, (kind, name, text) in enumerate(rows)]
    index = FullTextIndex(items)
    query = " ".join(terms)
    assert index.search(query, limit=limit) == brute_force(index.items, query, limit)


def test_a_loose_bound_does_not_stop_the_count_early():
    # 300 decoys hold both bigrams of 减负清 ten times but the term once; three items hold it three
    # times, bigrams three times: only counting past every decoy finds them first
    decoys = [Searchable(f"d{i:03}", "Document", "", "减负清" + "减负" * 9 + "负清" * 9, doc_id=f"d{i:03}", offset=0)
              for i in range(300)]
    best = [Searchable(f"z{i}", "Document", "", "减负清，减负清，减负清", doc_id=f"z{i}", offset=0) for i in range(3)]
    index = FullTextIndex(decoys + best)
    hits = index.search("减负清", limit=5)
    assert [h.key for h in hits] == ["z0", "z1", "z2", "d000", "d001"]
    assert hits == brute_force(index.items, "减负清", 5)


def test_search_is_exact_for_long_terms_and_names():
    items = [Searchable("a", "Document", "", "社区减负清单。", doc_id="a", offset=0),
             Searchable("b", "Document", "", "社区减少负担。", doc_id="b", offset=0),   # every bigram but not the term
             Searchable("c", "Practice", "减负清单", "减负清单", quote="q")]
    hits = FullTextIndex(items).search("减负清单")
    assert [h.key for h in hits] == ["c", "a"]
    assert hits[1].quote == "社区减负清单。"


@pytest.fixture
def graph():
    g = nx.MultiDiGraph()
    g.add_node("ag_1", label="Agency", name="民政局")
    g.add_node("ag_2", label="Agency", name="民政局")
    g.add_node("ag_3", label="Agency", name="财政局")
    g.add_node("pr_1", label="Practice", name="ag_3")
    return g


@pytest.mark.parametrize(("lab", "value", "expected"), [
    ("Agency", "民政局", ["ag_1", "ag_2"]),
    ("Agency", "ag_3", ["ag_3"]),
    ("Agency", "pr_1", []),
    ("Practice", "ag_3", ["pr_1"]),
    ("Agency", "不存在", []),
])
def test_named_equals_scanning_the_label(graph, lab, value, expected):
    assert sorted(named(graph, lab, value)) == expected
    scan = [n for n, a in graph.nodes(data=True) if a["label"] == lab and (n == value or a.get("name") == value)]
    assert sorted(named(graph, lab, value)) == sorted(scan)


def test_name_index_follows_writes(graph):
    assert named(graph, "Agency", "社会组织局") == []
    graph.add_node("ag_4", label="Agency", name="社会组织局")
    assert named(graph, "Agency", "社会组织局") == ["ag_4"]


@pytest.mark.parametrize(("quote", "status", "metric", "grade"), [
    ("建成村级综治中心2952个。", None, False, "described"),      # a number alone is not a measured outcome
    ("建成村级综治中心2952个。", "done", True, "quantified"),
    ("建成村级综治中心2952个。", "planned", False, "claimed"),
    ("成立社区议事会。", None, False, "described"),
    ("高度重视社区治理。", None, True, "quantified"),
])
def test_memoised_grading_is_a_function_of_its_inputs(quote, status, metric, grade):
    assert grade_evidence(quote, status, metric) == grade
    assert grade_evidence(quote, status, metric) == grade     # second call from the memo


def test_memoised_recognition():
    assert recognition("经验做法被省民政厅工作专报刊发。") == "provincial"
    assert recognition("经验做法被省民政厅工作专报刊发。") == "provincial"
    assert recognition("普通句子。") is None


maybe = st.one_of(st.none(), st.integers(min_value=0, max_value=5))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(["d1", "d2", ""])), maybe, maybe,
                          st.one_of(st.none(), st.sampled_from(["", "甲", "乙"]))), max_size=8),
       st.integers(min_value=0, max_value=2))
def test_best_evidence_equals_picking_from_every_entry(entries, short):
    row = {"ev_doc": [e[0] for e in entries], "ev_start": [e[1] for e in entries],
           "ev_end": [e[2] for e in entries], "ev_quote": [e[3] for e in entries][:max(0, len(entries) - short)]}
    assert best_evidence(row) == pick_evidence(evidence_entries(row))
    for i, doc in enumerate(row["ev_doc"]):
        if doc is not None:
            assert evidence_entry(row, i) in evidence_entries(row)


@pytest.mark.parametrize("query", ["网网", "网", "网网 格", "网网网"])
def test_repeated_character_terms_count_like_str_count(query):
    items = [Searchable("a", "Document", "", "网网网网网", doc_id="a", offset=0),
             Searchable("b", "Document", "", "网网网格", doc_id="b", offset=0),
             Searchable("c", "Measure", "网网", "网网", quote="q")]
    index = FullTextIndex(items)
    assert index.search(query, limit=10) == brute_force(index.items, query, 10)


def test_edge_lookup_by_key_equals_scanning_keys():
    from queries.walk import in_edges, out_edges
    from tests.support.synthetic import synthetic_records

    store = loaded_alone(synthetic_records(5, seed=1))
    keyed = store.graph
    assert keyed.graph["edge_keys"] == "type"
    scanned = keyed.copy()
    del scanned.graph["edge_keys"]
    types = {k for _, _, k in keyed.edges(keys=True)}
    for node in list(keyed.nodes)[:200]:
        for rel in types:
            assert list(out_edges(keyed, node, rel)) == list(out_edges(scanned, node, rel))
            assert list(in_edges(keyed, node, rel)) == list(in_edges(scanned, node, rel))


# --- the full-text index build (numpy) against the plain per-item builder it replaced ------------------

def reference_postings(items):
    """The postings as the pure-Python builder made them: per gram, the items (in (kind, key) order)
    whose folded text holds it with ``str.count`` of it, and the items whose folded name holds it."""
    from collections import Counter

    from queries.fulltext import fold

    text_ids, text_counts, name_ids = {}, {}, {}
    for i, item in enumerate(sorted(items, key=lambda it: (it.kind, it.key))):
        text, name = fold(item.text), fold(item.name)
        counts = Counter(text)
        counts.update(text[j:j + 2] for j in range(len(text) - 1))
        for gram in counts:
            if len(gram) == 2 and gram[0] == gram[1]:
                counts[gram] = text.count(gram)
        for gram, count in counts.items():
            text_ids.setdefault(gram, []).append(i)
            text_counts.setdefault(gram, []).append(count)
        grams = set(name) | {name[j:j + 2] for j in range(len(name) - 1)}
        for gram in grams:
            name_ids.setdefault(gram, []).append(i)
    return text_ids, text_counts, name_ids


# repeated characters, digits ("2000"), ASCII in both cases, full-width forms and the ideographic
# space, the two characters whose lower case depends on the text (İ, Σ), one beyond the BMP, a lone
# surrogate
BUILD_CHARS = ["社", "区", "减", "负", "常", "网", "0", "2", "a", "A", "b", "Ａ", "２", "０", "，", "\u3000", " ",
               "İ", "Σ", "σ", "𠮷", "\ud800", "\n"]
build_texts = st.lists(st.sampled_from(BUILD_CHARS), max_size=24).map("".join)


def assert_same_index(items):
    from queries import fulltext

    index = FullTextIndex(items)
    text_ids, text_counts, name_ids = reference_postings(items)
    for postings, reference in ((index._text_ids, text_ids), (index._text_counts, text_counts),
                                (index._name_ids, name_ids)):
        assert len(postings) == len(reference)
        for gram, values in reference.items():
            assert postings.get(gram).tolist() == values, gram
    assert postings.get("减负减负").tolist() == [] and postings.get("").tolist() == []
    for item, (text, name) in zip(index.items, index._folded):
        assert text == fulltext.fold(item.text) and name == fulltext.fold(item.name)
        if text == item.text:
            assert text is item.text
    assert index._kind_names == sorted({it.kind for it in items})
    assert [index._kind_names[c] for c in index._kind_codes.tolist()] == [it.kind for it in index.items]
    return index


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KINDS), build_texts, build_texts), max_size=12),
       st.sampled_from([(1 << 22, 1 << 16), (5, 1 << 16), (16, 2), (1, 1)]),
       st.lists(st.lists(st.sampled_from(BUILD_CHARS), min_size=1, max_size=4).map("".join), min_size=1,
                max_size=6))
def test_index_build_equals_the_per_item_builder(rows, chunking, queries):
    """Postings, counts (``str.count``: "00" once in "000"), folded texts and kinds equal the plain
    builder's, over one chunk or many (the chunks' postings merged per gram), and every search equals
    scoring every item."""
    from queries import fulltext

    saved = fulltext._CHUNK_CHARS, fulltext._CHUNK_ITEMS
    fulltext._CHUNK_CHARS, fulltext._CHUNK_ITEMS = chunking
    try:
        items = [Searchable(f"k{i % 5}{i}", kind, name, text, doc_id=f"{i:016x}",
                            offset=0 if kind == "Document" else None, quote=name or None)
                 for i, (kind, name, text) in enumerate(rows)]
        index = assert_same_index(items)
    finally:
        fulltext._CHUNK_CHARS, fulltext._CHUNK_ITEMS = saved
    for query in queries:
        for limit in (3, 50):
            assert index.search(query, limit=limit) == brute_force(index.items, query, limit)


def test_index_build_on_repeats_digits_and_single_characters():
    texts = ["2000年", "0", "00", "000", "0000", "常常常", "常", "", "网网网网网", "aAａＡ", "ＡＡＡ", "İa", "ΑΣ Σ", "𠮷𠮷𠮷"]
    items = [Searchable(f"d{i:02d}", "Document" if i % 2 else "Measure", name, text, doc_id=f"d{i}", offset=0)
             for i, (text, name) in enumerate(zip(texts, ["", "0", "", "常", "00"] * 3))]
    index = assert_same_index(items)
    assert index._text_counts.get("00").tolist() == [1, 1, 1, 2]        # "2000", "00", "000", "0000"
    for query in ["00", "0", "2000", "常常", "常", "网网", "网网网", "aa", "a", "ia", "σ", "𠮷𠮷", "年 0", "ΣΣ"]:
        assert index.search(query, limit=20) == brute_force(index.items, query, 20)
    assert len(FullTextIndex([])) == 0 and FullTextIndex([]).search("减负") == []


@settings(max_examples=150, deadline=None)
@given(st.tuples(st.sampled_from(KINDS), st.text(alphabet=CHARS + "（）İΣ１", max_size=6),
                 st.text(alphabet=CHARS + "（）İΣ１ aA", max_size=60)),
       st.text(alphabet=CHARS + "（1a", min_size=1, max_size=8))
def test_fold_free_terms_score_the_same_unfolded(item, query):
    """Terms that fold_free admits are counted in the text as it is (the backend search's fast path)."""
    from queries.fulltext import fold_free

    kind, name, text = item
    terms = split_terms(query)
    if not terms or not fold_free(terms):
        return
    it = Searchable("k", kind, name, text, doc_id="d", offset=0)
    assert score_hit(it, terms, fold_text=False) == score_hit(it, terms)


def test_fold_free_refuses_what_fold_changes():
    from queries.fulltext import fold_free

    assert fold_free(["社区", "减负"])
    assert not fold_free(["a"]) and not fold_free(["12341"]) and not fold_free(["(社区"])
    assert not fold_free(["İ社区"]) and not fold_free(["社区", "A"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["d1", "d2", "d10"]), st.integers(min_value=0, max_value=4),
                          st.integers(min_value=1, max_value=4), st.sampled_from([None, "", "甲", "乙"])),
                min_size=2, max_size=12), st.booleans())
def test_best_evidence_of_complete_entries_equals_picking_from_every_entry(entries, as_tuples):
    """Entries as the stores load them (every document, start and end present): the choice made by
    comparing whole columns equals the one made entry by entry, ties to the first."""
    kind = tuple if as_tuples else list
    row = {f"ev_{k}": kind(e[i] for e in entries) for i, k in enumerate(("doc", "start", "end", "quote"))}
    assert best_evidence(row) == pick_evidence(evidence_entries(row))
