#!/usr/bin/env python3
"""Check the extra-z gold files against their texts, then score the gold against itself.

usage: python3 data/reference/extra-z/check.py [--score PATH_TO_score.py] [--keep RECORDS.jsonl]

Checks, for every gold/*.json:
  - the file parses, `doc` names an existing texts/ file, and the stem matches;
  - every agencies/metrics `as_written`, every policy title (as 《title》), every skipped title
    (as 《title》), and document doc_number / session / proposal_number / addressee is an exact
    substring of the text; every named-model name is a substring of the text, and every component
    is a substring of the text once quotation marks are removed;
  - every 《…》 in the text is a policy title or a skipped title;
  - practices come from the canonical list, and kind / level / role / status / addressee_role /
    reply_class values from the schema;
  - metrics have a numeric value and a non-empty unit;
  - places name their parent (or null); a policy issuer is null, a listed agency, or a body named in
    the policy's own title;
  - extra-z holds replies only: kind is 提案答复 or 建议答复, the document issuer (when given) is a
    listed agency, a reply_class letter (when given) occurs in the text, and a metric's value is
    the first number of its as_written (余/多 dropped, ranges by their lower bound).
Then it writes one extraction record per gold (source = the text path, the gold's lists, metric
offsets found in the text) and runs the shared score.py on them: every F1 and accuracy must be 1.00.
Exit status 0 when everything passes, 1 otherwise.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS, GOLD = HERE / "texts", HERE / "gold"

PRACTICES = {
    "党建引领", "大党委/大工委", "小区党支部", "在职党员双报到", "红色物业", "网格化治理", "居民议事协商", "居民公约",
    "积分制管理", "三社联动/五社联动", "社区社会组织培育", "公益创投", "社工站", "志愿服务", "社区减负清单",
    "社区工作准入", "证明事项清理", "社区工作者职业体系", "社区工作者培训", "社区经费保障", "党群服务阵地建设",
    "智慧社区", "老旧小区改造", "业委会组建", "三治融合", "综治中心", "物业管理提升", "社区基金/社区经济",
    "治理实验区创建", "疫情防控",
}
KINDS = {"提案答复", "建议答复", "调研报告", "工作总结", "其他"}
LEVELS = {"province", "city", "district", "county", "county_city", "street", "community", "other"}
ROLES = {"subject", "within_subject", "external"}
STATUSES = {"issued", "planned", "drafting", "referenced"}
ADDRESSEE_ROLES = {"委员", "代表", None}
REPLY_CLASSES = {"A", "B", "C", None}
DOC_KEYS = ("kind", "issuer", "subject_place", "province", "date", "doc_number", "session",
            "proposal_number", "addressee", "addressee_role", "reply_class", "signatory")
TOP_KEYS = ("doc", "document", "places", "agencies", "policies", "named_models", "learning",
            "practices", "metrics", "skipped_titles")
QUOTES = re.compile(r"[“”‘’\"'「」『』]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
REPLY_KINDS = {"提案答复", "建议答复"}
TITLE = re.compile(r"《([^《》]*)》")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_one(gp, problems):
    def bad(msg):
        problems.append(f"{gp.name}: {msg}")

    try:
        g = json.loads(gp.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        bad(f"does not parse ({e})")
        return None, None
    missing = [k for k in TOP_KEYS if k not in g]
    if missing:
        bad(f"missing keys {missing}")
        return None, None
    tp = TEXTS / g["doc"]
    if Path(g["doc"]).stem != gp.stem:
        bad(f"doc {g['doc']!r} does not match the file name")
    if not tp.is_file():
        bad(f"text {g['doc']} not found")
        return None, None
    text = tp.read_text(encoding="utf-8")
    flat = QUOTES.sub("", text)

    d = g["document"]
    if set(d) != set(DOC_KEYS):
        bad(f"document keys differ from the schema: {sorted(set(d) ^ set(DOC_KEYS))}")
    if d.get("kind") not in KINDS:
        bad(f"kind {d.get('kind')!r}")
    elif d.get("kind") not in REPLY_KINDS:
        bad(f"kind {d.get('kind')!r} is not a reply (extra-z holds replies only)")
    if d.get("reply_class") is not None and d["reply_class"] not in text:
        bad(f"reply_class {d['reply_class']!r} not in text")
    if d.get("addressee_role") not in ADDRESSEE_ROLES:
        bad(f"addressee_role {d.get('addressee_role')!r}")
    if d.get("reply_class") not in REPLY_CLASSES:
        bad(f"reply_class {d.get('reply_class')!r}")
    if d.get("date") is not None and not DATE.match(d["date"]):
        bad(f"date {d['date']!r}")
    for k in ("doc_number", "session", "proposal_number", "addressee"):
        if d.get(k) is not None and d[k] not in text:
            bad(f"document.{k} {d[k]!r} not in text")

    agency_names = set()
    for a in g["agencies"]:
        agency_names.add(a["name"])
        if a["as_written"] not in text:
            bad(f"agency as_written {a['as_written']!r} not in text")
    if d.get("issuer") is not None:
        for part in d["issuer"].split("、"):
            if part not in agency_names:
                bad(f"document issuer {part!r} is not a listed agency")
    for p in g["places"]:
        if p.get("level") not in LEVELS:
            bad(f"place {p.get('name')!r} level {p.get('level')!r}")
        if p.get("role") not in ROLES:
            bad(f"place {p.get('name')!r} role {p.get('role')!r}")
        if "parent" not in p:
            bad(f"place {p.get('name')!r} has no parent key")
    titles = set()
    for p in g["policies"]:
        titles.add(p["title"])
        if f"《{p['title']}》" not in text:
            bad(f"policy 《{p['title']}》 not in text")
        if p.get("status") not in STATUSES:
            bad(f"policy {p['title']!r} status {p.get('status')!r}")
        if p.get("doc_number") is not None and p["doc_number"] not in text:
            bad(f"policy doc_number {p['doc_number']!r} not in text")
        if p.get("date") is not None and not DATE.match(p["date"]):
            bad(f"policy date {p['date']!r}")
        if p.get("issuer") is not None:
            for part in p["issuer"].split("、"):
                # a body named only inside the title itself is not listed as an agency (dev a02, c03)
                if part not in agency_names and part not in p["title"]:
                    bad(f"policy issuer {part!r} is neither a listed agency nor named in the title")
    for t in g["skipped_titles"]:
        titles.add(t)
        if f"《{t}》" not in text:
            bad(f"skipped title 《{t}》 not in text")
    for t in TITLE.findall(text):
        if t not in titles:
            bad(f"《{t}》 in text is neither a policy nor a skipped title")
    for m in g["named_models"]:
        if m["name"] not in text:
            bad(f"named model {m['name']!r} not in text")
        if not m.get("owner"):
            bad(f"named model {m['name']!r} has no owner")
        for c in m.get("components") or []:
            if QUOTES.sub("", c) not in flat:
                bad(f"component {c!r} of {m['name']!r} not in text")
    for pr in g["practices"]:
        if pr not in PRACTICES:
            bad(f"practice {pr!r} not in the canonical list")
    if len(set(g["practices"])) != len(g["practices"]):
        bad("practice listed twice")
    for m in g["metrics"]:
        if m["as_written"] not in text:
            bad(f"metric as_written {m['as_written']!r} not in text")
        if not isinstance(m.get("value"), (int, float)) or isinstance(m.get("value"), bool):
            bad(f"metric {m['as_written']!r} value {m.get('value')!r}")
        if not m.get("unit"):
            bad(f"metric {m['as_written']!r} has no unit")
        first = NUMBER.search(m["as_written"])
        if first is None or float(first.group()) != float(m.get("value", -1)):
            bad(f"metric {m['as_written']!r} value {m.get('value')!r} is not its first number")
    for ln in g["learning"]:
        if not ln.get("learner") or not ln.get("source"):
            bad(f"learning entry {ln} lacks learner or source")
    return g, text


def record(gold, text, path):
    """The record a perfect extractor would write for this gold."""
    metrics, cursor = [], {}
    for m in gold["metrics"]:
        aw = m["as_written"]
        start = text.find(aw, cursor.get(aw, 0))
        if start < 0:
            start = text.find(aw)
        cursor[aw] = start + len(aw)
        metrics.append(dict(m, start=start, end=start + len(aw)))
    return {
        "source": str(path),
        "text": text,
        "document": gold["document"],
        "places": gold["places"],
        "agencies": gold["agencies"],
        "policies": gold["policies"],
        "named_models": gold["named_models"],
        "learning": gold["learning"],
        "practices": gold["practices"],
        "metrics": metrics,
    }


def find_score(argv):
    if "--score" in argv:
        return Path(argv[argv.index("--score") + 1])
    root = HERE.parents[2]
    for cand in (root / "../shared/reference/score.py", root.parent / "shared/reference/score.py"):
        if cand.is_file():
            return cand.resolve()
    return None


def main(argv):
    problems = []
    golds = sorted(GOLD.glob("*.json"))
    texts = sorted(TEXTS.glob("*.txt"))
    if {p.stem for p in texts} != {p.stem for p in golds}:
        problems.append(f"texts without gold or gold without text: "
                        f"{sorted({p.stem for p in texts} ^ {p.stem for p in golds})}")
    records = []
    for gp in golds:
        g, text = check_one(gp, problems)
        if g is not None:
            records.append(record(g, text, TEXTS / g["doc"]))

    score = find_score(argv)
    if score is None:
        problems.append("score.py not found (pass --score PATH)")
    elif records:
        with tempfile.TemporaryDirectory() as tmp:
            rec_path = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else Path(tmp) / "records.jsonl"
            rec_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            out = Path(tmp) / "score.json"
            run = subprocess.run([sys.executable, str(score), str(rec_path), str(GOLD), "--json", str(out), "--quiet"],
                                 check=False, capture_output=True, text=True)
            if run.returncode != 0 or not out.is_file():
                problems.append(f"score.py failed: {run.stderr.strip()[-500:]}")
            else:
                res = json.loads(out.read_text(encoding="utf-8"))
                if res["missing"]:
                    problems.append(f"score.py found no record for {res['missing']}")
                for name, f in res["f1"].items():
                    if f != 1.0:
                        problems.append(f"gold-vs-gold F1 {name} = {f}")
                for name, acc in res["accuracy"].items():
                    if acc is not None and acc != 1.0:
                        problems.append(f"gold-vs-gold accuracy {name} = {acc}")
                print(f"score.py: {res['docs']} docs, F1 " +
                      ", ".join(f"{k}={v}" for k, v in res["f1"].items()))
    for p in problems:
        print("FAIL", p)
    print(f"{len(golds)} gold files, {len(texts)} texts, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
