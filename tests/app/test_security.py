"""Issue 6: hostile document text and hostile parameters. A store built from a document whose text holds
a script tag, an img with onerror and Cypher-like text; every page rendered with AppTest must show
those strings only escaped, running every named query with hostile parameters must leave the graph's
counts unchanged, and the Neo4j password must never reach a page."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from streamlit.testing.v1 import AppTest

from app.ui import PAGE_FILES
from tests.app.conftest import HOSTILE_STRINGS, SECRET, open_page

RAW_TAG = re.compile(r"(?<!\\)<\s*(script|img)", re.IGNORECASE)


@pytest.fixture(scope="module")
def hostile_store(govkg_home, hostile_file, tmp_path_factory):
    """A memory store under its own GOVKG_HOME holding only the hostile document; NEO4J_PASSWORD set."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GOVKG_HOME", str(tmp_path_factory.mktemp("hostile_home")))
        mp.setenv("GOVKG_STORE", "embedded")
        mp.setenv("NEO4J_PASSWORD", SECRET)
        from app.runtime import build_into, open_configured_store

        store = open_configured_store()
        report = build_into([hostile_file], store)
        assert len(report.added) == 1, report.summary()
        yield store


class _Tags(HTMLParser):
    """Collects what a browser would execute: script-like tags, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "img", "svg", "style"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.lower().startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"{tag} {name}={value}")


def _protos(at: AppTest):
    """Every element's proto in the rendered tree (depth first)."""
    stack = [at._tree]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None:
            yield proto
        children = getattr(node, "children", None) or {}
        stack.extend(children.values())


def _texts(proto, depth: int = 0):
    """Every ``body`` and ``label`` string in a proto and its sub-messages."""
    for field, value in proto.ListFields():
        if field.type == field.TYPE_MESSAGE and depth < 4:
            for item in ([value] if hasattr(value, "ListFields") else value):
                yield from _texts(item, depth + 1)
        elif field.name in ("body", "label") and isinstance(value, str):
            yield value


def _html_bodies(at: AppTest) -> list[str]:
    """Bodies the browser renders as HTML: st.html and Markdown with unsafe_allow_html — except the one
    fixed stylesheet of the app (``app.ui.app_css`` for the configured settings: constants only)."""
    from app.intake import ALLOWED_SUFFIXES
    from app.ui import app_css
    from govkg.settings import load_settings

    fixed = app_css(load_settings().max_upload_mb, ALLOWED_SUFFIXES)
    out = [h.proto.body for h in at.get("html") if h.proto.body != fixed]
    out += [m.proto.body for m in at.markdown if m.proto.allow_html]
    return out




def _hostile_cases(doc_id: str) -> list[tuple[str, dict[str, str]]]:
    script, img, cypher = HOSTILE_STRINGS
    return [(page, {}) for page in PAGE_FILES] + [
        ("document", {"doc": doc_id, "start": "0", "end": "30"}),
        ("document", {"doc": cypher}),
        ("city", {"place": cypher}),
        ("city", {"place": "濮阳市"}),
        ("models", {"name": img}),
        ("models", {"name": script}),
        ("exemplars", {"practice": script}),
        ("search", {"q": script}),
        ("search", {"q": cypher}),
        ("compare", {"place": "濮阳市"}),
    ]


def test_every_page_shows_hostile_text_only_escaped(hostile_store):
    doc_id = next(iter(hostile_store.documents()))
    before = hostile_store.stats()
    shown_escaped = False
    for page, params in _hostile_cases(doc_id):
        at = open_page(page, **params)
        where = f"{page} {params}"
        assert not at.exception, (where, [e.value for e in at.exception])
        for body in _html_bodies(at):
            parser = _Tags()
            parser.feed(body)
            assert not parser.bad, (where, parser.bad, body[:300])
            assert "<script" not in body.lower(), where
            shown_escaped |= "&lt;img src=x onerror=alert(1)&gt;" in body
        for proto in _protos(at):
            # Markdown-rendered text (bodies of markdown/caption/alerts/headings, labels of expanders,
            # tabs, metrics, links): every "<" of document or user text is escaped (app.ui.md_escape)
            if proto.DESCRIPTOR.name != "Html":
                for text in _texts(proto):
                    assert not RAW_TAG.search(text), (where, proto.DESCRIPTOR.name, text[:300])
        for proto in _protos(at):
            assert SECRET not in str(proto), where
    assert shown_escaped, "the hostile document's text was never shown (escaped) on the document page"
    assert hostile_store.stats() == before


def _hostile_params(spec, value: str) -> dict:
    params = {}
    for p in spec.params:
        if p.type == "str":
            params[p.name] = value
        elif p.type == "list[str]":
            params[p.name] = [value, "濮阳市"]
    for extra in spec.one_of[1:]:
        params.pop(extra, None)
    return params


@pytest.mark.parametrize("value", HOSTILE_STRINGS)
def test_every_query_with_hostile_parameters_changes_nothing(hostile_store, value):
    from govkg.errors import QueryError, UnknownNameError
    from queries.registry import catalogue, run

    before = hostile_store.stats()
    assert before["nodes"].get("Document") == 1
    ran = refused = 0
    for spec in catalogue():
        try:
            rows = run(hostile_store, spec.name, _hostile_params(spec, value))
        except UnknownNameError as exc:          # a place/practice/model name the graph lacks: said so
            assert exc.value in (value, value.strip(), "濮阳市")
            refused += 1
            continue
        except QueryError:
            continue
        assert isinstance(rows, list)
        ran += 1
    assert ran + refused >= len(catalogue()) - 2 and ran >= 4
    assert hostile_store.stats() == before


def test_settings_never_show_the_password(monkeypatch):
    from govkg.settings import load_settings

    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    settings = load_settings()
    assert settings.neo4j_password == SECRET
    assert SECRET not in repr(settings) and SECRET not in str(settings)


def test_upload_size_limit_is_enforced(fresh_home, monkeypatch):
    """GOVKG_MAX_UPLOAD_MB reaches the uploader (browser-side limit) and the server-side check."""
    monkeypatch.setenv("GOVKG_MAX_UPLOAD_MB", "1")
    at = open_page("upload")
    assert at.title[0].value == "导入文档"
    assert "1 MB" in " ".join(c.value for c in at.caption)
    big = "社区治理。".encode() * (3 * 1024 * 1024 // 30)        # 1.5 MB
    at.file_uploader[0].set_value(("big_report.txt", big, "text/plain"))
    at.run()
    errors = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]      # undo the Markdown escaping
    assert len(errors) == 1 and "big_report.txt" in errors[0] and "超过上限 1 MB" in errors[0], errors
    assert not at.button, "a file over the limit must not be offered for adding to the graph"
