"""Are two checkouts' extraction records byte-identical? (the check every speed change must pass)

Writes, for one checkout, the SHA-256 of each record's JSON line (``extract_file``, as ``govkg extract``
makes it) over ``data/corpus`` (with its excerpts), ``../shared/reference/dev/texts``, every
``data/reference/*/texts`` folder and ``--synth`` generated documents (``govkg synth``, seed 1); with
``--against`` it compares with another such list and names the files whose records differ. Only
hashes are written or shown, never a record or a text: the held-out sets are compared by bytes only.

``--skip-held-out`` leaves out the folders that hold a ``HELD_OUT`` file (for a session whose rules forbid
reading them at all).

usage: python benchmarks/records_identical.py --out HASHES [--repo DIR] [--synth 400] [--skip-held-out]
                                              [--against OTHER_HASHES]
  e.g.  python benchmarks/records_identical.py --repo ../main --out /tmp/main.sha
        python benchmarks/records_identical.py --out /tmp/this.sha --against /tmp/main.sha
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _folders(repo: Path, skip_held_out: bool = False) -> list[tuple[str, Path]]:
    """(label, folder) of every text folder the check covers, in a fixed order."""
    shared = repo.parent / "shared" / "reference"
    folders = [("corpus", repo / "data" / "corpus"), ("dev", shared / "dev" / "texts")]
    folders += [(f.name, f / "texts") for f in sorted((repo / "data" / "reference").glob("*/")) if (f / "texts").is_dir()
                and not (skip_held_out and (f / "HELD_OUT").exists())]
    return folders


def _child(repo: Path, out: Path, synth: int, skip_held_out: bool = False) -> None:
    """Runs with ``repo``'s loaders first on the path: hash every record into ``out``."""
    sys.path.insert(0, str(repo))
    import loaders
    from loaders.synth import write_corpus

    if Path(loaders.__file__).resolve().parent != (repo / "loaders").resolve():
        raise SystemExit(f"loaders imported from {loaders.__file__}, not {repo}")
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folders = _folders(repo, skip_held_out)
        if synth:
            write_corpus(str(Path(tmp) / "synth"), synth, seed=1, source=str(repo / "data" / "corpus"))
            folders.append(("synth", Path(tmp) / "synth"))
        for label, folder in folders:
            os.chdir(folder)  # the record's source is the path as given: the same in every checkout
            for path in loaders.iter_paths([folder]):
                line = loaders.extract_file(path.relative_to(folder)).to_json_line()
                digest = hashlib.sha256(line.encode("utf-8")).hexdigest()
                lines.append(f"{label}/{path.relative_to(folder)}\t{digest}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _compare(mine: Path, other: Path) -> int:
    a = dict(line.split("\t") for line in mine.read_text(encoding="utf-8").splitlines())
    b = dict(line.split("\t") for line in other.read_text(encoding="utf-8").splitlines())
    differ = sorted(k for k in a.keys() & b.keys() if a[k] != b[k])
    only = sorted(a.keys() ^ b.keys())
    for key in differ:
        print(f"differs: {key}")
    for key in only:
        print(f"in one list only: {key}")
    print(f"{len(a.keys() & b.keys())} records compared, {len(differ)} differ, {len(only)} in one list only")
    return 1 if differ or only else 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="where to write the hashes")
    ap.add_argument("--repo", type=Path, default=REPO, help="checkout whose loaders/ extracts (default: this one)")
    ap.add_argument("--synth", type=int, default=400, help="generated documents to add (default 400)")
    ap.add_argument("--against", type=Path, help="hashes of another checkout to compare with")
    ap.add_argument("--skip-held-out", action="store_true", help="leave out the folders holding a HELD_OUT file")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.repo.resolve(), args.out, args.synth, args.skip_held_out)
        return 0
    # a fresh interpreter, so that only ``--repo``'s loaders can be imported
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--repo", str(args.repo.resolve()),
           "--out", str(args.out), "--synth", str(args.synth), *(["--skip-held-out"] if args.skip_held_out else [])]
    subprocess.run(cmd, check=True, cwd=args.repo.resolve())
    return _compare(args.out, args.against) if args.against else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
