"""Measures: leaf-level enumerated items, their spans, summaries, status, practices, agencies, models."""
from __future__ import annotations

import pytest

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

# three levels of headings and an inline series inside a numbered item, as replies are written
NESTED = (
    "现答复如下：\n"
    "一、社区治理整体情况\n"
    "（一）组织体系已经建立。2019年，成立社区治理工作领导小组，明确成员单位职责。\n"
    "另起一段，说明其他情况，共有32个部门参与。\n"
    "（二）加强队伍建设\n"
    "1.建立双向评价制度。建立街道、群众双向评价社区工作者的考核机制，覆盖120个社区。\n"
    "2.强化管理考核，确保干有约束。一是建立日常管理机制。实行履职纪实。二是建立退出管理机制。"
    "对考核不合格的予以解聘。\n"
    "二、下一步打算\n"
    "（一）推广积分制管理\n"
    "在全市推广积分制管理，2022年实现全覆盖。\n"
)


def _ctx(text: str = TEXT) -> Context:
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="十堰市"))
    if "市委组织部" in text:
        i = text.index("市委组织部")
        ctx.agencies.append(AgencyRec(name="十堰市委组织部", place="十堰市",
                                      mentions=[Mention(start=i, end=i + 5, as_written="市委组织部")]))
    if "“红色管家”" in text:
        j = text.index("“红色管家”")
        ctx.named_models.append(NamedModelRec(name="红色管家", owner="十堰市",
                                              mentions=[Mention(start=j, end=j + 6, as_written="“红色管家”")]))
    extract_measures(ctx)
    return ctx


def test_items_of_every_series():
    kinds = [(it.kind, it.ordinal) for it in find_items(TEXT)]
    assert ("cn_dun", "一") in kinds and ("cn_paren", "二") in kinds
    assert kinds.count(("inline", "一")) == 2


def test_items_nest_by_series_level():
    items = find_items(NESTED)
    by = {(it.kind, it.ordinal, NESTED[it.body:it.body + 4]): it for it in items}
    top = by[("cn_dun", "一", "社区治理")]
    team = by[("cn_paren", "二", "加强队伍")]
    check = by[("num_dot", "2", "强化管理")]
    daily = by[("inline", "一", "建立日常")]
    assert top.has_children and team.has_children and check.has_children and not daily.has_children
    assert items[daily.parent] is check and items[check.parent] is team and items[team.parent] is top


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


def test_headings_without_a_body_are_not_measures():
    summaries = {m.summary for m in _ctx().measures} | {m.summary for m in _ctx(NESTED).measures}
    assert not summaries & {"强化党建引领", "推进减负", "下一步工作", "社区治理整体情况", "加强队伍建设",
                            "强化管理考核", "下一步打算"}


@pytest.mark.parametrize(("summary", "span_text"), [
    ("成立社区治理工作领导小组", "（一）组织体系已经建立。2019年，成立社区治理工作领导小组，明确成员单位职责。"),
    ("建立双向评价制度", "1.建立双向评价制度。建立街道、群众双向评价社区工作者的考核机制，覆盖120个社区。"),
    ("建立日常管理机制", "一是建立日常管理机制。实行履职纪实。"),
    ("建立退出管理机制", "二是建立退出管理机制。对考核不合格的予以解聘。"),
    ("推广积分制管理", "（一）推广积分制管理\n在全市推广积分制管理，2022年实现全覆盖。"),
])
def test_span_is_the_item_only(summary, span_text):
    by = {m.summary: m for m in _ctx(NESTED).measures}
    m = by[summary]
    assert NESTED[m.span.start:m.span.end] == span_text


def test_heading_path_gives_status():
    by = {m.summary: m for m in _ctx(NESTED).measures}
    assert by["推广积分制管理"].status == "planned"  # under 二、下一步打算
    assert by["建立双向评价制度"].status == "done"
    assert by["推广积分制管理"].year == 2022
    assert by["推广积分制管理"].practices == ["积分制管理"]


def test_heading_context_fills_practices():
    text = "一、推进社区工作者职业体系建设\n1.规范招聘。公开招聘，择优录用。\n2.落实待遇。按时足额发放。\n"
    by = {m.summary: m for m in _ctx(text).measures}
    assert set(by) == {"规范招聘", "落实待遇"}
    assert all("社区工作者职业体系" in m.practices for m in by.values())


def test_page_broken_paragraph_runs_on():
    text = ("下一步，我们将着力建设社区治理共同体。一是进一步完善社区治理体制机制。坚持党建引领基层社会治理机制，大力推进党组织设置和活动创新，加强\n\n"
            "基层党组织规范化建设。二是进一步优化社区治理改革举措。推动社区治理向下延伸。\n")
    ms = _ctx(text).measures
    assert [m.summary for m in ms] == ["进一步完善社区治理体制机制", "进一步优化社区治理改革举措"]
    assert text[ms[0].span.start:ms[0].span.end].endswith("基层党组织规范化建设。")
    assert all(m.status == "planned" for m in ms)


def test_document_practices_are_set():
    ctx = _ctx()
    assert {"大党委/大工委", "证明事项清理", "社区工作准入", "社区工作者培训", "社区基金/社区经济"} <= set(ctx.practices)


# section headings, problems and the reply's talk about the proposal are not measures
HEADINGS = (
    "现答复如下：\n"
    "一、对本提案的办理概述\n"
    "本提案经深入调研，提出了若干意见。\n"
    "二、工作开展情况\n"
    "2022年，市委、市政府高度重视，出台了社区减负十条措施。\n"
    "三、指导思想\n"
    "坚持以人民为中心，推动社区治理现代化。\n"
    "四、我局高度重视您的建议\n"
    "局党组专题研究，明确分管领导。\n"
    "（一）组织覆盖不均衡，服务供给有短板\n"
    "部分社区党组织作用发挥不够。\n"
)


def test_section_headings_are_not_measures():
    got = [m.summary for m in _ctx(HEADINGS).measures]
    # a heading over reported work gives the action its text opens with
    assert got == ["出台了社区减负十条措施"]


ADVICE = (
    "对策建议：\n"
    "1.建立社区工作者薪酬增长机制。\n"
    "2.设立社区发展基金。\n"
    "3.推行积分制管理。\n"
)


def test_items_listed_under_recommendations_are_planned():
    got = {m.summary: m.status for m in _ctx(ADVICE).measures}
    assert got == {"建立社区工作者薪酬增长机制": "planned", "设立社区发展基金": "planned", "推行积分制管理": "planned"}


def test_a_heading_about_the_proposals_suggestions_holds_done_work():
    text = "二、议案中所提建议的落实情况\n（一）推进网格化管理\n全市划分网格860个，配齐网格员。\n"
    (m,) = _ctx(text).measures
    assert m.status == "done"


def test_a_number_in_running_text_is_not_an_item():
    text = "为居民在生\n2、产、生活中提供便利，我们还将加强监督检查工作。\n"
    assert _ctx(text).measures == []


def test_measure_place_is_the_place_its_section_is_about():
    from loaders.extract.pipeline import extract_text

    text = ("襄阳市民政局关于市政协第8号提案的答复\n\n尊敬的李委员：\n您提出的提案收悉，现答复如下：\n"
            "一、樊城区的做法\n"
            "（一）推行小区议事会\n在各小区设立议事会，每月议事一次。\n"
            "二、全市推进情况\n"
            "（一）完善网格体系\n全市划分网格1200个，配备专职网格员。\n")
    rec = extract_text(text, "t.txt")
    got = {m.summary: m.place for m in rec.measures}
    assert got["推行小区议事会"] == "襄阳市樊城区"
    assert got["完善网格体系"] == "襄阳市"
    # and its figures take that place where their own sentence names none
    assert {m.as_written: m.place for m in rec.metrics}["1200个"] == "襄阳市"


def test_practices_skip_titles_of_other_texts_but_keep_the_places_own_documents():
    from loaders.extract.pipeline import extract_text

    cited = "某街道“邻里汇”典型经验入选省委组织部《坚持党建引领 共建美好家园》案例选编。"
    assert "党建引领" not in extract_text(cited, "t.txt").practices
    own = "2022年，区委印发《关于党建引领小区治理的实施意见》。"
    rec = extract_text(own, "t.txt")
    assert [p.title for p in rec.policies] == ["关于党建引领小区治理的实施意见"]
    assert "党建引领" in rec.practices


RESULT_HEADINGS = (
    "一、工作成效\n"
    "（一）基层治理能力进一步增强。全区推行网格化管理，划分网格210个。\n"
    "（二）协商议事机制已经建立。各社区成立居民议事会，每月召开一次。\n"
    "（三）服务效能明显提升\n"
)


def test_a_heading_that_states_a_result_is_not_a_measure():
    """'…进一步增强', '…已经建立': what became of the work, not an action; the action its text opens
    with is the measure, and a result heading with no action under it gives none."""
    got = [m.summary for m in _ctx(RESULT_HEADINGS).measures]
    assert "基层治理能力进一步增强" not in got and "协商议事机制已经建立" not in got
    assert "服务效能明显提升" not in got
    assert got and "推行网格化管理" in got[0]


def test_a_sentence_of_the_province_inside_a_districts_measure_gives_it_no_practice():
    """省住建厅于…修订《…办法》，将…党建工作列入考评细则 reports the province's work: a district's measure whose
    span opens with it does not take its practice; the district's own sentences still count."""
    from loaders.extract.pipeline import extract_text

    text = ("襄阳市樊城区住建局关于区政协第8号提案的答复\n\n尊敬的李委员：\n您提出的提案收悉，现答复如下：\n"
            "一、开展物业信用评价\n省住建厅于2023年修订《湖北省物业服务企业信用评价办法》，将企业党建工作列入考评细则。"
            "我局组织物业企业申报年度信用考评，规范物业服务行为。\n"
            "二、推进红色物业\n我局推动12家物业企业成立党支部，以党建引领小区治理。\n")
    rec = extract_text(text, "t.txt")
    got = {m.summary: m.practices for m in rec.measures}
    first = next(v for k, v in got.items() if "信用评价" in k)
    assert "党建引领" not in first and "物业管理提升" in first
    assert "党建引领" in next(v for k, v in got.items() if "红色物业" in k)


def test_a_practice_named_only_in_a_bracket_gloss_is_no_practice_of_the_measure():
    """到居住地小区（网格）报到 names the compound another way (its grid): the measure reporting party members there does not
    do 网格化治理; a grid named as the work (划分网格) still counts, and the document keeps the practice."""
    from loaders.extract.pipeline import extract_text

    text = ("某市民政局关于市政协第12号提案的答复\n\n尊敬的王委员：\n您提出的提案收悉，现答复如下：\n"
            "一、推动党员下沉\n全市800余名机关党员到居住地小区（网格）报到，参与志愿服务。\n"
            "二、做实基层网格\n各社区划分网格120个，配备专职网格员。\n")
    rec = extract_text(text, "t.txt")
    got = {m.summary: m.practices for m in rec.measures}
    assert "网格化治理" not in next(v for k, v in got.items() if "党员下沉" in k)
    assert "网格化治理" in next(v for k, v in got.items() if "网格" in k and "党员" not in k)
    assert "网格化治理" in rec.practices
