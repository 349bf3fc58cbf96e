"""Which sentence the practices step cites for each practice (``practice_mentions``)."""
from __future__ import annotations

import pytest

from loaders.extract.context import Context
from loaders.extract.learning import extract_learning
from loaders.extract.measures import extract_measures
from loaders.extract.practice_mentions import extract_practice_mentions
from loaders.record import DocumentMeta, PlaceRec
from tests.support.mentions import mentions_of

_PLACES = {  # name → (level, parent, forms as written)
    "襄阳市": ("city", "湖北省", ("襄阳市", "我市")),
    "湖北省": ("province", None, ("湖北省",)),
    "襄阳市樊城区": ("district", "襄阳市", ("樊城区",)),
    "宁波市": ("city", "浙江省", ("宁波市",)),
}


def _extracted(text: str) -> Context:
    """The practices steps run over ``text`` about 襄阳市, with the places of ``_PLACES`` it names."""
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="襄阳市", province="湖北省"))
    for name, (level, parent, forms) in _PLACES.items():
        ms = mentions_of(text, forms)
        if ms:
            role = "subject" if name == "襄阳市" else "within_subject" if parent == "襄阳市" else "external"
            ctx.places.append(PlaceRec(name=name, level=level, parent=parent, role=role, mentions=ms))
    extract_measures(ctx)
    extract_learning(ctx)
    extract_practice_mentions(ctx)
    return ctx


def _mentions(text: str, practice: str):
    ctx = _extracted(text)
    assert practice in ctx.practices
    (pm,) = [pm for pm in ctx.practice_mentions if pm.name == practice]
    return text, pm


@pytest.mark.parametrize("text,cited", [
    # a higher unit's meeting first, the city's own work after it
    ("湖北省召开现场会，部署网格化治理工作。\n襄阳市全面推行网格化治理，划分网格300个。", "襄阳市全面推行"),
    # a plan first, the work done after it
    ("下一步，我市将继续深化网格化治理。\n今年，襄阳市建立网格化治理体系，划分网格300个。", "今年，襄阳市建立"),
    # a duty first (要充分发挥…), the work done after it
    ("要充分发挥网格化治理的作用。\n襄阳市划分网格300个，实现网格化治理全覆盖。", "襄阳市划分网格"),
    # a unit told what to do at the sentence's head (某办公室要求 on the line before), the work done after it
    ("领导小组办公室要求\n樊城区要对以上小区加强监督管理，推行网格化治理。\n襄阳市划分网格300个，实现网格化治理全覆盖。",
     "襄阳市划分网格"),
    # a topic talked over, or a working group's field, before the work done
    ("襄阳市居民代表共同协商水电改造、网格化治理、小区绿化等民生问题。\n襄阳市划分网格300个，实现网格化治理全覆盖。",
     "襄阳市划分网格"),
    ("襄阳市成立权责清单编制、网格化治理、物业管理服务3个工作小组。\n襄阳市划分网格300个，实现网格化治理全覆盖。",
     "襄阳市划分网格"),
    # a district of the city is the city's own work
    ("湖北省召开现场会，部署网格化治理工作。\n樊城区推行网格化治理，划分网格80个。", "樊城区推行"),
    # the reply's title names the proposal: what was asked for, not what was done
    ("关于加强网格化治理的建议的提案答复\n襄阳市推行网格化治理，划分网格300个。", "襄阳市推行"),
    # an editor's note frames a feature: the place's own words come after it
    ("编者按：专家为网格化治理提供借鉴启示。\n襄阳市推行网格化治理，划分网格300个。", "襄阳市推行"),
    # a sentence naming the subject as its topic before one that names no place
    ("专家为网格化治理提供借鉴启示。\n襄阳市以网格为单元，构建网格化治理体系。", "襄阳市以网格"),
    # …however many sentences that name no place (done or planned) stand between them
    (("专家为网格化治理提供借鉴启示。\n下一步将继续深化网格化治理。\n网格化治理覆盖全部社区。\n"
      "襄阳市以网格为单元，构建网格化治理体系。"), "襄阳市以网格"),
    # what a concession grants (虽然…，但…) is the ground of a problem, not the place's work
    ("我市虽然推行了网格化治理，但网格员力量不足。\n襄阳市划分网格300个，实现网格化治理全覆盖。", "襄阳市划分网格"),
    # a sentence stating what people wish for (…是…的夙愿) is a need, not work done
    ("我市建设网格化治理平台是广大群众的期盼。\n襄阳市划分网格300个，实现网格化治理全覆盖。", "襄阳市划分网格"),
    # of several that name no place, the first is cited
    ("专家为网格化治理提供借鉴启示。\n网格化治理覆盖全部社区。", "专家为网格化"),
])
def test_the_subjects_own_done_sentence_is_cited(text, cited):
    text, pm = _mentions(text, "网格化治理")
    sentence_start = max(text.rfind("\n", 0, pm.start), text.rfind("。", 0, pm.start)) + 1
    assert text[sentence_start:].startswith(cited)
    assert pm.learned_from is None
    assert pm.start < pm.end and "网格" in text[pm.start:pm.end]


def test_a_scheme_only_studied_names_the_place_studied():
    text, pm = _mentions("市政府要求各县区学习借鉴，学习宁波市“红色业委会”机制。", "业委会组建")
    assert pm.learned_from == "宁波市"
    assert text[pm.start:pm.end] == "红色业委会"


def test_a_scheme_studied_gives_way_to_the_subjects_own_work():
    text, pm = _mentions("市政府要求各县区学习借鉴，学习宁波市“红色业委会”机制。\n"
                         "襄阳市在各小区组建业主委员会，已成立120个。", "业委会组建")
    assert pm.learned_from is None
    assert text[pm.start:pm.end].startswith("组建")


def test_a_practice_named_only_in_an_editors_note_is_not_the_places():
    """An editor's note frames a feature (the province's system): a practice only it names is not the
    place's; one the place's own text names too stays."""
    text = ("【编者按】全省健全自治、法治、德治相结合的城乡基层治理体系，推行网格化治理。\n"
            "襄阳市划分网格300个，实现网格化治理全覆盖。")
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="襄阳市", province="湖北省"))
    extract_measures(ctx)
    assert "网格化治理" in ctx.practices
    assert "三治融合" not in ctx.practices
    ctx = Context(text=text.split("\n")[0].replace("【编者按】", ""), source="t",
                  document=DocumentMeta(subject_place="襄阳市", province="湖北省"))
    extract_measures(ctx)
    assert "三治融合" in ctx.practices


def test_what_a_delegation_saw_elsewhere_stays_in_the_record_with_the_place_it_was_seen_in():
    """A practice every cue of which is about a place elsewhere (a community a delegation visits) stays a
    practice of the document, its mention naming that place (``seen_in``: the graph credits it there, never to
    the subject); one the subject's own text names too, or a higher unit's words name (the province's
    meeting), has none."""
    seen = "襄阳市考察组赴外地考察学习基层治理。\n宁波市某社区始建于1951年，链接和培育了40余家社会组织。"
    text, pm = _mentions(seen, "社区社会组织培育")
    assert pm.seen_in == "宁波市" and text[pm.start:pm.end] == "培育了40余家社会组织"
    _text, pm = _mentions(seen + "\n襄阳市培育社会组织86家。", "社区社会组织培育")
    assert pm.seen_in is None
    _text, pm = _mentions("湖北省召开现场会，部署培育社区社会组织工作。", "社区社会组织培育")
    assert pm.seen_in is None


def test_a_question_reports_no_work():
    text, pm = _mentions("有居民问：网格化治理能不能覆盖我们小区？\n网格化治理已覆盖全部社区。", "网格化治理")
    assert pm.start > text.index("\n")


def test_the_county_holding_a_street_is_not_within_it():
    """A street's code is its county's (``Context.subject_code``): the county's own sentence is no sentence
    about the street, where the street's own comes later."""
    text = "近年来，樊城区坚持推行网格化治理。\n屏山街道划分网格40个，实现网格化治理全覆盖。"
    ctx = Context(text=text, source="t", document=DocumentMeta(subject_place="屏山街道", province="湖北省"))
    ctx.subject_anchor = "420606"
    ctx.places.append(PlaceRec(name="襄阳市樊城区", level="district", parent="襄阳市", role="external",
                               adcode="420606", mentions=mentions_of(text, ("樊城区",))))
    ctx.places.append(PlaceRec(name="屏山街道", level="street", parent="襄阳市樊城区", role="subject",
                               mentions=mentions_of(text, ("屏山街道",))))
    extract_measures(ctx)
    extract_learning(ctx)
    extract_practice_mentions(ctx)
    (pm,) = [pm for pm in ctx.practice_mentions if pm.name == "网格化治理"]
    assert pm.start > text.index("屏山街道")


@pytest.mark.parametrize("text,cited", [
    # of sentences of one rank, the first whose cue stands in a figure's clause: how much was done, not a mention in passing
    ("襄阳市以居民为主体、社区社会组织共同参与的服务格局基本形成。\n社区社会组织加快发展，襄阳市已登记社区社会组织520个。",
     "社区社会组织加快发展"),
    ("社区社会组织共同参与的服务格局基本形成。\n截至目前，已培育社区社会组织86家。", "截至目前"),
    # a figure of each, or of a whole the place is one of, is no measure of its work: the first stays
    ("襄阳市以居民为主体、社区社会组织共同参与的服务格局基本形成。\n每个社区培育社区社会组织2个。", "襄阳市以居民"),
])
def test_a_sentence_reporting_a_figure_of_the_work_is_cited_before_one_naming_it(text, cited):
    text, pm = _mentions(text, "社区社会组织培育")
    sentence_start = max(text.rfind("\n", 0, pm.start), text.rfind("。", 0, pm.start)) + 1
    assert text[sentence_start:].startswith(cited)


def test_what_a_standards_quoted_term_spells_out_is_cited_after_work():
    """Audit 25: “七中心”即综治中心、…、志愿服务中心 spells out a standard's term — a later sentence that reports the centres set
    up is cited for 志愿服务, not the standard's list."""
    text, pm = _mentions("襄阳市制定规范化社区建设标准。“七中心”即综治中心、文体活动中心、志愿服务中心。\n"
                         "目前，襄阳市各社区普遍设立志愿服务中心，组织志愿者开展为民服务。", "志愿服务")
    assert text[pm.start - 12:pm.start].endswith("普遍设立")


def test_a_grid_only_glossing_a_compound_is_cited_after_grid_work():
    """Audit 27: 到居住地小区（网格）报到 names the compound another way — a later sentence on grid work is cited for
    网格化治理; with no other cue the gloss is still cited."""
    text, pm = _mentions("襄阳市2000余名党员干部到居住地小区（网格）报到，参与志愿服务。\n"
                         "网格化治理卓有成效，襄阳市实现城市社区网格全覆盖。", "网格化治理")
    assert text[pm.start:].startswith("网格化治理卓有成效")
    text, pm = _mentions("襄阳市2000余名党员干部到居住地小区（网格）报到，参与志愿服务。", "网格化治理")
    assert text[pm.start - 3:pm.start] == "小区（"
