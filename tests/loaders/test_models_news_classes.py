"""Named models on news items and write-ups, issue 11 round 2: more of what such pages quote that is no
scheme's name, each a way they are written (invented sentences; the tuning texts' wording is not reused)."""
from __future__ import annotations

import pytest

from tests.loaders.test_models import _models


@pytest.mark.parametrize("text", [
    # speech cut off with an ellipsis, opening a paragraph (“请注意……”寒假里…): words said, never a scheme
    "某社区推行“三事分流”工作法。\n\n“不许去河边玩耍……”寒假里，某社区的楼道小课堂坐满了孩子。",
    "某社区推行“三事分流”工作法。\n“注意用电安全……”某社区的消防宣讲吸引了不少居民。",
    # a statement made with a copula (“一栋楼就是一个家”), whatever follows it: a saying
    "某社区推行“三事分流”工作法，坚持“一栋楼就是一个大家庭”的理念开展服务。",
    "某社区推行“三事分流”工作法。“小区便是我家”成了居民的口头禅。",
    # the pressures a place faces (“A、B、C”的三重压力), a list of complaints like “…难、…多”的困境
    "某街道辖区人口多，面临“房屋老化重、矛盾纠纷多、服务需求杂”的三重压力，为此推行“三事分流”工作法。",
    "某街道面对“停车难、充电难”的双重压力，推行“三事分流”工作法。",
    # a short creed named 理念 (按照“…”的理念, “…”服务理念): a principle, not the place's scheme
    "某社区推行“三事分流”工作法，按照“邻里就是亲人”的理念组建志愿队。",
    "某社区推行“三事分流”工作法，秉持“居民至上”服务理念。",
    # the apps and channels a notice is published through (通过“A”“B”等平台发布…)
    "某社区推行“三事分流”工作法，通过“快手”“微博”等平台发布活动预告。",
    "某社区推行“三事分流”工作法，借助“小红书”等新媒体平台宣传社区美食节。",
    # the topic of a work report or introduction given to visitors (听取“…”工作汇报, 作了“…”工作介绍)
    "某社区推行“三事分流”工作法。调研组听取了某社区“网格管理”的工作汇报。",
    "某社区推行“三事分流”工作法。随后某街道作了“村居合并”工作介绍。",
    # (the progress of the work heard, 听取了“…”工作的进展)
    "某社区推行“三事分流”工作法。委员们来到某村，听取了“村居合并”工作的进展。",
])
def test_speech_pressures_creeds_channels_and_report_topics_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


@pytest.mark.parametrize("text,name", [
    # a creed that is a list, a numeral name or words joined by + is a slogan the annotators keep
    ("某社区坚持“党建引领、多元共治、服务为先”的工作理念，推动小区治理。", "党建引领、多元共治、服务为先"),
    ("某区树立“四个到位”的治理理念，推动网格服务。", "四个到位"),
    ("某区坚持“党建引领+智慧赋能”的理念，建设智慧社区。", "党建引领+智慧赋能"),
    # named platforms listed before 等平台 with no publishing verb stay names
    ("某街道依托“邻里议事厅”“楼栋会客室”等议事平台，化解矛盾。", "邻里议事厅"),
    # a named scheme whose results are reported (“…”工作取得成效) is still one
    ("某社区推行“三事分流”工作法，取得明显成效。", "三事分流"),
])
def test_listed_creeds_and_named_platforms_stay_names(text, name):
    assert name in {n for n, _ in _models(text)}


@pytest.mark.parametrize("text", [
    # a trouble named with a few words between (“…”的治理困境): a problem, a list too
    "某社区推行“三事分流”工作法，面对“干部干、群众看”的治理困境，社区先从楼栋改起。",
    # what people did or said, one after another (有人“…”，有人“…”): their words, not a scheme
    "某社区推行“三事分流”工作法。积分榜前，有人“本周巡逻积10分”，有人“帮扶老人积5分”。",
    # a word of a foreign language with no scheme word after it
    "某区推行“三事分流”工作法，打造“City”生活圈。",
])
def test_troubles_peoples_words_and_foreign_words_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_numeral_name_after_the_list_it_counts_is_that_lists_name():
    # “A、…、E”的“五X”: the numeral name is accepted, the list's parts are its components
    got = _models("明确网格员作为“信息员、调解员、协管员、宣传员、服务员”的“五员”职责，推动政策宣传。")
    assert got == {("五员", "宜昌市西陵区"): ["信息员", "调解员", "协管员", "宣传员", "服务员"]}
    # a dash sets the list before the name it defines: one scheme, not two
    got = _models("某街道推出“邻里连心、服务暖心、关爱温心、互助爱心、你我知心”——“五心”服务，建立点单机制。")
    assert got == {("五心", "宜昌市西陵区"): ["邻里连心", "服务暖心", "关爱温心", "互助爱心", "你我知心"]}
    # a count that does not match is no abbreviation of the list
    assert ("四心", "宜昌市西陵区") not in _models("某街道推出“邻里连心、服务暖心、关爱温心”——“四心”口号。")


@pytest.mark.parametrize("text", [
    # one state turned into another with 变身 (“A”变身“B”): both ends
    "某村推行“三事分流”工作法。昔日“问题小区”变身“文明小区”。",
    # kinds of election (“户代表选举”方式): a procedure the law sets
    "某社区推行“三事分流”工作法。3个社区为“户代表选举”方式，2个社区为“居民代表选举”方式。",
    # an association among the bodies drawn in (“…志愿者协会”): a body, not a scheme
    "某社区推行“三事分流”工作法，联合“向日葵志愿者协会”的会员开展夜间巡逻。",
    # a category of crime (“两抢一盗”案件), even a numeral one
    "某社区推行“三事分流”工作法，“两抢一盗”案件同比下降10%。",
])
def test_changes_elections_associations_and_crimes_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_volunteer_team_named_by_a_quote_keeps_the_quote_as_its_name():
    # “X”志愿服务队 and X志愿服务队 written unquoted elsewhere: the scheme is X, not X志愿
    got = {n for n, _ in _models("某社区推行“三事分流”工作法。孙某成立了“和事佬”志愿服务队。和事佬志愿服务队常年调解纠纷。")}
    assert got == {"三事分流", "和事佬"}


@pytest.mark.parametrize("text", [
    # a title a body gives a unit (被市委组织部命名为“…”)
    "某区推行“三事分流”工作法，2家党组织被市委组织部命名为“星城先锋示范党支部”。",
    # the title of a visiting campaign (“…”走访活动)
    "某区推行“三事分流”工作法。代表们参加了某社区“平安在某区·服务在身边”走访活动。",
    # the topic a consultation is held on, introduced by 围绕
    "某区推行“三事分流”工作法。市政协召开专题协商会，围绕“发挥社会组织作用 助推共同缔造”开展专题协商。",
])
def test_titles_given_visits_and_consultation_topics_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_listed_principle_discussed_stays_a_name():
    # a quoted list a meeting discusses (围绕“a、b、c”进行交流) is a slogan the annotators keep
    assert "搭平台、广参与、建机制" in {n for n, _ in _models("某区推行“三事分流”工作法。股室围绕“搭平台、广参与、建机制”进行了交流。")}


@pytest.mark.parametrize("text,name", [
    # a list one of whose parts holds 响应 or 应急 is no provision (应 as a modal verb is)
    ("东湖社区推行“大党委引领、社会共建、网格治理、一键响应”工作机制，化解矛盾。", "大党委引领、社会共建、网格治理、一键响应"),
    # a showcase 打造 names (打造…“某某地标”)
    ("某区推行“三事分流”工作法，不断打造市域社会治理“城西地标”。", "城西地标"),
    # a name of two numerals before 主题党日: the scheme the theme day carries out
    ("某县常态化组织党员开展“一周一课一片一实践”主题党日活动。", "一周一课一片一实践"),
])
def test_responses_showcases_and_numeral_themes_are_names(text, name):
    assert name in {n for n, _ in _models(text)}


@pytest.mark.parametrize("text", [
    "某区推行“三事分流”工作法，为全省提供了可复制的“城西样板”。",  # a showcase offered, not built: a figure
    "某县开展“邻里守望”主题活动，推行“三事分流”工作法。",             # an event's theme, no numeral
    "某市规定“每个网格原则上应配备1名专职网格员”，推行“三事分流”工作法。",  # a provision
])
def test_offered_showcases_plain_themes_and_provisions_stay_out(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


@pytest.mark.parametrize("text", [
    # the small moving the large inside one quote: a figure of speech
    "某村推行“三事分流”工作法，形成“以最小治理成本撬动最大治理效能”的乡村治理模式。",
    # a motto acted on (用“…”的实际行动)
    "某社区推行“三事分流”工作法。书记带头组建先锋队，用“有困难我先上”的实际行动诠释担当。",
])
def test_small_moving_large_and_mottos_acted_on_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_one_instance_described_first_is_a_figure_unless_a_scheme_word_follows():
    assert {n for n, _ in _models("某社区推行“三事分流”工作法，一条安全平坦的“回家路”温暖着居民的心。")} == {"三事分流"}
    got = {n for n, _ in _models("某区推行“三事分流”工作法。一场别开生面的“有事来协商”民主议事会在某街道举行。")}
    assert "有事来协商" in got
