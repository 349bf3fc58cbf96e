"""Reading one file of any supported format into a :class:`ReadResult`, and finding files."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from govkg.errors import InputError
from loaders.read.boilerplate import drop_boilerplate_lines
from loaders.read.decode import decode_bytes
from loaders.read.result import FORMATS, ReadResult

__all__ = ["SUPPORTED_SUFFIXES", "format_of", "iter_paths", "max_upload_bytes", "read_document"]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(s for suffixes in FORMATS.values() for s in suffixes)
_BY_SUFFIX = {s: fmt for fmt, suffixes in FORMATS.items() for s in suffixes}


_LIMIT: dict[tuple[str | None, ...], int] = {}


def max_upload_bytes() -> int:
    """The size limit from ``GOVKG_MAX_UPLOAD_MB`` (govkg.settings), in bytes.

    ``load_settings`` copies the whole environment; its result is kept for as long as the
    variables it reads keep their values (a batch asks once per file)."""
    from govkg.settings import SETTINGS_HELP, load_settings

    key = tuple(os.environ.get(name) for name in SETTINGS_HELP)
    limit = _LIMIT.get(key)
    if limit is None:
        limit = load_settings().max_upload_mb * 1024 * 1024
        _LIMIT.clear()
        _LIMIT[key] = limit
    return limit


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The format name for a path's suffix, or None when the suffix is not supported."""
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Supported files under ``paths`` (files as given, folders recursively), each folder sorted.

    A file named explicitly is yielded whatever its suffix (reading it then names the problem);
    hidden files and folders (``.git``, ``.~lock``) inside folders are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(Path(root, f) for f in files
                             if not f.startswith((".", "~$")) and Path(f).suffix.lower() in SUPPORTED_SUFFIXES)
            yield from sorted(found)
        else:
            yield path


def read_document(path: str | os.PathLike[str], max_bytes: int | None = None) -> ReadResult:
    """Read ``path`` (txt in any Chinese encoding, html, pdf, docx, doc) into a :class:`ReadResult`.

    Raises :class:`InputError` naming the file and the problem: missing, unsupported suffix,
    over the size limit (checked before reading), empty, binary, undecodable, damaged.
    """
    name = str(path)
    fmt = format_of(path)
    if fmt is None:
        raise InputError(name, f"has an unsupported suffix {Path(name).suffix!r}; "
                               f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise InputError(name, "does not exist") from None
    except OSError as err:
        raise InputError(name, f"cannot be opened ({err.strerror})") from None
    if size > limit:
        raise InputError(name, f"is {size / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB limit "
                               "(GOVKG_MAX_UPLOAD_MB); split it or raise the limit")
    if size == 0:
        raise InputError(name, "is empty (0 bytes)")
    encoding: str | None = None
    try:
        if fmt in ("txt", "html"):
            data = Path(path).read_bytes()
            if fmt == "html":
                from loaders.read.html import declared_charset, html_to_text

                raw, encoding = decode_bytes(data, name, declared=declared_charset(data))
                text = html_to_text(raw, name)
            else:
                text, encoding = decode_bytes(data, name)
        elif fmt == "pdf":
            from loaders.read.pdf import pdf_to_text

            text = pdf_to_text(name)
        elif fmt == "docx":
            from loaders.read.office import docx_to_text

            text = docx_to_text(name, max_bytes=4 * limit)
        else:
            from loaders.read.office import doc_to_text

            text = doc_to_text(name)
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror or err})") from None
    text = drop_boilerplate_lines(text)
    if not text.strip():
        raise InputError(name, "has no text (empty after reading)")
    return ReadResult(path=name, format=fmt, encoding=encoding, text=text)
