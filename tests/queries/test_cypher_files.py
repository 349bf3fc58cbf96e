"""Every .cypher file (queries/, graph/cypher/) runs on FalkorDB: the named queries (top level) directly with realistic
parameters, the store's write/read statements (graph/cypher/) through a load + remove cycle."""
from __future__ import annotations

import contextlib
import re

import pytest

from graph.statements import STATEMENT_DIR, statement_text
from queries import QUERY_DIR, load_cypher

TOP = sorted(p.stem for p in QUERY_DIR.glob("*.cypher"))
STORE = sorted(p.stem for p in STATEMENT_DIR.glob("*.cypher"))
NEO4J_ONLY = {s for s in STORE if s.startswith("neo4j_")}


def realistic_params(text: str, records) -> dict:
    rec = next(r for r in records if r.named_models and r.document.subject_place)
    values = {"place": rec.document.subject_place, "places": [rec.document.subject_place, "潜江市"],
              "practices": [], "practice": (rec.practices or ["党建引领"])[0], "name": rec.named_models[0].name,
              "owner": None, "agency": (rec.agencies[0].name if rec.agencies else None), "text": "社区",
              "kinds": [], "limit": 20, "prefix": None, "k": 5, "measure": None, "named_model": None, "min_places": 1,
              "doc": rec.doc_id, "label": "Place", "documents": [rec.doc_id], "entities": None,
              "terms": ["社区", "12"], "counted": True, "lengths": [2, 2], "top": 5,
              "weights": {"Document": 1.0, "NamedModel": 1.5, "Measure": 1.2, "Policy": 1.3, "Agency": 1.1,
                          "Place": 1.0, "Practice": 1.4}, "evidence": True}
    wanted = set(re.findall(r"\$([A-Za-z_]+)", re.sub(r"//[^\n]*", "", text)))
    missing = wanted - set(values)
    assert not missing, f"no realistic value for {missing}"
    return {k: values[k] for k in wanted}


def test_header_comments():
    for name in TOP:
        text = load_cypher(name)
        assert text.startswith(f"// {name} —"), name
        assert "Parameters" in text or "No parameters" in text, name


@pytest.mark.parametrize("name", TOP)
def test_top_level_file_runs_on_falkordb(name, falkordb_store, all_records):
    text = load_cypher(name)
    rows = falkordb_store.run_cypher(text, realistic_params(text, all_records))
    assert isinstance(rows, list)
    if name != "policies":
        assert rows, name


def test_store_files_run_on_falkordb(falkordb_store, synth_records, falkor_server):
    """Load, reload and remove a document while recording every statement the store sends; a second
    document names the first one's model without its definition, so the model keeps the definition
    and its full-text field, set from the second document's batch, is read back and written again.
    Then a store holding a new graph alone loads documents in two batches and replaces one (the
    fresh-load path: graph/fresh_load.py)."""
    import os

    from graph.cypher_store import fill  # noqa: F401  (the store fills __LABEL__ tokens from the model)
    from graph.falkordb_store import FalkorStore
    from tests.support.statements import sent_statements
    from tests.support.synthetic import synthetic_record, synthetic_records

    with sent_statements(falkordb_store) as sent:
        falkordb_store.init_schema()
        rec = synthetic_record(9999, seed=3)
        model = rec.named_models[0]
        rec = rec.model_copy(update={"named_models": [model.model_copy(update={"definition": "测试给出的定义"})]})
        falkordb_store.load_record(rec)
        falkordb_store.load_record(rec.model_copy(update={"practices": rec.practices[:1]}))
        other = rec.model_copy(update={"doc_id": f"{99999:016x}", "source": "test/other.txt",
                                       "named_models": [model.model_copy(update={"definition": None})]})
        falkordb_store.load_record(other)
        falkordb_store.document_states()
        falkordb_store.stats()
        falkordb_store.version()
        falkordb_store.export_rows()
        falkordb_store.full_text_candidates(["社区"])
        falkordb_store.full_text_entities(["社区"])
        assert falkordb_store.projection("practice_items") and falkordb_store.projection("place_practices")
        falkordb_store.remove_document(rec.doc_id)
        falkordb_store.remove_document(other.doc_id)
    fresh = FalkorStore(falkor_server.host, falkor_server.port, f"fresh_files_{os.getpid()}",
                        password=falkor_server.password, exclusive=True)
    try:
        fresh.init_schema()
        fresh.chunk_docs = 6
        records = list(synthetic_records(12, seed=3))
        with sent_statements(fresh) as fresh_sent:
            fresh.graph_bulk = False                        # the fresh_* statements, then GRAPH.BULK
            fresh.load_records(records[:6])
            fresh.graph_bulk = True
            fresh.load_records(records[6:])
            fresh.load_records([records[0].model_copy(update={"practices": records[0].practices[:1]})])
    finally:
        with contextlib.suppress(Exception):
            fresh._graph.delete()
        fresh.close()
    sent += fresh_sent
    for name in sorted(set(STORE) - NEO4J_ONLY):
        template = statement_text(name)
        body = "\n".join(line for line in template.splitlines() if not line.startswith("//")).strip()
        pattern = re.sub(r"__[A-Z]+__", "[A-Za-z_]+", re.escape(body))
        assert any(re.search(pattern, q) for q in sent), f"graph/cypher/{name}.cypher never ran on FalkorDB"
