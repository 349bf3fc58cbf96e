"""Main text of an HTML page: the article body without navigation, scripts and share bars.

Steps: drop elements that never hold the article (script, style, nav, header, footer, aside,
form, iframe ...) and elements whose id/class names page furniture (menu, breadcrumb, share,
footer, sidebar ...); then pick the content block the way readability-style extractors do:
each paragraph-like element scores its CJK/word characters to its parent (and half to its
grandparent), links count against; the best-scoring block wins. The page's ``<h1>`` (or
``<title>`` without the site suffix) is put on top when the block does not contain it.
"""
from __future__ import annotations

import re

from govkg.errors import InputError

__all__ = ["declared_charset", "html_to_text"]

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
              "iframe", "button", "select", "input", "textarea", "svg", "canvas", "object", "embed", "head")
_JUNK_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|bdshare|jiathis|social|"
    r"footer|foot|header|head|top|topbar|sidebar|side|aside|banner|toolbar|tools|copyright|login|search|"
    r"fontsize|font-size|print|related|recommend|comment|qrcode|ewm|advert|ads?|gotop|backtop)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCKS = {"p", "div", "td", "th", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
           "article", "main", "blockquote", "pre", "ul", "ol", "dd", "dt", "center", "hr"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_WORD = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]+")
_PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|信息来源|来源)\s*[:：]")
_TITLE_SUFFIX = re.compile(r"\s*[_|｜\-—–]\s*[^_|｜\-—–]{2,30}$")


def declared_charset(data: bytes) -> str | None:
    """The ``<meta charset>`` an HTML file declares in its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _lines(raw: str) -> str:
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_of(el) -> str:
    """Text with line breaks at block boundaries (lxml's text_content() runs blocks together).
    Walks with an explicit stack: a page nested 2,000 levels deep is no reason to stop."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCKS:
                parts.append("\n")
            continue
        if tag in _BLOCKS:
            parts.append("\n")
        if node.text and tag:
            parts.append(node.text)
        stack.append((node, True))
        for child in reversed(node):
            if child.tail:
                stack.append((child.tail, False))
            stack.append((child, False))
    return _lines("".join(parts))


class _FlatText:
    """Every text run of a page in order, line breaks at block tags, scripts and styles left out:
    the reading for a page nested deeper than libxml2 builds trees (2,048 levels), which would
    otherwise end at that depth. The standard library's tokenizer keeps no tree, so no depth limit."""

    _SKIP = frozenset(("script", "style", "noscript", "template"))

    def __init__(self) -> None:
        from html.parser import HTMLParser

        self.parts: list[str] = []
        self._skip = 0
        parser = HTMLParser(convert_charrefs=True)
        parser.handle_starttag = self._start
        parser.handle_endtag = self._end
        parser.handle_data = self._data
        self._parser = parser

    def _start(self, tag: str, _attrs: object) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def _end(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def _data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    def read(self, html: str) -> str:
        self._parser.feed(html)
        self._parser.close()
        return _lines("".join(self.parts))


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _best_block(body):
    scores: dict = {}
    for el in body.iter("p", "td", "div", "li", "section", "article", "pre", "span", "font"):
        own = (el.text or "") + "".join(c.tail or "" for c in el)
        n = _words(own)
        if n < 10:
            continue
        parent = el.getparent() if el.tag in ("span", "font") or (el.tag == "p") else el
        if parent is None:
            continue
        for node, weight in ((parent, 1.0), (parent.getparent(), 0.5)):
            if node is not None:
                scores[node] = scores.get(node, 0.0) + weight * n
    if not scores:
        return body
    ranked = []
    for node, score in scores.items():
        total = _words(node.text_content()) or 1
        links = sum(_words(a.text_content()) for a in node.iter("a"))
        ranked.append((score * (1 - links / total), node))
    ranked.sort(key=lambda t: t[0], reverse=True)
    return ranked[0][1]


def html_to_text(html: str, path: str) -> str:
    """The readable article text of ``html`` (from ``path``, named in errors)."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(huge_tree=True)      # nesting up to 2,048 levels (libxml2's default: 256)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise InputError(path, f"is not readable HTML ({err}); save the page again or pass its text") from None
    if any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):   # deeper still
        text = _FlatText().read(html)
        if not text.strip():
            raise InputError(path, "has no readable text (only scripts, styles or markup)")
        return text
    title_el = root.find(".//title")
    title = _TITLE_SUFFIX.sub("", title_el.text_content().strip()) if title_el is not None else ""
    h1 = root.find(".//h1")
    heading = h1.text_content().strip() if h1 is not None else title
    for el in list(root.iter(*_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el.tag in ("body", "html"):
            continue
        attrs = " ".join(filter(None, (el.get("id"), el.get("class"))))
        if attrs and _JUNK_ATTR.search(attrs) and _words(el.text_content()) < 200:
            el.drop_tree()
    body = root.find(".//body")
    if body is None:
        body = root
    block = _best_block(body)
    text = _text_of(block)
    if block is not body:  # publication metadata usually sits above the article block
        meta = [line for line in _text_of(body).split("\n")
                if len(line) <= 100 and _PUBLISHED.search(line) and line not in text]
        text = "\n".join([*meta[:3], text]) if meta else text
    if heading and heading not in text:
        text = heading + "\n" + text if text else heading
    if not text.strip():
        raise InputError(path, "has no readable text (only scripts, styles or markup)")
    return text
