"""govkg's document side: reading files of any supported format and extracting contract records.

Public API (imports happen inside the functions, so ``import loaders`` stays cheap):

* :func:`read_document` — one file to a :class:`~loaders.read.result.ReadResult` (raw text);
* :func:`extract_file` — one file to an :class:`~loaders.record.ExtractionRecord`;
* :func:`iter_paths` — supported files under files and folders, sorted;
* :func:`extract_paths` — many files, streaming :class:`~loaders.batch.BatchResult` in order,
  with worker processes or a Dask cluster.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from loaders.batch import BatchResult
    from loaders.read.result import ReadResult
    from loaders.record import ExtractionRecord

__all__ = ["extract_file", "extract_paths", "iter_paths", "read_document"]


def read_document(path: str | os.PathLike[str]) -> ReadResult:
    """Read ``path`` (txt/html/pdf/docx/doc); raises :class:`govkg.errors.InputError` for bad input."""
    from loaders.read.files import read_document as _read

    return _read(path)


def extract_file(path: str | os.PathLike[str]) -> ExtractionRecord:
    """Read, normalize and extract one file; ``source`` is the path as given, or the URL its folder's
    ``SOURCES.tsv`` lists for it (see :mod:`loaders.read.origin`). Runs in this process with no time
    or memory limit: for files you do not trust use :func:`extract_paths` (worker processes, both)."""
    from loaders.extract.pipeline import extract_text
    from loaders.read.normalize import normalize_text
    from loaders.read.origin import origin_of

    origin = origin_of(path)
    record = extract_text(normalize_text(read_document(path).text), origin.source)
    record.excerpt = origin.excerpt
    return record


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Supported files under ``paths`` (folders recursively, sorted)."""
    from loaders.read.files import iter_paths as _iter

    return _iter(paths)


def extract_paths(paths: Iterable[str | os.PathLike[str]], workers: int = 1, **options: Any) -> Iterator[BatchResult]:
    """Extract many files, streaming results in order; see :func:`loaders.batch.extract_paths`."""
    from loaders.batch import extract_paths as _extract

    return _extract(paths, workers, **options)
