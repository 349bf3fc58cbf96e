"""A named query is ``queries/<name>.py`` (its ``SPEC`` and its ``finish``, reached through explicit
imports) with, beside it, the Cypher that gives its rows: ``queries/<name>.cypher`` and the embedded
store's ``fetch`` — or, for a query that computes over the whole graph, neither: its spec names the
store projection it reads (``GraphStore.projection``, ``graph/cypher/projection_<name>.cypher``)."""
from __future__ import annotations

from pathlib import Path

from graph.projections import COLUMNS, statement_name
from graph.statements import STATEMENT_DIR
from queries import registry

QUERIES = Path(registry.__file__).resolve().parent


def test_every_named_query_is_a_python_module_with_its_cypher_or_a_projection():
    names = {spec.name for spec in registry.catalogue()}
    own = {name for name in names if not registry.get(name).projection}
    for name in names:
        spec, module = registry.get(name), registry.implementation(name)
        assert Path(module.__file__).resolve() == QUERIES / f"{name}.py"
        assert callable(module.finish) and module.SPEC is spec
        if name in own:
            assert (QUERIES / f"{name}.cypher").is_file(), name
            assert callable(module.fetch), name
            assert spec.cypher_file == f"queries/{name}.cypher"
        else:
            assert spec.projection in COLUMNS, name
            assert not hasattr(module, "fetch"), f"{name} reads the store's projection, not a fetch of its own"
            assert (STATEMENT_DIR / f"{statement_name(spec.projection)}.cypher").is_file()
            assert spec.cypher_file == f"graph/cypher/{statement_name(spec.projection)}.cypher"
    assert registry.WHOLE_GRAPH == names - own == {"similar_practices", "similar_cities", "practice_communities"}
    cypher = {p.stem for p in QUERIES.glob("*.cypher")}
    assert cypher == own                       # no .cypher without its query, and none pretending to be one
    with_fetch = {p.stem for p in QUERIES.glob("*.py")
                  if "def fetch(" in (text := p.read_text(encoding="utf-8")) and "def finish(" in text}
    assert with_fetch == own


def test_every_projection_has_its_statement_and_its_columns():
    for name, columns in COLUMNS.items():
        text = (STATEMENT_DIR / f"{statement_name(name)}.cypher").read_text(encoding="utf-8")
        body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
        for column in columns:
            assert f"AS {column}" in body, (name, column)
