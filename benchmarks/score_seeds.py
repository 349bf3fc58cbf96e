"""Extract the bundled corpus and score it against shared/reference (developer check), end to end
from file to record exactly as `govkg extract` does.

usage: python benchmarks/score_seeds.py [--json OUT]
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO.parent / "shared" / "reference" / "seeds-gold"
SCORER = REPO.parent / "shared" / "reference" / "score.py"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    from loaders import extract_file

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for path in sorted((REPO / "data" / "corpus").glob("*.txt")):
            out.write(extract_file(path).to_json_line() + "\n")
    return subprocess.call([sys.executable, str(SCORER), out.name, str(GOLD), *argv[1:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
