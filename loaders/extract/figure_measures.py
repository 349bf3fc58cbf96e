"""Extraction step: a practice's cited sentence that reports a result figure of it is a measure.

Measures are the items a document enumerates and its lead paragraphs (``measures``). A news feature often
reports work in running text: the sentence the practice is cited by (``ctx.practice_mentions``) may itself
hold what was done and how much (``成立业主委员会49个``, ``选举成立业委会143个``, ``注册志愿者超过89万人``), yet
no measure holds it, so no figure measured the practice and the place was graded on its words alone. Such a
sentence is a measure of that practice: its figure is then one the graph reads as measuring the practice
(``Metric.practices``, docs/graph.md), the grade quantified.

A sentence counts where the cue stands in the same clause as a figure that is a result (not a target,
plan or standard) about the subject or a place within it, no measure covers the cue, the cue is not in a
plan or a statement that the subject studies another place, nor the whole of a bracket glossing the noun before it
(``到居住地小区（网格）报到``: where people report, not grid work), and the clause is not what a place has
(``辖15个小区``: size, not work; ``已有…`` reports what was reached).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from loaders.extract.attribution import Attribution
from loaders.extract.context import Context
from loaders.extract.practice_mentions import within_subject
from loaders.extract.text_utils import SIGN_NOUNS, stop_at_or_after, stop_before, without_pinyin
from loaders.record import MeasureRec, MetricRec, Span

__all__ = ["extract_figure_measures"]

_CLAUSE_STOPS = "，,；;：:。！？!?\n"
_SENTENCE_STOPS = "。；;！？!?\n"
# what a place has or lacks, not work done (辖15个小区, 共有老旧小区144个, 137个小区未纳入…)
# (已有 reports what has been reached: 全区已有5300余名党员到社区报到; 中有 picks the part of a whole that did the work:
# 28个小区中有24个成立业委会)
_HOLDS = re.compile(r"辖|共有|拥有|现有|(?<![已中])有(?=\d)|未|尚未|没有|仍有")
# a target or a task to come (3年实现…全覆盖, 今年内要完成20个…任务): no result
_TARGET = re.compile(r"\d+年(?:内|来)?实现|力争|争取|目标|要完成|任务|计划"
                     # (a survey answered, 400名社区工作者与下沉党员完成问卷: who replied, no result of the work)
                     r"|问卷|调查表|答卷")
# the clause reports something done: one of the verbs of work (a clause of a figure and a noun alone,
# ``8个网格``, ``殷俊峰等20余名青年志愿者``, states no work)
_DONE = re.compile(r"成立|建立|组建|建成|设立|设置|开展|完成|实施|打造|注册|发展|培育|招募|聘请|配备|选派|选聘|选配|派驻|发放|解决|划分|覆盖|"
                   r"新增|投入|安排|清理|移交|取消|选举|确定|举办|引导|报到|认领|下沉|改造|新建|建设|培训|捐款|捐赠|捐助|"
                   r"调整(?=为|成)|整合(?=为|成)")
# the cue's clause says by what means the next clause's work was done (某社区通过“双报到”机制，组织200名在职党员…捐款4300元)
_MEANS = re.compile(r"通过|依托|借助|运用|利用")
# what names funds in a figure's label (年办公经费, 工作补助资金; the steps read text folded to simplified characters), and
# words that say the sum is lacking or still needed
_FUNDS = re.compile(r"经费|资金|补助|补贴")
_LACKING = re.compile(r"缺|不足|欠|需要|需|亟")
_MAX_SUMMARY = 30
# a figure that counts signs (设置社区党群服务中心1处标识, 悬挂牌匾3块): the sign names the centre, it is no centre built
_SIGNS = re.compile(r"\s*(?:块|面|个|处)?(?:" + SIGN_NOUNS + ")")
_SIGNS_LABEL = re.compile(r"(?:" + SIGN_NOUNS + ")$")
_LIST = re.compile(r"[、等]")
# a list or rule the cue's clause issues (出台社区减负“211”清单), then what it cut in the next clause (取消社区证明事项37个): the
# list's own result (``graph.delta`` reads the figure as measuring the list's practice by the same words)
ISSUING = r"出台|制定|印发|编制|推行|实行|建立"
LISTED_RULE = r"清单|目录|办法|制度|规定|细则"
LIST_CUT = re.compile(r"\s*(?:共|累计|先后|全面|分批)?(?:取消|清理|精简|削减|压减|减少|撤销|整合)")
_ISSUES = re.compile(ISSUING)
_LISTED_RULE = re.compile(LISTED_RULE)
# party organisations a clause sets up (建立小区党支部1275个, 推动成立2个独立物业企业党支部): the work of party building itself
# (``graph.delta`` reads a figure of them so too)
PARTY_BUILDING = "党建引领"
PARTY_ORGS = r"党支部|党组织|党小组|党总支|党委|党工委"
SETS_UP = r"成立|组建|建立|新建|设立|单建|联建"
_PARTY_ORGS_SET_UP = re.compile(r"(?:" + SETS_UP + r")[^，,；;：:。！？!?\n]{0,16}?(?:" + PARTY_ORGS + r")(?![书委])")


def _funds_given(figures: list, words: str) -> bool:
    """An amount of funds (年办公经费2万元, 运转经费每年5万元): the funding the place is given, a result without a verb of
    work — not a sum still lacking or needed (尚缺经费3万元)."""
    return not _LACKING.search(words) and any(
        mt.unit.endswith(("元", "元/年", "元/月", "元/个")) and mt.subject and _FUNDS.search(mt.subject) for mt in figures)


def _signs(text: str, mt: MetricRec) -> bool:
    """Does the figure count signs (设置党群服务中心1处标识, 更换牌匾3块)? Then it measures no centre or other thing the
    signs name."""
    return bool(_SIGNS.match(text, mt.end) or (mt.subject and _SIGNS_LABEL.search(mt.subject)))


def _each_item(label: str | None, cue: str) -> bool:
    """Does a figure labelled ``label`` measure each item of a list, the cue's among them (…覆盖率、…覆盖率三个“100%”,
    labelled “红色物业”、小区党组织、…覆盖率: every rate is 100%), not count the list as a whole?"""
    return bool(label) and "、" in label and cue in label and label.endswith("率")


def _cue_and_later(text: str, start: int, end: int, hits: list[int]) -> list[tuple[int, int]]:
    """The cue (start, end), then each later hit of its practice in the same sentence, one per clause (a hit's
    end is its start + 1: the list step reads only what lies between the cue and a figure)."""
    stop = stop_at_or_after(text, start, _SENTENCE_STOPS)
    out, last_clause = [(start, end)], _clause(text, start)
    for pos in hits[bisect_left(hits, end):]:
        if pos >= stop:
            break
        clause = _clause(text, pos)
        if clause != last_clause:
            out.append((pos, pos + 1))
            last_clause = clause
    return out


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause holding ``pos``: from one past the last clause stop before it (or 0) to the first stop
    at or after it (or the end), bisected over the document's cached stop offsets."""
    return stop_before(text, pos, _CLAUSE_STOPS), stop_at_or_after(text, pos, _CLAUSE_STOPS)


def extract_figure_measures(ctx: Context) -> None:
    if not ctx.practice_mentions or not ctx.metrics:
        return
    text = ctx.text
    subject = ctx.document.subject_place
    within = within_subject(ctx)
    attribution = Attribution.of(ctx)
    covered = [(ms.span.start, ms.span.end, ms.place) for ms in ctx.measures]
    added: dict[tuple[int, int], MeasureRec] = {}
    metrics = ctx.metrics  # (by start: the metrics step sorts them)
    starts = [mt.start for mt in metrics]
    hits: dict[str, list[int]] = {}
    for pos, name in ctx.practice_hits:
        hits.setdefault(name, []).append(pos)
    for pm in ctx.practice_mentions:
        if pm.learned_from or attribution.planned_at(pm.start):
            continue
        if 0 < pm.start and text[pm.start - 1] in "（(" and text[pm.end:pm.end + 1] in ("）", ")"):
            continue    # (到居住地小区（网格）报到: a bracket glossing the noun before it, no work of its own)
        # (a measure covering the cue is its measure — unless it is a wider place's and the cue's sentence is about a place
        # within it: 德钦县's section, then 例如，升平镇敦和社区通过“双报到”机制，组织…: the community's work is its own)
        at_place = attribution.place_at(pm.start)
        if any(a <= pm.start < b and (place is None or place == at_place or at_place is None or not within(at_place))
               for a, b, place in covered):
            continue
        # the cue's clause, else a later clause of its sentence that names the practice again (全市推行社区网格化管理，
        # 共设置社区网格9258个: the figure's clause says what was done for it)
        found = None
        for at in _cue_and_later(text, pm.start, pm.end, hits.get(pm.name, [])):
            lo, hi = _clause(text, at[0])
            # (only the figures that start inside the clause can lie in it; a figure that counts a list the cue is
            # one item of, 党建引领、经费保障等6个工作专班, measures none of them)
            figures = [mt for mt in metrics[bisect_left(starts, lo):bisect_left(starts, hi)]
                       if mt.end <= hi and mt.status != "planned" and not _signs(text, mt)
                       and (mt.place in (None, subject) or within(mt.place))
                       and (not _LIST.search(text, min(mt.end, at[1]), max(mt.start, at[0]))
                            or _each_item(mt.subject, text[pm.start:pm.end]))]
            # (read without a mirror page's pinyin glosses: 社區(qū)發(fā)展社會組織8個 holds the verb 发展)
            words = without_pinyin(text[lo:hi])[0] if figures else ""
            if figures and not _HOLDS.search(words) and not _TARGET.search(words) \
                    and (_DONE.search(words) or _funds_given(figures, words)):
                found = lo, hi, figures
                break
            if at[0] == pm.start and not figures and hi < len(text) and text[hi] in "，," \
                    and _MEANS.search(text, lo, pm.start):
                # (the means, then what was done by them in the next clause of the sentence: that clause is the measure)
                lo, hi = hi + 1, stop_at_or_after(text, hi + 1, _CLAUSE_STOPS)
                figures = [mt for mt in metrics[bisect_left(starts, lo):bisect_left(starts, hi)]
                           if mt.end <= hi and mt.status != "planned" and (mt.place in (None, subject) or within(mt.place))]
                words = without_pinyin(text[lo:hi])[0] if figures else ""
                if figures and not _HOLDS.search(words) and not _TARGET.search(words) and _DONE.search(words):
                    found = lo, hi, figures
                    break
            if at[0] == pm.start and not figures and hi < len(text) and text[hi] in "，," \
                    and _ISSUES.search(text, lo, pm.start) and _LISTED_RULE.search(text, pm.start, hi) \
                    and LIST_CUT.match(text, hi + 1):
                # (a list issued, then what it cut in the next clause: 出台社区减负“211”清单，取消社区证明事项37个)
                lo, hi = hi + 1, stop_at_or_after(text, hi + 1, _CLAUSE_STOPS)
                figures = [mt for mt in metrics[bisect_left(starts, lo):bisect_left(starts, hi)]
                           if mt.end <= hi and mt.status != "planned" and (mt.place in (None, subject) or within(mt.place))]
                words = without_pinyin(text[lo:hi])[0] if figures else ""
                if figures and not _HOLDS.search(words) and not _TARGET.search(words):
                    found = lo, hi, figures
                    break
        if found is None:
            continue
        lo, hi, figures = found
        place = attribution.place_at(pm.start)
        place = place if place and (place == subject or within(place)) else figures[0].place or subject
        got = added.get((lo, hi))
        if got is not None:
            got.practices.append(pm.name)
            continue
        summary = text[lo:hi].strip()[:_MAX_SUMMARY]
        added[(lo, hi)] = rec = MeasureRec(summary=summary, practices=[pm.name], place=place, status="done",
                                           span=Span(start=lo, end=hi))
        ctx.measures.append(rec)
    _party_building(ctx, added, covered, attribution)


def _party_building(ctx: Context, added: dict[tuple[int, int], MeasureRec], covered: list[tuple[int, int, object]],
                    attribution: Attribution) -> None:
    """A clause counting party organisations set up (构建“街道党工委—社区党组织—小区党支部”三级链条，建立小区党支部1275个)
    is a measure of party building too where its sentence names 党建引领 outside any measure: the organisations are that
    work's own result (``graph.delta`` then reads the figure as measuring it), whichever practice made the measure."""
    text = ctx.text
    # (every hit of it, not only the mention the document cites it by: its link may cite the clause's own sentence)
    hits = [pos for pos, name in ctx.practice_hits if name == PARTY_BUILDING and not attribution.planned_at(pos)
            and not any(a <= pos < b for a, b, _ in covered)]
    if not hits:
        return
    for (lo, hi), rec in added.items():
        if PARTY_BUILDING in rec.practices or not _PARTY_ORGS_SET_UP.search(without_pinyin(text[lo:hi])[0]):
            continue
        left, right = stop_before(text, lo, _SENTENCE_STOPS), stop_at_or_after(text, lo, _SENTENCE_STOPS)
        if any(left <= pos < right for pos in hits):
            rec.practices.append(PARTY_BUILDING)
