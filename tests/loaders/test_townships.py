"""The national township table (loaders/extract/townships.csv) and how the places step uses it."""
from __future__ import annotations

from loaders.extract.context import Context
from loaders.extract.gazetteer import admin_changes, load_gazetteer
from loaders.extract.meta import extract_document
from loaders.extract.places import extract_places
from loaders.extract.townships import SUFFIXES, TOWNSHIPS_PATH, read_townships, township_county, township_unit


def _placed(text: str) -> Context:
    ctx = Context(text=text, source="t")
    extract_document(ctx)
    extract_places(ctx)
    return ctx


def _place(ctx: Context, name: str):
    return next(p for p in ctx.places if p.name == name)


def test_the_shipped_table_round_trips():
    gaz = load_gazetteer()
    changed = {ch.code for ch in admin_changes()}
    rows = read_townships(TOWNSHIPS_PATH)
    assert len(rows) > 38000
    assert len({t.code for t in rows}) == len(rows)
    for t in rows:
        assert len(t.code) == 9 and t.code.isdigit(), t
        assert gaz.get(t.county) is not None or t.county in changed, t
        assert t.name.endswith(SUFFIXES), t
    assert TOWNSHIPS_PATH.read_text(encoding="utf-8").startswith("#")  # the licence and source header


def test_a_name_is_placed_only_where_it_is_unique_in_the_area():
    gaz = load_gazetteer()
    quanzhou, luoyang = gaz.code_for_full_name("泉州市"), gaz.code_for_full_name("洛阳市")
    assert gaz.full_name(township_county(gaz, "丰泽街道", quanzhou)) == "泉州市丰泽区"
    assert township_county(gaz, "丰泽街道", luoyang) is None          # not in that city
    assert township_county(gaz, "城关镇", luoyang) is None            # three 城关镇 in 洛阳市
    assert township_county(gaz, "城关镇", None) is None               # and some eighty in the country
    assert township_county(gaz, "鼓楼街道", None) is None
    assert township_county(gaz, "丰泽社区", None) is None             # communities are not in the table


def test_a_bare_street_in_a_city_text_gets_its_county():
    ctx = _placed("泉州市推进城市基层治理\n\n泉州市民政局：近年来，丰泽街道组建社区议事会，推动居民协商。")
    street = _place(ctx, "丰泽街道")
    assert street.parent == "泉州市丰泽区"
    assert street.role == "within_subject"


def test_a_common_town_name_in_a_city_text_stays_with_the_city():
    ctx = _placed("洛阳市推进城市基层治理\n\n洛阳市民政局：近年来，城关镇组建社区议事会，推动居民协商。")
    assert _place(ctx, "城关镇").parent == "洛阳市"


def test_a_streets_own_text_that_names_no_county_gets_it_from_the_table():
    ctx = _placed("武康街道社区办2025年工作总结\n\n发布机构 武康街道\n\n2025年，街道社区办坚持党建引领，推进社区治理。")
    assert ctx.document.province == "浙江省"
    assert _place(ctx, "武康街道").parent == "湖州市德清县"


def test_a_streets_own_text_with_a_name_many_counties_share_stays_unplaced():
    ctx = _placed("鼓楼街道社区办2025年工作总结\n\n发布机构 鼓楼街道\n\n2025年，街道社区办坚持党建引领，推进社区治理。")
    assert ctx.document.province is None
    assert _place(ctx, "鼓楼街道").parent is None


def test_the_table_places_a_street_its_paragraph_leaves_with_the_city():
    # 榆山街道 is 平阴县's, the one of that name in 济南市, though the paragraph names two counties
    ctx = _placed("济南市推进红色物业建设\n近年来，济南市坚持党建引领。\n"
                  "平阴县和商河县同样将群众需求放在首位，面对老旧小区，榆山街道组建物业公司。\n")
    assert _place(ctx, "榆山街道").parent == "济南市平阴县"


def test_of_several_units_of_a_name_the_one_whose_county_the_text_writes_is_meant():
    gaz = load_gazetteer()
    chuanying = gaz.code_for_full_name("吉林市船营区")
    assert township_unit(gaz, "德胜街道", None) is None                          # 北京市西城区's and 吉林市船营区's
    assert township_unit(gaz, "德胜街道", None, {chuanying}) == "220204001"
    assert township_unit(gaz, "德胜街道", None, {gaz.code_for_full_name("吉林市")}) == "220204001"  # or its city
    assert township_county(gaz, "德胜街道", None, {gaz.code_for_full_name("南京市")}) is None


def test_a_streets_own_text_takes_the_county_it_writes_bare_among_several():
    ctx = _placed("德胜街道2025年工作总结\n\n德胜街道2025年工作总结\n"
                  "今年以来，德胜街道在区委、区政府的坚强领导下，有效应对船营疫情，推进社区治理。")
    assert ctx.document.province == "吉林省"
    street = _place(ctx, "德胜街道")
    assert street.parent == "吉林市船营区"
    assert street.township_code == "220204001"


def test_a_reply_by_a_streets_office_is_about_that_street():
    ctx = _placed("关于对丰泽区第九届人民代表大会第二次会议第12号代表建议的答复\n\n张某某代表：\n"
                  "您提的《关于增设社区停车位的建议》收悉，现答复如下：\n"
                  "丰泽街道根据建议内容到实地调研，已纳入绿化工程项目。\n感谢您对丰泽街道办事处工作的关心和支持。\n")
    assert ctx.document.issuer == "泉州市丰泽区丰泽街道办事处"
    assert ctx.document.subject_place == "丰泽街道"
    assert _place(ctx, "丰泽街道").role == "subject"
    assert _place(ctx, "泉州市丰泽区").role == "external"


def test_a_communitys_story_headed_by_its_town_gets_the_towns_county():
    ctx = _placed("丰泽街道东湖社区：议事会议出新招\n\n丰泽街道东湖社区：议事会议出新招\n"
                  "为了优化小区居民的居住环境，东湖社区召开居民议事会，共同商议停车难题。")
    assert ctx.document.subject_place == "东湖社区"
    assert ctx.document.province == "福建省"
    assert _place(ctx, "丰泽街道").parent == "泉州市丰泽区"


def test_a_street_written_after_its_city_is_qualified_with_its_county():
    ctx = _placed("泉州市推进城市基层治理\n\n泉州市民政局：近年来，泉州市丰泽街道组建社区议事会，推动居民协商。")
    street = _place(ctx, "丰泽街道")
    assert street.parent == "泉州市丰泽区"
    assert street.role == "within_subject"
    assert street.township_code == "350503002"


def test_a_common_town_name_gets_no_township_code():
    ctx = _placed("洛阳市推进城市基层治理\n\n洛阳市民政局：近年来，城关镇组建社区议事会，推动居民协商。")
    assert _place(ctx, "城关镇").township_code is None


def test_a_headline_visit_to_a_county_and_a_towns_bare_name_is_about_that_town():
    from loaders.extract.models import extract_named_models

    ctx = _placed("媒体团走进德清县武康安置社区\n\n"
                  "省民政厅针对德清县搬迁安置点的后续扶持问题，积极探索“三联共建”帮扶模式，助力搬迁群众安居乐业。\n"
                  "武康街道安置点由东湖社区和西湖社区组成，街道推行“五星管家”服务，居民满意度不断提升。\n")
    assert ctx.document.subject_place == "武康街道"
    assert _place(ctx, "武康街道").role == "subject"
    assert _place(ctx, "湖州市德清县").role == "external"
    extract_named_models(ctx)
    owners = {m.name: m.owner for m in ctx.named_models}
    assert owners["三联共建"] == "湖州市德清县"     # told of the county before the story comes to the street
    assert owners["五星管家"] == "武康街道"


def test_a_county_and_an_ordinary_word_names_no_town():
    from loaders.extract.gazetteer import load_gazetteer
    from loaders.extract.subject import headline_place

    gaz = load_gazetteer()
    assert headline_place("媒体团走进德清县武康街道东湖社区", gaz, False).local == "东湖社区"  # written in full: as written
    # a community or village named like its town, written after the county: that community
    assert headline_place("媒体团走进德清县武康社区", gaz, False).local != "武康街道"
    # 学院路 is a word (海淀区's 学院路街道 is written in full where meant)
    assert headline_place("媒体团走进海淀区学院路沿线社区", gaz, False).local != "学院路街道"


def test_a_write_up_that_opens_telling_a_streets_work_is_that_streets():
    ctx = _placed("2025年工作总结\n\n今年以来，丰泽街道在区委、区政府的坚强领导下，推进社区治理，新建议事厅3个。\n")
    assert ctx.document.subject_place == "丰泽街道"
    assert ctx.document.province == "福建省"
    street = _place(ctx, "丰泽街道")
    assert (street.parent, street.role, street.township_code) == ("泉州市丰泽区", "subject", "350503002")
    # a street the opening sentence only introduces (某街道位于…) is no write-up's subject by itself
    ctx = _placed("2025年工作总结\n\n丰泽街道位于城市东部，交通便利。\n")
    assert ctx.document.subject_place is None


def test_a_county_short_form_that_runs_into_a_word_places_no_community():
    # 和安 (和安县's short form) inside 幸福感和安全感: 安全 is a word, the text names no county
    ctx = _placed("金桂社区召开居民代表大会\n\n近日，金桂社区召开居民代表大会，提升居民的获得感、幸福感和安全感。\n")
    assert ctx.document.subject_place == "金桂社区"
    assert ctx.document.province is None
    assert _place(ctx, "金桂社区").parent is None
