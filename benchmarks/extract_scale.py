"""Extraction at scale: documents per second and peak memory, in-process vs worker processes vs Dask.

Writes a synthetic corpus of ``--docs`` documents (``govkg synth``), then runs the same streaming
extraction (records written to a JSONL file, as ``govkg extract`` does) with 1 process, with
``--workers`` processes, and on a local Dask cluster of ``--workers`` worker processes. Peak memory
is the maximum resident set size of this process and of its largest child (resource.getrusage);
each configuration runs in a fresh subprocess so the figures do not mix.

usage: python benchmarks/extract_scale.py [--docs 2000] [--workers 2] [--modes 1,N,dask] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(corpus: str, out: str, workers: int, scheduler: str | None) -> dict[str, float]:
    """One configuration, in this process (called in a fresh subprocess by main)."""
    import resource

    sys.path.insert(0, str(REPO))
    from loaders.batch import close_output, extract_paths, open_output, write_line

    t = time.perf_counter()
    fh, _done = open_output(out, resume=False)
    ok = failed = 0
    for r in extract_paths([corpus], workers, chunksize=16, scheduler=scheduler):
        if r.ok:
            write_line(fh, r.line)
            ok += 1
        else:
            failed += 1
    close_output(fh)
    secs = time.perf_counter() - t
    return {"seconds": round(secs, 2), "docs": ok, "failed": failed, "docs_per_s": round(ok / secs, 1),
            "peak_rss_mb_main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "peak_rss_mb_child": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
            "output_mb": round(Path(out).stat().st_size / 1e6, 1)}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--modes", default="1,N,dask", help="comma list of 1, N (--workers processes), dask")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--_one", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._one:
        corpus, out, workers, scheduler = args._one
        print(json.dumps(_run(corpus, out, int(workers), None if scheduler == "-" else scheduler)))
        return 0
    sys.path.insert(0, str(REPO))
    from loaders.synth import write_corpus

    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = str(Path(tmp, "corpus"))
        t = time.perf_counter()
        stats = write_corpus(corpus, args.docs, seed=args.seed)
        results["synth"] = {"docs": stats.documents, "mb": round(stats.bytes / 1e6, 1),
                            "seconds": round(time.perf_counter() - t, 2)}
        print(f"synth: {stats.documents} docs, {stats.bytes / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s")
        for mode in args.modes.split(","):
            workers = 1 if mode == "1" else args.workers
            scheduler = "local" if mode == "dask" else "-"
            label = {"1": "1 process", "N": f"{workers} processes", "dask": f"dask local, {workers} workers"}[mode]
            proc = subprocess.run([sys.executable, __file__, "--_one", corpus, str(Path(tmp, f"{mode}.jsonl")),
                                   str(workers), scheduler], capture_output=True, text=True, check=True)
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            results[label] = row
            print(f"{label:24s} {row['docs_per_s']:7.1f} docs/s  {row['seconds']:7.1f} s  "
                  f"peak RSS main {row['peak_rss_mb_main']} MB, largest child {row['peak_rss_mb_child']} MB, "
                  f"{row['failed']} failed")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
