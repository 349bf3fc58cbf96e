"""Named models, issue 11 round 4 (classes seen over the tuning sets extra-y and extra-aa were released into): ways
pages of any unit are written, each tested on invented sentences (the tuning texts' wording is not reused)."""
from __future__ import annotations

import pytest

from tests.loaders.test_models import _models
from tests.loaders.test_models_news import _owners


@pytest.mark.parametrize("text", [
    # a small thing set against a large one, whatever the verb (释放, 成为…的), 微 as well as 小
    "“微课堂”释放“大活力”——某区用心办好身边小事\n\n“微课堂”释放“大活力”\n\n某区推行“三事分流”工作法。",
    "某区推行“三事分流”工作法，让社区“小驿站”成为群众身边的幸福“大家园”。",
])
def test_a_small_thing_set_against_a_large_one_is_no_name(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_small_named_scheme_with_no_large_one_stays():
    assert {n for n, _ in _models("某区探索社区治理“微网格”，把服务送到楼栋。")} == {"微网格"}


def test_a_list_before_a_whole_that_heads_a_list_of_ways_is_the_name():
    # “A、B、C”三位一体、多方参与…的方式: 三位一体 is one of the ways listed, the quoted list is the scheme
    got = {n for n, _ in _models("某区采取“社区牵头、物业配合、居民监督”三位一体、多方参与、共同推进的方式，整治楼道。")}
    assert got == {"社区牵头、物业配合、居民监督"}


def test_a_list_before_a_whole_named_as_a_model_gives_the_whole():
    got = {n for n, _ in _models("某区构建“社区牵头、物业配合、居民监督”三位一体治理模式，整治楼道。")}
    assert got == {"三位一体"}


def test_a_headlines_street_gives_way_to_the_district_the_body_credits():
    # 某区某街道推进“…” heads a story whose body says 某区…推进“…”: the district's scheme, carried out in its street
    _subject, owners = _owners("亭湖区东湖街道推进“红管家”建设\n\n近年来，亭湖区坚持党建引领，着力推进“红管家”建设，"
                               "东湖街道结合实际建成党群服务站12个。\n")
    assert owners["红管家"] == ["盐城市亭湖区"]


def test_a_headlines_street_keeps_a_scheme_its_district_only_came_first_with():
    # 某区首家…平台“…”上线: the district is where it came first, the street's own platform
    _subject, owners = _owners("亭湖区东湖街道服务平台“红管家”上线\n\n近日，亭湖区首家街道级服务平台“红管家”上线，"
                               "东湖街道居民可一键办事。\n")
    assert owners["红管家"] == ["东湖街道"]


def test_a_quoted_kind_before_the_unit_it_makes_is_not_joined_to_it():
    # 兵地“嵌入式”社区, written 嵌入式社区 unquoted in the title too: the quote names the kind, 社区 is the unit it makes
    names = {n for n, _ in _models("某市嵌入式社区治理探索\n\n某市对“嵌入式”社区建设的探索，推行“三事分流”工作法。")}
    assert "嵌入式社区" not in names and "三事分流" in names


@pytest.mark.parametrize("text,name", [
    ("某社区创新“党建+议事”工作模式，每月召开议事会。", "党建+议事"),
    ("某街道推行“基层党建+物业服务”机制。", "基层党建+物业服务"),
    ("某社區推行“黨建+鄰里”工作模式。", "黨建+鄰里"),
])
def test_party_building_brought_into_one_field_has_no_components(text, name):
    assert {n: comps for (n, _o), comps in _models(text).items()}[name] == []


def test_words_joined_by_plus_keep_their_parts():
    got = {n: comps for (n, _o), comps in _models("某社区创新“网格+议事”工作模式，每月召开议事会。").items()}
    assert got["网格+议事"] == ["网格", "议事"]


def test_words_joined_by_plus_keep_a_part_that_opens_with_a_numeral():
    # (a numeral opening a part of a 、-list still marks a count whose items are written elsewhere)
    got = {n: comps for (n, _o), comps in _models("某县推行“网格员+双联户”工作模式，效果明显。").items()}
    assert got["网格员+双联户"] == ["网格员", "双联户"]


def test_a_numeral_name_counting_the_items_written_before_it_is_a_name():
    # a、b、c、d的“四X”活动: the text names the list it has just written, whatever the word after it
    got = {n: comps for (n, _o), comps in _models(
        "某社区党支部整合各方资源，开展楼道卫生联扫、矛盾纠纷联调、困难群众联帮、文明新风联树的“四联”活动，做到资源共享。").items()}
    assert got["四联"] == ["楼道卫生联扫", "矛盾纠纷联调", "困难群众联帮", "文明新风联树"]


@pytest.mark.parametrize("text,name,parts", [
    # the items listed with 、 in the clause after the name, each holding its character
    ("某市深入推进“四治”融合，充分发挥政治统领、法治护航、德治滋养、自治激活作用，打造平安城市。", "四治",
     ["政治统领", "法治护航", "德治滋养", "自治激活"]),
    # as many clauses after it, each holding the character
    ("某社区创新实施“三融”工作法，以联席会议促进组织融合，以节日共庆促进情感融合，以阵地共用促进服务融合，让小区更和谐。",
     "三融", ["以联席会议促进组织融合", "以节日共庆促进情感融合", "以阵地共用促进服务融合"]),
])
def test_a_count_and_a_character_takes_the_items_after_it_that_hold_the_character(text, name, parts):
    assert {n: comps for (n, _o), comps in _models(text).items()}[name] == parts


def test_a_count_and_a_character_takes_no_clauses_that_do_not_hold_it():
    got = {n: comps for (n, _o), comps in _models("某社区创新实施“三融”工作法，组织党员走访，开展志愿服务，服务居民群众。").items()}
    assert got.get("三融", []) == []


@pytest.mark.parametrize("text,name,parts", [
    # a count written in digits, its items listed with 、 in the next clause, each opening with the verb
    ("某区全面开展“4个聚焦”行动，聚焦组织建设、聚焦队伍管理、聚焦阵地提升、聚焦服务群众。", "4个聚焦",
     ["聚焦组织建设", "聚焦队伍管理", "聚焦阵地提升", "聚焦服务群众"]),
    # the points the next sentences number (一是坚持A，…。…。二是坚持B，…)
    ("某县做到“两个坚持”，夯实工作基础。一是坚持党建统领，凝聚各方力量。群众积极参与。二是坚持多元共治，形成工作合力。",
     "两个坚持", ["坚持党建统领", "坚持多元共治"]),
])
def test_a_count_and_a_verb_takes_the_items_that_open_with_the_verb(text, name, parts):
    assert {n: comps for (n, _o), comps in _models(text).items()}[name] == parts


@pytest.mark.parametrize("text", [
    "某区推行“三事分流”工作法。社区开展“扫楼式”“过筛式”走访，问题当场解决。",
    "某区推行“三事分流”工作法，探索“沙龙式”青年人才招募。",
])
def test_a_manner_made_with_shi_and_no_scheme_word_is_no_name(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


@pytest.mark.parametrize("text,names", [
    ("某社区按照“网格式”“片区式”工作模式，推动小区治理。", {"网格式", "片区式"}),
    ("某区推行“东湖模式”，全区推广。", {"东湖模式"}),
])
def test_a_manner_a_scheme_word_follows_or_a_model_stays(text, names):
    assert names <= {n for n, _ in _models(text)}


@pytest.mark.parametrize("text", [
    "某区推行“三事分流”工作法。日前，县政协召开“加快老旧小区改造提升居民幸福感”专题协商会，委员们踊跃发言。",
    "某区推行“三事分流”工作法。区政协召开“推进物业管理，提升小区服务水平”座谈会。",
])
def test_a_meetings_topic_worded_as_a_task_is_no_name(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_named_consultation_before_a_meeting_stays():
    # (a name, not a task: the rule reads the topic's opening verb)
    assert "院坝说事" in {n for n, _ in _models("某街道推行“院坝说事”议事机制，召开“院坝说事”专题协商会。")}


@pytest.mark.parametrize("text", [
    "某区推行“三事分流”工作法，全年实现“火灾零发生”“投诉零积压”。",
    "某区推行“三事分流”工作法，办证实现了“零跑腿”办理。",
])
def test_a_result_of_zero_is_no_name(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_zero_named_with_a_scheme_word_after_it_stays():
    assert "邻里零距离" in {n for n, _ in _models("某社区打造“邻里零距离”服务品牌，开展活动50场。")}


@pytest.mark.parametrize("text,name", [
    ("某社区以党支部为中枢，织出一张“上下贯通、左右协同”的议事服务网，群众诉求件件有回音。", "上下贯通、左右协同"),
    ("某村探索出了一条“合作社+农户+电商”的增收之路。", "合作社+农户+电商"),
])
def test_a_list_or_joined_words_after_one_instance_name_what_it_is_built_of(text, name):
    assert name in {n for n, _ in _models(text)}


def test_one_instance_of_a_plain_word_stays_no_name():
    assert {n for n, _ in _models("某区推行“三事分流”工作法，一条“心愿单”发出，志愿者迅速接单。")} == {"三事分流"}


def test_a_quote_the_text_calls_a_brand_is_a_name():
    assert "邻里" in {n for n, _ in _models("某社区党委持续深化“邻里”党建品牌，推动居民互助。")}
