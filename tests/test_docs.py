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
