"""The quoted-name classifier: its shipped weights, its features and its training script."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from loaders.extract.quote_features import QuoteView, quote_features
from loaders.extract.quote_model import QuoteModel, load_quote_model
from tests.support.scripts import load_script

REPO = Path(__file__).resolve().parents[2]


def _script():
    return load_script(REPO / "benchmarks" / "quote_model.py")


def test_shipped_weights_are_small_and_their_features_exist():
    path = REPO / "loaders" / "extract" / "quote_model.json"
    assert path.stat().st_size < 100_000
    model = load_quote_model()
    assert "bias" in model.weights and -5 < model.threshold < 5
    # every weight belongs to a feature quote_features can emit (a name or a name=value family)
    families = {k.split("=", 1)[0] + ("=" if "=" in k else "") for k in model.weights}
    known = {"bias", "len=", "seps=", "comma", "sent_punct", "ends_stop", "space", "dot", "plus", "dash",
             "num_cn_lead", "num_cn_inside", "digit_lead", "digit", "speech_words", "speech_words2",
             "de_inside", "common_word", "lex=", "z=", "zz=", "b1=", "f1=", "b2=", "f2=", "ta=",
             "chain_tail_type", "rule_acc", "rule_neg=", "chain", "chain4+", "chain_rule", "place_before",
             "line_head", "title", "nested", "repeats", "speech_before", "award", "leader", "as_x",
             "parts_parallel", "parts_uneven", "question", "problem_verb", "figure_verb"}
    assert families <= known


def test_model_json_round_trip_and_decision():
    m = QuoteModel(weights={"bias": -1.0, "ta=品牌": 2.5}, threshold=0.5, meta={"C": 1.0})
    back = QuoteModel.from_json(m.to_json())
    assert back.weights == m.weights and back.threshold == 0.5
    assert back.accept(["bias", "ta=品牌"]) and not back.accept(["bias"])
    assert abs(back.probability(["bias"]) - 1 / (1 + np.e)) < 1e-9


def test_features_read_shape_and_context():
    v = QuoteView("我们都很满意。", before="居民说：", after="他补充", clause_before="居民说：")
    f = set(quote_features(v))
    assert {"speech_before", "speech_words", "ends_stop", "sent_punct"} <= f
    v = QuoteView("小事不出网格、大事不出社区", before="坚持", after="的原则", clause_before="坚持")
    f = set(quote_features(v))
    assert {"parts_parallel", "seps=1"} <= f and "parts_uneven" not in f
    v = QuoteView("网格干什么", before="回答了", after="的问题", clause_before="回答了")
    assert "question" in quote_features(v)


def test_folds_never_score_a_document_on_its_own_training():
    script = _script()
    for n, k in ((10, 3), (7, 0), (5, 10)):
        folds = script._folds(n, k)
        flat = [i for f in folds for i in f]
        assert sorted(flat) == list(range(n))  # a partition: each document held out exactly once
    assert all(len(f) == 1 for f in script._folds(7, 0))  # 0 = leave one out


def test_fit_learns_a_separable_toy_problem():
    script = _script()
    feats = [["bias", "good"]] * 6 + [["bias", "bad"]] * 6
    y = np.array([1.0] * 6 + [0.0] * 6)
    docs = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]
    w = script.fit(feats, y, docs, c=1.0)
    assert w["good"] > 0 > w["bad"]


def test_the_held_out_sets_are_never_training_data():
    script = _script()
    # the shipped weights say what they were trained on; the held-out sets are not among them
    sets = load_quote_model().meta.get("sets") or []
    assert sets and not set(sets) & set(script.held_out_sets())
    # train and holdout leave them out by default and refuse them when asked; cv may score them
    assert not set(script.training_sets("train", None) or []) & set(script.held_out_sets())
    assert script.training_sets("train", "seeds,extra-ab") is None
    assert script.training_sets("holdout", "dev,extra-am") is None
    assert script.training_sets("train", "seeds,dev") == ["seeds", "dev"]
    assert script.training_sets("cv", "seeds,extra-x") == ["seeds", "extra-x"]


def test_the_threshold_is_the_highest_cut_of_a_flat_best_stretch():
    script = _script()
    # three good names scored 1.0, two bad ones -1.0: every cut from -1.0 to 0.9 keeps the three and
    # drops the two, so all give the best F1; the highest of them is taken
    scores = np.array([1.0, 1.0, 1.0, -1.0, -1.0])
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0])
    keys = [(0, str(i)) for i in range(5)]
    t = script._best_threshold(scores, y, keys)
    assert abs(t - 0.9) < 1e-9


def test_held_out_sets_are_not_trained_on_by_default():
    script = _script()
    present = script.gold_sets()
    default = script.default_training_sets()
    held = {name for name, (_, gold) in present.items() if (gold.parent / "HELD_OUT").exists()}
    assert held and held.isdisjoint(default)  # at least one held-out set ships, and it is not a default
    assert set(default) | held == set(present)  # everything else is
