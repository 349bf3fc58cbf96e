"""Draw a seeded random sample of the facts the explorer shows, each with its cited sentence and the
text around it, for a truth audit (docs/queries.md#truth-audits): city_profile practice and figure
rows, compare_cities cells, exemplars rows, named_model definitions and components, learning_network
links; with ``--pack``, the sample's course pack too. The facts are judged by reading; this script only
draws them.

    GOVKG_HOME=/tmp/audit/home .venv/bin/govkg build data/corpus
    GOVKG_HOME=/tmp/audit/home .venv/bin/python benchmarks/truth_sample.py --seed 20261205 --out sample.json \
        --pack pack.md

The same seed on the same graph draws the same facts.
"""
from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from typing import Any

from govkg import api

# how many facts of each kind a sample holds
SIZES = {"city_profile": 45, "compare_cities": 30, "exemplars": 20, "named_model": 20, "learning": 15}


class _Texts:
    """Document texts, read once each."""

    def __init__(self, run: Callable[[str, dict], list[dict]]):
        self.run, self.texts = run, {}

    def context(self, row: dict[str, Any]) -> str:
        """The cited sentence and the text around it, the fact's own span in 【】."""
        doc = row.get("doc_id")
        if not doc:
            return ""
        if doc not in self.texts:
            self.texts[doc] = self.run("document", {"doc": doc})[0]["text"]
        text, start, end, quote = self.texts[doc], row["start"], row["end"], row.get("quote") or ""
        at = text.find(quote, max(0, start - len(quote) - 5)) if quote else -1
        lo = max(0, min(start, at if at >= 0 else start) - 100)
        hi = max(end, at + len(quote)) + 60
        return ("" if at >= 0 or not quote else "QUOTE NOT IN DOCUMENT ") + \
            text[lo:start] + "【" + text[start:end] + "】" + text[end:hi]


def draw(run: Callable[[str, dict], list[dict]], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    texts = _Texts(run)
    inventory = run("inventory", {"limit": 2**31 - 1})            # every row (the default is a page)
    places = sorted({r["name"] for r in inventory if r["section"] == "place"})
    practices = sorted({r["name"] for r in inventory if r["section"] == "practice"})
    models = [r for r in inventory if r["section"] == "named_model"]
    facts: list[dict[str, Any]] = []

    def add(kind: str, rows: list[dict[str, Any]], what: Callable[[dict[str, Any]], str]) -> None:
        for r in rng.sample(rows, min(SIZES[kind.split(".")[0]], len(rows))):
            facts.append({"kind": kind, "what": what(r), "doc": r.get("doc_id"), "quote": r.get("quote"),
                          "context": texts.context(r)})

    profile = [r for p in places for r in run("city_profile", {"place": p}) if r["section"] in ("practice", "figure")]
    add("city_profile", profile, lambda r: f"{r['section']} | {r['place']} | {r['name']} | {r.get('detail')} | "
                                           f"status={r.get('status')} | practices={r.get('practices')}")
    cells = [r for _ in range(25) for r in run("compare_cities", {"places": rng.sample(places, 3)}) if r["grade"]]
    add("compare_cities", cells, lambda r: f"{r['place']} × {r['practice']} | grade={r['grade']} | "
                                           f"measures={r['measure_count']}")
    ranked = [r | {"practice": p} for p in rng.sample(practices, min(8, len(practices)))
              for r in run("exemplars", {"practice": p, "k": 5})]
    add("exemplars", ranked, lambda r: f"{r['practice']} | {r['place']} | grade={r['grade']} | strength={r['strength']} "
                                       f"| figures={r['figures']} | recognition={r['recognition']}")
    parts = [r for m in rng.sample(models, min(12, len(models)))
             for r in run("named_model", {"name": m["name"], **({"owner": m["place"]} if m.get("place") else {})})
             if r["section"] in ("definition", "component")]
    add("named_model", parts, lambda r: f"{r['section']} | {r['model']} | owner={r['owner']} | {r['order']} "
                                        f"{r['name']} | {r.get('detail')}")
    links = [r for r in run("learning_network", {}) if r["section"] == "learned_from"]
    add("learning", links, lambda r: f"{r['learner']} ← {r['source']} | what={r['what']} | year={r['year']}")
    return facts


def draw_pack(run: Callable[[str, dict], list[dict]], seed: int, out: str) -> str:
    """The sample's course pack: a practice with exemplars and two of its exemplar places drawn with ``seed`` (a random
    generator of its own: the facts drawn do not move), written to ``out`` (Markdown); its title line."""
    rng = random.Random(seed)
    practices = sorted({r["name"] for r in run("inventory", {"section": "practice", "limit": 2**31 - 1})})
    practice, places = "", []
    while practices and not places:
        # a practice no place is an exemplar of gives a pack of no facts: drawn again (a draw that had places is unchanged)
        practice = rng.choice(practices)
        practices.remove(practice)
        places = [r["place"] for r in run("exemplars", {"practice": practice, "k": 5})]
    chosen = rng.sample(places, min(2, len(places)))
    api.write_coursepack(api.assemble_coursepack(run, [practice], chosen), out)
    return f"{practice}: {'、'.join(chosen)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True, help="JSON file of the facts drawn")
    parser.add_argument("--pack", help="also write the sample's course pack here (Markdown, .md)")
    args = parser.parse_args()
    run = api.query_runner(api.open_configured_store())
    facts = draw(run, args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(facts, f, ensure_ascii=False, indent=1)
    print(f"{len(facts)} facts drawn with seed {args.seed} → {args.out}")
    if args.pack:
        print(f"course pack ({draw_pack(run, args.seed, args.pack)}) → {args.pack}")


if __name__ == "__main__":
    main()
