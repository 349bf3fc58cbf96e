"""Random searches from several clients at once against govkg's own FalkorDB server: how many are
answered, how many fail, and how often the server died and was restarted by its supervisor (FalkorDB
4.16.3 dies now and then while freeing a query's plan: docs/graph.md).

The graph is the one in ``--home`` (``GOVKG_HOME`` of a ``govkg build --store falkordb``); with
``--records`` it is built there first.

usage: python benchmarks/falkordb_search_stress.py --home DIR [--records REC.jsonl] [--clients 3]
       [--seconds 180] [--seed 1]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TERMS = ("社区", "网格", "五社联动", "党建引领 物业", "居民 议事", "志愿服务", "老旧小区改造", "12345", "养老",
         "红色物业", "社会组织", "街道 社区", "民政局")
KINDS = (None, ["NamedModel"], ["Measure", "Policy"], ["Document"], ["Agency", "Practice"])
RESTARTED = "restarting it from the last saved govkg.rdb"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--records", type=Path, help="build these records into --home first")
    ap.add_argument("--clients", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=180.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    os.environ["GOVKG_HOME"] = str(args.home)
    os.environ.pop("FALKORDB_HOST", None)
    sys.path.insert(0, str(REPO))
    from govkg import api
    from govkg.settings import load_settings
    from graph.build import build_records, iter_records
    from graph.falkordb_store import FalkorStore

    first = FalkorStore.open(load_settings())
    try:
        if args.records:
            build_records(iter_records([str(args.records)]), first)
        log = args.home / "falkordb" / "falkordb.log"
        restarts_before = log.read_text(errors="replace").count(RESTARTED)
        times: list[float] = []
        errors: list[str] = []

        def client(i: int) -> None:
            rnd = random.Random(args.seed * 1000 + i)
            store = FalkorStore(first.host, first.port, first.graph_name, server=first.server)
            end = time.monotonic() + args.seconds
            while time.monotonic() < end:
                params: dict[str, object] = {"text": rnd.choice(TERMS), "limit": rnd.choice((5, 10, 20, 50))}
                kinds = rnd.choice(KINDS)
                if kinds:
                    params["kinds"] = kinds
                t = time.perf_counter()
                try:
                    api.query(store, "search", params)
                    times.append(time.perf_counter() - t)
                except Exception as exc:  # noqa: BLE001 - every failure is counted and shown
                    errors.append(f"{params}: {type(exc).__name__}: {str(exc)[:160]}")

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        restarts = log.read_text(errors="replace").count(RESTARTED) - restarts_before
    finally:
        first.close()
    for line in errors[:10]:
        print("error:", line)
    median = statistics.median(times) if times else float("nan")
    print(f"{args.clients} clients, {args.seconds:.0f} s: {len(times)} searches answered, {len(errors)} failed, "
          f"server restarted {restarts} times; median {median:.2f} s, max {max(times, default=float('nan')):.1f} s")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
