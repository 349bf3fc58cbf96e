"""End-to-end extraction throughput (file -> record), characters per second, 1 and N workers.

Generates a synthetic corpus (``govkg synth``: the bundled texts recombined) of at least
``--mb`` MB, then times reading + normalization alone, the start-up (imports, dictionaries,
gazetteer and compiled patterns: paid once per process, and forked workers inherit it from this
one), and the whole pipeline with 1 and ``--workers`` worker processes: wall clock, and CPU seconds
of the workers and this process. Chars per CPU second is the per-core figure: what one core does
with the documents, however busy the machine is (the start-up is reported on its own line, not
spread over the corpus). With ``--profile`` prints where the single-worker time goes, stage by
stage (read, normalize, the fold to simplified characters, each extraction step), after one
warm-up document.

usage: python benchmarks/extract_throughput.py [--mb 20] [--workers 2] [--profile] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of UTF-8 text (default 20)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="time each stage on a 1 MB sample")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from loaders.batch import extract_paths
    from loaders.read.files import iter_paths, read_document
    from loaders.read.normalize import normalize_text
    from loaders.synth import write_corpus

    results: dict[str, object] = {"cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        n_docs = max(10, int(args.mb * 1e6 / 10_000) + 1)
        stats = write_corpus(tmp, n_docs, seed=args.seed)
        while stats.bytes < args.mb * 1e6:
            n_docs = int(n_docs * args.mb * 1e6 / stats.bytes) + 10
            stats = write_corpus(tmp, n_docs, seed=args.seed)
        paths = list(iter_paths([tmp]))
        t = time.perf_counter()
        chars = sum(len(normalize_text(read_document(p).text)) for p in paths)
        read_s = time.perf_counter() - t
        results.update(documents=len(paths), mb=round(stats.bytes / 1e6, 1), chars=chars,
                       read_normalize_chars_per_s=round(chars / read_s))
        print(f"corpus: {len(paths)} docs, {stats.bytes / 1e6:.1f} MB, {chars:,} chars")
        print(f"read + normalize only: {chars / read_s:,.0f} chars/s ({read_s:.1f} s)")
        # the start-up, once: a tiny document through one worker (forked workers start warm after it)
        with tempfile.TemporaryDirectory() as warm:
            (Path(warm) / "warm-up.txt").write_text("濮阳市民政局\n关于加强社区治理的答复。\n", encoding="utf-8")
            t, cpu = time.perf_counter(), _cpu_seconds()
            list(extract_paths([warm]))
            start_s, start_cpu = time.perf_counter() - t, _cpu_seconds() - cpu
        results["start_up"] = {"seconds": round(start_s, 2), "cpu_seconds": round(start_cpu, 2)}
        print(f"start-up (imports, dictionaries, gazetteer; once per process): {start_s:.1f} s, "
              f"{start_cpu:.1f} s of CPU")
        for workers in sorted({1, args.workers}):
            load = os.getloadavg()[0]
            t, cpu = time.perf_counter(), _cpu_seconds()
            failed = sum(1 for r in extract_paths([tmp], workers=workers, chunksize=16) if not r.ok)
            secs, cpu = time.perf_counter() - t, _cpu_seconds() - cpu
            results[f"workers_{workers}"] = {"seconds": round(secs, 2), "chars_per_s": round(chars / secs),
                                             "chars_per_s_per_core": round(chars / secs / workers),
                                             "cpu_seconds": round(cpu, 2), "chars_per_cpu_s": round(chars / cpu),
                                             "docs_per_s": round(len(paths) / secs, 1), "failed": failed,
                                             "load_average": round(load, 2)}
            print(f"{workers} worker(s): {chars / secs:,.0f} chars/s total, {chars / secs / workers:,.0f} per core, "
                  f"{len(paths) / secs:.1f} docs/s, {secs:.1f} s, {failed} failed; "
                  f"{chars / cpu:,.0f} chars per CPU second ({cpu:.1f} s of CPU, workers and this process; "
                  f"load average {load:.2f} at the start)")
        if args.profile:
            results["profile"] = _profile(paths)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, once closed): on a
    machine shared with other jobs, chars per CPU second is the per-core rate the load does not hide."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _profile(paths: list[Path]) -> dict[str, float]:
    """Seconds per stage over ~1 MB of documents, single process (caches warmed on one document first,
    as a worker warms them before its first document)."""
    from loaders.extract.context import Context
    from loaders.extract.pipeline import STEPS, extract_text
    from loaders.extract.script import fold_script, restore_script
    from loaders.read.files import read_document
    from loaders.read.normalize import normalize_text

    extract_text(normalize_text(read_document(paths[0]).text) + "\n", "warm-up")
    stages: dict[str, float] = {"read": 0.0, "normalize": 0.0, "fold": 0.0, "record+json": 0.0}
    total_chars = 0
    for path in paths:
        t = time.perf_counter()
        raw = read_document(path).text
        stages["read"] += time.perf_counter() - t
        t = time.perf_counter()
        text = normalize_text(raw)
        stages["normalize"] += time.perf_counter() - t
        t = time.perf_counter()
        scan = fold_script(text)
        stages["fold"] += time.perf_counter() - t
        ctx = Context(text=scan, source=str(path))
        for name, step in STEPS:
            t = time.perf_counter()
            step(ctx)
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        record = _record_from(ctx, text, str(path))
        restore_script(record, scan)
        record.to_json_line()
        stages["record+json"] += time.perf_counter() - t
        total_chars += len(text)
        if total_chars > 1_000_000:
            break
    print(f"profile over {total_chars:,} chars (seconds):")
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:14s} {secs:7.3f}  ({total_chars / secs:,.0f} chars/s)" if secs > 0 else f"  {name:14s} 0")
    total = sum(stages.values())
    print(f"  {'all':14s} {total:7.3f}  ({total_chars / total:,.0f} chars/s)")
    return {k: round(v, 4) for k, v in stages.items()}


def _record_from(ctx, text: str, source: str):
    from loaders.record import ExtractionRecord, doc_id_for

    return ExtractionRecord(
        doc_id=doc_id_for(text), source=source, text=text, document=ctx.document, places=ctx.places,
        agencies=ctx.agencies, policies=ctx.policies, named_models=ctx.named_models, measures=ctx.measures,
        practices=ctx.practices, learning=ctx.learning, metrics=ctx.metrics, people=ctx.people)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
