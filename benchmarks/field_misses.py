"""List the misses and the extras of one list field (agencies, places, policies) against the annotated sets.

Records are made as ``govkg extract`` makes them and matched to gold with ``score.py``'s own greedy
one-to-one matching, so every line printed is one point of the F1 that ``score_extraction.py`` reports.

usage: python benchmarks/field_misses.py [agencies|places|policies|practices|learning|places.role|places.parent|policies.status] [SET ...]
(default field agencies; default sets: every tuning set; a held-out set is refused)
Each line: set, document stem, ``MISS`` (gold, not found) or ``EXTRA`` (found, not gold), the name and,
for an extra, the text around its first mention. For an attribute (``places.role`` …) each line is a matched
entry whose attribute differs: ``WRONG``, the name, ``gold=…`` and ``found=…``. For ``learning`` an entry is
``learner→source`` (matched as score.py does: both places the same); a miss shows the gold's ``what``, an extra
the clause it was read from. For ``practices`` (canonical names, matched exactly) an extra shows the sentence
its ``practice_mentions`` entry cites, a miss nothing.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.score_extraction import SCORER, SETS, tuning_sets

KIND = {"agencies": "agency", "places": "place", "policies": "text"}
NAME_KEY = {"agencies": "name", "places": "name", "policies": "title"}
# an attribute scored on matched entries -> (its list field, the score.py comparison of its values)
ATTRIBUTES = {"places.role": ("places", "exact"), "places.parent": ("places", "place"), "policies.status": ("policies", "exact")}


def _scorer():
    """score.py loaded as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _documents(texts: Path, gold: Path, field: str):
    """(stem, gold entry, text, record) for every gold file annotating ``field`` whose text is there, the record made
    as ``govkg extract`` makes it (read back from its JSON line)."""
    from loaders import extract_file

    for gpath in sorted(gold.glob("*.json")):
        g = json.loads(gpath.read_text(encoding="utf-8"))
        tpath = texts / (gpath.stem + ".txt")
        if field not in g or not tpath.exists():
            continue
        yield gpath.stem, g, tpath.read_text(encoding="utf-8"), json.loads(extract_file(tpath).to_json_line())


def field_misses(field: str, texts: Path, gold: Path) -> list[tuple[str, str, str, str]]:
    """(stem, MISS|EXTRA, name, context) for every unmatched gold or record entry of ``field``; for an attribute
    of ``ATTRIBUTES``, (stem, WRONG, name, "gold=… found=…") for every matched entry whose value differs."""
    score = _scorer()
    if field == "learning":
        return _learning_misses(score, texts, gold)
    if field == "practices":
        return _practice_misses(texts, gold)
    listed, compare = ATTRIBUTES.get(field, (field, ""))
    attribute = field.rpartition(".")[2] if compare else ""
    key = NAME_KEY[listed]
    out = []
    for stem, g, text, rec in _documents(texts, gold, listed):
        preds = rec.get(listed, [])
        pairs, *_ = score.match([x[key] for x in g[listed]], [p.get(key) for p in preds], KIND[listed])
        if compare:
            for gi, pi in pairs:
                want, got = g[listed][gi].get(attribute), preds[pi].get(attribute)
                if want and not score.same(want, got, compare):
                    out.append((stem, "WRONG", g[listed][gi][key], f"gold={want} found={got}"))
            continue
        gdone, pdone = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, entry in enumerate(g[listed]):
            if gi not in gdone:
                out.append((stem, "MISS", entry[key], entry.get("as_written", "")))
        for pi, p in enumerate(preds):
            if pi not in pdone:
                ms = p.get("mentions") or []
                ctx = text[max(0, ms[0]["start"] - 12):ms[0]["end"] + 8].replace("\n", " ") if ms else ""
                out.append((stem, "EXTRA", p.get(key) or "", ctx))
    return out


def _practice_misses(texts: Path, gold: Path) -> list[tuple[str, str, str, str]]:
    """field_misses for ``practices``: names compared exactly; an extra shows the text around its cited cue."""
    out = []
    for stem, g, text, rec in _documents(texts, gold, "practices"):
        found = rec.get("practices", [])
        cited = {m["name"]: m for m in rec.get("practice_mentions") or []}
        out += [(stem, "MISS", name, "") for name in g["practices"] if name not in found]
        for name in found:
            if name not in g["practices"]:
                m = cited.get(name)
                ctx = text[max(0, m["start"] - 20):m["end"] + 20].replace("\n", " ") if m else ""
                out.append((stem, "EXTRA", name, ctx))
    return out


def _learning_misses(score, texts: Path, gold: Path) -> list[tuple[str, str, str, str]]:
    """field_misses for ``learning``: a pair matches when learner and source are each the same place."""
    out = []
    for stem, g, text, rec in _documents(texts, gold, "learning"):
        preds = rec.get("learning", [])
        used: set[int] = set()
        for entry in g["learning"]:
            for pi, p in enumerate(preds):
                if pi not in used and score.same(entry["learner"], p.get("learner"), "place") \
                        and score.same(entry["source"], p.get("source"), "place"):
                    used.add(pi)
                    break
            else:
                out.append((stem, "MISS", f"{entry['learner']}→{entry['source']}", entry.get("what") or ""))
        for pi, p in enumerate(preds):
            if pi not in used:
                span = p.get("span") or {}
                ctx = text[span.get("start", 0):span.get("end", 0)].replace("\n", " ")
                out.append((stem, "EXTRA", f"{p.get('learner')}→{p.get('source')}", ctx))
    return out


def main(argv: list[str]) -> int:
    fields = {*KIND, *ATTRIBUTES, "learning", "practices"}
    field = argv[0] if argv and argv[0] in fields else "agencies"
    try:
        names = tuning_sets([a for a in argv if a not in fields])
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
