"""From one extraction record to the set of nodes and relationships it supports (a ``DocumentDelta``).

Every node and relationship of the delta carries evidence from this document: (doc_id, start, end,
quote). Every node a relationship touches carries evidence too, so removing a document can delete
whatever is left with none. The stores only apply deltas; all modelling decisions live here.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import model as m
from graph.model import Evidence
from graph.quotes import CARRIES_ON, QUOTE_MAX, sentence_ends, sentence_span
from graph.resolve import (
    canonical_agency_name,
    canonical_place_name,
    guess_level,
    official_place_name,
    place_code,
    same_policy_title,
    split_policy_title,
)
from loaders.record import ExtractionRecord
from loaders.reference import ISSUING, LIST_CUT, LISTED_RULE, PARTY_BUILDING, PARTY_ORGS, SETS_UP

__all__ = [
    "DocumentDelta",
    "Evidence",
    "NodeRow",
    "RelRow",
    "record_to_delta",
    "record_version",
]

# from a listed item to the figure that counts the list: “、经费保障、文明建设等” before 6个工作专班
_ENUMERATION_TO_FIGURE = re.compile(r"[^，,。；;：:]*等")
_CLAUSE_MARK = re.compile(r"[，,；;：:。！？!?\n]")
# a clause saying what an amount is for (…筹措资金226.32亿元，为全省城乡社区治理提供资金保障 / ，用于…): the amount's purpose
_FOR_PURPOSE = re.compile(r"\s*(?:专项|全部|主要)?(?:用于|用以|为)")
# … or a clause of the means, then what the amount was spent on and what was done to it (市政府投入预算1.5亿元，采取…等方式，
# 对城市社区综合服务设施进行升级改造): that clause is the amount's purpose (as ``loaders.extract.metrics`` labels it)
_MEANS_THEN_TREATED = re.compile(r"\s*(?:采取|通过|按照|依托)[^。；;！？!?\n]{0,50}?(?:方式|办法|形式|途径)[，,]\s*(?=对)")
_SENTENCE_STOPS = "。！？；!?;\n"
# the longest sentence a measure's span may open with as its title (one clause)
_TITLE_MAX = 24
# a figure counting documents (…等20余个文件, 12项制度): what their titles name is not what it measures
_DOCUMENTS_COUNTED = re.compile(r"[^，,。；;\d]{0,4}?(?:文件|制度|办法|意见|方案|政策|规定|细则)")
# a clause saying what people wish for (…是75户320名群众的夙愿) counts who wants the work, not what it did
# a clause that says when, no more (2018年以来，… / 截至目前，…): the topic is the clause after it
_TIME_CLAUSE = re.compile(r"\s*(?:(?:\d{4}\s*年|今年|去年|近年|近年来|近\S{1,2}年)(?:以来|至今|起|初|底|末|上半年|下半年|来)?"
                          r"|截至目前|截止目前|目前|当前|截至\S{0,12}|同时|此外|另外|其中|近年来)\s*")
# a figure in a clause (a number and the character after it: a unit or 余/多/万)
_FIGURE_IN = re.compile(r"\d+(?:\.\d+)?\s*[\u4e00-\u9fff%％]")
_WISH = re.compile(r"夙愿|心愿|愿望|期盼|期待|盼望")
# party organisations a figure counts as set up (推动成立2个独立物业企业党支部, 建立小区党支部1275个): the work of party
# building itself, so the figure measures 党建引领 wherever its measure is of it, whatever its clause names
_PARTY_ORGS_COUNTED = re.compile(r"\s*(?:余|多)?(?:个|家|支)?[\u4e00-\u9fff]{0,10}?(?:" + PARTY_ORGS + r")(?![书委])")
_PARTY_ORGS_BEFORE = re.compile(r"(?:" + PARTY_ORGS + r")\s*$")      # (建立小区党支部1275个)
_PARTY_ORGS_SET_UP = re.compile(r"(?:" + SETS_UP + r")[^，,；;：:。！？!?\n]{0,16}$")
# a list or rule a clause issues (出台社区减负“211”清单), then what it cut in the clause straight after (取消社区证明事项37个): the
# list's own result, so the figure measures the list's practice too (``loaders.extract.figure_measures`` makes the measure)
_LIST_ISSUED = re.compile(r"(?:" + ISSUING + r")[^，,；;：:。！？!?\n]*?(?:" + LISTED_RULE + r")[^，,；;：:。！？!?\n]{0,4}$")
# a clause that counts what the place has (全市共有老旧小区144个, 辖15个住宅小区, 现有城市社区29个) states its
# size, not work done; one that counts what is still missing (137个小区未纳入物业管理) counts no result
_HOLDS_BEFORE = re.compile(r"(?:共有|现有|拥有|下辖|辖有|(?<![管统直])辖(?![区内]))[^，,。；;\d]{0,10}$")
# a verb of work in a figure's own clause (…，18个社区全部实现…“一肩挑”): the clause reports its own result, so a clause
# before it that holds a figure of its own (招聘…社区工作者108名，…) lends it no practice — that figure measures it
_OWN_WORK = re.compile(r"实现|成立|建立|组建|建成|设立|设置|开展|完成|实施|打造|注册|培育|招募|聘请|配备|发放|解决|划分|覆盖|"
                       r"新增|投入|安排|清理|选举|举办|引导|报到|改造|新建|培训|评选|推选|捐款|签订")
# a name as an idea that came about (“红色物业”的提出，标志着…): what the idea meant (as the practices step reads it)
_IDEA_CAME = re.compile(r"[^，,。；;！？!?\s“”\"]{0,6}[”\"]?(?:理念|概念|模式)?的(?:提出|出现|诞生|兴起)")
# the end of a list of tasks: 等, then what its items are (…、党员发展等工作的同时)
_TASKS_CLOSED = re.compile(r"等(?=[^，,。；;：:]{0,3}(?:工作|任务|方面|领域|内容|事项|职能|业务))")
# a lead that heads what follows it as plans (下一步，我们将… / 三、下一步工作打算 / 今后，…), at most _LEAD_HEAD characters
# after its sentence's or line's start (三、, （四）, 我们)
# a sentence whose subject is a visiting group that goes to see the place (调研组一行冒雨实地走访了…): what a sentence carrying
# on it (``graph.quotes.CARRIES_ON``: 随后，…与居民代表等进行座谈) reports is the visitors' act
_VISITORS_WENT = re.compile(r"(?:一行|调研组|考察组|检查组|督查组|督导组|视察组|考察团|代表团)[^。；;！？!?\n]{0,30}?(?:实地|现场)?"
                            r"(?:走访|参观|察看|查看|视察|考察)")
_PLAN_LEAD = re.compile(r"下一步|下步(?!骤)|下阶段|今后|工作打算|工作计划|工作思路|努力方向")
_LEAD_HEAD = 6
_MISSING = re.compile(r"(?:尚未|仍未|暂未|还未|未能|没有|未)(?:纳入|建立|成立|组建|覆盖|实现|配备|开展|实施|建成|落实)")


def record_version(rec: ExtractionRecord) -> str:
    """Changes when the extraction result or the graph model changes (then the document reloads)."""
    return m.short_hash(rec.model_dump_json(), str(m.MODEL_VERSION))


@dataclass
class NodeRow:
    label: str
    id: str
    props: dict[str, Any]
    ev: list[Evidence] = field(default_factory=list)


@dataclass
class RelRow:
    type: str
    start_label: str
    start: str
    end_label: str
    end: str
    props: dict[str, Any]
    ev: list[Evidence] = field(default_factory=list)


@dataclass
class DocumentDelta:
    doc_id: str
    version: str
    source: str
    document: dict[str, Any]
    nodes: dict[str, NodeRow] = field(default_factory=dict)
    rels: dict[tuple[str, str, str], RelRow] = field(default_factory=dict)

    def node(self, label: str, node_id: str, props: dict[str, Any], ev: list[Evidence]) -> str:
        row = self.nodes.get(node_id)
        clean = {k: v for k, v in props.items() if v is not None}
        if row is None:
            row = self.nodes[node_id] = NodeRow(label, node_id, clean, [])
        else:
            row.props.update(clean)
        _add_ev(row.ev, ev)
        return node_id

    def rel(self, rel_type: str, start: str, end: str, ev: list[Evidence],
            props: dict[str, Any] | None = None) -> None:
        key = (rel_type, start, end)
        row = self.rels.get(key)
        clean = {k: v for k, v in props.items() if v is not None} if props else {}
        if row is None:                        # (a row's ends, and so their labels, were checked then)
            start_label = "Document" if start == self.doc_id else self.nodes[start].label
            end_label = "Document" if end == self.doc_id else self.nodes[end].label
            m.rel_spec(rel_type, start_label, end_label)          # KeyError: not in the model
            row = self.rels[key] = RelRow(rel_type, start_label, start, end_label, end, clean, [])
        elif clean:
            row.props.update(clean)
        _add_ev(row.ev, ev)
        nodes = self.nodes                     # endpoints are supported by what supports the rel
        node = nodes.get(start)
        if node is not None and not node.ev:
            _add_ev(node.ev, ev)
        node = nodes.get(end)
        if node is not None and not node.ev:
            _add_ev(node.ev, ev)

    def counts(self) -> tuple[int, int]:
        return len(self.nodes) + 1, len(self.rels)


def _add_ev(target: list[Evidence], ev: list[Evidence]) -> None:
    if not target and len(ev) == 1:
        target.append(ev[0])
        return
    seen = {(d, s, e) for d, s, e, _ in target}
    for item in ev:
        if (item[0], item[1], item[2]) not in seen:
            seen.add((item[0], item[1], item[2]))
            target.append(item)


@dataclass(frozen=True)
class _MeasureSpan:
    start: int
    end: int
    node_id: str
    place: str | None            # the node id of the place that does it
    status: str | None
    practices: tuple[str, ...]


def _practice_match(practice: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first span of ``text[start:end]`` naming ``practice``: its name, else (for a taxonomy
    practice) an alias or cue of ``data/practices.json``; None when nothing does."""
    from loaders.reference import load_taxonomy, without_pinyin

    name = m.norm(practice)
    pos = text.find(name, start, end) if name else -1
    if pos >= 0:
        return pos, pos + len(name)
    entry = load_taxonomy().by_name.get(name)
    found = entry.pattern.search(text, start, end) if entry is not None else None
    if found is None and entry is not None and text.find("(", start, end) >= 0:
        # a mirror page's pinyin glosses inside the words (社區(qū)發(fā)展社會組織8個): read without them, as the
        # practices step reads, and given back as written
        local, to_text = without_pinyin(text[start:end])
        if len(local) < end - start:
            found_local = entry.pattern.search(local)
            if found_local is not None and found_local.end() > found_local.start():
                return start + to_text(found_local.start()), start + to_text(found_local.end() - 1) + 1
    if found is None or found.end() <= found.start():
        return None
    return found.start(), found.end()


_UNSEEN = object()      # (a memo's miss: ``_Builder.match`` keeps None results too)
_TOOK_PART = re.compile(r"参与|参加|參與|參加")


class _Builder:
    def __init__(self, rec: ExtractionRecord, practice_names: frozenset[str]):
        self.rec = rec
        self.text = rec.text
        self._scan: str | None = None
        self.ends = sentence_ends(rec.text)
        self.doc = rec.doc_id
        self.taxonomy = practice_names
        meta = rec.document
        year = int(meta.date[:4]) if meta.date else None
        props = meta.model_dump()
        props.update(id=rec.doc_id, year=year, source=rec.source, excerpt=rec.excerpt, text=rec.text,
                     version=record_version(rec), complete=False)
        self.delta = DocumentDelta(rec.doc_id, props["version"], rec.source,
                                   {k: v for k, v in props.items() if v is not None})
        self.place_ids: dict[str, str] = {}
        self.model_ids: dict[str, str] = {}
        self.records = {m.name_key(canonical_place_name(p.name)): p for p in rec.places}
        self.model_evs: dict[str, list[Evidence]] = {}     # model name key → its mentions' and components' evidence
        self._hits: dict[str, list[int]] = {}             # practice → its cue offsets, in order (lazy)
        self._quoted: list[tuple[int, int]] | None = None   # the proposal's quoted spans (lazy)
        self._practice_evs: dict[tuple[int, int, str], list[Evidence]] = {}
        # per span: its evidence, whether its sentence states a plan, where the plan it carries on starts
        # (asked again and again of the same spans: a measure's span for each of its practices and facts)
        self._evs: dict[tuple[int, int], Evidence] = {}
        self._plans: dict[tuple[int, int], bool] = {}
        self._promises: dict[tuple[int, int], int | None] = {}
        self._sentences: dict[tuple[int, int], tuple[int, int]] = {}
        self._matches: dict[tuple[str, int, int], Any] = {}

    # -- evidence -------------------------------------------------------------------------------
    @property
    def scan(self) -> str:
        """The text folded to simplified characters, one for one (``fold_name``): the taxonomy's names
        and cues are written in simplified characters, and a traditional page (網格員, 老舊小區) must
        name its practices in the same sentences; offsets are the text's."""
        if self._scan is None:
            from loaders.reference import fold_name

            self._scan = fold_name(self.text)
        return self._scan

    def ev(self, start: int, end: int) -> Evidence:
        if not (0 <= start <= end <= len(self.text)):
            start = end = 0
        found = self._evs.get((start, end))
        if found is None:
            if start < end:
                left, right = self.sentence(start, end)
                quote = self.text[left:right]
            else:
                quote = ""
            found = self._evs[(start, end)] = Evidence(self.doc, start, end, quote)   # (``sentence_around``)
        return found

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """``sentence_span`` of the text for ``[start, end)``, asked again and again of the same spans (a
        measure's, a model's mentions for each of its practices): kept per span."""
        found = self._sentences.get((start, end))
        if found is None:
            found = self._sentences[(start, end)] = sentence_span(self.text, start, end, self.ends)
        return found

    def match(self, practice: str, start: int, end: int) -> tuple[int, int] | None:
        """``_practice_match`` in the folded text (``scan``), kept per practice and span."""
        key = (practice, start, end)
        found = self._matches.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._matches[key] = _practice_match(practice, self.scan, start, end)
        return found  # type: ignore[return-value]

    def ev_mentions(self, mentions: list[Any], *names: str | None) -> list[Evidence]:
        out = [self.ev(mm.start, mm.end) for mm in mentions
               if 0 <= mm.start < mm.end <= len(self.text)]
        return out or [self.find(*names)]

    def find(self, *names: str | None, after: int = 0) -> Evidence:
        """Evidence for a name the record gives without a span: its first occurrence, else the
        empty span (0, 0, "") meaning 'stated by the document as a whole'."""
        for name in names:
            if name:
                pos = self.text.find(name, after)
                if pos < 0 and after:
                    pos = self.text.find(name)
                if pos >= 0:
                    return self.ev(pos, pos + len(name))
        return Evidence(self.doc, 0, 0, "")

    # -- places ---------------------------------------------------------------------------------
    def place(self, name: str | None, _depth: int = 0) -> str | None:
        if not name or not name.strip():
            return None
        canon = canonical_place_name(name)
        key = m.name_key(canon)
        if key in self.place_ids:
            return self.place_ids[key]
        rec = self.records.get(key)
        parent_id = None
        if rec is not None and rec.parent and _depth < 6 and m.name_key(canonical_place_name(rec.parent)) != key:
            parent_id = self.place(rec.parent, _depth + 1)
        parent_code = parent_id if parent_id and parent_id.isdigit() else None
        adcode = (rec.adcode if rec is not None else None) or place_code(canon, parent_code)
        level = rec.level if rec is not None else guess_level(canon)
        node_id = m.place_id(canon, adcode, parent_id)
        ev = self.ev_mentions(rec.mentions, name, canon) if rec is not None else [self.find(name, canon)]
        self.delta.node("Place", node_id, {"name": official_place_name(canon, adcode), "level": level,
                                           "adcode": adcode}, ev)
        self.place_ids[key] = node_id
        if parent_id and parent_id != node_id:
            self.delta.rel("PART_OF", node_id, parent_id, ev)
        return node_id

    def agency(self, name: str | None, ev: list[Evidence] | None = None) -> str | None:
        if not name or not name.strip():
            return None
        canon = canonical_agency_name(name)
        node_id = m.agency_id(canon)
        self.delta.node("Agency", node_id, {"name": canon}, ev or [self.find(name, canon)])
        return node_id

    def practice(self, name: str, ev: list[Evidence]) -> str:
        canon = m.norm(name)
        origin = "taxonomy" if canon in self.taxonomy else "document"
        return self.delta.node("Practice", m.practice_id(canon), {"name": canon, "origin": origin}, ev)

    # -- the record -----------------------------------------------------------------------------
    def build(self) -> DocumentDelta:
        rec, d, doc = self.rec, self.delta, self.doc
        meta = rec.document
        subject = self.place(meta.subject_place)
        if meta.province:
            self.place(meta.province)
        for p in rec.places:
            pid = self.place(p.name)
            if pid:
                d.rel("MENTIONS", doc, pid, d.nodes[pid].ev)
        if subject:
            d.rel("ABOUT", doc, subject, [self.find(meta.subject_place)])
        if meta.issuer:
            ag = self.agency(meta.issuer)
            if ag:
                d.rel("ISSUED_BY", doc, ag, d.nodes[ag].ev)
        for a in rec.agencies:
            ev = self.ev_mentions(a.mentions, a.name)
            ag = self.agency(a.name, ev)
            if ag:
                d.rel("MENTIONS", doc, ag, ev)
                place = self.place(a.place)
                if place:
                    d.rel("LOCATED_IN", ag, place, ev)
        self.policies()
        self.models(subject)
        measure_spans = self.measures(subject)
        self.metrics(subject, measure_spans)
        self.adopts(subject)
        for lr in rec.learning:
            learner, source = self.place(lr.learner), self.place(lr.source)
            if learner and source and learner != source:
                ev = [self.ev(lr.span.start, lr.span.end)] if lr.span else [self.find(lr.source)]
                d.rel("LEARNED_FROM", learner, source, ev, {"what": lr.what})
        for person in rec.people:
            pid = d.node("Person", m.person_id(person.name, subject), {"name": person.name},
                         [self.find(person.name)])
            rel_type = {"proposer": "PROPOSED", "signatory": "SIGNED"}.get(person.role, "NAMED_IN")
            props = {"role": person.role} if rel_type == "NAMED_IN" else None
            d.rel(rel_type, pid, doc, d.nodes[pid].ev, props)
        return d

    def policies(self) -> None:
        d, seen = self.delta, []       # seen: (canonical title, issuer, id) for in-document variants
        for p in self.rec.policies:
            title, issuer_in_title = split_policy_title(p.title)
            issuer = canonical_agency_name(p.issuer or issuer_in_title) if (p.issuer or issuer_in_title) else None
            node_id = next((pid for t, i, pid in seen if i == issuer and same_policy_title(t, title)), None)
            if node_id is None:
                node_id = m.policy_id(title, issuer)
                seen.append((title, issuer, node_id))
            ev = self.ev_mentions(p.mentions, p.title)
            d.node("Policy", node_id, {"title": title, "issuer": issuer, "doc_number": p.doc_number,
                                       "date": p.date, "status": p.status}, ev)
            d.rel("MENTIONS", self.doc, node_id, ev)
            ag = self.agency(issuer, ev) if issuer else None
            if ag:
                d.rel("ISSUED_BY", node_id, ag, ev)

    def model_id(self, name: str, owner: str | None) -> str:
        return self.model_ids.setdefault(m.name_key(name), m.named_model_id(owner, name))

    def models(self, subject: str | None) -> None:
        d = self.delta
        for nm in self.rec.named_models:
            owner = self.place(nm.owner) or subject
            node_id = self.model_id(nm.name, owner)
            ev = self.ev_mentions(nm.mentions, nm.name)
            d.node("NamedModel", node_id, {"name": m.norm(nm.name), "owner": nm.owner,
                                            "definition": nm.definition, "components": list(nm.components)}, ev)
            d.rel("MENTIONS", self.doc, node_id, ev)
            if owner:
                d.rel("OWNED_BY", node_id, owner, ev)
            after = ev[0].start
            # a component is written in the sentence naming the model or after it (自治、法治、德治“三治融合”;
            # “六大工程”即…), never before that sentence: looked for from its start only (强基 of
            # 网格、连心、家园、强基…“六大工程” is not the 强基 of an earlier 加强基层)
            lo = self.sentence(ev[0].start, ev[0].end)[0] if ev[0].start < ev[0].end else 0
            parts: list[Evidence] = []
            for order, phrase in enumerate(nm.components):
                pos = self.text.find(phrase, lo) if phrase else -1
                cid = d.node("Component", m.component_id(node_id, phrase), {"name": phrase},
                             [self.ev(pos, pos + len(phrase)) if pos >= 0 else Evidence(self.doc, 0, 0, "")])
                d.rel("HAS_COMPONENT", node_id, cid, d.nodes[cid].ev, {"order": order})
                parts.extend(d.nodes[cid].ev)
            # the sentences listing its components and the one defining it quote the model too
            definition = [self.find(nm.definition, after=after)] if nm.definition else []
            _add_ev(d.nodes[node_id].ev, [e for e in definition + parts if e.start < e.end])
            self.model_evs[m.name_key(nm.name)] = ev + parts
            for practice in nm.practices:
                pr = self.practice(practice, ev)
                d.rel("INSTANCE_OF", node_id, pr, self.model_practice_ev(ev + parts, practice))

    def model_practice_ev(self, evs: list[Evidence], practice: str) -> list[Evidence]:
        """Evidence that a named model is a form of ``practice``: the first of the sentences quoting
        it (its mentions, then its components) that names the practice, else its first mention."""
        for _doc, start, end, _quote in evs:
            if start < end:
                left, right = self.sentence(start, end)
                found = self.match(practice, left, right)
                if found:
                    return [self.ev(*found)]
        return evs[:1]

    def measure_ev(self, ms: Any) -> list[Evidence]:
        """Evidence for a measure: the sentence stating it (its summary, where the summary is written
        in its span), else the sentences of its span."""
        start, end = ms.span.start, ms.span.end
        pos = self.text.find(ms.summary, start, end) if ms.summary else -1
        return [self.ev(pos, pos + len(ms.summary))] if pos >= 0 else [self.ev(start, end)]

    def practice_ev(self, ms: Any, practice: str) -> list[Evidence]:
        """Evidence that measure ``ms`` is a form of ``practice``: the first sentence of its span that
        names the practice (its name, an alias or a cue), else the measure's own sentence. A title the span
        opens with (``推进社区综合服务设施建设。``: one short clause) says what the work is about, not what was
        done: a later sentence of the span naming the practice (``…投入1.5亿元，对社区综合服务设施进行升级
        改造``) is taken before it."""
        key = (ms.span.start, ms.span.end, practice)
        hit = self._practice_evs.get(key)
        if hit is None:
            found = self.match(practice, ms.span.start, ms.span.end)
            if found is not None:
                left, right = self.sentence(found[0], found[1])
                if right - left <= _TITLE_MAX and not _CLAUSE_MARK.search(self.text, left, right - 1) \
                        and not self.text[ms.span.start:left].strip():  # (it opens the span)
                    later = self.match(practice, right, ms.span.end)
                    if later is None and right < ms.span.end:
                        # no later sentence names it (实施清单减负。出台社区工作“四项清单”，…): the title is
                        # quoted with the sentence after it, the work it heads
                        nxt = self.sentence(right, right + 1)[1]
                        found = (found[0], min(nxt, ms.span.end)) if nxt > right else found
                    found = later or found
            hit = self._practice_evs[key] = [self.ev(*found)] if found else self.measure_ev(ms)
        return hit

    def measures(self, subject: str | None) -> list[_MeasureSpan]:
        d, spans = self.delta, []
        for ms in self.rec.measures:
            start, end = ms.span.start, ms.span.end
            ev = self.measure_ev(ms)
            node_id = m.measure_id(self.doc, start, end)
            d.node("Measure", node_id, {"summary": ms.summary, "status": ms.status, "year": ms.year,
                                        "doc_id": self.doc, "start": start, "end": end,
                                        "practices": list(ms.practices), "place": ms.place}, ev)
            d.rel("REPORTS", self.doc, node_id, ev)
            place = self.place(ms.place) or subject
            spans.append(_MeasureSpan(start, end, node_id, place, ms.status, tuple(ms.practices)))
            if place:
                d.rel("IMPLEMENTS", place, node_id, ev)
            for practice in ms.practices:
                d.rel("INSTANCE_OF", node_id, self.practice(practice, ev), self.practice_ev(ms, practice))
            for agency in ms.agencies:
                ag = self.agency(agency, [self.find(agency, after=start)])
                if ag:
                    d.rel("LED_BY", node_id, ag, ev)
            for name in ms.named_models:
                model_id = self.model_ids.get(m.name_key(name))
                if model_id is None:
                    model_id = self.model_id(name, place)
                    d.node("NamedModel", model_id, {"name": m.norm(name)}, [self.find(name, after=start)])
                    if place:
                        d.rel("OWNED_BY", model_id, place, d.nodes[model_id].ev)
                d.rel("USES_MODEL", node_id, model_id, ev)
        return spans

    def measured(self, mt: Any, practices: list[str]) -> list[str]:
        """Those of ``practices`` (its measures') that figure ``mt`` measures: the ones its own clause
        names (“…培育孵化社区社会组织，推进…“五社联动”，今年成功孵化社区社会组织21个” counts social
        organisations, not the 五社 scheme named before it); where its clause names none, those its
        sentence names in its first clause (its topic) or in the clause just before the figure's, outside
        《》 titles (``measures_practice``); none where its clause says
        what people wish for (``…活动场所是75户320名村民的夙愿``), what the place has (``全市共有老旧小区144个``,
        ``辖15个住宅小区``: its size, not work done) or what is still missing (``137个小区未纳入物业管理``)."""
        practices = list(dict.fromkeys(practices))
        if not practices:
            return []
        left, right = self.sentence(mt.start, mt.end)
        marks = [x.start() for x in _CLAUSE_MARK.finditer(self.text, left, mt.start)]
        after = _CLAUSE_MARK.search(self.text, mt.end, right)
        clause = (marks[-1] + 1 if marks else left, after.start() if after else right)
        if after is not None and self.text[after.start()] in "，," and "元" in mt.unit \
                and _FOR_PURPOSE.match(self.text, after.end()) is not None:
            # an amount, then what it is for (筹措资金226.32亿元，为…提供资金保障): the purpose is the figure's clause too
            purpose_end = _CLAUSE_MARK.search(self.text, after.end(), right)
            clause = (clause[0], purpose_end.start() if purpose_end else right)
        elif after is not None and self.text[after.start()] in "，," and "元" in mt.unit \
                and (treated := _MEANS_THEN_TREATED.match(self.text, after.end(), right)) is not None:
            # (…1.5亿元，采取…等方式，对…设施进行升级改造: what it was spent on, after the means, is its clause too)
            treated_end = _CLAUSE_MARK.search(self.text, treated.end(), right)
            clause = (clause[0], treated_end.start() if treated_end else right)
        if _WISH.search(self.text, *clause) or _MISSING.search(self.text, *clause) \
                or _HOLDS_BEFORE.search(self.text, clause[0], mt.start):
            return []
        named = [p for p in practices if self.measures_practice(mt, p, clause)]
        if PARTY_BUILDING in practices and PARTY_BUILDING not in named and mt.unit in ("个", "家", "支") \
                and (_PARTY_ORGS_COUNTED.match(self.text, mt.end, clause[1]) is not None
                     or _PARTY_ORGS_BEFORE.search(self.text, clause[0], mt.start) is not None) \
                and _PARTY_ORGS_SET_UP.search(self.text, clause[0], mt.start) is not None:
            named.append(PARTY_BUILDING)     # (推动成立2个独立物业企业党支部: party organisations set up)
        if marks and LIST_CUT.match(self.text, clause[0]) is not None:
            # (出台社区减负“211”清单，取消社区证明事项37个: what the list the clause before issued cut)
            before = (marks[-2] + 1 if len(marks) > 1 else left, marks[-1])
            if _LIST_ISSUED.search(self.text, *before) is not None:
                named += [p for p in practices if p not in named and self.match(p, *before) is not None]
        if named:
            return named
        # where its clause names none: the sentence's topic (its first clause, after a clause of time alone:
        # “网格化治理卓有成效，实现……”) or the clauses that lead to the figure's — the one before it, and
        # further back while each holds a figure (a run of results: “老旧小区改造已完成19个小区，配套绿地
        # 2000平方米，休闲亭11个”) — not any clause of a long sentence, nor a 《》 title's words (“出台《…党建…
        # 方案》，…，抓住28家物业企业” counts firms, it measures no title)
        bounds = [left] + [i + 1 for i in marks]          # clause starts up to the figure's
        # (where the figure's clause has a verb of work of its own, a clause holding a figure of its own is another
        # result: 招聘…社区工作者108名，18个社区全部实现…“一肩挑” — the 18 measure no recruiting)
        # (only where the units counted open the clause as its subject: 目前已建成面积…，覆盖31个社区 carries on the work)
        own_work = (not self.text[clause[0]:mt.start].strip() or _TIME_CLAUSE.fullmatch(self.text, clause[0], mt.start)
                    is not None) and _OWN_WORK.search(self.text, mt.end, clause[1]) is not None
        leads = []
        for k in range(len(bounds) - 1):
            if not (own_work and _FIGURE_IN.search(self.text, bounds[k], bounds[k + 1] - 1)):
                leads.append((bounds[k], bounds[k + 1] - 1))
            if not _TIME_CLAUSE.fullmatch(self.text, bounds[k], bounds[k + 1] - 1):
                break
        k = len(bounds) - 2
        while k >= 0:
            if own_work and _FIGURE_IN.search(self.text, bounds[k], bounds[k + 1] - 1):
                break
            leads.append((bounds[k], bounds[k + 1] - 1))
            if not _FIGURE_IN.search(self.text, bounds[k], bounds[k + 1] - 1):
                break
            k -= 1
        return [p for p in practices if any(self.measures_practice(mt, p, lead, titles=False) for lead in leads)]

    def measures_practice(self, mt: Any, practice: str, within: tuple[int, int], titles: bool = True) -> bool:
        """Whether the text ``within`` (the figure's sentence or clause) names ``practice`` before figure
        ``mt`` (“网格化治理卓有成效，实现……1862个小区单元全覆盖”) or in the figure's own clause, other
        than as one item of the list the figure counts (“党建引领、经费保障等6个工作专班” counts 专班), nor,
        for a count of documents or where ``titles`` is False, inside a 《》 title (“出台《…“共享+众筹”…方案》等
        20余个文件”)."""
        lo, hi = within
        found = self.match(practice, lo, hi)
        skip_titles = not titles or _DOCUMENTS_COUNTED.match(self.text, mt.end, min(hi, mt.end + 12)) is not None
        # (a title names a document counted; an earlier item of a list of figures names what that item counts:
        # 16个“两新”组织、43个“双报到”单位、3家物业联盟 — 双报到 is the 43's, not the 3's)
        while found is not None and (skip_titles and self._in_title(lo, found[0])
                                     or found[1] <= mt.start and self._earlier_item(lo, found, mt)):
            found = self.match(practice, found[1], hi)
        if found is None:
            return False
        if not titles and found[1] <= mt.start and self._list_item(lo, hi, *found):
            # a lead clause's list of tasks (做好信息摸排、党群组织组建、阵地建设、党员发展等工作的同时，推动7个…): one item
            # of it is not what a later clause's figure measures
            return False
        if found[0] >= mt.end:          # named after the figure: only within the figure's own clause
            mark = _CLAUSE_MARK.search(self.text, mt.end, found[0])
            if mark is None and self._later_item(mt, found[0]):
                # named in a later item of a list of figures (16个“两新”组织、43个“双报到”单位…): what that item counts
                return False
            # or in the clause right after an amount saying what it is for (筹措资金226.32亿元，为…提供资金保障), or in what it
            # was spent on after a clause of the means (…1.5亿元，采取…等方式，对城市社区综合服务设施进行升级改造)
            if mark is None:
                return True
            if self.text[mark.start()] not in "，," or "元" not in mt.unit:
                return False
            if _FOR_PURPOSE.match(self.text, mark.end()) is not None:
                return not _CLAUSE_MARK.search(self.text, mark.end(), found[0])
            treated = _MEANS_THEN_TREATED.match(self.text, mark.end(), found[0])
            return treated is not None and not _CLAUSE_MARK.search(self.text, treated.end(), found[0])
        between = self.text[found[1]:mt.start] if found[1] <= mt.start else ""
        if not _ENUMERATION_TO_FIGURE.fullmatch(between):
            return True
        # one item of the list the figure counts, wherever in its item the practice is named (“…智慧化、
        # 城市老旧小区物业服务等16个项目” counts projects): a 、 in the run from the clause's start to the figure
        head = self.text.rfind("，", lo, found[0]), self.text.rfind(",", lo, found[0])
        return "、" not in self.text[max(lo, *head):mt.start]

    def _earlier_item(self, lo: int, found: tuple[int, int], mt: Any) -> bool:
        """Is ``found`` (before figure ``mt``, no clause mark between) within an earlier item of a 、 list of figures —
        a figure of its own in its item, before the name or after it (成立业主委员会12个、建立党支部8个), a 、 after it — not a
        share of what the figure before counts (…、占68.8%)?"""
        between = self.text[found[1]:mt.start]
        if "、" not in between or _CLAUSE_MARK.search(between) \
                or self.text.startswith("占", self.text.rfind("、", found[1], mt.start) + 1):
            return False
        cut, shut = max(lo, self.text.rfind("、", lo, found[0])), self.text.find("、", found[1], mt.start)
        return any(cut <= other.start < found[0] or found[1] <= other.start < shut for other in self.rec.metrics)

    def _list_item(self, lo: int, hi: int, start: int, end: int) -> bool:
        """Is ``text[start:end]`` written within one item of a 、 list of tasks of the clause ``lo``–``hi`` (…、阵地建设、
        党员发展等工作: closed by 等 and what the items are, not 等问题 nor 等26个社区)?"""
        close = _TASKS_CLOSED.search(self.text, end, hi)
        if close is None or _CLAUSE_MARK.search(self.text, end, close.start()):
            return False
        before = max(self.text.rfind(c, lo, start) for c in "、，,")
        return (before >= 0 and self.text[before] == "、") or "、" in self.text[end:close.start()]

    def _later_item(self, mt: Any, pos: int) -> bool:
        """Is ``pos`` (after figure ``mt``, in its clause) within what a later figure of a 、 list counts (16个协会、
        27个“双报到”单位参与…: the label written after 27个), not in the predicate after the list?"""
        cut = self.text.rfind("、", mt.end, pos)
        if cut < 0:
            return False
        for other in self.rec.metrics:
            if cut < other.start < pos and other.subject:
                at = self.text.find(other.subject, other.end, other.end + 2 + len(other.subject))
                if at >= 0 and pos < at + len(other.subject):
                    return True
                # (a label carrying what the run took part in, 参与社区治理…的“双报到”单位: its noun ends at that verb)
                took = _TOOK_PART.search(self.text, other.end, other.end + 40) \
                    if at < 0 and other.subject.startswith(("参与", "参加", "參與", "參加")) else None
                if took is not None and pos < took.start():
                    return True
        return False

    def _in_title(self, lo: int, pos: int) -> bool:
        """Is ``pos`` inside a 《…》 opened after ``lo``?"""
        seg = self.text[lo:pos]
        return seg.count("《") > seg.count("》")

    def metrics(self, subject: str | None, measure_spans: list[_MeasureSpan]) -> None:
        """Figures. A figure is about its own place (the record's ``place``; else the place of the
        measure it sits in; else the document's subject) and is a result unless it is a target or
        plan (the record's ``status``; else planned when its measure is). ``practices``: the practices
        of its measures that its own sentence names — the practices it measures."""
        d = self.delta
        for mt in self.rec.metrics:
            ev = [self.ev(mt.start, mt.end)]
            inside = [ms for ms in measure_spans if ms.start <= mt.start and mt.end <= ms.end]
            status = mt.status or ("planned" if any(ms.status == "planned" for ms in inside) else None)
            measured = self.measured(mt, [p for ms in inside for p in ms.practices])
            node_id = d.node("Metric", m.metric_id(self.doc, mt.start, mt.end), {
                "subject": mt.subject, "value": float(mt.value), "unit": mt.unit, "year": mt.year,
                "as_written": mt.as_written, "doc_id": self.doc, "start": mt.start, "end": mt.end,
                "status": status, "place": mt.place, "practices": list(dict.fromkeys(measured))}, ev)
            d.rel("REPORTS", self.doc, node_id, ev)
            place = self.place(mt.place) if mt.place else next((ms.place for ms in inside if ms.place), subject)
            if place:
                d.rel("FOR_PLACE", node_id, place, ev)
            for ms in inside:
                d.rel("HAS_METRIC", ms.node_id, node_id, ev)

    def adopts(self, subject: str | None) -> None:
        """The subject place takes up each practice of the record. Its evidence: the sentences of the
        subject's own measures (done before planned: a plan is no evidence where work done names the
        practice) and models naming it; else the cue the practices step chose for it
        (``practice_mentions``: one about the subject, outside plans, first; a record without them:
        the first that names it in the text); else those of measures and models of other places the
        text reports (a scheme another city runs, which the subject studied, is no sentence about the
        subject's own practice). A practice the document only saw elsewhere (its mention's ``seen_in``: a
        delegation visiting another city's community) is no practice of the subject's: the place it was seen
        in takes it up, by the cue cited for it, where that is a place of the record; else no place does."""
        if not subject:
            return
        d = self.delta
        own: dict[str, list[Evidence]] = {}
        planned: dict[str, list[Evidence]] = {}
        other: dict[str, list[Evidence]] = {}
        spans: dict[bool, list[tuple[int, int]]] = {True: [], False: []}     # the subject's measures, planned or not
        for ms in self.rec.measures:
            theirs = self.place(ms.place) not in (None, subject)
            if not theirs:
                spans[ms.status == "planned"].append((ms.span.start, ms.span.end))
            for practice in ms.practices:
                for e in self.practice_ev(ms, practice):
                    support = other if theirs else planned if ms.status == "planned" or self.plan_sentence(e) else own
                    if support is planned and ms.status == "planned" and not self.plan_sentence(e):
                        lead = self.plan_lead(e)     # (an item under 下一步，我们将…: quoted from the lead, a plan)
                        e = self.ev(lead, e.end) if lead is not None else e
                    support.setdefault(m.name_key(practice), []).append(e)
        for nm in self.rec.named_models:
            theirs = self.place(nm.owner) not in (None, subject)
            evs = self.model_evs.get(m.name_key(nm.name)) or self.ev_mentions(nm.mentions, nm.name)
            for practice in nm.practices:      # the sentence quoting it or a component that names the practice
                for e in self.model_practice_ev(evs, practice):
                    if _IDEA_CAME.match(self.scan, e.end):
                        continue        # (“红色物业”的提出，标志着…: the idea, no work of the subject's)
                    support = other if theirs else planned if self.plan_sentence(e) else own
                    support.setdefault(m.name_key(practice), []).append(e)
        fallback = [self.measure_ev(ms)[0] for ms in self.rec.measures
                    if 0 <= ms.span.start < ms.span.end <= len(self.text)]
        # the cue the practices step chose for it (one about the subject, outside plans, first)
        cited = {m.name_key(pm.name): [self.ev(pm.start, pm.end)] for pm in self.rec.practice_mentions
                 if 0 <= pm.start < pm.end <= len(self.text)}
        studied = {m.name_key(pm.name) for pm in self.rec.practice_mentions if pm.learned_from}
        seen = {m.name_key(pm.name): pm.seen_in for pm in self.rec.practice_mentions if pm.seen_in}
        for practice in self.rec.practices:
            key = m.name_key(practice)
            mention = cited.get(key, [])
            # a cue in a sentence carrying on a promise is quoted with the promise (…我局将…。依据…检查…)
            promise = [self.promise_start(e) for e in mention]
            mention = [self.ev(p, e.end) if p is not None else e for p, e in zip(promise, mention)]
            # a cue in a sentence carrying on a visiting group's is quoted with it (调研组一行走访了…。随后，…进行座谈)
            visit = [self.visit_start(e) if p is None else None for p, e in zip(promise, mention)]
            mention = [self.ev(v, e.end) if v is not None else e for v, e in zip(visit, mention)]
            if key in seen:
                place = self.seen_place(seen[key])
                if place is not None and place != subject and mention:
                    d.rel("ADOPTS", place, self.practice(practice, mention), mention)
                continue
            # a cue inside a planned measure of the subject's (an item under 下一步，我们将…) is a plan too
            in_plan = [e for e in mention if self.in_spans(e, spans[True]) and not self.in_spans(e, spans[False])]
            done = [] if key in studied or in_plan or any(self.plan_sentence(e) for e in mention) else mention
            if in_plan and not any(self.plan_sentence(e) for e in mention):
                mention = [self.ev(lead, e.end) if (lead := self.plan_lead(e)) is not None else e for e in mention]
            avoid = [self.sentence(e.start, e.end) for e in other.get(key, ())
                     if e.start is not None and e.end is not None and e.start < e.end]
            ev = own.get(key) or done or planned.get(key) or mention or self.practice_in_text(practice, avoid) \
                or other.get(key) or fallback[:1] or [self.find(practice)]
            d.rel("ADOPTS", subject, self.practice(practice, ev), ev)

    def seen_place(self, name: str) -> str | None:
        """The node of the place a practice was seen in (a mention's ``seen_in``), where it is a place of the
        record; None for any other (a place an agency's name gives is no place the document reports on)."""
        return self.place(name) if m.name_key(canonical_place_name(name)) in self.records else None

    @staticmethod
    def in_spans(e: Evidence, spans: list[tuple[int, int]]) -> bool:
        return e.start is not None and any(lo <= e.start < hi for lo, hi in spans)

    def plan_lead(self, e: Evidence) -> int | None:
        """Where the lead starts that heads, as plans, the part of the text ``e`` lies in (``下一步，我们将…。一是…。
        二是…。以…为抓手，创新…联动机制。``; a heading ``三、下一步工作打算``), where the two fit in one quote: the
        sentence of a planned measure reads as work done without it. None where no such lead opens a sentence
        or line within ``QUOTE_MAX`` characters before ``e``."""
        if e.start is None or e.end is None:
            return None
        last = None
        for hit in _PLAN_LEAD.finditer(self.text, max(0, e.end - QUOTE_MAX), e.start):
            last = hit
        if last is None:
            return None
        k = last.start()
        while k > 0 and self.text[k - 1] not in _SENTENCE_STOPS:
            k -= 1
        while k < last.start() and self.text[k].isspace():
            k += 1
        return k if last.start() - k <= _LEAD_HEAD else None

    def plan_sentence(self, e: Evidence) -> bool:
        """Does the sentence of ``e`` state a plan, in the words before the mention or at its head
        (``今年，我区将以…为契机，指导社区在…网格化治理``), or carry on the plan of the sentence before it
        (``我局将与…对接…。依据…标准，联合…检查…``, :meth:`promise_start`)?"""
        from loaders.reference import states_plan

        if e.start is None or e.end is None or e.start >= e.end:
            return False
        known = self._plans.get((e.start, e.end))
        if known is None:
            left, _right = self.sentence(e.start, e.end)
            known = self._plans[(e.start, e.end)] = bool(
                states_plan(self.scan, left, e.start) or states_plan(self.scan, left, min(e.start, left + 40))
                or self.promise_start(e) is not None)
        return known

    def promise_start(self, e: Evidence) -> int | None:
        """Where the plan starts that the sentence of ``e`` carries on (the sentence before it, or the one
        before that …: ``carries_plan``), or that introduces the list ``e`` is an item of (``下阶段，我局将…
        重点做好以下三方面工作：`` then ``一是完善…``: ``plan_list_start``, where the two fit in one quote);
        None where it carries none."""
        if e.start is None or e.end is None or e.start >= e.end:
            return None
        key = (e.start, e.end)
        if key not in self._promises:
            self._promises[key] = self._promise_start(e.start, e.end)
        return self._promises[key]

    def _promise_start(self, start: int, end: int) -> int | None:
        from loaders.reference import carries_plan, plan_list_start

        e = Evidence(self.doc, start, end, "")
        left, _right = self.sentence(e.start, e.end)
        if not carries_plan(self.scan, left):
            intro = plan_list_start(self.scan, e.start)
            return intro if intro is not None and e.end - intro <= QUOTE_MAX else None
        while carries_plan(self.scan, left):       # back to the sentence stating the plan
            left = self._sentence_before(left)
        while left < e.start and self.text[left].isspace():
            left += 1
        return left

    def _sentence_before(self, left: int) -> int:
        """Where the sentence starts that ends just before the sentence starting at ``left`` (its stop at ``left - 1``)."""
        k = left - 2
        while k >= 0 and self.scan[k] not in _SENTENCE_STOPS:
            k -= 1
        return k + 1

    def visit_start(self, e: Evidence) -> int | None:
        """Where the sentence starts that the sentence of ``e`` carries on (随后，…), where that one's subject is a visiting
        group that goes to see the place (调研组一行冒雨实地走访了…) and the two fit in one quote: the forum or talk the
        cue names is the visitors' (the city page says so); None otherwise."""
        if e.start is None or e.end is None or e.start >= e.end:
            return None
        left, _right = self.sentence(e.start, e.end)
        if CARRIES_ON.match(self.text, left) is None or left < 2:
            return None
        before = self._sentence_before(left)
        while before < left and self.text[before].isspace():
            before += 1
        if _VISITORS_WENT.search(self.text, before, left) is None or e.end - before > QUOTE_MAX:
            return None
        return before

    def practice_in_text(self, practice: str, avoid: Sequence[tuple[int, int]] = ()) -> list[Evidence]:
        """Evidence for a practice the record names for the whole document: the first place where
        its name, an alias or a cue matches, preferring text that is not a quote of the proposal
        being answered (nor a 围绕… theme clause), nor inside the spans ``avoid`` (sentences about
        other places); [] when nothing matches."""
        from loaders.reference import load_taxonomy, quoted_request_spans

        name = m.norm(practice)
        entry = load_taxonomy().by_name.get(name)
        if entry is None:
            pos = self.scan.find(name)
            return [self.ev(pos, pos + len(name))] if pos >= 0 and name else []
        hits = self._hits.get(name)
        if hits is None:
            if self._quoted is None:
                self._quoted = quoted_request_spans(self.scan)
            hits = self._hits[name] = [pos for pos, _ in _one_practice(entry).hits(self.scan, self._quoted)]
        pos = next((p for p in hits if not any(a <= p < b for a, b in avoid)), hits[0] if hits else None)
        found = entry.pattern.match(self.scan, pos) if pos is not None else None
        if found is None or found.end() <= found.start():
            found = entry.pattern.search(self.scan)        # only inside quotes/theme clauses
        if found is None or found.end() <= found.start():
            return []
        return [self.ev(found.start(), found.end())]



@functools.lru_cache(maxsize=256)
def _one_practice(entry: Any) -> Any:
    """A taxonomy of the practice ``entry`` alone: its ``hits`` in a text are the whole taxonomy's hits of that
    practice (each practice's cues are found and judged on their own), without judging every other practice's
    (a document asks for two or three practices of thirty: 2.4× less time)."""
    from loaders.reference import Taxonomy

    return Taxonomy([entry])


def record_to_delta(rec: ExtractionRecord, practice_names: frozenset[str] = frozenset()) -> DocumentDelta:
    """All nodes and relationships ``rec`` supports, with their evidence. ``practice_names`` are the
    taxonomy's canonical names (their Practice nodes get ``origin = "taxonomy"``)."""
    return _Builder(rec, practice_names).build()
