"""Hostile files built at test time: zip containers whose headers lie, compression bombs, PDFs whose
streams inflate without end. A deflate stream here is pieces, each compressed once and repeated:
every piece ends in a full flush (no reference back across it), so copies chain into one valid
stream, and a stream that inflates to hundreds of MB costs a few KB of work to write."""
from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

DOCX_PARA = "<w:p><w:r><w:t>社区治理创新实践，推行网格化管理。</w:t></w:r></w:p>"
DOCX_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
             '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
DOCX_TAIL = "</w:body></w:document>"
MB = 1 << 20


def deflate_pieces(pieces: list[tuple[bytes, int]], zlib_wrapped: bool = False) -> tuple[bytes, int, int]:
    """(deflated concatenation of ``piece * times`` for each (piece, times), its CRC-32, its size)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    out, crc, adler, size = [], 0, 1, 0
    for piece, times in pieces:
        segment = comp.compress(piece) + comp.flush(zlib.Z_FULL_FLUSH)
        out.append(segment * times)
        for _ in range(times):
            crc, adler = zlib.crc32(piece, crc), zlib.adler32(piece, adler)
        size += len(piece) * times
    out.append(comp.flush())
    data = b"".join(out)
    if zlib_wrapped:
        data = b"\x78\xda" + data + struct.pack(">I", adler)
    return data, crc, size


def raw_zip(entries: list[tuple[str, int, bytes, int, int]]) -> bytes:
    """A zip from (name, method, packed data, crc, size as the headers shall state it)."""
    out, central = bytearray(), bytearray()
    for name, method, data, crc, size in entries:
        n = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(n), 0)
        out += n + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size,
                               len(n), 0, 0, 0, 0, 0, offset) + n
    start = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def _template_parts() -> dict[str, bytes]:
    """Every part of an empty Word document as python-docx writes it."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def docx_bomb(path: Path, xml_mb: int, claimed_size: int | None = None, padding: int = 0,
              method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A .docx whose word/document.xml is ``xml_mb`` MB of real paragraphs; ``claimed_size``: the
    size its headers state (default: the truth); ``padding``: bytes of random data stored beside it
    (a lower overall compression ratio); ``method``: the compression method the headers name."""
    unit = DOCX_PARA.encode() * (MB // len(DOCX_PARA.encode()))
    data, crc, size = deflate_pieces([(DOCX_HEAD.encode(), 1), (unit, xml_mb), (DOCX_TAIL.encode(), 1)])
    entries = [(name, zipfile.ZIP_STORED, blob, zlib.crc32(blob), len(blob))
               for name, blob in _template_parts().items() if name != "word/document.xml"]
    entries.append(("word/document.xml", method, data, crc, size if claimed_size is None else claimed_size))
    if padding:
        blob = os.urandom(padding)
        entries.append(("word/media/image1.png", zipfile.ZIP_STORED, blob, zlib.crc32(blob), len(blob)))
    path.write_bytes(raw_zip(entries))
    return path


def pdf_bomb(path: Path, inflated_mb: int) -> Path:
    """A one-page PDF whose content stream is FlateDecode data inflating to ``inflated_mb`` MB."""
    unit = b"0 0 m " * (MB // 6)
    data, _crc, _size = deflate_pieces([(unit, inflated_mb)], zlib_wrapped=True)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
