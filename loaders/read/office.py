"""Word documents: ``.docx`` through python-docx, legacy ``.doc`` through antiword or catdoc.

``.docx`` is a zip archive, and what a zip's headers say about sizes may be false. The XML parts
may claim at most ``max_bytes`` in all (the upload limit: as much text as a .txt may hold) and a
ratio under 200:1; they are then inflated 1 MB at a time, and never past the size their header
states: an entry whose data inflates to more (headers that under-state) stops there and fails its
CRC check, so it costs one chunk, not the gigabytes a single unbounded ``read()`` would inflate
first. Only stored and deflated entries are read (what Word writes; LZMA and bzip2 have no bound
per call). Images, fonts and embedded files are never inflated (text does not need them).
python-docx then reads the checked parts from memory. Paragraphs and tables are read in document
order; a table row becomes one line, cells separated by tabs (merged cells once).
"""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

from govkg.errors import InputError
from loaders.read.decode import MIN_PLAUSIBILITY, plausibility

__all__ = ["doc_to_text", "docx_parts", "docx_to_text"]

_MAX_RATIO = 200  # compressed -> uncompressed; real .docx files stay well under 20
_CHUNK = 1 << 20
_BROKEN = "open and re-save it in Word"


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _mb(n: int) -> str:
    return f"{n / 1048576:.1f} MB"


def docx_parts(path: str, max_bytes: int) -> dict[str, bytes]:
    """The XML parts of the .docx at ``path``, at most ``max_bytes`` in all (other parts as empty
    bytes). Raises :class:`InputError` for a broken zip, a zip bomb, or a zip that is
    not a Word document."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        raise InputError(path, f"is not a valid .docx (broken zip: {err}); {_BROKEN}") from None
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise InputError(path, "is a zip but not a Word document (no word/document.xml)")
        xml = [i for i in infos if _is_xml(i.filename)]
        claimed = sum(i.file_size for i in xml)
        packed = sum(i.compress_size for i in infos) or 1
        if claimed > max_bytes or (claimed > 10_000_000 and claimed / packed > _MAX_RATIO):
            raise InputError(path, f"would expand to {_mb(claimed)} of XML from {_mb(packed)} (ratio "
                                   f"{claimed / packed:.0f}:1; limit {_mb(max_bytes)}, 200:1): refusing a zip "
                                   "bomb-like .docx (raise GOVKG_MAX_UPLOAD_MB if it is genuine)")
        parts = {i.filename: b"" for i in infos if not i.is_dir()}
        for info in xml:
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise InputError(path, f"uses a compression Word does not write ({info.filename}: method "
                                       f"{info.compress_type}); {_BROKEN}")
            chunks = []
            try:
                with zf.open(info) as fh:
                    while chunk := fh.read(_CHUNK):      # bounded per call: read() inflates up to 2 GB first
                        chunks.append(chunk)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
                raise InputError(path, f"is not a valid .docx (broken zip: {err}); {_BROKEN}") from None
            parts[info.filename] = b"".join(chunks)
    return parts


def _package(parts: dict[str, bytes]) -> io.BytesIO:
    """The parts as an uncompressed zip in memory (python-docx reads a zip; nothing re-inflates)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    buf.seek(0)
    return buf


def docx_to_text(path: str, max_bytes: int) -> str:
    """Text of a .docx whose XML parts may inflate to at most ``max_bytes`` in all."""
    package = _package(docx_parts(path, max_bytes))
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(package)
    except MemoryError:
        raise
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
