"""The embedded store at N generated documents: build time and peak memory, file size, time to open
the graph in a new process, and every named query's first call and p95 in that process.

    .venv/bin/python benchmarks/embedded_store.py --docs 2000
    git worktree add /tmp/govkg-old b5016ad          # the pickled-networkx store, for a side-by-side run
    .venv/bin/python benchmarks/embedded_store.py --docs 2000 --baseline /tmp/govkg-old

    .venv/bin/python benchmarks/embedded_store.py --docs 20000 --repeat 10 --home /tmp/h20k   # built once, kept

    # a home built from files (govkg synth, then GOVKG_HOME=/tmp/h100k govkg build /tmp/synth100k --workers 2):
    # the parameters drawn from the records of its first files
    govkg extract /tmp/synth100k/00000 /tmp/synth100k/00001 --out /tmp/rec2k.jsonl
    .venv/bin/python benchmarks/embedded_store.py --docs 100000 --repeat 10 --home /tmp/h100k --records /tmp/rec2k.jsonl
    # a change that alters no kept index, timed on a home an earlier revision kept (no `govkg init`)
    .venv/bin/python benchmarks/embedded_store.py --docs 100000 --home /tmp/h100k --records /tmp/rec2k.jsonl --assume-kept

With ``--home DIR`` the built home is kept in DIR, and a later run that finds a graph there only
queries it (the build columns are then empty). Each measurement runs in its own process (``ru_maxrss`` is that process's peak). With ``--baseline``
the same two processes run against that checkout's code in the same run, and a ratio column is
printed. Records come from ``tests.support.synthetic`` (seed 1), so both sides load identical records.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BUILD = """
import json, resource, sys, time
from pathlib import Path
from govkg.settings import load_settings
from graph.build import build_records
try:                                   # this checkout
    from graph.stores import open_store
    from tests.support.synthetic import synthetic_records
except ImportError:                    # a baseline from before graph/stores.py and tests/support/
    from graph.store import open_store
    from graph.synthetic import synthetic_records
n, home = int(sys.argv[1]), Path(sys.argv[2])
settings = load_settings(dict(GOVKG_HOME=str(home), GOVKG_STORE="embedded"))
t = time.perf_counter()
store = open_store("embedded", settings)
report = build_records(((r.source, r, None) for r in synthetic_records(n, seed=1)), store)
load_s = time.perf_counter() - t
try:                                   # what `govkg build` does last (govkg.api.build)
    from queries.registry import keep_indexes
except ImportError:                    # a checkout from before kept indexes
    keep_indexes = None
if keep_indexes is not None:          # as `govkg build` (a checkout with GOVKG_KEEP_MAX_ITEMS: with its limit)
    limit = getattr(settings, "keep_max_items", None)
    keep_indexes(store, limit) if limit is not None else keep_indexes(store)
store.close()
build_s = time.perf_counter() - t
size = sum(p.stat().st_size for p in (home / "graph").iterdir())   # after close: the WAL is folded in
print(json.dumps({"build_s": build_s, "keep_s": build_s - load_s, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "file_mb": size / 2**20, "failed": len(report.failed)}))
"""

QUERY = """
import json, random, resource, sys, time
from pathlib import Path
path = list(sys.path)
sys.path.insert(0, sys.argv[4])
from query_latency import _params      # (it puts its own checkout first on sys.path: undo that)
sys.path[:] = path
from govkg.settings import load_settings
try:                                   # this checkout
    from graph.stores import open_store
    from tests.support.synthetic import synthetic_records
except ImportError:                    # a baseline from before graph/stores.py and tests/support/
    from graph.store import open_store
    from graph.synthetic import synthetic_records
from queries import registry
n, home, repeat = int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
only = set(filter(None, sys.argv[5].split(",")))
import itertools                      # parameters are drawn from the first 2,000 documents, so this
if len(sys.argv) > 6 and sys.argv[6]:   # the records the home was built from (a home built by `govkg build`)
    from loaders.record import ExtractionRecord
    with open(sys.argv[6], encoding="utf-8") as f:
        records = [ExtractionRecord.from_json_line(line) for line in itertools.islice(f, 2000)]
else:
    records = list(itertools.islice(synthetic_records(n, seed=1), 2000))   # process holds the store, not them
if len(sys.argv) > 7 and sys.argv[7]:  # --assume-kept: the home's kept indexes taken as this code's
    import sqlite3
    import graph.revision, graph.sqlite_store
    with sqlite3.connect(f"file:{home / 'graph' / 'graph.sqlite'}?mode=ro", uri=True) as db:
        kept_by = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()[0]
        # each row index's revision as its mark names it ("<write counter> <revision>")
        marked_by = {key[len("rows:"):]: value.partition(" ")[2]
                     for key, value in db.execute("SELECT key, value FROM meta WHERE key LIKE 'rows:%'")}
    graph.revision.code_revision = graph.sqlite_store.code_revision = lambda: kept_by
else:
    marked_by = {}
import importlib
for module in ("graph.sqlite_store", "graph.sqlite_view", "graph.memory_store", "networkx"):
    try:
        importlib.import_module(module)        # open_s: opening the graph, not importing Python code
    except ImportError:
        pass
t = time.perf_counter()
store = open_store("embedded", load_settings(dict(GOVKG_HOME=str(home), GOVKG_STORE="embedded")))
keeper = getattr(store, "_rows", None)
if marked_by and hasattr(keeper, "revisions"):    # (a checkout from before the indexes' own revisions has none)
    attach = keeper.attach                 # an index is attached at its query's first call: marked as the file's

    def attach_as_kept(indexes, attach=attach, keeper=keeper):
        fresh = attach(indexes)
        keeper.revisions.update((ix.name, marked_by[ix.name]) for ix in fresh if marked_by.get(ix.name))
        return fresh

    keeper.attach = attach_as_kept
open_s = time.perf_counter() - t


def read_bytes():
    # what this process has read through read(2)/pread(2) (Linux): the pages SQLite asks the file for —
    # what a file larger than the machine's memory (100,000 documents: ~40 GB) brings in from disk when cold
    try:
        with open("/proc/self/io") as f:
            return int(next(line for line in f if line.startswith("rchar:")).split()[1])
    except OSError:
        return 0


rng = random.Random(0)
out = {"open_s": open_s, "queries": {}}
for spec in registry.catalogue():
    if only and spec.name not in only:
        continue
    t, c = time.perf_counter(), time.process_time()
    registry.run(store, spec.name, _params(records, rng)[spec.name])
    first, first_cpu = time.perf_counter() - t, time.process_time() - c
    times, cpu, reads = [], [], []
    for _ in range(repeat):
        params = _params(records, rng)[spec.name]
        r = read_bytes()
        t, c = time.perf_counter(), time.process_time()
        registry.run(store, spec.name, params)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        reads.append(read_bytes() - r)
    times.sort()
    cpu.sort()
    reads.sort()
    at = min(len(times) - 1, round(0.95 * (len(times) - 1)))
    out["queries"][spec.name] = {"first_ms": first * 1000, "p95_ms": times[at] * 1000,
                                 "first_cpu_ms": first_cpu * 1000, "p95_cpu_ms": cpu[at] * 1000,
                                 "p95_read_mb": reads[at] / 2**20}
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def _run(code: str, repo: Path, *args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(repo))
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=repo, env=env, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{repo}: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(repo: Path, docs: int, repeat: int, queries: str = "", home: Path | None = None,
            records: Path | None = None, assume_kept: bool = False) -> dict:
    """Build (unless ``home`` already holds a graph: then only query it) and query in fresh processes."""
    with tempfile.TemporaryDirectory() as tmp:
        home = home or Path(tmp) / "home"
        built = {} if (home / "graph" / "graph.sqlite").exists() else _run(BUILD, repo, str(docs), str(home))
        queried = _run(QUERY, repo, str(docs), str(home), str(repeat), str(ROOT / "benchmarks"), queries,
                       str(records.resolve()) if records else "", "1" if assume_kept else "")
    return {**built, **queried}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=20, help="calls per query after the first (default 20)")
    ap.add_argument("--queries", default="", help="comma-separated named queries to time (default: all)")
    ap.add_argument("--baseline", type=Path, default=None, help="a checkout of an earlier govkg to compare with")
    ap.add_argument("--home", type=Path, default=None,
                    help="keep the built home here (no baseline); one that holds a graph is only queried")
    ap.add_argument("--records", type=Path, default=None,
                    help="draw the queries' parameters from the first 2,000 records of this JSONL file (a home "
                         "built from files by `govkg build`: `govkg extract` of its first files) instead of "
                         "the generated records")
    ap.add_argument("--assume-kept", action="store_true",
                    help="with --home: take the kept indexes in its file as this code's (the file records the "
                         "revision of the code that computed them: graph/revision.py), to time a change that "
                         "alters no kept index without refilling them (`govkg init`); the answers of a query "
                         "that reads a kept index are otherwise not this code's")
    args = ap.parse_args(argv)
    if args.assume_kept and args.home is None:
        ap.error("--assume-kept takes --home")
    if args.home is not None and args.baseline is not None:
        ap.error("--home takes no --baseline")
    sides = {"this": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    results = {name: measure(repo, args.docs, args.repeat, args.queries, args.home, args.records, args.assume_kept)
               for name, repo in sides.items()}
    cols = list(results)
    ratio = len(cols) == 2
    print(f"{args.docs} generated documents; load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| measure | " + " | ".join(cols) + (" | this / baseline |" if ratio else " |"))
    print("|---|" + "---:|" * (len(cols) + ratio))

    def row(label: str, values: list[float], fmt: str) -> None:
        cells = [format(v, fmt) for v in values]
        extra = [f"{values[0] / values[1]:.2f}"] if ratio and values[1] else ([""] if ratio else [])
        print(f"| {label} | " + " | ".join(cells + extra) + " |")

    for key, label, fmt in (("build_s", "build s", ".1f"), ("keep_s", "of which keeping indexes s", ".1f"), ("peak_mb", "build peak RSS MB", ".0f"),
                            ("file_mb", "file MB", ".1f"), ("open_s", "open s", ".3f"),
                            ("rss_mb", "query process peak RSS MB", ".0f")):
        row(label, [results[c].get(key, 0.0) for c in cols], fmt)
    for name in results["this"]["queries"]:
        row(f"`{name}` first call ms", [results[c]["queries"][name]["first_ms"] for c in cols], ".0f")
        row(f"`{name}` p95 ms", [results[c]["queries"][name]["p95_ms"] for c in cols], ".1f")
        # the process's own CPU time: what a call costs whatever else the machine runs (a baseline
        # checkout from before this column has none)
        if all("p95_cpu_ms" in results[c]["queries"][name] for c in cols):
            row(f"`{name}` first call CPU ms", [results[c]["queries"][name]["first_cpu_ms"] for c in cols], ".0f")
            row(f"`{name}` p95 CPU ms", [results[c]["queries"][name]["p95_cpu_ms"] for c in cols], ".1f")
        # the bytes read from the file per call (/proc/self/io rchar; Linux): what a cold file must bring in
        row(f"`{name}` p95 MB read", [results[c]["queries"][name]["p95_read_mb"] for c in cols], ".1f")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
