"""Issue 5: a pack shows only the figures of the selected practices, measures that are not section
titles (with the sentence naming the practice), few figure questions, a comparison question; the
learning network's ECharts option carries document text only as plain data."""
from __future__ import annotations

import json
import re

import pytest

from app.network import FORMATTERS, edges_of, network_option, plain
from govkg.coursepack import assemble_pack
from govkg.coursepack.gather import exemplar_places, gather
from govkg.coursepack.model import CellItem, Citation, MetricItem, ModelItem, PackInput, PlaceItem
from govkg.coursepack.questions import MAX_FIGURE_QUESTIONS, discussion_questions
from govkg.coursepack.relevance import (
    clean_subject,
    figure_clause,
    focus_sentence,
    is_section_title,
    practice_matchers,
)
from tests.app.conftest import HOSTILE_STRINGS


@pytest.mark.parametrize(("summary", "title"), [
    ("关于”建立健全社区管理机制”的情况", True),
    ("（三）关于“充分发展社区志愿者群体”的情况。", True),
    ("二、主要做法", True),
    ("关于加强社区建设的建议", True),
    ("突出党建引领社区治理", False),
    ("建立关于社区议事的制度", False),
])
def test_section_titles(summary, title):
    assert is_section_title(summary) is title


@pytest.mark.parametrize(("raw", "clean"), [
    ("/社区标准安排专项开办经费", "社区标准安排专项开办经费"),
    ("、 “服务群众", "服务群众"),
    ("专项资金", "专项资金"),
    ("", ""),
])
def test_clean_subject(raw, clean):
    assert clean_subject(raw) == clean


QUOTE = "全区招录了4名社区干部，吸纳了103名优秀社区工作者入党，3名社区书记纳入事业编制，另有3名网格员获表彰。"


@pytest.mark.parametrize(("written", "subject", "clause"), [
    ("103名", "", "吸纳了103名优秀社区工作者入党"),
    # a figure is a whole number: “3名” is not the tail of “103名”
    ("3名", "社区书记", "3名社区书记纳入事业编制"),
    # written twice in the sentence: the clause that names what it counts
    ("3名", "网格员", "另有3名网格员获表彰"),
    ("3名", "", "3名社区书记纳入事业编制"),
    ("5名", "", ""),
])
def test_figure_clause_is_the_clause_of_that_figure(written, subject, clause):
    assert figure_clause(QUOTE, written, subject=subject) == clause


def test_focus_sentence_prefers_the_name_over_a_cue_and_drops_the_lead():
    hit = practice_matchers(["红色物业"])["红色物业"]
    quote = ("（三）关于“建立社区机制”的情况。学习外地“红色业委会”机制。目前，市委组织部正在制订"
             "《关于全面推行“红色物业”创建专项工作的实施方案》；下一步，开展专项行动。")
    assert focus_sentence(quote, hit, "红色物业") == "市委组织部正在制订《关于全面推行“红色物业”创建专项工作的实施方案》"
    assert focus_sentence("建成网格 1200 个。", hit, "红色物业") == ""


def _ev(doc: str, start: int, end: int, quote: str) -> Citation:
    return Citation.of(doc, start, end, quote, "标题")


def test_figures_only_for_the_selected_practices_formatted_with_year():
    inp = PackInput(
        practices=("网格化治理",),
        places=(PlaceItem("甲市"), PlaceItem("乙县")),
        cells=(CellItem("甲市", "网格化治理", "quantified", (_ev("a", 0, 50, "全市建成网格 1200 个。"),)),
               CellItem("乙县", "网格化治理", "claimed", (_ev("b", 0, 20, "乙县开展网格化治理。"),))),
        metrics=(MetricItem("甲市", "1200个", "建成网格", year=2021, evidence=(_ev("a", 5, 12, "全市建成网格 1200 个。"),),
                            practices=("网格化治理",)),
                 MetricItem("甲市", "1607万元", "财政预算", evidence=(_ev("a", 80, 90, "财政预算 1607 万元。"),))))
    sec = next(s for s in assemble_pack(inp).sections if s.title.startswith("四"))
    texts = [f.text for sub in sec.subsections for f in sub.facts]
    assert texts == ["全市建成网格 1200 个（2021年）"]      # the clause that says what is counted
    assert "乙县：资料中没有与网格化治理相关的数字。" in sec.intro and "甲市" not in sec.intro


def test_gather_takes_figures_the_graph_says_measure_the_practice():
    quote = "全市建成网格 1200 个。"
    rows = {
        "city_profile": [
            {"place": "甲市", "place_id": "100100", "section": "document", "id": "a", "name": "甲市答复",
             "doc_id": "a", "start": 0, "end": 4, "quote": "甲市答复"},
            {"place": "甲市", "place_id": "100100", "section": "figure", "id": "mt_1", "name": "/建成网格",
             "detail": "1200个 2021", "written": "1200个", "year": 2021, "practices": ["网格化治理"], "doc_id": "a", "start": 14, "end": 20,
             "quote": quote},
            {"place": "甲市", "place_id": "100100", "section": "figure", "id": "mt_2", "name": "mt_2",
             "detail": "1607万元", "written": "1607万元", "year": None, "practices": [], "status": "planned", "doc_id": "a", "start": 90, "end": 97,
             "quote": "财政预算 1607 万元。"}],
        "compare_cities": [
            {"place": "甲市", "practice": "网格化治理", "grade": "quantified", "measures": "关于“网格建设”的情况；建设网格",
             "measure_list": [
                 {"id": "me_1", "summary": "关于“网格建设”的情况", "status": "done", "doc_id": "a", "start": 0,
                  "end": 4, "quote": "关于“网格建设”的情况"},
                 {"id": "me_2", "summary": "建设网格", "status": "done", "doc_id": "a", "start": 14, "end": 20,
                  "quote": quote, "own_doc_id": "a", "own_start": 8, "own_end": 12, "own_quote": "一是建设网格。"}],
             "doc_id": "a", "start": 14, "end": 20, "quote": quote}],
        "document": [],
    }
    inp = gather(lambda name, params: rows[name], ["网格化治理"], ["甲市"])
    linked = {m.as_written: m for m in inp.metrics}
    assert linked["1200个"].practices == ("网格化治理",) and linked["1200个"].subject == "建成网格"
    assert linked["1200个"].year == 2021 and linked["1200个"].label == "全市建成网格 1200 个（2021年）"
    assert linked["1607万元"].practices == () and linked["1607万元"].subject == ""
    assert linked["1607万元"].label.endswith("（目标或标准）")
    (measure,) = inp.measures                       # the section title is not a measure
    assert measure.summary == "建设网格" and measure.own[0].quote == "一是建设网格。"
    assert measure.excerpt == "全市建成网格 1200 个"


def test_a_measure_quoted_by_its_plan_sentence_is_labelled_a_plan():
    """A measure reported as done whose sentence quoted for the practice states a plan (…。今年，我市将以…)
    is shown as planned: the label must hold for the words the pack quotes."""
    plan = "今年，我市将以创建活动为契机，指导社区推进网格化治理。"
    rows = {
        "city_profile": [{"place": "甲市", "place_id": "100100", "section": "document", "id": "a", "name": "甲市答复",
                          "doc_id": "a", "start": 0, "end": 4, "quote": "甲市答复"}],
        "compare_cities": [
            {"place": "甲市", "practice": "网格化治理", "grade": "claimed",
             "measure_list": [{"id": "me_1", "summary": "强化居民自治", "status": "done", "doc_id": "a", "start": 30,
                               "end": 35, "quote": plan, "own_doc_id": "a", "own_start": 8, "own_end": 14,
                               "own_quote": "二是强化居民自治。"}],
             "doc_id": "a", "start": 30, "end": 35, "quote": plan}],
        "document": [],
    }
    (measure,) = gather(lambda name, params: rows[name], ["网格化治理"], ["甲市"]).measures
    assert measure.status == "planned" and "将以" in measure.excerpt
    # (audit 29: a long plan sentence cut around the practice's words loses 将以 from the excerpt; the label still holds)
    long_plan = ("今年，我市将以实施基层党建竞赛活动和全市城乡社区治理创新培育工作为契机，积极争取项目资金扶持，"
                 "指导社区在网格化治理、社区发展基金、社会组织参与社区治理等方面工作进行破题，提升社区干部的能力。")
    rows["compare_cities"][0]["quote"] = rows["compare_cities"][0]["measure_list"][0]["quote"] = long_plan
    (measure,) = gather(lambda name, params: rows[name], ["网格化治理"], ["甲市"]).measures
    assert "将以" not in measure.excerpt and measure.status == "planned"


def test_gather_takes_one_exemplar_place_per_line_of_units():
    """A county ranked beside its own city is not taken as a second place of the pack (the city's cell
    takes in the county's sentences); the next exemplar is, up to three per practice."""
    ranked = [{"place": "甲市", "place_id": "371400"}, {"place": "甲市乙县", "place_id": "371428"},
              {"place": "丙市", "place_id": "360100"}, {"place": "丁省", "place_id": "520000"},
              {"place": "丁省戊市", "place_id": "520100"}]

    def run(name, params):
        return ranked[:params["k"]] if name == "exemplars" else []

    assert exemplar_places(run, ["红色物业"]) == ["甲市", "丙市", "丁省"]
    assert exemplar_places(run, ["红色物业", "网格化治理"]) == ["甲市", "丙市", "丁省"]


def test_questions_few_figures_one_comparison_one_model():
    cite = _ev("a", 0, 5, "甲市推行模式0，建成网格。")
    metrics = tuple(MetricItem("甲市", f"{i}个", f"项目{i}", evidence=(_ev("a", i, i + 1, f"建成网格{i}个。"),),
                               practices=("网格化治理",)) for i in range(5))
    models = tuple(ModelItem(f"模式{i}", "甲市", ("甲", "乙", "丙"), evidence=(cite,)) for i in range(3))
    inp = PackInput(("网格化治理",), (PlaceItem("甲市"), PlaceItem("乙县")), models=models, metrics=metrics,
                    cells=(CellItem("甲市", "网格化治理", "described", (cite,)),
                           CellItem("乙县", "网格化治理", "described", (_ev("b", 0, 5, "乙县开展网格化治理。"),))))
    qs = [q.text for q in discussion_questions(inp)]
    assert sum("报告了" in q for q in qs) == MAX_FIGURE_QUESTIONS
    assert sum(q.startswith("比较甲市、乙县") for q in qs) == 1
    assert sum("个部分组成" in q for q in qs) == 1


@pytest.fixture(scope="module")
def red_property_pack(govkg_home):
    from app.runtime import open_configured_store, query_runner

    return assemble_pack(gather(query_runner(open_configured_store()), ["红色物业"], ["濮阳市", "长沙市望城区"]))


def test_trainer_pack_on_the_corpus(red_property_pack):
    sections = {s.title[:2]: s for s in red_property_pack.sections}
    measures = [f.text for sub in sections["三、"].subsections for f in sub.facts]
    assert measures and not any(is_section_title(m.split("：")[0]) for m in measures)
    hit = practice_matchers(["红色物业"])["红色物业"]
    assert all(hit(m) for m in measures)          # each names the practice, in its summary or its quote
    figures = [f for sub in sections["四、"].subsections for f in sub.facts]
    cells = [e for c in red_property_pack.sections[4].table.row_citations for e in c]
    for f in figures:
        assert not re.match(r"[\W_]", f.text) and not re.search(r"\d \d{4}$", f.text), f.text
        e = f.citations[0]
        assert any(c.doc_id == e.doc_id and c.start <= e.start and e.end <= c.end for c in cells) or hit(e.quote)
    assert len(figures) < 10
    qs = [f.text for f in sections["六、"].facts]
    assert sum("报告了" in q for q in qs) <= MAX_FIGURE_QUESTIONS and any(q.startswith("比较") for q in qs)


@pytest.mark.parametrize("hostile", HOSTILE_STRINGS + ("{a|b}{c}", "</script><script>alert(1)</script>"))
def test_network_option_keeps_document_text_as_plain_data(hostile):
    rows = [{"section": "learned_from", "learner_id": "1", "learner": hostile, "source_id": "2", "source": "乙市",
             "what": hostile}]
    opt = network_option(edges_of(rows, ["learned_from"]))
    assert opt["tooltip"]["renderMode"] == "richText"

    def formatters(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "formatter":
                    yield v
                yield from formatters(v)
        elif isinstance(node, list):
            for v in node:
                yield from formatters(v)
    assert set(formatters(opt)) <= FORMATTERS
    names = [n["name"] for n in opt["series"][0]["data"]]
    assert plain(hostile) in names and not any(c in n for n in names for c in "{}|")
    assert "{" not in opt["series"][0]["links"][0]["value"]
    json.dumps(opt)


def test_a_cut_definition_is_shown_as_its_whole_sentence():
    from govkg.coursepack.relevance import whole_definition

    quote = "研究确立了“12341”模式，为社区治理指明了方向。"
    assert whole_definition("研究确立了“12341”模式，为社区治理指明", quote) == quote
    assert whole_definition("一个中心。", quote) == "一个中心。"            # whole already
    assert whole_definition("别处的文字", quote) == "别处的文字"            # not in the quote: as given


def test_a_long_sentence_is_cut_around_the_words_that_name_the_practice():
    hit = practice_matchers(["居民公约"])["居民公约"]
    quote = ("某街道某社区探索“一核多元”机制，以党建引领为核心，构建社区党委、小区党支部、党员中心户三级组织架构，"
             "依法成立业主委员会，通过居民自荐、业委会推荐、居民表决的方式推选楼栋长，组织居民制定小区居民公约、"
             "物业管理办法、楼栋长职责等制度，推动小区规范管理。")
    got = focus_sentence(quote, hit, "居民公约")
    assert "居民公约" in got and got.startswith("…") and len(got) <= 90
    assert got.strip("…") in quote
