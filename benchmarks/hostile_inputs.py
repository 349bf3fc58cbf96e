"""Hostile inputs: how long each takes to be refused (or read), and the largest worker process.

Builds each hostile file in a temporary folder (the builders of tests/reliability/hostile.py), then
runs it through ``extract_paths`` — the path of ``govkg extract``, ``govkg build`` and the explorer's
import page — with the default limits (GOVKG_MAX_EXTRACT_MB 2048, GOVKG_EXTRACT_TIMEOUT_S 120) unless
given. Each case runs in a fresh subprocess so that peak memory (largest worker process, from
resource.getrusage of the children) belongs to that case alone.

usage: python benchmarks/hostile_inputs.py [--memory-mb 2048] [--timeout 120] [--cases a,b] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SLOW_TEXT = "咸宁市民政局\n" + "推行“社区治理创新模式”，建立“议事协商”机制。" * 40_000


def _build(case: str, folder: Path) -> tuple[Path, str]:
    """The hostile file for ``case`` and what it is."""
    import zipfile

    sys.path.insert(0, str(REPO))
    from tests.reliability.hostile import MB, docx_bomb, pdf_bomb

    if case == "docx-understated":
        return docx_bomb(folder / "u.docx", 500, claimed_size=4096), ".docx, 500 MB of XML whose headers say 4 KB"
    if case == "docx-109":
        packed = docx_bomb(folder / "probe.docx", 190).stat().st_size
        path = docx_bomb(folder / "r.docx", 190, padding=int(190 * MB / 109) - packed)
        return path, f".docx, 190 MB of XML + random padding, {path.stat().st_size / MB:.2f} MB (109:1)"
    if case == "docx-lzma":
        return docx_bomb(folder / "l.docx", 1, method=zipfile.ZIP_LZMA), ".docx with an LZMA-compressed part"
    if case == "pdf-4gb":
        return pdf_bomb(folder / "b.pdf", 4096), "PDF whose content stream inflates to 4 GB"
    if case == "html-deep":
        depth = 100_000
        path = folder / "deep.html"
        path.write_text("<html><body><p>前言。</p>" + "<div>" * depth + "<p>正文：推行网格化管理。</p>"
                        + "</div>" * depth + "<p>结尾：建立居民议事会。</p></body></html>", encoding="utf-8")
        return path, "HTML nested 100,000 levels deep"
    if case == "txt-slow":
        path = folder / "slow.txt"
        path.write_text(SLOW_TEXT, encoding="utf-8")
        return path, f"text of {len(SLOW_TEXT):,} characters, 80,000 quoted phrases (time limit 1 s)"
    if case == "symlink-out":
        outside = folder / "outside"
        outside.mkdir()
        (outside / "secret.txt").write_text("机密。\n", encoding="utf-8")
        inside = folder / "in"
        inside.mkdir()
        os.symlink(outside / "secret.txt", inside / "passwd.txt")
        return inside, "folder holding a link to a file outside it"
    raise SystemExit(f"unknown case {case!r}")


CASES = ("docx-understated", "docx-109", "docx-lzma", "pdf-4gb", "html-deep", "txt-slow", "symlink-out")


def _run(case: str, memory_mb: int, timeout_s: float) -> dict:
    """One case in this process (called in a fresh subprocess by main)."""
    import resource

    sys.path.insert(0, str(REPO))
    from loaders.batch import extract_paths

    with tempfile.TemporaryDirectory(prefix="govkg-hostile-") as tmp:
        path, what = _build(case, Path(tmp))
        size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()))
        started = time.perf_counter()
        results = list(extract_paths([path], memory_mb=memory_mb, timeout_s=1.0 if case == "txt-slow" else timeout_s))
        seconds = time.perf_counter() - started
    (result,) = results
    return {"case": case, "input": what, "bytes": size, "seconds": round(seconds, 2),
            "outcome": "read" if result.ok else (result.error or "").split(": ", 1)[-1][:110],
            "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            "parent_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--json", default=None, help="write the rows here too")
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_run(args.one, args.memory_mb, args.timeout), ensure_ascii=False))
        return
    print(f"load average {os.getloadavg()[0]:.1f}; memory limit {args.memory_mb} MB, time limit {args.timeout:g} s")
    rows = []
    for case in args.cases.split(","):
        proc = subprocess.run([sys.executable, __file__, "--one", case, "--memory-mb", str(args.memory_mb),
                               "--timeout", str(args.timeout)], capture_output=True, text=True, check=True, cwd=REPO)
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{row['case']:<17} {row['seconds']:>7.2f} s  worker {row['worker_peak_mb']:>5} MB  "
              f"{row['input']}: {row['outcome']}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
