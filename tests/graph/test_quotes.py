"""The quote of a fact (``graph.quotes.sentence_around``): the sentence that states it, or the shortest
run of sentences, starting and ending on sentence boundaries — never a paragraph cut mid-word."""
from __future__ import annotations

import pytest

from graph.delta import record_to_delta
from graph.quotes import QUOTE_MAX, sentence_around, sentence_ends
from loaders.record import DocumentMeta, ExtractionRecord, MeasureRec, MetricRec, PlaceRec, Span, doc_id_for

_ENDS = "。！？；!?;\n"
TEXT = ("一、基本情况\n　　2019年12月，市委成立社区治理工作领导小组，32个市直部门为成员单位；领导小组内设"
        "党建引领等6个工作专班。他说：“要建好网格。”随后全市划分网格1200个！下一步，将新建党群服务中心。")


def _on_boundaries(text: str, quote: str, start: int = 0) -> bool:
    pos = text.find(quote)
    while 0 <= pos and pos + len(quote) <= start:  # the occurrence holding the span
        pos = text.find(quote, pos + 1)
    closers = "”’」』）)】〕》\"'"
    before = text[:pos].rstrip(" \u3000\t\r")
    after = text[pos + len(quote):].lstrip(" \u3000\t\r")
    starts = not before or before[-1] in _ENDS + closers
    ends = not after or after[0] == "\n" or quote[-1] in _ENDS + closers
    return pos >= 0 and starts and ends


@pytest.mark.parametrize("needle,expected", [
    ("32个", "2019年12月，市委成立社区治理工作领导小组，32个市直部门为成员单位；"),
    ("6个", "领导小组内设党建引领等6个工作专班。"),
    ("网格", "他说：“要建好网格。”"),             # the closing quote stays with its sentence
    ("1200个", "随后全市划分网格1200个！"),
    ("基本情况", "一、基本情况"),
])
def test_the_quote_is_the_sentence(needle, expected):
    start = TEXT.index(needle)
    assert sentence_around(TEXT, start, start + len(needle)) == expected
    assert sentence_around(TEXT, start, start + len(needle), sentence_ends(TEXT)) == expected


def test_a_span_over_two_sentences_gets_both_and_nothing_more():
    start, end = TEXT.index("党建引领"), TEXT.index("要建好")
    assert sentence_around(TEXT, start, end) == "领导小组内设党建引领等6个工作专班。他说：“要建好网格。”"


def test_a_very_long_sentence_is_narrowed_to_clauses():
    clause = "组织居民开展议事协商活动" * 3
    text = "，".join([clause] * 60) + "，共建成议事厅88个，" + "，".join([clause] * 60) + "。"
    start = text.index("88个")
    quote = sentence_around(text, start, start + 3)
    assert "88个" in quote and len(quote) <= QUOTE_MAX + 3
    assert quote.startswith(clause) and quote.endswith("，")      # whole clauses, not cut mid-word


def test_corpus_quotes_start_and_end_on_sentence_boundaries(corpus_records):
    checked = 0
    for rec in corpus_records:
        delta = record_to_delta(rec)
        for row in [*delta.nodes.values(), *delta.rels.values()]:
            for _doc, start, end, quote in row.ev:
                if start >= end or len(quote) > QUOTE_MAX:
                    continue
                assert rec.text[start:end] in quote, (rec.source, quote)
                assert _on_boundaries(rec.text, quote, start), (rec.source, quote[:40], quote[-40:])
                checked += 1
    assert checked > 500


def _record(text: str, measures, metrics) -> ExtractionRecord:
    return ExtractionRecord(
        doc_id=doc_id_for(text), source="t.txt", text=text,
        document=DocumentMeta(kind="提案答复", subject_place="甲市"),
        places=[PlaceRec(name="甲市", level="city", role="subject"),
                PlaceRec(name="乙县", level="county", role="external")],
        measures=measures, metrics=metrics, practices=["网格化治理"])


def test_metrics_belong_to_their_own_place_and_plans_stay_plans():
    text = ("我市学习乙县网格化治理经验。乙县划分网格300个，群众满意率达98%。"
            "我市将于2025年建成网格500个。")
    span_a = Span(start=0, end=text.index("我市将"))
    span_b = Span(start=text.index("我市将"), end=len(text))
    measures = [MeasureRec(summary="学习乙县网格化治理经验", practices=["网格化治理"], place="甲市", span=span_a,
                           status="done"),
                MeasureRec(summary="建成网格500个", practices=["网格化治理"], place="甲市", span=span_b,
                           status="planned")]

    def metric(written: str, **kw) -> MetricRec:
        pos = text.index(written)
        return MetricRec(subject="网格", value=float(written[:-1]), unit=written[-1], as_written=written,
                         start=pos, end=pos + len(written), **kw)

    delta = record_to_delta(_record(text, measures, [metric("300个", place="乙县", status="done"),
                                                     metric("500个")]))
    places = {row.id: row.props["name"] for row in delta.nodes.values() if row.label == "Place"}
    for_place = {delta.nodes[s].props["as_written"]: places[e] for (k, s, e) in delta.rels if k == "FOR_PLACE"}
    assert for_place == {"300个": "乙县", "500个": "甲市"}
    metrics = {r.props["as_written"]: r.props for r in delta.nodes.values() if r.label == "Metric"}
    assert metrics["500个"]["status"] == "planned"            # no status in the record: its measure's
    assert metrics["300个"]["status"] == "done" and metrics["300个"]["practices"] == ["网格化治理"]


def test_a_measure_cites_the_sentence_of_its_summary_and_its_practice_sentence():
    text = "（二）基层党建全面提升。全市成立小区党支部120个；推行网格化治理，划分网格300个。"
    span = Span(start=0, end=len(text))
    ms = MeasureRec(summary="基层党建全面提升", practices=["网格化治理", "小区党支部"], span=span, status="done")
    delta = record_to_delta(_record(text, [ms], []))
    (node,) = [r for r in delta.nodes.values() if r.label == "Measure"]
    assert [q for *_x, q in node.ev] == ["（二）基层党建全面提升。"]
    inst = {delta.nodes[e].props["name"]: r.ev[0][3] for (k, s, e), r in delta.rels.items() if k == "INSTANCE_OF"}
    assert inst == {"网格化治理": "推行网格化治理，划分网格300个。", "小区党支部": "全市成立小区党支部120个；"}


def test_a_figure_counting_a_list_does_not_measure_the_listed_practice():
    text = ("领导小组内设党建引领、经费保障、居民自治等6个工作专班。全市推行网格化治理，划分网格300个。"
            "新成立志愿队16个，党员到居住地网格报到。")
    span = Span(start=0, end=len(text))
    ms = MeasureRec(summary="领导小组内设党建引领", practices=["党建引领", "网格化治理"], span=span, status="done")

    def metric(written: str) -> MetricRec:
        pos = text.index(written)
        return MetricRec(value=float(written[:-1]), unit=written[-1], as_written=written, start=pos,
                         end=pos + len(written))

    delta = record_to_delta(_record(text, [ms], [metric("6个"), metric("300个"), metric("16个")]))
    measured = {r.props["as_written"]: r.props["practices"] for r in delta.nodes.values() if r.label == "Metric"}
    # 16个 comes before the clause that names 网格: it counts 志愿队, not the grid
    assert measured == {"6个": [], "300个": ["网格化治理"], "16个": []}


def test_a_practice_named_inside_one_item_of_a_counted_list_is_not_measured():
    """“…智慧化、城市老旧小区网格化治理等9个项目” counts projects, whichever words of its item name the practice."""
    text = "全市实施平台建设智慧化、老旧小区网格化治理等9个书记项目。全市推行网格化治理，划分网格300个。"
    span = Span(start=0, end=len(text))
    ms = MeasureRec(summary="实施书记项目", practices=["网格化治理"], span=span, status="done")

    def metric(written: str) -> MetricRec:
        pos = text.index(written)
        return MetricRec(value=float(written[:-1]), unit=written[-1], as_written=written, start=pos,
                         end=pos + len(written))

    delta = record_to_delta(_record(text, [ms], [metric("9个"), metric("300个")]))
    measured = {r.props["as_written"]: r.props["practices"] for r in delta.nodes.values() if r.label == "Metric"}
    assert measured == {"9个": [], "300个": ["网格化治理"]}
