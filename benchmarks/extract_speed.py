"""Extraction speed: characters per second per step and for the whole pipeline, one core.

Runs over the bundled corpus (``data/corpus/*.txt``) repeated ``--reps`` times. Each repetition
appends a different number of spaces to every text so that no per-text cache (the gazetteer scan)
is reused across repetitions: every pass costs what a new document costs. Caches that belong to the
process (gazetteer, taxonomy, lexicon) are warmed first, as they are in a long batch run.

Every figure is the median (and best) of ``--rounds`` timed rounds; the machine's load average is
printed so figures taken on a shared machine can be judged, and the whole pipeline is also timed
in CPU time of this process (``time.process_time``), which other processes on the machine do not
inflate.

usage: python benchmarks/extract_speed.py [--reps 10] [--rounds 5] [--profile] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _texts(reps: int) -> list[list[str]]:
    from loaders.read.normalize import normalize_text

    base = [normalize_text(p.read_text(encoding="utf-8")) for p in sorted((REPO / "data" / "corpus").glob("*.txt"))]
    return [[t + " " * (r + 1) for t in base] for r in range(reps)]


def _time_steps(texts: list[list[str]]) -> dict[str, float]:
    """Seconds spent in each step over all texts (steps run in pipeline order, per document)."""
    from loaders.extract.context import Context
    from loaders.extract.pipeline import STEPS

    spent = {name: 0.0 for name, _ in STEPS}
    clock = time.perf_counter
    for rep in texts:
        for text in rep:
            ctx = Context(text=text, source="bench")
            for name, step in STEPS:
                t0 = clock()
                step(ctx)
                spent[name] += clock() - t0
    return spent


def _time_pipeline(texts: list[list[str]]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for the whole pipeline over all texts."""
    from loaders.extract.pipeline import extract_text

    t0, c0 = time.perf_counter(), time.process_time()
    for rep in texts:
        for text in rep:
            extract_text(text, "bench")
    return time.perf_counter() - t0, time.process_time() - c0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=10, help="corpus repetitions per round (default 10)")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds; median and best reported (default 5)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one round (top 30 by own time)")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from loaders.extract.pipeline import STEPS

    warm = _texts(1)
    _time_pipeline(warm)  # load gazetteer, taxonomy, lexicon, compile regexes
    n_chars = sum(len(t) for rep in _texts(args.reps) for t in rep)
    load = os.getloadavg()[0]

    pipe_rates: list[float] = []
    cpu_rates: list[float] = []
    step_rates: dict[str, list[float]] = {name: [] for name, _ in STEPS}
    for rnd in range(args.rounds):
        texts = [[t + "\n" * (rnd + 1) for t in rep] for rep in _texts(args.reps)]
        wall, cpu = _time_pipeline(texts)
        pipe_rates.append(n_chars / wall)
        cpu_rates.append(n_chars / cpu)
        texts = [[t + "\t" * (rnd + 1) for t in rep] for rep in _texts(args.reps)]
        for name, secs in _time_steps(texts).items():
            step_rates[name].append(n_chars / secs if secs else float("inf"))

    def fmt(rates: list[float]) -> str:
        return f"median {statistics.median(rates) / 1e6:6.2f}  best {max(rates) / 1e6:6.2f}  M chars/s"

    print(f"corpus: {n_chars} chars per round ({args.reps} x bundled corpus), {args.rounds} rounds, "
          f"load average at start {load:.2f}, cpus {os.cpu_count()}")
    for name, rates in step_rates.items():
        print(f"  step {name:<14} {fmt(rates)}")
    print(f"  whole pipeline      {fmt(pipe_rates)}  (wall clock)")
    print(f"  whole pipeline      {fmt(cpu_rates)}  (CPU time of this process)")
    after = os.getloadavg()[0]
    print(f"load average at end {after:.2f}")

    if args.profile:
        import cProfile
        import pstats

        texts = [[t + "\r" for t in rep] for rep in _texts(args.reps)]
        prof = cProfile.Profile()
        prof.enable()
        _time_pipeline(texts)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)

    if args.json:
        args.json.write_text(json.dumps({
            "chars_per_round": n_chars, "rounds": args.rounds, "load_start": load, "load_end": after,
            "pipeline_median": statistics.median(pipe_rates), "pipeline_best": max(pipe_rates),
            "pipeline_cpu_median": statistics.median(cpu_rates),
            "steps_median": {k: statistics.median(v) for k, v in step_rates.items()},
        }, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
