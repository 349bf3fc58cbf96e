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
from typing import TypeVar
from urllib.parse import quote

import streamlit as st

from app.rows import GRADE_COLOURS, GRADE_LABELS, evidence_of, md_escape
from govkg.coursepack.model import Citation

__all__ = [
    "PAGE_FILES",
    "app_css",
    "bars_html",
    "blank",
    "counts_html",
    "doc_link",
    "empty_note",
    "excerpt_bounds",
    "grade_badge",
    "highlight_html",
    "labelled",
    "marked_html",
    "md_escape",
    "place_label",
    "place_param",
    "ranked_bars",
    "row_evidence",
    "show_evidence",
    "show_table",
    "table_html",
]

T = TypeVar("T")

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
QUOTE_MAX = 300
_HEADING_MARKS = re.compile(r"(^|\n)(#{1,6} )")


def doc_link(ev: Citation, label: str | None = None) -> None:
    """A link to the document page at the quote's span; its label (Markdown in Streamlit) escaped."""
    title = f"《{ev.doc_title}》" if ev.doc_title else ev.doc_id
    st.page_link(PAGE_FILES["document"][0], label=md_escape(label or f"查看原文 {title}"),
                 icon=":material/open_in_new:",
                 query_params={"doc": ev.doc_id, "start": str(ev.start), "end": str(ev.end)})


def show_evidence(evs: Iterable[Citation], limit: int = 5) -> None:
    """Each quote as a block quote with a link to the document page at its span."""
    evs = list(evs)
    if not evs:
        st.caption("（无原文出处）")
        return
    for ev in evs[:limit]:
        quote = " ".join(_HEADING_MARKS.sub(r"\1", ev.quote or "（引文缺失）").split())
        if len(quote) > QUOTE_MAX:
            quote = quote[:QUOTE_MAX] + "…"
        st.markdown("> " + md_escape(quote))
        doc_link(ev)
    if len(evs) > limit:
        st.caption(f"另有 {len(evs) - limit} 条出处未显示。")


def excerpt_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the quote of ``text[start:end]`` lies: the sentence (or run of sentences) that states it,
    as every quote of the graph is made (``govkg.api.quote_span``)."""
    from govkg.api import quote_span

    return quote_span(text, start, end) if start < end else (start, end)


def highlight_html(text: str, start: int | None, end: int | None, lo: int = 0, hi: int | None = None) -> str:
    """``text[lo:hi]`` as escaped HTML, with ``text[start:end]`` in <mark>."""
    hi = len(text) if hi is None else hi
    if start is None or end is None or not (lo <= start < end <= hi):
        body = escape(text[lo:hi])
    else:
        body = (escape(text[lo:start]) + '<mark id="cited" style="background:#ffe066;padding:0 2px">'
                + escape(text[start:end]) + "</mark>" + escape(text[end:hi]))
    # Markdown heading marks at line starts (texts converted from web pages keep them) are not shown;
    # the text and its offsets stay as they are
    body = _HEADING_MARKS.sub(lambda m: m.group(1) + '<span style="display:none">' + m.group(2) + "</span>", body)
    return ('<div style="white-space:pre-wrap;line-height:1.9;font-size:1.02rem;'
            'font-family:\'Noto Serif CJK SC\',\'Noto Sans CJK SC\',serif">' + body + "</div>")


def marked_html(text: str, words: Iterable[str], limit: int = QUOTE_MAX) -> str:
    """``text`` (cut to ``limit`` characters) as escaped HTML with every occurrence of ``words`` in
    <mark> (case-insensitive), as a quote block."""
    import re

    text = text if len(text) <= limit else text[:limit] + "…"
    terms = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    parts, pos = [], 0
    if terms:
        for m in re.finditer("|".join(re.escape(t) for t in terms), text, flags=re.IGNORECASE):
            parts.append(escape(text[pos:m.start()]) + '<mark style="background:#ffe066;padding:0 1px">'
                         + escape(m.group()) + "</mark>")
            pos = m.end()
    parts.append(escape(text[pos:]))
    return ('<blockquote style="margin:0;padding:0 0 0 1rem;border-left:3px solid #ccc;color:#444">'
            + "".join(parts) + "</blockquote>")


def grade_badge(grade: str) -> str:
    """A coloured label for an evidence grade, as Markdown (fixed strings only)."""
    colour = {"quantified": "green", "described": "blue", "claimed": "orange"}.get(grade, "gray")
    return f":{colour}-badge[{GRADE_LABELS.get(grade, GRADE_LABELS[''])}]"


def row_evidence(row: dict) -> tuple[Citation, ...]:
    """The evidence of a query row, with document titles filled in."""
    from app import state

    return evidence_of(row, state.doc_titles())


def model_label(name: str, owner: str, role: str) -> str:
    """How a pick list names a named model: with its owner, or — for a model its place learns from elsewhere
    (role ``learnt``, ``queries/model_roles``) — with no owner and the learner said to be one."""
    if role == "learnt":
        return f"“{name}” · 归属不详（学习方：{owner}）" if owner else f"“{name}” · 归属不详"
    return f"“{name}” · {owner or '归属不详'}"


def labelled(pairs: Iterable[tuple[str, T]]) -> dict[str, T]:
    """(label, value) pairs -> {label: value} for a select box whose options are the labels people read
    (strings, so that every widget can be driven by its labels); a repeated label gets “（2）”, “（3）”…"""
    out: dict[str, T] = {}
    for label, value in pairs:
        key, n = label, 1
        while key in out:
            n += 1
            key = f"{label}（{n}）"
        out[key] = value
    return out


def table_html(rows: list[dict[str, object]]) -> str:
    """Rows (dicts with the same keys, in order) as an HTML table, every header and cell escaped: the
    tables of the explorer, in Chinese only (no grid component with its own English menus)."""
    if not rows:
        return ""
    head = "".join(f'<th style="text-align:left;padding:4px 8px;white-space:nowrap">{escape(str(k))}</th>'
                   for k in rows[0])
    def cell(v: object) -> str:
        wrap = "white-space:nowrap;" if len(str(v)) <= 10 else ""        # short values stay on one line
        return f'<td style="padding:4px 8px;border-top:1px solid #eee;vertical-align:top;{wrap}">{escape(str(v))}</td>'

    body = "".join("<tr>" + "".join(cell(v) for v in r.values()) + "</tr>" for r in rows)
    return (f'<table style="width:100%;border-collapse:collapse;font-size:0.92rem"><thead><tr>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table>')


def show_table(rows: list[dict[str, object]]) -> None:
    st.html(table_html(rows))


# Streamlit draws some texts of its own in English: the file uploader's ("Upload", "… MB per file"),
# the hints under text boxes ("Press Enter to apply/submit form"), the keyboard "Skip to main content"
# link and the "Page not found" dialog of an unknown address (the app has no dialog of its own). These fixed rules hide them and
# draw Chinese ones in their place; the router puts them on every page (constants and settings only).
_APP_CSS = """<style>
[data-testid="InputInstructions"] { display: none !important; }
[data-testid="stSkipToContent"] { font-size: 0 !important; }
[data-testid="stSkipToContent"]::after { content: "跳到正文"; font-size: 1rem; }
section[role="dialog"] h2[slot="title"] { font-size: 0 !important; }
section[role="dialog"] h2[slot="title"]::after { content: "找不到这个页面"; font-size: 1.5rem; }
section[role="dialog"] h2[slot="title"] + div > div { font-size: 0 !important; }
section[role="dialog"] h2[slot="title"] + div > div::after
  { content: "您要打开的页面不存在，下面显示的是首页（总览）。"; font-size: 1rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0 !important; }
[data-testid="stFileUploaderDropzoneInstructions"] span::before
  { content: var(--govkg-upload-hint); font-size: 0.9rem; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after
  { content: "选择文件"; font-size: 0.95rem; }
</style>"""


def app_css(limit_mb: int, suffixes: Iterable[str]) -> str:
    """The CSS that puts Streamlit's own texts in Chinese or hides them (``limit_mb`` and ``suffixes``
    are the app's own settings, not user text)."""
    kinds = "、".join(s.lstrip(".").upper() for s in suffixes)
    hint = f"可把文件拖到这里；每个文件不超过 {int(limit_mb)} MB；格式 {kinds}".replace('"', "")
    return _APP_CSS.replace("<style>", f'<style>:root {{ --govkg-upload-hint: "{hint}"; }}', 1)


def place_label(name: str) -> str:
    """A place as a pick list shows it: a name written in traditional characters with its simplified
    form beside it (長春市（长春市）), so typing either finds it."""
    from govkg.api import simplified

    folded = simplified(name)
    return name if folded == name else f"{name}（{folded}）"


def place_param(places: list[str], wanted: str | None) -> str | None:
    """The place a ``?place=`` parameter names, as the pick list spells it: the name itself, or the place
    an alias stands for (濮阳 → 濮阳市); for an unknown name a warning with the closest names, and None."""
    if not wanted:
        return None
    if wanted in places:
        return wanted
    from app import state
    from govkg.errors import UnknownNameError

    try:
        name = state.resolve("Place", wanted)
    except UnknownNameError as exc:
        st.warning(md_escape(exc.chinese()), icon=":material/warning:")
        return None
    if name in places:
        return name
    st.warning(f"“{md_escape(name)}”在图谱中没有举措，无法在这里显示。", icon=":material/warning:")
    return None


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
