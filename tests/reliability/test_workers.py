"""The extraction workers (loaders/workers.py) never outlive the command that started them: after
``kill -9`` of ``govkg extract --workers 2`` mid-run, every worker is gone within seconds (issue 13
item 7 — the pool they replaced left two workers blocked on their pipes forever)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.timeout(180)
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("command", ["extract", "build"])
def test_kill_9_of_the_command_leaves_no_worker(tmp_path, corpus_paths, command):
    """``build`` also starts the process that turns records into deltas (graph/delta_pool.py)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(400):   # several seconds of work for two workers however fast the machine
        (folder / f"{i:03d}.txt").write_bytes(corpus_paths[i % 5].read_bytes())
    args = ["--out", str(tmp_path / "out.jsonl"), "-q"] if command == "extract" else ["--quiet"]
    proc = subprocess.Popen([sys.executable, "-c", "from govkg.cli import main; main()", command, str(folder),
                             *args, "--workers", "2"],
                            cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO), GOVKG_HOME=str(tmp_path / "home")),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the command did not start two workers"   # (spawn adds a resource tracker)
    time.sleep(1.0)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers {left} outlived their command"


def test_worker_settles_the_collector_after_its_warm_up() -> None:
    """A worker freezes what its warm-up loaded and waits for 10,000 new objects between young
    collections (docs/extraction.md#speed); run in a process of its own, as a worker is."""
    code = ("import gc; from loaders.workers import settle_collector; before = gc.get_threshold(); "
            "settle_collector(); print(before[0], gc.get_threshold()[0], gc.get_threshold()[1:] == before[1:], "
            "gc.get_freeze_count() > 0)")
    out = subprocess.run([sys.executable, "-c", code], check=False, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["700", "10000", "True", "True"], out.stderr
