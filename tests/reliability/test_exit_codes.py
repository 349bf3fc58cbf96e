"""Issue 13 item 6: ``govkg build`` exits non-zero when any file failed (some, all, or none found),
and each failure line names the file once."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main


@pytest.fixture()
def home(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("GOVKG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GOVKG_STORE", "embedded")
    return tmp_path / "home"


def _folder(root: Path, name: str, files: dict[str, bytes]) -> Path:
    folder = root / name
    folder.mkdir()
    for fname, data in files.items():
        (folder / fname).write_bytes(data)
    return folder


def _failure_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("failed:")]


def test_some_failed_exits_1_and_names_each_path_once(home, tmp_path, corpus_paths):
    folder = _folder(tmp_path, "mixed", {"good.txt": corpus_paths[0].read_bytes(), "empty.txt": b"",
                                         "binary.txt": bytes(range(256)) * 8})
    result = CliRunner().invoke(main, ["build", str(folder), "--quiet"])
    assert result.exit_code == 1, result.output
    assert "added 1" in result.output and "failed 2" in result.output
    lines = _failure_lines(result.output)
    assert len(lines) == 2
    for name, line in zip(("binary.txt", "empty.txt"), lines):
        path = str(folder / name)
        assert line.startswith(f"failed: {path}: ") and line.count(path) == 1, line


def test_all_failed_exits_1(home, tmp_path):
    folder = _folder(tmp_path, "bad", {"a.txt": b"", "b.pdf": b"%PDF-1.4 broken"})
    result = CliRunner().invoke(main, ["build", str(folder), "--quiet"])
    assert result.exit_code == 1 and len(_failure_lines(result.output)) == 2, result.output


def test_no_supported_document_exits_1_with_one_line(home, tmp_path):
    folder = _folder(tmp_path, "none", {"sheet.xlsx": b"PK", "notes.odt": b"PK"})
    result = CliRunner().invoke(main, ["build", str(folder), "--quiet"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "no supported documents" in errors[0] and str(folder) in errors[0]


def test_all_loaded_exits_0(home, tmp_path, corpus_paths):
    folder = _folder(tmp_path, "good", {"good.txt": corpus_paths[1].read_bytes()})
    result = CliRunner().invoke(main, ["build", str(folder), "--quiet"])
    assert result.exit_code == 0 and not _failure_lines(result.output), result.output
    again = CliRunner().invoke(main, ["build", str(folder), "--quiet"])
    assert again.exit_code == 0 and "unchanged 1" in again.output, again.output


@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_SETPIPE_SZ"), reason="needs Linux pipes")
def test_a_reader_that_leaves_early_is_no_error(home, tmp_path, corpus_paths):
    """`govkg stats --documents | head -c 100`: the pipe closes under the command; it ends quietly, 0."""
    import fcntl
    import os
    import subprocess
    import sys

    env = dict(os.environ, GOVKG_HOME=str(home), GOVKG_STORE="embedded",
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    cli = [sys.executable, "-c", "from govkg.cli import main; main()"]
    subprocess.run([*cli, "build", *map(str, corpus_paths), "--quiet"], env=env, check=True, capture_output=True)
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)      # the output cannot all fit before the reader leaves
    proc = subprocess.Popen([*cli, "stats", "--documents"], env=env, stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    assert os.read(read_end, 100)                        # what `head -c 100` does, then it leaves
    os.close(read_end)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and "Error" not in err and "Traceback" not in err, err
