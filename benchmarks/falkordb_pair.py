"""FalkorDB's fresh-load path against the general one, paired: the same batches of records loaded into
two graphs of one private server — one store holding its graph alone (``exclusive``: the fresh-load
path of graph/fresh_load.py), one not — each batch into both, alternately first, so the machine's
load falls on both alike. Prints the server's and the client's CPU seconds per batch and in all, the
counts, and whether both graphs export the same rows (and, with ``--embedded``, the rows of the
embedded store loading the records one by one).

    .venv/bin/python benchmarks/falkordb_pair.py --records /tmp/rec2k.jsonl --docs 800 --embedded
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    from benchmarks.falkordb_load import _cpu
    from graph.falkordb_server import FalkorServer
    from graph.falkordb_store import FalkorStore
    from loaders.record import ExtractionRecord

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=Path, required=True, help="records from `govkg extract` (the first --docs)")
    ap.add_argument("--docs", type=int, default=800)
    ap.add_argument("--batch", type=int, default=200, help="documents per load_records call")
    ap.add_argument("--embedded", action="store_true",
                    help="also compare both graphs with the embedded store loading the records one by one")
    args = ap.parse_args(argv)
    with open(args.records, encoding="utf-8") as fh:
        recs = [ExtractionRecord.from_json_line(line) for line in itertools.islice(fh, args.docs)]
    with FalkorServer() as server:
        pid = server.proc.pid if server.proc is not None else None
        stores = {name: FalkorStore(server.host, server.port, name, password=server.password, exclusive=alone)
                  for name, alone in (("general", False), ("fresh", True))}
        total = {name: [0.0, 0.0] for name in stores}
        for store in stores.values():
            store.init_schema()
        for j, at in enumerate(range(0, len(recs), args.batch)):
            line = []
            for name in list(stores)[::1 if j % 2 == 0 else -1]:
                server0, client0 = _cpu(pid), time.process_time()
                stores[name].load_records(recs[at:at + args.batch])
                server_s, client_s = _cpu(pid) - server0, time.process_time() - client0
                total[name][0] += server_s
                total[name][1] += client_s
                line.append(f"{name} server {server_s:.2f} s client {client_s:.2f} s")
            print(f"documents {at}-{at + args.batch - 1}: " + " | ".join(line), flush=True)
        for name, store in stores.items():
            stats = store.stats()
            print(f"{name}: server CPU {total[name][0]:.1f} s, client CPU {total[name][1]:.1f} s, "
                  f"{sum(stats['nodes'].values()):,} nodes, {sum(stats['relationships'].values()):,} relationships")
        rows = [store.export_rows() for store in stores.values()]
        print("same rows in both:", _same(rows[0], rows[1]))
        if args.embedded:
            alone = _loaded_alone(recs)
            print("same rows as the embedded store loading them one by one: "
                  + ", ".join(f"{name} {_same(r, alone)}" for name, r in zip(stores, rows, strict=True)))
        for store in stores.values():
            store.close()
    print("load average at the end (1 / 5 / 15 min): " + " / ".join(f"{x:.1f}" for x in os.getloadavg()))
    return 0


def _loaded_alone(recs: list) -> tuple[list[dict], list[dict]]:
    """The rows of an in-memory embedded store loading ``recs`` one at a time (the reference)."""
    from graph.sqlite_store import SQLiteStore

    store = SQLiteStore()
    store.init_schema()
    for rec in recs:
        store.load_record(rec)
    rows = store.export_rows()
    store.close()
    return rows


def _same(a: tuple[list[dict], list[dict]], b: tuple[list[dict], list[dict]]) -> bool:
    return all(_canon(x) == _canon(y) for x, y in zip(a, b, strict=True))


def _canon(rows: list[dict]) -> list[str]:
    """Rows comparable across graphs: properties sorted, evidence entries (the ``ev_*`` lists, whose
    order follows the graph's storage) sorted as entries."""
    out = []
    for row in rows:
        props = row["props"]
        ev = sorted(zip(*(props.get(k, []) for k in ("ev_doc", "ev_start", "ev_end", "ev_quote")), strict=True))
        rest = sorted((k, v) for k, v in props.items() if not k.startswith("ev_"))
        out.append(repr((sorted((k, v) for k, v in row.items() if k != "props"), rest, ev)))
    return sorted(out)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main())
