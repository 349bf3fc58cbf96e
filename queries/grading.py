"""Evidence grades and recognition: how strongly a quote supports that a place does a practice.

Three grades, strongest first:

* ``quantified`` — a figure measures the practice there: an extracted metric inside the measure,
  about that place, a result rather than a target or plan, in a sentence that names the practice
  (``建成村级综治中心2952个``, ``覆盖率100%``; the query passes ``has_metric``). A number that merely
  stands in the quote does not make a practice quantified (``has_figure`` only tells numbers from
  years, dates, document numbers and ordinals).
* ``described`` — a concrete measure without figures: an action verb of implementation with an
  object (出台/印发/建立/成立/配备/开展/打造/实施…), reported as done or ongoing.
* ``claimed`` — a statement only: attitude and intent words (高度重视/积极/不断/进一步…) without a
  concrete action, a plan (下一步/将/计划/拟) that has not been carried out yet, a document still
  being drafted (正在制订《…》), or a sentence opening with a duty (必须/应当…); the action a concession
  grants (虽然成立了业委会，但…无法…) is the ground of a problem, an attempt that failed (…，但…最终没有成立起来)
  reports nothing done, and what people wish for (…是80户村民的
  夙愿) a need, not work reported.

The rules look at how Chinese government documents are written (GB/T 15835 puts statistics in Arabic
digits; implementation is reported with a small set of verbs; plans are marked by 将/拟/计划/下一步),
not at the wording of any particular document.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graph.quotes import CARRIES_ON, sentences
from loaders.reference import SIGN_NOUNS, fold_name, without_pinyin
from queries.model_roles import CHOSEN_PROJECT, VISITED_AFTER, all_visited

__all__ = [
    "GRADES",
    "RECOGNITION_LEVELS",
    "conceded_only",
    "grade_evidence",
    "grade_rank",
    "has_figure",
    "is_concrete",
    "is_plan",
    "members_work",
    "mention_claimed",
    "named_in_general_line",
    "named_in_judged",
    "problem_only",
    "recognition",
    "recognition_about",
    "states_duty",
]

GRADES: tuple[str, ...] = ("quantified", "described", "claimed")
_RANK = {g: i for i, g in enumerate(GRADES)}

_UNITS = ("万余人|万余元|亿元|万元|元|万人|万户|万次|万余次|万|千|百|%|％|‰|个|人|名|次|项|户|家|支|所|平方米|平米|"
          "亩|场|期|件|条|处|座|套|间|栋|小时|天|批|类|份|本|册|部|台|辆|队|组|对|人次|余人|余个|余次|余项|多个|多人|多次")
_FIGURE = re.compile(
    r"(?<![第〔\[（(号\d.])(\d+(?:\.\d+)?)\s*(?:余|多)?\s*(?:" + _UNITS + r")(?![年月日号期届])"
)
_DATE_LIKE = re.compile(r"\d+\s*[年月日号]")

# 组织 is a verb (组织开展, 组织党员) only where it does not end a noun: 党组织, 社会组织, 自治组织,
# 群团组织, 经济组织, 中介组织, 基层组织 name organisations, and 组织化/组织体系/组织架构 describe them.
_CONCRETE = re.compile(
    "出台|印发|制定|下发|发布|建立|建成|新建|改建|成立|设立|组建|挂牌|开展|举办|召开|"
    "(?<![党会治团济介层务众])组织(?![化体架机成关])|配备|选派|选聘|招聘|"
    "打造|实施|推行|落实|培育|孵化|招募|培训|评选|创建|签订|聘请|投入|下拨|拨付|安排|筹集|筹措|争取|完成|实现|调整为|"
    "覆盖|购买|引进|编制|修订|清理|取消|精简|整合(?!机制)|规范|公布|推广|试点|纳入|明确|划分|设置|开通|上线|搭建|入选|"
    "改造(?:为|成)|改建(?:为|成)|"  # (将闲置水系改造为亲子乐园: a thing made into another; bare 改造 names a practice)
    "(?:细化|细分|拆分)(?:为|到|至|成)"  # (社区网格从9个细化到19个: the units made finer, work done)
)
# a plan, and a document still being written (正在制订《…》, 正在研究制定, 正着手…): not done yet; 拟 inside a word
# (虚拟网络, 模拟, 比拟) plans nothing
_PLAN = re.compile(r"下一步|今后|将(?:进一步|继续|加快|着力|全面|积极|大力|逐步|适时|尽快|研究|以(?![往上下前后来及])|持续|深化"
                   r"|重点|推动|推进|在(?![^，,。；;]{0,12}(?:纳入|作为|列入|写入))|不断|加大|加强|探索|力争|会|要"
                   r"|与(?!会)|会同|根据|依据|结合|严格|及时)|(?<![虚模比])拟|计划|准备|力争|争取到|预计"
                   r"|正在(?:研究|抓紧|加紧)?(?:制定|制订|起草|拟定|修订|编制|研究)|正(?:在)?着手")
# titles and quoted names, whose words are names (《三年行动计划》, “三年行动计划”)
_NAMED = re.compile(r"《[^《》]*》|“[^“”]*”")
# titles and quoted names, not quoted speech (a resident's “…联络站打造了…平台…” reports an action)
_TITLES = re.compile(r"《[^《》]*》|“[^“”]{1,40}”")
# a sentence that opens with what must or should be done (必须要坚持…, 应当…) states a duty, not work done
_DUTY = re.compile(r"^[^，,。；;]{0,6}(?:必须|务必|应当|应该)"
                   r"|^(?:并|还|同时|也|并且)?(?:希望|期望|寄望|勉励|叮嘱)(?![你您])"   # 并希望某镇继续…: asked for, not done
                   r"|^(?:(?:同时|并且?|还|也|更)[，,]?)?要(?!求|素|点|闻|事|害|件|是)"    # 要充分发挥…
                   # a unit told what to do, at the head (某区要对以上小区加强监督管理…, 各街道要…)
                   r"|^[^，,。；;：:\n]{0,10}?(?:省|市|区|县|旗|镇|乡|街道|社区|村|各地|各级|各部门|各单位)(?:要|必须|务必|应当)"
                   r"(?!求|素|点|闻|事|害|件|是)")
# after an instruction, the ones told to do it may stand before 要 (某某要求，各地各部门要坚持…)
_TOLD_DUTY = re.compile(r"^[^，,。；;]{0,8}?(?<![主重需想只])要(?!求|素|点|闻|事|害|件|是)")
# what a term is defined as: from 是指/指的是 to the end of the sentence, or from 即 opening a clause once titles and quoted
# terms are read out (“七中心”即综治中心、…、志愿服务中心: what a standard's term covers, no work done)
_DEFINITION = re.compile(r"(?:是指|指的是|(?:^|(?<=[，,；;：:]))\s*即(?![将使便可]))[^。；;]*")
# what people wish for (建设活动场所是80户村民的夙愿): a need, no work reported
_WISHED = re.compile(r"是[^。；;，,！？!?]{0,30}的(?:夙愿|心愿|愿望|期盼|期待|盼望)")
# people who answered a survey (近400名社区工作者与下沉党员完成问卷): who replied, no work of what their names hold
_ANSWERED_SURVEY = re.compile(r"(?:完成|填写|填答|参与|参加)(?:了)?(?:[^，,。；;！？!?]{0,6})?问卷(?!调查工作)")
# a document's requirement quoted after a colon (按照《…清单》要求：街道全部建立…): what is asked for
_DOCUMENT_ASKS = re.compile(r"[^。；;！？!?]{0,120}?(?:《[^《》]+》|通知|文件|意见|清单)[^。；;：:，,《》]{0,12}?(?:要求|规定)[：:]")
# a plan document as the sentence's subject, then what it sets out (《规划》设置了5个项目专栏…, 《…方案》明确，到2025年…): the
# plan's content, work to come
# (also read as written, traditional characters too: ``is_plan`` is asked of quotes as they stand)
_PLAN_SETS_OUT = re.compile(r"\s*《[^《》]{0,30}(?:规划|規劃|计划|計劃|方案|纲要|綱要)》(?:还|還|并|並|也)?"
                            r"(?:提出|明确|明確|设置|設置|包括|要求|部署|确定|確定|指出)")
# a concession (虽然成立了业委会，但…无法…): what it grants is the ground of a problem, no work reported
_CONCESSION = re.compile(r"(?:虽然|尽管|虽)[^。；;！？!?]*?[，,]\s*(?=但|却|可是|然而|仍|依然)")
# an attempt that failed (曾多次组织…选举产生业委会，但由于种种原因最终没有成立起来): what was tried was not done
_FAILED = re.compile(r"[^。；;！？!?]*?[，,]\s*(?:但|却|可是|然而)[^。；;！？!?]*?(?:最终|始终|一直|至今|仍然|仍)"
                     r"(?:没有|未能|未|没能|无法)[^。；;！？!?，,]{0,6}?(?:成立|建立|建成|成功|实现|落实|组建|开展|完成)(?:起来)?")
# a sentence opening with someone's instruction (书记强调，… / 会议指出：…): its clauses say what is asked for
_INSTRUCTS = re.compile(r"[^，,。；;：:“”]{1,14}?(?:强调|指出|要求|叮嘱|希望)[，,：:]")
_CLAUSES = re.compile(r"[，,；;：:]")
# general statements, no measure: the state the work reached (形成了全面覆盖、一网统筹…的基层社会治理新格局), work
# on everything at once (统筹做好疫情防控和经济社会发展各项工作, 较好地完成各项重点工作任务, 推动…任务落地落实), what a
# place is among others (作为全国最早开展…的城市之一) and the year a sentence opens with (…胜利召开之年): their verbs
# (覆盖, 完成, 落实, 开展, 召开) report no action of a practice
_GENERAL = re.compile(r"(?:形成|实现|构建起?|打造)(?:了)?[^，,。；;！？!?]*?(?:格局|局面|态势|氛围|新貌|新风貌)"
                      # the system a line says the work reaches (实现社区事务共治、治安共管的治理体系): a state, no measure
                      r"|(?:形成|实现)(?:了)?[^，,。；;！？!?]*?的(?:社区|基层)?治理体系"
                      r"|[^，,。；;！？!?]*?各(?:项|类)[^，,。；;！？!?]{0,8}?(?:工作|任务)[^，,。；;！？!?]{0,4}"
                      r"|[^，,。；;！？!?]*?任务落地落实"
                      r"|作为[^，,。；;！？!?]*?之一"
                      # why the work matters (坚持…，是…的具体行动，是实现…的重要支撑，是…的迫切需要): its verbs (实现, 落实)
                      # say what the work serves, not what was done
                      r"|是[^，,。；;！？!?]{0,80}?的(?:具体行动|重要支撑|迫切需要|必然要求|内在要求|必然选择|应有之义|"
                      r"关键所在|根本保证|重要保障|重要基础|重要途径|有效途径|必由之路|题中之义)"
                      r"|[^，,。；;！？!?]*?之年"      # (是党的二十大胜利召开之年: when, not what was done)
                      # a standing among others (“智慧社区”建设在全市率先推进, “某模式”在全省试点推广): where the place's work ranks,
                      # or what a higher level does with it, not a measure the place reports
                      r"|[^，,。；;！？!?]*?在全(?:国|省|市|区|县|州|盟)(?:率先|试点|创新|首批|带头)[^，,。；;！？!?]*"
                      # training strengthened (各地普遍加强了对社区工作者的教育培训): 培训 names what is strengthened, no course held
                      r"|(?:加强|强化)了?(?:对[^，,。；;！？!?]{1,14}?的)?[^，,。；;！？!?]{0,6}?培训"
                      # how far something got, a noun (以…议题和落实情况举例, 汇报…开展情况): its verb names a status, no action
                      r"|(?:落实|开展|实施|完成|推进)(?:的)?情况"
                      # a visit (某某到某区调研…工作, 赴某社区督导…): what the visitor looked at, not work the place reports
                      r"|[^，,。；;！？!?]{0,20}?(?:到|赴|深入|来到|走进)[^，,。；;！？!?]{1,16}?(?:调研|视察|考察|督导|督查|检查指导)"
                      r"[^，,。；;！？!?]*"
                      # a wider unit's event held in a city (全区…培训班在某市举办): the city hosted it, it trained no one
                      r"|全(?:国|省|区|自治区|州|盟)[^，,。；;！？!?]{0,40}?(?:班|会|赛|活动|论坛)[^，,。；;！？!?]{0,4}?"
                      r"在[^，,。；;！？!?]{1,12}?[省市州盟县区旗](?:举办|举行|召开|开班|开幕)")
_CLAIM_ONLY = re.compile(r"高度重视|积极|不断|大力|进一步|着力|努力|切实|持续|始终|坚持|深入|扎实")

RECOGNITION_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("national", re.compile(r"(全国|国家级|民政部|中央|国务院)[^。；]{0,30}(实验区|试点|示范|典型|推广|表彰|通报|经验)"
                            # (a person's title, 全国优秀共产党员 / 全国先进工作者, recognises the person, not the place)
                            r"|(全国|国家级)[^。；]{0,12}(先进|优秀|标兵)(?!共产党员|党员|党务工作者|工作者|个人|教师|志愿者|青年)")),
    # (信息 is a bulletin only where it is published: a 信息平台 the province builds recognises no one)
    ("provincial", re.compile(r"(省委|省政府|省民政厅|省厅|省级|全省)[^。；]{0,30}"
                              r"(试点|示范|典型|推广|表彰|工作专报|专报|简报|通报|经验|交流|肯定|转发|刊发|刊载)"
                              r"|(工作专报|专报|简报|信息)[^。；]{0,20}(刊发|刊载|转发|推广)")),
    # (a name running on into 区 is a community's: 新华社区)
    ("media", re.compile(r"(人民日报|新华社|新华网|央视|中央电视台|光明日报|中国社会报|学习强国)(?!区)")),
)


def grade_rank(grade: str) -> int:
    """0 for the strongest grade; unknown grades sort last."""
    return _RANK.get(grade, len(GRADES))


def as_measures_grade(pieces: Sequence[tuple[bool, Any, Any, str]]) -> list[str]:
    """The grades of one place's pieces of a practice, each ``(is a measure, document, start, grade)``: a link or model
    cited by the very sentence one of the measures cites is graded no higher than that measure. The measure knows
    what the sentence alone does not — that it is an item of a plan (下一步，我们将…。一是…。二是…。创新…联动机制。: the
    measure is planned, the place's link to the practice, cited by the same sentence, would read as work done)."""
    measured: dict[tuple[Any, Any], str] = {}
    for is_measure, doc, start, grade in pieces:
        if is_measure and doc is not None:
            key = (doc, start)
            if key not in measured or grade_rank(grade) > grade_rank(measured[key]):
                measured[key] = grade
    out = []
    for is_measure, doc, start, grade in pieces:
        theirs = None if is_measure else measured.get((doc, start))
        out.append(theirs if theirs is not None and grade_rank(theirs) > grade_rank(grade) else grade)
    return out


def has_figure(text: str) -> bool:
    """A number with a unit of quantity (not a year, date, document number or ordinal)."""
    return _FIGURE.search(_DATE_LIKE.sub(" ", text)) is not None


def is_concrete(text: str) -> bool:
    return _CONCRETE.search(text) is not None


def is_plan(text: str, status: str | None = None) -> bool:
    """``status`` planned where known; else whether the words of ``text`` outside titles and quotes
    state a plan (出台《…三年行动计划》 reports a plan issued, not one to come), or the sentence is what a plan
    document sets out (《规划》设置了…)."""
    if status is not None:
        return status == "planned"
    # (a name stands for a noun, not for nothing: 将“三社联动”与…有机结合 is 将 as 把, its object quoted — dropped, the
    # words read 将与…, the future)
    return _PLAN.search(_NAMED.sub("某", text)) is not None or _PLAN_SETS_OUT.match(text) is not None


# what a clause reports reached already (截止目前…已有一半以上组建业委会)
_REACHED = re.compile(r"截[至止]目前|目前|已")
_CLAUSE_STOP = re.compile(r"[，,；;。！？!?]")


def reported_before_plan(text: str, practice: str) -> bool:
    """Whether a sentence stating a plan reports first, up to the end of the clause naming ``practice``, what is reached
    already (截止目前，…小区已有一半以上组建业委会，同时…，力争2023年底…达100%): the plan is of what is left to do, the
    practice's work is reported — no plan word before that clause's end."""
    from loaders.reference import load_taxonomy

    read = fold_name(without_pinyin(text or "")[0])
    at = [pos for pos, p in load_taxonomy().hits(read) if p == practice]
    if not at:
        return False
    stop = _CLAUSE_STOP.search(read, min(at))
    head = read[:stop.start() if stop else len(read)]
    return _REACHED.search(head) is not None and not is_plan(head)


def states_duty(text: str) -> bool:
    """Does ``text`` open with what must or should be done (必须要坚持…, 应当…, 要充分发挥…), with
    someone's instruction of it (某某强调，社区是…，要围绕…推进网格化管理: what a leader asks for), or with
    a document's requirement quoted after a colon (按照《…清单》要求：街道全部建立…)?"""
    text = text.lstrip()
    if _DUTY.search(text) is not None or _DOCUMENT_ASKS.match(text) is not None:
        return True
    told = _INSTRUCTS.match(text)
    return told is not None and any(_DUTY.match(clause.lstrip()) or _TOLD_DUTY.match(clause.lstrip())
                                    for clause in _CLAUSES.split(text[told.end():]))


# a numbered heading quoted alone (二、将无物业老旧小区楼院纳入物业管理): the topic of what follows, no work reported
# a section heading: an ordinal, then a line of one or two phrases ending no sentence (二、强化党建引领,组建红色物业企业):
# it names the section's work, it reports none
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十]{1,3}[）)])[、.．]?[^。；;！？!?，,]{2,40}"
                      r"(?:[，,][^。；;！？!?，,]{2,30})?\s*")


def grade_evidence(quote: str, status: str | None = None, has_metric: bool = False,
                   memo: dict[Any, Any] | None = None, practice: str | None = None) -> str:
    """The grade of one piece of evidence (see module docstring).

    ``status`` is the measure's extracted status (done/ongoing/planned) where known; ``has_metric``
    says a figure measures the practice there (see the module docstring): the only way to
    ``quantified``. ``practice``: the practice the piece is evidence of, where known — a sentence's verbs
    then grade it only where they report its work (``mention_claimed``). ``memo``: what this asked before of the same quote and status (a dict its caller
    keeps while it grades many pieces — a fill grades each measure's quote for every practice and place
    of it, with and without a figure): the answer is the same, each quote's rules run once.
    """
    # (read as the rules are written: simplified characters, a mirror page's pinyin glosses dropped — 扎實開展 is 开展)
    if memo is not None:
        key = (_GRADED, quote or "", status)
        # [claimed, the grade without a figure (None: not asked yet), the text as read]
        found = memo.get(key)
        if found is None:
            text = fold_name(without_pinyin(quote or "")[0])
            found = memo[key] = [_claimed(text, status), None, text]
        if found[0]:
            return "claimed"
        if has_metric:
            return "quantified"
        if found[1] is None:
            found[1] = _unmeasured(found[2])
        if found[1] != "described" or not practice:
            return found[1]
        key = (_MENTIONED, quote or "", practice)
        claimed = memo.get(key)
        if claimed is None:
            claimed = memo[key] = mention_claimed(found[2], practice)
        return "claimed" if claimed else "described"
    text = fold_name(without_pinyin(quote or "")[0])
    if _claimed(text, status):
        return "claimed"
    if has_metric:
        return "quantified"
    grade = _unmeasured(text)
    return "claimed" if grade == "described" and practice and mention_claimed(text, practice) else grade


_MENTIONED = "mention_claimed"     # its ``memo`` keys' first part

# a clause (what a sentence's verbs are read in, per practice)
_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
# a practice named among the topics people talk over (共同协商水电改造、成立小区业委会、…等民生问题): discussed, not done —
# unless they settled it (协商解决了…问题)
_DISCUSSED = re.compile(r"协商|商议|商讨|讨论|议定|共商|共议|征求")
_SETTLED = re.compile(r"解决|化解|处理|办理|办结|落实|决定")
_TOPICS = re.compile(r"问题|事项|议题|话题|事宜|难题|诉求|意见")
# a practice naming one of the working groups a figure counts (…、党建引领网格治理、物业管理服务…6个工作小组): the group's field
_GROUPS_COUNTED = re.compile(r"[^，,。；;：:]*?[、等和及][^，,。；;：:]*?\d+个(?:专项)?(?:工作)?(?:小组|组|专班)")
# what a visitor praises or a rule covers (王某对某小区开展的…党建工作给予了充分的肯定, 对参与疫情防控等…获得积分情况作了规定): the
# object after 对 is judged or ruled on, its practice no work the sentence reports
_JUDGED = re.compile(r"对([^，,。；;：:]{2,60}?)(?:给予了?|作了|作出了?|做出了?|做了)(?:充分|高度|明确|具体)?的?"
                     r"(?:肯定|表扬|赞扬|好评|认可|规定)")
# a practice named as one of a list of tasks (…、阵地建设、党员发展等工作): a field among others
_TASK_LISTED = re.compile(r"[^，,。；;：:]*?等(?=[^，,。；;：:]{0,3}(?:工作|任务|方面|领域|事项))")
# a clause opening with an attitude word (不断深化“三社联动”体制机制, 持续推进…): a general line
# or with a verb of making something better in general (做实做细网格党建, 深化“双报到”机制, 健全…工作机制): no work named
# (so does bringing something's strengths into play, 充分发挥网格化管理、…等多方力量优势, and a body's attitude, 市委、市政府
# 高度重视…工作: the subject before 高度重视 does nothing yet)
_ATTITUDE_OPENS = re.compile(r"\s*(?:并|还|同时|也)?(?:" + _CLAIM_ONLY.pattern +
                             "|深化|强化|优化|做实|做细|做优|做强|夯实|健全|完善|(?:充分)?发挥)"
                             r"|[\u4e00-\u9fff、]{2,10}?高度重视"
                             # (and a means held up for an aim, 以“村规民约+积分制”激活内生动力: what it serves, no work named)
                             r"|\s*以[^，,；;。：:！？!?]{0,16}?(?:凝聚|激活|汇集|汇聚|激发|增强|助推|赋能)")
# a body's attitude to the work (市委、市政府高度重视…工作), which _ATTITUDE_OPENS reads as a general line
_REGARDED = re.compile(r"\s*(?:并|还|同时|也)?(?:[\u4e00-\u9fff、]{2,10}?)?(?:高度|十分|非常|始终)?重视")
# a show or contest a quoted title names (举办“党建引领抓服务 红色物业促和谐”消夏文艺晚会): its theme, not work of it
_SHOW = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:晚会|文艺|演出|汇演|比赛|大赛|竞赛|展览|展演|联欢|征文)")
# a rule quoted (关于“每百户拥有社区综合服务设施面积不低于30平方米”的精神, “新建小区应当配建…”): the quote holds a
# provision or a document's spirit, requirement or standard follows it — what is asked for, no work of the practice named in it
_QUOTED = re.compile(r"“[^“”]*”")
_QUOTED_PROVISION = re.compile(r"不低于|不少于|不超过|不高于|不得|应当|应该|一般应|必须|务必|须")
_QUOTED_AS_RULE = re.compile(r"(?:等|的)?(?:精神|要求|规定|标准)")
# a practice's words as what a sign reads (设置社区党群服务中心1处标识): the sign set up, no centre built
_SIGN_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?\d*\s*(?:块|面|个|处)?(?:" + SIGN_NOUNS + ")")
# a clause opening with what must be done (…，须先召开居民会议讨论通过; …，要求社区办公用房…达到80平方米): a duty, whatever the
# clauses before report
_CLAUSE_DUTY = re.compile(r"\s*(?:并|还|也|均|都|则)?(?:须|必须|务必|应当|应该|要求(?![下的中]))")
# a practice named as the time after it (建立老旧小区改造后的长效管理机制): what is done then is other work
_AFTER_IT = re.compile(r"(?:工作)?(?:完成|结束)?(?:后|之后|以后)(?!勤)")
# a practice named only as in a good state or with a problem (两个小区物业管理水平比较完善, 如后期物业管理存在问题): how it
# stands, no work of it — the clause ends there
_STATE_AFTER = re.compile(r"(?:的)?(?:水平|状况|情况|质量)?(?:已经|已|都|均)?(?:比较|较为|较|相对|十分|非常|总体)?"
                          r"(?:完善|良好|较好|到位|规范(?!化))"
                          r"|(?:仍|还|仍然|依然)?存在[\u4e00-\u9fff]{0,4}?(?:问题|不足|短板|隐患|困难)")
# a clause naming what the work aims at or follows (以提升…规范化水平为目标, 以…为重点, 以…精神为指引): an aim, whatever
# verbs its words hold — no work of a practice another clause names
_AIM_CLAUSE = re.compile(r"\s*(?:并|还|同时|也)?以[^，,；;：:。！？!?]{2,60}?为(?:目标|重点|主线|指引|导向|遵循|方向|统领|引领)\s*")
# the name of an honour or a list something was chosen for (…项目入选某市“五社联动”…典型项目案例, 荣获…“某某”称号): the
# practice names the honour's field, no work the clause reports of it
_HONOUR_BEFORE = re.compile(r"(?:入选|获评|荣获|被评为|评为|被确定为|被列为|获得)[^，,；;：:。！？!?]*$")
_HONOUR_AFTER = re.compile(r"[^，,；;：:。！？!?]*?(?:案例|称号|荣誉称号|奖项|大奖|奖)\s*$")
# the rest of a project's name a quote holds, then only that it (and the others listed with it) was chosen or honoured, to the
# sentence's end (某社区“…，推进党建引领楼栋文化建设”项目、某社区“…”项目入选某市…创新案例；): the name, no work reported
_CHOSEN_AFTER = re.compile(r"\s*" + CHOSEN_PROJECT)
# a clause naming the means only (通过网格化管理，落实各项工作措施): graded by what the next clause says was done with it
_MEANS_ONLY = re.compile(r"\s*(?:并|还|同时|也)?(?:通过|依托|借助)")
# a clause listing the means (通过推进政府购买服务、社区信息化、社区减负增效等措施): graded by what the next clause says was done
_MEANS_LISTED = re.compile(r"\s*(?:并|还|同时|也)?(?:通过|依托|借助)[^，,；;：:。！？!?]*?等(?:措施|举措|方式|手段|途径|办法)\s*")


def mention_claimed(text: str, practice: str) -> bool:
    """Whether every clause of ``text`` (a sentence, as ``grade_evidence`` reads it) naming ``practice`` states no work
    of it, so the sentence's verbs — those of other clauses — do not grade it: a topic people talk over (居民代表共同协商
    水电改造、成立小区业委会、…等民生问题: the sentence's 召开居民议事会 is the meeting, no committee set up), or a general
    line opening with an attitude word and no verb of work (近年来，我省…开展了社区减负专项行动，…，扎实开展智慧社区建设
    试点，不断深化“三社联动”体制机制: a reply's summary — the 开展 of other practices' clauses is theirs), or the practice
    named as the time after it (建立老旧小区改造后的长效管理机制: the mechanism is the work). A general line is
    still graded by a clause after it that carries it out (积极推进网格化治理，建立网格员队伍) until one naming another
    practice, and by a clause before it naming none. False where no clause names the practice (a name the taxonomy
    does not hold)."""
    from loaders.reference import load_taxonomy

    taxonomy = load_taxonomy()
    entry = taxonomy.by_name.get(practice)
    if entry is None:
        return False
    clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
    hits = taxonomy.hits(text)
    named = [{p for pos, p in hits if a <= pos < b} for a, b in clauses]
    mine = [i for i, names in enumerate(named) if practice in names]
    if not mine:
        return False
    plain = _TITLES.sub(lambda m: " " * len(m.group()), text)     # (a title's words say nothing of what was done)
    titles = [(t.start(), t.end()) for t in _TITLES.finditer(text)]
    titled = [{p for pos, p in hits if a <= pos < b and any(s <= pos < e for s, e in titles)}
              - {p for pos, p in hits if a <= pos < b and not any(s <= pos < e for s, e in titles)}
              for a, b in clauses]
    quotes = list(_QUOTED.finditer(text))
    if all(any(q.start() < pos < q.end() and _CHOSEN_AFTER.match(plain, q.end()) for q in quotes)
           for pos, p in hits if p == practice):
        return True         # (某社区“…推进党建引领…”项目入选…创新案例: a chosen project's name, whatever its words' verbs)
    for i in mine:
        a, b = clauses[i]
        at = min(pos for pos, p in hits if p == practice and a <= pos < b)
        verb = _DISCUSSED.search(plain, a, at)
        if verb is not None and not _SETTLED.search(plain, verb.end(), at) and _TOPICS.search(plain, at, b):
            continue
        judged = _JUDGED.search(plain, a, b)
        if judged is not None and judged.start(1) <= at < judged.end(1):
            continue        # (对…红色物业党建工作给予了充分的肯定, 对参与疫情防控…获得积分情况作了规定: praised or ruled on)
        cue = entry.pattern.match(text, at)
        if all((m := entry.pattern.match(text, pos)) is not None and _AFTER_IT.match(text, m.end())
               for pos, p in hits if p == practice and a <= pos < b):
            continue        # (建立老旧小区改造后的长效管理机制: the time after it, the work another's)
        if all(any(q.start() < pos < q.end() and (_QUOTED_PROVISION.search(text, q.start(), q.end())
                                                   or _QUOTED_AS_RULE.match(text, q.end()))
                   for q in _QUOTED.finditer(text)) for pos, p in hits if p == practice and a <= pos < b):
            continue        # (关于“…设施面积不低于30平方米”的精神: a rule quoted, the practice what it asks for)
        if all((m := entry.pattern.match(text, pos)) is not None and _SIGN_AFTER.match(text, m.end())
               for pos, p in hits if p == practice and a <= pos < b):
            continue        # (设置社区党群服务中心1处标识: a sign naming the centre)
        if all((m := entry.pattern.match(text, pos)) is not None and _STATE_AFTER.fullmatch(text, m.end(), b)
               for pos, p in hits if p == practice and a <= pos < b):
            continue        # (两个小区物业管理水平比较完善: its state, no work done)
        if all(_HONOUR_BEFORE.search(plain, a, pos) and _HONOUR_AFTER.match(plain, pos, b)
               for pos, p in hits if p == practice and a <= pos < b):
            continue        # (…项目入选某市“五社联动”…典型项目案例: the honour's field, no work of it)
        if _CLAUSE_DUTY.match(plain, a):
            continue        # (…组成新社区涉及范围调整，须先召开居民会议讨论通过: what a rule asks for)
        if _GROUPS_COUNTED.match(plain, cue.end() if cue else at, b):
            continue        # (成立…、党建引领网格治理、物业管理服务…6个工作小组: a group's field, no work of it yet)
        if all(any(t.start() < pos < t.end() and _SHOW.match(text, t.end()) for t in _TITLES.finditer(text, a, b))
               for pos, p in hits if p == practice and a <= pos < b):
            continue        # (举办“党建引领抓服务…”消夏文艺晚会: the show's theme)
        done = _TITLES.sub("", text[clauses[i + 1][0]:clauses[i + 1][1]]) if i + 1 < len(clauses) else ""
        if _MEANS_ONLY.match(plain, a) and at - _MEANS_ONLY.match(plain, a).end() <= 12 and done and not named[i + 1] \
                and _GENERAL.search(done) and not is_concrete(_GENERAL.sub("", done)) and not has_figure(done):
            continue        # (通过网格化管理，落实各项工作措施: a means of work on everything, no work of its own)
        if _MEANS_LISTED.fullmatch(plain, a, b) and done and not named[i + 1] and not is_concrete(done) \
                and not has_figure(done):
            continue        # (通过推进…、社区减负增效等措施，提升…水平: one of the means a summary names, for an aim)
        words = _TITLES.sub("", text[a:b])
        listed = _TASK_LISTED.match(plain, cue.end() if cue else at, b)
        if listed and "、" in plain[a:at + 1] + plain[at:listed.end()]:
            # one task of a list (做好信息摸排、阵地建设、党员发展等工作的同时，推动…): graded by the words outside the list's
            # later items — the verb before it, and what follows 等…工作 — not by a task's own (党群组织组建) nor another clause's
            head = plain[a:plain.find("、", a, b)] if plain.find("、", a, b) >= 0 else ""
            if not is_concrete(_TITLES.sub("", head + plain[listed.end():b])):
                continue
        if not _ATTITUDE_OPENS.match(words) or has_figure(words):
            return False
        if is_concrete(words):
            if not _REGARDED.match(words):
                return False
            # (市委、市政府高度重视…实验区创建工作: what the body regards is the practice, whose own name's verb — 创建,
            # 建设 — reports no work of it; only another verb of the clause would)
            unnamed = list(text[a:b])
            for pos, p in hits:
                found = entry.pattern.match(text, pos) if p == practice and a <= pos < b else None
                if found is not None:
                    unnamed[pos - a:found.end() - a] = " " * (min(found.end(), b) - pos)
            if is_concrete(_TITLES.sub("", "".join(unnamed)[:b - a])):
                return False
        for j in range(i + 1, len(clauses)):
            if named[j] - named[i]:
                break
            if _AIM_CLAUSE.fullmatch(plain, clauses[j][0], clauses[j][1]):
                continue        # (以…为目标: an aim, no clause carrying the line out)
            if is_concrete(_GENERAL.sub("", _TITLES.sub("", text[clauses[j][0]:clauses[j][1]]))):
                return False        # (not a state reached, 实现…的治理体系: no clause carrying the line out)
        # (a practice named only inside a title, 印发《关于深化“…”机制…方案》, leaves its clause's verb to the line after it)
        # (nor one naming what the work aims at, 以提升…规范化水平为目标)
        if any(not (named[j] - titled[j]) and not _AIM_CLAUSE.fullmatch(plain, clauses[j][0], clauses[j][1])
               and is_concrete(_TITLES.sub("", text[clauses[j][0]:clauses[j][1]])) for j in range(i)):
            return False
    return True


def named_in_judged(text: str, name: str) -> bool:
    """Whether ``name`` (a named model) stands only inside what a sentence praises or rules on (王某对…打造“品质小区、幸福邻里”
    红色物业党建工作给予了充分的肯定): the praise reports no work of the model."""
    read = fold_name(without_pinyin(text or "")[0])
    name = fold_name(name or "")
    spans = [(m.start(1), m.end(1)) for m in _JUDGED.finditer(read)]
    at = [i for i in range(len(read)) if read.startswith(name, i)] if name else []
    return bool(at and spans) and all(any(a <= i < b for a, b in spans) for i in at)


def named_in_general_line(text: str, name: str) -> bool:
    """Whether the clause of ``text`` naming ``name`` (a named model) is a general line (做实“党建+网格化”, 深化“网格化管理、
    梯次式自治”: a verb of attitude or of making better in general, no verb of work, no figure) that the next clause does not
    carry out with one: the sentence's other verbs report other work, not the model's."""
    read, named = fold_name(without_pinyin(text or "")[0]), fold_name(without_pinyin(name or "")[0])
    at = read.find(named) if named else -1
    if at < 0:
        return False
    clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(read)]
    k = next((i for i, (a, b) in enumerate(clauses) if a <= at < b), None)
    if k is None:
        return False
    a, b = clauses[k]
    words = _TITLES.sub("", read[a:b])
    if not _ATTITUDE_OPENS.match(words) or is_concrete(words) or has_figure(read[a:b]):
        return False
    after = _TITLES.sub("", read[clauses[k + 1][0]:clauses[k + 1][1]]) if k + 1 < len(clauses) else ""
    return not (after and (is_concrete(after) or has_figure(after)) and not _ATTITUDE_OPENS.match(after))


_GRADED = "grade_evidence"     # a ``memo`` key's first part (other callers keep other answers in it)


# a sentence opening with someone's pledge (区政府主管领导当场表态：把…结合起来，优先解决…): what they promise, not work done
_PLEDGED = re.compile(r"\s*[^，,。；;：:“”]{1,20}?(?:表态|承诺|许诺)[，,：:]")


# a sentence opening with the guiding thought (以…思想为指导，全面贯彻…，坚持党建引领、人民至上…): a plan's or a
# programme's general line, after a heading (一、总体要求) where it has one — its verbs (贯彻, 坚持, 健全) do no work
_GUIDED = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、\s*)?(?:总体要求|指导思想)?\s*(?:坚持)?以[^，,。；;！？!?]{2,40}?"
                     r"(?:思想|理论|精神)为(?:指导|指引)")


# CPPCC or NPC members' own work in the place they come to, named only as 该村/该社区 (…政协委员参与该村院场会10余场次，…协调解决
# …问题10余个): the members', no work the place reports
_MEMBERS_DID = re.compile(r"(?:政协|人大)[^，,。；;！？!?]{0,8}?(?:委员|代表)(?:组|们)?[^，,。；;！？!?]{0,4}?"
                          r"(?:参与|深入|走进|来到|赴|通过|帮助|协助|助力|走访)[^。；;！？!?]*?该(?:村|社区|镇|乡|街道|小区)")


def members_work(text: str | None) -> bool:
    """Whether ``text`` reports CPPCC or NPC members' own work in the place they come to (…政协委员参与该村…，…协调解决…问题
    10余个, :data:`_MEMBERS_DID`): its figures measure no practice of the place's."""
    return bool(text) and _MEMBERS_DID.search(fold_name(without_pinyin(text)[0])) is not None


# (what a visiting group — 调研组一行, 代表团, 政协委员 — goes to see, named after its verb of visiting to the clause's end:
# ``queries.model_roles.VISITED_AFTER``, which the model roles read too)


def conceded_only(text: str | None, practice: str) -> bool:
    """Whether ``text`` names ``practice`` only inside what a concession grants (我市还有40多个小区，虽然成立了业主委员会，但…
    发挥不了作用…): the ground of a problem the sentence states, no work of the practice reported — nor a claim of it."""
    if not text or not ("虽" in text or "尽管" in text):
        return False
    from loaders.reference import load_taxonomy

    spans = [(m.start(), m.end()) for m in _CONCESSION.finditer(text)]
    if not spans:
        return False
    hits = [pos for pos, p in load_taxonomy().hits(text) if p == practice]
    return bool(hits) and all(any(a <= pos < b for a, b in spans) for pos in hits)


# a clause naming the field a problem is found in (如在物业治理方面，部分老旧小区因…难以吸引专业物业公司入驻，往往陷入…恶性循环):
# the field, then what goes wrong there
_PROBLEM_FIELD = re.compile(r"(?:如|例如|比如|特别是|尤其是)?在[^，,。；;：:！？!?]{1,20}?(?:方面|领域|问题上)\s*[，,]")
_PROBLEM_WORDS = re.compile(r"难以|无法|陷入|恶性循环|问题突出|困难|短板|滞后|薄弱|错位|缺乏|缺少|不足|不到位|不充分|参差不齐")
_WORK_DONE = re.compile(r"建立|成立|开展|实施|推进|推行|完善|健全|出台|打造|建成|组建|解决了|破解")
# a reply's heading restating the problem a proposal raised (一、关于社区组织力量比较薄弱、…经费来源…不适应的问题。)
_PROBLEM_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])?\s*关于[^。；;！？!?\n]{2,120}?"
                              r"(?:的问题|的困难|不足的问题|难的问题)[。：:]?\s*")


def problem_only(text: str | None, practice: str) -> bool:
    """Whether ``text`` names ``practice`` only as the field a problem is found in (如在物业治理方面，部分老旧小区因…问题，
    难以吸引专业物业公司入驻，往往陷入…恶性循环): the rest of the sentence states what goes wrong there and reports no work —
    a paper's or a proposal's example of a problem, no work of the practice, nor a claim of it; so too where the sentence is
    a reply's heading restating the problem a proposal raised (一、关于社区…经费来源…与所承担的职责任务不适应的问题。)."""
    if not text:
        return False
    if "关于" in text and _PROBLEM_HEADING.fullmatch(fold_name(without_pinyin(text)[0])) is not None:
        return True
    if "在" not in text:
        return False
    spans = [(m.start(), m.end()) for m in _PROBLEM_FIELD.finditer(text)]
    if not spans:
        return False
    from loaders.reference import load_taxonomy

    hits = [pos for pos, p in load_taxonomy().hits(text) if p == practice]
    if not hits or not all(any(a <= pos < b for a, b in spans) for pos in hits):
        return False
    rest = text[max(b for a, b in spans):]
    return _PROBLEM_WORDS.search(rest) is not None and _WORK_DONE.search(rest) is None


# what a standard's quoted term spells out (“一有”即有坚强的党组织、…和广泛的社区社会组织；“二厅”即…)
_SPELLED_OUT = re.compile(r"”即([^；;。！？!?“”]{1,80})")


def rule_only(text: str | None, practice: str) -> bool:
    """Whether ``text`` names ``practice`` only inside a rule it quotes (根据《…》关于“…每百户拥有社区综合服务设施面积不低于
    30平方米”的精神，…已达到成立新社区的条件) or among what a standard's quoted term spells out (“一有”即有…广泛的社区社会
    组织): what a rule or standard asks for — no work of the practice, nor a claim of it, by the place whose sentence
    quotes it."""
    if not text or "“" not in text:
        return False
    from loaders.reference import load_taxonomy

    read = fold_name(without_pinyin(text)[0])
    at = [pos for pos, p in load_taxonomy().hits(read) if p == practice]
    rules = [(q.start() + 1, q.end() - 1) for q in _QUOTED.finditer(read)
             if _QUOTED_PROVISION.search(read, q.start(), q.end()) or _QUOTED_AS_RULE.match(read, q.end())]
    # (and what a standard's quoted term spells out, “一有”即有…广泛的社区社会组织；: the standard's words, up to the clause
    # of the next term)
    rules += [(m.start(1), m.end(1)) for m in _SPELLED_OUT.finditer(read)]
    return bool(at and rules) and all(any(a <= pos < b for a, b in rules) for pos in at)


def visited_only(text: str | None, practice: str) -> bool:
    """Whether ``text`` names ``practice`` only among what a visiting group goes to see (``queries.model_roles.VISITED_AFTER``: 调研组一行
    走访了某小区“网格工作室”): a room or place seen, no practice the sentence reports of the place."""
    from loaders.reference import load_taxonomy

    if not text:
        return False
    read = fold_name(without_pinyin(text)[0])
    return all_visited(read, [pos for pos, p in load_taxonomy().hits(read) if p == practice])


_SENTENCES = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")


def visitors_only(text: str | None, practice: str) -> bool:
    """Whether ``text`` (a quote of two sentences or more: ``graph.delta`` quotes a sentence carrying on a visiting group's
    with it) names ``practice`` only in sentences carrying on one whose subject is a visiting group that goes to see the
    place (调研组一行冒雨实地走访了…。随后，…与居民代表等进行座谈): the visitors' forum or talk, no practice of the place's."""
    if not text or not CARRIES_ON.search(text):
        return False
    from loaders.reference import load_taxonomy

    read = fold_name(without_pinyin(text)[0])
    sentences = [(m.start(), m.end()) for m in _SENTENCES.finditer(read)]
    hits = [pos for pos, p in load_taxonomy().hits(read) if p == practice]
    if not hits:
        return False
    for pos in hits:
        k = next((i for i, (a, b) in enumerate(sentences) if a <= pos < b), None)
        if k is None or k == 0 or CARRIES_ON.match(read, sentences[k][0]) is None:
            return False
        if VISITED_AFTER.search(read, *sentences[k - 1]) is None:
            return False
    return True


def _claimed(text: str, status: str | None) -> bool:
    """Whether ``text`` is a statement only whatever figure measures it: a plan, a duty, a wish, a pledge, a general
    line under the guiding thought, CPPCC or NPC members' work in the place they come to."""
    # a measure reported as done may still be quoted by its plan sentence (…。今年，我区将以…): that piece is a plan
    return bool(is_plan(text, status) or is_plan(text) or (status is None and states_duty(text)) or _WISHED.search(text)
                or "问卷" in text and _ANSWERED_SURVEY.search(text)
                or _PLEDGED.match(text) or _GUIDED.match(text) or _MEMBERS_DID.search(text))


def _unmeasured(text: str) -> str:
    """The grade of ``text`` where it is not ``_claimed`` and no figure measures it."""
    if _HEADING.fullmatch(text):
        return "claimed"
    # the verbs of a title or a quoted name (“…网格员落实”模式) are no action, nor those of what a term
    # is defined as (网格员是指由街道招聘…的人员), nor those a concession grants (虽然成立了…，但…)
    if is_concrete(_GENERAL.sub("", _FAILED.sub("", _CONCESSION.sub("", _DEFINITION.sub("", _TITLES.sub("", text)))))):
        return "described"
    return "claimed"


# a title of another field (全国民族团结进步示范县, 全国文明城市, 国家卫生城市, 全国双拥模范城): it recognises the place for
# that field, not for a practice of community governance quoted beside it
_OTHER_FIELD = re.compile(r"民族团结|文明城市|文明城区|文明县城|卫生城市|卫生县城|园林城市|双拥模范|拥军优属|生态文明|全域旅游|"
                          r"旅游城市|森林城市|电子商务|食品安全|义务教育|体育|健康城市|生态")


def recognition(text: str, levels: tuple[tuple[str, re.Pattern[str]], ...] = RECOGNITION_LEVELS) -> str | None:
    """Highest level of outside recognition the text reports: national, provincial, media, or None
    (of ``levels``); a title of another field (:data:`_OTHER_FIELD`) recognises nothing here."""
    for level, pattern in levels:
        if any(not _OTHER_FIELD.search(m.group()) for m in pattern.finditer(text or "")):
            return level
    return None


def recognition_about(text: str, place_id: str, place_name: str, memo: dict[Any, Any] | None = None) -> str | None:
    """``recognition`` counted for one place only: the highest level found in a sentence of ``text``
    that names no administrative unit outside the place's own line (the place, the units it is
    part of, the units within it). “学习山东省武城县经验……新华社内参” is 武城县's media report, not
    the learner's. ``place_id`` is the place's 6-digit code where known. ``memo``: as
    ``grade_evidence``'s — the sentences of ``text`` that report a recognition, found once per text (a
    fill asks this of a measure's quote for each practice and place of it); only the places they name
    are checked per place."""
    # a province is recognised by the nation or the press, not by a province's own words
    levels = _BELOW_PROVINCE if _is_province(place_id) else RECOGNITION_LEVELS
    if memo is None:
        found = _recognised(text, levels)
    else:
        key = (_RECOGNISED, text or "", levels is _BELOW_PROVINCE)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _recognised(text, levels)
    best: str | None = None
    for sentence, level in found:
        if best is not None and _LEVELS.index(level) >= _LEVELS.index(best):
            continue
        if not _names_other_place(sentence, place_id, place_name):
            best = level
    return best


_RECOGNISED = "recognition_about"     # its ``memo`` keys' first part


def _recognised(text: str, levels: tuple[tuple[str, re.Pattern[str]], ...]) -> list[tuple[str, str]]:
    """(sentence, level) of each sentence of ``text`` that reports a recognition of ``levels``, in order."""
    found = []
    for sentence in sentences(text or ""):
        level = recognition(sentence, levels)
        if level is not None:
            found.append((sentence, level))
    return found


_LEVELS = [level for level, _p in RECOGNITION_LEVELS]
_BELOW_PROVINCE = tuple((level, p) for level, p in RECOGNITION_LEVELS if level != "provincial")


def _is_province(place_id: str) -> bool:
    """Is ``place_id`` a province's 6-digit code (its last four digits 0000)?"""
    return len(place_id) == 6 and place_id.isdigit() and place_id.endswith("0000")


def _names_other_place(sentence: str, place_id: str, place_name: str) -> bool:
    """Whether ``sentence`` names an administrative unit (as the extractor reads them, so 新华社 is no
    新华区) that is neither the place, nor one it is part of, nor one within it."""
    from loaders.reference import admin_mentions, load_gazetteer, words_apart

    words_apart()          # (the words it checks from a table, not the 67 MB lexicon: a fill extracts nothing)
    gaz = load_gazetteer()
    code = place_id if place_id.isdigit() and len(place_id) == 6 else gaz.code_for_full_name(place_name)
    for hit in admin_mentions(sentence, None, gaz):
        if hit.as_written in place_name:
            continue
        if code is None or not (hit.code == code or gaz.is_within(hit.code, code) or gaz.is_within(code, hit.code)):
            return True
    return False
