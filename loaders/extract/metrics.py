"""Extraction step: figures (counts, money, shares, areas) with their units.

A figure is an Arabic number, optionally a range (10-15户), optionally 万/亿, optionally 余/多,
then a unit (个、人、万元、%、平方米、元/月 …). ``as_written`` is the shortest number+unit
substring (余/多 inside it kept, 约/近/以上 around it left out); the value drops 余/多 and 万 stays
in the unit (48万余人 → 48 万人). Skipped, because they are not quantities of work: numbers
after 第 (issue numbers, ordinals), durations (连续2年, 5年来 have no counted unit), numbers inside
quotes or titles (they are names: “3个100%”, “40工程”), structural counts (3个方面, 6个特点), and
national statistics (全国/我国 …) that do not measure the place's own work.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from loaders.extract.context import Context
from loaders.extract.text_utils import cached_regex as _rx
from loaders.record import MetricRec

__all__ = ["UNIT_NORMAL", "extract_metrics", "find_metrics"]

# Longest first. 名 → 人, 平米 → 平方米 (the gold convention).
_UNITS = (
    "元/人/月", "元/月", "元/年", "元/人", "万人次", "人次", "户次", "平方公里", "平方米", "平米", "公里",
    "亿元", "万元", "元", "个", "家", "人", "名", "户", "处", "项", "条", "所", "次", "期", "场", "件",
    "支", "座", "间", "张", "篇", "批", "岁", "分", "%", "％", "亩", "套", "栋", "辆", "台", "类", "位",
    "份", "场次", "千米", "公顷",
)
UNIT_NORMAL = {"名": "人", "平米": "平方米", "％": "%", "位": "人"}
# 份 (copies in a distribution list) and 位 are only figures with a 万 in front.
_WEAK_UNITS = {"份", "位", "类"}

_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_FIG_RE = re.compile(
    # (?<!…) after the first digit, not in front: a pattern that opens with a digit class lets the
    # engine skip ahead to digits, one that opens with a lookbehind is tried at every offset
    r"(\d(?<![\d.\-/]\d)\d*(?:\.\d+)?)(?:\s*[-~～—至]\s*\d+(?:\.\d+)?)?"
    r"(\s*(?:余|多)?\s*(?:万|亿)?\s*(?:余|多)?\s*)"
    rf"({_UNIT_RE})"
)
# A count written straight before a quoted facility name, with no measure word: 47“雷锋驿站”.
_QUOTED_COUNT_RE = re.compile(r"(\d(?<![\d.\-/]\d)\d*)(“[^”“\n]{2,12}”)")
_STRUCTURAL_AFTER = re.compile(r"^(?:方面|特点|部分|阶段|环节|步骤|层面|维度|板块|章|节|条意见)")
_NATIONAL = re.compile(r"全国|我国|中国|国家层面")
_YEAR_RE = re.compile(r"(\d\d{3})\s*年")  # (\d first: the engine then skips ahead to digits)
_CLAUSE_STOP = "，,。；;：:！？!?\n（(）)"
_LEAD_TRIM = re.compile(r"^(?:其中|共|累计|总计|已|全市|全区|全县|目前|截至目前|同时|并|及|和|达|达到|约|近|超过|有)+")
_TAIL_TRIM = re.compile(r"(?:共|累计|达到|达|约|近|超过|有|为|占|共有|已有|投入|安排|筹集|增长)+$")


def _quoted_or_titled(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for open_c, close_c in (("“", "”"), ("《", "》"), ("「", "」")):
        for m in re.finditer(re.escape(open_c) + r"[^" + close_c + open_c + r"\n]{0,40}" + re.escape(close_c), text):
            spans.append((m.start(), m.end()))
    return spans


class _Stops:
    """Offsets of the stop characters of one text, for fast clause/sentence bounds."""

    def __init__(self, text: str, stops: str):
        self.n = len(text)
        self.pos = [m.start() for m in re.finditer("[" + re.escape(stops) + "]", text)]

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.pos, pos - 1)
        lo = self.pos[i - 1] + 1 if i else 0
        j = bisect_left(self.pos, pos)
        hi = self.pos[j] if j < len(self.pos) else self.n
        return lo, hi


_AFTER_LEAD = re.compile(r"^(?:以上|左右|以内|余|多)")
_AFTER_SPLIT = re.compile(r"[的、]|以上|左右|用于|进行|参加|参与|开展|全覆盖|和|\d")
_BEFORE_CUT = re.compile(r"\d[\d.]*[^\d]{0,3}?(?:个|人|元|家|户|%|处|项)|[、和及与]")
_BEFORE_TRIM = re.compile(r"^(?:按照|每个|每年|按)+|(?:不低于|不少于|不超过|提标至|至|按)$")
_DATE_HEAD = re.compile(r"^[年月日]")
# characters of context read on each side of a figure for its subject (the subject is ≤ 24)
_WINDOW = 64


def _subject(text: str, start: int, end: int, clauses: _Stops) -> str:
    lo, hi = clauses.bounds(start)
    # windows, so that a clause without punctuation (a run of figures) costs O(1) per figure
    lo, hi = max(lo, start - _WINDOW), min(hi, end + _WINDOW)
    after = text[end:hi].strip()
    after = _AFTER_LEAD.sub("", after)
    after = _AFTER_SPLIT.split(after, maxsplit=1)[0].strip()
    if 2 <= len(after) <= 16 and not _DATE_HEAD.match(after):
        return after[-24:]  # the words after the figure name it: the context before is not read
    before = text[lo:start]
    cuts = list(_BEFORE_CUT.finditer(before))
    cut = cuts[-1].end() if cuts else 0
    if cuts and cut == len(before) and before[cuts[-1].start()].isdigit():
        # 50项372条: the same things counted in two units share the subject before the first
        first = cuts[-1].start()
        cut = max((m.end() for m in cuts if m.end() <= first), default=0)
        before = before[:first]
    before = _TAIL_TRIM.sub("", _LEAD_TRIM.sub("", before[cut:].strip()))
    before = _BEFORE_TRIM.sub("", before)
    phrase = before or after
    return phrase[-24:] if phrase else ""


def find_metrics(text: str) -> list[MetricRec]:
    """Every figure in ``text`` that counts or spends something."""
    skip = _quoted_or_titled(text)
    skipped = bytearray(len(text) + 1)
    for s, e in skip:
        skipped[s:e] = b"\x01" * (e - s)
    clauses, sentences = _Stops(text, _CLAUSE_STOP), _Stops(text, "。；;！？!?\n")
    # found once over the whole text and bisected per figure (a per-sentence scan is quadratic
    # in a sentence that holds thousands of figures)
    national = [(n.start(), n.end()) for n in _NATIONAL.finditer(text) if not skipped[n.start()]]
    national_starts = [a for a, _b in national]
    years = [(y.start(), y.end(), int(y.group(1))) for y in _YEAR_RE.finditer(text)]
    year_ends = [b for _a, b, _y in years]
    out: list[MetricRec] = []
    seen: set[tuple[str, str]] = set()
    for m in _FIG_RE.finditer(text):
        start, end = m.start(), m.end()
        if skipped[start]:
            continue
        raw_unit = m.group(3)
        mid = m.group(2)
        mult = "亿" if "亿" in mid else "万" if "万" in mid else ""
        if raw_unit in _WEAK_UNITS and not mult:
            continue
        pre = text[max(0, start - 2):start]
        if pre.endswith("第") or _rx(r"第\s*$").search(pre):
            continue
        if _STRUCTURAL_AFTER.match(text[end:end + 4]):
            continue
        if raw_unit in ("期", "次", "场", "批") and _rx(r"^\s*(?:会议|全会|人代会)").match(text[end:end + 4]):
            continue
        s_lo, _s_hi = sentences.bounds(start)
        k = bisect_left(national_starts, s_lo)
        if k < len(national) and national[k][1] <= start:
            continue  # 全国/我国… earlier in the sentence, outside quotes
        unit = UNIT_NORMAL.get(raw_unit, raw_unit)
        if mult and unit not in ("%",):
            unit = mult + unit if not unit.startswith(mult) else unit
        value = float(m.group(1))
        as_written = text[start:end]
        ctx_key = (as_written, text[max(0, start - 5):start])
        if ctx_key in seen:  # the same figure restated in the same words (（含单位管理15个）)
            continue
        seen.add(ctx_key)
        k = bisect_right(year_ends, start) - 1  # the last YYYY年 ending before the figure, same sentence
        year = years[k][2] if k >= 0 and years[k][0] >= s_lo else None
        if year is not None and not 1900 < year < 2100:
            year = None
        out.append(MetricRec(subject=_subject(text, start, end, clauses) or None, value=value, unit=unit,
                             year=year, as_written=as_written, start=start, end=end))
    for m in _QUOTED_COUNT_RE.finditer(text):
        if skipped[m.start()] or text[max(0, m.start() - 1):m.start()] == "第":
            continue
        out.append(MetricRec(subject=m.group(2).strip("“”"), value=float(m.group(1)), unit="个",
                             year=None, as_written=m.group(0), start=m.start(), end=m.end()))
    out.sort(key=lambda r: r.start)
    return out


def extract_metrics(ctx: Context) -> None:
    ctx.metrics.extend(find_metrics(ctx.text))
