"""PDF export of a case pack: HTML built from the pack (every string escaped) rendered by
WeasyPrint with a CJK font (Debian ``fonts-noto-cjk``; WeasyPrint needs Debian pango)."""
from __future__ import annotations

from html import escape
from pathlib import Path

from govkg.coursepack.export_md import citation_numbers, reference_text
from govkg.coursepack.model import CasePack, Section
from govkg.errors import GovkgError

__all__ = ["to_html", "write_pdf"]

_CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; font-size: 10.5pt; line-height: 1.6; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 1.2em; } h3, h4 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: 3px 5px; }
sup { color: #1a5fb4; } .refs li { font-size: 9pt; }
"""


def _marks(evs, nums) -> str:
    return "".join(f"<sup>[{nums[e.key]}]</sup>" for e in evs)


def _section(sec: Section, nums, level: int, out: list[str]) -> None:
    h = min(level, 6)
    out.append(f"<h{h}>{escape(sec.title)}</h{h}>")
    if sec.intro:
        out.append(f"<p>{escape(sec.intro)}</p>")
    if sec.facts:
        out.append("<ul>" + "".join(f"<li>{escape(f.text)}{_marks(f.citations, nums)}</li>"
                                    for f in sec.facts) + "</ul>")
    if sec.table is not None:
        t = sec.table
        out.append("<table><tr>" + "".join(f"<th>{escape(x)}</th>" for x in (*t.header, "出处")) + "</tr>")
        for i, row in enumerate(t.rows):
            cites = t.row_citations[i] if i < len(t.row_citations) else ()
            out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row)
                       + f"<td>{_marks(cites, nums)}</td></tr>")
        out.append("</table>")
    for sub in sec.subsections:
        _section(sub, nums, level + 1, out)


def to_html(pack: CasePack) -> str:
    nums = citation_numbers(pack)
    out = ["<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
           f"<title>{escape(pack.title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{escape(pack.title)}</h1>"]
    if pack.subtitle:
        out.append(f"<p>{escape(pack.subtitle)}</p>")
    for sec in pack.sections:
        _section(sec, nums, 2, out)
    out.append("<h2>出处</h2><ol class='refs'>")
    out.extend(f"<li>{escape(reference_text(e))}</li>" for e in pack.citations())
    out.append("</ol></body></html>")
    return "".join(out)


def write_pdf(pack: CasePack, path: str | Path) -> Path:
    try:
        from weasyprint import HTML
    except OSError as exc:  # pango missing
        raise GovkgError("PDF export needs WeasyPrint's system libraries: install Debian packages "
                         f"libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk ({exc})") from exc
    path = Path(path)
    HTML(string=to_html(pack)).write_pdf(str(path))
    return path
