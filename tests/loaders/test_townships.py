"""The national township table (loaders/extract/townships.csv) and how the places step uses it."""
from __future__ import annotations

from loaders.extract.context import Context
from loaders.extract.gazetteer import admin_changes, load_gazetteer
from loaders.extract.meta import extract_document
from loaders.extract.places import extract_places
from loaders.extract.townships import SUFFIXES, TOWNSHIPS_PATH, read_townships, township_county


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
