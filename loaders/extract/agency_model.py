"""Agency mentions the grammar of :mod:`loaders.extract.agencies` misses, proposed by a trained classifier.

A candidate is a span of hanzi that ends in an agency head word of a class vocabulary (局 厅 委 办 部 中心 站
所 队 院 会 处 室 小组 专班 社 署 政府 人大 政协 …, the head's character not inside a longer word: 委员, 会议,
部署) and starts at most ``MAX_LEN`` characters before it, inside one run of hanzi. Its score is a
logistic regression's: the weights of

* its end — the head character, the last two and three characters, the one and two characters after it;
* its start — the first one and two characters, the one and two characters before it, how the start is
  bounded (no hanzi before it, a function character, a place name of the gazetteer opening there, a level
  character, the end of an agency the grammar found), and whether a common verb opens it;
* its length, its start's kind with its head's character, and the character pairs inside it.

The parts are sums over the span's ends and inner pairs, so a text's candidates are scored with a few
lookups each (prefix sums of the pairs' weights). For each end the best start is kept; spans over the
threshold that overlap neither the grammar's agencies nor a better span are proposed. The caller names
them with the grammar's own place logic (``agencies._model_mentions``).

Trained by ``benchmarks/agency_model.py`` from the tuning sets' gold (a gold agency's ``as_written``
found in its text is a positive span: the gold has no offsets); the weights ship as
``agency_model.json`` beside this module and load with no download.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from loaders.extract.quote_model import QuoteModel
from loaders.extract.text_utils import is_common_word, lexicon_entry, stop_positions

__all__ = ["MAX_LEN", "AgencyCandidate", "candidates", "load_agency_model", "propose", "span_features"]

MAX_LEN = 14  # the longest span tried (characters, head included)

# head characters; a head word of two characters where the last one alone is an ordinary character
_HEAD_CHARS = "局厅委办部心站所队院会处室组班社署府大协联校"
_HEAD_WORDS = {"心": ("中心",), "组": ("小组",), "班": ("专班",), "府": ("政府",), "大": ("人大",),
               "协": ("政协", "科协"), "校": ("党校",)}
# the head's character inside a longer word when followed by these (委员, 会议, 部署, 处理, 所有, 组织 …)
_NOT_BEFORE = {"委": "员托", "办": "法理事好公学", "部": "署门分长队位件", "会": "议上员谈同商场计", "处": "理置于在罚分",
               "所": "有以在属谓得需", "社": "会区", "院": "落子内", "站": "点位", "室": "内外", "联": "合动系络盟",
               "队": "伍员", "局": "面势限", "署": "名", "组": "织成建合长"}
_FUNCTION = set("的了在是对将把被从向等个各全本我该这那其并或以为与及和由于到")
_LEVEL = set("省市区县州")
_PAIR_HEADS = set("局委办部会处所站队院室")


@dataclass(frozen=True)
class AgencyCandidate:
    start: int
    end: int


def _kind(text: str, s: int, admin_starts: frozenset[int] | set[int], rule_ends: set[int]) -> str:
    """How a span starting at ``s`` is bounded on the left."""
    if s in admin_starts:
        return "adm"
    if s in rule_ends:
        return "rule"
    before = text[s - 1:s]
    if not before or not "\u4e00" <= before <= "\u9fff":
        return "open"
    if text[s] in _LEVEL:
        return "lv"
    if before in _FUNCTION:
        return "fn"
    return "in"


def _is_verb(word: str) -> bool:
    entry = lexicon_entry(word)
    return entry is not None and entry[1] in ("v", "vd", "p", "c", "d") and is_common_word(word)


def end_features(text: str, e: int) -> list[str]:
    head = text[e - 1]
    return ["bias", "h:" + head, "h2:" + text[e - 2:e], "h3:" + text[e - 3:e], "a:" + text[e:e + 1],
            "a2:" + text[e:e + 2]]


def start_features(text: str, s: int, admin_starts, rule_ends) -> list[str]:
    kind = _kind(text, s, admin_starts, rule_ends)
    out = ["k:" + kind, "f:" + text[s], "f2:" + text[s:s + 2], "b:" + (text[s - 1:s] or "^"),
           "b2:" + text[max(0, s - 2):s]]
    if _is_verb(text[s:s + 2]) or _is_verb(text[s:s + 3]):
        out.append("verb")
    return out


def _word_features(text: str, s: int, e: int) -> list[str]:
    """What the dictionary says of the span: an ordinary word as a whole (全部, 格局, 大会) or a name the
    dictionary tags as an organisation (民政局); the part of speech of its last two characters."""
    out = []
    whole = lexicon_entry(text[s:e])
    if whole is not None:
        out.append("w:" + whole[1] + ("+" if whole[0] >= 1000 else ""))
    tail = lexicon_entry(text[e - 2:e])
    if tail is not None:
        out.append("t:" + tail[1] + ("+" if tail[0] >= 1000 else ""))
    return out


def _len_feature(n: int) -> str:
    return "n:" + (str(n) if n <= 8 else "9-11" if n <= 11 else "12+")


def pair_features(text: str, s: int, e: int) -> list[str]:
    """The character pairs inside the span (one feature per position: a pair written twice counts twice)."""
    return ["p:" + text[j:j + 2] for j in range(s, e - 1)]


def span_features(text: str, s: int, e: int, admin_starts, rule_ends) -> list[str]:
    """Every feature of the span ``text[s:e]`` (training reads them; ``propose`` sums the same weights)."""
    kind = _kind(text, s, admin_starts, rule_ends)
    return (end_features(text, e) + start_features(text, s, admin_starts, rule_ends)
            + [_len_feature(e - s), "kh:" + kind + text[e - 1]] + _word_features(text, s, e) + pair_features(text, s, e))


def head_ends(text: str) -> Iterator[int]:
    """The offsets just past every head word of the class vocabulary."""
    for p in stop_positions(text, _HEAD_CHARS):
        ch = text[p]
        words = _HEAD_WORDS.get(ch)
        if words is not None and not any(text.startswith(w, p + 1 - len(w)) for w in words):
            continue
        nxt = text[p + 1:p + 2]
        if nxt and nxt in _NOT_BEFORE.get(ch, ""):
            continue
        yield p + 1


def _run_start(text: str, e: int) -> int:
    """The first offset of the run of hanzi that ends at ``e`` (at most ``MAX_LEN`` back)."""
    s = e
    lo = max(0, e - MAX_LEN)
    while s > lo and "\u4e00" <= text[s - 1] <= "\u9fff":
        s -= 1
    return s


def candidates(text: str, blocked: bytearray | None = None) -> Iterator[AgencyCandidate]:
    """Every candidate span: for each head end not inside ``blocked`` (offsets the grammar's agencies
    cover), each start of the same run of hanzi two to ``MAX_LEN`` characters before it whose span
    covers no blocked offset."""
    for e in head_ends(text):
        if blocked is not None and blocked[e - 1]:
            continue
        lo = _run_start(text, e)
        for s in range(e - 2, lo - 1, -1):
            if blocked is not None and blocked[s]:
                break
            yield AgencyCandidate(s, e)


def propose(text: str, model: QuoteModel, blocked: bytearray, admin_starts, rule_ends: set[int],
            ends: Iterable[int] | None = None) -> list[AgencyCandidate]:
    """The spans the model accepts: per head end the best start, over the threshold, none overlapping a
    blocked offset or a better span."""
    w = model.weights
    get = w.get
    start_cache: dict[int, tuple[float, str]] = {}
    scored: list[tuple[float, int, int]] = []
    for e in head_ends(text) if ends is None else ends:
        if blocked[e - 1]:
            continue
        lo = _run_start(text, e)
        if e - lo < 2:
            continue
        base = sum(get(f, 0.0) for f in end_features(text, e))
        head = text[e - 1]
        best = None
        inner = 0.0  # the pairs' weights of text[s:e], grown leftwards
        for s in range(e - 2, lo - 1, -1):
            if blocked[s]:
                break
            inner += get("p:" + text[s:s + 2], 0.0)
            hit = start_cache.get(s)
            if hit is None:
                hit = start_cache[s] = (sum(get(f, 0.0) for f in start_features(text, s, admin_starts, rule_ends)),
                                        _kind(text, s, admin_starts, rule_ends))
            sc = base + hit[0] + inner + get(_len_feature(e - s), 0.0) + get("kh:" + hit[1] + head, 0.0) \
                + sum(get(f, 0.0) for f in _word_features(text, s, e))
            if best is None or sc > best[0]:
                best = (sc, s, e)
        if best is not None and best[0] > model.threshold:
            scored.append(best)
    taken = bytearray(blocked)
    out = []
    for _sc, s, e in sorted(scored, reverse=True):
        if not any(taken[s:e]):
            taken[s:e] = b"\x01" * (e - s)
            out.append(AgencyCandidate(s, e))
    return sorted(out, key=lambda c: c.start)


@lru_cache(maxsize=1)
def load_agency_model() -> QuoteModel | None:
    """The shipped weights (read once per process); None where none ship."""
    path = resources.files("loaders.extract") / "agency_model.json"
    if not path.is_file():
        return None
    return QuoteModel.from_json(path.read_text(encoding="utf-8"))
