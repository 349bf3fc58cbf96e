"""Attribution inside a text: which place a passage is about, and whether it states a plan.

A document about one place often reports another. A city that studied 武城县 describes what
武城 does (``武城县推行“五位一体”模式，建立红色业委会120个``); a reply quotes a province-wide
figure beside the city's own (``安徽全省累计清理证明事项61项``); a report walks district by
district (``其中，望花区增加12名、顺城区增加50名``). Chinese prose names the topic once, at the
head of a sentence or clause, and leaves it out of the sentences that continue it. So:

- the **head** of a sentence or clause is the place its first words name, after time and
  discourse openers (``2020年以来，``, ``其中，``, ``目前``, ``在``, ``据了解``): a place mention of
  the places step (a chain of adjacent names is its most specific one: ``洛阳市涧西区武汉路社区``
  is the community), an agency mention (its place: ``山东省民政厅`` → 山东省), ``我局/我们`` (the
  subject), ``全省/我省`` (the subject's province); a list of places (``A、B等``) is no single place;
- a clause head holds to the end of its sentence or the next clause head; a sentence head holds
  for the sentences after it in the same paragraph until another sentence head; a paragraph
  starts with none (the caller falls back to the subject or to the enclosing measure's place);
- 全市/全区/全县 is the subject's unit at that level, unless the passage is about another unit of
  that level (``桐乡市推行…，全市建成议事会216个`` → 桐乡市);
- a figure or measure takes the head in force at its position.

**Plans** (:func:`states_plan`): a target or plan is not a result. The words that say so —
将(再/达/实现…)、计划、拟、力争、预计、目标、到2025年、下一步、今后、应达到 — in the sentence before the
position make it planned, unless 已/完成/截至 comes after them (``已列入计划`` is still a plan;
``按计划完成`` is not; nor is a target reached, ``完成年度目标任务的85%``); so is everything in a section
whose heading names plans (``三、下一步工作打算``, ``一、项目建设内容及规模``). **Standards** (:func:`states_standard`): a figure that something must reach
(``不低于10万元的标准``, ``标准为每月300元``, ``要求…面积达到80平方米``, ``规定…每年补贴1200元``) is
planned too.

Everything is bisected over sorted mention lists and bounded windows: linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from loaders.extract.context import Context
from loaders.extract.text_utils import (
    SENTENCE_END,
    finditer_at,
    gloss_span,
    match_opening,
    opening_chars,
    stop_at_or_after,
    stop_before,
    stop_positions,
)

__all__ = ["PLAN_WORDS", "Attribution", "carries_plan", "document_year", "plan_list_start", "plan_sections", "plan_title",
           "required_spans", "states_plan", "states_standard"]

_UNSET = object()
# the last document's instance (one slot: the steps of one document run one after another)
_LAST: dict[str, tuple[tuple, Context, Attribution]] = {}
_SENTENCE_STOPS = SENTENCE_END  # shared with the other steps (one stop index per text)
_CLAUSE_STOPS = "，,：:、"
# how many clause heads of one sentence are looked at before a position
_MAX_BACK = 24
# a head must start within this many characters of its sentence or clause (openers skipped)
_MAX_OPENER = 24

# time and discourse words that may open a sentence before its topic
_OPENER = re.compile(
    r"(?:[\s　，,、：:（(）)“”\"'—\-·•]+"
    r"|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:以来|至今|起|初|底|末|上半年|下半年|前)?"
    r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?(?:以来|起|初|底|末)?"
    r"|截至(?:目前)?|截止(?:目前)?|目前|当前|近年来|近年|近期|今年(?:以来)?|去年|同时|此外|另外|其中|其次|首先"
    r"|如|例如|比如|据了解|据悉|据介绍|据报道|据统计|经调查|经统计|在此基础上|一是|二是|三是|四是|五是|在|由|对|与此同时"
    r"|将|还|也|又|已|再|并|正在|要|先后|分别|积极|主动|重点"
    # a news dateline (新华社呼和浩特5月14日电（记者某某）, 本报讯（记者 某某）): who reports, from where — not the topic
    r"|[^\s，,。；;（(]{0,16}?[电讯電訊]\s*[（(]\s*(?:记者|記者|通讯员|通訊員)[^（()）\n]{0,30}[）)])")
# 在X(委)统一部署下 / 在X的领导下 / 在X的指导和支持下: X directs the work the sentence reports, it does not do it
_DIRECTED_BY = re.compile(r"(?:党委|党工委|委|政府|的)*(?:统一|坚强|正确|大力|精心|直接|高位)?(?:部署|领导|指导|支持|关心|关怀|"
                          r"带领|推动|号召|组织|协调|帮助|支持和指导|指导和支持|关心和支持|关心支持)下")
# a neighbour named on a boundary (东以…为界，西与某社区接壤，北邻…): no topic of what follows
# (a mirror page's pinyin after the name, 社區(qū)接壤, read past)
_BORDERS = re.compile(r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\))?\s*(?:为界|接壤|相邻|毗邻|交界|相连|相接)")
# 全市/全区/全县 and the levels of place each can stand for
_WHOLE_LEVELS = {"市": ("city", "county_city"), "区": ("district",), "县": ("county",)}
_SELF_SUBJECT = re.compile(r"我局|我委|我办|我厅|我中心|我们|本局|本委")
_SELF_PROVINCE = re.compile(r"全省|我省|本省")
_SELF_ANY = re.compile(_SELF_SUBJECT.pattern + "|" + _SELF_PROVINCE.pattern)
_SELF_OPENS = match_opening(_SELF_ANY)  # (a head opens with none of them most often: tested first)
# a named scheme opening a sentence as its topic (“双直报”机制已…): the quote, then what kind of scheme it is
_SCHEME_TOPIC = re.compile(r"(“[^“”\n]{2,12}”)(?:工作)?(?:机制|模式|平台|工作法|制度)")
# A、B / A和B: a list of places (the second need not be a mention the places step kept)
_LIST_AFTER = re.compile(r"(?:[、和及与]|以及)[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|旗|州|镇|乡|街道|社区|村)")

# plan words (see the module docstring); 计划生育 is family planning, 按计划 is a schedule kept
PLAN_WORDS = re.compile(
    # every alternative opens with a literal character and checks what stands before it after that
    # (a lookbehind after the first character): the engine then skips to the possible first
    # characters instead of trying every alternative at every offset (4× faster)
    r"下一步|下步|下阶段|今后|计(?<![按原]计)划(?!生育|单列|内)|可(?=节约|节省|带动|新增|增收|创造|减少)|拟(?<![虚模比]拟)(?![定订稿写])|力争|预计"
    r"|目(?<!明确目)(?<!围绕目)(?<!对标目)(?<!确定目)标"
    r"|到(?<![截止]到)\s*20\d\d\s*年|至(?<![截止]至)(?<![增升长降减]至)\s*20\d\d\s*年|20\d\d\s*年(?:底|末)?前|即将|规划(?:到|至|在|新建)"
    # (将 as 把, a noun phrase put into something: 将增加…充电桩纳入老旧小区改造内容 is done, not a plan)
    r"|将(?<![即必]将)(?![^，,。；;！？!?\n]{0,24}?(?:纳入|列入|写入|融入))(?=要|会|再|继续|进一步|逐步|全面|新建|建成|建设|达|实现|完成|投入|新增|增加|增至|提高|提升"
    r"|覆盖|创建|打造|推动|推进|开展|安排|筹集|力争|在|于|陆续|启动|统筹|对|按|每年"
    # 将 before a preposition is the future too (将与…对接, 将根据…): 把 is never followed by one
    r"|与(?!会)|会同|根据|依据|结合|严格|及时"
    # 将 before a manner adverb or a verb of intent is the future (将以…为抓手, 将大力…, 将加快…), not
    # 将 as 把 (将服务前置, 将落实情况纳入考核, 将组织建设写入: 将 + a noun phrase + its verb)
    r"|以(?![往上下前后来及])|高标准|大力|加快|加大|加强|着力|重点|深化|深入|坚持|积极|围绕|聚焦|扎实|切实|全力|努力"
    r"|不断|持续|认真|探索|完善|健全|建立|出台|制定|引导|鼓励|确保|争取|择优|分批|分步)"
    # (one alternative per opening character: an alternative opening with a class left the engine no first
    # characters to skip ahead to, and it tried every alternative at every offset of each window)
    r"|应(?<!必应)(?:须)?(?:当)?(?:达到|不低于|不少于|实现|控制在)|须(?<!必须)(?:须)?(?:当)?(?:达到|不低于|不少于|实现|控制在)"
    r"|必(?<!必必)(?:须)?(?:当)?(?:达到|不低于|不少于|实现|控制在)|要(?<!必要)(?:须)?(?:当)?(?:达到|不低于|不少于|实现|控制在)"
    r"|需(?<!必需)(?:须)?(?:当)?(?:达到|不低于|不少于|实现|控制在)"
    # what is still to be done (今年内要完成20个老旧小区改造任务): 要 before the result asked for
    r"|要(?<![主重需只还也]要)(?=完成|建成|新建|改造)"
    # what is to be ensured by a time to come (确保年底建成100个…, 确保年内完成): a target; 确保了 reports it
    r"|确保(?!了)(?=[^，,。；;！？!?\n]{0,4}?(?:年底|年内|年末|月底|底前|之前))")
# a standard: the figure is what something must reach (…不低于10万元的标准, 标准为每月300元)
_STANDARD_AFTER = re.compile(r"^[^，,。；;！？!?\n]{0,14}?(?:的|为)?标准")
_STANDARD_BEFORE = re.compile(r"(?:标准|不低于|不少于|不超过|最低|最高不超过)(?:执行|调整|确定)?(?:为|是|由|从|达到|提高到|提高至)?"
                              r"(?:每[^\d，,。；;]{0,3})?\s*$")   # (物业费标准执行为每月1.2元: a fee standard)
# a requirement set earlier in the sentence: 要求社区办公用房面积达到80平方米, 规定…每年补贴1200元，…每年补贴
# 2400元 (not 根据上级要求，… : a requirement followed by a comma is only cited)
_REQUIRED_BEFORE = re.compile(r"(?:要求|规定)(?![，,：:])[^。；;！？!?\n]{0,40}?"
                              r"(?:达到|不低于|不少于|不超过|控制在|每[^\d，,。；;！？!?\n]{0,6}?)\s*$")
# a floor each unit must have (每个网格至少配备1名…, 确保每个微网格至少配备1名干部、1名民警): a staffing rule
# (each alternative opens with a literal, so the engine skips ahead to 至, 确 or 保: opened with a group of words,
# (?:确保|保证), or with a lookahead, it left the engine nothing to skip ahead with, and every figure's 60-character
# window was tried offset by offset — 13,000 instructions a window without them, 3,000 now)
_FLOOR_BEFORE = re.compile(r"至少(?:要|应|须)?(?:配备|配置|配齐|设置|设立|安排|有)\s*$"
                           r"|确保(?!了)[^。；;！？!?\n]{0,40}?至少[^。；;！？!?\n]{0,30}$"
                           r"|保证(?!了)[^。；;！？!?\n]{0,40}?至少[^。；;！？!?\n]{0,30}$")
# a sentence whose subject is a document and whose verb is its requirement (《通知》要求，… / 该方案规定：…):
# what follows, to the end of the paragraph, is what the document asks for
_DOCUMENT_REQUIRES = re.compile(r"[\s　?？]*(?:《[^《》\n]{1,60}》|(?:该|此|这个?|上述)?(?:通知|文件|意见|办法|方案|规定|细则))"
                                r"(?:中|还|也|同时)?(?:明确)?(?:要求|规定|提出)[，,：:]")
# what every match of :data:`_DOCUMENT_REQUIRES` holds: a line without it opens no requirement
_REQUIRES_KEY = re.compile(r"(?:要求|规定|提出)[，,：:]")
# a paragraph after it carries the requirement on where it states duties (必须/应当/须…) and reports nothing
_DUTY_WORD = re.compile(r"必须|务必|应当|应该|(?<![答响效供反])应(?![用急对届])|须|要求")
_REPORTS = re.compile(r"已|完成|建成|投入使用|了解到|获悉|截至|截止|目前|累计")
# the openers of a sentence that goes on with the subject and the plan of the one before it (依据…, 联合…)
_CARRY_OPENER = re.compile(r"[\s　]*(?:依据|根据|按照|依照|联合|会同|通过|对于|针对|加强|督促|指导|同时|并|还|另外|此外|其中|结合|安排|"
                           r"及时|定期|推动|建立|完善|健全|做好|抓好|切实)")
# an item of a list, at a paragraph's start: 一是… / 一、… / （一）… / 1.…
_ITEM = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                   r"|\d{1,2}[.．、](?!\d))")
_DONE_IN = re.compile(r"已|(?<!为)了(?!解)|完成|建成|截至|截止|累计|目前|共计")
_QUOTE_MARKS = re.compile(r"[“”《》]")
_PLAN_OPENS = opening_chars(PLAN_WORDS.pattern)  # (None: not read off the pattern, every window is searched)
_TARGET_YEAR = re.compile(r"^(?:到|至)?\s*(20\d\d)")
# the year in a document number's brackets (某民函〔2016〕8号, 某政发[2019]3号)
_NUMBER_YEAR = re.compile(r"[〔﹝\[［（(【]\s*((?:19|20)\d\d)\s*[〕﹞\]］）)】]")
# how far before a figure plan words are read (the clauses that lead to it, not the whole sentence)
_PLAN_WINDOW = 40
# (已建成小区 "the compounds already built" names the compounds, it reports nothing done)
_DONE_AFTER = re.compile(r"已(?!建成?(?:的)?小区)|完成了|建成了|截至|截止|累计")
# a target or plan reached is no plan: 完成年度目标任务的85%, 超额完成全年计划
_REACHED_BEFORE = re.compile(r"(?:完成|实现|达成|达到|超过)[^，。；,;]{0,6}$")
# a heading (一、 / （一）) whose title names what is to be done — the next steps, the targets, a
# project's planned content and scale — heads a section of plans: ``三、下一步工作打算``,
# ``一、项目建设内容及规模`` (not a title reporting it: ``二、目标任务完成情况``)
_HEADING = re.compile(r"^[ \t\u3000]*(?:([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)])"
                      r"([^\n。，,；;：:]{0,30})", re.MULTILINE)
_PLAN_TITLE = re.compile(r"下一步|下步|下阶段|今后|打算|工作思路|努力方向|展望|目标|规划|建设内容|建设规模|内容及规模|实施内容"
                         r"|计划安排|工作计划|重点任务|主要任务")
_REPORT_TITLE = re.compile(r"完成|情况|成效|进展|成果|做法|经验")


def plan_title(title: str) -> bool:
    """Does a section title name what is to be done (``下一步工作打算``, ``工作目标``, ``项目建设内容及
    规模``), not report it (``目标任务完成情况``)?"""
    return bool(_PLAN_TITLE.search(title)) and not _REPORT_TITLE.search(title)


def plan_sections(text: str) -> list[tuple[int, int]]:
    """The spans of the sections headed by a plan title (:func:`plan_title`): from the heading to the
    next heading of its level or above (一、 is above （一）), sorted by start."""
    heads = [(m.start(), 0 if m.group(1) else 1, m.group(3)) for m in _HEADING.finditer(text)]
    out = []
    for i, (start, level, title) in enumerate(heads):
        if not plan_title(title):
            continue
        end = next((s for s, lv, _t in heads[i + 1:] if lv <= level), len(text))
        out.append((start, end))
    return out


def _sentence_before(text: str, lo: int) -> int:
    """Where the sentence before the one starting at ``lo`` starts (``lo`` > 0)."""
    return stop_before(text, lo - 1, SENTENCE_END)  # (bisected over the cached stop offsets)


def carries_plan(text: str, lo: int, year: int | None = None, depth: int = 3) -> bool:
    """Does the sentence starting at ``lo`` carry on the plan of the sentence before it in its paragraph
    (``我局将与物业企业对接，完善…制度。依据服务标准，联合业委会检查…``: the promise goes on)? It opens with
    no subject or time of its own (:data:`_CARRY_OPENER`), reports nothing done, and the sentence before
    states a plan at its head or carries one on (up to ``depth`` sentences back)."""
    if lo <= 0 or text[lo - 1] == "\n" or not _CARRY_OPENER.match(text, lo):
        return False
    hi = stop_at_or_after(text, lo, SENTENCE_END)
    if _DONE_IN.search(text, lo, hi):
        return False
    before = _sentence_before(text, lo)
    if before >= lo - 1:
        return False
    return states_plan(text, before, min(lo - 1, before + _PLAN_WINDOW), year) \
        or (depth > 1 and carries_plan(text, before, year, depth - 1))


def plan_list_start(text: str, pos: int, year: int | None = None) -> int | None:
    """Where the sentence starts that introduces, as a plan, the list whose item holds ``pos``
    (``下阶段，我局将…，重点做好以下三方面工作：`` then paragraphs ``一是…``, ``二是…``); None where ``pos``
    is in no item of such a list (a list of work done, ``主要做了以下工作：``, is none)."""
    lo = text.rfind("\n", 0, pos) + 1
    if not _ITEM.match(text, lo):
        return None
    for _ in range(12):                      # back over the items before it, to the paragraph before them
        j = lo - 1
        while j > 0 and text[j - 1] in "\n \t\u3000":
            j -= 1
        if j <= 0:
            return None
        plo = text.rfind("\n", 0, j) + 1
        if _ITEM.match(text, plo):
            lo = plo
            continue
        if text[j - 1] not in "：:":
            return None
        start = max(plo, stop_before(text, j - 1, SENTENCE_END))  # (after the last stop before the colon)
        while start < j and text[start] in " \t\u3000":
            start += 1
        head = states_plan(text, start, min(j, start + _PLAN_WINDOW), year)
        return start if head or states_plan(text, start, j, year) else None
    return None


def required_spans(text: str) -> list[tuple[int, int]]:
    """Spans of what a document asks for (:data:`_DOCUMENT_REQUIRES`): from a sentence opening with a
    document's requirement (``《通知》要求，新建的服务用房面积必须达到…``) to the end of its paragraph, and on
    over the paragraphs after it that state duties and report nothing (``服务楼内设一个30平方米的…室；…
    必须预留…用地``: the notice's standards, not rooms built), sorted by start."""
    out: list[tuple[int, int]] = []
    if "要求" not in text and "规定" not in text and "提出" not in text:
        return out
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        line = lines[i]
        found = None
        if _REQUIRES_KEY.search(line) is None:
            i += 1  # (no requirement word before its punctuation: no sentence of the line can open one)
            continue
        for s in [0] + [k + 1 for k, ch in enumerate(line) if ch in "。！？!?；;"]:
            if _DOCUMENT_REQUIRES.match(line, s):
                found = s
                break
        if found is None:
            i += 1
            continue
        start, j = offsets[i] + found, i + 1
        while j < len(lines) and _DUTY_WORD.search(lines[j]) and not _REPORTS.search(lines[j]):
            j += 1
        out.append((start, offsets[j] - 1))
        i = j
    return out


def _inside_quote(text: str, lo: int, pos: int, hi: int) -> bool:
    """Is ``pos`` inside a “…” or 《…》 (a title or a name: 《三年行动计划》)? Read in ``text[lo:hi]``:
    opened after ``lo``, or — when the window starts inside it — closed after ``pos`` before
    another opens."""
    seg = text[lo:pos]
    if seg.count("“") > seg.count("”") or seg.count("《") > seg.count("》"):
        return True
    rest = text[pos:hi]
    for close, open_ in (("》", "《"), ("”", "“")):
        c = rest.find(close)
        if c >= 0 and not 0 <= rest.find(open_) < c and seg.count(open_) <= seg.count(close):
            return True
    return False


# a figure inside 按照…的标准 (按照每个乡镇10—20人、村15人的标准): one of the standard's items
_BY_STANDARD_BEFORE = re.compile(r"(?:按照|按)[^，,。；;！？!?\n]{0,40}$")
_STANDARD_AHEAD = re.compile(r"^[^，,。；;！？!?\n]{0,40}?的?标准")
# what every match of ``_STANDARD_AFTER`` and ``_STANDARD_AHEAD`` holds: the window is tested for it first (their
# lazy openings try every length before failing: 4,000 instructions a window, against 100 for the test)
_STANDARD_KEY = "标准"


def states_standard(text: str, start: int, end: int) -> bool:
    """Is the figure ``text[start:end]`` a standard to reach (``每个社区不低于10万元的标准``, ``按照每个乡镇10—20人、
    …的标准``)?"""
    after = text[end:end + 12]
    return bool(_STANDARD_KEY in after and _STANDARD_AFTER.match(after)
                or _STANDARD_BEFORE.search(text, max(0, start - 12), start)
                or (_BY_STANDARD_BEFORE.search(text, max(0, start - 40), start)
                    and _STANDARD_KEY in text[end:end + 44] and _STANDARD_AHEAD.match(text[end:end + 44]))
                or _REQUIRED_BEFORE.search(text, max(0, start - 60), start)
                or _FLOOR_BEFORE.search(text, max(0, start - 60), start))


def _union_of(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """(starts, ends) of the union of the half-open ``spans``, as disjoint spans in order: ``pos`` is in
    one of ``spans`` exactly where it is in the span of the last start at or before it."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if a >= b:
            continue  # (empty: holds no position)
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def document_year(date: str | None, doc_number: str | None) -> int | None:
    """The year a document was written: its date's, else the year its number carries (某民函〔2016〕8号
    is of 2012); None when neither says."""
    if date and date[:4].isdigit():
        return int(date[:4])
    found = _NUMBER_YEAR.search(doc_number or "")
    return int(found.group(1)) if found else None


def states_plan(text: str, lo: int, pos: int, year: int | None = None) -> bool:
    """Does ``text[lo:pos]`` (the sentence before a figure or the head of a measure; only its last
    ``_PLAN_WINDOW`` characters are read) state a plan or target rather than a result? ``year`` is
    the document's year: ``到2010年`` in a document of 2012 is a result reached, not a target."""
    lo = max(lo, pos - _PLAN_WINDOW)
    # (most windows hold none of the characters a plan word opens with: found by one table pass)
    if _PLAN_OPENS is not None:
        opens = stop_positions(text, _PLAN_OPENS)
        k = bisect_left(opens, lo)
        if k == len(opens) or opens[k] >= pos:
            return False
    last = None
    for m in PLAN_WORDS.finditer(text, lo, pos):
        if _inside_quote(text, lo, m.start(), pos) and _QUOTE_MARKS.search(text, m.end(), pos):
            continue     # (a plan word in the quote that holds the position too is the quoted rule's own)
        target = _TARGET_YEAR.match(m.group(0))
        if target and year and int(target.group(1)) < year:
            continue
        if m.group(0) in ("目标", "计划") and _REACHED_BEFORE.search(text, max(lo, m.start() - 8), m.start()):
            continue
        last = m
    if last is None:
        return False
    return _DONE_AFTER.search(text, last.end(), pos) is None


class Attribution:
    """The place each position of one document is about (see the module docstring).

    Build it with :meth:`of`: measures, metrics and learning of one document share one instance
    (building it reads every place and agency mention and indexes the clause stops: 0.03 µs per
    character of CPU, ≈ 2.5 % of the pipeline, paid once instead of three times)."""

    @classmethod
    def of(cls, ctx: Context) -> Attribution:
        """The instance for ``ctx``, shared by the steps that run after places and agencies."""
        key = (id(ctx), ctx.text, len(ctx.places), len(ctx.agencies), ctx.document.subject_place)
        last = _LAST.get("of")
        if last is not None and last[0] == key and last[1] is ctx:
            return last[2]
        made = cls(ctx)
        _LAST["of"] = (key, ctx, made)
        return made

    def __init__(self, ctx: Context):
        self.text = text = ctx.text
        self.subject = ctx.document.subject_place
        self.province = ctx.document.province
        self.year = document_year(ctx.document.date, ctx.document.doc_number)
        self._plan_sections = plan_sections(text) + required_spans(text)
        # (their union as disjoint sorted spans, bisected per position: every figure, measure and cue asks)
        self._plan_starts, self._plan_ends = _union_of(self._plan_sections)
        agency_spans = sorted((m.start, m.end, a.place or self.subject)
                              for a in ctx.agencies for m in a.mentions)
        ag_starts = [s for s, _e, _p in agency_spans]
        ag_ends: list[int] = []
        for _s, e, _p in agency_spans:
            ag_ends.append(max(e, ag_ends[-1]) if ag_ends else e)

        def in_agency(s: int, e: int) -> bool:
            k = bisect_right(ag_starts, s)
            return k > 0 and ag_ends[k - 1] >= e

        places = sorted((m.start, m.end, p.name) for p in ctx.places for m in p.mentions
                        if not in_agency(m.start, m.end))
        self._place_at = {s: (e, name) for s, e, name in places}
        self._place_ends = {e for _s, e, _n in places}
        self._external_level = {p.name: p.level for p in ctx.places if p.role == "external"}
        self._agency_at = {s: (e, name) for s, e, name in agency_spans}
        # where a head can start: a run whose first 24 chars hold none of these has no head
        self._starts = sorted({*self._place_at, *self._agency_at,
                               *(m.start() for m in finditer_at(_SELF_ANY, text, stop_positions(text, "我本全"))),
                               # (one scan of the text: the pattern opens with a literal, rare matches)
                               *(m.start() + 1 for m in _SCHEME_TOPIC.finditer(text))})
        self._sentences = stop_positions(text, _SENTENCE_STOPS)
        self._clauses = stop_positions(text, _SENTENCE_STOPS + _CLAUSE_STOPS)
        self._heads: dict[int, tuple[str | None, str | None]] = {}
        self._topics: dict[int, tuple[tuple[str | None, str] | None, str | None, bool]] = {}
        self._by_clause: dict[int, str | None] = {}
        self._clause_states: dict[int, tuple[tuple[str | None, str] | None, str | None, bool]] = {}
        self._carries: dict[int, bool] = {}            # sentence start -> carries_plan
        self._listed: dict[int, int | None] = {}       # line start -> plan_list_start
        self._planned: dict[int, bool] = {}            # position -> planned_at (a cue's position is asked again
        #                                                by the practice-mentions and figure-measures steps)

    # ---------------------------------------------------------------- heads
    def _head(self, lo: int, hi: int) -> tuple[str | None, str | None]:
        """(place, kind) for the run ``text[lo:hi]``. kind is None when the run opens with no
        topic; ``"place"`` for a place, an agency, 我局, a list of places (place None); a level
        character (市/区/县) for 全市/全区/全县, which is the subject's unit at that level unless
        the passage is about another unit of that level (see :meth:`place_at`)."""
        text, pos, limit = self.text, lo, min(hi, lo + _MAX_OPENER)
        k = bisect_left(self._starts, lo)
        if k == len(self._starts) or self._starts[k] > limit:
            return None, None  # nothing that can head a run starts near enough
        while pos < limit:
            m = _OPENER.match(text, pos, hi)
            if not m or m.end() == pos:
                break
            pos = m.end()
        if pos >= hi:
            return None, None
        hit = self._agency_at.get(pos)
        if hit is not None:
            if text[pos - 1:pos] == "在" and _DIRECTED_BY.match(text, hit[0], hi):
                return None, None  # 在省委统一部署下，…: the unit that directs, not the one that acts
            return hit[1], "place"
        hit = self._place_at.get(pos)
        if hit is not None:
            end, name = hit
            if text[pos - 1:pos] == "在" and _DIRECTED_BY.match(text, end, hi):
                return None, None
            if end - pos == 2 and text[pos] == "全" and text[pos + 1] in _WHOLE_LEVELS:
                return name, text[pos + 1]
            while True:  # 洛阳市涧西区武汉路社区: the most specific name
                gloss = gloss_span(text, end) if text[end:end + 1] == "(" else None
                nxt = gloss[1] if gloss and gloss[0] == end else end   # (a mirror page's 樊城區(qū)清河街道: read past)
                if nxt not in self._place_at:
                    break
                end, name = self._place_at[nxt]
            if _BORDERS.match(text, end, hi):
                return None, None  # 西以贺兰社区接壤: a neighbour on a boundary, not what the text is about
            nxt = end
            while nxt < hi and text[nxt] in " 　":
                nxt += 1
            if nxt < hi and (_LIST_AFTER.match(text, nxt, hi) or
                             (text[nxt] in "、和及与" and self._follows_place(nxt + 1, hi))
                             or text.startswith("等", nxt)):
                return None, "place"  # A、B…: several places, none of them alone
            return name, "place"
        if text[pos:pos + 1] in _SELF_OPENS:
            if _SELF_SUBJECT.match(text, pos):
                return self.subject, "place"
            if self.province and _SELF_PROVINCE.match(text, pos):
                return self.province, "place"
        if pos > lo and text[pos - 1] == "“":      # (the openers read past the opening mark)
            # a scheme the text named before, as the topic (…“双直报”机制则展现出破冰之力。在某社区，…。据了解，目前，
            # “双直报”机制已推动解决问题8000余个): the place in force where it was first named, not the anecdote's
            scheme = _SCHEME_TOPIC.match(text, pos - 1, hi)
            if scheme is not None:
                first = text.find(scheme.group(1), 0, pos)
                if first >= 0 and self.sentence_start(first) < self.sentence_start(pos):
                    return self.place_at(first) or self.subject, "place"
        return None, None

    def head(self, lo: int, hi: int) -> tuple[str | None, bool]:
        """(place, found): the topic ``text[lo:hi]`` opens with (see :meth:`_head`); place None
        with found True is a list of places."""
        name, kind = self._head(lo, hi)
        return name, kind is not None

    def _follows_place(self, pos: int, hi: int) -> bool:
        return any(p in self._place_at for p in range(pos, min(hi, pos + 2)))

    def _sentence_head(self, lo: int, hi: int) -> tuple[str | None, str | None]:
        got = self._heads.get(lo)
        if got is None:
            got = self._heads[lo] = self._head(lo, hi)
        return got

    # ---------------------------------------------------------------- lookup
    def sentence_start(self, pos: int) -> int:
        k = bisect_left(self._sentences, pos)
        return self._sentences[k - 1] + 1 if k else 0

    def place_at(self, pos: int) -> str | None:
        """The place the passage at ``pos`` is about, or None where no head is in force (the
        caller decides: the subject, or the enclosing measure's place)."""
        clauses = self._clauses
        c = bisect_left(clauses, pos)
        got = self._by_clause.get(c, _UNSET)  # every position of one clause gets the same answer
        if got is _UNSET:
            got = self._by_clause[c] = self._place_in_clause(pos)
        return got

    def _place_in_clause(self, pos: int) -> str | None:
        k = bisect_left(self._sentences, pos)
        whole, strong, found = self._clause_state(bisect_left(self._clauses, pos), k)
        if found:
            return self._resolve(whole, strong)
        sentence_whole, strong, found = self._topic(k)
        whole = whole or sentence_whole
        if found:
            return self._resolve(whole, strong)
        return whole[0] if whole else None

    def _clause_state(self, c: int, k: int) -> tuple[tuple[str | None, str] | None, str | None, bool]:
        """Like :meth:`_topic`, over the clause heads of sentence ``k`` before clause boundary
        ``c`` (its first clause excluded: that is the sentence head). Kept per boundary, each from
        the one before it."""
        got = self._clause_states.get(c)
        if got is not None:
            return got
        text, stops, clauses = self.text, self._sentences, self._clauses
        s_lo = stops[k - 1] + 1 if k else 0
        s_hi = stops[k] if k < len(stops) else len(text)
        chain: list[int] = []
        base: tuple[tuple[str | None, str] | None, str | None, bool] = (None, None, False)
        j = c
        while j > 0 and clauses[j - 1] >= s_lo:
            if j in self._clause_states:
                base = self._clause_states[j]
                break
            chain.append(j)
            j -= 1
        for j in reversed(chain):
            stop = clauses[j - 1]
            if text[stop] == "、" and stop in self._place_ends:
                pass  # 在禅城区、南海区打造…: the second of a list of places heads nothing
            else:
                name, kind = self._sentence_head(stop + 1, s_hi)
                if kind == "place":
                    base = (None, name, True)
                elif kind:
                    base = ((name, kind), base[1], base[2])
            self._clause_states[j] = base
        return base

    def _resolve(self, whole: tuple[str | None, str] | None, name: str | None) -> str | None:
        if whole is None:
            return name
        if name and self._external_level.get(name) in _WHOLE_LEVELS[whole[1]]:
            return name  # 武城县…。全县建立…: the whole of the place the passage is about
        return whole[0]

    def _topic(self, k: int) -> tuple[tuple[str | None, str] | None, str | None, bool]:
        """The sentence heads in force at sentence ``k``: (the nearest 全市-style head before the
        first place head, that place head's place, whether there is one), walking back through
        its paragraph. Kept per sentence, each from the one before it: linear in the text."""
        got = self._topics.get(k)
        if got is not None:
            return got
        text, stops = self.text, self._sentences
        chain: list[int] = []
        base: tuple[tuple[str | None, str] | None, str | None, bool] = (None, None, False)
        j = k
        while True:
            if j in self._topics:
                base = self._topics[j]
                break
            chain.append(j)
            if j == 0 or text[stops[j - 1]] == "\n":
                break  # the paragraph starts at sentence j
            j -= 1
        for j in reversed(chain):
            lo = stops[j - 1] + 1 if j else 0
            hi = stops[j] if j < len(stops) else len(text)
            name, kind = self._sentence_head(lo, hi)
            if kind == "place":
                base = (None, name, True)
            elif kind:
                base = ((name, kind), base[1], base[2])
            self._topics[j] = base
        return base

    def planned_at(self, pos: int) -> bool:
        """Is the figure or action at ``pos`` a plan, target or standard (see :func:`states_plan`), in a
        section whose heading names plans (:func:`plan_sections`), in what a document asks for
        (:func:`required_spans`), in a sentence carrying on a plan (:func:`carries_plan`) or in an item of
        a list a plan introduces (:func:`plan_list_start`)?"""
        got = self._planned.get(pos)
        if got is None:
            got = self._planned[pos] = self._planned_at(pos)
        return got

    def _planned_at(self, pos: int) -> bool:
        if self._plan_starts:
            k = bisect_right(self._plan_starts, pos) - 1
            if k >= 0 and pos < self._plan_ends[k]:
                return True
        text, year = self.text, self.year
        k = bisect_left(self._sentences, pos)  # (``sentence_start``, without its call: every figure and cue asks)
        lo = self._sentences[k - 1] + 1 if k else 0
        if states_plan(text, lo, pos, year):
            return True
        # the other two read only where the sentence, and the line, holding ``pos`` start: each figure,
        # measure and cue of one sentence or list item asks again, so their answers are kept per start
        carries = self._carries.get(lo)
        if carries is None:
            carries = self._carries[lo] = carries_plan(text, lo, year)
        if carries:
            return True
        line = text.rfind("\n", 0, pos) + 1
        listed = self._listed.get(line, _UNSET)
        if listed is _UNSET:
            listed = self._listed[line] = plan_list_start(text, pos, year)
        return listed is not None
