"""Extraction step: document metadata (kind, title, issuer, subject place, date, numbers …).

Replies to proposals and suggestions follow one layout: a header (document number, 签发人, the
issuing body, a lone class letter A/B/C), the heading "关于对…第N号提案/建议的答复", a salutation
"尊敬的某某委员/代表：", the body, and a signature block (issuer, date, contact). Research reports
and work summaries have no salutation; their issuer is the body named as doing the research.
"""
from __future__ import annotations

import itertools
import re

from loaders.extract.agencies import agency_mentions
from loaders.extract.context import Context
from loaders.extract.gazetteer import Gazetteer, load_gazetteer
from loaders.extract.outlets import outlet_region
from loaders.extract.people import SURNAMES
from loaders.extract.subject import SubjectPlace, line_place, street_before
from loaders.extract.subject import find_subject as _find_subject
from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import lines_with_offsets, sentence_bounds, squeeze_spaces, tidy_headline
from loaders.extract.townships import township_county, townships_named
from loaders.extract.unnamed_unit import unnamed_unit
from loaders.record import DocumentMeta

__all__ = ["extract_document", "find_doc_number", "find_session", "find_subject", "handles_proposals", "parse_date_line"]

_CN = "一二三四五六七八九十"
# the salutation: 尊敬的王谦委员：, 陈峰、郑玲玲等委员：, 关建华委员、阿斯卡尔·艾尼完委员…：, ×××代表：, 委员：
_SALUTATION = re.compile(r"^\s*(?:尊敬的)?\s*(?P<names>[\u4e00-\u9fff*＊×·•、\s\d]{0,300}?)\s*(?P<role>委员|代表)\s*[：:,，]")
# without a colon the names must be people's names: a surname and one or two characters, or masked
_PERSON = re.compile(rf"[{SURNAMES}](?:[\u4e00-\u9fff]{{1,2}}|[*＊×]{{1,3}})")
_SALUTATION_ALONE = re.compile(r"\s*(?:尊敬的)?\s*(?P<names>[\u4e00-\u9fff*＊×·•、\s]{2,60}?)\s*(?P<role>委员|代表)\s*")
_NAME = re.compile(r"^[\u4e00-\u9fff*＊×·•]{2,12}$")
# a Han name written without a middle dot (阿斯卡尔·艾尼 has one) is at most four characters (欧阳某某)
_LONGEST_NAME = 4


def salutation(line: str) -> tuple[str | None, str] | None:
    """(addressees joined by 、 or None when not given or masked, 委员 | 代表) of a salutation line."""
    if len(line) > 320 or ("委员" not in line and "代表" not in line):
        return None
    m = _SALUTATION.match(line)
    if not m:
        # a line that is nothing but the names and 委员/代表 (孙晓蕾委员), no colon after them
        m = _SALUTATION_ALONE.fullmatch(line)
        if not m or not all(_PERSON.fullmatch(part.strip()) for part in m.group("names").split("、")):
            return None
    names = []
    for part in m.group("names").split("、"):
        part = _rx(r"\s+").sub("", part)
        part = _rx(r"(?:委员|代表)+$|等\d*[位名]?$").sub("", part)
        if not part:
            continue
        if not _NAME.match(part) or _rx(r"(?:委员|代表)").search(part) \
                or len(part) > _LONGEST_NAME and not _rx(r"[*＊×·•]").search(part):
            return None  # not a list of names: a sentence that happens to contain 委员 (区人大常委会要求每位代表，…)
        names.append(part)
    if names and all(set(n) <= set("*＊×") for n in names):
        names = []
    return ("、".join(names) or None), m.group("role")


_TITLE = re.compile(r"(?:关于|对).*?(?:答\s*复|复函|答复的函|答复意见|报告|总结)\s*$|^.{2,40}(?:调研报告|工作总结)\s*$")
_AGENCY_END = r"(?:局|厅|委员会|人大常委会|政协|政府|办公室|办事处|管委会|中心|委(?:组织|宣传|统战|社会工作)部|委党校|委|办)"
_ISSUER_LINE = re.compile(r"^[^\u4e00-\u9fff]*(?P<name>[\u4e00-\u9fff]{2,24}?" + _AGENCY_END + r")\s*$")
# the replying body opening the title: 象山县民政局关于…, 市民政局对…, 九峰街道办事处2024年工作总结
_TITLE_ORG = re.compile(r"^(?P<org>[\u4e00-\u9fff]{2,30}?" + _AGENCY_END + r")(?:关于|对|\d{4}年|[\u4e00-\u9fff]{0,4}?(?:工作总结|答复|复函))")
_SIGNED = re.compile(r"^\s*(?P<org>[\u4e00-\u9fff]{2,24}?" + _AGENCY_END + r")\s+[\u4e00-\u9fff·]{2,4}\s*$")
# a story signed at its end: （某街道办事处 江漫）, （某县民政局供稿）
_SIGNED_END = re.compile(r"[(（]\s*(?P<org>[\u4e00-\u9fff]{2,24}?" + _AGENCY_END + r")\s*(?:[\u4e00-\u9fff·]{2,4}|供稿)?\s*[)）]\s*$")
# page furniture naming the body that published the page: 发布机构 X, 来源：X, 提案者：X, a date then X;
# the byline of a body that wrote the piece (作者：某市委组织部, 供稿：某局); a reply's closing line naming the body
# that handled it (联系单位：某市住建局  联系人：…)
_LABELLED = re.compile(r"(?:发布机构|来源|提案者|提案单位|发文机关|主办单位|联系单位|承办单位|办理单位|欢迎访问|转载自|整理自|摘自|作者|供稿|撰稿)\s*[:：|｜]?\s*[|｜]?\s*"
                       r"(?P<org>[\u4e00-\u9fff]{3,30}?" + _AGENCY_END + r")(?![\u4e00-\u9fff]|(?:官网|网站|门户))")
_WELCOME = re.compile(r"欢迎访问\s*(?:中共)?(?P<org>[\u4e00-\u9fff]{3,30}?" + _AGENCY_END + r")(?:官方网站|官网|网站|门户网站|门户)")
_DATED_ORG = re.compile(r"^\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+"
                        r"(?P<org>[\u4e00-\u9fff]{3,30}?" + _AGENCY_END + r")\s*$")
# a reply handled by several bodies names its lead: 此件为市民政局主办, 省国土资源厅作为牵头部门
_LEAD_BODY = re.compile(r"此件(?:为|由)?(?P<org>[\u4e00-\u9fff]{2,20}?" + _AGENCY_END + r")主办|"
                        r"(?<![\u4e00-\u9fff])(?P<lead>[\u4e00-\u9fff]{2,20}?" + _AGENCY_END + r")作为(?:牵头|主办)(?:部门|单位)")
_DOC_NO = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,8})\s*[〔\[［(（【﹝]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】﹞]\s*(?P<n>\d{1,4})\s*号")
_DOC_NO_LABEL = re.compile(r"^(?:发文字号|文件编号|文号|字号|编号)")
_DOC_NO_GARBLED = re.compile(r"(?P<org>[\u4e00-\u9fff]{1,8})\s*[〔\[［【]\s*(?P<year>20[0-4]\d)(?P<n>\d{1,4})\s*号")
_SESSION = re.compile(
    rf"(?:中国人民政治协商会议|政协)[\u4e00-\u9fff]{{2,10}}?(?:省|市|区|县|州|旗)(?:委员会)?第?[{_CN}]+届(?:委员会)?"
    rf"第?[{_CN}]+次(?:会议|全委会|全体会议)"
    rf"|[省市区县州旗](?:政协|人大)第?[{_CN}]+届第?[{_CN}]+次(?:会议|全委会)"
    rf"|[省市区县州旗]第?[{_CN}]+届(?:人大|政协|人民代表大会)第?[{_CN}]+次会议"
    rf"|(?<![\u4e00-\u9fff])政协第?[{_CN}]+届第?[{_CN}]+次(?:会议|全委会)?")
_PROPOSAL_NO = re.compile(r"第\s*([A-Za-z]{0,2}\s*\d{1,8})\s*号\s*(?:代表|委员)?(?:提案|建议|议案)|"
                          r"(?:提案|建议|议案)\s*第\s*([A-Za-z]{0,2}\d{1,8})\s*号|"
                          r"(?:提案|建议|议案)》?\s*[(（]\s*第?\s*([A-Za-z]{0,2}\d{1,8})\s*号\s*[)）]")
_NUMBER_ALONE = re.compile(r"^\s*(?:第\s*([A-Za-z]{0,2}\d{1,8})\s*号|(\d{3,8}))\s*$")
_PROPOSAL_NO_BARE = re.compile(r"(?<![\dA-Za-z第])([A-Za-z]{0,2}\d{1,8})\s*号\s*(?:提案|建议|议案)")
# the reply's class: a lone A/B/C (or [A]) line, B:正在解决, (B类), …号B类
_CLASS_LINE = re.compile(r"^\s*[\[【(（]?\s*([ABC])\s*(?:类)?\s*[\]】)）]?\s*$|^\s*([ABC])\s*[:：]\s*(?:已|正在|列入|留作|因)")
_CLASS_INLINE = re.compile(r"[(（]\s*([ABC])\s*类\s*[)）]|(?<![A-Za-z0-9])([ABC])\s*类(?![\u4e00-\u9fff]{0,2}(?:社区|地区|城市|小区))")
_SIGNER = re.compile(r"签发人\s*[:：]?\s*([^\n]{1,12})")
_DATE_LINE = (
    re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*$"),
    re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<d>\d{1,2})\s*$"),
    re.compile(r"^\s*(?P<digits>(?:19|20)\d{4,6})\s*$"),
    re.compile(r"^\s*(?P<cy>[〇零一二三四五六七八九○Ｏ]{4})年(?P<cm>[一二三四五六七八九十]{1,2})月"
               r"(?P<cd>[一二三四五六七八九十]{1,3})日\s*$"),
)
_MONTH_LINE = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*$")
# web page chrome: breadcrumbs (首页 > 政务公开 > …) and "current position" lines are never titles
_NAV_LINE = re.compile(r"[>＞»›]|^\s*(?:当前位置|您的位置|首页)")
# dates printed by the page: labelled (成文日期 first: the document's own date), or a bare date (with
# its time) on a short line of the page header (2019-08-23 18:08 某局, ( 2023-05-18 ), 2025年09月29日09:34)
_PUBLISHED = re.compile(r"(?P<label>成文日期|发布时间|发布日期|发表时间|录入时间|公开日期|生成日期|日期|时间)"
                        r"\s*[:：|｜]?\s*[|｜]?\s*(?P<y>(?:19|20)\d{2})\s*[-./年]\s*(?P<m>\d{1,2})\s*[-./月]\s*(?P<d>\d{1,2})")
_BARE_DATE = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
                        r"(?![\d.])(?=\s|$|[)）|｜T\u4e00-\u9fff])|年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})"
                        r"(?:日?\s*\d{1,2}:\d{2}|日(?=\s*(?:星期|来源|[)）|｜]|$))))")
_THANKED = re.compile(r"感谢(?:您|你们?)[^。，,；;！!\n]{0,6}?对")
_REPORT = re.compile(r"调研报告|调研组|专题调研")
# header, signature and date lines are short: longer lines are body text and not parsed as such
_MAX_LINE = 200
# how far (chars) a sentence is read on each side of an agency for 调研组/工作总结
_MAX_SENTENCE = 500
_SUMMARY = re.compile(r"工作总结|年度总结")


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= 31


def _cn_num(s: str) -> int:
    vals = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
            "八": 8, "九": 9}
    if len(s) == 4:
        return int("".join(str(vals[c]) for c in s))
    if "十" in s:
        a, _, b = s.partition("十")
        return (vals[a] if a else 1) * 10 + (vals[b] if b else 0)
    return vals[s]


def parse_date_line(line: str) -> str | None:
    """A signature date line (2021年7月9日, 2021-07-09, garbled 2021630, 二〇二一年七月九日) as ISO."""
    for pat in _DATE_LINE:
        m = pat.match(line)
        if not m:
            continue
        gd = m.groupdict()
        if gd.get("digits"):
            digits = gd["digits"]
            y, rest = int(digits[:4]), digits[4:]
            # split month/day; prefer a split with no leading zero in either part
            splits = [(rest[:i], rest[i:]) for i in (1, 2) if 1 <= len(rest) - i <= 2]
            ok = [(int(a), int(b), a[0] != "0" and b[0] != "0") for a, b in splits
                  if _valid(y, int(a), int(b))]
            if not ok:
                return None
            ok.sort(key=lambda t: not t[2])
            mo, d = ok[0][0], ok[0][1]
        elif gd.get("cy"):
            y, mo, d = _cn_num(gd["cy"]), _cn_num(gd["cm"]), _cn_num(gd["cd"])
        else:
            y, mo, d = int(gd["y"]), int(gd["m"]), int(gd["d"])
        return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
    m = _MONTH_LINE.match(line)
    if m and 1 <= int(m.group("m")) <= 12:
        return f"{int(m.group('y')):04d}-{int(m.group('m')):02d}"  # a report signed with month only
    return None


def find_doc_number(header: str) -> str | None:
    """The reply's own document number, repaired when the closing bracket was lost."""
    if "号" not in header:
        return None  # (both patterns end with 号; they open with a class of hanzi tried at every offset)
    m = _DOC_NO.search(header)
    if m:
        raw = _rx(r"\s+").sub("", m.group())
        return _DOC_NO_LABEL.sub("", raw)
    m = _DOC_NO_GARBLED.search(header)
    if m:
        return f"{m.group('org')}〔{m.group('year')}〕{int(m.group('n'))}号"
    return None


def _opening(text: str, salutation_at: int) -> str:
    """The reply's first sentence, after the salutation line at ``salutation_at`` (您在省政协十三届一次
    会议上提出的…)."""
    start = text.find("\n", salutation_at)
    if start < 0:
        return ""
    while start < len(text) and text[start] in " \t\r\n\u3000":
        start += 1
    end = min(len(text), start + 300)
    k = text.find("。", start, end)
    return text[start:k if k >= 0 else end]


def find_session(text: str) -> str | None:
    """The first session named in ``text`` as written there: with the name of its unit where the text
    writes one before the level (灞桥区政协九届五次会议, 周村区第十八届人民代表大会第四次会议), else
    from the level on (区政协二届五次会议)."""
    m = _SESSION.search(text)
    if not m:
        return None
    start = m.start()
    if text[start] in "省市区县州旗":
        start = _unit_name_start(text, start + 1)
    return text[start:m.end()]


def _unit_name_start(text: str, end: int) -> int:
    """Where the administrative names written right before ``end`` begin (关于长沙市望城区 → 长): full
    names of the code table, one after another, the last ending at ``end``; ``end - 1`` (the level
    character alone) where no such name ends there."""
    lo = max(0, end - 24)
    hits = [h for h in load_gazetteer().scan(text[lo:end]) if not h.is_alias]
    start = end - 1
    for h in reversed(hits):
        if h.end + lo != (end if start == end - 1 else start):
            break
        start = h.start + lo
    return start


def _number_line(lines: list[str]) -> str | None:
    """The number a proposal page prints on a line of its own: 第25号, or bare digits on the line under
    the session (博山区政协十三届三次会议 / 133076)."""
    for i, line in enumerate(lines):
        m = _NUMBER_ALONE.match(line)
        if m and (m.group(1) or i > 0 and find_session(lines[i - 1].strip()) == lines[i - 1].strip()):
            return m.group(1) or m.group(2)
    return None


def find_subject(text: str, header_lines: list[str], tail_lines: list[str], title: str | None,
                 gaz: Gazetteer, kind: str = "其他") -> str | None:
    """Code of the administrative unit the document is about (the one containing a street or
    community subject); see ``loaders.extract.subject``."""
    found = _find_subject(text, title, _issuer_lines(header_lines, tail_lines, title), kind, gaz)
    return found.code if found else None


def _issuer_lines(header_lines: list[str], tail_lines: list[str], title: str | None) -> list[str]:
    """Lines that name the issuing body, strongest first: the agency opening the title, agency
    lines of the header, then of the signature block."""
    out: list[str] = []
    if title:
        m = _TITLE_ORG.match(title)
        if m:
            out.append(m.group("org"))
    for line in header_lines + tail_lines[::-1]:
        if len(line) <= _MAX_LINE and _ISSUER_LINE.match(squeeze_spaces(line)[0]):
            out.append(line)
        elif len(line) <= _MAX_LINE:
            m = _SIGNED.match(line)  # a signature: the body, then the writer's name
            if m:
                out.append(m.group("org"))
    return out


def _source_lines(lines: list[str], text: str) -> list[str]:
    """Page furniture naming the publishing body (发布机构, 来源, 提案者, a dated byline) and the lead
    body of a jointly handled reply (此件为…主办)."""
    out: list[str] = []
    for line in lines:
        if len(line) > _MAX_LINE:
            continue
        # (spaces part the fields; a media centre in a source line, 来源：某区融媒体中心, only carries the story)
        out.extend(m.group("org") for m in _LABELLED.finditer(line) if not m.group("org").endswith(("融媒体中心", "融媒體中心")))
        if "欢迎访问" in line:  # 欢迎访问某省民政厅官网: the site's own body
            out.extend(m.group("org") for m in _WELCOME.finditer(line))
        m = _DATED_ORG.match(line)
        if m:
            out.append(m.group("org"))
    for key in ("此件", "作为牵头", "作为主办"):  # find the words first: the pattern is slow to try everywhere
        pos = text.find(key)
        if pos >= 0:
            m = _LEAD_BODY.search(text, max(0, pos - 24), pos + 40)
            if m:
                out.insert(0, m.group("org") or m.group("lead"))
                break
    m = _SIGNED_END.search(text, max(0, len(text) - 60))
    if m:
        out.insert(0, m.group("org"))
    return out


def _issuer(text: str, lines: list[str], sources: list[str], subject: str | None, kind: str,
            gaz: Gazetteer, local: tuple[str, ...] = (), headline: str = "") -> str | None:
    """The issuing body: an agency line of the title, header or signature; for a research report
    the body the text says did the research (the page's 来源 is only its publisher); then the
    page furniture naming the publishing body; for a work summary, the own government of the
    street or town it is about."""
    found = _line_agency(lines, subject, gaz, local)
    if found:
        return found
    # (a body whose sentence names the research or the summary: none where the text holds no such words)
    if kind in ("调研报告", "工作总结", "其他") and (_REPORT.search(text) or kind == "工作总结" and _SUMMARY.search(text)):
        mentions = agency_mentions(text, subject, None, gaz)
        for i, a in enumerate(mentions):
            s, e = sentence_bounds(text, a.start)
            s, e = max(s, a.start - _MAX_SENTENCE), min(e, a.end + _MAX_SENTENCE)
            if _REPORT.search(text, a.end, e) or (kind == "工作总结" and _SUMMARY.search(text, s, e)):
                # bodies that lead it together, written A、B (市社科联、市农办主要领导带队…组成调研组): joint issuers
                names, end = [a.name], a.end
                for b in mentions[i + 1:]:
                    if b.start != end + 1 or text[end] not in "、和与及" or b.name in names:
                        break
                    names.append(b.name)
                    end = b.end
                return "、".join(names)
    if kind in ("提案答复", "建议答复"):
        found = _thanked_body(text, subject, gaz, local) or _speaking_government(text, subject, gaz)
        if found:
            return found
    found = _line_agency(sources, subject, gaz, local)
    if found:
        return found
    if kind == "工作总结" and local:
        own = [a for a in agency_mentions(text, subject, None, gaz, local)
               if a.name.endswith(tuple(local[0] + b for b in ("办事处", "政府", "人民政府")))]
        if own:
            return own[0].name
        if subject is not None and local[0].endswith(("街道", "镇", "乡")) \
                and _rx(r"^\s*" + re.escape(local[0]) + r"\s*(?:19|20)\d{2}\s*年").match(headline) \
                and _rx(re.escape(local[0]) + r"在[^。，,；]{0,12}[委府][^。；]{0,12}领导下").search(text):
            # 某街道2022年工作总结, told as the street's own year (某街道在区委、区政府的坚强领导下…): written by its
            # own government, which the text need not name
            body = local[0] + ("办事处" if local[0].endswith("街道") else "人民政府")
            named = [a for a in agency_mentions(body, subject, None, gaz, local) if a.start == 0 and a.end == len(body)]
            if named:
                return named[0].name
    return None


def _speaking_government(text: str, subject: str | None, gaz: Gazetteer) -> str | None:
    """The government a reply's opening paragraph has answer for itself, written bare (针对您提出的…建议，区政府一直努力
    做好以下工作): the government of the subject's own level, or None."""
    if subject is None:
        return None
    m = _SPEAKING_GOV.search(text, 0, _OPENING_SPAN)
    if m is None:
        return None
    named = [a for a in agency_mentions(m.group("org"), subject, None, gaz) if a.start == 0]
    level = {"区": "district", "县": "county", "市": ("city", "county_city")}[m.group("org")[0]]
    own = gaz.by_code[subject].level if subject in gaz.by_code else None
    if not named or own is None or own not in (level if isinstance(level, tuple) else (level,)):
        return None
    return named[0].name


# the reply's own government as the subject of a sentence of its opening (…的建议，区政府一直努力…): the body answering
_SPEAKING_GOV = re.compile(r"[，,。；;](?P<org>[区县市](?:人民)?政府)(?:一直|始终|高度重视|十分重视|非常重视|认真|积极)")
_OPENING_SPAN = 600


def _thanked_body(text: str, subject: str | None, gaz: Gazetteer, local: tuple[str, ...]) -> str | None:
    """The body a reply thanks its addressee for caring about (感谢您对某街道办事处经济社会发展的关心): the
    body replying, as 我局 would say it."""
    for m in _THANKED.finditer(text):
        window = text[m.end():m.end() + 40]
        named = [a for a in agency_mentions(window, subject, None, gaz, local) if a.start == 0]
        if named:
            return named[0].name
    return None


def _named_province(text: str, gaz: Gazetteer):
    """Where the subject is not found: the one province that every unit the text names in full lies in (a
    name several provinces have, 长安区, says nothing), or None."""
    provinces = set()
    for hit in gaz.scan(text):
        if not hit.is_alias:
            found = {gaz.by_code[c].province for c in hit.codes if c in gaz.by_code}
            if len(found) == 1:
                provinces |= found
    return gaz.get(provinces.pop()) if len(provinces) == 1 else None


def _line_agency(lines: list[str], subject: str | None, gaz: Gazetteer, local: tuple[str, ...]) -> str | None:
    for line in lines:
        squeezed, _ = squeeze_spaces(line)
        mentions = agency_mentions(squeezed, subject, None, gaz, local)
        found = [a for a in mentions if a.end == len(squeezed)]
        if found:
            return _joint(squeezed, mentions) or min(found, key=lambda a: a.start).name
    return None


def _joint(line: str, mentions: list) -> str | None:
    """A line that is nothing but two or more bodies (中共湖州市委  湖州市人民政府, 市委办公室、市政府办公室)
    names joint issuers, written ``A、B``."""
    names: list[str] = []
    pos = len(_rx(r"^\s*(?:中共|中国共产党)?").match(line).group())
    for a in sorted(mentions, key=lambda a: (a.start, -a.end)):
        if a.start < pos:
            continue
        if line[pos:a.start].strip(" \t\u3000、和及") or a.start > pos + 4:
            return None
        if a.name not in names:
            names.append(a.name)
        pos = len(_rx(r"(?:[\s、和及]*(?:中共)?)").match(line, a.end).group()) + a.end
    return "、".join(names) if len(names) > 1 and pos >= len(line.rstrip()) else None


def _page_date(lines: list[str], labelled_only: bool = False) -> str | None:
    """The date the page prints in its header: 成文日期, then any labelled date, then a bare date
    on a short header line (a date with its time, its weekday or a source after it: 2023年9月11日 星期一)."""
    labelled = [m for ln in lines if len(ln) <= _MAX_LINE for m in _PUBLISHED.finditer(ln)]
    labelled.sort(key=lambda m: m.group("label") != "成文日期")
    for m in labelled:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d):
            return f"{y:04d}-{mo:02d}-{d:02d}"
    for ln in () if labelled_only else lines:
        if len(ln) > 100:
            continue
        for m in _BARE_DATE.finditer(ln):
            y, mo, d = int(m.group("y")), int(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2"))
            if _valid(y, mo, d):
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _headline(nonempty: list[tuple[int, str]]) -> str | None:
    """The first line when it reads as a headline (short, not page furniture, not a sentence)."""
    if not nonempty:
        return None
    line = tidy_headline(nonempty[0][1])
    if 4 <= len(line) <= 60 and not _NAV_LINE.search(line) and not line.endswith(("。", "；", ";")) \
            and _rx(r"[\u4e00-\u9fff]{4}").search(line):
        return line
    return None


_ASKS_PROPOSAL = re.compile(r"提案")
_ASKS_SUGGESTION = re.compile(r"人大|代表|号\s*(?:建议|议案)|建议\s*第|议案")
_ASKED = re.compile(r"(?:提案|建议|议案)")
# (an analysis names what it studies as a noun phrase: …社区治理的实践探索, …协同下的治理实践)
# a place's account of its own way (某市党建引领基层治理的探索), not a study of a practice (…的实践探索, …的路径研究)
_OWN_EXPLORATION = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:市|区|县|州|盟|旗))[\u4e00-\u9fff“”]{2,24}?(?<!实践)的探索")


def _own_exploration(text: str, head: str) -> bool:
    """Whether the headline is a place's own exploration (某市…的探索) that the story's opening tells as the place's
    doing (某市积极探索…, 近年来，某市…): the place's write-up of its work."""
    m = _OWN_EXPLORATION.fullmatch(head.strip())
    if m is None:
        return False
    body = text.find("\n", text.find(head.strip()) if head.strip() in text else 0)
    return body >= 0 and m.group(1) in text[body:body + 300]


_RESEARCH_TITLE = re.compile(r"(?:调研报告|调查报告|报告|调研|调查|研究|探究|探析|浅析|浅谈|分析|思考|对策|的[\u4e00-\u9fff]{0,4}?(?:实践|探索)"
                             # a study's problem and the way out it argues for (…的实现困境与突破路径, …成效及发展路径)
                             r"|(?:困境|问题|成效|现状)(?:与|及|和)[\u4e00-\u9fff]{0,4}路径)$"
                             # or its case named in the headline itself (…发展路径——以某县某村为例)
                             r"|[—－-]{1,2}\s*以[\u4e00-\u9fff“”\"A-Za-z]{2,30}为(?:例|个案|案例|样本)\s*$")
# a research visit told as news (某区政协调研物业管理现状, 某书记调研网格运行工作): 调研 with what was studied after it
_RESEARCH_VISIT = re.compile(r"调研(?!报告)[\u4e00-\u9fff]")
# a paper's abstract and its key words (a news page may print either alone: the site's 摘要, a tag line)
_RESEARCH_BODY = re.compile(r"摘\s*要\s*[:：][^\n]*\n?[\s\S]{0,1500}?关\s*键\s*词\s*[:：]|现将.{0,20}(?:调研|调查)情况报告如下")
# a writing-template site's tail to the headline (…调查报告范文, …工作总结范文篇2): the genre is the headline's before it
_TEMPLATE_TAIL = re.compile(r"(?:范文|范例|模板)(?:篇?[0-9一二三四五六七八九十]+|精选|大全)?\s*$")
_SUMMARY_BODY = re.compile(r"现将.{0,30}总结如下")
_EVENT_HEADLINE = re.compile(r"(?:召开|举行|举办)\s*$|办理工作$|调研|视察|督办会|交办会|评议")
# a reporter's story (本报讯, 某某网讯, （记者 某某）): news about replies, not a reply
_NEWS_MARK = re.compile(r"[报网]\d{0,2}月?\d{0,2}日?讯|记者")
_VISIT_HEAD = re.compile(r"赴|到|走进|来到|莅临|深入|走访|视察|检查")
# the page credits a body, not an outlet, with the piece (来源：某市民宗局, 作者：中共某市委组织部): the body
# writes up its own work — a work summary, unless the headline reports an event (发布, 召开, a visit …)
_OWN_BYLINE = re.compile(r"(?:来源|作者|供稿|撰稿)\s*[:：|｜]?\s*[|｜]?\s*(?:中共)?"
                         r"(?P<org>[\u4e00-\u9fff]{3,30}?" + _AGENCY_END + r")(?![\u4e00-\u9fff]|(?:官网|网站|门户))")
_OUTLET_WORD = re.compile(r"媒体|新闻|传媒|报社|电视|广播|网信")
_EVENT_WORD = re.compile(r"发布|印发|出台|启动|召开|举行|举办|成立|获评|荣获|表彰|会议|活动|赴|走进|来到|莅临|走访|视察|检查|调研|"
                         r"(?<![落做])到(?!位|底|家|实处)")


# a body's report on how it handled the session's proposals or suggestions, all of them (…议案建议办理工作情况的报告,
# 2017年某局办理人大建议和政协提案总体情况): no one proposal's number, no 答复 — a work summary, not a reply
_HANDLING = re.compile(r"(?:提案|建议|议案)[\u4e00-\u9fff、和及]{0,8}办理(?:工作)?(?:情况|总结)"
                       r"|办理[\u4e00-\u9fff、和及]{0,16}(?:提案|建议|议案)(?:工作)?(?:总体|整体|基本)?(?:情况|总结)")
# a write-up that calls itself material for exchanging experience (某县社区治理工作情况（经验材料）)
_MATERIAL = re.compile(r"(?:经验|交流|典型)材料|(?:19|20)\d{2}年(?:度)?[\u4e00-\u9fff]{0,16}工作汇报$")
# a study's subtitle naming its case (——以某市某区为个案, ——以某社区为例)
_CASE_SUBTITLE = re.compile(r"(?m)^\s*[—－-]{1,2}\s*以[\u4e00-\u9fff“”\"]{2,30}为(?:例|个案|案例|样本)\s*$")


def _handling_report(head: str) -> bool:
    return bool(_HANDLING.search(head)) and not _rx(r"答\s*复|复函|第\s*[A-Za-z]{0,2}\d+\s*号").search(head) \
        and not _EVENT_HEADLINE.search(head)


def handles_proposals(doc: DocumentMeta) -> bool:
    """Whether the document answers proposals or suggestions or reports on handling them: it cites their
    titles (《关于…的建议》), it does not issue them."""
    return doc.kind in ("提案答复", "建议答复") or doc.kind == "工作总结" and _handling_report(doc.title or "")


def _own_write_up(text: str, head: str, byline_lines: list[str]) -> bool:
    """Whether the page's byline or source field credits a body (not a news outlet) with a piece whose
    headline reports no event or visit and which no reporter signs: the body's write-up of its work."""
    credited = [m.group("org") for line in byline_lines
                if len(line) <= _MAX_LINE and ("来源" in line or "作者" in line or "供稿" in line or "撰稿" in line)
                for m in _OWN_BYLINE.finditer(line)]
    # a paper its author signs on a line of its own under the headline, before the text's first sentence: a body
    # that writes up its own work (■中共某市委组织部, 某省某市民政局; not a place alone, 某市某区, which news
    # briefs print over their story as well)
    head_lines = itertools.takewhile(lambda line: "。" not in line, byline_lines[1:8])
    signed = any(_AUTHOR_LINE.fullmatch(line.strip()) for line in head_lines)
    return (signed or any(not _OUTLET_WORD.search(org) for org in credited)) and bool(head) \
        and not (_EVENT_HEADLINE.search(head) or _EVENT_WORD.search(head) or _NEWS_MARK.search(text, 0, 800)) \
        and not _event_lead(text)


# a body that writes up its own work (a party committee's organisation department, a civil-affairs bureau) on a line
# of its own, as the author of a paper
_AUTHOR_LINE = re.compile(r"[■●◆]?\s*(?:中共)?[\u4e00-\u9fff]{2,20}?(?:委组织部|委社会工作部|民政局|民政厅)")
# a news item's lead: a date (or 近日) and an event on it (近日，县政协委员…进行调研; 7月8日，市民政局召开…论证会)
_EVENT_LEAD = re.compile(r"^(?:[^，,。:：]{0,8}[:：])?\s*(?:近日|日前|\d{1,2}月\d{1,2}日)[^。]{0,80}?(?:召开|举行|举办|调研|视察|来到|走访)")


def _event_lead(text: str) -> bool:
    """Does the first paragraph that holds a sentence open on a date or 近日 and tell an event on it (a news item
    on a body's site, not the body's write-up of its work)?"""
    for line in text[:1500].split("\n")[1:]:
        line = line.strip()
        if len(line) >= 20 and "。" in line:
            return _EVENT_LEAD.match(line) is not None
    return False


def _kind(text: str, title: str | None, headline: str | None, header: str,
          salutation: tuple[str | None, str] | None, byline_lines: list[str] = ()) -> str:
    """提案答复 / 建议答复 from what the title says is answered, else who is addressed (委员 sit in
    the CPPCC, 代表 in the people's congress), else the session; 调研报告 and 工作总结 from the
    headline or the report's own words; everything else 其他."""
    head = _TEMPLATE_TAIL.sub("", title or headline or "")
    if not salutation and _handling_report(head):
        return "工作总结"
    # (a headline reporting an event about suggestions, …建议办理工作督办会议召开, is news, not the reply)
    if title or salutation or (_ASKED.search(head) and _rx(r"答复|复函|意见|办理").search(head)
                               and not _EVENT_HEADLINE.search(head) and not _NEWS_MARK.search(text, 0, 800)):
        if _rx(r"政协").search(head):  # the session answered says which body asked
            return "提案答复"
        if _rx(r"人大").search(head):
            return "建议答复"
        if _ASKS_PROPOSAL.search(head):
            return "提案答复"
        if _ASKS_SUGGESTION.search(head):
            return "建议答复"
        if salutation:
            return "提案答复" if salutation[1] == "委员" else "建议答复"
        if _rx(r"政协").search(header):
            return "提案答复"
        if _rx(r"人大|代表").search(header):
            return "建议答复"
    if _SUMMARY.search(head) or _MATERIAL.search(head) or _SUMMARY_BODY.search(text, 0, 600) or \
            _own_write_up(text, head, byline_lines) or _own_exploration(text, head):
        return "工作总结"
    # a news item about a visit (…赴某社区调研, 调研组一行…) is not the research report itself
    visit = _VISIT_HEAD.search(head) or _RESEARCH_VISIT.search(head) or _rx(r"一行").search(text)
    if (_RESEARCH_TITLE.search(head) and not visit) or _RESEARCH_BODY.search(text, 0, 2000) or \
            _CASE_SUBTITLE.search(text, 0, 1500) or \
            (len(_REPORT.findall(text)) >= 2 and not visit):
        return "调研报告"
    return "其他"


def _subject_name(found: SubjectPlace | None, gaz: Gazetteer) -> str | None:
    if found is None:
        return None
    if found.local:
        return found.local
    return gaz.full_name(found.code) if found.code else None


def _street_county(text: str, found: SubjectPlace | None, gaz: Gazetteer, headline: str) -> str | None:
    """The administrative unit of the subject found: its own, or for a street's or town's own text that names no
    county (霞浦街道社区办…工作总结; 某镇某社区：… over a community's story, the town written before it in the
    headline), the one unit of that name in the province the text names, or in the country where it names none,
    lies in its county; of several, the one whose county or city the text writes (read before the issuer, whose
    name it heads)."""
    if found is None:
        return None
    if found.code is None and found.local:
        street = found.local if found.local_level == "street" else street_before(headline, found.local, gaz)
        if street is not None:
            named = _named_province(text, gaz)
            return township_county(gaz, street, named.adcode if named is not None else None,
                                   {c for hit in gaz.scan(text) for c in hit.codes})
    return found.code


def extract_document(ctx: Context) -> None:
    gaz = load_gazetteer()
    text = ctx.text
    lines = [(off, ln) for off, ln in lines_with_offsets(text)]
    nonempty = [(off, ln) for off, ln in lines if ln.strip()]

    sal_idx = next((i for i, (_o, ln) in enumerate(nonempty[:40]) if salutation(ln)), None)
    # length first: _TITLE scans a line once per 关于/对, quadratic in one very long line
    title_idx = next((i for i, (_o, ln) in enumerate(nonempty[:25])
                      if len(ln.strip()) <= 80 and _TITLE.search(squeeze_spaces(ln)[0])
                      and not _NAV_LINE.search(ln)), None)
    if sal_idx is not None:
        header_end = nonempty[sal_idx][0]
    elif title_idx is not None:
        header_end = nonempty[title_idx][0] + len(nonempty[title_idx][1])
    else:
        header_end = min(len(text), 200)
    header = text[:header_end]

    title = None
    if title_idx is not None:
        title = _rx(r"^[#\s]+").sub("", squeeze_spaces(nonempty[title_idx][1])[0]) or None
    headline = title or _headline(nonempty)

    kind = _kind(text, title, headline, header, salutation(nonempty[sal_idx][1]) if sal_idx is not None else None,
                 [ln for _o, ln in nonempty[:12]])
    header_lines = [ln for off, ln in nonempty[: sal_idx if sal_idx is not None else
                                               (title_idx if title_idx is not None else 0)]]
    body_start = max(sal_idx if sal_idx is not None else -1, title_idx if title_idx is not None else -1) + 1
    tail_lines = [ln for _o, ln in nonempty[max(body_start, len(nonempty) - 12):]]
    issuer_lines = _issuer_lines(header_lines, tail_lines, headline)
    source_lines = _source_lines([ln for _o, ln in nonempty[:12]] + tail_lines, text)
    reply = kind in ("提案答复", "建议答复", "工作总结")
    found = _find_subject(text, headline, issuer_lines + (source_lines if reply else []), kind, gaz)
    subject = ctx.subject_anchor = _street_county(text, found, gaz, headline or "")
    issuer = _issuer(text, issuer_lines, source_lines, subject, kind, gaz,
                     (found.local,) if found is not None and found.local else (), headline or "")
    if found is None and issuer:
        # a text that names no place of its own but credits the body that wrote it (（某镇党委 供稿）, 来源：某县民政局):
        # that body's place
        found = line_place(issuer.split("、")[0], gaz)
        if found is not None and found.code is not None:
            subject = ctx.subject_anchor = found.code
    if issuer and (found is None or not found.local):
        # a reply written by a street's or town's own office (感谢您对某街道办事处…的关心): that street is its subject
        own = line_place(issuer.split("、")[0], gaz)
        code = own.code or subject if own is not None else None
        if own is not None and own.local and own.local_level == "street" \
                and (subject is None or code == subject or (code is not None and gaz.is_within(code, subject))):
            found = SubjectPlace(code, own.local, "street")
            subject = ctx.subject_anchor = _street_county(text, found, gaz, headline or "")
    province = gaz.province_of(subject) if subject else _named_province(text, gaz)
    if province is None and found is not None and found.local and subject is None:
        # a street's or community's story on a page whose credited outlet serves one city or province (来源：某市公众网):
        # that province
        region = outlet_region(text, gaz)
        province = gaz.province_of(region) if region is not None else None
    if province is None and found is not None and found.local and subject is None:
        # a street the township table has in several counties, all of one province (林荫街道: two cities of 内蒙古)
        street = found.local if found.local_level == "street" else street_before(headline or "", found.local, gaz)
        counties = {c[:6] for c in townships_named(street)} if street else set()
        provinces = {gaz.province_of(c).adcode for c in counties if gaz.get(c) is not None and gaz.province_of(c)}
        province = gaz.get(provinces.pop()) if len(provinces) == 1 else None
    probe = (title or "") + header
    if found is None and subject is None \
            and (unit := unnamed_unit(text, gaz, province.adcode if province else None)) is not None:
        # a county's own work item that says only 我县 and names its towns: the one county holding them
        found, subject = SubjectPlace(unit), unit
        ctx.subject_anchor, province = unit, gaz.province_of(unit)
        if issuer is None:  # (its 市政协, 县委 … are that unit's bodies: read again now that they have a place)
            issuer = _issuer(text, issuer_lines, source_lines, subject, kind, gaz, (), headline or "")

    date = None
    for _o, ln in reversed(nonempty[-15:]):
        date = parse_date_line(ln) if len(ln) <= _MAX_LINE else None
        if date:
            break
    if date is None:
        # (a page's labelled date may stand below a long accessibility menu of one-word lines: those are not counted)
        date = _page_date([ln for _o, ln in nonempty[:15]]) or _page_date(
            [ln for _o, ln in nonempty[15:80] if len(ln) > 6], labelled_only=True)

    addressee = role = None
    if sal_idx is not None:
        addressee, role = salutation(nonempty[sal_idx][1])

    # a reply, or the text of a proposal itself (案由, 提案人 …), names its session and number
    proposal_text = kind == "其他" and bool(_rx(r"提案|建议|议案").search(head_text := (headline or "") + header[:400]))
    asks = kind in ("提案答复", "建议答复") or proposal_text
    session = None
    if asks:
        # as the reply's opening sentence names it (您在区政协二届五次会议上提出…), before the title's form
        opening = find_session(_opening(text, header_end))
        session = (opening if sal_idx is not None else None) or find_session(title or headline or "") \
            or find_session(header) or opening
    elif kind == "工作总结" and _handling_report(title or headline or ""):
        session = find_session(title or headline or "")  # the session whose proposals were handled
    pn = None
    if asks:
        m = _PROPOSAL_NO.search(probe if not proposal_text else head_text) or _PROPOSAL_NO_BARE.search(probe)
        pn = _rx(r"\s+").sub("", next(g for g in m.groups() if g)) if m else _number_line(
            [ln for off, ln in nonempty[:20] if off < max(header_end, 400)])

    reply_class = None
    if kind in ("提案答复", "建议答复"):
        for ln in header.split("\n"):
            m = _CLASS_LINE.match(ln)
            if m:
                reply_class = m.group(1) or m.group(2)
                break
        if reply_class is None:
            m = _CLASS_INLINE.search(header)
            if m:
                reply_class = m.group(1) or m.group(2)

    signatory = None
    m = _SIGNER.search(text)
    if m:
        squeezed = squeeze_spaces(m.group(1))[0]
        name = _rx(r"[\u4e00-\u9fff]{2,4}").match(squeezed)
        if name:
            signatory = _rx(r"联系|电话|经办|主管").split(name.group())[0] or None

    ctx.document = DocumentMeta(
        kind=kind, title=title or headline, issuer=issuer,
        subject_place=_subject_name(found, gaz),
        province=province.name if province else None, date=date,
        doc_number=find_doc_number(header), session=session, proposal_number=pn,
        addressee=addressee, addressee_role=role, reply_class=reply_class, signatory=signatory,
    )
