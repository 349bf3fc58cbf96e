"""Extraction step: policy documents cited in 《》.

How such replies cite documents: a subject (an agency, often abbreviated: 区委, 市委市政府, 省厅),
a verb that tells the document's state (出台/印发/制定 … issued; 计划出台/拟 … planned; 正在制订 …
drafting; 转发/贯彻落实 … referenced), one or more titles in 《》 joined by 、/和, then an optional
document number in parentheses (（濮发[2021]4号）). A date at the head of the sentence
(2021年3月18日，…印发) dates the document. Titles that are not policies: the proposal being
answered (《…提案》收悉), periodicals (第130期《濮阳信息》) and news articles (内参文章《…》).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from loaders.extract.agencies import agency_mentions
from loaders.extract.context import Context
from loaders.extract.meta import handles_proposals
from loaders.extract.text_utils import cached_regex as _rx
from loaders.extract.text_utils import (
    class_led,
    stop_at_or_after,
    stop_before,
    stop_positions,
    without_pinyin,
)
from loaders.record import AgencyRec, Mention, PolicyRec

__all__ = ["Title", "date_before", "extract_policies", "find_titles", "status_of"]

_CLAUSE_END = "，,。；;：:！？!?\n"
_SENTENCE_END = "。；;！？!?\n"
# how far back (chars) the clause before a title is read for its verb, issuer and date
_MAX_LEAD = 300
_JOINERS = re.compile(r"^[\s、，,和及与以及]*$")

# Verbs, longest first so 计划出台 wins over 出台 at the same place.
_STATUS_VERBS: tuple[tuple[str, str], ...] = (
    ("正在研究制定", "drafting"), ("正在研究制订", "drafting"), ("正在制订", "drafting"),
    ("正在制定", "drafting"), ("正在起草", "drafting"), ("正在修订", "drafting"), ("研究起草", "drafting"),
    ("征求意见", "drafting"), ("提出", "drafting"), ("草拟", "drafting"), ("起草", "drafting"),
    ("计划出台", "planned"), ("计划制定", "planned"), ("拟提请", "planned"), ("拟出台", "planned"),
    ("拟制定", "planned"), ("将出台", "planned"), ("将制定", "planned"), ("即将出台", "planned"),
    ("贯彻落实", "referenced"), ("转发", "referenced"), ("贯彻", "referenced"), ("依据", "referenced"),
    ("根据", "referenced"), ("按照", "referenced"), ("对照", "referenced"), ("落实", "referenced"),
    ("执行", "referenced"), ("遵照", "referenced"), ("依照", "referenced"), ("参照", "referenced"),
    ("出台", "issued"), ("印发", "issued"), ("制定", "issued"), ("制订", "issued"), ("下发", "issued"),
    ("发布", "issued"), ("形成", "issued"), ("制发", "issued"), ("颁布", "issued"), ("编制", "issued"),
    ("修订", "issued"), ("出台了", "issued"),
)
_VERB_RE = re.compile("|".join(re.escape(v) for v, _ in sorted(_STATUS_VERBS, key=lambda x: -len(x[0]))))
_VERB_STATUS = dict(_STATUS_VERBS)
_PLANNED_MODAL = re.compile(r"(?<![虚模比])拟|计划|将要|准备|即将|下一步|下步")
_DOCNO_YEAR = re.compile(r"[〔\[［【(（﹝]\s*(\d{4})\s*[〕\]］】)）﹞]")

_DATE_RE = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?(?!度|以来|起|底|前|后)")
_DOCNO_RE = re.compile(
    r"^\s*[（(]\s*([^（）()，。]{1,16}?[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号)\s*[）)]")
_DOCNO_INLINE = re.compile(r"^\s*([\u4e00-\u9fff]{1,8}[〔\[［【]\s*\d{4}\s*[〕\]］】]\s*第?\s*\d+\s*号)")

_PERIODICAL_TAIL = re.compile(r"(?:信息|日报|晚报|时报|早报|报|杂志|周刊|月刊|通讯|简报|内参|动态|专刊|快报|网|新闻)$")
_NEWS_BEFORE = re.compile(r"(?:文章|内参|报道|新闻|刊登|刊发|专栏|栏目|一文)[^，。；]{0,4}$|"
                          r"(?:入选|收录|编入|选入)[^，。；]{0,12}$")
_NEWS_BEFORE = class_led(_NEWS_BEFORE)  # (the same matches, tried where one can open)
# the number of the proposal being answered, right after its title: 《…》（第1021号）
_PROPOSAL_NO_AFTER = re.compile(r"^\s*[（(]\s*第?\s*[A-Za-z]{0,2}\d+\s*号")
# a survey or study cited for its figures: 《…满意度》调查数据显示
_STUDY_AFTER = re.compile(r"^(?:\[\d+\])?\s*(?:调查|数据显示|报告显示|显示|入选|获评|荣获)")
# a bare document word standing for a title named in full elsewhere (以下简称《意见》, 贯彻《条例》, 《实施意见》提出,
# 《规划》明确: a news item retelling a plan it names unquoted)
_BARE_TYPE = re.compile(r"^(?:实施)?(?:通知|意见|条例|办法|规定|决定|细则|通告|公告|规划|纲要)$")
# laws and regulations are cited, not issued, by the bodies that write these texts
_LAW = re.compile(r"^中华人民共和国|(?:(?<![办方])法|法典|条例)(?:[(（]试行[)）])?$")
_ISSUE_BEFORE = re.compile(r"第\s*\d+\s*期\s*$")
_PROPOSAL_TAIL = re.compile(r"(?:提案|议案|建议)$")
# the place a local regulation's title opens with (某市…条例, 某自治州…条例)
_PLACE_OPENING = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:自治州|省|市|州|盟|县|区)")
# a single character of citing written straight before the title (按《…办法》, 依《…》)
_CITED_AS_BASIS = ("按", "依")
# a plan's 建议 that a party committee issues (关于制定…规划和…远景目标的建议) is a document of policy, not a proposal
_PLAN_PROPOSAL = re.compile(r"规划[^《》]{0,30}建议$")
_RECEIVED_AFTER = re.compile(r"^\s*(?:的)?(?:提案|议案|建议)?\s*(?:收悉|已收悉)")
# 《…》的建议案/提案: the title of a proposal, wherever it stands; 您/贵委提出的《…》: the proposal answered
_PROPOSAL_AFTER = re.compile(r"^\s*(?:的)?(?:建议案|提案|议案)")
_PROPOSER_BEFORE = re.compile(r"(?:您|你们?|贵委|贵会|贵单位|代表|委员)[^。，,；;《》]{0,8}(?:提出|提交|所提)(?:了|的)?$")
# a newspaper cited by its date and page: 《…报》（2023年09月11日 第18版）
_EDITION_AFTER = re.compile(r"^\s*[（(]?[^（）()《》\n]{0,20}第\s*\d+\s*版")
# letters and leaflets handed out are not documents of policy
_LETTER = re.compile(r"(?:一封信|公开信|慰问信|感谢信|贺信|明白纸|明白卡)$")
# the word a policy document's title ends with (its kind). A title without one, that no verb of
# issuing, planning or citing introduces, is a book, a song, a programme or an article.
_DOC_KIND_END = re.compile(
    r"(?:意见|通知|办法|方案|规定|细则|条例|法|法典|决定|决议|计划|规划|纲要|纲领|制度|机制|体系|标准|规范|"
    r"指引|指南|清单|目录|函|批复|公告|通告|通报|报告|要点|规则|措施|守则|公约|章程|导则|准则|须知|台账|汇报|"
    r"请示|纪要|任务|议案|建议|提案|答复|草案|稿|手册|事务|工作|行动|工程|流程|分工|职责|协议|约定|承诺书)$")
# a title's head before 关于 that lists bodies: the bodies, separators and 等部门 / 中共 / 联合
_MAX_TITLE_HEAD = 48
_HEAD_FILLER = re.compile(r"(?:[\s　、,，和及与]|中共|等(?:\d+个|[一二三四五六七八九十]+个)?(?:部门|单位)|联合)*")
# a draft named as one in its title's note: （征求意见稿）, （草案）, （送审稿）
_DRAFT_NOTE = re.compile(r"[（(]\s*(?:征求意见稿|草案|送审稿|讨论稿|初稿|修订稿|代拟稿)\s*[)）]\s*$")
_TRAILING_NOTE = re.compile(r"(?:\s*[（(][^（）()]{0,24}[)）])+\s*$")
# a status told after the titles (《…方案》起草工作已基本完成, 《…办法》正在征求意见, 《…》已印发实施)
_STATUS_AFTER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"起草|草拟|正在(?![^，。；,;]{0,4}(?:实施|执行|落实|推进|推行|施行|贯彻))|征求意见|[制修]订中|制定中|待(?:审议|审定|印发|出台|发布)|初稿|草案|送审稿"), "drafting"),
    (re.compile(r"即将|将于|拟于|计划于|年内出台|有望"), "planned"),
    (re.compile(r"已(?:经)?(?:正式)?(?:印发|出台|发布|颁布|实施|下发|施行|通过)|印发实施|正式(?:印发|出台|实施)|审议通过"), "issued"),
)


@dataclass(frozen=True)
class Title:
    """One 《…》 span: ``start``/``end`` are the offsets of the title text inside the brackets."""
    title: str
    start: int
    end: int


def find_titles(text: str) -> list[Title]:
    """Every outermost 《…》 in ``text`` (nested 《》 inside a title stay part of it).

    The policies and measures steps both ask for the titles of the document's text: the list for
    the last text is kept (checked by identity) and shared, so callers must not change it."""
    if _LAST_TITLES and _LAST_TITLES[0] is text:
        return _LAST_TITLES[1]
    out = _find_titles(text)
    _LAST_TITLES[:] = [text, out]
    return out


_LAST_TITLES: list = []


def _find_titles(text: str) -> list[Title]:
    out: list[Title] = []
    depth, open_at = 0, -1
    for i in stop_positions(text, _BRACKET_CHARS):  # (the offsets of _BRACKETS' matches, from one table pass)
        ch = text[i]
        if ch == "《":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                inner = text[open_at + 1:i]
                if inner.strip():
                    out.append(Title(inner, open_at + 1, i))
        elif ch == "\n":
            depth = 0
    if depth == 1 and "\n" not in text[open_at:].rstrip("\n") and len(text) - open_at <= 81:
        inner = text[open_at + 1:].rstrip()  # an excerpt cut inside its last title
        if inner:
            out.append(Title(inner, open_at + 1, open_at + 1 + len(inner)))
    return out


_BRACKETS = re.compile(r"[《》\n]")
_BRACKET_CHARS = "《》\n"


def _clause_start(text: str, pos: int, stops: str = _CLAUSE_END) -> int:
    """One past the last ``stops`` char before ``pos`` (bisected over a cached stop index)."""
    return stop_before(text, pos, stops)


def date_before(text: str, sent_start: int, pos: int) -> str | None:
    """The last date written between the sentence start and ``pos`` (YYYY[-MM[-DD]])."""
    best = None
    for m in _DATE_RE.finditer(text, sent_start, pos):
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if not 1900 < int(y) < 2100:
            continue
        best = y
        if mo and 1 <= int(mo) <= 12:
            best += f"-{int(mo):02d}"
            if d and 1 <= int(d) <= 31:
                best += f"-{int(d):02d}"
    return best


def status_of(head: str) -> tuple[str, int] | None:
    """Status from the verb nearest the end of ``head``, with the verb's start offset in it."""
    last = None
    for m in _VERB_RE.finditer(head):
        last = m
    if last is None:
        return None
    status = _VERB_STATUS[last.group(0)]
    if status == "issued":
        lead = head[max(0, last.start() - 8):last.start()]
        if _PLANNED_MODAL.search(lead):
            status = "planned"
        elif "正在" in lead:
            status = "drafting"
    return status, last.start()


def _is_proposal_title(title: str) -> bool:
    """A title written as a member's or deputy's proposal is named: 《关于…的建议》 (议案) with no body before its
    关于, and any 《…提案》. A 政协's or 人大's work item lists the proposals it follows up, a reply those it answers; none
    is a document of policy (a plan's 建议, 《关于制定…规划…的建议》, is a party committee's document)."""
    bare = without_pinyin(title)[0]  # (关(guān)于 on mirror pages)
    if bare.endswith("提案"):
        return True  # only CPPCC members and bodies write 提案, whatever the title's opening
    return bare.startswith("关于") and _PROPOSAL_TAIL.search(bare) is not None and _PLAN_PROPOSAL.search(bare) is None


def _is_skipped(text: str, t: Title, reply: bool = False) -> bool:
    before = text[max(0, t.start - 16):t.start - 1]
    after = text[t.end + 1:t.end + 24]
    if reply and _PROPOSAL_TAIL.search(t.title):
        return True  # a reply cites proposals and suggestions, it does not issue them
    title = t.title.strip()
    if _RECEIVED_AFTER.match(after) or _PROPOSAL_NO_AFTER.match(after) or _STUDY_AFTER.match(after) \
            or _BARE_TYPE.match(title) or before.endswith("简称") or _PROPOSAL_AFTER.match(after) \
            or _PROPOSER_BEFORE.search(before) or _EDITION_AFTER.match(after) or _LETTER.search(title):
        return True
    if _PROPOSAL_TAIL.search(t.title) and _rx(r"(?:提出|提交|您|你们?)[^。]{0,6}$").search(before):
        return True
    if _is_proposal_title(title):
        return True
    if _ISSUE_BEFORE.search(before) or (_PERIODICAL_TAIL.search(title) and len(title) <= 8):
        return True
    return bool(_NEWS_BEFORE.search(before))


def _agency_spans(ctx: Context) -> list[tuple[int, int, AgencyRec]]:
    spans = [(m.start, m.end, a) for a in ctx.agencies for m in a.mentions]
    spans.sort(key=lambda s: (s[0], s[1]))
    return spans


def _groups(spans: list[tuple[int, int, AgencyRec]], text: str) -> list[tuple[int, int, list[str]]]:
    """Agency mentions joined into joint groups (市委、市政府 / 市委市政府 / “两办” → two)."""
    groups: list[tuple[int, int, list[str]]] = []
    for s, e, a in spans:
        if groups:
            gs, ge, names = groups[-1]
            gap = text[ge:s] if s >= ge else ""
            if s < ge or _rx(r"[、和与及]?").fullmatch(gap):
                if a.name not in names:
                    names.append(a.name)
                groups[-1] = (gs, max(ge, e), names)
                continue
        groups.append((s, e, [a.name]))
    return groups


def _issuer(ctx: Context, groups, clause_lo: int, verb_at: int | None, status: str | None,
            title_at: int, group_starts: list[int] | None = None) -> str | None:
    starts = [g[0] for g in groups] if group_starts is None else group_starts
    inside = [g for g in groups[bisect_left(starts, clause_lo):bisect_right(starts, title_at)]
              if g[1] <= title_at]
    if not inside:
        return None
    if status == "referenced" and verb_at is not None:
        after = [g for g in inside if g[0] >= verb_at]
        if after:
            return "、".join(after[-1][2])
    if verb_at is not None:
        before = [g for g in inside if g[1] <= verb_at]
        if before:
            return "、".join(before[0][2])
    return "、".join(inside[0][2])


def _lead_clause_start(text: str, pos: int) -> int:
    """Clause start, extended back over clauses that continue one subject: a clause opening
    with 并/同时 continues the previous one, and a clause that only names a lead body (X牵头，…)
    is the subject of the next."""
    lo = _clause_start(text, pos)
    sent = _clause_start(text, pos, _SENTENCE_END)
    while lo > sent:
        prev_lo = _clause_start(text, lo - 1)
        prev = text[prev_lo:lo - 1]
        if text[lo:lo + 2].startswith(("并", "同时", "还")) or _rx(r"(?:牵头|负责|组织|会同)$").search(prev):
            lo = prev_lo
        else:
            break
    return lo


def _own_regulation(title: str, head: str) -> bool:
    """A place's own regulation told as its own act (某市出台《某市…条例》): the place that opens the title is
    the one the clause before it names."""
    m = _PLACE_OPENING.match(title)
    return m is not None and m.group() in head


def _cited_earlier_in_sentence(text: str, lo: int, pos: int) -> tuple[str, int] | None:
    """A title whose own clause has no verb, in a sentence that opened by citing (为贯彻落实《甲》（文号），某厅
    《乙》，…): cited too, with the verb's offset from ``lo`` (negative: it stands before the clause)."""
    sent_lo = max(_clause_start(text, pos, _SENTENCE_END), pos - _MAX_LEAD)
    st = status_of(text[sent_lo:lo]) if sent_lo < lo else None
    return ("referenced", sent_lo + st[1] - lo) if st is not None and st[0] == "referenced" else None


def _status_after(text: str, end: int) -> str | None:
    """The status the words right after a title (or a run of titles) ending at ``end`` tell, up to
    the end of their clause."""
    hi = min(stop_at_or_after(text, end, _CLAUSE_END), end + 24)
    tail = text[end:hi]
    for rx, status in _STATUS_AFTER:
        if rx.search(tail):
            return status
    return None


def _run_end(text: str, titles: list[Title], i: int) -> int:
    """The offset after the closing 》 of the last title in the run of joined titles from ``i``."""
    while i + 1 < len(titles) and _JOINERS.match(text[titles[i].end + 1:titles[i + 1].start - 1]):
        i += 1
    return titles[i].end + 1


def _issuer_in_title(title: str, subject: str | None) -> str | None:
    """The bodies a title names before its 关于 (《市政府关于…的通知》, 《中共某省委 某省人民政府关于…的意见》,
    《某省住房和城乡建设厅等部门关于…的函》), when that head is nothing but bodies: a title names its
    issuer exactly, so this wins over the bodies of the sentence around it."""
    at = title.find("关于")
    if not 2 <= at <= _MAX_TITLE_HEAD:
        return None
    head = title[:at]
    found = agency_mentions(head, subject)
    if not found:
        return None
    rest, last = [], 0
    for a in found:
        rest.append(head[last:a.start])
        last = a.end
    rest.append(head[last:])
    if not _HEAD_FILLER.fullmatch("".join(rest)):
        return None  # the head says more than who issued it (某市2021年…关于): not a list of bodies
    names: list[str] = []
    for a in found:
        if a.name not in names:
            names.append(a.name)
    return "、".join(names)


def _names_a_kind(title: str) -> bool:
    """Does the title end with the word for a kind of document (…办法, …方案（试行）)?"""
    return _DOC_KIND_END.search(_TRAILING_NOTE.sub("", title.strip())) is not None


def extract_policies(ctx: Context) -> None:
    text = ctx.text
    groups = _groups(_agency_spans(ctx), text)
    group_starts = [g[0] for g in groups]
    by_title: dict[str, PolicyRec] = {}
    prev: tuple[Title, dict] | None = None
    titles = find_titles(text)
    reply = handles_proposals(ctx.document)
    skipped = {t.title for t in titles if _is_skipped(text, t, reply)}
    defaulted: set[str] = set()  # titles whose status no verb stated yet
    for i, t in enumerate(titles):
        if t.title in skipped:  # the proposal answered is skipped wherever it is named
            prev = None
            continue
        attrs: dict
        if prev is not None and _JOINERS.match(text[prev[0].end + 1:t.start - 1]) is not None:
            attrs = prev[1]
        else:
            # the lead clause and sentence are read at most _MAX_LEAD back (a text without
            # punctuation would otherwise be re-read for every title)
            lo = max(_lead_clause_start(text, t.start - 1), t.start - 1 - _MAX_LEAD)
            head = text[lo:t.start - 1]
            st = status_of(head)
            if head.endswith(_CITED_AS_BASIS):
                st = ("referenced", len(head) - 1)  # 按《…办法》, 依《…》: the document the work goes by
            elif st is None:
                st = _cited_earlier_in_sentence(text, lo, t.start - 1)
            told_after = _status_after(text, _run_end(text, titles, i)) if st is None else None
            if st is None and told_after is None and not _names_a_kind(t.title):
                prev = None
                continue  # no verb and no kind of document: a book, a song, a programme, an article
            status = st[0] if st else told_after or "issued"
            if status == "issued" and _LAW.search(t.title) and not _own_regulation(t.title, head):
                status = "referenced"
            if status == "issued" and _DRAFT_NOTE.search(t.title):
                status = "drafting"  # 印发《…办法（征求意见稿）》: the draft was sent out, not the document
            verb_at = lo + st[1] if st else None
            sent_lo = max(_clause_start(text, t.start - 1, _SENTENCE_END), t.start - 1 - _MAX_LEAD)
            date = date_before(text, sent_lo, t.start - 1) if status in ("issued", "referenced") else None
            attrs = {"status": status, "date": date, "verb": st is not None or told_after is not None,
                     "issuer": _issuer(ctx, groups, lo, verb_at, status, t.start - 1, group_starts)}
        prev = (t, attrs)
        after = without_pinyin(text[t.end + 1:t.end + 60])[0][:40]  # (号(hào) on mirror pages)
        m = _DOCNO_RE.match(after) or _DOCNO_INLINE.match(after)
        docno = m.group(1).strip() if m else None
        mention = Mention(start=t.start, end=t.end, as_written=t.title)
        rec = by_title.get(t.title)
        if rec is None:
            by_title[t.title] = PolicyRec(title=t.title, issuer=attrs["issuer"], doc_number=docno,
                                          date=attrs["date"], status=attrs["status"], mentions=[mention])
            if not attrs["verb"]:
                defaulted.add(t.title)
        else:
            if t.title in defaulted and attrs["verb"]:  # a verb at a later mention says more
                rec.status = attrs["status"]
                defaulted.discard(t.title)
            rec.mentions.append(mention)
            rec.doc_number = rec.doc_number or docno
            rec.issuer = rec.issuer or attrs["issuer"]
            rec.date = rec.date or attrs["date"]
    subject = ctx.subject_code()
    for rec in by_title.values():
        named = _issuer_in_title(rec.title, subject)
        rec.issuer = named or rec.issuer
        if rec.date is None and rec.doc_number and rec.status in ("issued", "referenced"):
            y = _DOCNO_YEAR.search(rec.doc_number)  # dated by its number's year where the text gives none
            rec.date = y.group(1) if y else None
    ctx.policies.extend(by_title.values())
