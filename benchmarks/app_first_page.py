"""How long the explorer takes to show its first page on the bundled corpus once the graph exists.

Measures, in headless Chromium (Debian chromium): (1) cold — server start + first request until the
總览 page has finished rendering; (2) warm — a fresh browser tab on the running server (the store and
query results are cached); (3) AppTest run time of the first page in-process.

    .venv/bin/python benchmarks/app_first_page.py [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.runtime import ensure_graph, open_configured_store
from app.server import CHROMIUM, CHROMIUM_ARGS, running_app, wait_until_rendered


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="govkg_bench_"))
    os.environ.update(GOVKG_HOME=str(home), GOVKG_STORE="memory")
    t = time.perf_counter()
    ensure_graph(open_configured_store())
    print(f"graph built (not timed below): {time.perf_counter() - t:.2f}s")

    from playwright.sync_api import sync_playwright

    cold, warm = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for _ in range(args.runs):
            t0 = time.perf_counter()
            with running_app() as url:
                page = browser.new_page()
                page.goto(url)
                wait_until_rendered(page)
                cold.append(time.perf_counter() - t0 - 0.3)      # minus the paint settle in wait_until_rendered
                page.close()
                for _ in range(3):
                    page = browser.new_page()
                    t1 = time.perf_counter()
                    page.goto(url)
                    wait_until_rendered(page)
                    warm.append(time.perf_counter() - t1 - 0.3)
                    page.close()
        browser.close()

    from streamlit.testing.v1 import AppTest

    at_times = []
    for _ in range(args.runs):
        at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "streamlit_app.py"), default_timeout=60)
        t2 = time.perf_counter()
        at.run()
        at_times.append(time.perf_counter() - t2)
        assert not at.exception

    def fmt(xs: list[float]) -> str:
        return f"median {statistics.median(xs):.2f}s  min {min(xs):.2f}s  max {max(xs):.2f}s  (n={len(xs)})"

    print(f"cold: server start + first page rendered  {fmt(cold)}")
    print(f"warm: new tab, first page rendered        {fmt(warm)}")
    print(f"AppTest run of the first page             {fmt(at_times)}")


if __name__ == "__main__":
    main()
