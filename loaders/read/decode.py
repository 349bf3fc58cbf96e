"""Decoding bytes of unknown Chinese encoding, rejecting wrong guesses instead of garbling them.

Order: a byte-order mark decides; else strict UTF-8; else NUL bytes mean UTF-16 without BOM
(or a binary file); else GB18030 (a superset of GBK and GB2312) and BOM-less UTF-16 compete on a
plausibility score (share of characters a Chinese document is made of), with charset-normalizer
breaking near ties. A decode that scores below the threshold is an error: a file in an encoding
we cannot tell is reported, never turned into mojibake.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache

from govkg.errors import InputError

__all__ = ["MIN_PLAUSIBILITY", "decode_bytes", "plausibility"]

MIN_PLAUSIBILITY = 0.85
_SAMPLE = 200_000  # characters scored; decoding itself always covers the whole file
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ASCII_TEXT = re.compile(r"[\t\n\r\x0c\x20-\x7e]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
# CJK symbols and punctuation, full-width forms, general punctuation (— … “ ”), middle dot
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7\u25a0-\u25ff]")
_CJK_BASIC = re.compile(r"[\u4e00-\u9fa5]")


@lru_cache(maxsize=1)
def _common_hanzi() -> re.Pattern[str]:
    """A character class of the 6,763 GB2312 hanzi: what nearly all simplified Chinese text uses."""
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return re.compile("[" + "".join(chars) + "]")


def plausibility(text: str) -> float:
    """Share (0..1) of characters that a Chinese or English document plausibly consists of.

    ASCII text, common (GB2312) hanzi and CJK punctuation count fully, other basic-block hanzi
    (traditional, rare) half; controls, private-use and replacement characters count against.
    """
    sample = text[:_SAMPLE]
    if not sample:
        return 1.0
    n = len(sample)
    common = len(_common_hanzi().findall(sample))
    basic = len(_CJK_BASIC.findall(sample))
    score = (len(_ASCII_TEXT.findall(sample)) + common + 0.5 * (basic - common)
             + len(_CJK_PUNCT.findall(sample)) - 2 * len(_CONTROL.findall(sample)))
    return max(0.0, score / n)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _tie_break(data: bytes, names: list[str]) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * _SAMPLE]).best()
    if best is None:
        return None
    guess = codecs.lookup(best.encoding).name
    for name in names:
        if codecs.lookup(name).name == guess or (name == "gb18030" and guess in ("gbk", "gb2312", "hz")):
            return name
    return None


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` (the content of ``path``) and return ``(text, encoding)``.

    ``declared`` is an encoding the file itself names (an HTML ``<meta charset>``); it is tried
    right after a BOM and kept only if it decodes strictly and plausibly.
    Raises :class:`InputError` for binary content or an encoding that cannot be told.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is None:
                raise InputError(path, f"starts with a {codec.upper()} byte-order mark but is not valid "
                                       f"{codec.upper()}; re-save it as UTF-8")
            return text, codec
    if declared:
        codec = "gb18030" if declared.lower().replace("-", "") in ("gbk", "gb2312", "gb18030", "cp936") else declared
        text = _strict(data, codec)
        if text is not None and plausibility(text) >= MIN_PLAUSIBILITY:
            return text, codecs.lookup(codec).name
    text = _strict(data, "utf-8")
    if text is not None and b"\x00" not in data:
        if _CONTROL.search(text[:_SAMPLE]) and plausibility(text) < MIN_PLAUSIBILITY:
            raise InputError(path, "is binary data, not text (control characters); "
                                   "pass a .txt/.html/.pdf/.docx/.doc document")
        return text, "utf-8"
    scored: list[tuple[float, str, str]] = []
    candidates = ["utf-16-le", "utf-16-be"] if b"\x00" in data else ["gb18030", "utf-16-le", "utf-16-be"]
    for codec in candidates:
        if codec.startswith("utf-16") and len(data) % 2:
            continue
        decoded = _strict(data, codec)
        if decoded is not None:
            scored.append((plausibility(decoded), codec, decoded))
    scored.sort(key=lambda t: t[0], reverse=True)
    if not scored or scored[0][0] < MIN_PLAUSIBILITY:
        if b"\x00" in data:
            raise InputError(path, "is binary data, not text (NUL bytes, not UTF-16); "
                                   "pass a .txt/.html/.pdf/.docx/.doc document")
        raise InputError(path, "is in an unknown text encoding (not UTF-8, UTF-16 or GB18030/GBK); "
                               "re-save it as UTF-8")
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.02:
        pick = _tie_break(data, [c for _, c, _ in scored[:2]])
        for _score, codec, decoded in scored:
            if codec == pick:
                return decoded, codec
    return scored[0][2], scored[0][1]
