"""Places: gazetteer resolution, short aliases, ambiguity, local units, false-hit guards."""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.context import Context
from loaders.extract.gazetteer import load_gazetteer, short_name
from loaders.extract.meta import extract_document
from loaders.extract.pipeline import extract_text
from loaders.extract.places import admin_mentions, extract_places, local_mentions
from loaders.read.normalize import normalize_text
from loaders.record import DocumentMeta

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize("name,level,short", [
    ("濮阳市", "city", "濮阳"), ("上海市", "province", "上海"), ("广西壮族自治区", "province", "广西"),
    ("恩施土家族苗族自治州", "city", "恩施"), ("武城县", "county", "武城"), ("城区", "district", None),
    # the place's own name ends where a people's name starts, not after any four characters
    ("黔东南苗族侗族自治州", "city", "黔东南"), ("张家川回族自治县", "county", "张家川"),
    ("巴音郭楞蒙古自治州", "city", "巴音郭楞"), ("隆林各族自治县", "county", "隆林"),
    # a unit named for its people alone is written by the people's name (鄂温克旗, 东乡县)
    ("鄂温克族自治旗", "county", "鄂温克"), ("东乡族自治县", "county", "东乡"),
    # a forestry district drops its 林区; a district whose own name ends in 林 drops its 区 only
    ("神农架林区", "district", "神农架"), ("碑林区", "district", "碑林"), ("万柏林区", "district", "万柏林"),
])
def test_short_name(name, level, short):
    assert short_name(name, level) == short


@pytest.mark.parametrize("name,level,parent,code", [
    ("潜江市", "county_city", "湖北省", "429005"),
    ("长沙市望城区", "district", "长沙市", "430112"),
    ("上海市", "province", None, "310000"),
])
def test_gazetteer_levels_and_parents(gaz, name, level, parent, code):
    c = gaz.code_for_full_name(name)
    assert c == code
    p = gaz.by_code[c]
    assert p.level == level
    assert (gaz.full_name(p.parent) if p.parent else None) == parent


def _placed(text: str) -> Context:
    """The context of ``text`` after the document and places steps."""
    ctx = Context(text=text, source="t")
    extract_document(ctx)
    extract_places(ctx)
    return ctx


def _names(text, subject=None):
    g = load_gazetteer()
    sub = g.code_for_full_name(subject)
    return [(m.as_written, g.full_name(m.code)) for m in admin_mentions(text, sub)]


@pytest.mark.parametrize("text,subject,expected", [
    ("学习山东省武城县经验", "濮阳市", [("山东省武城县", "德州市武城县")]),
    ("山东武城党员干部", None, [("山东武城", "德州市武城县")]),
    ("借鉴上海、杭州等地先进经验", "鄂州市", [("上海", "上海市"), ("杭州", "杭州市")]),
    ("区民政局组织赴成都开展考察", "长沙市望城区", [("成都", "成都市")]),
    ("鼓楼区推进社区治理", "南京市", [("鼓楼区", "南京市鼓楼区")]),
    ("鼓楼区推进社区治理", "福州市", [("鼓楼区", "福州市鼓楼区")]),
    ("鼓楼区推进社区治理", None, []),                  # a district alone, no city: ambiguous
    ("县目标考核制度", "咸宁市", []),                  # 县 is not 重庆市县
    ("联合华师合作团队评估", "咸宁市", []),            # 合作团队 is not 合作市
    ("资源整合全面提升", "咸宁市", []),
    ("江城社区共享厨房", "鄂州市", []),                # a community, not 江城区
    ("确保定期召开会议", "鄂州市", []),
    # a short form inside an idiom the dictionary knows is no place; written as a place it still is
    ("各地的做法和大同小异的经验", None, []),
    # a study trip's target: a county short form that one unit of the country has, after 学习/借鉴/赴
    ("组织干部赴龙泉驿考察小区治理", "宜昌市", [("龙泉驿", "成都市龙泉驿区")]),
    ("组织干部在龙泉驿考察小区治理", "宜昌市", []),
    # a county of a two-character name, alone after a stop inside the subject's city
    ("陇西县推行网格服务，漳县“院坝议事”机制让诉求在格内解决", "定西市",
     [("陇西县", "定西市陇西县"), ("漳县", "定西市漳县")]),
    ("各地推行网格服务，漳县“院坝议事”机制让诉求在格内解决", "天水市", []),   # outside the subject's city
    ("学习借鉴大同经验，各地的做法和大同小异的经验", None, [("大同", "大同市")]),
])
def test_admin_mentions(text, subject, expected):
    assert _names(text, subject) == expected


@pytest.mark.parametrize("text,expected", [
    ("市委副书记在澜湖社区检查指导工作。", [("澜湖社区", "community")]),
    ("副主任到泽林镇中心街社区调研。", [("泽林镇", "street"), ("中心街社区", "community")]),
    ("凤凰街道、段店镇等街道13个共享工作站已建成", [("凤凰街道", "street"), ("段店镇", "street")]),
    ("深入各区、葛店开发区、临空经济区开展调研", [("葛店开发区", "other"), ("临空经济区", "other")]),
    ("重点支持雷锋路、高塘岭、丁字湾等26个城市社区提质", [("雷锋路社区", "community"), ("高塘岭社区", "community"),
                                                    ("丁字湾社区", "community")]),
    ("持续推动社区治理，提升社区服务水平，加强城乡社区建设。", []),
    ("有效调动红莲湖佳园小区居民", []),
    ("建起了长者康乐驿站、香城书房", []),
    ("环境整治、老旧小区改造、扫黑除恶等社区综合治理", []),
    # 新区 names are often ordinary words (海岸, 天府): a hard left edge is required instead
    ("在崂山区、西海岸新区建设试点", [("西海岸新区", "other")]),
    ("在浦东新区、滨海新区推广", [("浦东新区", "other"), ("滨海新区", "other")]),
    ("全力打造新区，建设城市新区，一批新区", []),
    # a change of unit is no unit's name
    ("资源向街道倾斜，推进镇改街道和村改社区工作", []),
    ("中心集镇区规划市场,力争集镇功能进一步体现", []),  # 集镇 (a market town) is a word
    # a community named for its village or estate is the community, not a village of that name
    ("副主任到泽林镇幸福新村社区调研。", [("泽林镇", "street"), ("幸福新村社区", "community")]),
    ("泽林镇上湾二村社区居委会组织居民议事", [("泽林镇", "street"), ("上湾二村社区", "community")]),
    ("泽林镇上湾村民小组", [("泽林镇", "street"), ("上湾村民小组", "other")]),
    # officials' verbs that jieba's dictionary tags as proper names (loaders/extract/word_tags.txt) name no street
    ("深化改革，印发街道“三张清单”，厘清权责。", []),
])
def test_local_mentions(text, expected):
    assert [(m.name, m.level) for m in local_mentions(text)] == expected


def test_roles_and_self_mentions():
    text = "长沙市望城区民政局。全市社区治理，我区在雷锋路、丁字湾等2个城市社区试点，并赴成都考察。"
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="长沙市望城区"))
    extract_places(ctx)
    roles = {p.name: (p.role, p.parent) for p in ctx.places}
    assert roles["长沙市望城区"] == ("subject", "长沙市")
    assert roles["长沙市"] == ("external", "湖南省")       # 全市 in a district reply is the city
    assert roles["成都市"] == ("external", "四川省")
    assert roles["雷锋路社区"] == ("within_subject", "长沙市望城区")
    subject = next(p for p in ctx.places if p.name == "长沙市望城区")
    assert "我区" in [m.as_written for m in subject.mentions]


def test_a_city_written_in_full_before_its_district_is_named():
    text = "铜陵市民政局答复。学习安徽省芜湖市镜湖区和广州番禺区、山东青岛的经验。"
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="铜陵市"))
    extract_places(ctx)
    names = [p.name for p in ctx.places]
    assert "芜湖市" in names and "芜湖市镜湖区" in names
    assert "广州市" not in names and "山东省" not in names   # written short, or a province


def test_a_pinyin_gloss_does_not_break_a_chain():
    text = "天水市民政局。走进秦州区(qū)七里墩街道(dào)某某社区。"
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="天水市"))
    extract_places(ctx)
    got = {p.name: p.parent for p in ctx.places}
    assert got.get("七里墩街道") == "天水市秦州区"


def test_province_inside_agency_name_is_not_a_place():
    text = "咸宁市民政局答复。抢抓省委、湖北省委部署机遇，湖北省民政厅指导。"
    ctx = _placed(text)
    assert "湖北省" not in [p.name for p in ctx.places]


@pytest.mark.parametrize("text", [
    # a commission, a federation or an association of the province, and a mirror's pinyin inside the name
    "咸宁市民政局答复。依据湖北省发展和改革委员会、湖北省志愿服务联合会的通知。",
    "咸宁市民政局答复。依据湖北省住房和城乡(xiāng)建设(shè)厅的通知。",
])
def test_a_province_opening_a_commission_or_federation_is_not_a_place(text):
    assert "湖北省" not in [p.name for p in _placed(text).places]


def test_a_place_opening_an_institutions_name_is_not_named_there():
    text = ("嘉兴市民政局答复。来源：山西经济日报 陕西党建网\n浙江工商大学党委书记、浙江大学郎教授到嘉兴市调研，"
            "又赴杭州学习。西安建筑科技大学的专家来自西安市。")
    ctx = _placed(text)
    by_name = {p.name: p for p in ctx.places}
    assert "山西省" not in by_name and "陕西省" not in by_name and "浙江省" not in by_name
    assert "杭州市" in by_name                                     # named as a place, not an institution
    assert [m.as_written for m in by_name["西安市"].mentions] == ["西安市"]   # not 西安 of the university
    # a firm's registered name opening with its place names none
    ctx = _placed("嘉兴市民政局答复。“小区的事大家管。”浙江省杭州市某某物业管理有限公司经理说。嘉兴市推进社区治理。")
    assert "杭州市" not in [p.name for p in ctx.places] and "浙江省" not in [p.name for p in ctx.places]
    # a paper's reporter (…报全媒体记者) and an agency's branch (某某社…分社) name no place either
    ctx = _placed("嘉兴市民政局答复。浙江法治报全媒体记者 王某\n中新社浙江分社供稿\n嘉兴市推进社区治理。")
    names = [p.name for p in ctx.places]
    assert "浙江省" not in names


def test_an_address_is_not_a_place_named():
    text = ("嘉兴市民政局答复。嘉兴市推进社区治理。作者单位：某某大学社会学院，杭州 310058。\n"
            "地址：上海市黄浦区某某路1号  地址：浙江省嘉兴市南湖区某某路2号\n某某网宁波5月2日电 嘉兴市召开会议。")
    ctx = _placed(text)
    names = [p.name for p in ctx.places]
    assert "杭州市" not in names and "上海市黄浦区" not in names   # an affiliation's city, a footer's address
    assert "宁波市" not in names                                    # a dateline's city
    assert "浙江省" in names                                        # the subject's own province, even there


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_mention_offset_is_valid_on_the_corpus(path):
    text = normalize_text(path.read_text(encoding="utf-8"))
    rec = extract_text(text, str(path))
    mentions = [m for ent in rec.places + rec.agencies for m in ent.mentions]
    assert mentions, "the bundled documents all name places and agencies"
    for m in mentions:
        assert text[m.start:m.end] == m.as_written


def _rec_places(text: str):
    rec = extract_text(text, "t.txt")
    return rec, {p.name: (p.level, p.parent, p.role) for p in rec.places}


@pytest.mark.parametrize("text,subject,expected", [
    # a district named alone: the only one of its name in the country, unless its name is a phrase
    ("调研组赴船山区了解情况", None, [("船山区", "遂宁市船山区")]),
    ("我区位于老城区，以老旧小区居多", None, []),
    # …unless the text tells the district's work with its name as a clause's subject, twice (大观: a phrase too)
    ("大观区始终坚持党建引领。近年来，大观区通过网格化服务居民", None, [("大观区", "安庆市大观区")] * 2),
    ("老城区改造提速，老城区通过更新焕发活力", None, []),
    # a district of another province than the subject's is written with its city
    ("赴西城区考察学习", "萍乡市", []),
    # 新城区街道 is a street of that name, not the district
    ("丰镇市新城区街道推进服务中心改造", "丰镇市", [("丰镇市", "丰镇市")]),
    # a county short form alone inside the subject's own city, placed by a preposition
    ("在溧阳率先设立百姓议事堂", "常州市", [("溧阳", "溧阳市")]),
    ("合作团队参与评估", "常州市", []),
    # the short forms such documents use: 化隆县 (化隆回族自治县), 黔南州
    ("化隆县群科镇成立服务站", None, [("化隆县", "海东市化隆回族自治县")]),
    ("黔南州各县推广", None, [("黔南州", "黔南布依族苗族自治州")]),
])
def test_admin_mentions_alone(text, subject, expected):
    assert _names(text, subject) == expected


@pytest.mark.parametrize("text,expected", [
    # as many names as the count says, joined by 、 and 和: ordinary words are names there too
    ("街道下设青石、锦绣、松涛和玉屏4个社区", ["青石社区", "锦绣社区", "松涛社区", "玉屏社区"]),
    # ethnic townships and villager groups
    ("来凤县百福司土家族乡成立工作站", ["百福司土家族乡"]),
    ("瓦窑坪村民小组新建活动室", ["瓦窑坪村民小组"]),
    # a verb, preposition or pronoun glued to 社区 is not a community
    ("持续深耕社区治理，找准社区定位", []),
    ("他没少往社区跑，用心地为社区居民服务", []),
    ("紫金县城乡建设局", []),
    # a slogan's verb and its result (用好, 扎紧, 拓宽), two verbs in a row, an agency's office
    ("筑牢基层治理“安全线”,用好社区治理“训练营”,扎紧社区防线", []),
    ("热情服务,用好用活社区老年大学平台、拓宽社区建设渠道", []),
    ("紫金县培育发展社区社会组织", []),
    ("紫金县民政局社区办主任说", []),
    # a unit guided or assisted by the writer (指导某社区, 协助某社区): the name starts after the verb
    ("指导陈华浦社区完成设施更新;协助凤凰社区、百灵社区完成设计", ["陈华浦社区", "凤凰社区", "百灵社区"]),
    ("指导社区完成设施更新,协助各社区开展工作", []),
    # listed with a community found, a community named for an ordinary word (建设, 环保) is one; so is the street a
    # found community is written under at a clause's start (；民意街道的某社区)
    ("抽取的社区为北湖街道的正街社区、建设社区和环保社区；民意街道的天仁社区和多闻社区",
     ["北湖街道", "正街社区", "建设社区", "环保社区", "民意街道", "天仁社区", "多闻社区"]),
    ("；民族街道的万年社区、武胜社区和万寿社区。", ["民族街道", "万年社区", "武胜社区", "万寿社区"]),
    ("正街社区和城市社区、农村社区", ["正街社区"]),
])
def test_local_mentions_more(text, expected):
    county = text.find("县") + 1  # where a county's name ends, as the places step passes it
    assert [m.name for m in local_mentions(text, {county} if county else None)] == expected


def test_names_after_a_place_may_be_ordinary_nouns():
    assert [m.name for m in local_mentions("利通区胜利镇新华社区", {3})] == ["胜利镇", "新华社区"]
    assert [m.name for m in local_mentions("武汉市积极推进社区治理", {3})] == []


@pytest.mark.parametrize("text,expected", [
    # a road's name is a name whatever words it is made of (幸福, 建设, 解放 …)
    ("在幸福路社区开展活动", ["幸福路社区"]),
    ("走访了文明路社区、平安大街社区", ["文明路社区", "平安大街社区"]),
    ("，解放路街道、中山路街道相继成立", ["解放路街道", "中山路街道"]),
    ("铁西区红旗街道建设路社区", ["红旗街道", "建设路社区"]),
    # 和 that begins a word (和谐, 和平) is no conjunction; one that joins two names is
    ("秦州区七里墩街道和谐路社区", ["七里墩街道", "和谐路社区"]),
    ("市北区兴隆路街道宜昌路社区与宜昌路社区", ["兴隆路街道", "宜昌路社区", "宜昌路社区"]),
    ("推进和谐社区建设，打造幸福社区", []),
    # after a street or town, a community may be named for 幸福, 和谐 …; the street's plans are no name
    ("伊州区西河街道幸福社区居民", ["西河街道", "幸福社区"]),
    ("伊州区西河街道智慧社区建设", ["西河街道"]),
    # a community named for its housing estate (某某苑, 某某里) after its street, even where the words are a verb
    ("金川区东风街道安居苑社区召开议事会", ["东风街道", "安居苑社区"]),
    ("推进安居苑社区建设", []),
    # ordinary nouns ending in 路, and a verb before one, are no roads
    ("理清思路社区先行", []),
    ("，修建道路社区出资", []),
])
def test_road_names_before_community_and_street(text, expected):
    district = text.find("区") + 1  # where a district's name ends, as the places step passes it
    assert [m.name for m in local_mentions(text, {district} if district else None)] == expected


def test_county_names_carry_their_city_or_their_province_outside_the_subjects():
    _, places = _rec_places("萍乡市民政局关于市政协提案的答复\n\n钱七委员：\n您的提案收悉。我市学习借鉴山东省武城县和萍乡市芦溪县经验。\n")
    assert places["萍乡市芦溪县"][2] == "within_subject"
    assert places["山东省武城县"][2] == "external"
    assert "山东省" not in places                     # a province written only to say where a county lies


def test_a_city_named_only_inside_agency_names_is_not_listed():
    # a visiting official's title names the city above the county the story is about: no place of the story
    _, places = _rec_places("嘉善县天凝镇考察调研\n\n嘉兴市委副书记一行到嘉善县天凝镇考察调研，听取天凝镇工作汇报。\n")
    assert "嘉兴市" not in places, places
    assert "嘉兴市嘉善县" in places or "嘉善县" in places, places
    # the same city named as a place of its own is listed
    _, places = _rec_places("嘉善县天凝镇考察调研\n\n嘉兴市委副书记一行到嘉善县天凝镇考察调研，嘉兴市各县区参加。\n")
    assert "嘉兴市" in places, places


def test_places_named_only_inside_titles_are_not_listed():
    _, places = _rec_places("萍乡市民政局关于市政协提案的答复\n\n钱七委员：\n"
                            "您的提案收悉。我市贯彻落实《江西省社区工作者管理办法》，萍乡市安源区先行试点。\n")
    assert "江西省" not in places
    assert places["萍乡市安源区"][2] == "within_subject"


def test_local_subject_roles_and_parents():
    rec, places = _rec_places("近年来，张掖市甘州区东街街道坚持党建引领\n\n"
                              "近年来，张掖市甘州区东街街道坚持党建引领，在翠湖社区、桂香社区推行网格化管理。\n")
    assert rec.document.subject_place == "东街街道"
    assert places["东街街道"] == ("street", "张掖市甘州区", "subject")
    assert places["张掖市甘州区"][2] == "external"
    assert places["翠湖社区"] == ("community", "东街街道", "within_subject")


def test_a_street_named_for_the_towns_quarter_after_its_district():
    _rec, places = _rec_places("岱岳区市北街道青松社区召开居民议事会。")
    assert places["市北街道"][0] == "street"
    assert places["青松社区"][1] == "市北街道"


def test_a_community_as_it_was_is_a_mention_of_the_community():
    rec, places = _rec_places("泰山区财源街道望岳社区开展服务。原望岳社区党支部书记王某介绍了情况。")
    assert "原望岳社区" not in places
    assert len(next(p for p in rec.places if p.name == "望岳社区").mentions) == 2


def test_a_community_named_once_is_named_wherever_it_is_written_again():
    text = "溪口街道七星墩社区和溪口街道桥头社区开展活动。在七星墩社区，志愿者讲解了议事流程。"
    rec, _places = _rec_places(text)
    seven = next(p for p in rec.places if p.name == "七星墩社区")
    assert [text[m.start:m.end] for m in seven.mentions] == ["七星墩社区", "七星墩社区"]


def test_a_zone_named_for_the_subjects_city_is_a_place():
    _rec, places = _rec_places("自贡市民政局：近日，自贡经开区舒坪街道开展社区议事。我市将推广经验。")
    assert places.get("自贡经开区", ("",))[0] == "other"


def test_two_verbs_after_a_city_are_no_township_name():
    _rec, places = _rec_places("池州市民政局：池州市调整优化城乡“网格”3000个。")
    assert not any(name.endswith("乡") for name in places)


@pytest.mark.parametrize("text,absent", [
    ("来源：江苏经济报记者 王某。", "江苏省"),
    ("欢迎订阅福建先锋微讯公众号。", "福建省"),
    ("浙江省交通投资集团有限公司承建。", "浙江省"),
    ("来源：中国社区报 编辑：李某。", "中国社区"),
    ("深化“干部进社区”工作机制。", "干部进社区"),
    ("社区获评浙江省防震减灾示范社区。", "浙江省"),
    ("云上宁波报道：针对社区环境问题。", "宁波市"),
])
def test_outlets_firms_and_quoted_phrases_name_no_place(text, absent):
    _rec, places = _rec_places("杭州市民政局：" + text)
    assert absent not in places


def test_a_township_after_the_county_pointed_back_at():
    _rec, places = _rec_places("随后，该县柳湾乡等乡镇立即跟进部署。")
    assert places["柳湾乡"][0] == "street"


def test_a_county_short_form_listed_before_a_district_of_the_subjects_city():
    _rec, places = _rec_places("汕头市民政局：到2010年，金平、龙湖区80%的社区达标。")
    assert "汕头市金平区" in places


def test_a_community_after_a_verb_taking_a_place_and_its_street_written_later():
    text = "宝鸡市渭滨区民政局：代表深入石鼓巷社区走访。近日，渭滨区清姜街道石鼓巷社区召开议事会。"
    _rec, places = _rec_places(text)
    assert places["石鼓巷社区"][1] == "清姜街道"
    _rec, places = _rec_places("宝鸡市渭滨区民政局：推广石鼓巷社区党委的做法。")
    assert "石鼓巷社区" in places


def test_a_list_of_county_short_forms_closed_by_deng_xian():
    _rec, places = _rec_places("怀化市通道县民政局：与三江、龙胜、黎平等县签订联防协议。")
    assert {"柳州市三江侗族自治县", "桂林市龙胜各族自治县", "黔东南苗族侗族自治州黎平县"} <= set(places)
    _rec, places = _rec_places("濮阳市民政局：学习山东武城县的经验。")
    assert "山东省武城县" in places  # written after its province, named with it
    _rec, places = _rec_places("某市民政局：合作、资源等区域统筹推进。")
    assert not places.keys() & {"广西壮族自治区资源县", "桂林市资源县"}


def test_units_listed_together_share_the_parent_the_text_gives_one_of_them():
    text = "凉山州民政局：越西县新民镇成立临时党工委。在新民镇、大瑞镇、南箐镇三个镇分别建立党组织。"
    _rec, places = _rec_places(text)
    assert places["大瑞镇"][1] == places["南箐镇"][1] == "凉山彝族自治州越西县"


def test_a_community_after_its_district_and_de():
    _rec, places = _rec_places("梧州市民政局：万秀区的桂北社区公共服务中心正在建设。")
    assert places["桂北社区"][1] == "梧州市万秀区"


def test_a_community_after_its_street_and_de():
    _rec, places = _rec_places("我们抽取了雨花区两个街道的社区，分别为左家塘街道的砂子塘社区，东塘街道的雅塘村社区。")
    assert places["砂子塘社区"][1] == "左家塘街道"


def test_a_village_after_its_town_and_a_pinyin_gloss():
    _rec, places = _rec_places("麗江市永勝縣程海鎮(zhèn)興仁村,樓房整潔,道路平坦。")
    assert places["興仁村"][1] == "程海鎮"


@pytest.mark.parametrize("text,city_listed", [
    # the city only heads the name of the district's government or bureau: the body says where it is
    ("关于第12号建议的答复\n发布机构：株洲市荷塘区人民政府\n李明代表：\n荷塘区将加快改造。\n株洲市荷塘区民政局\n", False),
    # written in front of the district in the text, or heading a session, it is named
    ("株洲市荷塘区推进老旧小区改造\n近年来，株洲市荷塘区加快改造。\n", True),
    ("关于株洲市荷塘区政协五届二次会议第12号提案的答复\n李明委员：\n荷塘区将加快改造。\n", True),
    # a district's new pattern (新格局) is no bureau
    ("株洲市荷塘区新格局\n荷塘区加快改造。\n", True),
])
def test_a_city_heading_only_a_government_s_name_is_not_listed(text, city_listed):
    _rec, places = _rec_places(text)
    assert "株洲市荷塘区" in places
    assert ("株洲市" in places) == city_listed


def test_a_park_named_for_its_city_names_no_place():
    _rec, places = _rec_places("荷塘区明照社区：居民议事有新招\n"
                               "明照社区是株洲现代物流园的还房安置社区，株洲现代物流园管委会负责人回答道。")
    assert "株洲市荷塘区" in places and "株洲市" not in places


@pytest.mark.parametrize("middle,parent", [
    # a paragraph on one county of the city writes its streets bare (榆园街道: no street of the township table)
    ("平阴县同样将群众需求放在首位，面对老旧小区，榆园街道组建物业公司。", "济南市平阴县"),
    # a paragraph naming two counties leaves the street with the city
    ("平阴县和商河县同样将群众需求放在首位，面对老旧小区，榆园街道组建物业公司。", "济南市"),
])
def test_a_bare_street_lies_in_the_one_county_its_paragraph_names(middle, parent):
    _rec, places = _rec_places(f"济南市推进红色物业建设\n近年来，济南市坚持党建引领。\n{middle}\n")
    assert places["榆园街道"][1] == parent


def test_a_local_name_does_not_start_inside_a_word():
    assert [m.name for m in local_mentions("以文化人和谐满社区，居民笑开颜")] == []
    # 和 joining two names still leaves the second one a name
    assert "金汤社区" in [m.name for m in local_mentions("在城南街道华侨社区和金汤社区，居民自治成效明显")]


def test_a_district_short_form_after_its_city_is_the_district_before_shequ():
    # 宜昌西陵社区…: the communities of 西陵区 in a headline, not a community named 西陵
    rec, places = _rec_places("破解治理难题 宜昌西陵社区让城市更有温度\n\n近年来，各社区推行网格治理，居民满意。\n")
    assert "西陵社区" not in places and "宜昌西陵社区" not in places
    assert rec.document.subject_place == "宜昌市西陵区"


def test_a_town_named_like_its_district_is_a_place():
    rec, places = _rec_places("观摩团走进幸福社区\n\n8月6日，市委组织部观摩团来到安源区安源镇幸福社区，观摩物业党建工作。"
                              "观摩团对幸福社区的做法给予肯定。并希望安源镇继续推广物业党建工作机制，擦亮“安源红”品牌。\n")
    assert "安源镇" in places
    assert {m.name: m.owner for m in rec.named_models}.get("安源红") == "安源镇"


def test_a_name_two_units_share_is_the_one_holding_the_unit_written_after_it():
    # 吉林 is a province and a city; 吉林梅河口 is the province's 梅河口市 (of 通化市)
    assert [m.code for m in admin_mentions("吉林梅河口:社区共建解决群众急难愁盼问题")][-1] == "220581"


def test_a_road_the_dictionary_knows_names_a_street():
    assert [m.name for m in local_mentions("矛盾就地化解。学院路街道成立“规划师工作室”，邀请专家参与。")] == ["学院路街道"]
    assert [m.name for m in local_mentions("修建公路街道两旁种满了树")] == []


def test_a_short_name_is_the_unit_as_it_is_now():
    # a short form shared by a unit and the one a change replaced (撤地设市, 撤市设区) is the unit as it
    # is now; the replaced one stays a place under its full name, as older documents write it
    from loaders.extract.places import _resolve

    gaz = load_gazetteer()
    assert gaz.full_name(_resolve(gaz, tuple(gaz.by_alias["那曲"]), None, None)) == "那曲市"
    assert gaz.full_name(_resolve(gaz, tuple(gaz.by_alias["即墨"]), None, gaz.code_for_full_name("青岛市"))) \
        == "青岛市即墨区"
    assert gaz.code_for_full_name("那曲地区") is not None


def test_an_area_after_a_district_is_no_street():
    rec = extract_text("小区治理见实效\n\n近年来,宜昌市西陵区学习成都市龙泉驿区地区街道治理经验,建起议事厅。\n", "t.txt")
    names = {p.name for p in rec.places}
    assert "成都市龙泉驿区" in names and not any(n.endswith("地区街道") for n in names)


def test_now_before_a_community_named_before_is_that_community():
    rec = extract_text("关于小区停车的答复\n\n宜昌市西陵区学院街道东山社区反映停车难。现东山社区的意向是协助小区成立业委会。\n",
                       "t.txt")
    names = {p.name: p for p in rec.places}
    assert "现东山社区" not in names and len(names["东山社区"].mentions) == 2


def test_a_community_after_its_streets_short_form_is_the_community_named_before():
    rec = extract_text("小区治理见实效\n\n近日,宜昌市西陵区学院街道东山社区召开议事会。"
                       "作为牵头单位包保西陵区学院街东山社区,某集团组织党员下沉。\n", "t.txt")
    names = {p.name: p for p in rec.places}
    assert "学院街东山社区" not in names and len(names["东山社区"].mentions) == 2
    assert [m.as_written for m in names["东山社区"].mentions] == ["东山社区", "东山社区"]


def test_a_community_after_its_streets_office_is_a_place_of_that_street():
    rec = extract_text("小区治理见实效\n\n近日,宜昌市西陵区学院街道办事处农科社区书记说,议事会每月开一次。\n", "t.txt")
    names = {p.name: p for p in rec.places}
    assert names["农科社区"].parent == "学院街道"
    # 农村 and 农业 after a street are words, not a name
    rec = extract_text("近日,宜昌市西陵区学院街道农村社区治理会议召开。\n", "t.txt")
    assert not any(p.name.startswith("农") for p in rec.places)


def test_a_pinyin_gloss_inside_a_community_name_does_not_split_it():
    rec = extract_text("近日,宜昌市西陵區學院街道辦事處農(nóng)科社區(qū)書記說,議事會每月開一次。\n", "t.txt")
    names = {p.name: p for p in rec.places}
    assert "農科社區" in names and "科社區" not in names
    assert names["農科社區"].mentions[0].as_written == "農(nóng)科社區"


def test_no_street_is_named_straight_after_a_community():
    # 某社区紧扣某街道…: the verb between is no part of the street's name (a street holds its communities)
    rec = extract_text("宜昌市西陵区学院街道东山社区推进治理\n\n东山社区紧扣学院街道“3+X”治理模式,形成“邻里议事”品牌。\n",
                       "t.txt")
    names = {p.name for p in rec.places}
    assert "学院街道" in names and not any(n.startswith("紧扣") for n in names)
    owners = {m.name: m.owner for m in rec.named_models}
    assert owners.get("3+X") == "学院街道"


@pytest.mark.parametrize("text,unit,community", [
    # a city's or county's short form, then a community of two characters: the unit, and the community
    # named after it (a news item's 江苏某市某某社区), not one community of six characters
    ("位于江苏淮安青莲社区的议事点每周开放。", "淮安市", "青莲社区"),
    ("目前已有常州溧阳松岭社区列入试点。", "溧阳市", "松岭社区"),
])
def test_a_unit_short_form_before_a_two_character_community(text, unit, community):
    _rec, places = _rec_places(text)
    assert unit in places and community in places, places
    assert not any(p.endswith("社区") and p != community for p in places), places


@pytest.mark.parametrize("text", [
    "目前已有定海城西社区、普陀夏新社区列入试点。",   # the list's first item as its second
    "定海城西社区先行先试。",
])
def test_a_county_short_form_of_the_subjects_city_before_a_community_of_its_own(text):
    # alone, a county's short form needs a preposition or a list to be a place; a community named after it
    # (two characters and 社区) places it too, inside the subject's city
    assert ("定海", "舟山市定海区") in _names(text, "舟山市")


def test_a_unit_short_form_and_one_character_is_still_a_local_name():
    assert _names("位于江苏淮安园社区的议事点", "淮安市") == [("江苏", "江苏省")]


def test_a_zone_named_for_its_city_anchors_the_city_without_naming_it():
    # the city's short form only opens the zone's name: the zone is the subject, inside the city (its
    # province and the session's 市人大 follow), and the city is no place the text names; the zone's
    # own body keeps its name (岳阳经开区管委会, not 岳阳市岳阳经开区管委会)
    text = ("关于市九届人大二次会议第12号代表建议的答复\n\n来源：岳阳经开区管委会\n\n李某代表：\n"
            "您提出的关于加强小区物业管理的建议收悉，现答复如下：\n一是推进红色物业建设，我区已在12个小区成立党支部。\n")
    rec, places = _rec_places(text)
    assert rec.document.subject_place == "岳阳经开区" and rec.document.province == "湖南省"
    assert places == {"岳阳经开区": ("other", "岳阳市", "subject")}, places
    assert rec.document.issuer == "岳阳经开区管委会"
    assert {a.name for a in rec.agencies} == {"岳阳市人大", "岳阳经开区管委会"}


@pytest.mark.parametrize("text,expected", [
    # a district whose name opens with 市, written after its city with one 市 for both (a city paper's
    # headline: 某市南区某街道…); the district of the city, not 南区 glued to the street
    ("青岛市南区某某街道开展议事活动", [("青岛市南区", "青岛市市南区")]),
    ("济南市中区推进老旧小区改造", [("济南市中区", "济南市市中区")]),
    # written out, the city and its district are read as before
    ("青岛市市南区推进老旧小区改造", [("青岛市市南区", "青岛市市南区")]),
])
def test_a_district_opening_with_the_citys_level_char_shares_it(text, expected):
    assert _names(text) == expected


def test_a_shared_level_char_gives_the_street_after_it():
    _rec, places = _rec_places("青岛市南区金湖路街道开展议事活动\n近日，青岛市南区金湖路街道组织居民议事。\n")
    assert places["金湖路街道"][0] == "street" and "青岛市市南区" in places, places
    assert not any(p.startswith("南区") for p in places), places


def test_a_district_whose_name_opens_with_a_numeral_counts_before_its_street():
    # a city paper names its district alone (the only 二七区 of the country) before a street of it; the
    # numeral that opens the name makes it no phrase (unlike 老城区 alone)
    assert _names("今年，二七区某某路街道某某社区推行“四微”治理。") == [("二七区", "郑州市二七区")]
    assert _names("二七区推行“四微”治理。") == []


def test_a_dateline_with_spaced_figures_names_no_place():
    # a page copied from print spaces the dispatch's figures (某地 9 月 23 日电): still only a dateline
    _rec, places = _rec_places("某社区侧记\n新华社合肥 9 月 23 日电（记者王五）近日，淮北市相山区某某社区开展议事。\n")
    assert "合肥市" not in places, places


@pytest.mark.parametrize("text,town,unit", [
    # a town whose name ends in 城, opening a headline or a source line before one of its communities
    ("东城镇某某社区：红色阵地添动力\n来源：东城镇某某社区\n近日，某某社区开展活动。\n", "东城镇", "某某社区"),
    ("金城镇杏林村：村规民约管出新风\n近日，杏林村召开村民大会。\n", "金城镇", "杏林村"),
])
def test_a_town_ending_in_cheng_before_its_community(text, town, unit):
    _rec, places = _rec_places(text)
    assert places.get(town, ("",))[0] == "street" and unit in places, places


def test_the_word_chengzhen_is_still_no_town():
    _rec, places = _rec_places("推进城镇老旧小区改造。\n新型城镇社区建设稳步推进，小城镇居住社区建设加快。\n")
    assert not any(p.endswith("城镇") for p in places), places


def test_a_verb_and_its_work_after_a_district_is_no_community():
    # 到某区检查指导社区建设: 检查 and 指导 are what the visitors do, 社区建设 their object; the district
    # stays the subject of a bureau's visit
    text = "市民政局到丰泽区检查指导社区建设工作\n近日，市民政局到丰泽区检查指导社区建设工作，实地查看了社区服务站。\n"
    rec, places = _rec_places(text)
    assert not any(p.endswith("指导社区") for p in places), places
    assert rec.document.subject_place == "泉州市丰泽区", rec.document.subject_place


@pytest.mark.parametrize("text,name", [
    # roads named for a date (五四路, 五一路, 八一路) name streets and communities like any road
    ("近日，实地查看了五四路街道某某社区的建设情况。", "五四路街道"),
    ("会上，八一路社区作了交流发言。", "八一路社区"),
])
def test_a_road_named_for_a_date(text, name):
    assert name in [lm.as_written for lm in local_mentions(text)]


@pytest.mark.parametrize("text,wrong", [
    # a bank's branch opens with its province's short form: the bank's name, no place of the text
    ("近日，海州区委宣传部、江苏银行连云港分行参加活动。", "江苏省"),
    # 街镇级 is a level of administration, no town named 某某街
    ("静安区首家街镇级融媒体服务平台上线。", "首家街镇"),
    # 某某之乡 is a title a place is given, no township
    ("突出华侨、石雕之乡的地方特色。", "石雕之乡"),
])
def test_names_that_are_no_place(text, wrong):
    _rec, places = _rec_places(text)
    assert wrong not in places, places


@pytest.mark.parametrize("text,name", [
    # a community named for a facility of the town, written where a name starts
    ("近日，在机场社区召开居民议事会。", "机场社区"),
    ("。码头社区共组建党小组12个。", "码头社区"),
])
def test_a_community_named_for_a_facility(text, name):
    assert name in [lm.as_written for lm in local_mentions(text)]


def test_a_facility_word_inside_a_sentence_is_no_community():
    # written after another word (建好广场社区…), the noun is no name
    assert [lm.as_written for lm in local_mentions("要建好广场社区服务。")] == []


def test_a_road_named_street_after_a_pointer_to_its_district():
    # 该区/该县 (the unit named before) opens a road-named street or community as it opens any name
    found = [lm.as_written for lm in local_mentions("该区北街街道某某社区党支部书记说。该县解放路社区也一样。")]
    assert "北街街道" in found and "解放路社区" in found, found


def test_a_road_named_for_a_city_with_its_direction():
    # 某城市名 + 东/西/南/北/中路 is a road (roads are named for other cities), its street or community a
    # local unit, and the city no place of the text
    _rec, places = _rec_places("青岛市市南区新闻\n近日，香港中路街道江西路社区、南京西路街道、北京东路社区开展活动。\n")
    assert {"香港中路街道", "南京西路街道", "北京东路社区", "江西路社区"} <= set(places), places
    assert not {"南京市", "北京市", "西路街道"} & set(places), places


def test_a_district_of_another_province_named_alone_after_its_full_name():
    # written once after its city (南京市鼓楼区), a district of another province named alone later is that
    # district: the street written after it is its street, not a street of the subject
    _rec, places = _rec_places("郑州市金水区新闻\n区考察组赴南京市鼓楼区学习。在鼓楼区青石桥街道云杉社区，考察组参观了社区。\n")
    assert places["青石桥街道"][1:] == ("南京市鼓楼区", "external"), places
    assert places["云杉社区"][1:] == ("青石桥街道", "external"), places


def test_a_boundary_direction_opens_no_name():
    # 东以…为界, 西以某社区接壤, 北至某村: the direction and 以/至 are no part of the neighbour's name
    found = [lm.as_written for lm in local_mentions("东以长河为界，西以青枫社区接壤，北以北岭村为界，南至柳塘村。")]
    assert {"青枫社区", "北岭村", "柳塘村"} <= set(found), found
    assert not [f for f in found if f[0] in "以至" or f[1] in "以至"], found


def test_a_dateline_of_the_subjects_own_city_names_no_place():
    # 某某网某市8月26日讯 and 本报某省讯 say where the story was filed, though it be the subject's own city
    _rec, places = _rec_places("某社区：党建引领\n青山网安庆8月26日讯 (记者 王五)近日，安庆市宜秀区某某街道某某社区开展议事。\n")
    assert places["宜秀区"][1] == "安庆市" if "宜秀区" in places else "安庆市宜秀区" in places, places
    _rec, places = _rec_places("某社区年终总结\n本报浙江讯 1月15日，嘉兴市南湖区某某街道某某社区召开总结会。\n")
    assert "浙江省" not in places, places


@pytest.mark.parametrize("text,expected", [
    # Inner Mongolia's townships and villages: 苏木 (a town) and 嘎查 (a village), named after their unit
    ("他生活在锡林郭勒盟阿巴嘎旗额尔敦高勒苏木巴彦图嘎查。", {"额尔敦高勒苏木": "street", "巴彦图嘎查": "community"}),
    # a street or town named for an ordinary noun, where a name starts and followed by a community of it by name
    ("近日，桃源街道青枫社区开展议事。", {"桃源街道": "street", "青枫社区": "community"}),
    ("例如，升平镇柳塘社区通过积分制。", {"升平镇": "street", "柳塘社区": "community"}),
    # a place named for its distance: a numeral, 里 and a noun
    ("该小区位于八里河街道辖区。", {"八里河街道": "street"}),
    # communities listed after their street with one suffix for all
    ("分别为青山街道河清、桃源、沁城社区，玉泉街道泉泽社区。",
     {"青山街道": "street", "河清社区": "community", "桃源社区": "community", "沁城社区": "community",
      "玉泉街道": "street", "泉泽社区": "community"}),
    ("下设惠泽、惠安、恒兴3个新型社区。", {"惠泽社区": "community", "惠安社区": "community", "恒兴社区": "community"}),
])
def test_more_ways_units_below_the_county_are_written(text, expected):
    _rec, places = _rec_places("某某新闻\n" + text + "\n")
    found = {name: level for name, (level, _parent, _role) in places.items() if level in ("street", "community")}
    assert found == expected, found


@pytest.mark.parametrize("text,expected", [
    ("加强基层街道社区建设，推动城市街道社区治理。", []),  # a noun before 街道 followed by no community's name
    ("她选择回到织金，助力家乡建设。", []),                  # 家乡 (home town) before a term: no township
    ("东江社区交出答卷：荣获街道先进基层党组织称号。", ["东江社区"]),  # the street gives the award: no street 荣获
    ("落实给某县边境村老支书们的回信。", []),                # border villages: a category, no village's name
    ("社区积极推进、扎实开展、沁城社区", ["沁城社区"]),       # a list opening at no street: only the last is named
])
def test_no_unit_in_these(text, expected):
    assert [lm.name for lm in local_mentions(text)] == expected


def test_a_verb_that_sets_up_units_names_none():
    # 新建社区 (to set up communities; the dictionary knows 新建 as a district of 南昌), 增设社区居委会
    found = [lm.name for lm in local_mentions("同意某街道等4个街道、镇新建社区和社区规模调整。附件1：青山街道新建社区事项。"
                                              "增设社区居民委员会。")]
    assert not [f for f in found if "新建" in f or "增设" in f], found


@pytest.mark.parametrize("text", [
    "首页 > 要闻 > 中新网四川\n来源：中新网四川 编辑：王五\n近日，眉山市东坡区某某社区开展议事。\n",
    "来源：中新網(wǎng)四川\n近日，眉山市东坡区某某社区开展议事。\n",
])
def test_an_outlets_regional_edition_names_no_place(text):
    # 中新网四川, 人民网某省: the outlet's regional edition (also with a mirror's pinyin gloss after 网)
    _rec, places = _rec_places("某某社区议事\n" + text)
    assert "四川省" not in places and "眉山市东坡区" in places, places


def test_street_named_for_a_village_is_a_street():
    # 某家村街道 is one street, named for the village it grew from: its 村 is no community's suffix
    text = "走进雁塔区马家村街道铁五村社区，“红色议事厅”里正在召开居民议事会。马家村街道党工委书记说，议事厅每月开放两次。"
    ends = {a.end for a in admin_mentions(text)}
    found = [(m.name, m.level) for m in local_mentions(text, ends, ends)]
    assert ("马家村街道", "street") in found and ("铁五村社区", "community") in found
    assert ("马家村", "community") not in found
    # 农村/城乡村 before 街道 stay words
    assert local_mentions("推进农村街道化改革，城乡村街道统筹。", set(), set()) == []


def test_words_are_looked_up_apart_without_reading_the_whole_lexicon(monkeypatch):
    """A process that extracts nothing (the fill of the kept indexes, grading quotes through ``admin_mentions``)
    looks words up in a compact table of the dictionary, not the 67 MB lexicon, with the lexicon's answers."""
    import random

    from loaders.extract import text_utils

    lexicon = text_utils._lexicon()
    words = random.Random(7).sample(sorted(lexicon), 3000) + ["某某某", "社区", "长治久安", "延吉", "推动"]
    expected = {w: (lexicon.get(w), text_utils.is_common_word(w), text_utils.is_common_word(w, 20),
                    text_utils.is_verbal(w), text_utils.looks_like_proper_name(w)) for w in words}
    sentences = ["该街道长治久安，居民安居乐业。", "该街道推动社区治理。"]
    idioms = [[text_utils.in_idiom(t, i, j) for i in range(len(t)) for j in range(i + 1, min(i + 5, len(t)))]
              for t in sentences]

    def refuse():
        raise AssertionError("the whole lexicon was read")

    monkeypatch.setattr(text_utils, "_whole", None)       # a fresh process, told to look words up apart
    monkeypatch.setattr(text_utils, "_apart", False)
    monkeypatch.setattr(text_utils, "_lexicon", refuse)
    monkeypatch.setattr(text_utils, "_TABLES", {})
    text_utils.words_apart()
    assert {w: (text_utils.lexicon_entry(w), text_utils.is_common_word(w), text_utils.is_common_word(w, 20),
                text_utils.is_verbal(w), text_utils.looks_like_proper_name(w)) for w in words} == expected
    assert [[text_utils.in_idiom(t, i, j) for i in range(len(t)) for j in range(i + 1, min(i + 5, len(t)))]
            for t in sentences] == idioms
    assert text_utils.in_idiom(sentences[0], 3, 5) and not text_utils.in_idiom(sentences[1], 5, 7)


def test_street_named_by_an_ordinary_noun_with_its_own_organ_is_a_street():
    # 桃源, 光明 are ordinary nouns too: the street's or town's own organ after the name makes it a unit
    text = "由桃源派出所牵头，组建网格警务队。桃源街道党工委、光明镇政府参与。"
    found = {m.name for m in local_mentions(text, set(), set())}
    assert {"桃源街道", "光明镇"} <= found
    # the organ of every street (加强街道党工委建设, 基层街道党工委) names none
    assert local_mentions("要加强街道党工委建设，推进街道办事处改革。", set(), set()) == []


def test_name_opening_with_he_after_a_preposition_is_a_name():
    # after 在/到, 和 opens a name (和平街道): it joins nothing there
    found = {m.name for m in local_mentions("记者在和平街道看到，居民到和平社区参加议事。", set(), set())}
    assert {"和平街道", "和平社区"} <= found
    assert local_mentions("在和谐社区建设中，社区与居民同行。", set(), set()) == []


def test_county_seats_town_written_where_a_name_starts_is_a_place():
    # 城关 names the county seat's town or street; written after punctuation, a preposition or a visit it is one
    found = {m.name for m in local_mentions("。城关街道办、尧生镇参与。记者走进城关镇，看到…", set(), set())}
    assert {"城关街道", "城关镇"} <= found
    assert local_mentions("，城关地区的老旧小区。", set(), set()) == []


def test_a_community_holds_no_community():
    # written straight after a community, 社区 is the communities' work, a verb before it (某社区发动社区网格员…)
    rec = extract_text("网格巡查\n\n近日，松原市宁江区青松街道翠湖社区发动社区网格员、志愿者开展巡查。\n", "t.txt")
    names = {p.name for p in rec.places}
    assert "翠湖社区" in names and not any(n.startswith("发动") for n in names), names


def test_a_boundary_direction_is_no_county(gaz):
    # a community's profile gives its bounds by direction (南至某大街，东至某路): 东至 there is no 东至县, and the
    # community is placed in no county for it
    text = "青松社区\n\n青松社区位于街道办事处东侧，南至长安大街，北至和平街，东至青松路，西至建设路，有住户800户。\n"
    assert not [a for a in admin_mentions(text, None, gaz) if gaz.by_code[a.code].name == "东至县"]
    rec = extract_text(text, "t.txt")
    assert rec.document.subject_place == "青松社区" and rec.document.province is None, rec.document
    # the county written in full, or after its city, is the county
    assert [gaz.by_code[a.code].name for a in admin_mentions("池州市东至县推进网格治理", None, gaz)][-1] == "东至县"


@pytest.mark.parametrize("name", ["奋进", "跃进"])
def test_a_community_named_like_a_verb_introduced_after_its_street(name):
    # a sentence introducing a verb-named community after its street (某街道奋进社区位于…, …下辖…, …成立于…) names it,
    # and the story it opens is the community's
    rec = extract_text(f"网格服务暖人心\n\n吉林省松原市宁江区青松街道{name}社区位于城区东部，辖区面积2平方公里，"
                       f"有居民3000户。{name}社区积极打造网格服务站。\n", "t.txt")
    assert f"{name}社区" in {p.name for p in rec.places}
    assert rec.document.subject_place.endswith(f"{name}社区"), rec.document.subject_place
    # a verb before 社区 and the work of communities still names none (某街道奋进社区服务中心建设)
    rec = extract_text(f"网格服务暖人心\n\n近日，松原市宁江区青松街道{name}社区服务中心建设。\n", "t.txt")
    assert not any(p.name.startswith(name) for p in rec.places)


@pytest.mark.parametrize("name", ["解放", "前进", "振兴"])
def test_a_community_named_like_a_verb_after_its_street(name):
    # many communities are named 解放, 前进, 振兴: after their street, with the community's organ or the clause
    # going on after them, they are names
    rec = extract_text(f"亭湖区：网格治理\n\n近日，盐城市亭湖区东湖街道{name}社区党委推行网格化管理，{name}社区居民参与踊跃。\n", "t.txt")
    assert f"{name}社区" in {p.name for p in rec.places}
    # a verb before 社区 and the work of communities names none (某街道振兴社区经济)
    rec = extract_text(f"亭湖区：网格治理\n\n近日，盐城市亭湖区东湖街道{name}社区服务中心建设。\n", "t.txt")
    assert not any(p.name.startswith(name) for p in rec.places)


@pytest.mark.parametrize("verb", ["完成", "督促", "组织"])
def test_a_streets_verb_on_its_communities_bodies_names_no_community(verb):
    # 某街道完成社区居委会换届: the street does something to its communities' committees, no community is named
    rec = extract_text(f"近日，西关街道{verb}社区居委会换届选举工作，各社区认真落实。\n", "t.txt")
    assert not any(p.name.startswith(verb) for p in rec.places), [p.name for p in rec.places]
    # a community named like a verb, followed by its own committee, still is one (某街道解放社区党委)
    rec = extract_text("近日，西关街道解放社区党委召开会议。\n", "t.txt")
    assert "解放社区" in {p.name for p in rec.places}


def test_a_district_several_cities_have_is_the_one_whose_street_is_written_after_it():
    # 鼓楼区 is a district of four cities; 华侨路街道 is a street of only one of them
    rec = extract_text("华侨路社区召开居民代表座谈会\n\n本报讯 近日，鼓楼区华侨路街道宁新社区召开居民代表座谈会，商议社区治理良策。\n",
                       "t.txt")
    places = {p.name: (p.level, p.parent) for p in rec.places}
    assert places["南京市鼓楼区"][1] == "南京市"
    assert places["华侨路街道"][1] == "南京市鼓楼区"
    assert rec.document.province == "江苏省"
    # a street none of them has places nothing
    rec = extract_text("居民代表座谈会\n\n本报讯 近日，鼓楼区幸福街道某社区召开居民代表座谈会。\n", "t.txt")
    assert rec.document.province is None


def test_a_countys_street_named_by_its_stem_after_the_countys_short_form_is_no_city():
    # 爱民大庆：… is 爱民区's 大庆街道, not the city 大庆市 (of the same province)
    rec = extract_text("爱民大庆：加快老街改造 提高居民生活品质\n\n去年以来，牡丹江市爱民区大庆街道坚持党建引领，推进老街改造。\n", "t.txt")
    assert "大庆市" not in {p.name for p in rec.places}
    assert "大庆街道" in {p.name for p in rec.places}


def test_a_community_written_after_its_towns_stem_is_that_community():
    # a headline's 某州某某(镇)某社区 with the town's 镇 left off: the community the text names after 某某镇
    from loaders.extract.pipeline import extract_text
    rec = extract_text("【乡村振兴看迪庆】迪庆建塘青松社区:新社区里的“老手艺”\n\n"
                       "“这条巷子是邻居们一起出工铺起来的。”香格里拉市建塘镇青松社区党总支书记笑着说。青松社区居民多是搬迁户。\n",
                       "x.txt")
    places = {p.name: p.role for p in rec.places}
    assert "建塘青松社区" not in places and places["青松社区"] == "subject"


def test_a_mountain_range_named_like_a_city_is_no_place(gaz):
    # 地处某山深处: a range written with a city's short form (吕梁山, 长白山) is where the county lies, not that city
    text = "让城市更美好——来自吕梁山深处的社区建设\n\n近几年，地处吕梁山深处的山西省沁源县加强城市社区建设。\n"
    assert [gaz.by_code[a.code].name for a in admin_mentions(text, None, gaz)] == ["沁源县"]
    assert extract_text(text, "t.txt").document.subject_place == "长治市沁源县"
    # the city written alone stays the city
    assert [gaz.by_code[a.code].name for a in admin_mentions("吕梁市推进网格治理", None, gaz)] == ["吕梁市"]


@pytest.mark.parametrize("text,kind", [
    ("宁城新区新兴产业工人聚集，建成候鸟型社区3个，宁城新区金城社区建成网格化社区治理平台。", "候鸟型社区"),
    ("宁城新区金城社区虽然已经被评为‘无疫社区’，但仍不能松懈。", "无疫社区"),
    ("宁城新区金城社区先后获评“全国示范点”、“福建省诚信社区”等称号。", "诚信社区"),
    ("宁城新区金城社区立足“公园社区、文化中心、商业高地”的定位，打造幸福家园。", "公园社区"),
])
def test_a_kind_of_community_or_a_quoted_title_is_no_community(text, kind):
    # a kind (候鸟型社区, 网格化社区) or a title or concept in quotes names no community; the one named stays
    names = {p.name for p in extract_text("金城社区建设\n\n" + text + "\n", "t.txt").places}
    assert "金城社区" in names and not any(n.endswith((kind, "化社区")) for n in names), names


def test_the_place_a_byline_files_from_is_no_place_of_the_text():
    # 大众网记者 某某 某地报道: where the reporter filed from, as a dateline (the city is named nowhere else)
    text = "莱山区推进文明实践\n\n大众网记者 李某某 通讯员 王某 烟台报道\n近日，莱山区黄海社区开展志愿服务。\n"
    assert "烟台市" not in {p.name for p in extract_text(text, "t.txt").places}


def test_our_corrections_of_the_dictionarys_tags_are_read_and_shipped():
    from loaders.extract.text_utils import is_verbal, lexicon_entry

    # 印发 is tagged a proper name (nz) by jieba; loaders/extract/word_tags.txt makes it the verb it is
    assert lexicon_entry("印发") == (190, "v") and is_verbal("印发")
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    loaders_line = next(line for line in text.split("[tool.setuptools.package-data]")[1].splitlines()
                        if line.startswith("loaders = "))
    assert '"extract/*.txt"' in loaders_line
