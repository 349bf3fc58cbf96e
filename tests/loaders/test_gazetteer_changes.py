"""The gazetteer after cpca's snapshot: the table of administrative changes (admin_changes.csv) read
after cpca's rows — new units resolve alone and under their city, replaced units under their old
names, a bad row is one ConfigError naming the file and the line."""
from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

from govkg.errors import ConfigError
from loaders.extract.gazetteer import (
    CHANGE_KINDS,
    Gazetteer,
    _merge,
    _places,
    admin_changes,
    code_table,
    former_names,
    load_gazetteer,
    read_admin_changes,
)
from loaders.extract.pipeline import extract_text
from loaders.extract.places import admin_mentions

REPO = Path(__file__).resolve().parents[2]
HEADER = "code,name,parent,change,replaces,year,source\n"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _names(text: str, subject: str | None = None) -> list[tuple[str, str]]:
    g = load_gazetteer()
    return [(m.as_written, g.full_name(m.code)) for m in admin_mentions(text, g.code_for_full_name(subject))]


@pytest.mark.parametrize("text,subject,expected", [
    ("信都区推进社区治理", None, [("信都区", "邢台市信都区")]),             # 2020: 邢台县、桥西区 → 信都区
    ("邢台市信都区推进社区治理", None, [("邢台市信都区", "邢台市信都区")]),
    ("红谷滩区卫东街道开展活动", "南昌市", [("红谷滩区", "南昌市红谷滩区")]),  # 2019: 新设
    ("临平区开展邻里节", None, [("临平区", "杭州市临平区")]),               # 2021: 新设
    ("即墨区社区治理经验", None, [("即墨区", "青岛市即墨区")]),              # 2017: 撤市设区
    ("色尼区组织开展", None, [("色尼区", "那曲市色尼区")]),                  # 2017: 那曲地区 → 那曲市
])
def test_new_units_resolve_alone_and_under_their_city(text, subject, expected):
    assert _names(text, subject) == expected


@pytest.mark.parametrize("text,subject,expected", [
    ("梧州市蝶山区东兴社区", None, [("梧州市蝶山区", "梧州市蝶山区")]),       # abolished in 2013
    ("蝶山区东兴社区", "梧州市", [("蝶山区", "梧州市蝶山区")]),
    ("南昌市湾里区", None, [("南昌市湾里区", "南昌市湾里区")]),              # merged into 新建区, 2019
    ("邢台市桥东区", None, [("邢台市桥东区", "邢台市襄都区")]),              # its code went to 襄都区
])
def test_replaced_units_resolve_under_their_old_names(text, subject, expected):
    assert _names(text, subject) == expected


def test_codes_stay_stable_and_recoded_units_are_one_place(gaz):
    assert gaz.code_for_full_name("邢台市信都区") == "130503"
    assert gaz.code_for_full_name("梧州市蝶山区") == "450404"
    assert gaz.code_for_full_name("邢台市桥东区") == "130502" == gaz.code_for_full_name("邢台市襄都区")
    assert gaz.by_name["友好区"] == ["230719"]                 # 230704 友好区 → 230719, the same unit
    assert gaz.by_name["三元区"] == ["350404"]                 # 梅列区 + 三元区 → the new 三元区
    assert gaz.by_code["540621"].parent == "540600"            # 嘉黎县 under the new 那曲市
    assert "542422" not in gaz.by_code and "230704" not in gaz.by_code
    assert gaz.full_name("371202") == "莱芜市莱城区"            # 莱芜市 (abolished 2019) keeps its districts


def test_a_new_unit_is_the_documents_subject_place():
    record = extract_text("信都区：推进党建引领社区治理。近日，信都区召开社区治理工作推进会，信都区崇信社区"
                          "介绍了经验。", "t")
    assert record.document.subject_place == "邢台市信都区"
    assert ("崇信社区", "邢台市信都区") in {(p.name, p.parent) for p in record.places}


def test_a_short_alias_gives_way_to_a_full_name_across_its_end(gaz):
    # 建安 (许昌市建安区, 2016) must not eat the 安 of 安宁市
    hits = [(h.surface, h.start) for h in gaz.scan("改扩建安宁市昆钢实验学校食堂")]
    assert hits == [("安宁市", 3)]
    assert [(h.surface, h.is_alias) for h in gaz.scan("赴建安考察")] == [("建安", True)]


def test_the_table_rows_are_checked_against_the_code_table():
    table = dict(code_table())
    g = load_gazetteer()
    rows = admin_changes()
    assert len(rows) > 100 and {r.change for r in rows} <= set(CHANGE_KINDS)
    for row in rows:
        assert table[row.code] == row.name, row
        assert g.by_code[row.code].parent == row.parent, row
        assert 2010 <= row.year <= 2025 and row.source.startswith("http")
    assert former_names() == {"桥东区": "130502", "桥西区": "130503"}


def test_merge_applies_renames_recodes_and_keeps_former_units(tmp_path):
    cpca = (("130500", "邢台市"), ("130502", "桥东区"), ("130521", "邢台县"), ("230704", "友好区"))
    path = tmp_path / "changes.csv"
    path.write_text(HEADER + "130502,襄都区,130500,合并,130502:桥东区,2020,https://example.org/a\n"
                    "230719,友好区,230700,合并,230704:友好区,2019,https://example.org/b\n"
                    "130503,信都区,130500,合并,130521:邢台县,2020,https://example.org/c\n", encoding="utf-8")
    rows = read_admin_changes(path)
    merged, former = _merge(cpca, rows)
    assert dict(merged) == {"130500": "邢台市", "130502": "襄都区", "130521": "邢台县", "130503": "信都区",
                            "230719": "友好区"}
    assert former == {"桥东区": "130502"}
    gaz = Gazetteer(_places(merged, {r.code: r.parent for r in rows}), former=former)
    assert gaz.code_for_full_name("邢台市桥东区") == "130502"
    assert gaz.full_name("130521") == "邢台市邢台县"


@pytest.mark.parametrize("body,line,words", [
    ("13050,信都区,130500,合并,,2020,https://e.org\n", 2, "6位数字"),
    ("130503,信都区,130500,改名,,2020,https://e.org\n", 2, "变更类型"),
    ("130503,信都区,140500,合并,,2020,https://e.org\n", 2, "上级代码"),
    ("130503,信都区,130500,合并,130521-邢台县,2020,https://e.org\n", 2, "被替代单位"),
    ("130503,信都区,130500,合并,,二〇二〇,https://e.org\n", 2, "年份"),
    ("130503,信都区,130500,合并,,2020,民政部\n", 2, "来源"),
    ("130503,信都区,130500,合并,,2020\n", 2, "列"),
    ("130503,信都区,130500,合并,,2020,https://e.org\n130503,信都区,130500,合并,,2020,https://e.org\n",
     3, "第 3 行"),
])
def test_a_bad_row_is_one_error_naming_the_file_and_line(tmp_path, body, line, words):
    path = tmp_path / "admin_changes.csv"
    path.write_text(HEADER + "130502,襄都区,130500,合并,130502:桥东区,2020,https://e.org\n" + body,
                    encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_admin_changes(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line + 1}: ") and words in message and "\n" not in message


def test_a_bad_header_is_an_error(tmp_path):
    path = tmp_path / "admin_changes.csv"
    path.write_text("code,name\n130503,信都区\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r":1: 表头"):
        read_admin_changes(path)


def test_the_table_ships_with_the_package():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[tool.setuptools.package-data]")[1]
    line = re.search(r"^loaders = \[(.*)\]$", section, re.MULTILINE)
    globs = re.findall(r'"([^"]+)"', line.group(1))
    assert any(fnmatch.fnmatch("extract/admin_changes.csv", g) for g in globs)


@pytest.mark.parametrize("written,official", [
    ("东乡县", "东乡族自治县"),    # a county named for its people alone, written short + 县 (and an old name of 抚州's 东乡区)
    ("鄂温克旗", "鄂温克族自治旗"),
])
def test_a_unit_named_for_its_people_alone_is_written_by_the_peoples_name(written, official):
    from loaders.extract.places import admin_mentions
    gaz = load_gazetteer()
    mentions = admin_mentions(f"近日，{written}召开网格化服务管理工作推进会。", None, gaz)
    assert [gaz.by_code[m.code].name for m in mentions] == [official]


def test_a_people_in_a_list_of_peoples_is_no_place():
    # 东乡 is 东乡族自治县's short form and a people's name: among peoples it names no county
    from loaders.extract.places import admin_mentions
    for text in ("临夏州让汉、回、东乡、保安等多个民族群众共同参与治理。", "临夏州某小区居住着汉、回、东乡等8个民族群众。"):
        assert admin_mentions(text, "622900", load_gazetteer())[1:] == []
