"""Text normalization applied to every document before extraction.

The contract allows only: decoding to str, NFC, ``\n`` line ends. (The reader extends this with
layout repairs that keep the text as written: collapsing spaced-out headers, re-joining lines broken
between two Chinese characters.)
"""
from __future__ import annotations

import unicodedata

__all__ = ["normalize_text"]


def normalize_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
