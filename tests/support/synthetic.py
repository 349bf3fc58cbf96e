"""Generated extraction records with consistent text and offsets, for the conformance tests and the
benchmarks (any number of documents, deterministic for a seed). Places come from the gazetteer so
ids resolve to real adcodes; policies, agencies and practices recur across documents so facts are
shared and evidence accumulates, as in a real corpus.
"""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from loaders.record import (
    AgencyRec,
    DocumentMeta,
    ExtractionRecord,
    LearningRec,
    MeasureRec,
    Mention,
    MetricRec,
    NamedModelRec,
    PersonRec,
    PlaceRec,
    PolicyRec,
    Span,
    doc_id_for,
)
from loaders.reference import CANONICAL_PRACTICES, code_table

__all__ = ["synthetic_record", "synthetic_records"]

_ACTIONS = ("建设党群服务中心", "推行网格化管理", "培育社区社会组织", "开展志愿服务", "清理证明事项",
            "改造老旧小区", "组建业主委员会", "建立居民议事会", "实施公益创投项目", "建设社工站")
_THINGS = ("个服务站点", "支志愿服务队", "个社区社会组织", "个网格", "个小区")
_POLICIES = (("关于加强和完善城乡社区治理的意见", "中共中央、国务院"),
             ("关于加强社区工作者队伍建设的意见", "民政部"),
             ("城乡社区服务体系建设规划", "国务院办公厅"))
_SURNAMES = "王李张刘陈杨赵黄周吴"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超"


class _Text:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)


@lru_cache(maxsize=8)
def _cities(seed: int) -> tuple[tuple[str, str, str], ...]:
    """(province, city, county) triples from the gazetteer (codes nest by prefix)."""
    name_of = dict(code_table())                   # every row of the code table, placeholders too
    uses = Counter(name_of.values())
    provinces = {c[:2]: n for c, n in name_of.items() if c.endswith("0000")}
    cities = {c[:4]: n for c, n in name_of.items() if c.endswith("00") and not c.endswith("0000")
              and uses[n] == 1}
    out = []
    for code, name in sorted(name_of.items()):
        if not code.endswith("00") and code[:4] in cities and code[:2] in provinces and uses[name] == 1:
            out.append((provinces[code[:2]], cities[code[:4]], name))
    random.Random(seed).shuffle(out)
    return tuple(out)


def synthetic_record(i: int, seed: int = 0, measures: int = 6) -> ExtractionRecord:
    rng = random.Random(f"{seed}:{i}")
    province, city, county = _cities(seed)[i % 997]
    t = _Text()
    places: dict[str, PlaceRec] = {}

    def place(name: str, level: str, parent: str | None, role: str) -> None:
        s, e = t.add(name)
        rec = places.setdefault(name, PlaceRec(name=name, level=level, parent=parent, role=role))
        rec.mentions.append(Mention(start=s, end=e, as_written=name))

    issuer = f"{city}民政局"
    t.add("# ")
    s, e = t.add(issuer)
    agencies = {issuer: AgencyRec(name=issuer, place=city, mentions=[Mention(start=s, end=e, as_written=issuer)])}
    title = f"关于{city}社区治理工作情况的报告（第{i}号）"
    t.add(f"\n\n## {title}\n\n")
    place(city, "city", province, "subject")
    t.add("位于")
    place(province, "province", None, "external")
    t.add("，下辖")
    place(county, "county", city, "within_subject")
    t.add("等地。\n\n")
    policies = []
    pol_title, pol_issuer = _POLICIES[i % len(_POLICIES)]
    t.add("根据")
    s, e = t.add(f"《{pol_title}》")
    policies.append(PolicyRec(title=pol_title, issuer=pol_issuer, status="referenced",
                              mentions=[Mention(start=s, end=e, as_written=f"《{pol_title}》")]))
    t.add("要求，我市全面推进社区治理。")
    model_name = rng.choice(("五位一体", "三事分流", "四议两公开", "红色管家", "12345"))
    comps = [rng.choice(_ACTIONS)[2:] for _ in range(3)]
    t.add(f"{county}创新推行“")
    s, e = t.add(model_name)
    model_sentence_start = s - len(county) - 6
    t.add(f"”工作法，即{'、'.join(comps)}。\n\n")
    practice_pool = list(CANONICAL_PRACTICES)
    models = [NamedModelRec(name=model_name, owner=county, components=comps,
                            definition=t.text()[model_sentence_start:t.pos].strip(),
                            practices=[rng.choice(practice_pool)],
                            mentions=[Mention(start=s, end=e, as_written=model_name)])]
    meas, metrics, doc_practices = [], [], []
    for k in range(measures):
        action = rng.choice(_ACTIONS)
        agency_short = rng.choice(("市委组织部", "市民政局", "市财政局", "市住建局"))
        agency = city + agency_short[1:]
        start = t.pos
        s, e = t.add(agency_short)
        agencies.setdefault(agency, AgencyRec(name=agency, place=city)).mentions.append(
            Mention(start=s, end=e, as_written=agency_short))
        t.add(f"牵头{action}，")
        n = rng.randint(2, 500)
        thing = rng.choice(_THINGS)
        ms, me = t.add(f"{n}{thing[0]}")
        t.add(f"{thing[1:]}已投入使用。")
        practice = practice_pool[(i + k) % len(practice_pool)]
        doc_practices.append(practice)
        meas.append(MeasureRec(summary=action, practices=[practice], place=city, agencies=[agency],
                               named_models=[model_name] if k == 0 else [], status="done",
                               year=2020 + k % 4, span=Span(start=start, end=t.pos)))
        metrics.append(MetricRec(subject=thing[1:], value=n, unit=thing[0], year=2020 + k % 4,
                                 as_written=t.text()[ms:me], start=ms, end=me))
    t.add("\n\n")
    other = _cities(seed)[(i + 1) % 997][1]
    ls = t.pos
    t.add("我市组织赴")
    place(other, "city", None, "external")
    t.add("学习社区治理经验。\n\n")
    learning = [LearningRec(learner=city, source=other, what="社区治理经验", span=Span(start=ls, end=t.pos))]
    person = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
    t.add(f"联系人：{person}\n")
    text = t.text()
    return ExtractionRecord(
        doc_id=doc_id_for(text), source=f"synthetic/{seed}/{i:06d}.txt", text=text,
        document=DocumentMeta(kind="工作总结", title=title, issuer=issuer, subject_place=city,
                              province=province, date=f"{2020 + i % 5}-0{1 + i % 9}"),
        places=list(places.values()), agencies=list(agencies.values()), policies=policies,
        named_models=models, measures=meas, practices=sorted(set(doc_practices)), learning=learning,
        metrics=metrics, people=[PersonRec(name=person, role="contact")],
    )


def synthetic_records(n: int, seed: int = 0, measures: int = 6) -> Iterator[ExtractionRecord]:
    for i in range(n):
        yield synthetic_record(i, seed, measures)
