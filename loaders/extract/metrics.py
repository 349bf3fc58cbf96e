"""Extraction step: figures (counts, money, shares, areas) with their units.

A figure is an Arabic number, optionally a range (10-15户), optionally 万/亿, optionally 余/多,
then a unit (个、人、万元、%、平方米 …, optionally per something: 万元/个, 元/月). ``as_written``
is the shortest number+unit substring (余/多 inside it kept, 约/近/以上 around it left out); the
value drops 余/多 and 万 stays in the unit (48万余人 → 48 万人). A number with 万/亿 and no unit
takes 万元 next to money words (资金100余万) and 万人 next to people (常住人口1200万, 35.32万群众),
else it is skipped.

Skipped, because they are not quantities of work: numbers after 第 (issue numbers, ordinals),
durations (连续2年, 3个月, 7个工作日, 40分钟), numbers inside quotes or titles (they are names:
“3个100%”, “40工程”; not a quote of the figure alone, 两个“100%”, nor a quoted standard), structural
counts (3个方面, 6个特点), national statistics (全国/我国 …, not 领跑全国), copies in a distribution
list (（2份）), age bands naming a group (60岁以上老年人), the upper end of a range
written out as a second figure (100户至700户: one figure, written whole), zero counts and web-page furniture (0人参与, 0条评论, 人气).

Each figure gets a ``subject`` (what is counted, as the text says it, see :func:`_subject`), the
``year`` of its sentence, and — from the document around it (:mod:`loaders.extract.attribution`)
— the ``place`` it is about and its ``status``: ``planned`` for a target, plan or standard to
reach, ``done`` for a result.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from loaders.extract.agencies import central_body_in
from loaders.extract.attribution import Attribution, states_standard
from loaders.extract.context import Context
from loaders.extract.text_utils import (
    SENTENCE_END,
    class_led,
    closing_chars,
    digit_runs,
    finditer_at,
    gloss_span,
    literal_starts,
    match_opening,
    stop_at_or_after,
    stop_before,
    stop_positions,
    without_pinyin,
)
from loaders.extract.text_utils import cached_regex as _rx
from loaders.record import MetricRec

__all__ = ["UNIT_NORMAL", "extract_metrics", "find_metrics"]

# Longest first. 名/位 → 人, 平米 → 平方米 (the gold convention).
_UNITS = (
    "万人次", "人次", "户次", "平方公里", "平方米", "平米", "公里",
    "亿元", "万元", "千元", "元", "个", "家", "人", "名", "户", "处", "项", "条", "所", "次", "期", "场", "件",
    "支", "座", "间", "张", "篇", "批", "岁", "分", "%", "％", "亩", "套", "栋", "辆", "台", "类", "位",
    "份", "场次", "千米", "米", "公顷", "组", "株", "棵", "箱", "册", "盏", "大类", "周岁", "摄氏度", "℃",
    "㎡", "起", "本", "个百分点", "百分点",   # (8个百分点: a change of a share, its unit whole, not 8个 百分点)
)
UNIT_NORMAL = {"名": "人", "平米": "平方米", "％": "%", "位": "人", "大类": "类", "周岁": "岁", "℃": "摄氏度",
               "㎡": "平方米"}
# per what: 万元/个, 元/月, 元/人/月
_PER = "个|人|户|月|年|次|平方米|天|间|处|村|社区"

_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_FIG_RE = re.compile(
    # (?<!…) after the first digit, not in front: a pattern that opens with a digit class lets the
    # engine skip ahead to digits, one that opens with a lookbehind is tried at every offset
    # (the number, its range and its unit on one line: 14:44 then 名称 on the next line is no count of people)
    r"(\d(?<![\d.\-/]\d)\d*(?:\.\d+)?)(?:[^\S\n]*[-~～—至到][^\S\n]*\d+(?:\.\d+)?)?"
    r"([^\S\n]*(?:余|多)?[^\S\n]*(?:万|亿)?[^\S\n]*(?:余|多)?[^\S\n]*)"
    rf"({_UNIT_RE})((?:/(?:{_PER}))*)"
)
# 万/亿 with no unit after it: 资金100余万, 常住人口超1200万
_BARE_RE = re.compile(r"(\d(?<![\d.\-/]\d)\d*(?:\.\d+)?)(\s*(?:余|多)?\s*)([万亿])(\s*(?:余|多)?)(?![\d万亿])")
_MONEY_NEAR = re.compile(r"资金|经费|投入|投资|补助|补贴|预算|拨付|筹集|募集|奖励|收入|产值|元")
_PEOPLE_NEAR = re.compile(r"人口|群众|居民|村民|党员|志愿者|人员|户籍|常住|流动")
# A count written straight before a quoted facility name, with no measure word: 47“雷锋驿站”.
_QUOTED_COUNT_RE = re.compile(r"(\d(?<![\d.\-/]\d)\d*)(“[^”“\n]{2,12}”)")
_STRUCTURAL_AFTER = re.compile(r"^(?:方面|特点|部分|阶段|环节|步骤|层面|维度|板块|章|节|条意见)")
_STRUCTURAL_OPENS = match_opening(_STRUCTURAL_AFTER)  # (most figures are followed by none of them: tested first)
# 3个月, 7个工作日, 40分钟, 人气, 60岁以上, 3位数
_NOT_A_COUNT_AFTER = {
    "个": re.compile(r"^(?:月|多月|半月|工作日|小时|季度|星期|学期|年头)"),
    "分": re.compile(r"^钟"),
    "人": re.compile(r"^气"),
    # an age band naming a group of people (60岁以上老年人), not an age limit (招聘30周岁以下…)
    "岁": re.compile(r"^(?:以上|以下|及以上|及以下|至\d*岁?)的?(?:老年|老人|高龄|人口|儿童|青少年|居民|群众|村民|党员|人员|人群|妇女|男性|女性)"),
    "周岁": re.compile(r"^(?:以上|以下|及以上|及以下|至\d*周?岁?)的?(?:老年|老人|高龄|人口|儿童|青少年|居民|群众|村民|党员|人员|人群|妇女|男性|女性)"),
    "位": re.compile(r"^数"),
}
# the hour of a time of day before its minutes (7时30分, 14:30分)
_CLOCK_BEFORE = re.compile(r"\d\s*(?:时|点|:|：)\s*$")
# an age is a figure of the work as an average or a limit (平均年龄36岁, 招聘30周岁以下…), not the age
# of a person met in a story (66岁的老主任, 我86岁了)
_AGE_STAT_BEFORE = re.compile(r"年龄[^，,。；;！？!?\n]{0,8}$")
_AGE_LIMIT_AFTER = re.compile(r"^(?:以下|以上|及以下|及以上|以内|之间|左右)")
# which end of an age limit the figure is (招聘30周岁以下…: the upper; 年满18周岁以上: the lower)
_AGE_BOUND = re.compile(r"^(?:(?P<upper>及?以下|以内)|(?P<lower>及?以上))")
# a team's make-up spelled out (1名楼栋长+2名无职党员+1名社区干部): the parts of a scheme, not counts
_PLUS_PART_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}[+＋]")
# the first half of a ratio earlier in the clause (每500户社区居民配置…): the figure after it is the ratio's
# other half, not a count of its own (each-one phrases, 每个社区配备1名…, have no figure after 每)
_RATIO_BEFORE = re.compile(r"每\s*\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?\s*[\u4e00-\u9fff][^，,。；;：:！？!?\n\d]{0,14}$")
_LEADER = re.compile(r"总书记")
# page furniture around a figure (comment boxes, hit counters)
_WEB_CHROME = re.compile(r"评论|浏览|阅读(?:量|数|次)|点击|人气[:：\d]|抢沙发|访问量|模板|范文")
_CHROME_LEN = 3  # the longest match of _WEB_CHROME
_RANGE_JOIN = frozenset({"至", "到", "-", "~", "～", "—"})
_NATIONAL = re.compile(r"全国|我国|中国|国家层面|国家统计局")  # (each holds 国 at its first or second character)
# 全国 as the yardstick of a ranking (领跑全国, 位居全国前列, 全国第一), not the place counted
_RANKED_BEFORE = re.compile(r"(?:领跑|领先|位居|位列|居于|居|走在|排名|排在|名列|跻身|冠于)\s*$")
_RANKED_AFTER = re.compile(r"(?:前列|第|首位|首|领先|示范|先进|文明|百强|十佳|优秀|试点|重点)")
# 全国 opening a national title the place holds (作为全国民族团结进步示范县，…): a title, no nationwide count (not
# 全国共有示范社区300个, where 全国 is what is counted)
_NATIONAL_TITLE = re.compile(r"[^，,。；;：:！？!?\d“”有共计达]{0,12}?(?:示范|先进|模范|百强|十佳|标兵)(?:县|市|区|旗|州|城市|"
                             r"街道|社区|乡镇|镇|村|单位|集体)")
# 全国/中国 inside a name says nothing about where a figure was counted: 中国共产党, 中国特色, 全国人口普查,
# 全国人大代表, 全国两会, 全国劳模, 中国城市报
_NATIONAL_IN_NAME = re.compile(r"(?:共产党|特色|式|梦|人民|城市报|社区报|社会报|民政|日报|红十字|人口普查|经济普查|"
                               r"农业普查|普查|人大|政协|两会|党代会|劳动模范|劳模|模范|和谐社区|民主法治|综合减灾|"
                               r"最美|道德模范|青年文明号|巾帼|工人先锋号|五一|三八)")
# a central body publishing a list (文化和旅游部办公厅公布…名单，共评选出…组织30个): the list's totals are national, not
# the place's (the place is one entry of the list)
_PUBLISHES_LIST = re.compile(r"(?:公布|发布|公示|印发|通报)[^。；;！？!?\n]{0,40}?名单$")
_LIST_WORD = "名单"
_YEAR_RE = re.compile(r"(\d\d{3})\s*年")  # (\d first: the engine then skips ahead to digits)
_CLAUSE_STOP = "，,。；;：:！？!?\n（(）)"
_SENTENCE_STOP = SENTENCE_END  # the same string as the other steps': its stop index is shared


_QUOTED = tuple(re.compile(re.escape(o) + r"[^" + c + o + r"\n]{0,40}" + re.escape(c))
                for o, c in (("“", "”"), ("《", "》"), ("「", "」")))


# a quote that holds nothing but a figure (三个“100%”, 达到“95%”) marks the figure, it is no name
_FIGURE_ONLY = re.compile(r"\s*\d+(?:\.\d+)?\s*(?:%|％|万|亿)?\s*")
# a quoted rule or standard (“每个社区一般应达到2000户以上”, “入住率达到50%的,要…”): a sentence, not a name
_QUOTED_RULE = re.compile(r"达到|不低于|不少于|不超过|不高于|低于|高于|超过|每")
_MIN_QUOTED_RULE = 8
# a quote with a clause break inside is speech or a quoted sentence; names and slogans have none
_SPEECH = re.compile(r"[，,。；;！？!?]")


def _quoted_or_titled(text: str) -> list[tuple[int, int]]:
    out = []
    for rx in _QUOTED:
        for m in rx.finditer(text):
            lo, hi = m.start() + 1, m.end() - 1
            if _FIGURE_ONLY.fullmatch(text, lo, hi):
                continue
            if text[m.start()] == "“" and hi - lo >= _MIN_QUOTED_RULE and _QUOTED_RULE.search(text, lo, hi):
                continue
            if text[m.start()] != "《" and _SPEECH.search(text, lo, hi):
                continue  # words someone said (“我们共拆迁平房2300余户，…”): a sentence, not a name
            out.append((m.start(), m.end()))
    return out


class _Stops:
    """Offsets of the stop characters of one text, for fast clause/sentence bounds."""

    def __init__(self, text: str, stops: str):
        self.n = len(text)
        self.pos = stop_positions(text, stops)
        if "，、" in text or ",、" in text:     # (a mirror page's doubled mark, 消防安全,、垃圾堆放: the list goes on)
            self.pos = [p for p in self.pos if not (text[p] in "，," and text[p + 1:p + 2] == "、")]

    def bounds(self, pos: int) -> tuple[int, int]:
        # (the stops before ``pos`` and the first at or after it share one bisect: offsets are integers)
        i = bisect_left(self.pos, pos)
        lo = self.pos[i - 1] + 1 if i else 0
        hi = self.pos[i] if i < len(self.pos) else self.n
        return lo, hi


# ------------------------------------------------------------------ subject labels
# characters of context read on each side of a figure for its subject (the subject is ≤ 24)
_WINDOW = 64
_MAX_SUBJECT = 24
_AFTER_LEAD = re.compile(r"^(?:以上|左右|以内|余|多)+")
# the noun phrase after the unit ends at a function word, a verb that starts a new predicate or
# the next figure: 32个市直部门为成员单位领导小组… → 市直部门
# (在 of 在职/在岗/在册… is part of the noun; a dash or an ellipsis ends the phrase; 全部 is an adverb;
# 对 before those it is done for, 进 before where they go, open a new phrase: 476个车位对小区业主和…实行临停
# → 车位, 1250名在职党员进小区… → 在职党员; 推动/推进/结对/负责 and an adverb, 积极/大力/陆续/如期, open the predicate too: 6个工作组推动资源下沉 → 工作组;
# so do dividing and calling: 137个自然屯划分为“小网格” → 自然屯, 27名工友拨打…热线投诉 → 工友;
# and what the things counted then do or become: 230个充电设施解决飞线充电问题 → 充电设施, 5个小区整合成一个小区 → 小区,
# 21个社区自组织告别无序争夺 → 社区自组织, 7个有党员的企业单独或联合成立党组织 → 有党员的企业, 8个孵化基地启动…申报 →
# 孵化基地)
_AFTER_STOPS = (r"[—…]|以上|左右|用于|进行|参加|参与|开展|全覆盖|为|是|设在|作为|由|在(?!职|岗|册|编|校|读|任|线|建(?!设))|"
                r"均|也|已|将|全部|全都|全面|实行|进(?=小区|社区|网格)|对(?=小区|居民|社区|群众|业主|辖区|全|各|所有|每)|"
                r"得到|实现|达到|完成|纳入|覆盖|共有|共计|进入|未能|尚未|担任|兼任|成为|通过|获得|荣获|入选|报名|推动|推进|结对|负责(?!人)|积极(?!分子)|大力|陆续|相继|纷纷|如期|"
                r"划分|划为|划入|分为|拨打|投诉|反映|按(?=照|地域|区域|片区|要求|规定|标准|比例|就近)|包片|包干|包联|包保|"
                r"解决(?!率)|告别|启动(?!区|资金|经费|仪式|会)|(?:整合|合并)(?=成|为)|单独|(?:总体)?规划(?=占地|用地|总用地|面积|总面积|建设)|\d"
                # (a verb of what the units counted aim at: 12个街道委员工作室锚定“…”核心 counts the offices, not the watchword)
                r"|锚定|聚焦|围绕|紧扣|紧盯|立足|秉持|践行|对标|瞄准")
_AFTER_SPLIT = re.compile(r"[、和与及]|" + _AFTER_STOPS)
_AFTER_SPLIT = class_led(_AFTER_SPLIT)  # (the same matches, tried where one can open)
_AFTER_LIST_END = re.compile(_AFTER_STOPS)
_AFTER_LIST_END = class_led(_AFTER_LIST_END)  # (the same matches, tried where one can open)
_LIST_ITEMS = re.compile(r"[、和与及]")
# a list closed by 等 (and its kind), then what the listed did (29家单位、非公经济组织、社会组织等成立…领导小组)
_LIST_THEN_VERB = re.compile(r"等[\u4e00-\u9fff]{0,5}?(?=成立|组建|建立|召开|参加|参与|开展|共同|联合|签订|组成|进行|出席|列席|召集|"
                             r"走访|深入|入驻|加入)")
_LIST_TAIL = re.compile(r"等[\u4e00-\u9fff]{0,8}$")
# a list that goes on after a figure item by item, each with its own figure (…广告800平方米、宣传栏120个; …，宣传栏120个等)
_ITEMISED_AFTER = re.compile(r"\s*(?:、\s*[\u4e00-\u9fff“”]{2,10}\s*\d|[，,]\s*[\u4e00-\u9fff“”]{2,10}\s*\d[^，,。；;！？!?\n]{0,8}?等)")
_MAX_ITEM = 6     # a list item longer than this holds more than a name (困境老人和儿童提供日间照料、…等服务)
# a list of names at a label's head (省、某某市、某某县政协委员…): one word that no limit cuts — kept whole, up to _MAX_ITEM
# characters over _MAX_SUBJECT (a 的-phrase before it qualifies the whole list and goes first: 第三组的省、…)
_NAMES_HEAD = re.compile(r"(?:[^、的，,]{1,12}的)?((?:[\u4e00-\u9fff]{1,4}、)+)[\u4e00-\u9fff]")
_PEOPLE_UNITS = "人名位户"
# what people counted go and do (…等200余人深入…, …共50人参加…, …等5.6万余人统一编入…力量): no noun of what is counted
_ACTION_HEAD = re.compile(r"深入|走进|走访|前往|奔赴|来到|赴|到|下沉|投身|参加|参与|开展|进行|担任|加入|组成|(?:统一)?(?:编入|纳入|列入)")
# people listed before the figure that counts them (镇村干部、…、网格员和热心群众等200余人, 退休干部、党员骨干、社区能人共7000多人):
# the words before the figure are its label, not those after (…200余人深入…村庄)
# an item of a list whose figures come each after its own item (城市社区15分钟、农村社区2公里的…): the item
_ITEM_BEFORE = re.compile(r"\d(?:\.\d+)?\s*[\u4e00-\u9fff%]{1,3}、([\u4e00-\u9fff]{2,6})$")
# what was done so many times, the figure's clause after it (8次提高社区工作人员的工资待遇)
_TIMES_DONE = re.compile(r"[\u4e00-\u9fff][^，,。；;：:！？!?\n]{1,15}(?=$|[，,。；;：:！？!?\n])")
# what people counted took part in, their clause's whole predicate (…共计45人参加此次会议。)
_TOOK_PART = re.compile(r"(?:参加|参与|出席|列席)了?[\u4e00-\u9fff]{2,10}$")
_LIST_BEFORE = re.compile(r"[、和与及][^，,。；;：:！？!?\n]{1,16}(?:等|共|共计|合计|总计)\s*$")
_LIST_COUNTED = re.compile(r"(?:等[\u4e00-\u9fff]{0,5}|共|共计|合计|总计)\s*$")
_CLAUSE_STOP_IN = re.compile(r"[，,。；;：:！？!?\n]")
# a list of fields closed by 等方面/等领域, with more words after it (…、楼道整理等方面通过民主协商制定…)
_SCOPE_CLOSED = re.compile(r"等(?:多个|各个|各)?(?:方面|领域)(?![的和、])[，,]?")
# the last item of a list that ends in what all its items qualify (…、抓基层治理突出的干部): a 的-phrase with its noun
_MODIFIED_NOUN = re.compile(r"[^的，,。；;：:！？!?\n、]{1,12}的[\u4e00-\u9fff]{1,6}\s*$")
# a list the figure counts closes with 等 and what its items are (政协委员、居民代表和…等部门负责人), or is of
# levels (5位市、县级领导)
_LIST_CLOSED = re.compile(r"等[\u4e00-\u9fff]{2}|^[\u4e00-\u9fff]、[\u4e00-\u9fff](?:\([^()]{1,4}\)|（[^（）]{1,4}）)?级")
# a noun naming a unit of places, households or bodies, before 的 (92个社区的住房, 11个居委的资源): what the figure counts
_UNIT_NOUN = re.compile(r"(?:社区|小区|村|居委会?|住户|户|家庭|街道|乡镇|镇|院落|楼院|楼栋|单位|网格|民族)$")
# what a thing counted or measured does or is worth, after 的 (500平方米社区服务阵地的效能): the thing is what is measured
_ABSTRACT_TAIL = re.compile(r"效能|作用|功能|效益|效率|水平|质量|活力|价值")
# … or the condition something is in (花椒的运输条件, 小区的居住环境)
_CONDITION_TAIL = re.compile(r"(?:条件|环境|状况)$")
# the things counted, then 中 and the first of a list of those among them (3个移民安置点中福田、同德…): the things counted
_AMONG_ITEMS = re.compile(r"([\u4e00-\u9fff]{2,8}?)中(?![心队学国央医华部间])[\u4e00-\u9fff]{1,6}$")
# …unless it is what the noun counted has (7个有党员的企业) or is to be (应换届的村)
_MODIFIER_HEAD = re.compile(r"(?:有|没有|具有|拥有|持有|无|应|需|已|未|新)")
# a one-character noun after the unit ends its clause (78个社区、56个村。): what the figure counts
_ONE_CHARACTER_NOUN = re.compile(r"[村镇乡组校站店厂院园楼栋队库馆室井桥街区县市省]")
# an after-phrase that opens with one of these is no noun phrase (/個, 提高到…, 的…, a from–to's now: 75人到如今的1043人)
# (a preposition opens the phrase of what the figure is spent on or done to: 投入4.8万元对…小区进行改造)
_AFTER_BAD_HEAD = re.compile(r"^(?:[/／地得了着过，,（()）“”\"'—…]|提高|提升|增加|增长|下降|减少|启动|划分|左右|范围|以下|"
                             r"跃升|攀升|上升|升至|升到|增至|增到|降至|降到|减至|精减|精简|缩减|压减|细化|细分|(?:扩大|扩展|扩充|缩小|压缩)(?:到|至)|"
                             r"以内|之间|不等|对(?!口|外)|向|给|把|将|从|(?:到|至)(?=如今|现在|目前))")
_AFTER_BAD_HEAD_OPENS = match_opening(_AFTER_BAD_HEAD)
# a short quoted modifier before the noun counted (28家“三有”物业企业): part of the noun phrase
_QUOTED_MODIFIER = re.compile(r"“[^”“\n]{1,8}”(?=[\u4e00-\u9fff])")
# words that say what kind of figure it is, not what is counted: the label keeps what stands before
# (…占全镇党员总数63.2%的实际: the fact the figure is part of, a word alone, not 实际困难)
_FIGURE_KIND = re.compile(r"^(?:标准|底线|要求|基础上|基础|水平|范围|左右|情况|(?:实际|现状|实情)(?![\u4e00-\u9fff]))")
_FIGURE_KIND_OPENS = match_opening(_FIGURE_KIND)
# a duty the figure is part of (守护其中18公里边境线的重任): what is counted stands before 的
_DUTY = re.compile(r"重任|重担|任务|职责|使命|责任")
# (涉及 says what the figure is of: 集中安置点涉及易地扶贫搬迁乡7个 → 易地扶贫搬迁乡, 涉及到整治的建筑面积 → 整治的建筑面积)
# (not across 年: 2023年户籍人口 holds no count in 户)
# (not a figure in a name: 5G用户 is no count of 户)
_BEFORE_CUT = re.compile(r"\d[\d.]*(?![A-Za-z])[^\d年]{0,3}?(?:个|人|名|元|家|户|%|处|项|㎡|平方米|平米|亩)(?:/[个人户月年次])*|涉及(?:到)?|[、和及与]")
_BEFORE_CUT = class_led(_BEFORE_CUT)  # (the same matches, tried where one can open)
# 与/和/及 inside a word (参与率, 和谐社区, 及时, 涉及) joins nothing, nor 及 of a bound (二级及以上医院, 60岁及以上老年人)
_NOT_A_JOIN = re.compile(r"(?<=参)与|和(?=谐)|及(?=时|以[上下])|(?<=[涉普提危波惠顾触])及|(?<=、)和")   # (涉及, 普及, 惠及: verbs;
#   …、和美社工: 和 straight after a 、 opens a name, it joins nothing)
# a list closed by 等 and what its items are, up to the figure (…、和美社工等专业社工机构21家, …、青石镇等乡镇新建社区服务中心5个)
_CLOSED_BY_DENG = re.compile(r"等(?![等级次奖])[\u4e00-\u9fff“”]{2,14}$")
# openers that say when or where, not what: 2020年以来，其中，目前，我市，全省 …
_LEAD_TRIM = re.compile(
    r"^(?:\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:以来|至今|起|初|底|末|上半年|下半年)?"
    r"|\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?(?:以来|起|初|底|末)?|\d{1,2}\s*月至\s*\d{1,2}\s*月|\d{1,2}\s*[-—~～]\s*\d{1,2}\s*月"
    r"|[一二三四五六七八九十两\d]+年(?:来|以来)|截至目前|截至|截止|目前|当前|近年来|今年以来|今年|去年|明年|前年|本年度|上年度|(?:上|本)月(?:底|末|初)?|同时|此外|其中|据了解|据统计|经调查|记者统计|"
    r"在此基础上|尽管|但是|但|仍有|还有|另有|共计|共|累计|总计|已经|已|全市|全区|全县|全省|全州|全镇|全街道|"
    # (a conjunction: 而小区保有车辆达400余辆)
    r"我市|我区|我县|我省|本市|本区|本县|该市|该区|该县|使得|并且|而且|而(?!今)|并|及(?!时)|和(?!谐)|达|达到|约|近|超过|有|仅|就|分别|先后|"
    # (a rule's verb: 明确年度积分不少于20分 → 年度积分)
    r"明确了?(?=[\u4e00-\u9fff]{2})|规定了?(?=[\u4e00-\u9fff]{2}))+")
# a value that rises or falls to another (满意度从不足40%跃升至95%, 志愿者由200人增至500人): the verb of the change
_CHANGE_TO = (r"(?:跃升|攀升|上升|提升|提高|增加|增长|增|下降|降低|降|减少|精减|精简|缩减|压减|减|细化|细分|扩大|扩展|扩充|"
              r"缩小|压缩)(?:至|到)|跃升|攀升|上升")
# a comparison (较去年增至25个, 比上年增加): what the value is compared with, not what it counts
_COMPARED = r"(?:较|比)(?:去年|上年|上一年|年初)(?:同期)?|较同期|同比|环比"
_TAIL_TRIM = re.compile(r"(?:[由从](?:合并前|原来|过去|以前|改革前|调整前)的|(?:" + _CHANGE_TO + r")(?:目前|现在|如今)的|(?:执行|调整|确定|改|变|更改|定)为|一般应|应当|应|必须|必需|务必|须|基本|共计|共有|已有|一共|共|累计|将|按|已经|由原来|由原|由|从分别达到|从原来|从原|从|不足|分别达|分别为|分别|达到了|达到|达|约|近|超过|超|有|为|占|"
                        r"投入|安排|筹集|提高到|提高至|提升至|提升到|增加到|增加至|增至|提标至|下降到|下降至|减少到|减少至|降至|降到|"
                        r"增长到|增长至|" + _CHANGE_TO + "|" + _COMPARED + "|"
                        r"不低于|不少于|不超过|以上|至|到|在|仅在不到|不到|高达|最高达|最高|多达|接近|将近|近|"
                        # (an adverb of how few: 充电车位仅1600个 → 充电车位, 两委干部却只9人 → 两委干部)
                        r"仅有|仅|只有|(?<!船)只|才|却)+$")
_TAIL_TRIM = class_led(_TAIL_TRIM)  # (the same matches, tried where one can open)
# the characters a match of _TAIL_TRIM can end with: a label ending with none of them (the most) has nothing to trim,
# and the pattern, which the engine tries at every offset, is not run on it
_TAIL_CLOSING = closing_chars(_TAIL_TRIM.pattern)


def _tail_trim(s: str) -> str:
    """``_TAIL_TRIM.sub("", s)``."""
    if _TAIL_CLOSING is not None and s[-1:] not in _TAIL_CLOSING and not s.endswith("\n"):
        return s
    return _TAIL_TRIM.sub("", s)


# those who have or lack something, counted by the figure that ends the clause (有…资格的2543人, 没有物业管理的71个)
_HOLDERS_OF = re.compile(r"(?:具有|持有|拥有|有|获得|荣获|取得|没有)[^的，,。；;]{2,20}的$")
_CHANGE_ONLY = re.compile(r"(?:" + _CHANGE_TO + "|" + _COMPARED + r")+")
_PART_OF = re.compile(r"(?:其)?中(?:的)?")
# what a wish is (…是80户村民的夙愿): those counted wish for it
_WISH = re.compile(r"夙愿|心愿|愿望|期盼|期待|盼望|梦想")
# a word naming a quantity, before 是 (参与人数是320名): the figure is its value
_QUANTITY_NOUN = re.compile(r"(?:数|数量|量|额|面积|规模|人口|比例|比重|率|长度|经费|资金|预算|总计|合计)$")
_BEFORE_TRIM = re.compile(r"^(?:按照|按|针对|在(?!职|岗|册|编|校|读|任|线|建(?!设))|对|由|从|以)+|(?:按照|依照|根据)$")
_BEFORE_TRIM = class_led(_BEFORE_TRIM)  # (the same matches, tried where one can open)
_DATE_HEAD = re.compile(r"^[年月日号]")
# a ceiling written straight before the figure (奖励最高达20万元, 补贴最高不超过3000元): the figure is the most one may
# get, and the label says so (the tail trim drops the words; 最低, which it keeps, says itself)
_CEILING_BEFORE = re.compile(r"最高(?:可|不超过)?(?:达到|达|为|至|到|获)?\s*$")
_CEILING_NAMED = re.compile(r"最高|上限|封顶")
_SEXES = ("男", "女")
# words saying a figure is a running total (…，累计达到3.8万个) and a subject naming what was added (新增…)
_CUMULATIVE = re.compile(r"累计|总计|合计|总数|总量")
_ADDED = re.compile(r"(?:今年|当年|本年|年内)?(?:新增加|新增|净增)")
# per each: 每个村（社区)配备1名专职网格员 → 每个村（社区)配备专职网格员
_PERIOD = re.compile(r"每(?:月|年|天|日|周|季度|半年)")
# the people a per-head figure is of, named straight before 人均 (社区工作者人均报酬, 网格员人均补贴)
_PER_HEAD_OF = re.compile(r"((?:(?![中的在对按])[\u4e00-\u9fff]){0,8}(?:工作人员|人员|工作者|干部|党员|居民|村民|群众|农民|委员|成员|书记|"
                          r"社工|网格员|志愿者|职工|员工|家庭|农户|住户|老人))$")
_DISTRIBUTIVE = re.compile(r"(?:平均每|人均|户均|每)[^，,。；;！？!?\n]{1,14}$")
# who is paid a rate, straight before its period: a post (保障小区党支部书记每月…), or a certificate held (取得初级社工职业证书每年…)
_PAID_HOLDER = re.compile(r"(?:取得|获得|考取|持有)(?P<held>[\u4e00-\u9fff]{2,12}?(?:证书|证|资格|学历|职称))$"
                          r"|(?:保障|发放|给予|落实|享受|为|对|向|给)?"
                          r"(?P<post>[\u4e00-\u9fff]{0,6}?(?:书记|主任|委员|社工|工作者|网格员|网格长|楼栋长|干部|专干))$")


# a share written straight after a count, with nothing of its own (…清单、占68.8%)
_SHARE_NEXT = re.compile(r"[^，,。；;：:！？!?\n\d]*[、，,]\s*占(?:到了?|了|比)?\s*")
_SHARE = re.compile(r"([^，,。；;：:！？!?\n]{2,16}?)占(?:到了?|了|据)?([^，,。；;：:！？!?\n的]{2,14})的?$")


# what the units counted are chosen as (…7个镇乡街为试点, …3个社区为示范点): the kind of unit the figure counts
# (a field may stand before it: 确立…等6个社区为网格化管理试点单位 → 试点社区)
_CHOSEN_AS = re.compile(r"[\u4e00-\u9fff]{0,8}?(试点|示范)(?:点|单位)?(?=$|[，,。；;、！？!?]|开展|推进|先行)")
# the role units counted are given, to their clause's end (32个市直部门为成员单位): those given it
_ROLE_AS = re.compile(r"((?:成员|牵头|责任|配合|联系|帮扶|共建)单位|成员|联系点|观测点)(?=$|[，,。；;、：:！？!?\n]|领导小组)")
# the quoted way units counted take, to their clause's end (3个社区为“全民直接选举”方式)
_WAY_AS = re.compile(r"“([\u4e00-\u9fff]{2,12})”(?:方式|模式|形式)(?=$|[，,。；;、：:！？!?\n])")
# the standard units counted reached, to their clause's end, by its last words (…达到或超过国家和省规定的300平方米标准 →
# 300平方米标准)
_STANDARD_REACHED = re.compile(r"(?:或(?:超过|高于))?[^，,。；;：:！？!?\n]{0,24}?的?([^的，,。；;：:！？!?\n]{1,10}?(?:标准|要求))"
                               r"(?=$|[，,。；;：:！？!?\n])")
# a quoted name the figure counts, ending its phrase (新建9个“口袋公园”，…): what is counted
_QUOTED_COUNTED = re.compile(r"“([\u4e00-\u9fff]{2,12})”(?=$|[，,。；;、：:！？!?])")


# what units set up alone or together, to their clause's end (…单独或联合成立党组织)
_FOUNDED = re.compile(r"(?:或|或者|和)?(?:联合|联建)?((?:成立|建立|组建)[\u4e00-\u9fff]{2,8}?)\s*(?=$|[，,。；;：:！？!?\n])")
# the arrangement made for units counted, to their clause's end (…车位对小区业主实行了租售并举)
_ARRANGED = re.compile(r"对([^，,。；;：:！？!?\n]{1,8}?)实行了?([^，,。；;：:！？!?\n]{2,8})")
# what units counted achieved (…实现党组织覆盖): the longest, and a clause end inside it, which ends it
_MAX_ACHIEVED = 16
# what units counted did or reached, to their clause's end, labelling them (40个社区开展老旧小区整治和改造 → 开展…的社区; not
# 达到, which a label's lead loses: 达到…标准的社区 would read 标准的社区)
_UNITS_DID = ("实现", "开展", "完成", "纳入", "获得", "荣获", "入选", "成为")
# what people counted were taken into, won, became or signed up for, to their clause's end (48名社区党组织书记纳入事业岗位管理,
# 4名社区干部进入乡镇公务员队伍): those it happened to, not every such person of the place
_PEOPLE_DID = ("纳入", "进入", "获得", "荣获", "入选", "成为", "报名")
# what things counted have not yet had done to them (46个问题未能及时解决): those left, not every such thing
_NOT_YET = ("未能", "尚未")
# the next figure of a run after what those counted did (8家企业获得省级表彰、3家获得市级表彰): no part of it
_NEXT_FIGURE = re.compile(r"、(?=\d)")
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]")
# units of administrative rank, and one written after 、 as the next item (街道、镇; 乡、镇): not a noun going on (村民, 镇政府)
_UNIT_RANKS = ("街道", "乡镇", "镇", "乡", "村", "社区", "居委会", "县", "区", "市", "旗")
# (…4个街道、镇新建…; not 60%的社区、镇辖内…, nor a longer list of units glossed, 16个市、县(区)、街道(镇)“…”项目)
_UNIT_RANK_AFTER = re.compile(r"(街道|乡镇|镇|乡|村|社区|县|区|市|旗)(?=[\u4e00-\u9fff])"
                              r"(?![\u4e00-\u9fff]?(?:民|委|组|干|级|辖|内|政府|办事处|党))")
# a verb of changing units straight before the figure (调整4个社区, 撤并12个村): what it counts are the units changed
_UNITS_CHANGED = re.compile(r"(调整|撤并|撤销|拆分|更名)(?:了)?\s*$")
# a verb of covering or completing, then only units counted before the figure (覆盖31个社区472个小区, 改造已完成19个小区): the
# units counted are those covered or done, not every such unit of the place
_UNITS_REACHED = re.compile(r"(覆盖|完成)(?:了)?(?:\d+(?:\.\d+)?\s*(?:余|多)?\s*[个家户处]\s*[\u4e00-\u9fff]{1,4}?[、和及]?)*\s*$")
# a verb of visiting, then only the places visited before the figure (调研组深入全市1市6区10县、近40个新型农村社区): the units
# counted are those visited, not every such unit of the place
_UNITS_VISITED = re.compile(r"(深入|走访|走进|实地查看|考察|调研)(?:了)?(?:到)?(?:全市|全县|全区|全省|全州|全盟|辖区)?"
                            r"[\d一二三四五六七八九十两个市区县镇乡村街道社区、近约余多共]*$")
# a noun of one or two characters glossed by a short bracket: 县(市、区), 村（社区）
# what glossed units set up or reached, to their clause's end or a share after it (建立…制度、占86.7%)
_GLOSSED_DID = re.compile(r"((?:建立|制定|成立|出台|实现|完成|开展)[^，,。；;：:！？!?\n、\d]{2,14})(?=$|[，,。；;：:！？!?\n]|、占)")
_GLOSSED_NOUN = re.compile(r"[\u4e00-\u9fff]{1,2}[（(][\u4e00-\u9fff、]{1,6}[）)]")
# units counted, then an adverb of all of them and what they set up or reached, to their clause's end (8个乡镇均设立社工站,
# 18个社区都建立了议事会): the units that did it, not every such unit of the place
_UNITS_ALL_DID = re.compile(r"([\u4e00-\u9fff]{1,8}?)(?:(?:均|都|全部|全都|皆)(?:已经?)?|已经?)(?:单独|联合|先后)?"
                            r"((?:设立|建立|成立|制定|出台|实现|完成|开展|配备|组建|建成)了?[^，,。；;：:！？!?\n、\d]{2,12})"
                            r"(?=$|[，,。；;：:！？!?\n])")
# bodies counted that set something up (8家物业服务企业已单独组建党支部), beside the units of _UNIT_NOUN
_BODY_NOUN = re.compile(r"(?:企业|公司|组织|机构|单位|商户|协会|学校|医院|业委会|物管会)[)）]?$")
# a share of things, then where or when they became what (95%的诉求在24小时内得到办结): those that did, all their clause says
_SHARE_BECAME = ("实现", "在", "得到")
_WITHIN = re.compile(r"在[\d一二三四五六七八九十两半个]+[\u4e00-\u9fff]{1,3}?(?:以|之)?[内內]")    # (在24小时内; not 在城区)


# the levels a list of units is of, then a quoted name and its kind (16个市、县(区)、街道(镇)“书记领航”项目): the named kind
_LEVELS_THEN_NAMED = re.compile(r"[省市州盟县区旗街道镇乡村社区级、（()）]{2,16}?(“[^“”\n]{2,12}”[\u4e00-\u9fff]{1,4})(?=$|[，,。；;：:！？!?])")
# the classifiers of items and kinds (项, 类, 种, 条): 20项功能的“红色微阵地” counts the functions, of the positions
_ITEM_CLASSIFIERS = "项类种条"
# a demonstrative qualifying the noun (3条这样的…信息): no noun itself
_DEMONSTRATIVE = re.compile(r"[这那此该各每同]|一样")


def _after_phrase(text: str, end: int, hi: int) -> str:
    classifier = text[end - 1:end]
    after = _AFTER_LEAD.sub("", text[end:hi].strip())
    quoted = "“" in after  # (every match of the three quote patterns holds one: tried only then)
    counted = _QUOTED_COUNTED.match(after) if quoted else None
    if counted:
        return counted.group(1)
    named = _LEVELS_THEN_NAMED.match(after) if quoted else None
    if named and "、" in after[:named.start(1)]:
        return named.group(1)
    modifier = _QUOTED_MODIFIER.match(after) if quoted else None
    head = modifier.end() if modifier else 0
    if after[head:head + 1] in _AFTER_BAD_HEAD_OPENS and _AFTER_BAD_HEAD.match(after, head):
        return ""
    after = after.removeprefix("的")
    if after[:1] in _FIGURE_KIND_OPENS and _FIGURE_KIND.match(after):
        return ""
    glossed = _GLOSSED_NOUN.match(after)
    if glossed:
        # a short noun glossed by a bracket (17个县(市、区)全部成立…, 村（社区）党组织书记): the 、 inside it joins no list
        rest = _after_phrase(text, end + (len(text[end:hi]) - len(text[end:hi].lstrip())) + glossed.end(), hi) \
            if not _AFTER_SPLIT.match(after, glossed.end()) else ""
        nxt = after[glossed.end():glossed.end() + 1]
        did = _GLOSSED_DID.match(after, glossed.end())
        if did:
            # the glossed units, then what they set up, all their clause says (91个县(市、区)建立社区工作事项准入制度、占86.7%):
            # those that did it, not every such unit
            return did.group(1) + "的" + glossed.group()
        if rest or not ("\u4e00" <= nxt <= "\u9fff") or _AFTER_SPLIT.match(after, glossed.end()):
            return glossed.group() + (rest if len(rest) <= _MAX_ITEM else "")   # (not a predicate: …县(市、区)建立…制度)
    all_did = _UNITS_ALL_DID.match(after)
    if all_did and (_UNIT_NOUN.search(all_did.group(1)) or _BODY_NOUN.search(all_did.group(1))) \
            and len(after) < _WINDOW - 2 \
            and not re.search(r"[这那该此]", all_did.group(2)):     # (全部开展了这项活动: what it is lies before)
        return all_did.group(2).replace("了", "", 1) + "的" + all_did.group(1)
    split = _AFTER_SPLIT.search(after)
    if split and split.start() == 0 and split.group() == "和" and "\u4e00" <= after[1:2] <= "\u9fff":
        # 和 straight after the classifier opens the name counted (建成8个和美社区示范点, 3个和谐社区): a join needs
        # something before it — unless a second figure follows what it heads (社区3个和街道2个)
        later = _AFTER_SPLIT.search(after, 1)
        if not (later and later.group().isdigit()):
            split = later
    phrase = (after[:split.start()] if split else after).strip()
    if split and split.group() == "为" and 2 <= len(phrase) <= 12:
        # those chosen as pilots (确定…7个镇乡街为试点): the pilots are what is counted, not every such unit
        chosen = _CHOSEN_AS.match(after, split.end())
        if chosen:
            return chosen.group(1) + phrase
        role = _ROLE_AS.match(after, split.end())
        if role:
            return "为" + role.group(1) + "的" + phrase   # (32个市直部门为成员单位: the members, not every such department)
        way = _WAY_AS.match(after, split.end())
        if way:
            return way.group(1) + "的" + phrase    # (3个社区为“全民直接选举”方式: those that took that way, not every one)
    if split and split.group() == "达到" and 2 <= len(phrase) <= 8 and _UNIT_NOUN.search(phrase) \
            and len(after) < _WINDOW - 2:
        # units counted, then the standard they reached (7个社区居委会达到或超过省规定的300平方米标准): those that reached
        # it, by the standard's own words, not every such unit of the place
        reached = _STANDARD_REACHED.match(after, split.end())
        if reached:
            return "达到" + reached.group(1) + "的" + phrase
    if split and 2 <= len(phrase) <= 12 and len(after) < _WINDOW - 2 and (
            split.group() in _SHARE_BECAME and text[end - 1:end] == "%" and len(phrase) <= 8
            and (split.group() != "在" or _WITHIN.match(after, split.start()))
            or split.group() in ("积极", "主动") and text[end - 1:end] in _PEOPLE_UNITS and len(phrase) <= 8
            or split.group() in ("担任", "兼任") and text[end - 1:end] in _PEOPLE_UNITS):
        # a share of things, then what they achieved (超92%矛盾纠纷实现就地化解), or people counted, then what they took
        # up or serve as, all their clause says (1万余名党员积极融入群防群治, 11名单位负责人兼任党工委委员): those that did
        # it, not every such thing or person of the place
        done = after[split.end():].strip()
        if 2 <= len(done) <= _MAX_ACHIEVED and not _CLAUSE_END.search(done) \
                and (split.group() in ("在", "得到") or not _AFTER_SPLIT.match(done)):   # (在48小时内…, 得到解决)
            kept = split.group() if split.group() in (*_SHARE_BECAME, "担任", "兼任") else ""
            return kept + done + "的" + phrase
    if split and split.group() == "单独" and 2 <= len(phrase) <= 8 and len(after) < _WINDOW - 2:
        # units counted, then what they set up alone or together (7个有党员的企业单独或联合成立党组织): those that did
        founded = _FOUNDED.fullmatch(after, split.end())
        if founded:
            return founded.group(1) + "的" + phrase
    if split and 2 <= len(phrase) <= 8 and split.group() in _UNITS_DID \
            and (_UNIT_NOUN.search(phrase) or split.group() != "实现" and _BODY_NOUN.search(phrase)):
        # units counted, then what they achieved, took up or reached, all their clause says (233个小区实现党组织覆盖,
        # 40个社区开展老旧小区整治和改造, 120个小区纳入物业管理, 8家物业企业获得省级表彰): the units that did it, not every
        # such unit of the place
        achieved = _NEXT_FIGURE.split(after[split.end():], 1)[0].strip()
        if 2 <= len(achieved) <= _MAX_ACHIEVED and not _CLAUSE_END.search(achieved) and len(after) < _WINDOW - 2 \
                and not _DEMONSTRATIVE.search(achieved):       # (开展了这项活动: what it is lies before)
            return split.group() + achieved + "的" + phrase
    if split and (2 <= len(phrase) <= 8 or _UNIT_NOUN.fullmatch(phrase)) and len(after) < _WINDOW - 2 and (
            split.group() in _PEOPLE_DID and classifier in _PEOPLE_UNITS or split.group() in _NOT_YET):
        # people counted, then what they were taken into, won or became (48名社区党组织书记纳入事业岗位管理), or things
        # counted, then what is not yet done to them (46个问题未能及时解决), all their clause says: those it happened to
        done = _NEXT_FIGURE.split(after[split.end():], 1)[0].strip().removeprefix("了")
        if 2 <= len(done) <= _MAX_ACHIEVED and not _CLAUSE_END.search(done) and not _DEMONSTRATIVE.search(done):
            return split.group() + done + "的" + phrase
    if split and 2 <= len(phrase) <= 8 and _UNIT_NOUN.search(phrase) and split.group() in ("整合", "合并"):
        return split.group() + phrase      # (5个小区整合成一个小区: the communities merged)
    if split and split.group() == "对" and 2 <= len(phrase) <= 8 and len(after) < _WINDOW - 2:
        # units counted, then the arrangement made for them, all their clause says (254545个车位对小区业主实行了租售并举):
        # the units so arranged
        made = _ARRANGED.fullmatch(after, split.start())
        if made:
            return "对" + made.group(1) + "实行" + made.group(2) + "的" + phrase
    if split and phrase in _UNIT_RANKS and split.group() == "、" and text[end - 1:end] == "个":
        # units of two ranks (4个街道、镇新建社区…): both, not the first alone
        other = _UNIT_RANK_AFTER.match(after, split.end())
        if other:
            return phrase + "、" + other.group(1)
    if split and phrase and split.group() in "、和与及" and not after[split.end():split.end() + 1].isdigit():
        # the figure counts a list (40多位政协委员、居民代表和…等部门负责人, 5位市、县级领导): the whole list where
        # it is short, else its first item and 等 — never the first item alone
        end = _AFTER_LIST_END.search(after, split.end())
        whole = (after[:end.start()] if end else after).rstrip("、和与及").strip()
        verb = _LIST_THEN_VERB.search(whole)
        if verb:
            whole = whole[:verb.end()]    # (…、社会组织等成立领导小组: what the listed did is no item of the list)
        if not (end and end.group().isdigit()) and (verb or _LIST_CLOSED.search(whole)):
            items = _LIST_ITEMS.split(_LIST_TAIL.sub("", whole))
            return whole if len(whole) <= _MAX_SUBJECT and max(map(len, items)) <= _MAX_ITEM else phrase + "等"
    if "的" in phrase:  # 应换届的村（社区）: a short 的-phrase stays, a long one keeps its head
        head, _, tail = phrase.partition("的")
        if classifier in _ITEM_CLASSIFIERS and 2 <= len(head) <= 4 and 2 <= len(tail) <= 10 \
                and not _UNIT_NOUN.search(head) and not _MODIFIER_HEAD.match(head) and not _DEMONSTRATIVE.match(head):
            return tail + head      # (20项功能的“红色微阵地”: the items counted are the functions, the positions')
        if len(head) <= 8 and _UNIT_NOUN.search(head) and not _MODIFIER_HEAD.match(head):
            return head     # 92个社区的住房…, 1724户住户的小区: the measure word counts the unit before 的, not its things
        if 2 <= len(head) <= 12 and (_ABSTRACT_TAIL.fullmatch(tail) or len(tail) <= 6 and _CONDITION_TAIL.search(tail)):
            return head     # (500平方米社区服务阵地的效能: the positions' area, not their efficiency; 500亩花椒的运输条件: the
            #                  pepper's area, not its transport)
        # (…300名村民的夙愿: what those counted wish for is not what is counted, they are)
        # (…2600元的办公经费的基础上: 基础上 says what kind of figure it is, the head what is counted)
        phrase = phrase if tail and len(tail) <= 8 and len(head) <= 8 and not _WISH.fullmatch(tail) \
            and not _FIGURE_KIND.match(tail) and not _DUTY.fullmatch(tail) else head
    among = _AMONG_ITEMS.match(phrase) if split and split.group() == "、" else None
    if among:
        return among.group(1)   # (3个移民安置点中福田、同德两个…: among them, the items named; what is counted is the 安置点)
    if len(phrase) > 2 and phrase.endswith("中") and after[len(phrase):len(phrase) + 1] in ("", *_CLAUSE_STOP):
        phrase = phrase[:-1]  # 194个城市社区中，…: among them, what is counted is the communities
    # (not 市、县 of 5位市、县级领导: a level, which the list goes on to qualify)
    # (117个村的8600多名群众: the noun before 的 is counted too)
    if len(phrase) == 1 and _ONE_CHARACTER_NOUN.fullmatch(phrase) and (
            after[1:2] in ("", "的", *_CLAUSE_STOP) or after[1:2] == "、" and phrase not in "市县区省"
            # (…12个乡镇105个村1944户: another figure straight after the noun ends it)
            or after[1:2].isdigit()
            # (…7个乡镇32个村与外省接壤: 与 before the other party, not a list of units)
            or after[1:2] == "与" and not after[2:4].startswith(_UNIT_RANKS) and not _AFTER_SPLIT.match(after, 2)):
        return phrase
    return phrase if 2 <= len(phrase) <= 16 and not _DATE_HEAD.match(phrase) else ""


def _in_quote(s: str, i: int) -> bool:
    """Is ``s[i]`` inside a “…” quote (the nearest mark before it opens one; none before it, and a closing
    mark comes first after it: ``s`` starts inside a quote)? A 、 there (“共建文明城、同做文明人”主题活动) joins
    the quoted words, not the items of the sentence."""
    before = max(s.rfind("“", 0, i), s.rfind("”", 0, i))
    if before >= 0:
        return s[before] == "“"
    close, opening = s.find("”", i), s.find("“", i)
    return close >= 0 and (opening < 0 or close < opening)


def _list_start(before: str, cuts: list[re.Match[str]], k: int, itemised: bool = False) -> int:
    """Where the label of a figure written straight after a list starts, ``cuts[k]`` being the join before its last item
    and no 等 closing it (推选街巷长、楼栋长48名, …等志愿服务及主题党日活动5000余次): the figure counts every item — the whole
    list where it is short, else its last two items, never the last alone; else where it did (``cuts[k].end()``).
    ``itemised``: the list goes on after the figure item by item, each with its own (…、车库外立面广告800平方米，宣传栏120个等):
    then a figure after three or more items is the last one's alone."""
    cut, end = cuts[k].end(), len(before)
    if len(_tail_trim(before[cut:].strip())) < 2:
        return cut          # (no item after the join: 11个市制定…清单、占68.8%)
    if itemised and k >= 1 and before[cuts[k - 1].start()] in "、和及与":
        return cut
    froms = [next((c.end() for c in reversed(cuts[:k]) if before[c.start()].isdigit() or before[c.start()] == "涉"), 0)]
    if k >= 1 and before[cuts[k - 1].start()] in "、和及与":
        froms.append(cuts[k - 1].end())
    for f in froms:
        whole = before[f:end].lstrip("、和及与，, ")
        if whole[:1] in ("他", "她", "其"):
            break       # (a list of what someone does, no list of things: 他负责带动、组织、联络周边18户)
        if whole and not any(c.isdigit() for c in whole) and not _in_quote(before, f):
            size = len(_LEAD_TRIM.sub("", whole.strip()))
            if size <= _MAX_SUBJECT:
                return end - len(whole)
            names = _NAMES_HEAD.match(whole) if f == froms[0] else None
            if names and len(whole) - names.start(1) <= _MAX_SUBJECT + _MAX_ITEM:
                return end - len(whole) + names.start(1)    # (the names whole: never the list's last ones alone)
    return cut


def _before_phrase(text: str, lo: int, start: int, ends_clause: bool = False) -> str:
    """The label read before the figure; ``ends_clause``: nothing but the clause's end follows the figure (then
    a 的-phrase of those who have or lack something says what it counts: 有社会工作师资格的2543人)."""
    before = text[lo:start]
    cuts = [m for m in _BEFORE_CUT.finditer(before) if not _NOT_A_JOIN.match(before, m.start())
            and not _in_quote(before, m.start())]
    cut = cuts[-1].end() if cuts else 0
    if cuts and not before[cuts[-1].start()].isdigit() and _LIST_COUNTED.search(before):
        # the figure counts the list before it: the whole list where it is short (协调解决征地拆迁、社区建设等问题)
        whole_from = max((m.end() for m in cuts if before[m.start()] in "0123456789涉"), default=0)
        if len(_LEAD_TRIM.sub("", before[whole_from:].strip())) <= _MAX_SUBJECT:
            cut = whole_from
        else:   # too long to give whole: its first item and 等…, never its last item alone (居民需求等问题 → 收集…等问题)
            first = next((m for m in cuts if m.start() >= whole_from), None)
            counted = _LIST_COUNTED.search(before)
            if first is not None and counted is not None and first.start() > whole_from \
                    and counted.group().startswith("等"):
                head = before[whole_from:first.start()].rstrip("，, ")
                if len(_LEAD_TRIM.sub("", head.strip())) + len(counted.group().strip()) <= _MAX_SUBJECT:
                    before = before[:first.start()].rstrip("，, ") + counted.group().strip()
                    cut = whole_from
            elif counted is not None and counted.group().strip() in ("总计", "共计", "合计") and (comma := next((m for m in cuts if m.start() >= whole_from
                                                          and before[m.start()] == "、"), None)) is not None \
                    and comma.start() > whole_from:
                # a total of a long list (…的重要资料、文件、…和…征集到的有关资料总计60余份): its first item's noun and 等, never
                # its last item alone
                head = before[whole_from:comma.start()].strip("，, ")
                noun = head[head.rfind("的") + 1:]
                if "的" in head and 2 <= len(noun) <= _MAX_ITEM and not _CLAUSE_STOP_IN.search(noun):
                    before = before[:whole_from] + noun + "等"
                    cut = whole_from
    elif cuts and before[cuts[-1].start()] in "、和及与" and not _MODIFIED_NOUN.search(before, cut):
        scope = _SCOPE_CLOSED.search(before, cut)
        # a list of the fields where something was done, closed by 等方面 (在养犬、停车、护绿等方面通过协商制定“微公约”):
        # what was done there labels the figure, not the list's last items and it
        figure = _FIG_RE.match(text, start)
        itemised = figure is not None and _ITEMISED_AFTER.match(text, figure.end()) is not None
        cut = scope.end() if scope and scope.end() < len(before) - 1 else _list_start(before, cuts, len(cuts) - 1, itemised)
        closed = None if itemised or (scope and cut == scope.end()) else _CLOSED_BY_DENG.search(before, cuts[-1].end())
        if closed:
            # a list closed by 等 and what its items are, too long to give whole (已注册登记阳光社工、同心社工、和美社工等专业社工
            # 机构21家): its first item and 等…, as a list after the figure gives it — never its last items alone
            whole_from = max((m.end() for m in cuts if before[m.start()] in "0123456789涉"), default=0)
            first = next((m for m in cuts if m.start() >= whole_from and before[m.start()] in "、和及与"), None)
            # (its first item whole: not where the window read cut the clause — 落实… read from 实…)
            whole = whole_from > 0 or lo == 0 or text[lo - 1] in _CLAUSE_STOP or text[lo - 1].isspace()
            if whole and first is not None and whole_from < first.start() < cut \
                    and len(_LEAD_TRIM.sub("", before[whole_from:first.start()].strip())) + len(closed.group()) <= _MAX_SUBJECT:
                before = before[:first.start()] + closed.group()
                cut = whole_from
    elif cuts and before[cuts[-1].start()] in "、和及与" and _MODIFIED_NOUN.search(before, cut):
        # a list of what qualifies the noun counted (选用抓项目、抓招商成效显著、抓基层治理突出的干部79名): every item
        # qualifies it, so the whole list where it is short, never its last item alone
        whole_from = max((m.end() for m in cuts if before[m.start()].isdigit()), default=0)
        if len(_LEAD_TRIM.sub("", before[whole_from:].strip())) <= _MAX_SUBJECT:
            cut = whole_from
        else:
            # too long to give whole, and closed by 等 (收集基础设施建设、产业发展、…、儿童关爱等方面的意见建议): its first item
            # and 等…, never its last item alone
            first = next((m for m in cuts if m.start() >= whole_from and before[m.start()] == "、"), None)
            closing = before.find("等", cut)
            if first is not None and closing > 0 and first.start() > whole_from \
                    and len(_LEAD_TRIM.sub("", before[whole_from:first.start()].strip())) + len(before) - closing <= _MAX_SUBJECT:
                before = before[:first.start()] + before[closing:]
                cut = whole_from
    if cuts and cut == len(before) and before[cuts[-1].start()].isdigit():
        # 50项372条: the same things counted in two units share the subject before the first
        first = cuts[-1].start()
        k = max((i for i, m in enumerate(cuts) if m.end() <= first), default=-1)
        cut = cuts[k].end() if k >= 0 else 0
        before = before[:first]
        if k >= 0 and before[cuts[k].start()] in "、和及与":
            cut = _list_start(before, cuts, k)      # (提出问题和建议50项372条: both items, in both units)
    before = before[cut:].strip()
    lead_cut = _LEAD_TRIM.sub("", before)
    verb_only = lead_cut.strip()
    trimmed = _BEFORE_TRIM.sub("", _tail_trim(lead_cut)).strip()
    if trimmed != before and trimmed:  # a trim may uncover another (按照全市… → 全市… → …)
        trimmed = _BEFORE_TRIM.sub("", _tail_trim(_LEAD_TRIM.sub("", trimmed))).strip()
    before = "" if _PART_OF.fullmatch(trimmed) else trimmed   # 300万元中的120万元: a part of the same thing
    if before.endswith("的") and not (ends_clause and _HOLDERS_OF.search(before)):
        before = ""      # 将省下拨的132箱、…图书: a modifier of the noun after the figure, which it does not name
    if before.endswith("是"):
        # X是N…: what the figure equals, not what it counts (建设活动场所是80户村民的夙愿), unless X names
        # a quantity (参与人数是320名, 社区总数是42个)
        before = before[:-1] if _QUANTITY_NOUN.search(before, 0, len(before) - 1) else ""
    if before in _SEXES:
        return before    # (其中：男3316人，女3160人: one character, what is counted)
    if len(before) < 2:  # 投入8亿元: the verb says more than nothing (not after another figure)
        # (not a change or a comparison alone: 较去年增至25个 says nothing of what is counted)
        before = verb_only if not cuts and 2 <= len(verb_only) <= 6 and not _CHANGE_ONLY.fullmatch(verb_only) else ""
    if before and _CEILING_BEFORE.search(text, max(lo, start - 8), start) and not _CEILING_NAMED.search(before):
        before += "上限"      # (奖励最高达20万元: the most one may get, no sum paid)
    return before


# a named housing compound holding what its sentence counts (荷花街道兴华苑小区有1819户，4547位居民; 某某小区共8栋楼、
# 288户居民: 共 alone before the figure says what it holds, as 共有 does), or a police station what it is charged with
# (某边境派出所肩负着守护其中25公里边境线的重任): the figures are
# the compound's, not the street's or community's whose page shows them — the label names the compound
_HOLDER = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:小区|院落|楼院|小院|派出所|警务站|警务室|司法所))(?:内|里)?(?:目前|现|共|总)?"
                     r"(?:有|共有|现有|辖有?|居住着?|住有|入住|总户数|总人口|占地|建筑面积|共计|总共|共(?![建治享同管商驻用创识育])|"
                     # (a police station's charge: 某边境派出所肩负着守护其中25公里边境线的重任，…服务着辖区内…)
                     r"肩负着?|承担着?|负责|管辖|守护着?)")
# where a compound's name begins: after a place or an opener (目前荷花街道兴华苑小区 → 兴华苑小区)
_HOLDER_FROM = re.compile(r".*(?:街道|社区|镇|乡|村|目前|其中|如|例如|比如|位于|的)")
# words before 小区 that say what kind of compound it is (老旧小区, 住宅小区): no compound's name
_GENERIC_COMPOUND = re.compile(r"(?:老旧|住宅|商品房|商品住宅|无物业|安置|回迁|还建|城市|农村|城镇|示范|试点|物业|封闭式|开放式|"
                               r"新建|居民|各|全|该|本|每个|这个|此|新型|红色|智慧|平安|文明|美丽|幸福|和谐|普通|大型|小型|"
                               r"中型|超大|星级|重点|一般|所有|多个|部分|其他|周边|相邻|辖区|片区|类|个|型)(?:小区|院落|楼院|小院)$")
# what is put into a plan, after the figure (5个办事处6个整治项目，全部纳入今年的老旧小区整治计划): planned, not done
# a density, then the area it is per (人口密度每平方公里…): the density is what the figure gives
_DENSITY = re.compile(r"[\u4e00-\u9fff]{1,8}密度$")
# the figure a target sets (全市年度盘活305357个停车位的目标任务，完成323957个): the target, not the result
_TARGET_AFTER = re.compile(r"[^，,。；;：:！？!?\n\d]{0,12}?的(?:年度)?(?:目标任务|目标)(?=$|[，,。；;：:！？!?\n])")
# (every match holds 目 within 16 characters of the figure's end: the pattern, whose lazy opening tries every length
# before it fails, is tried only where one stands)
_TARGET_KEY, _TARGET_REACH = "目", 16
# a rule quoted (关于“新建住宅居民入住率达到50%的，要及时纳入社区管理”“…”的精神): a provision in the quote, or the rule's
# spirit, requirement or standard straight after it — what is asked for, a standard, not a result
_QUOTED_PROVISION = re.compile(r"应|须|要(?!求)|不低于|不少于|不超过|不高于|不得")
_QUOTED_AS_RULE = re.compile(r"(?:等|的)?(?:精神|要求|规定|标准)")
_MORE_QUOTES = re.compile(r"(?:[、及和与]?“[^“”。]*”)+")


def _in_quoted_rule(text: str, s_lo: int, start: int, end: int) -> bool:
    """Is the figure ``text[start:end]`` inside a quoted rule of its sentence (from ``s_lo``)?"""
    opened = text.rfind("“", s_lo, start)
    if opened < 0 or text.rfind("”", opened, start) >= 0:
        return False
    closed = text.find("”", end)
    if closed < 0 or "。" in text[end:closed]:
        return False
    # (a provision in the figure's own clause of the quote: “每个社区一般应达到2000户以上”; not a speaker's later clause,
    # “一个有1724户住户的小区，为建设车棚，必须移除…”)
    lo = max(opened, *(text.rfind(mark, opened, start) for mark in "，,；;"))
    hi = min([closed] + [i for i in (text.find(mark, end, closed) for mark in "，,；;") if i >= 0])
    if _QUOTED_PROVISION.search(text, lo, hi):
        return True
    after = _MORE_QUOTES.match(text, closed + 1)        # (“…”“…”及“…”的精神: the rule's quotes, then its spirit)
    return _QUOTED_AS_RULE.match(text, after.end() if after else closed + 1) is not None


# a clause after the figure, in its sentence, saying what must come first (…组成一个新社区涉及范围调整，须先召开居民会议讨论
# 通过): what the figure counts awaits it — a change proposed, not made
_AWAITS = re.compile(r"[，,；;]\s*(?:则|均|也|还)?(?:须|需|必须|应)(?:先|首先|事先|经过?)(?![验历常])")
_INTO_PLAN = re.compile(r"[^。；;！？!?\n，,]{0,12}?[，,]?\s*(?:全部|均|都|已|将)?(?:纳入|列入)[^。；;，,！？!?\n]{0,16}?计划")
# a span of years and what it is to bring (3年实现100个社区…全覆盖, 利用三年时间实现…, 两年内完成): the figures after it in
# its sentence are targets; not the years it took (近三年完成, 用3年实现了) nor a year (2005年建成)
_YEARS_TO = re.compile(r"年(?:内|时间)?(?:基本)?(?:实现|完成|建成)(?!了)")     # (opens with 年: the engine skips ahead to it)
_YEARS_NUMERAL = "一二两三四五六七八九十0123456789"
# the sizes a plan sets (100个试点社区总体规划占地近7万亩，整合约436个行政村，…集聚人口近80万人; 规划建设…): the figures after
# it in its sentence are what is planned, not what was done
_PLANNED_SIZE = re.compile(r"规划(?:占地|用地|总用地|面积|总面积|建筑面积|人口|安置|总投资|建设)")
_HOLDER_WINDOW = 48
# a unit named after the holder, before the figure
_LATER_UNIT = re.compile(r"小区|社区|街道|村|镇")
_STATION_SUBJECT = re.compile(r"\s*([\u4e00-\u9fff]{2,10}?(?:派出所|警务站|警务室|司法所))(?=肩负|承担|负责|管辖|守护|服务着)")
# a compound a sentence is about: where it is or when it was built, said first (康居小区位于…，建成于1999年，共3栋楼房)
# (旭园小区是某社区一个建于1998年的小区，共2个楼幢: what it is, said first, too)
# (蒙信小区已列入2023年老旧小区改造计划，涉及改造户数76户: the plan it is put into, then what the plan involves, too)
# (a mirror page's traditional characters too: 某某小區建于1991年)
_HOLDER_SUBJECT = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:小[区區]|院落|[楼樓]院|小院))(?:位于|地处|坐落于?|建成[于於]|始建[于於]|建[于於]|是|"
                             r"已?(?:列入|纳入)(?=[^，,。；;]{0,16}?(?:计划|项目|清单|名单)))")
# what every match of ``_HOLDER`` / ``_HOLDER_SUBJECT`` holds: looked for first (a scan that skips ahead to 小, 院, 楼, 派,
# 警 or 司), the patterns, which open with a run of hanzi the engine tries at every offset, only where it is found
_HOLDER_KEY = re.compile(r"小区|院落|楼院|小院|派出所|警务站|警务室|司法所")
_HOLDER_SUBJECT_KEY = re.compile(r"(?:小[区區]|院落|[楼樓]院|小院)(?:位于|地处|坐落|建成[于於]|始建[于於]|建[于於]|是|"
                                 r"已?(?:列入|纳入))")
# a label that is a bare kind of count (人数, 人次): of what the figure before it counts, where it follows that one's clause
# a span of years, all a label holds (四年, 三年来, 5年间)
_YEARS_SPAN = re.compile(r"[一二三四五六七八九十两\d]{1,3}(?:个)?年(?:来|间|内|中)?")
_BARE_KIND = frozenset({"人数", "人次", "次数", "户数", "总人数", "参与人数", "数量"})
# (of events held: 813场, 20次 — not of households or people, 全村共有300户，人数1200人)
_EVENT_UNITS = frozenset({"场", "次", "期", "批", "场次", "轮"})
# a clause opening with the figure, after those saying where the compound is and when it was built (…建于1991年，1栋楼，
# 4个单元，67户): a list of what it holds
_FIGURE_OPENS = re.compile(r"[，,]\s*(?=\d)")
# what it holds, written straight before the figure (共3栋, 有120户), or what its plan involves (涉及改造户数76户)
_HELD = re.compile(r"[，,](?:共有|现有|共计|共|有|涉及)")
# a compound the sentence's work is done on (…投入4.8万元对金龙小区进行整体绿化改造，补植草坪2500余平方米，…): the figures
# after it, of what was done there, are the compound's
_WORKED_ON = re.compile(r"对([\u4e00-\u9fff]{2,10}?(?:小区|院落|楼院|小院))(?:进行|开展|实施)")
# a year something was built or founded in (建于1998年, 成立于2015年) dates the thing, not the figures counted after it
_BUILT_IN = re.compile(r"(?:建于|建成于|始建于|成立于|竣工于|落成于)\s*$")


def _compound_holder(text: str, s_lo: int, start: int) -> str | None:
    """The named compound a sentence's figures before ``start`` belong to (see ``_HOLDER``; also a compound the
    sentence is about, where it is, when built, then what it holds: 康居小区位于…路，建成于1999年，共3栋楼房), or None."""
    lo = max(s_lo, start - _HOLDER_WINDOW)
    found, after = None, 0
    if _HOLDER_KEY.search(text, lo, start) is not None:
        for m in _HOLDER.finditer(text, lo, start):
            found, after = m, m.end()
        if found is not None and _LATER_UNIT.search(text, after, start) and _rx(r"[，,；;：:]").search(text, after, start):
            found, after = None, 0      # (a unit named after it: the compound a later clause is about may hold the figure)
    if found is None:
        # (a station the sentence opens with, saying what it is charged with: every figure of the sentence is of its charge,
        # 某派出所肩负着…，还承担着…，服务着辖区内1.2万户家庭)
        found = _STATION_SUBJECT.match(text, s_lo, start)
        after = found.end() if found is not None else 0
    if found is None:
        far = max(s_lo, start - 2 * _HOLDER_WINDOW)
        found = _HOLDER_SUBJECT.search(text, far, start) if _HOLDER_SUBJECT_KEY.search(text, far, start) else None
        if found is None:
            # (or the compound the work the figures count was done on: 对金龙小区进行…改造，补植草坪2500余平方米)
            for found in _WORKED_ON.finditer(text, far, start) if "对" in text[far:start] else ():
                pass
            if found is None:
                return None
            after = found.end()
        else:
            # the figure's clause opens with what it holds (，共3栋楼房120户), or goes on with the list of what it holds that
            # such a clause opened (，共2个楼幢、9个单元，132户居民，常住人口约300人); the clauses before, saying where the
            # compound is and when it was built, name no other holder
            after = max(found.end(), text.rfind("，", found.end(), start), text.rfind(",", found.end(), start))
            held = _HELD.search(text, found.end(), start)
            if held is not None and held.start() < after and not _rx(r"[。；;：:]").search(text, held.start(), start) \
                    and _rx(r"\d").search(text, held.end(), after):
                after = held.start()
            opens = _FIGURE_OPENS.match(text, after, start + 1)
            listed = opens is not None and opens.end() == start and _holds_only_figures(text, found.end(), after)
            if after <= found.end() or not (_HELD.match(text, after, start) or listed):
                return None
    if _rx(r"[，,；;：:]").search(text, after, start) and _LATER_UNIT.search(text, after, start):
        return None      # (another unit named after it, in a later clause: the figure is that one's)
    name = found.group(1)
    opener = _HOLDER_FROM.match(name, 0, len(name) - 2)
    name = name[opener.end():] if opener else name
    if len(name) < 4 or _GENERIC_COMPOUND.search(name) or any(c.isdigit() for c in name):
        return None
    return name


def _holds_only_figures(text: str, lo: int, hi: int) -> bool:
    """Do the clauses of ``text[lo:hi]`` after the first (where the compound is, when it was built) each open with a
    figure (，1栋楼，4个单元)?"""
    return all(clause[:1].isdigit() for clause in _rx(r"[，,]").split(text[lo:hi].strip())[1:] if clause.strip())


def _with_holder(subject: str | None, holder: str | None) -> str | None:
    if not holder or (subject and holder in subject):
        return subject
    return holder + (subject or "")


def _same_unit(unit: str, other: str) -> bool:
    """Do two figures count in the same unit, whatever their multipliers (8832个 and 3.1万个) and whether
    one is written per each (由20万元提高到25万元/个: the same amount, its “/个” left off once)?"""
    return unit.lstrip("万亿千百").partition("/")[0] == other.lstrip("万亿千百").partition("/")[0]


def _running_total(previous: str, between: str) -> str:
    """The subject of a figure that has none of its own, after a figure of the same unit: the same
    thing, before and after (由14万元/个提高到24万元/个); but where the words between say it is the
    running total (新增终端1.5万个，累计达到3.8万个), what was added is not what it counts — the total
    of that thing is (累计终端)."""
    if not previous or not _CUMULATIVE.search(between) or previous.startswith("累计"):
        return previous  # (nothing named before: a total of nothing is no label, 是…总量的25.6%)
    added = _ADDED.match(previous)
    return "累计" + (previous[added.end():] if added else previous)


def _subject(text: str, start: int, end: int, clauses: _Stops, sentence_lo: int) -> str:
    lo, hi = clauses.bounds(start)
    glossed = False
    for _ in range(16):  # a mirror page's pinyin gloss (辦公經(jīng)費) is no clause stop: read on past it
        after, before = gloss_span(text, hi), gloss_span(text, lo) if lo > 0 else None
        if after:
            hi = clauses.bounds(after[1])[1]
        if before:
            lo = clauses.bounds(before[0] - 1)[0] if before[0] > 0 else 0
        glossed = glossed or bool(after or before)
        if not (after or before):
            break
    # windows, so that a clause without punctuation (a run of figures) costs O(1) per figure
    window = _WINDOW * 2 if glossed else _WINDOW      # (glosses take up to 7 characters a word)
    lo, hi = max(lo, start - window), min(hi, end + window)
    if glossed:          # the words are read without the glosses, and given as written, glosses and all
        local, to_text = without_pinyin(text[lo:hi])
        if len(local) < hi - lo:
            dropped = len(text[lo:start]) - len(without_pinyin(text[lo:start])[0])
            s = start - lo - dropped
            phrase = _subject_in(local, s, s + end - start, 0, len(local), max(0, sentence_lo - lo))
            at = local.rfind(phrase, 0, s) if phrase else -1
            if at < 0:
                at = local.find(phrase, s) if phrase else -1
            if at >= 0:
                a, b = lo + to_text(at), lo + to_text(at + len(phrase) - 1) + 1
                return text[a:b]
            return phrase
    return _subject_in(text, start, end, lo, hi, sentence_lo)


def _subject_in(text: str, start: int, end: int, lo: int, hi: int, sentence_lo: int) -> str:
    """The subject of the figure ``text[start:end]`` read in ``text[lo:hi]`` (see :func:`_subject`)."""
    for _ in range(3):      # (a list of units glossed one by one: 市、县(区)、街道(镇)“…”项目)
        if not (hi < len(text) and text[hi] in "（(" and hi < end + _WINDOW):
            break
        close = _rx(r"[\u4e00-\u9fff][\u4e00-\u9fff、]{0,5}[）)][^，,。；;：:！？!?\n（(]*").match(text, hi + 1)
        if not close:
            break
        hi = min(close.end(), end + _WINDOW)     # a bracket inside the noun phrase: 村(社区)工作人员, 县(市、区)
        shut = max(text.rfind(")", close.start(), close.end()), text.rfind("）", close.start(), close.end()))
        if not text.startswith("、", shut + 1):
            break   # (read on to the next bracket only where a list of glossed units goes on: 县(区)、街道(镇))
    after = _after_phrase(text, end, hi)
    if after and text.startswith("的", end):
        # figures given item by item before what they share (城市社区15分钟、农村社区2公里的便民生活服务圈): the item's
        item = _ITEM_BEFORE.search(text, lo, start)
        if item and item.group(1) not in after:
            after = item.group(1) + after
    if not after and text[end - 1] in "类种":
        # kinds, then how many of them (梳理出6大类66条群众诉求): the kinds are of what the next figure counts
        following = _FIG_RE.match(text, end)
        after = _after_phrase(text, following.end(), hi) if following else ""
    if after and text[end:end + 1] in (" ", "\u3000") and text[end - 1] not in _PEOPLE_UNITS:
        # (a figure a space parts from the words after it ends its line — a headline's, 一个网格化解矛盾纠纷12023多起 高楼林立、…:
        # what stands before it is what it counts, where something does)
        spaced = _before_phrase(text, lo, start, True)
        after = "" if len(spaced) >= 4 else after
    before = "" if after else _before_phrase(text, lo, start, _AFTER_LEAD.sub("", text[end:hi]).strip() == "")
    if before and text[lo - 1:lo] in ("）", ")"):
        before = _through_gloss(text, lo, start, before)
    elif not after and not before and text[lo - 1:lo] in ("）", ")") and not text[lo:start].strip():
        # the figure straight after a short bracket glossing the noun before it (建立党支部(党小组)31个): that noun and
        # its gloss, not the label of the figure before (成立业主委员会49个、…)
        before = _through_gloss(text, lo, start, "")
    if after and _ACTION_HEAD.match(after) and text[end - 1] in _PEOPLE_UNITS and _LIST_BEFORE.search(text, lo, start):
        before = _before_phrase(text, lo, start)      # (…热心群众等200余人深入…村庄: those who go, not where)
        after = "" if before else after
    joined = _TOOK_PART.match(text, end, hi) if not after and before.endswith("等") \
        and text[end - 1] in _PEOPLE_UNITS else None
    if joined and not _DEMONSTRATIVE.search(joined.group(0)):
        # a list cut to its first item and 等, then what they took part in (区政协委员、…、群众代表等10人参加会议): those
        # who took part, not every such person of the place
        before = joined.group(0).replace("了", "", 1) + "的" + before
    phrase = after or before
    changed = _UNITS_CHANGED.search(text, max(lo, start - 4), start) if after else None
    reached = _UNITS_REACHED.search(text, max(lo, start - 24), start) \
        if after and not changed and _UNIT_NOUN.search(after) and not text.startswith(after + "的", end) else None
    if changed:
        phrase = changed.group(1) + phrase      # (调整4个社区: the communities adjusted, not every community)
    elif reached:
        phrase = reached.group(1) + phrase      # (覆盖31个社区472个小区, 已完成19个小区: those covered or done)
    elif after and _UNIT_NOUN.search(after):
        visited = _UNITS_VISITED.search(text, max(lo, start - 24), start)
        if visited:
            phrase = visited.group(1) + phrase  # (深入…近40个新型农村社区: the communities visited)
    if not phrase and text[end - 1] in _PEOPLE_UNITS:
        # people counted, then what they took part in (共计45人参加此次会议): nothing else names them
        joined = _TOOK_PART.match(text, end, hi)
        phrase = joined.group(0) if joined else ""
    if not phrase and text[end - 1:end] == "次":
        # how many times something was done, then what (先后8次提高社区工作人员的工资待遇): what was done labels it
        done = _TIMES_DONE.match(text, end, hi)
        phrase = done.group(0) if done else ""
    if not phrase and text[end - 1:end] == "%":
        # X占Y的N%: the share of X in Y (搬迁人数占到了全州贫困人口的36%)
        share = _SHARE.search(text, max(lo, start - 40), start)
        if share:
            phrase = _LEAD_TRIM.sub("", share.group(1)) + "占" + share.group(2)
    d_lo = max(sentence_lo, start - 16)
    dist = (_DISTRIBUTIVE.search(text, d_lo, start)
            if text.find("每", d_lo, start) >= 0 or text.find("均", d_lo, start) >= 0 else None)
    if dist:
        lead = _tail_trim(dist.group(0))
        if after and lead not in after:
            phrase = lead + after  # 每个村（社区)配备 + 专职网格员
        elif not after and lead in before and _PERIOD.fullmatch(lead):
            # a rate per period (物业费标准执行为每月1.2元): what is charged or paid, not the period
            head = _tail_trim(before[:before.index(lead)]).strip()
            phrase = head if len(head) >= 2 else lead
        elif not after and lead in before and _DENSITY.search(before[:before.index(lead)]):
            phrase = before[:before.index(lead)]  # 牧区人口密度每平方公里不足5人 → 牧区人口密度
        elif not after and lead in before and (whose := _PER_HEAD_OF.search(before, 0, before.index(lead))) \
                and lead.startswith(("人均", "户均", "平均", "月均", "年均")):
            phrase = whose.group(1) + before[before.index(lead):]  # 社区工作者人均报酬: theirs, not a bare 人均报酬
        elif not after and lead in before:
            phrase = before[before.index(lead):]  # …不达标的社区按照每个社区 → 每个社区
        elif not phrase:
            phrase = lead
        holder = _PAID_HOLDER.search(text, max(lo, dist.start() - 16), dist.start()) \
            if _PERIOD.match(phrase) else None
        if holder:
            # a rate paid to a post or for a certificate held, written before the period (小区党支部书记每月300元工作补助,
            # 取得初级社工证书每年补贴1200元): whose pay it is, not a sum of the place's
            phrase = (holder.group("held") or holder.group("post")) + phrase
        if phrase == lead:  # 每个社区10万元进行补助 → 每个社区补助
            obj = _rx(r"(?:的|进行|用于|予以|给予)*([\u4e00-\u9fff]{2,8})").match(text, end, hi)
            if obj and not _FIGURE_KIND.match(obj.group(1)) and not _AFTER_LEAD.match(obj.group(1)):
                phrase += obj.group(1)
    # a quote the label cuts through (关于“新建住宅入住率 / 面积不低于”): the words on its side of the mark
    if phrase.count("“") > phrase.count("”"):
        phrase = phrase[phrase.rfind("“") + 1:]
    elif phrase.count("”") > phrase.count("“"):
        phrase = phrase[:phrase.find("”")]
    return _shortened(phrase)


# a short bracket glossing the word before it (社区书记(主任)工资待遇, 村（社区）党组织书记): the noun goes on through it
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff、]{1,6}[）)]$")
_GLOSS_HEAD = 16     # the most characters read before the bracket
# a longer one saying what the noun before it is (在建住宅物业管理项目(实施前期物业管理)27个): the count is of that noun
_LONG_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff、]{7,16}[）)]$")


def _through_gloss(text: str, lo: int, start: int, label: str) -> str:
    """``label``, read in the clause from ``lo`` to the figure at ``start``, with the words before a short bracket
    that glosses them (推荐进入事业编制的村（社区）党组织书记12名: the clause stop at the bracket cut the label to
    党组织书记); ``label`` as it is where it does not open the clause or nothing before the bracket names anything."""
    lead = text[lo:start].lstrip()
    # (市(区)、街道分别开展…培训20多期: the glossed unit is the first of a list the label goes on with)
    joined = lead.startswith("、") and lead[1:].lstrip().startswith(label)
    if not (lead.startswith(label) or joined):
        return label
    gloss = _GLOSS.search(text, max(0, lo - 8), lo)
    long = gloss is None and not label
    if long:
        # (a count straight after a longer bracket: the noun before it, and no more — the bracket says what it is)
        gloss = _LONG_GLOSS.search(text, max(0, lo - 18), lo)
    if gloss is None:
        return label
    b = gloss.start()
    head_lo = max(b - _GLOSS_HEAD, 0)
    for i in range(b - 1, head_lo - 1, -1):
        if text[i] in _CLAUSE_STOP:
            head_lo = i + 1
            break
    head = _rx(r"^[将把]").sub("", _before_phrase(text, head_lo, b))     # (将离任村(社区)干部补贴由…: 将 as 把)
    if not head:
        one = text[head_lo:b].strip()
        head = one if len(one) == 1 and _ONE_CHARACTER_NOUN.fullmatch(one) else ""
    if long:
        return head
    return head + gloss.group() + ("、" if joined else "") + label if head else label


def _span_of_years(text: str, at: int) -> bool:
    """Does a number of years of one or two numerals end at ``text[at]`` (年), not a year (2005年) nor the years it took
    (近三年, 用3年; 利用三年 is to come)?"""
    i = at
    while i > 0 and at - i < 3 and text[i - 1] in _YEARS_NUMERAL:
        i -= 1
    if i == at or at - i > 2 or (i > 0 and text[i - 1] in _YEARS_NUMERAL):
        return False
    before = text[max(0, i - 2):i]
    return before == "利用" or not before.endswith(("近", "用"))


def _years_to_bring(ends: list[int], s_lo: int, start: int) -> bool:
    """Does a span of years and what it is to bring (``_YEARS_TO``, ending at one of ``ends``) stand in the sentence
    (from ``s_lo``) before the figure at ``start``?"""
    k = bisect_left(ends, s_lo)
    return k < len(ends) and ends[k] <= start


# a label of those counted that did something (获得市级表彰的干部, 纳入事业岗位管理的社区党组织书记): what they did, then who
_DID_LABEL = re.compile(r"(?:" + "|".join(dict.fromkeys((*_UNITS_DID, *_PEOPLE_DID, *_NOT_YET))) + r")[^的]{2,16}的(?=.)")


def _own_holder(text: str, lo: int, prev_end: int, previous: str) -> str:
    """The label a figure with none of its own carries over from the figure before it: what that one counts, without
    what they did where its label says (获得市级表彰的干部 → 干部), and without whose it is where the figure's clause (from
    ``lo``, after the figure before it, ending at ``prev_end``) opens right after a holder of its own with a gloss
    (农村社区(居委会)运转经费由14万元提高到24万元，城区的社区(居委会)已经由20万元…: 运转经费, not 农村社区's)."""
    did = _DID_LABEL.match(previous)
    if did:
        # (12名干部获得市级表彰，8人入选人才库: the 8 are of those counted before, not of what those did)
        previous = previous[did.end():]
    close = max(previous.rfind(")"), previous.rfind("）"))
    if close < 0 or close == len(previous) - 1 or lo - 8 < prev_end or _GLOSS.search(text, lo - 8, lo) is None:
        return previous
    return previous[close + 1:]


def _shortened(phrase: str) -> str:
    """The last ``_MAX_SUBJECT`` characters of the label, never from inside a title: a label that would
    begin inside 《》 (…推动社区治理创新的若干措施》等专项文件) keeps what stands after the title (专项文件)."""
    if len(phrase) > _MAX_SUBJECT and len(phrase) <= _MAX_SUBJECT + _MAX_ITEM:
        names = _NAMES_HEAD.match(phrase)
        if names and names.start(1) == 0:
            return phrase   # (a list of names at its head is one word: the limit never cuts inside it)
    kept = phrase[-_MAX_SUBJECT:]
    close = kept.find("》")
    if close >= 0 and "《" not in kept[:close]:
        kept = kept[kept.rfind("》") + 1:].lstrip("等的")
        return kept if len(kept) >= 2 else ""
    if len(phrase) > _MAX_SUBJECT and _in_quote(kept, 0):
        # (nor from inside a quote: …“垃圾分类、从我做起”“共建文明城、同做文明人”主题活动 keeps what follows the
        # quotes, 主题活动 — one of them would name only some of what is counted)
        kept = kept[kept.rfind("”") + 1:].lstrip("等的")
        return kept if len(kept) >= 2 else ""
    return kept


# ------------------------------------------------------------------ figures
def _bare_unit(text: str, start: int, end: int) -> str | None:
    """万元 or 万人 for a number with 万/亿 and no unit, from the words around it; None if unclear."""
    near = text[max(0, start - 12):min(len(text), end + 6)]
    if _PEOPLE_NEAR.search(near):
        return "人"
    if _MONEY_NEAR.search(near):
        return "元"
    return None


def find_metrics(text: str, attribution: Attribution | None = None) -> list[MetricRec]:
    """Every figure in ``text`` that counts or spends something.

    With ``attribution`` (the document's places and agencies, see :class:`Attribution`) each
    figure also gets the place it is about and whether it is planned; without it they stay None.

    ``text`` is the scan text, in simplified characters (:func:`loaders.extract.script.fold_script`): the units and
    rules are written so (户, 个, 万), and a traditional page read as it is (戶, 個, 萬) has no units. ``govkg extract``
    (``pipeline.extract_text``) folds the page first and gives the labels back in its own script, offsets unchanged."""
    skip = _quoted_or_titled(text)
    skipped = bytearray(len(text) + 1)
    for s, e in skip:
        skipped[s:e] = b"\x01" * (e - s)
    clauses, sentences = _Stops(text, _CLAUSE_STOP), _Stops(text, _SENTENCE_STOP)
    # found once over the whole text and bisected per figure (a per-sentence scan is quadratic
    # in a sentence that holds thousands of figures)
    national = [(n.start(), n.end()) for n in finditer_at(_NATIONAL, text, literal_starts(text, "国", (0, 1)))
                if not skipped[n.start()] and not _RANKED_BEFORE.search(text, max(0, n.start() - 3), n.start())
                and not _RANKED_AFTER.match(text, n.end()) and not _NATIONAL_IN_NAME.match(text, n.end())
                and not _NATIONAL_TITLE.match(text, n.end())]
    # a national leader's own deeds (总书记…先后17次深入…) are no figure of the place's work either
    leader = [(n.start(), n.end()) for n in finditer_at(_LEADER, text, literal_starts(text, "总", (0,)))
              if not skipped[n.start()]]
    if leader:
        national = sorted(national + leader)
    national = sorted(national + _national_lists(text, sentences) + _national_sets(text, sentences))
    national_starts = [a for a, _b in national]
    chrome = [w.start() for w in _WEB_CHROME.finditer(text)]
    # the patterns that open with a digit are tried only where a run of digits starts (a year: where
    # its last four digits start), not at every character
    run_starts, run_ends = digit_runs(text)
    year_starts = [e - 4 for s, e in zip(run_starts, run_ends) if e - s >= 4]
    years = [(y.start(), y.end(), int(y.group(1))) for y in finditer_at(_YEAR_RE, text, year_starts)]
    year_ends = [b for _a, b, _y in years]
    # a span of years and what it is to bring (3年实现…全覆盖, 利用三年时间完成…): found once, bisected per figure
    years_to = [m.end() for m in _YEARS_TO.finditer(text) if _span_of_years(text, m.start())]
    if "规划" in text:
        years_to = sorted(years_to + [m.end() for m in _PLANNED_SIZE.finditer(text)])
    out: list[MetricRec] = []
    seen: set[tuple[str, str]] = set()
    prev_end, prev_unit, prev_subject = -1, "", ""

    def keep(start: int, end: int, value: float, unit: str, subject: str | None) -> None:
        s_lo, s_hi = sentences.bounds(start)
        k = bisect_right(year_ends, start) - 1  # the last YYYY年 ending before the figure, same sentence
        year = years[k][2] if k >= 0 and years[k][0] >= s_lo and not _BUILT_IN.search(text, max(0, years[k][0] - 6), years[k][0]) else None
        if year is not None and not 1900 < year < 2100:
            year = None
        place = status = None
        if attribution is not None:
            place = attribution.place_at(start)
            planned = attribution.planned_at(start) or states_standard(text, start, end) \
                or _INTO_PLAN.match(text, end) is not None or _years_to_bring(years_to, s_lo, start) \
                or "“" in text[s_lo:start] and _in_quoted_rule(text, s_lo, start, end) \
                or ("须" in text[end:s_hi] or "需" in text[end:s_hi] or "应" in text[end:s_hi]) \
                and _AWAITS.search(text, end, s_hi) is not None \
                or text.find(_TARGET_KEY, end, end + _TARGET_REACH) >= 0 and _TARGET_AFTER.match(text, end) is not None
            status = "planned" if planned else "done"
        subject = _with_holder(subject, _compound_holder(text, s_lo, start))
        out.append(MetricRec(subject=subject or None, value=value, unit=unit, year=year,
                             as_written=text[start:end], start=start, end=end, place=place, status=status))

    def ordinary(start: int, end: int) -> bool:
        """Not after 第, not in quotes, not a national statistic, not page furniture."""
        if skipped[start]:
            return False
        pre = text[max(0, start - 2):start]
        if "第" in pre and (pre.endswith("第") or _rx(r"第\s*$").search(pre)):
            return False
        s_lo, _s_hi = sentences.bounds(start)
        k = bisect_left(national_starts, s_lo)
        if k < len(national) and national[k][1] <= start:
            return False  # 全国/我国… earlier in the sentence, outside quotes
        c = bisect_left(chrome, start - 8 - _CHROME_LEN)  # page furniture within 8 chars
        return not (c < len(chrome) and chrome[c] < end + 8)

    for m in finditer_at(_FIG_RE, text, run_starts):
        start, end = m.start(), m.end()
        if not ordinary(start, end):
            continue
        raw_unit, mid, per = m.group(3), m.group(2), m.group(4)
        mult = "亿" if "亿" in mid else "万" if "万" in mid else ""
        value = float(m.group(1))
        if value == 0:
            continue  # a zero count is a counter on the page or a number lost in copying
        after = text[end:end + 8]
        rule = _NOT_A_COUNT_AFTER.get(raw_unit)
        if rule is not None and not per and rule.match(after):
            continue
        if raw_unit == "分" and _CLOCK_BEFORE.search(text, max(0, start - 4), start):
            continue    # (7时30分: the minutes of a time of day, no score)
        if after[:1] in _STRUCTURAL_OPENS and _STRUCTURAL_AFTER.match(after):
            continue
        if raw_unit in ("岁", "周岁") and not (_AGE_LIMIT_AFTER.match(after) or _AGE_STAT_BEFORE.search(
                text, max(0, start - 16), start)):
            continue
        if _PLUS_PART_AFTER.match(text, end) or text[start - 1:start] in ("+", "＋"):
            continue
        if _RATIO_BEFORE.search(text, max(0, start - 24, clauses.bounds(start)[0]), start):
            continue  # 每500户居民配置1人: the other half of a ratio
        if raw_unit in ("期", "次", "场", "批") and _rx(r"^\s*(?:会议|全会|人代会)").match(after):
            continue
        if raw_unit == "份" and not mult and (_rx(r"[（(]\s*$").search(text, max(0, start - 2), start)
                                               or _rx(r"[ \t　]*(?:抄送|分送|印发|送)").match(
                                                   text, stop_before(text, start, "\n"))):
            continue  # 抄送：市政协提案委员会（1份）
        unit = UNIT_NORMAL.get(raw_unit, raw_unit)
        if mult and unit != "%":
            unit = mult + unit if not unit.startswith(mult) else unit
        unit += per
        if prev_end >= 0 and text[prev_end:start].strip() in _RANGE_JOIN and unit == prev_unit:
            if out and out[-1].end == prev_end:
                # 100户至700户: the upper end of a range written out — one figure, written whole (never 100户 alone)
                out[-1].end, out[-1].as_written = end, text[out[-1].start:end]
            prev_end = end
            continue
        as_written = text[start:end]
        # (read without a mirror's pinyin glosses: 覆蓋率達(dá)100% twice would otherwise share the key)
        ctx_key = (as_written, without_pinyin(text[max(0, start - 20):start])[0][-5:])
        if ctx_key in seen:  # the same figure restated in the same words (（含单位管理15个）)
            continue
        seen.add(ctx_key)
        s_lo, _s_hi = sentences.bounds(start)
        subject = _subject(text, start, end, clauses, s_lo)
        if raw_unit in ("岁", "周岁"):
            subject = _age_limit(subject, after)
        if subject in _BARE_KIND and prev_subject and s_lo <= prev_end and start - prev_end <= 8 \
                and prev_unit.lstrip("万亿千百") in _EVENT_UNITS and _rx(r"[，,、]").search(text, prev_end, start):
            # a bare kind of count straight after another figure's clause (共接待党史教育学习813场，人数18325人次): the
            # people of what that one counts
            subject = _shortened(_own_holder(text, clauses.bounds(start)[0], prev_end, prev_subject) + subject)
        elif subject and subject.startswith("占") and prev_subject and prev_end >= s_lo \
                and text[clauses.bounds(start)[0]:start].lstrip().startswith("占"):
            # a share whose clause opens with 占 (注册志愿者超过89万人，占常住人口比例17.48%): of what the figure before counts
            subject = _shortened(prev_subject + subject)
        elif not subject and unit == "%" and prev_subject and s_lo <= prev_end and start - prev_end <= 30 \
                and _SHARE_NEXT.fullmatch(text, prev_end, start):
            # a bare share straight after a count (11个市制定…清单、占68.8%): the share of what that count counts
            subject = _shortened(prev_subject + "占比")
        elif subject and _YEARS_SPAN.fullmatch(subject) and prev_subject and prev_end >= s_lo \
                and _same_unit(unit, prev_unit):
            # a span of years alone before a sum, after a yearly one (每年下拨5000万元…资金，四年共2亿元): that sum over the years
            subject = _shortened(subject + _PERIOD.sub("", prev_subject, count=1).lstrip())
        if not subject and prev_end >= 0 and prev_end >= s_lo and _same_unit(unit, prev_unit) \
                and not (unit == "%" and text[prev_end:start].rstrip().endswith("的")):
            # (…占全州的36%，是全省总量的25.6%: a share of another whole is not the same figure's)
            subject = _running_total(_own_holder(text, clauses.bounds(start)[0], prev_end, prev_subject),
                                     text[prev_end:start])
            passed = _PASSED_AFTER.match(text, end) if unit in _PEOPLE_UNITS_NORMAL and subject else None
            if passed:
                # (376名…报名…考试，其中59人通过考试: those of them who passed, not all of them)
                subject = _shortened(passed.group(1) + passed.group(2) + "的" + subject)
        keep(start, end, value, unit, subject)
        prev_end, prev_unit, prev_subject = end, unit, subject
    covered = sorted((r.start, r.end) for r in out)
    covered_starts = [s for s, _e in covered]
    for m in finditer_at(_BARE_RE, text, run_starts):
        start, end = m.start(), m.end()
        k = bisect_right(covered_starts, start) - 1
        if (k >= 0 and covered[k][1] > start) or not ordinary(start, end):
            continue
        base = _bare_unit(text, start, end)
        value = float(m.group(1))
        if base is None or value == 0:
            continue
        while text[end - 1] in " \t　":
            end -= 1
        s_lo, _s_hi = sentences.bounds(start)
        keep(start, end, value, m.group(3) + base, _subject(text, start, end, clauses, s_lo))
    for m in finditer_at(_QUOTED_COUNT_RE, text, run_starts):
        if skipped[m.start()] or text[max(0, m.start() - 1):m.start()] == "第":
            continue
        if len(m.group(1)) == 4 and 1900 < int(m.group(1)) < 2100:
            continue  # 2023“…”: a year before an event's name
        keep(m.start(), m.end(), float(m.group(1)), "个", m.group(2).strip("“”"))
    out.sort(key=lambda r: r.start)
    _respectively(text, out, clauses)
    _units_reached(text, out)       # (before the second units: 7.4万户、35.32万… — the households reached it too)
    _second_units(text, out)
    _recalled(text, out, sentences)
    _quoted_counted(text, out, clauses)
    _posts_of_the_body(text, out)
    _run_took_part(text, out)
    _units_covered(text, out)
    _holders_of_counted(text, out)
    _households_of_counted(text, out)
    _bare_compound(text, out)
    _speaker_compound(text, out)
    _share_of_people(text, out)
    _holder_of_run(text, out)
    _money_use(text, out)
    _joined_counts(text, out)
    _raised(text, out)
    _places_among(text, out)
    _after_demonstrative(out)
    _passive_after(text, out)
    _passive_shared(text, out)
    _distributed_of(text, out)
    _duties_listed(text, out)
    _units_treated(text, out)
    _rate_carried(text, out)
    _units_won(text, out)
    _units_changed_to(text, out)
    _kind_in_bracket(text, out)
    _part_in_bracket(text, out)
    _one_part_alone(text, out)
    _standard_set(text, out)
    _set_one_of(text, out)
    _threshold_of(text, out)
    _change_between_years(text, out)
    _posts_of_holder(text, out)
    _kind_of_sentence(text, out)
    _area_of_counted(text, out)
    for r in out:       # (a label a cut at the figure before left opening with 的: 超4000户的大型社区达12个 → 大型社区)
        if r.subject and r.subject[0] == "的" and len(r.subject) > 2:
            r.subject = r.subject[1:]
    for r in out:       # (仅在不到40分钟的时间就有66位…: when, and an adverb; 一般在100户至700户…: a hedge — no label)
        # (each pattern tried only where the label can match it whole: 就/便/即 last, a hedge's first character first)
        if r.subject and ((r.subject[-1] in "就便即" and _TIME_THEN.fullmatch(r.subject))
                          or (r.subject[0] in _HEDGE_FIRST and _HEDGE_ONLY.fullmatch(r.subject))):
            r.subject = None
    _range_bounds(text, out)
    _share_done(text, out)
    return out


# a bare kind of measure in a bracket straight after a count (已接管7个(建筑面积4.6295万平米)): the counted units' area
_BRACKET_KIND = re.compile(r"[（(]\s*((?:总|总的|总体|使用|占地|建筑|用地|服务|覆盖|辖区)?面积)\s*$")
# what the units a bracket follows did or are, up to their clause's end (137个(…)未纳入物业管理): when the count has no label
_AFTER_BRACKET = re.compile(r"[，,、\s]*[)）]([\u4e00-\u9fff]{2,10})(?=$|[，,。；;！？!?\n])")


# a figure that is a standard someone set (达到或超过省里规定的300平方米标准): the label says whose standard it is
_SET_BY = re.compile(r"(?:达到|超过|不低于|不少于|符合|高于|满足)(?:或(?:超过|高于|达到))?"
                     r"([^，,。；;：:、“”\s\d]{1,14}?(?:规定|要求|确定|明确|制定)的)$")


def _standard_set(text: str, found: list[MetricRec]) -> None:
    """``300平方米`` of ``达到或超过省里规定的300平方米标准`` → 省里规定的标准: a figure with no label of its own that is
    a standard reached is labelled by who set it, never by the value itself."""
    for r in found:
        if r.subject or not text.startswith("标准", r.end):
            continue
        set_by = _SET_BY.search(text, max(0, r.start - 24), r.start)
        if set_by:
            r.subject = _shortened(set_by.group(1) + "标准")


# a count of a set the place is one of, with its scope (被确定为全省5个…试点之一; …试点单位(全省仅2家)): the wider unit's count of
# its peers, labelled by the set within its scope, never as the place's own figure
_SCOPE_BEFORE = re.compile(r"(全(?:国|省|市|区|县|州|盟|旗))(?:仅|共|只有)?$")
_ONE_OF = "之一"
_BRACKET_CLOSE_AFTER = re.compile(r"\s*[)）]")
_SET_NOUN_BEFORE = re.compile(r"(?:确定为|命名为|列为|评为|入选|成为|作为|是|为)([^，,。；;：:！？!?\n（(“”]{2,24})\s*[（(]$")


def _set_one_of(text: str, found: list[MetricRec]) -> None:
    """``5个`` of ``被确定为全省5个省级智慧社区建设试点之一`` → 全省省级智慧社区建设试点, and ``2家`` of ``…确定为共青团…试点单位
    (全省仅2家)`` → 全省共青团…试点单位: a count of the set the place is one of, its scope written before it, is the
    wider unit's count of its peers — labelled so, not as a figure of the place (``…试点之一``) nor by its value alone."""
    for r in found:
        scope = _SCOPE_BEFORE.search(text, max(0, r.start - 4), r.start)
        if scope is None:
            continue
        if r.subject and r.subject.endswith(_ONE_OF) and len(r.subject) > len(_ONE_OF) \
                and text.startswith(r.subject, r.end):
            r.subject = _shortened(scope.group(1) + r.subject[:-len(_ONE_OF)])
        elif scope.start() > 0 and text[scope.start() - 1] in "（(" and _BRACKET_CLOSE_AFTER.match(text, r.end):
            noun = _SET_NOUN_BEFORE.search(text, max(0, scope.start() - 40), scope.start())
            if noun is not None:
                r.subject = _shortened(scope.group(1) + noun.group(1).strip())


# a bound that defines a kind, then how many of that kind there are (其中超4000户的大型社区达12个): the bound is the kind's
# threshold, the count that of the kind so bounded
_OVER_BEFORE = re.compile(r"(?:超过|超|逾|大于|多于|高于|不少于|不低于)$")
_KIND_THEN_COUNT = re.compile(r"的([\u4e00-\u9fff]{2,10}?)(?:达到|达|有|共有|共|为|计)?\s*(?=\d)")
_MEASURED_BY = {"户": "户数", "人": "人数", "名": "人数", "平方米": "面积", "亩": "面积", "元": "金额", "万元": "金额"}


def _threshold_of(text: str, found: list[MetricRec]) -> None:
    """``4000户`` of ``超4000户的大型社区达12个`` → 大型社区的户数门槛, and ``12个`` → 超4000户的大型社区: the first figure bounds
    the kind counted by the next, it counts nothing itself."""
    for k, r in enumerate(found[:-1]):
        kind = _MEASURED_BY.get(r.unit)
        over = _OVER_BEFORE.search(text, max(0, r.start - 2), r.start)
        if kind is None or over is None:
            continue
        then = _KIND_THEN_COUNT.match(text, r.end)
        nxt = found[k + 1]
        if then is None or nxt.start != then.end():
            continue
        r.subject = then.group(1) + "的" + kind + "门槛"
        nxt.subject = text[over.start():then.start(1) + len(then.group(1))]


# what changed from one year to another (全区商住小区从2018年的89个激增至2025年的167个): the thing before 从, each figure
# its year's
_FROM_YEAR = re.compile(r"([^，,。；;：:！？!?\n\d]{2,16}?)(?:从|由)\s*((?:19|20)\d\d)\s*年(?:底|末)?的?\s*$")
_TO_YEAR = re.compile(r"\s*(?:激|猛|骤|陡|大幅|快速|逐步)?(?:" + _CHANGE_TO + r"|到|至)\s*((?:19|20)\d\d)\s*年(?:底|末)?的?\s*$")


def _change_between_years(text: str, found: list[MetricRec]) -> None:
    """``89个`` and ``167个`` of ``全区商住小区从2018年的89个激增至2025年的167个`` → 2018年全区商住小区, 2025年全区商住小区:
    a value changing between years is of the thing before 从 in each year, never the verb of the change."""
    for k, r in enumerate(found[:-1]):
        lo = max(0, r.start - 30)       # (the clause's start, looked for only as far back as the label may reach)
        m = _FROM_YEAR.search(text, max(lo, *(text.rfind(c, lo, r.start) + 1 for c in "，,。；;：:！？!?\n")), r.start)
        if m is None:
            continue
        thing = _LEAD_TRIM.sub("", m.group(1).strip()) or m.group(1).strip()
        nxt = found[k + 1]
        to = _TO_YEAR.search(text, r.end, nxt.start) if nxt.start - r.end <= 16 else None
        if to is None or to.start() != r.end or not _same_unit(r.unit, nxt.unit):
            continue
        r.subject = _shortened(m.group(2) + "年" + thing)
        nxt.subject = _shortened(to.group(1) + "年" + thing)


# a post alone (正职, 副职): whose post it is comes from a label before it in the paragraph that names them (社区工作者正职)
_RANKED_POSTS = ("正职", "副职")
_POST_REACH = 160


_POST_IN_LABEL = re.compile(r"(?<=[\u4e00-\u9fff])(正职|副职)(?=(?:月|年)?(?:报酬|工资|薪酬|补贴|待遇|收入)?$)")


def _posts_of_holder(text: str, found: list[MetricRec]) -> None:
    """``副职 4500元`` of ``社区工作者正职达到4800元，副职4500元`` → 社区工作者副职 (of ``村干部正职报酬为3000元，副职2500元`` →
    村干部副职报酬): a bare post in a run of pay is of the people a label before it in the same paragraph names with a post
    (…正职, or …正职 and what is paid, 报酬, 年工资), the same pay, not any such post of the place."""
    for k, r in enumerate(found):
        if r.subject not in _RANKED_POSTS:
            continue
        for prev in reversed(found[max(0, k - 6):k]):
            label = prev.subject or ""
            if r.start - prev.end > _POST_REACH or "\n" in text[prev.end:r.start]:
                break
            post = _POST_IN_LABEL.search(label)
            if post is not None:
                r.subject = _shortened(label[:post.start()] + r.subject + label[post.end():])
                break


# a bare kind that says nothing of what it counts, in a sentence whose figure before it does (核定社区工作者76人，截至今年9月
# 在岗69人; 取得社工师资格48人，其中中级5人; 商业办公项目为16个，合计7061套): people at work or not, a grade of what was
# obtained, a total of what was counted
_AT_WORK = frozenset({"在岗", "在职", "在编", "在册", "离岗", "实有", "实际在岗", "退休", "拟退休"})
_GRADES = frozenset({"初级", "中级", "高级", "副高级", "正高级", "助理级"})
_TOTALS = frozenset({"合计", "共计", "总计"})
# the verb of a count of people a label opens with, not who they are (核定社区工作者 → 社区工作者)
_STAFFED = re.compile(r"^(?:核定|核编|配备|配齐|招聘|选聘|招录|聘用|现有|共有|拥有|有)(?=[\u4e00-\u9fff]{2})")
_PEOPLE_NOUN = re.compile(r"(?:工作者|工作人员|人员|干部|党员|委员|成员|书记|网格员|社工|职工|员工)$")
# a label of what was obtained (取得社工师资格): the grade goes before what was obtained (取得中级社工师资格)
_OBTAINED = re.compile(r"^(取得|获得|持有|考取|具有|拥有)([\u4e00-\u9fff]{2,12}(?:资格|证书|证|职称))$")
_KIND_REACH = 24     # the most characters between the figure and the one before it that names what is counted


def _kind_of_sentence(text: str, found: list[MetricRec]) -> None:
    """``在岗 69人`` of ``核定社区工作者76人，截至今年9月在岗69人`` → 在岗社区工作者, ``中级 5人`` of ``取得社工师资格48人，
    其中中级5人`` → 取得中级社工师资格, ``合计 7061套`` of ``商业办公项目为16个，合计7061套`` → 商业办公项目合计: a bare kind is
    of what the figure before it in its sentence counts (the nearest one not itself so bare); left as it is where that one
    says nothing it can take."""
    bare = [r.subject in _AT_WORK or r.subject in _GRADES or r.subject in _TOTALS for r in found]
    for k, r in enumerate(found):
        if not bare[k]:
            continue
        kind = r.subject or ""
        s_lo = stop_before(text, r.start, _SENTENCE_STOP)
        j = next((j for j in range(k - 1, -1, -1) if not bare[j]), -1)
        prev = found[j] if j >= 0 else None
        if prev is None or not prev.subject or prev.start < s_lo or r.start - found[k - 1].end > _KIND_REACH:
            continue
        label = None
        if kind in _AT_WORK and r.unit == prev.unit == "人":
            noun = _STAFFED.sub("", prev.subject)
            if _PEOPLE_NOUN.search(noun):
                label = kind + noun
        elif kind in _GRADES and r.unit == prev.unit == "人":
            obtained = _OBTAINED.match(prev.subject)
            if obtained:
                label = obtained.group(1) + kind + obtained.group(2)
        elif kind in _TOTALS and r.unit != prev.unit and not r.unit.endswith(prev.unit):
            label = prev.subject + kind     # (项目16个，合计7061套: the projects' total of another unit)
        if label:
            r.subject = _shortened(label)


# a bare kind of area (总建筑面积) in the clause straight after a count (已交付使用的住宅小区96个，总建筑面积520万平方米): the area
# of what is counted — of the whole where parts of it were counted in between (…120个，其中东城区50个，…，总建筑面积…)
_AREA_KIND = re.compile(r"(?:总|总的)?(?:建筑|占地|使用|用地)?(?:总)?面积")
_AREA_AFTER_COUNT = re.compile(r"\s*[，,]\s*(?:总|总的)?(?:建筑|占地|使用|用地)?(?:总)?面积\s*(?:约|达|为|共|近|超过)?\s*$")
# … or in the clause straight after a room or building its clause ends with (…的社区办公室，面积150平方米): that one's area
_ROOM_BEFORE_AREA = re.compile(r"([^的，,。；;：:！？!?\n\d“”]{2,10}?(?:办公室|办公用房|服务用房|活动室|活动中心|服务中心|服务站|党群服务中心|"
                               r"驿站|综合楼|办公楼|服务楼))\s*[，,]\s*(?:总|总的)?(?:建筑|占地|使用|用地)?(?:总)?面积"
                               r"\s*(?:约|达|为|共|近|超过)?\s*$")
_COUNTED_UNITS = frozenset({"个", "处", "栋", "幢", "套", "户", "家", "所", "间", "座"})


def _area_of_counted(text: str, found: list[MetricRec]) -> None:
    """``总建筑面积 520万平方米`` of ``已交付使用的住宅小区96个，总建筑面积520万平方米`` → 交付使用的住宅小区总建筑面积: a bare
    area straight after a count is the area of what it counts; where the counts before it are parts (其中…) of one counted
    earlier in the sentence, of that one."""
    for k, r in enumerate(found):
        if not r.subject or not _AREA_KIND.fullmatch(r.subject) or "平方" not in r.unit and "亩" not in r.unit:
            continue
        room = _ROOM_BEFORE_AREA.search(text, max(0, r.start - 40), r.start)
        if room and (k == 0 or found[k - 1].end <= room.start()):
            # (…搬入位于某路的社区办公室，面积150平方米: the room's area, not the place's)
            r.subject = _shortened(room.group(1) + r.subject)
            continue
        prev = found[k - 1] if k else None
        if prev is None or prev.unit not in _COUNTED_UNITS or not _AREA_AFTER_COUNT.fullmatch(text, prev.end, r.start):
            continue
        s_lo = stop_before(text, r.start, _SENTENCE_STOP)
        parts = text.find("其中", s_lo, prev.start)
        whole = prev
        if parts >= 0:
            whole = next((c for c in reversed(found[:k]) if s_lo <= c.start and c.end <= parts), None)
            if whole is None or whole.unit != prev.unit:
                continue
        if whole.subject:
            r.subject = _shortened(whole.subject + r.subject)


def _kind_in_bracket(text: str, found: list[MetricRec]) -> None:
    """``建筑面积 4.6295万平方米`` of ``公司已接管7个(建筑面积4.6295万平米,)`` → 公司已接管的建筑面积: a kind of area in a bracket
    after a count is the area of what is counted — labelled by the count's label, or where it has none by what the words
    after the bracket say of them (``137个(建筑面积…)未纳入物业管理`` → 未纳入物业管理的建筑面积)."""
    for before, r in pairwise(found):
        kind = _BRACKET_KIND.search(text, max(before.end, r.start - 8), r.start)
        if kind is None or kind.start() != before.end or r.subject != kind.group(1):
            continue
        whose = before.subject
        if not whose:
            after = _AFTER_BRACKET.match(text, r.end)
            whose = after.group(1) if after else None
            if whose:
                before.subject = whose      # (137个(…)未纳入物业管理: the count is of those, as its area is)
        if whose:
            r.subject = _shortened(whose + "的" + kind.group(1))


def _part_in_bracket(text: str, found: list[MetricRec]) -> None:
    """``备案 59262家`` of ``登记备案的社区社会组织共有61230家(登记1968家、备案59262家)`` → 备案的社区社会组织: a part in a
    bracket after a total, labelled by one of the words that qualify the total's noun, is that part of the noun — not a bare
    kind."""
    total = None
    for r in found:
        if total is not None and r.subject and len(r.subject) <= 3 and _same_unit(total.unit, r.unit) \
                and _rx(r"[^)）。；;！？!?\n]*").fullmatch(text, total.end, r.start) \
                and _rx(r"\s*[（(]").match(text, total.end) is not None:
            qualifier, _, noun = total.subject.rpartition("的")
            if noun and r.subject in qualifier:
                r.subject = _shortened(r.subject + "的" + noun)
            continue
        total = r if r.subject and "的" in r.subject and _rx(r"\s*[（(]").match(text, r.end) else None


# one part of the place named alone before the figure (…，仅乐成街道就有30多个老旧小区): the part's count, not the place's
_PART_ALONE = re.compile(r"仅([^，,。；;：:！？!?\n\d]{2,12}?)(?:就|便)(?:有|达到?|共有)\s*$")


def _one_part_alone(text: str, found: list[MetricRec]) -> None:
    """``老旧小区 30多个`` of ``…，仅乐成街道就有30多个老旧小区`` → 乐成街道老旧小区: the count of one part the sentence names
    alone, labelled with the part."""
    for r in found:
        if r.subject and "仅" in text[max(0, r.start - 16):r.start]:
            part = _PART_ALONE.search(text, max(0, r.start - 16), r.start)
            if part is not None and not r.subject.startswith(part.group(1)):
                r.subject = _shortened(part.group(1) + r.subject)


# a label that is only a hedge (一般, 通常, 原则上 — of a law's range: 一般在100户至700户的范围内设立): it says how firm, not what
_HEDGE_ONLY = re.compile(r"(?:一般|通常|原则上|原則上|大致|大体|大體|基本上)(?:在|为|為|是)?")
_HEDGE_FIRST = frozenset("一通原大基")
# a range written out, then that something is set up within it (一般在100户至700户的范围内设立): what is set up, and who
# sets it where a clause of the sentence opens with them and the rule they follow (居民委员会根据…)
_WITHIN_RANGE = re.compile(r"的?(?:范围|範圍)(?:内|內|之内|之內)?((?:设立|设置|设|划分|組建|组建|建立|确定|配备|配置|控制)"
                           r"(?:(?!的)[\u4e00-\u9fff]){0,6})(?=$|[，,。；;！？!?\n的])")
_RANGE_HOLDER = re.compile(r"(?:^|[，,：:；;])\s*([\u4e00-\u9fff]{2,10}?)(?:根据|按照|依照|依据|应当|一般|原则上)")


def _range_bounds(text: str, found: list[MetricRec]) -> None:
    """``100户至700户`` of ``居民委员会根据…，一般在100户至700户的范围内设立`` → 居民委员会设立的范围: a range with no
    label of its own that something is set up within is labelled by what is set up, never shown as its own label."""
    for r in found:
        if r.subject or not any(j in r.as_written for j in _RANGE_JOIN):
            continue
        within = _WITHIN_RANGE.match(text, r.end)
        if within is None:
            continue
        s_lo = stop_before(text, r.start, _SENTENCE_STOP)
        holders = list(_RANGE_HOLDER.finditer(text[s_lo:r.start]))
        r.subject = (holders[-1].group(1) if holders else "") + within.group(1) + "的范围"


# how much of a piece of work is done, as a share of it (已完成了主体工程的60%, 已完成工作任务的98%)
_DONE_SHARE = re.compile(r"(完成|完工|建成)了?([^，,。；;：:！？!?\n的\d“”]{2,10})的\s*$")


def _share_done(text: str, found: list[MetricRec]) -> None:
    """``60%`` of ``已经完成了主体工程的60%`` → 完成主体工程的比例: a share with no label of its own after what was done of
    a piece of work is labelled by that, never shown as its own label."""
    for r in found:
        if r.subject or r.unit != "%":
            continue
        done = _DONE_SHARE.search(text, max(0, r.start - 16), r.start)
        if done:
            r.subject = done.group(1) + done.group(2) + "的比例"


# a label that is only a span of time and an adverb of how soon (不到40分钟的时间就, 短短3天内便): it says when, not what is counted
_TIME_THEN = re.compile(r"(?:仅|只|短短|仅仅)?(?:在|用)?(?:不到|不足|短短)?[\d一二三四五六七八九十两半]*(?:个)?"
                        r"(?:分钟|小时|天|日|周|星期|个月|月)(?:的)?(?:时间)?(?:内|里|之内)?(?:就|便|即)")


# what a passive clause straight after the figure says was done to those it counts (19981人被村屋取代, 12户被评为…): they
# are people or households, named by the unit
_PASSIVE_OF_UNIT = {"人": "人", "名": "人", "位": "人", "户": "户", "戶": "户", "家": "家"}


def _passive_after(text: str, found: list[MetricRec]) -> None:
    """A label that is the passive clause after the figure (``19981人被村屋取代`` → 被村屋取代的人): a passive verb leads no
    label; those it was done to are what the unit counts (人, 户, 家 — a label of another unit stays)."""
    for r in found:
        subject = r.subject or ""
        noun = _PASSIVE_OF_UNIT.get(r.unit[-1:] if r.unit else "")
        if noun and subject.startswith(("被", "遭")) and text.startswith(subject, r.end) and len(subject) <= 12 \
                and _CLAUSE_END.match(text, r.end + len(subject)):      # (the whole clause: not 被评 of 被评为…)
            r.subject = subject + "的" + noun


def _passive_shared(text: str, found: list[MetricRec]) -> None:
    """A figure with no label joined by 、 to one labelled by the passive clause after it (``7310户、19981人被村屋取代`` →
    被村屋取代的户): what was done to those the second counts was done to those the first counts."""
    for a, b in pairwise(found):
        noun = _PASSIVE_OF_UNIT.get(a.unit[-1:] if a.unit else "")
        if a.subject or not noun or not b.subject or text[a.end:b.start].strip() != "、":
            continue
        done = b.subject.rsplit("的", 1)[0] if b.subject.endswith(("的人", "的户", "的家")) else ""
        if done.startswith(("被", "遭")) and text.startswith(done, b.end):
            a.subject = done + "的" + noun


# a rate per period opening a label (年均落地…项目168个), and the next figure's label straight after a comma (，服务群众1.6万人次):
# the same period's rate, unless it names its own
_RATE_OPENS = re.compile(r"(?:年均|月均|日均|每年|每月|平均每年)")
_RATE_OPENINGS = frozenset(("年均", "月均", "日均", "每年", "每月", "平均"))  # (their first two characters: tried only there)
_OWN_PERIOD = re.compile(r"年|月|日|均|每|累计|共计|总")


def _rate_carried(text: str, found: list[MetricRec]) -> None:
    """``服务群众 1.6万人次`` after ``年均落地党群共建项目168个，`` → 年均服务群众: the rate goes on to the next clause's figure."""
    for a, b in pairwise(found):
        rate = _RATE_OPENS.match(a.subject) if a.subject and a.subject[:2] in _RATE_OPENINGS else None
        subject = b.subject or ""
        if rate and subject and text[a.end:b.start] in (f"，{subject}", f",{subject}") and not _OWN_PERIOD.search(subject):
            b.subject = _shortened(rate.group() + subject)


# units labelled by themselves, then the honour they won, all their clause says (有3个项目荣获…大赛“双十佳”): those that won it,
# the honour by its quoted name where it has one
_WON_AFTER = re.compile(r"(荣获|获得|获评|入选|被评为)了?([^，,。；;：:！？!?\n]{2,80})")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_QUOTED_HONOUR = re.compile(r"“[^“”]{2,12}”[^“”]{0,6}$")


def _units_won(text: str, found: list[MetricRec]) -> None:
    """``项目 3个`` of ``有3个项目荣获…大赛“双十佳”`` → 荣获“双十佳”的项目: what the units are counted for."""
    for r in found:
        subject = r.subject or ""
        if not subject or len(subject) > 6 or not text.startswith(subject, r.end):
            continue
        won = _WON_AFTER.match(text, r.end + len(subject))
        if not won:
            continue
        honour = _BRACKETED.sub("", won.group(2)).strip()
        quoted = _QUOTED_HONOUR.search(honour)
        honour = quoted.group() if quoted else honour if len(honour) <= 10 else None
        if honour:
            r.subject = _shortened(won.group(1) + honour + "的" + subject)


# people or units labelled by themselves, then the quoted state they reached (35.32万贫困群众如期全面实现“一搬跨千年”的…)
_REACHED_QUOTED = re.compile(r"(?:如期|全面|全部|均|都|已经|已|基本|顺利)*(实现|完成)了?(“[^“”]{2,12}”)")


def _units_reached(text: str, found: list[MetricRec]) -> None:
    """``贫困群众 35.32万`` of ``35.32万贫困群众如期全面实现“一搬跨千年”的历史巨变`` → 实现“一搬跨千年”的贫困群众: who reached it."""
    for r in found:
        subject = r.subject or ""
        if not subject or len(subject) > 6 or not text.startswith(subject, r.end):
            continue
        got = _REACHED_QUOTED.match(text, r.end + len(subject))
        if got:
            r.subject = _shortened(got.group(1) + got.group(2) + "的" + subject)


# units, then what they were changed into, all their clause says (18个村委会正式改为居委会): those changed into it
_CHANGED_INTO = re.compile(r"([\u4e00-\u9fff]{1,6}?)(?:正式|全部|均|已经|已|先后)*(改为|转为|改制为|更名为|合并为)"
                           r"([\u4e00-\u9fff]{2,8})(?=$|[，,。；;！？!?\n])")


def _units_changed_to(text: str, found: list[MetricRec]) -> None:
    """``村委会正式改 18个`` of ``18个村委会正式改为居委会`` → 改为居委会的村委会: the label is the units and what became of them."""
    for r in found:
        got = _CHANGED_INTO.match(text, r.end)
        if got and (r.subject or "").startswith(got.group(1)):
            r.subject = _shortened(got.group(2) + got.group(3) + "的" + got.group(1))


# units counted after 对 and labelled by themselves, then 进行 and what was done to them, all the clause says
# (用于对42个规范化社区进行奖补): those it was done to
_TREATED_AFTER = re.compile(r"\s*进行了?([\u4e00-\u9fff]{2,6})(?=$|[，,。；;：:！？!?\n])")


def _units_treated(text: str, found: list[MetricRec]) -> None:
    """``规范化社区 42个`` of ``对42个规范化社区进行奖补`` → 奖补的规范化社区: what the clause says was done to them."""
    for r in found:
        subject = r.subject or ""
        if not subject or text[max(0, r.start - 1):r.start] != "对" or not text.startswith(subject, r.end):
            continue
        done = _TREATED_AFTER.match(text, r.end + len(subject))
        if done:
            r.subject = _shortened(done.group(1) + "的" + subject)


# a list of duties before their count, the label a bare 职责/任务 after it (明确了网格长党建指导、政策宣传…等8项职责): whose
# duties and which, as its first item and 等 give them
_DUTIES_BEFORE = re.compile(r"(?:[并還还也]?(?:明确|明確|规定|規定|赋予|賦予|制定|梳理|列出|确定|確定)(?:了|出)?)?"
                            r"([^，,。；;：:、\d]{2,16})、[^，,。；;：:\d]{0,60}?等\s*$")
_DUTY_NOUNS = frozenset(("职责", "職責", "任务", "任務", "责任", "責任"))  # (the label is one of them, whole)


def _duties_listed(text: str, found: list[MetricRec]) -> None:
    """``职责 8项`` after ``明确了网格长党建指导、政策宣传、…等`` → 网格长党建指导等职责: the list says whose duties they are."""
    for r in found:
        subject = r.subject or ""
        if subject not in _DUTY_NOUNS or not text.startswith(subject, r.end):
            continue
        lo = max(0, r.start - 90)
        stop = max(text.rfind(c, lo, r.start) for c in "，,。；;：:\n")
        listed = _DUTIES_BEFORE.search(text, stop + 1 if stop >= 0 else lo, r.start)
        if listed:
            r.subject = listed.group(1) + "等" + subject


# a bare distributive label (人均, 户均) whose clause names nothing, after a clause that closes with what is paid out
# (财政承担60人的工资及社会保障资金，人均到1.1万元): each one's share of that
_DISTRIBUTED_BARE = {"人均", "户均", "平均"}
_PAID_OUT = re.compile(r"的([\u4e00-\u9fff]{2,12}?(?:资金|經費|经费|補助|补助|補貼|补贴|工资|工資|报酬|報酬|收入|费用|費用|資金))"
                       r"\s*[，,]\s*$")


def _distributed_of(text: str, found: list[MetricRec]) -> None:
    """``人均 1.1万元`` after ``…承担60人的工资及社会保障资金，`` → 人均工资及社会保障资金: the share is of what the clause
    before pays out; a bare 人均 after any other clause stays."""
    for r in found:
        if (r.subject or "") not in _DISTRIBUTED_BARE:
            continue
        at = text.rfind(r.subject, max(0, r.start - 8), r.start)
        if at < 0:
            continue
        paid = _PAID_OUT.search(text, max(0, at - 40), at)
        if paid:
            r.subject = r.subject + paid.group(1)


# a demonstrative and its classifier inside a label (荫蔽着这座常住人口超1200万…的超大城市): what is counted comes after it
_DEMONSTRATIVE_IN = re.compile(r"(?:这|那|该)(?:座|个|片|块|位|里)")


def _after_demonstrative(found: list[MetricRec]) -> None:
    """A label holding a demonstrative after other words (荫蔽着这座常住人口, was) keeps what follows it (常住人口): the
    words before are the sentence's verb, not what is counted."""
    for m in found:
        at = _DEMONSTRATIVE_IN.search(m.subject or "", 1)
        if at is not None and len(m.subject) - at.end() >= 2:
            m.subject = m.subject[at.end():]


# a place whose figure follows 其中 after the figure of the whole (全市共有144个老旧小区，其中西城区68个，南城区35个): the
# place's part of that whole
# (a place's name, not a kind of compound, 商品房小区, nor a unit of each, 平均每个社区)
_AMONG_PLACE = re.compile(r"(?![^每]*每)[\u4e00-\u9fff]{1,6}(?:(?<![小园校景])区|县|市|镇|乡|街道|社区|村)")
_AMONG_END = re.compile(r"[。；;！？!?\n]")


def _places_among(text: str, found: list[MetricRec]) -> None:
    """Label the places' figures after 其中 (…144个老旧小区，其中西城区68个，南城区35个) with the whole's label after the
    place (西城区老旧小区), not the place alone."""
    whole: MetricRec | None = None
    for m, nxt in zip(found, [*found[1:], None]):
        if whole is not None and (m.unit != whole.unit or _AMONG_END.search(text, whole.end, m.start)):
            whole = None
        if whole is not None and m.subject and _AMONG_PLACE.fullmatch(m.subject) \
                and not m.subject.endswith(whole.subject):
            m.subject = m.subject + whole.subject
        elif whole is None and m.subject and nxt is not None and nxt.unit == m.unit \
                and text.find(_AMONG, m.end, nxt.start) >= 0 and not _AMONG_END.search(text, m.end, nxt.start):
            whole = m


# what people raised or gathered, a list closed by 等 and its kind, before the figure that counts it (提出了涉及…等问题6个)
_RAISED = re.compile(r"(提出|收集|征集|反映|梳理出?)了?(?:涉及)?\s*$")
_RAISED_KIND = re.compile(r"等(?:问题|問題|意见|意見|建议|建議|诉求|訴求|事项|事項)$")


# what some of those counted before did, straight after a figure with no label of its own (其中59人通过考试)
_PASSED_AFTER = re.compile(r"(通过|考取|取得|获得|荣获|入选)了?([^，,。；;：:！？!?\n、]{2,10})(?=[，,。；;：:！？!?\n])")
_PEOPLE_UNITS_NORMAL = frozenset({"人", "户", "人次"})
# units counted, joined by 和 to a second count whose label goes on to what both did (6个街道和4个城关镇成立“大工委”): the first
# are those that did it too
_BOTH_DID = re.compile(r"(?:成立|组建|建立|建成|设立|开展|实现|完成|加入|签订|参与|参加|到)")


def _joined_counts(text: str, found: list[MetricRec]) -> None:
    """A count whose label is cut at 和 before a second count (6个街道和4个城关镇成立“大工委”, 640余家…党组织和4.7万名党员干部到…
    报到) takes what the second's label says both did: 街道成立“大工委”, not every street of the place."""
    for r1, r2 in pairwise(found):
        if not (r1.subject and r2.subject) or text[r1.end:r2.start] not in (r1.subject + "和", r1.subject + "及"):
            continue
        did = _BOTH_DID.search(r2.subject, 2)
        if did and len(r2.subject) - did.start() >= 3:
            r1.subject = _shortened(r1.subject + r2.subject[did.start():])


# a sum whose label only says it was spent (投入, 安排资金, 财政共筹集拨付), then what it is for, in the clause after it (…8亿元，
# 在中心城区40个社区开展老旧小区整治和改造; …2015万元用于支持社区治理工作): the use names the sum
_BARE_FUNDING = re.compile(r"(?:先后|共|累计|共计|[省市县区]?财政)?共?(?:安排|投入|筹集|拨付|下拨|争取|落实|筹措)+了?"
                           r"(?:资金|经费|财政资金|专项资金)?"
                           # (or its payer and budget alone: 市县财政预算(安排), 市政府投入预算)
                           r"|(?:[省市县区]{1,2}(?:级|政府)?)?(?:财政)?(?:预算|投入预算)")
_MONEY_USE = re.compile(r"(?:[（(][^（）()]{0,12}[）)])?\s*(?:[，,]\s*在[^，,。；;：:！？!?\n]{1,24}?(实施|开展|进行|推进)|[，,]?\s*(用于))"
                        r"([^，,。；;：:！？!?\n]{2,16})(?=[，,。；;：:！？!?\n])")


# … or the work a verb straight after the figure starts with it (安排资金226万元启动了村(社区)干部养老保险)
_MONEY_VERB_AFTER = re.compile(r"\s*(启动|实施|开展|建设|修建|新建|购置|设立)了?([^，,。；;：:！？!?\n]{2,16})(?=[，,。；;：:！？!?\n])")
# … or, after a clause of the means (采取/通过…方式), the things it was spent on and what was done to them
_MONEY_TREATS = re.compile(r"\s*[，,]\s*(?:采取|通过|按照|依托)[^。；;！？!?\n]{0,50}?(?:方式|办法|形式|途径)[，,]\s*"
                           r"对([^，,。；;：:！？!?\n]{2,14}?)进行([\u4e00-\u9fff]{2,6})(?=[，,。；;：:！？!?\n])")


def _money_use(text: str, found: list[MetricRec]) -> None:
    """A sum labelled only by the verb of spending it is labelled by what it is for, where the clause after the figure
    says (在某镇实施2公里道路硬化 → 实施2公里道路硬化的资金): one sum of several, each for its own work."""
    for r in found:
        if r.subject and r.unit.endswith("元") and _BARE_FUNDING.fullmatch(r.subject):
            use = _MONEY_USE.match(text, r.end)
            noun = "投入" if r.subject.endswith("投入") else "经费" if "经费" in r.subject else "资金"
            if use:
                r.subject = _shortened((use.group(1) or use.group(2)) + use.group(3) + "的" + noun)
                continue
            started = _MONEY_VERB_AFTER.match(text, r.end)
            if started:     # (安排资金226万元启动了村(社区)干部养老保险 → 启动村(社区)干部养老保险的资金)
                r.subject = _shortened(started.group(1) + started.group(2) + "的" + noun)
                continue
            treated = _MONEY_TREATS.match(text, r.end)
            if treated:     # (…1.5亿元，采取…等方式，对城市社区综合服务设施进行升级改造: what it was spent on, after the means)
                r.subject = _shortened("对" + treated.group(1) + "进行" + treated.group(2) + "的" + noun)


# people whose make-up a run of figures gives (全区社区专职工作人员本科以上学历占59.1%、大专学历占38.5%，平均年龄36岁): the
# holder a first label opens with, and the labels after it in the run that name only a kind of figure (an average, a
# per-head figure, a share)
_PEOPLE_HOLDER = re.compile(r"(?:(?![中的])[\u4e00-\u9fff]){1,10}(?:工作人员|人员|工作者|干部|党员|居民|群众|委员|成员|书记|社工|网格员|志愿者|职工|员工)"
                            r"(?=[\u4e00-\u9fff]{2})")
_KIND_ONLY = re.compile(r"(?:平均|人均)[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{2,6}占比")
_RUN_GAP = re.compile(r"[^。；;！？!?\n]{0,12}")  # (at most 12: _holder_of_run tests the length first)


def _holder_of_run(text: str, found: list[MetricRec]) -> None:
    """A label naming only a kind of figure (平均年龄, 大专学历占比) in a run after a figure whose label opens with the people it
    describes (社区专职工作人员本科以上学历占比) is of those people: 社区专职工作人员平均年龄, not every such person's age."""
    holder, prev = None, None
    for r in found:
        subject = r.subject or ""
        if prev is None or r.start - prev.end > 12 or not _RUN_GAP.fullmatch(text, prev.end, r.start):
            holder = None
        if holder and _KIND_ONLY.fullmatch(subject) and not _PEOPLE_HOLDER.match(subject):
            r.subject = _shortened(holder + subject)
        else:
            got = _PEOPLE_HOLDER.match(subject) if r.unit == "%" else None    # (only a share's label opens a run)
            holder = got.group() if got else None
        prev = r


def _raised(text: str, found: list[MetricRec]) -> None:
    """Label a count of the problems or views raised, listed before it (参会人员提出了涉及环境卫生、…等问题6个), as those raised
    (提出的环境卫生、…等问题): not every such problem of the place."""
    for mt in found:
        if not mt.subject or not _RAISED_KIND.search(mt.subject):
            continue
        at = text.rfind(mt.subject, max(0, mt.start - len(mt.subject) - 4), mt.start)
        verb = _RAISED.search(text, max(0, at - 8), at) if at >= 0 else None
        # (a mirror page's glosses and its ,、 read through: 環(huán)境衛(wèi)生,、… → 环境卫生、…)
        label = verb.group(1) + "的" + re.sub(r"[,，]、", "、", without_pinyin(mt.subject)[0]) if verb else ""
        if label and len(label) <= _MAX_SUBJECT:
            mt.subject = label


# a group's share written X占N% (其中藏族占76.2%): of the people the sentence counted before, else a share alone
_SHARE_WRITTEN = re.compile(r"占\s*$")


def _share_of_people(text: str, found: list[MetricRec]) -> None:
    """Label a share written straight after 占 with its group alone (…户籍人口6.1万人，…，其中藏族占76.2%, labelled 藏族) as the
    group's share of the people the sentence counted before it (藏族占户籍人口比例), else as a share (藏族占比)."""
    for k, mt in enumerate(found):
        if mt.unit != "%" or not mt.subject or "占" in mt.subject or "率" in mt.subject or "比" in mt.subject:
            continue
        if not _SHARE_WRITTEN.search(text, max(0, mt.start - 3), mt.start) \
                or not text[:mt.start].rstrip().removesuffix("占").rstrip().endswith(mt.subject):
            continue
        whole = next((o for o in reversed(found[:k]) if o.unit.endswith("人") and o.subject
                      and not _SENTENCE_END.search(text, o.end, mt.start)), None)
        mt.subject = mt.subject + "占" + whole.subject + "比例" if whole and len(whole.subject) <= 8 else mt.subject + "占比"


# a run of figures each before its own noun, joined by 、 or 和, then what they all took part in, set up or reached, to the
# clause's end (引导16个“两新”组织、43个“双报到”单位、3家物业联盟参与社区治理、志愿服务等活动; 206家物业服务企业和486个业委会
# 实现了党组织全覆盖)
_RUN_TOOK_PART = re.compile(r"(?:均|都|全部|已经?)?(参与|参加|參與|參加|(?:实现|實現|建立|成立|组建|組建|设立|設立|建成)了?)"
                            r"([^，,。；;：:！？!?\n\d]{2,14}?)(?=[，,。；;：:！？!?\n]|$)")
_RUN_JOINS = ("、", "和", "及")


def _run_took_part(text: str, found: list[MetricRec]) -> None:
    """Label each figure of such a run with what they took part in (参与社区治理、志愿服务等活动的“两新”组织): those
    that took part, not every such unit of the place."""
    k = 0
    while k < len(found):
        run = [found[k]]
        while k + len(run) < len(found):
            a, b = run[-1], found[k + len(run)]
            if not a.subject:
                break
            between = without_pinyin(text[a.end:b.start])[0]     # (a mirror page's glosses: 物業(yè)聯(lián)盟)
            if not (between.endswith(_RUN_JOINS) and between[:-1].strip() == without_pinyin(a.subject)[0]):
                break
            run.append(b)
        k += len(run)
        if len(run) < 2:
            continue
        last = run[-1]
        tail, named = without_pinyin(text[last.end:last.end + 48])[0], without_pinyin(last.subject or "")[0]
        if not named or not tail.startswith(named):
            continue
        took = _RUN_TOOK_PART.match(tail, len(named))
        if took is None or _DEMONSTRATIVE.match(took.group(2)):
            continue
        for mt in run:
            label = took.group(1).removesuffix("了") + took.group(2) + "的" + without_pinyin(mt.subject)[0]
            if len(label) <= _MAX_SUBJECT:
                mt.subject = label


# units counted straight after 实现, then what they all have, covered (实现了135个小区党组织全覆盖)
_REACHED_BEFORE = re.compile(r"(?:实现|實現)了?\s*$")
_COVERED = re.compile(r"(小区|小區|社区|社區|村|居委会|街道|乡镇|鄉鎮|楼栋|樓棟|网格|網格|单位|單位|企业|企業)"
                      r"([\u4e00-\u9fff]{1,8}?)(全覆盖|全覆蓋|覆盖|覆蓋)(?=$|[，,。；;：:！？!?\n])")


def _units_covered(text: str, found: list[MetricRec]) -> None:
    """Label units counted after 实现, then what covers them all (实现了135个小区党组织全覆盖), as the units covered
    (实现党组织全覆盖的小区): not that many party organisations, nor every such unit of the place."""
    for mt in found:
        if not _REACHED_BEFORE.search(text, max(0, mt.start - 4), mt.start):
            continue
        covered = _COVERED.match(text, mt.end)
        if covered:
            mt.subject = "实现" + covered.group(2) + covered.group(3) + "的" + covered.group(1)


# units counted, then the things of theirs a second figure counts and what became of those (890个小区254545个车位对小区业主
# 实行了租售并举, 6个小区60台电梯更新)
_THINGS_DONE = re.compile(r"更新|改造|加装|安装|维修|建成|完成|整治|实行|实现")
_HOLDING_UNIT = re.compile(r"小区|社区|村|楼栋|单位|院落|楼院|街道|乡镇")


def _holders_of_counted(text: str, found: list[MetricRec]) -> None:
    """Label the units of such a pair as those whose things the second figure counts and what became of them
    (车位对小区业主实行租售并举的小区, 电梯更新的小区): not every such unit of the place."""
    for a, b in pairwise(found):
        if not a.subject or not b.subject or not _HOLDING_UNIT.fullmatch(without_pinyin(a.subject)[0]):
            continue
        if without_pinyin(text[a.end:b.start])[0].strip() != without_pinyin(a.subject)[0]:
            continue
        head, of, tail = b.subject.rpartition("的")
        if of and _THINGS_DONE.search(head):
            things = tail + head        # (对小区业主实行租售并举的车位 → 车位对小区业主实行租售并举)
        elif not of and _THINGS_DONE.search(b.subject):
            things = b.subject          # (电梯更新: the things and what became of them)
        else:
            continue
        label = things + "的" + a.subject
        if len(label) <= _MAX_SUBJECT:
            a.subject = label


# a sentence opening with the bare word 小区 (小区按照…收缴管理费，…，目前小区管理费收缴率达96%), in a paragraph that named one
# compound before it (康居小区业主委员会由…构成。): the compound the paragraph is about
_BARE_COMPOUND_OPENS = re.compile(r"\s*(?:(?:目前|现在|如今)[，,]?)?(?:该|这个|此)?小区(?!党|居民委员会|业主委员会)")
_NAMED_COMPOUND = re.compile(r"([\u4e00-\u9fff]{2,6}?小区)")
_WIDER_SCOPE = re.compile(r"全市|全区|全县|全省|全镇|全街道|各|所有|全部|多个|部分")
_NOT_IN_NAME = re.compile(r"[由的在是将对为从把被向、，,]")     # (业主委员会由小区…: words around 小区, no name)


def _bare_compound(text: str, found: list[MetricRec]) -> None:
    """Label a figure of such a sentence whose label opens with 小区 (小区管理费收缴率) with the compound's name (康居小区管理费
    收缴率): the paragraph's compound, not every compound of the place — where the paragraph named exactly one before it and the
    sentence names no wider scope."""
    for mt in found:
        if not mt.subject or not mt.subject.startswith(("小区", "该小区")):
            continue
        lo = stop_before(text, mt.start, _SENTENCE_STOP)
        if not _BARE_COMPOUND_OPENS.match(text, lo) or _WIDER_SCOPE.search(text, lo, mt.start):
            continue
        names = _compound_names(text, text.rfind("\n", 0, lo) + 1, lo)
        if len(names) == 1:
            mt.subject = names.pop() + mt.subject.removeprefix("该").removeprefix("小区")


def _compound_names(text: str, lo: int, hi: int) -> set[str]:
    """The compounds ``text[lo:hi]`` names (康居小区; 在某镇余厝小区 → 余厝小区), without kinds of compound (老旧小区)."""
    names = {m.group(1) for m in _NAMED_COMPOUND.finditer(text, lo, hi)}
    names = {n[_HOLDER_FROM.match(n, 0, len(n) - 2).end():] if _HOLDER_FROM.match(n, 0, len(n) - 2) else n for n in names}
    return {n for n in names if len(n) >= 4 and not _GENERIC_COMPOUND.search(n) and not _NOT_IN_NAME.search(n, 0, len(n) - 2)}


# a speaker's words opening with the bare word 小区 (“小区新增了11个监控设施、5盏路灯…。”), then where they were said
# (近日，在某镇余厝小区，业委会主任…介绍道。): every figure of the words is that compound's
_SPEECH_OF_COMPOUND = re.compile(r"“(?:(?:目前|现在|如今|今年|去年)[，,]?)?(?:我们|咱们)?小区(?!党|居民委员会|业主委员会)[^“”\n]*”")


def _speaker_compound(text: str, found: list[MetricRec]) -> None:
    """Label the figures of a speaker's words about 小区 with the compound the sentence after the words names as
    where they were said (余厝小区监控设施): one compound's, not the place's the page shows — where it names exactly
    one compound and the words name no wider scope."""
    if "“" not in text:
        return
    spans = [m.span() for m in _SPEECH_OF_COMPOUND.finditer(text)]
    if not spans:
        return
    starts = [lo for lo, _ in spans]
    for mt in found:
        k = bisect_right(starts, mt.start) - 1
        if k < 0 or mt.end > spans[k][1]:
            continue
        lo, hi = spans[k]
        if _WIDER_SCOPE.search(text, lo, mt.start):
            continue
        names = _compound_names(text, hi, stop_at_or_after(text, hi, _SENTENCE_STOP))
        subject = (mt.subject or "").removeprefix("该").removeprefix("小区")
        if len(names) == 1 and subject:
            name = names.pop()
            mt.subject = subject if subject.startswith(name) else name + subject


# households counted straight after a count of the buildings or groups they live in (共3栋楼房120户, 12个村民小组860户)
_HOUSEHOLDS = ("户", "戶")


def _households_of_counted(text: str, found: list[MetricRec]) -> None:
    """Label such households as the holder's household count (康居小区户数; 户数 where no holder is named), not the buildings
    before them (康居小区3栋楼房, was)."""
    for a, b in pairwise(found):
        if b.unit not in _HOUSEHOLDS or not a.subject or a.unit in _HOUSEHOLDS:
            continue
        between = without_pinyin(text[a.end:b.start])[0].strip()
        if not 1 <= len(between) <= 6 or not all("\u4e00" <= c <= "\u9fff" for c in between):
            continue
        # (康居小区楼房 → 康居小区; 某小区, the holder itself; 村民小组, what the households live in: no holder)
        holder = a.subject.removesuffix(between) if a.subject.endswith(between) else "" \
            if between.endswith(a.subject) or _HOLDING_UNIT.fullmatch(a.subject) else a.subject
        if b.subject and (b.subject == a.subject or b.subject.endswith(between) or any(c.isdigit() for c in b.subject)):
            b.subject = holder + "户数"


# posts of a committee or a body, counted after 其中 (选举产生业主委员会委员11名，其中主任1名、副主任2名)
_POSTS = ("主任", "副主任", "书记", "副书记", "组长", "副组长", "会长", "副会长", "主席", "副主席", "秘书长", "理事长")
_AMONG = "其中"
_SENTENCE_END = re.compile(r"[。！？!?\n]")
# the members of a named body (业主委员会委员, 理事会成员): the body is what the posts are of
_BODY_MEMBERS = re.compile(r"(?:委员会|委員會|理事会|理事會|监事会|監事會|两委|兩委|党委|黨委|协会|協會)(?:委员|委員|成员|成員)$")


def _posts_of_the_body(text: str, found: list[MetricRec]) -> None:
    """A post counted after 其中 (…选举出11名业主委员会委员，其中主任1名、副主任2名) is the body's whose members the figure
    before 其中 counts: 业主委员会主任, not a bare 主任 on the place's page."""
    for k, mt in enumerate(found):
        if mt.subject not in _POSTS:
            continue
        among = text.rfind(_AMONG, max(0, mt.start - 40), mt.start)
        if among < 0 or _SENTENCE_END.search(text, among, mt.start):
            continue
        whole = next((o for o in reversed(found[:k]) if o.end <= among), None)
        if whole is None or _SENTENCE_END.search(text, whole.end, among) or not whole.subject \
                or not _BODY_MEMBERS.search(whole.subject):
            continue
        mt.subject = whole.subject[:-2] + mt.subject


# a figure quoted alone after a count of as many (…覆盖率、…覆盖率、…覆盖率三个“100%”): each of the items listed before the count
_COUNT_BEFORE_QUOTE = re.compile(r"([一二两三四五六七八九十])[个项]“$")
_NUMERALS = "一二三四五六七八九十"
# the verb the list of what reached the figure follows (实现…, 达到…)
_REACHED = re.compile(r"实现|达到|做到|保持")


def _quoted_counted(text: str, found: list[MetricRec], clauses: _Stops) -> None:
    """Label a figure quoted alone after a count (三个“100%”) with the items the count counts, listed before it in its
    clause after the verb they follow, their shared end written once (“红色物业”、小区党组织、物业企业党组织覆盖率)."""
    for mt in found:
        if mt.subject or text[mt.end:mt.end + 1] != "”":
            continue
        count = _COUNT_BEFORE_QUOTE.search(text, max(0, mt.start - 3), mt.start)
        if count is None:
            continue
        n = 2 if count.group(1) == "两" else _NUMERALS.index(count.group(1)) + 1
        lo = clauses.bounds(mt.start)[0]
        verb = None
        for verb in _REACHED.finditer(text, lo, count.start()):
            pass
        items = text[verb.end() if verb else lo:count.start()].strip().split("、")
        if n < 2 or len(items) != n or not all(items):
            continue
        shared = 0
        while shared < min(map(len, items)) - 1 and len({x[len(x) - shared - 1] for x in items}) == 1:
            shared += 1
        label = "、".join(x[:len(x) - shared] for x in items) + (items[0][len(items[0]) - shared:] if shared else "")
        if len(label) <= _MAX_SUBJECT:
            mt.subject = label


# what someone recalls of the past, opening a clause of the figure's sentence before it (“那时候社区就三个干部，服务1000多名
# 居民。”, 十年前…): not the figure the place has now — not 过去一年/过去三年 (the recent years whose results are told)
_PAST = re.compile(r"(?:^|(?<=[，,：:“\s]))(?:那时候|那时|那會兒|那会儿|当时|早年|从前|以前|过去(?![一两三四五六七八九十\d几]+年|的一年)"
                   r"|(?:\d+|[一二三四五六七八九十几]+)年前)")
# a word every match of ``_PAST`` holds (its opening lookbehind leaves the engine no character to skip ahead to)
_PAST_KEY = re.compile(r"那时|那會兒|那会儿|当时|早年|从前|以前|过去|年前")
# a clause back in the present (如今/现在/目前…): what follows it is now
_NOW = re.compile(r"如今|现在|目前|当前|今年|眼下|而今")
# two characters every match of _PAST holds (its words; 年前 of N年前): a sentence with none before a figure is not
# scanned for one (a clause of 10,000 figures was scanned from its start once per figure)
_PAST_KEYS = ("那时", "那會", "那会", "当时", "早年", "从前", "以前", "过去", "年前")


def _past_key_starts(text: str) -> list[int]:
    """Where a key of _PAST starts in ``text``, ascending."""
    out = []
    for key in _PAST_KEYS:
        at = text.find(key)
        while at >= 0:
            out.append(at)
            at = text.find(key, at + 1)
    return sorted(out)


# the state before a change, straight before the figure (由合并前的1408个精减到目前的504个): what the figure was then
_BEFORE_CHANGE = re.compile(r"(?:由|从)[^，,。；;\d]{0,6}?((?:合并|撤并|调整|改革|改造|整合)前|原来|原先)的?\s*$")


def _recalled(text: str, found: list[MetricRec], sentences: _Stops) -> None:
    """Label a figure its sentence tells as the past (a story, a recollection) as the past's: 过去 before its label, as
    one would write it (过去社区三名干部服务的居民数); one its sentence gives as the state before a change (由合并前的1408个
    精减到…) with that (合并前村委会数量)."""
    keys: list[int] | None = None
    for mt in found:
        then = _BEFORE_CHANGE.search(text, max(0, mt.start - 12), mt.start)
        if then is not None and mt.subject and not mt.subject.startswith(then.group(1)):
            mt.subject = (then.group(1) + mt.subject)[:_MAX_SUBJECT]
            continue
        if not mt.subject or mt.subject.startswith("过去"):
            continue
        lo = sentences.bounds(mt.start)[0]
        if keys is None:
            keys = _past_key_starts(text)
        first = bisect_left(keys, lo)
        if first == len(keys) or keys[first] + 2 > mt.start:
            continue                # no key of _PAST between the sentence's start and the figure: no match
        past = None
        if _PAST_KEY.search(text, lo, mt.start) is not None:
            for past in _PAST.finditer(text, lo, mt.start):
                pass
        if past is None or _NOW.search(text, past.end(), mt.start):
            continue
        mt.subject = ("过去" + mt.subject)[:_MAX_SUBJECT]


# a central body setting up units nationwide in its clause (民政部…在北京、上海…等城市设立了26个“全国社区建设实验区”)
_SETS_UP_NATIONWIDE = re.compile(r"(?:设立|确定|批准|命名|认定)了?[^，,。；;！？!?\n]{0,12}?\d")


def _national_sets(text: str, sentences: _Stops) -> list[tuple[int, int]]:
    """The central bodies that set up or name units in their own clause (民政部首先选择在北京…等城市设立了26个…实验区): from
    there on the sentence's figures count them, nationwide. Read only where such a verb is written."""
    out = []
    for m in _SETS_UP_NATIONWIDE.finditer(text):
        s_lo, _s_hi = sentences.bounds(m.start())
        body = central_body_in(text, max(s_lo, m.start() - 40), m.start())
        if body and not _rx(r"[，,；;：:]").search(text, body[1], m.start()):
            out.append(body)
    return out


def _national_lists(text: str, sentences: _Stops) -> list[tuple[int, int]]:
    """The central bodies that publish a list in their sentence (民政部公布…名单): from there on the sentence's figures
    count the list, nationwide. Read only where 名单 is written."""
    out = []
    at = text.find(_LIST_WORD)
    while at >= 0:
        s_lo, _s_hi = sentences.bounds(at)
        body = central_body_in(text, s_lo, at)
        if body and _PUBLISHES_LIST.search(text, body[1], at + len(_LIST_WORD)):
            out.append(body)
        at = text.find(_LIST_WORD, at + 1)
    return out


def _age_limit(subject: str, after: str) -> str:
    """The label of an age that bounds who is meant (招聘30周岁以下…社区工作者: 招聘 → 招聘年龄上限): what the
    limit is, not the age of the words before it; an age already labelled as one (平均年龄) keeps its label."""
    bound = _AGE_BOUND.match(after)
    if bound is None or "年龄" in (subject or ""):
        return subject
    return (subject or "") + ("年龄上限" if bound["upper"] else "年龄下限")


# one thing counted in two units, written together (常住人口4214户、11670人): the second shares the first's label
_UNIT_PAIR_GAP = re.compile(r"\s*、?\s*")


# households, then people (1558户5357人, 2114户，6132人, 7500户共22804人): residents counted both ways — a bare pair is the
# residents'
_HOUSEHOLDS_PEOPLE_GAP = re.compile(r"\s*[、，,]?\s*(?:共计|合计|总计|共)?\s*")
_RESIDENTS = "居民"
_PEOPLE_LABEL = re.compile(r"(?:居民|群众|村民|人口|住户|人员|党员)$")


def _second_units(text: str, found: list[MetricRec]) -> None:
    """Give a figure with no label the label of the figure written straight before it (nothing or 、 between) in
    another unit: 4214户、11670人 count the same residents, in households and in people. Households written straight
    before people (共计1558户5357人, 67户，200多位居民) count residents too: the households take the people's label,
    and a pair that nothing labels is the residents' (as such texts write a place's residents)."""
    for a, b in pairwise(found):
        if a.end > b.start:
            continue
        if b.subject is None and a.subject and a.unit != b.unit and (
                _UNIT_PAIR_GAP.fullmatch(text, a.end, b.start)
                or a.unit.endswith("户") and b.unit.endswith("人") and _HOUSEHOLDS_PEOPLE_GAP.fullmatch(text, a.end, b.start)):
            b.subject = a.subject          # (常住人口3000多户，1.6万余人: the same residents after a comma too)
            if a.unit.endswith("户") and b.unit.endswith("人") and a.subject.endswith("户数"):
                b.subject = a.subject[:-2] + "人数"     # (总户数4629户、13642人: the people of those households, no 户数)
        elif a.subject is None and a.unit.endswith("户") and b.unit.endswith("人") and b.subject \
                and text[a.end:a.end + 1] in "、，," and text[a.end + 1:b.start].strip() == b.subject \
                and _PEOPLE_LABEL.search(b.subject):
            a.subject = b.subject        # (共计2082户，常住人口4845人: the households of those the people's label names)
        elif a.subject is None and a.unit.endswith("户") and b.unit.endswith("人") \
                and _HOUSEHOLDS_PEOPLE_GAP.fullmatch(text, a.end, b.start):
            if b.subject is None:
                a.subject = b.subject = _RESIDENTS
            elif _PEOPLE_LABEL.search(b.subject):   # (not a label that names no people: …人被村屋取代)
                a.subject = b.subject


# figures given respectively for the items of a list (村、社区“一肩挑”比例分别为97.5%、94.6%): each its own item's
_RESPECTIVELY = re.compile(r"分[别別](?:为|是|达到|达|有|占)?\s*$")
# … or after 分别 and what was done or became of each (刑事立案数、信访总量分别同比下降10.65%、8.55%): each item then that
_RESPECTIVELY_DID = re.compile(r"分[别別]([^，,。；;：:、“”\d\s]{2,12}?)\s*$")
# a run of as many figures as the list before it has items, after a verb alone (减牌子、减事务、减考核平均达到10项、20项和30余项):
# each item's, as after 分别
_PINYIN_BEFORE = re.compile(r"[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]?$")
_RESPECTIVELY_BARE = re.compile(r"(?:为|是|达到|达)\s*$")
# a change compared with before, straight after a list and before as many figures (刑事案件、治安案件同比下降N%、M%): each
# item's, as after 分别
_RESPECTIVELY_CHANGED = re.compile(r"((?:同比|环比|较上年|比上年|较去年|比去年)(?:下降|增长|上升|减少|提高|增加))\s*$")
# the join before a list's last item (非公企业和社会组织…): the last one in the item, so 和 inside the first is kept
_LAST_JOIN = re.compile(r"[和与及](?!.*[和与及])")
_RUN_JOIN = re.compile(r"\s*[、，,和及与]\s*")


def _respectively(text: str, found: list[MetricRec], clauses: _Stops) -> None:
    """Label each figure of a run written after a list and 分别 (A、B…X分别为N1、N2…; a run of three or more after a verb
    alone, A、B、C平均达到N1、N2和N3) by its own item: the first
    items take the words the last one shares after its head (社区“一肩挑”比例 → 村“一肩挑”比例); the head of the
    last item ends at a quote mark, else is as long as the first item. Where items and figures do not pair up,
    the labels stay."""
    k = 0
    while k < len(found):
        first = found[k]
        lo = clauses.bounds(first.start)[0]
        gloss = _PINYIN_BEFORE.search(text, max(0, lo - 12), lo)
        while lo > 1 and gloss:
            lo = clauses.bounds(gloss.start())[0]      # (a mirror page's pinyin gloss, 轄區(qū)刑事…, ends no clause)
            gloss = _PINYIN_BEFORE.search(text, max(0, lo - 12), lo)
        head = _RESPECTIVELY.search(text, max(lo, first.start - 40), first.start)
        did = None if head else (_RESPECTIVELY_DID.search(text, max(lo, first.start - 40), first.start)
                                 or _RESPECTIVELY_CHANGED.search(text, max(lo, first.start - 40), first.start))
        head = head or did
        bare = head is None
        if bare:
            head = _RESPECTIVELY_BARE.search(text, max(lo, first.start - 40), first.start)
        if head is None:
            k += 1
            continue
        run = [first]
        while k + len(run) < len(found) and _RUN_JOIN.fullmatch(text, run[-1].end, found[k + len(run)].start):
            run.append(found[k + len(run)])
        k += len(run)
        listed = without_pinyin(text[max(lo, first.start - 40):head.start()])[0]
        cut = max(listed.rfind(c) for c in "，,：:；;")
        items = [x.strip() for x in listed[cut + 1:].split("、")]
        if len(items) + 1 == len(run) and not bare:
            # (A和B…分别达到N和M, A、B和C…分别…: the last item joined by 和/与/及 is an item too)
            join = next((j for j in _LAST_JOIN.finditer(items[-1]) if not _NOT_A_JOIN.match(items[-1], j.start())), None)
            if join is not None and 0 < join.start() and join.end() < len(items[-1]):
                items[-1:] = [items[-1][:join.start()], items[-1][join.end():]]
        if len(run) < 2 or len(items) != len(run) or not all(items) or (bare and len(run) < 3):
            continue
        if did:
            # (城市、农村居民人均可支配收入分别增长…: the first items take the words the last one shares after its head)
            last, quote = items[-1], items[-1].find("“")
            at = quote if quote > 0 else len(_LEAD_TRIM.sub("", items[0]))
            shared = last[at:] if len(last) - at >= 2 else ""
            # (an item that already ends with the words shared keeps them once: 刑事案件、“两抢一盗”案件…)
            for mt, item in zip(run, [_LEAD_TRIM.sub("", x) + ("" if x.endswith(shared) else shared)
                                      for x in items[:-1]] + [last]):
                mt.subject = (item + did.group(1))[-_MAX_SUBJECT:]
            continue
        last = items[-1]
        quote = last.find("“")
        # (the head of the last item is as long as a middle item, which nothing opens or closes; else as the first)
        at = quote if quote > 0 else len(items[1]) if bare else len(_LEAD_TRIM.sub("", items[0]))
        shared = last[at:]
        if not shared or at >= len(last):
            continue
        labels = [_LEAD_TRIM.sub("", x) + shared for x in items[:-1]] + [last]
        for mt, label in zip(run, labels):
            mt.subject = label[-_MAX_SUBJECT:]


# a proposal as filed (案由…提案人…理由…建议：…审查意见：…): its header lines, and the section of what it asks for
_PROPOSAL_HEADER = re.compile(r"^\s*(?:案\s*由|提\s*案\s*人|建\s*议\s*人|领\s*衔\s*人)", re.MULTILINE)
_PROPOSAL_ASKS = re.compile(r"^\s*(?:建\s*议|具体建议|对策建议|建议措施|办法和建议)\s*[:：]", re.MULTILINE)
_PROPOSAL_NEXT = re.compile(r"^\s*(?:审\s*查\s*意\s*见|办\s*理\s*意\s*见|承办单位|答\s*复|附\s*件)", re.MULTILINE)


def _proposed_spans(text: str) -> list[tuple[int, int]]:
    """Spans of what a proposal as filed asks for (its ``建议：`` section, up to ``审查意见`` or the end), where the text opens
    with a proposal's header lines (案由, 提案人) in its first 600 characters: the proposer's numbers, not the place's."""
    if not _PROPOSAL_HEADER.search(text, 0, 600):
        return []
    out = []
    for m in _PROPOSAL_ASKS.finditer(text):
        nxt = _PROPOSAL_NEXT.search(text, m.end())
        out.append((m.end(), nxt.start() if nxt else len(text)))
    return out


def extract_metrics(ctx: Context) -> None:
    """Figures of the document, each with the place it is about and its status.

    Where nothing in its sentence or paragraph names a place, a figure inside a measure takes the
    measure's place, else the subject; inside a planned measure it is planned."""
    found = find_metrics(ctx.text, Attribution.of(ctx))
    for lo, hi in _proposed_spans(ctx.text):
        for mt in found:       # (a proposal's own 建议 section: the proposer's numbers, no plan of the place's)
            if lo <= mt.start < hi:
                mt.status = "planned"
                if not (mt.subject or "").startswith("建议"):
                    mt.subject = ("建议" + (mt.subject or ""))[-_MAX_SUBJECT:] if mt.subject else None
    # measures' own spans do not overlap: the one starting last at or before a figure is the only
    # one that can hold it
    measures = sorted((ms.span.start, ms.span.end, ms.place, ms.status) for ms in ctx.measures)
    starts = [s for s, _e, _p, _st in measures]
    for mt in found:
        k = bisect_right(starts, mt.start) - 1
        inner = measures[k] if k >= 0 and mt.end <= measures[k][1] else None
        if mt.place is None:
            mt.place = inner[2] if inner and inner[2] else ctx.document.subject_place
        if inner and inner[3] == "planned":
            mt.status = "planned"
    ctx.metrics.extend(found)
