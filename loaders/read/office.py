"""Word documents: ``.docx`` through python-docx, legacy ``.doc`` through antiword or catdoc.

``.docx`` is a zip archive: its entries are checked before anything is inflated, so an archive
that would expand to far more than the upload limit (a zip bomb) is refused up front.
Paragraphs and tables are read in document order; a table row becomes one line, cells
separated by tabs (merged cells once).
"""
from __future__ import annotations

import shutil
import subprocess
import zipfile

from govkg.errors import InputError
from loaders.read.decode import MIN_PLAUSIBILITY, plausibility

__all__ = ["check_zip", "doc_to_text", "docx_to_text"]

_MAX_RATIO = 200  # compressed -> uncompressed; real .docx files stay well under 20


def check_zip(path: str, max_bytes: int) -> None:
    """Refuse a zip whose entries would inflate beyond ``max_bytes`` or at a bomb-like ratio."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise InputError(path, f"is not a valid .docx (broken zip: {err}); open and re-save it in Word") from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > max_bytes or (total > 10_000_000 and total / packed > _MAX_RATIO):
        raise InputError(path, f"would expand to {total / 1e6:.0f} MB (ratio {total / packed:.0f}:1), "
                               "over the limit: refusing a zip bomb-like .docx (raise GOVKG_MAX_UPLOAD_MB "
                               "if it is genuine)")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise InputError(path, "is a zip but not a Word document (no word/document.xml)")


def docx_to_text(path: str, max_bytes: int) -> str:
    check_zip(path, max_bytes)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(path)
    except Exception as err:  # noqa: BLE001 -- python-docx surfaces lxml/zip/KeyError on damaged packages
        raise InputError(path, f"is a damaged .docx ({type(err).__name__}: {str(err)[:80]}); "
                               "open and re-save it in Word") from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(p.text for p in cell.paragraphs).strip())
                lines.append("\t".join(cells))
    return "\n".join(lines)


def doc_to_text(path: str, timeout_s: float = 60) -> str:
    """Text of a legacy Word 97-2003 ``.doc`` via ``antiword -m UTF-8.txt``, else ``catdoc -d utf-8``."""
    tools = [(["antiword", "-m", "UTF-8.txt", "-w", "0", path], "antiword"),
             (["catdoc", "-d", "utf-8", "-w", path], "catdoc")]
    available = [(cmd, name) for cmd, name in tools if shutil.which(name)]
    if not available:
        raise InputError(path, "is a legacy .doc file and neither antiword nor catdoc is installed; "
                               "apt-get install antiword catdoc, or save it as .docx")
    problems = []
    for cmd, name in available:
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired:
            problems.append(f"{name} timed out")
            continue
        text = proc.stdout.decode("utf-8", errors="replace")
        if proc.returncode == 0 and text.strip() and plausibility(text) >= MIN_PLAUSIBILITY:
            return text
        if proc.returncode == 0 and text.strip():
            problems.append(f"{name}: output is not readable text")
            continue
        problems.append(f"{name}: {proc.stderr.decode('utf-8', 'replace').strip()[:80] or 'no text'}")
    raise InputError(path, f"is not a readable .doc file ({'; '.join(problems)}); open and re-save it as .docx")
