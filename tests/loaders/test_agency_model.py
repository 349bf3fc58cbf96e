"""The agency-span classifier: its candidates, its features, its decoding, its naming and its training script."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from loaders.extract.agencies import _span_name, model_mentions
from loaders.extract.agency_model import candidates, head_ends, propose, span_features
from loaders.extract.context import Context
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.quote_model import QuoteModel
from tests.support.scripts import load_script

REPO = Path(__file__).resolve().parents[2]
XIANNING = "421200"  # 咸宁市


def _admins(text, gaz):
    from loaders.extract.places import admin_mentions

    return {a.start: a for a in admin_mentions(text, XIANNING, gaz)}


def _script():
    return load_script(REPO / "benchmarks" / "agency_model.py")


def test_heads_end_agency_words_not_longer_words():
    text = "会议由市网格化服务管理中心主持，委员们部署工作，社会组织参加。"
    ends = set(head_ends(text))
    assert text.index("中心") + 2 in ends
    # 会议, 委员, 部署, 组织: the head's character inside a longer word ends no candidate
    for word in ("会议", "委员", "部署", "组织"):
        assert text.index(word) + 1 not in ends


def test_candidates_stay_in_one_run_of_hanzi_and_outside_blocked_offsets():
    text = "据悉，青山湖区网格中心牵头。"
    spans = {text[c.start:c.end] for c in candidates(text)}
    assert "青山湖区网格中心" in spans and "网格中心" in spans
    assert not any("，" in s for s in spans)
    blocked = bytearray(len(text) + 1)
    blocked[3:7] = b"\x01" * 4  # 青山湖区 taken by another body
    spans = {text[c.start:c.end] for c in candidates(text, blocked)}
    assert "网格中心" in spans and "青山湖区网格中心" not in spans


def test_propose_scores_a_span_as_the_sum_of_its_features():
    # the decoding sums the weights part by part (prefix sums of the pairs); training reads the whole
    # feature list: both must give one score
    text = "今年，市社区治理服务中心与区民政局联合开展活动，形成工作格局。"
    feats = {f for c in candidates(text) for f in span_features(text, c.start, c.end, set(), set())}
    rng = random.Random(3)
    weights = {f: rng.uniform(-1, 1) for f in feats}
    blocked = bytearray(len(text) + 1)
    for cut in (-50.0, 0.0):
        model = QuoteModel(weights=weights, threshold=cut)
        for c in propose(text, model, blocked, set(), set()):
            total = sum(weights.get(f, 0.0) for f in span_features(text, c.start, c.end, set(), set()))
            best = max(sum(weights.get(f, 0.0) for f in span_features(text, s, c.end, set(), set()))
                       for s in range(c.start - 5, c.end - 1)
                       if s >= 0 and all("\u4e00" <= ch <= "\u9fff" for ch in text[s:c.end]))
            assert total > cut and abs(total - best) < 1e-9  # the best start of its end


def test_proposals_never_overlap_the_grammars_agencies_or_each_other():
    text = "市民政局和市网格服务中心共同推进。"
    weights = {"bias": 5.0}  # accepts everything
    blocked = bytearray(len(text) + 1)
    blocked[0:4] = b"\x01" * 4  # 市民政局, found by the grammar
    got = propose(text, QuoteModel(weights=weights, threshold=0.0), blocked, set(), set())
    assert got and all(c.start >= 4 for c in got)
    taken = [i for c in got for i in range(c.start, c.end)]
    assert len(taken) == len(set(taken))


def test_proposed_spans_are_named_by_the_grammars_place_logic():
    gaz = load_gazetteer()
    text = "今年，市网格化服务管理中心和咸宁市社区发展促进中心、我市城乡治理委员会、中国城市治理研究会、综治工作中心一起开展工作。"
    model = QuoteModel(weights={"bias": 1.0, "k:adm": 1.0, "k:in": -9.0, "k:lv": -9.0, "k:fn": -9.0, "k:rule": -9.0},
                       threshold=0.0)
    names = {m.as_written: (m.name, m.place) for m in model_mentions(text, XIANNING, gaz, [], model)}
    assert names["市网格化服务管理中心"] == ("咸宁市网格化服务管理中心", "咸宁市")  # a level char: the subject's unit
    assert names["咸宁市社区发展促进中心"] == ("咸宁市社区发展促进中心", "咸宁市")  # a place name opens it
    assert names["我市城乡治理委员会"][0] == "咸宁市城乡治理委员会"
    assert names["中国城市治理研究会"] == ("中国城市治理研究会", None)  # a national body, as written
    assert names["综治工作中心"] == ("咸宁市综治工作中心", "咸宁市")  # no place: the subject's own unit's
    # a span opening inside a place's name (咸宁市's 市) is named by no level char
    inside = text.index("咸宁市") + 2
    assert _span_name(text, inside, text.index("促进中心") + 4, _admins(text, gaz), XIANNING, gaz) is None


def test_a_trained_model_finds_an_unruled_body_and_not_ordinary_words():
    """Trained by the script on invented sentences (gold as_written only, as the annotations give): a
    body of a form no rule covers is found in a new sentence; 格局, 大会, 机会 are not."""
    script = _script()
    gaz = load_gazetteer()
    train = [
        ("据介绍，青云网格服务中心牵头组织，形成共建共治的工作格局。", ["青云网格服务中心"]),
        ("会上，白沙矛盾调解中心介绍了经验，大会取得圆满成功。", ["白沙矛盾调解中心"]),
        ("由红枫社区治理服务中心负责，抓住发展机会，优化工作格局。", ["红枫社区治理服务中心"]),
        ("据了解，金桥邻里互助中心成立以来，召开大会三次，把握机会。", ["金桥邻里互助中心"]),
        ("目前，银杏志愿服务中心已招募志愿者，形成良好格局。", ["银杏志愿服务中心"]),
        ("近日，翠湖便民服务中心组织大会，珍惜学习机会。", ["翠湖便民服务中心"]),
    ]
    docs = []
    for i, (text, golds) in enumerate(train):
        ctx = Context(text=text, source=f"t{i}.txt")
        gold = {"doc": f"t{i}.txt", "agencies": [{"name": g, "as_written": g} for g in golds]}
        docs.append(script.make_doc("toy", f"t{i}", gold, ctx, gaz))
    weights = script.fit(docs, c=1.0)
    model = QuoteModel(weights=weights, threshold=0.0)
    text = "据悉，石门社区协商议事中心组织召开大会，抓住机会，形成新格局。"
    found = {text[c.start:c.end] for c in propose(text, model, bytearray(len(text) + 1), set(), set())}
    assert "石门社区协商议事中心" in found
    assert not any(w.endswith(("格局", "大会", "机会")) for w in found)


def test_fit_learns_a_separable_toy_problem():
    script = _script()

    class D:  # the two fields the design matrix reads
        def __init__(self, feats, labels):
            self.feats, self.labels = feats, np.array(labels, dtype=float)

    docs = [D([["bias", "good"], ["bias", "bad"]], [1, 0]) for _ in range(4)]
    w = script.fit(docs, c=1.0)
    assert w["good"] > 0 > w["bad"]


def test_the_held_out_sets_are_never_trained_on_nor_scored():
    script = _script()
    held = script.held_out_sets()
    assert held and script.refuse_held_out(["seeds", held[0]])
    assert not script.refuse_held_out(["seeds", "dev"])
    assert script.main(["agency_model.py", "loso", "--sets", f"dev,{held[0]}"]) == 2
