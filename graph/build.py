"""Building a graph from documents: extract each file (or read records from ``.jsonl`` files
written by ``govkg extract``) and load it into a store. Shared by the CLI and the app."""
from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govkg.errors import GovkgError, StoreUnavailable
from graph.store import GraphStore, LoadOutcome

if TYPE_CHECKING:
    from loaders.record import ExtractionRecord

__all__ = ["BuildReport", "build_paths", "build_records", "iter_records"]


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)    # (source, one line naming the source once)
    seconds: float = 0.0

    def fail(self, source: str, message: str) -> None:
        """Record a failed document; the message names ``source`` once (extraction errors already do)."""
        line = " ".join(message.split())
        self.failed.append((source, line if line.startswith(f"{source}:") else f"{source}: {line}"))

    @property
    def documents(self) -> int:
        """How many documents were seen (loaded, unchanged or failed)."""
        return len(self.added) + len(self.updated) + len(self.unchanged) + len(self.failed)

    def count(self, outcome: LoadOutcome, doc_id: str) -> None:
        {"added": self.added, "updated": self.updated, "unchanged": self.unchanged}[outcome.value].append(doc_id)

    def summary(self) -> str:
        return (f"added {len(self.added)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}, "
                f"failed {len(self.failed)} ({self.seconds:.1f} s)")


def iter_records(paths: Iterable[str | os.PathLike[str]], workers: int = 1
                 ) -> Iterator[tuple[str, ExtractionRecord | None, str | None]]:
    """(source, record, error) for every document under ``paths``; ``.jsonl`` files are read as
    extraction records, everything else is extracted."""
    from loaders.record import ExtractionRecord

    files, jsonl = [], []
    for p in paths:
        (jsonl if str(p).endswith(".jsonl") else files).append(p)
    for path in jsonl:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield f"{path}:{n}", ExtractionRecord.from_json_line(line), None
                    except ValueError as exc:
                        yield f"{path}:{n}", None, f"{path}:{n}: not an extraction record ({exc})"
    if files:
        import loaders

        for res in loaders.extract_paths(files, workers=workers):
            if res.ok and res.line is not None:
                yield res.path, res.record, None
            elif not res.skipped:
                yield res.path, None, res.error or f"{res.path}: not extracted"


def build_records(items: Iterable[tuple[str, ExtractionRecord | None, str | None]], store: GraphStore,
                  progress: bool = False, total: int | None = None) -> BuildReport:
    """Load (source, record, error) items into ``store``; one document's failure does not stop the rest."""
    report = BuildReport()
    started = time.perf_counter()
    store.init_schema()
    batch = getattr(store, "batch", None)
    with (batch() if batch else contextlib.nullcontext()):
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="doc", desc=f"build ({store.kind})")
        pending: list[tuple[str, ExtractionRecord]] = []
        flush = getattr(store, "flush_rows", None)   # the embedded store's row indexes: the keys touched, once
        every = getattr(store, "flush_every", 0)     # … brought up to date every so many documents loaded
        flushed = 0                                  # documents added or updated when it last ran
        try:
            for source, rec, error in items:
                if rec is None:
                    report.fail(source, error or "not extracted")
                else:
                    pending.append((source, rec))
                    if len(pending) >= store.load_batch:
                        _load(store, pending, report)
                        pending = []
                        loaded = len(report.added) + len(report.updated)
                        if flush is not None and every and loaded - flushed >= every:
                            flush()
                            flushed = loaded
                if bar is not None:
                    bar.update(1)
            _load(store, pending, report)
        finally:
            if bar is not None:
                bar.close()
    if flush is not None:
        flush()
    report.seconds = time.perf_counter() - started
    return report


def _load(store: GraphStore, pending: list[tuple[str, ExtractionRecord]], report: BuildReport) -> None:
    """Load a batch of records; when the batch fails, load its records one by one so that one
    document's failure does not stop the others."""
    if not pending:
        return
    if len(pending) > 1:
        try:
            outcomes = store.load_records([rec for _, rec in pending])
        except StoreUnavailable:
            raise
        except GovkgError:
            pass
        else:
            for (_, rec), outcome in zip(pending, outcomes):
                report.count(outcome, rec.doc_id)
            return
    for source, rec in pending:
        try:
            report.count(store.load_record(rec), rec.doc_id)
        except StoreUnavailable:
            raise
        except GovkgError as exc:
            report.fail(source, str(exc))


def build_paths(paths: Iterable[str | os.PathLike[str]], store: GraphStore, progress: bool = True,
                workers: int = 1) -> BuildReport:
    """Extract every document under ``paths`` and load it into ``store``."""
    from loaders.read.files import iter_inputs

    plain = [p for p in paths]
    total = None
    if all(not str(p).endswith(".jsonl") for p in plain):
        with contextlib.suppress(GovkgError, OSError):
            total = sum(1 for _ in iter_inputs([Path(p) for p in plain]))
    return build_records(iter_records(plain, workers), store, progress=progress, total=total)
