"""Measures in report-style text: unnumbered section headings, paragraphs opening with a lead clause."""
from __future__ import annotations

from itertools import pairwise

import pytest

from loaders.extract.context import Context
from loaders.extract.measures import extract_measures
from loaders.record import DocumentMeta

# a 调研报告 in the style of another province (江苏 苏州市姑苏区), with captions, an opening, a
# problems section, a recommendations section and a next-steps section
SUZHOU = (
    "按照市人大常委会年度工作要点，调研组于6月赴姑苏区开展社区治理专题调研。现将调研情况报告如下。\n"
    "区委书记、区长王强在虎丘街道调研。\n"
    "强化党建引领 筑牢基层治理根基\n"
    "坚持一线指挥，实施“书记领航”工程。区委把社区治理作为一把手工程，建立区、街道、社区三级书记例会制度，"
    "全年召开例会12次，解决难题80余个。\n"
    "深化网格治理，织密服务网络。全区划分网格1200个，配备专职网格员1500名，推行网格事项清单管理。\n"
    "市委副书记、市长陈平在澜湖社区检查指导工作。\n"
    "稳步推进老旧小区改造，改善居住条件。2021年以来，投入资金3.2亿元，完成老旧小区整治改造42个，惠及居民1.8万户。\n"
    "存在的主要问题\n"
    "加强社区工作者队伍建设仍有短板。部分社区工作者年龄偏大，专业化水平不高，难以适应新形势要求。\n"
    "几点建议\n"
    "建立社区工作者职业体系，提升待遇保障水平。建议参照先进地区做法，落实岗位等级序列和薪酬体系。\n"
    "下一步工作打算\n"
    "深化社区减负增效，推行社区工作准入制度。清理规范各类考核评比和证明事项，让社区回归服务本职。\n"
)


def _measures(text: str, place: str = "苏州市姑苏区") -> list:
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place=place))
    extract_measures(ctx)
    return ctx.measures


@pytest.fixture(scope="module")
def suzhou():
    return {m.summary: m for m in _measures(SUZHOU)}


def test_lead_paragraphs_become_measures(suzhou):
    assert set(suzhou) == {
        "坚持一线指挥，实施“书记领航”工程", "深化网格治理，织密服务网络", "稳步推进老旧小区改造，改善居住条件",
        "深化社区减负增效，推行社区工作准入制度"}


def test_fields_of_a_lead_paragraph_measure(suzhou):
    m = suzhou["稳步推进老旧小区改造，改善居住条件"]
    assert m.status == "done" and m.year == 2021 and "老旧小区改造" in m.practices
    para = SUZHOU[m.span.start:m.span.end]
    assert para.startswith("稳步推进老旧小区改造") and para.endswith("惠及居民1.8万户。")
    assert "网格化治理" in suzhou["深化网格治理，织密服务网络"].practices


def test_next_steps_section_is_planned_and_problems_and_advice_are_skipped(suzhou):
    assert suzhou["深化社区减负增效，推行社区工作准入制度"].status == "planned"
    assert not any(s.startswith(("加强社区工作者", "建立社区工作者")) for s in suzhou)


@pytest.mark.parametrize("text", [
    # opening paragraph before any heading
    "坚持问题导向，开展专题调研。调研组先后走访了十个街道和二十个社区，召开座谈会六场。\n",
    # a caption: one sentence naming an official visiting
    "聚焦社区服务 提升群众满意度\n市委副书记、市长陈平在澜湖社区检查指导工作。\n",
    # a lead clause too long to be a lead
    ("聚焦社区服务 提升群众满意度\n推进社区综合服务设施建设和社区服务体系全面升级改造工程建设，"
     "投入资金1.5亿元，新建社区综合服务设施30个，改扩建45个，服务面积大幅增加。\n"),
    # not verb-led: narrative
    "聚焦社区服务 提升群众满意度\n2019年8月，我市成功创建省级社区治理实验区，目前正全力向国家级实验区冲刺。\n",
    # quoting a meeting
    "聚焦社区服务 提升群众满意度\n坚持党的领导，全会指出要加强和创新社会治理，完善社会治理体系，健全党组织领导的自治体系。\n",
])
def test_not_a_lead_paragraph_measure(text):
    assert _measures(text) == []


def test_the_same_paragraph_after_a_heading_is_a_measure():
    text = "聚焦社区服务 提升群众满意度\n坚持问题导向，开展专题调研。调研组先后走访了十个街道和二十个社区，召开座谈会六场。\n"
    assert [m.summary for m in _measures(text)] == ["坚持问题导向，开展专题调研"]


def test_paragraphs_inside_numbered_sections():
    text = (
        "一、主要做法\n"
        "（一）强化组织保障\n"
        "建立联席会议制度，由区委牵头定期研究社区治理重大问题，全年召开会议4次。\n"
        "推行网格化管理，实现全覆盖。全区划分网格300个，配备网格员320名，网格事项清单化管理。\n"
        "二、下一步工作\n"
        "加快智慧社区建设，推广线上议事。年内建成社区智慧平台，实现办事不出社区。\n"
    )
    measures = _measures(text)
    by = {m.summary: m for m in measures}
    # the item's own paragraph stays the item's measure; the next paragraph is a lead paragraph;
    # the title-only heading 二、下一步工作 takes the paragraph after it as its own text
    assert list(by) == ["强化组织保障", "推行网格化管理，实现全覆盖", "下一步工作"]
    assert by["推行网格化管理，实现全覆盖"].status == "done"
    assert "网格化治理" in by["推行网格化管理，实现全覆盖"].practices
    assert by["下一步工作"].status == "planned"
    spans = [(m.span.start, m.span.end) for m in measures]
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_recommendation_paragraphs_are_skipped():
    text = ("三、对策建议\n（一）完善机制\n强化统筹协调，建立联席会议制度。由区委牵头，定期研究解决社区治理中的重大问题。\n"
            "加大经费投入，保障社区运转。将社区工作经费纳入财政预算并建立正常增长机制，逐年提高。\n")
    assert [m.summary for m in _measures(text)] == ["完善机制"]
    # the same paragraphs in a section of work done are measures
    done = text.replace("对策建议", "主要做法")
    assert [m.summary for m in _measures(done)] == ["完善机制", "加大经费投入，保障社区运转"]


def test_span_is_capped():
    body = "全区新建社区服务站一处，配备工作人员若干名，服务群众上千人次。" * 40
    text = "聚焦社区服务 提升群众满意度\n实施服务提质工程。" + body + "\n"
    (m,) = _measures(text, "某市")
    assert m.summary == "实施服务提质工程"
    assert m.span.end - m.span.start <= 600 and text[m.span.end - 1] == "。"
