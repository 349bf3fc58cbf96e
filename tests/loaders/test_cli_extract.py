"""``govkg extract`` and ``govkg synth`` end to end: exit codes, summary, bad files, resume, Dask."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO.parent / "shared" / "contracts" / "extraction.schema.json"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def bad_corpus(tmp_path: Path, corpus_paths) -> Path:
    """The bundled documents plus one of each kind of bad input."""
    d = tmp_path / "in"
    d.mkdir()
    for p in corpus_paths:
        (d / p.name).write_bytes(p.read_bytes())
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(os.urandom(4096))
    (d / "latin1.txt").write_bytes("Résumé élégant à la française. ".encode("latin-1") * 30)
    (d / "truncated.pdf").write_bytes((Path(__file__).parent / "badfiles" / "sample.pdf").read_bytes()[:3000])
    (d / "scripts.html").write_text("<html><body>" + "<script>var x = 1;</script>" * 2000 + "</body></html>",
                                    encoding="utf-8")
    (d / "notzip.docx").write_bytes(b"PK\x03\x04garbage")
    return d


def test_bad_inputs_one_line_each_rest_extracted(runner: CliRunner, bad_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = runner.invoke(main, ["extract", str(bad_corpus), "--out", str(out), "-q"])
    assert res.exit_code == 1, res.output
    assert "documents: 5 extracted, 0 already in" in res.stdout and "6 failed (of 11)" in res.stdout
    failures = [line.strip() for line in res.stderr.splitlines() if line.startswith("  ")]
    assert sorted(Path(line.split(": ", 1)[0]).name for line in failures) == sorted(
        ["empty.txt", "binary.txt", "latin1.txt", "truncated.pdf", "scripts.html", "notzip.docx"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in records] == sorted(p.name for p in bad_corpus.glob("0*.txt"))


def test_default_is_bundled_corpus_and_records_follow_the_schema(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = runner.invoke(main, ["extract", "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert "documents: 85 extracted" in res.stdout and "entities: places" in res.stdout   # 5 + 80 excerpts
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 85
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} not present")
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for line in lines:
        record = json.loads(line)
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, (record["source"], errors[:5])
        for group in ("places", "agencies", "policies", "named_models"):
            for item in record[group]:
                for m in item["mentions"]:
                    assert record["text"][m["start"]:m["end"]] == (m.get("as_written") or item.get("name")
                                                                   or item.get("title"))


@pytest.mark.parametrize(
    "args",
    [["extract", "/no/such/path", "--out", "x.jsonl"], ["extract", "--workers", "0", "--out", "x.jsonl"],
     ["extract", "."]],
    ids=["missing-path", "zero-workers", "no-out"],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    assert runner.invoke(main, args).exit_code == 2


def test_folder_without_documents_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    res = runner.invoke(main, ["extract", str(tmp_path), "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 2 and "no supported documents" in res.output


def test_synth_is_deterministic_and_sharded(runner: CliRunner, tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((a, "7"), (b, "7"), (c, "8")):
        res = runner.invoke(main, ["synth", "--docs", "1005", "--out", str(out), "--seed", seed])
        assert res.exit_code == 0, res.output
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*.txt"))
    assert len(files_a) == 1005 and files_a[0] == "00000/synth_0000000.txt" and files_a[-1] == "00001/synth_0001004.txt"
    for name in files_a[:50]:
        assert (a / name).read_bytes() == (b / name).read_bytes()
    assert sum((a / n).read_bytes() != (c / n).read_bytes() for n in files_a[:50]) >= 45
    texts = {(a / n).read_text(encoding="utf-8") for n in files_a[:200]}
    assert len(texts) == 200


def _govkg(*args: str) -> list[str]:
    return [sys.executable, "-c", "from govkg.cli import main; main()", *args]


def test_resume_after_kill_equals_uninterrupted_run(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    assert runner.invoke(main, ["synth", "--docs", "120", "--out", str(corpus), "--seed", "3"]).exit_code == 0
    full, partial = tmp_path / "full.jsonl", tmp_path / "partial.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(_govkg("extract", str(corpus), "--out", str(partial), "-q"), cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists() and partial.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = partial.read_bytes().count(b"\n")
    assert 5 <= written < 120
    resumed = subprocess.run(_govkg("extract", str(corpus), "--out", str(partial), "--resume", "-q"), cwd=REPO,
                             env=env, capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{120 - written} extracted, {written} already in" in resumed.stdout
    whole = subprocess.run(_govkg("extract", str(corpus), "--out", str(full), "-q", "--workers", "2"), cwd=REPO,
                           env=env, capture_output=True, text=True, check=False)
    assert whole.returncode == 0, whole.stderr
    assert partial.read_bytes() == full.read_bytes()


def test_scheduler_local_cluster(runner: CliRunner, tmp_path: Path, corpus_paths) -> None:
    pytest.importorskip("distributed")
    out_dask, out_plain = tmp_path / "dask.jsonl", tmp_path / "plain.jsonl"
    args = [str(p) for p in corpus_paths[:3]]
    res = runner.invoke(main, ["extract", *args, "--out", str(out_dask), "--scheduler", "local", "--workers", "2", "-q"])
    assert res.exit_code == 0, res.output
    assert runner.invoke(main, ["extract", *args, "--out", str(out_plain), "-q"]).exit_code == 0
    assert out_dask.read_bytes() == out_plain.read_bytes()


def test_unreachable_scheduler_is_one_clear_error(runner: CliRunner, tmp_path: Path, corpus_paths,
                                                  monkeypatch) -> None:
    pytest.importorskip("distributed")
    from loaders import batch

    monkeypatch.setattr(batch, "SCHEDULER_CONNECT_S", 1)        # tried for 1 s, not 10: the same error
    res = runner.invoke(main, ["extract", str(corpus_paths[0]), "--out", str(tmp_path / "o.jsonl"),
                               "--scheduler", "tcp://127.0.0.1:9", "-q"])
    assert res.exit_code == 1
    assert "cannot reach the Dask scheduler 'tcp://127.0.0.1:9'" in res.output


def test_missing_output_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(main, ["extract", "--out", str(tmp_path / "nope" / "o.jsonl")])
    assert res.exit_code == 2 and "does not exist" in res.output
