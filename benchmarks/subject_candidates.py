"""The places a document might be about, described for a ranker (``benchmarks/subject_model.py``).

An experiment, not an extraction step: the rules of :mod:`loaders.extract.subject` read the evidence in a
fixed order (issuer, headline, the text's words for itself, the body's counts); a linear model over the
candidates could weigh it instead. ``subject_model.py`` measures whether one beats the rules.

Candidates: the rules' choice, the place each rule finds on its own (headline, issuer line, lead
sentence, body counts), every administrative unit the text names and the units above them, and the
most often named streets, towns and communities. Each candidate is described in general terms: its
level, where it is named (title, first lines, source lines), how often (written in full and for short)
and how early, whether it contains the other places named, whether it fits the level the text calls its
own (我市, 本区), whether it is where a visit or a study trip goes, and which rules chose it (the rules'
own choice among them, so a model can learn when to trust it).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.extract.gazetteer import Gazetteer, short_name
from loaders.extract.places import admin_mentions, local_mentions
from loaders.extract.subject import (
    SubjectPlace,
    body_place,
    headline_place,
    lead_place,
    line_place,
    self_level,
)

__all__ = ["Candidate", "subject_candidates"]

_RANK = {"province": 0, "city": 1, "county_city": 2, "district": 2, "county": 2, "street": 3, "community": 4,
         "other": 4}
_SELF_FITS = {"province": ("province",), "city": ("city", "county_city"), "prefecture": ("city",),
              "district": ("district",), "county": ("county", "county_city"), "street": ("street",)}
# a place someone goes to or learns from (赴…考察, 学习…经验): another place than the text's own
_TRIP_BEFORE = re.compile(r"(?:赴|到|前往|学习|借鉴|考察|参观|对标|来自|与|同)$")


_LOCAL_SUFFIX = re.compile(r"(?:社区|街道|镇|乡|村)$")
# a place as the one who acts (某社区坚持…, 某区党委推行…, 某街道通过…): the doer of a report's sentences
_ACTS = re.compile(r"(?:党委|党总支|党支部|党工委|居委会|村委会|办事处|街道办|委|政府)?[，,]?(?:坚持|积极|始终|聚焦|围绕|"
                   r"立足|依托|通过|创新|探索|着力|扎实|不断|持续|全力|大力|深入|推行|推动|推进|实施|打造|建立|构建|成立|"
                   r"充分|率先|针对|结合|按照|开展|组织|召开|举办|主动|全面|落实|启动|出台|实现|推出|建成|设立|制定|引导|发挥)")


def _acts(text: str, bare: str, full: str) -> tuple[int, int]:
    """How often the place (written in full or for short) is followed by what it does, and where first."""
    n, first = 0, -1
    pos = text.find(bare)
    while pos >= 0:
        end = pos + (len(full) if text.startswith(full, pos) else len(bare))
        if _ACTS.match(text, end):
            n += 1
            first = pos if first < 0 else first
        pos = text.find(bare, end)
    return n, first


@dataclass(frozen=True)
class Candidate:
    place: SubjectPlace
    name: str
    features: tuple[str, ...]


def _key(p: SubjectPlace) -> tuple[str | None, str | None]:
    return (None, p.local) if p.local else (p.code, None)


def _level(p: SubjectPlace, gaz: Gazetteer) -> str:
    if p.local:
        return p.local_level or "other"
    return gaz.by_code[p.code].level if p.code in gaz.by_code else "other"


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6+"


def subject_candidates(rule: SubjectPlace | None, text: str, title: str | None, issuer_lines: list[str],
                       kind: str, gaz: Gazetteer) -> list[Candidate]:
    """Every place the document might be about, with its features (the rules' choice first)."""
    reply = kind in ("提案答复", "建议答复")
    level = self_level(text, title or "", reply)
    mentions = admin_mentions(text, None, gaz)
    counts: Counter[str] = Counter(a.code for a in mentions)
    counts.update(h.code for a in mentions for h in a.heads)
    first: dict[str, int] = {}
    trips: Counter[str] = Counter()
    for a in mentions:
        first.setdefault(a.code, a.start)
        if _TRIP_BEFORE.search(text, max(0, a.start - 2), a.start):
            trips[a.code] += 1
    # who chose what
    votes: dict[tuple, set[str]] = {}

    def vote(p: SubjectPlace | None, who: str) -> None:
        if p is not None and (p.code or p.local):
            votes.setdefault(_key(p), set()).add(who)
            pool.setdefault(_key(p), p)

    pool: dict[tuple, SubjectPlace] = {}
    vote(rule, "rule")
    head = headline_place(title, gaz, reply) if title else None
    vote(head, "head")
    vote(next((p for p in (line_place(ln, gaz) for ln in issuer_lines) if p), None), "issuer")
    vote(lead_place(text, title, gaz, 2, admin_ok=True), "lead")
    body = body_place(text, level, gaz)
    vote(SubjectPlace(body) if body else None, "body")
    for code in counts:
        for unit in gaz.chain(code):
            pool.setdefault((unit.adcode, None), SubjectPlace(unit.adcode))
    ends = {a.end for a in mentions}
    locals_ = [lm for lm in local_mentions(text, ends, ends) if lm.level != "other"]
    local_counts = Counter(lm.name for lm in locals_)
    anchor = rule.code if rule is not None else body
    for name, _n in local_counts.most_common(3):
        lm = next(x for x in locals_ if x.name == name)
        pool.setdefault((None, name), SubjectPlace(anchor, name, lm.level))
    title_text = title or ""
    head_lines = "\n".join(text.split("\n", 3)[:3])
    source_text = "\n".join(issuer_lines)
    # the places named below each unit (does it contain the others?)
    below: Counter[str] = Counter()
    for code in counts:
        for unit in gaz.chain(code)[1:]:
            below[unit.adcode] += 1
    n_total = sum(counts.values()) or 1
    ranked = {c: i for i, (c, _n) in enumerate(counts.most_common())}
    rule_chain = {u.adcode for u in gaz.chain(rule.code)} if rule is not None and rule.code else set()
    own = _SELF_FITS.get(level or "", ())
    rule_short = (rule.local or gaz.by_code[rule.code].name) if rule is not None and (rule.local or rule.code) else ""
    rule_n = (local_counts.get(rule.local, 0) or text.count(rule.local)) if rule is not None and rule.local \
        else counts.get(rule.code, 0) if rule is not None else 0
    rule_alias_n = 0
    if rule is not None and (rule.local or rule.code):
        rule_lv = _level(rule, gaz)
        rule_bare = _LOCAL_SUFFIX.sub("", rule.local) if rule.local else short_name(rule_short, rule_lv) or rule_short
        rule_alias_n = text.count(rule_bare) if len(rule_bare) >= 2 else rule_n
    rule_acts = _acts(text, rule_bare, rule_short)[0] if rule_alias_n and len(rule_bare) >= 2 else 0
    acting: dict[tuple, int] = {}
    out: list[Candidate] = []
    for key, p in pool.items():
        lv = _level(p, gaz)
        name = p.local or gaz.full_name(p.code)
        short = p.local or gaz.by_code[p.code].name
        f = ["bias", f"lvl={lv}", f"kind={kind}&lvl={lv}"]
        who = votes.get(key, set())
        f += [f"by={w}" for w in sorted(who)]
        if not who:
            f.append("by=none")
        if "rule" in who:
            f += [f"rule&lvl={lv}", f"rule&kind={kind}", f"rule&agree={min(len(who), 3)}"]
        if p.local:
            n = local_counts.get(p.local, 0) or text.count(p.local)
            pos = text.find(p.local)
            # written straight after the rules' place (…街道某社区, …区某街道): a unit inside it
            if rule is not None and rule.local != p.local and rule_short and _after(text, rule_short, p.local):
                f.append("inside_rule")
            if rule is not None and rule_n:
                f.append("n>rule" if n > rule_n else "n=rule" if n == rule_n else "n<rule")
        else:
            n = counts.get(p.code, 0)
            pos = first.get(p.code, -1)
            f.append(f"below={_bucket(below.get(p.code, 0))}")
            if rule is not None and rule.code and p.code != rule.code and p.code in rule_chain:
                f.append("above_rule" if rule.local is None else "rule_anchor_or_above")
            if rule is not None and rule.code == p.code and rule.local:
                f.append("rule_anchor")
            if rule is not None and rule.code and rule.code != p.code and gaz.is_within(p.code, rule.code):
                f.append("below_rule")
            if trips.get(p.code):
                f.append("trip_all" if trips[p.code] == counts[p.code] else "trip_some")
            if own:
                f.append("self_fits" if lv in own else "self_above" if _RANK.get(lv, 9) < min(_RANK[x] for x in own)
                         else "self_below")
            r = ranked.get(p.code)
            f.append(f"rank={'1' if r == 0 else '2' if r == 1 else '3+' if r is not None else 'none'}")
            share = counts.get(p.code, 0) / n_total
            f.append("share>=.5" if share >= 0.5 else "share>=.25" if share >= 0.25 else "share<.25")
        f.append(f"n={_bucket(n)}")
        # the name as written for short (梅河口, 雁岭), wherever it stands
        bare = _LOCAL_SUFFIX.sub("", p.local) if p.local else short_name(short, lv) or short
        alias_n = text.count(bare) if len(bare) >= 2 else n
        group = "local" if p.local else "admin"
        acts, acts_at = _acts(text, bare, short) if len(bare) >= 2 else (0, -1)
        acting[key] = acts_at
        f.append(f"acts={_bucket(acts)}")
        if rule is not None and rule_n:
            f.append("acts>rule" if acts > rule_acts else "acts=rule" if acts == rule_acts else "acts<rule")
        f += [f"alias={_bucket(alias_n)}", f"{group}&n={_bucket(n)}", f"{group}&alias={_bucket(alias_n)}"]
        if "rule" in who:
            f += [f"rule&n={_bucket(n)}", f"rule&alias={_bucket(alias_n)}"]
        if rule is not None and rule_n:
            f.append(f"{group}&" + ("more_than_rule" if alias_n > rule_alias_n else "as_rule"
                                    if alias_n == rule_alias_n else "less_than_rule"))
        if short in title_text:
            f.append("in_title")
            if title_text.startswith(short) or title_text.find(short) <= 2:
                f.append("title_opens")
        if short in head_lines:
            f.append("in_head_lines")
        if short in source_text:
            f.append("in_source")
        if pos < 0:
            f.append("pos=none")
        else:
            f.append("pos<100" if pos < 100 else "pos<400" if pos < 400 else "pos_later")
        out.append(Candidate(p, name, tuple(f)))
    starts = [at for at in acting.values() if at >= 0]
    if starts:  # the place that acts first in the text
        out = [Candidate(c.place, c.name, (*c.features, "acts_first")) if acting.get(_key(c.place)) == min(starts)
               else c for c in out]
    return out


def _after(text: str, outer: str, inner: str) -> bool:
    """Is ``inner`` written in a place chain that runs through ``outer`` (某区某街道某社区)?"""
    pos = text.find(inner)
    while pos >= 0:
        if outer in text[max(0, pos - len(outer) - 8):pos]:
            return True
        pos = text.find(inner, pos + len(inner))
    return False
