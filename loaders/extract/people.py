"""Extraction step: people — the proposer (addressee), the signatory (签发人), officials named with
their titles (市委副书记、市长陈平 / 黄守玺副市长) and contacts (联系人 / 经办人).

A person name is a common surname plus one or two characters, accepted only where a title stands
right before or after it and the name ends at a boundary (punctuation, 在/到/同志/陪同 …).
"""
from __future__ import annotations

import re

from loaders.extract.context import Context
from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import finditer_at, stop_positions
from loaders.record import PersonRec

__all__ = ["SURNAMES", "extract_people", "find_contacts", "find_officials"]

# the common single-character surnames (general vocabulary, not taken from any document)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊"
    "葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝揭"
)
_NAME = rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}"
_TITLE = (r"(?:党组书记|党组副书记|党组成员|常务副主任|常务副市长|副书记|书记|副市长|市长|副区长|区长|副县长|县长|"
          r"副局长|局长|副主任|主任|副秘书长|秘书长|副部长|部长|厅长|副厅长|副主席|主席|组长|常委)")
_AFTER = r"(?=[在到的为陪主参等同带，,、。；;：:\s（(]|调研|检查|带队|同志|$)"
_TITLE_NAME = re.compile(_TITLE + r"(" + _NAME + r"?)" + _AFTER)
# no hanzi before the name: tested after its surname (``(?<![\u4e00-\u9fff].)``), so the engine skips
# ahead to surnames instead of testing the lookbehind at every offset
_NAME_TITLE = re.compile(rf"([{SURNAMES}](?<![\u4e00-\u9fff].)[\u4e00-\u9fff]{{1,2}}?)" + _TITLE
                         + r"(?=[，,、。；;\s参主带]|$)")
_CONTACT = re.compile(r"(联系人|经办人(?:姓名)?|主管领导)\s*[:：]?\s*([\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2})"
                      r"(?=[\s（(，,：:]|电话|$)")


def _clean(name: str) -> str | None:
    name = _rx(r"[ \u3000]").sub("", name)
    name = _rx(r"(同志|在|到|的)$").sub("", name)
    if re.search(_TITLE + "$", name) or name[0] in "任兼" and re.match(_TITLE, name[1:]):
        return None  # 任组长: "serves as" + a title, not a name
    return name if 2 <= len(name) <= 3 and name[0] in SURNAMES else None


def find_officials(text: str) -> list[str]:
    names: list[str] = []
    for pat in (_TITLE_NAME, _NAME_TITLE):
        for m in pat.finditer(text):
            name = _clean(m.group(1))
            if name and name not in names:
                names.append(name)
    return names


def find_contacts(text: str) -> list[tuple[str, str]]:
    out = []
    for m in finditer_at(_CONTACT, text, stop_positions(text, "联经主")):  # (its first characters)
        name = _clean(m.group(2))
        if name:
            out.append((name, "official" if m.group(1) == "主管领导" else "contact"))
    return out


def extract_people(ctx: Context) -> None:
    people: dict[str, str] = {}
    doc = ctx.document
    if doc.addressee:
        people[doc.addressee] = "proposer"
    if doc.signatory:
        people.setdefault(doc.signatory, "signatory")
    for name, role in find_contacts(ctx.text):
        people.setdefault(name, role)
    for name in find_officials(ctx.text):
        people.setdefault(name, "official")
    ctx.people = [PersonRec(name=n, role=r) for n, r in people.items()]  # type: ignore[arg-type]
