"""Every Cypher statement govkg sends to Neo4j, checked by Neo4j's own parser and semantic analysis
(``@neo4j-cypher/language-support``, run by ``tools/cypher-lint/lint.mjs`` under node), so that
Neo4j syntax stays right on machines where no Neo4j server runs.

Linted, in one run of the linter: every ``.cypher`` file of the repository; every statement the
Neo4j store builds (schema, loading, replacing and removing documents, reading), recorded from the
store's own code paths; the statement each named query sends; and a sample of
``govkg export --format cypher`` on bundled documents (one statement of every node label and
relationship type, the longest, plus every statement with an escape in a string).
The only error tolerated is an undeclared parameter (govkg passes every value as ``$param``).

Skips only when node or the npm package is missing and ``GOVKG_REQUIRE_CYPHER_LINT`` is unset
(``.ci/run`` installs both and sets it)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.support import early_lint

REPO = Path(__file__).resolve().parent.parent
LINT_DIR = REPO / "tools" / "cypher-lint"
LINT_SCRIPT = LINT_DIR / "lint.mjs"
PACKAGE = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"
SKIP_DIRS = {".venv", "node_modules", ".git", "__pycache__"}
DIAGNOSTIC = re.compile(r"^(?P<name>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning): (?P<msg>.*)$")


MIN_NODE = 20        # the package asks for 24 but runs on 20 (2.0.0-next.38); older ones are untried


def _node_major(node: str) -> int:
    out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=60, check=False).stdout
    match = re.match(r"v(\d+)\.", out.strip())
    return int(match.group(1)) if match else 0


def _node() -> str:
    node = shutil.which("node")
    major = _node_major(node) if node else 0
    if node and major >= MIN_NODE and PACKAGE.is_file():
        return node
    if not node:
        why = "node is not installed"
    elif major < MIN_NODE:
        why = f"node {major} is too old for the Cypher linter: install node {MIN_NODE} or later"
    else:
        why = f"the npm package is not installed (run: npm ci --prefix {LINT_DIR.relative_to(REPO)})"
    if os.environ.get("GOVKG_REQUIRE_CYPHER_LINT"):
        pytest.fail(f"GOVKG_REQUIRE_CYPHER_LINT is set but {why}")
    pytest.skip(why)


def lint(statements: list[dict[str, str]], early: bool = False) -> tuple[int, list[dict[str, Any]], str]:
    """Run the linter once on ``statements`` ([{name, text}]): (exit code, diagnostics, output). With
    ``early``, the linter's answer on exactly these statements when the session already ran it in the
    background (``tests/support/early_lint.py``)."""
    node = _node()
    answer = early_lint.answer(statements) if early else None
    if answer is None:
        answer = run_linter(node, statements)
    code, stdout, stderr = answer
    found = [m.groupdict() for m in map(DIAGNOSTIC.match, stdout.splitlines()) if m]
    return code, found, stdout + stderr


def run_linter(node: str, statements: list[dict[str, str]], threads: int | None = None) -> tuple[int, str, str]:
    """The linter run under ``node`` on ``statements``: (exit code, stdout, stderr)."""
    env = {**os.environ, "CYPHER_LINT_THREADS": str(threads)} if threads else None
    proc = subprocess.run([node, str(LINT_SCRIPT)], input=json.dumps(statements, ensure_ascii=False),
                          capture_output=True, text=True, cwd=LINT_DIR, timeout=1200, check=False, env=env)
    return proc.returncode, proc.stdout, proc.stderr


# -- what gets linted -----------------------------------------------------------------------------------

def cypher_files() -> list[dict[str, str]]:
    out = []
    for path in sorted(REPO.rglob("*.cypher")):
        rel = path.relative_to(REPO)
        if not SKIP_DIRS.intersection(rel.parts):
            out.append({"name": str(rel), "text": path.read_text(encoding="utf-8")})
    return out


def neo4j_store_statements(records) -> list[dict[str, str]]:
    """Every statement text the Neo4j store sends while it sets up the schema, loads documents (new,
    replacing an older version, replacing another document of the same source), removes one and
    reads; recorded where the store hands them to the driver (``_run``/``_run_all``), so the store's
    own code builds them. The recorder answers "already there" for every asked-for id and source so
    that the replace and remove paths run too."""
    from graph.fulltext import FORMAT as FULLTEXT_FORMAT
    from graph.neo4j_store import Neo4jStore
    from graph.statements import statement_text
    from queries import registry

    class Recorder(Neo4jStore):
        def __init__(self) -> None:       # no driver: nothing is sent anywhere
            self.uri, self.database, self.sent = "recorder", "neo4j", []
            self.answer_states = False

        def close(self) -> None:
            pass

        def _run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
            self.sent.append(query)
            params = params or {}
            if query == statement_text("fulltext_format"):        # a graph written with the field
                return [{"format": FULLTEXT_FORMAT}]
            if not (self.answer_states and "ids" in params and "sources" in params):
                return []
            rows = [{"id": i, "version": "older", "complete": True, "source": ""} for i in params["ids"]]
            rows += [{"id": f"other{n}", "version": "older", "complete": True, "source": s}
                     for n, s in enumerate(params["sources"])]
            return rows

        def _run_all(self, statements: list[tuple[str, dict[str, Any]]]) -> None:
            self.sent.extend(query for query, _ in statements)

    store = Recorder()
    store.init_schema()
    store.load_records(records)                  # new documents
    store.answer_states = True
    store.load_records(records)                  # each replaces itself and another of its source
    store.load_record(records[0])
    store.remove_document(records[0].doc_id)
    store.version()
    store.document_states()
    store.stats()
    store.export_rows()
    assert store.full_text_candidates(["社区治理", "12341"]) == []   # the search's full-text queries
    assert store.full_text_entities(["社区治理", "12341"]) == []
    for spec in registry.catalogue():            # the statement each named query sends
        registry.fetcher(store, spec.name)({p.name: p.default for p in spec.params})
    texts = list(dict.fromkeys(store.sent))
    return [{"name": f"neo4j store statement {n}", "text": t} for n, t in enumerate(texts, 1)]


def export_sample(paths: list[Path], tmp: Path) -> list[dict[str, str]]:
    """``govkg build`` + ``govkg export --format cypher`` on ``paths``; one statement per node label and
    relationship type (the longest), and every statement with a backslash escape."""
    from click.testing import CliRunner

    from govkg.cli import main

    env = {"GOVKG_HOME": str(tmp / "home"), "GOVKG_STORE": "embedded"}
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--quiet", *map(str, paths)], env=env)
    assert built.exit_code == 0, built.output
    out = tmp / "export.cypher"
    exported = runner.invoke(main, ["export", "--format", "cypher", "--out", str(out)], env=env)
    assert exported.exit_code == 0, exported.output
    lines = out.read_text(encoding="utf-8").splitlines()
    statements = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("//")]
    longest: dict[str, tuple[int, str]] = {}
    for n, line in statements:
        shape = re.match(r"(CREATE \(:\w+|MATCH .*?CREATE \(a\)-\[:\w+)", line)
        key = shape.group(1) if shape else line
        key = re.sub(r"\{id: '.*?'\}", "", key)
        if key not in longest or len(line) > len(longest[key][1]):
            longest[key] = (n, line)
    chosen = dict(longest.values())
    chosen.update((n, line) for n, line in statements if "\\" in line)
    return [{"name": f"export.cypher line {n}", "text": line} for n, line in sorted(chosen.items())]


# -- the tests ------------------------------------------------------------------------------------------

def test_linter_reports_a_broken_statement():
    """The linter is not a no-op: syntax and semantic errors fail it; an undeclared parameter does not."""
    code, found, output = lint([
        {"name": "unclosed", "text": "MATCH (p:Place {id: $id) RETURN p"},
        {"name": "unbound", "text": "MATCH (p:Place) RETURN q.name"},
        {"name": "fine", "text": "MATCH (p:Place {id: $id}) RETURN p.name AS name"},
    ])
    assert code == 1, output
    errors = {d["name"] for d in found if d["level"] == "error"}
    assert errors == {"unclosed", "unbound"}, output
    assert any("Variable `q` not defined" in d["msg"] for d in found), output


def statements_to_lint(corpus_paths: list[Path], tmp: Path) -> tuple[list[dict[str, str]], ...]:
    """(the .cypher files, the Neo4j store's statements, the export sample, all of them once each: a named
    query's statement is its .cypher file)."""
    from loaders.batch import extract_one

    files = cypher_files()
    results = [extract_one(str(p)) for p in corpus_paths[:3]]
    assert all(r.ok for r in results), [r.error for r in results]
    store = neo4j_store_statements([r.record for r in results])
    export = export_sample(corpus_paths[:2], tmp)
    distinct = list({s["text"]: s for s in reversed(files + store + export)}.values())[::-1]
    return files, store, export, distinct


def test_every_statement_sent_to_neo4j_passes_neo4js_linter(corpus_paths, tmp_path):
    files, store, export, distinct = statements_to_lint(corpus_paths, tmp_path)
    assert len(files) >= 30, [f["name"] for f in files]
    # the store sends statements from every family: schema, taxonomy, upserts per label and type, strip
    joined = "\n".join(s["text"] for s in store)
    for needle in ("CONSTRAINT", "FULLTEXT", "UNWIND $rows", "DETACH DELETE", "ev_doc"):
        assert needle in joined, needle
    assert any(s["text"].startswith("CREATE (:Document") for s in export)
    assert any("CREATE (a)-[:" in s["text"] for s in export)

    code, found, output = lint(distinct, early=True)
    errors = [f"{d['name']}:{d['line']}:{d['col']}: {d['msg']}" for d in found if d["level"] == "error"]
    assert not errors, "\n".join(errors)
    assert code == 0, output
    assert f"{len(distinct)} statements, 0 errors" in output
