"""The README documents every command, and its first lines are the two commands a newcomer types."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import COMMANDS, main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"\bgovkg {re.escape(name)}\b", README), f"README does not show `govkg {name}`"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_readme_opens_with_the_two_commands():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "govkg explore" in block[0] and "pip install" in block[0]
    assert block[1].startswith("bash .ci/run")


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1].startswith("python3 -m venv .venv && .venv/bin/pip install")
    assert "pytest" in ci.rstrip().splitlines()[-1]


def test_every_benchmark_the_docs_cite_exists():
    root = Path(__file__).resolve().parent.parent
    docs = [README] + [p.read_text(encoding="utf-8") for p in sorted((root / "docs").glob("*.md"))]
    cited = {m for text in docs for m in re.findall(r"benchmarks/[\w.]+\.py", text)}
    assert cited, "the docs cite no benchmark script"
    missing = sorted(c for c in cited if not (root / c).is_file())
    assert not missing, f"cited but not in the repo: {missing}"


def test_readme_examples_name_real_documents_and_say_how_to_reach_govkg(corpus_paths):
    """The `govkg remove` example takes a document id of the bundled corpus (not a file name); the
    commands under "Using it" say govkg lives in the venv; the explorer's address and what PDF export
    needs are said where the first command is."""
    from loaders import extract_file

    ids = {extract_file(p).doc_id for p in corpus_paths}
    (example,) = re.findall(r"govkg remove (\S+)", README)
    assert example in ids, f"`govkg remove {example}` is not a document id of the bundled corpus"
    using = README.split("## Using it", 1)[1].split("```", 1)[0]
    assert ".venv/bin/govkg" in using and ".venv/bin/activate" in using
    top = README.split("## ", 1)[0]
    assert "http://localhost:8501" in top and "fonts-noto-cjk" in top and "libpango" in top
