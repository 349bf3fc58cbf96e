"""The typed result of reading one file: what came in, how it was decoded, the raw text."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORMATS", "ReadResult"]

# format name -> file suffixes (lower case) read as that format
FORMATS: dict[str, tuple[str, ...]] = {
    "txt": (".txt", ".text", ".md"),
    "html": (".html", ".htm", ".xhtml", ".shtml"),
    "pdf": (".pdf",),
    "docx": (".docx",),
    "doc": (".doc",),
}


@dataclass(frozen=True)
class ReadResult:
    """One document as read from disk, before normalization.

    ``text`` is the decoded text with format-specific layout (HTML body, PDF text, DOCX
    paragraphs and tables) and navigational junk lines removed; ``encoding`` is the codec
    the bytes were decoded with (``None`` for container formats that carry their own).
    """

    path: str
    format: str
    encoding: str | None
    text: str
