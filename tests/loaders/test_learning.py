"""Learning: who studied or borrowed from whom."""
from __future__ import annotations

import pytest

from loaders.extract.context import Context
from loaders.extract.learning import extract_learning
from loaders.record import DocumentMeta, Mention, PlaceRec


def _ctx(text: str, externals: dict[str, tuple[str, ...]]) -> Context:
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="襄阳市"))
    ctx.places.append(PlaceRec(name="襄阳市", level="city", role="subject"))
    for name, forms in externals.items():
        ms = []
        for form in forms:
            i = text.find(form)
            while i >= 0:
                ms.append(Mention(start=i, end=i + len(form), as_written=form))
                i = text.find(form, i + len(form))
        ctx.places.append(PlaceRec(name=name, level="city", role="external", mentions=ms))
    return ctx


@pytest.mark.parametrize("text,externals,sources", [
    ("借鉴南京、苏州等地先进经验，推进智慧社区建设。", {"南京市": ("南京",), "苏州市": ("苏州",)},
     ["南京市", "苏州市"]),
    ("4月，市民政局组织赴厦门开展社区营造方面考察。", {"厦门市": ("厦门",)}, ["厦门市"]),
    ("市考察组赴浙江省桐乡市参观学习。", {"桐乡市": ("浙江省桐乡市",)}, ["桐乡市"]),
    ("要求各地学习借鉴，学习宁波市“红色物业联盟”机制。", {"宁波市": ("宁波市",)}, ["宁波市"]),
])
def test_learning(text, externals, sources):
    ctx = _ctx(text, externals)
    extract_learning(ctx)
    assert [r.source for r in ctx.learning] == sources
    assert all(r.learner == "襄阳市" for r in ctx.learning)
    assert all(r.span and r.span.start <= r.span.end for r in ctx.learning)


@pytest.mark.parametrize("text", [
    "安排全省各地市借鉴学习。",
    "组织干部到社区开展学习。",
    "成都市的经验值得关注。",
])
def test_no_learning(text):
    ctx = _ctx(text, {"成都市": ("成都市",)})
    extract_learning(ctx)
    assert ctx.learning == []


def test_same_source_twice_gives_one_entry():
    text = "学习杭州市经验。3月，考察组赴杭州市考察学习。"
    ctx = _ctx(text, {"杭州市": ("杭州市",)})
    extract_learning(ctx)
    assert [r.source for r in ctx.learning] == ["杭州市"]


def test_a_visit_to_look_into_work_is_not_learning():
    ctx = _ctx("市政协主席率调研组赴成都市开展专题调研。", {"成都市": ("成都市",)})
    extract_learning(ctx)
    assert ctx.learning == []


def test_the_learner_is_the_place_the_sentence_is_about():
    from loaders.extract.pipeline import extract_text

    text = ("襄阳市民政局关于市政协第5号提案的答复\n\n尊敬的张委员：\n您提出的提案收悉，现答复如下：\n"
            "浙江省桐乡市推行“三治融合”，桐乡市先后赴杭州市上城区考察学习，又赴嘉兴市考察学习。\n"
            "我市组织考察组赴浙江省桐乡市参观学习。\n")
    rec = extract_text(text, "t.txt")
    pairs = {(lr.learner, lr.source) for lr in rec.learning}
    assert ("桐乡市", "杭州市上城区") in pairs  # the passage is about 桐乡市: it is the learner
    assert ("桐乡市", "嘉兴市") not in pairs  # a county and its own city are not learning from each other
    assert ("襄阳市", "桐乡市") in pairs


def test_a_clause_whose_places_include_the_learner_records_nothing():
    # 襄阳市 is the subject and also one of the places "studied": the learner is not known
    ctx = _ctx("组织考察组到湖北襄阳、湖南长沙等地学习借鉴社区建设。", {"长沙市": ("长沙",)})
    ctx.places[0].mentions.append(Mention(start=8, end=10, as_written="襄阳"))
    extract_learning(ctx)
    assert ctx.learning == []
