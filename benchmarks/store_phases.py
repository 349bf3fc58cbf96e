"""How the embedded store's build scales, phase by phase: wall and CPU seconds per 1,000 documents
loaded (first and last thousand), each flush of the row indexes and postings, bytes written
(``/proc/self/io``) and peak RSS per phase and per index a fill or flush writes (the peak is reset between them through
``/proc/self/clear_refs``; Linux only).

    .venv/bin/python benchmarks/store_phases.py --records /tmp/rec20k.jsonl --docs 10000 --home /tmp/sp10k

Records are extraction records (``govkg extract … --out REC.jsonl``), loaded as ``govkg build`` loads
them (``build_records`` with the queries' row indexes maintained). Run from the checkout to measure.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any


def _io() -> int:
    with open("/proc/self/io") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("write_bytes"))


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith(field + ":")) / 1024


_CARRIED = [0.0]     # the phase's peak before the last reset inside it (each index's put resets it)


def _hwm_mb() -> float:
    return max(_status_mb("VmHWM"), _CARRIED[0])


def _reset_hwm(phase: bool = True) -> None:
    _CARRIED[0] = 0.0 if phase else _hwm_mb()
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


class _Phase:
    def __init__(self) -> None:
        self.start()

    def start(self) -> None:
        _reset_hwm()
        self.wall, self.cpu, self.io = time.perf_counter(), time.process_time(), _io()

    def done(self) -> dict[str, float]:
        out = {"wall_s": round(time.perf_counter() - self.wall, 2), "cpu_s": round(time.process_time() - self.cpu, 2),
               "write_mb": round((_io() - self.io) / 2**20, 1), "peak_mb": round(_hwm_mb(), 1)}
        self.start()
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--home", type=Path, required=True, help="an empty folder for the graph")
    ap.add_argument("--whole", type=int, default=None, help="sqlite_rows._WHOLE (a flush of 1/WHOLE of the documents fills whole)")
    ap.add_argument("--batch", type=int, default=0, help="documents per load transaction (default: the store's)")
    ap.add_argument("--flush-every", type=int, default=None, help="documents between flushes at least")
    ap.add_argument("--flush-share", type=float, default=None,
                    help="… and at least this share of the graph's documents (the store's flush_share)")
    args = ap.parse_args()
    sys.path.insert(0, str(Path.cwd()))        # the checkout measured: the working directory's code

    from graph.build import build_records
    from graph.sqlite_store import SQLiteStore
    from loaders.record import ExtractionRecord
    from queries.registry import maintain_indexes

    def records() -> Any:
        with open(args.records, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if n >= args.docs:
                    return
                rec = ExtractionRecord.from_json_line(line)
                yield rec.source, rec, None

    from graph import sqlite_rows

    put = sqlite_rows.RowKeeper.put

    def timed_put(self: Any, ix: Any, keys: Any, whole: bool = False, beside: Any = None) -> None:   # each index's
        wall, cpu = time.perf_counter(), time.process_time()                           # share of a flush
        keys = list(keys)
        rss = _status_mb("VmRSS")
        _reset_hwm(phase=False)               # this index's own peak (the phase's is carried)
        put(self, ix, keys, whole, beside)
        print(json.dumps({"put": ix.name if beside is None else f"{ix.name}+{beside.name}", "keys": len(keys),
                          "wall_s": round(time.perf_counter() - wall, 2), "cpu_s": round(time.process_time() - cpu, 2),
                          "rss_before_mb": round(rss, 1), "peak_mb": round(_status_mb("VmHWM"), 1)}),
              flush=True)

    sqlite_rows.RowKeeper.put = timed_put   # type: ignore[method-assign]
    if args.whole is not None:
        sqlite_rows._WHOLE = args.whole
    store = maintain_indexes(SQLiteStore.open(args.home))
    phase = _Phase()
    loads: list[dict[str, float]] = []
    flushes: list[dict[str, float]] = []
    seen = 0
    load_records, flush_rows = store.load_records, store.flush_rows
    if args.batch:
        store.load_batch = args.batch
    if args.flush_every is not None:
        store.flush_every = args.flush_every
    if args.flush_share is not None:
        store.flush_share = args.flush_share

    def timed_load(recs: Any) -> Any:
        nonlocal seen
        out = load_records(recs)
        before, seen = seen, seen + len(recs)
        if seen // 1000 > before // 1000:
            loads.append({"docs": seen, **phase.done()})
            print(json.dumps({"load": loads[-1]}), flush=True)
        return out

    def timed(step: Any, what: str) -> Any:
        def run() -> bool:
            loads_part = phase.done()
            out = step()
            flushes.append({"docs": seen, "what": what, **phase.done(), "before": loads_part})
            print(json.dumps({"flush": flushes[-1]}), flush=True)
            return out
        return run

    store.load_records = timed_load         # type: ignore[method-assign]
    store.flush_rows = timed(flush_rows, "flush")          # type: ignore[method-assign]
    store.fill_rows = timed(store.fill_rows, "fill")       # type: ignore[method-assign]
    t = time.perf_counter()
    report = build_records(records(), store)
    total = time.perf_counter() - t
    size = sum(p.stat().st_size for p in (args.home / "graph").iterdir())
    print(json.dumps({"docs": args.docs, "total_s": round(total, 1), "failed": len(report.failed),
                      "first_1000": loads[0] if loads else None, "last_1000": loads[-1] if loads else None,
                      "flushes": len(flushes), "flush_s": round(sum(f["wall_s"] for f in flushes), 1),
                      "flush_peak_mb": max((f["peak_mb"] for f in flushes), default=0),
                      "load_peak_mb": max((x["peak_mb"] for x in loads), default=0), "file_mb": round(size / 2**20)}))


if __name__ == "__main__":
    main()
