"""Every page of the explorer runs on the bundled corpus without exceptions and shows what it is for
(streamlit.testing.v1.AppTest)."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app.ui import PAGE_FILES
from tests.app.conftest import open_page, overview_counts


def _text(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.title] + [e.value for e in at.subheader]
    parts += [e.value for e in at.caption] + [e.value for e in at.info] + [str(e.value) for e in at.metric]
    parts += [e.label for e in at.expander] if hasattr(at, "expander") else []
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", list(PAGE_FILES))
def test_page_runs_without_errors(govkg_home, page):
    at = open_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title and at.title[0].value


def test_overview_counts_the_corpus(govkg_home):
    at = open_page("overview")
    counts = overview_counts(at)
    assert set(counts) == {"文档", "有举措的地方", "做法", "命名模式", "政策文件", "举措"}
    assert counts["文档"] == 85            # the five documents and the 80 excerpts
    assert counts["政策文件"] > 0


def test_compare_puyang_qianjiang_shows_a_quote(govkg_home):
    at = open_page("compare")
    at.multiselect[0].set_value(["濮阳市", "潜江市"]).run()
    assert not at.exception and not at.error
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert quotes, "the selected cell shows no quote"
    assert at.selectbox[0].value.split(" · ")[0] in ("濮阳市", "潜江市")


def test_city_profile_shows_documents(govkg_home):
    at = open_page("city", place="濮阳市")
    assert not at.exception
    assert at.selectbox[0].value == "濮阳市"
    assert any("来源文档" in t.label for t in at.tabs)


def test_document_page_highlights_the_span(govkg_home):
    from app.runtime import inventory, open_configured_store

    doc = inventory(open_configured_store())["Document"][0]["id"]
    at = open_page("document", doc=doc, start="10", end="20")
    assert not at.exception and not at.error
    htmls = [h.proto.body for h in at.get("html")]
    assert any('<mark id="cited"' in h for h in htmls)


def test_search_finds_a_two_character_word(govkg_home):
    at = open_page("search", q="网格")
    assert not at.exception and not at.error
    assert any("找到" in c.value and not c.value.startswith("找到 0") for c in at.caption)


def test_similar_practices_from_a_description(govkg_home):
    at = open_page("similar")
    assert any("查找相似做法" in c.value for c in at.caption), "the empty state says what to do"
    at.text_area[0].input("在小区建立党支部，党员到社区报到认领服务岗位")
    at.button[0].click().run()
    assert not at.exception and not at.error
    ranked = [m.value for m in at.markdown if m.value.startswith("**1.")]
    assert ranked, "no similar practice listed"


def test_policies_opens_on_a_place_that_has_some(govkg_home):
    at = open_page("policies")
    assert not at.exception and not at.error
    assert not any("没有找到政策或承诺" in i.value for i in at.info), at.selectbox[0].value
    assert any(s.value.startswith(("政策文件", "承诺事项")) for s in at.subheader)


def test_similar_practices_from_a_measure_picked_place_first(govkg_home):
    """Measures are not in the overview inventory: the page lists the measures of one chosen place."""
    at = open_page("similar")
    at.radio[0].set_value("举措").run()
    assert not at.exception and not at.error
    for place in at.selectbox[0].options:
        at.selectbox[0].set_value(place).run()
        if len(at.selectbox) > 1:  # this place has measures: pick one, similar ones elsewhere are listed
            break
    assert len(at.selectbox) > 1, "no place with measures"
    assert not at.exception and not at.error
    assert [m.value for m in at.markdown if m.value.startswith("**1.")], "no similar practice listed"


def test_the_document_page_lists_a_page_at_a_time(govkg_home, monkeypatch):
    """The 文档 page reads its list a page at a time (the graph may hold 100,000 documents): each page
    the documents after the ones before it, in the inventory's order; a cited document opens on any page."""
    from app import state
    from app.runtime import inventory, open_configured_store

    every = inventory(open_configured_store())["Document"]
    monkeypatch.setattr(state, "DOC_PAGE", 30)
    at = open_page("document")
    assert not at.exception and not at.error
    assert len(at.selectbox[0].options) == 30
    at.number_input[0].set_value(3).run()
    assert not at.exception and not at.error
    assert len(at.selectbox[0].options) == len(every) - 60
    cited = every[-1]["id"]
    at = open_page("document", doc=cited)
    assert not at.exception and not at.error
    assert len(at.selectbox[0].options) == 31 and at.selectbox[0].index == 0     # (it is on the third page)
    at.number_input[0].set_value(9).run()
    assert any("没有文档" in i.value for i in at.info)
