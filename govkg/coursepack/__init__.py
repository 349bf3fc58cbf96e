"""Course-pack export (issue 5): assemble a case pack from query results and write it as
Markdown, DOCX or PDF. Domain code only: no streamlit here."""
from __future__ import annotations

from pathlib import Path

from govkg.coursepack.assemble import assemble_pack
from govkg.coursepack.model import CasePack, PackInput
from govkg.errors import GovkgError

__all__ = ["FORMATS", "CasePack", "PackInput", "assemble_pack", "export_pack"]

FORMATS = (".md", ".docx", ".pdf")


def export_pack(pack: CasePack, path: str | Path) -> Path:
    """Write ``pack`` to ``path``; the format follows the suffix (.md, .docx, .pdf)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".md", ".docx", ".pdf"):
        path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".md":
        from govkg.coursepack.export_md import to_markdown
        path.write_text(to_markdown(pack), encoding="utf-8")
        return path
    if suffix == ".docx":
        from govkg.coursepack.export_docx import write_docx
        return write_docx(pack, path)
    if suffix == ".pdf":
        from govkg.coursepack.export_pdf import write_pdf
        return write_pdf(pack, path)
    raise GovkgError(f"{path}: unknown course-pack format {suffix!r}; use one of {', '.join(FORMATS)}")
