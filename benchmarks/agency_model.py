"""Train the agency-span classifier of the agencies step, and measure it by cross-validation.

usage:
  python benchmarks/agency_model.py cv [--folds K] --sets seeds,dev,extra-p,…   # by document
  python benchmarks/agency_model.py loso --sets seeds,dev,extra-p,…             # leave one set out
  python benchmarks/agency_model.py train [--sets …]   # writes loaders/extract/agency_model.json
                                                       # (default: every set but the held-out ones)

Data: the annotated sets present (``benchmarks/score_extraction.py``'s). A held-out set (its folder holds a
``HELD_OUT`` file) is refused by every command: its documents are neither trained on nor scored here.

Examples: every candidate span of ``loaders.extract.agency_model.candidates`` (a head word of the class
vocabulary, a start at most ``MAX_LEN`` characters before it in the same run of hanzi). The gold has no
offsets: a candidate is positive when its text is a gold agency's ``as_written`` of that document (both
folded to simplified characters, as the steps read the text). All candidates train the model, those the
grammar covers too (what an agency's name looks like); the threshold is chosen by the step's own objective,
score.py's agencies F1 of the grammar's names plus the names of the spans the model proposes where the
grammar found none (``_name_curve``).

Model: L2-regularised logistic regression over the binary features of ``agency_model.span_features``
(features seen in fewer than two training documents dropped), fitted by Newton's method with conjugate
gradients on a sparse design matrix in numpy. The threshold is chosen by an inner cross-validation on the
training documents alone (``_pick_cut`` of ``benchmarks/quote_model.py``: the highest cut within half a
point of the best F1).

``cv`` scores each document with a model trained without it; ``loso`` scores each set with a model trained
on the other sets given (does a gain carry over to documents of other cities, annotated by someone else?).
Both run the whole agencies step with and without the model (``extract_agencies(ctx, rules_only=True)``) and
score ``agencies`` with ``../shared/reference/score.py``: F1, precision, recall per set, before → after.
"""
from __future__ import annotations

import argparse
import copy
import os
import sys
from dataclasses import dataclass
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.quote_model import CUTS, _folds, _pick_cut, _scorer, contexts_before, held_out_sets

MODEL_PATH = REPO / "loaders" / "extract" / "agency_model.json"
C = 0.3  # the regularisation (docs/extraction.md, Agencies: measured with 0.3 and 1.0)
INNER_FOLDS = 3


@dataclass
class Doc:
    set: str
    stem: str
    gold: dict
    ctx: object          # the Context after the steps before agencies
    rules: list          # the grammar's AgencyMention list
    cands: list          # (start, end)
    feats: list          # features per candidate
    labels: np.ndarray   # 1 where the candidate is a gold as_written
    golds: set           # gold as_written (folded)
    rule_names: list     # the names of the agencies step without the model


def make_doc(set_name: str, stem: str, gold: dict, ctx, gaz) -> Doc:
    """One document's candidates, features and labels (``ctx``: after the steps before agencies)."""
    from loaders.extract.agencies import rule_mentions
    from loaders.extract.agency_model import candidates, span_features
    from loaders.extract.places import admin_mentions
    from loaders.extract.script import fold_script

    text = ctx.text
    rules = rule_mentions(ctx, gaz)
    admin_starts = {a.start for a in admin_mentions(text, ctx.subject_code(), gaz)}
    rule_ends = {a.end for a in rules}
    golds = {fold_script(a["as_written"]) for a in gold.get("agencies", []) if a.get("as_written")}
    cands, feats, labels = [], [], []
    for c in candidates(text):
        cands.append((c.start, c.end))
        feats.append(span_features(text, c.start, c.end, admin_starts, rule_ends))
        labels.append(int(text[c.start:c.end] in golds))
    doc = Doc(set_name, stem, gold, ctx, rules, cands, feats, np.array(labels, dtype=float), golds, [])
    doc.rule_names = [a["name"] for a in _agencies_record(doc, None)["agencies"]]
    return doc


def load_docs(set_names: list[str]) -> list[Doc]:
    from loaders.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    return [make_doc(set_name, Path(gold["doc"]).stem, gold, ctx, gaz)
            for set_name, gold, _path, ctx in contexts_before("agencies", set_names)]


class Design:
    """The sparse design matrix of some documents' candidates (rows, columns, one entry per feature
    occurrence), over the features seen in at least two of those documents."""

    def __init__(self, docs: list[Doc]):
        seen: dict[str, set[int]] = {}
        for i, d in enumerate(docs):
            for f in d.feats:
                for x in f:
                    seen.setdefault(x, set()).add(i)
        self.vocab = sorted(x for x, ds in seen.items() if len(ds) >= 2 or x == "bias")
        self.col = {x: j for j, x in enumerate(self.vocab)}
        self.rows, self.cols = self.index([f for d in docs for f in d.feats])
        self.y = np.concatenate([d.labels for d in docs]) if docs else np.zeros(0)
        self.n = len(self.y)

    def index(self, feats: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        rows, cols = [], []
        for i, f in enumerate(feats):
            for x in f:
                j = self.col.get(x)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
        return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=w[self.cols], minlength=self.n)

    def tdot(self, v: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=v[self.rows], minlength=len(self.vocab))


def fit(docs: list[Doc], c: float = C) -> dict[str, float]:
    """Weights of an L2 logistic regression (bias not penalised): Newton steps, each solved by conjugate
    gradients with Hessian-vector products (the design matrix stays sparse)."""
    X = Design(docs)
    d = len(X.vocab)
    lam = np.full(d, 1.0 / c)
    lam[X.col["bias"]] = 1e-6
    w = np.zeros(d)
    y = X.y
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-X.dot(w)))
        grad = X.tdot(p - y) + lam * w
        s = p * (1 - p)
        # conjugate gradients on H step = grad
        step = np.zeros(d)
        r = grad.copy()
        q = r.copy()
        rr = r @ r
        for _cg in range(60):
            hq = X.tdot(s * X.dot(q)) + lam * q
            alpha = rr / (q @ hq)
            step += alpha * q
            r -= alpha * hq
            rr_new = r @ r
            if rr_new < 1e-10 * max(1.0, grad @ grad):
                break
            q = r + (rr_new / rr) * q
            rr = rr_new
        w -= step
        if np.abs(step).max() < 1e-5:
            break
    return {x: float(w[j]) for x, j in X.col.items() if abs(w[j]) >= 1e-6}


def _name_curve(docs: list[Doc], weights: dict[str, float]) -> np.ndarray:
    """F1 of the documents' agencies (score.py's matching of names) at every cut of ``CUTS``: the
    grammar's names and the names of the spans the model proposes over the cut (named as the step names
    them). The objective the step is scored by, not the spans': a span the grammar's names already hold
    changes nothing, a span named wrong costs precision."""
    from loaders.extract.agencies import model_mentions
    from loaders.extract.gazetteer import load_gazetteer
    from loaders.extract.quote_model import QuoteModel

    sc = _scorer()
    gaz = load_gazetteer()
    lowest = float(CUTS.min())
    per_doc = []  # (gold names, rule names, [(score, name)])
    for d in docs:
        text = d.ctx.text
        at = {c: k for k, c in enumerate(d.cands)}
        props = model_mentions(text, d.ctx.subject_code(), gaz, d.rules, QuoteModel(weights=weights, threshold=lowest))
        scored = [(sum(weights.get(x, 0.0) for x in d.feats[at[(m.start, m.end)]]), m.name) for m in props]
        per_doc.append(([g["name"] for g in d.gold.get("agencies", [])], d.rule_names, scored))
    f1s = []
    for t in CUTS:
        tp = ng = npred = 0
        for gold, rules, scored in per_doc:
            names = list(dict.fromkeys(rules + [n for s_, n in scored if s_ > t]))
            _pairs, a, b, c = sc.match(gold, names, "agency")
            tp, ng, npred = tp + a, ng + b, npred + c
        f1s.append(2 * tp / (ng + npred) if ng + npred else 0.0)
    return np.array(f1s)


def train(docs: list[Doc], c: float = C):
    """Weights from ``docs``; the threshold by an inner cross-validation on them alone."""
    from loaders.extract.quote_model import QuoteModel

    curves = []
    for fold in _folds(len(docs), INNER_FOLDS, seed=11):
        held = set(fold)
        w = fit([d for i, d in enumerate(docs) if i not in held], c)
        curves.append(_name_curve([docs[i] for i in fold], w))
    cut = _pick_cut(np.mean(curves, axis=0))
    weights = fit(docs, c)
    return QuoteModel(weights=weights, threshold=cut,
                      meta={"C": c, "documents": len(docs), "candidates": int(sum(len(d.cands) for d in docs)),
                            "positives": int(sum(d.labels.sum() for d in docs))})


def _agencies_record(doc: Doc, model) -> dict:
    from loaders.extract.agencies import extract_agencies

    ctx = copy.copy(doc.ctx)
    ctx.agencies = []
    extract_agencies(ctx, model=model, rules_only=model is None)
    return {"source": doc.stem, "agencies": [a.model_dump() for a in ctx.agencies]}


def score(docs: list[Doc], recs: list[dict]) -> dict[str, tuple[float, float, float, int, int, int]]:
    sc = _scorer()
    out = {}
    for set_name in sorted({d.set for d in docs}, key=lambda s: (s != "seeds", s != "dev", s)):
        tally = sc.Tally()
        for d, r in zip(docs, recs):
            if d.set == set_name:
                sc.score_doc({"agencies": d.gold.get("agencies", [])}, r, tally, {})
        out[set_name] = tally.prf("agencies")
    return out


def _print(before: dict, after: dict, dump: list | None = None) -> None:
    print(f"  {'set':8} {'F1 before → after':20} {'P before → after':20} {'R before → after':20} tp/gold/pred after")
    for s, b in before.items():
        a = after[s]
        print(f"  {s:8} {b[2]:.2f} → {a[2]:.2f}          {b[0]:.2f} → {a[0]:.2f}          {b[1]:.2f} → {a[1]:.2f}"
              f"          {a[3]}/{a[4]}/{a[5]} (was {b[3]}/{b[4]}/{b[5]})")
    fb = np.mean([v[2] for v in before.values()])
    fa = np.mean([v[2] for v in after.values()])
    print(f"  mean F1 over sets {fb:.3f} → {fa:.3f}")


def _added(docs: list[Doc], recs_before: list[dict], recs_after: list[dict]) -> None:
    """The names the model added, marked + (gold) or - (not gold)."""
    sc = _scorer()
    for d, rb, ra in zip(docs, recs_before, recs_after):
        old = {a["name"] for a in rb["agencies"]}
        gold = [g["name"] for g in d.gold.get("agencies", [])]
        for a in ra["agencies"]:
            if a["name"] not in old:
                ok = any(sc.same(g, a["name"], "agency") for g in gold)
                print(f"    {d.set:8} {d.stem:32} {'+' if ok else '-'} {a['name']}  ({a['mentions'][0]['as_written']})")


def refuse_held_out(sets: list[str]) -> bool:
    held = set(held_out_sets())
    bad = [s for s in sets if s in held]
    if bad:
        print(f"{','.join(bad)}: held out — never trained on nor scored by this script", file=sys.stderr)
    return bool(bad)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("cv", "loso", "train"))
    ap.add_argument("--sets", help="comma-separated annotated sets (default: every set present but the held-out ones)")
    ap.add_argument("--folds", type=int, default=5, help="cv folds")
    ap.add_argument("--c", type=float, default=C, help="the regularisation")
    ap.add_argument("--show", action="store_true", help="list the names the model adds")
    ap.add_argument("--cut", type=float, help="cv, loso: this threshold instead of the inner cross-validation's "
                    "(what the model does where it is let act)")
    args = ap.parse_args(argv[1:])
    from benchmarks.quote_model import gold_sets

    held = set(held_out_sets())
    sets = [s for s in args.sets.split(",") if s] if args.sets else [s for s in gold_sets() if s not in held]
    if refuse_held_out(sets):
        return 2
    docs = load_docs(sets)
    n_pos = int(sum(d.labels.sum() for d in docs))
    n_gold = sum(len(d.golds) for d in docs)
    print(f"{len(docs)} documents ({', '.join(sets)}); {sum(len(d.cands) for d in docs)} candidate spans, "
          f"{n_pos} of them gold as_written ({n_gold} distinct gold as_written per document)")
    if args.command == "train":
        model = train(docs, args.c)
        model.meta["sets"] = sorted({d.set for d in docs})
        MODEL_PATH.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(REPO)}: {len(model.weights)} weights, threshold {model.threshold:.2f}")
        return 0
    if args.command == "cv":
        groups = _folds(len(docs), args.folds)
    else:
        groups = [[i for i, d in enumerate(docs) if d.set == s] for s in sets]
    models: list = [None] * len(docs)
    for fold in groups:
        held_docs = set(fold)
        rest = [d for i, d in enumerate(docs) if i not in held_docs]
        if args.cut is None:
            model = train(rest, args.c)
        else:
            from loaders.extract.quote_model import QuoteModel

            model = QuoteModel(weights=fit(rest, args.c), threshold=args.cut)
        print(f"  model without {docs[fold[0]].set if args.command == 'loso' else 'fold'}: "
              f"{len(model.weights)} weights, threshold {model.threshold:.2f}", flush=True)
        for i in fold:
            models[i] = model
    before = [_agencies_record(d, None) for d in docs]
    after = [_agencies_record(d, m) for d, m in zip(docs, models)]
    how = f"{args.folds}-fold cross-validation by document" if args.command == "cv" else "leave one set out"
    print(f"{how}: agencies, rules only → rules + model (score.py)")
    _print(score(docs, before), score(docs, after))
    if args.show:
        _added(docs, before, after)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
