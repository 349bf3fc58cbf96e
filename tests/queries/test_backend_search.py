"""Search on a store with its own full-text index (FalkorDB here; Neo4j writes the same field): the
index names a superset of the documents that hold a term, only those are read, and the answer is
the embedded store's, hit for hit."""
from __future__ import annotations

import json
import os
import random
import re

import pytest

from graph.fulltext import (
    FORMAT,
    LUCENE_STOP_WORDS,
    entity_grams,
    falkordb_query,
    fold,
    grams,
    lucene_query,
    term_grams,
)
from queries import registry
from queries.fulltext import split_terms


def _holders(store, term):
    return {d for d, (title, text) in _texts(store).items() if term in fold(title) or term in fold(text)}


_TEXTS: dict[int, dict[str, tuple[str, str]]] = {}


def _texts(store):
    if id(store) not in _TEXTS:
        rows = store.run_cypher("MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.text AS text")
        _TEXTS[id(store)] = {r["id"]: (r["title"] or "", r["text"] or "") for r in rows}
    return _TEXTS[id(store)]


def _sample_terms(store, n, seed):
    """Substrings of the documents, one to six characters long, from anywhere in them (Latin and digit
    runs, punctuation and the seams between scripts included), and the same in full width."""
    rnd = random.Random(seed)
    texts = [t for _, t in sorted(_texts(store).values())]
    out = []
    while len(out) < n:
        text = rnd.choice(texts)
        if len(text) < 10:
            continue
        at = rnd.randrange(len(text) - 6)
        term = text[at:at + rnd.randint(1, 6)].strip()
        if term and not re.search(r"[\s,，、;；|/]", term):
            out.append(term)
    digits = [m.group() for t in texts for m in re.finditer(r"[0-9]{3,}", t)][:20]
    out += [d[1:] for d in digits] + [d.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}) for d in digits]
    return out


def test_grams_of_a_term_are_in_every_text_that_holds_it():
    rnd = random.Random(3)
    alphabet = "社区治理党建aB１２3９ＸyZ，。“”《》·-+ 　"
    for _ in range(2000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        folded = fold(text)
        at = rnd.randrange(len(folded) + 1)
        term = folded[at:at + rnd.randint(1, 6)]
        indexed = set(grams(text).split())
        assert set(term_grams(term)) <= indexed, (text, term)


def test_grams_lists_each_runs_characters_then_its_bigrams_once_in_first_order():
    # the field as stored: a run's characters, then its bigrams, a gram seen before left out, no gram
    # across punctuation; a reordering would change every stored field
    assert grams("社区治理，社区网格员ab12") == "社 区 治 理 社区 区治 治理 网 格 员 a b 1 2 区网 网格 格员 员a ab b1 12"
    assert grams("") == "" and grams("，。") == ""
    # folded: full-width digits and letters are half-width, letters lower case (a text whose lower case is
    # longer, İ, keeps its case: fold); a run written twice adds nothing
    assert grams("ＡＢ社区（Ｘ１），ab社区") == "a b 社 区 ab b社 社区 x 1 x1"
    assert grams("Ab社区（X1）,AB社区") == "a b 社 区 ab b社 社区 x 1 x1"
    assert grams("İK社区，ＩＫ") == grams("İK社区，IK") == "社 区 社区"     # (upper case: in no run)
    assert entity_grams("网格", None, ["网格员"], "x") == "网 格 网格 员 格员"
    assert entity_grams(None, None, None, "pr_1") == "p r pr 1"


def test_queries_are_written_from_grams_only():
    hostile = ["') MATCH (n) DETACH DELETE n //", '"社区" OR *:*', "+a -b (c) {d} [e] ^f ~g :h \\i |j @k",
               "社区\" OR 1=1 //"]
    written = 0
    for text in hostile:
        terms = split_terms(text)
        for writer in (falkordb_query, lucene_query):
            query = writer(terms)
            if query is None:                         # a term with no gram: no narrowing, no query
                assert not all(term_grams(t) for t in terms) or (     # (Lucene: or only stop words)
                    writer is lucene_query and any(set(term_grams(t)) <= LUCENE_STOP_WORDS for t in terms))
                continue
            written += 1
            assert re.fullmatch(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff()|+ ]+", query.replace(" OR ", " | ")), query
    assert written >= 3                               # (the third is only stop words to Lucene)
    assert falkordb_query(["《》"]) is None and lucene_query(["社区", "《》"]) is None
    assert falkordb_query(["社区治理", "1"]) == "(社区 区治 治理) | (1)"
    assert lucene_query(["社区治理", "1"]) == "(+社区 +区治 +治理) OR (+1)"


def test_lucene_queries_leave_out_what_the_cjk_analyzer_drops():
    """Neo4j's cjk analyzer drops English stop words and splits a Chinese character from a letter: such a
    bigram is asked for by its characters (every character of the field is a unigram of it too), a stop
    word not at all; a term left with nothing cannot be narrowed."""
    assert lucene_query(["is"]) == "(+i)"
    assert lucene_query(["a社区"]) == "(+社 +社区)"
    assert lucene_query(["at"]) is None and lucene_query(["社区", "a"]) is None
    assert lucene_query(["12a"]) == "(+12 +2a)"
    for term in ("is", "a社区", "12a", "Ａ座"):
        (folded,) = split_terms(term)
        field = set(grams("文本" + term + "文本").split())
        required = re.findall(r"\+([^\s)]+)", lucene_query([folded]) or "")
        assert required and set(required) <= field, term


def test_falkordb_candidates_hold_every_document_with_the_term(falkordb_store):
    every = set(_texts(falkordb_store))
    narrowed = 0
    for term in _sample_terms(falkordb_store, 150, seed=11):
        (folded,) = split_terms(term) or [""]
        if not folded:
            continue
        candidates = falkordb_store.full_text_candidates([folded])
        if candidates is None:
            assert not term_grams(folded), term
            continue
        assert _holders(falkordb_store, folded) <= set(candidates), term
        narrowed += len(candidates) < len(every)
    assert narrowed > 50


@pytest.mark.parametrize("text", ["社区", "服务 工作", "治理"])
def test_ties_among_many_entities_rank_alike(text, embedded_store, falkordb_store):
    """Common words: thousands of entities with the same score; the store keeps the first by id of each."""
    for limit in (1, 5, 30):
        for kinds in (None, ["Measure"], ["NamedModel", "Place"]):
            params = {"text": text, "limit": limit, **({"kinds": kinds} if kinds else {})}
            assert registry.run(falkordb_store, "search", params) == registry.run(embedded_store, "search", params)


@pytest.mark.parametrize("seed", range(4))
def test_falkordb_search_answers_as_the_embedded_store(seed, embedded_store, falkordb_store):
    rnd = random.Random(seed)
    terms = _sample_terms(falkordb_store, 60, seed=seed)
    for i in range(15):
        text = " ".join(rnd.sample(terms, rnd.randint(1, 3)))
        params = {"text": text, "limit": rnd.choice([5, 20, 100])}
        if i % 4 == 3:
            params["kinds"] = rnd.sample(["Document", "NamedModel", "Measure", "Policy", "Place"], 2)
        assert registry.run(falkordb_store, "search", params) == registry.run(embedded_store, "search", params), params


def test_falkordb_search_reads_only_the_documents_the_index_names(falkordb_store, monkeypatch):
    read: list[int] = []
    run_cypher = type(falkordb_store).run_cypher

    def counting(self, text, params=None):
        rows = run_cypher(self, text, params)
        read.append(sum(1 for r in rows if r.get("kind") == "Document"))
        return rows

    monkeypatch.setattr(type(falkordb_store), "run_cypher", counting)
    rare = min(_sample_terms(falkordb_store, 200, seed=5),
               key=lambda t: (len(_holders(falkordb_store, fold(t))) or 10 ** 9, t))
    hits = registry.run(falkordb_store, "search", {"text": rare})
    assert hits and sum(read) < len(_texts(falkordb_store)) / 2, (rare, read)


def test_a_graph_without_the_field_recorded_is_searched_whole(falkordb_store, embedded_store):
    """Documents written by an older govkg may lack the field: such a graph is read whole, not narrowed."""
    falkordb_store.run_cypher("MATCH (m:GraphMeta {id: 'graph'}) REMOVE m.grams")
    try:
        assert falkordb_store.full_text_candidates(["社区"]) is None
        params = {"text": "社区 减负", "limit": 30}
        assert registry.run(falkordb_store, "search", params) == registry.run(embedded_store, "search", params)
    finally:
        falkordb_store.run_cypher("MATCH (m:GraphMeta {id: 'graph'}) SET m.grams = $f", {"f": FORMAT})
    assert falkordb_store.full_text_candidates(["社区"]) is not None


def test_the_field_is_recorded_only_in_a_graph_without_documents(falkordb_store):
    falkordb_store.run_cypher("MATCH (m:GraphMeta {id: 'graph'}) REMOVE m.grams")
    try:
        falkordb_store.init_schema()                  # documents are there: not recorded
        assert falkordb_store.full_text_candidates(["社区"]) is None
    finally:
        falkordb_store.run_cypher("MATCH (m:GraphMeta {id: 'graph'}) SET m.grams = $f", {"f": FORMAT})


@pytest.mark.parametrize("text", ["社区", "议事 12", "Ａ座 党建引领", "居民（小区）"])
def test_the_narrowed_raw_rows_are_the_same_on_both_stores(text, embedded_store, falkordb_store):
    """The rows the finisher asks a Cypher store for (the candidate documents, counted and cut to the
    best by the store's score or with their texts; the entities' texts; evidence by id), from FalkorDB
    and from the embedded fetch: identical."""
    from tests.queries.test_raw_rows import _normal  # evidence entries in any order

    terms = split_terms(text)
    candidates = falkordb_store.full_text_candidates(terms)
    assert candidates is not None

    def rows(store, extra):
        return sorted(_normal(r) for r in registry.fetcher(store, "search")({"text": text, **extra}))

    texts = rows(falkordb_store, {"documents": candidates, "entities": []})
    assert texts == rows(embedded_store, {"documents": candidates, "entities": []})
    counted = {"documents": candidates, "entities": [], "counted": True, "terms": terms,
               "lengths": [len(t) for t in terms], "weights": {"Document": 1.3}, "top": 10}
    theirs = rows(falkordb_store, counted)
    assert len(theirs) == min(10, len(candidates))
    assert _scores_close(theirs, rows(embedded_store, counted))
    found = falkordb_store.full_text_entities(terms)
    assert found is not None
    weights = {k: 1.0 + i / 10 for i, k in enumerate(("NamedModel", "Measure", "Policy", "Agency", "Place", "Practice"))}
    tied = {"documents": [], "entities": found, "counted": True, "terms": terms, "lengths": [len(t) for t in terms],
            "weights": weights, "top": 3, "evidence": False}
    theirs = rows(falkordb_store, tied)             # of entities with the same counts, the first 3 by id
    assert theirs == rows(embedded_store, tied) or _scores_close(theirs, rows(embedded_store, tied))
    entities = rows(falkordb_store, {"documents": []})
    assert entities == rows(embedded_store, {"documents": []})
    ids = [json.loads(r)["id"] for r in entities][:40]
    assert rows(falkordb_store, {"documents": [], "entities": ids}) == rows(embedded_store, {"documents": [], "entities": ids})


def _scores_close(a, b):
    """Rows equal but for the floating-point score, which may differ in its last bits between stores."""
    a, b = [json.loads(r) for r in a], [json.loads(r) for r in b]
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        sx, sy = x.pop("score"), y.pop("score")
        if x != y or abs(sx - sy) > 1e-9:
            return False
    return True


def test_every_entity_holds_the_grams_of_its_final_properties(falkordb_store):
    """After the loads (several documents writing one entity, some replacing others), each searchable
    entity's full-text field is what its merged properties give."""
    from graph.fulltext import ENTITY_FIELDS, entity_grams
    from graph.statements import statement_text

    nodes, _ = falkordb_store.export_rows()
    ids: dict[str, list[str]] = {}
    for n in nodes:
        if n["label"] in ENTITY_FIELDS:
            ids.setdefault(n["label"], []).append(n["id"])
    rows = falkordb_store.run_cypher(statement_text("entity_grams_read"), {"ids": ids})
    assert len(rows) == sum(map(len, ids.values())) and set(ids) == set(ENTITY_FIELDS)
    wrong = [r["id"] for r in rows if r["grams"] != entity_grams(r["name"], r["definition"], r["items"], r["id"])]
    assert not wrong, wrong[:5]


def _variant(base, n: int, sentence: str, model: dict | None, source: str | None = None):
    """``base`` with ``sentence`` appended to its text (so its spans still hold), a new id and source
    (or ``source``), and its first named model changed by ``model`` (None: no named model)."""
    from loaders.record import Mention

    text = base.text + "\n" + sentence
    named = []
    if model is not None:
        nm = base.named_models[0]
        at = text.rindex(model.get("name", nm.name)) if model.get("name") else nm.mentions[0].start
        update = {**model, "mentions": [Mention(start=at, end=at + len(model.get("name", nm.name)),
                                                as_written=model.get("name", nm.name))]}
        named = [nm.model_copy(update=update)]
    return base.model_copy(update={"doc_id": f"{n:016x}", "source": source or f"variant/{n}.txt", "text": text,
                                   "named_models": named})


@pytest.fixture
def two_stores(falkor_server):
    """A fresh FalkorDB graph and a fresh embedded store, loaded alike by the test."""
    from graph.falkordb_store import FalkorStore
    from graph.sqlite_store import SQLiteStore

    falkor = FalkorStore(falkor_server.host, falkor_server.port, f"entity_grams_{os.getpid()}",
                         password=falkor_server.password)
    falkor.init_schema()
    memory = SQLiteStore()
    memory.init_schema()
    yield falkor, memory
    falkor._graph.delete()
    falkor.close()
    memory.close()


def _same(stores, text, **params):
    falkor, memory = stores
    params = {"text": text, "limit": 50, **params}
    assert falkor.full_text_entities(split_terms(text)) is not None   # the backend's index answers
    ours = registry.run(falkor, "search", params)
    assert ours == registry.run(memory, "search", params), text
    return ours


def test_an_entity_found_by_text_a_second_document_gave_it_and_lost_by_its_replacement(two_stores):
    """A named model first written without a definition gets one from a second document (in the same
    load batch, and in a later one); the search finds it by a word of that definition on both stores.
    Once the second document is replaced by one defining the model otherwise, that word finds nothing."""
    from tests.support.synthetic import synthetic_record

    base = synthetic_record(1, seed=3)
    first = _variant(base, 1, "本文不作定义。", {"definition": None})
    second = _variant(base, 2, "补充：该做法即琢磨不透的邻里协商。", {"definition": "该做法即琢磨不透的邻里协商"})
    for store in two_stores:
        store.load_records([first, second])
    hits = _same(two_stores, "琢磨不透")
    model = [h for h in hits if h["kind"] == "NamedModel"]
    assert [h["name"] for h in model] == [base.named_models[0].name], hits
    assert {h["id"] for h in hits if h["kind"] == "Document"} == {second.doc_id}

    third = _variant(base, 3, "补充：该做法另有一种讲法。", {"definition": "另有一种讲法"}, source=second.source)
    for store in two_stores:
        store.load_records([third])                       # replaces the second: same source
    assert _same(two_stores, "琢磨不透") == []
    assert [h["kind"] for h in _same(two_stores, "另有一种讲法")].count("NamedModel") == 1
    _same(two_stores, "四议两公开 邻里", kinds=["NamedModel", "Document"])


def test_an_entity_named_in_traditional_script(two_stores):
    """Records keep the document's own script: a named model called in traditional characters is found
    by them (not by the simplified ones, which it does not hold), on both stores. (A model whose name
    folds to one the graph already holds for that owner is that model: tests/graph/test_delta.py.)"""
    from tests.support.synthetic import synthetic_record

    base = synthetic_record(1, seed=3)
    record = _variant(base, 4, "淮阳县推行「翠竹議事廳」制度。", {"name": "翠竹議事廳", "definition": "翠竹議事廳制度"})
    for store in two_stores:
        store.load_records([record])
    hits = _same(two_stores, "議事廳")
    assert "翠竹議事廳" in [h["name"] for h in hits if h["kind"] == "NamedModel"], hits
    assert "翠竹議事廳" not in [h["name"] for h in _same(two_stores, "议事厅")]
    _same(two_stores, "議事 社区", kinds=["NamedModel"])


def test_falkordb_search_reads_only_the_entities_the_index_names(falkordb_store, embedded_store, monkeypatch):
    """A rare term reads a handful of entities from the store, not every entity's text."""
    read: list[int] = []
    run_cypher = type(falkordb_store).run_cypher

    def counting(self, text, params=None):
        rows = run_cypher(self, text, params)
        read.append(sum(1 for r in rows if r.get("kind") not in (None, "Document")))
        return rows

    every = sum(n for label, n in falkordb_store.stats()["nodes"].items()
                if label in ("NamedModel", "Measure", "Policy", "Agency", "Place", "Practice"))
    monkeypatch.setattr(type(falkordb_store), "run_cypher", counting)
    name = next(r["name"] for r in registry.run(embedded_store, "search", {"text": "工作法", "kinds": ["NamedModel"]}))
    hits = registry.run(falkordb_store, "search", {"text": name})
    assert any(h["kind"] == "NamedModel" for h in hits)
    assert 0 < sum(read) < every / 10, (name, read, every)


def test_a_cut_inside_a_tie_keeps_the_first_ids(two_stores, monkeypatch):
    """150 named models with the same text (so the same score): the store returns the first of them by
    id and the query layer accepts that cut without reading every candidate again — the answer is
    still the embedded store's."""
    from queries import search
    from tests.support.synthetic import synthetic_record

    base = synthetic_record(1, seed=3)
    records = [_variant(base, 100 + i, f"推行“社区模式{i:03d}”。", {"name": f"社区模式{i:03d}", "definition": None,
                                                                   "components": []}) for i in range(150)]
    for store in two_stores:
        store.load_records(records)
    decided: list[tuple[bool, bool]] = []
    real = search._cut_is_safe

    def recording(rows, best, terms, limit):
        safe = real(rows, best, terms, limit)
        floor = min(float(r["score"] or 0.0) for r in rows)
        decided.append((safe, len(best) >= limit and best[-1][0] <= floor + search._SCORE_SLACK))
        return safe

    monkeypatch.setattr(search, "_cut_is_safe", recording)
    for limit in (1, 5, 20):
        hits = _same(two_stores, "社区模式", limit=limit, kinds=["NamedModel"])
        assert [h["name"] for h in hits] == [f"社区模式{i:03d}" for i in range(150)][:limit] or len(
            {h["score"] for h in hits}) == 1, hits
    assert (True, True) in decided, decided             # a cut at a tie, accepted
