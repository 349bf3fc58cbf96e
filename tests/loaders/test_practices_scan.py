"""The one-pass cue scanner yields exactly what each practice pattern's ``finditer`` yields."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.extract.cue_scan import CueScanner, literal_prefixes
from loaders.extract.practices import load_taxonomy

CORPUS = sorted(Path(__file__).resolve().parents[2].joinpath("data", "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def _expected(tax, text):
    return [[m.span() for m in p.pattern.finditer(text)] for p in tax.practices]


@pytest.mark.parametrize(("pattern", "prefixes"), [
    ("网格", {"网格"}),
    ("大党?工委", {"大党工委", "大工委"}),
    ("(?:居住地|社区)[^，。；]{0,8}报到", {"居住地", "社区"}),
    ("[三五]社联动", {"三社联动", "五社联动"}),
    ("(?<!证明)事项清单", {"事项清单"}),
    ("(?=[甲乙])(?:甲乙|乙)", {"甲乙", "乙"}),
    ("小区(?:（网格）)?党?支部", {"小区（网", "小区党支", "小区支部"}),
])
def test_literal_prefixes(pattern, prefixes):
    assert literal_prefixes(pattern) == prefixes


@pytest.mark.parametrize("pattern", [".网格", "[^，]网格", r"\w+社区", "(?i)abc", "a*b", "(?:社区)?"])
def test_no_prefix_when_a_match_may_start_anywhere(pattern):
    assert literal_prefixes(pattern) is None


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_scan_equals_finditer_on_corpus(taxonomy, path):
    text = path.read_text(encoding="utf-8")
    assert taxonomy.scan(text) == _expected(taxonomy, text)


def test_fallback_patterns_are_scanned_too():
    pats = [re.compile(r".社区"), re.compile("网格"), re.compile("(?i)ab")]
    got = CueScanner(pats).scan("Ab网格社区社区ab")
    assert got == [[m.span() for m in p.finditer("Ab网格社区社区ab")] for p in pats]
    assert got[0] and got[1] and got[2]


# text built from cue fragments, so that hits overlap, nest and abut
_PIECES = ["网格", "党支部", "小区", "（网格）", "社区", "居住地", "报到", "证明", "事项清单", "大党", "工委",
           "三治", "”", "融合", "自治", "、", "法治", "德治", "志愿者", "队伍", "培训", "社区工作者", "。", "，",
           "围绕", "物业", "管理", "红色", "业委会", "组建", "成立", "经费", "阵地", "a", "1"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_scan_equals_finditer_on_cue_soup(pieces):
    tax = load_taxonomy()
    text = "".join(pieces)
    assert tax.scan(text) == _expected(tax, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_any_match_is_whether_finditer_finds_one(pieces):
    tax = load_taxonomy()
    text = "".join(pieces)
    want = [any(True for _m in p.pattern.finditer(text)) for p in tax.practices]
    assert tax.match(text) == [p.name for p, found in zip(tax.practices, want) if found]
    assert CueScanner([p.pattern for p in tax.practices]).any_match(text) == want
