"""Policy extraction: golden table of synthetic sentences in the style of replies and reports."""
from __future__ import annotations

import pytest

from loaders.extract.context import Context
from loaders.extract.policies import date_before, extract_policies, find_titles, status_of
from loaders.record import AgencyRec, DocumentMeta
from tests.support.mentions import mentions_of


def _ctx(text: str, agencies: dict[str, tuple[str, ...]] | None = None) -> Context:
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="荆门市"))
    for name, forms in (agencies or {}).items():
        ctx.agencies.append(AgencyRec(name=name, place="荆门市", mentions=mentions_of(text, forms)))
    return ctx


def _run(text: str, agencies=None):
    ctx = _ctx(text, agencies)
    extract_policies(ctx)
    return {p.title: p for p in ctx.policies}, ctx


@pytest.mark.parametrize("text,title,status,date", [
    ("2022年4月，市委印发《关于深化城市基层党建的意见》，明确了任务。", "关于深化城市基层党建的意见", "issued", "2022-04"),
    ("今年，计划出台《荆门市物业服务考核办法》。", "荆门市物业服务考核办法", "planned", None),
    ("拟提请市政府出台《社区用房管理办法》。", "社区用房管理办法", "planned", None),
    ("目前，市民政局正在研究制定《关于加强社区协商的指导意见》。", "关于加强社区协商的指导意见", "drafting", None),
    ("2021年9月，市民政局转发省厅关于《村务公开若干规定的通知》，指导各地落实。", "村务公开若干规定的通知", "referenced", "2021-09"),
    ("2019年，出台《社区工作者管理办法（试行）》。", "社区工作者管理办法（试行）", "issued", "2019"),
    ("2020年3月5日，市委办公室下发《关于开展“三方协同”试点的通知》。", "关于开展“三方协同”试点的通知", "issued", "2020-03-05"),
])
def test_status_and_date(text, title, status, date):
    pols, _ = _run(text)
    assert set(pols) == {title}
    assert pols[title].status == status
    assert pols[title].date == date


@pytest.mark.parametrize("text", [
    "您提出的《关于完善社区服务体系的提案》收悉，现答复如下。",
    "你们提出的《关于提升小区治理水平的建议》收悉。",
    "市委第88期《荆门信息》予以刊发。",
    "市长将内参文章《某县党员干部进小区》签发各部门。",
])
def test_not_policies(text):
    pols, _ = _run(text)
    assert pols == {}


def test_titles_in_series_share_verb_issuer_and_date():
    text = "2021年，区住建局牵头，调研形成《物业管理现状调研报告》，并计划出台《物业服务标准》和《物业考核办法》。"
    pols, _ = _run(text, {"荆门市住建局": ("区住建局",)})
    assert pols["物业管理现状调研报告"].status == "issued"
    assert pols["物业管理现状调研报告"].date == "2021"
    assert pols["物业服务标准"].status == "planned"
    assert pols["物业考核办法"].status == "planned"
    assert {p.issuer for p in pols.values()} == {"荆门市住建局"}


def test_joint_issuer_and_doc_number():
    text = "2021年2月1日，市委市政府印发《关于加强城乡社区治理的实施意见》（荆发[2021]3号），提出目标。"
    pols, _ = _run(text, {"荆门市委": ("市委",), "荆门市政府": ("市政府",)})
    p = pols["关于加强城乡社区治理的实施意见"]
    assert p.issuer == "荆门市委、荆门市政府"
    assert p.doc_number == "荆发[2021]3号"
    assert p.date == "2021-02-01"


def test_referenced_issuer_is_the_body_after_the_verb():
    text = "市民政局转发省民政厅《关于规范村级组织证明的通知》。"
    pols, _ = _run(text, {"荆门市民政局": ("市民政局",), "湖北省民政厅": ("省民政厅",)})
    assert pols["关于规范村级组织证明的通知"].issuer == "湖北省民政厅"
    assert pols["关于规范村级组织证明的通知"].status == "referenced"


def test_implied_subject_gives_no_issuer():
    text = "市委高度重视。配套出台了《社区工作规则》。"
    pols, _ = _run(text, {"荆门市委": ("市委",)})
    assert pols["社区工作规则"].issuer is None


def test_mentions_point_at_the_title_and_repeat_titles_merge():
    text = "制定《社区工作规则》。各社区落实《社区工作规则》。"
    pols, _ctx = _run(text)
    p = pols["社区工作规则"]
    assert len(p.mentions) == 2
    assert all(text[m.start:m.end] == m.as_written == "社区工作规则" for m in p.mentions)


def test_nested_brackets_stay_in_one_title():
    titles = find_titles("印发《关于学习《条例》的通知》和《工作方案》")
    assert [t.title for t in titles] == ["关于学习《条例》的通知", "工作方案"]


@pytest.mark.parametrize("head,expected", [
    ("区委先后出台", "issued"), ("并计划出台", "planned"), ("正在制订", "drafting"),
    ("贯彻落实市委办公室", "referenced"), ("拟提请区委出台", "planned"), ("市委组织部", None),
])
def test_status_of(head, expected):
    got = status_of(head)
    assert (got[0] if got else None) == expected


def test_date_before_takes_the_last_date():
    text = "2019年成立，2020年6月印发"
    assert date_before(text, 0, len(text)) == "2020-06"


@pytest.mark.parametrize("text", [
    "《关于加强社区减负的建议》（第1021号）由我单位会同省财政厅办理。",   # the proposal, by its number
    "您提出的“关于贯彻《条例》提升物业管理质效的建议”已收悉。",          # a bare document word
    "近期草拟了实施意见（以下简称《意见》）。",
    "据《人民网》报道，各地积极探索。",                                    # an outlet
    "该项目入选省委组织部《党建引领基层治理案例选编》。",                  # a collection
    "《2023年城市物业服务满意度》调查数据显示，满意率提高。",              # a survey
])
def test_not_policies_more(text):
    pols, _ = _run(text)
    assert pols == {}


@pytest.mark.parametrize("text,title,status", [
    ("修订后的《中华人民共和国城市居民委员会组织法》同步施行。", "中华人民共和国城市居民委员会组织法", "referenced"),
    ("进一步落实《荆门市社区工作者职业体系建设方案》。", "荆门市社区工作者职业体系建设方案", "referenced"),
    ("近期，我局草拟了《关于加强物业管理的实施意见》。", "关于加强物业管理的实施意见", "drafting"),
    ("2023年，省住建厅修订《物业服务企业信用评价办法（试行）》。", "物业服务企业信用评价办法（试行）", "issued"),
    # a single character of citing straight before the title
    ("经多次协调，建设单位同意按《荆门市新建小区配套用房管理办法》移交用房。", "荆门市新建小区配套用房管理办法", "referenced"),
    # a title whose clause has no verb, in a sentence that opened by citing
    (("为贯彻落实《关于推进老旧小区改造的指导意见》（国办发〔2020〕23号），省住建厅、省财政厅"
      "《关于印发〈老旧小区改造实施意见〉的通知》（鄂建〔2020〕5号），深入推进改造。"),
     "关于印发〈老旧小区改造实施意见〉的通知", "referenced"),
    # a place's own regulation, told as its own act; another's is cited
    ("荆门市出台《荆门市网格化服务管理条例》，重构网格体系。", "荆门市网格化服务管理条例", "issued"),
    ("区民政局出台《荆门市网格化服务管理条例》实施细则。", "荆门市网格化服务管理条例", "referenced"),
])
def test_status_more(text, title, status):
    pols, _ = _run(text)
    assert pols[title].status == status


def test_proposal_answered_is_skipped_wherever_it_is_named():
    text = "对《关于增设社区服务站的建议》的答复\n您提出的《关于增设社区服务站的建议》已收悉。"
    pols, _ = _run(text)
    assert pols == {}


def test_a_later_verb_settles_a_status_no_verb_stated():
    text = "关于征求对《荆门市居住社区补短板实施方案》的意见\n我局草拟了《荆门市居住社区补短板实施方案》，现公示。"
    pols, _ = _run(text)
    assert pols["荆门市居住社区补短板实施方案"].status == "drafting"


def test_an_excerpt_cut_inside_its_last_title_keeps_it():
    text = "四、加强基层减负工作。印发了《荆门市规范村(社区)组织工作事务"
    pols, _ = _run(text)
    assert list(pols) == ["荆门市规范村(社区)组织工作事务"]


@pytest.mark.parametrize("text", [
    # songs, books, programmes: no verb of issuing or citing and no kind of document in the title
    "联欢会在大合唱《歌唱祖国》中落下帷幕。",
    "社区书屋新添《邻里故事集》等图书。",
    # a newspaper cited by its date and page, with spaces inside the brackets
    "海港区经验见《 荆门日报 》( 2023年05月08日   第 6 版)。",
    # the title of a proposal, outside a reply too
    "市领导在通报《推动志愿服务组织发展》的建议案办理情况时说。",
    "贵委提出的《加快智慧社区建设 提升治理水平》收到后，我局高度重视。",
    # letters handed out
    "入户发放《致全体居民的一封信》300份。",
    # proposals a 政协's or 人大's work item follows up, outside a reply, and a mirror page's pinyin inside one
    "县政协组织委员对2022年委员提案《关于规范老城区停车秩序的建议》《关于增设社区公厕的建议》开展回头看。",
    "区政协主席会议督办《关于加强小区物业管理的提案》，听取办理情况。",
    "委员们围绕《加快老旧小区加装电梯的提案》开展协商。",
    "委员的109号提案《关(guān)于畅通社区消防通道的建议》进行了协商。",
    # a bare kind of document retelling a plan the news item names unquoted
    "《规划》明确，到2025年社区综合服务设施全覆盖。",
    "《实施意见》提出，财政资金重点支持改造。",
])
def test_not_policies_by_kind(text):
    pols, _ = _run(text)
    assert pols == {}


@pytest.mark.parametrize("text,status", [
    # the status told after the titles, when nothing before them tells it
    ("目前，《社区志愿服务管理办法》《志愿服务激励方案》起草工作已基本完成。", "drafting"),
    ("《物业服务考核办法》正在征求意见。", "drafting"),
    ("《物业服务考核办法》正在全面实施。", "issued"),
    ("《社区工作者管理办法》已于今年印发实施。", "issued"),
    # a title without a kind word is a policy when a verb introduces it
    ("区委出台《党建引领小区治理十条》，明确职责。", "issued"),
    # a draft named as one in its title
    ("市民政局印发《社区工作者管理办法（征求意见稿）》。", "drafting"),
])
def test_status_told_after_titles(text, status):
    pols, _ = _run(text)
    assert len(pols) >= 1
    assert {p.status for p in pols.values()} == {status}


def test_a_title_names_its_issuer_before_its_guanyu():
    text = ("贯彻落实《中共湖北省委 湖北省人民政府关于加强城乡社区治理的实施意见》（鄂发〔2018〕12号），"
            "转发《湖北省民政厅等部门关于推进社区减负的通知》。")
    pols, _ = _run(text)  # (the subject, 荆门市, is a city of the same province)
    first = pols["中共湖北省委 湖北省人民政府关于加强城乡社区治理的实施意见"]
    assert first.issuer == "湖北省委、湖北省政府"
    assert first.date == "2018"  # dated by its number's year where the text gives no date
    assert pols["湖北省民政厅等部门关于推进社区减负的通知"].issuer == "湖北省民政厅"


def test_a_head_that_is_not_only_bodies_names_no_issuer():
    pols, _ = _run("印发《荆门市2022年关于社区工作的要点》。")
    assert pols["荆门市2022年关于社区工作的要点"].issuer is None


def test_a_document_number_with_a_mirror_pages_pinyin():
    pols, _ = _run("贯彻落实《关于加强社区服务的通知》(荆政办发〔2022〕34号(hào))精神。")
    assert pols["关于加强社区服务的通知"].doc_number == "荆政办发〔2022〕34号"


def test_a_plans_proposal_is_a_party_committees_document():
    pols, _ = _run("全会审议通过《关于制定荆门市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》。")
    assert [p.status for p in pols.values()] == ["issued"]


def test_a_bare_work_plan_adopted_by_a_verb_stays_a_policy():
    pols, _ = _run("各街道领导小组全部建立，并制定《工作方案》，明确分工。")
    assert list(pols) == ["工作方案"]
