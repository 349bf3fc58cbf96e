"""Reading one file of any supported format into a :class:`ReadResult`, and finding files."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from govkg.errors import InputError
from loaders.read.boilerplate import drop_boilerplate_lines
from loaders.read.decode import decode_bytes
from loaders.read.result import FORMATS, ReadResult

__all__ = ["SUPPORTED_SUFFIXES", "format_of", "iter_inputs", "iter_paths", "max_upload_bytes", "read_document"]

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


def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, str | None]]:
    """``(path, None)`` for each supported file under ``paths`` (files as given, folders recursively,
    each folder sorted), ``(path, problem)`` for a symbolic link inside a folder that leads outside it
    (refused: a folder of documents must not read ``/etc/passwd`` because a link says so).

    A file named explicitly is yielded whatever its suffix (reading it then names the problem);
    hidden files and folders (``.git``, ``.~lock``) inside folders are skipped, and so are links to
    folders inside the same folder (their files are found where they are).
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path, None
            continue
        root = os.path.realpath(path)
        found: list[tuple[Path, str | None]] = []
        for folder, dirs, files in os.walk(path):
            for d in dirs:
                link = os.path.join(folder, d)
                if not d.startswith(".") and os.path.islink(link) and not _inside(link, root):
                    problem = (f"is a symbolic link to a folder outside {path}; not read "
                               "(copy the files into the folder to include them)")
                    found.append((Path(link), problem))
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                if f.startswith((".", "~$")) or Path(f).suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                file = os.path.join(folder, f)
                problem = None
                if os.path.islink(file) and not _inside(file, root):
                    problem = (f"is a symbolic link to a file outside {path}; not read "
                               "(copy the file into the folder to include it)")
                found.append((Path(file), problem))
        for item, problem in sorted(found, key=lambda t: t[0]):
            yield item, None if problem is None else f"{item}: {problem}"


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The paths :func:`iter_inputs` accepts (refused links left out)."""
    for path, problem in iter_inputs(paths):
        if problem is None:
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
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(name, "does not exist") from None
    except OSError as err:
        raise InputError(name, f"cannot be opened ({err.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "is not a regular file (a folder, device or pipe); pass a document file")
    size = info.st_size
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

            text = docx_to_text(name, max_bytes=limit)
        else:
            from loaders.read.office import doc_to_text

            text = doc_to_text(name)
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror or err})") from None
    text = drop_boilerplate_lines(text)
    if not text.strip():
        raise InputError(name, "has no text (empty after reading)")
    return ReadResult(path=name, format=fmt, encoding=encoding, text=text)
