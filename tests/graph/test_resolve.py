"""Entity resolution reads the extraction's one gazetteer: codes by name, decided by the parent where a
name is ambiguous, and nothing for the code table's placeholder rows (市辖区, 自治区直辖县级行政区划)."""
from __future__ import annotations

import pytest

from graph.resolve import canonical_agency_name, canonical_place_name, place_code
from loaders.reference import code_table, load_gazetteer


@pytest.mark.parametrize(("name", "parent", "code"), [
    ("濮阳市", None, "410900"),
    ("濮阳", None, "410900"),                 # 市 added
    ("湖北", None, "420000"),                 # 省 added
    ("鼓楼区", None, None),                   # Nanjing, Fuzhou, Kaifeng, Xuzhou: ambiguous
    ("鼓楼区", "320100", "320106"),           # the parent city decides
    ("鼓楼区", "320000", None),               # Jiangsu still has two
    ("市辖区", None, None),                   # placeholder rows are no places
    ("自治区直辖县级行政区划", None, None),
    ("不存在的地方", None, None),
])
def test_place_code(name, parent, code):
    assert place_code(name, parent) == code


def test_canonical_names_complete_a_bare_place():
    assert canonical_place_name("上海") == "上海市"
    assert canonical_place_name("望城区") == "望城区"
    assert canonical_agency_name("中共濮阳市委组织部") == "濮阳市委组织部"
    assert canonical_agency_name("上海民政局") == "上海市民政局"
    assert canonical_agency_name("中山大学") == "中山大学"


def test_the_gazetteer_is_the_code_table_without_placeholders():
    table = dict(code_table())
    gaz = load_gazetteer()
    assert set(gaz.by_code) < set(table)
    assert {table[c] for c in set(table) - set(gaz.by_code)} >= {"市辖区", "自治区直辖县级行政区划"}
    assert all(table[c] == p.name for c, p in gaz.by_code.items())
