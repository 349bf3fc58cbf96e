"""Where a file came from: a folder's ``SOURCES.tsv`` names the URL a saved file was taken from.

Crawls and hand-collected corpora keep the page address beside the saved text. A folder may hold a
tab-separated ``SOURCES.tsv`` with a header line and the columns ``file`` (name inside the folder),
``source`` (the URL) and ``excerpt`` (``yes`` when the file holds only part of the page). A file listed
there gets that URL as its record's ``source`` and the excerpt mark; any other file's source is its path.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import InputError

__all__ = ["MANIFEST", "Origin", "origin_of"]

MANIFEST = "SOURCES.tsv"
_YES = {"yes", "y", "true", "1", "是"}


@dataclass(frozen=True)
class Origin:
    source: str
    excerpt: bool = False


def _read_manifest(path: Path) -> dict[str, Origin]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise InputError(str(path), f"cannot be read as a sources list ({err})") from None
    if rows and not {"file", "source"} <= set(rows[0]):
        raise InputError(str(path), "needs the header columns file, source (and optionally excerpt)")
    return {row["file"].strip(): Origin(row["source"].strip(), (row.get("excerpt") or "").strip().lower() in _YES)
            for row in rows if (row.get("file") or "").strip() and (row.get("source") or "").strip()}


_CACHE: dict[str, tuple[int, dict[str, Origin]]] = {}


def origin_of(path: str | os.PathLike[str]) -> Origin:
    """The record source of ``path``: its URL from the folder's ``SOURCES.tsv``, else the path itself.

    The manifest is read once per folder and version (its mtime): a 100k-file crawl asks once per file.
    """
    path = Path(path)
    manifest = path.parent / MANIFEST
    try:
        mtime = manifest.stat().st_mtime_ns
    except OSError:
        return Origin(str(path))
    key = str(manifest)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != mtime:
        cached = _CACHE[key] = (mtime, _read_manifest(manifest))
    return cached[1].get(path.name) or Origin(str(path))
