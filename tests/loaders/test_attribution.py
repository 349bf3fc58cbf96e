"""Attribution inside a text: the place each figure is about, and plans versus results.

Sentences are invented, written the way replies and reports put it; places are real units of the
gazetteer (the places step resolves them)."""
from __future__ import annotations

import pytest

from loaders.extract.attribution import document_year, states_plan, states_standard
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


def test_a_scheme_named_before_an_anecdote_keeps_the_place_it_was_named_for():
    """An anecdote about a district heads its paragraph; a later sentence whose topic is the scheme named before the
    anecdote (“…”机制已推动解决问题…) reports the scheme's total, not the district's."""
    got = _metrics("遇到难题时，“双直报”机制发挥作用。樊城区某小区曾突发管道爆裂，启动“双直报”后三天修复，修复管道12处。"
                   "据了解，目前，“双直报”机制已推动解决问题8000余个。\n")
    assert got["12处"][0] == "襄阳市樊城区"
    assert got["8000余个"][0] == "襄阳市"


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
    # 将 before a manner adverb or an intent verb is the future, also in a clause naming this year
    ("今年，我区将以“红色物业”为抓手，推动成立业委会", True),
    ("今年全县将大力推进，新增服务站", True),
    ("该市将加快建设，年内建成", True),
    # 将 as 把: a noun phrase follows, then its verb
    ("将辖区划分为", False),
    ("将以往的台账整理后录入", False),
    ("将落实情况纳入年度考核，涉及", False),
    # a title opened before the 40 characters read: its words are still a name
    ("出台《全面加强基层组织建设三年攻坚行动计划》，将社区运转经费提标至100万元，干部收入排名全市前列，设立", False),
    # 已建成小区 names the compounds already built; the target still stands
    ("力争年底前，已建成小区业委会成立率达", True),
    # a target or plan reached is a result
    ("已完成年度目标任务的", False),
    ("超额完成全年计划，新建", False),
    ("实现年度目标后，全市再新建", False),
    ("年度目标是新建", True),
    # 将 before a preposition is the future (把 is never followed by one); 与会 is attending
    ("我局将与住建部门对接，新建", True),
    ("将根据考评等级分类管理，新建", True),
    ("将与会代表分为4组，新建", False),
    # what is to be ensured by a time to come is a target (确保年底建成…); what was ensured is not
    ("今年打响攻坚战，确保年底建成示范小区和", True),
    ("确保年内完成改造小区", True),
    ("确保了年底前建成", False),
    ("确保每户居民都有", False),
    # 将 as 把 before a verb, the phrase put into something (将增加…充电桩纳入改造内容): done, not a plan
    ("党委政府高度重视，将增加居民小区电动自行车充电桩纳入老旧小区改造内容，经统计，原有", False),
    ("我市将增加充电桩500个", True),
])
def test_plan_words(text, planned):
    assert states_plan(text, 0, len(text)) is planned


def test_a_target_year_already_past_is_a_result():
    text = "通过各级的努力，到2010年全省新增"
    assert states_plan(text, 0, len(text)) is True
    assert states_plan(text, 0, len(text), year=2012) is False


def test_a_document_numbers_year_dates_an_undated_reply():
    assert document_year(None, "鄂民函〔2016〕8号") == 2016
    assert document_year("2019-05-01", "鄂民函〔2016〕8号") == 2019
    assert document_year(None, "第12号") is None
    text = ("襄阳市民政局关于市政协第12号提案的答复\n\n襄民函〔2016〕8号\n王明委员：\n"
            "您提出的关于社区治理的提案收悉，现答复如下：\n经过三年努力，到2015年，全市新建社区服务站120个。"
            "到2018年，全市社区服务站覆盖率达到95%。\n")
    rec = extract_text(text, "t.txt")
    assert rec.document.date is None and rec.document.doc_number == "襄民函〔2016〕8号"
    got = {m.as_written: m.status for m in rec.metrics}
    assert got["120个"] != "planned" and got["95%"] == "planned"


@pytest.mark.parametrize("text,figure,standard", [
    ("每个社区不低于10万元的标准落实经费", "10万元", True),
    ("补助标准为每月300元", "300元", True),
    ("全年落实经费10万元，用于社区服务", "10万元", False),
    # a requirement or rule set in the sentence: a standard to reach, not a result
    ("文件要求新建服务用房面积必须达到500平方米以上", "500平方米", True),
    ("要求社区办公用房面积达到80平方米以上", "80平方米", True),
    ("明确年度积分不少于20分的底线要求", "20分", True),
    ("每个社区配备社工不少于2名", "2名", True),
    ("规定持初级证书的每年补贴1000元，持中级证书的每年补贴2000元", "2000元", True),
    # a floor each unit must have: 至少配备…, 确保…至少…
    ("确保每个小网格至少配备3名干部、1名民警", "1名", True),
    ("每个社区至少配备2名专职社工", "2名", True),
    ("活动吸引了至少300名居民参加", "300名", False),
    # a requirement only cited (根据…要求，…) before what was done; a figure reached
    ("根据上级要求，全区共划分网格120个", "120个", False),
    ("文件要求，组长每月补贴提高至900元", "900元", False),
    ("目前全区社区覆盖率达到95%", "95%", False),
])
def test_standards(text, figure, standard):
    i = text.index(figure)
    assert states_standard(text, i, i + len(figure)) is standard


def test_a_place_in_a_list_after_a_comma_of_enumeration_heads_nothing():
    got = _metrics("樊城区增加岗位40名、襄州区增加岗位30名。今年将在樊城区、襄州区打造示范社区12个。\n")
    assert got["30名"][0] == "襄阳市襄州区"  # 、 between two clauses that each open with a place
    assert got["12个"] == ("襄阳市", "planned")  # 、 inside a list of places


def test_a_future_plan_in_an_item_or_a_lead_paragraph_is_planned():
    rec = extract_text("某区民政局2023年工作总结\n\n一、主要工作\n（一）今年，我区将以老旧小区改造为抓手，"
                       "新建社区服务站12个，覆盖全区。\n（二）全区新建社区食堂5个，服务老人2000人次。\n", "t.txt")
    status = {m.as_written: m.status for m in rec.metrics}
    assert status["12个"] == "planned"
    assert status["5个"] == "done" and status["2000人次"] == "done"
    measures = [(ms.summary[:4], ms.status) for ms in rec.measures]
    assert measures == [("今年，我", "planned"), ("全区新建", "done")]  # an item may open with a time word
    rec = extract_text("某区2023年工作总结\n今年，全区社区治理取得新进展。\n\n"
                       "坚持党建引领。我区将以党建为引领，新建小区党支部30个，实现小区全覆盖，群众满意度明显提升。\n",
                       "t.txt")
    assert [(ms.summary, ms.status) for ms in rec.measures] == [("坚持党建引领", "planned")]
    assert [m.status for m in rec.metrics] == ["planned"]


def test_figures_in_a_section_headed_by_plans_are_planned():
    """A heading naming plans (the next steps, a project's planned content and scale) makes every
    figure of its section a plan, down to the next heading of its level; a heading reporting the
    work done does not."""
    rec = extract_text("某街道关于老旧小区改造的答复\n\n一、项目建设内容及规模\n（一）改造18个老旧小区。新建停车位450个，"
                       "宣传栏60个。\n（二）提升改造2个学校配套工程。\n二、工作开展情况\n截至目前，已完成9个小区，"
                       "新建停车位120个。\n三、下一步工作打算\n（一）持续推进。年内再改造5个小区。\n", "t.txt")
    status = {m.as_written: m.status for m in rec.metrics}
    assert status["18个"] == status["450个"] == status["60个"] == status["2个"] == "planned"
    assert status["9个"] == status["120个"] == "done"
    assert status["5个"] == "planned"
    rec = extract_text("某区2023年工作总结\n\n一、目标任务完成情况\n全区新建社区食堂5个。\n", "t.txt")
    assert [m.status for m in rec.metrics] == ["done"]


def test_a_paragraph_carrying_on_a_documents_requirements_is_planned():
    """A paragraph after one opening with a document's requirement (《通知》要求，…) that states duties and
    reports nothing carries the requirement on: its figures are the document's standards, not rooms built;
    a paragraph reporting what was done ends it."""
    got = _metrics("《意见》要求，新建的社区服务用房面积必须达到600平方米以上。\n"
                   "服务用房内设一个80平方米的服务大厅；一个25平方米的调解室。规划社区建设时，必须预留活动用地。\n"
                   "记者了解到，全市已建成服务用房12处。\n")
    assert got["600平方米"][1] == got["80平方米"][1] == got["25平方米"][1] == "planned"
    assert got["12处"][1] == "done"


def test_a_sentence_going_on_with_a_promise_is_planned():
    """A sentence after a promise (我局将…) that opens with no subject or time of its own and reports
    nothing done carries the promise on; one reporting work done does not."""
    got = _metrics("我局将与物业企业对接，完善小区绿化管理制度。依据服务标准，联合业委会检查物业公司是否配备保洁员30名。"
                   "\n我局将继续推进小区整治。截至目前，已配备保洁员45名。\n")
    assert got["30名"][1] == "planned"
    assert got["45名"][1] == "done"


def test_a_figure_in_a_quoted_rule_is_planned_by_the_rules_own_words():
    got = _metrics("根据《意见》关于“每个社区一般应达到2000户以上”的精神，经初步了解，该片区已入住1500户。\n")
    assert got["2000户"][1] == "planned"
    assert got["1500户"][1] == "done"


def test_a_report_heard_from_someone_is_headed_by_the_place_it_names():
    """据介绍/据报道 open a sentence before its topic, like 据了解: 我省 heads it, and the next sentence."""
    got = _metrics("据介绍，我省积极探索群众建议征集新模式。截至目前，平台已开展162个征集活动。\n"
                   "我市已开展38个征集活动。\n")
    assert got["162个"][0] == "湖北省"
    assert got["38个"][0] == "襄阳市"


def test_a_part_of_a_plan_is_planned():
    """其中，… after a sentence stating a plan is a part of the plan."""
    got = _metrics("区里制定了帮扶工作方案，计划投入财政资金1258万元。其中，安排资金672万元实施道路硬化。\n"
                   "2020年，全区投入资金800万元。其中，安排资金300万元实施道路硬化。\n")
    assert got["672万元"][1] == "planned"
    assert got["300万元"][1] == "done"


def test_items_of_a_list_a_plan_introduces_are_planned():
    """下阶段，我局将…做好以下工作： then 一是…/二是…: the items are plans; the items of a list of work done
    (主要做了以下工作：) are not."""
    got = _metrics("下阶段，我局将加快推进智慧社区建设，重点做好以下两方面工作：\n一是完善综合平台。\n二是建设智慧小区12个。\n"
                   "今年主要做了以下工作：\n一是建成智慧小区8个。\n")
    assert got["12个"][1] == "planned"
    assert got["8个"][1] == "done"


def test_the_unit_that_directs_the_work_is_not_the_one_doing_it():
    """在省委统一部署下，… / 在省民政厅的指导下，…: the higher unit directs; the work, and the figures of the
    sentences after it, are the subject's."""
    got = _metrics("在湖北省委统一部署下，组建市县两级工作专班12个。市县两级组织部门增加编制25个。\n"
                   "在湖北省民政厅的指导下，建成示范社区8个。\n")
    assert got["12个"][0] == "襄阳市"
    assert got["25个"][0] == "襄阳市"
    assert got["8个"][0] == "襄阳市"


def test_a_neighbour_on_a_boundary_heads_nothing():
    """东以…为界，西以某社区接壤，…: the neighbour bounds the place; the figures after it are the subject's."""
    got = _metrics("我市东以汉江为界，西以青山社区接壤，总面积约1.2平方公里，辖区常住人口5910人。\n")
    assert got["5910人"][0] == "襄阳市"


def test_a_news_dateline_is_no_topic_the_place_after_it_is():
    # 新华社某地5月14日电（记者某某）内蒙古4200公里长的边境线: the region's border, not the banner's the story is about
    rec = extract_text("某某旗：边境草原上的党员中心户\n\n新华社呼和浩特5月14日电（记者某某）内蒙古4200公里长的边境线，"
                       "太阳都要“跑”两个小时。\n锡林郭勒盟阿巴嘎旗推行党员中心户，建成护边驿站12个。\n", "t.txt")
    got = {m.as_written: m.place for m in rec.metrics}
    assert got == {"4200公里": "内蒙古自治区", "12个": "锡林郭勒盟阿巴嘎旗"}, got


def test_a_chain_of_places_on_a_mirror_page_is_read_past_its_glosses():
    # 樊城區(qū)清河街道(dào)長虹社區(qū)…轄區(qū)面積1.2平方公里: the community's area, as on the plain page, not the district's
    for body in ("樊城区清河街道长虹社区隶属于机械厂家属区,辖区面积1.2平方公里,3120户。",
                 "樊城區(qū)清河街道(dào)長虹社區(qū)隸屬于機械廠家屬區(qū),轄區(qū)面積1.2平方公里,3120戶。"):
        rec = extract_text("襄陽市樊城區清河街道長虹社區簡介\n\n" + body + "\n", "t.txt")
        assert {m.as_written[-4:]: m.place for m in rec.metrics}["平方公里"] in ("长虹社区", "長虹社區"), body


def test_what_a_scheme_could_save_is_a_projection():
    # 可节约土地9万亩: what the plan would save, not land saved
    got = _metrics("全市试点社区总体规划占地近5万亩，可节约土地9万亩。我市已节约土地3万亩。\n")
    assert got["9万亩"][1] == "planned" and got["3万亩"][1] == "done", got
