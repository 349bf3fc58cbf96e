"""List the named-model errors of annotated sets: each gold model missed and each model extracted
in error, split into a wrong name and a right name credited to the wrong owner.

usage: python benchmarks/model_errors.py [SET ...]  (default: every tuning set; a held-out set is refused) [--records FILE --gold DIR] [--json OUT]

Records are made by ``govkg extract TEXTS --out FILE`` (the command line, as the graph gets them);
they are compared with the gold by ``../shared/reference/score.py``'s own ``same`` (names exact after
its normalisation, owners as places), in the order score.py matches them. Each error is printed on one
line with the sentence it comes from, for sorting into causes by hand:

  OWNER  name  gold-owner -> extracted-owner      (the name is right, the owner is not)
  MISS   name  gold-owner                         (no extracted model of that name)
  FALSE  name  extracted-owner                    (no gold model of that name)
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.score_extraction import SETS, SHARED, tuning_sets


def _scorer():
    spec = importlib.util.spec_from_file_location("govkg_reference_score", SHARED / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def extract_records(texts: Path, stems: set[str]) -> dict[str, dict]:
    """stem → record, by the ``govkg extract`` command on the annotated texts of ``texts``."""
    govkg = Path(sys.executable).parent / "govkg"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for path in sorted(texts.glob("*.txt")):
            if path.stem in stems:
                shutil.copyfile(path, folder / path.name)
        out = Path(tmp) / "records.jsonl"
        subprocess.run([str(govkg), "extract", str(folder), "--out", str(out), "-q"], check=True)
        recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {Path(str(r.get("source", ""))).stem: r for r in recs}


def doc_errors(score, gold: dict, rec: dict) -> list[tuple[str, str, str, str, str]]:
    """(kind, name, gold owner, extracted owner, sentence) for each error of one document."""
    gl, pl = gold.get("named_models", []), rec.get("named_models", [])
    text = rec.get("text", "")
    used: set[int] = set()
    missed: list[int] = []
    for gi, g in enumerate(gl):   # score.py's matching: name and owner, greedy, gold order
        hit = next((pi for pi, p in enumerate(pl) if pi not in used and score.same(g["name"], p.get("name"), "exact")
                    and (not g.get("owner") or score.same(g["owner"], p.get("owner"), "place"))), None)
        if hit is None:
            missed.append(gi)
        else:
            used.add(hit)
    spare = [pi for pi in range(len(pl)) if pi not in used]
    out = []
    for gi in missed:
        g = gl[gi]
        same_name = next((pi for pi in spare if score.same(g["name"], pl[pi].get("name"), "exact")), None)
        if same_name is not None:
            spare.remove(same_name)
            out.append(("OWNER", g["name"], g.get("owner") or "", pl[same_name].get("owner") or "",
                        _sentence(text, pl[same_name])))
        else:
            out.append(("MISS", g["name"], g.get("owner") or "", "", _find(text, g["name"])))
    for pi in spare:
        p = pl[pi]
        out.append(("FALSE", p.get("name") or "", "", p.get("owner") or "", _sentence(text, p)))
    return out


def _sentence(text: str, model: dict) -> str:
    ms = model.get("mentions") or []
    return _around(text, ms[0]["start"]) if ms else (model.get("definition") or "")[:90]


def _find(text: str, name: str) -> str:
    i = text.find(name)
    if i < 0:
        i = text.find(name[:4])
    return _around(text, i) if i >= 0 else "(not found as written)"


def _around(text: str, pos: int) -> str:
    return text[max(0, pos - 45):pos + 45].replace("\n", "⏎")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help=f"any of {', '.join(SETS)} but the held-out ones (default: every tuning set)")
    ap.add_argument("--json", type=Path, help="write the errors here")
    args = ap.parse_args(argv)
    try:
        names = tuning_sets(args.sets)
    except ValueError as exc:
        print(f"model_errors.py: {exc}", file=sys.stderr)
        return 2
    score = _scorer()
    result: dict[str, list] = {}
    for name in names:
        texts, gold_dir = SETS[name]
        golds = {gp.stem: json.loads(gp.read_text(encoding="utf-8")) for gp in sorted(gold_dir.glob("*.json"))}
        recs = extract_records(texts, {Path(g.get("doc", s)).stem for s, g in golds.items()})
        rows = []
        for stem, gold in golds.items():
            if "named_models" not in gold:
                continue
            for kind, mname, gown, pown, where in doc_errors(score, gold, recs.get(Path(gold.get("doc", stem)).stem, {})):
                rows.append({"doc": stem, "kind": kind, "name": mname, "gold_owner": gown, "owner": pown,
                             "where": where})
        result[name] = rows
        counts = {k: sum(r["kind"] == k for r in rows) for k in ("OWNER", "MISS", "FALSE")}
        print(f"== {name}: {counts}")
        for r in rows:
            own = f"{r['gold_owner']} -> {r['owner']}" if r["kind"] == "OWNER" else r["gold_owner"] or r["owner"]
            print(f"{r['kind']:5} {r['doc'][:22]:22} {r['name']}  [{own}]  …{r['where']}…")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
