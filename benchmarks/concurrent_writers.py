"""Concurrent `govkg build` runs on one embedded graph: K processes at once, each loading its own N
generated documents (plus, with --overlap, the same documents as every other writer). Prints the wall
time, documents per second over all writers, and whether the graph then holds exactly what one
process loading the same documents gives (documents, node and relationship counts, evidence rows).

    .venv/bin/python benchmarks/concurrent_writers.py --writers 4 --docs 250
    .venv/bin/python benchmarks/concurrent_writers.py --writers 4 --docs 250 --overlap
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLI = "from govkg.cli import main; main()"


def _write(path: Path, records) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(rec.model_dump_json() + "\n" for rec in records)


def _counts(home: Path) -> tuple:
    from graph.sqlite_store import SQLiteStore

    with SQLiteStore.open(home) as store:
        db = store._db
        ev = db.execute("SELECT (SELECT count(*) FROM node_ev) + (SELECT count(*) FROM rel_ev)").fetchone()[0]
        return len(store.documents()), store.stats(), ev


def main(argv: list[str] | None = None) -> int:
    from tests.support.synthetic import synthetic_records

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--writers", type=int, default=4)
    ap.add_argument("--docs", type=int, default=250, help="documents per writer (default 250)")
    ap.add_argument("--overlap", action="store_true", help="every writer loads the same documents")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        files = []
        everything = []
        for w in range(args.writers):
            recs = list(synthetic_records(args.docs, seed=1 if args.overlap else 100 + w))
            files.append(tmpd / f"w{w}.jsonl")
            _write(files[-1], recs)
            everything += [] if args.overlap and w else recs
        home = tmpd / "home"
        env = dict(os.environ, GOVKG_HOME=str(home), GOVKG_STORE="embedded", PYTHONPATH=str(ROOT))
        started = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", CLI, "build", str(f), "--quiet"], env=env,
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                 for f in files]
        outs = [p.communicate()[0].strip().splitlines()[-1] for p in procs]
        wall = time.perf_counter() - started
        ref_home = tmpd / "reference"
        _write(tmpd / "all.jsonl", everything)
        subprocess.run([sys.executable, "-c", CLI, "build", str(tmpd / "all.jsonl"), "--quiet"],
                       env=dict(env, GOVKG_HOME=str(ref_home)), cwd=ROOT, check=True, capture_output=True)
        got, expected = _counts(home), _counts(ref_home)
    loaded = len(everything) if not args.overlap else args.docs
    print(f"{args.writers} writers × {args.docs} documents{' (the same ones)' if args.overlap else ''}: "
          f"{wall:.1f} s wall, {args.writers * args.docs / wall:.0f} documents/s offered, "
          f"{loaded / wall:.0f} documents/s stored; exit codes {[p.returncode for p in procs]}")
    for w, out in enumerate(outs):
        print(f"  writer {w}: {out}")
    print(f"graph: {got[0]} documents, {sum(got[1]['nodes'].values())} nodes, "
          f"{sum(got[1]['relationships'].values())} relationships, {got[2]} evidence rows; "
          f"one process loading the same: {'identical' if got == expected else f'DIFFERENT {expected}'}")
    print(f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0 if got == expected and all(p.returncode == 0 for p in procs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
