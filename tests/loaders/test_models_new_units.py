"""Named models on documents of units no rule was written on, issue 11 (extra-ac/-af classes): what such pages
quote that is no scheme, and whom they credit, each a way they are written (invented sentences; the tuning
texts' wording is not reused)."""
from __future__ import annotations

import pytest

from tests.loaders.test_models import _models
from tests.loaders.test_models_news import _owners


@pytest.mark.parametrize("text", [
    # a body's own name, set up or counted (成立“…委员会”, “…专组”, 居委会——“某某居民委员会”): an organ, not a scheme
    "某区推行“三事分流”工作法。今年5月，区政府成立“社区发展领导委员会”(“领导委员会”)及“社区发展专组”。",
    "某区推行“三事分流”工作法。岛上最年轻的居委会——“海星居民委员会”正式挂牌。",
    "某区推行“三事分流”工作法，将听取拟成立的“片区民生咨询委员会”的意见。",
    # a task force set up (成立“…专班”), a command post (“…指挥部”)
    "某区推行“三事分流”工作法。汛期，社区整合力量成立“防汛值守专班”，全天巡查。",
    "某区推行“三事分流”工作法，发挥“社区前沿指挥部”作用。",
    # a title awarded to the best committees (“百佳村民委员会”)
    "某区推行“三事分流”工作法。市政府公布“十佳社区居民委员会” 和优秀社工名单。",
    # an international or world day (“国际志愿者日”), a festival's date of the calendar
    "某区推行“三事分流”工作法，在广场开展“国际志愿者日”系列服务活动。",
    "某区推行“三事分流”工作法，结合“世界读书日”开展阅读分享。",
    # one event's title joining two with 暨 (“…游园会暨…市集”)
    "某区推行“三事分流”工作法。某社区在公园举办“邻里小院夏日游园会暨跳蚤市集”活动。",
    # the goal a question asks after (如何让群众“…”？), a list too
    "某区推行“三事分流”工作法。建成之初，如何让新居民“住得下、融得进”？社区想了很多办法。",
    # a press tour's title (跟随“…”某省改革·媒体行)
    "某区推行“三事分流”工作法。记者跟随“春风拂面 改革向前”某省改革·媒体行，走进多个社区。",
])
def test_bodies_world_days_joint_events_questions_and_tours_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


@pytest.mark.parametrize("text", [
    # a sight built (打造“…”景点), a force gathered (汇聚“…”力量), an education campaign's theme (a list too)
    "某区推行“三事分流”工作法，联合企业打造“古樟石桥”景点。",
    "某区推行“三事分流”工作法，为城市更新汇聚“共治”力量。",
    "某区推行“三事分流”工作法，以“爱我家园、共建社区”先进性教育活动为抓手。",
    # a priority (把“…”放在第一位), a goal the work contributes to (为…“…”贡献力量, a list too)
    "某区推行“三事分流”工作法，社工始终把“孤寡老人关爱”放在第一位。",
    "某区推行“三事分流”工作法，为建设“青山绿水、美丽某区”贡献社区力量。",
    # what people do together (大家“同吃…、同唱…”)
    "某区推行“三事分流”工作法。社区里住着多个民族，大家“同过一个节、同做一桌菜”，亲如一家。",
    # a war of the centre's calls (打好“…收官战”)
    "某区推行“三事分流”工作法，打好“两个收官战”。",
    # an idiom opening with a numeral (构建“一应俱全”的体系)
    "某区推行“三事分流”工作法，构建“一应俱全”的服务体系。",
    # a list defining the numeral category it is written before (“无A、无B、无C”的“三无小区”)
    "某区推行“三事分流”工作法，在“无物业、无门卫、无围墙”的“三无小区”设立党小组。",
])
def test_sights_forces_priorities_goals_battles_idioms_and_categories_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_word_rejected_at_most_mentions_is_rejected_at_the_rest():
    # 汇聚“…”力量 twice, then 小区的“…”是…: the word the sentences around it reject
    text = ("某区推行“三事分流”工作法。改革汇聚“善邻”力量。\n\n改革汇聚“善邻”力量。老小区的“善邻”是某区改革的缩影。")
    assert {n for n, _ in _models(text)} == {"三事分流"}


@pytest.mark.parametrize("text,name", [
    # a committee's scheme word right after it keeps the scheme named after it
    ("某区推行“居民议事委员会”工作机制，每月议事一次。", "居民议事委员会"),
    # a place's own day stays a scheme (“便民服务日”)
    ("某区推行“周三便民服务日”，干部下沉社区。", "周三便民服务日"),
    # a numeral force stays (“1+3+N”力量)
    ("某区整合“1+3+N”力量，推动网格治理。", "1+3+N"),
])
def test_committees_with_a_scheme_word_days_of_a_place_and_numeral_forces_stay(text, name):
    assert name in {n for n, _ in _models(text)}


def test_a_locative_clause_opened_with_er_credits_its_place():
    # 而在P…的…站，“X”活动…: the place the clause is set in (而 opens a clause like 同时)
    _s, owners = _owners("盐城市：共治共享\n\n近年来，盐城市坚持党建引领。而在亭湖区东湖街道先锋社区的网格党群服务站，"
                         "“向前一步”调解活动更是为百姓解决了难题。\n")
    assert owners["向前一步"] == ["先锋社区"]


def test_the_place_a_pilot_serves_owns_the_scheme():
    # 某社区党群服务中心是P推进“…”建设的试点: P carries the scheme out, the pilot hosts it
    _s, owners = _owners("盐城市亭湖区东湖街道：共治共享\n\n近年来，东湖街道坚持党建引领。先锋社区党群服务中心是亭湖区推进"
                         "基层党建“三化”建设的试点。\n")
    assert owners["三化"] == ["盐城市亭湖区"]


@pytest.mark.parametrize("text", [
    # a quality said with 不 (文明实践“不断线”): a descriptor
    "某区推行“三事分流”工作法，让志愿服务“不断线”。",
    # a couplet of two spaced halves that an activity follows: the occasion's title
    "某区推行“三事分流”工作法，开展“剪纸迎新春 书香进万家”活动。",
    "某区推行“三事分流”工作法，开展“红旗映初心 服务暖民心”党员志愿服务活动。",
    # a heading closing on a thing described (特殊的“…”): a figure
    "社区里的“连心桌”\n\n某区推行“三事分流”工作法。",
])
def test_qualities_said_with_bu_and_couplet_titles_of_activities_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_couplet_a_scheme_word_follows_stays():
    assert "党员进格 一网兜底" in {n for n, _ in _models("某区推行“党员进格 一网兜底”服务机制，网格员每日巡查。")}


def test_the_brand_an_events_title_opens_with_is_named():
    # “某某茶话厅游园会暨社区市集” and, later, 打造…的“某某茶话厅”: the brand, not its occasion
    text = ("某社区在公园举办“邻里小院茶话厅游园会暨社区市集”活动，居民走出家门。\n"
            "今年，某区指导各社区打造居民身边易参与、可感知的“邻里小院茶话厅”，推动居民自我管理。")
    assert {n for n, _ in _models(text)} == {"邻里小院茶话厅"}


def test_a_count_and_a_verb_take_the_sentences_that_open_with_the_verb_as_components():
    # “三聚焦”推动…。聚焦A，…。聚焦B，…。聚焦C，…: each verb and what it takes
    text = ("某区以“三聚焦”推动社区治理提质增效。聚焦居民需求，推动物业服务融合发展。聚焦矛盾化解，实现纠纷就地化解。"
            "聚焦智慧治理，推动数据共享。")
    assert _models(text)[("三聚焦", "宜昌市西陵区")] == ["聚焦居民需求", "聚焦矛盾化解", "聚焦智慧治理"]


def test_a_count_and_a_verb_with_fewer_sentences_take_none():
    text = "某区以“三聚焦”推动社区治理提质增效。聚焦居民需求，推动物业服务融合发展。"
    assert _models(text)[("三聚焦", "宜昌市西陵区")] == []


def test_a_name_of_two_counts_takes_both_groups_of_the_list_before_it():
    # “建A、建B；C进D、E进F”的“二建二进”: the two groups the semicolon sets apart, all four parts
    text = "某社区探索提出了“建党建体系、建服务体系;政策进家庭、文化进小区”的“二建二进”工作模式。"
    assert _models(text)[("二建二进", "宜昌市西陵区")] == ["建党建体系", "建服务体系", "政策进家庭", "文化进小区"]


def test_a_slogan_whose_part_opens_with_yitihua_is_split_at_its_comma():
    # 一体化 is a word, not a count: the slogan's two halves are its components
    text = "某镇坚持“一体化推进村企党建,党建工作推动村企一体化”的工作要求。"
    assert _models(text)[("一体化推进村企党建,党建工作推动村企一体化", "宜昌市西陵区")] == [
        "一体化推进村企党建", "党建工作推动村企一体化"]


@pytest.mark.parametrize("text,name", [
    # a name that calls itself a programme, quoted inside a notice's title (印发“…工程”…名单的通知)
    ("近日，省民政厅发布关于印发“某省兜底民生服务社工双百工程”标杆站点名单的通知。", "某省兜底民生服务社工双百工程"),
    ("某区启动“邻里守望暖心行动”，组织志愿者上门。", "邻里守望暖心行动"),
])
def test_a_name_calling_itself_a_programme_is_kept(text, name):
    assert name in {n for n, _ in _models(text)}


def test_a_verbs_phrase_ending_in_a_programme_word_is_not_kept_for_it():
    # the programme quoted bare is kept; the same words after a verb (加强…工程) are a task, left to the classifier
    assert "社区服务提升工程" in {n for n, _ in _models("会上，代表们谈到“社区服务提升工程”。")}
    assert not _models("会上，代表们谈到“加强社区服务提升工程”。")


def test_a_scheme_whose_work_a_sentence_serves_stays():
    # 为“…”建设贡献力量: the scheme word after it names the place's scheme, not a goal served
    assert "邻里守望" in {n for n, _ in _models("某社区党员积极为“邻里守望”行动贡献力量。")}
