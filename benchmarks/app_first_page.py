"""How long the explorer takes to show its first page (总览) on the bundled corpus once the graph exists.

Headless Debian Chromium via Playwright, a real ``streamlit run`` server (tests.support.app_server.running_app).
"Rendered" means: the app reports its script state ``notRunning``, no skeleton and no running
indicator is left, and the page title (h1) is in the main block — measured from ``page.goto`` (or,
for cold, from spawning the server) with no settle delay added. Scenarios:

- cold: spawn the server, then a fresh browser context opens the root URL;
- warm, first visit: the running server, a fresh browser context (no HTTP cache: Streamlit's
  JavaScript is downloaded and compiled again) — what a new user sees;
- warm, revisit: the running server, a new tab in a context that has opened the app before
  (browser cache warm) — what a returning user sees;
- AppTest: the first page's script run in-process (server-side time only, caches warm after the first).

Phases printed for warm runs: load (the HTML and Streamlit's JavaScript), title (h1 painted),
script done (notRunning), rendered. The load average is printed before and after: other jobs on the
machine inflate every figure.

    .venv/bin/python benchmarks/app_first_page.py [--runs 5]

With ``--baseline DIR`` (another checkout, e.g. ``git archive <commit> | tar -x -C DIR``) it instead
runs both apps side by side on the same graph and alternates fresh-context visits between them, so
both see the same machine load:

    .venv/bin/python benchmarks/app_first_page.py --baseline /tmp/old --runs 12
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.runtime import ensure_graph, open_configured_store
from tests.support.app_server import CHROMIUM, CHROMIUM_ARGS, free_port, running_app

REPO = Path(__file__).resolve().parent.parent
SCRIPT_DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
RENDERED = ("() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
            " && !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]')"
            " && document.querySelector('[data-testid=\"stMainBlockContainer\"] h1')")


def open_first_page(page, url: str, t0: float | None = None) -> dict[str, float]:
    """Seconds from ``t0`` (default: now) to each phase of showing the first page."""
    t0 = time.perf_counter() if t0 is None else t0
    page.goto(url)
    out = {"load": time.perf_counter() - t0}
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=60000)
    out["title"] = time.perf_counter() - t0
    page.wait_for_selector(SCRIPT_DONE, timeout=60000)
    out["script done"] = time.perf_counter() - t0
    page.wait_for_function(RENDERED, timeout=60000, polling=20)
    out["rendered"] = time.perf_counter() - t0
    return out


def fmt(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.2f}s  min {min(xs):.2f}s  max {max(xs):.2f}s  (n={len(xs)})"


def _serve(root: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(root / "streamlit_app.py"),
                             "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
                             "--browser.gatherUsageStats", "false"], cwd=str(root),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"{root}: streamlit did not start")


def compare(baseline: Path, runs: int) -> None:
    """Warm first visits, alternating between the baseline checkout's app and this one."""
    from playwright.sync_api import sync_playwright

    servers = {"baseline": _serve(baseline), "this": _serve(REPO)}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in servers}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for i in range(runs + 1):
                for name in (("baseline", "this") if i % 2 else ("this", "baseline")):
                    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
                    phases = open_first_page(ctx.new_page(), servers[name][1])
                    ctx.close()
                    if i:           # round 0 warms each server's imports and caches
                        results[name].append(phases)
            browser.close()
    finally:
        for proc, _url in servers.values():
            proc.terminate()
            proc.wait()
    for name, rs in results.items():
        print(f"{name:<9} warm, first visit  {fmt([r['rendered'] for r in rs])}")
        print("    phases (median): " + "  ".join(f"{k} {statistics.median(r[k] for r in rs):.2f}s" for k in rs[0]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5, help="server starts; each is followed by 3 warm visits of each kind")
    ap.add_argument("--baseline", type=Path, help="another checkout to compare with (interleaved warm visits)")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="govkg_bench_"))
    os.environ.update(GOVKG_HOME=str(home), GOVKG_STORE="embedded")
    t = time.perf_counter()
    ensure_graph(open_configured_store())
    print(f"graph built (not timed below): {time.perf_counter() - t:.2f}s")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  ({os.cpu_count()} CPUs)")
    if args.baseline:
        compare(args.baseline.resolve(), args.runs)
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return

    from playwright.sync_api import sync_playwright

    cold: list[float] = []
    first: list[dict[str, float]] = []
    again: list[dict[str, float]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for _ in range(args.runs):
            t0 = time.perf_counter()
            with running_app() as url:
                ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
                cold.append(open_first_page(ctx.new_page(), url, t0)["rendered"])
                for _ in range(3):
                    fresh = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
                    first.append(open_first_page(fresh.new_page(), url))
                    fresh.close()
                    tab = ctx.new_page()
                    again.append(open_first_page(tab, url))
                    tab.close()
                ctx.close()
        browser.close()

    from streamlit.testing.v1 import AppTest

    at_times = []
    for _ in range(args.runs):
        at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
        t2 = time.perf_counter()
        at.run()
        at_times.append(time.perf_counter() - t2)
        assert not at.exception

    print(f"cold: server start + first page rendered   {fmt(cold)}")
    for name, runs in (("warm, first visit (fresh context)", first), ("warm, revisit (cached context)", again)):
        print(f"{name:<34}         {fmt([r['rendered'] for r in runs])}")
        print("    phases (median): " + "  ".join(f"{k} {statistics.median(r[k] for r in runs):.2f}s"
                                                   for k in runs[0]))
    print(f"AppTest run of the first page (server-side) {fmt(at_times)}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
