"""Navigational junk lines that web pages and PDFs leave in document text.

Government web pages share a vocabulary of page furniture: language and accessibility switches
(``简体 | 繁體 | 无障碍``), login links, font-size pickers (``字体大小：大 中 小``), print/close/share
buttons, breadcrumbs (``当前位置：首页 > 政务公开``), logo captions, page numbers (``- 3 -``).
These rules describe how such furniture is written, not any particular site. A line is dropped
only when it is furniture as a whole; furniture trailing real metadata on the same line
(``来源:区政协 发布时间:2021-07-01 字体大小:``) is cut off and the metadata kept. The record's
``text`` is the cleaned text, so extraction offsets stay valid.
"""
from __future__ import annotations

import re

__all__ = ["drop_boilerplate_lines", "is_boilerplate_line"]

_SEP = re.compile(r"\s*[|｜丨¦]\s*")
_SEP_CHAR = re.compile(r"[|｜丨¦]")
_SENTENCE = re.compile(r"[。；！？，]")
# A whole line of page furniture.
_FURNITURE = re.compile(
    r"^(?:"
    r"[【\[]?\s*(?:字体|字号|文字)(?:大小)?\s*[:：]?\s*(?:[大中小默认]\s*){0,4}[】\]]?"
    r"|(?:[【\[]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|返回(?:顶部|首页|列表)?|收藏|分享(?:到)?[:：]?|"
    r"纠错|我要纠错|保存|扫一扫|视力保护色|无障碍|长者模式|老年人模式|适老化|English|RSS)\s*[】\]]?\s*)+"
    r"|扫一扫在手机(?:上)?(?:打开|查看)(?:当前页)?"
    r"|(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：].*"
    r"|.{0,20}LOGO"
    r"|[-—－–~\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—－–~\s]*(?:/\s*共?\s*\d+\s*页?)?"
    r"|(?:上一篇|下一篇|上一条|下一条)\s*[:：].*"
    r")$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^\s*[-—－–~]\s*\d{1,4}\s*[-—－–~]\s*$|^\s*第\s*\d{1,4}\s*页")
# Furniture at the end of a metadata line.
_TRAILING_FURNITURE = re.compile(
    r"\s*[【\[]?\s*(?:字体|字号)(?:大小)?\s*[:：]\s*(?:[大中小默认]\s*){0,4}[】\]]?"
    r"(?:\s*[【\[]?(?:打印|关闭|分享)[^\s】\]]{0,4}[】\]]?)*\s*$"
)
_META_LINE = re.compile(r"(?:来源|发布时间|发布日期|发文日期|作者|浏览次数|点击数|信息来源)\s*[:：]")


def is_boilerplate_line(line: str) -> bool:
    """True when the whole line is page furniture."""
    s = line.strip().lstrip("•·●◆■▪-*").strip()
    if not s:
        return False
    if _SEP_CHAR.search(s):  # without a separator ``_SEP.split`` gives the line back whole
        parts = [p for p in _SEP.split(s) if p]
        if len(parts) >= 3 and len(_SEP.findall(s)) >= 2 and all(len(p) <= 10 for p in parts) \
                and not _SENTENCE.search(s):
            return True  # a menu: 简体| 繁體| 老年人模式| 登录| 注册
    if _PAGE_NUMBER.match(s):
        return True
    if len(s) > 60 or _SENTENCE.search(s):
        return False
    if re.fullmatch(r"\d{1,4}", s):
        return False  # a bare number may be content (a reply class, a table cell)
    return bool(_FURNITURE.match(s))


def drop_boilerplate_lines(text: str) -> str:
    """Remove furniture lines and cut furniture off metadata lines; everything else is kept as is."""
    out = []
    for line in text.split("\n"):
        if is_boilerplate_line(line):
            continue
        if _META_LINE.search(line):
            line = _TRAILING_FURNITURE.sub("", line)
        out.append(line)
    return "\n".join(out)
