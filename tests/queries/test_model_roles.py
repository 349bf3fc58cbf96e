"""A named model's sentence presenting it as learnt from elsewhere or as an aim (queries/model_roles.py)."""
from __future__ import annotations

import pytest

from queries.model_roles import AIM, FEATURE, LEARNT, LISTED, model_role, names_source
from tests.support.stores import store_of_text


@pytest.mark.parametrize("name,sentence,role", [
    # a model the place learns or carries on from its origin
    ("某江经验", "近年来，某区学习运用“某江经验”，依托“三联工作法”推进治理。", LEARNT),
    ("某桥经验", "全县坚持和发展新时代“某桥经验”，化解矛盾。", LEARNT),
    # an experience the place carries on in its own way (audit 27: 创新“枫桥经验”), not one of its own
    ("某桥经验", "某市创新“某桥经验”，在某县率先探索设立村级“百姓议事堂”。", LEARNT),
    ("某桥经验", "某区传承和弘扬“某桥经验”，化解矛盾。", LEARNT),
    ("某桥工作法", "某市创新“某桥工作法”，化解矛盾。", None),
    ("红色楼长", "组织社区书记赴外地学习借鉴某某市“红色楼长”做法。", LEARNT),
    # traditional characters with a mirror page's pinyin glosses read as the rules read simplified text
    ("某江經(jīng)驗", "某區(qū)學(xué)習(xí)運(yùn)用“某江經(jīng)驗”。", LEARNT),
    # a model whose experience the place turns into its own work
    ("千村工程", "某省安置办将“千村工程”经验转化为移民工作实效，建设新村532个。", LEARNT),
    ("千村工程", "某县把“千村工程”经验运用到乡村治理中。", LEARNT),
    ("千村工程", "某县将“千村工程”推广到全县。", None),
    # an aim, principle, slogan or quality
    ("两近", "按照“两近”的原则划分网格。", AIM),
    # a project's name, then only that it and those listed after it were chosen (audit 30)
    ("三联共建,推进党建引领楼栋文化建设", ("某社区“三联共建,推进党建引领楼栋文化建设”项目、某社区“共建友好社区,共享幸福家园”"
                                        "项目入选某市《基层治理·某市答卷》创新案例;某社区荣获三等奖。"), LISTED),
    ("邻里同心", "某社区“邻里同心”项目建成楼栋书屋12个，入选某市创新案例。", None),
    # activities held, quoted one after another and closed by 等活动 (audit 31): named, nothing said of what they are
    ("午间课堂", "成立楼宇党建联盟，每月举办“午间课堂”“楼宇沙龙”等活动，汇聚各方力量。", LISTED),
    ("楼宇沙龙", "成立楼宇党建联盟，每月举办“午间课堂”“楼宇沙龙”等活动，汇聚各方力量。", LISTED),
    ("邻里茶话", "某社区开展“邻里茶话”活动，每月请居民代表商议小区事务。", None),
    # a run of quoted activities, each counted (audit 31)
    ("邻里书香", "开展“红色驿站”党建活动52场，“邻里书香”读书活动80场，“银龄课堂”活动120场。", LISTED),
    ("邻里书香", "开展“邻里书香”读书活动80场，吸引居民2000人次参加。", None),
    # quoted names listed before the word that closes the list share it (audit 30)
    ("先地下、后地上", "改造内容按照“先地下、后地上”，“先排水、后绿化”的原则，包括供水、排水等。", AIM),
    ("先排水、后绿化", "改造内容按照“先地下、后地上”，“先排水、后绿化”的原则，包括供水、排水等。", AIM),
    ("三联工作法", "推广“三联工作法”、“四议两公开”的经验，化解矛盾。", None),
    ("网格管理，全员服务", "明确“网格管理，全员服务”目标，推进改革。", AIM),
    ("扁平化、精细化", "增强了社区“扁平化、精细化”的管理服务能力。", AIM),
    # a slogan of parallel clauses as an event's theme or the state the work results in
    ("志愿暖冬日，关爱伴成长", "社区“志愿暖冬日，关爱伴成长”寒假系列活动正在进行。", AIM),
    ("小事不出楼，大事不出村", "引导群众参与治理，形成“小事不出楼，大事不出村”。", AIM),
    # a mirror page's doubled mark between the clauses (居民携手共治,,党群同心共建)
    ("鄰里攜手共治,,幹群同心共建", "某社区召開“鄰里攜手共治,,幹群同心共建”民主議事會,,居民代表40余人參加。", AIM),
    ("网格吹哨，部门报到", "推行“网格吹哨，部门报到”机制，解决问题120件。", None),
    # three or more parallel phrases the work results in (实现了/做到/形成), not a scheme's parts or a structure
    ("小事不出楼、大事不出村、难事不出镇", "某镇真正实现了“小事不出楼、大事不出村、难事不出镇”。", AIM),
    ("用真情留人、用事业留人、用待遇留人", "某区做到“用真情留人、用事业留人、用待遇留人”，队伍稳定。", AIM),
    ("双向进入、交叉任职", "全市86个小区实现“双向进入、交叉任职”。", None),
    # watchwords of the pattern work results in (构建起“…、…、…”的治理生态圈 / 的工作格局): its qualities
    ("党建引领、多元参与、协商共治", "某社区构建起 “党建引领、多元参与、协商共治” 的治理生态圈。", AIM),
    ("小事共商、大事共议、难事共解", "三方同向发力，形成 “小事共商、大事共议、难事共解” 的齐抓共管格局。", AIM),
    ("一核多元、四级联动、网格到户", "某区推行“一核多元、四级联动、网格到户”工作机制，划分网格80个。", None),
    ("社区党委、网格支部、楼栋小组", "形成“社区党委、网格支部、楼栋小组”三级体系。", None),
    # a problem to solve, a campaign's contents or standard, watchwords of effort held up as what work grips (audit 22)
    ("有房办公、有人管事", "切实解决社区“有房办公、有人管事”的问题，要求办公用房达到80平方米。", AIM),
    ("设施齐全、管理规范、环境整洁", "开展“设施齐全、管理规范、环境整洁”等内容的“示范小区”创建活动。", AIM),
    ("三有", "按照“有能力、有威望、有热情”的“三有”标准选配楼栋长。", AIM),
    ("强化组织建设、激发治理活力、打造幸福家园", "某县以“强化组织建设、激发治理活力、打造幸福家园”为抓手，组建物业党支部。", AIM),
    ("红色物业", "某区推行“红色物业”标准化建设，组建物业党支部12个。", None),
    ("三方联动", "以“三方联动”为抓手，建立联席会议。", None),
    # qualities listed for one place or for kinds of home, the effect work reached, parallel phrases of one length as a
    # way of thinking (audit 23)
    ("宜居某峰、平安某峰、美丽某峰", "某街道坚持抓重点、补短板，努力建设“宜居某峰、平安某峰、美丽某峰”。", AIM),
    ("品质小区、幸福邻里", "某物业公司打造“品质小区、幸福邻里”红色物业党建工作，受到好评。", AIM),
    ("平安小区、智慧小区", "某区上线“平安小区、智慧小区”平台，接入小区30个。", None),
    ("平安某峰、活力某湖", "某街道推行“平安某峰、活力某湖”工作法，化解纠纷20件。", None),
    ("建强一个支部、带动一户家庭", "社区面貌大为改观，真正达到了“建强一个支部、带动一户家庭”的治理效果。", AIM),
    ("走访对象全覆盖、走访问题全收集、走访建议全交办",
     "按照“走访对象全覆盖、走访问题全收集、走访建议全交办”的工作思路，某某组深入社区走访。", AIM),
    # the place's own model, however its sentence is worded
    ("三联工作法", "近年来，某区学习运用“某江经验”，依托“三联工作法”推进治理。", None),
    ("12345", "研究确立了“12345”社区治理工作模式。", None),
    ("一网统筹", "整合党建、综治等功能，实现基层治理“一网统筹”。", None),
    ("政府引导+多方投入", "通过“政府引导+多方投入”工作思路，整合资源。", None),
    ("246", "按照“246”工作思路推进治理。", None),
    # a slogan of short parallel phrases as a way of thinking, the line work follows, a formula kept to
    ("强基础、补短板、促提升", "某街道以“强基础、补短板、促提升”的工作思路推进治理。", AIM),
    ("党建引领社区共治", "某社区始终以“党建引领社区共治”为主线，推进治理。", AIM),
    ("党建引领", "某社区以“党建引领”为抓手，建立议事会。", None),
    ("三治融合", "某市坚持共建共治共享“三共联动”、自治法治德治“三治融合”，创新网格。", AIM),
    ("红色物业", "某区坚持打造“红色物业”品牌。", None),
    # what the place works hard at (在“…”下硬功夫, 在“…”上下功夫): an aim, not a scheme of its own
    ("服务提质、治理提效", "某街道积极探索融合发展新模式，在“服务提质、治理提效”下硬功夫，将优势转化为效能。", AIM),
    ("精细服务", "某社区在“精细服务”上下足功夫。", AIM),
    ("三联工作法", "某社区在“三联工作法”的基础上建立议事会。", None),
    # the fields work centres on, counted (围绕“…、…、…”三项工作): aims
    ("项目建设提速、营商环境优化、干部作风转变", "某市围绕“项目建设提速、营商环境优化、干部作风转变”三项工作，将实绩列为考核项。", AIM),
    ("一站两中心", "某区围绕“一站两中心”三项重点建设，推进服务。", None),
    # a city's brand: a quality and the place's short name; not a platform so named
    ("和谐延吉", "某区夯实服务基础，助力“和谐延吉”建设。", AIM),
    ("智慧延吉", "上线“智慧延吉”平台，办理事项1200件。", None),
    # the columns of an app or platform
    ("看资讯", "平台实现“看资讯”“办事务”“享生活”三大板块融合。", FEATURE),
    ("享生活", "平台实现“看资讯”“办事务”“享生活”三大板块融合。", FEATURE),
    ("邻里帮", "街道推出“邻里帮”小程序，居民随时下单。", None),
    # what the work contributes to: a goal; a scheme built for it is the place's own
    ("三区两城", "某市积极探索治理新途径，为建设某市“三区两城”示范区作出积极贡献。", AIM),
    ("红色管家", "某市打造“红色管家”服务品牌，为居民解决难题300件。", None),
])
def test_model_role(name, sentence, role):
    assert model_role(name, sentence) == role


def test_a_learnt_model_keeps_the_owner_its_sentence_names_as_its_source():
    sentence = "组织社区书记赴外地学习借鉴某某市“红色楼长”做法。"
    assert names_source("红色楼长", sentence, "某某市")
    assert not names_source("某江经验", "近年来，某区学习运用“某江经验”。", "某某市某区")


def test_the_pages_say_what_a_column_or_a_brand_is():
    """An app's columns and a city's brand, which the annotated sets count as named models, are shown as what they
    are: the model page's definition says so, the city page's row carries the role, the compare cell is words only."""
    from queries import registry

    text = ("延吉市推进社区治理\n\n近年来，延吉市夯实服务基础，助力“和谐延吉”建设。"
            "延吉市推出便民服务平台，全面实现“看资讯”“办事务”“享生活”三大板块融合。\n")
    store = store_of_text(text)
    roles = {r["name"]: r["status"] for r in registry.run(store, "city_profile", {"place": "延吉市"})
             if r["section"] == "named_model"}
    assert roles.get("和谐延吉") == AIM and roles.get("看资讯") == FEATURE, roles
    definition = [r for r in registry.run(store, "named_model", {"name": "看资讯"}) if r["section"] == "definition"]
    assert definition and definition[0]["detail"] == "应用或平台的栏目，非具体做法"
    # the listing the pick lists read says it too (the model page's selector)
    listed = {r["name"]: r["status"] for r in registry.run(store, "inventory", {"section": "named_model"})}
    assert listed.get("和谐延吉") == AIM and listed.get("看资讯") == FEATURE, listed


def test_the_listing_names_a_learnt_model_with_its_role():
    """The inventory (the model page's selector) says a model the place learns is learnt: the pick list then
    names no owner for it (app/ui.model_label), as the model's page does."""
    from queries import registry

    store = store_of_text("某区推进基层治理\n\n近年来，某某市某区学习运用“某江经验”，化解矛盾纠纷120件。\n")
    listed = [r for r in registry.run(store, "inventory", {"section": "named_model"}) if r["name"] == "某江经验"]
    assert listed and listed[0]["status"] == LEARNT, listed


def test_brand_table_is_the_gazetteer_s():
    """``model_brands.txt`` lists what the gazetteer's scan reads: regenerate it after a gazetteer change
    (``write_brand_table``)."""
    from loaders.reference import load_gazetteer
    from queries.model_roles import _brands, brand_table

    places, not_brands = brand_table(load_gazetteer())
    assert _brands() == (frozenset(places), frozenset(not_brands)), \
        "queries/model_brands.txt is not the gazetteer's: run write_brand_table()"


@pytest.mark.parametrize("name", ["和谐延吉", "平安咸宁", "美丽江苏", "幸福某地", "文明城市", "生态宜居", "和谐", "平安延吉市x"])
def test_brand_read_without_the_gazetteer_as_its_scan_reads_it(monkeypatch, name):
    """A city's brand is told from the kept table, never by loading the gazetteer in a query (≈ 50–120 ms),
    with the scan's answer for every name."""
    import loaders.extract.gazetteer as gazetteer_module
    from loaders.reference import load_gazetteer
    from queries import model_roles

    quality = model_roles._BRAND_QUALITY.match(name)
    expected = (quality is not None and 2 <= len(name) - quality.end() <= 4
                and any(hit.start == quality.end() and hit.end == len(name) for hit in load_gazetteer().scan(name)))

    def refuse():
        raise AssertionError("the gazetteer was loaded")

    monkeypatch.setattr(gazetteer_module, "load_gazetteer", refuse)
    monkeypatch.setattr("loaders.reference.load_gazetteer", refuse)
    monkeypatch.setattr(model_roles, "load_gazetteer", refuse, raising=False)
    assert model_roles._brand(name) is expected


def test_a_brand_sentence_read_without_the_gazetteer(monkeypatch):
    from queries import model_roles

    def refuse():
        raise AssertionError("the gazetteer was loaded")

    monkeypatch.setattr("loaders.reference.load_gazetteer", refuse)
    monkeypatch.setattr("loaders.extract.gazetteer.load_gazetteer", refuse)
    monkeypatch.setattr(model_roles, "load_gazetteer", refuse, raising=False)
    assert model_roles.model_role("平安咸宁", "某街道筑牢基层防线，助力“平安咸宁”建设。") == model_roles.AIM
    assert model_roles.model_role("平安咸宁", "某街道上线“平安咸宁”平台，受理事项300件。") is None


def test_a_venue_and_a_name_only_listed_are_said_to_be_so():
    """Audit 24's left: the stage a visit takes place on (在某村“某福大舞台”，委员组观看…) is a venue, and a name in a list of
    quoted names held up as examples (形成“1465”行动、“某管家团”、“某红管家”等社区治理典型) is only listed — not a model the
    sentence says anything of; one named alone as a brand, or a venue built, is none of them."""
    from queries.model_roles import LISTED, VENUE, model_role

    assert model_role("某福大舞台", "在某村“某福大舞台”，委员组观看宣传片，并实地参观村史馆。") == VENUE
    assert model_role("某福大舞台", "某村建成“某福大舞台”，每月举办文艺活动。") is None
    assert model_role("19点议事厅", "在某区广泛推广“19点议事厅”，出台相关实施意见。") is None
    listed = "某区依托议事平台建立79支自治队伍，形成雁阵“1465”行动、“某管家团”、“单元某管家”等社区治理典型，牵引小区事务共治。"
    assert model_role("1465", listed) == LISTED
    assert model_role("某管家团", listed) == LISTED
    assert model_role("单元某管家", listed) == LISTED
    assert model_role("一核多元", "某区打造“一核多元”社区治理品牌，建立联席会议制度。") is None
    assert model_role("一核多元", "某区打造“一核多元”等社区治理品牌。") is None


def test_a_campaigns_watchwords_and_a_state_to_ensure_are_aims():
    """Audit 25: watchwords naming a campaign (实施“党建引领、居民自治”专项行动) and a state work is to ensure (确保…“一竿子
    捅到底”，…) are aims; a scheme run as a campaign, or ensured to work, is not."""
    from queries.model_roles import AIM, model_role

    assert model_role("党建引领、居民自治", "二是实施“党建引领、居民自治”专项行动。") == AIM
    assert model_role("一竿子捅到底", "由网格党组织统筹各项工作,确保各项决策部署“一竿子捅到底”,直接落到最末端。") == AIM
    assert model_role("红色物业", "某区实施“红色物业”行动，成立物业党支部12个。") is None
    assert model_role("双报到", "确保“双报到”机制落实到位。") is None


def test_a_name_its_clause_says_nothing_of_is_only_listed():
    """Audit 25's left: a clause calling the name only a measure (强化“某某”实验举措，…), a numbered heading saying only that it
    grew (（五）“某某”融合进一步加强发展。, the name's quote closing inside it), and a photo caption naming where it began
    (“某某工程”源起地某村。) say nothing of what the model is; a clause that says what it is or does is none of them."""
    from queries.model_roles import LISTED, model_role

    assert model_role("四联四带", "某市坚持系统谋划，强化“四联四带”实验举措，全面开展实验区创建工作。") == LISTED
    assert model_role("两治融合", "（三）“两治”融合进一步加强发展。") == LISTED
    assert model_role("百村工程", "“百村工程”源起地某某村。") == LISTED
    assert model_role("四联四带", "某市强化“四联四带”联动机制，由4个部门联系4个街道。") is None
    assert model_role("两治融合", "（三）“两治”融合。推进自治、德治，成立议事会12个。") is None
    assert model_role("两治融合", "（三）推进“两治”融合发展，成立议事会12个。") is None
    assert model_role("三方联动", "5.健全“三方联动”机制。") is None
    assert model_role("百村工程", "“百村工程”实施以来，某村改造道路12公里。") is None


def test_qualities_of_three_characters_naming_a_pattern_are_an_aim():
    """Audit 26: three watchwords of three characters, each closing with a quality, naming the pattern work is to form
    (逐步形成“组织红、队伍强、机制活”的物业党建联建工作格局) are an aim, as watchwords of four are; roles (网格员、楼栋长、单元长)
    are none."""
    from queries.model_roles import AIM, model_role

    assert model_role("组织强、队伍优、机制活", "某局逐步形成“组织强、队伍优、机制活”的物业党建联建工作格局。") == AIM
    assert model_role("网格员、楼栋长、单元长", "某区构建“网格员、楼栋长、单元长”联动的基层治理格局。") is None
    assert model_role("组织强、队伍优、机制活", "某局推行“组织强、队伍优、机制活”工作法，成立联合党支部5个。") is None


def test_a_case_title_that_was_only_chosen_is_only_listed():
    """Audit 27: a case's title opening with the name, then only that it was chosen (某社区《“三步”推进社区治理 激活红色力量》
    入选某年优秀案例) says nothing of what the model is; a title followed by what was done, or a name outside a title, is none."""
    from queries.model_roles import LISTED, model_role

    assert model_role("三步", "某社区《“三步”推进社区治理 激活红色力量》入选2024年“全国社区党建创新案例”优秀案例；") == LISTED
    assert model_role("三步", "某社区印发《“三步”推进社区治理工作方案》，明确议事流程。") is None
    assert model_role("三步", "某社区推行“三步”工作法入选优秀案例。") is None


def test_watchword_pairs_naming_a_course_and_names_listed_as_projects():
    """Audit 29: pairs of four-character watchwords across commas naming the course work follows (制定了“党委领导、政府
    支持，上下合力、部门联动”的社区组织发展路径) are an aim, as a pattern's are; quoted names that follow each other
    with no mark between or close with the work they stand for (推进“某某家园”“幸福某城”等项目服务, 推广“某某方略”、
    “某某议事”等创新做法) are only listed; one name, or names the sentence says more of, are none."""
    from queries.model_roles import AIM, LISTED, model_role

    path = "某省制定了“党委领导、政府支持，上下合力、部门联动，社区牵头、居民参与”的社区组织发展路径。"
    assert model_role("党委领导、政府支持，上下合力、部门联动，社区牵头、居民参与", path) == AIM
    assert model_role("党委领导、政府支持，上下合力、部门联动", "某县推行“党委领导、政府支持，上下合力、部门联动”工作法，"
                      "成立议事会8个。") is None
    projects = "建立政府和社会互动机制，推进“某某家园”“幸福某城”等项目服务，调动各方力量参与社区治理。"
    assert model_role("某某家园", projects) == LISTED
    assert model_role("幸福某城", projects) == LISTED
    ways = "推广“某某方略”、“某某议事”等创新做法，推动居民参与常态化。"
    assert model_role("某某方略", ways) == LISTED
    assert model_role("某某议事", ways) == LISTED
    assert model_role("某某议事", "推广“某某议事”做法，每月召开议事会2次。") is None
    assert model_role("某某议事", "推广“某某议事”，由居民代表每月议定小区事项。") is None


def test_the_field_of_an_honour_is_only_listed():
    """Audit 29: a project chosen for an honour whose name quotes a model (…服务项目入选某市“五社联动”社会工作服务典型项目
    案例) names the honour's field, not a scheme of the place: listed; the model run and then honoured is none."""
    from queries.model_roles import LISTED, model_role

    assert model_role("五社联动", "“某某家园”社区服务项目入选全省“五社联动”优秀服务项目案例；") == LISTED
    assert model_role("五社联动", "某街道推行“五社联动”机制，孵化社区社会组织12个，入选某市典型案例。") is None


def test_a_room_visitors_saw_and_a_case_name_only_chosen():
    """Audit 29: a room a visiting group goes to see (调研组一行实地走访了某小区“网格工作室”、…, 参观了…“某某说事”议事厅) is a
    venue, not the community's scheme — but a method the visitors look at the work of (查看某居民区的“家门口服务”…工作开展情况)
    is none; a quoted case name, its kind, then only that it was chosen (“某某治理”社会工作服务项目入选某市…典型项目案例；) is
    listed, as a case title is; a case whose clause goes on to what was done is none."""
    from queries.model_roles import LISTED, VENUE, model_role

    tour = "市人大调研组一行顶着烈日实地走访了某某小区“社区书记工作室”、某某小区“网格工作室”，深入了解小区治理情况。"
    assert model_role("网格工作室", tour) == VENUE
    assert model_role("某某说事", "检查组参观了党员活动室和“某某说事”议事厅等，听取了工作汇报。") == VENUE
    assert model_role("家门口服务", "代表们实地查看某居民区的“家门口服务”、人大代表之家等方面工作开展情况。") is None
    assert model_role("网格工作室", "某社区设立“网格工作室”，由网格员每日值守。") is None
    assert model_role("四项治理", "“四项治理”社区服务项目入选全省优秀项目案例；") == LISTED
    assert model_role("四项治理", "“四项治理”服务项目入选某市典型案例，孵化社区社会组织12个。") is None
