"""The Cypher lint of ``tests/test_cypher_lint.py`` started when the session's tests are collected, in a
background process on one thread at low priority: Neo4j's semantic analysis takes ~80 CPU-seconds, and
pytest runs the tests on one core of the machine, so the lint uses the other while the suite runs before
it (``tests/conftest.py`` starts it only where at least ``MIN_TESTS_BEFORE`` tests come first). The test
still computes its statements itself; it takes the background answer only when the background linted
exactly those statements (the same JSON), and lints them itself otherwise.

Run as ``python -m tests.support.early_lint FOLDER``: computes the statements as the test does, writes
them to ``FOLDER/input.json``, lints them and writes ``FOLDER/answer.json``."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["MIN_TESTS_BEFORE", "answer", "start", "stop"]

REPO = Path(__file__).resolve().parents[2]
LINT_TEST = "tests/test_cypher_lint.py::test_every_statement_sent_to_neo4j_passes_neo4js_linter"
MIN_TESTS_BEFORE = 100
_JOB: dict[str, Any] = {}          # "proc": the background process, "dir": its folder


def start(nodeids: list[str]) -> bool:
    """Start the background lint when ``nodeids`` (the session's tests, in order) run the lint test after
    ``MIN_TESTS_BEFORE`` others and node and the linter are installed; whether it started."""
    from tests import test_cypher_lint as lint_test

    if _JOB or LINT_TEST not in nodeids or nodeids.index(LINT_TEST) < MIN_TESTS_BEFORE:
        return False
    node = shutil.which("node")
    if not node or lint_test._node_major(node) < lint_test.MIN_NODE or not lint_test.PACKAGE.is_file():
        return False                # the test skips or fails as it says, without this
    folder = Path(tempfile.mkdtemp(prefix="govkg-early-lint-"))
    log = (folder / "log.txt").open("wb")
    _JOB["dir"] = folder
    _JOB["proc"] = subprocess.Popen([sys.executable, "-m", "tests.support.early_lint", str(folder)], cwd=REPO,
                                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)        # its own group: stop() ends node with it
    log.close()
    return True


def answer(statements: list[dict[str, str]]) -> tuple[int, str, str] | None:
    """(exit code, stdout, stderr) of the background lint when it linted exactly ``statements``, waiting
    for it to finish; None when none ran or it linted other statements."""
    proc, folder = _JOB.get("proc"), _JOB.get("dir")
    if proc is None:
        return None
    asked = folder / "input.json"
    while not asked.exists() and proc.poll() is None:
        time.sleep(0.05)
    if not asked.exists() or asked.read_text(encoding="utf-8") != json.dumps(statements, ensure_ascii=False):
        stop()
        return None
    proc.wait()
    done = folder / "answer.json"
    if proc.returncode != 0 or not done.exists():
        stop()
        return None
    code, stdout, stderr = json.loads(done.read_text(encoding="utf-8"))
    stop()
    return code, stdout, stderr


def stop() -> None:
    """End the background lint (if still running) and remove its folder."""
    proc, folder = _JOB.pop("proc", None), _JOB.pop("dir", None)
    if proc is not None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)        # the job and the linter it runs, if still there
        proc.wait()
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def _main(folder: Path) -> int:
    with contextlib.suppress(OSError):
        os.nice(10)                 # the suite's own tests come first
    from tests import test_cypher_lint as lint_test
    from tests.conftest import CORPUS

    paths = sorted(CORPUS.glob("*.txt"))
    home = folder / "work"
    home.mkdir()
    *_, distinct = lint_test.statements_to_lint(paths, home)
    text = json.dumps(distinct, ensure_ascii=False)
    (folder / "input.part").write_text(text, encoding="utf-8")
    (folder / "input.part").replace(folder / "input.json")
    node = shutil.which("node")
    result = lint_test.run_linter(node, distinct, threads=1)
    (folder / "answer.part").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    (folder / "answer.part").replace(folder / "answer.json")
    return 0


if __name__ == "__main__":
    sys.exit(_main(Path(sys.argv[1])))
