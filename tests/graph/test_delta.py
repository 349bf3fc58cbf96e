"""The delta builder's provenance for facts the record states without a span of their own."""
from __future__ import annotations

import pytest

from graph.delta import record_to_delta
from loaders.record import DocumentMeta, ExtractionRecord, MeasureRec, PlaceRec, Span, doc_id_for

# A reply that first quotes the proposal (《关于推行红色物业的提案》收悉), then describes the place's own work.
_TEXT = ("张三委员：\n您提出的《关于推行红色物业的提案》收悉，现答复如下。\n"
         "一、我市成立物业管理行业党委，推动小区物业服务提质。\n"
         "二、各社区修订居民公约，组织居民议事。\n"
         "三、下一步将继续推进工作。")


def _record(practices: list[str], measures: list[MeasureRec] | None = None) -> ExtractionRecord:
    return ExtractionRecord(
        doc_id=doc_id_for(_TEXT), source="test.txt", text=_TEXT,
        document=DocumentMeta(kind="提案答复", subject_place="测试市"),
        places=[PlaceRec(name="测试市", level="city", role="subject")],
        practices=practices, measures=measures or [])


def _adopts_ev(delta):
    return {end: row.ev for (kind, _start, end), row in delta.rels.items() if kind == "ADOPTS"}


@pytest.mark.parametrize("practice,mention", [
    ("红色物业", "物业管理行业党委"),       # a cue, outside the quoted proposal (which names it first)
    ("居民公约", "居民公约"),              # the name itself
])
def test_practice_only_adopts_gets_the_first_cue_sentence(practice, mention):
    delta = record_to_delta(_record([practice]))
    (ev,) = _adopts_ev(delta).values()
    assert len(ev) == 1
    doc, start, end, quote = ev[0]
    assert doc == delta.doc_id and start < end
    assert _TEXT[start:end] == mention and mention in quote and quote in _TEXT
    assert "收悉" not in quote                  # not the sentence quoting the proposal


def test_practice_without_any_match_falls_back_to_a_measure_span():
    span = Span(start=_TEXT.index("三、"), end=len(_TEXT))
    measure = MeasureRec(summary="继续推进工作", span=span, practices=[])
    delta = record_to_delta(_record(["智慧社区"], [measure]))
    (ev,) = _adopts_ev(delta).values()
    pos = _TEXT.index("继续推进工作")                # the measure's own sentence, its summary highlighted
    assert ev[0][1:3] == (pos, pos + len("继续推进工作")) and ev[0][3] == "三、下一步将继续推进工作。"


def test_corpus_adopts_all_carry_a_span(corpus_records):
    checked = 0
    for rec in corpus_records:
        delta = record_to_delta(rec)
        for ev in _adopts_ev(delta).values():
            for _doc, start, end, quote in ev:
                assert start < end and rec.text[start:end] in quote, (rec.source, quote)
                checked += 1
    assert checked >= 10


def test_policy_title_keeps_its_quotation_marks_and_spaces():
    from graph.model import policy_id
    from graph.resolve import split_policy_title
    from loaders.record import Mention, PolicyRec

    text = "街道指导社区制定《“三方联动”机制四项制度细则》和《关于深化“邻里守望”机制 提升治理效能的方案》。"
    titles = ["“三方联动”机制四项制度细则", "关于深化“邻里守望”机制 提升治理效能的方案"]
    pols = [PolicyRec(title=t, status="issued", mentions=[Mention(start=text.index(t), end=text.index(t) + len(t),
                                                                 as_written=t)]) for t in titles]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="其他", subject_place="测试市"), policies=pols)
    delta = record_to_delta(rec)
    shown = sorted(row.props["title"] for row in delta.nodes.values() if row.label == "Policy")
    assert shown == sorted(titles)  # as the text writes them, without 《》
    # the key is normalised: the same policy written with other spacing or quotes is one node
    assert {pid for pid, row in delta.nodes.items() if row.label == "Policy"} == \
        {policy_id(t, None) for t in titles}
    assert policy_id("关于深化“邻里守望”机制提升治理效能的方案", None) == policy_id(titles[1], None)
    assert split_policy_title("国务院办公厅关于加强“社区治理”的意见") == ("关于加强“社区治理”的意见", "国务院办公厅")


def test_a_traditional_page_and_a_simplified_one_name_the_same_nodes():
    """A mirror page in traditional characters cites the policy, agency and model a simplified page
    does: the graph keys them alike (each record keeps its own script)."""
    from loaders.extract.pipeline import extract_text

    simplified = ("关于推进社区治理的答复\n\n宜昌市民政局印发《宜昌市社区志愿服务条例》，"
                  "在点军区推行“邻里守望”服务机制，建成社区服务站120个。")
    traditional = ("關於推進社區治理的答覆\n\n宜昌市民政局印發《宜昌市社區志願服務條例》，"
                   "在點軍區推行“鄰里守望”服務機制，建成社區服務站120個。")

    def ids(text: str) -> dict[str, set[str]]:
        delta = record_to_delta(extract_text(text, "page.txt"))
        out: dict[str, set[str]] = {}
        for node_id, row in delta.nodes.items():
            out.setdefault(row.label, set()).add(node_id)
        return out

    simple, trad = ids(simplified), ids(traditional)
    for label in ("Policy", "NamedModel", "Agency", "Place"):
        assert simple[label] and trad[label] == simple[label], label
    assert rels(traditional) == rels(simplified)


def test_a_place_with_a_code_is_shown_by_its_official_name_whatever_the_script():
    """Two pages name one district, one in traditional characters: the Place node has one name, the
    gazetteer's, whichever was loaded last (its evidence quotes keep each page's own script)."""
    from loaders.extract.pipeline import extract_text

    def place_names(text: str) -> set[str]:
        delta = record_to_delta(extract_text(text, "page.txt"))
        return {row.props["name"] for row in delta.nodes.values() if row.label == "Place"}

    traditional = place_names("關於推進社區治理的答覆\n\n宜昌市在點軍區推行“鄰里守望”服務機制，建成社區服務站120個。")
    simplified = place_names("关于推进社区治理的答复\n\n宜昌市在点军区推行“邻里守望”服务机制，建成社区服务站120个。")
    assert "宜昌市点军区" in traditional and traditional == simplified


def rels(text: str) -> set[tuple[str, str, str]]:
    from loaders.extract.pipeline import extract_text

    delta = record_to_delta(extract_text(text, "page.txt"))   # (the document's own id aside)
    return {tuple(part.replace(delta.doc_id, "DOC") for part in key) for key in delta.rels}


def test_a_traditional_page_keeps_its_script_in_the_record():
    """The names a record composes (a place under its parent, an agency with its place) are written
    in the document's script, as the annotations write them; the ids do not depend on it."""
    from loaders.extract.pipeline import extract_text

    rec = extract_text("關於推進社區治理的答覆\n\n宜昌市民政局印發《宜昌市社區志願服務條例》，"
                       "在點軍區推行“鄰里守望”服務機制，建成社區服務站120個。", "page.txt")
    assert [(p.name, p.parent) for p in rec.places] == [("宜昌市", "湖北省"), ("宜昌市點軍區", "宜昌市")]
    assert [(nm.name, nm.owner) for nm in rec.named_models] == [("鄰里守望", "宜昌市點軍區")]
    assert [mt.place for mt in rec.metrics] == ["宜昌市點軍區"]
    assert [a.name for a in rec.agencies] == ["宜昌市民政局"]


def _metric_practices(delta) -> dict[str, list[str]]:
    return {row.props["as_written"]: row.props["practices"] for row in delta.nodes.values() if row.label == "Metric"}


def test_a_figure_measures_what_its_own_clause_names():
    """A figure measures the practices its own clause names; those named earlier in its sentence count
    only where its clause names none."""
    from loaders.record import MetricRec

    text = ("一、深化社区协作。\n街道开展社区公益创投，孵化培育社区社会组织，今年新孵化社区社会组织15个。"
            "网格化治理成效明显，全街道划分网格40个。")
    measure = MeasureRec(summary="深化社区协作", span=Span(start=0, end=len(text)),
                         practices=["公益创投", "社区社会组织培育", "网格化治理"])
    figures = [MetricRec(value=v, unit="个", as_written=w, start=text.index(w), end=text.index(w) + len(w))
               for v, w in ((15, "15个"), (40, "40个"))]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           measures=[measure], metrics=figures)
    measured = _metric_practices(record_to_delta(rec))
    assert measured["15个"] == ["社区社会组织培育"]          # not the 公益创投 named before its clause
    assert measured["40个"] == ["网格化治理"]                  # its clause names none: the sentence's


def test_a_figure_measures_the_practice_its_clause_names_between_pinyin_glosses():
    """A mirror page glosses its words (社區(qū)發(fā)展社會組織8個): the figure's clause names the practice read without
    the glosses, as the practices step reads it."""
    from loaders.record import MetricRec

    text = "自開展“三社聯(lián)動”工作以來,社區(qū)發(fā)展社會組織8個,開展活動120次。"
    measure = MeasureRec(summary="社區發展社會組織8個", span=Span(start=0, end=len(text)),
                         practices=["社区社会组织培育"])
    figures = [MetricRec(value=8, unit="个", as_written="8個", start=text.index("8個"), end=text.index("8個") + 2)]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           measures=[measure], metrics=figures)
    assert _metric_practices(record_to_delta(rec))["8個"] == ["社区社会组织培育"]


def test_an_amount_measures_the_practice_the_clause_saying_what_it_is_for_names():
    """An amount then what it is for (筹措资金N亿元，为…提供资金保障 / 投入N万元，用于…): the purpose clause after the
    figure belongs to it, so the practice named there is measured; a clause after another figure, or one that does
    not say what the amount is for, still names nothing the figure measures."""
    from loaders.record import MetricRec

    text = ("二、社区投入持续增加。\n2021年以来，全省在改善人居环境等工作中筹措资金12.5亿元，为城乡社区治理提供资金保障。"
            "全省建成社区服务站300个，社区经费逐年增加。")
    measure = MeasureRec(summary="社区投入持续增加", span=Span(start=0, end=len(text)),
                         practices=["社区经费保障", "党群服务阵地建设"])
    figures = [MetricRec(value=v, unit=u, as_written=w, start=text.index(w), end=text.index(w) + len(w))
               for v, u, w in ((12.5, "亿元", "12.5亿元"), (300, "个", "300个"))]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试省"),
                           places=[PlaceRec(name="测试省", level="province", role="subject")],
                           measures=[measure], metrics=figures)
    measured = _metric_practices(record_to_delta(rec))
    assert measured["12.5亿元"] == ["社区经费保障"]
    assert "社区经费保障" not in measured["300个"]


def test_a_figure_of_a_later_clause_measures_no_practice_named_in_a_title_or_a_middle_clause():
    """Where its clause names none, a figure measures the practices its sentence's first clause (the topic)
    or the clauses leading to it name (the one before, further back over a run of figures), not those of a
    《》 title nor of a clause further back."""
    from loaders.record import MetricRec

    text = ("一、推进物业管理。\n出台《关于党建引领物业管理的实施方案》，推行网格化治理，专班推进、清单管理，"
            "抓住重点物业企业28家。"
            "居民议事协商常态化，各小区每月开展活动，全年累计开展120场。"
            "截至目前，老旧小区改造已完成12个小区，配套绿地3000平方米，休闲亭9个。")
    measure = MeasureRec(summary="推进物业管理", span=Span(start=0, end=len(text)),
                         practices=["党建引领", "网格化治理", "居民议事协商", "老旧小区改造"])
    figures = [MetricRec(value=v, unit=u, as_written=w, start=text.index(w), end=text.index(w) + len(w))
               for v, u, w in ((28, "家", "28家"), (120, "场", "120场"), (9, "个", "9个"))]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           measures=[measure], metrics=figures)
    measured = _metric_practices(record_to_delta(rec))
    assert measured["28家"] == []                    # the title's 党建引领 and the middle clause's 网格化治理
    assert measured["120场"] == ["居民议事协商"]      # the sentence's topic
    assert measured["9个"] == ["老旧小区改造"]         # a run of results from the clause naming it


def test_a_traditional_page_cites_the_sentence_naming_the_practice():
    """The taxonomy's cues are simplified; a traditional page's practice is cited by the sentence
    that names it (網格員), not by the heading of the measure it is in."""
    text = "一、廣納民意\n二是廣納民意。通過張貼公告、網格員入戶等方式收集居民意見。"
    measure = MeasureRec(summary="廣納民意", span=Span(start=text.index("二是"), end=len(text)),
                         practices=["网格化治理"])
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="提案答复", subject_place="測試市"),
                           places=[PlaceRec(name="測試市", level="city", role="subject")],
                           practices=["网格化治理"], measures=[measure])
    delta = record_to_delta(rec)
    (ev,) = _adopts_ev(delta).values()
    assert "網格員" in ev[0][3] and "二是" not in ev[0][3]
    (inst,) = [row.ev for (kind, _s, _e), row in delta.rels.items() if kind == "INSTANCE_OF"]
    assert text[inst[0][1]:inst[0][2]].startswith("網格")


def test_a_scheme_of_another_place_is_no_evidence_of_the_subjects_practice():
    """The subject's practice is cited by its own sentence, not by the sentence about a scheme of
    another place it studied (whose model names the same practice)."""
    from loaders.record import Mention, NamedModelRec

    text = ("一、学习外地经验\n我市组织学习乙县“红色物业联盟”做法。"
            "二、本市工作\n全市推动物业服务企业成立党支部，打造红色物业。")
    name = "红色物业联盟"
    pos = text.index(name)
    model = NamedModelRec(name=name, owner="乙县", practices=["红色物业"],
                          mentions=[Mention(start=pos, end=pos + len(name), as_written=name)])
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject"),
                                   PlaceRec(name="乙县", level="county", parent="测试市", role="within_subject")],
                           practices=["红色物业"], named_models=[model])
    (ev,) = _adopts_ev(record_to_delta(rec)).values()
    assert all("乙县" not in quote for _d, _s, _e, quote in ev)
    assert "物业服务企业成立党支部" in ev[0][3]


def test_a_practice_of_a_model_is_cited_by_the_sentence_of_the_part_that_names_it():
    """A model's practice taken up by the subject is cited by the sentence listing the component that
    names it, not by the sentence that only names the model."""
    from loaders.record import Mention, NamedModelRec

    text = "我市制定了“一站三室”社区建设标准。“三室”即议事室、阅览室、志愿服务室。"
    name = "一站三室"
    pos = text.index(name)
    model = NamedModelRec(name=name, owner="测试市", components=["议事室", "阅览室", "志愿服务室"],
                          practices=["志愿服务"], mentions=[Mention(start=pos, end=pos + len(name), as_written=name)])
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           practices=["志愿服务"], named_models=[model])
    (ev,) = _adopts_ev(record_to_delta(rec)).values()
    assert ev[0][3] == "“三室”即议事室、阅览室、志愿服务室。"


def test_a_practice_is_cited_by_work_done_before_a_plan():
    text = "一、下一步打算\n今年，我区将以网格化治理为抓手推进工作。\n二、已做工作\n全区划分网格120个，配备网格员。"
    plan = MeasureRec(summary="今年，我区将以网格化治理为抓手推进工作", status="planned", practices=["网格化治理"],
                      span=Span(start=text.index("今年"), end=text.index("二、")))
    done = MeasureRec(summary="全区划分网格120个", status="done", practices=["网格化治理"],
                      span=Span(start=text.index("全区"), end=len(text)))
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           practices=["网格化治理"], measures=[plan, done])
    (ev,) = _adopts_ev(record_to_delta(rec)).values()
    assert [quote for _d, _s, _e, quote in ev] == ["全区划分网格120个，配备网格员。"]


def test_a_sentence_opening_with_a_plan_is_no_evidence_where_work_done_names_the_practice():
    text = ("今年，我区将以实施基层党建竞赛活动和城乡社区治理创新培育工作为契机，积极争取项目资金扶持，指导社区开展网格化治理。"
            "全区划分网格120个，配备网格员。")
    whole = MeasureRec(summary="指导社区开展网格化治理", status="done", practices=["网格化治理"],
                       span=Span(start=0, end=text.index("全区")))
    done = MeasureRec(summary="全区划分网格120个", status="done", practices=["网格化治理"],
                      span=Span(start=text.index("全区"), end=len(text)))
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           practices=["网格化治理"], measures=[whole, done])
    (ev,) = _adopts_ev(record_to_delta(rec)).values()
    assert [quote for _d, _s, _e, quote in ev] == ["全区划分网格120个，配备网格员。"]


def test_a_figure_of_who_wishes_for_the_work_measures_nothing():
    from loaders.record import MetricRec

    text = "一、建设村级活动场所\n原有活动室已不能满足需要，建设一个新的活动场所是80户300名村民的夙愿。"
    measure = MeasureRec(summary="建设村级活动场所", span=Span(start=0, end=len(text)), practices=["党群服务阵地建设"])
    figures = [MetricRec(value=v, unit=u, as_written=w, start=text.index(w), end=text.index(w) + len(w))
               for v, u, w in ((80, "户", "80户"), (300, "人", "300名"))]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           measures=[measure], metrics=figures)
    assert _metric_practices(record_to_delta(rec)) == {"80户": [], "300名": []}


def test_a_practice_named_only_in_a_title_is_not_what_a_count_of_documents_measures():
    from loaders.record import MetricRec

    text = "一、完善制度体系\n市委印发《关于推进“共享+众筹”社区基金建设的意见》等12个文件，制度体系基本形成。"
    measure = MeasureRec(summary="完善制度体系", span=Span(start=0, end=len(text)), practices=["社区基金/社区经济"])
    w = "12个"
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")], measures=[measure],
                           metrics=[MetricRec(value=12, unit="个", as_written=w, start=text.index(w),
                                              end=text.index(w) + len(w))])
    assert _metric_practices(record_to_delta(rec)) == {"12个": []}


def test_a_practice_known_only_from_the_text_is_cited_by_the_cue_the_practices_step_chose():
    """Where no measure or model names a practice, its ADOPTS evidence is the cue the practices step
    recorded (one about the subject, outside plans), not the first cue of the text; a record without
    ``practice_mentions`` (an older extraction) still gets the first cue."""
    from loaders.record import PracticeMention

    text = "省里召开现场会，部署网格化治理工作。\n今年，本市推行网格化治理，划分网格300个。"
    pos = text.index("网格化治理", text.index("本市"))
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           practices=["网格化治理"],
                           practice_mentions=[PracticeMention(name="网格化治理", start=pos, end=pos + 5)])
    (ev,) = _adopts_ev(record_to_delta(rec)).values()
    assert ev[0][1] == pos and "划分网格300个" in ev[0][3]
    (ev,) = _adopts_ev(record_to_delta(rec.model_copy(update={"practice_mentions": []}))).values()
    assert "现场会" in ev[0][3]


@pytest.mark.parametrize("sentence,written", [
    ("全区共有实行网格化治理的社区29个。", "29个"),            # what the place has: its size
    ("街道辖12个网格化治理小区。", "12个"),
    ("目前还有37个小区未纳入网格化治理。", "37个"),            # what is still missing
])
def test_a_count_of_what_the_place_has_or_lacks_measures_no_practice(sentence, written):
    """A figure that states the place's size or what it still lacks is no result of the practice its
    clause names; a count of work done in the same words is."""
    from loaders.record import MetricRec

    done = "全区已对26个社区实行网格化治理。"
    text = "一、推进网格化治理。\n" + sentence + done
    measure = MeasureRec(summary="推进网格化治理", span=Span(start=0, end=len(text)), practices=["网格化治理"])
    figures = [MetricRec(value=float(w[:-1]), unit="个", as_written=w, start=text.index(w), end=text.index(w) + len(w))
               for w in (written, "26个")]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           measures=[measure], metrics=figures)
    measured = _metric_practices(record_to_delta(rec))
    assert measured[written] == [] and measured["26个"] == ["网格化治理"]


def _quoted_by_cue(text: str, practice: str, cue: str, at: int = 0, kind: str = "提案答复",
                   place: tuple[str, str] = ("测试县", "county")) -> str:
    """The quote of the one ADOPTS edge of a record of ``text`` whose practice ``practice`` the practices step found by
    the cue ``cue`` (its first place from ``at``), the record's subject ``place`` (name, level)."""
    from loaders.record import PracticeMention

    pos = text.index(cue, at)
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind=kind, subject_place=place[0]),
                           places=[PlaceRec(name=place[0], level=place[1], role="subject")],
                           practices=[practice],
                           practice_mentions=[PracticeMention(name=practice, start=pos, end=pos + len(cue))])
    (ev,) = _adopts_ev(record_to_delta(rec)).values()
    return ev[0][3]


def test_a_cue_in_a_sentence_going_on_with_a_promise_is_quoted_with_the_promise():
    """A reply's promise (我局将…) goes on into the next sentence without a plan word of its own: the
    practice cited there is quoted from the promise on, and graded as the plan it is."""
    from queries.grading import grade_evidence

    text = ("首先感谢您的建议。针对您的提案，我局将与物业企业对接，完善小区绿化管理制度。"
            "依据物业管理服务标准，联合业主委员会检查物业公司是否按标准配备保洁人员。")
    quote = _quoted_by_cue(text, "物业管理提升", "物业管理", at=text.index("依据"))
    assert quote.startswith("针对您的提案，我局将与") and quote.endswith("保洁人员。")
    assert grade_evidence(quote) == "claimed"


def test_a_cue_in_an_item_of_a_list_of_plans_is_quoted_with_the_plan():
    """A practice cited by an item of a list a plan introduces (下阶段，我局将…做好以下工作：一是…) is quoted
    from the plan on, and graded as a plan."""
    from queries.grading import grade_evidence

    text = "一、工作情况\n全县推进社区建设。\n\n下阶段，我局将加快推进试点建设，重点做好以下三方面工作：\n\n一是完善智慧社区综合平台。\n"
    quote = _quoted_by_cue(text, "智慧社区", "智慧社区")
    assert quote.startswith("下阶段，我局将") and quote.endswith("综合平台。")
    assert grade_evidence(quote) == "claimed"


def test_a_measure_is_cited_for_its_practice_by_its_work_not_its_title():
    """A title the measure's span opens with (推进社区综合服务设施建设。) says what the work is about: the
    practice is cited by the later sentence of the span that names it; a span with no other sentence naming
    it quotes the title with the sentence after it, the work it heads (实施清单减负。出台社区工作“四项清单”…)."""
    text = ("推进社区综合服务设施建设。市政府投入预算1.2亿元，对城市社区综合服务设施进行升级改造。\n"
            "推进社区综合服务设施建设。全市改造完成后效果明显。")
    second = text.index("推进", 5)
    ms = [MeasureRec(summary="推进社区综合服务设施建设", status="done", practices=["党群服务阵地建设"],
                     span=Span(start=0, end=second - 1)),
          MeasureRec(summary="推进社区综合服务设施建设", status="done", practices=["党群服务阵地建设"],
                     span=Span(start=second, end=len(text)))]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           practices=["党群服务阵地建设"], measures=ms)
    quotes = sorted(row.ev[0][3] for (kind, _s, _e), row in record_to_delta(rec).rels.items() if kind == "INSTANCE_OF")
    assert quotes == ["市政府投入预算1.2亿元，对城市社区综合服务设施进行升级改造。",
                      "推进社区综合服务设施建设。全市改造完成后效果明显。"]


def test_a_component_is_cited_where_the_model_lists_it_not_inside_an_earlier_word():
    """Components written before the name (甲、乙…“四大行动”) are found from the sentence naming the model
    on: 强基 is not cited inside an earlier 加强基层."""
    from loaders.record import Mention, NamedModelRec

    text = ("提案建议加强基层队伍建设。\n"
            "我市以网格、连心、强基、赋能等“四大行动”为抓手推进基层治理。")
    at = text.index("“四大行动”")
    model = NamedModelRec(name="四大行动", owner="测试市", components=["网格", "连心", "强基", "赋能"],
                          definition=text.split("\n")[1],
                          mentions=[Mention(start=at, end=at + 6, as_written="“四大行动”")])
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")], named_models=[model])
    cited = {row.props["name"]: row.ev[0] for row in record_to_delta(rec).nodes.values() if row.label == "Component"}
    sentence = text.index("我市")
    assert cited["强基"].start > sentence and text[cited["强基"].start:cited["强基"].end] == "强基"
    assert all(ev.start > sentence for ev in cited.values())


def _measured_in(text: str, practices: list[str], written: list[str],
                 labels: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The practices each figure ``written`` (a count, or an amount in 元) of ``text`` measures, one measure spanning it all;
    ``labels``: what some of them count."""
    from loaders.record import MetricRec

    measure = MeasureRec(summary=text[:10], span=Span(start=0, end=len(text)), practices=practices)
    figures = [MetricRec(value=1, unit=w[-1], as_written=w, start=text.index(w), end=text.index(w) + len(w),
                         subject=(labels or {}).get(w)) for w in written]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试县"),
                           places=[PlaceRec(name="测试县", level="county", role="subject")],
                           measures=[measure], metrics=figures)
    return _metric_practices(record_to_delta(rec))


def test_a_figure_whose_clause_reports_its_own_work_measures_no_practice_of_an_earlier_result():
    """A clause with a figure and a verb of its own (…，12个社区全部实现书记、主任“一肩挑”) reports its own result: the
    practice of a clause before it that holds a figure of its own (公开招聘社区工作者45名) is measured by that figure."""
    measured = _measured_in("公开招聘社区工作者45名，12个社区全部实现书记、主任“一肩挑”。",
                            ["社区工作者职业体系"], ["45名", "12个"])
    assert measured["45名"] == ["社区工作者职业体系"]
    assert measured["12个"] == []


def test_a_figure_measures_no_practice_named_as_one_task_of_a_list_in_a_clause_before_it():
    """A clause before the figure listing tasks (做好…摸排、阵地建设、党员发展等工作的同时，推动9家企业成立党组织) names
    fields of work; one of its items is not what the figure measures."""
    measured = _measured_in("该镇做好企业信息摸排、阵地建设、党员发展等工作的同时，推动9家企业单独成立党组织。",
                            ["党群服务阵地建设"], ["9家"])
    assert measured["9家"] == []


def test_a_figure_measures_no_practice_named_in_a_later_item_of_its_list_of_figures():
    """16个协会、27个“双报到”单位参与志愿服务: the 双报到 names what 27个 counts; the predicate after the list is all
    of theirs."""
    measured = _measured_in("引导16个协会、27个“双报到”单位参与社区志愿服务。",
                            ["在职党员双报到", "志愿服务"], ["16个", "27个"],
                            {"16个": "协会", "27个": "“双报到”单位"})
    assert measured["16个"] == ["志愿服务"]
    assert measured["27个"] == ["在职党员双报到", "志愿服务"]
    # nor by a later item (…、27个“双报到”单位、5家物业企业参与…): named in an earlier item, it is that item's
    measured = _measured_in("引导16个协会、27个“双报到”单位、5家物业企业参与社区志愿服务。",
                            ["在职党员双报到", "志愿服务"], ["16个", "27个", "5家"],
                            {"16个": "协会", "27个": "“双报到”单位", "5家": "物业企业"})
    assert measured["5家"] == ["志愿服务"] and measured["27个"] == ["在职党员双报到", "志愿服务"]
    # nor where the labels carry what the run took part in (audit 20: 参与社区志愿服务的协会)
    measured = _measured_in("引导16个协会、27个“双报到”单位参与社区志愿服务。",
                            ["在职党员双报到", "志愿服务"], ["16个", "27个"],
                            {"16个": "参与社区志愿服务的协会", "27个": "参与社区志愿服务的“双报到”单位"})
    assert measured["16个"] == ["志愿服务"]
    # nor where the earlier item's figure comes after what it names (audit 20: 成立业主委员会12个、建立党支部8个)
    measured = _measured_in("该镇在无物业小区成立业主委员会12个、建立党支部8个。",
                            ["业委会组建"], ["12个", "8个"], {"12个": "成立业主委员会", "8个": "建立党支部"})
    assert measured["12个"] == ["业委会组建"] and measured["8个"] == []


def test_a_practice_is_not_cited_by_a_sentence_naming_it_as_an_idea_that_came_about():
    """“红色物业”的提出，标志着…: what the idea meant — the place's practice is cited by a sentence about the place."""
    from loaders.extract.pipeline import extract_text

    text = ("桐庐县开展“红色物业进小区”主题活动\n"
            "物业服务连着千家万户。“红色物业”的提出，标志着物业服务进入了新阶段。今年以来，桐庐县住建局积极配合社区开展工作。\n")
    delta = record_to_delta(extract_text(text, "t.txt"))
    cited = [ev for (kind, _s, end), row in delta.rels.items() if kind == "ADOPTS"
             and delta.nodes[end].props["name"] == "红色物业" for ev in row.ev]
    assert cited and all("的提出" not in ev.quote for ev in cited), cited


def test_an_item_of_a_plan_the_sentence_does_not_name_is_quoted_from_the_plans_lead():
    """A practice cited by an item under a lead that heads plans (下一步，我们将…。一是…。二是…。以…为抓手，创新…
    联动机制。), whose own sentence holds no plan word, is quoted from the lead: the city page reads its status from
    the quote alone, and the item is a plan, not work done. A practice of the work done before the lead stays cited by
    its own sentence."""
    from loaders.record import PracticeMention
    from queries.grading import is_plan

    text = ("一、工作成效\n本市推行网格化治理，划分网格300个。\n二、下步打算\n下一步，我们将坚持问题导向，补齐短板。"
            "一是完善机制。健全议事规则。二是优化举措。以服务提升行动为抓手，推动三社联动。")
    plan_at = text.index("一是完善")
    cue = text.index("三社联动")
    grid = text.index("网格化治理")
    measures = [MeasureRec(summary="推行网格化治理", span=Span(start=text.index("本市"), end=text.index("二、")),
                           practices=["网格化治理"], place="测试市"),
                MeasureRec(summary="优化举措", span=Span(start=text.index("二是"), end=len(text)),
                           practices=["三社联动/五社联动"], place="测试市", status="planned")]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           practices=["网格化治理", "三社联动/五社联动"], measures=measures,
                           practice_mentions=[PracticeMention(name="三社联动/五社联动", start=cue, end=cue + 4),
                                              PracticeMention(name="网格化治理", start=grid, end=grid + 5)])
    quotes = {end: [q for _d, _s, _e, q in ev] for end, ev in _adopts_ev(record_to_delta(rec)).items()}
    (planned,) = [q for qs in quotes.values() for q in qs if "三社联动" in q]
    assert planned.startswith("下一步，我们将") and is_plan(planned) and text[plan_at:cue] in planned
    (done,) = [q for qs in quotes.values() for q in qs if "网格化治理" in q]
    assert done == "本市推行网格化治理，划分网格300个。" and not is_plan(done)
    # without the measure's plan status (a record of an older extraction) the item's own sentence is cited
    measures[1] = measures[1].model_copy(update={"status": None})
    quotes = [q for ev in _adopts_ev(record_to_delta(rec.model_copy(update={"measures": measures}))).values()
              for _d, _s, _e, q in ev]
    assert "以服务提升行动为抓手，推动三社联动。" in quotes


def test_party_organisations_set_up_measure_party_building():
    """Audit 29 (audits 23–28's left: a figure of the organisations under 党建引领 graded described): party organisations a
    figure counts as set up (出台《…党建…方案》，…，推动成立2个独立物业企业党支部) are party building's own work, so where its
    measure is of 党建引领 the figure measures it, title or no; firms counted (抓住28家物业企业) or branches not said to be
    set up still measure nothing of it."""
    from loaders.record import MetricRec

    text = ("二、强化党建引领。\n出台《关于物业党建联建的行动方案》，专班推进，抓住重点物业企业28家，"
            "推动成立3个物业企业党支部、6个联合党支部。全区现有物业企业党支部9个。")
    measure = MeasureRec(summary="强化党建引领", span=Span(start=0, end=len(text)), practices=["党建引领"])
    figures = [MetricRec(value=v, unit=u, as_written=w, start=text.index(w), end=text.index(w) + len(w))
               for v, u, w in ((28, "家", "28家"), (3, "个", "3个"), (6, "个", "6个"), (9, "个", "9个"))]
    rec = ExtractionRecord(doc_id=doc_id_for(text), source="t.txt", text=text,
                           document=DocumentMeta(kind="工作总结", subject_place="测试市"),
                           places=[PlaceRec(name="测试市", level="city", role="subject")],
                           measures=[measure], metrics=figures)
    measured = _metric_practices(record_to_delta(rec))
    assert measured["28家"] == [] and measured["9个"] == []
    assert measured["3个"] == ["党建引领"] and measured["6个"] == ["党建引领"]


def test_an_amount_measures_what_it_was_spent_on_after_a_clause_of_the_means():
    """Audit 30: an amount, a clause of the means, then what it was spent on (县财政安排资金800万元，采取以奖代补、分批实施等方式，
    对村级党群服务中心进行提档升级) measures the practice that clause names, as its label says (对…进行提档升级的资金); a practice
    named only in the means clause, or in a later clause of its own, is no purpose of it."""
    text = ("一、推进阵地建设。\n县财政安排资金800万元，采取以奖代补、分批实施等方式，对村级党群服务中心进行提档升级。"
            "县财政安排资金300万元，通过网格化管理等方式，对老旧小区进行整治，建成党群服务中心12个。")
    measured = _measured_in(text, ["党群服务阵地建设", "网格化治理"], ["800万元", "300万元"])
    assert measured["800万元"] == ["党群服务阵地建设"]
    assert measured["300万元"] == []


def test_what_an_issued_list_cut_measures_the_lists_practice():
    """Audit 30: a figure of what a list cut in the clause after the one issuing it (制定社区减负“两张清单”，清理社区证明事项18个)
    measures the list's practice as well as the one its own clause names; a clause of other work after the list (开展培训
    30次) measures no list."""
    text = "三是减负增效。制定社区减负“两张清单”，清理社区证明事项18个。制定社区减负“三张清单”，开展社区工作者培训30次。"
    measured = _measured_in(text, ["社区减负清单", "证明事项清理", "社区工作者培训"], ["18个", "30次"])
    assert sorted(measured["18个"]) == ["社区减负清单", "证明事项清理"]
    assert measured["30次"] == ["社区工作者培训"]


def test_a_cue_in_a_sentence_carrying_on_a_visiting_groups_is_quoted_with_it():
    """Audit 30: a practice cited by a sentence carrying on a visiting group's (调研组一行走访了…。随后，…与居民代表等进行座谈)
    is quoted from the visitors' sentence on, so the city page can say whose forum it was; a sentence carrying on another
    subject's keeps its own quote."""
    def quote(text: str) -> str:
        return _quoted_by_cue(text, "居民议事协商", "进行座谈", kind="其他", place=("某某社区", "community"))

    visit = "调研组一行实地走访了某小区“党员工作室”，了解治理情况。随后，与居民代表等进行座谈，收集意见建议12条。"
    assert quote(visit) == visit
    own = "社区党委开展“办实事”活动，了解治理情况。随后，与居民代表等进行座谈，收集意见建议12条。"
    assert quote(own) == "随后，与居民代表等进行座谈，收集意见建议12条。"
