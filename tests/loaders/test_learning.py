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
