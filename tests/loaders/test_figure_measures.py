"""A practice's cited sentence that reports a result figure of it is a measure (loaders/extract/figure_measures.py)."""
from __future__ import annotations

from loaders.extract.pipeline import extract_text


def _measures(text: str) -> list[tuple[str, list[str], str | None]]:
    rec = extract_text(text, "t.txt")
    return [(rec.text[m.span.start:m.span.end], m.practices, m.status) for m in rec.measures]


def test_a_result_figure_in_the_cue_clause_makes_a_measure():
    text = ("某某市民政局关于物业工作的情况\n近年来，某某市持续推进小区治理，将无物业小区管理与基层党建相融合，"
            "成立业主委员会49个、建立党支部31个。\n")
    got = [m for m in _measures(text) if "业委会组建" in m[1]]
    # (its party branches set up are party building's result too, the sentence naming 基层党建: audit 30)
    assert got == [("成立业主委员会49个、建立党支部31个", ["业委会组建", "党建引领"], "done")], _measures(text)


def test_party_organisations_set_up_make_a_measure_of_party_building_too():
    """Audit 30 (宁夏回族自治区 × 党建引领 graded by a link alone): a clause counting party organisations set up, the measure of
    another practice's cue (建立小区党支部1275个), is of 党建引领 too where its sentence names it (构建“街道党工委—社区党组织—…”
    链条); not where the sentence does not, nor where the clause counts organisations without setting them up."""
    text = ("某某县党建引领小区治理\n某某县搭建“社区党委—网格党支部—楼栋党小组”组织体系，建立小区党支部480个，"
            "推动党的组织有效覆盖。\n")
    got = [m for m in _measures(text) if "480" in m[0]]
    assert got and "党建引领" in got[0][1], _measures(text)
    alone = "某某县小区治理\n某某县推进小区治理，建立小区党支部480个，推动有效覆盖。\n"
    assert all("党建引领" not in m[1] for m in _measures(alone)), _measures(alone)


def test_no_measure_for_a_target_a_size_or_a_counted_list():
    for text in ("某某市新闻\n某某市力争3年内实现成立业主委员会100个。\n",
                 "某某市新闻\n某某社区辖8个网格，共有业主委员会3个。\n",
                 "某某市新闻\n某某市领导小组内设党建引领、物业管理、居民自治等6个工作专班。\n"):
        rec = extract_text(text, "t.txt")
        assert [m for m in rec.measures if m.status == "done" and "个" in rec.text[m.span.start:m.span.end]] == [], text


def test_a_result_figure_in_a_later_clause_naming_the_practice_again_makes_a_measure():
    # 全市全面推行社区网格化管理，共设置社区网格9258个: the practice is named again in the figure's clause, which says
    # what was done for it; a later clause that does not name it (聘请…志愿者) measures something else
    text = "某某市推进社区建设\n目前，全市全面推行社区网格化管理，共设置社区网格926个，聘请志愿者近2万名。\n"
    got = [m for m in _measures(text) if "网格化治理" in m[1]]
    assert got == [("共设置社区网格926个", ["网格化治理"], "done")], _measures(text)


def test_a_mirror_pages_pinyin_glosses_hide_no_verb_of_work():
    # 社區(qū)發(fā)展社會組織6個: read without its glosses the clause holds 发展, a verb of work, as the plain page does
    text = ("襄陽市樊城區清河街道長虹社區簡介\n\n自創(chuàng)建“三社聯(lián)動”工作以來,社區(qū)發(fā)展社會組織6個,"
            "扎實開展各種幫扶工作。\n")
    got = [m for m in _measures(text) if "社区社会组织培育" in m[1]]
    assert got == [("社區(qū)發(fā)展社會組織6個", ["社区社会组织培育"], "done")], _measures(text)


def test_what_has_been_reached_is_a_result_not_a_size():
    # 全区已有5300余名党员到社区报到: 已有 reports a result; 辖/共有 state a size
    text = "某某区推进党员进社区\n截至目前，某某区已有4200余名党员到社区报到，开展服务600余次。\n"
    got = [m for m in _measures(text) if "在职党员双报到" in m[1]]
    assert got and got[0][2] == "done", _measures(text)


def test_an_amount_of_funds_is_the_funding_given():
    # 社区中心租用办公室40平米，年办公经费2万元: the funds' amount reports what the community is given (no verb needed);
    # a count of things with no verb (8个网格) still states no work, and a sum still needed is no result
    text = "某某社区简介\n社区中心租用办公室60平米，年办公经费3万元，配有电脑等办公设备。\n"
    got = [m for m in _measures(text) if "社区经费保障" in m[1]]
    assert got == [("年办公经费3万元", ["社区经费保障"], "done")], _measures(text)
    text = "某某社区简介\n社区每年尚缺办公经费3万元。\n"
    assert [m for m in _measures(text) if "社区经费保障" in m[1]] == [], _measures(text)


def test_the_work_done_by_the_means_the_cue_names_is_a_measure():
    # 通过“双报到”机制，组织…在职党员…捐款: the clause after the means says what was done through it (audit 17)
    text = ("某某县社区治理经验\n例如，某某镇某某社区通过“双报到”机制，组织12个单位党组织和150名在职党员为社区食堂捐款3000元，"
            "解决了养老难题。\n")
    got = [m for m in _measures(text) if "在职党员双报到" in m[1]]
    assert got and got[0][0].startswith("组织12个单位党组织"), _measures(text)


def test_a_community_within_a_countys_measure_gets_its_own_measure():
    # the county's numbered section covers the sentence, but the sentence is about a community within it: its own measure
    text = ("青川县社区治理经验\n二、青川县的做法\n\n青川县构建“五社联动”治理机制，全县设立社工站8个。"
            "例如，石桥镇新华社区通过“双报到”机制，组织12个单位党组织和150名在职党员为社区食堂捐款3000元，解决了养老难题。\n")
    rec = extract_text(text, "t.txt")
    own = [m for m in rec.measures if "在职党员双报到" in m.practices and rec.text[m.span.start:m.span.end].startswith("组织")]
    assert own and own[0].place == "新华社区", [(rec.text[m.span.start:m.span.end], m.place) for m in rec.measures]


def test_a_quoted_figure_each_listed_rate_reached_is_a_measure_of_each():
    """…实现“红色物业”覆盖率、小区党组织覆盖率两个“100%”: each rate listed is 100% — the figure, labelled with the rates,
    measures each of them, unlike a count of a list (…等6个工作专班)."""
    from loaders.extract.metrics import find_metrics

    text = "某某市推进物业治理\n去年，某某市住宅小区实现“红色物业”覆盖率、小区党组织覆盖率两个“100%”，群众满意度明显提升。\n"
    assert [(m.as_written, m.subject) for m in find_metrics(text)] == [("100%", "“红色物业”、小区党组织覆盖率")]
    assert [m for m in _measures(text) if "红色物业" in m[1] and m[2] == "done"], _measures(text)


def test_staff_sent_down_counted_are_a_result():
    # 选派620余名…网格员 (audit 21): staff sent or chosen for the practice, counted, are work done (the cell graded the
    # headline described where the sentence holds the figure)
    text = "某某區推進網格化治理\n某某區從各機關單位選派320余名專職網格員,在8個街道全面覆蓋展開。\n"
    got = [m for m in _measures(text) if "网格化治理" in m[1]]
    assert got and got[0][0].endswith("選派320余名專職網格員") and got[0][2] == "done", _measures(text)


def test_a_bracket_glossing_the_noun_before_it_measures_no_practice():
    """Audit 23: 640余家单位党组织到居住地小区（网格）报到 — 网格 glosses where they report, the figure is no grid work; a grid
    named in the clause itself still measures 网格化治理."""
    text = "某某市社区治理情况\n2019年以来，某某市640余家单位党组织和4.7万名党员到居住地小区（网格）报到。\n"
    assert [m for m in _measures(text) if "网格化治理" in m[1]] == [], _measures(text)
    text = "某某市社区治理情况\n2019年以来，某某市划分网格（片区）860个，配备网格员900名。\n"
    assert [m for m in _measures(text) if "网格化治理" in m[1]], _measures(text)


def test_grids_rearranged_into_a_count_are_a_result():
    """Audit 23: 对…各类网格进行“多网融合”，调整为362个综合网格 — the grids the work made are its result (调整为/整合为)."""
    text = "某某区推进基层治理\n某某区对辖区内党建、综治等各类网格进行“多网融合”，调整为362个综合网格。\n"
    got = [m for m in _measures(text) if "网格化治理" in m[1]]
    assert got and all(m[2] == "done" for m in got), _measures(text)


def test_signs_counted_measure_no_centre():
    # 设置党群服务中心1处标识: a sign naming the centre, no centre built; the centre counted is a measure
    for text in ("某某街道新闻\n某某街道指导社区规范标牌，设置社区党群服务中心1处标识。\n",
                 "某某街道新闻\n某某街道为社区党群服务中心更换牌匾3块。\n"):
        assert [m for m in _measures(text) if "党群服务阵地建设" in m[1]] == [], _measures(text)
    text = "某某街道新闻\n某某街道新建社区党群服务中心3处。\n"
    assert [m for m in _measures(text) if "党群服务阵地建设" in m[1]] == \
        [("某某街道新建社区党群服务中心3处", ["党群服务阵地建设"], "done")], _measures(text)


def test_what_an_issued_list_cut_in_the_next_clause_measures_the_list():
    """Audit 30 (咸宁市 × 社区减负清单 described beside its own figure): a clause issuing a list (制定社区减负“两张清单”), then what
    the list cut in the next clause (清理社区证明事项18个), is a measure of the list's practice; a next clause of other work
    (开展培训18次) is none."""
    text = "某某县基层治理观察\n近年来，某某县制定社区减负“两张清单”，清理社区证明事项18个，让社区工作者回归服务主业。\n"
    got = [m for m in _measures(text) if "18" in m[0]]
    assert got and "社区减负清单" in got[0][1], _measures(text)
    other = "某某县基层治理观察\n近年来，某某县制定社区减负“两张清单”，开展社区工作者培训18次。\n"
    assert all("社区减负清单" not in m[1] for m in _measures(other) if "18" in m[0]), _measures(other)


def test_the_part_of_a_whole_that_did_the_work_is_a_result():
    """Audit 31 (a district's 业委会组建 graded described beside its own count): ``X个小区中有N个成立业委会`` picks the
    part of a whole that set up committees — a result, not what the place has (``共有业主委员会3个`` stays a size)."""
    text = "某某区新闻\n目前，某某区30个小区中有26个成立业委会，其中党员占比超过一半。\n"
    got = [m for m in _measures(text) if "业委会组建" in m[1]]
    assert got and "26个成立业委会" in got[0][0] and got[0][2] == "done", _measures(text)


def test_posts_in_service_party_members_claim_are_a_result():
    """Audit 31 (a banner's 在职党员双报到 graded described beside its own figures): posts the in-service party members
    reporting to communities claim (``在职党员到社区认领服务岗位N个``) are that work's result."""
    text = "某某县新闻\n目前，600余名在职党员到社区认领志愿岗位700余个，参与服务1500多人次。\n"
    got = [m for m in _measures(text) if "在职党员双报到" in m[1]]
    assert got and "700余个" in got[0][0], _measures(text)


def test_a_survey_answered_is_no_result():
    """Audit 31 (a city's 在职党员双报到 quantified by a deputy's questionnaire): party members who answered a survey are who
    replied, no result of the work the practice names."""
    text = "某区新闻\n活动期间，某区120名到社区报到的在职党员完成了满意度问卷。\n"
    assert [m for m in _measures(text) if "在职党员双报到" in m[1]] == [], _measures(text)
