"""Memory use of the embedded (networkx) store against the number of documents: resident memory
after loading (and the peak, which includes saving), size of the persisted file, and the time to open it again.

    .venv/bin/python benchmarks/memory_store.py --sizes 500,1000,2000,5000
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {root!r})
from graph.memory_store import MemoryStore, graph_path
from graph.synthetic import synthetic_records
n = int(sys.argv[1])
def rss_kb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 1024
base = rss_kb()
with tempfile.TemporaryDirectory() as home:
    store = MemoryStore.open(Path(home)); store.init_schema()
    t = time.perf_counter()
    with store.batch():
        for rec in synthetic_records(n, seed=2):
            store.load_record(rec)
    load = time.perf_counter() - t
    import gc; gc.collect()
    now = rss_kb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = graph_path(Path(home)).stat().st_size
    t = time.perf_counter(); MemoryStore.open(Path(home)); reopen = time.perf_counter() - t
    g = store.graph
    print(json.dumps({{"docs": n, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                      "rss_mb": (now - base) / 1024, "peak_mb": (peak - base) / 1024, "file_mb": size / 2**20,
                      "open_s": reopen, "load_s": load}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="500,1000,2000,5000")
    args = ap.parse_args()
    print("docs  nodes   edges    RSS growth MB  KB/doc  peak MB  file MB  load s  open s")
    for n in args.sizes.split(","):
        out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), n], capture_output=True,
                             text=True, check=True).stdout.strip().splitlines()[-1]
        r = json.loads(out)
        print(f"{r['docs']:5d} {r['nodes']:7d} {r['edges']:7d} {r['rss_mb']:12.0f} "
              f"{r['rss_mb'] * 1024 / r['docs']:7.1f} {r['peak_mb']:8.0f} {r['file_mb']:8.1f} "
              f"{r['load_s']:7.1f} {r['open_s']:7.2f}", flush=True)


if __name__ == "__main__":
    main()
