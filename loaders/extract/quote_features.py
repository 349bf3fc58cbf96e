"""Features of one quoted phrase, for telling a scheme's name from any other quotation.

A reply or report quotes many things: the names of local schemes (“红茶议事会”, “1+5+N”), slogans
that name a working method (“小事不出网格、大事不出社区”), but also planning periods, catch-phrases,
metaphors, whole sentences, a resident's words, awards and the titles of columns. What tells them
apart is how the quote is written and used, not which words it holds:

- its shape: length, separators inside (、 ， · + —), sentence punctuation, numerals, pronouns and
  particles of speech (我 们 了 吗), whether it is an ordinary dictionary word;
- its last character (names end in 会/室/站/法/制… more often than phrases do) and the characters
  straight around the quote marks (…打造“ / ”品牌 / 以“…”为);
- what the clause says around it: a scheme word after it (模式/机制/品牌…), a naming verb or an
  apposition before it, speech (说：“), an award (获评/入选), a leader's words (总书记/讲话);
- its company: quotes enumerated together with it, a place straight before it, the title line;
- the verdict of the rules in ``models`` (accepted / category term / metaphor).

Each feature is a short string; :mod:`loaders.extract.quote_model` weighs them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.text_utils import is_common_word, lexicon_entry

__all__ = ["FIGURE_VERB", "QuoteView", "quote_features"]

# (every alternative a literal, which the engine skips ahead to: [：:] as a class, or a lookahead, left it nothing to
# skip ahead with)
_SPEECH_BEFORE = re.compile(r"(?:：|:|说|表示|道|讲|称|感慨|坦言|笑言|告诉记者)[\s]{0,2}$")
_AWARD = re.compile(r"获评|荣获|入选|评为|评选|获得|授予|命名为|荣膺|被评|获批|称号|大赛|竞赛|比赛")
_LEADER = re.compile(r"习近平|总书记|党的|中央|十[七八九]大|二十大|全会|讲话|重要指示|重要论述|指出|强调|要求")
_SPEECH_WORDS = re.compile(r"[我你您咱他她]|[了吗呢吧啊呀嘛]")
_SENT_PUNCT = re.compile(r"[。！？!?；;]")
_INNER_SEP = re.compile(r"[、，,；;]")
_CN_NUM = "一二三四五六七八九十百千两双"
_CN_NUM_ANY = re.compile("[" + _CN_NUM + "]")
_DIGIT = re.compile(r"\d")
_DASH = re.compile(r"[—–-]")
_QUESTION = re.compile(r"什么|怎么|怎样|如何|为何|为什么|哪里|哪些|谁|吗$|[？?]")
# a problem the text sets out to solve (破解“…”难题), not a scheme it runs
_PROBLEM_VERB = re.compile(r"(?:破解|解决|避免|打破|改变|告别|摆脱|防止|杜绝|克服|消除|存在|出现|整治|根治)[^，,。；;“”]{0,2}$")
# a figure of speech: the place acts as or becomes the quoted thing (当好“…”, 拧成“…”)
FIGURE_VERB = re.compile(r"(?:成为|当好|争当|争做|变成|拧成|下好|织密|织牢|念好|答好|化身|犹如|如同|好比|变身|充当|扮演|当起|做好|绘就|跑出|按下|架起|打通|畅通|激活)[^，,。；;“”]{0,4}$")


class QuoteView:
    """What the feature function reads about one candidate (filled by ``models``)."""

    __slots__ = (
        "after",
        "before",
        "chain_len",
        "chain_rule",
        "clause_before",
        "in_title",
        "line_head",
        "name",
        "nested",
        "place_before",
        "repeats",
        "rule_accepted",
        "rule_neg",
        "tail_type",
        "type_after",
    )

    def __init__(self, name: str, before: str, after: str, clause_before: str) -> None:
        self.name = name
        self.before = before  # up to 16 chars straight before the opening mark
        self.after = after  # up to 16 chars straight after the closing mark
        self.clause_before = clause_before  # the sentence before the quote, at most 40 chars
        self.rule_accepted = False
        self.rule_neg = ""
        self.type_after = ""
        self.tail_type = ""
        self.chain_len = 1
        self.chain_rule = False
        self.place_before = False
        self.in_title = False
        self.line_head = False
        self.nested = False
        self.repeats = 1


# half-width punctuation read as its full-width form: pages write either, and a feature learned on one
# must hold for the other (“…”, and “…”， are the same context)
_WIDTH = str.maketrans(",;:()!?", "，；：（）！？")


def _len_bin(n: int) -> str:
    for top, label in ((1, "1"), (2, "2"), (3, "3"), (4, "4"), (6, "5-6"), (8, "7-8"), (12, "9-12"), (20, "13-20")):
        if n <= top:
            return label
    return "21+"


@lru_cache(maxsize=4096)
def _name_features(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The features of ``quote_features`` that read the quoted name alone, in their order there: those
    before the words in front of the quote are read, and those after. Kept per name: a document quotes
    its schemes again and again, and the same names recur across documents."""
    core = name.replace(" ", "")
    f = ["bias", "len=" + _len_bin(len(core))]
    seps = len(_INNER_SEP.findall(name))
    if seps:
        f.append("seps=" + ("1" if seps == 1 else "2" if seps == 2 else "3+"))
        if "，" in name or "," in name:
            f.append("comma")
    if _SENT_PUNCT.search(name):
        f.append("sent_punct")
    if name[-1:] in "。！？!?":
        f.append("ends_stop")
    parts = [x for x in _INNER_SEP.split(core) if x]
    if len(parts) >= 2:
        f.append("parts_parallel" if len({len(x) for x in parts}) == 1 else "parts_uneven")
    if _QUESTION.search(core):
        f.append("question")
    g: list[str] = []
    if " " in name.strip():
        g.append("space")
    if "·" in name or "•" in name:
        g.append("dot")
    if "+" in name or "＋" in name:
        g.append("plus")
    if _DASH.search(name):
        g.append("dash")
    if core[:1] in _CN_NUM:
        g.append("num_cn_lead")
    elif _CN_NUM_ANY.search(core):
        g.append("num_cn_inside")
    if _DIGIT.search(core):
        g.append("digit_lead" if core[:1].isdigit() else "digit")
    speech = len(_SPEECH_WORDS.findall(core))
    if speech:
        g.append("speech_words" if speech == 1 else "speech_words2")
    if core.count("的") >= 1 and len(core) > 4:
        g.append("de_inside")
    if 2 <= len(core) <= 4 and is_common_word(core):
        g.append("common_word")
    entry = lexicon_entry(core) if len(core) <= 8 else None
    if entry:
        g.append("lex=" + entry[1][:1])  # a dictionary word (n, v, i for an idiom, l for a set phrase…)
    if len(core) <= 8:
        g.append("z=" + core[-1:])
        if len(core) >= 3:
            g.append("zz=" + core[-2:])
    return tuple(f), tuple(g)


def quote_features(v: QuoteView) -> list[str]:
    name = v.name
    head, shape = _name_features(name)
    f = list(head)
    if _PROBLEM_VERB.search(v.before):
        f.append("problem_verb")
    if FIGURE_VERB.search(v.before):
        f.append("figure_verb")
    f.extend(shape)
    before, after = v.before[-2:].translate(_WIDTH), v.after[:2].translate(_WIDTH)
    b1, a1 = before[-1:], after[:1]
    f.append("b1=" + (b1 if b1 and not b1.isspace() else "^"))
    f.append("f1=" + (a1 if a1 and not a1.isspace() else "$"))
    if len(before) >= 2 and not before.isspace():
        f.append("b2=" + before)
    if len(after) >= 2:
        f.append("f2=" + after)
    if v.type_after:
        f.append("ta=" + v.type_after)
    if v.tail_type:
        f.append("chain_tail_type")
    if v.rule_accepted:
        f.append("rule_acc")
    if v.rule_neg:
        f.append("rule_neg=" + v.rule_neg)
    if v.chain_len > 1:
        f.append("chain" if v.chain_len < 4 else "chain4+")
        if v.chain_rule:
            f.append("chain_rule")
    if v.place_before:
        f.append("place_before")
    if v.line_head:
        f.append("line_head")  # a caption or heading that opens with the quote
    if v.in_title:
        f.append("title")
    if v.nested:
        f.append("nested")
    if v.repeats > 1:
        f.append("repeats")
    if _SPEECH_BEFORE.search(v.before):
        f.append("speech_before")
    if _AWARD.search(v.clause_before):
        f.append("award")
    if _LEADER.search(v.clause_before):
        f.append("leader")
    if v.after[:1] == "为" or (v.after[:1] in "作" and v.after[1:2] == "为"):
        f.append("as_x")
    return f
