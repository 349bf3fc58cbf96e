"""A named query is two files side by side: ``queries/<name>.cypher`` and ``queries/<name>.py`` (its
``SPEC``, its embedded-store ``fetch`` and its ``finish``), reached through explicit imports."""
from __future__ import annotations

from pathlib import Path

from queries import registry

QUERIES = Path(registry.__file__).resolve().parent


def test_every_named_query_is_a_cypher_file_and_a_python_module_beside_it():
    names = {spec.name for spec in registry.catalogue()}
    for name in names:
        assert (QUERIES / f"{name}.cypher").is_file(), name
        module = registry.implementation(name)
        assert Path(module.__file__).resolve() == QUERIES / f"{name}.py"
        assert callable(module.fetch) and callable(module.finish) and module.SPEC.name == name
    cypher = {p.stem for p in QUERIES.glob("*.cypher")}
    assert cypher == names                     # no .cypher without its query, no query without its .cypher
    with_both = {p.stem for p in QUERIES.glob("*.py")
                 if "def fetch(" in (text := p.read_text(encoding="utf-8")) and "def finish(" in text}
    assert with_both == names
