"""Roles and parents of places where the text leaves its own unit or a unit's street to be read from how it is
written: a county that says only 我县, a study trip to another district, a community named again after its street."""
from __future__ import annotations

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.pipeline import extract_text
from loaders.extract.unnamed_unit import unnamed_unit, written_towns


def _places(text: str) -> tuple[str | None, dict[str, tuple[str | None, str]]]:
    rec = extract_text(text, "t.txt")
    return rec.document.subject_place, {p.name: (p.parent, p.role) for p in rec.places}


def test_a_county_that_says_only_wo_xian_is_the_one_holding_its_towns():
    text = ("县人大常委会视察美丽乡村建设\n\n6月2日，县人大常委会组织代表对我县美丽乡村建设进行了视察。"
            "视察组先后到上店镇、三屯镇和王坪乡，听取了汇报。代表们认为，我县乡村面貌明显改善。\n")
    subject, places = _places(text)
    assert subject == "洛阳市汝阳县"
    assert places["三屯镇"] == ("洛阳市汝阳县", "within_subject")
    assert places["王坪乡"] == ("洛阳市汝阳县", "within_subject")


def test_a_county_level_city_says_wo_shi_and_a_phrase_ending_like_a_town_is_no_town():
    text = ("关于我市老旧小区管理的调研报告\n\n今年以来，市政协组成调研组，走访部分乡镇（街道），对我市老旧小区进行了调研。"
            "老旧小区集中于玉海街道、锦湖街道等，我市将加快改造。\n")
    assert "分乡镇" not in written_towns(text)
    subject, places = _places(text)
    assert subject == "瑞安市"
    assert places["锦湖街道"] == ("瑞安市", "within_subject")


def test_no_unit_where_the_text_names_no_level_of_its_own_or_one_town_only():
    gaz = load_gazetteer()
    assert unnamed_unit("视察组先后到上店镇、三屯镇，听取了汇报。", gaz, None) is None          # no 我县
    assert unnamed_unit("我县视察组到三屯镇，听取了汇报。", gaz, None) is None                  # one town
    assert unnamed_unit("我区视察组到上店镇、三屯镇，听取了汇报。", gaz, None) is None          # not a district's


def test_a_study_trips_communities_are_the_visited_units():
    text = ("安康市汉滨区赴安康市汉阴县学习考察社区治理工作\n\n5月8日，汉滨区组织部长带领考察组赴汉阴县学习考察。\n"
            "考察组参观了红旗社区、东坡社区，听取了介绍。\n"
            "下一步，我区将结合实际，在青年路社区推广经验。\n")
    _subject, places = _places(text)
    assert places["红旗社区"] == ("安康市汉阴县", "external")
    assert places["东坡社区"] == ("安康市汉阴县", "external")
    assert places["青年路社区"] == ("安康市汉滨区", "within_subject")   # back home: no visiting verb


def test_a_community_named_again_after_its_street_takes_the_street_as_parent():
    text = ("安康市汉滨区红旗社区：小网格连起大民生\n\n近日，在安康市汉滨区老城街道红旗社区，网格员正在走访居民。\n")
    subject, places = _places(text)
    assert subject == "红旗社区"
    assert places["红旗社区"] == ("老城街道", "subject")


def test_a_zone_the_text_is_about_runs_the_towns_and_communities_it_names_bare():
    text = "安康高新区：物业党建进小区\n\n近年来，安康高新区坚持党建引领，在恒口镇推行红色物业，张岭社区成立小区党支部。\n"
    subject, places = _places(text)
    assert subject == "安康高新区"
    assert places["恒口镇"] == ("安康高新区", "within_subject")   # (the table alone would put it in 汉滨区)
    assert places["张岭社区"] == ("安康高新区", "within_subject")


def test_a_paragraph_going_through_districts_places_each_sentences_communities_in_its_district():
    text = ("安康市：社区服务中心陆续建成\n\n据了解，汉滨区的红旗社区服务中心、东坡社区服务中心已投入使用。"
            "汉阴县新建的社区服务中心是位于城关的青年路社区服务中心。\n")
    subject, places = _places(text)
    assert subject == "安康市"
    assert places["东坡社区"] == ("安康市汉滨区", "within_subject")
    assert places["青年路社区"] == ("安康市汉阴县", "within_subject")
