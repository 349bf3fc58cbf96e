"""How a named model's own sentence presents it, where that is not as a practice model of the place.

- ``learnt``: a model the place learns or carries on from elsewhere (``学习运用“浦江经验”``, ``借鉴…“X”经验``,
  ``坚持和发展新时代“枫桥经验”``, ``创新“…经验”``, ``将“千万工程”经验转化为…实效``): its owner is the place it comes from where the sentence names one (the
  models step credits 学习P“…” to P), else none — never the learner.
- ``aim``: an aim, principle, slogan or quality the place strives for (``“…”的目标``, ``“…”的原则``, a formula
  it keeps to, ``坚持自治法治德治“三治融合”``,
  ``“扁平化、精细化”的管理服务能力``, ``锚定“…”目标``, what it works hard at, ``在“服务增效、治理增能”下硬功夫``, the fields its work centres on, ``围绕“产业发展提质、招商引资增效、作风建设深化”三项工作``, ``“…”的解决思路``, ``以“抓基础、重攻坚、促发展”的工作思路``, ``以“…”为主线``), or a slogan of parallel clauses that
  is an event's theme (``“志愿点亮寒假，暖意沁润童心”寒假系列活动``) or the state work results in
  (``形成“小事不出网格，大事不出社区”``, ``真正实现了“小事不出网格、大事不出社区、难事不出街道”``), or watchwords of four
  characters naming the pattern work results in (``构建起“党建引领、多元参与、协商共治、网格协办”的治理生态圈``, ``…”的工作格局``):
  no practice model.

- ``feature``: a part of an app or platform, a menu item or column (``“看新闻”“办政务”“享服务”三大主要板块``): a
  name on a screen, no practice model.
- ``venue``: where something happens, the name after 在 and straight before a comma (``在某村“某福大舞台”，委员组观看…``):
  a stage, hall or room the sentence's event takes place in, no practice model; so is a room a visiting group goes to
  see (``调研组一行实地走访了某小区“网格工作室”、…``).
- ``listed``: one name of a list of quoted names a sentence holds up as the place's examples (``形成雁阵“1465”行动、“某管家团”、
  “某红管家”等社区治理典型``): the sentence names it and says nothing of what it is; so does a clause that calls it only a
  measure (``强化“某某”实验举措，…``), a numbered heading saying only that it grew (``（五）“某某”融合进一步加强发展。``) and a
  photo caption naming where it began (``“某某工程”源起地某村。``), and the field of an honour something was chosen for
  (``…项目入选某市“五社联动”…典型项目案例``).

A city's brand (``助力“和谐延吉”建设``: a quality and the place's short name) is an aim, and so are watchwords naming a
campaign (``实施“党建引领、居民自治”专项行动``), a state work is to ensure (``确保…“一竿子捅到底”，…``), qualities listed
for one place or for kinds of home (``努力建设“宜居某峰、平安某峰”``, ``打造“品质小区、幸福邻里”``), the effect work
reached (``达到了“…”的治理效果``) and parallel phrases of one length as a way of thinking (``按照“调研对象全覆盖、
调研问题全收集、调研建议全交办”的工作思路``). The annotated sets count all
of them as named models of the learner (the extraction keeps them: its scores follow
the gold); the pages that present a model as the place's practice read this role from the sentence that
names it (``named_model``, ``city_profile``, ``compare_cities``).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from loaders.reference import fold_name, without_pinyin

__all__ = ["AIM", "FEATURE", "LEARNT", "LISTED", "VENUE", "brand_table", "model_role", "names_source", "write_brand_table"]

LEARNT = "learnt"
AIM = "aim"
FEATURE = "feature"
VENUE = "venue"
LISTED = "listed"

_OPEN = "“「『‘\"'"
_CLOSE = "”」』’\"'"
# a verb of learning before the name, a few words (a place, 先进) between
_LEARN_BEFORE = re.compile(r"(?:学习|借鉴|复制|效仿|取经)[^，,。；;：:“”「」]{0,10}$")
# a model carried on from its origin (坚持和发展新时代“枫桥经验”)
_FOLLOW_BEFORE = re.compile(r"(?:坚持和发展|坚持发展|发展)新时代$")
# an experience carried on in the place's own way (创新“枫桥经验”, 传承和弘扬“…经验”): a model of elsewhere it follows
_RENEW_BEFORE = re.compile(r"(?:创新|传承|弘扬|践行)(?:和|与)?(?:发展|弘扬|传承)?(?:新时代)?$")
# a model whose experience the place turns into its own work (将“千万工程”经验转化为移民工作实效, 把“…”经验运用到…)
_APPLIED_BEFORE = re.compile(r"(?:将|把)$")
_APPLIED_AFTER = re.compile(r"^(?:的)?(?:先进)?经验(?:做法)?(?:转化为|转化成|运用到|运用于|应用到|应用于)")
# a principle the place adheres to, after 坚持 with no verb of work between (坚持共建共治共享“三共联动”、自治法治德治
# “三治融合”): a formula it keeps to, not a model of its own (坚持打造“…”, 坚持推行“…” report work)
_ADHERE_BEFORE = re.compile(r"坚持(?P<between>[^，,。；;：:]{0,40})$")
_WORK_VERB = re.compile(r"打造|推行|推进|推动|建立|建设|实施|创新|深化|探索|推广|运用|开展|构建|完善|健全|落实|发挥|用好|做实|做强|"
                        r"擦亮|创建|设立|成立|组建|举办|以|用|把|将|在")
# (quoted names listed straight after it share the word that closes the list, “先基础、后提升”，“先功能、后景观”的原则:
# each is a principle)
_SIBLINGS = r"(?:[、，,和及与]?[“「『][^”」』“「『]{1,16}[”」』])*"
_AIM_AFTER = re.compile(r"^" + _SIBLINGS + r"(?:等)?的?[^，,。；;：:“”「」]{0,8}?(?:目标|愿景|理念|原则|宗旨|口号|方向|解决思路|能力|水平)"
                        r"|^为(?:主线|导向|遵循|指引)"          # (以“铸牢…意识”为主线: the line work follows)
                        # a problem to solve (解决社区“有址办公、有人办公、有钱办事”的问题), the contents or standard a
                        # campaign sets (开展“设施配套完善、…”等内容的“文明小区”创建活动, “四有”标准): what is to be reached
                        r"|^(?:等)?的?(?:问题|难题)|^(?:等)?(?:为)?(?:主要)?内容|^(?:等)?的?[^，,。；;：:“”「」]{0,4}?(?:标准|要求)(?!化)"
                        # the effect work reached (真正达到了“…”的治理效果): a state, not a scheme
                        r"|^的[^，,。；;：:“”「」]{0,4}?(?:效果|成效)")
# watchwords that each open with a verb of effort (强化党建引领、激发红色活力、打造红色物业), held up as what work grips
# (以“…”为抓手): a slogan, not a scheme's parts
_EXHORT_PART = re.compile(r"(?:强化|激发|打造|提升|深化|推进|坚持|加强|建设|完善|健全|做实|做优|做强|夯实|优化|凝聚|筑牢|激活|"
                          r"促进|推动|服务|实现|增强)[\u4e00-\u9fff]{2,6}")
_GRIP_AFTER = re.compile(r"^为(?:抓手|载体|重点|统领|引领|突破口|切入点)")

# the part of an app or platform the name is one of (“看新闻”“办政务”“享服务”三大主要板块, “…”栏目): a screen's item
_FEATURE_AFTER = re.compile(r"^(?:[“「『‘][^”」』’]{1,12}[”」』’][、，,和及与]?)*[^，,。；;：:“”「」]{0,8}?"
                            r"(?:板块|栏目|模块|菜单|专栏|专区|频道)")
# a city's brand: a quality and the place's short name (“和谐延吉”建设, “幸福某县”品牌), not a platform named so
_QUALITIES = ("和谐", "平安", "美丽", "幸福", "文明", "魅力", "活力", "品质", "大美", "法治", "善治", "宜居", "健康", "人文",
              "诚信", "书香", "绿色", "生态")
_BRAND_QUALITY = re.compile(f"^(?:{'|'.join(_QUALITIES)})")
# places or kinds of home a list of qualities names (“品质小区、幸福邻里”): the qualities sought for them
_HOME_KINDS = frozenset({"小区", "社区", "邻里", "家园", "村庄", "乡村", "村居", "街道", "楼院", "院落", "校园", "城市", "城区"})
_PLATFORM_AFTER = re.compile(r"^[^，,。；;：:“”「」]{0,4}?(?:平台|APP|App|app|小程序|系统|公众号|网|热线|中心)")
# a slogan of three or more short parallel phrases (抓基础、重攻坚、促发展) as a way of thinking (…的工作思路): the
# place's watchwords; a scheme's parts (“政府引导+多方投入”工作思路) or a numbered model (“123456”工作思路) are its own
_SLOGAN = re.compile(r"[^、，,+＋]{2,5}(?:[、，,][^、，,+＋]{2,5}){2,}")
_THINKING_AFTER = re.compile(r"^的?[^，,。；;：:“”「」]{0,4}?思路")
# a slogan of two or more parallel clauses (“小事不出网格，大事不出社区”): the theme of an event it names
# (“…，…”寒假系列活动, “…，…”民主议事会) or a state the work results in (形成“…，…”)
_COUPLET = re.compile(r"[^，,、；;]{2,12}[，,][^，,、；;]{2,12}")
_EVENT_AFTER = re.compile(r"^[^，,。；;：:“”「」]{0,6}?(?:系列活动|主题活动|议事会|座谈会|大会)")
_RESULT_BEFORE = re.compile(r"(?:形成|实现|做到)了?$")
# the pattern work results in, named by its watchwords (构建起“党建引领、多元参与、协商共治、网格协办”的治理生态圈): its qualities
# (…的社区社会组织发展路径: the course work follows, named by its watchwords, as a pattern is)
_PATTERN_AFTER = re.compile(r"^的?[^，,。；;：:“”「」]{0,10}?(?:格局|生态圈|局面|态势|新貌|氛围|发展路径|工作路径|实践路径)")
# the fields work is centred on, counted (围绕“产业发展提质、招商引资增效、作风建设深化”三项工作): its aims, not a scheme
_AROUND_BEFORE = re.compile(r"围绕$")
_COUNTED_FIELDS_AFTER = re.compile(r"^(?:等)?[一二三四五六七八九十两\d]+(?:项|个|大)(?:重点)?(?:工作|任务|重点|方面|目标)")
# what the place works hard at (在“服务增效、治理增能”下硬功夫, 在“…”上下足功夫): where it puts its effort, an aim
# what the work contributes to (为建设某市“四强两区一美”两湾先行试验区作出积极贡献): a goal the place sets, not a scheme it runs
_CONTRIBUTE_BEFORE = re.compile(r"为(?:建设|打造|实现|推动|加快|推进)[^，,。；;：:“”「」]{0,12}$")
_CONTRIBUTE_AFTER = re.compile(r"^[^，,。；;：:“”「」]{0,16}?(?:作出|做出)[^，,。；;：:“”「」]{0,4}?贡献")
# watchwords naming a campaign (实施“党建引领、居民自治”专项行动): the campaign's slogan, not a scheme of parts
_CAMPAIGN_AFTER = re.compile(r"^[^，,。；;：:“”「」]{0,4}?(?:专项行动|行动|活动)")
# a state work is to ensure, ending its clause (确保各项决策部署“一竿子捅到底”，直接落到…): an aim
_ENSURE_BEFORE = re.compile(r"(?:确保|保证|力争|力求)[^，,。；;：:“”「」]{0,12}$")
_CLAUSE_ENDS_AFTER = re.compile(r"^(?:[，,。；;！!]|$)")
_AT_BEFORE = re.compile(r"在$")
_EFFORT_AFTER = re.compile(r"^[上下]?[下用]?(?:硬|真|足|苦|狠|大)?(?:功夫|工夫|气力)")


# where the sentence's event takes place (在某村“某福大舞台”，委员组观看…): 在 and at most a place's name before the name, a
# comma straight after it
_VENUE_BEFORE = re.compile(r"在(?:[\u4e00-\u9fff]{0,6}(?:村|社区|镇|乡|街道|小区|区|县|市))?$")    # (not 在某区广泛推广“…”)
_VENUE_AFTER = re.compile(r"^[，,]")
# a room, hall or station a name ends with or names straight after it (“网格工作室”, “月月说事”议事厅): a place one can visit
_ROOMS = r"(?:室|厅|站|馆|中心|之家|驿站|书屋|长廊|广场|舞台)"
_ROOM = re.compile(_ROOMS + "$")
_ROOM_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,4}?" + _ROOMS)
# a list of quoted names (each with at most a word before or after its marks) held up as examples, closed by 等 and their
# kind (…“A”行动、“B”、“C”等社区治理典型): the name is one of them, no more is said of it
_QUOTED_ITEM = r"[“「『][^”」』]{1,12}[”」』][\u4e00-\u9fff]{0,2}"
# (the names may follow each other with no mark between, “A”“B”等项目服务; the kind may be the work they stand for,
# 推广“A”、“B”等创新做法, 推进“A”“B”等项目服务: the sentence names them, it does not say what they are)
_LISTED_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,2}(?P<more>(?:[、和及]?[\u4e00-\u9fff]{0,2}" + _QUOTED_ITEM + r")*)"
                           r"等[^，,。；;：:“”「」]{0,8}?(?:典型|品牌|亮点|做法|项目|活动)")
# (activities held, 定期开展“A”“B”等活动: the sentence names them, it says nothing of what they are)
_LISTED_BEFORE = re.compile(r"(?:形成|打造|涌现出?|培育出?|树立|推广|推进|开展|举办)了?[^，,。；;：:“”「」、]{0,4}"
                            r"(?P<earlier>(?:" + _QUOTED_ITEM + r"[、和及]?[\u4e00-\u9fff]{0,2})*)$")

# a run of quoted activities, each counted (开展“A”党建活动116场，“B”志愿活动168场，…): the sentence counts them, it says
# nothing of what they are
_ACTIVITY_COUNTED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?活动\d")
_ACTIVITY_COUNTED = re.compile(r"”[\u4e00-\u9fff]{0,6}?活动\d")

# a name its clause says nothing of (原文仅列出名称): called only a measure (强化“某某”实验举措，…), a numbered heading that
# says only that it grew (（五）“某某”融合进一步加强发展。), a photo caption naming where it began (“某某工程”源起地某村。)
_CLAUSE_MARKS = re.compile(r"[，,；;：:。！？!?]")
_ONLY_VERB_BEFORE = re.compile(r"\s*(?:强化|推进|加强|深化|落实|实施|推行|创新)")
_ONLY_MEASURE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:举措|措施)")
_ORDINAL_ONLY = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])?\s*")
_ONLY_GREW_AFTER = re.compile(r"(?:融合)?(?:进一步|不断|持续|全面|逐步)?(?:加强|深化|发展|提升|巩固|推进|完善|强化)+")
_ORIGIN_AFTER = re.compile(r"^的?(?:源起地|发源地|诞生地|起源地|首创地)")


# the rest of a title the name opens, then that the piece was chosen or honoured (…》入选2024年“…”优秀案例)
_TITLE_HONOURED_AFTER = re.compile(r"^[^《》。；;]{0,40}》(?:成功)?(?:入选|获评|被评为|荣获|获得|被确定为|被列为)")


# a quoted name, the kind of thing it names, then only that it was chosen or honoured, the clause ending there (“某某治理”
# 某某服务项目入选某市…典型项目案例；): a case's name, as a title is
_NAME_HONOURED_AFTER = re.compile(r"^[^，,。；;：:“”「」《》]{0,16}?(?:成功)?(?:入选|获评|被评为|荣获|被确定为|被列为)"
                                  r"[^，,。；;：:]{0,40}?(?:案例|称号|奖|典型)[\s]*(?:[；;。]|$)")
# the field of an honour or a list something was chosen for (…项目入选某市“五社联动”…典型项目案例): the name titles
# the honour, the sentence says nothing of a scheme of that name
_HONOUR_BEFORE = re.compile(r"(?:入选|获评|荣获|被评为|被确定为|被列为)[^，,。；;：:“”「」]{0,12}$")
_HONOUR_AFTER = re.compile(r"^[^，,。；;：:“”「」]{0,16}?(?:案例|称号|奖)")


# the rest of a project's name, then only that it (and the projects listed after it) was chosen or honoured, to the sentence's
# end (某社区“…，推进党建引领楼栋文化建设”项目、某社区“…”项目入选某市《…》创新案例；): a case's name, read with the later
# names' quotes and titles blanked (their commas are theirs)
# (the pattern, without its anchor: ``queries.grading`` reads a practice named inside such a name by it too)
CHOSEN_PROJECT = (r"[\u4e00-\u9fff]{0,8}?(?:项目|案例|课题)(?:[、和及与][^，,。；;：:！？!?]{0,60}?)?(?:成功)?"
                  r"(?:入选|获评|被评为|荣获|被确定为|被列为)[^，,。；;：:！？!?]{0,40}?(?:案例|称号|奖|典型)"
                  r"[^，,。；;：:！？!?]{0,6}?\s*(?:[；;。！？!?]|$)")
_CHOSEN_PROJECT_AFTER = re.compile("^" + CHOSEN_PROJECT)
_QUOTED_OR_TITLE = re.compile(r"[“「『][^“”「」『』]*[”」』]|《[^《》]*》")


def _untold(before: str, after: str) -> bool:
    """Does the clause naming the model say nothing of it (``_ONLY_MEASURE_AFTER``, ``_ONLY_GREW_AFTER``, ``_ORIGIN_AFTER``,
    a case title opening with it that was only chosen or honoured, ``_TITLE_HONOURED_AFTER``)?
    ``before`` and ``after``: ``_around``'s."""
    if _ORIGIN_AFTER.match(after) or (_HONOUR_BEFORE.search(before) and _HONOUR_AFTER.match(after)):
        return True
    if _NAME_HONOURED_AFTER.match(after) and _ORDINAL_ONLY.fullmatch(_CLAUSE_MARKS.split(before)[-1].strip("—-")):
        return True         # (“某某治理”社会工作服务项目入选…典型项目案例；: a case's name, only that it was chosen)
    if _CHOSEN_PROJECT_AFTER.match(_QUOTED_OR_TITLE.sub(lambda m: "　" * len(m.group()), after)):
        return True         # (某社区“…”项目、某社区“…”项目入选某市…创新案例: a project's name, only that it was chosen)
    if before.endswith("《") and _TITLE_HONOURED_AFTER.match(after):
        return True         # (《“五步”推进社区治理…》入选…优秀案例: a case's title, only that it was chosen)
    head = _CLAUSE_MARKS.split(before)[-1]
    tail = _CLAUSE_MARKS.split(after)[0]
    if _ONLY_VERB_BEFORE.fullmatch(head) and _ONLY_MEASURE_AFTER.fullmatch(tail):
        return True
    ends = after[len(tail):len(tail) + 1] in ("", "。", "；", ";")
    return not _CLAUSE_MARKS.search(before) and _ORDINAL_ONLY.fullmatch(before) is not None and ends \
        and _ONLY_GREW_AFTER.fullmatch(tail) is not None


# (调研组一行实地走访了某小区“网格工作室”、某小区“党支部工作室”，…): rooms and places seen, no work reported of them
VISITED_AFTER = re.compile(r"(?:一行|调研组|考察组|检查组|督查组|督导组|视察组|考察团|代表团|委员|代表)"
                           r"[^。；;！？!?\n]{0,30}?(?:实地|现场)?(?:走访|参观|察看|查看|视察|考察)了?([^，,。；;！？!?\n]{2,80})")
# … not the place's own work inspected (市政协委员视察我市网格化服务管理工作: the city's work, which it does)
OWN_WORK_SEEN = re.compile(r"^(?:了)?(?:我|本)(?:省|市|州|盟|区|县|旗|镇|乡|街道|社区|村)|工作$")


def name_visited(text: str | None, name: str) -> bool:
    """Whether every mention of ``name`` (a named model) in ``text`` is among what a visiting group goes to see
    (:data:`VISITED_AFTER`: 调研组一行走访了某小区“网格工作室”): a room or place seen, no scheme of the place's."""
    if not text or not name:
        return False
    read, named = fold_name(without_pinyin(text)[0]), fold_name(without_pinyin(name)[0])
    return all_visited(read, [i for i in range(len(read)) if read.startswith(named, i)])


def all_visited(read: str, at: list[int]) -> bool:
    """Whether there are offsets ``at`` in ``read`` (a sentence, folded) and every one is among what a visiting group
    goes to see (:data:`VISITED_AFTER`, not the place's own work inspected, :data:`OWN_WORK_SEEN`)."""
    if not at:
        return False
    seen = [m.span(1) for m in VISITED_AFTER.finditer(read) if not OWN_WORK_SEEN.search(m.group(1))]
    return all(any(lo <= pos < hi for lo, hi in seen) for pos in at)


_WINDOW = 80      # characters read before and after a name: more than any rule above looks at


# a mirror page's doubled mark (居民携手共治,,党群同心共建; 社区工作者,、): one mark
_DOUBLED_MARK = re.compile(r"([，,、；;])[，,、；;]+")


def _read(text: str) -> str:
    """``text`` as the rules read it: simplified characters, a mirror page's pinyin glosses dropped (學(xué)習(xí)),
    a doubled mark one mark."""
    return _DOUBLED_MARK.sub(r"\1", fold_name(without_pinyin(text)[0]))


def _around(name: str, sentence: str) -> tuple[str, str] | None:
    """The words before the name's opening mark and after its closing one, the first quoted mention
    (both read by ``_read``)."""
    name, sentence = _read(name), _read(sentence)
    if name not in sentence:       # (a name written with its quote closing inside it, “三治”融合: read as “三治融合”)
        for cut in range(1, len(name)):
            split = f"“{name[:cut]}”{name[cut:]}"
            if split in sentence:
                sentence = sentence.replace(split, f"“{name}”", 1)
                break
    at, k = -1, sentence.find(name)
    while k >= 0:
        if k > 0 and sentence[k - 1] in _OPEN:
            at = k
            break
        k = sentence.find(name, k + 1)
    if at < 0:
        return None
    end = at + len(name)
    end += 1 if end < len(sentence) and sentence[end] in _CLOSE else 0
    # (the rules read at most this far on either side: the window keeps each search short)
    return sentence[max(0, at - 1 - _WINDOW):at - 1], sentence[end:end + _WINDOW]


def _parallel(name: str) -> bool:
    """Is ``name`` a slogan of parallel phrases: two clauses across a comma (小事不出网格，大事不出社区), or three or
    more phrases of one length that share a character at one place (小事不出网格、大事不出社区、难事不出街道; not the
    parts of a scheme, 双向进入、交叉任职, nor of a structure, 社区党组织、网格党支部、楼栋党小组、党员中心户)?"""
    if _COUPLET.fullmatch(name):
        return True
    parts = name.split("、")
    return (len(parts) >= 3 and len({len(p) for p in parts}) == 1 and len(parts[0]) >= 4
            and any(len({p[i] for p in parts}) == 1 for i in range(len(parts[0]))))


def _watchwords(name: str) -> bool:
    """Is ``name`` three or more watchwords of four characters listed with 、 (党建引领、多元参与、协商共治; pairs of them across
    commas too, 党委领导、政府支持，上下合力、部门联动), or of three that each close with a quality (组织红、队伍强、机制活; not
    roles or bodies, 网格员、楼栋长、单元长)?"""
    parts = re.split(r"[、，,]", name) if "、" in name else []
    if len(parts) < 3:
        return False
    return all(len(p) == 4 for p in parts) or all(len(p) == 3 and p[-1] not in _BODY_ENDS for p in parts)


_BODY_ENDS = "员长会部委组站室队所局办厅处科院校村区市县镇乡"


def _watchword_pair(name: str) -> bool:
    """Is ``name`` two or more watchwords of four characters listed with 、 (党建引领、居民自治)?"""
    parts = name.split("、")
    return len(parts) >= 2 and all(len(p) == 4 for p in parts)


def _exhortations(name: str) -> bool:
    """Is ``name`` three or more phrases listed with 、, each opening with a verb of effort (强化党建引领、激发红色活力、
    打造红色物业)?"""
    parts = name.split("、")
    return len(parts) >= 3 and all(_EXHORT_PART.fullmatch(p) for p in parts)


def _parallel_fields(name: str) -> bool:
    """Is ``name`` two or more fields of work listed with 、 (产业发展提质、招商引资增效)?"""
    parts = name.split("、")
    return len(parts) >= 2 and all(2 <= len(p) <= 8 for p in parts)


def _brand(name: str) -> bool:
    """Is ``name`` a quality and a place's short name, the whole rest of it (和谐延吉), as the gazetteer's scan
    of ``name`` reads it? Answered from ``model_brands.txt`` (``brand_table``), so that a query never loads
    the gazetteer (≈ 50–120 ms, a page's call that met a name such as 和谐延吉)."""
    quality = _BRAND_QUALITY.match(name)
    if quality is None or not 2 <= len(name) - quality.end() <= 4:
        return False
    places, not_brands = _brands()
    return name[quality.end():] in places and name not in not_brands


def _brands_listed(name: str) -> bool:
    """Is ``name`` two or more qualities listed with 、, each naming one place or a kind of home (宜居某峰、平安某峰、
    美丽某峰; 品质小区、幸福邻里): the brands a place strives for, as a city's brand is (no gazetteer read)?"""
    parts = name.split("、")
    if len(parts) < 2:
        return False
    rests = []
    for part in parts:
        quality = _BRAND_QUALITY.match(part)
        if quality is None or not 2 <= len(part) - quality.end() <= 4:
            return False
        rests.append(part[quality.end():])
    return len(set(rests)) == 1 or all(rest in _HOME_KINDS for rest in rests)


_BRANDS = Path(__file__).with_name("model_brands.txt")
_BRANDS_HEADER = ("# The places a city's brand names after its quality (和谐延吉), for queries/model_roles.py ``_brand``:\n"
                  "# every name, short name and form of the gazetteer of 2 to 4 characters, then (after ``--``)\n"
                  "# each quality and place of them where the gazetteer's scan reads another place across the two\n"
                  "# (美丽江苏: 丽江). Generated from the gazetteer, do not edit; after a change to the gazetteer:\n"
                  "#   .venv/bin/python -c 'from queries.model_roles import write_brand_table; write_brand_table()'\n")


@functools.lru_cache(maxsize=1)
def _brands() -> tuple[frozenset[str], frozenset[str]]:
    """(places, names that are no brand) as ``model_brands.txt`` lists them."""
    lines = [line for line in _BRANDS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    cut = lines.index("--")
    return frozenset(lines[:cut]), frozenset(lines[cut + 1:])


def brand_table(gazetteer: Any) -> tuple[list[str], list[str]]:
    """What ``model_brands.txt`` holds, computed from ``gazetteer`` (``loaders.reference.load_gazetteer()``):
    every string its scan reads as a place (full names, short names, forms) of 2 to 4 characters, sorted;
    and every quality followed by one of them that its scan does not read so, the place ending the name
    (美丽江苏: the scan reads 丽江 first), sorted. A name of a quality and anything else is no brand: the
    scan's place there would be that string."""
    places = sorted({name for table in (gazetteer.by_name, gazetteer.by_form, gazetteer.by_alias)
                     for name in table if 2 <= len(name) <= 4})
    not_brands = sorted(quality + place for quality in _QUALITIES for place in places
                        if not any(hit.start == len(quality) and hit.end == len(quality) + len(place)
                                   for hit in gazetteer.scan(quality + place)))
    return places, not_brands


def write_brand_table() -> Path:
    """Write ``model_brands.txt`` from the gazetteer (after a change to it; a test compares the two)."""
    from loaders.reference import load_gazetteer

    places, not_brands = brand_table(load_gazetteer())
    _BRANDS.write_text(_BRANDS_HEADER + "\n".join([*places, "--", *not_brands]) + "\n", encoding="utf-8")
    return _BRANDS


def model_role(name: str | None, sentence: str | None) -> str | None:
    """``learnt``, ``aim``, ``feature``, ``venue``, ``listed`` or None (a model the place's sentence presents as its own) for the
    model ``name`` as the sentence ``sentence`` names it."""
    if not name or not sentence:
        return None
    got = _around(name, sentence)
    if got is None:
        return None
    before, after = got
    read_name = _read(name)
    if (_LEARN_BEFORE.search(before) or _FOLLOW_BEFORE.search(before)
            or (_APPLIED_BEFORE.search(before) and _APPLIED_AFTER.match(after))
            or (read_name.endswith("经验") and _RENEW_BEFORE.search(before))):
        return LEARNT
    if _AIM_AFTER.match(after.lstrip()):
        return AIM
    if _FEATURE_AFTER.match(after.lstrip()):
        return FEATURE
    if (_brand(read_name) or _brands_listed(read_name)) and not _PLATFORM_AFTER.match(after.lstrip()):
        return AIM
    if _THINKING_AFTER.match(after.lstrip()) and (_SLOGAN.fullmatch(read_name) or _parallel(read_name)):
        return AIM
    adhered = _ADHERE_BEFORE.search(before)
    if adhered and not _WORK_VERB.search(adhered["between"]) and not _FOLLOW_BEFORE.search(before):
        return AIM
    if _parallel(read_name) and (_EVENT_AFTER.match(after) or _RESULT_BEFORE.search(before)):
        return AIM
    if _watchwords(read_name) and _PATTERN_AFTER.match(after):
        return AIM
    if _AT_BEFORE.search(before) and _EFFORT_AFTER.match(after):
        return AIM
    if _AROUND_BEFORE.search(before) and _COUNTED_FIELDS_AFTER.match(after) and _parallel_fields(read_name):
        return AIM
    if _CONTRIBUTE_BEFORE.search(before) and _CONTRIBUTE_AFTER.match(after):
        return AIM
    if _GRIP_AFTER.match(after) and _exhortations(read_name):
        return AIM
    if _CAMPAIGN_AFTER.match(after) and _watchword_pair(read_name):
        return AIM
    if _ENSURE_BEFORE.search(before) and _CLAUSE_ENDS_AFTER.match(after):
        return AIM
    if _VENUE_BEFORE.search(before) and _VENUE_AFTER.match(after):
        return VENUE
    if (_ROOM.search(read_name) or _ROOM_AFTER.match(after)) and name_visited(sentence, name):
        return VENUE        # (调研组一行走访了某小区“网格工作室”: a room the visitors saw)
    earlier, more = _LISTED_BEFORE.search(before), _LISTED_AFTER.match(after)
    if earlier and more and (earlier["earlier"] or more["more"]):
        return LISTED
    if _ACTIVITY_COUNTED_AFTER.match(after) and len(_ACTIVITY_COUNTED.findall(before + "”" + after)) >= 2:
        return LISTED       # (开展“A”党建活动116场，“B”志愿活动168场，…: activities counted in a run)
    if _untold(before, after):
        return LISTED
    return None


def names_source(name: str, sentence: str, place: str | None) -> bool:
    """Does the sentence name ``place`` between its verb of learning and the model (学习浙江省“X”): then the
    place is where the model comes from, its owner as shown."""
    got = _around(name, sentence or "")
    if not got or not place:
        return False
    m = _LEARN_BEFORE.search(got[0])
    between = m.group() if m else ""
    place = _read(place)
    short = re.sub(r"(?:省|市|区|县|自治区|自治州)$", "", place)
    return bool(between) and (place in between or (len(short) >= 2 and short in between))
