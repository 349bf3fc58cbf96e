"""city_profile's figure rows: a figure is shown by what it counts, or as written — never by its id."""
from __future__ import annotations

from graph.sqlite_store import SQLiteStore
from loaders.extract.pipeline import extract_text
from queries import registry
from tests.support.stores import store_of_text

_TEXT = ("襄阳市民政局关于2023年搬迁安置工作的报告\n\n"
         "通过实施易地搬迁，全市累计1.2万户、5.1万群众住进新居。今年新增调解员60名，累计达到410名。\n")


def _figures() -> dict[str, dict]:
    store = store_of_text(_TEXT)
    return {r["written"]: r for r in registry.run(store, "city_profile", {"place": "襄阳市"}) if r["section"] == "figure"}


def test_a_figure_whose_words_name_nothing_counted_is_shown_as_written():
    figures = _figures()
    assert figures["1.2万户"]["name"] == "1.2万户"
    assert not any(str(r["name"]).startswith("mt_") for r in figures.values())


def test_a_running_total_is_named_as_the_total():
    figures = _figures()
    assert figures["60名"]["name"] == "新增调解员"
    assert figures["410名"]["name"] == "累计调解员"


def test_a_name_many_places_share_is_read_section_by_section_not_place_by_place(monkeypatch):
    """Three counties' 新风社区 (one name, three places): each section is one read over the three, and the
    answer is the three places' own profiles, each as asked alone by its id."""
    from queries import city_profile

    store = SQLiteStore()
    store.init_schema()
    for county in ("嘉鱼县", "通山县", "崇阳县"):
        text = f"{county}民政局关于新风社区治理工作的报告\n\n{county}新风社区推行网格化管理，建立居民议事会，全年调解纠纷30件。\n"
        store.load_record(extract_text(text, f"{county}.txt"))
    reads = []
    real = city_profile.linked

    def counted(g, nodes, *args, **kwargs):
        reads.append(len(list(nodes)))
        return real(g, nodes, *args, **kwargs)

    monkeypatch.setattr(city_profile, "linked", counted)
    rows = registry.run(store, "city_profile", {"place": "新风社区"})
    places = sorted({r["place_id"] for r in rows})
    assert len(places) == 3 and len(reads) <= 10 and max(reads) >= 3
    alone = [r for p in places for r in registry.run(store, "city_profile", {"place": p})]
    assert rows == sorted(alone, key=city_profile.order_key)
