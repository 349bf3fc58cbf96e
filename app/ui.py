"""Shared widgets of the explorer. Every piece of document or user text is either shown through
streamlit's text elements with Markdown neutralised (``md_escape``) or, where HTML is needed (the
highlighted span), escaped with ``html.escape`` first. Streamlit renders Markdown not only in
st.markdown but in every label: page links, buttons, expanders, tabs, metrics, alerts, captions,
headers and radio options — all get ``md_escape``. Select box and multiselect options are shown as
plain text and must not be escaped (the backslashes would show)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from urllib.parse import quote

import streamlit as st

from app.rows import GRADE_COLOURS, GRADE_LABELS, evidence_of
from govkg.coursepack.model import Evidence

__all__ = [
    "PAGE_FILES",
    "PAGE_TITLES",
    "bars_html",
    "blank",
    "counts_html",
    "doc_link",
    "empty_note",
    "excerpt_bounds",
    "grade_badge",
    "highlight_html",
    "md_escape",
    "ranked_bars",
    "row_evidence",
    "show_evidence",
]

# page key -> (file, title, icon, url path)
PAGE_FILES: dict[str, tuple[str, str, str, str]] = {
    "overview": ("app/pages/overview.py", "总览", ":material/dashboard:", "overview"),
    "city": ("app/pages/city.py", "城市画像", ":material/location_city:", "city"),
    "compare": ("app/pages/compare.py", "跨城比较", ":material/grid_on:", "compare"),
    "similar": ("app/pages/similar.py", "相似做法", ":material/join_inner:", "similar"),
    "exemplars": ("app/pages/exemplars.py", "典型案例", ":material/star:", "exemplars"),
    "models": ("app/pages/models.py", "命名模式", ":material/account_tree:", "models"),
    "learning": ("app/pages/learning.py", "学习网络", ":material/hub:", "learning"),
    "policies": ("app/pages/policies.py", "政策与承诺", ":material/gavel:", "policies"),
    "search": ("app/pages/search.py", "检索", ":material/search:", "search"),
    "document": ("app/pages/document.py", "文档", ":material/description:", "document"),
    "upload": ("app/pages/upload.py", "导入", ":material/upload_file:", "import"),
    "coursepack": ("app/pages/coursepack.py", "课程素材", ":material/school:", "coursepack"),
}
PAGE_TITLES = {k: v[1] for k, v in PAGE_FILES.items()}

QUOTE_MAX = 300
_MD_SPECIAL = "\\`*_{}[]<>()#+-.!|~$:@"
_WORD_JOINER = "\u2060"      # invisible, zero width, no line break
_AUTOLINK = re.compile(r"://|@|(?<=www)\.", re.IGNORECASE)


def md_escape(text: str) -> str:
    """Text shown through Streamlit's Markdown exactly as written: no Markdown, no HTML, no LaTeX, no
    ``:icon:`` or ``:color[...]`` directives, and no links. Escaping is not enough for the last: the
    renderer turns bare ``https://…``, ``www.…`` and ``name@host`` in the *unescaped* text into links
    (GFM autolink literals), so an invisible word joiner goes before ``://``, after ``www`` and after
    ``@``, where it breaks the pattern and changes nothing on screen."""
    text = _AUTOLINK.sub(lambda m: _WORD_JOINER + m[0] if m[0] != "@" else "@" + _WORD_JOINER, str(text))
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in text).replace("\n", "  \n")


def doc_link(ev: Evidence, label: str | None = None) -> None:
    """A link to the document page at the quote's span; its label (Markdown in Streamlit) escaped."""
    title = f"《{ev.doc_title}》" if ev.doc_title else ev.doc_id
    st.page_link(PAGE_FILES["document"][0], label=md_escape(label or f"查看原文 {title}"),
                 icon=":material/open_in_new:",
                 query_params={"doc": ev.doc_id, "start": str(ev.start), "end": str(ev.end)})


def show_evidence(evs: Iterable[Evidence], limit: int = 5) -> None:
    """Each quote as a block quote with a link to the document page at its span."""
    evs = list(evs)
    if not evs:
        st.caption("（无原文出处）")
        return
    for ev in evs[:limit]:
        quote = " ".join((ev.quote or "（引文缺失）").split())
        if len(quote) > QUOTE_MAX:
            quote = quote[:QUOTE_MAX] + "…"
        st.markdown("> " + md_escape(quote))
        doc_link(ev)
    if len(evs) > limit:
        st.caption(f"另有 {len(evs) - limit} 条出处未显示。")


def excerpt_bounds(text: str, start: int, end: int, width: int = 160) -> tuple[int, int]:
    """A window around [start, end) widened to sentence or line ends where close."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    for i in range(start - 1, lo - 1, -1):
        if text[i] in "。！？\n":
            lo = i + 1
            break
    for i in range(end, hi):
        if text[i] in "。！？\n":
            hi = i + 1
            break
    return lo, hi


def highlight_html(text: str, start: int | None, end: int | None, lo: int = 0, hi: int | None = None) -> str:
    """``text[lo:hi]`` as escaped HTML, with ``text[start:end]`` in <mark>."""
    hi = len(text) if hi is None else hi
    if start is None or end is None or not (lo <= start < end <= hi):
        body = escape(text[lo:hi])
    else:
        body = (escape(text[lo:start]) + '<mark id="cited" style="background:#ffe066;padding:0 2px">'
                + escape(text[start:end]) + "</mark>" + escape(text[end:hi]))
    return ('<div style="white-space:pre-wrap;line-height:1.9;font-size:1.02rem;'
            'font-family:\'Noto Serif CJK SC\',\'Noto Sans CJK SC\',serif">' + body + "</div>")


def grade_badge(grade: str) -> str:
    """A coloured label for an evidence grade, as Markdown (fixed strings only)."""
    colour = {"quantified": "green", "described": "blue", "claimed": "orange"}.get(grade, "gray")
    return f":{colour}-badge[{GRADE_LABELS.get(grade, GRADE_LABELS[''])}]"


def row_evidence(row: dict) -> tuple[Evidence, ...]:
    """The evidence of a query row, with document titles filled in."""
    from app import state

    return evidence_of(row, state.doc_titles())


def blank(value: object) -> object:
    """A table cell: "—" for a missing value (None, empty text or list), the value otherwise."""
    return "—" if value is None or value == "" or value == [] else value


def bars_html(items: list[tuple[str, int]], name: str, value: str, link: tuple[str, str] | None = None) -> str:
    """(label, count) pairs as an HTML table with a bar per row, every label escaped. ``link`` = (page
    key, query parameter): each label then links to that page with the label as the parameter."""
    top = max((n for _l, n in items), default=0) or 1
    rows = []
    for label, n in items:
        text = escape(str(label))
        if link:
            href = f"{PAGE_FILES[link[0]][3]}?{quote(link[1])}={quote(str(label))}"
            text = f'<a href="{escape(href)}" target="_self">{text}</a>'
        rows.append(f'<tr><td style="padding:2px 8px 2px 0;white-space:nowrap">{text}</td>'
                    f'<td style="width:100%;padding:2px 0"><div style="background:#4a90d9;height:14px;'
                    f'width:{100 * n / top:.1f}%;min-width:2px;border-radius:2px"></div></td>'
                    f'<td style="padding:2px 0 2px 8px;text-align:right">{int(n)}</td></tr>')
    return (f'<table style="width:100%;border-collapse:collapse;font-size:0.92rem">'
            f'<thead><tr><th style="text-align:left;white-space:nowrap">{escape(name)}</th><th></th>'
            f'<th style="text-align:right;white-space:nowrap">{escape(value)}</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def counts_html(items: list[tuple[str, int, str]]) -> str:
    """A row of (label, number, explanation) counts as HTML (the explanation as a hover title), every
    string escaped — the look of st.metric without loading its component."""
    cells = "".join(
        f'<div title="{escape(hint)}" style="flex:1;min-width:7rem">'
        f'<div style="font-size:0.875rem;color:#555">{escape(label)}</div>'
        f'<div style="font-size:2.25rem;line-height:1.3" data-testid="govkg-count">{int(n)}</div></div>'
        for label, n, hint in items)
    return f'<div style="display:flex;gap:1rem;flex-wrap:wrap">{cells}</div>'


def ranked_bars(items: list[tuple[str, int]], name: str, value: str, empty: str = "暂无数据。",
                limit: int = 15, link: tuple[str, str] | None = None) -> None:
    """The ``limit`` largest (label, count) pairs as bars drawn in plain HTML (no chart library and no
    table component to load), or a caption when there is nothing."""
    items = sorted((i for i in items if i[1]), key=lambda i: (-i[1], i[0]))[:limit]
    if not items:
        st.caption(empty)
        return
    st.html(bars_html(items, name, value, link))


def empty_note(what: str) -> None:
    st.info(f"图谱中暂无{what}。可在「导入」页添加文档，或运行 `govkg build`。", icon=":material/info:")


_ = GRADE_COLOURS
