"""What a document only saw elsewhere (a delegation visiting another city's community) stays one of its
practices, and no store credits it to the document's subject: exemplars and city_profile show it at the
place it was seen in, and the subject's own work at the subject."""
from __future__ import annotations

from govkg.errors import QueryError
from loaders.extract.pipeline import extract_text
from queries import registry

_TEXT = ("襄阳市民政局关于赴外地考察基层治理工作的报告\n\n今年以来，襄阳市推行网格化治理，全市划分网格300个。\n"
         "襄阳市考察组赴外地考察学习基层治理。宁波市某社区始建于1951年，链接和培育了40余家社会组织。\n")


def _answer(run, store, name: str, params: dict):
    """The rows ``run`` gives, or the kind of error it refuses with (a place no document names any more)."""
    try:
        return run(store, name, params)
    except QueryError as exc:
        return type(exc)


def _practices(store, place: str) -> dict[str, dict]:
    return {r["name"]: r for r in registry.run(store, "city_profile", {"place": place}) if r["section"] == "practice"}


def test_a_practice_seen_elsewhere_is_credited_to_where_it_was_seen_never_to_the_subject(store):
    rec = extract_text(_TEXT, "t.txt")
    assert rec.document.subject_place == "襄阳市"
    assert "社区社会组织培育" in rec.practices                     # the record keeps what the document describes
    store.load_record(rec)
    exemplars = {r["place"]: r for r in registry.run(store, "exemplars", {"practice": "社区社会组织培育"})}
    assert "襄阳市" not in exemplars
    assert "培育了40余家社会组织" in exemplars["宁波市"]["quote"]
    own = _practices(store, "襄阳市")
    assert "社区社会组织培育" not in own
    assert "划分网格300个" in own["网格化治理"]["quote"]                 # the subject's own work is still its own
    assert "培育了40余家社会组织" in _practices(store, "宁波市")["社区社会组织培育"]["quote"]


def test_a_practice_seen_in_no_place_of_the_record_is_credited_to_no_place(store):
    """Where the place the practice was seen in is no place of the record, no place takes it up."""
    rec = extract_text(_TEXT, "t.txt")
    (pm,) = [pm for pm in rec.practice_mentions if pm.name == "社区社会组织培育"]
    elsewhere = pm.model_copy(update={"seen_in": "成都市成华区"})        # (named by no place of the record)
    store.load_record(rec.model_copy(update={
        "practice_mentions": [elsewhere if q is pm else q for q in rec.practice_mentions]}))
    assert registry.run(store, "exemplars", {"practice": "社区社会组织培育"}) == []
    assert "网格化治理" in _practices(store, "襄阳市")


def test_the_maintained_row_indexes_follow_a_practice_seen_elsewhere_in_and_out(tmp_path, corpus_records):
    """The embedded store's maintained row indexes answer as those built whole while a document whose
    practice is credited to the place it was seen in (no subject of any document) comes, goes and comes back."""
    from graph.sqlite_store import SQLiteStore
    from queries.rows import _CACHE
    from tests.support.built import built_answer

    store = registry.maintain_indexes(SQLiteStore.open(tmp_path / "home"))
    store.init_schema()
    rec = extract_text(_TEXT, "t.txt")
    cases = [("exemplars", {"practice": "社区社会组织培育"}), ("city_profile", {"place": "襄阳市"}),
             ("learning_network", {"limit": 500}), ("compare_cities", {"places": ["襄阳市", "宁波市"]}),
             ("inventory", {})]

    def same(expect_credited: bool) -> None:
        _CACHE.clear()
        store.flush_rows()
        for name, params in cases:
            assert _answer(registry.run, store, name, params) == _answer(built_answer, store, name, params), name
        credited = {r["place"] for r in registry.run(store, "exemplars", {"practice": "社区社会组织培育"})}
        assert "襄阳市" not in credited and ("宁波市" in credited) == expect_credited

    for r in corpus_records:
        store.load_record(r)
    store.flush_rows()
    store.load_record(rec)
    same(True)
    assert store.remove_document(rec.doc_id)
    same(False)
    store.load_record(rec)
    same(True)
    store.close()
