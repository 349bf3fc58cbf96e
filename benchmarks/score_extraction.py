"""Score extraction against every annotated set, side by side, end to end from file to record.

Each set is a folder of texts and a folder of gold JSON files (``../shared/reference/seeds-gold/SCHEMA.md``);
records are made exactly as ``govkg extract`` makes them and scored by ``../shared/reference/score.py``.

usage: python benchmarks/score_extraction.py [SET ...] [--gold DIR --texts DIR] [--json OUT]

Sets: ``seeds`` (the five bundled documents), ``dev`` (the 80 dev excerpts of ``../shared/reference/dev``),
every ``data/reference/extra-*`` folder (``extra-w``, ``extra-x`` …, found by name); default: all that exist. ``--gold``/``--texts``
score any other gold folder.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "reference"
SCORER = SHARED / "score.py"

SETS: dict[str, tuple[Path, Path]] = {          # name -> (texts, gold)
    "seeds": (REPO / "data" / "corpus", SHARED / "seeds-gold"),
    "dev": (SHARED / "dev" / "texts", SHARED / "dev" / "gold"),
    **{folder.name: (folder / "texts", folder / "gold")
       for folder in sorted((REPO / "data" / "reference").glob("extra-*")) if folder.is_dir()},
}
# a file of this name in an annotated folder marks it held out: scored, never tuned on (nor trained on)
HELD_OUT_MARK = "HELD_OUT"


def held_out(name: str) -> bool:
    """Whether the set ``name`` is held out (its folder holds a ``HELD_OUT`` file)."""
    return (SETS[name][1].parent / HELD_OUT_MARK).exists()


def tuning_sets(chosen: list[str]) -> list[str]:
    """The sets an error lister may show: ``chosen``, or by default every set but the seeds and the held-out
    ones. A held-out set is refused (listing its errors is tuning on it): ValueError names it."""
    for name in chosen:
        if name not in SETS:
            raise ValueError(f"no annotated set {name!r} (sets: {', '.join(SETS)})")
        if held_out(name):
            raise ValueError(f"{name} is held out ({SETS[name][1].parent / HELD_OUT_MARK}): its errors are not listed; "
                             "score it with benchmarks/score_extraction.py")
    return chosen or [name for name in SETS if name != "seeds" and not held_out(name)]


FIELDS = ("places", "agencies", "policies", "named_models", "named_models.name_only", "named_models.components",
          "learning", "practices", "metrics")


def score_set(texts: Path, gold: Path) -> dict:
    """score.py's JSON summary plus raw counts for the records of ``texts`` that ``gold`` annotates."""
    from loaders import extract_file

    stems = {p.stem for p in gold.glob("*.json")}
    with tempfile.TemporaryDirectory() as tmp:
        records, summary = Path(tmp) / "records.jsonl", Path(tmp) / "score.json"
        with records.open("w", encoding="utf-8") as out:
            for path in sorted(texts.glob("*.txt")):
                if path.stem in stems:
                    rec = extract_file(path)
                    rec.source = str(path)          # score.py matches gold by the source's file stem
                    out.write(rec.to_json_line() + "\n")
        printed = subprocess.run([sys.executable, str(SCORER), str(records), str(gold), "--json", str(summary)],
                                 check=True, capture_output=True, text=True).stdout
        result = json.loads(summary.read_text(encoding="utf-8"))
    result["counts"] = {line.split()[0]: line.split()[-1] for line in printed.splitlines()[1:] if line.strip()}
    return result


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help=f"any of {', '.join(SETS)} (default: all present)")
    ap.add_argument("--gold", type=Path, help="another gold folder (with --texts)")
    ap.add_argument("--texts", type=Path, help="the texts the --gold folder annotates")
    ap.add_argument("--json", type=Path, help="write every set's summary here")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    if not SCORER.exists():
        print(f"{SCORER}: not found (the shared reference folder must sit beside the repository)", file=sys.stderr)
        return 2
    chosen = {n: SETS[n] for n in (args.sets or SETS) if n in SETS and SETS[n][1].is_dir()}
    unknown = [n for n in args.sets if n not in SETS]
    if unknown:
        print(f"unknown set(s): {', '.join(unknown)}; choose from {', '.join(SETS)}", file=sys.stderr)
        return 2
    if args.gold:
        if not args.texts:
            print("--gold needs --texts", file=sys.stderr)
            return 2
        chosen = {args.gold.name: (args.texts, args.gold)}
    results = {name: score_set(texts, gold) for name, (texts, gold) in chosen.items()}
    names = list(results)
    print(f"{'F1':28}" + "".join(f"{n:>10}" for n in names))
    for field in FIELDS:
        print(f"{field:28}" + "".join(f"{results[n]['f1'].get(field, float('nan')):>10.2f}" for n in names))
    keys = sorted({k for r in results.values() for k in r["accuracy"]})
    print(f"{'accuracy (right/scored)':28}" + "".join(f"{n:>10}" for n in names))
    for key in keys:
        print(f"{key:28}" + "".join(f"{results[n]['counts'].get(key, '-'):>10}" for n in names))
    print("docs" + " " * 24 + "".join(f"{results[n]['docs']:>10}" for n in names))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
