"""How a named model's own sentence presents it, where that is not as a practice model of the place.

- ``learnt``: a model the place learns or carries on from elsewhere (``学习运用“浦江经验”``, ``借鉴…“X”经验``,
  ``坚持和发展新时代“枫桥经验”``): its owner is the place it comes from where the sentence names one (the
  models step credits 学习P“…” to P), else none — never the learner.
- ``aim``: an aim, principle, slogan or quality the place strives for (``“…”的目标``, ``“…”的原则``,
  ``“扁平化、精细化”的管理服务能力``, ``锚定“…”目标``, ``“…”的解决思路``), or a slogan of parallel clauses that
  is an event's theme (``“志愿点亮寒假，暖意沁润童心”寒假系列活动``) or the state work results in
  (``形成“小事不出网格，大事不出社区”``): no practice model.

The annotated sets count both as named models of the learner (the extraction keeps them: its scores follow
the gold); the pages that present a model as the place's practice read this role from the sentence that
names it (``named_model``, ``city_profile``, ``compare_cities``).
"""
from __future__ import annotations

import re

from loaders.reference import fold_name, without_pinyin

__all__ = ["AIM", "LEARNT", "model_role", "names_source"]

LEARNT = "learnt"
AIM = "aim"

_OPEN = "“「『‘\"'"
_CLOSE = "”」』’\"'"
# a verb of learning before the name, a few words (a place, 先进) between
_LEARN_BEFORE = re.compile(r"(?:学习|借鉴|复制|效仿|取经)[^，,。；;：:“”「」]{0,10}$")
# a model carried on from its origin (坚持和发展新时代“枫桥经验”)
_FOLLOW_BEFORE = re.compile(r"(?:坚持和发展|坚持发展|发展)新时代$")
_AIM_AFTER = re.compile(r"^(?:等)?的?[^，,。；;：:“”「」]{0,8}?(?:目标|愿景|理念|原则|宗旨|口号|方向|解决思路|能力|水平)")

# a slogan of two or more parallel clauses (“小事不出网格，大事不出社区”): the theme of an event it names
# (“…，…”寒假系列活动, “…，…”民主议事会) or a state the work results in (形成“…，…”)
_COUPLET = re.compile(r"[^，,、；;]{2,12}[，,][^，,、；;]{2,12}")
_EVENT_AFTER = re.compile(r"^[^，,。；;：:“”「」]{0,6}?(?:系列活动|主题活动|议事会|座谈会|大会)")
_RESULT_BEFORE = re.compile(r"形成$")


def _read(text: str) -> str:
    """``text`` as the rules read it: simplified characters, a mirror page's pinyin glosses dropped (學(xué)習(xí))."""
    return fold_name(without_pinyin(text)[0])


def _around(name: str, sentence: str) -> tuple[str, str] | None:
    """The words before the name's opening mark and after its closing one, the first quoted mention
    (both read by ``_read``)."""
    name, sentence = _read(name), _read(sentence)
    at = -1
    for k in (i for i in range(len(sentence)) if sentence.startswith(name, i)):
        if k > 0 and sentence[k - 1] in _OPEN:
            at = k
            break
    if at < 0:
        return None
    end = at + len(name)
    return sentence[:at - 1], sentence[end + 1:] if end < len(sentence) and sentence[end] in _CLOSE else sentence[end:]


def model_role(name: str | None, sentence: str | None) -> str | None:
    """``learnt``, ``aim`` or None (a model the place's sentence presents as its own) for the model
    ``name`` as the sentence ``sentence`` names it."""
    if not name or not sentence:
        return None
    got = _around(name, sentence)
    if got is None:
        return None
    before, after = got
    if _LEARN_BEFORE.search(before) or _FOLLOW_BEFORE.search(before):
        return LEARNT
    if _AIM_AFTER.match(after.lstrip()):
        return AIM
    if _COUPLET.fullmatch(_read(name)) and (_EVENT_AFTER.match(after) or _RESULT_BEFORE.search(before)):
        return AIM
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
