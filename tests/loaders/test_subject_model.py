"""The subject-place ranker experiment (benchmarks/subject_model.py, subject_candidates.py): its candidates
on invented documents, its fit, and its refusal to read held-out sets."""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.subject import find_subject
from tests.support.scripts import load_script

REPO = Path(__file__).resolve().parents[2]


def _module(name: str):
    return load_script(REPO / "benchmarks" / f"{name}.py")


def _candidates(text: str, kind: str = "其他") -> dict[str, set[str]]:
    gaz = load_gazetteer()
    title = text.split("\n", 1)[0]
    rule = find_subject(text, title, [], kind, gaz)
    cands = _module("subject_candidates").subject_candidates(rule, text, title, [], kind, gaz)
    return {c.name: set(c.features) for c in cands}


def test_a_reply_on_a_district_lists_the_district_and_its_city():
    cands = _candidates("关于在望城区推进老旧小区改造的提案的答复\n\n王明委员：\n"
                        "您提出的提案收悉。近年来，我市在望城区、岳麓区开展老旧小区改造试点，长沙市住房城乡建设局"
                        "牵头制定了改造计划。\n", kind="提案答复")
    district, city = cands["长沙市望城区"], cands["长沙市"]
    assert {"in_title", "lvl=district"} <= district
    assert "lvl=city" in city and "self_fits" in city       # 我市: the level the reply calls its own
    assert "below=2" in city                                 # the city contains both districts named
    assert sum("by=rule" in f for f in cands.values()) == 1  # one candidate is the rules' choice


def test_a_report_naming_only_our_city_and_a_county_lists_the_city_above_it():
    cands = _candidates("扎实推进基层治理工作\n\n今年以来，我市坚持党建引领，在武城县试点网格化治理，"
                        "武城县共划分网格300个。我市将总结推广这一做法。\n")
    assert "山东省" in cands and "德州市" in cands           # every unit above the county named
    assert "self_fits" in cands["德州市"] and "self_below" in cands["德州市武城县"]
    assert "n=2" in cands["德州市武城县"] and "n=0" in cands["德州市"]


def test_listwise_fit_prefers_the_feature_of_the_right_candidates():
    sm = _module("subject_model")
    docs = [sm.Doc("t", str(i), "甲", False, [("bias", "in_title"), ("bias", "n=6+")], [int(i % 4 != 0), int(i % 4 == 0)],
                   ["甲", "乙"]) for i in range(12)]
    w = sm.fit_listwise(docs, list(range(12)), 1.0)
    assert w["in_title"] > w["n=6+"]
    assert sm._picks(w, docs[1]) == 0


def test_held_out_sets_are_refused():
    sm = _module("subject_model")
    held = sm.held_out_sets()
    if not held:
        pytest.skip("no held-out set present")
    assert sm.main(["subject_model.py", "test", "--sets", "seeds", "--test", held[0]]) == 2
    assert sm.main(["subject_model.py", "cv", "--sets", held[0]]) == 2


def test_the_place_that_acts_is_marked():
    cands = _candidates("社区治理见成效\n\n近年来，德州市武城县坚持党建引领，武城县广运街道推行网格化治理，"
                        "居民满意度明显提升。\n")
    assert "acts=1" in cands["德州市武城县"] and "acts_first" in cands["德州市武城县"]
    assert "acts=0" in cands["德州市"]
