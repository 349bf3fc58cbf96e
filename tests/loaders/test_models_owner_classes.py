"""Owners of named models by how texts credit them: invented sentences, one class of writing each
(docs/extraction.md, Named models, Owner)."""
from __future__ import annotations

import pytest

from tests.loaders.test_models_news import _owners


@pytest.mark.parametrize("sentence", [
    "推行“东湖讲堂”模式，每月开讲一次。",            # the last sentence's district would own it
    "亭湖区还推行“东湖讲堂”模式，每月开讲一次。",      # the district credited: the street inside it is named by the brand
])
def test_a_brand_named_after_a_street_of_the_subject_is_the_streets(sentence):
    subject, owners = _owners("盐城市亭湖区：共治共享\n\n近年来，东湖街道建成党群服务站12个。亭湖区坚持党建引领。" + sentence + "\n")
    assert subject == "盐城市亭湖区" and owners["东湖讲堂"] == ["东湖街道"]


def test_a_slogan_ending_on_the_city_above_the_subject_is_the_citys():
    # 某县聚焦“南有枫桥、北有某市”: the city's slogan the county works under
    _s, owners = _owners("盐城市射阳县：平安建设\n\n近年来，射阳县聚焦“南有枫桥、北有盐城”社会治理格局，积极探索治理新路径。"
                         "射阳县建成综治中心12个。\n")
    assert owners["南有枫桥、北有盐城"] == ["盐城市"]


def test_a_platform_opening_with_its_citys_name_stays_the_subjects():
    # “某市互联社区”微信: a platform the district runs under its city's name, not the city's slogan
    _s, owners = _owners("盐城市亭湖区：共治共享\n\n近年来，亭湖区坚持党建引领，盐城市民政局给予指导。"
                         "线上平台包括“盐城互联社区”微信与网站、12345热线等平台。\n")
    assert owners["盐城互联社区"] == ["盐城市亭湖区"]


def test_a_place_named_by_an_ordinary_word_names_no_brand():
    # 幸福社区's 幸福 is in every slogan: “幸福家园” is not that community's
    _s, owners = _owners("盐城市亭湖区：共治共享\n\n近年来，亭湖区坚持党建引领，幸福社区建成党群服务站。"
                         "亭湖区推行“幸福家园”工程，每月开展活动。\n")
    assert owners["幸福家园"] == ["盐城市亭湖区"]


def test_a_street_written_short_is_the_street_the_text_names_in_full():
    # 某某新村街道 … 某某街道: the township table has no street of the short name in the district; the text's one street
    # named with it is meant, and owns what the short form is credited with
    from loaders.extract.pipeline import extract_text

    rec = extract_text("上海市普陀区曹杨新村街道2023年工作总结\n\n过去一年，在区委区政府的领导下，曹杨新村街道推进基层治理。"
                       "曹杨街道打造“邻里汇客厅”品牌，服务居民3万人次。\n", "t.txt")
    streets = [p.name for p in rec.places if p.level == "street"]
    assert streets == ["曹杨新村街道"]
    assert {(m.name, m.owner) for m in rec.named_models} == {("邻里汇客厅", "曹杨新村街道")}


@pytest.mark.parametrize("text, street", [
    # a street of the subject's own district named by an ordinary word (交通): the township table lists it there
    ("鄂尔多斯市东胜区：文化惠民\n\n近年来，东胜区坚持党建引领，推进基层治理，交通街道打造“邻里课堂”品牌，服务居民3万人次。\n",
     "交通街道"),
    # a verb written straight before one (深化友谊街道…): the name starts where the table's name does
    ("石家庄市桥西区：文化惠民\n\n近年来，桥西区推进基层治理，深化友谊街道长青社区“邻里课堂”品牌。\n", "友谊街道"),
])
def test_a_street_of_the_subjects_own_county_is_named_whatever_its_word(text, street):
    from loaders.extract.pipeline import extract_text

    rec = extract_text(text, "t.txt")
    assert [p.name for p in rec.places if p.level == "street"] == [street]


def test_a_town_written_before_a_word_of_its_own_is_the_town():
    # 某镇集镇 (the town's market town): no town named 某镇集
    from loaders.extract.pipeline import extract_text

    rec = extract_text("鄂尔多斯市东胜区：文化惠民\n\n近年来，东胜区推进公园街道集镇综合整治，公园街道居民满意。\n", "t.txt")
    assert [p.name for p in rec.places if p.level == "street"] == ["公园街道"]


def test_a_shanghai_residents_area_is_a_community_and_owns_what_is_seen_there():
    # 某某居民区: Shanghai's community (its 居民委员会's area); a visit's place owns the work seen there
    text = ("上海市静安区：代表走进社区\n\n近日，区人大代表开展专题调研。在江宁路街道，代表们先来到锦绣苑居民区实地参观便民洗衣房和"
            "“六步议事法”展示墙，了解社区治理情况。各居民区工作经费按每个居民区30万元的标准拨付。\n")
    from loaders.extract.pipeline import extract_text

    rec = extract_text(text, "t.txt")
    # (in the street the sentence is set in: 在某街道，…来到某居民区)
    assert [(p.name, p.level, p.parent) for p in rec.places if p.level == "community"] == [
        ("锦绣苑居民区", "community", "江宁路街道")]
    assert {(m.name, m.owner) for m in rec.named_models} == {("六步议事法", "锦绣苑居民区")}


def test_a_zone_named_by_the_short_form_its_formal_name_defines_is_recorded_under_the_formal_name():
    # 某省某市某某高新技术产业开发区（以下简称“某某高新区”）: one zone, named as the text introduces it (without the
    # province written before it); the subject and the owners follow
    from loaders.extract.pipeline import extract_text

    rec = extract_text("株洲云龙高新区创新“三级议事”模式\n\n湖南株洲云龙高新技术产业开发区（以下简称“云龙高新区”）是国家级"
                       "高新区。近年来，云龙高新区推行“三级议事”模式，化解矛盾300余件。\n", "t.txt")
    zone = "株洲云龙高新技术产业开发区"
    assert [(p.name, p.level) for p in rec.places if p.level == "other"] == [(zone, "other")]
    assert rec.document.subject_place == zone
    assert {(m.name, m.owner) for m in rec.named_models} == {("三级议事", zone)}
    # without the definition the zone keeps the name the text uses
    rec = extract_text("株洲云龙高新区创新“三级议事”模式\n\n近年来，云龙高新区推行“三级议事”模式，化解矛盾300余件。\n", "t.txt")
    assert rec.document.subject_place == "云龙高新区"


@pytest.mark.parametrize("sentence, street", [
    ("亭湖区总结推广东湖街道“板凳议事会”做法，全区推行。", "东湖街道"),       # the spread's verbs, then the street
    ("亭湖区深入走访东湖街道“板凳议事会”，听取意见。", "东湖街道"),          # the visit's verbs
    ("东湖街道指导红星社区推行“板凳议事会”，化解矛盾。", "红星社区"),       # a street guides its community
    ("东湖街道成立红星社区“板凳议事会”，化解矛盾。", "红星社区"),           # a street sets up its community's
])
def test_verbs_written_between_a_place_and_the_next_name_are_no_part_of_it(sentence, street):
    from loaders.extract.pipeline import extract_text

    rec = extract_text("盐城市亭湖区：共治共享\n\n近年来，亭湖区推进基层治理，成效明显。\n" + sentence + "\n", "t.txt")
    names = [p.name for p in rec.places if p.level in ("street", "community")]
    assert street in names and not any(n.endswith(street) and n != street for n in names)
    if street == "东湖街道":
        assert [m.owner for m in rec.named_models if m.name == "板凳议事会"] == ["东湖街道"]


@pytest.mark.parametrize("sentences", [
    "东湖街道坚持党建引领。在实践中，探索形成“板凳议事会”工作法。",          # a fronted 在实践中 goes on with it
    "东湖街道坚持党建引领。在此基础上，创新推出“板凳议事会”工作法。",
    "东湖街道坚持党建引领。聚焦居民需求，成立议事会。推行“板凳议事会”工作法。",  # two sentences that go on with it
])
def test_sentences_that_go_on_with_a_places_sentence_keep_its_subject(sentences):
    _s, owners = _owners("盐城市亭湖区：共治共享\n\n近年来，亭湖区推进基层治理，成效明显。\n" + sentences + "\n")
    assert owners["板凳议事会"] == ["东湖街道"]


def test_a_numbered_heading_naming_a_place_heads_its_paragraph():
    # 2.某区⏎打造“…”: a report's numbered heading names the unit whose work the paragraph tells
    _s, owners = _owners("关于全市社区治理工作的调研报告\n\n盐城市人大常委会调研组\n\n一、基本情况\n全市共有社区500个。\n二、主要做法\n"
                         "1.亭湖区\n推行“板凳议事会”，化解矛盾。\n2.盐都区\n打造“邻里议事厅”，服务居民。\n")
    assert owners["板凳议事会"] == ["盐城市亭湖区"] and owners["邻里议事厅"] == ["盐城市盐都区"]


def test_a_one_character_village_name_after_its_street_and_a_subject_run_into_its_county():
    # 某街道李村社区: a community named for a village of one character (李村) after its street; a headline's subject
    # written with its county run into it (某区李村社区) is no place the text writes: the county gives the roles
    from loaders.extract.pipeline import extract_text

    rec = extract_text("老城区李村社区推行网格积分管理\n\n18日上午，在老城区东湖街道李村社区积分超市，居民王某拿着兑换券笑了。"
                       "今年年初，李村社区推出“网格+积分”管理模式。\n", "t.txt")
    roles = {p.name: (p.level, p.role) for p in rec.places}
    assert roles["李村社区"] == ("community", "within_subject") and roles["东湖街道"] == ("street", "within_subject")
    assert {(m.name, m.owner) for m in rec.named_models} == {("网格+积分", "李村社区")}


def test_a_bare_body_in_a_sentence_set_in_a_visited_city_is_that_citys():
    # 在某市，市住建局介绍了“…”: the bureau of the city the sentence is set in, which owns what it presents
    from loaders.extract.pipeline import extract_text

    rec = extract_text("射阳县赴常州、昆山考察红色物业建设\n\n为推进我县红色物业建设，3月24日，县委组织部副部长王某一行赴常州、"
                       "昆山等地考察，县住建局参加。\n在昆山市，市住建局介绍了“四方联动”机制运行情况。双方进行了深入交流。\n", "t.txt")
    assert rec.document.subject_place == "盐城市射阳县"
    assert "昆山市住建局" in {a.name for a in rec.agencies}
    assert {(m.name, m.owner) for m in rec.named_models if m.name == "四方联动"} == {("四方联动", "昆山市")}


def test_a_visits_stop_heading_its_lines_owns_what_is_learnt_there():
    # 第二站 某社区⏎学习社区“…”: an itinerary's stop names the unit whose work the next lines show
    _s, owners = _owners("亭湖区组织社区书记赴盐都区观摩学习\n\n3月5日，亭湖区组织社区书记赴盐都区观摩学习。\n第一站 东湖社区\n"
                         "参观社区网格化管理分布图\n第二站 新洋港社区\n学习社区“三事分流”议事机制\n")
    assert owners["三事分流"] == ["新洋港社区"]


def test_the_place_an_inspection_looks_at_is_named_after_the_verb():
    # 实地查看某某一居民区的“…”: 查看 (to look at) takes a place, whose name starts after it
    from loaders.extract.pipeline import extract_text

    rec = extract_text("上海市静安区：代表走进社区\n\n近日，区人大代表开展专题调研。在江宁路街道，代表们实地查看康乐一居民区的"
                       "“邻里汇”服务站，了解社区治理情况。\n", "t.txt")
    assert [(p.name, p.parent) for p in rec.places if p.level == "community"] == [("康乐一居民区", "江宁路街道")]
    assert {(m.name, m.owner) for m in rec.named_models} == {("邻里汇", "康乐一居民区")}


def test_a_headlines_county_and_street_both_written_short_are_the_street():
    # 某县某乡：… over 某县某乡街道's story: the headline's compound is no township of its own, and owns nothing
    from loaders.extract.pipeline import extract_text

    rec = extract_text("迁西栗乡：“板凳议事会”助力社区治理\n\n近日，迁西县栗乡街道召开党建引领社区治理推进会，推行“板凳议事会”工作法，"
                       "化解矛盾200余件。\n", "t.txt")
    assert [p.name for p in rec.places if p.level == "street"] == ["栗乡街道"]
    assert rec.document.subject_place == "栗乡街道"
    assert {(m.name, m.owner) for m in rec.named_models} == {("板凳议事会", "栗乡街道")}


@pytest.mark.parametrize("sentence, owner", [
    ("近年来，我局指导东湖街道开展“板凳议事会”试点，化解矛盾200余件。", "东湖街道"),   # the reply's own body guides
    ("近年来，区民政局指导东湖街道推行“板凳议事会”，化解矛盾200余件。", "东湖街道"),  # a body guides
    ("近年来，东湖街道指导红星社区推行“板凳议事会”，化解矛盾200余件。", "红星社区"),  # a street guides its community
    ("近年来，我局在东湖街道试点推行“板凳议事会”，化解矛盾200余件。", "盐城市亭湖区"),  # where it is tried: not who
])
def test_the_place_a_clauses_head_guides_to_do_the_work_owns_it(sentence, owner):
    _s, owners = _owners("盐城市亭湖区民政局关于区政协十届二次会议第15号提案的答复\n\n王委员：\n您提出的关于加强社区治理的提案收悉。"
                         "现答复如下：\n" + sentence + "\n")
    assert owners["板凳议事会"] == [owner]


@pytest.mark.parametrize("sentence", [
    "开展精细化治理。\n清理“城市狗皮膏药”，志愿者们手持工具，细致清除楼道上的野广告。",  # a nuisance removed, by a figure
    "对楼道内乱堆乱放进行集中清理；清理“城市皮肤病”100余处；对停车位重新规划。",
])
def test_a_nuisance_cleared_away_is_no_scheme(sentence):
    _s, owners = _owners("盐城市亭湖区：共治共享\n\n近年来，亭湖区推进基层治理，成效明显。" + sentence + "\n")
    assert not owners


def test_a_numeral_name_cleared_away_stays_a_name():
    # 清理“三堆”: a numeral name still names the campaign's scheme
    _s, owners = _owners("盐城市亭湖区：共治共享\n\n近年来，亭湖区开展清理“三堆六乱”专项行动，成效明显。\n")
    assert "三堆六乱" in owners


def test_a_topic_fronted_with_tiqi_takes_the_place_of_the_clause_after_it():
    # 提起“…”，某街道的居民都竖起大拇指: the scheme brought up is the place the next clause speaks of
    _s, owners = _owners("盐城市亭湖区：共治共享\n\n近年来，亭湖区推进基层治理，成效明显。\n"
                         "提起“板凳议事会”，东湖街道的居民都竖起大拇指。\n")
    assert owners["板凳议事会"] == ["东湖街道"]
