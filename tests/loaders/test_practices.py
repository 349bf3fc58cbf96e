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
])
def test_cues(text, expected):
    assert expected in load_taxonomy().match(text)


def test_proposal_quotes_and_theme_lists_do_not_count():
    text = ("您提出的“关于做好社区疫情防控的建议”的提案收悉。"
            "围绕环境整治、老旧小区改造等主题开展宣传。")
    got = document_practices(text)
    assert "疫情防控" not in got
    assert "老旧小区改造" not in got
    assert quoted_request_spans(text)


def test_invalid_taxonomy_file_names_the_file(tmp_path):
    bad = tmp_path / "practices.json"
    bad.write_text(json.dumps({"practices": [{"name": "党建引领", "category": "x", "definition": "y"}]}),
                   encoding="utf-8")
    with pytest.raises(ConfigError, match="practices.json"):
        load_taxonomy(bad)


def test_bundled_file_is_the_default():
    assert TAXONOMY_PATH.name == "practices.json" and TAXONOMY_PATH.exists()
