"""Grades and recognition come from the place's own facts (issue 12), checked over the bundled corpus
for every practice and every place: a quantified cell quotes a figure's sentence that names the
practice (that the figure is a result, not a target, is the query's filter on Metric.status, tested
in test_quotes/test_indexes); an exemplar's recognition is quoted from a sentence naming no place
outside its own line; the figures city_profile gives a place are FOR_PLACE that place."""
from __future__ import annotations

import re

import pytest

from govkg.coursepack.relevance import practice_matchers
from queries import registry
from queries.grading import _names_other_place
from tests.support.stores import loaded_alone


@pytest.fixture(scope="module")
def corpus_store(corpus_records):

    store = loaded_alone(corpus_records)
    return store


def _practices(store) -> list[str]:
    return [r["name"] for r in registry.run(store, "inventory", {}) if r["section"] == "practice" and r["count"]]


def test_quantified_cells_quote_a_result_figure_naming_the_practice(corpus_store, corpus_records):
    places = sorted({r.document.subject_place for r in corpus_records if r.document.subject_place})
    rows = registry.run(corpus_store, "compare_cities", {"places": places})
    hits = practice_matchers({r["practice"] for r in rows})
    quantified = [r for r in rows if r["grade"] == "quantified"]
    assert quantified
    for r in quantified:
        assert re.search(r"\d", r["quote"]) and hits[r["practice"]](r["quote"]), (r["place"], r["practice"], r["quote"])
    # not every practice a number-heavy paragraph touches: most cells are not quantified
    graded = [r for r in rows if r["grade"]]
    assert len(quantified) < len(graded) / 2, (len(quantified), len(graded))


def test_exemplar_recognition_is_about_the_place_itself(corpus_store):
    checked = 0
    for practice in _practices(corpus_store):
        for r in registry.run(corpus_store, "exemplars", {"practice": practice, "k": 50}):
            if r["recognition"]:
                assert not _names_other_place(r["quote"], r["place_id"], r["place"]), (practice, r["place"], r["quote"])
                checked += 1
            if r["grade"] == "quantified":
                assert r["figures"] >= 1
    assert checked >= 1


def test_figures_of_a_place_are_its_own(corpus_store):
    g = corpus_store.graph
    for place in ("濮阳市", "鄂州市", "咸宁市"):
        for r in registry.run(corpus_store, "city_profile", {"place": place}):
            if r["section"] == "figure":
                targets = [t for t, k in g.succ[r["id"]].items() if "FOR_PLACE" in k]
                assert r["place_id"] in targets


def test_a_cell_quotes_the_place_itself_before_a_place_within_it():
    """Of pieces of one grade, a city's cell quotes the city's own sentence, not one about a county
    in it (from another city's report, which sorts first by document id)."""
    from queries.compare_cities import finish

    def piece(at: str, doc: str, quote: str) -> dict:
        return {"place_id": "p_city", "place": "甲市", "practice": "红色物业", "source": "model", "id": f"nm_{at}",
                "at": at, "summary": "红色物业", "status": None, "metrics": 0, "fig_doc": [], "fig_start": [],
                "fig_end": [], "fig_quote": [], "own_doc": [], "own_start": [], "own_end": [], "own_quote": [],
                "ev_doc": [doc], "ev_start": [0], "ev_end": [4], "ev_quote": [quote]}

    raw = [piece("p_county", "a" * 16, "乙市学习甲市乙县打造红色物业的做法。"),
           piece("p_city", "b" * 16, "甲市打造红色物业示范小区。")]
    (cell,) = finish(lambda _params: raw, {"places": ["甲市"], "practices": []}, lambda: 0)
    assert cell["grade"] == "described" and cell["quote"] == "甲市打造红色物业示范小区。"


def test_a_practice_only_a_concession_grants_is_no_cell():
    """Audit 28 (audit 27's left): a practice named only inside what a concession grants (我市还有30多个小区，虽然成立了业主
    委员会，但…发挥不了作用…) is the ground of a problem a proposal states — no claim of the place's: no cell; the same words
    without the concession still make one."""
    from queries.compare_cities import finish
    from queries.grading import conceded_only

    def cells(quote: str) -> list:
        raw = [{"place_id": "p_city", "place": "甲市", "practice": "业委会组建", "source": "adopts", "id": "ad_1",
                "at": "p_city", "summary": None, "status": None, "metrics": 0, "fig_doc": [], "fig_start": [],
                "fig_end": [], "fig_quote": [], "own_doc": [], "own_start": [], "own_end": [], "own_quote": [],
                "ev_doc": ["d" * 16], "ev_start": [0], "ev_end": [4], "ev_quote": [quote]}]
        return [c["grade"] for c in finish(lambda _params: raw, {"places": ["甲市"], "practices": []}, lambda: 0)]

    conceded = "我市还有30多个小区，虽然成立了业主委员会，但由于基础设施不完备、业主委员会发挥不了作用等原因，无法引入物业公司。"
    assert conceded_only(conceded, "业委会组建")
    assert cells(conceded) == []
    assert not conceded_only("我市30多个小区成立了业主委员会，虽然起步晚，但运转良好。", "业委会组建")
    assert cells("我市还有30多个小区成立了业主委员会，但业主委员会发挥不了作用。") == ["described"]


def test_a_practice_quoted_by_a_plan_is_marked_planned_in_the_profile():
    from queries.city_profile import finish

    def practice(name: str, quote: str) -> dict:
        return {"place_id": "p1", "place": "甲市", "section": "practice", "id": f"pr_{name}", "category": "党建引领",
                "name": name, "items": None, "status": None, "date": None, "issuer": None, "head": None,
                "practices": None, "ev_doc": ["d" * 16], "ev_start": [0], "ev_end": [2], "ev_quote": [quote]}

    raw = [practice("红色物业", "目前，市委组织部正在制订《关于推行“红色物业”的实施方案》；"),
           practice("居民公约", "各社区修订居民公约，组织居民议事。"),
           practice("党建引领", "必须坚持党组织领导，走出一条基层治理新路子。")]
    rows = {r["name"]: r["status"] for r in finish(lambda _p: raw, {"place": "甲市"}, lambda: 0)}
    assert rows == {"红色物业": "planned", "居民公约": None, "党建引领": "planned"}
    # what its clause reports reached before the plan (audit 20: …已有一半以上组建业委会，…，力争…): not planned
    raw = [practice("业委会组建", "截至目前，全镇已有六成小区组建业委会，其余小区按计划推进，力争明年底实现全覆盖。"),
           practice("居民公约", "下一步，全镇将组织各小区制定居民公约，已有的公约将修订完善。")]
    rows = {r["name"]: r["status"] for r in finish(lambda _p: raw, {"place": "甲市"}, lambda: 0)}
    assert rows == {"业委会组建": None, "居民公约": "planned"}


def test_a_model_piece_grades_as_its_sentence_says():
    """A model with listed components is described, unless its sentence is a plan; a model the place
    learns from elsewhere or an aim (queries/model_roles) is words only: claimed."""
    from queries.compare_cities import finish

    def cell(summary: str, quote: str) -> str:
        raw = [{"place_id": "p_town", "place": "甲镇", "practice": "小区党支部", "source": "model", "id": "nm_1",
                "at": "p_town", "summary": summary, "status": "described", "metrics": 0, "fig_doc": [],
                "fig_start": [], "fig_end": [], "fig_quote": [], "own_doc": [], "own_start": [], "own_end": [],
                "own_quote": [], "ev_doc": ["d" * 16], "ev_start": [0], "ev_end": [4], "ev_quote": [quote]}]
        (got,) = finish(lambda _params: raw, {"places": ["甲镇"], "practices": []}, lambda: 0)
        return got["grade"]

    assert cell("镇党委—小区党组织", "甲镇构建“镇党委—小区党组织”两级架构。") == "described"
    assert cell("镇党委—小区党组织", "下一步，甲镇将继续构建“镇党委—小区党组织”两级架构。") == "claimed"
    assert cell("某江经验", "甲镇学习运用“某江经验”化解矛盾。") == "claimed"
    # a headline or a heading naming the scheme (no sentence end) reports no work: its words grade it
    assert cell("党支部 议事会 红色物业", "甲镇某社区探索“党支部 议事会 红色物业”居民自治新路径") == "claimed"
    assert cell("党支部 议事会 红色物业", "今年来，社区探索“党支部 议事会 红色物业”新路径，成立议事会12个。") == "described"


def test_an_instruction_to_those_named_before_yao_is_a_duty():
    """某某要求，各地各部门要坚持…: what the ones told must do, not work done (also in traditional characters);
    a statement after 指出 with 主要/重要 is not one."""
    from queries.grading import grade_evidence, states_duty

    assert states_duty("王某要求，各地各部门要坚持党的全面领导，将支部建在队上。")
    assert states_duty("王某要求,各地各部門要堅持黨的全面領導,將支部建在隊上。")
    assert grade_evidence("王某要求，各地各部门要建立网格党支部。") == "claimed"
    assert not states_duty("书记指出，全区各社区主要做法是建立网格党支部。")
    assert not states_duty("会议强调，社区是重要阵地。")


def test_general_statements_report_no_measure():
    """The state work reached (形成了全面覆盖…的新格局), work on everything at once (统筹做好…各项工作, 完成各项任务,
    推动…任务落地落实), what a place is among others (作为…之一) and the year a sentence opens with (…召开之年) hold
    verbs of work, but no measure of a practice; a measure beside them still counts."""
    from queries.grading import grade_evidence

    assert grade_evidence("某街道统筹做好疫情防控和经济社会发展各项工作，较好地完成各项重点工作任务。") == "claimed"
    assert grade_evidence("今年是全会胜利召开之年，某区坚持党建引领，推动重点任务落地落实。") == "claimed"
    assert grade_evidence("某市坚持“三治融合”，形成了全面覆盖、精细管理的基层治理新格局。") == "claimed"
    assert grade_evidence("作为最早开展社区建设实验的城市之一，某市现有社区86个。") == "claimed"
    assert grade_evidence("某街道统筹做好疫情防控各项工作，建立社区防控专班12个。") == "described"


def test_why_the_work_matters_reports_no_measure():
    """坚持…，是…的具体行动，是实现…的重要支撑: a statement of why the work matters (its 实现/落实 serve it), no measure;
    the work a sentence reports beside it still counts."""
    from queries.grading import grade_evidence

    assert grade_evidence("坚持党建引领社区治理，是全面落实上级部署的具体行动，是实现高质量发展的重要支撑，"
                          "是维护社会稳定的迫切需要。") == "claimed"
    assert grade_evidence("坚持党建引领，是实现基层善治的必由之路。") == "claimed"
    assert grade_evidence("建立网格党支部，是实现基层善治的必由之路，全区已建立网格党支部。") == "described"


def test_what_a_plan_sets_out_is_work_to_come():
    """《规划》设置了5个项目专栏，包括…工程: the plan document is the subject, its content is planned, not work reported;
    a plan issued (印发《…规划》) is work done."""
    from queries.grading import grade_evidence

    assert grade_evidence("《规划》设置了4个项目专栏，包括社区综合服务设施补短板工程、社区服务人才队伍建设行动。") == "claimed"
    assert grade_evidence("《某省城乡社区服务体系建设规划》明确，建设社区综合服务设施。") == "claimed"
    assert grade_evidence("省民政厅印发《某省城乡社区服务体系建设规划》，建设社区综合服务设施。") == "described"
    # (a scheme with listed components named in such a sentence is no work described either: the cell is claimed)
    from queries.grading import is_plan
    assert is_plan("《規劃》設置了4個項目專欄，包括“一大工程”“三大行動”。")


def test_a_standing_among_others_reports_no_measure():
    """“智慧社区”建设在全市率先推进, “某模式”在全省试点推广: where the work ranks, or what a higher level does with it, is
    no measure the place reports; nor is 整合 in the name of a mechanism (资源整合机制). Work reported beside it counts."""
    from queries.grading import grade_evidence

    assert grade_evidence("探索形成了资源整合机制，“某某模式”在全省试点推广，“智慧社区”建设在全市率先推进。") == "claimed"
    assert grade_evidence("“智慧社区”建设在全市率先推进，建成智慧平台3个。") == "described"
    assert grade_evidence("整合辖区资源，组建志愿服务队。") == "described"


def test_training_strengthened_is_no_training_held():
    """各地普遍加强了对社区工作者的教育培训: 培训 as what is strengthened names the aim, no course held; a course
    organised (组织…培训, 举办培训班) still counts."""
    from queries.grading import grade_evidence

    assert grade_evidence("按照分级负责的原则，各县普遍加强了对网格员的业务培训。") == "claimed"
    assert grade_evidence("二是强化社区干部能力培训。") == "claimed"
    assert grade_evidence("各县加强对网格员的管理，组织业务培训6期。") == "described"
    assert grade_evidence("街道举办社区工作者培训班。") == "described"


def test_a_hope_voiced_for_a_place_is_asked_for_not_done():
    """并希望某镇继续推广…，以党建引领优化社区治理: what a visitor hopes the place will do, not work reported."""
    from queries.grading import grade_evidence

    assert grade_evidence("并希望某镇继续推广议事会工作机制，以党建引领优化社区治理。") == "claimed"
    assert grade_evidence("某镇推广议事会工作机制，以党建引领优化社区治理。") == "described"


def test_a_numbered_heading_quoted_alone_reports_no_work():
    """二、将无物业老旧小区楼院纳入物业管理: a reply's heading names the topic of what follows; the items under it are
    graded by their own words."""
    from queries.grading import grade_evidence

    assert grade_evidence("二、将无物业小区纳入物业管理\n") == "claimed"
    assert grade_evidence("（三）建立网格议事会") == "claimed"
    assert grade_evidence("一是广泛征集居民意见，制定小区治理实施方案。") == "described"


def test_a_replys_heading_restating_a_problem_is_no_work():
    """Audit 31 (a city's 社区经费保障 cited by a reply's heading): ``一、关于社区…经费来源…不适应的问题。`` restates the problem a
    proposal raised — the city page marks it ``problem``; a reply about a proposal on funding is not one."""
    from queries.grading import problem_only

    assert problem_only("二、关于村级组织运转经费保障不足、服务阵地狭小的问题。", "社区经费保障")
    assert not problem_only("关于加强社区经费保障的提案收悉，现答复如下。", "社区经费保障")


def test_people_who_answered_a_survey_did_no_work_of_it():
    """Audit 31 (a city's 在职党员双报到 described by a questionnaire's replies): party members who answered a survey are
    who replied — a claim at most; party members who went door to door with a survey did work."""
    from queries.grading import grade_evidence

    assert grade_evidence("活动期间，某区120名到社区报到的在职党员填写了满意度问卷。", practice="在职党员双报到") == "claimed"
    assert grade_evidence("某社区组织在职党员入户开展问卷调查，收集居民意见200条。", practice="在职党员双报到") != "claimed"


def test_a_word_holding_ni_plans_nothing():
    """拟 marks a plan (拟建立…), but not inside a word: 虚拟网络 (a virtual network), 模拟, 比拟. A practice quoted by
    建立…虚拟网络… is work reported, not planned, on the place's page and in a cell."""
    from loaders.extract.attribution import PLAN_WORDS
    from queries.grading import grade_evidence, is_plan

    done = "某市建立社区便民服务信息平台，建立实体服务和虚拟网络相对应的服务网，开展模拟演练。"
    assert not is_plan(done) and grade_evidence(done) == "described"
    assert PLAN_WORDS.search(done) is None
    assert is_plan("某市拟建立社区便民服务信息平台。") and grade_evidence("某市拟建立社区便民服务信息平台。") == "claimed"


def test_jiang_before_a_quoted_object_is_ba_not_the_future():
    """Audit 31 (a community's 三社联动 shown planned): 将“…”与…有机结合 puts a quoted scheme together with others — 将 as
    把, work done; the quoted name stands for its noun (dropped, the words read 将与…, the future). 将与… stays a plan."""
    from queries.grading import is_plan

    done = "某社区党委持续擦亮服务品牌，将“网格联动”与“邻里议事厅”平台、“结对帮扶”行动统筹推进，形成小区治理新格局。"
    assert not is_plan(done)
    assert is_plan("某社区将与“邻里议事厅”平台对接，推动“网格联动”。")
    assert is_plan("某社区将进一步深化“网格联动”。")


def test_a_wider_units_event_held_in_a_city_is_hosted_not_done():
    """全区…培训班在某市举办: the region trained its cadres in the city; the city's own training is work done."""
    from queries.grading import grade_evidence

    assert grade_evidence("2020年9月，全区城市基层党建工作业务能力培训班在某某市举办。") == "claimed"
    assert grade_evidence("全省社区工作者培训现场会在某县召开。") == "claimed"
    assert grade_evidence("某市举办社区工作者能力培训班，培训社区书记。") == "described"
    assert grade_evidence("全区社区工作者培训班在区委党校举办。") == "described"


def test_a_national_title_of_another_field_recognises_no_practice():
    """作为全国民族团结进步示范县，某县构建了“五社联动”治理机制: the title is for ethnic unity, not for the practice;
    a national pilot of the practice is recognition."""
    from queries.grading import recognition

    assert recognition("作为全国民族团结进步示范县，某县构建了“五社联动”治理机制。") is None
    assert recognition("某市获评全国文明城市，推行网格化管理。") is None
    assert recognition("某区被民政部确认为全国社区治理和服务创新实验区。") == "national"


def test_a_unit_told_what_to_do_at_the_head_is_a_duty():
    """某区要对以上小区加强监督管理…, 各街道要…: a unit told what to do (after 某办公室要求 on the line before), not work
    reported; 要求 and 要点 are no 要 of duty, and a unit's report stays work done."""
    from queries.grading import grade_evidence, states_duty

    assert states_duty("某某区要对以上住宅小区加强监督管理，发挥小区党支部、业委会议事协商优势。")
    assert states_duty("各街道要建立网格员队伍。")
    assert not states_duty("某区要求各街道建立网格员队伍。")
    assert grade_evidence("某区建立网格员队伍，要点工作全部完成。") == "described"


def test_a_visit_reports_what_the_visitor_looked_at_not_work_done():
    """某某到某区调研…“双报到”工作: a leader's inspection of the place, not its work; the place's own work after the
    visit clause still counts."""
    from queries.grading import grade_evidence

    assert grade_evidence("市委常委王某到某区调研全国文明城市创建和“双报到”工作。") == "claimed"
    assert grade_evidence("市民政局副局长赴某区调研实验区建设工作情况。") == "claimed"
    assert grade_evidence("市领导到某区调研，该区已建立网格员队伍。") == "described"


def test_how_far_something_got_is_a_status_not_an_action():
    """…议题和落实情况举例, 汇报…工作开展情况: 落实情况/开展情况 name a status, a noun — no action reported; the work the
    sentence reports beside it still counts."""
    from queries.grading import grade_evidence

    assert grade_evidence("在某社区的党群服务中心，社区书记以近期议题和落实情况举例，向记者介绍工作经验。") == "claimed"
    assert grade_evidence("社区书记汇报了网格化管理工作开展情况。") == "claimed"
    assert grade_evidence("社区书记汇报了开展情况，社区已建立议事会。") == "described"


def test_a_sentence_grades_a_practice_by_the_clause_naming_it():
    """A sentence's verbs grade a practice only where they report its work: a topic people talk over (居民代表共同商议
    加装电梯、成立业主委员会等问题: the 召开 is the meeting's) and a general line opening with an attitude word beside
    other practices' work (…开展了…积分制试点，不断深化“三社联动”工作机制) are statements; what is settled (协商解决了
    成立业委会等问题), a line carried out in the clause after it, and the other practices' own clauses stay described."""
    from queries.grading import grade_evidence

    talked = "该社区每季度召开居民议事会，居民代表共同商议加装电梯、成立业主委员会、楼道照明等问题。"
    assert grade_evidence(talked) == "described"                      # (per sentence, as it was)
    assert grade_evidence(talked, practice="业委会组建") == "claimed"
    assert grade_evidence(talked, memo={}, practice="业委会组建") == "claimed"
    assert grade_evidence(talked, practice="居民议事协商") == "described"
    assert grade_evidence("居民代表共同协商解决了成立业主委员会等问题。", practice="业委会组建") == "described"
    summary = "近年来，我市组织开展了积分制管理试点，持续推进社区设施建设，不断深化“三社联动”工作机制，社区功能进一步提升。"
    assert grade_evidence(summary, practice="三社联动/五社联动") == "claimed"
    assert grade_evidence(summary, practice="积分制管理") == "described"
    assert grade_evidence("不断深化“三社联动”工作机制，建立联动服务平台。", practice="三社联动/五社联动") == "described"


def test_a_state_reached_and_a_working_groups_field_report_no_work():
    """实现了…网格化管理…的大党建格局 is the state the work reached (as 形成…格局), and a practice naming one of the working
    groups a figure counts (成立…、党建引领网格治理、…5个工作小组) is the group's field: neither is work described."""
    from queries.grading import grade_evidence

    assert grade_evidence("该区创新推进城市基层党建，实现了党组织区域化设置、党员网格化管理的大党建格局。") == "claimed"
    assert grade_evidence("该区划分网格120个，实现了党员网格化管理。") == "described"
    groups = "市里成立权责清单优化、党建引领网格治理、物业管理服务等5个工作小组，明确成员单位职责。"
    assert grade_evidence(groups) == "described"
    assert grade_evidence(groups, practice="网格化治理") == "claimed"
    assert grade_evidence("各街道成立网格治理工作专班，划分网格300个。", practice="网格化治理") == "described"


def test_one_task_of_a_list_is_graded_by_the_verb_before_the_list():
    """做好信息摸排、阵地建设、党员发展等工作的同时，推动9家企业成立党组织: 阵地建设 is one task listed, the verb is another
    clause's (and 组建 of a task's name is none); 开展阵地建设、党员发展等工作 does the tasks."""
    from queries.grading import grade_evidence

    listed = "该镇做好企业信息摸排、党群组织组建、阵地建设、党员发展等工作的同时，推动9家企业成立党组织。"
    assert grade_evidence(listed, practice="党群服务阵地建设") == "claimed"
    assert grade_evidence("该镇开展阵地建设、党员发展等工作。", practice="党群服务阵地建设") == "described"
    assert grade_evidence("推动党员在小区管理、老旧小区改造等工作中发挥作用。", practice="老旧小区改造") == "claimed"


def test_units_made_finer_are_work_done():
    """社区网格从9个细化到19个: the grid made finer is work reported (it had been read as words only)."""
    from queries.grading import grade_evidence

    assert grade_evidence("某社区书记介绍说，社区网格从6个细化到15个，由网格员组成巡逻队。", practice="网格化治理") == "described"
    assert grade_evidence("社区网格需要进一步细化。", practice="网格化治理") == "claimed"


def test_a_pledge_is_a_promise_not_work_done():
    """区政府主管领导当场表态：把…工程结合起来，优先解决…: what a leader pledges at a meeting is to come."""
    from queries.grading import grade_evidence

    pledged = "区政府分管领导当场表态：把老旧小区改造与道路提升工程结合起来，整合资源，优先解决居民反映的问题。"
    assert grade_evidence(pledged, practice="老旧小区改造") == "claimed"
    assert grade_evidence("区政府把老旧小区改造与道路提升工程结合起来，完成改造楼房12栋。", practice="老旧小区改造") == "described"


def test_a_general_line_under_the_guiding_thought_is_no_work_done():
    """以…思想为指导，全面贯彻…，坚持党建引领、人民至上…，不断健全…: a plan's or a programme's general line (audit 20's
    江西省 × 党建引领) — its principles are listed, no work is reported; 以党建为引领，成立了… still reports work."""
    from queries.grading import grade_evidence

    guided = ("以新时代中国特色社会主义思想为指导，全面贯彻落实省委全会精神，坚持党建引领、居民至上、多方共治，"
              "不断健全社区服务体系，补齐服务短板。")
    assert grade_evidence(guided, practice="党建引领") == "claimed"
    assert grade_evidence("某县以党建为引领，成立了小区党支部，建立楼栋长队伍。", practice="党建引领") == "described"


def test_a_show_named_for_a_practice_and_a_means_of_work_on_everything_report_none_of_its_work():
    """举办“…红色物业促和谐”消夏文艺晚会: the show's theme; 通过网格化管理，落实各项工作措施: a means of work on
    everything — the sentence's other verbs (成立…小组) are not the practice's (audit 20's 汶上县, 光明社区)."""
    from queries.grading import grade_evidence

    assert grade_evidence("某县举办“党建引领聚民心 红色物业暖万家”广场文艺晚会", practice="红色物业") == "claimed"
    assert grade_evidence("某社区开展“红色物业进小区”主题活动，组织物业企业为居民服务。", practice="红色物业") == "described"
    assert grade_evidence("某社区成立了以书记为组长的领导小组，通过网格化管理，落实各项工作措施。",
                          practice="网格化治理") == "claimed"
    assert grade_evidence("某社区成立了领导小组，通过网格化管理，为居民提供上门服务。", practice="网格化治理") == "described"


def test_a_general_line_in_a_list_and_a_listed_means_for_an_aim_report_none_of_its_work():
    """Audit 21: a clause opening with a verb of making something better in general (做实做细网格党建) is a general line —
    another clause's 打造 is not its work; a practice among the means a summary lists for an aim (通过推进…、社区减负增效
    等措施，提升…水平) is one of them named, no work of it; a clause naming a practice only in a title (开展“社区万能章”
    督查) grades a general line after it."""
    from queries.grading import grade_evidence

    line = "近年来，某市积极打造6个党建引领治理示范片区，稳妥推进改革，优化社区服务，做实做细网格党建，打通治理“最后一公里”。"
    assert grade_evidence(line, practice="网格化治理") == "claimed"
    assert grade_evidence("某区细化网格党建，每个网格配备1名专职网格员。", practice="网格化治理") != "claimed"
    means = "通过健全服务设施，建立城乡社区服务体系，通过推进政府购买服务、社区减负增效等措施，提升社区治理水平。"
    assert grade_evidence(means, practice="社区减负清单") == "claimed"
    assert grade_evidence("通过推进社区减负增效等措施，取消社区证明事项，清理挂牌。", practice="社区减负清单") == "described"
    inspected = "同时，不定期开展“社区万能章”和“社区机构挂牌”督查，并进一步巩固减负成果。"
    assert grade_evidence(inspected, practice="社区减负清单") == "described"


def test_a_practice_named_only_by_its_state_reports_no_work_of_it():
    """Audit 28: a clause naming a practice only as in a good state (两个小区物业管理水平比较完善) or with a problem
    (如后期物业管理存在问题) says how it stands — another clause's 开展 (of a survey) is no work of it; a clause improving it
    still is."""
    from queries.grading import grade_evidence

    for state in ("甲乙两个小区的物业管理水平较好，街道办事处开展入户调查工作，居民不愿合并，如物业管理存在问题，再行研究。",
                  "甲乙两个小区的物业管理水平较好，街道组织了入户走访。"):
        assert grade_evidence(state, practice="物业管理提升") == "claimed"
        assert grade_evidence(state, memo={}, practice="物业管理提升") == "claimed"
    assert grade_evidence("街道规范物业管理，组织了入户走访。", practice="物业管理提升") == "described"
    assert grade_evidence("街道推进物业管理规范化，组织了入户走访。", practice="物业管理提升") == "described"


def test_a_formula_named_in_a_general_line_is_no_described_model():
    """做实“党建+网格化”，深化“双报到”机制，建立…: the formula's clause is a general line, the sentence's 建立 is other work — the model
    piece is claimed (audit 21's 揭阳市, 克拉玛依市); a scheme the place runs, carried out by the next clause, stays described."""
    from queries.compare_cities import grade_piece

    formula = "做实“党建+网格化”，深化“双报到”机制，建立四级基层组织体系，开展专项行动。"
    assert grade_piece({"source": "model", "summary": "党建+网格化", "status": "described"}, formula) == "claimed"
    scheme = "某区推行“三方联动”模式，建立物业、业委会和社区的联席会议。"
    assert grade_piece({"source": "model", "summary": "三方联动", "status": "described"}, scheme) == "described"
    carried = "某区深化“三方联动”模式，建立物业、业委会和社区的联席会议。"
    assert grade_piece({"source": "model", "summary": "三方联动", "status": "described"}, carried) == "described"


def test_bringing_strengths_into_play_and_a_body_s_attitude_are_general_lines():
    """Audit 22: a clause opening with 充分发挥/积极发挥 (…等多方力量优势, …的“…”品牌) is a general line, and a state the line
    says the work reaches (实现…的治理体系, 打造…新格局) does not carry it out; a body's 高度重视 after its name is an attitude,
    graded by what the next clause does. A clause after either that does work still grades the line."""
    from queries.grading import grade_evidence

    strengths = "充分发挥网格化管理、共建单位合作、志愿服务参与等多方力量优势，实现社区事务共治、治安共管的治理体系。"
    assert grade_evidence(strengths, practice="志愿服务") == "claimed"
    brand = "某社区积极发挥社区、社会组织、社会工作者的“党建+五社联动”品牌，持续聚势赋能，打造共建共治共享的社区治理新格局。"
    assert grade_evidence(brand, practice="三社联动/五社联动") == "claimed"
    assert grade_evidence("充分发挥网格员作用，划分网格120个，配备专职网格员。", practice="网格化治理") != "claimed"
    attitude = "市委、市政府高度重视网格化治理工作，将其作为“一号工程”来抓，快速、高标准推进。"
    assert grade_evidence(attitude, practice="网格化治理") == "claimed"
    assert grade_evidence("市委高度重视网格化治理，建立网格员队伍。", practice="网格化治理") == "described"


def test_a_means_held_up_for_an_aim_is_a_general_line():
    """以“村规民约+积分制”激活内生动力 (audit 22's 黄石市): the means a summary holds up for an aim names no work of it — the
    sentence's 实现, after another practice's clause, is not its work; a clause after it that does work grades it."""
    from queries.grading import grade_evidence

    summary = ("以“三方联动”机制凝聚合力，以“村规民约+积分制”激活内生动力，以社区协商汇集民智民力，"
               "推动基层社会实现从“管理”到“治理”的转变。")
    assert grade_evidence(summary, practice="居民公约") == "claimed"
    assert grade_evidence("以居民公约激活自治活力，组织居民修订公约。", practice="居民公约") == "described"


def test_what_a_visitor_praises_or_a_rule_covers_is_no_work_of_it():
    """Audit 22: 王某对…党建工作给予了充分的肯定 praises, 对参与疫情防控等…获得积分情况作了规定 rules on points — the practice
    named in the object after 对 is claimed, and so is a model named only there; work reported for it stays described."""
    from queries.compare_cities import grade_piece
    from queries.grading import grade_evidence

    praise = "王某对和平小区开展的各类增值服务和打造“品质小区、和睦邻里”物业党建工作给予了充分的肯定。"
    assert grade_evidence(praise, practice="党建引领") == "claimed"
    assert grade_piece({"source": "model", "summary": "品质小区、和睦邻里", "status": "described"}, praise) == "claimed"
    rule = "出台积分管理办法，实行基础积分和奖惩积分，对参与疫情防控等志愿服务活动获得积分情况作了规定，积分情况一季度一公示。"
    assert grade_evidence(rule, practice="疫情防控") == "claimed"
    assert grade_evidence("社区对疫情防控工作进行了部署，组织志愿者120人开展核酸检测服务。", practice="疫情防控") != "claimed"


def test_a_practice_named_as_the_time_after_it_reports_none_of_its_work():
    """Audit 23: 建立老旧小区改造后的长效管理机制 sets up the management that follows a renovation — the sentence's verbs are
    that mechanism's, no renovation it reports; a clause renovating compounds stays described."""
    from queries.grading import grade_evidence

    after = "积极建立老旧小区改造后的长效管理体制机制，巩固改造成果。"
    assert grade_evidence(after, practice="老旧小区改造") == "claimed"
    assert grade_evidence("对老旧小区改造后的楼院实行物业管理。", practice="老旧小区改造") == "claimed"
    assert grade_evidence("推进老旧小区改造，完成改造后移交物业企业管理。", practice="老旧小区改造") == "described"


def test_a_headline_cited_alone_describes_no_work():
    """Audit 23: a link cited by the document's headline (某市规范村(社区)出具证明事项为基层减负: its first line, no sentence
    end) names the work the body reports, so it is claimed; the same words as a sentence of the body, or a headline
    with a figure of the practice, keep their grade."""
    from queries.compare_cities import grade_piece, is_headline

    headline = "某市规范村(社区)出具证明事项为基层减负"
    row = {"source": "adopts", "practice": "证明事项清理", "metrics": 0}
    assert is_headline(headline, 6) and not is_headline(headline + "。", 6) and not is_headline(headline, 400)
    assert grade_piece(row, headline, None, 6) == "claimed"
    assert grade_piece(row, headline + "。", None, 6) == "described"
    assert grade_piece(row, headline, None, 400) == "described"
    assert grade_piece({**row, "metrics": 1}, headline, None, 6) == "quantified"


def test_what_a_standards_quoted_term_covers_is_no_work_done():
    """Audit 23: “七中心”即综治中心、…、志愿服务中心 spells out a standard's term — no volunteer work done; a sentence that builds
    them (建成“七中心”，即…) still reports work."""
    from queries.grading import grade_evidence

    term = "“七中心”即综治中心、文体活动中心、志愿服务中心、社区社会组织孵化中心。"
    assert grade_evidence(term, practice="志愿服务") == "claimed"
    assert grade_evidence("某社区建成“七中心”，即综治中心、志愿服务中心等。", practice="志愿服务") == "described"


def test_a_practice_named_in_a_quoted_rule_is_asked_for_not_done():
    # 关于“…面积不低于30平方米”的精神: a rule quoted, the sentence's other verbs (成立新社区的条件) no work of the practice in it
    from queries.grading import grade_evidence

    quoted = ("依照区委办《关于推进城市社区规范化建设的实施意见》关于“新建住宅小区交付入住率超过60%的,要及时纳入社区管理”及"
              "“每百户拥有社区综合服务设施面积不低于30平方米”的规定,经摸底,某片区三个小区符合新设社区的条件,并已与某镇沟通。")
    assert grade_evidence(quoted, practice="党群服务阵地建设") == "claimed"
    assert grade_evidence("某区按照“每百户拥有社区综合服务设施面积不低于30平方米”的标准，新建社区综合服务设施5处。",
                          practice="党群服务阵地建设") == "described"
    assert grade_evidence("某区新建社区综合服务设施，打造“15分钟生活圈”。", practice="党群服务阵地建设") == "described"


def test_a_practice_in_a_clause_opening_with_a_duty_is_asked_for_not_done():
    from queries.grading import grade_evidence

    assert grade_evidence("据此，划出某社区3个居民小组组成一个新社区，须先召开居民会议讨论通过。",
                          practice="居民议事协商") == "claimed"
    assert grade_evidence("据此，划出某社区3个居民小组组成一个新社区，召开居民会议讨论通过。",
                          practice="居民议事协商") == "described"
    # a requirement a document sets out (出台《意见》，…，要求社区办公用房面积达到80平方米以上): what it asks for
    assert grade_evidence("某省出台《关于推进社区建设的意见》，提出创建和谐社区，要求社区办公用房面积达到80平方米以上。",
                          practice="党群服务阵地建设") == "claimed"
    assert grade_evidence("按照上级要求，某区新建社区办公用房12处。", practice="党群服务阵地建设") == "described"


def test_a_practice_named_by_a_sign_is_no_work_of_it():
    # 设置社区党群服务中心1处标识: the sign set up names the centre; a centre built is work of it
    from queries.grading import grade_evidence

    assert grade_evidence("某街道指导社区规范标牌，设置社区党群服务中心1处标识。", practice="党群服务阵地建设") == "claimed"
    assert grade_evidence("某街道新建社区党群服务中心1处。", practice="党群服务阵地建设") == "described"


def test_a_bodys_regard_for_a_practice_whose_name_holds_a_verb_is_an_attitude():
    """Audit 24's left: 市委、市政府高度重视…实验区创建工作，将其作为…来抓 — the practice's own name (创建) is what the body
    regards, no work done; another verb of the clause, or a clause after it that does work, still grades it."""
    from queries.grading import grade_evidence

    regard = "县委、县政府高度重视城乡社区治理和实验区创建工作，将其作为全县的重点工作来抓，加快推进。"
    assert grade_evidence(regard, practice="治理实验区创建") == "claimed"
    assert grade_evidence("区委高度重视实验区创建工作，成立了创建工作领导小组。", practice="治理实验区创建") == "described"


def test_a_section_heading_of_two_phrases_describes_no_work():
    """Audit 24's left: 二、强化党建引领,组建红色物业企业和红色业委会 is a section's heading (an ordinal, two phrases, no sentence
    end): it names the section's work; the same words ending a sentence, or a third phrase, are a sentence."""
    from queries.grading import grade_evidence

    assert grade_evidence("二、强化党建引领，组建红色物业企业和红色业委会", "done", practice="红色物业") == "claimed"
    assert grade_evidence("（三）强化党建引领,组建红色物业企业", "done", practice="红色物业") == "claimed"
    assert grade_evidence("二、强化党建引领，组建红色物业企业和红色业委会。", "done", practice="红色物业") == "described"


def test_cppcc_members_work_in_the_village_they_come_to_is_not_the_villages():
    """Audit 24's left: …政协委员参与该村院场会10余场次，…通过开展积分评比等方式，协调解决…问题10余个 — the members' work in the
    village they come to (named 该村), not the village's, whatever figure measures it; the village's own stays quantified."""
    from queries.grading import grade_evidence

    members = "据悉，某行动开展以来，省、市政协委员参与该村议事会10余场次，通过开展环境卫生积分评比等方式，协调解决问题10余个。"
    assert grade_evidence(members, "done", True, practice="积分制管理") == "claimed"
    assert grade_evidence("某村开展环境卫生积分评比，协调解决问题10余个。", "done", True, practice="积分制管理") == "quantified"


def test_a_model_cited_by_the_headline_alone_describes_no_work():
    """Audit 25: a named model cited by the document's headline (某县以“红色物业”助力全国文明城市创建: first line, no sentence
    end) names the scheme; the body reports the work — claimed, as an ADOPTS link so cited is."""
    from queries.compare_cities import grade_piece

    headline = "某县以“红色物业”助力全国文明城市创建"
    row = {"source": "model", "summary": "红色物业", "status": "described"}
    assert grade_piece(row, headline, None, 4) == "claimed"
    assert grade_piece(row, "某县打造“红色物业”，成立物业党支部。", None, 400) == "described"


def test_cppcc_members_figures_measure_no_practice_of_the_village():
    """Audit 25: the city page lists no practice for a figure of CPPCC members' work in the village they come to (…政协委员参与
    该村…，通过…积分评比等方式，协调解决…问题10余个); the village's own figure keeps its practices."""
    from queries.grading import members_work

    assert members_work("据悉，省、市政协委员参与该村议事会10余场次，通过开展积分评比等方式，协调解决问题10余个。")
    assert not members_work("某村开展环境卫生积分评比，协调解决问题10余个。")
    assert not members_work("市政协高度重视提案办理工作。")


def test_an_aim_clause_and_an_honours_field_report_no_work():
    """Audit 29: a summary whose only clause of work is what it aims at (以提升…规范化水平为目标) and that names the practice
    inside a pattern's watchwords (夯实“党建引领、…”的社区共治格局) reports none of its work; nor does a project chosen for
    an honour whose name holds the practice (…项目入选某市“五社联动”…典型项目案例). A clause that does work still grades it."""
    from queries.grading import grade_evidence

    summary = ("某年，街道在区委的领导下，以提升社区治理能力的规范化水平为目标，团结带领社区干部群众，"
               "夯实“党建引领、政府推进、依法治理”的社区共治格局，较好地完成了各项目标任务。")
    assert grade_evidence(summary, practice="党建引领") == "claimed"
    assert grade_evidence("以提升规范化水平为目标，坚持党建引领，组织党员入户走访居民1200户。", practice="党建引领") != "claimed"
    honour = "“某某家园”社区服务项目入选全省“五社联动”优秀服务项目案例；"
    assert grade_evidence(honour, practice="三社联动/五社联动") == "claimed"
    assert grade_evidence("某街道推进“五社联动”，孵化社区社会组织12个并入选某市典型案例；",
                          practice="三社联动/五社联动") != "claimed"


def test_a_chosen_projects_name_reports_no_work():
    """Audit 30: a practice named inside a project's quoted name, the sentence saying only that the project (and those
    listed with it) was chosen for an honour, is claimed, whatever verbs the name holds; a project whose sentence reports
    its work still grades it."""
    from queries.grading import grade_evidence

    chosen = ("某社区“三联共建,邻里同心,推进党建引领楼栋文化建设”项目、某某社区“共建友好社区,共享幸福家园”项目"
              "入选某市《基层治理·某市答卷》创新案例;")
    assert grade_evidence(chosen, practice="党建引领") == "claimed"
    assert grade_evidence("某社区“推进党建引领楼栋文化建设”项目获评某区优秀案例。", practice="党建引领") == "claimed"
    assert grade_evidence("某社区推进党建引领楼栋文化建设，建成楼栋书屋12个，并入选某市创新案例；",
                          practice="党建引领") != "claimed"
    assert grade_evidence("某社区“推进党建引领楼栋文化建设”项目建成楼栋书屋12个，入选某市创新案例。",
                          practice="党建引领") != "claimed"
