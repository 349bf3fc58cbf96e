"""The practice taxonomy (``data/practices.json``) and matching text against it.

Each canonical practice has a category, a one-sentence definition, aliases and cue regexes.
``Taxonomy.match`` returns the canonical names whose cues occur in a piece of text;
``document_practices`` applies it to a whole document, skipping the parts that only quote
the proposal being answered (its title and the suggestions it lists), which describe what
someone asked for rather than what the place does.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govkg.errors import ConfigError
from govkg.settings import DATA_DIR
from loaders.extract.cue_scan import CueScanner
from loaders.extract.text_utils import (
    class_led,
    finditer_at,
    line_starts,
    opening_chars,
    opening_class,
    stop_at_or_after,
    stop_before,
    stop_positions,
    without_pinyin,
)

__all__ = [
    "CANONICAL_PRACTICES",
    "ROLE_COMPONENT",
    "TAXONOMY_PATH",
    "Practice",
    "Taxonomy",
    "credit_spans",
    "document_practices",
    "glossed_cue",
    "in_topic_list",
    "load_taxonomy",
    "quoted_request_spans",
]

TAXONOMY_PATH = DATA_DIR / "practices.json"

#: The minimum vocabulary fixed by the extraction contract (never renamed).
CANONICAL_PRACTICES: tuple[str, ...] = (
    "党建引领", "大党委/大工委", "小区党支部", "在职党员双报到", "红色物业", "网格化治理", "居民议事协商",
    "居民公约", "积分制管理", "三社联动/五社联动", "社区社会组织培育", "公益创投", "社工站", "志愿服务",
    "社区减负清单", "社区工作准入", "证明事项清理", "社区工作者职业体系", "社区工作者培训", "社区经费保障",
    "党群服务阵地建设", "智慧社区", "老旧小区改造", "业委会组建", "三治融合", "综治中心", "物业管理提升",
    "社区基金/社区经济", "治理实验区创建", "疫情防控",
)

# A clause that names a topic (围绕 A、B 等主题) lists themes, not work the place does.


@dataclass(frozen=True)
class Practice:
    name: str
    category: str
    definition: str
    aliases: tuple[str, ...]
    pattern: re.Pattern[str]
    # a hit in a sentence that ``guard`` matches and ``keep`` does not is someone else's activity
    # (居民议事协商: the CPPCC's own 协商 in a sentence about 政协 that names no residents); ``guards``: more such pairs
    # (a party committee's part-time members' 协商 in a sentence that names no residents)
    guard: re.Pattern[str] | None = None
    keep: re.Pattern[str] | None = None
    guards: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = ()


class Taxonomy:
    """The loaded practice list with one compiled pattern per practice."""

    def __init__(self, practices: list[Practice]):
        self.practices = practices
        self.by_name = {p.name: p for p in practices}
        self.names = tuple(p.name for p in practices)
        self._scanner: CueScanner | None = None

    def scan(self, text: str) -> list[list[tuple[int, int]]]:
        """Per practice (taxonomy order), the spans ``practice.pattern.finditer(text)`` yields,
        found in one prefilter pass over ``text`` (``loaders.extract.cue_scan``)."""
        if self._scanner is None:
            self._scanner = CueScanner([p.pattern for p in self.practices])
        return self._scanner.scan(text)

    def match(self, text: str) -> list[str]:
        """Canonical names whose cues or aliases occur in ``text``, in taxonomy order."""
        if self._scanner is None:
            self._scanner = CueScanner([p.pattern for p in self.practices])
        return [p.name for p, found in zip(self.practices, self._scanner.any_match(text)) if found]

    def match_spans(self, text: str, skip: list[tuple[int, int]] | None = None) -> list[str]:
        """Like ``match`` but ignores hits inside ``skip`` spans and in theme clauses (围绕…)."""
        names = {name for _pos, name in self.hits(text, skip)}
        return [n for n in self.names if n in names]

    def hits(self, text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, str]]:
        """(offset, practice) for every cue hit outside ``skip`` spans and theme clauses, by offset."""
        skipped = _inside_any(skip or [])
        # offsets of 围绕: a hit with none in the 40 characters before it is in no theme clause
        themes = [m.start() for m in _THEME.finditer(text)]
        clean, to_text = without_pinyin(text)
        found_at: dict[re.Pattern[str], list[int]] = {}    # a guard's or keep's match offsets, found once per text
        # where deputies, members or an inspection group speak (人大代表提出, 委员们…提出了…建议): their advice may follow
        advisors = [m.end() for m in _ADVICE_WORD.finditer(text)
                    if _ADVISOR_BEFORE.search(text, max(0, m.start() - 20), m.start())]
        out: list[tuple[int, str]] = []
        glossed = clean is not text  # (offsets into ``clean`` are those of ``text`` where it had no gloss)
        # the sentence stops, bisected per hit here (``stop_before``/``stop_at_or_after`` without a call per hit)
        stops = stop_positions(text, _SENTENCE_STOPS)
        for p, found in zip(self.practices, self.scan(clean)):
            for start, end in found:
                cue_at = start  # (in the text without inline pinyin, where 没(méi)有 reads 没有 again)
                if glossed:
                    start, end = to_text(start), to_text(end)
                if skip and skipped(start):
                    continue
                if _PROBLEM_OPENING.search(text, end, end + 5) and _PROBLEM_AFTER.match(text, end) \
                        or _LACK_BEFORE.search(clean, max(0, cue_at - 18), cue_at) \
                        or text.find("是", end, end + 5) >= 0 and _IS_A_PROBLEM.match(text, end) \
                        or text.find("的", end, end + 10) >= 0 and _IDEA_AFTER.match(text, end):
                    continue  # a lack or a problem named (活动场所有限, 盖章多、…, 缺少活动场所, …是…民生问题), not the work
                k = bisect_left(stops, start)
                lo = max(0, start - 40, stops[k - 1] + 1 if k else 0)
                if _ASK_WORD.search(text, lo, start) and _ASKED_BEFORE.search(text, lo, start):
                    continue  # what residents ask for (有居民建议…建设活动场所), not what the place does
                k = bisect_left(stops, end, k)
                if _quoted_question(text, lo, start, end, stops[k] if k < len(stops) else len(text)):
                    continue  # what a resident asks (“…是否能尽快成立业主委员会？”): a need voiced, not the work
                if text.find("应", max(lo, start - 12), start) >= 0 and _SHOULD_GIVE.search(text, max(lo, start - 12), start):
                    continue  # what should be given (需要社区协助的工作，应为其提供经费): a rule, not funding given
                if text.find("要求", max(lo, start - 16), start) >= 0 \
                        and _DEMANDED_BEFORE.search(text, max(lo, start - 16), start):
                    continue  # what every plaque or inspection demands (挂牌设点几乎都要求专门的办公场地): a burden
                if p.guard is not None and _guarded(text, start, p.guard, p.keep, found_at) \
                        or p.guards and any(_guarded(text, start, guard, keep, found_at) for guard, keep in p.guards):
                    continue
                if text.find("明", max(0, start - 32), start) >= 0 and _RULES_LISTED_BEFORE.search(text, max(0, start - 32), start) \
                        and _RULES_LISTED_AFTER.match(text, end):
                    continue  # one of the rules a reading makes clear (明确业委会成立条件、议事规则及…管理要求): no work of it
                if text.find("在", end, end + 40) >= 0 and _HOSTED_AFTER.match(text, end) \
                        and _HOSTED_BEFORE.search(text, max(0, start - 30), start):
                    continue  # a wider unit's event a place hosts (全区…能力培训班在某市举办): the host held none of it
                if text.find("为", end, end + 5) >= 0 and _ROLE_AFTER.match(text, end) \
                        and _ROLE_BEFORE.search(text, max(0, start - 12), start):
                    continue  # a part a structure rests on (以社区社会组织为支撑的“三位一体”格局), not work on it
                if text.find("是", max(lo, start - 30), start) >= 0 and _VALUED_BEFORE.search(text, max(lo, start - 30), start) \
                        and _VALUED_AFTER.match(text, end):
                    continue  # what a thing is a means to (…是改善人居环境、提升物业服务能力…的有效途径之一): an aim, no work of it
                if advisors and _advised(text, start, advisors):
                    continue  # what deputies or members advise (委员们提出了建议。…一要…；要加大…投入): their advice
                if text.find("学习", max(0, start - 24), start) >= 0 and _LEARNT_BEFORE.search(text, max(0, start - 24), start) \
                        and _LEARNT_AFTER.match(text, end):
                    continue  # a course's subject, one of a list (学员集中学习社区管理、社区党建等16门课程)
                if _HONOUR_KEY.search(text, end, end + 15) and _HONOUR_AFTER.match(text, end) \
                        and _HONOUR_BEFORE.search(text, max(0, start - 24), start):
                    continue  # a title won (荣获…基层党建示范点荣誉称号): the honour's name, no work it tells of
                if themes:
                    k = bisect_right(themes, start - 2)
                    if k and themes[k - 1] >= start - 40 and _in_theme_clause(text, start):
                        continue
                out.append((start, p.name))
        out.sort()
        return out

    def category(self, name: str) -> str | None:
        p = self.by_name.get(name)
        return p.category if p else None


# deputies, members or a visiting group voicing advice; a segment of their words that opens with 要/应 (一要…, 要加大…,
# 物业管理方面，一要…) in the same paragraph is what they advise the government to do, not what the place did
_ADVICE_WORD = re.compile("提出|建议")
_ADVISOR_BEFORE = re.compile(r"(?:委员|代表|政协|人大|调研组|视察组|检查组|专家)[^。；;！？!?\n]{0,12}$")
_ADVICE_OPENS = re.compile(r"\s*(?:[^，,。；;！？!?\n]{2,12}方面[，,]\s*)?(?:[一二三四五六七八九十]是?)?(?:要|应当?|需要)")


def _advised(text: str, pos: int, advisors: list[int]) -> bool:
    """Is ``pos`` in a segment (since the last 。；) that opens with 要/应, in a paragraph where an advisor spoke before it?"""
    k = bisect_right(advisors, pos)
    if not k:
        return False
    said = advisors[k - 1]
    if text.find("\n", said, pos) >= 0:
        return False
    seg = max(stop_before(text, pos, _SENTENCE_STOPS) if pos > 0 else 0, said)
    return _ADVICE_OPENS.match(text, seg, pos) is not None


def _quoted_question(text: str, lo: int, start: int, end: int, hi: int) -> bool:
    """Is the hit inside a question quoted (“…某小区是否能尽快成立业主委员会？”): its quote opens before it in its sentence
    and closes straight after the question mark that ends it (at ``hi``, the first sentence stop at or after ``end``)?"""
    return text[hi:hi + 1] in ("？", "?") and text[hi + 1:hi + 2] == "”" and text.find("“", lo, start) >= 0 \
        and text.find("”", start, hi) < 0


def _guarded(text: str, pos: int, guard: re.Pattern[str], keep: re.Pattern[str] | None,
             found_at: dict[re.Pattern[str], list[int]]) -> bool:
    """Does the sentence around ``pos`` match a practice's ``guard`` and not its ``keep`` pattern? Each pattern's matches
    over ``text`` are found once (``found_at``): a text without sentence ends is one sentence, searched once, not per hit."""
    lo = stop_before(text, pos, _SENTENCE_STOPS) if pos > 0 else 0
    hi = stop_at_or_after(text, pos, _SENTENCE_STOPS)

    def within(rx: re.Pattern[str]) -> bool:
        at = found_at.get(rx)
        if at is None:
            at = found_at[rx] = [m.start() for m in rx.finditer(text)]
        k = bisect_right(at, lo - 1)
        return k < len(at) and at[k] < hi

    return within(guard) and not (keep is not None and within(keep))


def _inside_any(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test ``pos in any span`` in O(log n) (spans may nest or overlap)."""
    spans = sorted(spans)
    starts = [s for s, _e in spans]
    reach: list[int] = []  # the furthest end among the spans up to each one
    for _s, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)

    def inside(pos: int) -> bool:
        k = bisect_right(starts, pos)
        return k > 0 and reach[k - 1] > pos

    return inside




# what a place lacks or finds wrong is not what it does: the words right after a hit, in its clause,
# that say the thing is short or a problem, and the words before it that say it is missing
_PROBLEM_WORDS = (r"(?:有限|不足|不够|缺乏|匮乏|薄弱|滞后|难点|难题|困难|短缺|紧张|不到位|"
                  r"不完善|不健全|不规范|偏少|偏低|较差|欠缺|不畅|多[、，,])")
_PROBLEM_AFTER = re.compile(r"[^，。；,;！？!?\n]{0,4}?" + _PROBLEM_WORDS)
# a problem word opens within 5 characters of the hit's end: those characters are searched for it first (the lazy
# opening of ``_PROBLEM_AFTER`` tries every word at each of 5 offsets, ≈ 4,000 instructions a hit without one)
_PROBLEM_OPENING = re.compile(opening_class(_PROBLEM_WORDS) or ".")
# residents, members or deputies asking, earlier in the sentence: 居民建议/希望…, 代表提出…
# the topic of a sentence that calls it a problem (小区物业管理是城市化进程中不可忽视的民生问题): no work named
# (its 是 stands within 5 characters of the cue's end, and _IDEA_AFTER's 的 within 10: looked for first)
_IS_A_PROBLEM = re.compile(r"[^，。；,;！？!?\n]{0,4}?是[^，。；,;！？!?\n]{0,24}?(?:问题|难题|难点|痛点|短板)[。；;！!]")
# a practice named as an idea that came about (“红色物业”的提出，标志着…; …理念的出现): what the idea meant, no work named
_IDEA_AFTER = re.compile(r"[^，,。；;！？!?\s“”\"]{0,6}[”\"]?(?:理念|概念|模式)?的(?:提出|出现|诞生|兴起)")
_ASK_WORDS = "建议|希望|盼望|期盼|呼吁|要求"
_ASKED_BEFORE = re.compile(r"(?:居民|群众|村民|业主|老人|委员|代表|大家)[^，,。；;！？!?\n]{0,4}(?:" + _ASK_WORDS + r")|[“，,]建议")
# every match of _ASKED_BEFORE holds one of the asking words: a stretch without any (found by a scan that
# skips ahead to their first characters) is not searched with the whole pattern, tried at each offset
_ASK_WORD = re.compile(_ASK_WORDS)
_SENTENCE_STOPS = "。；;！？!?\n"
# the role a thing plays in a structure, one of several listed (建立以党组织为领导核心、以居委会为主体、以社区社会组织为支撑
# 的…格局): what it rests on names no work done on it; the core it is led by (为领导核心) is its own claim
_ROLE_BEFORE = re.compile(r"以[^，,。；;：:！？!?\n、]{0,10}$")
_ROLE_AFTER = re.compile(r"[^，,。；;：:！？!?\n、]{0,4}?为(?:支撑|主体|补充|纽带|骨干|基础)[、的]")
# a model's component that states such a role (社区社会组织为支撑, of 以…为支撑): no work on what it names
ROLE_COMPONENT = re.compile(r"[^，,。；;：:！？!?\n、]{1,14}为(?:支撑|主体|补充|纽带|骨干|基础)")
# what every plaque, inspection or department demands of a community (挂牌设点几乎都要求专门的办公场地, 各部门检查均要求社区
# 提供…): the burden the community complains of, not work it does
_DEMANDED_BEFORE = re.compile(r"(?:都|均|一律|往往|总是|动辄|全都)要求[^，,。；;：:！？!?\n]{0,12}$")
# what a rule says should be given, in the cue's clause (应为其提供经费, 应当给予…保障): a requirement, not work done
_SHOULD_GIVE = re.compile(r"(?<![响适反相供对效感呼顺])应(?:当|该)?(?:为[^，,。；;：:！？!?\n]{0,6}?)?(?:提供|给予|予以)"
                          r"[^，,。；;：:！？!?\n]{0,8}$")
# (缺 alone straight before the cue too: 长期无场所、无专职队伍、缺经费 names what is lacking)
_LACK_BEFORE = re.compile(r"(?:缺乏|缺少|没有|难以|急需|亟需|亟待)[^，。；,;！？!?\n]{0,14}$|缺(?![席陷点])[^，。；,;、！？!?\n]{0,2}$")
# one of a list of the rules or requirements a reading or a document makes clear (明确业委会成立条件、议事规则及公共收益管理
# 要求): what the rules say, no work of the practice done (in simplified or traditional characters, as the page has it)
_RULES_LISTED_BEFORE = re.compile(r"明[确確](?:了)?[^，,。；;：:！？!?\n]{0,30}[、及和與与][^，,。；;：:！？!?\n、]{0,8}$|"
                                  r"明[确確](?:了)?[^，,。；;：:！？!?\n、]{0,12}$")
_RULES_LISTED_AFTER = re.compile(r"[^，,。；;：:！？!?\n]{0,4}?(?:[、及和與与][^，,。；;：:！？!?\n]{0,20}?)?"
                                 r"(?:要求|規定|规定|标准|標準)(?=$|[，,。；;：:！？!?\n])")
# a wider unit's event (全区/全省/全国…班、会、赛) the text says was held in a place (在某市举办): the event's, not the host's
_HOSTED_BEFORE = re.compile(r"全(?:国|省|区|自治区|州|盟)[^，,。；;：:！？!?\n]{0,28}$")
_HOSTED_AFTER = re.compile(r"[^，,。；;：:！？!?\n]{0,8}?(?:班|会|赛|论坛)[^，,。；;：:！？!?\n在]{0,4}?"
                           r"在[^，,。；;：:！？!?\n]{1,12}?[省市州盟县区旗](?:举办|举行|召开|开班|开幕)")
# what something is a means or a step to (合并管理是…、提升物业服务能力、…的有效途径之一): the practice named is the aim it serves,
# no work of it — 是 before the hit in its clause, a means' noun closing the clause after it
_VALUED_BEFORE = re.compile(r"是[^，,。；;：:！？!?“”]{0,30}$")
_VALUED_AFTER = re.compile(r"[^，,。；;：:！？!?]{0,40}?的(?:重要|有效|必要|根本|关键|具体|基本|主要)?"
                           r"(?:举措|途径|方法|手段|抓手|路径|方式|载体|办法)(?:之一)?(?=$|[，,。；;！？!?])")
_PHRASE_STOPS = "。；;！？!?\n：:，,"
# a subject a course teaches, one of a list (学员集中学习社区管理、社区党建、社区宣传等16门课程): no work of it told
# (a visitor learning about a list of the place's work, 详细了解…等方面的情况, still tells of it: the annotations count it)
_LEARNT_BEFORE = re.compile(r"学习[^，,。；;：:！？!?\n]{0,20}$")
_LEARNT_AFTER = re.compile(r"[^，,。；;：:！？!?\n]{0,40}?等(?:\d+|[一二三四五六七八九十]+)?(?:门|项)?(?:课程|课)")
# the name of a title a place won (荣获…示范点荣誉称号, 被评为…示范社区)
_HONOUR_BEFORE = re.compile(r"(?:荣获|获评|获得|被评为|被授予|被命名为)[^，,。；;：:！？!?\n]{0,20}$")
_HONOUR_AFTER = re.compile(r"[^，,。；;：:！？!?\n]{0,12}?(?:称号|荣誉|奖)")
_HONOUR_KEY = re.compile("[称荣奖]")  # (a hit with none of them just after it is no title's name: searched first)
_THEME = re.compile("围绕")
# the end of a list of themes: 围绕环境整治、老旧小区改造等主题 / …等社区综合治理 / …方面
_THEME_LIST_END = re.compile(r"等|(?:主题|话题|议题|内容|方面|领域|课题)\s*$")


def _in_theme_clause(text: str, pos: int) -> bool:
    """Is ``pos`` inside a list of themes, 围绕 A、B 等主题 (围绕 within the 40 characters before it,
    in the same comma-delimited phrase, which goes on to 等 or a word like 主题)? 围绕 before an
    action (围绕探索构建…架构) or a phrase that ended before ``pos`` (围绕“…”主题，与居民座谈) is no list."""
    lo = max(0, pos - 40, stop_before(text, pos, _PHRASE_STOPS) if pos > 0 else 0)
    if "围绕" not in text[lo:pos]:
        return False
    hi = min(stop_at_or_after(text, pos, _PHRASE_STOPS), pos + 60)
    return _THEME_LIST_END.search(text, pos, hi) is not None


# a list of what is talked over (共同协商…改造、成立小区业委会、…等民生问题) or of the fields working groups are set up
# for (成立权责清单及编制优化、…、物业管理服务6个工作小组): its items are topics, not work done (the annotated sets
# count them among a document's practices, so they stay; the practice mentions step cites another sentence first)
_TALKED_OVER = re.compile(r"协商|商议|商讨|商量|讨论|议定|座谈")
_TOPICS_END = re.compile(r"等[^，,。；;：:！？!?\n]{0,6}?(?:问题|事项|议题|事宜|难题|诉求|话题)")
_GROUPS_END = re.compile(r"(?:等)?\d+个(?:工作|专项|专题)?(?:小组|专班|工作组)")
_GROUPS_END = class_led(_GROUPS_END)  # (the same matches, tried where one can open)


def in_topic_list(text: str, pos: int) -> bool:
    """Is ``pos`` an item of a list of topics talked over (协商 A、B 等问题: 协商 before it in its comma phrase,
    等…问题 after it) or of working groups' fields (A、B N个工作小组)?"""
    lo = max(0, pos - 40, stop_before(text, pos, _PHRASE_STOPS) if pos > 0 else 0)
    hi = min(stop_at_or_after(text, pos, _PHRASE_STOPS), pos + 80)
    if _GROUPS_END.search(text, pos, hi):
        return True
    return _TALKED_OVER.search(text, lo, pos) is not None and _TOPICS_END.search(text, pos, hi) is not None


def _first_chars(pattern: str) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with, or None when that cannot be told
    (a class with categories, a negated class, ``.``, a lookahead, a case-insensitive part).

    Used to put a one-character lookahead in front of a cue pattern: Python's regex engine tries
    every alternative at every offset, while a character-set test rejects most offsets at once."""
    try:
        from re import _constants as C  # Python ≥ 3.11
        from re import _parser as P
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as C  # type: ignore[no-redef]
        import sre_parse as P  # type: ignore[no-redef]

    def first(seq) -> tuple[set[str] | None, bool]:
        """(possible first chars, whether ``seq`` can match the empty string)."""
        acc: set[str] = set()
        for op, av in seq:
            if op is C.LITERAL:
                return acc | {chr(av)}, False
            if op is C.IN:
                chars: set[str] = set()
                for iop, iav in av:
                    if iop is C.LITERAL:
                        chars.add(chr(iav))
                    elif iop is C.RANGE and iav[1] - iav[0] < 256:
                        chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
                    else:
                        return None, False
                return acc | chars, False
            if op is C.SUBPATTERN:
                _group, add_flags, _del_flags, sub = av
                if add_flags & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_LOCALE):
                    return None, False
                got, nullable = first(sub)
            elif op is C.BRANCH:
                got, nullable = set(), False
                for alt in av[1]:
                    g, n = first(alt)
                    if g is None:
                        return None, False
                    got |= g
                    nullable = nullable or n
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT if hasattr(C, "POSSESSIVE_REPEAT") else None):
                lo, _hi, sub = av
                got, nullable = first(sub)
                nullable = nullable or lo == 0
            elif op is C.ASSERT_NOT and av[0] == -1:
                continue  # a negative lookbehind consumes nothing and looks only backwards
            elif op is C.AT:
                continue
            else:
                return None, False
            if got is None:
                return None, False
            acc |= got
            if not nullable:
                return acc, False
        return acc, True

    try:
        parsed = P.parse(pattern)
        chars, nullable = first(parsed)
    except Exception:  # noqa: BLE001 - any parser surprise just means "no prefilter"
        return None
    if parsed.data:
        op, av = parsed.data[0]
        if op is C.LITERAL or op is C.IN or (op is C.BRANCH and all(alt.data and alt.data[0][0] is C.LITERAL
                                                                    for alt in av[1])):
            return None  # the engine already skips ahead on a literal or character-set prefix
    return frozenset(chars) if chars and not nullable else None


def _with_prefilter(pattern: str) -> str:
    """``pattern`` behind a lookahead on its possible first characters (same matches, faster scan
    where the engine finds no prefix of its own, e.g. a branch that opens with a group)."""
    chars = _first_chars(pattern)
    if not chars:
        return pattern
    cls = "".join(re.escape(c) for c in sorted(chars))
    return f"(?=[{cls}])(?:{pattern})"


def _compile(entry: dict, path: Path) -> Practice:
    try:
        name = entry["name"]
        parts = [re.escape(a) for a in entry.get("aliases", [])] + list(entry.get("cues", []))
        pattern = re.compile(_with_prefilter("|".join(f"(?:{p})" for p in parts)) if parts else re.escape(name))
        guard, keep = entry.get("sentence_guard"), entry.get("sentence_keep")
        guards = tuple((re.compile(g["guard"]), re.compile(g["keep"]) if g.get("keep") else None)
                       for g in entry.get("sentence_guards", []))
        return Practice(name=name, category=entry["category"], definition=entry["definition"],
                        aliases=tuple(entry.get("aliases", [])), pattern=pattern,
                        guard=re.compile(guard) if guard else None, keep=re.compile(keep) if keep else None,
                        guards=guards)
    except (KeyError, re.error) as exc:
        raise ConfigError(f"{path}: practice entry {entry.get('name', '?')!r} is invalid ({exc}); "
                          "fix the entry (name, category, definition, aliases, cues)") from None


def load_taxonomy(path: Path | str = TAXONOMY_PATH) -> Taxonomy:
    """Read and compile the taxonomy file; every contract name must be present."""
    return _load_cached(str(path))


@lru_cache(maxsize=4)
def _load_cached(path_str: str) -> Taxonomy:
    path = Path(path_str)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"practice taxonomy {path} not found: restore data/practices.json") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"practice taxonomy {path} is not valid JSON ({exc}): fix the file") from None
    practices = [_compile(e, path) for e in raw.get("practices", [])]
    names = {p.name for p in practices}
    missing = [n for n in CANONICAL_PRACTICES if n not in names]
    if missing:
        raise ConfigError(f"practice taxonomy {path} lacks the canonical practices {missing}: "
                          "add them back (they may never be renamed or removed)")
    return Taxonomy(practices)


# “…”/《…》 quoted material that is the proposal itself: followed by 收悉 or 的议案/提案/建议, or a
# quote whose words end with 建议/提案/议案 (a reply's title: 关于“…的建议”的答复); a 关于“…”的情况
# heading, or an 在“…”方面 heading quoting a sentence of it (8+ chars), that restates one of its
# suggestions. (written to open with one character class, so the engine skips ahead to “, 《 or 关)
_REQUEST_QUOTE = re.compile(
    r"[“《关](?:(?<=[“《])([^”》]{2,80})[”》]"
    r"(?:(?=(?:的)?(?:议案|提案|建议)?收悉|的(?:议案|提案|建议))|(?<=建议”|提案”|议案”))"
    r"|(?<=关)于[“\"]([^”\"]{2,60})[”\"]的情况"
    r"|(?<=在“)[^“”\n]{8,80}”方面)")

# The proposer's words quoted in the reply: 您在提案中指出“…”, 代表提到：“…” (the verb and quote are
# matched, then the proposer looked for in the words just before the verb).
_REQUEST_SAID = re.compile(r"(?:指出|提出|提到|谈到|认为|反映|所述|写道|强调|要求|明确)[：:，,]?\s*“[^“”]{2,300}”")
# the words of a higher authority quoted (党的二十大报告提出：“…”, 总书记强调“…”, 《意见》明确“…”): the line
# the place follows, not what it did
_AUTHORITY_BEFORE = re.compile(r"(?:报告|讲话|总书记|习近平|党中央|中央|国务院|全会|文件|》)[^“”。；;\n]{0,8}$")
_PROPOSER_BEFORE = re.compile(r"(?:您|你们?|贵委|代表|委员|提案|建议|议案)[^“”。；;\n]{0,10}$")

# The proposal restated without quotes: its title (您提出的关于…的建议收悉, 您提出的《关于…的提案收悉 with
# its 《 left open, 针对您提出的关于…的建议，…) and the list of what it suggests (提出了A、B、C等建议, …等16条协商建议). Both say what was asked for,
# not what the place does.
_REQUEST_PLAIN = re.compile(
    r"提出(?:的|了)?(?:(《?关于[^“”《》。；;！？!?\n]{2,80}?的?(?:建议|提案|议案)(?:[(（][^()（）\n]{0,20}[)）])?"
    r"(?:的(?:提案|议案))?(?:已)?收悉)"
    r"|([^“”《》。；;！？!?\n]{2,150}?等(?:\d+|[一二三四五六七八九十两]+)?(?:条|项|个)?(?:协商|具体|意见)?(?:建议|意见))"
    r"|(关于[^“”《》。；;！？!?\n]{2,80}?的?(?:建议|提案|议案))(?=[，,。]))")
# a rule's words quoted, one or several, as what a reply follows (关于“…”“…”及“每百户拥有社区综合服务设施面积不低于30平方米”的精神):
# the standard's words, not the place's work
_RULE_QUOTED = re.compile(r"“[^“”\n]{4,80}”(?=(?:[及和与、]?“[^“”\n]{4,80}”)*的(?:精神|规定|要求))")
# a reply's title line quoting the proposal's title without quotes (关于增设某某服务站建议的答复): what was asked for
_REPLY_TITLE_LINE = re.compile(r"(?m)^[ \t　]*关于[^“”《》。；;！？!?\n]{2,80}?的?(?:建议|提案|议案)的?(?:答复|回复|复函)[ \t　]*$")


# The reply thanking the proposer (您的建议充分体现了…对我区物业管理工作的高度重视、关心和支持): the field
# it names is what the proposer cares about, not work the place reports
_ACKNOWLEDGED = re.compile(r"(?:建议|提案|议案|意见)[^。；;！？!?\n]{0,8}?体现了?([^。；;！？!?\n]{2,60}?)的?(?:高度)?(?:重视|关心|关注|关切)")

# A line crediting where a page's text comes from (内容 / 综合整理转载自某办公室、某媒体, 来源：…, 摘自…): the names in
# it are sources, not work the place reports
# (来源 with or without the word before it, 稿件/信息/内容/文章, is written out as one alternative each: every
# alternative then opens with a literal, and the engine skips ahead to their first characters instead of trying
# the pattern at every offset of a text that holds one of the keys credit_spans looks for — 7× faster a scan)
_CREDIT = re.compile(r"(?:转载自|转自|摘自|" + "|".join(w + r"来源\s*[:：]" for w in ("稿件", "信息", "内容", "文章", ""))
                     + r"|综合整理(?:自)?)[^。\n]{0,120}")


# A proposal published as it was filed (提案选登: 案由 / 提案人 / 理由 / 建议 blocks): its title line
# (关于…的提案, also after 案由:) and its 建议 block ask for things; they are not the place's work.
_PROPOSAL_HEADER = re.compile(r"(?m)^[ \t　]*(?:案[ \t　]*由|提案人|提案者|建议人)")
_PROPOSAL_HEADER_OPENS = opening_chars(_PROPOSAL_HEADER.pattern)  # (a line opening with none of them holds no header)
_PROPOSAL_TITLE_LINE = re.compile(
    r"(?m)^[ \t　]*(?:案[ \t　]*由(?:[（(]标题[)）])?[ \t　]*[:：][ \t　]*)?关于[^\n]{2,80}的(?:提案|建议|议案)[ \t　]*$")
_SUGGESTION_LABEL = re.compile(r"(?m)^[ \t　]*(?:具体)?建[ \t　]*议[ \t　]*[:：]")
_NEXT_LABEL = re.compile(r"(?m)^[ \t　]*(?:案[ \t　]*由|提案人|提案者|理[ \t　]*由|内[ \t　]*容|办理(?:情况|结果|意见)|答复)")


def _filed_proposal_spans(text: str) -> list[tuple[int, int]]:
    starts = line_starts(text)
    if _PROPOSAL_HEADER_OPENS is not None:
        starts = [s for s in starts if text[s:s + 1] in _PROPOSAL_HEADER_OPENS]
    if next(finditer_at(_PROPOSAL_HEADER, text, starts), None) is None:  # (tried at line starts only)
        return []
    spans = [(m.start(), m.end()) for m in _PROPOSAL_TITLE_LINE.finditer(text)]
    for m in _SUGGESTION_LABEL.finditer(text):
        nxt = _NEXT_LABEL.search(text, m.end())
        spans.append((m.start(), nxt.start() if nxt else len(text)))
    return spans


# where someone goes to look (县领导深入社区党群服务中心、小区楼栋实地调研): the place visited, not work done
# (also a list of stops a visitor goes through, 深入…党群服务中心、…小区等地，…详细了解…: 等地 ends it)
_VISITED = re.compile(r"(?:深入|走进|来到|前往|赴)(?:了)?([^，,。；;！？!?\n]{2,30}?)(?:实地|现场)?"
                      r"(?:调研|检查|视察|察看|走访|慰问|考察)"
                      r"|(?:深入|先后来到|先后到|前往|赴)(?:了)?([^，,。；;！？!?\n]{2,60}?)等(?:地|处)[，,]")
# where a match of _VISITED can start: each of its going words opens with one of these (先后 for 先后来到/先后到),
# none of which can start inside another, so one scan that skips ahead to them lists every start (the pattern
# itself opens with two groups of words, which leave the engine no first characters to skip ahead with)
_VISIT_KEY = re.compile(r"深入|走进|来到|前往|赴|先后")


def visited_spans(text: str) -> list[tuple[int, int]]:
    """Spans naming where someone goes to look (深入…党群服务中心…实地调研): a visit's destination names no
    practice of the place (a leader inspecting a service centre reports no centre built)."""
    if "调研" not in text and "检查" not in text and "视察" not in text and "察看" not in text \
            and "走访" not in text and "慰问" not in text and "考察" not in text:
        return []
    starts = [k.start() for k in _VISIT_KEY.finditer(text)]
    return [m.span(1) if m.start(1) >= 0 else m.span(2) for m in finditer_at(_VISITED, text, starts)]


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Lines crediting a page's sources (``综合整理转载自某市物业管理服务提升行动领导小组办公室``): they name
    where the text comes from, not work the place does."""
    if "转" not in text and "摘" not in text and "来源" not in text and "整理" not in text:
        return []
    return [m.span() for m in _CREDIT.finditer(text)]


_QUESTION = re.compile(r"[^。；;！？!?\n]*[？?]")
# one put to a resident or a reader (您…, …有什么建议): a rhetorical question in a report (…这一举措是如何
# 把问题解决在基层的？) still tells what was done
_ASKS_SOMEONE = re.compile(r"您|有什么(?:建议|意见|想法|需求)|有何(?:建议|意见)")


def question_spans(text: str) -> list[tuple[int, int]]:
    """Questions put to someone (``您对如何开展志愿服务工作有什么建议？``): they name what is asked about,
    not work the place does."""
    if "？" not in text and "?" not in text:
        return []
    return [m.span() for m in _QUESTION.finditer(text) if _ASKS_SOMEONE.search(text, *m.span())]


def quoted_request_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text that quote the proposal being answered (not the place's own work)."""
    spans = [(m.start(), m.end()) for m in finditer_at(_REQUEST_QUOTE, text, stop_positions(text, "“《关"))]
    spans.extend((m.start(), m.end()) for m in _REQUEST_SAID.finditer(text)
                 if _PROPOSER_BEFORE.search(text, max(0, m.start() - 12), m.start())
                 or _AUTHORITY_BEFORE.search(text, max(0, m.start() - 14), m.start()))
    spans.extend((m.start(), m.end()) for m in _REQUEST_PLAIN.finditer(text))
    if "关于" in text:
        spans.extend(m.span() for m in _REPLY_TITLE_LINE.finditer(text))
    if "”的" in text:
        spans.extend(m.span() for m in _RULE_QUOTED.finditer(text))
    spans.extend((m.start(1), m.end(1)) for m in _ACKNOWLEDGED.finditer(text))
    spans.extend(_filed_proposal_spans(text))
    return spans


# where residents live, which a bracket may name another way (小区（网格）): a unit, not the work of its other name
_DWELLING_UNITS = frozenset({"小区", "社区", "院落", "楼院", "楼栋", "片区"})


def glossed_cue(text: str, pos: int, cue: re.Pattern[str] | None) -> bool:
    """Is the cue at ``pos`` all a short bracket after where residents live says (``党员干部到居住地小区（网格）报到``)?
    It names that unit another way, not work the measure does: no practice of the measure (the document's practices
    keep it). A bracket after another word may say what the thing is (13个共享工作站(社工站)已建成): it counts."""
    if pos < 3 or text[pos - 1] not in "（(" or text[pos - 3:pos - 1] not in _DWELLING_UNITS or cue is None:
        return False
    found = cue.match(text, pos)
    return found is not None and text[found.end():found.end() + 1] in ("）", ")")


def document_practices(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Canonical practices a whole document describes, skipping quotes of the proposal."""
    tax = taxonomy or load_taxonomy()
    return tax.match_spans(text, quoted_request_spans(text))
