"""Practice taxonomy: the file loads, holds every contract name, and cues map text to practices."""
from __future__ import annotations

import json

import pytest

from govkg.errors import ConfigError
from loaders.extract.practices import (
    CANONICAL_PRACTICES,
    TAXONOMY_PATH,
    document_practices,
    load_taxonomy,
    quoted_request_spans,
)


def test_taxonomy_has_every_canonical_name_with_category_and_definition():
    tax = load_taxonomy()
    assert set(CANONICAL_PRACTICES) <= set(tax.names)
    for p in tax.practices:
        assert p.category and p.definition.endswith("。")


@pytest.mark.parametrize("text,expected", [
    ("各街道成立大工委，社区建成大党委。", "大党委/大工委"),
    ("推行在职党员到居住地小区报到。", "在职党员双报到"),
    ("修订完善村（居）规民约。", "居民公约"),
    ("全面推行基层治理积分制。", "积分制管理"),
    ("街道全面设立社工站。", "社工站"),
    ("印发社区工作准入制度。", "社区工作准入"),
    ("取消社区证明事项20项。", "证明事项清理"),
    ("推进自治、法治、德治相结合。", "三治融合"),
    ("设立社区发展基金。", "社区基金/社区经济"),
    ("成功创建省级社区治理实验区。", "治理实验区创建"),
    ("实施老旧小区改造。", "老旧小区改造"),
    # written the way replies and news pieces from other places put it
    ("各街道成立物业党建联盟，定期会商小区难题。", "党建引领"),
    ("以社区党组织为核心，统筹辖区单位力量。", "党建引领"),
    ("翠湖苑小区“党支部议事站”挂牌运行。", "小区党支部"),
    ("将党支部扎根于小区，延伸组织末梢。", "小区党支部"),
    ("机关在职党员每月到社区认领服务项目。", "在职党员双报到"),
    ("每月召开居民代表座谈会，听取意见。", "居民议事协商"),
    ("重大事项提交居民会议讨论决定。", "居民议事协商"),
    ("楼栋居民共同制定“楼道公约”12条。", "居民公约"),
    ("推行“党建+积分”，以积分兑换生活用品。", "积分制管理"),
    ("出台社区工作者职业化管理办法。", "社区工作者职业体系"),
    ("离任村干部生活补贴提高到每月200元。", "社区工作者职业体系"),
    ("市级财政安排300万元预算保障社区运转。", "社区经费保障"),
    ("新建社区党群之家15个。", "党群服务阵地建设"),
    ("解决社区办公用房不足问题。", "党群服务阵地建设"),
    ("依托“幸福里”智慧应用，证明出具流程搬到网上。", "智慧社区"),
    ("社区设立微基金，居民自愿捐赠。", "社区基金/社区经济"),
    ("以“红色物业”为抓手，规范小区服务。", "物业管理提升"),
])
def test_cues(text, expected):
    assert expected in load_taxonomy().match(text)


@pytest.mark.parametrize("text,absent", [
    # the CPPCC's name and an agency negotiating are not residents consulting
    ("您在中国人民政治协商会议某县委员会会议上的提案收悉。", "居民议事协商"),
    ("已与开发商协商，请您向镇政府提出申请。", "居民议事协商"),
    # metaphors and a list of people are not party service positions or 双报到
    ("地处维护稳定的前沿阵地。", "党群服务阵地建设"),
    ("从老党员和机关在职党员中选任楼栋长。", "在职党员双报到"),
    # 吹哨报到 is departments reporting to streets
    ("建立社区对“吹哨报到”单位的考核制度。", "在职党员双报到"),
    # no property management, or its staff as a category of people
    ("小区曾一度无物业管理，脏乱差问题突出。", "物业管理提升"),
    # technology in an exhibition hall
    ("展馆内智能化技术的运用显露着现代气息。", "智慧社区"),
    ("申请积分落户的人数增加。", "积分制管理"),
])
def test_cues_that_do_not_count(text, absent):
    assert absent not in load_taxonomy().match(text)


def test_a_cue_stops_at_an_ascii_comma():
    # pages that serve ASCII punctuation: the clause ends at "," as at "，"
    tax = load_taxonomy()
    assert "社区社会组织培育" in tax.match("培育骨干队伍和社会组织")
    assert "社区社会组织培育" not in tax.match("培育骨干队伍,社会组织负责人到场")


def test_proposal_quotes_and_theme_lists_do_not_count():
    text = ("您提出的“关于做好社区疫情防控的建议”的提案收悉。"
            "围绕环境整治、老旧小区改造等主题开展宣传。")
    got = document_practices(text)
    assert "疫情防控" not in got
    assert "老旧小区改造" not in got
    assert quoted_request_spans(text)


def test_unquoted_proposal_title_and_its_suggestions_do_not_count():
    text = ("您提出的关于推进智慧社区建设的建议收悉。"
            "本提案围绕服务短板，提出了推动制定居民公约、加大智能化治理水平等建议。")
    got = document_practices(text)
    assert "智慧社区" not in got
    assert "居民公约" not in got


def test_invalid_taxonomy_file_names_the_file(tmp_path):
    bad = tmp_path / "practices.json"
    bad.write_text(json.dumps({"practices": [{"name": "党建引领", "category": "x", "definition": "y"}]}),
                   encoding="utf-8")
    with pytest.raises(ConfigError, match="practices.json"):
        load_taxonomy(bad)


def test_bundled_file_is_the_default():
    assert TAXONOMY_PATH.name == "practices.json" and TAXONOMY_PATH.exists()
