"""Train the quoted-name classifier of the named-models step, and measure it by cross-validation.

usage:
  python benchmarks/quote_model.py cv [--folds K] [--sets seeds,dev,extra-x,extra-y]
  python benchmarks/quote_model.py holdout [--sets seeds,dev,extra-z] [--test extra-x,extra-y]
  python benchmarks/quote_model.py train [--sets …]      # writes loaders/extract/quote_model.json
                                                         # (default: every set but the held-out ones)

Data: the annotated sets that are present — the five seeds (data/corpus + shared/reference/seeds-gold),
the dev set (shared/reference/dev) and the extra sets (data/reference/extra-*/). The held-out sets
(an extra set whose folder holds a ``HELD_OUT`` file: extra-ab, extra-am, extra-an, documents from other
cities nobody tunes on) measure how the step does on unseen writing: ``train`` never reads them (it refuses them in ``--sets``), ``holdout``
scores them; ``cv`` may include them (its models are thrown away). A candidate is every
quote the named-models step considers (``models.quote_candidates``); it is a positive example when
its name equals a gold named model's name of that document (compared as the scorer compares names).

Model: L2-regularised logistic regression over the binary features of ``quote_features`` (features
seen in fewer than two training documents are dropped), fitted by Newton's method in numpy. The
threshold is chosen on the training documents alone, by an inner cross-validation.

``holdout`` trains on ``--sets`` and scores whole other sets (``--test``): does a gain carry over to
documents from other cities, annotated by someone else? ``cv`` splits the documents into K folds (by document: a document's candidates are never scored by a
model that saw that document), trains on K-1 folds, runs the whole named-models step on the held-out
documents with that fold's model and scores the result with shared/reference/score.py, per set.
"""
from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# one BLAS thread: the matrices are small, and threads on a shared machine cost 15x
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.score_extraction import SETS, SHARED, held_out

MODEL_PATH = REPO / "loaders" / "extract" / "quote_model.json"
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


def _scorer():
    spec = importlib.util.spec_from_file_location("govkg_reference_score", SHARED / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def gold_sets() -> dict[str, tuple[Path, Path]]:
    """name → (texts folder, gold folder) for every annotated set present."""
    return {k: v for k, v in SETS.items() if v[1].is_dir() and any(v[1].glob("*.json"))}


def gold_documents(set_names: list[str]) -> Iterator[tuple[str, dict, Path]]:
    """(set, gold, text path) of every annotated document of ``set_names`` whose text is present."""
    for set_name, (texts, golds) in gold_sets().items():
        if set_name in set_names:
            for gp in sorted(golds.glob("*.json")):
                gold = json.loads(gp.read_text(encoding="utf-8"))
                if (texts / gold["doc"]).exists():
                    yield set_name, gold, texts / gold["doc"]


def held_out_sets() -> list[str]:
    """The present sets whose folder holds a ``HELD_OUT`` file: never training data of the shipped model."""
    return [name for name in gold_sets() if held_out(name)]


def default_training_sets() -> list[str]:
    """The sets ``train`` trains on when ``--sets`` is not given: every present set but the held-out ones."""
    return training_sets("train", None) or []


@dataclass
class Doc:
    set: str
    stem: str
    gold: dict
    ctx: object  # the Context after the steps that run before named models
    cands: list  # (name, start, end, rejected, features)
    labels: list[int]


def contexts_before(step_name: str, set_names: list[str]):
    """(set name, gold, path, Context) of every gold document of ``set_names``, the Context after the
    pipeline's steps that run before ``step_name`` (the training data of a step's trained component)."""
    sys.path.insert(0, str(REPO))
    from loaders.extract import pipeline
    from loaders.extract.context import Context
    from loaders.extract.script import fold_script
    from loaders.read.files import read_document
    from loaders.read.normalize import normalize_text

    steps = []
    for name, step in pipeline.STEPS:
        if name == step_name:
            break
        steps.append(step)
    for set_name, gold, path in gold_documents(set_names):
        ctx = Context(text=fold_script(normalize_text(read_document(path).text)), source=str(path))
        for step in steps:
            step(ctx)
        yield set_name, gold, path, ctx


def load_docs(set_names: list[str], oracle_subject: bool = False) -> list[Doc]:
    from loaders.extract.models import quote_candidates
    from loaders.extract.script import fold_script

    score = _scorer()
    docs: list[Doc] = []
    for set_name, gold, _path, ctx in contexts_before("named_models", set_names):
        if oracle_subject:  # judge owners apart from the subject-place step
            ctx.document.subject_place = fold_script(gold["document"].get("subject_place") or "") or None
        cands = quote_candidates(ctx)
        names = {score.norm(x["name"]) for x in gold.get("named_models", [])}
        labels = [int(score.norm(c[0]) in names) for c in cands]
        docs.append(Doc(set_name, Path(gold["doc"]).stem, gold, ctx, cands, labels))
    return docs


def _examples(docs: list[Doc]) -> tuple[list[list[str]], np.ndarray, list[int], list[tuple[int, str]]]:
    """Features, labels, document index and (document, name) key of every candidate not
    rejected by rule (those are never names, so not training examples)."""
    feats, ys, doc_ids, keys = [], [], [], []
    for i, d in enumerate(docs):
        for c, y in zip(d.cands, d.labels):
            if c[3]:
                continue
            feats.append(c[4])
            ys.append(y)
            doc_ids.append(i)
            keys.append((i, "".join(c[0].split())))
    return feats, np.array(ys, dtype=float), doc_ids, keys


def fit(feats: list[list[str]], y: np.ndarray, doc_ids: list[int], c: float) -> dict[str, float]:
    """Weights of an L2 logistic regression (bias not penalised) by Newton's method."""
    seen: dict[str, set[int]] = {}
    for f, d in zip(feats, doc_ids):
        for x in f:
            seen.setdefault(x, set()).add(d)
    vocab = sorted(x for x, ds in seen.items() if len(ds) >= 2 or x == "bias")
    col = {x: j for j, x in enumerate(vocab)}
    X = np.zeros((len(feats), len(vocab)))
    for i, f in enumerate(feats):
        for x in f:
            j = col.get(x)
            if j is not None:
                X[i, j] = 1.0
    lam = np.full(len(vocab), 1.0 / c)
    lam[col["bias"]] = 1e-6
    w = np.zeros(len(vocab))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        grad = X.T @ (p - y) + lam * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(lam)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {x: float(w[j]) for x, j in col.items()}


def _scores(weights: dict[str, float], feats: list[list[str]]) -> np.ndarray:
    return np.array([sum(weights.get(x, 0.0) for x in f) for f in feats])


CUTS = np.round(np.arange(-2.0, 2.01, 0.1), 2)
INNER_REPEATS = (11, 12, 13)  # seeds of the repeated inner cross-validation


def _f1_curve(scores: np.ndarray, y: np.ndarray, keys: list[tuple[int, str]]) -> np.ndarray:
    """F1 over names at every cut of ``CUTS`` (a name is accepted when any of its mentions passes, as
    the step does), not over mentions."""
    by_key: dict[tuple[int, str], tuple[float, float]] = {}
    for sc, lab, key in zip(scores, y, keys):
        old = by_key.get(key)
        by_key[key] = (max(sc, old[0]) if old else sc, max(lab, old[1]) if old else lab)
    scores = np.array([v[0] for v in by_key.values()])
    y = np.array([v[1] for v in by_key.values()])
    f1s = []
    for t in CUTS:
        pred = scores > t
        tp = float((pred & (y == 1)).sum())
        f1s.append(2 * tp / (pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0)
    return np.array(f1s)


def _pick_cut(curve: np.ndarray) -> float:
    """The highest cut within half a point of the best F1. The curve is flat over a wide range, where
    one cut's luck on a few names (which moves whenever a rule removes some easy negatives) would
    pick the threshold; on a flat stretch, precision is preferred, since documents of other cities
    quote more phrases that are not names than the training documents do."""
    best = float(curve.max())
    return max(float(t) for t, f in zip(CUTS, curve) if f >= best - 0.005)


def _best_threshold(scores: np.ndarray, y: np.ndarray, keys: list[tuple[int, str]]) -> float:
    """The cut ``_pick_cut`` takes on one F1 curve."""
    return _pick_cut(_f1_curve(scores, y, keys))


def _folds(n: int, k: int, seed: int = 7) -> list[list[int]]:
    """``k`` folds of document indices (``k`` = 0 or ≥ n: one document per fold)."""
    if k <= 0 or k >= n:
        return [[i] for i in range(n)]
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def train(docs: list[Doc], inner_folds: int = 5):
    """Weights and threshold from ``docs`` only: C and the threshold by an inner cross-validation."""
    from loaders.extract.quote_model import QuoteModel

    feats, y, doc_ids, keys = _examples(docs)
    best = None
    for c in C_GRID:
        losses, curves = [], []
        for seed in INNER_REPEATS:  # repeated with other folds: one split's luck does not decide
            oof = np.zeros(len(y))
            for fold in _folds(len(docs), inner_folds, seed=seed):
                held = set(fold)
                tr = [i for i, d in enumerate(doc_ids) if d not in held]
                te = [i for i, d in enumerate(doc_ids) if d in held]
                w = fit([feats[i] for i in tr], y[tr], [doc_ids[i] for i in tr], c)
                oof[te] = _scores(w, [feats[i] for i in te])
            p = np.clip(1 / (1 + np.exp(-oof)), 1e-6, 1 - 1e-6)
            losses.append(float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean()))
            curves.append(_f1_curve(oof, y, keys))
        # log-loss of the out-of-fold scores chooses C; the threshold is cut on the mean F1 curve
        loss = float(np.mean(losses))
        if best is None or loss < best[0]:
            best = (loss, c, _pick_cut(np.mean(curves, axis=0)))
    _loss, c, threshold = best
    weights = fit(feats, y, doc_ids, c)
    return QuoteModel(weights=weights, threshold=threshold,
                      meta={"C": c, "documents": len(docs), "candidates": len(y), "positives": int(y.sum())})


def _record(doc: Doc, model) -> dict:
    from loaders.extract.models import extract_named_models

    ctx = copy.copy(doc.ctx)
    ctx.named_models = []
    extract_named_models(ctx, model)
    return {"source": doc.stem, "text": ctx.text,
            "named_models": [m.model_dump() for m in ctx.named_models]}


def score_records(docs: list[Doc], recs: list[dict]) -> dict[str, dict[str, str]]:
    score = _scorer()
    out: dict[str, dict[str, str]] = {}
    for set_name in sorted({d.set for d in docs}, key=lambda s: (s != "seeds", s != "dev", s)):
        tally = score.Tally()
        for d, r in zip(docs, recs):
            if d.set == set_name:
                score.score_doc({"named_models": d.gold.get("named_models", [])}, r, tally, {})
        out[set_name] = {}
        for field in ("named_models", "named_models.name_only", "named_models.components"):
            if field in tally.t:
                p, r, f, tp, ng, np_ = tally.prf(field)
                out[set_name][field] = f"{f:.2f} (P {p:.2f} R {r:.2f}; {tp}/{ng}/{np_})"
    return out


def cross_validate(docs: list[Doc], k: int, dump: Path | None = None) -> dict[str, dict[str, str]]:
    recs: list[dict | None] = [None] * len(docs)
    for fold in _folds(len(docs), k):
        held = set(fold)
        model = train([d for i, d in enumerate(docs) if i not in held])
        for i in fold:
            recs[i] = _record(docs[i], model)
    if dump:
        _dump(dump, docs, recs)  # type: ignore[arg-type]
    return score_records(docs, recs)  # type: ignore[arg-type]


def _dump(path: Path, docs: list[Doc], recs: list[dict]) -> None:
    """The records as JSONL (with the subject place and places, for reading the errors)."""
    with path.open("w", encoding="utf-8") as fh:
        for d, r in zip(docs, recs):
            row = dict(r, source=f"{d.stem}.txt", document={"subject_place": d.ctx.document.subject_place},
                       places=[p.model_dump() for p in d.ctx.places])
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def training_sets(command: str, chosen: str | None) -> list[str] | None:
    """The sets a command trains on: ``chosen`` (comma-separated) or, by default, every set present
    (cv) or every set present but the held-out ones (train, holdout); None where ``train`` or
    ``holdout`` is asked to train on a held-out set."""
    present = list(gold_sets())
    held = set(held_out_sets())
    if chosen:
        sets = [s for s in chosen.split(",") if s]
    else:
        sets = present if command == "cv" else [s for s in present if s not in held]
    if command != "cv" and any(s in held for s in sets):
        return None
    return sets


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=("cv", "holdout", "train"))
    ap.add_argument("--test", default="", help="holdout: the sets to score")
    ap.add_argument("--folds", type=int, default=0, help="cv folds (0: leave one document out)")
    ap.add_argument("--sets", help="the sets to train on (default: every set present but the held-out ones; "
                    "cv: every set present)")
    ap.add_argument("--oracle-subject", action="store_true",
                    help="give named models the gold subject place (to judge owners apart from the places step)")
    ap.add_argument("--dump", type=Path, help="cv, holdout: write the scored records (JSONL) here")
    args = ap.parse_args(argv[1:])
    sets = training_sets(args.command, args.sets)
    if sets is None:
        held = ",".join(held_out_sets())
        print(f"the held-out sets ({held}) are never training data of the shipped model; "
              f"drop them from --sets (score them with: holdout --test {held})", file=sys.stderr)
        return 2
    if args.command == "holdout" and not args.test:
        args.test = ",".join(held_out_sets())
    docs = load_docs(sets, args.oracle_subject)
    if args.command == "holdout":
        model = train(docs)
        tests = load_docs(args.test.split(","), args.oracle_subject)
        print(f"trained on {len(docs)} documents ({','.join(sets)}), scored on {len(tests)} ({args.test}):")
        recs = [_record(d, model) for d in tests]
        if args.dump:
            _dump(args.dump, tests, recs)
        for set_name, fields in score_records(tests, recs).items():
            for field, value in fields.items():
                print(f"  {set_name:8} {field:26} {value}")
        return 0
    n_pos = sum(sum(d.labels) for d in docs)
    n_gold = sum(len(d.gold.get("named_models", [])) for d in docs)
    print(f"{len(docs)} documents ({', '.join(sorted({d.set for d in docs}))}); "
          f"{sum(len(d.cands) for d in docs)} quoted candidates, {n_pos} of them gold names ({n_gold} gold entries)")
    if args.command == "cv":
        how = f"{args.folds}-fold" if args.folds else "leave-one-document-out"
        print(f"{how} cross-validation by document (each document scored by a model trained without it):")
        for set_name, fields in cross_validate(docs, args.folds, args.dump).items():
            for field, value in fields.items():
                print(f"  {set_name:8} {field:26} {value}")
        return 0
    model = train(docs)
    model.meta["sets"] = sorted({d.set for d in docs})
    MODEL_PATH.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(REPO)}: {len(model.weights)} weights, threshold {model.threshold:.2f}, C {model.meta['C']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
