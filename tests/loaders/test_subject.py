"""Subject place, issuer and kind of documents from cities no rule was written on: every text here is
invented, in the way replies, news items and summaries are written (see loaders/extract/subject.py)."""
from __future__ import annotations

import pytest

from loaders.extract.pipeline import extract_text
from loaders.extract.places import admin_mentions, local_mentions


def _doc(text: str):
    return extract_text(text, "t.txt")


def _places(rec):
    return {p.name: (p.level, p.parent, p.role) for p in rec.places}


def test_visit_in_headline_makes_the_community_the_subject():
    rec = _doc("遂宁市政协副主席率队赴船山区德胜社区调研基层治理工作\n\n"
               "5月6日，遂宁市政协副主席一行来到船山区德胜社区，察看社区议事厅，听取工作汇报。"
               "德胜社区介绍了“院坝议事”做法。\n")
    assert rec.document.subject_place == "德胜社区"
    places = _places(rec)
    assert places["德胜社区"][2] == "subject"
    assert places["遂宁市船山区"][2] == "external"   # everything above a community subject is outside it
    assert rec.document.kind == "其他"                  # a news item about a visit, not a research report


def test_a_visit_to_the_visitors_paired_unit_names_it_after_the_tie():
    # 到共驻共建单位某社区: the tie the community has with the bureau stands between the visit and its name
    rec = _doc("“文明创建”党员志愿服务活动\n\n"
               "为增强居民文明意识，近日，市民政局志愿服务队利用周末到共驻共建单位春晖社区，开展问卷调查等志愿服务活动。\n")
    assert rec.document.subject_place == "春晖社区"


def test_series_prefix_and_county_head():
    rec = _doc("乡村振兴纪实丨遂昌县：小积分兑出乡风文明\n\n近年来，遂昌县以积分制管理推动乡村治理。全县建成积分超市21个。\n")
    assert rec.document.subject_place == "丽水市遂昌县"   # a county is named with its city
    assert rec.document.province == "浙江省"


def test_street_office_that_replies_is_issuer_and_subject():
    rec = _doc("曲靖市麒麟区人民政府翠湖街道办事处关于区政协三届二次会议第0112号提案的答复\n\n"
               "张三委员：\n您提出的关于加强小区停车管理的提案收悉，现答复如下：\n"
               "翠湖街道已在辖区内施划停车位200个。\n")
    doc = rec.document
    assert doc.subject_place == "翠湖街道"
    assert doc.issuer == "曲靖市麒麟区翠湖街道办事处"
    assert doc.kind == "提案答复"
    assert doc.session == "区政协三届二次会议"
    assert doc.proposal_number == "0112"
    assert (doc.addressee, doc.addressee_role) == ("张三", "委员")
    assert _places(rec)["翠湖街道"] == ("street", "曲靖市麒麟区", "subject")


def test_reply_about_a_district_is_the_city_reply_when_it_says_woshi():
    rec = _doc("《关于支持船山区老旧小区加装电梯的建议》（第031号建议）的答复\n\n李四代表：\n"
               "《关于支持船山区老旧小区加装电梯的建议》（第031号建议）收悉，现答复如下：\n"
               "近年来，我市持续推进老旧小区改造，全市已加装电梯120部。\n")
    doc = rec.document
    assert doc.kind == "建议答复"
    assert doc.subject_place == "遂宁市"
    assert doc.proposal_number == "031"
    assert rec.policies == []        # the suggestion answered is not a policy, wherever it is named


def test_document_numbers_name_the_city_when_nothing_else_does():
    rec = _doc("关于提高社区工作者待遇的建议的答复\n\n王五代表：\n您提出的建议收悉，现答复如下：\n"
               "我市印发了《关于加强社区工作者队伍建设的意见》（萍民发〔2020〕3号），我市社区工作者待遇逐年提高。\n")
    assert rec.document.subject_place == "萍乡市"
    assert rec.places == []          # the city is inferred, not named


def test_prefecture_from_wozhou_and_the_counties_it_names():
    rec = _doc("我州三个社区获评省级示范社区\n\n近日，省民政厅公布示范社区名单，我州都匀市文峰社区、"
               "福泉市金山社区、独山县百泉社区入选。我州将继续深化社区治理。\n")
    assert rec.document.subject_place == "黔南布依族苗族自治州"
    assert _places(rec)["都匀市"][2] == "within_subject"


def test_first_sentence_names_the_community_the_story_is_about():
    rec = _doc("柯城区：“红色管家”激活小区治理\n\n"
               "近年来，衢州市柯城区府山街道南湖社区坚持党建引领，推行“红色管家”服务机制，"
               "组建志愿队伍12支。社区居民参与议事的积极性明显提高。\n")
    assert rec.document.subject_place == "南湖社区"
    assert _places(rec)["南湖社区"][:2] == ("community", "府山街道")


def test_a_community_named_only_where_a_person_belongs_is_not_the_subject():
    rec = _doc("柯城区：居民议事会解决停车难\n\n"
               "“现在停车方便多了。”柯城区南湖社区居民王阿姨说。近年来，柯城区推行居民议事会制度，"
               "全区建成议事会68个。柯城区还将推广这一做法。\n")
    assert rec.document.subject_place == "衢州市柯城区"


@pytest.mark.parametrize("text,kind", [
    # a research article says so in its headline, its abstract or its 现将…情况报告如下
    ("张掖市社区治理情况调研\n\n一、基本情况\n全市共有社区120个。\n", "调研报告"),
    # the text of a proposal itself is not a reply
    ("政协永新县九届三次会议委员提案第12号\n\n案由：关于加强农村养老服务的提案\n提案人：赵六\n", "其他"),
    # a summary says 现将…总结如下
    ("基层治理工作情况\n\n按照年初部署，现将我局上半年基层治理工作总结如下：一、主要工作\n", "工作总结"),
])
def test_kind(text, kind):
    assert _doc(text).document.kind == kind


def test_proposal_text_carries_session_and_number():
    doc = _doc("政协永新县九届三次会议委员提案第12号\n\n案由：关于加强农村养老服务的提案\n提案人：赵六\n").document
    assert doc.session == "政协永新县九届三次会议"
    assert doc.proposal_number == "12"


@pytest.mark.parametrize("line,names,role", [
    ("尊敬的钱七委员：", "钱七", "委员"),
    ("孙八、周九等委员：", "孙八、周九", "委员"),
    ("吴十委员、阿卜杜·热合曼委员：", "吴十、阿卜杜·热合曼", "委员"),
    ("郑**代表：", "郑**", "代表"),
    ("×××代表：", None, "代表"),
])
def test_salutations(line, names, role):
    doc = _doc(f"关于增设社区服务站的建议的答复\n\n{line}\n您提出的建议收悉，现答复如下：\n我局已开展调查。\n").document
    assert (doc.addressee, doc.addressee_role) == (names, role)


@pytest.mark.parametrize("header,date", [
    ("发布日期：2022-03-02  成文日期：2022-02-28", "2022-02-28"),   # the document's own date first
    ("来源：某某网 2021-09-30 10:12", "2021-09-30"),
    ("( 2020-06-18 )", "2020-06-18"),
    ("时间:2019.11.05 09:30", "2019-11-05"),
    ("发布时间：2023年4月7日", "2023-04-07"),
])
def test_page_dates(header, date):
    text = f"萍乡市社区治理新闻\n\n{header}\n\n近日，安源区召开社区工作会议，部署下半年工作。\n"
    assert _doc(text).document.date == date


@pytest.mark.parametrize("header,cls,number", [
    ("B：正在解决", "B", None),
    ("[A]", "A", None),
    ("文号：遂民函〔2021〕5号 B类", "B", "遂民函〔2021〕5号"),
    ("遂民函﹝2021﹞6号", None, "遂民函﹝2021﹞6号"),
])
def test_reply_class_and_number(header, cls, number):
    text = f"关于市政协八届二次会议第45号提案的答复\n{header}\n钱七委员：\n您提出的提案收悉，现答复如下：\n我局已办理。\n"
    doc = _doc(text).document
    assert (doc.reply_class, doc.doc_number) == (cls, number)


def test_a_study_trip_is_about_the_place_that_makes_it():
    rec = _doc("江宁区考察组赴杭州等地考察学习基层治理\n\n"
               "5月6日至8日，区委书记带领南京市江宁区考察组赴浙江杭州考察学习杭州市西湖区基层治理工作。"
               "区民政局、区住建局负责人参加活动。\n"
               "在西湖区北山街道宝石社区，考察组参观了社区议事厅。宝石社区以“院坝议事”凝聚居民。"
               "宝石社区还建成了邻里中心。宝石社区党委书记介绍了经验。\n"
               "考察组表示，江宁区将认真学习借鉴。\n")
    assert rec.document.subject_place == "南京市江宁区"
    assert {"南京市江宁区民政局", "南京市江宁区住建局"} <= {a.name for a in rec.agencies}


def test_visit_verbs_jinzhu_and_anfang():
    rec = _doc("张某某带队进驻明星社区人大代表联络站接待群众\n\n"
               "9月16日下午，邵阳市人大常委会副主任张某某来到大祥区城西街道明星社区，接待联系群众。\n")
    assert rec.document.subject_place == "明星社区"
    rec = _doc("邵阳暗访大祥区住宅小区物业管理\n\n12月20日，邵阳市物业办组织人员对大祥区三个小区进行暗访。\n")
    assert rec.document.subject_place == "邵阳市大祥区"


def test_a_street_headline_about_one_of_its_communities():
    rec = _doc("邵阳市大祥区城西街道：三方共治 绘就治理新图景\n\n"
               "在邵阳市大祥区城西街道明星社区，红色的力量融入居民生活。近年来，明星社区始终以居民需求为导向。"
               "明星社区成立业委会，推动物业服务提升。\n")
    assert rec.document.subject_place == "明星社区"


def test_a_headline_chain_through_a_street_named_like_a_verb_ends_at_the_community():
    # 前进, 解放, 跃进 are verbs and the names of many streets: a community named after the street
    # shows the word is the street's name
    rec = _doc("南京市鼓楼区前进街道红枫社区召开居民议事会\n\n"
               "3月2日，南京市鼓楼区前进街道红枫社区召开居民议事会，30余名居民代表参加。\n")
    assert rec.document.subject_place == "红枫社区"


@pytest.mark.parametrize("text", ["武汉市江岸区推进街道社区治理", "武汉市江岸区加强街道党工委建设"])
def test_a_verb_before_jiedao_without_a_community_after_is_no_street(text):
    ends = {a.end for a in admin_mentions(text)}
    assert [m.name for m in local_mentions(text, ends, ends)] == []


def test_the_reporter_in_the_story_is_no_byline_and_dianti_is_no_dateline():
    # 记者走进… is the story, not a credit line; the 电 of 电梯 does not end a 新华社…电 dateline
    rec = _doc("走进社区看变化：居民的事大家商量着办\n\n"
               "5月10日，记者走进昆明市五华区华山街道翠湖社区，看到居民正在议事亭商量加装电梯的事。"
               "翠湖社区党委书记介绍，社区推行“院坝协商”。\n")
    assert rec.document.subject_place == "翠湖社区"


def test_the_place_the_reporter_learned_from_is_the_subject():
    rec = _doc("小网格撬动大治理\n\n本报讯（记者 王明）近日，记者从株洲市荷塘区桂花街道了解到，"
               "该街道探索“网格+”模式，辖区12个社区全部建立网格党支部。\n")
    assert rec.document.subject_place == "桂花街道"


def test_a_city_named_only_in_front_of_its_district_loses_the_tie():
    rec = _doc("网格化服务管理工作综述\n\n据统计，株洲市荷塘区共划分网格120个，配备专职网格员，"
               "网格员每月走访居民一次。\n")
    assert rec.document.subject_place == "株洲市荷塘区"
    rec = _doc("网格化服务管理工作综述\n\n据统计，株洲市推行网格化服务管理，株洲市荷塘区共划分网格120个，"
               "配备专职网格员。\n")
    assert rec.document.subject_place == "株洲市"


@pytest.mark.parametrize("lead, town", [
    ("9月19日，盐城市亭湖区南洋镇专门召开会议，研究建设社区治理“微网格”。", "南洋镇"),
    ("近日，常州市武进区湖塘镇认真落实“微网格”工作要求，全镇划分网格120个。", "湖塘镇"),
])
def test_a_lead_place_acting_after_an_adverb_is_the_subject(lead, town):
    assert _doc(f"微网格激活大治理\n\n{lead}\n").document.subject_place == town


def test_a_province_named_only_in_a_cited_law_of_the_headline_is_not_a_city_texts_subject():
    rec = _doc("市领导调研全市贯彻实施《湖北省志愿服务条例》情况\n\n6月23日，市人大常委会副主任带领相关单位，"
               "视察调研全市贯彻实施《条例》情况，推动《条例》在我市落实落地。黄石市志愿服务总站介绍了工作情况。\n")
    assert rec.document.subject_place == "黄石市"
    # the unit that issues the document a headline forwards stays its subject
    rec = _doc("关于印发《长沙市城乡社区治理三年行动计划》的通知\n\n各区县（市）人民政府：\n现将计划印发给你们。\n")
    assert rec.document.subject_place == "长沙市"


def test_a_county_overview_that_speaks_of_the_whole_county_stays_the_countys():
    rec = _doc("桐梓县推进城乡社区治理工作综述\n\n近年来，我县坚持党建引领。娄山关街道率先试点“院落议事”，"
               "娄山关街道30个院落建立议事会，娄山关街道经验在全县推广，九坝镇、花秋镇也相继建立议事会。\n")
    assert rec.document.subject_place == "遵义市桐梓县"


def test_a_text_that_calls_itself_the_district_is_not_about_the_street_its_lead_names():
    text = ("关于2023年全区社区治理工作情况的报告\n\n区人大常委会：\n2023年，我区深入推进基层治理，推行“一社一品”建设。"
            "龙泉街道实施“红黄绿”预警工作法，及时化解矛盾。\n南宁市青秀区人民政府\n")
    assert _doc(text).document.subject_place == "南宁市青秀区"
    # an official's 我区 in quoted speech leaves a news story about the street its own
    story = ("龙泉街道：预警工作法化解矛盾\n\n近日，青秀区龙泉街道坚持推行“红黄绿”预警工作法，及时化解矛盾。"
             "区民政局负责人表示：“我区将继续推广这一做法，我区各街道都要学习。”\n")
    assert _doc(story).document.subject_place == "龙泉街道"


def test_a_lead_street_under_a_district_written_without_its_city_is_below_the_city_headline():
    rec = _doc("株洲：小网格撬动大治理\n\n株洲日报讯 近年来，荷塘区桂花街道以网格化管理为抓手，推行“一格一员”工作机制。\n")
    assert rec.document.subject_place == "桂花街道"
    # a lead in another city's district is not below the headline's city
    rec = _doc("株洲：小网格撬动大治理\n\n株洲日报讯 近年来，西陵区学院街道以网格化管理为抓手，推行“一格一员”工作机制。\n")
    assert rec.document.subject_place != "学院街道"


def test_a_story_opening_with_a_quoted_remark_finds_its_place_in_the_next_sentences():
    rec = _doc("社区党委书记谈治理\n\n“现在有事大家一起商量，小区越来越好了。”谈起这些变化，居民张大姐笑着说。"
               "近年来，北京市朝阳区呼家楼街道金台社区以“楼门议事会”为抓手，推动居民自治。\n")
    assert rec.document.subject_place == "金台社区"


def test_a_community_after_a_district_name_several_cities_have_is_the_subject():
    rec = _doc("党建聚合力 共治暖人心——鼓楼区金汤社区构建社区治理新格局\n\n本报记者 李明\n"
               "金汤社区积极探索多元共治，精心打造“金汤议事”品牌，居民满意度显著提升。\n")
    assert rec.document.subject_place == "金汤社区"
    assert {m.name: m.owner for m in rec.named_models}.get("金汤议事") == "金汤社区"


def test_a_story_going_through_several_units_of_one_parent_is_about_the_parent():
    rec = _doc("各区探索社区治理新路子\n\n武汉市江岸区推行“红色管家”，把党组织建到小区。江汉区打造“民情议事厅”。"
               "硚口区建立“社区合伙人”制度。\n")
    assert rec.document.subject_place == "武汉市"
    owners = {m.name: m.owner for m in rec.named_models}
    assert owners["民情议事厅"] == "武汉市江汉区"       # each scheme stays with the district that made it
    rec = _doc("社区治理的几种做法\n\n近年来，湖南省各地积极探索。长沙市雨花区推行“邻里中心”模式。"
               "株洲市荷塘区实施“五微共享”计划。湘潭市岳塘区打造“红色网格”。\n")
    assert rec.document.subject_place == "湖南省"
    # one district named most, its neighbours once each (a joint agreement): still the district's story
    rec = _doc("江岸区：共建共治见成效\n\n近年来，武汉市江岸区推行“红色管家”。全区建成议事厅80个。"
               "江岸区与江汉区、硚口区签订共建协议。江岸区还打造“民情议事厅”。\n")
    assert rec.document.subject_place == "武汉市江岸区"


def test_a_district_story_taking_its_streets_in_turn_stays_the_districts():
    rec = _doc("江岸区：党建引领激活社区治理\n\n近年来，武汉市江岸区大智街道坚持党建引领，推出“邻里议事厅”。"
               "后湖街道则探索“五社联动”机制。永清街道推行“永清议事会”。\n")
    assert rec.document.subject_place == "武汉市江岸区"
    assert {m.name: m.owner for m in rec.named_models}["五社联动"] == "后湖街道"
    # a story about one street that names another once stays the street's
    rec = _doc("江岸区：党建引领激活社区治理\n\n近年来，武汉市江岸区大智街道坚持党建引领，推出“邻里议事厅”。"
               "大智街道还与后湖街道结对共建。大智街道推行“大智议事会”。\n")
    assert rec.document.subject_place == "大智街道"


def test_a_subtitle_names_the_place_a_headline_without_one_is_about():
    rec = _doc("用心守护万家灯火\n\n用心守护万家灯火\n——记宜昌市西陵区学院街道东山社区党委书记王芳\n"
               "从事社区工作15年来，王芳始终把居民的事当成自己的事。她带领社区推出“四点半课堂”。\n")
    assert rec.document.subject_place == "东山社区"
    assert {m.name: m.owner for m in rec.named_models}["四点半课堂"] == "东山社区"


def test_a_headline_that_names_the_district_keeps_it_against_a_community_named_often():
    rec = _doc("宜昌市西陵区推进城市民族工作 构建和谐社区\n\n城市民族工作是城市工作的重要内容。东山社区大力发展集体经济；"
               "夜明珠社区实施老旧小区改造。近年来，西陵区全面推进城市民族工作。\n东山社区：发展集体经济让群众增收\n"
               "学院街道东山社区秉持“抓党建、促发展”理念，东山社区成立合作社，东山社区居民收入增加。\n")
    assert rec.document.subject_place == "宜昌市西陵区"


def test_a_provincial_papers_we_leaves_the_story_with_the_unit_it_names_again_and_again():
    rec = _doc("“西陵街坊”获评全国创新社会治理优秀案例\n\n来源:湖北日报客户端\n"
               "12月16日,西陵区政法委传来消息,由西陵区选送的“西陵街坊”作为我省唯一入选者获得优秀案例。"
               "近年来,宜昌市西陵区倡导发扬街坊传统。西陵区还建立了街坊议事会。\n")
    assert rec.document.subject_place == "宜昌市西陵区"


def test_a_lead_community_whose_own_body_acts_is_the_subject():
    rec = _doc("西陵区首个小区联合党支部成立\n\n三峡网讯 4月25日,宜昌市西陵区学院街道东山社区党总支召开党员大会,"
               "成立西陵区首个小区联合党支部。\n")
    assert rec.document.subject_place == "东山社区"
    # its officer, not the body, is a person of the place
    rec = _doc("西陵区首个小区联合党支部成立\n\n4月25日,宜昌市西陵区学院街道东山社区党总支书记王芳召开党员大会。\n")
    assert rec.document.subject_place != "东山社区"


def test_a_lead_after_a_preamble_on_the_centres_line():
    rec = _doc("社区共建解决群众急难愁盼问题\n\n2022-12-09 来源:新华社\n\n党的二十大报告提出,完善社会治理体系。"
               "健全共建共治共享的社会治理制度,提升社会治理效能。\n\n宜昌市西陵区东山社区实现了居民“小事不出楼栋、"
               "大事不出网格”的工作机制,社区选配了网格长。\n")
    assert rec.document.subject_place == "东山社区"


def test_a_county_short_form_before_the_quoted_name_of_its_work_heads_the_headline():
    from loaders.extract.gazetteer import load_gazetteer
    from loaders.extract.subject import headline_place

    gaz = load_gazetteer()
    head = headline_place("城固“邻里驿站”暖民心", gaz, False)
    assert head is not None and gaz.full_name(head.code) == "汉中市城固县"
    # the story goes on in one community named often: the headline's county keeps it
    rec = _doc("城固“邻里驿站”暖民心\n\n秋日，城固县博望社区的驿站里，老人们围坐下棋。博望社区居民说，驿站办到了家门口。"
               "博望社区还开设调解室。博望社区工作人员每周走访。\n")
    assert rec.document.subject_place == "汉中市城固县"


@pytest.mark.parametrize("lead", [
    # a compound of the community heads the first sentence: a compound is no place, its story is the community's
    "近年来,绵阳市涪城区城郊街道松柏社区丹桂苑小区以“红色物业”为抓手,推动小区治理。",
    "绵阳市涪城区城郊街道松柏社区的丹桂苑小区,作为老旧小区治理的试点,探索业主自治。",
    "近年来,绵阳市涪城区城郊街道松柏社区翠湾家园坚持党建引领,改造了小区停车场。",
    # the community's paired unit, whose work in it the story tells
    "3月5日,涪城区城郊街道松柏社区结对单位——某某供电公司组织党员进社区开展志愿服务。",
])
def test_a_lead_community_through_its_compound_or_paired_unit_is_the_subject(lead):
    rec = _doc(f"小区治理见实效\n\n{lead}松柏社区还建起了议事厅。\n")
    assert rec.document.subject_place == "松柏社区"
    places = _places(rec)
    assert places["松柏社区"][2] == "subject" and places["绵阳市涪城区"][2] == "external"


def test_a_lead_community_followed_by_a_compound_that_does_not_act_is_not_the_subject():
    # the compound only says where a resident lives; nothing of the community acts in the sentence
    rec = _doc("小区治理见实效\n\n近年来,绵阳市涪城区城郊街道松柏社区丹桂苑小区居民王芳说,停车难解决了。"
               "涪城区推行了小区议事会。\n")
    assert rec.document.subject_place != "松柏社区"


def test_a_headline_opening_with_a_development_zone_named_for_its_city_is_the_zones():
    rec = _doc("绵阳经开区建成30个小区党支部 探索城市基层治理新路\n\n"
               "近年来,绵阳经开区坚持党建引领,在松垭镇等地推行小区议事会。全区现有住宅小区120个。\n")
    assert rec.document.subject_place == "绵阳经开区"
    places = _places(rec)
    assert places["绵阳经开区"] == ("other", "绵阳市", "subject")
    # a street written after the zone lies in it
    rec = _doc("绵阳高新区石桥铺街道推行小区议事会\n\n近日,绵阳高新区石桥铺街道召开议事会,商议停车难题。\n")
    assert rec.document.subject_place == "石桥铺街道"


def test_a_place_line_under_a_headline_without_a_place_is_the_writing_units_byline():
    rec = _doc("凝心聚力 共建和谐家园\n\n凝心聚力 共建和谐家园\n甘肃天水市秦州区\n\n"
               "天水市地处甘肃东南部,下辖两区五县。秦州区全区有12个街道,近年来,秦州区深化网格化管理。"
               "天水市麦积区也推行了小区议事会。天水市还建起了智慧平台。\n")
    assert rec.document.subject_place == "天水市秦州区"
    # a line that holds more than the place is no byline
    rec = _doc("凝心聚力 共建和谐家园\n\n凝心聚力 共建和谐家园\n甘肃天水市秦州区供稿单位\n\n"
               "天水市地处甘肃东南部,下辖两区五县。秦州区全区有12个街道,近年来,秦州区深化网格化管理。"
               "天水市麦积区也推行了小区议事会。天水市还建起了智慧平台。\n")
    assert rec.document.subject_place != "天水市秦州区"


def test_a_town_government_replying_takes_the_county_of_the_session_it_answers():
    rec = _doc("郭嘉镇人民政府对政协秦安县十届三次会议第 5号提案的答复\n\n郭嘉镇人民政府\n"
               "对政协秦安县十届三次会议第 5号提案的答复\n张三、李四委员:\n"
               "你们提出的关于集镇停车难的提案已收悉,现答复如下:镇政府已在集镇施划停车位80个。\n")
    doc = rec.document
    assert doc.subject_place == "郭嘉镇" and doc.province == "甘肃省"
    assert doc.issuer == "秦安县郭嘉镇政府"
    assert _places(rec)["郭嘉镇"][1] == "天水市秦安县"


def test_a_resident_in_the_opening_anecdote_does_not_move_the_subject():
    # 市民某某来到某街道…: the anecdote sets a scene; the story is the headline's city-wide work
    rec = _doc("宜春市积极推进社区服务站建设\n\n"
               "本报讯 4月2日，宜春市民李某来到袁州区秀江街道便民服务大厅求助，两位社工立刻起身帮忙。"
               "据悉，宜春市今年以来推进社区服务站建设，各县区已全面铺开。\n")
    assert rec.document.subject_place == "宜春市"
    # a leader's visit still makes the community the subject
    rec = _doc("市人大常委会领导调研基层治理工作\n\n"
               "5月6日，邵阳市人大常委会副主任一行来到大祥区城西街道明星社区，察看社区议事厅。"
               "明星社区介绍了“院坝议事”做法。\n")
    assert rec.document.subject_place == "明星社区"


def test_a_county_short_form_holding_a_meeting_heads_its_headline():
    # 某县召开…推进会: the county named by its short form before the meeting it holds is the subject, though
    # the body names it only so (its outlet's dateline too), and its 县委 then resolve to it
    rec = _doc("遂昌召开城乡社区治理工作现场推进会\n\n遂昌新闻网讯 10月18日，遂昌召开城乡社区治理工作现场推进会，"
               "县委组织部、民政局等单位参加。\n")
    assert rec.document.subject_place == "丽水市遂昌县"
    assert _doc("遂昌新闻网讯 社区治理推进会召开\n\n近日，社区召开会议。\n").document.subject_place != "丽水市遂昌县"


# ------------------------------------------------------------------ the subject place below the headline's
def test_story_that_calls_its_unit_gaiqu_is_the_districts():
    rec = _doc("曲靖“红色小区”治理见实效\n\n"
               "3月2日，随着曲靖市麒麟区翠湖街道新组建的3个小区党支部挂牌成立，该区小区党组织实现全覆盖。\n"
               "据了解，该区坚持问题导向，推动物业服务企业与社区联动。"
               "该区还建立了“红色议事会”，居民参与协商120余次。\n")
    assert rec.document.subject_place == "曲靖市麒麟区"


def test_street_office_written_after_its_district_is_a_street():
    rec = _doc("潮州市湘桥区西湖办事处推进社区服务提升\n\n"
               "近年来，西湖办事处坚持党建引领，探索“邻里+服务”方式，提升社区服务水平。\n")
    assert rec.document.subject_place == "西湖办事处"
    assert _places(rec)["西湖办事处"][:2] == ("street", "潮州市湘桥区")


def test_liaison_office_is_no_street():
    assert not [lm for lm in local_mentions("湘桥区驻京办事处", {3}, {3}) if lm.name.endswith("办事处")]


def test_community_committee_line_makes_the_community_the_subject():
    from loaders.extract.gazetteer import load_gazetteer
    from loaders.extract.subject import line_place

    found = line_place("曲靖市麒麟区翠湖街道幸福社区居民委员会", load_gazetteer())
    assert (found.local, found.local_level) == ("幸福社区", "community")


def test_town_written_after_its_province_in_headline():
    rec = _doc("云南越州镇开展“有事好商量”协商议事活动\n\n"
               "日前，越州镇组织开展协商议事活动，围绕小区停车位改造开展协商。\n")
    assert rec.document.subject_place == "越州镇"


def test_scene_set_in_the_second_paragraph():
    rec = _doc("石榴花开别样红——边疆多民族社区侧记\n\n"
               "揉面、包馅、压模，一个个月饼新鲜出炉。\n"
               "中秋节前夕，在云南省曲靖市麒麟区翠湖街道团圆社区，居民们围坐一起做月饼、猜灯谜。\n"
               "团圆社区居住着多个民族，居民亲如一家。\n")
    assert rec.document.subject_place == "团圆社区"


def test_paragraph_that_introduces_a_community_with_a_mirrors_gloss():
    rec = _doc("以文化人 和谐满社区\n\n"
               "刚刚过去的端午节，小区居民在社区举办的活动中以捡拾烟头兑换了香包，心生喜悦。\n"
               "4年前，她从老家来到城里帮儿子带娃，在社区活动中结识了一群新居民。\n"
               "船山區(qū)嘉禾街道雁鸣社區(qū)下轄两个小区，有住户6220户，是遂宁最大的社区。\n"
               "雁鸣社区划分为17个网格，配备网格员17名。\n")
    assert rec.document.subject_place == "雁鸣社区"


def test_a_zone_committee_written_without_its_city_replying_is_the_zone_of_the_session_city():
    rec = _doc("经开区管委会关于对政协绵阳市八届二次会议第215号提案的答复\n\n李四委员：\n"
               "您提出的《关于加强园区社区服务的建议》收悉，现答复如下：\n"
               "近年来，我区新建社区服务中心3个，市住建局指导物业企业入驻。\n")
    assert rec.document.subject_place == "绵阳经开区"   # named for the city it lies in, as zones are written
    assert rec.document.province == "四川省"
    rec = _doc("绵阳经开区管委会关于对政协绵阳市八届二次会议第215号提案的答复\n\n李四委员：\n"
               "您提出的《关于加强园区社区服务的建议》收悉，现答复如下：\n近年来，我区新建社区服务中心3个。\n")
    assert rec.document.subject_place == "绵阳经开区"   # written with its city: the zone as written


@pytest.mark.parametrize("headline,subject", [
    ("杭州社区治理迈出新步伐", "杭州市"),
    ("澳门社区服务：街坊总会推动邻里互助", "澳门特别行政区"),
    ("成都社区发展治理的实践探索", "成都市"),
])
def test_a_city_before_the_work_of_communities_is_the_city_not_a_community(headline, subject):
    rec = _doc(headline + "\n\n近年来，当地持续推进基层治理，社区工作者队伍不断壮大，居民满意度提升。\n")
    assert rec.document.subject_place == subject
    assert not [p for p in rec.places if p.level == "community"]


def test_a_community_named_like_a_city_with_its_own_facility_stays_a_community():
    rec = _doc("朝阳社区服务中心开放\n\n近日，某街道朝阳社区服务中心正式开放，居民可在家门口办理各类事项。\n")
    assert "朝阳社区" in {p.name for p in rec.places if p.level == "community"}


def test_a_region_that_calls_itself_zizhiqu_and_woqu_is_the_region_not_a_district():
    rec = _doc("关于自治区政协十二届二次会议第0123号提案的答复\n\n张三委员：\n"
               "您提出的《关于加强社区治理的提案》收悉，现答复如下：\n"
               "近年来，我区深入推进城乡社区治理，银川市兴庆区推行“民情议事厅”。全区建成社区综合服务站2000个。\n"
               "自治区民政厅\n2023年6月1日\n")
    assert rec.document.subject_place == "宁夏回族自治区"   # 我区 of a region's reply, not 兴庆区


def test_a_local_papers_story_that_names_no_place_is_about_the_papers_city():
    rec = _doc("社区吹哨 部门报到\n\n本报讯 大同日报记者从市民政局获悉，今年以来，我市推行“社区吹哨、部门报到”机制。\n")
    assert rec.document.subject_place == "大同市"
    assert {(nm.name, nm.owner) for nm in rec.named_models} == {("社区吹哨、部门报到", "大同市")}
    rec = _doc("社区吹哨 部门报到\n\n本报讯 记者从市民政局获悉，今年以来，我市推行“社区吹哨、部门报到”机制。\n")
    assert rec.document.subject_place is None   # no outlet, no place: still unknown


def test_a_provinces_roundup_opening_on_one_community_stays_the_provinces():
    text = ("浙江推进未来社区建设\n\n近日，记者走进杭州市上城区湖滨街道东坡路社区，居民们正在“邻里中心”参加活动。"
            "今年以来，全省已建成未来社区600余个，宁波市海曙区推出“海曙邻里”，温州市鹿城区推行“鹿城管家”，"
            "嘉兴市南湖区打造“南湖议事”。\n")
    assert _doc(text).document.subject_place == "浙江省"
    one = "浙江推进未来社区建设\n\n近日，记者走进杭州市上城区湖滨街道东坡路社区，居民们正在“邻里中心”参加活动。\n"
    assert _doc(one).document.subject_place == "东坡路社区"   # a story of one community keeps it


@pytest.mark.parametrize("text,province", [
    ("丹凤社区2023年工作总结\n\n2023年，在街道党工委的领导下，我社区坚持党建引领，推行“丹凤议事会”。\n", None),
    # not 浙江 for 宁海县: the township table's one 宁海路街道 is 南京市鼓楼区's (the text's 鼓楼区)
    ("宁海路街道：以“宁聚力”激活社区治理\n\n宁海路街道位于鼓楼区东部，以“宁聚力”党建品牌为引领。\n", "江苏省"),
])
def test_a_community_or_road_named_like_a_county_does_not_place_the_text_in_that_county(text, province):
    doc = _doc(text).document
    assert doc.province == province   # 丹凤县 (陕西), 宁海县 (浙江): the text never says so


def test_bare_street_a_district_body_goes_to_is_the_subject():
    # a district's or county's body inspects one of its streets: the lead names the street bare, as the headline
    # has just named the county; the street is the story's subject, inside the county
    rec = _doc("江油市委组织部督查青莲路街道社区党建工作\n\n"
               "3月5日，市委组织部与社区工作者深入青莲路街道，对两个社区的党建阵地展开督查。"
               "督查组查阅台账，询问“红色网格”运行情况。\n")
    assert rec.document.subject_place == "青莲路街道"
    assert [m.owner for m in rec.named_models if m.name == "红色网格"] == ["青莲路街道"]
    # written once only (a word the segmenter takes for a street), it places nothing
    rec = _doc("江油市推进基层治理\n\n3月5日，市委组织部与社区工作者深入青莲路街道，察看党建阵地。\n")
    assert rec.document.subject_place == "江油市"


def test_lead_that_credits_the_headline_unit_s_county_or_city_makes_it_the_subject():
    # the headline names a town or a county, the opening paragraph tells the work of the unit above it (近年来，某县
    # 坚持…; 某市把…作为…): the story is that unit's, its town or county one example in it
    rec = _doc("平江县南江镇推进“红色物业”建设\n\n"
               "近年来，平江县坚持党建引领，着力推进“红色物业”建设，全县建成小区党支部52个。"
               "在南江镇，党员干部带头参与小区治理。\n")
    assert rec.document.subject_place == "岳阳市平江县"
    # opening lines that name no place (城市建得好…？) are read past for that paragraph
    rec = _doc("平江“红色驿站”让小区更温暖\n\n城市建得好，更要管理好。\n"
               "小区是城市的细胞，是城市治理的基础和末梢。\n怎样让小区的服务更贴心，让居民的生活更加舒心？\n"
               "“要面子，更要里子！”岳阳市委组织部负责人介绍，岳阳市把“红色物业”作为城市基层治理的抓手，"
               "今年建成100个“红色驿站”。\n4月8日，平江县城关镇一处小区的“红色驿站”活动室座无虚席。\n")
    assert rec.document.subject_place == "岳阳市"
    # the town's own lead keeps the town (近年来，某镇坚持…)
    rec = _doc("平江县南江镇推进“红色物业”建设\n\n近年来，平江县南江镇坚持党建引领，着力推进“红色物业”建设。\n")
    assert rec.document.subject_place == "南江镇"
    # a lead that only introduces the city (某市地处…) does not take the story from the headline's town
    rec = _doc("平江县南江镇推进“红色物业”建设\n\n岳阳市地处湖南东北部，下辖多个县区。南江镇党员干部带头参与小区治理。\n")
    assert rec.document.subject_place == "南江镇"


def test_bracketed_credit_heading_the_first_paragraph_is_no_furniture():
    # （某县融媒体中心 记者 王某）heading the paragraph credits the reporter and the unit they work for; the
    # paragraph after it is the story's lead (here a scene: 在某镇，…)
    rec = _doc("社区里的“红色管家”\n\n（平江县融媒体中心 记者 王某）“有事找管家，管家帮你办。”在南江镇，这句话成了居民的口头禅。"
               "今年以来，南江镇推行“红色管家”服务，全镇建成服务点12个。\n")
    assert rec.document.subject_place == "南江镇"


def test_city_headline_over_the_work_of_one_district_is_the_district_s():
    # the dateline and the headline name the city; the opening paragraph tells the work of one district in it
    rec = _doc("江苏南通：党建引领小区治理\n\n中新网南通6月2日电 (记者 张三)近年来，南通市崇川区坚持党建引领，推进小区党支部全覆盖。"
               "崇川区委组织部负责人介绍，崇川区已建成小区党支部300个。\n")
    assert rec.document.subject_place == "南通市崇川区"
    # a roundup that goes on through the city's districts stays the city's
    rec = _doc("江苏南通：党建引领小区治理\n\n近年来，南通市崇川区坚持党建引领，推进小区党支部全覆盖。"
               "通州区推行“红色管家”，海门区打造“幸福里”，如东县开展“邻里节”。\n")
    assert rec.document.subject_place == "南通市"


def test_county_seat_town_keeps_the_chain_to_its_community():
    # 城关镇 (the county seat's town, hundreds of counties have one) is a town written after its county; its
    # community visited in the lead is the story's subject, as after any other town
    rec = _doc("小区治理有温度\n\n日前，记者走进平江县城关镇天岳社区，看到居民正在议事亭里商量停车位划线的事。"
               "天岳社区党委书记介绍，社区推行“议事亭”协商。\n")
    assert rec.document.subject_place == "天岳社区"
    assert _places(rec)["城关镇"][:2] == ("street", "岳阳市平江县")
    assert not _doc("标题\n\n城关地区的社区普遍推行网格化管理。\n").places   # 城关 alone is no place


def test_unit_written_first_of_several_is_not_the_subject():
    # a headline naming the first of several units (某镇等3个乡镇…) is about them all: their county
    rec = _doc("平江县南江镇等3个乡镇获评省级治理示范乡镇\n\n近日，省民政厅公布名单，平江县3个乡镇入选。"
               "平江县坚持党建引领，推进乡镇治理。\n")
    assert rec.document.subject_place == "岳阳市平江县"
    # a city's text that goes through its streets in turn, the first named most, is the city's
    rec = _doc("关于同意南江镇等4个镇新建社区的批复\n\n县民政局：\n同意新建社区6个：南江镇天岳、岳峰社区，长寿镇长寿社区，"
               "三市镇金窝社区，加义镇加义社区。\n附件1：南江镇新建社区事项\n附件2：长寿镇新建社区事项\n附件3：三市镇新建社区事项\n"
               "附件4：加义镇新建社区事项\n平江县人民政府\n2021年6月9日\n")
    assert rec.document.subject_place == "岳阳市平江县"


def test_compound_the_lead_visits_is_its_community_s_story():
    # the reporter goes to a compound written after its street; the text then names the street's one community
    # working in it: a compound is no place, the story is the community's
    rec = _doc("老旧小区的新变化\n\n绿植郁郁葱葱、车辆停放有序……记者走进平江县南江镇桂花园小区，墙面布设了宣传牌。"
               "以前这个小区环境问题突出。\n如今，随着南江镇天岳社区“红色物业”的入驻，小区环境大变样。"
               "南江镇天岳社区以桂花园小区为切入口，推动物业矛盾调解。\n")
    assert rec.document.subject_place == "天岳社区"
    # two communities of the street named: which one holds the compound is not said, the street stays
    rec = _doc("老旧小区的新变化\n\n记者走进平江县南江镇桂花园小区，墙面布设了宣传牌。\n"
               "南江镇天岳社区、南江镇岳峰社区都推行了“红色物业”。\n")
    assert rec.document.subject_place == "南江镇"


def test_town_s_own_write_up_is_the_town_s():
    # a write-up that calls itself 我镇 and names one town, its government never named: that town
    rec = _doc("以“微网格”撬动基层“大治理”\n\n近年来，我镇坚持以党建引领基层治理，全镇划分微网格120个。"
               "南江镇党委书记说，网格员每天入户。南江镇还推行“积分制”。\n")
    assert rec.document.subject_place == "南江镇"
    # its party committee's formal name under the headline (中共某县某镇委员会) is the town's, not the county's
    rec = _doc("以“微网格”撬动基层“大治理”\n\n中共平江县南江镇委员会\n\n近年来，我镇坚持以党建引领基层治理，"
               "全镇划分微网格120个。\n")
    assert rec.document.subject_place == "南江镇"
    # two towns named, neither twice as the text's own: which one is 我镇 is not said
    rec = _doc("以“微网格”撬动基层“大治理”\n\n近年来，我镇坚持以党建引领基层治理。据南江镇干部介绍，"
               "长寿镇的做法值得学习。\n")
    assert rec.document.subject_place is None


def test_text_that_names_no_place_takes_the_place_of_the_body_credited_for_it():
    # no place in the text but the body credited at its end (（某镇党委 供稿）): the body's own town
    rec = _doc("以“微网格”撬动基层“大治理”\n\n近年来，我们坚持以党建引领基层治理，划分微网格120个，推行“积分制”。\n"
               "（南江镇党委 供稿）\n")
    assert rec.document.issuer == "南江镇党委"
    assert rec.document.subject_place == "南江镇"


def test_headline_without_place_community_named_twice_is_the_subject():
    # the headline names no place: the body's community, named twice and more often than its county, is the most
    # specific place the whole story is about
    rec = _doc("楼栋长成了“贴心人”\n\n“趁着天气好，抓紧把活儿做完。”刚吃过午饭，平江县易地搬迁安置点天岳社区的楼栋长老李就忙开了。\n"
               "老李老家在山里，2019年搬进天岳社区。作为楼栋长，他负责调解邻里矛盾。\n")
    assert rec.document.subject_place == "天岳社区"
    # under a headline that names the county, twice is not enough
    rec = _doc("平江县：楼栋长成了“贴心人”\n\n“趁着天气好，抓紧把活儿做完。”刚吃过午饭，平江县易地搬迁安置点天岳社区的楼栋长老李就忙开了。\n"
               "老李老家在山里，2019年搬进天岳社区。作为楼栋长，他负责调解邻里矛盾。\n")
    assert rec.document.subject_place == "岳阳市平江县"


def test_reporter_at_a_place_telling_what_they_saw_is_a_visit_to_it():
    rec = _doc("平江县：网格里的温情\n\n记者近日在平江县南江镇天岳社区看到，网格员正挨家挨户走访。"
               "天岳社区党委书记介绍，社区划分网格12个。\n")
    assert rec.document.subject_place == "天岳社区"
    # an event held there (在某社区举行) is still no visit
    rec = _doc("平江县：网格员技能比武举行\n\n近日，全县网格员技能比武在平江县南江镇天岳社区举行。"
               "平江县委政法委负责人说，全县网格员队伍不断壮大。\n")
    assert rec.document.subject_place == "岳阳市平江县"


def test_story_opening_on_an_anecdote_that_names_no_place_reads_its_lead_after_it():
    # the anecdote names no place: the paragraph after it is the story's lead (今年以来，某社区推行…)
    rec = _doc("平江县：小积分兑出文明新风\n\n“我用积分换了一桶油！”近日，67岁的王大妈高兴地说。\n"
               "近年来，平江县南江镇天岳社区推行积分制管理，居民参与志愿服务可获积分。"
               "天岳社区党委书记介绍，已有800余户参与。\n")
    assert rec.document.subject_place == "天岳社区"
    # a first paragraph that speaks of the county without naming it (县委县政府…) is the story's own lead
    rec = _doc("平江县：小积分兑出文明新风\n\n近年来，县委县政府高度重视基层治理，推动积分制管理全覆盖。\n"
               "今年以来，平江县南江镇天岳社区推行积分制管理，居民参与热情高涨。\n")
    assert rec.document.subject_place == "岳阳市平江县"
    # and a photo's caption (…。通讯员 某某 摄) stands where the first paragraph does
    rec = _doc("平江县：党建引领老旧小区改造\n\n工作人员深入小区了解居民需求。通讯员 李四 摄\n"
               "近年来，平江县南江镇天岳社区推行积分制管理，居民参与热情高涨。\n")
    assert rec.document.subject_place == "岳阳市平江县"


def test_profile_is_of_the_community_whose_post_its_person_holds():
    rec = _doc("做居民的贴心人——记社区党委书记李某\n\n今年52岁的李某是平江县南江镇天岳社区党委书记，在社区工作了20年。"
               "天岳社区的居民都叫她“李大姐”。\n")
    assert rec.document.subject_place == "天岳社区"
    # not a profile: a resident's post-less mention stays no lead
    rec = _doc("平江县：做居民的贴心人\n\n今年52岁的李某是平江县南江镇天岳社区党委书记，在社区工作了20年。"
               "平江县已选派200名干部到社区任职。\n")
    assert rec.document.subject_place == "岳阳市平江县"


def test_readings_past_opening_paragraphs_and_twice_named_communities_stay_guarded():
    # after opening paragraphs read past, only a lead written from its county or city is taken (a bare name
    # there may be a word run together with 社区: 深入开展社区公益创投)
    rec = _doc("小积分兑出文明新风\n\n“我用积分换了一桶油！”近日，67岁的王大妈高兴地说。\n"
               "4.深入开展社区公益创投。居民参与志愿服务可获积分，平江县已有800余户参与。\n")
    assert rec.document.subject_place == "岳阳市平江县"   # (深入开展 is no visit either)
    # a text that speaks as 我市 places itself: a community named twice under no headline place does not take it
    rec = _doc("关于社区治理工作的调研报告\n\n近年来，我市坚持党建引领，推进社区治理，我市各地积极探索。"
               "天岳社区推行“屋场会”，天岳社区居民参与热情高。\n\n平江县民政局\n2021年6月30日\n")
    assert rec.document.subject_place != "天岳社区"


@pytest.mark.parametrize(("text", "subject"), [
    # a district several cities have, its city written nowhere: the one in the region the page's outlet serves
    (("城中区：“红色物业”让小区焕新\n\n西宁晚报讯（记者 王某）近年来，城中区坚持党建引领，在辖区推行“红色物业”。"
     "区委组织部负责人说，全区已有40个小区建立物业党支部。\n"), "西宁市城中区"),
    (("城关区：“一核多元”绘就基层治理新图景\n\n来源：兰州日报\n今年以来，城关区坚持党建引领，推行“一核多元”治理模式。"
     "区委政法委有关负责人表示，将持续深化。\n"), "兰州市城关区"),
    (("城关区：“一核多元”绘就基层治理新图景\n\n中国西藏网12月3日讯 今年以来，城关区坚持党建引领，推行“一核多元”治理模式。"
     "区委政法委有关负责人表示，将持续深化。\n"), "拉萨市城关区"),
    # (鼓楼 is an ordinary word too: a district's name heading a headline before its colon is the district)
    (("鼓楼区：“邻里中心”让居民生活更便利\n\n今年以来，鼓楼区坚持党建引领，在全区推行“邻里中心”建设。"
     "区委社会工作部负责人表示，下一步将继续推进。\n来源：福建日报\n"), "福州市鼓楼区"),
], ids=["evening-paper", "source-line", "dateline", "province-paper"])
def test_shared_district_name_in_headline_is_placed_by_the_pages_outlet(text, subject):
    rec = _doc(text)
    assert rec.document.subject_place == subject
    assert all(a.name.startswith(subject) for a in rec.agencies)       # 区委… is that district's
    assert {m.owner for m in rec.named_models} == {subject}


def test_outlet_region_reads_no_short_form_into_the_headline():
    # the outlet only says which of the districts of one name is meant: a province's short form in the
    # headline does not become its place (a series name: 春天里的某省故事)
    rec = _doc("【春天里的甘肃故事】小网格编织大民生\n\n来源：甘肃日报\n3月25日，甘肃省定西市安定区某某小区的网格员巡逻时，"
               "发现6号楼的玻璃破碎。网格员随即开展劝导工作。\n")
    assert rec.document.subject_place != "甘肃省"
    # a page with no outlet of its region leaves the shared name unplaced: the district as the headline writes it
    rec = _doc("城中区：“红色物业”让小区焕新\n\n本报讯 近年来，城中区坚持党建引领，在辖区推行“红色物业”。\n")
    assert rec.document.subject_place == "城中区"
    assert {m.owner for m in rec.named_models} == {"城中区"}
    assert not rec.agencies
    # (not a name that only opens the headline's words: 鼓楼区域…)
    rec = _doc("城中区域环境整治见成效\n\n本报讯 近年来，各地推进环境整治。\n")
    assert rec.document.subject_place is None


@pytest.mark.parametrize(("text", "subject"), [
    # a county whose full name is two characters (礼县, 岷县), the only one of that name, heading a headline
    ("礼县：“院落议事”议出和谐新风\n\n本报讯 近年来，礼县坚持党建引领基层治理，在全县推广“院落议事”机制。\n", "陇南市礼县"),
    (("岷县茶埠镇：网格员化身“红色管家”\n\n本报讯 近日，记者在茶埠镇看到，网格员正在走访居民。茶埠镇党委书记说，"
     "镇上推行“红色管家”服务。\n"), "茶埠镇"),
    # its CPPCC or congress acting, in the headline and after a stop in the body (traditional on a mirror page)
    (("岷县政协视察全县社区治理工作\n\n6月3日，岷縣政協副主席帶領委員視察了茶埠鎮網格化服務中心，"
      "並召開座談會。\n"), "定西市岷县"),
], ids=["colon", "town-after-it", "its-body"])
def test_two_character_county_heading_a_headline_is_a_place(text, subject):
    rec = _doc(text)
    assert rec.document.subject_place == subject
    assert any(p.level == "county" for p in rec.places)                   # the county is named too
    assert all("县" in a.name for a in rec.agencies)                      # 茶埠镇党委 is the county's town's


def test_city_papers_write_up_with_a_subtitle_naming_a_county_is_the_countys():
    # the headline names no place, the subtitle names a county of the city whose paper says 我市
    rec = _doc("“小积分”兑出文明“大风尚”\n——宜君县推进乡风文明建设见闻\n\n铜川日报记者 王某\n"
               "近年来，宜君县以“积分超市”为抓手，推动乡风文明建设，群众参与热情高涨。\n"
               "我市各县区也纷纷学习借鉴，全市已建成积分超市300余个。\n")
    assert rec.document.subject_place == "铜川市宜君县"
    # a subtitle naming the city itself leaves the city
    rec = _doc("“小积分”兑出文明“大风尚”\n——铜川市推进乡风文明建设见闻\n\n铜川日报记者 王某\n"
               "近年来，我市以“积分超市”为抓手，推动乡风文明建设。宜君县、耀州区已建成积分超市300余个。\n")
    assert rec.document.subject_place == "铜川市"


def test_lead_street_after_a_shared_district_name_is_the_subject():
    # 龙华区 is a district of two cities: which one stays open, but the street written after it opens the lead
    rec = _doc("小巷管家守护幸福里\n\n本报讯（记者 陈某）龙华区海垦街道积极探索“小巷管家”治理模式，聘请居民担任小巷管家。"
               "海垦街道党工委书记说，目前已有120名小巷管家上岗。\n")
    assert rec.document.subject_place == "海垦街道"
    assert {m.owner for m in rec.named_models} == {"海垦街道"}
    # (近年来 between the unit and what it does, as 近日 is) and the page's outlet places the district
    rec = _doc("小网格撬动大治理\n\n本报讯（记者 张某） 鼓楼区安泰街道近年来推行“网格+”治理模式，将党建、综治等工作纳入网格。"
               "街道党工委负责人说，网格员已达60余人。\n来源：福州日报\n")
    assert rec.document.subject_place == "安泰街道"
    assert [a.name for a in rec.agencies] == ["福州市鼓楼区安泰街道党工委"]


def test_headline_listing_places_of_one_level_is_about_the_unit_holding_them():
    rec = _doc("上城区湖滨街道、拱墅区米市巷街道入选全国“枫桥式”典型\n\n本报讯 近日，全国“枫桥式”典型名单公布，"
               "上城区湖滨街道、拱墅区米市巷街道入选。其中，米市巷街道的“米市巷议事会”已运行十年。\n来源：杭州日报\n")
    assert rec.document.subject_place == "杭州市"
    assert {(m.name, m.owner) for m in rec.named_models} == {("米市巷议事会", "米市巷街道")}  # credited where it is written
    rec = _doc("宜君县和耀州区获评省级平安县区\n\n本报讯 近日，省平安建设领导小组公布名单，宜君县、耀州区获评。\n")
    assert rec.document.subject_place == "铜川市"
    # one place written twice (its city, then the city's district) is no list
    rec = _doc("铜川市和铜川市耀州区举办平安建设宣传活动\n\n本报讯 近日，耀州区开展平安建设宣传活动。\n")
    assert rec.document.subject_place != "铜川市"


def test_reporter_told_by_a_units_body_about_that_unit_is_its_story():
    # a city paper (我市) told by a county's body, the story going on about 该县: the county's story
    rec = _doc("小积分兑出文明大风尚\n\n本报记者 王某\n日前，记者从宜君县委社会工作部获悉，该县以“积分超市”为抓手，推动乡风文明建设，"
               "全县已建成积分超市86个。\n宜君县委社会工作部负责人介绍，积分可兑换生活用品。我市各区县也纷纷学习借鉴。\n来源：铜川日报\n")
    assert rec.document.subject_place == "铜川市宜君县"
    # 据某县…介绍，该县…: the same source, written without the reporter
    rec = _doc("小积分兑出文明大风尚\n\n本报记者 王某\n据宜君县委社会工作部相关负责人介绍，该县以“积分超市”为抓手，推动乡风文明建设，"
               "全县已建成积分超市86个。我市各区县也纷纷学习借鉴。\n来源：铜川日报\n")
    assert rec.document.subject_place == "铜川市宜君县"
    # told about the city itself (该市): the city's
    rec = _doc("小积分兑出文明大风尚\n\n本报记者 王某\n日前，记者从铜川市委社会工作部获悉，该市以“积分超市”为抓手，推动乡风文明建设。"
               "宜君县、耀州区已建成积分超市86个。\n")
    assert rec.document.subject_place == "铜川市"


def test_headline_naming_a_places_quoted_way_of_working_is_that_places():
    # 基层治理的“某某样本”: the one county of that short form, whose way of working the story reports
    rec = _doc("基层治理的“宜君样本”\n\n本报讯 近年来，当地以积分制推动乡风文明，全县建成积分超市86个。"
               "县委社会工作部负责人说，积分超市深受群众欢迎。\n")
    assert rec.document.subject_place == "铜川市宜君县"
    assert [a.name for a in rec.agencies] == ["宜君县委社会工作部"]
    # a quoted experience of no one place's short form places nothing
    rec = _doc("基层治理的“枫桥经验”\n\n本报讯 近年来，当地以积分制推动乡风文明。\n")
    assert rec.document.subject_place is None
    # a county that learns the experience from its maker, named more often, is the story's
    rec = _doc("践行新时代“浦江经验”\n\n本报讯 近年来，宜君县学习借鉴浦江县的做法，推行领导干部下访接访制度。"
               "宜君县委社会工作部负责人说，宜君县已累计接访群众800余人次。\n")
    assert rec.document.subject_place == "铜川市宜君县"


def test_repost_whose_headline_names_no_place_reads_the_original_headline():
    rec = _doc("这个街道的“红色管家”火了\n\n原标题：拱墅区湖墅街道推行“湖墅管家”服务\n"
               "近年来，街道坚持党建引领，组建志愿者队伍，为居民提供上门服务。拱墅区已推广这一做法。\n")
    assert rec.document.subject_place == "湖墅街道"
    assert {m.owner for m in rec.named_models} == {"湖墅街道"}
    # a headline that names its place keeps it
    rec = _doc("宜君县：小积分兑出文明新风\n\n原标题：积分超市里的新变化\n近年来，宜君县以积分制推动乡风文明。\n")
    assert rec.document.subject_place == "铜川市宜君县"


def test_shared_short_form_heading_a_headline_is_placed_by_the_pages_outlet():
    text = ("鼓楼：“邻里中心”让居民生活更便利\n\n来源：徐州日报\n今年以来，鼓楼区坚持党建引领，在全区推行“邻里中心”建设。"
            "区委社会工作部负责人表示，将继续推进。\n")
    rec = _doc(text)
    assert rec.document.subject_place == "徐州市鼓楼区"
    assert [a.name for a in rec.agencies] == ["徐州市鼓楼区委社会工作部"]
    # the region holds none of them (a national paper): nothing is guessed from the short form
    rec = _doc(text.replace("徐州日报", "光明日报"))
    assert rec.document.subject_place in (None, "鼓楼区")


def test_shared_district_before_a_street_keeps_its_place_across_a_mirrors_gloss():
    # 鼓樓區(qū)安泰街道 on a mirror page: the gloss after the district does not part it from its street
    rec = _doc("鼓樓區(qū)安泰街道：小網(wǎng)格撬動大治理\n\n本報訊 近年來，安泰街道推行“網(wǎng)格+”治理模式。"
               "街道黨工委負責人說，網(wǎng)格員已達60余人。\n來源：福州日報\n")
    assert rec.document.subject_place == "安泰街道"
    assert [a.name for a in rec.agencies] == ["福州市鼓樓區安泰街道黨工委"]
    # and a district heading the headline before its colon, as the headline writes it where nothing places it
    rec = _doc("城中區(qū)：“紅色物業(yè)”讓小區(qū)煥新\n\n本報訊 近年來，城中區(qū)堅持黨建引領，在轄區(qū)推行“紅色物業(yè)”。\n")
    assert rec.document.subject_place == "城中區"


def test_lead_opening_with_places_listed_together_is_about_the_unit_holding_them():
    rec = _doc("基层治理新气象\n\n本报讯 近年来，宜君县、耀州区积极探索基层治理新路径。宜君县推行“积分超市”，"
               "耀州区打造“院落议事”平台。\n")
    assert rec.document.subject_place == "铜川市"
    assert {m.name: m.owner for m in rec.named_models} == {"积分超市": "铜川市宜君县", "院落议事": "铜川市耀州区"}
    # one county opening the lead keeps the story
    rec = _doc("基层治理新气象\n\n本报讯 近年来，宜君县积极探索基层治理新路径，推行“积分超市”。耀州区也打造了“院落议事”平台。"
               "宜君县已建成积分超市86个。\n")
    assert rec.document.subject_place == "铜川市宜君县"


@pytest.mark.parametrize("verb", ["督导", "检查", "调研", "巡查"])
def test_the_verb_of_a_visit_before_shequ_is_no_community(verb):
    # 到某区督导社区建设工作: what the visitors do there, not a community named 督导
    rec = _doc(f"市民政局到亭湖区{verb}社区建设工作\n\n发布日期：2019-05-06\n"
               f"5月6日，市民政局副局长一行到亭湖区{verb}社区建设工作，实地查看了社区党群服务中心。\n")
    assert rec.document.subject_place == "盐城市亭湖区"
    assert f"{verb}社区" not in {p.name for p in rec.places}


def test_a_community_name_opening_with_a_preposition_that_is_a_proper_name():
    # 向阳 opens with 向 (towards), yet the dictionary knows the two characters as a name: 某街道向阳社区
    rec = _doc("市委书记到向阳社区调研\n\n5月6日，盐城市委书记到亭湖区东湖街道向阳社区调研，察看了社区食堂。\n")
    assert rec.document.subject_place == "向阳社区"
    assert _places(rec)["向阳社区"][0] == "community"
    rec = _doc("蒙城县：邻里议事会解民忧\n\n近日，蒙城县城关街道向东社区召开邻里议事会，讨论加装电梯事宜。"
               "向东社区党委书记介绍，今年以来向东社区已召开议事会12次。\n")
    assert "向东社区" in {p.name for p in rec.places}
    # a preposition before a community that is no proper name still names nothing: 某区向社区下沉力量
    rec = _doc("亭湖区：力量下沉\n\n近年来，亭湖区向社区下沉干部300名。\n")
    assert not any(p.name.startswith("向") for p in rec.places)


def test_a_headline_street_the_story_goes_on_to_tell_stays_its_subject():
    # the lead opens with the district's work, but the story then tells the headline's street again and again
    rec = _doc("盐城市亭湖区文峰街道推进邻里中心建设\n\n"
               "近年来，盐城市亭湖区以“邻里中心”创建为切入点，全力推进社区服务提质。文峰街道创新推出“邻里帮”服务品牌，"
               "建设邻里驿站。文峰街道结合辖区实际，开设“邻里课堂”，定期开展文体活动。\n")
    assert rec.document.subject_place == "文峰街道"
    # a street the story does not name again: the district's work, the street its example
    rec = _doc("盐城市亭湖区文峰街道推进邻里中心建设\n\n"
               "近年来，盐城市亭湖区以“邻里中心”创建为切入点，全力推进社区服务提质，建成邻里中心12个。"
               "亭湖区还开设“邻里课堂”，定期开展文体活动。\n")
    assert rec.document.subject_place == "盐城市亭湖区"


def test_a_reply_names_the_body_that_handled_it_in_its_closing_contact_line():
    rec = _doc("对市政协十届五次会议第18号提案的答复\n\n尊敬的王某委员：\n"
               "您提出的关于加强老旧小区管理的提案收悉，现答复如下：\n"
               "近年来，我市持续推进老旧小区改造，今年改造小区12个。\n感谢您对我们工作的关心和支持。\n"
               "2021年7月20日\n联系单位：舞钢市住房和城乡建设局\n联系电话：8122694 联系人：张某\n")
    assert rec.document.kind == "提案答复"
    assert rec.document.issuer == "舞钢市住房和城乡建设局"


def test_a_streets_own_year_is_issued_by_its_office_though_the_text_never_names_it():
    text = ("文峰街道2022年工作总结\n\n"
            "2022年，文峰街道在区委、区政府的坚强领导下，扎实推进各项工作。盐城市亭湖区全年新建邻里中心12个，"
            "文峰街道完成老旧小区改造3个。\n")
    rec = _doc(text)
    assert rec.document.kind == "工作总结"
    assert rec.document.subject_place == "文峰街道"
    assert rec.document.issuer == "盐城市亭湖区文峰街道办事处"
    # a summary that does not speak as the street working under its district: no issuer is made up
    rec = _doc(text.replace("文峰街道在区委、区政府的坚强领导下，", ""))
    assert rec.document.issuer is None


def test_a_headline_opening_with_two_bare_streets_is_about_the_district_holding_both():
    # neither street's district is written; the township table places the two names together in one district only
    rec = _doc("五星街道文峰街道完成社区居委会换届选举\n\n"
               "9月2日，五星街道顺利完成七个社区居民委员会换届选举工作。此前，文峰街道也顺利完成十个社区居民委员会换届选举。\n")
    assert rec.document.subject_place == "盐城市亭湖区"
    # two streets no one district holds: no district is made up
    rec = _doc("东华门街道文峰街道完成社区居委会换届选举\n\n9月2日，东华门街道顺利完成七个社区居民委员会换届选举工作。\n")
    assert rec.document.subject_place in ("东华门街道", "文峰街道")


def test_a_street_that_is_only_where_the_countys_meeting_is_held_is_not_the_subject():
    text = ("网格化管理现场推进会在合德镇召开\n\n"
            "射阳新闻网讯（通讯员 王某）8月14日，我县网格化管理现场推进会在合德镇召开，县委政法委有关领导和全县各镇负责人参加。"
            "与会人员先到合德镇网格办现场考察。我县已划分网格1200个。\n")
    assert _doc(text).document.subject_place == "盐城市射阳县"
    # a town's own meeting, its county not speaking as 我县: the town
    assert _doc(text.replace("我县", "该镇")).document.subject_place == "合德镇"


def test_a_sentence_telling_what_the_congress_asks_of_each_deputy_is_no_salutation():
    rec = _doc("某区人大常委会组织代表集中联系社区活动\n\n"
               "5月下旬，区人大常委会组织开展代表集中联系社区活动，听取居民意见。\n"
               "区人大常委会要求每位代表，切实增强代表意识，深入选区，了解和反映社情民意。\n")
    assert rec.document.kind == "其他"
    assert rec.document.addressee is None
    # a salutation with a comma still is one
    rec = _doc("对区人大十届三次会议第12号建议的答复\n\n王建国代表，\n您提出的关于加强社区治理的建议收悉，现答复如下：\n"
               "近年来，我区持续推进社区治理。\n")
    assert rec.document.kind == "建议答复"
    assert rec.document.addressee == "王建国"


@pytest.mark.parametrize(("headline", "kind"), [
    ("某县互嵌式社区建设中的实现困境与突破路径", "调研报告"),      # a study's problem and way out
    ("易地搬迁新村的治理成效及发展路径——以某县某村为例", "调研报告"),  # its case in the headline itself
    ("某市探索基层治理新路径", "其他"),                           # news of a place exploring a new path
    ("某街道2025年法治政府建设工作汇报", "工作总结"),               # a unit's own report on its year
    ("区人大主任会议听取区政府社区管理工作汇报", "其他"),            # news of a report heard
])
def test_kind_from_how_the_headline_ends(headline, kind):
    text = f"{headline}\n\n近年来，各社区持续推进基层治理工作，居民满意度明显提升。\n"
    assert _doc(text).document.kind == kind


def test_a_research_visit_told_as_news_is_no_research_report():
    body = "6月1日至9日，调研组分别到街道、社区进行调研座谈，实地走访小区。调研组将认真撰写调研报告，提出意见建议。\n"
    assert _doc("某区政协调研物业管理现状\n\n" + body).document.kind == "其他"
    assert _doc("某区物业管理现状调研\n\n" + body).document.kind == "调研报告"


def test_a_reply_on_a_site_that_welcomes_to_its_bodys_own_site_is_that_bodys():
    rec = _doc("关于省十三届人大二次会议第684号代表建议答复的函\n\n欢迎访问安徽省民政厅官网\n\n"
               "关于省十三届人大二次会议第684号代表建议答复的函\n\n吴某代表：\n"
               "您提出的关于为基层减负的建议收悉，经研究办理，现答复如下：\n近年来，我省开展了社区减负专项行动。\n")
    assert rec.document.issuer == "安徽省民政厅"


def test_a_report_of_a_unit_found_from_its_towns_is_issued_by_that_units_body():
    # the text says only 我市 and names its towns: the county-level city holding them is the subject, and the
    # 市政协 whose vice-chair led the study is that city's
    rec = _doc("关于我市住宅小区管理情况的调研报告\n\n"
               "近年来，我市住宅小区快速发展。4-6月，由市政协副主席王某牵头，组成专题调研组，通过实地走访佛堂镇、苏溪镇和"
               "稠城街道，召开部门座谈会等形式，对我市住宅小区管理情况进行了调研。\n")
    assert rec.document.kind == "调研报告"
    assert rec.document.subject_place == "义乌市"
    assert rec.document.issuer == "义乌市政协"


def test_a_visit_to_a_community_written_after_where_it_lies_is_the_stories_subject():
    # 来到位于…的某社区: the clause on where the community lies stands between the visit and its name
    rec = _doc("媒体盐城行：“小”社区担负“大”使命\n\n"
               "盐城新闻网讯（记者 王某）6月29日，跟随采访团的媒体记者，来到位于江苏省盐城市亭湖区五星街道幸福小区院内的"
               "金鹰社区。\n金鹰社区共有5个居民小区，划分为7个网格，总户数4629户。\n")
    assert rec.document.subject_place == "金鹰社区"
    assert _places(rec)["金鹰社区"][2] == "subject"


def test_a_headline_street_written_as_its_countys_short_form_and_its_own_name_is_that_street():
    # 迁西栗乡：… — 迁西县's 栗乡街道 written without 街道 after the county's short form, not a township named 迁西栗乡
    rec = _doc("速看：迁西栗乡：“红色物业联盟”助力社区基层治理\n\n"
               "近日，迁西县栗乡街道组织辖区物业公司召开“红色物业联盟”启动仪式。\n")
    assert rec.document.subject_place == "栗乡街道"


def test_bodies_that_lead_a_study_together_are_its_joint_issuers():
    text = ("盐城市新型农村社区建设调研报告\n\n"
            "为全面把握全市新型农村社区建设情况，近日，市社科联、市农办主要领导带队，抽调相关部门组成调研组，"
            "深入全市40个新型农村社区实地查看。\n")
    assert _doc(text).document.issuer == "盐城市社科联、盐城市农办"
    assert _doc(text.replace("、市农办", "")).document.issuer == "盐城市社科联"


def test_a_reply_whose_opening_has_its_own_government_answer_is_that_governments():
    text = ("关于增设某某便民服务站建议的答复\n\n王某代表：\n您提出的《关于增设便民服务站的建议》已收悉，现答复如下：\n"
            "感谢您多年来对社区工作的关心，针对您提出的建议，区政府一直努力做好以下工作。\n"
            "一、就业服务方面，目前盐城市亭湖区有部分社区开设了家门口的就业服务站。\n")
    assert _doc(text).document.issuer == "盐城市亭湖区政府"
    # a government of another level than the reply's own is not the one answering
    assert _doc(text.replace("区政府一直", "市政府一直")).document.issuer is None


@pytest.mark.parametrize("source", ["稿件来源：阜阳公众网", "稿件来(lái)源:阜阳(yáng)公众网(wǎng)"])
def test_a_communitys_story_is_in_the_province_its_pages_outlet_serves(source):
    # the community's street and county are never written; the page credits a 阜阳 outlet (a mirror may gloss it)
    rec = _doc(f"某某路街道幸福社区：红色议事会助力老旧小区改造\n\n2024-08-07 16:42:34 {source} |\n"
               "近日，幸福社区召开老旧小区改造居民议事协商会，就拟改造方案向居民代表征集意见。\n")
    assert rec.document.subject_place == "幸福社区"
    assert rec.document.province == "安徽省"


def test_a_news_item_on_a_bodys_site_is_no_write_up_of_its_work():
    head = "合德镇拟划分12个社区\n\n发布时间：2019-07-13 来源：射阳县人民政府\n"
    # the lead tells a dated event: news the body's site carries
    assert _doc(head + "近日，县政协委员围绕社区划分工作提案办理情况进行调研。委员们首先来到后港村，听取工作进展。\n"
                ).document.kind == "其他"
    # the lead tells the body's work: its own write-up
    assert _doc(head + "近年来，合德镇坚持党建引领，稳步推进村改社区工作，已完成社区划分方案编制。\n"
                ).document.kind == "工作总结"


def test_a_street_two_counties_of_one_province_have_is_in_that_province():
    # 鸭绿江街道 is a street of two districts, both of 辽宁; the reply never writes its county
    rec = _doc("关于老旧小区合并管理的建议的答复\n\n张某代表：\n您提出的《关于老旧小区合并管理的建议》收悉，现答复如下：\n"
               "鸭绿江街道办事处开展民意调查工作，小区居民并无合并意愿。\n鸭绿江街道办事处将继续做好物业管理工作。\n")
    assert rec.document.subject_place == "鸭绿江街道"
    assert rec.document.province == "辽宁省"


def test_a_forestry_districts_short_form_heading_a_story_of_its_towns_is_its_story():
    # 神农架林区 is written 神农架 (its 林区 left off); the towns the story names lie in it
    rec = _doc("神农架3个村获评全省文明村\n\n"
               "近日，省文明委公布第五届文明村名单，其中，松柏镇某某村、木鱼镇某某村和阳日镇某某村榜上有名。"
               "松柏镇某某村以志愿服务为抓手，推进移风易俗。\n")
    assert rec.document.subject_place == "湖北省神农架林区"
    assert rec.document.province == "湖北省"


def test_a_community_written_after_its_chain_in_a_signature_is_placed_there():
    # the body names another province more often (返乡人员 from there); the closing signature writes the chain
    rec = _doc("光明社区：织密防控网 党员当先锋\n\n"
               "光明社区党支部组建巡逻队、宣传队，对辖区住户开展排查，共排查出湖北黄冈返乡人员12人，"
               "其中湖北黄冈返乡学生5人，湖北孝感返乡人员3人。光明社区党员每日为居民消毒楼道。"
               "(王某某 江西省赣州市章贡区解放街道光明社区党群工作者)\n")
    assert rec.document.subject_place == "光明社区"
    assert rec.document.province == "江西省"


@pytest.mark.parametrize("text,community,district,agency", [
    # 海棠 and 解放 are ordinary words too; written straight before a community's name they are the district
    (("海棠区椰林社区党群服务中心正式启用\n\n历时半年改造，海棠区椰林社区党群服务中心10月8日正式启用。市委副书记王某某，"
      "市委常委、组织部部长李某某到场调研。要坚持党建引领，把服务送到居民身边。\n"),
     "椰林社区", "三亚市海棠区", "三亚市委组织部"),
    (("解放区朝阳社区推行积分制管理\n\n近日，在解放区朝阳社区积分超市，居民拿着兑换券笑得合不拢嘴。"
     "区委组织部有关负责人介绍，解放区让小网格释放大能量。\n"), "朝阳社区", "焦作市解放区", "焦作市解放区委组织部"),
])
def test_a_district_named_like_a_word_heads_the_community_after_it(text, community, district, agency):
    rec = _doc(text)
    assert rec.document.subject_place == community
    assert _places(rec)[district][2] == "external"
    assert agency in {a.name for a in rec.agencies}


def test_a_county_short_form_inside_a_run_of_words_is_no_place():
    # 便民惠民利民: three words ending alike, none the county 惠民; the community's unit stays open
    from loaders.extract.gazetteer import load_gazetteer
    from loaders.extract.subject import _county_alias
    text = "椰风社区综合服务中心揭牌成立\n\n经过半年试运行，中心揭牌成立。要坚持党建引领，便民惠民利民。\n"
    assert _county_alias(text, load_gazetteer()) is None


def test_a_site_items_district_is_the_one_its_breadcrumb_column_names():
    # 区人大…区政府: a district's own site names itself only in its news column (某某要闻)
    rec = _doc("区人大视察区政府社区建设工作\n\n首页 > 新闻 > 蕉城要闻 > 正文\n\n"
               "5月12日，区人大常委会组织部分委员视察区政府推进社区建设工作情况。区政府分管副区长陪同。\n")
    assert rec.document.subject_place == "宁德市蕉城区"
    assert {"宁德市蕉城区人大", "宁德市蕉城区政府"} <= {a.name for a in rec.agencies}


def test_a_streets_item_opening_on_a_month_is_placed_by_its_organs_level():
    # 2020年4月，某街道人大工委组织…: the street's own body acts in the lead; two streets of that name, one in a district
    # and one in a county, and the text's organs are a county's (县人大代表, 县直部门)
    rec = _doc("街道人大工委开展视察前调研\n\n2021年6月，秀水街道人大工委组织县人大代表察看背街小巷整治现场。"
               "意见建议：县直部门要加快进度。\n")
    assert rec.document.subject_place == "秀水街道"
    assert rec.document.province == "河南省"
    assert "固始县秀水街道人大工委" in {a.name for a in rec.agencies}


def test_a_dispatch_opening_inside_a_communitys_office_is_the_communitys_story():
    # 新华社某市…电: where the story was filed; the lead's scene, written from the province down, is the community's office
    rec = _doc("这个社区很暖心：党员认领困难户心愿\n\n新华网 正文\n    这个社区很暖心：党员认领困难户心愿\n"
               "    2019-01-09 10:20:31 来源: 新华网\n\n      新华社兰州1月9日电(记者某某)天刚放亮，黄河边的小城已经忙碌起来。"
               "甘肃省定西市安定区凤翔镇东关社区居委会里，此时尤为热闹，人们进进出出。\n\n"
               "      “我想给孙子买一双新棉鞋”……在东关社区居委会的走廊里，有一面心愿墙。\n")
    assert rec.document.subject_place == "东关社区"
    assert rec.document.province == "甘肃省"


def test_a_communitys_story_is_placed_by_the_one_county_its_campaign_names():
    # “…文明某州”: the county-level city's name only inside its campaigns' names; the community lies there
    rec = _doc("“党建引领 文明邓州”志愿服务活动\n\n为倾听居民意见，增强居民文明意识，近日，市民政局志愿服务队利用周末"
               "到共驻共建单位青松社区，开展问卷调查等志愿服务活动，发放《幸福邓州》宣传手册。\n")
    assert rec.document.subject_place == "青松社区"
    assert rec.document.province == "河南省"
    assert "邓州市民政局" in {a.name for a in rec.agencies}


def test_a_scene_called_a_glimpse_of_the_districts_work_leaves_the_story_to_the_district():
    # 走进某区某社区… 这是某区开展…活动的一个侧面: the community's scene is an example of the district's campaign
    text = ("衢州市柯城区开展“党员联户”活动\n\n"
            "走进衢州市柯城区南湖社区，楼道口挂着党员联户公示牌，写明党员的联系电话和责任范围。\n"
            "这是衢州市柯城区开展“党员联户”活动的一个侧面。柯城区在全区开展这项活动，推动党员走进楼院。\n")
    assert _doc(text).document.subject_place == "衢州市柯城区"
    # the first sentence alone, no glimpse: the community's own story
    assert _doc(text.split("这是")[0] + "\n").document.subject_place == "南湖社区"


def test_a_tour_of_two_communities_in_two_streets_is_the_districts_story():
    # 在某区甲街道某社区…，在某区乙街道某社区…: the district's communities in turn, under a headline naming the district
    text = ("援建资金助力衢州市柯城区社区阵地建设\n\n"
            "援建资金持续投入，柯城区的社区阵地建设提速。\n"
            "在柯城区府山街道南湖社区，新建的党群服务中心宽敞明亮。南湖社区居民说，现在有了活动场地。\n"
            "在柯城区信安街道青霞社区，新建的邻里中心功能齐全。青霞社区书记说，活动更多了。\n")
    assert _doc(text).document.subject_place == "衢州市柯城区"
    # one community's story stays the community's
    one = text.split("在柯城区信安街道")[0] + "南湖社区还开展义诊。\n"
    assert _doc(one).document.subject_place == "南湖社区"


def test_a_county_short_form_that_names_a_village_places_no_town():
    # a town placed by nothing else, whose text lists villages one of which shares a far county's short form
    # (太平 of 太平区, written again as 太平中心村): the villages' names place the town nowhere
    text = ("大营镇新型社区建设的思考\n\n大营镇位于某市西北部，辖30个行政村。目前，镇驻地、李庄、王楼、太平，四处社区正在建设中。"
            "规划成“六点一心”，即李庄中心村、王楼中心村、太平中心村。大营镇推进社区建设。\n")
    rec = _doc(text)
    assert rec.document.province is None, rec.document


def test_a_headline_community_after_its_countys_short_form():
    # 某县简称+某某社区：… read as one name: the county's community, named again in the story without the county
    text = ("溧阳青枫社区：加装电梯“大家的事大家商量着办”\n\n"
            "随着老龄化加速，加装电梯成为居民的“刚需”。在青枫社区，居民议事会商量费用分摊。如今，青枫社区已加装电梯8部。\n")
    rec = _doc(text)
    assert rec.document.subject_place == "青枫社区" and rec.document.province == "江苏省", rec.document


def test_a_city_bodys_visit_to_two_districts_is_the_citys_story():
    # 市政协…：…先后来到甲区某社区、乙区某社区: the city's CPPCC at work in two of its districts, the city never named
    text = ("市政协围绕社区社会组织培育开展专题协商\n\n"
            "8月8日，市政协召开专题协商会。会前，与会委员先后来到柯城区南湖社区、衢江区樟潭社区等地察看社区社会组织培育情况。"
            "协商会上，委员们提出意见建议。\n")
    assert _doc(text).document.subject_place == "衢州市"
    # a city body's visit to one district is that district's story
    one = text.replace("、衢江区樟潭社区", "")
    assert _doc(one).document.subject_place != "衢州市"


def test_a_headline_chain_ending_in_a_numbered_community():
    # 某市某区某街道＋a community named by a number (018中心社区) or as a pair (某东一、二社区): the chain's end
    text = ("开封市鼓楼区州桥街道027中心社区推行楼栋议事会\n\n"
            "近日，027中心社区召开楼栋议事会，居民代表围绕停车管理提出建议。\n")
    assert _doc(text).document.subject_place == "027中心社区"
    pair = ("开封市鼓楼区州桥街道北门一、二社区办起邻里节\n\n"
            "北门一、二社区共用一个党群服务中心。今年邻里节上，两个社区的居民同台演出。\n")
    rec = _doc(pair)
    assert rec.document.subject_place == "北门一、二社区"
    # the pair is two communities, each a place of the street and each the subject
    places = _places(rec)
    assert places["北门一社区"] == ("community", "州桥街道", "subject"), places
    assert places["北门二社区"] == ("community", "州桥街道", "subject"), places
    assert "北门一、二社区" not in places
    # a year or a count after the street names no community
    year = "开封市鼓楼区州桥街道2023年社区工作总结\n\n2023年，州桥街道坚持党建引领，推进社区治理。\n"
    assert _doc(year).document.subject_place == "州桥街道"


def test_a_district_before_its_towns_and_streets_as_a_class():
    # 某区乡镇街道…, 某区镇街…: the district's towns and streets, no town named 某区乡 or street named 某区镇街
    text = ("雨花台区乡镇街道便民服务中心完成提档升级\n\n今年以来，区政务办推进乡镇（街道）便民服务中心建设，"
            "实现全区6个乡镇（街道）全覆盖。\n")
    rec = _doc(text)
    assert rec.document.subject_place == "南京市雨花台区" and rec.document.province == "江苏省", rec.document
    # a town written after its district is still a town (某区某某乡)
    assert _doc("雨花台区三和乡召开居民议事会\n\n近日，三和乡召开居民议事会。\n").document.subject_place != "南京市雨花台区"


def test_a_street_named_with_its_other_name_in_brackets():
    # 某区甲街(乙街)街道: two streets run as one, the other name in brackets, then its community
    text = ("楼栋议事会让小区更和谐\n\n来源：某某晚报\n"
            "金凤区满城(北城)街道丰盈社区推行楼栋议事会，居民的事由居民商量着办。今年以来，丰盈社区已召开议事会20余场。\n")
    rec = _doc(text)
    places = _places(rec)
    assert places["满城(北城)街道"][:2] == ("street", "银川市金凤区"), places
    assert places["丰盈社区"][1] == "满城(北城)街道", places
