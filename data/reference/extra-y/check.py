#!/usr/bin/env python3
"""Check the extra-y gold annotations against their texts and the gold schema.

usage: python3 data/reference/extra-y/check.py [--score PATH_TO_score.py]

Checks, per gold file in gold/:
  - the JSON parses, `doc` names a file in texts/ and matches the gold file's stem;
  - the top-level and `document` keys are the schema's keys;
  - every agency / metric `as_written`, every policy title and skipped title (as 《title》), every
    doc_number, session, proposal_number and named-model name is an exact substring of the text;
    every named-model component is a substring of the text once quotation marks are removed;
  - every 《…》 title in the text is a policy or a skipped title;
  - practices come from the canonical list in seeds-gold/SCHEMA.md;
  - kind, level, role, status, addressee_role and reply_class values come from the schema;
  - a metric's value is the first number in its as_written (the seed conventions: 余/多 dropped,
    ranges by their lower bound);
then builds one JSONL record per gold, as a perfect extractor would, and runs the shared scorer
on it: every field must come out at 1.00.
Prints one line per problem and exits 1 if there is any.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SCHEMA = REPO.parent / "shared" / "reference" / "seeds-gold" / "SCHEMA.md"
SCORE = REPO.parent / "shared" / "reference" / "score.py"

TOP_KEYS = ["doc", "document", "places", "agencies", "policies", "named_models", "learning",
            "practices", "metrics", "skipped_titles"]
DOC_KEYS = ["kind", "issuer", "subject_place", "province", "date", "doc_number", "session",
            "proposal_number", "addressee", "addressee_role", "reply_class", "signatory"]
KINDS = {"提案答复", "建议答复", "调研报告", "工作总结", "其他"}
LEVELS = {"province", "city", "district", "county", "county_city", "street", "community", "other"}
ROLES = {"subject", "within_subject", "external"}
STATUSES = {"issued", "planned", "drafting", "referenced"}
ADDRESSEE_ROLES = {None, "委员", "代表"}
REPLY_CLASSES = {None, "A", "B", "C"}
QUOTES = re.compile(r"[“”‘’\"'「」『』]")
TITLE = re.compile(r"《([^《》]*)》")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def practices_list():
    text = SCHEMA.read_text(encoding="utf-8")
    block = text.split("\nPRACTICES (", 1)[1].split("):", 1)[1]
    return {p.strip() for p in re.split(r"[,，\n]", block) if p.strip()}


def check_gold(path, practices, problems):
    def bad(msg):
        problems.append(f"{path.name}: {msg}")

    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        bad(f"does not parse ({exc})")
        return None
    if list(gold) != TOP_KEYS:
        bad(f"top-level keys {list(gold)} are not {TOP_KEYS}")
    if gold.get("doc") != path.stem + ".txt":
        bad(f"doc {gold.get('doc')!r} is not {path.stem + '.txt'!r}")
    text_path = HERE / "texts" / str(gold.get("doc"))
    if not text_path.is_file():
        bad(f"no text file {text_path.name}")
        return None
    text = text_path.read_text(encoding="utf-8")
    unquoted = QUOTES.sub("", text)

    def within(label, value):
        if value is not None and value not in text:
            bad(f"{label} {value!r} is not in the text")

    doc = gold.get("document") or {}
    if list(doc) != DOC_KEYS:
        bad(f"document keys {list(doc)} are not {DOC_KEYS}")
    if doc.get("kind") not in KINDS:
        bad(f"kind {doc.get('kind')!r}")
    if doc.get("addressee_role") not in ADDRESSEE_ROLES:
        bad(f"addressee_role {doc.get('addressee_role')!r}")
    if doc.get("reply_class") not in REPLY_CLASSES:
        bad(f"reply_class {doc.get('reply_class')!r}")
    if doc.get("date") is not None and not DATE.match(doc["date"]):
        bad(f"date {doc['date']!r} is not YYYY[-MM[-DD]]")
    for key in ("doc_number", "session", "proposal_number"):
        within(f"document.{key}", doc.get(key))

    for place in gold.get("places", []):
        if set(place) != {"name", "level", "parent", "role"}:
            bad(f"place keys {sorted(place)}")
        if place.get("level") not in LEVELS:
            bad(f"place {place.get('name')!r} level {place.get('level')!r}")
        if place.get("role") not in ROLES:
            bad(f"place {place.get('name')!r} role {place.get('role')!r}")
    for agency in gold.get("agencies", []):
        within("agency as_written", agency.get("as_written"))
    titles = set()
    for policy in gold.get("policies", []):
        titles.add(policy.get("title"))
        within("policy title", f"《{policy.get('title')}》")
        within("policy doc_number", policy.get("doc_number"))
        if policy.get("status") not in STATUSES:
            bad(f"policy {policy.get('title')!r} status {policy.get('status')!r}")
        if policy.get("date") is not None and not DATE.match(policy["date"]):
            bad(f"policy {policy.get('title')!r} date {policy['date']!r}")
    for title in gold.get("skipped_titles", []):
        titles.add(title)
        within("skipped title", f"《{title}》")
    for found in TITLE.findall(text):
        if found not in titles:
            bad(f"《{found}》 is neither a policy nor a skipped title")
    for model in gold.get("named_models", []):
        within("named model", model.get("name"))
        for comp in model.get("components", []):
            if QUOTES.sub("", comp) not in unquoted:
                bad(f"component {comp!r} of {model.get('name')!r} is not in the text")
    for practice in gold.get("practices", []):
        if practice not in practices:
            bad(f"practice {practice!r} is not in the canonical list")
    for metric in gold.get("metrics", []):
        within("metric as_written", metric.get("as_written"))
        first = NUMBER.search(metric.get("as_written") or "")
        if not first or abs(float(first.group()) - float(metric.get("value"))) > 1e-9:
            bad(f"metric {metric.get('as_written')!r} value {metric.get('value')!r}")
    for item in gold.get("learning", []):
        if set(item) != {"learner", "source", "what"}:
            bad(f"learning keys {sorted(item)}")
    return gold, text_path, text


def with_offsets(metrics, text):
    """Give each metric the span of its as_written, as an extractor would (the n-th entry with a
    given as_written takes the n-th occurrence, or the last one when the text has fewer)."""
    out, seen = [], {}
    for metric in metrics:
        aw = metric["as_written"]
        starts = [m.start() for m in re.finditer(re.escape(aw), text)] or [0]
        start = starts[min(seen.get(aw, 0), len(starts) - 1)]
        seen[aw] = seen.get(aw, 0) + 1
        out.append({**metric, "start": start, "end": start + len(aw)})
    return out


def perfect_record(gold, text_path, text):
    return {
        "source": str(text_path),
        "text": text,
        "document": gold["document"],
        "places": gold["places"],
        "agencies": gold["agencies"],
        "policies": gold["policies"],
        "named_models": gold["named_models"],
        "learning": gold["learning"],
        "practices": gold["practices"],
        "metrics": with_offsets(gold["metrics"], text),
    }


def run_score(records, score_path, problems):
    with tempfile.TemporaryDirectory() as tmp:
        rec_path = Path(tmp) / "records.jsonl"
        out_path = Path(tmp) / "score.json"
        rec_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                            encoding="utf-8")
        done = subprocess.run([sys.executable, str(score_path), str(rec_path), str(HERE / "gold"),
                               "--json", str(out_path), "--quiet"], check=False, capture_output=True,
                              text=True)
        if done.returncode != 0:
            problems.append(f"score.py failed: {done.stderr.strip()}")
            return
        out = json.loads(out_path.read_text(encoding="utf-8"))
    if out["missing"]:
        problems.append(f"score.py found no record for {out['missing']}")
    for field, value in {**out["f1"], **out["accuracy"]}.items():
        if value is not None and value != 1.0:
            problems.append(f"score.py gives {field} = {value} on the gold itself")
    if not any(p.startswith("score.py") for p in problems):
        print(f"score.py on the gold itself: {len(out['f1'])} F1 fields and {len(out['accuracy'])} "
              "accuracy fields, all 1.00")


def main(argv):
    score_path = Path(argv[argv.index("--score") + 1]) if "--score" in argv else SCORE
    practices = practices_list()
    problems = []
    records = []
    golds = sorted((HERE / "gold").glob("*.json"))
    for path in golds:
        checked = check_gold(path, practices, problems)
        if checked:
            records.append(perfect_record(*checked))
    texts = {p.stem for p in (HERE / "texts").glob("*.txt")}
    for stem in sorted(texts - {p.stem for p in golds}):
        problems.append(f"{stem}.txt has no gold file")
    if records:
        run_score(records, score_path, problems)
    for line in problems:
        print(line)
    print(f"{len(golds)} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
