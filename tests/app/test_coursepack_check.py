"""A citation must contain its fact (issue 12): ``govkg.coursepack.check.citation_mismatches`` finds
every cited quote that does not hold what it is cited for, and a course pack for EVERY practice of
the bundled corpus (exemplar places chosen by the pack, as a trainer who picks only the practice
gets them) has none — nor do the two-place packs of the issue."""
from __future__ import annotations

import pytest

from govkg.coursepack import assemble_pack
from govkg.coursepack.check import citation_mismatches, fold
from govkg.coursepack.model import CasePack, Citation, Fact, Section, Table

Q_MEASURE = "（一）上下贯通、左右协同的社区治理工作领导协调体系已经建立。"
Q_OTHER = "领导小组内设党建引领等6个工作专班。"


def _pack(*facts: Fact, table: Table | None = None) -> CasePack:
    return CasePack("t", "", (Section("s", facts=facts, table=table),))


def _ev(quote: str) -> Citation:
    return Citation.of("d" * 16, 0, 2, quote, "题")


def test_a_quote_holding_the_fact_passes():
    assert citation_mismatches(_pack(Fact("上下贯通、左右协同的社区治理工作领导协调体系已经建立", (_ev(Q_MEASURE),),
                                          items=("上下贯通、左右协同的社区治理工作领导协调体系已经建立",)))) == []


def test_a_measure_citing_another_sentence_fails():
    # the defect of issue 12: a cell's measures all cited the cell's one quote
    bad = _pack(Fact("探索推进区域共联共建", (_ev(Q_OTHER),), items=("探索推进区域共联共建",)))
    (m,) = [x for x in citation_mismatches(bad) if x.quote]
    assert m.quote == Q_OTHER and "探索推进区域共联共建" in m.missing


def test_every_citation_must_hold_part_and_every_part_must_be_held():
    two = _pack(Fact("构成：甲；乙", (_ev("包括甲。"), _ev("另有丙。")), items=("甲", "乙")))
    missing = {m.missing for m in citation_mismatches(two)}
    assert "乙" in missing and any("甲" in x for x in missing)


def test_a_practice_is_found_by_name_alias_or_cue_and_a_table_row_by_its_practices():
    assert citation_mismatches(_pack(Fact("做法：网格化治理", (_ev("全市划分网格1200个。"),),
                                          practices=("网格化治理",)))) == []
    table = Table(("地方", "网格化治理"), (("甲市", "有具体描述"),), ((_ev("高度重视社区工作。"),),))
    assert {m.missing for m in citation_mismatches(_pack(table=table))} == {"网格化治理"}


def test_a_table_row_that_grades_without_a_citation_is_flagged():
    table = Table(("地方", "居民公约"), (("甲市", "有具体描述"),), ((),))
    assert {m.missing for m in citation_mismatches(_pack(table=table))} == {"居民公约"}


def test_a_quote_in_traditional_characters_names_the_practice_by_its_cues():
    table = Table(("地方", "居民公约"), (("甲市", "有具体描述"),), ((_ev("工作組指導小區成立自管委，制定《鄰里公約》。"),),))
    assert citation_mismatches(_pack(table=table)) == []
    # a mirror page's pinyin after some characters (經(jīng)費) does not hide the cue
    table = Table(("地方", "社区经费保障"), (("甲县", "有具体描述"),), ((_ev("一、建立社區(qū)專項(xiàng)經(jīng)費投入制度。"),),))
    assert citation_mismatches(_pack(table=table)) == []


def test_a_fact_that_claims_nothing_checkable_is_flagged():
    assert citation_mismatches(_pack(Fact("泛泛而谈", (_ev(Q_OTHER),))))


def test_fold_ignores_widths_spaces_and_quote_marks():
    assert fold("“五社联动” １２ 个") == fold('"五社联动"12个') == fold("五社联动12个")


@pytest.fixture(scope="module")
def runner(govkg_home):
    from app.runtime import open_configured_store, query_runner

    return query_runner(open_configured_store())


def _corpus_practices(runner) -> list[str]:
    return sorted(r["name"] for r in runner("inventory", {}) if r["section"] == "practice" and r["count"])


def test_a_pack_for_every_practice_cites_only_quotes_that_hold_its_facts(runner):
    from govkg.coursepack.gather import gather

    practices = _corpus_practices(runner)
    assert len(practices) >= 20
    problems = []
    for practice in practices:
        pack = assemble_pack(gather(runner, [practice]))
        assert pack.all_facts(), practice
        problems += [f"{practice}: {m.where}: {m.fact[:60]} ← “{m.quote[:60]}” lacks {m.missing[:40]}"
                     for m in citation_mismatches(pack)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("practices,places", [
    (["党建引领"], ["濮阳市", "潜江市"]),
    (["红色物业"], ["濮阳", "长沙市望城区"]),            # an alias works like the name
    (["网格化治理", "居民议事协商"], ["濮阳市", "鄂州市", "咸宁市"]),
])
def test_packs_for_chosen_places_hold_their_facts(runner, practices, places):
    from govkg.coursepack.gather import gather

    pack = assemble_pack(gather(runner, practices, places))
    assert citation_mismatches(pack) == []
    assert all(e.doc_title and e.doc_title != e.doc_id for e in pack.citations())   # titles, never ids
