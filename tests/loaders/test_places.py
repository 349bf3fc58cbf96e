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


def test_province_inside_agency_name_is_not_a_place():
    text = "咸宁市民政局答复。抢抓省委、湖北省委部署机遇，湖北省民政厅指导。"
    ctx = Context(text=text, source="t")
    extract_document(ctx)
    extract_places(ctx)
    assert "湖北省" not in [p.name for p in ctx.places]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_mention_offset_is_valid_on_the_corpus(path):
    text = normalize_text(path.read_text(encoding="utf-8"))
    rec = extract_text(text, str(path))
    mentions = [m for ent in rec.places + rec.agencies for m in ent.mentions]
    assert mentions, "the bundled documents all name places and agencies"
    for m in mentions:
        assert text[m.start:m.end] == m.as_written
