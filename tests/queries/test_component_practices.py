"""Which of a named model's practices each of its components speaks of (queries/named_model.component_practices)."""
from __future__ import annotations

import pytest

from queries.named_model import component_practices


@pytest.mark.parametrize("component,practices,expected", [
    # a word every governance text uses (居民, 社区, 治理) says nothing of which practice is meant
    ("社区居民需求", ["居民议事协商", "在职党员双报到"], []),
    ("居民提单", ["居民议事协商", "网格化治理"], []),
    # words of the practice itself do
    ("居民议事会", ["居民议事协商", "居民公约"], ["居民议事协商"]),
    ("制定居民公约", ["居民议事协商", "居民公约"], ["居民公约"]),
    ("网格员接单", ["居民议事协商", "网格化治理"], ["网格化治理"]),
    # a practice's cue the component holds, not a word it shares with another practice (事项 of 证明事项清理)
    ("社区工作事项清单", ["社区减负清单", "证明事项清理"], ["社区减负清单"]),
])
def test_a_component_maps_to_the_practices_its_own_words_name(component, practices, expected):
    assert component_practices(component, practices) == expected


def test_a_component_naming_another_practice_is_no_bigram_match():
    """小区志愿者 (audit 21): it names 志愿服务, which the model is not linked to — sharing 小区 with 小区党支部 does not make it
    that; a component naming no practice still maps by a shared bigram."""
    assert component_practices("小区志愿者", ["小区党支部"]) == []
    assert component_practices("小区自管会", ["小区党支部"]) == ["小区党支部"]


def test_a_bigram_across_a_generic_word_and_the_next_is_no_match():
    """社区党组织 (audit 22): its 区党 is the end of 社区 and the start of 党组织, no word of either — it does not make the
    component 小区党支部 (whose 区党 is 小区's and 党支部's); a bigram inside the next word still matches."""
    assert component_practices("社区党组织", ["小区党支部", "网格化治理"]) == []
    assert component_practices("社区党支部", ["小区党支部"]) == ["小区党支部"]
