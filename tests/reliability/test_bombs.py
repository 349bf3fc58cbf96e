"""Issue 13 item 3: files that inflate are refused quickly with one line, on every path.

The hostile files are written at test time (tests/reliability/hostile.py): a .docx whose headers
under-state what its XML inflates to (500 MB stated as 4 KB), a .docx of 190 MB of XML plus random
padding (1.7 MB on disk, 109:1 — under the old ratio guard), a .docx compressed with LZMA, and a PDF
whose content stream inflates to 600 MB. Each must be refused within seconds, with a small memory
limit on the worker, and with one line naming the file; the command line and the explorer's import
preview (Streamlit runs it in a thread, where SIGALRM never fires) are bounded too.
"""
from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest

from loaders.batch import extract_paths
from tests.reliability.hostile import MB, docx_bomb, pdf_bomb

QUICK_S = 20        # generous for a loaded 2-core machine; each case takes about a second


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bombs")
    packed = docx_bomb(d / "probe.docx", 190).stat().st_size
    files = {
        "understated": docx_bomb(d / "understated.docx", 500, claimed_size=4096),
        "ratio109": docx_bomb(d / "ratio109.docx", 190, padding=int(190 * MB / 109) - packed),
        "lzma": docx_bomb(d / "lzma.docx", 1, method=zipfile.ZIP_LZMA),
        "pdf": pdf_bomb(d / "bomb.pdf", 600),
    }
    (d / "probe.docx").unlink()
    return files


def _one(path: Path, **limits) -> tuple[str, float]:
    start = time.perf_counter()
    (result,) = list(extract_paths([path], **limits))
    elapsed = time.perf_counter() - start
    assert not result.ok, f"{path.name} was accepted"
    assert result.error.startswith(f"{path}: ") and "\n" not in result.error and result.error.count(str(path)) == 1
    return result.error, elapsed


def test_the_109_to_1_docx_is_what_the_issue_describes(bombs):
    path = bombs["ratio109"]
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None                         # a valid zip, every CRC right
        xml = sum(i.file_size for i in zf.infolist() if i.filename.endswith(".xml"))
    assert 180 * MB < xml < 200 * MB and 1.5 * MB < path.stat().st_size < 2 * MB
    assert 100 < xml / path.stat().st_size < 120


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case, expect", [
    ("understated", r"is not a valid \.docx \(broken zip: Bad CRC-32"),
    ("ratio109", r"would expand to 190\.\d MB of XML .*refusing a zip bomb-like \.docx"),
    ("lzma", r"uses a compression Word does not write"),
    ("pdf", r"needed more than 256 MB of memory and was stopped"),
])
def test_inflating_files_are_refused_quickly_within_256_mb(bombs, case, expect):
    error, elapsed = _one(bombs[case], memory_mb=256, timeout_s=60)
    assert re.search(expect, error), error
    assert elapsed < QUICK_S, f"{case}: {elapsed:.1f} s"


def test_understated_docx_costs_one_chunk_in_process(bombs):
    """Reading in this process (no worker, no memory limit): an entry that inflates to 500 MB while
    its headers say 4 KB is stopped after one 1 MB chunk — a single unbounded read() inflated up to
    2 GB before noticing."""
    import tracemalloc

    from govkg.errors import InputError
    from loaders.read.files import read_document

    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="Bad CRC-32"):
            read_document(bombs["understated"])
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * MB, f"peak {peak / MB:.0f} MB"


def test_docx_limit_is_the_upload_limit(tmp_path):
    """The XML of a .docx may hold as much as a text file (GOVKG_MAX_UPLOAD_MB), no more."""
    from govkg.errors import InputError
    from loaders.read.office import docx_parts

    path = docx_bomb(tmp_path / "six.docx", 6)
    assert len(docx_parts(str(path), 8 * MB)["word/document.xml"]) > 6 * MB
    with pytest.raises(InputError, match=r"would expand to 6\.\d MB of XML .*limit 5\.0 MB"):
        docx_parts(str(path), 5 * MB)


@pytest.mark.timeout(60)
def test_time_limit_kills_the_worker(tmp_path):
    """The limit is enforced from outside the worker: the document is stopped on time and the next
    one is extracted by a fresh worker."""
    slow = tmp_path / "a_slow.txt"
    slow.write_text("咸宁市民政局\n" + "推行“社区治理创新模式”，建立“议事协商”机制。" * 40_000, encoding="utf-8")
    good = tmp_path / "b_good.txt"
    good.write_text("咸宁市民政局\n关于社区治理的答复。推行网格化管理。\n", encoding="utf-8")
    start = time.perf_counter()
    first, second = extract_paths([tmp_path], timeout_s=0.5)
    assert not first.ok and "longer than 0.5 s" in first.error
    assert second.ok
    assert time.perf_counter() - start < QUICK_S


@pytest.mark.timeout(180)
def test_cli_refuses_each_bomb_on_one_line_and_goes_on(bombs, tmp_path, corpus_paths, monkeypatch):
    from click.testing import CliRunner

    from govkg.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    for name, path in bombs.items():
        (folder / f"{name}{path.suffix}").write_bytes(path.read_bytes())
    (folder / "good.txt").write_bytes(corpus_paths[0].read_bytes())
    monkeypatch.setenv("GOVKG_MAX_EXTRACT_MB", "256")
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["extract", str(folder), "--out", str(tmp_path / "out.jsonl"), "-q"])
    assert result.exit_code == 1, result.output
    assert "1 extracted" in result.output and "4 failed" in result.output
    failures = [line.strip() for line in result.output.splitlines() if line.startswith("  ")]
    assert len(failures) == 4 and all(line.startswith(str(folder)) for line in failures), failures
    assert time.perf_counter() - start < 4 * QUICK_S


@pytest.mark.timeout(180)
def test_import_preview_is_bounded_in_time_and_refuses_bombs(bombs, fresh_home, monkeypatch):
    """The explorer's import page: the 109:1 .docx gets one error line, and a document over the time
    limit is stopped (Streamlit runs pages in threads: the limit must come from a worker process)."""
    from tests.app.conftest import open_page

    monkeypatch.setenv("GOVKG_EXTRACT_TIMEOUT_S", "1")
    slow = ("咸宁市民政局\n" + "推行“社区治理创新模式”，建立“议事协商”机制。" * 40_000).encode()
    at = open_page("upload")
    start = time.perf_counter()
    at.file_uploader[0].set_value([("bomb.docx", bombs["ratio109"].read_bytes(), "application/octet-stream"),
                                   ("slow.txt", slow, "text/plain")])
    at.run(timeout=120)
    elapsed = time.perf_counter() - start
    errors = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]
    assert len(errors) == 2, errors
    assert "bomb.docx" in errors[0] and "zip bomb-like" in errors[0]
    assert "slow.txt" in errors[1] and "longer than 1 s" in errors[1]
    assert not at.button, "refused files must not be offered for adding to the graph"
    assert elapsed < 4 * QUICK_S
