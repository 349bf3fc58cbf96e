"""Attribution inside a text: the place each figure is about, and plans versus results.

Sentences are invented, written the way replies and reports put it; places are real units of the
gazetteer (the places step resolves them)."""
from __future__ import annotations

import pytest

from loaders.extract.attribution import states_plan, states_standard
from loaders.extract.pipeline import extract_text

_HEAD = "襄阳市民政局关于市政协第12号提案的答复\n\n尊敬的王委员：\n您提出的关于社区治理的提案收悉，现答复如下：\n"


def _metrics(body: str) -> dict[str, tuple[str | None, str | None]]:
    rec = extract_text(_HEAD + body, "t.txt")
    assert rec.document.subject_place == "襄阳市"
    return {m.as_written: (m.place, m.status) for m in rec.metrics}


def test_figures_of_a_place_studied_belong_to_that_place():
    got = _metrics("今年，我市组织考察组赴浙江省桐乡市学习。桐乡市推行“三治融合”，全市建成议事会216个，"
                   "培育骨干480名。\n我市新建社区议事会35个。\n")
    assert got["216个"] == ("桐乡市", "done")
    assert got["480名"] == ("桐乡市", "done")  # the next clause continues the same passage
    assert got["35个"] == ("襄阳市", "done")   # a new paragraph about the city itself


def test_districts_named_clause_by_clause():
    got = _metrics("全市增加社区工作者岗位90名，其中，樊城区增加岗位40名、襄州区增加岗位30名。\n")
    assert got["90名"][0] == "襄阳市"
    assert got["40名"][0] == "襄阳市樊城区"
    assert got["30名"][0] == "襄阳市襄州区"


def test_whole_city_after_a_district_is_the_city():
    got = _metrics("樊城区建成党群服务中心12个。全市共建成党群服务中心150个。\n")
    assert got["12个"][0] == "襄阳市樊城区"
    assert got["150个"][0] == "襄阳市"


def test_a_province_wide_figure():
    got = _metrics("目前，湖北全省累计清理证明事项58项。\n")
    assert got["58项"][0] == "湖北省"


def test_plans_targets_and_standards_are_planned():
    got = _metrics("2021年，全市建成综治中心86个，2022年将再建成40个。"
                   "下一步，我市计划新建社区食堂25个。"
                   "按照每个社区不低于300平方米的标准建设用房。\n")
    assert got["86个"][1] == "done"
    assert got["40个"][1] == "planned"
    assert got["25个"][1] == "planned"
    assert got["300平方米"][1] == "planned"


@pytest.mark.parametrize("text,planned", [
    ("力争到2027年覆盖率达到", True),
    ("已列入年度改造计划，涉及改造户数", True),
    ("按计划完成改造小区", False),
    ("开展计划生育服务家庭", False),
    ("《三年行动计划》印发后新建", False),   # a plan word inside a title is a name
    ("截至2021年底建成", False),
    ("市自然资源和规划局牵头完成", False),
])
def test_plan_words(text, planned):
    assert states_plan(text, 0, len(text)) is planned


def test_a_target_year_already_past_is_a_result():
    text = "通过各级的努力，到2010年全省新增"
    assert states_plan(text, 0, len(text)) is True
    assert states_plan(text, 0, len(text), year=2012) is False


@pytest.mark.parametrize("text,figure,standard", [
    ("每个社区不低于10万元的标准落实经费", "10万元", True),
    ("补助标准为每月300元", "300元", True),
    ("全年落实经费10万元，用于社区服务", "10万元", False),
])
def test_standards(text, figure, standard):
    i = text.index(figure)
    assert states_standard(text, i, i + len(figure)) is standard


def test_a_place_in_a_list_after_a_comma_of_enumeration_heads_nothing():
    got = _metrics("樊城区增加岗位40名、襄州区增加岗位30名。今年将在樊城区、襄州区打造示范社区12个。\n")
    assert got["30名"][0] == "襄阳市襄州区"  # 、 between two clauses that each open with a place
    assert got["12个"] == ("襄阳市", "planned")  # 、 inside a list of places
