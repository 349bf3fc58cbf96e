#!/usr/bin/env python3
"""Check annotated folders (``gold/*.json`` beside ``texts/*.txt``) against their texts, then score
each gold against itself with the shared ``score.py``.

usage: python3 data/reference/check_gold.py [FOLDER ...] [--replies-only FOLDER] [--score PATH | --no-score]
       [--keep RECORDS.jsonl]

FOLDER defaults to every ``data/reference/extra-*``. Checks, for every gold file:
  - it parses, its top-level and ``document`` keys are the schema's (``SCHEMA.md``), ``doc`` names the
    text file of the same stem, and every text has a gold file;
  - every agency / metric ``as_written``, every policy and skipped title (as 《title》), every policy
    doc_number, document doc_number / session / proposal_number / addressee and named-model name is an
    exact substring of the text; every named-model component is one once quotation marks are removed;
  - every 《…》 in the text is a policy title or a skipped title;
  - practices come from the canonical list, each once; kind, level, role, status, addressee_role and
    reply_class values come from the schema; dates are YYYY[-MM[-DD]];
  - places have a parent key; a named model has an owner; a learning entry has learner and source;
  - a metric's value is the first number of its as_written (余/多 dropped, ranges by their lower bound)
    and its unit is not empty;
  - a policy issuer is null, a listed agency, or a body named in the policy's own title; a document
    issuer (when given) is a listed agency;
  - with ``--replies-only FOLDER`` (a set of replies only): that folder's kinds are 提案答复 or 建议答复,
    and a reply_class letter (when given) occurs in the text.
Then it writes one extraction record per gold, as a perfect extractor would (metric offsets found in
the text), and runs ``score.py`` on them: every F1 and accuracy must be 1.00. One line per problem;
exit status 0 when everything passes, 1 otherwise.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

TOP_KEYS = ["doc", "document", "places", "agencies", "policies", "named_models", "learning",
            "practices", "metrics", "skipped_titles"]
DOC_KEYS = ["kind", "issuer", "subject_place", "province", "date", "doc_number", "session",
            "proposal_number", "addressee", "addressee_role", "reply_class", "signatory"]
REPLY_KINDS = {"提案答复", "建议答复"}
ROLES = {"subject", "within_subject", "external"}
STATUSES = {"issued", "planned", "drafting", "referenced"}
ADDRESSEE_ROLES = {None, "委员", "代表"}
REPLY_CLASSES = {None, "A", "B", "C"}
QUOTES = re.compile(r"[“”‘’\"'「」『』]")
TITLE = re.compile(r"《([^《》]*)》")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _schema() -> tuple[set[str], set[str], set[str]]:
    """The canonical practices, document kinds and place levels, as the project defines them."""
    if str(REPO) not in sys.path:         # asked once per gold file: never a second copy of the path
        sys.path.insert(0, str(REPO))
    from loaders.record import DOC_KINDS, PLACE_LEVELS
    from loaders.reference import CANONICAL_PRACTICES

    return set(CANONICAL_PRACTICES), set(DOC_KINDS), set(PLACE_LEVELS)


def check_gold(path: Path, replies_only: bool, problems: list[str]) -> tuple[dict, Path, str] | None:
    """The gold of ``path``, its text file and text, after checking them; None when unusable."""
    practices, kinds, levels = _schema()

    def bad(msg: str) -> None:
        problems.append(f"{path.parent.parent.name}/{path.name}: {msg}")

    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        bad(f"does not parse ({exc})")
        return None
    if list(gold) != TOP_KEYS:
        bad(f"top-level keys {list(gold)} are not {TOP_KEYS}")
        if any(k not in gold for k in TOP_KEYS):
            return None
    if gold["doc"] != path.stem + ".txt":
        bad(f"doc {gold['doc']!r} is not {path.stem + '.txt'!r}")
    text_path = path.parent.parent / "texts" / str(gold["doc"])
    if not text_path.is_file():
        bad(f"no text file {text_path.name}")
        return None
    text = text_path.read_text(encoding="utf-8")
    unquoted = QUOTES.sub("", text)

    def within(label: str, value: str | None) -> None:
        if value is not None and value not in text:
            bad(f"{label} {value!r} is not in the text")

    doc = gold["document"] or {}
    if list(doc) != DOC_KEYS:
        bad(f"document keys {list(doc)} are not {DOC_KEYS}")
    if doc.get("kind") not in kinds:
        bad(f"kind {doc.get('kind')!r}")
    elif replies_only and doc["kind"] not in REPLY_KINDS:
        bad(f"kind {doc['kind']!r} is not a reply (the folder holds replies only)")
    if doc.get("addressee_role") not in ADDRESSEE_ROLES:
        bad(f"addressee_role {doc.get('addressee_role')!r}")
    if doc.get("reply_class") not in REPLY_CLASSES:
        bad(f"reply_class {doc.get('reply_class')!r}")
    elif replies_only and doc.get("reply_class") is not None:
        within("reply_class", doc["reply_class"])
    if doc.get("date") is not None and not DATE.match(doc["date"]):
        bad(f"date {doc['date']!r} is not YYYY[-MM[-DD]]")
    for key in ("doc_number", "session", "proposal_number", "addressee"):
        within(f"document.{key}", doc.get(key))

    agency_names = set()
    for agency in gold["agencies"]:
        agency_names.add(agency["name"])
        within("agency as_written", agency.get("as_written"))
    if doc.get("issuer") is not None:
        for part in doc["issuer"].split("、"):
            if part not in agency_names:
                bad(f"document issuer {part!r} is not a listed agency")
    for place in gold["places"]:
        if place.get("level") not in levels:
            bad(f"place {place.get('name')!r} level {place.get('level')!r}")
        if place.get("role") not in ROLES:
            bad(f"place {place.get('name')!r} role {place.get('role')!r}")
        if "parent" not in place:
            bad(f"place {place.get('name')!r} has no parent key")
    titles = set()
    for policy in gold["policies"]:
        titles.add(policy["title"])
        within("policy title", f"《{policy['title']}》")
        within("policy doc_number", policy.get("doc_number"))
        if policy.get("status") not in STATUSES:
            bad(f"policy {policy['title']!r} status {policy.get('status')!r}")
        if policy.get("date") is not None and not DATE.match(policy["date"]):
            bad(f"policy {policy['title']!r} date {policy['date']!r}")
        for part in (policy.get("issuer") or "").split("、") if policy.get("issuer") else ():
            # a body named only inside the title itself is not listed as an agency
            if part not in agency_names and part not in policy["title"]:
                bad(f"policy issuer {part!r} is neither a listed agency nor named in the title")
    for title in gold["skipped_titles"]:
        titles.add(title)
        within("skipped title", f"《{title}》")
    for found in TITLE.findall(text):
        if found not in titles:
            bad(f"《{found}》 in the text is neither a policy nor a skipped title")
    for model in gold["named_models"]:
        within("named model", model.get("name"))
        if not model.get("owner"):
            bad(f"named model {model.get('name')!r} has no owner")
        for comp in model.get("components") or []:
            if QUOTES.sub("", comp) not in unquoted:
                bad(f"component {comp!r} of {model.get('name')!r} is not in the text")
    for practice in gold["practices"]:
        if practice not in practices:
            bad(f"practice {practice!r} is not in the canonical list")
    if len(set(gold["practices"])) != len(gold["practices"]):
        bad("a practice is listed twice")
    for metric in gold["metrics"]:
        within("metric as_written", metric.get("as_written"))
        value = metric.get("value")
        first = NUMBER.search(metric.get("as_written") or "")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or first is None \
                or float(first.group()) != float(value):
            bad(f"metric {metric.get('as_written')!r} value {value!r} is not its first number")
        if not metric.get("unit"):
            bad(f"metric {metric.get('as_written')!r} has no unit")
    for item in gold["learning"]:
        if not item.get("learner") or not item.get("source"):
            bad(f"learning entry {item} lacks learner or source")
    return gold, text_path, text


def perfect_record(gold: dict, text_path: Path, text: str) -> dict:
    """The record a perfect extractor would write for ``gold`` (the n-th metric with a given
    as_written takes its n-th occurrence in the text, or the last one when the text has fewer)."""
    metrics, seen = [], {}
    for metric in gold["metrics"]:
        aw = metric["as_written"]
        starts = [m.start() for m in re.finditer(re.escape(aw), text)] or [0]
        start = starts[min(seen.get(aw, 0), len(starts) - 1)]
        seen[aw] = seen.get(aw, 0) + 1
        metrics.append({**metric, "start": start, "end": start + len(aw)})
    return {"source": str(text_path), "text": text, "document": gold["document"],
            **{k: gold[k] for k in ("places", "agencies", "policies", "named_models", "learning", "practices")},
            "metrics": metrics}


def check_folder(folder: Path, replies_only: bool, problems: list[str]) -> list[dict]:
    """Check every gold file of ``folder``; the perfect records of those that can be read."""
    golds = sorted((folder / "gold").glob("*.json"))
    texts = {p.stem for p in (folder / "texts").glob("*.txt")}
    for stem in sorted(texts ^ {p.stem for p in golds}):
        problems.append(f"{folder.name}/{stem}: a text without a gold file or a gold file without a text")
    records = []
    for path in golds:
        checked = check_gold(path, replies_only, problems)
        if checked is not None:
            records.append(perfect_record(*checked))
    return records


def score_against_itself(folder: Path, records: list[dict], score: Path, problems: list[str],
                         keep: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rec_path = keep or Path(tmp) / "records.jsonl"
        out = Path(tmp) / "score.json"
        rec_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        run = subprocess.run([sys.executable, str(score), str(rec_path), str(folder / "gold"), "--json", str(out),
                              "--quiet"], check=False, capture_output=True, text=True)
        if run.returncode != 0 or not out.is_file():
            problems.append(f"{folder.name}: score.py failed: {run.stderr.strip()[-500:]}")
            return
        res = json.loads(out.read_text(encoding="utf-8"))
    if res["missing"]:
        problems.append(f"{folder.name}: score.py found no record for {res['missing']}")
    for field, value in {**res["f1"], **res["accuracy"]}.items():
        if value is not None and value != 1.0:
            problems.append(f"{folder.name}: score.py gives {field} = {value} on the gold itself")


def find_score() -> Path | None:
    for cand in (REPO.parent / "shared" / "reference" / "score.py",):
        if cand.is_file():
            return cand.resolve()
    return None


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--replies-only", type=Path, action="append", default=[],
                    help="a folder that holds replies only (repeatable)")
    ap.add_argument("--score", type=Path, default=None, help="the shared score.py (default: ../shared/reference/score.py)")
    ap.add_argument("--no-score", action="store_true", help="check only; do not run score.py")
    ap.add_argument("--keep", type=Path, default=None, help="write the perfect records here (one folder only)")
    args = ap.parse_args(argv)
    folders = args.folders or sorted(p for p in HERE.glob("extra-*") if p.is_dir())
    replies = {p.resolve() for p in args.replies_only}
    score = None if args.no_score else (args.score or find_score())
    problems: list[str] = []
    if score is None and not args.no_score:
        problems.append("score.py not found (pass --score PATH, or --no-score)")
    total = 0
    for folder in folders:
        records = check_folder(folder, folder.resolve() in replies, problems)
        total += len(records)
        if score is not None and records:
            score_against_itself(folder, records, score, problems, args.keep if len(folders) == 1 else None)
    for line in problems:
        print(line)
    print(f"{len(folders)} folder(s), {total} gold files read, {len(problems)} problem(s)"
          + ("" if score is None else ", each scored 1.00 against itself" if not problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
