"""Measures: enumerated items, their status, practices, agencies and models."""
from __future__ import annotations

from loaders.extract.context import Context
from loaders.extract.measures import extract_measures, find_items
from loaders.record import AgencyRec, DocumentMeta, Mention, NamedModelRec

TEXT = (
    "一、强化党建引领\n"
    "（一）健全组织体系\n"
    "2020年，全市社区建成大党委，市委组织部牵头推行“红色管家”工程。\n"
    "（二）推进减负\n"
    "一是清理证明事项。二是正在推进社区工作准入。\n"
    "二、下一步工作\n"
    "下一步，我们将加强队伍建设。一是计划开展社区工作者培训。二是拟设立社区发展基金。\n"
)


def _ctx() -> Context:
    ctx = Context(text=TEXT, source="t", document=DocumentMeta(subject_place="十堰市"))
    i = TEXT.index("市委组织部")
    ctx.agencies.append(AgencyRec(name="十堰市委组织部", place="十堰市",
                                  mentions=[Mention(start=i, end=i + 5, as_written="市委组织部")]))
    j = TEXT.index("“红色管家”")
    ctx.named_models.append(NamedModelRec(name="红色管家", owner="十堰市",
                                          mentions=[Mention(start=j, end=j + 6, as_written="“红色管家”")]))
    extract_measures(ctx)
    return ctx


def test_items_of_every_series():
    kinds = [(it.kind, it.ordinal) for it in find_items(TEXT)]
    assert ("cn_dun", "一") in kinds and ("cn_paren", "二") in kinds
    assert kinds.count(("inline", "一")) == 2


def test_measure_fields():
    ctx = _ctx()
    by = {m.summary: m for m in ctx.measures}
    m = by["健全组织体系"]
    assert m.year == 2020 and m.status == "done"
    assert m.agencies == ["十堰市委组织部"] and m.named_models == ["红色管家"]
    assert "大党委/大工委" in m.practices
    assert by["正在推进社区工作准入"].status == "ongoing"
    assert "社区工作准入" in by["正在推进社区工作准入"].practices
    assert by["计划开展社区工作者培训"].status == "planned"
    assert by["拟设立社区发展基金"].status == "planned"
    assert all(m.span.start < m.span.end <= len(TEXT) for m in ctx.measures)


def test_document_practices_are_set():
    ctx = _ctx()
    assert {"大党委/大工委", "证明事项清理", "社区工作准入", "社区工作者培训", "社区基金/社区经济"} <= set(ctx.practices)
