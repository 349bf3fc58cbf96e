"""One document's extraction job, as the batch runner (:mod:`loaders.batch`) and its worker
processes (:mod:`loaders.workers`) both see it: the task, its result, and ``extract_one``, which reads,
normalizes and extracts one file in this process and never raises for a bad document.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from govkg.errors import GovkgError, InputError

__all__ = ["ENTITY_KINDS", "BatchResult", "Task", "extract_one", "memory_message", "one_line", "timeout_message"]

ENTITY_KINDS = ("places", "agencies", "policies", "named_models", "measures", "learning", "metrics", "people")


@dataclass(frozen=True)
class BatchResult:
    """The outcome for one input file. Exactly one of ``line`` / ``error`` is set, unless skipped."""

    path: str
    line: str | None = None          # the record, as ``record.to_json_line()``
    error: str | None = None         # one line: "<path>: <problem>"
    doc_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    skipped: bool = False            # already in the output (resume): same source and doc_id

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def record(self):
        """The :class:`~loaders.record.ExtractionRecord` (parsed from the line on demand)."""
        from loaders.record import ExtractionRecord

        if self.line is None:
            raise ValueError(f"{self.path}: no record ({self.error or 'skipped'})")
        return ExtractionRecord.from_json_line(self.line)


@dataclass(frozen=True)
class Task:
    """One document to extract. ``refused``: a problem found before reading (the file is not read)."""

    path: str
    expected_doc_id: str | None = None
    refused: str | None = None


def one_line(message: str) -> str:
    return " ".join(message.split())[:400]


def timeout_message(path: str, timeout_s: float) -> str:
    return (f"{path}: extraction took longer than {timeout_s:g} s and was stopped; split the document or "
            "raise --timeout")


def memory_message(path: str, memory_mb: int) -> str:
    if not memory_mb:
        return f"{path}: ran out of memory while extracting"
    return (f"{path}: needed more than {memory_mb} MB of memory and was stopped (a compression bomb or a very "
            "large document); split it or raise GOVKG_MAX_EXTRACT_MB")


def extract_one(path: str, expected_doc_id: str | None = None, memory_mb: int = 0) -> BatchResult:
    """Read, normalize and extract one file in this process; never raises for a bad document.

    No limits apply here: :class:`loaders.workers.Workers` runs this in a worker process under a
    time and memory limit (``memory_mb`` only names that limit in the message)."""
    from loaders.extract.pipeline import extract_text
    from loaders.read.files import read_document
    from loaders.read.normalize import normalize_text
    from loaders.read.origin import origin_of
    from loaders.record import doc_id_for

    try:
        text = normalize_text(read_document(path).text)
        doc_id = doc_id_for(text)
        if expected_doc_id is not None and expected_doc_id == doc_id:
            return BatchResult(path=path, doc_id=doc_id, skipped=True)
        origin = origin_of(path)
        record = extract_text(text, origin.source)
        record.excerpt = origin.excerpt
        counts = {k: len(getattr(record, k)) for k in ENTITY_KINDS}
        return BatchResult(path=path, line=record.to_json_line(), doc_id=doc_id, counts=counts)
    except GovkgError as err:
        return BatchResult(path=path, error=one_line(str(err) if isinstance(err, InputError) else f"{path}: {err}"))
    except RecursionError:
        return BatchResult(path=path, error=f"{path}: too deeply nested to read (recursion limit)")
    except MemoryError:
        return BatchResult(path=path, error=memory_message(path, memory_mb))
    except Exception as err:  # noqa: BLE001 -- a bug in a rule must not stop the batch; report it on one line
        return BatchResult(path=path, error=one_line(f"{path}: extraction failed ({type(err).__name__}: {err})"))
