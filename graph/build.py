"""Building a graph from documents: extract each file (or read records from ``.jsonl`` files
written by ``govkg extract``) and load it into a store. Shared by the CLI and the app."""
from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def iter_records(paths: Iterable[str | os.PathLike[str]], workers: int = 1, deltas: bool = False
                 ) -> Iterator[tuple[str, Any, str | None]]:
    """(source, record, error) for every document under ``paths``; ``.jsonl`` files are read as
    extraction records, everything else is extracted. ``deltas``: (source, DeltaRows, error)
    instead, each record turned into its delta's rows in a process of its own (``graph/delta_pool.py``)."""
    from loaders.record import ExtractionRecord

    lines = _record_lines(paths, workers)
    if deltas:
        from graph.delta_pool import deltas as in_pool

        yield from in_pool(lines)
        return
    for source, line, error in lines:
        if line is None:
            yield source, None, error
            continue
        try:
            yield source, ExtractionRecord.from_json_line(line), None
        except ValueError as exc:
            yield source, None, f"{source}: not an extraction record ({exc})"


def _record_lines(paths: Iterable[str | os.PathLike[str]], workers: int) -> Iterator[tuple[str, str | None, str | None]]:
    """(source, the record's JSON line, error) for every document under ``paths``."""
    files, jsonl = [], []
    for p in paths:
        (jsonl if str(p).endswith(".jsonl") else files).append(p)
    for path in jsonl:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield f"{path}:{n}", line, None
    if files:
        import loaders

        for res in loaders.extract_paths(files, workers=workers):
            if res.ok and res.line is not None:
                yield res.path, res.line, None
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
        rows = _RowUpkeep.of(store)
        try:
            for source, rec, error in items:
                if rec is None:
                    report.fail(source, error or "not extracted")
                else:
                    pending.append((source, rec))
                    if len(pending) >= store.load_batch:
                        _load(store, pending, report)
                        pending = []
                        if rows is not None:
                            rows.loaded(len(report.added), len(report.updated))
                if bar is not None:
                    bar.update(1)
            _load(store, pending, report)
        finally:
            if bar is not None:
                bar.close()
    if rows is not None:
        rows.done()
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _RowUpkeep:
    """When a build brings the embedded store's row indexes up to date (``graph/sqlite_rows.py``). Each
    write records what it touched; a flush recomputes the touched keys once. A flush is due when the
    documents loaded since the last reach ``flush_every`` and ``flush_share`` of the graph's documents:
    a geometric series whose sum is a small multiple of its last flush (every fixed 5,000 documents
    made the total grow with the square of the corpus). Once a build has loaded as many documents as
    the graph held when it started (a first build: at its first batch), nearly every key is touched: the
    writes stop recording (``suspend_rows``) and the indexes are filled whole once at the end
    (``fill_rows``); a build killed before that leaves them unmarked, and the next build fills them."""

    store: GraphStore
    at_start: int                # documents in the graph when the build started
    every: int
    share: float
    flushed: int = 0             # documents added or updated when it last flushed
    bulk: bool = False

    @classmethod
    def of(cls, store: GraphStore) -> _RowUpkeep | None:
        if not hasattr(store, "flush_rows"):
            return None
        return cls(store, store.document_count(), store.flush_every, store.flush_share)

    def loaded(self, added: int, updated: int) -> None:
        """After each batch: ``added`` / ``updated`` documents so far in this build."""
        loaded = added + updated
        if self.bulk:
            return
        if loaded >= max(1, self.at_start):
            self.bulk = self.store.suspend_rows()
        elif loaded - self.flushed >= max(self.every, self.share * (self.at_start + added)):
            self.store.flush_rows()
            self.flushed = loaded

    def done(self) -> None:
        self.store.flush_rows()
        if self.bulk:
            self.store.fill_rows()


def _load(store: GraphStore, pending: list[tuple[str, ExtractionRecord]], report: BuildReport) -> None:
    """Load a batch of records; when the batch fails, load its records one by one so that one
    document's failure does not stop the others."""
    if not pending:
        return
    from graph.delta import DocumentDelta
    from graph.delta_rows import DeltaRows

    deltas = all(isinstance(rec, (DocumentDelta, DeltaRows)) for _, rec in pending)
    if len(pending) > 1:
        try:
            recs = [rec for _, rec in pending]
            outcomes = store.load_deltas(recs) if deltas else store.load_records(recs)  # type: ignore[attr-defined]
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
            report.count(store.load_delta(rec) if deltas else store.load_record(rec), rec.doc_id)
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
    # the embedded store's single writer applies deltas made in another process (half its work per document)
    apart = workers > 1 and hasattr(store, "load_deltas")
    return build_records(iter_records(plain, workers, deltas=apart), store, progress=progress, total=total)
