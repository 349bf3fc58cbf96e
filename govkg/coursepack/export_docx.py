"""DOCX export of a case pack with python-docx: headings, facts as list paragraphs ending in
superscript citation numbers, the comparison table, and a numbered reference list."""
from __future__ import annotations

from pathlib import Path

from govkg.coursepack.export_md import citation_numbers, reference_text
from govkg.coursepack.model import CasePack, Section

__all__ = ["CJK_FONT", "write_docx"]

CJK_FONT = "Noto Sans CJK SC"


def _set_cjk_font(style) -> None:
    from docx.oxml.ns import qn
    style.font.name = CJK_FONT
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), CJK_FONT)


def _cite(par, evs, nums) -> None:
    for e in evs:
        run = par.add_run(f"[{nums[e.key]}]")
        run.font.superscript = True


def _section(doc, sec: Section, nums, level: int) -> None:
    doc.add_heading(sec.title, level=min(level, 9))
    if sec.intro:
        doc.add_paragraph(sec.intro)
    for f in sec.facts:
        par = doc.add_paragraph(style="List Bullet")
        par.add_run(f.text)
        _cite(par, f.citations, nums)
    if sec.table is not None:
        t = sec.table
        table = doc.add_table(rows=1, cols=len(t.header) + 1)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, (*t.header, "出处")):
            cell.text = text
        for i, row in enumerate(t.rows):
            cells = table.add_row().cells
            for cell, text in zip(cells, row):
                cell.text = text
            cites = t.row_citations[i] if i < len(t.row_citations) else ()
            _cite(cells[-1].paragraphs[0], cites, nums)
    for sub in sec.subsections:
        _section(doc, sub, nums, level + 1)


def write_docx(pack: CasePack, path: str | Path) -> Path:
    from docx import Document

    nums = citation_numbers(pack)
    doc = Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        _set_cjk_font(doc.styles[name])
    doc.add_heading(pack.title, level=0)
    if pack.subtitle:
        doc.add_paragraph(pack.subtitle)
    for sec in pack.sections:
        _section(doc, sec, nums, 1)
    doc.add_heading("出处", level=1)
    for e in pack.citations():
        doc.add_paragraph(f"[{nums[e.key]}] {reference_text(e)}")
    path = Path(path)
    doc.save(str(path))
    return path
