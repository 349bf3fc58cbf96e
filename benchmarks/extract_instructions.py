"""Machine instructions per character of extraction, counted by valgrind (callgrind).

On a machine shared with other jobs, seconds (wall or CPU) move by ±15 % with the load; the number of
instructions a run executes does not (two runs of the same code agree to 0.05 %). This script
generates the synthetic corpus (``govkg synth``, seed 1), normalizes the first ``--chars``
characters' worth of documents, warms the caches on two of them, and counts under callgrind only
the instructions spent extracting the documents (collection is switched on inside one
``functools.reduce`` call that runs the loop). With ``--from-file`` the counted loop also reads and
normalizes each file (file to record, as a worker does). ``--corpus DIR`` counts over the files of a
folder instead (``data/corpus``: real documents, most of them excerpts of ~700 characters, where the
fixed cost per document weighs more). Compare two checkouts by running it in each.

usage: python benchmarks/extract_instructions.py [--chars 200000] [--repo DIR] [--from-file] [--corpus DIR] [--as-worker]
(needs ``valgrind``; about 1–2 minutes on an idle core, most of it the warm-up under valgrind)
"""
from __future__ import annotations

import argparse
import functools
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _child(repo: Path, corpus: Path, limit: int, from_file: bool = False, as_worker: bool = False) -> None:
    """Runs under valgrind: extract documents of ``corpus`` up to ``limit`` characters (read and
    normalized inside the counted loop with ``from_file``; with ``as_worker``, under the garbage
    collector's settings a worker process takes after its warm-up, where the checkout has them)."""
    sys.path.insert(0, str(repo))
    from loaders.extract.pipeline import extract_text
    from loaders.read.files import iter_paths, read_document
    from loaders.read.normalize import normalize_text

    texts: list[str] = []
    paths: list[Path] = []
    chars = 0
    for path in iter_paths([corpus]):
        text = normalize_text(read_document(path).text)
        texts.append(text)
        paths.append(path)
        chars += len(text)
        if chars > limit:
            break
    for text in texts[:2]:  # dictionaries, gazetteer, taxonomy, compiled patterns
        extract_text(text + "\n", "warm-up").to_json_line()
    if as_worker:
        import loaders.workers

        settle = getattr(loaders.workers, "settle_collector", None)
        if settle is not None:
            settle()
        print(f"as_worker={settle is not None}")

    def step(done: int, text: str) -> int:
        extract_text(text, "bench").to_json_line()
        return done + len(text)

    def step_from_file(done: int, path: Path) -> int:
        text = normalize_text(read_document(path).text)
        extract_text(text, "bench").to_json_line()
        return done + len(text)

    if from_file:
        functools.reduce(step_from_file, paths, 0)  # callgrind counts only inside this call
    else:
        functools.reduce(step, texts, 0)
    print(f"chars={chars} documents={len(texts)}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chars", type=int, default=200_000, help="characters of documents to extract (default 200000)")
    ap.add_argument("--repo", type=Path, default=REPO, help="checkout whose loaders/ is measured (default: this one)")
    ap.add_argument("--from-file", action="store_true",
                    help="count reading and normalizing each file too (file to record)")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="extract the files of this folder (up to --chars) instead of generated documents")
    ap.add_argument("--as-worker", action="store_true",
                    help="after the warm-up, take the garbage collector's settings of a worker process "
                         "(loaders.workers.settle_collector), where the checkout has them")
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "LIMIT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.repo.resolve(), Path(args.child[0]), int(args.child[1]), args.from_file, args.as_worker)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind); it counts the instructions", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    from loaders.synth import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus.resolve() if args.corpus else Path(tmp) / "corpus"
        if args.corpus is None:
            write_corpus(str(corpus), max(10, args.chars // 2000), seed=1)
        out = Path(tmp) / "callgrind.out"
        cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
               f"--callgrind-out-file={out}", sys.executable, str(Path(__file__).resolve()),
               "--repo", str(args.repo), "--child", str(corpus), str(args.chars),
               *(["--from-file"] if args.from_file else []), *(["--as-worker"] if args.as_worker else [])]
        run = subprocess.run(cmd, capture_output=True, text=True, check=False)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    done = re.search(r"chars=(\d+) documents=(\d+)", run.stdout)
    if run.returncode != 0 or refs is None or done is None:
        print(f"the run under valgrind failed (exit {run.returncode}): {run.stderr.strip()[-400:]}", file=sys.stderr)
        return 1
    instructions, chars = int(refs.group(1).replace(",", "")), int(done.group(1))
    what = "file to record" if args.from_file else "extraction"
    if args.as_worker:
        what += ", worker's collector settings" if "as_worker=True" in run.stdout else ", no worker collector settings in that checkout"
    print(f"{args.repo}: {instructions:,} instructions ({what}) for {chars:,} chars in {done.group(2)} "
          f"documents = {instructions / chars:,.0f} per char")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
