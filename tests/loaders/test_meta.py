"""Document metadata: golden tables of header lines written the way replies and reports are."""
from __future__ import annotations

import pytest

from loaders.extract.context import Context
from loaders.extract.meta import extract_document, find_doc_number, find_session, parse_date_line, salutation

REPLY = """ 苏民函〔2022〕17号                    签发人：赵  明
苏州市民政局

B

关于对市十六届人大一次会议第0123号建议的答复
尊敬的钱文彬代表：
感谢您对社区治理工作的关注。我市近年来……市委组织部牵头。
苏州市民政局
2022年6月8日
（联系人：孙丽            电话：1234567）
"""

REPORT = """关于全市社区治理工作情况的调研报告
根据市人大常委会年度工作安排，市人大常委会领导带领3个调研组，深入鼓楼区、秦淮区开展专题调研。
南京市社区治理取得成效，南京市各区积极探索。
"""


@pytest.fixture
def reply_meta():
    ctx = Context(text=REPLY, source="t.txt")
    extract_document(ctx)
    return ctx.document


@pytest.mark.parametrize("field,expected", [
    ("kind", "建议答复"),
    ("issuer", "苏州市民政局"),
    ("subject_place", "苏州市"),
    ("province", "江苏省"),
    ("date", "2022-06-08"),
    ("doc_number", "苏民函〔2022〕17号"),
    ("session", "市十六届人大一次会议"),
    ("proposal_number", "0123"),
    ("addressee", "钱文彬"),
    ("addressee_role", "代表"),
    ("reply_class", "B"),
    ("signatory", "赵明"),
])
def test_reply_header(reply_meta, field, expected):
    assert getattr(reply_meta, field) == expected


def test_report_issuer_is_the_researching_body():
    ctx = Context(text=REPORT, source="r.txt")
    extract_document(ctx)
    assert ctx.document.kind == "调研报告"
    assert ctx.document.subject_place == "南京市"
    assert ctx.document.issuer == "南京市人大常委会"
    assert ctx.document.proposal_number is None


@pytest.mark.parametrize("line,iso", [
    ("2021年7月9日", "2021-07-09"),
    ("2021630", "2021-06-30"),
    ("20211109", "2021-11-09"),
    ("2021109", "2021-10-09"),
    ("2020-12-01", "2020-12-01"),
    ("二〇二一年十二月三十日", "2021-12-30"),
    ("2021年13月1日", None),
    ("联系电话 8139891", None),
])
def test_parse_date_line(line, iso):
    assert parse_date_line(line) == iso


@pytest.mark.parametrize("header,number", [
    ("濮民文〔2021〕44号 签发人", "濮民文〔2021〕44号"),
    ("望民函〔20219号(A类)", "望民函〔2021〕9号"),
    ("鄂政办发[2020]12号", "鄂政办发[2020]12号"),
    ("没有文号的答复", None),
])
def test_doc_number(header, number):
    assert find_doc_number(header) == number


@pytest.mark.parametrize("text,session", [
    ("关于对市八届人大四次会议第395号建议的答复", "市八届人大四次会议"),
    ("对县政协十一届三次会议第12号提案的答复", "县政协十一届三次会议"),
    # the unit's name written before the level is part of the session as written; 关于 is not
    ("关于雨花区政协三届二次会议第18号提案的答复", "雨花区政协三届二次会议"),
    ("关于长沙市望城区政协二届五次会议第05号提案的答复", "长沙市望城区政协二届五次会议"),
    ("关于周至县第十八届人大二次会议第7号建议答复的函", "周至县第十八届人大二次会议"),
    ("关于对正蓝旗第十五届人民代表大会第三次会议第9号代表建议的答复", "正蓝旗第十五届人民代表大会第三次会议"),
    ("关于对新区政协二届三次会议第5号提案的答复", "区政协二届三次会议"),
    ("关于社区治理的答复", None),
])
def test_session(text, session):
    assert find_session(text) == session


def test_the_opening_sentence_names_the_session_before_the_title():
    text = ("关于长沙市雨花区政协三届二次会议第18号提案的答复\n李明委员：\n"
            "您在区政协三届二次会议上提出的《关于加强社区养老的提案》收悉，现答复如下：\n正文。\n")
    ctx = Context(text=text, source="x.txt")
    extract_document(ctx)
    assert (ctx.document.session, ctx.document.proposal_number) == ("区政协三届二次会议", "18")


@pytest.mark.parametrize("head,number", [
    ("某县民政局对县政协十届二次会议第31号委员提案的答复\n李明委员：\n正文。\n", "31"),
    # a form: the session on one line, the proposal's number alone on the next
    ("关于“加装电梯”的答复\n雨花区政协三届二次会议\n20318\n建议人: 李明\n\n李明委员\n\n正文。\n", "20318"),
    ("关于加强小区管理的提案\n\n发表时间:2022-7-14\n\n第25号\n\n案    由:关于加强小区管理的提案\n", "25"),
    # digits under a line that is not a session are no number
    ("关于“加装电梯”的答复\n雨花区民政局\n20318\n\n李明委员\n\n正文。\n", None),
])
def test_proposal_number_written_apart(head, number):
    ctx = Context(text=head, source="x.txt")
    extract_document(ctx)
    assert ctx.document.proposal_number == number


def test_a_salutation_without_colon_and_the_session_in_the_opening_sentence():
    text = ("关于“老旧小区改造后环境维护的建议”的答复\n建议人: 孙晓蕾\n\n孙晓蕾委员\n\n"
            "您在省政协十三届一次会议上提出的建议收悉，现答复如下：\n正文。\n")
    ctx = Context(text=text, source="x.txt")
    extract_document(ctx)
    d = ctx.document
    assert (d.kind, d.addressee, d.addressee_role, d.session) == ("提案答复", "孙晓蕾", "委员", "省政协十三届一次会议")


@pytest.mark.parametrize("line,names", [
    ("孙晓蕾委员", ("孙晓蕾", "委员")), ("尊敬的谢**委员", ("谢**", "委员")), ("李四、王五代表", ("李四、王五", "代表")),
    # without a colon only people's names make a salutation
    ("社区党委委员", None), ("他是政协委员", None), ("担任村党组委员", None),
])
def test_salutation_lines(line, names):
    assert salutation(line) == names


def test_spaced_header_and_lone_class_letter():
    text = "\n潜 江 市 民 政 局\n      签发人：左振汉\n     C\n关于对市政协九届一次会议第T080号提案的答  复\n\n 王娟 委员：\n 正文。\n"
    ctx = Context(text=text, source="x.txt")
    extract_document(ctx)
    d = ctx.document
    assert (d.kind, d.issuer, d.subject_place, d.reply_class, d.proposal_number, d.addressee) == (
        "提案答复", "潜江市民政局", "潜江市", "C", "T080", "王娟")
    assert d.province == "湖北省"


def test_news_headline_is_the_title():
    from loaders.extract.pipeline import extract_text

    text = "某县以“邻里夜话”推进社区协商 居民议事有了新平台\n\n近日，某县各社区开展“邻里夜话”活动，居民围坐议事。\n"
    assert extract_text(text, "n.txt").document.title == "某县以“邻里夜话”推进社区协商 居民议事有了新平台"


def test_headline_keeps_the_space_between_its_parts_and_drops_letter_spacing():
    from loaders.extract.text_utils import tidy_headline

    assert tidy_headline("  村里来了高参　 乡亲多了亲人 ") == "村里来了高参 乡亲多了亲人"
    assert tidy_headline("关 于 社 区 减 负 的 报 告") == "关于社区减负的报告"
    assert tidy_headline("街道:减负松绑激活力") == "街道:减负松绑激活力"


@pytest.mark.parametrize("text,kind", [
    # a paper prints its abstract and key words; a news page may print either alone
    ("网格化治理的实践与思考\n摘要：本文以某市为例，分析网格化管理。\n关键词：网格；治理\n一、引言\n", "调研报告"),
    ("市领导观摩小区治理\n摘要：8月26日，观摩团来到社区，现场观摩党建联建工作。\n正文略。\n", "其他"),
    ("市政协建议案助力志愿服务\n关键词：志愿服务\n市政协召开常委会议，通报建议案办理情况。\n", "其他"),
    # an analysis names what it studies as a noun phrase
    ("邵阳市以邻里文化建设推进社区治理的实践与探索\n\n在基层治理现代化进程中，社区治理具有重要意义。\n", "调研报告"),
    ("某社区探索居民自治新路径\n\n近年来，某社区探索居民自治。\n", "其他"),
    # a short analysis titled as such (…浅析, …浅谈, …情况分析)
    ("某区社区物业管理现状与问题浅析\n\n某区共有住宅小区120个，其中老旧小区45个。\n", "调研报告"),
    ("某县城市社区工作者队伍情况分析\n\n全县共有社区工作者300名。\n", "调研报告"),
    # a writing-template site's tail (…范文, …范文篇2) leaves the genre the headline names before it
    ("老年人助餐服务调查报告范文篇2\n\n一、调查对象与方法\n本次调查走访了某区6个助餐点。\n", "调研报告"),
    # a headline reporting a meeting about suggestions is news, not the reply
    ("市人大代表重点建议办理工作督办会议召开\n\n7月7日下午，会议听取了市住建局的汇报。\n", "其他"),
    ("市政协民主评议市民政局提案办理工作\n11月26日，市政协对市民政局提案办理工作进行评议。\n", "其他"),
    ("区政协调研提案办理情况\n7月20日上午，区政协副主席带队调研提案承办单位办理情况。\n", "其他"),
    # a reporter's story about replies is news, not the reply
    ("区民政局面对面答复人大建议、政协提案\n本报7月4日讯(记者 王某) 近日，区民政局召开面商会。\n", "其他"),
])
def test_kind_of_news_pages(text, kind):
    ctx = Context(text=text, source="n.txt")
    extract_document(ctx)
    assert ctx.document.kind == kind


@pytest.mark.parametrize("text,kind", [
    # a body credited with the piece writes up its own work: a work summary
    ("某县：“三个到位”筑牢邻里互助网\n\n日期:2024-05-06  来源:某省某县民政局\n\n近年来，某县坚持党建引领，推动邻里互助。\n",
     "工作总结"),
    ("某区织密社区服务网\n作者：中共某区委社会工作部\n\n某区以网格为单元，整合服务资源。\n", "工作总结"),
    # not when the credit goes to an outlet, the headline reports an event, or a reporter signs the story
    ("某县织密社区服务网\n来源：某县融媒体中心\n\n近年来，某县整合服务资源。\n", "其他"),
    ("某省发布社区服务体系规划\n来源：某省民政厅\n\n近日，某省印发规划。\n", "其他"),
    ("某区领导赴某社区调研\n来源：某区政协\n\n5月6日，区政协领导来到社区。\n", "其他"),
    ("某县织密社区服务网\n来源：某县民政局\n\n本报讯（记者 张某）近年来，某县整合服务资源。\n", "其他"),
    # a place's own exploration, told as its doing from the opening on: its write-up of its work
    ("某某市以网格化服务推进社区治理的探索\n\n近年来，某某市以网格为单元整合服务力量，推动资源下沉。\n", "工作总结"),
    # a study of a practice (…的实践探索), or a place the opening does not take up, stays a study
    ("某某市以网格化服务推进社区治理的实践探索\n\n近年来，某某市以网格为单元整合服务力量。\n", "调研报告"),
    ("某某市以网格化服务推进社区治理的探索\n\n网格化服务是社区治理的重要抓手，学界多有讨论。\n", "调研报告"),
    # a paper signed on a line of its own under the headline by a body that writes up its own work
    ("某市城市基层治理跑出加速度\n\n■中共某某市委组织部\n\n近年来，某某市坚持党建引领城市基层治理。\n", "工作总结"),
    ("织密服务网 答好治理卷\n\n某省某某市民政局\n\n某某市辖6个街道。近年来，全市推进社区治理。\n", "工作总结"),
    # not a body's signature after the text's first sentence (an official reply's), nor a news item's dateline
    ("某省民政厅关于确认实验区的批复\n\n各市民政局：\n经研究，同意确认。\n某省民政厅\n", "其他"),
    ("某市召开社区治理推进会\n\n■中共某某市委组织部\n\n7月8日，某某市召开社区治理推进会。\n", "其他"),
])
def test_a_body_s_own_write_up_is_a_work_summary(text, kind):
    ctx = Context(text=text, source="n.txt")
    extract_document(ctx)
    assert ctx.document.kind == kind


@pytest.mark.parametrize("text,issuer", [
    # a story signed by a party department
    ("某镇小区成立业主委员会\n6月22日，宝兴县某镇小区成立业主委员会。\n下一步将继续推进小区治理。（宝兴县委宣传部 供稿）\n",
     "宝兴县委宣传部"),
    # a story reposted from a body names it as issuer
    (("物业服务提升行动推进会召开\n12月20日，芜湖市物业服务提升行动领导小组办公室组织召开推进会。\n"
      "内容综合整理转载自芜湖市物业服务提升行动领导小组办公室、某某发布等\n"), "芜湖市物业服务提升行动领导小组办公室"),
    # a body named as the author in the byline
    (("某市：“三措并举”推动城市党建提质增效\n\n2025年07月29日 14:45 来源:远山城市报 作者:中共南阳市委组织部\n\n"
      "近年来，南阳市坚持党建引领，推动城市基层治理提质增效。\n"), "南阳市委组织部"),
])
def test_a_body_credited_with_a_story_is_its_issuer(text, issuer):
    ctx = Context(text=text, source="n.txt")
    extract_document(ctx)
    assert ctx.document.issuer == issuer


def test_a_papers_affiliation_line_is_its_issuer():
    text = ("湖南省党建引领社区治理问题探究\n\n作者\n\n李某\n\n中共邵阳市大祥区委党校\n\n"
            "湖南省各地在党建引领社区治理方面开展诸多探索。本文梳理问题并提出对策。\n")
    ctx = Context(text=text, source="p.txt")
    extract_document(ctx)
    assert ctx.document.issuer == "邵阳市大祥区委党校"


def test_a_header_line_of_two_bodies_names_joint_issuers():
    text = ("关于加强城乡社区治理的实施意见\n发布日期:2018-08-28\n\n邵委发〔2018〕20号\n\n中共邵阳市委  邵阳市人民政府\n\n"
            "关于加强城乡社区治理的实施意见\n\n为全面提升城乡社区治理水平，结合我市实际，提出如下意见。\n")
    ctx = Context(text=text, source="p.txt")
    extract_document(ctx)
    assert ctx.document.issuer == "邵阳市委、邵阳市政府"


def _date(text):
    ctx = Context(text=text, source="t.txt")
    extract_document(ctx)
    return ctx.document.date


@pytest.mark.parametrize("text,iso", [
    # a paper's dateline with its weekday, a date before its source label, an ISO time stamp
    ("社区议事厅开张\n\n某某城市报 2023年06月12日 星期一\n\n近日,某社区议事厅正式启用。\n", "2023-06-12"),
    ("社区议事厅开张\n\n2023年06月12日来源:某某网\n\n近日,某社区议事厅正式启用。\n", "2023-06-12"),
    ("社区议事厅开张\n\n某某日报 发布 2021-04-07T09:30:00+00:00\n\n近日,某社区议事厅正式启用。\n", "2021-04-07"),
    # a labelled date below a long menu of one-word lines (an accessibility toolbar)
    ("社区议事厅开张\n\n" + "\n".join(["放大", "缩小", "配色", "读屏"] * 5) + "\n  • 发布时间:2022-03-08 10:15\n\n"
     "近日,某社区议事厅正式启用。\n", "2022-03-08"),
])
def test_page_dates_in_a_pages_header(text, iso):
    assert _date(text) == iso


def test_a_date_in_a_short_sentence_is_not_the_pages():
    assert _date("社区议事厅开张\n\n2023年06月12日,某社区议事厅正式启用,居民纷纷前来。\n") is None


@pytest.mark.parametrize("text,kind,session", [
    # a body's report on handling a session's proposals, all of them: a work summary, with that session
    ("某市某区人民政府关于区三届人大四次会议代表议案建议办理工作情况的报告\n\n一、基本情况\n今年区政府共承办建议80件。\n",
     "工作总结", "区三届人大四次会议"),
    ("2019年区卫健委办理人大建议和政协提案总体情况\n\n今年我委共承办建议、提案12件，其中区二届人大三次会议建议5件。\n",
     "工作总结", None),
    # one proposal's reply, and news of a meeting on handling them, stay what they are
    ("关于区三届人大四次会议第12号建议办理情况的答复\n李明代表：\n正文。\n", "建议答复", "区三届人大四次会议"),
    ("某区召开政协提案办理工作情况督办会\n本报讯（记者 张某）近日，某区召开督办会。\n", "其他", None),
])
def test_a_report_on_handling_proposals_is_a_work_summary(text, kind, session):
    ctx = Context(text=text, source="n.txt")
    extract_document(ctx)
    assert (ctx.document.kind, ctx.document.session) == (kind, session)


@pytest.mark.parametrize("text,kind", [
    ("某县推进网格治理工作情况（经验交流材料）\n一、基本情况\n近年来，我县推进网格治理。\n", "工作总结"),
    ("小区物业管理的困境与出路\n——以某省某市为个案\n\n张某、李某\n\n为了解小区物业现状，课题组开展问卷。\n", "调研报告"),
    ("小区物业管理的困境与出路\n——以某省某市为例\n\n为了解小区物业现状，课题组开展问卷。\n", "调研报告"),
])
def test_material_and_case_study_kinds(text, kind):
    ctx = Context(text=text, source="n.txt")
    extract_document(ctx)
    assert ctx.document.kind == kind


def test_a_handling_report_cites_proposal_titles_it_does_not_issue_them():
    from loaders.extract.pipeline import extract_text

    text = ("2019年区卫健委办理人大建议和政协提案总体情况\n\n今年我委共承办建议、提案12件。区领导督办件1件："
            "第004号《关于加强社区卫生服务站建设的建议》，办理结果为“解决采纳”。\n")
    assert extract_text(text, "n.txt").policies == []


def test_the_body_a_reply_thanks_the_addressee_for_caring_about_is_its_issuer():
    text = ("关于对雨花区第三届人民代表大会第四次会议第8号代表建议的答复\n李明代表：\n"
            "您提的《关于修缮小区围墙的建议》收悉，现答复如下：\n经实地查看，围墙已纳入改造计划。\n"
            "感谢您对左家塘街道办事处工作的关心和支持。\n")
    ctx = Context(text=text, source="x.txt")
    extract_document(ctx)
    assert ctx.document.issuer == "长沙市雨花区左家塘街道办事处"


@pytest.mark.parametrize("text,province", [
    # no subject found (the unit is named only in the breadcrumb), but every unit named in full lies in one province
    ("推动社区治理转变\n您的当前位置:首页->大观区->正文\n近年来，社区坚持党建引领。\n", "安徽省"),
    # a name several provinces have says nothing
    ("推动社区治理转变\n您的当前位置:首页->长安区->正文\n近年来，社区坚持党建引领。\n", None),
])
def test_province_from_the_units_named_when_no_subject_is_found(text, province):
    ctx = Context(text=text, source="x.txt")
    extract_document(ctx)
    assert ctx.document.subject_place is None
    assert ctx.document.province == province


def test_units_of_two_provinces_name_no_province():
    from loaders.extract.gazetteer import load_gazetteer
    from loaders.extract.meta import _named_province

    assert _named_province("平顶山市和许昌市", load_gazetteer()).name == "河南省"
    assert _named_province("平顶山市和常德市", load_gazetteer()) is None
