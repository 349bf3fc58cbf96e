"""Would a trained ranker choose the document's subject place better than the rules? Measured by document.

usage:
  python benchmarks/subject_model.py cv [--folds K] [--sets …] [--evidence-only]  # ranker vs rules, K folds
  python benchmarks/subject_model.py test --sets seeds,dev --test extra-q,extra-r   # train on some, score others
  python benchmarks/subject_model.py dump --sets … --out FILE.jsonl                # candidates of this checkout
  python benchmarks/subject_model.py cv --docs A.jsonl,B.jsonl                     # ... measured on dumps
  python benchmarks/subject_model.py train [--out WEIGHTS.json]                     # weights, largest first

A document's candidates are the places ``benchmarks/subject_candidates.py`` lists beside the rules'
choice (``loaders.extract.subject.find_subject``, as the document step calls it); a candidate is a
positive example when its name is the gold subject place (compared as shared/reference/score.py compares
places). Model: a conditional logit (softmax over each document's candidates), L2-penalised, fitted by
Newton's method; C by an inner cross-validation by document (accuracy, then log-loss); the ranker takes
the candidate with the highest score. ``--evidence-only`` drops the features that say what the rules chose.

The rules were written from these very documents, so their accuracy here is in-sample while the
ranker's is out-of-fold. For a fair comparison, dump the candidates from the checkout of the commit at
which a tuning set landed, before any rule was written from it (``git archive <commit> | tar -x -C DIR``,
copy this script and ``subject_candidates.py`` in, run ``dump`` there with that set), and run ``cv
--docs`` over such dumps: the rules are then as new to those documents as to any other city's.
Held-out sets are never read here; score them with ``benchmarks/score_extraction.py``.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.quote_model import _folds, _scorer, gold_documents, held_out_sets, training_sets
from benchmarks.score_extraction import held_out

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
INNER_REPEATS = (11, 12, 13)


@dataclass
class Doc:
    set: str
    stem: str
    gold: str
    rule_ok: bool
    feats: list[tuple[str, ...]]   # one per candidate
    labels: list[int]
    names: list[str]


def load_docs(set_names: list[str]) -> list[Doc]:
    """The documents of ``set_names`` whose gold states a subject place, with their candidates."""
    from benchmarks.subject_candidates import subject_candidates
    from loaders.extract import meta
    from loaders.extract.context import Context
    from loaders.extract.script import fold_script
    from loaders.read.files import read_document
    from loaders.read.normalize import normalize_text

    score = _scorer()
    seen: list = []
    rules = meta._find_subject

    def capture(text, title, lines, kind, gaz):
        rule = rules(text, title, lines, kind, gaz)
        seen.append((rule, subject_candidates(rule, text, title, lines, kind, gaz)))
        return rule

    # the document step as extraction runs it, the rules' choice kept (the ranker judged apart)
    meta._find_subject = capture
    docs: list[Doc] = []
    for set_name, gold, path in gold_documents(set_names):
        want = (gold.get("document") or {}).get("subject_place")
        if not want:
            continue
        seen.clear()
        meta.extract_document(Context(text=fold_script(normalize_text(read_document(path).text)), source=str(path)))
        rule, cands = seen[-1]
        rule_name = cands[0].name if rule is not None and cands else None
        docs.append(Doc(set_name, path.stem, want, rule_name is not None and score.same(want, rule_name, "place"),
                        [c.features for c in cands], [int(score.same(want, c.name, "place")) for c in cands],
                        [c.name for c in cands]))
    return docs


def fit_listwise(docs: list[Doc], idx: list[int], c: float) -> dict[str, float]:
    """Weights of a conditional logit (softmax over each document's candidates, the gold ones its
    target), L2-penalised, by Newton's method. Features seen in fewer than two documents are dropped."""
    seen: dict[str, set[int]] = {}
    for i in idx:
        for f in docs[i].feats:
            for x in f:
                seen.setdefault(x, set()).add(i)
    vocab = sorted(x for x, ds in seen.items() if len(ds) >= 2 and x != "bias")
    col = {x: j for j, x in enumerate(vocab)}
    groups = []
    for i in idx:
        d = docs[i]
        if not any(d.labels) or len(d.feats) < 2:
            continue  # nothing to learn: no right answer, or no choice
        X = np.zeros((len(d.feats), len(vocab)))
        for r, f in enumerate(d.feats):
            for x in f:
                j = col.get(x)
                if j is not None:
                    X[r, j] = 1.0
        y = np.array(d.labels, dtype=float)
        groups.append((X, y / y.sum()))
    w = np.zeros(len(vocab))
    lam = 1.0 / c
    for _ in range(50):
        grad = lam * w
        hess = np.eye(len(vocab)) * lam
        for X, t in groups:
            s = X @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mu = p @ X
            grad += mu - t @ X
            hess += (X * p[:, None]).T @ X - np.outer(mu, mu)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {x: float(w[j]) for x, j in col.items()}


def _picks(weights: dict[str, float], doc: Doc) -> int:
    scores = [sum(weights.get(x, 0.0) for x in f) for f in doc.feats]
    return int(np.argmax(scores))


def train(docs: list[Doc], idx: list[int], inner_folds: int = 5) -> tuple[dict[str, float], float]:
    """Weights from the documents ``idx`` only; C by inner cross-validation (accuracy, then log-loss)."""
    best = None
    for c in C_GRID:
        right, loss = 0.0, 0.0
        for seed in INNER_REPEATS:
            for fold in _folds(len(idx), inner_folds, seed=seed):
                held = {idx[j] for j in fold}
                w = fit_listwise(docs, [i for i in idx if i not in held], c)
                for i in held:
                    d = docs[i]
                    if not d.feats:
                        continue
                    sc = np.array([sum(w.get(x, 0.0) for x in f) for f in d.feats])
                    right += d.labels[int(np.argmax(sc))]
                    if any(d.labels):
                        p = np.exp(sc - sc.max())
                        loss -= float(np.log((p * np.array(d.labels)).sum() / p.sum() + 1e-9))
        if best is None or (right, -loss) > (best[0], -best[1]):
            best = (right, loss, c)
    return fit_listwise(docs, idx, best[2]), best[2]


def cross_validate(docs: list[Doc], k: int) -> None:
    right = [0] * len(docs)
    for fold in _folds(len(docs), k):
        held = set(fold)
        w, c = train(docs, [i for i in range(len(docs)) if i not in held])
        for i in fold:
            right[i] = docs[i].labels[_picks(w, docs[i])] if docs[i].feats else 0
            if right[i] != docs[i].rule_ok:
                print(f"  {'+' if right[i] else '-'} {docs[i].set}/{docs[i].stem}: gold {docs[i].gold}, "
                      f"ranker {docs[i].names[_picks(w, docs[i])]}, rules {docs[i].names[0] if docs[i].names else None}"
                      f" (C {c})")
    _report(docs, right)


def _report(docs: list[Doc], right: list[int], weights: dict[str, float] | None = None) -> None:
    if weights is not None:
        for d, ok in zip(docs, right):
            if ok != d.rule_ok:
                print(f"  {'+' if ok else '-'} {d.set}/{d.stem}: gold {d.gold}, ranker {d.names[_picks(weights, d)]}, "
                      f"rules {d.names[0] if d.names else None}")
    print(f"{'set':8} {'docs':>5} {'rules':>7} {'ranker':>7} {'reachable':>9}")
    for s in sorted({d.set for d in docs}, key=lambda s: (s != "seeds", s != "dev", s)):
        ids = [i for i, d in enumerate(docs) if d.set == s]
        print(f"{s:8} {len(ids):5} {sum(docs[i].rule_ok for i in ids):7} {sum(right[i] for i in ids):7}"
              f" {sum(any(docs[i].labels) for i in ids):9}")
    print(f"{'all':8} {len(docs):5} {sum(d.rule_ok for d in docs):7} {sum(right):7} "
          f"{sum(any(d.labels) for d in docs):9}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("cv", "test", "train", "dump"))
    ap.add_argument("--out", type=Path, help="dump: the documents' candidates (JSONL); train: the weights (JSON)")
    ap.add_argument("--docs", default="", help="cv, train: read the documents from these dumps (comma-separated) "
                    "instead of running the rules of this checkout")
    ap.add_argument("--test", default="", help="test: the sets to score (tuning sets only), trained on --sets")
    ap.add_argument("--evidence-only", action="store_true",
                    help="drop the features that say what the rules chose (how far the evidence goes alone)")
    ap.add_argument("--folds", type=int, default=10, help="cv folds (0: leave one document out)")
    ap.add_argument("--sets", help="the sets to use (default: every set present but the held-out ones)")
    args = ap.parse_args(argv[1:])
    sets = training_sets("train", args.sets)  # (cv as well: the held-out sets are never read here)
    if sets is None or any(held_out(t) for t in args.test.split(",") if t):
        print(f"the held-out sets ({','.join(held_out_sets())}) are never read here; "
              "score them with benchmarks/score_extraction.py", file=sys.stderr)
        return 2
    docs = [Doc(**json.loads(line)) for dump in args.docs.split(",") if dump
            for line in Path(dump).read_text(encoding="utf-8").splitlines()] if args.docs else load_docs(sets)
    if args.command == "dump":
        args.out.write_text("".join(json.dumps(vars(d), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        return 0
    tests = load_docs(args.test.split(",")) if args.command == "test" else []
    if args.evidence_only:
        for d in docs + tests:
            d.feats = [tuple(x for x in f if "rule" not in x) for f in d.feats]
    print(f"{len(docs)} documents ({', '.join(sorted({d.set for d in docs}))}), "
          f"{sum(len(d.feats) for d in docs)} candidates")
    if args.command == "cv":
        cross_validate(docs, args.folds)
        return 0
    if args.command == "test":
        w, c = train(docs, list(range(len(docs))))
        print(f"trained on {len(docs)} documents (C {c}); scored on {args.test}:")
        _report(tests, [t.labels[_picks(w, t)] if t.feats else 0 for t in tests], w)
        return 0
    from loaders.extract.quote_model import QuoteModel

    w, c = train(docs, list(range(len(docs))))
    for name, weight in sorted(w.items(), key=lambda kv: -abs(kv[1]))[:25]:
        print(f"  {weight:+.2f} {name}")
    if args.out:
        model = QuoteModel(weights=w, meta={"C": c, "documents": len(docs), "sets": sorted({d.set for d in docs})})
        args.out.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {args.out}: {len(w)} weights, C {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
