"""A named model's sentence presenting it as learnt from elsewhere or as an aim (queries/model_roles.py)."""
from __future__ import annotations

import pytest

from queries.model_roles import AIM, LEARNT, model_role, names_source


@pytest.mark.parametrize("name,sentence,role", [
    # a model the place learns or carries on from its origin
    ("某江经验", "近年来，某区学习运用“某江经验”，依托“三联工作法”推进治理。", LEARNT),
    ("某桥经验", "全县坚持和发展新时代“某桥经验”，化解矛盾。", LEARNT),
    ("红色楼长", "组织社区书记赴外地学习借鉴某某市“红色楼长”做法。", LEARNT),
    # traditional characters with a mirror page's pinyin glosses read as the rules read simplified text
    ("某江經(jīng)驗", "某區(qū)學(xué)習(xí)運(yùn)用“某江經(jīng)驗”。", LEARNT),
    # an aim, principle, slogan or quality
    ("两近", "按照“两近”的原则划分网格。", AIM),
    ("网格管理，全员服务", "明确“网格管理，全员服务”目标，推进改革。", AIM),
    ("扁平化、精细化", "增强了社区“扁平化、精细化”的管理服务能力。", AIM),
    # a slogan of parallel clauses as an event's theme or the state the work results in
    ("志愿暖冬日，关爱伴成长", "社区“志愿暖冬日，关爱伴成长”寒假系列活动正在进行。", AIM),
    ("小事不出楼，大事不出村", "引导群众参与治理，形成“小事不出楼，大事不出村”。", AIM),
    ("网格吹哨，部门报到", "推行“网格吹哨，部门报到”机制，解决问题120件。", None),
    # the place's own model, however its sentence is worded
    ("三联工作法", "近年来，某区学习运用“某江经验”，依托“三联工作法”推进治理。", None),
    ("12345", "研究确立了“12345”社区治理工作模式。", None),
    ("一网统筹", "整合党建、综治等功能，实现基层治理“一网统筹”。", None),
    ("政府引导+多方投入", "通过“政府引导+多方投入”工作思路，整合资源。", None),
])
def test_model_role(name, sentence, role):
    assert model_role(name, sentence) == role


def test_a_learnt_model_keeps_the_owner_its_sentence_names_as_its_source():
    sentence = "组织社区书记赴外地学习借鉴某某市“红色楼长”做法。"
    assert names_source("红色楼长", sentence, "某某市")
    assert not names_source("某江经验", "近年来，某区学习运用“某江经验”。", "某某市某区")
