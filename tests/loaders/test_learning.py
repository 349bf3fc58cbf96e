"""Learning: who studied or borrowed from whom."""
from __future__ import annotations

import pytest

from loaders.extract.context import Context
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.learning import extract_learning
from loaders.extract.pipeline import extract_text
from loaders.record import DocumentMeta, Mention, PlaceRec
from tests.support.mentions import mentions_of


def _ctx(text: str, externals: dict[str, tuple[str, ...]]) -> Context:
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="襄阳市"))
    ctx.places.append(PlaceRec(name="襄阳市", level="city", role="subject"))
    for name, forms in externals.items():
        ctx.places.append(PlaceRec(name=name, level="city", role="external", mentions=mentions_of(text, forms)))
    return ctx


@pytest.mark.parametrize("text,externals,sources", [
    ("借鉴南京、苏州等地先进经验，推进智慧社区建设。", {"南京市": ("南京",), "苏州市": ("苏州",)},
     ["南京市", "苏州市"]),
    ("4月，市民政局组织赴厦门开展社区营造方面考察。", {"厦门市": ("厦门",)}, ["厦门市"]),
    ("市考察组赴浙江省桐乡市参观学习。", {"桐乡市": ("浙江省桐乡市",)}, ["桐乡市"]),
    ("要求各地学习借鉴，学习宁波市“红色物业联盟”机制。", {"宁波市": ("宁波市",)}, ["宁波市"]),
])
def test_learning(text, externals, sources):
    ctx = _ctx(text, externals)
    extract_learning(ctx)
    assert [r.source for r in ctx.learning] == sources
    assert all(r.learner == "襄阳市" for r in ctx.learning)
    assert all(r.span and r.span.start <= r.span.end for r in ctx.learning)


@pytest.mark.parametrize("text", [
    "安排全省各地市借鉴学习。",
    "组织干部到社区开展学习。",
    "成都市的经验值得关注。",
])
def test_no_learning(text):
    ctx = _ctx(text, {"成都市": ("成都市",)})
    extract_learning(ctx)
    assert ctx.learning == []


def test_same_source_twice_gives_one_entry():
    text = "学习杭州市经验。3月，考察组赴杭州市考察学习。"
    ctx = _ctx(text, {"杭州市": ("杭州市",)})
    extract_learning(ctx)
    assert [r.source for r in ctx.learning] == ["杭州市"]


def test_a_visit_to_look_into_work_is_not_learning():
    ctx = _ctx("市政协主席率调研组赴成都市开展专题调研。", {"成都市": ("成都市",)})
    extract_learning(ctx)
    assert ctx.learning == []


def test_a_leaders_visit_to_a_town_of_its_own_city_is_not_learning():
    text = "萍乡市委副书记王某一行到莲花县良坊镇考察调研基层治理工作。"
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="良坊镇"))
    code = load_gazetteer().code_for_full_name
    ctx.places = [PlaceRec(name="萍乡市", level="city", role="external", adcode=code("萍乡市"),
                           mentions=mentions_of(text, ("萍乡市",))),
                  PlaceRec(name="萍乡市莲花县", level="county", parent="萍乡市", role="within_subject",
                           adcode=code("萍乡市莲花县"), mentions=mentions_of(text, ("莲花县",))),
                  PlaceRec(name="良坊镇", level="street", parent="萍乡市莲花县", role="subject",
                           mentions=mentions_of(text, ("良坊镇",)))]
    extract_learning(ctx)
    assert ctx.learning == []


def test_the_learner_is_the_place_the_sentence_is_about():
    from loaders.extract.pipeline import extract_text

    text = ("襄阳市民政局关于市政协第5号提案的答复\n\n尊敬的张委员：\n您提出的提案收悉，现答复如下：\n"
            "浙江省桐乡市推行“三治融合”，桐乡市先后赴杭州市上城区考察学习，又赴嘉兴市考察学习。\n"
            "我市组织考察组赴浙江省桐乡市参观学习。\n")
    rec = extract_text(text, "t.txt")
    pairs = {(lr.learner, lr.source) for lr in rec.learning}
    assert ("桐乡市", "杭州市上城区") in pairs  # the passage is about 桐乡市: it is the learner
    assert ("桐乡市", "嘉兴市") not in pairs  # a county and its own city are not learning from each other
    assert ("襄阳市", "桐乡市") in pairs


def test_a_clause_whose_places_include_the_learner_records_nothing():
    # 襄阳市 is the subject and also one of the places "studied": the learner is not known
    ctx = _ctx("组织考察组到湖北襄阳、湖南长沙等地学习借鉴社区建设。", {"长沙市": ("长沙",)})
    ctx.places[0].mentions.append(Mention(start=8, end=10, as_written="襄阳"))
    extract_learning(ctx)
    assert ctx.learning == []


@pytest.mark.parametrize("text,externals,what", [
    # the whole object phrase, its quotation marks kept
    ("我市学习宁波市“红色物业联盟”机制和“邻里议事”制度，推动小区治理。", {"宁波市": ("宁波市",)},
     "“红色物业联盟”机制和“邻里议事”制度"),
    # a clause stop inside a quote does not end the phrase
    ("借鉴宁波市“党建引领，多元共治”的做法。", {"宁波市": ("宁波市",)}, "“党建引领，多元共治”的做法"),
    # the place studied inside the quote: the phrase is the whole quote and what follows it
    ("学习“宁波市红色物业联盟”经验。", {"宁波市": ("宁波市",)}, "“宁波市红色物业联盟”经验"),
    # verbs and the aspect of the study are not what was studied
    ("到宁波、温州等地学习借鉴社区营造的经验。", {"宁波市": ("宁波",), "温州市": ("温州",)}, "社区营造的经验"),
    ("组织赴宁波市开展社区基金建设方面的考察。", {"宁波市": ("宁波市",)}, "社区基金建设"),
    # the next clause names what was studied
    ("组织赴宁波市考察学习，重点学习社区基金建设。", {"宁波市": ("宁波市",)}, "社区基金建设"),
    ("组织赴宁波市考察学习，市领导带队。", {"宁波市": ("宁波市",)}, None),
    # after 以…为标杆, what the next clause studies
    ("我市以宁波市为标杆，学习其政社互动经验。", {"宁波市": ("宁波市",)}, "政社互动经验"),
])
def test_what_was_studied(text, externals, what):
    ctx = _ctx(text, externals)
    extract_learning(ctx)
    assert ctx.learning and {r.what for r in ctx.learning} == {what}


def test_a_long_object_phrase_is_cut_at_a_list_boundary_outside_quotes():
    items = "、".join(f"第{n}项机制" for n in range(1, 15))
    text = f"我市学习宁波市“{items}”和“红色物业联盟”机制与“邻里议事”制度及“民情日记”制度。"
    ctx = _ctx(text, {"宁波市": ("宁波市",)})
    extract_learning(ctx)
    what = ctx.learning[0].what
    assert what in text and len(what) <= 100
    assert what.startswith("“第1项机制") and what.count("“") == what.count("”")
    assert not what.endswith(("和", "与", "及", "、"))


def test_a_trip_written_with_qianwang_is_a_study_visit():
    ctx = _ctx("组织社区书记前往长沙市学习社区治理经验。", {"长沙市": ("长沙市",)})
    extract_learning(ctx)
    assert [(r.learner, r.source) for r in ctx.learning] == [("襄阳市", "长沙市")]


def test_named_places_that_came_to_study_the_subject_learn_from_it():
    text = "十堰市、荆门市等地先后来我市考察学习社区治理经验。"
    ctx = _ctx(text, {"十堰市": ("十堰市",), "荆门市": ("荆门市",)})
    extract_learning(ctx)
    assert [(r.learner, r.source) for r in ctx.learning] == [("十堰市", "襄阳市"), ("荆门市", "襄阳市")]
    assert ctx.learning[0].what == "社区治理经验"


@pytest.mark.parametrize("text", [
    "全国各地200余批次来我市考察学习。",
    "市领导陪同十堰市客人来我市考察。",
])
def test_unnamed_or_unstudying_visitors_record_nothing(text):
    ctx = _ctx(text, {"十堰市": ("十堰市",)})
    extract_learning(ctx)
    assert ctx.learning == []


def test_a_city_and_a_district_of_it_studied_keep_the_district():
    text = "考察组赴成都考察学习基层治理。期间，考察学习成都市锦江区社区发展治理工作。"
    ctx = _ctx(text, {"成都市": ("成都",), "成都市锦江区": ("成都市锦江区",)})
    ctx.place_named("成都市").adcode = "510100"
    ctx.place_named("成都市锦江区").adcode = "510104"
    extract_learning(ctx)
    assert [r.source for r in ctx.learning] == ["成都市锦江区"]


@pytest.mark.parametrize("text", [
    "选派社区书记赴长沙参加民政部举办的培训班学习。",
    "赴长沙参加全国社区治理论坛并交流学习。",
])
def test_a_trip_to_an_event_held_there_studies_no_practice_of_the_place(text):
    ctx = _ctx(text, {"长沙市": ("长沙",)})
    extract_learning(ctx)
    assert ctx.learning == []


def test_a_trip_to_an_event_that_also_studies_the_place_is_learning():
    ctx = _ctx("赴长沙参加现场会并考察学习社区发展治理。", {"长沙市": ("长沙",)})
    extract_learning(ctx)
    assert [r.source for r in ctx.learning] == ["长沙市"]


def test_the_place_written_straight_before_the_study_verb_is_the_learner():
    text = "这一做法是谷城县学习南漳县城区街道治理先进经验的成果,谷城县也建起了议事厅。"
    ctx = _ctx(text, {"南漳县": ("南漳县",)})
    ctx.places.append(PlaceRec(name="谷城县", level="county", role="within_subject", mentions=mentions_of(text, ("谷城县",))))
    extract_learning(ctx)
    assert [(r.learner, r.source) for r in ctx.learning] == [("谷城县", "南漳县")]
    # a place the verb's clause only says where the study happened is no learner
    text = "组织干部在谷城县学习南漳县经验。"
    ctx = _ctx(text, {"南漳县": ("南漳县",)})
    ctx.places.append(PlaceRec(name="谷城县", level="county", role="within_subject", mentions=mentions_of(text, ("谷城县",))))
    extract_learning(ctx)
    assert [(r.learner, r.source) for r in ctx.learning] == [("襄阳市", "南漳县")]


def test_what_after_a_place_written_with_diqu_and_before_the_result_of_the_study():
    # 某地区 after a county's short form names the place; …经验的成果 is what came of the study
    rec = extract_text("自贡市富顺县新闻\n这一举措是富顺县学习龙泉驿地区社区治理先进经验的成果。\n", "t.txt")
    assert [(lr.source, lr.what) for lr in rec.learning] == [("成都市龙泉驿区", "社区治理先进经验")]


_REPLY = "襄阳市民政局关于市政协第5号提案的答复\n\n尊敬的张委员：\n您提出的提案收悉，现答复如下：\n"


def _pairs(sentence: str) -> set[tuple[str, str]]:
    return {(lr.learner, lr.source) for lr in extract_text(_REPLY + sentence + "\n", "t.txt").learning}


@pytest.mark.parametrize("sentence,pairs", [
    # a scheme taken over: 复制推广/引进/参照 X 的…模式, 从 X 引进…
    ("我市复制推广山东省青岛市的“红色物业”模式，在全市推开。", {("襄阳市", "青岛市")}),
    ("我市从浙江省宁波市海曙区引进“81890”服务模式。", {("襄阳市", "宁波市海曙区")}),
    ("我市引进宁波市海曙区的“81890”服务模式。", {("襄阳市", "宁波市海曙区")}),
    ("我市参照江苏省太仓市的做法，制定了社区工作事项清单。", {("襄阳市", "太仓市")}),
    # 向 X 学习, 以 X 为标杆
    ("向浙江省宁波市等先进地区学习，推进红色物业。", {("襄阳市", "宁波市")}),
    ("以宁波、杭州等先进地区为榜样，推进红色物业建设。", {("襄阳市", "宁波市"), ("襄阳市", "杭州市")}),
    # a delegation's move written 来到/走进/深入, what it did there in the same or the next clause
    ("考察组一行先后来到宁波市海曙区、宁波市鄞州区，实地考察了社区治理工作。",
     {("襄阳市", "宁波市海曙区"), ("襄阳市", "宁波市鄞州区")}),
    ("市民政局组织考察组深入江苏省太仓市学习政社互动经验。", {("襄阳市", "太仓市")}),
    ("考察组走进江苏省太仓市，学习政社互动经验。", {("襄阳市", "太仓市")}),
    # a delegation at a place: 在X，考察组参观了…; the delegation's own place written in its words
    ("在宁波市鄞州区，考察组参观了两个社区，听取了社区治理情况介绍。", {("襄阳市", "宁波市鄞州区")}),
    ("在杭州市上城区，桐乡市考察组先后参观了两个社区。", {("桐乡市", "杭州市上城区")}),
    ("考察组在宁波市鄞州区先后参观了两个社区。", {("襄阳市", "宁波市鄞州区")}),
    ("市委书记王某一行在浙江省宁波市考察学习。", {("襄阳市", "宁波市")}),
    ("我市参考江苏省太仓市的经验，制定了清单。", {("襄阳市", "太仓市")}),
    # visitors in a delegation, or received: they learn from the subject
    ("武汉市考察团一行来我市考察学习社区治理工作。", {("武汉市", "襄阳市")}),
    ("先后接待了武汉市、十堰市等地考察团来我市参观学习。", {("武汉市", "襄阳市"), ("十堰市", "襄阳市")}),
    ("近年来，先后接待了北京、上海等地考察团200余批次。", {("北京市", "襄阳市"), ("上海市", "襄阳市")}),
    ("十堰市、荆门市等地纷纷前来考察学习。", {("十堰市", "襄阳市"), ("荆门市", "襄阳市")}),
    # the passive: a place that took up the subject's scheme
    ("我市“红色物业”做法被宁波、杭州等地学习借鉴。", {("宁波市", "襄阳市"), ("杭州市", "襄阳市")}),
])
def test_more_ways_of_writing_a_study(sentence, pairs):
    assert _pairs(sentence) == pairs


@pytest.mark.parametrize("sentence", [
    "我市引进宁波市的物业服务企业，提升小区管理。",  # a firm brought in, no scheme
    "我市从浙江省引进高层次人才。",
    "号召全市向英雄的武汉人民学习。",  # people, not a place's practice
    "组织全市党员学习延安精神，传承红色基因。",  # a place's spirit
    "组织党员赴延安开展红色教育学习。",  # Party education at a revolutionary site
    "市领导带队赴深圳、上海等地招商考察。",  # a business trip
    "在宁波市鄞州区，市民政局介绍了社区治理工作。",  # a host's account, no delegation
    "在武汉市召开的全省社区治理工作会议上，我市作了经验交流。",
    "在襄阳市樊城区，调研组实地考察了两个社区。",  # the subject's own unit
    "市委书记王某一行在浙江省宁波市考察。",  # a leader's visit, no study said
    "习近平总书记在浙江考察时强调，要坚持和发展新时代“枫桥经验”。",
    "深入学习贯彻湖北省第十二次党代会精神。",
    "我市“红色物业”做法被省委组织部推荐到全省学习借鉴。",  # praise from above, unnamed learners
    "市民政局与宁波市民政局签订友好合作协议，开展交流学习。",  # an exchange
    "接待了樊城区考察团。",  # a unit of the subject's own
    "以北京为中心，辐射周边。",
    "全国各地纷纷前来考察学习。",
    "十堰市领导前来视察。",
    "我市做法被民政部推广。",
    "被樊城区学习借鉴。",
    "以樊城区为试点，推进红色物业。",
    "市民政局局长应邀赴北京介绍我市社区治理经验。",  # a trip to tell one's own way of working
    "赴杭州市汇报我市“红色物业”做法。",
    "赴武汉市分享我市社区治理经验。",
    "接待了武汉市的客人。",  # guests, no delegation
    "接待来自全国各地的考察团50余批次。",  # unnamed visitors
])
def test_ways_of_writing_that_are_not_a_study(sentence):
    assert _pairs(sentence) == set()


def test_a_street_or_community_visited_inside_the_unit_studied_is_not_a_source_of_its_own():
    text = (_REPLY + "考察组赴成都市成华区考察学习社区发展治理。在成华区二仙桥街道下涧槽社区，考察组先后参观了社区空间。\n")
    assert {(lr.learner, lr.source) for lr in extract_text(text, "t.txt").learning} == {("襄阳市", "成都市成华区")}


def test_a_citys_own_delegation_at_a_town_whose_district_the_text_never_names_is_not_learning():
    # 萍乡市's observation group at 安源镇 (of 萍乡市安源区, which the text does not name): a visit within the city
    text = ("萍乡市城市基层党建观摩团走进安源镇\n\n8月26日，萍乡市城市基层党建工作观摩团来到安源镇青林社区，"
            "现场观摩社区物业党建联建工作。\n")
    assert extract_text(text, "t.txt").learning == []


def test_a_countys_own_study_trip_told_by_its_outlet():
    # the headline goes out (我县赴…考察): the places it names are the ones visited; the outlet (某县融媒讯) names
    # the writer, who learns from the county it visited (the city around it is dropped for the county inside it)
    text = ("我县赴黄山、歙县考察物业管理工作\n\n岳西融媒讯 为推进我县物业管理，4月2日，县住建局一行赴黄山、歙县等地考察。"
            "在黄山市歙县，考察组参观了两个小区，听取了物业服务情况介绍。\n")
    rec = extract_text(text, "t.txt")
    assert rec.document.subject_place == "安庆市岳西县"
    assert {(lr.learner, lr.source) for lr in rec.learning} == {("安庆市岳西县", "黄山市歙县")}
