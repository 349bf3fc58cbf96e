"""Issue 13 item 5: Markdown in document text never reaches a widget label unescaped. Streamlit renders
Markdown in page links, buttons, expanders, tabs, metrics, alerts and headers, not only in
st.markdown: a document titled ``关于![x](https://example.invalid/p.png)…`` made every evidence link
on five pages load a remote image. Every page is rendered with AppTest and every Markdown-rendered
string is checked; the browser test (tests/app/test_e2e_markdown.py) uploads such a document and
watches the network."""
from __future__ import annotations

import re

import pytest

from tests.app.conftest import open_page
from tests.app.test_security import _protos, _texts

MARKDOWN_TEXT = """关于![x](https://example.invalid/p.png)加强社区治理的提案答复
濮阳市民政局
2022年6月1日

王委员：
您提出的关于加强社区治理的提案收悉。现答复如下：
一、主要做法
（一）推行“[点我](https://example.invalid/l)”工作法。濮阳市华龙区建立小区党支部32个，推行网格化治理，组建志愿服务队15支。
（二）出台《关于![y](https://example.invalid/q.png)的实施意见》，明确社区减负清单。
二、下一步工作
下一步，我们将进一步推广网格化治理做法，学习借鉴潜江市“[链接](https://example.invalid/m)”经验。
"""
TITLE = "关于![x](https://example.invalid/p.png)加强社区治理的提案答复"
MODEL = "[点我](https://example.invalid/l)"
# an image or a link as Markdown reads it: "![" or "](" with neither bracket escaped
LIVE_MARKDOWN = re.compile(r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\(")
PLAIN_OPTIONS = {"Selectbox", "MultiSelect"}      # shown as plain text by Streamlit: not escaped


@pytest.fixture(scope="module")
def markdown_store(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GOVKG_HOME", str(tmp_path_factory.mktemp("markdown_home")))
        mp.setenv("GOVKG_STORE", "embedded")
        from app.runtime import build_into, open_configured_store

        source = tmp_path_factory.mktemp("markdown_doc") / "reply.txt"
        source.write_text(MARKDOWN_TEXT, encoding="utf-8")
        store = open_configured_store()
        report = build_into([source], store)
        assert len(report.added) == 1, report.summary()
        yield store, report.added[0]


def _markdown_strings(at):
    """(element, text) for every string Streamlit renders as Markdown: bodies and labels, radio options."""
    for proto in _protos(at):
        kind = proto.DESCRIPTOR.name
        if kind == "Html":
            continue
        for text in _texts(proto):
            yield kind, text
        if kind == "Radio":
            for option in proto.options:
                yield kind, option


def test_document_text_is_never_live_markdown_on_any_page(markdown_store):
    _store, doc_id = markdown_store
    cases = [("overview", {}), ("city", {"place": "濮阳市"}), ("models", {"name": MODEL}), ("policies", {}),
             ("search", {"q": "点我"}), ("search", {"q": "社区治理"}), ("document", {"doc": doc_id}),
             ("exemplars", {}), ("compare", {"place": "濮阳市"}), ("similar", {}), ("learning", {}),
             ("upload", {}), ("coursepack", {})]
    links = 0
    for page, params in cases:
        at = open_page(page, **params)
        assert not at.exception, (page, [e.value for e in at.exception])
        for kind, text in _markdown_strings(at):
            assert not LIVE_MARKDOWN.search(text), (page, params, kind, text[:200])
            links += kind == "PageLink" and "invalid" in text
    assert links >= 3, "the title was never shown in an evidence link: the test checks nothing"
