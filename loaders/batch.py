"""Extracting many files: in worker processes (:mod:`loaders.workers`) or on a Dask cluster (one
document's job is :mod:`loaders.job`).

Results stream back in input order (sorted paths), each either a record (as its JSON line, with
entity counts) or a one-line failure naming the file. A bad file never stops the batch. Work goes
out through a bounded window, so memory stays flat however large the corpus. Each document is
extracted in a worker process under a time and memory limit; a worker that dies, runs out of
memory or out of time is replaced and only its document is reported. On Dask, tasks run in
threads of Dask's workers: no per-document time limit there.
"""
from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from govkg.errors import ConfigError
from loaders.job import (
    ENTITY_KINDS,
    BatchResult,
    Task,
    extract_one,
    memory_message,
    one_line,
    timeout_message,
)

__all__ = ["ENTITY_KINDS", "BatchResult", "Task", "close_output", "extract_one", "extract_paths",
           "memory_message", "open_output", "read_done", "timeout_message", "write_line"]

SCHEDULER_CONNECT_S = 10        # how long a scheduler address is tried before it is reported unreachable

def _run_chunk(tasks: list[Task]) -> list[BatchResult]:
    return [BatchResult(path=t.path, error=t.refused) if t.refused is not None
            else extract_one(t.path, t.expected_doc_id) for t in tasks]


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def _run_dask(tasks: Iterable[Task], scheduler: str, workers: int, chunksize: int,
              memory_mb: int) -> Iterator[BatchResult]:
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler == "local":
            # Dask's nanny restarts a worker over its memory limit; a task that keeps doing it fails
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40,
                                   memory_limit=f"{memory_mb + 1024}MB" if memory_mb else "auto")
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=f"{SCHEDULER_CONNECT_S}s")
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler!r} ({err}); start one with "
                          "`dask scheduler` and workers, or pass --scheduler local") from None
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window: deque = deque()
        chunks = _chunks(tasks, chunksize)
        while True:
            while len(window) < 4 * nworkers and (chunk := next(chunks, None)) is not None:
                window.append((chunk, client.submit(_run_chunk, chunk, pure=False)))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                yield from future.result()
            except Exception as err:  # noqa: BLE001 -- KilledWorker, lost connection: report the chunk, go on
                for task in chunk:
                    yield BatchResult(path=task.path, error=one_line(
                        f"{task.path}: the Dask task failed ({type(err).__name__}: {err})"))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    workers: int = 1,
    *,
    done: Mapping[str, str] | None = None,
    timeout_s: float | None = None,
    memory_mb: int | None = None,
    chunksize: int = 8,
    scheduler: str | None = None,
) -> Iterator[BatchResult]:
    """Extract every supported file under ``paths``, yielding one :class:`BatchResult` per file in order.

    ``done`` maps record source (path or URL) -> doc_id of records already written (resume): such a
    document is read and normalized again, and skipped if its doc_id is unchanged. Documents are
    extracted in ``workers`` worker processes (:class:`loaders.workers.Workers`), each document within
    ``timeout_s`` seconds and ``memory_mb`` MB of memory (None: the GOVKG_EXTRACT_TIMEOUT_S and
    GOVKG_MAX_EXTRACT_MB settings; 0 = no limit). ``scheduler`` ("local" or a Dask scheduler
    address) runs on Dask instead, ``chunksize`` documents per task: there the time limit does not
    apply (tasks run in threads) and memory is Dask's own worker limit.
    """
    from loaders.read.files import iter_inputs
    from loaders.read.origin import origin_of
    from loaders.workers import Workers

    done = done or {}
    if memory_mb is None or timeout_s is None:
        from govkg.settings import load_settings

        settings = load_settings()
        memory_mb = settings.max_extract_mb if memory_mb is None else memory_mb
        timeout_s = settings.extract_timeout_s if timeout_s is None else timeout_s
    tasks = (Task(str(p), done.get(origin_of(p).source), problem) for p, problem in iter_inputs(paths))
    if scheduler:
        yield from _run_dask(tasks, scheduler, max(1, workers), chunksize, memory_mb)
        return
    with Workers(workers, timeout_s, memory_mb) as pool:
        yield from pool.map(tasks)


def read_done(lines: Iterable[str]) -> dict[str, str]:
    """source -> doc_id of the complete records among ``lines`` (JSONL); unparsable lines are ignored."""
    out: dict[str, str] = {}
    for line in lines:
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict) and isinstance(obj.get("source"), str) and isinstance(obj.get("doc_id"), str):
            out[obj["source"]] = obj["doc_id"]
    return out




def open_output(path: str | os.PathLike[str], resume: bool) -> tuple[Any, dict[str, str]]:
    """Open the JSONL output for appending whole lines; returns ``(file, done)``.

    Without ``resume`` the file is truncated. With ``resume`` a torn last line (an interrupted
    write) is cut off, and ``done`` maps the sources already written to their doc_ids.
    """
    done: dict[str, str] = {}
    if resume and os.path.exists(path):
        with open(path, "r+b") as fh:
            data = fh.read()
            keep = data.rfind(b"\n") + 1
            if keep < len(data):
                fh.truncate(keep)
        done = read_done(data[:keep].decode("utf-8", errors="replace").splitlines())
        return open(path, "a", encoding="utf-8"), done
    return open(path, "w", encoding="utf-8"), done


def write_line(fh: Any, line: str) -> None:
    """Append one record line; the line and its newline go out in one write."""
    fh.write(line + "\n")


def close_output(fh: Any) -> None:
    fh.flush()
    os.fsync(fh.fileno())
    fh.close()
