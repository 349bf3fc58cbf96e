"""List the misses and the extras of one list field (agencies, places) against the annotated sets.

Records are made as ``govkg extract`` makes them and matched to gold with ``score.py``'s own greedy
one-to-one matching, so every line printed is one point of the F1 that ``score_extraction.py`` reports.

usage: python benchmarks/field_misses.py [agencies|places] [SET ...]  (default: every tuning set; a held-out set is refused)
Each line: set, document stem, ``MISS`` (gold, not found) or ``EXTRA`` (found, not gold), the name and,
for an extra, the text around its first mention.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.score_extraction import SCORER, SETS, tuning_sets

KIND = {"agencies": "agency", "places": "place"}


def _scorer():
    """score.py loaded as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def field_misses(field: str, texts: Path, gold: Path) -> list[tuple[str, str, str, str]]:
    """(stem, MISS|EXTRA, name, context) for every unmatched gold or record entry of ``field``."""
    from loaders import extract_file

    score = _scorer()
    out = []
    for gpath in sorted(gold.glob("*.json")):
        g = json.loads(gpath.read_text(encoding="utf-8"))
        tpath = texts / (gpath.stem + ".txt")
        if field not in g or not tpath.exists():
            continue
        text = tpath.read_text(encoding="utf-8")
        rec = json.loads(extract_file(tpath).to_json_line())
        gnames = [x["name"] for x in g[field]]
        preds = rec.get(field, [])
        pairs, *_ = score.match(gnames, [p.get("name") for p in preds], KIND[field])
        gdone, pdone = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, entry in enumerate(g[field]):
            if gi not in gdone:
                out.append((gpath.stem, "MISS", entry["name"], entry.get("as_written", "")))
        for pi, p in enumerate(preds):
            if pi not in pdone:
                ms = p.get("mentions") or []
                ctx = text[max(0, ms[0]["start"] - 12):ms[0]["end"] + 8].replace("\n", " ") if ms else ""
                out.append((gpath.stem, "EXTRA", p.get("name") or "", ctx))
    return out


def main(argv: list[str]) -> int:
    field = argv[0] if argv and argv[0] in KIND else "agencies"
    try:
        names = tuning_sets([a for a in argv if a not in KIND])
    except ValueError as exc:
        print(f"field_misses.py: {exc}", file=sys.stderr)
        return 2
    for name in names:
        texts, gold = SETS[name]
        for stem, what, entry, ctx in field_misses(field, texts, gold):
            print(f"{name}\t{stem}\t{what}\t{entry}\t{ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
