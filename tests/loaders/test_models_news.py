"""Named models on news items and write-ups: what such pages quote that is no scheme's name."""
from __future__ import annotations

import pytest

from tests.loaders.test_models import _models


@pytest.mark.parametrize("text", [
    # a residential compound's name (推进“…”小区水改), what people call a place (人们把这条街称为“…”)
    "某社区推行“三事分流”工作法，推进“金桂花园”小区雨污分流改造。",
    "某社区推行“三事分流”工作法。人们把这条老街称为“石板古巷”，游客常来打卡。",
    # what boards and walls display (“A”“B”等…宣传牌)
    "某社区推行“三事分流”工作法，楼道墙面布设了“二十四孝”“十大家训”等传统文化宣传牌。",
])
def test_a_compounds_name_an_appellation_and_a_boards_content_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}



def test_a_quoted_list_defining_an_unquoted_numeral_name_after_it_gives_that_name():
    # “A、B、C”的三联工作法: the numeral name after the list is a scheme too, the list its parts
    text = "某社区探索“党员联户、矛盾联调、平安联创”的三联工作法，以党员中心户为基础开展服务。"
    got = _models(text)
    assert got[("三联工作法", "宜昌市西陵区")] == ["党员联户", "矛盾联调", "平安联创"]
    # a name of another count is not read (“A、B”的三联…)
    assert [n for n, _ in _models("某社区探索“党员联户、矛盾联调”的三联工作法。")] == ["党员联户、矛盾联调"]


@pytest.mark.parametrize("text", [
    # a mirror page's pinyin glosses inside a stop-listed or never-a-name quote change nothing
    "某社区推行“三事分流”工作法，下好基层治理“一盘(pán)棋”。",
    "某社区推行“三事分流”工作法，每个小区都选出了‘小区(qū)长’和‘楼(lóu)长’。",
    # national terms: the Internet Plus initiative, the “two mountains” idea; small-scale renewal
    "某社区推行“三事分流”工作法，将“互联网+”与社区建设加速融合。",
    "某社区推行“三事分流”工作法，委员组了解某村“两山”转化和生态旅游情况。",
    "某社区推行“三事分流”工作法，一场文化墙“微更新”迅速落地。",
])
def test_glossed_stop_words_national_terms_and_small_renewal_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


@pytest.mark.parametrize("text,name", [
    # a facility or a channel named in apposition after its kind (公众号“…”, 调处室“…”, APP“…”)
    ("社区与派出所联动打造矛盾调处室“和美厅”，化解邻里纠纷。", "和美厅"),
    ("居民只需关注街道官方微信公众号“邻里家园”，即可获取社区信息。", "邻里家园"),
])
def test_a_facility_or_channel_named_after_its_kind_is_a_name(text, name):
    assert name in {n for n, _ in _models(text)}


@pytest.mark.parametrize("text,names", [
    # a numeral name made with 化, a scheme word after it (“六化”工作方法, “一体化”运营模式), is a name
    ("某区区委坚持用好“六化”工作方法，打造红色物业。", {"六化"}),
    ("某区实施“一体化”运营模式，对老旧小区统一打包。", {"一体化"}),
    # a descriptor made with 化 is not, nor a numeral one with no scheme word after it
    ("某区推进“精细化”管理模式，实现“一体化”。", set()),
])
def test_a_numeral_name_made_with_hua_before_a_scheme_word_is_a_name(text, names):
    assert {n for n, _ in _models(text)} == names


def test_a_residents_address_heading_the_clause_places_the_scheme_praised():
    # 家住P…的某某对社区开设的“…”赞不绝口: the scheme is where the resident lives, the chain's lowest unit
    text = "“社区有人管，我们住着舒心多了！”家住学院街道安置小区的王大爷对社区里开设的“暖心食堂”窗口赞不绝口。"
    places = {"学院街道": ("street", "within_subject", ("学院街道",))}
    got = _models(text, places=places)
    assert list(got) == [("暖心食堂", "学院街道")]


@pytest.mark.parametrize("text", [
    # a title a place is awarded (被评为/荣获/获评“…”), even a numeral one
    "某社区推行“三事分流”工作法，被评为“五星级党组织”。",
    "某社区推行“三事分流”工作法，今年获评“平安和美社区”。",
    # national holidays and national campaigns quoted by their short names: no place's scheme
    "某社区推行“三事分流”工作法，在“七一”前夕组织党员重温入党誓词。",
    "某社区推行“三事分流”工作法，深入开展“我为群众办实事”实践活动。",
    "某社区推行“三事分流”工作法，做好“六稳”“六保”工作。",
    "某社区推行“三事分流”工作法，开展“清零”行动，整治楼道杂物。",
])
def test_titles_awarded_holidays_and_national_campaigns_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_scheme_named_in_an_award_stays_a_name():
    got = _models("某区项目入选某市“五社联动”社会工作服务典型项目案例。")
    assert "五社联动" in {n for n, _ in got}


@pytest.mark.parametrize("text,name", [
    # a way of working named by its field (…管理法, …化解法, …议事法), as …工作法 already was
    ("社区总结出“望闻问切”矛盾化解法，化解纠纷。", "望闻问切"),
])
def test_a_quote_before_a_named_way_of_working_is_a_name(text, name):
    assert name in {n for n, _ in _models(text)}


def test_one_of_a_listed_set_is_not_a_name():
    # 被列为全市“…”之一: the set a project is counted in, not the place's scheme
    got = _models("某社区推行“三事分流”工作法，该项目被列为全市“十大惠民实事”之一。")
    assert {n for n, _ in got} == {"三事分流"}


@pytest.mark.parametrize("text", [
    # a phenomenon, even written as a list (存在“重A、轻B”现象)
    "某社区推行“三事分流”工作法，改变了过去存在的“重建设、轻管理”现象。",
    # the practice every page names, quoted as a heading's keyword (坚持“党建引领”)
    "某社区推行“三事分流”工作法。（一）坚持“党建引领”，夯实治理根基。",
])
def test_a_phenomenon_listed_and_the_common_practice_quoted_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


@pytest.mark.parametrize("text", [
    # a campaign's title on a mirror page that glosses characters with pinyin (网(wǎng)络主题宣传采访团)
    "某社区推行“三事分流”工作法。8月28日，“北疆红旗飘”网(wǎng)络(luò)主题宣传采访团一行来到某社区。",
    # words carved, written or printed on something (窗上镂刻着“…”)
    "某社区推行“三事分流”工作法。社区议事厅的窗上镂刻着“民有所呼、我有所应”。",
    # a birthday party, a banquet (“…”集体生日会, “…”百家宴)
    "某社区推行“三事分流”工作法，为孤寡老人举办“邻里和睦一家亲”集体生日会。",
    # the party's standard activities and national slogans (“主题党日”, 过“政治生日”, “铸牢中华民族共同体意识”)
    "某社区推行“三事分流”工作法，组织党员参加“主题党日”、过“政治生日”。",
    "某社区推行“三事分流”工作法，始终坚持以“铸牢中华民族共同体意识”为主线。",
    # the centre's words pointed at (十九大报告中提出的“…”)
    "某社区推行“三事分流”工作法，努力向十九大报告中提出的“打造共建共治共享社会治理新格局”的目标迈进。",
    # a list of roles people play (“信息员、调解员、宣传员”)
    "某社区推行“三事分流”工作法，明确网格员作为“信息员、调解员、协管员、宣传员、服务员”的职责。",
])
def test_more_quotes_news_pages_make_that_are_not_names(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_a_way_of_working_given_its_name_is_a_name():
    # 将这一做法命名为“…”: the place names its own scheme (not a title awarded)
    got = _models("某社区总结经验，将这一做法命名为“老街坊议事”，在全区推广。")
    assert "老街坊议事" in {n for n, _ in got}


def test_a_schemes_compounds_keep_the_schemes_name():
    # “红色物业”小区: compounds of a scheme, not an estate's name (“…花园”小区)
    got = _models("某街道建成“红色物业”小区12个，居民满意度明显提升。")
    assert "红色物业" in {n for n, _ in got}


@pytest.mark.parametrize("text", [
    # a quoted activity listed with plain ones of its kind (开展“…”、A、B等…活动 / 等共建项目): a kind of activity
    "某社区推行“三事分流”工作法，完成“结对帮扶”、环境整治等共建项目51个。",
    "某社区推行“三事分流”工作法，开展“爱心义剪”、健康义诊、政策宣讲等志愿服务活动20余场。",
])
def test_a_quoted_activity_listed_with_plain_ones_is_not_a_name(text):
    assert {n for n, _ in _models(text)} == {"三事分流"}


def test_quoted_brands_listed_with_plain_ones_stay_names():
    got = _models("社区创建“时光银行”“银龄家园”、公益社工、康养等服务品牌。")
    assert {"时光银行", "银龄家园"} <= {n for n, _ in got}


def _owners(text: str) -> tuple[str | None, dict[str, list[str]]]:
    from loaders.extract.pipeline import extract_text

    rec = extract_text(text, "t.txt")
    out: dict[str, list[str]] = {}
    for m in rec.named_models:
        out.setdefault(m.name, []).append(m.owner)
    return rec.document.subject_place, out


def test_a_headlines_city_written_before_the_quote_does_not_own_its_districts_scheme():
    # 某市“…”… over a story of one district: the city names the story for far readers, the scheme is the district's
    subject, owners = _owners("盐城“红管家”让小区治理更舒心\n\n近年来，盐城市亭湖区坚持党建引领，推行“红管家”服务，全区已有86个"
                              "小区组建“红管家”队伍。该区还建成党群服务站32个，该区居民满意度达98%。\n")
    assert subject == "盐城市亭湖区" and owners["红管家"] == ["盐城市亭湖区"]
    # the next mention that credits a place gives the owner
    _s, owners = _owners("盐城“红管家”让小区治理更舒心\n\n近年来，盐城市亭湖区坚持党建引领，全区已有86个小区建起党群服务站。"
                         "其中，东湖街道组建“红管家”队伍，该区居民满意度达98%，该区还建成议事厅12个。\n")
    assert owners["红管家"] == ["东湖街道"]
    # a headline of the city's own story keeps it
    _s, owners = _owners("盐城“红管家”让小区治理更舒心\n\n近年来，盐城市坚持党建引领，全市已有860个小区组建“红管家”队伍。\n")
    assert owners["红管家"] == ["盐城市"]


@pytest.mark.parametrize("lead", ["如", "再如，", "以东湖街道为例，"])
def test_a_place_given_as_an_example_heads_its_clause(lead):
    # 如P推行“…”, 以P为例，…: the example place is the scheme's, not the subject's
    place = "东湖街道" if lead.startswith("以") else "亭湖区"
    verb = "该街道推行" if lead.startswith("以") else "推行"
    _s, owners = _owners("盐城：基层治理有新招\n\n近年来，盐城市推进基层治理创新，各地亮点纷呈。"
                         f"{lead}{place if not lead.startswith('以') else ''}{verb}“积分超市”模式，居民参与率达90%。\n")
    assert owners["积分超市"] == ["盐城市亭湖区" if place == "亭湖区" else "东湖街道"]


@pytest.mark.parametrize("sentence", [
    "东湖街道党工委以“板凳议事会”为抓手，推动问题解决。",          # a street's organ written with its name: the street
    "据东湖街道党工委书记王某介绍，街道推行“板凳议事会”以来，化解矛盾200余件。",  # 据 opens no place's name
    "“板凳议事会”是东湖街道的一项创新举措。",                      # “…”是P的创新/品牌/做法: P made it
    "这是东湖街道推行“板凳议事会”工作法的一个缩影。",                # 这是 heads the clause before its place
])
def test_a_street_credited_in_a_districts_story(sentence):
    _s, owners = _owners("亭湖区：共治共享\n\n近年来，亭湖区坚持党建引领，推进基层治理创新。" + sentence + "\n")
    assert owners["板凳议事会"] == ["东湖街道"]


def test_a_district_organ_still_credits_the_district():
    _s, owners = _owners("盐城：共治共享\n\n近年来，盐城市坚持党建引领。亭湖区委组织部以“红管家”为抓手，推动问题解决。\n")
    assert owners["红管家"] == ["盐城市亭湖区"]


@pytest.mark.parametrize("sentence, owner", [
    # the clause's place gained by the scheme (得益于/离不开“…”): not its maker, the subject's then
    ("红星社区面貌的改善得益于“红管家”行动的开展。", "盐城市亭湖区"),
    ("红星社区的变化离不开“红管家”行动。", "盐城市亭湖区"),
    # a unit taken into a place's pilot batch: the scheme is the place's that runs it
    ("作为盐城市首批“红管家”试点单位之一，红星社区组建了服务队。", "盐城市"),
    ("红星社区作为盐城市首批“红管家”试点社区，组建了服务队。", "盐城市"),
])
def test_a_place_that_gains_by_or_pilots_a_scheme_does_not_own_it(sentence, owner):
    _s, owners = _owners("亭湖区：共治共享\n\n近年来，亭湖区坚持党建引领，推进基层治理创新。" + sentence + "\n")
    assert owners["红管家"] == [owner]


@pytest.mark.parametrize("paragraphs", [
    "\n【东湖街道】推行“板凳议事会”，每月召开一次。\n",        # a bracketed heading before the clause
    "\n东湖街道\n推行“板凳议事会”，每月召开一次。\n",          # a heading line naming the unit alone
    "一是西湖街道推行“红管家”。二是东湖街道推行“板凳议事会”。\n",  # 一是/二是 enumerate the clauses
])
def test_a_section_head_or_an_enumerator_before_the_place(paragraphs):
    _s, owners = _owners("亭湖区：共治共享\n\n近年来，亭湖区坚持党建引领，推进基层治理创新。" + paragraphs)
    assert owners["板凳议事会"] == ["东湖街道"]


def test_a_heading_line_that_is_more_than_a_place_heads_nothing():
    _s, owners = _owners("亭湖区：共治共享\n\n近年来，亭湖区坚持党建引领。\n东湖街道的经验值得推广\n推行“板凳议事会”，每月召开一次。\n")
    assert owners["板凳议事会"] == ["盐城市亭湖区"]


def test_places_listed_as_the_makers_each_own_the_scheme():
    # A社区、B社区推行“…”: NOTES.md — a model credited to two places gets one entry per owner
    _s, owners = _owners("亭湖区：共治共享\n\n近年来，亭湖区坚持党建引领。红星社区、光华社区推行“板凳议事会”工作法。\n")
    assert sorted(owners["板凳议事会"]) == ["光华社区", "红星社区"]
    # a list ending with 等 is where the scheme spread: not its makers
    _s, owners = _owners("亭湖区：共治共享\n\n近年来，亭湖区坚持党建引领。红星社区、光华社区等推行“板凳议事会”工作法。\n")
    assert owners["板凳议事会"] == ["盐城市亭湖区"]


def test_a_headline_city_that_opens_the_clause_over_a_communitys_story_credits_nothing():
    # 某市开办“…”: the headline names the city for readers far away; the body's community that runs it is its
    # owner (the community's street is written under a district the text does not list: 宁波市海曙区)
    from loaders.extract.pipeline import extract_text
    text = ("宁波开办“邻里暖心屋”解独居老人所急\n\n宁波开办“邻里暖心屋”解独居老人所急\n\n"
            "宁波市白云街道桂花社区共有居民3000余人。该社区通过居民议事会广泛征求意见,创办“邻里暖心屋”,为独居老人提供服务。")
    record = extract_text(text, "x.txt")
    assert [(m.name, m.owner) for m in record.named_models] == [("邻里暖心屋", "桂花社区")]


def test_a_listed_clause_with_its_own_body_as_subject_credits_that_body():
    # 会上，A社区进行了发言、区民政局围绕“…”进行了交流: the quote is the bureau's clause, not the community's
    from loaders.extract.pipeline import extract_text
    text = ("东坡区召开社区治理研讨会\n\n10月21日下午，东坡区民政局召开研讨会，会上，苏祠街道东安社区进行了发言、"
            "区民政局围绕“搭平台、广参与、建机制”进行了交流。")
    owners = {m.name: m.owner for m in extract_text(text, "x.txt").named_models}
    assert owners.get("搭平台、广参与、建机制") == "眉山市东坡区", owners
