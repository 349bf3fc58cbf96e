"""The normalizer: golden cases for each repair, and hypothesis properties."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.read.normalize import display_width, normalize_text, wrap_width

WRAPPED = (
    "我市坚持系统谋划统筹推进按照市级统筹部门联动县县互通整体提升总步调强化实验举措全\n"
    "面开展社区治理实验区创建工作市级安排实验区专项建设经费四百万元整合投入城市社区建\n"
    "设资金形成了社区服务综合体三轮驱动发展社区工作者六统一社区协商公共空间等实验亮点\n"
    "有效提升了能力。\n"
    "一、标题行\n"
    "正文开始"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
        ("潜 江 市 民 政 局\n", "潜江市民政局\n"),
        ("答  复\n", "答复\n"),
        ("签发人：冯  勇", "签发人：冯勇"),
        ("\u3000潜\u3000江\u3000市", "\u3000潜江市"),
        # multi-character words separated by a space are prose, not a spaced-out header
        ("王娟 委员：", "王娟 委员："),
        ("第T080号提案的答  复", "第T080号提案的答  复"),
        ("经费 400 万元", "经费 400 万元"),
        ("尾随空格   \n下一行\t\u3000", "尾随空格\n下一行"),
        ("甲\n\n\n\n\n\n乙", "甲\n\n\n乙"),
        ("甲\n\n\n乙", "甲\n\n\n乙"),
        ("，；：“”（）《》", "，；：“”（）《》"),
        ("e\u0301", "\u00e9"),
    ],
)
def test_golden(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_rejoins_hard_wrapped_paragraph_but_keeps_headings() -> None:
    out = normalize_text(WRAPPED)
    lines = out.split("\n")
    assert lines[0].startswith("我市坚持") and lines[0].endswith("有效提升了能力。")
    assert "全面开展" in lines[0] and "社区建设资金" in lines[0]
    assert lines[1:] == ["一、标题行", "正文开始"]


def test_one_line_per_paragraph_text_is_left_alone() -> None:
    # Headings of similar width between long paragraphs: not a hard-wrapped document.
    para = "完善基层社会治理制度体系，" * 20 + "。"
    text = "\n".join(f"聚焦补齐短板{i} 释放治理效能\n{para}" for i in range(5))
    assert normalize_text(text) == text


def test_sentence_end_and_list_items_stay() -> None:
    wrapped_line = "社区治理工作领导小组全部建立并制定工作方案发挥领导协调本地社区治"
    text = "\n".join([wrapped_line + "理。", wrapped_line, "（一）上下贯通", wrapped_line, "一是突出党建", wrapped_line, "末行"])
    lines = normalize_text(text).split("\n")
    assert "（一）上下贯通" in lines and "一是突出党建" in lines
    assert lines[0].endswith("。")


def test_wrap_width_needs_evidence() -> None:
    lines = ["短行", "甲乙"]
    assert wrap_width(lines, [0]) is None
    assert display_width("中a") == 3


def test_bundled_corpus_changes_only_layout(corpus_paths) -> None:
    for path in corpus_paths:
        raw = path.read_text(encoding="utf-8")
        out = normalize_text(raw)
        squeeze = str.maketrans("", "", " \t\u3000\n\r")
        assert out.translate(squeeze) == unicodedata.normalize("NFC", raw).translate(squeeze), path


_alphabet = st.sampled_from(
    list("社区治理党建引领网格化居民议事协商潜江市民政局的了是在")
    + list("，。；：！？、“”《》（）")
    + [" ", "  ", "\u3000", "\n", "\n\n", "\r\n", "\r", "\t", "\u2028", "a", "1", "e\u0301", "\u0301", "_"]
)
_texts = st.one_of(st.text(), st.lists(_alphabet, max_size=300).map("".join))


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_idempotent_and_nfc(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="社区治理党建引领网格化居民议事协商，、", min_size=28, max_size=34), min_size=3,
                max_size=12))
def test_idempotent_on_wrapped_blocks(lines: list[str]) -> None:
    text = "\n".join(lines) + "。\n标题\n"
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once.replace("\n", "") == text.replace("\n", "")
