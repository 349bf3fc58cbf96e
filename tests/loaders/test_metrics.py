"""Metric extraction: a golden table of figures in the way such documents write them."""
from __future__ import annotations

import pytest

from loaders.extract.metrics import find_metrics


@pytest.mark.parametrize("text,as_written,value,unit", [
    ("全区注册志愿者12万余人。", "12万余人", 12, "万人"),
    ("新增财政资金 3500 余万元用于保障。", "3500 余万元", 3500, "万元"),
    ("投入2.5亿元改造老旧小区。", "2.5亿元", 2.5, "亿元"),
    ("社区工作者人均报酬约4200元/月。", "4200元/月", 4200, "元/月"),
    ("覆盖率达到98.6%以上。", "98.6%", 98.6, "%"),
    ("移交用房面积近 8 万平米。", "8 万平米", 8, "万平方米"),
    ("配备专职网格员2名。", "2名", 2, "人"),
    ("每名党员包联8-12户。", "8-12户", 8, "户"),
    ("培训社区干部900多人次。", "900多人次", 900, "人次"),
    ("建成36“邻里驿站”。", "36“邻里驿站”", 36, "个"),
])
def test_figures(text, as_written, value, unit):
    got = find_metrics(text)
    assert [(m.as_written, m.value, m.unit) for m in got] == [(as_written, value, unit)]
    m = got[0]
    assert text[m.start:m.end] == m.as_written


@pytest.mark.parametrize("text", [
    "市委第45期《工作简报》刊发。",
    "荣获第七届大赛奖项，连续3年获奖，5年来成效明显。",
    "实现“4个100%”目标。",
    "从3个方面提出，呈现5个特点。",
    "截至2015年全国已有300所高校开设该专业。",
    "濮发[2021]4号文件；联系电话6687818。",
    "2020年5月上旬完成。",
])
def test_not_figures(text):
    assert find_metrics(text) == []


def test_subject_and_year_from_the_clause():
    (m,) = find_metrics("2020年，全市新成立社区社会组织113个，运行良好。")
    assert m.year == 2020
    assert "社区社会组织" in (m.subject or "")


def test_same_figure_in_different_places_is_kept_twice():
    got = find_metrics("预算100万元；运转经费提标至100万元。")
    assert [m.as_written for m in got] == ["100万元", "100万元"]


def test_restated_figure_in_same_words_is_kept_once():
    got = find_metrics("小区444个(含单位管理15个),已有442个成立(含单位管理15个)。")
    assert [m.as_written for m in got] == ["444个", "15个", "442个"]


@pytest.mark.parametrize("text,as_written,subject", [
    # the phrase after the unit stops at the next figure (digits, not a literal "\d")
    ("覆盖31个社区472个小区。", "31个", "社区"),
    ("主城区381个网格均配备1名专职人员。", "381个", "网格均配备"),
    # a figure before the number is cut off the subject
    ("主城区33个社区共有小区444个。", "444个", "社区共有小区"),
    # the same things counted in two units share the subject
    ("提出问题和建议50项372条，已转交。", "372条", "建议"),
    ("提出问题和建议50项372条，已转交。", "50项", "建议"),
])
def test_subjects(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject
