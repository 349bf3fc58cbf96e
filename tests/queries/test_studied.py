"""A practice the documents only show a place studying elsewhere is worded as such (city_profile)."""
from __future__ import annotations

from loaders.extract.pipeline import extract_text
from queries import registry
from tests.support.stores import loaded_alone

_TEXT = ("襄阳市民政局关于2023年社区治理工作的报告\n\n今年以来，襄阳市推行网格化治理，全市划分网格300个。"
         "市政府要求各县区学习借鉴，学习宁波市“红色业委会”机制，推动小区治理。\n")


def test_a_scheme_only_studied_is_marked_studied_and_the_own_work_is_not():
    rec = extract_text(_TEXT, "t.txt")
    store = loaded_alone([rec])
    rows = {r["name"]: r for r in registry.run(store, "city_profile", {"place": "襄阳市"}) if r["section"] == "practice"}
    assert rows["业委会组建"]["status"] == "studied" and "宁波市" in rows["业委会组建"]["quote"]
    assert rows["网格化治理"]["status"] is None and "划分网格300个" in rows["网格化治理"]["quote"]
