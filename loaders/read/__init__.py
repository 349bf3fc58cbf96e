"""Reading documents: formats, encodings, boilerplate, normalization.

Heavy format libraries (pdfminer, python-docx, lxml) are imported only when a file of that
format is read.
"""
from __future__ import annotations

from loaders.read.files import (
           SUPPORTED_SUFFIXES,
           format_of,
           iter_inputs,
           iter_paths,
           max_upload_bytes,
           read_document,
)
from loaders.read.normalize import normalize_text
from loaders.read.result import FORMATS, ReadResult

__all__ = [
           "FORMATS",
           "SUPPORTED_SUFFIXES",
           "ReadResult",
           "format_of",
           "iter_inputs",
           "iter_paths",
           "max_upload_bytes",
           "normalize_text",
           "read_document",
]
