"""An exemplar's grade is read per practice, as compare_cities reads it: a practice named as one task of a list
(做好…、阵地建设、…等工作的同时，推动…, audit 19) is graded by the verb before the list on the exemplars page too; an item
of a plan is a plan on every page (audit 22) — the place's link to a practice cited by the very sentence a planned measure
cites (the second item after 下一步，我们将…, a sentence without a plan word of its own) is graded as that measure, claimed,
not described by the sentence read alone."""
from __future__ import annotations

import pytest

from queries import registry
from queries.grading import as_measures_grade
from tests.support.stores import store_of_text

_TASKS = ("芜湖市民政局关于加强物业服务企业党建工作的报告\n\n为加强物业服务企业党建工作，芜湖市做好物业服务企业信息摸排、"
          "党群组织组建、阵地建设、党员发展等工作的同时，推动9个有党员的企业单独或联合成立党组织。\n")
_PLAN = ("芜湖市民政局关于某某提案的答复\n\n近年来，我市社区治理取得了一定成效。\n\n"
         "下一步，我们将充分吸收您的意见，着力建设社区治理共同体。一是进一步完善社区治理体制机制。坚持党建引领，加强\n\n"
         "基层党组织规范化建设。二是进一步优化社区治理改革举措。以开展“幸福社区”服务提升行动为抓手，创新社区与社会组织、"
         "社会工作者、社区志愿者、社会慈善资源的联动机制。\n")


@pytest.mark.parametrize("text, practice", [(_TASKS, "党群服务阵地建设"), (_PLAN, "三社联动/五社联动")])
def test_an_exemplar_grades_a_practice_as_its_cell_does(text, practice):
    store = store_of_text(text)
    cells = {r["place"]: r["grade"] for r in registry.run(store, "compare_cities", {"places": ["芜湖市"], "practices": [practice]})}
    ranked = {r["place"]: r["grade"] for r in registry.run(store, "exemplars", {"practice": practice, "k": 5})}
    assert cells == {"芜湖市": "claimed"}
    assert ranked.get("芜湖市") == "claimed"


def test_a_link_is_graded_no_higher_than_the_measure_citing_its_sentence():
    pieces = [(True, "d", 10, "claimed"), (False, "d", 10, "described"), (False, "d", 50, "described"),
              (False, "e", 10, "described"), (True, "d", 90, "quantified"), (False, "d", 90, "described")]
    assert as_measures_grade(pieces) == ["claimed", "claimed", "described", "described", "quantified", "described"]


def test_the_city_page_shows_an_item_of_a_plan_as_planned():
    """Audit 25's left: the city page reads a practice's status from its quote alone — the item under 下一步，我们将… is quoted
    from the lead (graph/delta.py ``plan_lead``), so it reads as planned, not as work done."""
    store = store_of_text(_PLAN)
    rows = [r for r in registry.run(store, "city_profile", {"place": "芜湖市"})
            if r["section"] == "practice" and r["name"] == "三社联动/五社联动"]
    assert rows and all(r["status"] == "planned" and r["quote"].startswith("下一步") for r in rows)


def test_the_city_page_says_a_room_a_visiting_group_saw_is_only_that():
    """Audit 25's left: a room a visiting group goes to see (调研组一行走访了某小区“网格工作室”) is no practice the sentence reports
    of the place: the city page marks it ``visited``; the place's own work inspected (视察我市网格化服务管理工作) and a sentence
    that reports the room's work are not marked."""
    from queries.grading import visited_only

    seen = "市人大调研组一行顶着烈日实地走访了某小区“网格工作室”、某小区“党支部工作室”,深入了解小区治理情况。"
    assert visited_only(seen, "网格化治理") and visited_only(seen, "小区党支部")
    assert not visited_only("市政协委员视察我市网格化服务管理工作", "网格化治理")
    assert not visited_only("调研组一行走访了某社区，了解网格化治理工作开展情况。", "网格化治理")
    assert not visited_only("某社区设立“网格工作室”，划分网格12个。", "网格化治理")
    text = "芜湖市民政局关于基层治理调研的报道\n\n7月5日，市政协调研组一行顶着烈日实地走访了某小区“网格工作室”,深入了解小区治理情况。\n"
    store = store_of_text(text)
    rows = [r for r in registry.run(store, "city_profile", {"place": "芜湖市"})
            if r["section"] == "practice" and r["name"] == "网格化治理"]
    assert rows and all(r["status"] == "visited" for r in rows)


def test_a_practice_only_a_concession_grants_is_no_exemplar_and_is_marked_on_the_city_page():
    """Audit 28 (audit 27's left): a proposal's problem statement (虽然成立了业主委员会，但…发挥不了作用) grants the practice only
    to say it falls short: no cell, no exemplar, and the city page says so (``conceded``)."""
    text = ("关于引导小区业主委员会履职的提案\n\n提案者：某市某委员会\n\n芜湖市目前还有30多个小区，虽然成立了业主委员会，但由于"
            "基础设施不完备、业主委员会发挥不了作用等原因，无法引入物业公司。\n")
    store = store_of_text(text)
    practice = "业委会组建"
    assert not [r for r in registry.run(store, "compare_cities", {"places": ["芜湖市"], "practices": [practice]})
                if r["grade"]]
    assert "芜湖市" not in {r["place"] for r in registry.run(store, "exemplars", {"practice": practice, "k": 5})}
    rows = [r for r in registry.run(store, "city_profile", {"place": "芜湖市"})
            if r["section"] == "practice" and r["name"] == practice]
    assert rows and all(r["status"] == "conceded" for r in rows)


def test_a_practice_named_only_in_a_quoted_rule_is_no_exemplar_and_is_marked_on_the_city_page():
    """Audit 29: a reply citing a rule as the criterion for what it decides (根据《…》关于“每百户拥有社区综合服务设施面积不低于
    30平方米”的精神，…已达到成立新社区的条件) names the practice only as what the rule asks for: no cell, no exemplar, and the
    city page says so (``rule``); the rule followed by work of the practice still makes one."""
    from queries.grading import rule_only

    quoted = ("依照《关于推进城市社区规范化建设的实施意见》关于“每个社区规模一般应在1500户以上”及“每百户拥有社区综合服务设施"
              "面积不低于30平方米”的规定，经摸底，某片区三个小区符合新设社区的条件。")
    assert rule_only(quoted, "党群服务阵地建设")
    assert not rule_only("按照“每百户拥有社区综合服务设施面积不低于30平方米”的标准，新建社区综合服务设施5处。", "党群服务阵地建设")
    # (and what a standard's quoted term spells out: “一有”即有…广泛的社区社会组织；“三中心”即综治中心、…)
    spelled = "“一有”即有坚强的党组织和广泛的社区社会组织；“三中心”即综治中心、文体活动中心、志愿服务中心。"
    assert rule_only(spelled, "社区社会组织培育") and rule_only(spelled, "志愿服务")
    assert not rule_only("按照“三中心”标准，某社区建成志愿服务中心，招募志愿者120名。", "志愿服务")
    from queries.compare_cities import grade_piece

    model = {"source": "model", "summary": "一有", "status": "described", "practice": "社区社会组织培育"}
    assert grade_piece(model, spelled) == "claimed"     # (the standard's term as a model: what it asks for)
    # (a quoted rule's 综合服务设施 is no practice for the extraction now; a standard's spelled-out terms still are)
    store = store_of_text("芜湖市民政局关于某某建议的答复\n\n某某代表：\n\n芜湖市将规范化社区建设作为重要抓手，制定了“一有三中心”"
                          "规范化社区建设标准。" + spelled + "\n")
    practice = "志愿服务"
    assert not [r for r in registry.run(store, "compare_cities", {"places": ["芜湖市"], "practices": [practice]})
                if r["grade"]]
    assert "芜湖市" not in {r["place"] for r in registry.run(store, "exemplars", {"practice": practice, "k": 5})}
    rows = [r for r in registry.run(store, "city_profile", {"place": "芜湖市"})
            if r["section"] == "practice" and r["name"] == practice]
    # (marked rule where extraction links the practice to the rule's words; since 0e867a8 it links none there)
    assert all(r["status"] == "rule" for r in rows)


def test_a_practice_named_only_as_a_problems_field_is_no_exemplar_and_is_marked_on_the_city_page():
    """Audit 30: a paper's example of a problem (如在物业治理方面，一些小区因…等原因，难以吸引物业企业进驻，往往陷入…循环)
    names the practice only as the field where things go wrong: no cell, no exemplar, and the city page says so
    (``problem``); the field, then work done there, is still the place's."""
    from queries.grading import problem_only

    problem = ("如在物业治理方面，一些回迁小区因住户构成复杂、收费标准偏低等原因，难以吸引品牌物业企业进驻，"
               "往往陷入“收费难—服务差—更难收费”的循环。")
    assert problem_only(problem, "物业管理提升")
    assert not problem_only("在物业治理方面，某区引入专业物业公司12家，破解了老旧小区无人管的难题。", "物业管理提升")
    assert not problem_only("某区推进物业治理，部分老旧小区难以吸引物业公司入驻。", "物业管理提升")
    text = "芜湖市基层治理存在的问题与对策\n\n社区服务存在短板，群众获得感不强。" + problem + "\n"
    store = store_of_text(text)
    practice = "物业管理提升"
    assert not [r for r in registry.run(store, "compare_cities", {"places": ["芜湖市"], "practices": [practice]})
                if r["grade"]]
    assert "芜湖市" not in {r["place"] for r in registry.run(store, "exemplars", {"practice": practice, "k": 5})}
    rows = [r for r in registry.run(store, "city_profile", {"place": "芜湖市"})
            if r["section"] == "practice" and r["name"] == practice]
    assert rows and all(r["status"] == "problem" for r in rows)


def test_a_forum_carrying_on_a_visiting_groups_sentence_is_marked_on_the_city_page():
    """Audit 30 (audit 8's left): a sentence carrying on a visiting group's (调研组一行走访了…。随后，…与居民代表等进行座谈) names
    the visitors' forum, not the community's consultation: the graph quotes the two sentences together and the city page
    says so (``visitors``); the community's own forum after a visit stays its own."""
    from queries.grading import visitors_only

    visit = ("调研组一行实地走访了某小区“党员工作室”，察看阵地建设情况。随后，围绕“邻里事”话题，同楼栋长、"
             "居民代表等进行座谈，共收集意见建议12条。")
    assert visitors_only(visit, "居民议事协商")
    assert not visitors_only("社区党委开展“邻里事”活动。随后，同楼栋长、居民代表等进行座谈，共收集意见建议12条。", "居民议事协商")
    assert not visitors_only("随后，与居民代表等进行座谈。", "居民议事协商")
    text = ("市政协调研组赴芜湖市某某社区开展调研\n\n7月5日下午，市政协调研组赴某某社区开展调研。" + visit + "\n")
    store = store_of_text(text)
    rows = [r for r in registry.run(store, "city_profile", {"place": "某某社区"})
            if r["section"] == "practice" and r["name"] == "居民议事协商"]
    assert rows and all(r["status"] == "visitors" for r in rows), rows
