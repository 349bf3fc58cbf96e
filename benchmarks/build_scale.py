"""Time and peak memory of `govkg build` into the embedded store, on growing prefixes of a records file.

    .venv/bin/govkg synth --docs 100000 --out /tmp/synth100k --seed 1
    .venv/bin/govkg extract /tmp/synth100k --out /tmp/rec100k.jsonl --workers 2 -q
    .venv/bin/python benchmarks/build_scale.py /tmp/rec100k.jsonl --sizes 10000,20000,40000

Each size runs in a fresh process on a fresh GOVKG_HOME (the first N records of the file), so the
figures are what a user sees for `govkg build` of N documents: wall time, documents per second, peak
resident memory (ru_maxrss, which includes the periodic atomic saves), the size of the saved graph,
and the time and memory to open it again (`govkg stats`). Prints a Markdown table. `--keep DIR`
leaves each built graph in DIR/home-N, for `benchmarks/query_latency.py --home DIR/home-N`.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
sys.argv = ["govkg", *sys.argv[1:]]
from govkg.cli import main
t = time.perf_counter()
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
else:
    code = 0
print(json.dumps({{"seconds": time.perf_counter() - t, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "code": code}}), file=sys.stderr)
"""


def _run(args: list[str], home: Path) -> dict:
    env = {**os.environ, "GOVKG_HOME": str(home)}
    proc = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), *args], env=env,
                          capture_output=True, text=True, check=False)
    last = [ln for ln in proc.stderr.splitlines() if ln.startswith("{")]
    if proc.returncode or not last:
        raise SystemExit(f"govkg {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    out = json.loads(last[-1])
    out["stdout"] = proc.stdout
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", type=Path, help="a .jsonl file written by `govkg extract`")
    ap.add_argument("--sizes", default="1000,5000", help="comma-separated document counts")
    ap.add_argument("--keep", type=Path, default=None,
                    help="build into KEEP/home-N and leave it there (for query_latency.py --home)")
    args = ap.parse_args()
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="govkg-build-scale-") as tmp:
            tmp_path = Path(tmp)
            prefix = tmp_path / f"records-{n}.jsonl"
            with args.records.open(encoding="utf-8") as src, prefix.open("w", encoding="utf-8") as dst:
                got = sum(1 for line in itertools.islice(src, n) if dst.write(line))
            home = args.keep / f"home-{n}" if args.keep else tmp_path / "home"
            if args.keep and home.exists():
                raise SystemExit(f"{home} exists: remove it or choose another --keep folder")
            started = time.strftime("%H:%M:%S")
            build = _run(["build", str(prefix), "--quiet"], home)
            stats = _run(["stats"], home)
            graph_file = home / "graph" / "graph.sqlite"
            counts = stats["stdout"].splitlines()
            row = {"docs": got, "started": started, "build_s": build["seconds"],
                   "docs_per_s": got / build["seconds"], "build_peak_mb": build["maxrss_mb"],
                   "file_mb": graph_file.stat().st_size / 1e6, "open_s": stats["seconds"],
                   "open_rss_mb": stats["maxrss_mb"],
                   "nodes": counts[0].split(":")[1].strip() if counts else "?",
                   "rels": next((ln.split(":")[1].strip() for ln in counts if ln.startswith("relationships")), "?")}
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print("| documents | nodes | relationships | build s | docs/s | build peak RSS MB | graph file MB "
          "| open s | open RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['docs']:,} | {int(r['nodes']):,} | {int(r['rels']):,} | {r['build_s']:.0f} | "
              f"{r['docs_per_s']:.0f} | {r['build_peak_mb']:,.0f} | {r['file_mb']:,.0f} | "
              f"{r['open_s']:.1f} | {r['open_rss_mb']:,.0f} |")


if __name__ == "__main__":
    main()
