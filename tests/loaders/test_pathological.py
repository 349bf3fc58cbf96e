"""Pathological inputs stay linear (issue 6): each extracts in bounded time with valid offsets.

Sizes are those of the issue (10k quoted phrases, a 1M-character line, 10k titles); a quadratic
step on any of them takes minutes, a linear one well under a second or two. The generous
per-test timeouts turn a regression into a failure without timing asserts.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.pipeline import extract_text
from loaders.record import ExtractionRecord

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _one_line(size: int) -> str:
    """Real reply text with every line break removed, repeated to ``size`` characters."""
    body = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in sorted(CORPUS.glob("*.txt")))
    return (body * (size // len(body) + 1))[:size]


CASES = {
    "10k-quoted-phrases": lambda: "“社区”" * 10_000,
    "10k-quoted-names-in-clauses": lambda: "建立“社区议事”机制，" * 10_000,
    "1M-char-single-line": lambda: _one_line(1_000_000),
    "10k-titles": lambda: "《社区治理办法》" * 10_000,
    "10k-names-quoted-in-speech": lambda: "“社区深化‘邻里·家’品牌，‘院坝会’也办起来了。”" * 10_000,
    "10k-clauses-headed-by-places": lambda: "在澜湖社区，凤凰街道推行“邻里守望”机制，该社区首创“院坝会”，" * 10_000,
    "10k-titles-after-a-verb": lambda: "根据市民政局印发《社区治理办法》" * 10_000,
    "deep-bracket-nesting": lambda: "（“《【" * 10_000 + "社区" + "】》”）" * 10_000,
    "unclosed-brackets": lambda: "（" * 10_000 + "《" * 10_000 + "“" * 10_000,
    "digits-and-units": lambda: "12345万元3个100%2021年" * 10_000,
    "digits-only": lambda: "1234567890" * 100_000,
    "10k-inline-items": lambda: "一是加强。" * 10_000,
    "10k-nested-headings": lambda: "一、社区\n（一）治理\n1.加强\n" * 10_000,
    "10k-places": lambda: "濮阳市华龙区中原路街道建设社区、" * 10_000,
    "items-between-whitespace": lambda: "一是加强。" + " " * 200_000 + "二是推进。",
    "10k-lead-paragraphs": lambda: "聚焦社区服务 提升满意度\n" + "实施清单减负，出台社区工作清单，明确具体工作事项和流程。\n" * 10_000,
    "10k-headings-and-lead-paragraphs": lambda: ("一、主要做法\n实施清单减负。出台社区工作清单，明确具体工作事项和流程。\n"
                                                "强化党建引领 夯实基层基础\n") * 10_000,
}


def _check_offsets(rec: ExtractionRecord) -> None:
    text, n = rec.text, len(rec.text)
    for group in (rec.places, rec.agencies, rec.policies, rec.named_models):
        for item in group:
            for m in item.mentions:
                assert 0 <= m.start <= m.end <= n
                if m.as_written is not None:
                    assert text[m.start:m.end] == m.as_written
    for mt in rec.metrics:
        assert text[mt.start:mt.end] == mt.as_written
    for ms in rec.measures:
        assert 0 <= ms.span.start < ms.span.end <= n
    for lr in rec.learning:
        assert lr.span is None or 0 <= lr.span.start <= lr.span.end <= n


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", sorted(CASES))
def test_extracts_in_bounded_time_with_valid_offsets(case):
    text = CASES[case]()
    rec = extract_text(text, f"pathological/{case}")
    assert rec.text == text
    _check_offsets(rec)


@pytest.mark.timeout(60)
def test_quoted_phrases_found_once_each():
    rec = extract_text("建立“社区议事”机制，" * 10_000, "q")
    (model,) = [m for m in rec.named_models if m.name == "社区议事"]
    assert len(model.mentions) == 10_000


@pytest.mark.timeout(60)
def test_figures_in_one_long_clause_are_all_found():
    # (from 1: a zero count is not a figure)
    text = "2021年" + "".join(f"投入资金{i}万元" for i in range(1, 10_001))
    rec = extract_text(text, "d")
    assert [m.value for m in rec.metrics] == [float(i) for i in range(1, 10_001)]
    assert {m.year for m in rec.metrics} == {2021} and {m.unit for m in rec.metrics} == {"万元"}
