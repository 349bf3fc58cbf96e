"""city_profile's figure rows: a figure is shown by what it counts, or as written — never by its id."""
from __future__ import annotations

from graph.sqlite_store import SQLiteStore
from loaders.extract.pipeline import extract_text
from queries import registry

_TEXT = ("襄阳市民政局关于2023年搬迁安置工作的报告\n\n"
         "通过实施易地搬迁，全市累计1.2万户、5.1万群众住进新居。今年新增调解员60名，累计达到410名。\n")


def _figures() -> dict[str, dict]:
    store = SQLiteStore()
    store.init_schema()
    store.load_record(extract_text(_TEXT, "t.txt"))
    return {r["written"]: r for r in registry.run(store, "city_profile", {"place": "襄阳市"}) if r["section"] == "figure"}


def test_a_figure_whose_words_name_nothing_counted_is_shown_as_written():
    figures = _figures()
    assert figures["1.2万户"]["name"] == "1.2万户"
    assert not any(str(r["name"]).startswith("mt_") for r in figures.values())


def test_a_running_total_is_named_as_the_total():
    figures = _figures()
    assert figures["60名"]["name"] == "新增调解员"
    assert figures["410名"]["name"] == "累计调解员"
