"""Every named query gives the same rows on every store (order-normalised), for the bundled corpus
plus synthetic documents — on each query's own examples (``QuerySpec.examples``) and on parameters
read from the records; and hostile parameter values return normally without executing anything."""
from __future__ import annotations

import json

import pytest

from queries import registry

HOSTILE = ["') MATCH (n) DETACH DELETE n //", "<script>alert(1)</script>", "濮阳市' OR 1=1 --",
           "$place}) RETURN 1 UNION MATCH (n) DETACH DELETE n"]


def cases(records):
    """Realistic parameters for every query, from what the records contain."""
    subject = [r.document.subject_place for r in records if r.document.subject_place]
    practices = [p for r in records for p in r.practices]
    models = [m.name for r in records for m in r.named_models]
    # an agency the corpus shows issuing a policy, so `policies(agency)` has rows to check
    issuers = [p.issuer for r in records for p in r.policies if p.issuer]
    measures = [m.summary for r in records for m in r.measures]
    with_policies = [r.document.subject_place for r in records if r.policies and r.document.subject_place]
    return [
        ("city_profile", {"place": subject[0]}),
        ("city_profile", {"place": subject[-1]}),
        ("compare_cities", {"places": subject[:3]}),
        ("compare_cities", {"places": ",".join(subject[:2]), "practices": practices[:3]}),
        ("similar_practices", {"text": measures[0] if measures else "建立居民议事会", "k": 5}),
        ("similar_practices", {"named_model": models[0] if models else "12341"}),
        ("exemplars", {"practice": practices[0] if practices else "红色物业"}),
        ("named_model", {"name": models[0] if models else "12341"}),
        ("learning_network", {}),
        ("policies", {"place": (with_policies or subject)[0]}),
        ("policies", {"agency": issuers[0] if issuers else "民政部"}),
        ("search", {"text": "减负"}),
        ("search", {"text": "社区 议事", "limit": 50}),
        ("similar_cities", {"place": subject[0]}),
        ("practice_communities", {}),
        ("inventory", {}),
        ("inventory", {"place": subject[0]}),
        ("document", {"doc": records[0].doc_id}),
        ("names", {}),
    ]


def examples():
    """(query, parameters) of every query's own examples, in catalogue order."""
    return [(q.name, dict(example)) for q in registry.catalogue() for example in q.examples]


EXAMPLES = examples()
N_CASES = 19                                   # len(cases(records)), checked below


def all_cases(records):
    """The examples, then the cases read from the records."""
    return EXAMPLES + cases(records)


def case_id(i: int) -> str:
    return f"{EXAMPLES[i][0]}-example{i}" if i < len(EXAMPLES) else f"records{i - len(EXAMPLES)}"


CASE_IDS = [case_id(i) for i in range(len(EXAMPLES) + N_CASES)]


def _norm(rows):
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)


@pytest.fixture(scope="module")
def query_cases(all_records):
    return all_cases(all_records)


def test_cases_cover_every_query(all_records):
    every = {q.name for q in registry.catalogue()}
    assert {name for name, _ in EXAMPLES} == every          # every query has examples of its own
    assert {name for name, _ in cases(all_records)} == every
    assert len(cases(all_records)) == N_CASES


@pytest.mark.parametrize("i", range(len(CASE_IDS)), ids=CASE_IDS)
def test_embedded_and_falkordb_agree(i, query_cases, embedded_store, falkordb_store):
    name, params = query_cases[i]
    mem = registry.run(embedded_store, name, params)
    falk = registry.run(falkordb_store, name, params)
    assert _norm(mem) == _norm(falk), name
    assert all(set(r) == set(registry.get(name).columns) for r in mem)


@pytest.mark.neo4j
@pytest.mark.parametrize("i", range(len(CASE_IDS)), ids=CASE_IDS)
def test_embedded_and_neo4j_agree(i, query_cases, embedded_store, neo4j_store):
    name, params = query_cases[i]
    assert _norm(registry.run(embedded_store, name, params)) == _norm(registry.run(neo4j_store, name, params))


def test_queries_return_rows_with_evidence(query_cases, embedded_store):
    """Each query finds something in this corpus, and rows that carry a document carry its quote."""
    texts = {}
    for name, params in query_cases:
        rows = registry.run(embedded_store, name, params)
        assert rows, (name, params)
        for row in rows:
            if row.get("doc_id") is not None:
                assert row["quote"], (name, row)
                texts.setdefault(row["doc_id"], embedded_store.graph.nodes[row["doc_id"]]["text"])
                if row["start"] is not None:
                    assert 0 <= row["start"] <= row["end"] <= len(texts[row["doc_id"]])


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name,param", [("city_profile", "place"), ("search", "text"),
                                        ("named_model", "name"), ("policies", "agency"),
                                        ("similar_practices", "text"), ("exemplars", "practice")])
def test_hostile_values_execute_nothing(name, param, value, embedded_store, falkordb_store):
    from govkg.errors import UnknownNameError

    before = falkordb_store.stats()
    for store in (embedded_store, falkordb_store):
        try:
            rows = registry.run(store, name, {param: value})
        except UnknownNameError as exc:            # a name the graph does not have: refused, by name
            assert exc.value == value.strip()
            continue
        assert isinstance(rows, list)
        assert not any("<script>" in json.dumps(r, ensure_ascii=False) for r in rows if name != "similar_practices")
    assert falkordb_store.stats() == before
