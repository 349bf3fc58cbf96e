"""FalkorDB load rate: generated documents loaded into a fresh FalkorDB server through the normal
loading path (``FalkorStore.load_records`` called as ``govkg build`` calls it); prints
rows/s overall (nodes + relationships at the end / load seconds) and the time per 1,000 documents for
the first and the last thousand, so a load that slows as the graph grows shows. On a shared machine
wall time follows the other jobs; the CPU seconds of client and server (``/proc``, Linux) do not, so
they are printed too (rows per CPU second, and CPU seconds for the first and the last thousand).

    .venv/bin/python benchmarks/falkordb_load.py --docs 2000                           # tests.support.synthetic records
    .venv/bin/python benchmarks/falkordb_load.py --records /tmp/rec2k.jsonl --docs 2000
    .venv/bin/python benchmarks/falkordb_load.py --records /tmp/rec2k.jsonl --code /tmp/main-checkout --code .

``--records`` takes the first ``--docs`` records written by ``govkg extract`` (e.g. of ``govkg synth
--docs 2000 --seed 1``; a checkout older than the records reads only the fields its code knows; ``--fit-to OLD`` gives
every checkout the records as OLD's code knows them, so that each loads the same facts); without it the records come from ``tests.support.synthetic`` (seed 1). Each ``--code
DIR`` runs the same load with the govkg code of that checkout, one after the other, each in a fresh
process and a fresh server, and prints one row per checkout (a side-by-side measurement in one run).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import time
import typing
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def _cpu(pid: int | None) -> float:
    """CPU seconds (user + system) of process ``pid`` so far (Linux; 0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _known(model: Any, value: Any) -> Any:
    """``value`` without the fields pydantic ``model`` does not know, at any depth: the record as an
    older checkout's code reads it (the contract is extended, never renamed, so what is left is what
    that code loaded)."""
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        field = model.model_fields.get(key)
        if field is None:
            continue
        sub = _model_in(field.annotation)
        out[key] = ([_known(sub, x) for x in item] if isinstance(item, list) else _known(sub, item)) if sub else item
    return out


def _model_in(annotation: Any) -> Any:
    """The pydantic model an annotation holds (``list[PlaceRec]``, ``DocumentMeta | None``), or None."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _record(model: Any, line: str) -> Any:
    """One record of ``govkg extract`` for the code on sys.path: read as that code reads it, or, where
    that code is older than the record (fields it forbids), with only the fields it knows."""
    try:
        return model.from_json_line(line)
    except ValueError:                      # pydantic's ValidationError is a ValueError
        return model.model_validate(_known(model, json.loads(line)))


def _load(args: argparse.Namespace) -> dict:
    """Run the load with the code on sys.path; the figures as a dict."""
    from graph.falkordb_server import FalkorServer
    from graph.falkordb_store import FalkorStore

    t = time.perf_counter()
    if args.records:
        from loaders.record import ExtractionRecord

        with open(args.records, encoding="utf-8") as fh:
            records = [_record(ExtractionRecord, line) for line in itertools.islice(fh, args.docs)]
    else:
        try:
            from tests.support.synthetic import synthetic_records
        except ImportError:                 # GOVKG_BENCH_CODE from before tests/support/
            from graph.synthetic import synthetic_records

        records = list(synthetic_records(args.docs, seed=1))
    read_s = time.perf_counter() - t
    with FalkorServer() as server:
        store = FalkorStore(server.host, server.port, "bench", password=server.password)
        # the private server's graph is this store's alone (older code ignores it), as a `govkg build` into an
        # empty graph that holds its write lock alone; --shared: the store is not told so, as a build beside
        # other writers or into a graph holding documents, and takes the general path
        store.exclusive = not args.shared
        store.init_schema()
        if args.batch:                      # documents per batch of statements
            if hasattr(store, "chunk_docs"):
                store.load_batch = store.load_batch // store.chunk_docs * args.batch
                store.chunk_docs = args.batch
            else:                           # before batches and calls were told apart
                store.load_batch = args.batch
        step = store.load_batch            # records per load_records call, as `govkg build` hands them
        pid = server.proc.pid if server.proc is not None else None
        marks = [0.0]
        work = [0.0]                        # client + server CPU seconds at each thousand
        started = time.perf_counter()
        cpu0 = time.process_time()
        server0 = _cpu(pid)
        i = 0
        while i < len(records):
            done = min(i + step, (i // 1000 + 1) * 1000, len(records))   # calls end at each thousand
            store.load_records(records[i:done])
            i = done
            if done % 1000 == 0 or done == len(records):
                marks.append(time.perf_counter() - started)
                work.append(time.process_time() - cpu0 + _cpu(pid) - server0)
        seconds = time.perf_counter() - started
        client_cpu = time.process_time() - cpu0
        server_cpu = _cpu(pid) - server0
        stats = store.stats()
        docs = len(store.documents())
        store.close()
    nodes, rels = sum(stats["nodes"].values()), sum(stats["relationships"].values())
    per_k = [b - a for a, b in itertools.pairwise(marks)]
    work_k = [b - a for a, b in itertools.pairwise(work)]
    return {"code": str(HERE), "documents": docs, "nodes": nodes, "relationships": rels,
            "batch": getattr(store, "chunk_docs", store.load_batch), "seconds": round(seconds, 2), "rows_per_s": round((nodes + rels) / seconds),
            "docs_per_s": round(docs / seconds, 1), "first_1000_s": round(per_k[0], 2),
            "last_1000_s": round(per_k[-1], 2), "client_cpu_s": round(client_cpu, 1),
            "server_cpu_s": round(server_cpu, 1), "cpu_first_1000_s": round(work_k[0], 1),
            "cpu_last_1000_s": round(work_k[-1], 1), "rows_per_cpu_s": round((nodes + rels) / (client_cpu + server_cpu)),
            "read_s": round(read_s, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--records", type=Path, default=None, help="records from `govkg extract` (the first --docs)")
    ap.add_argument("--batch", type=int, default=None, help="documents per batch of statements (default: the store's)")
    ap.add_argument("--code", type=Path, action="append", default=[],
                    help="a govkg checkout to measure (repeatable; default: this one)")
    ap.add_argument("--fit-to", type=Path, default=None,
                    help="load, with every checkout, the records with only the fields this checkout's code knows")
    ap.add_argument("--shared", action="store_true",
                    help="load as `govkg build` does: the store not marked as holding its graph alone (general path)")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)    # one run, figures as JSON
    ap.add_argument("--fit-out", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.json:
        print(json.dumps(_load(args)))
        return 0
    if args.fit_out:                        # the code on sys.path is --fit-to's
        from loaders.record import ExtractionRecord

        with open(args.records, encoding="utf-8") as fh, open(args.fit_out, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(_known(ExtractionRecord, json.loads(line)), ensure_ascii=False) + "\n"
                           for line in itertools.islice(fh, args.docs))
        return 0
    if args.fit_to and args.records:
        import tempfile

        fitted = Path(tempfile.mkdtemp(prefix="govkg-fit-")) / "records.jsonl"
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--fit-out", str(fitted), "--records",
                        str(args.records), "--docs", str(args.docs)], check=True,
                       env=dict(os.environ, GOVKG_BENCH_CODE=str(Path(args.fit_to).resolve())))
        args.records = fitted
    rows = []
    for code in args.code or [HERE]:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--json", "--docs", str(args.docs)]
        cmd += ["--records", str(args.records)] if args.records else []
        cmd += ["--batch", str(args.batch)] if args.batch else []
        cmd += ["--shared"] if args.shared else []
        env = dict(os.environ, GOVKG_BENCH_CODE=str(Path(code).resolve()))
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{code}: failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}",
                  file=sys.stderr)
            return 1
        row = json.loads(out.stdout.strip().splitlines()[-1])
        row["code"] = str(code)
        rows.append(row)
        print(f"{code}: {row}", file=sys.stderr, flush=True)
    print("| code | documents | nodes | relationships | batch | load s | rows/s | docs/s | first 1,000 s "
          "| last 1,000 s | last/first | client CPU s | server CPU s | rows per CPU s "
          "| CPU s first / last 1,000 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r['code']} | {r['documents']:,} | {r['nodes']:,} | {r['relationships']:,} | {r['batch']} "
              f"| {r['seconds']:.1f} | {r['rows_per_s']:,} | {r['docs_per_s']} | {r['first_1000_s']:.1f} "
              f"| {r['last_1000_s']:.1f} | {r['last_1000_s'] / r['first_1000_s']:.2f} | {r['client_cpu_s']} "
              f"| {r['server_cpu_s']} | {r['rows_per_cpu_s']:,} | {r['cpu_first_1000_s']} / {r['cpu_last_1000_s']} |")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nload average at the end (1 / 5 / 15 min): {load}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.environ.get("GOVKG_BENCH_CODE") or str(HERE))
    raise SystemExit(main())
