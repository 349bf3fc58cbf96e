"""The batch runner: order, failures that do not stop the batch, processes, Dask, time limit."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders import extract_file, extract_paths, iter_paths
from loaders.batch import open_output, read_done


@pytest.fixture()
def mixed_dir(tmp_path: Path, corpus_paths) -> Path:
    """Two good documents (one GBK) and three bad ones, in nested folders."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / "01_good.txt").write_bytes(corpus_paths[0].read_bytes())
    (tmp_path / "b" / "c" / "02_gbk.txt").write_bytes(corpus_paths[3].read_text(encoding="utf-8").encode("gbk"))
    (tmp_path / "a" / "03_empty.txt").write_bytes(b"")
    (tmp_path / "b" / "04_binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "b" / "05_broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (tmp_path / "b" / "ignored.xlsx").write_bytes(b"PK")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("社区", encoding="utf-8")
    return tmp_path


def test_iter_paths_recursive_sorted_supported_only(mixed_dir: Path) -> None:
    names = [p.relative_to(mixed_dir).as_posix() for p in iter_paths([mixed_dir])]
    assert names == ["a/01_good.txt", "a/03_empty.txt", "b/04_binary.txt", "b/05_broken.pdf", "b/c/02_gbk.txt"]


def _summary(results) -> list[tuple[str, bool]]:
    return [(Path(r.path).name, r.ok) for r in results]


def test_bad_files_fail_alone_in_order(mixed_dir: Path) -> None:
    results = list(extract_paths([mixed_dir]))
    assert _summary(results) == [("01_good.txt", True), ("03_empty.txt", False), ("04_binary.txt", False),
                                 ("05_broken.pdf", False), ("02_gbk.txt", True)]
    for r in results:
        if not r.ok:
            assert r.error.startswith(r.path + ": ") and "\n" not in r.error
            assert r.line is None
        else:
            assert r.record.source == r.path and r.record.doc_id == r.doc_id
            assert r.counts["places"] == len(r.record.places)


def test_workers_give_the_same_records(mixed_dir: Path, corpus_paths) -> None:
    paths = [mixed_dir, *corpus_paths]
    one = [(r.path, r.line, r.error) for r in extract_paths(paths, workers=1)]
    two = [(r.path, r.line, r.error) for r in extract_paths(paths, workers=2, chunksize=2)]
    assert one == two


def test_extract_file_matches_batch(corpus_paths) -> None:
    record = extract_file(corpus_paths[2])
    (result,) = extract_paths([corpus_paths[2]])
    assert result.line == record.to_json_line()


def test_resume_skips_unchanged_documents(corpus_paths, tmp_path: Path) -> None:
    first = list(extract_paths(corpus_paths[:3]))
    done = read_done(r.line for r in first)
    changed = tmp_path / "changed.txt"
    changed.write_text("咸宁市民政局\n关于社区治理的答复。\n", encoding="utf-8")
    done[str(changed)] = "0" * 16
    again = list(extract_paths([*corpus_paths, changed], done=done))
    assert [r.skipped for r in again] == [True, True, True, False, False, False]
    assert all(r.ok for r in again)


def test_open_output_drops_torn_tail(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    good = json.dumps({"source": "a.txt", "doc_id": "0123456789abcdef"}, ensure_ascii=False)
    out.write_text(good + "\n" + '{"source": "b.txt", "doc_', encoding="utf-8")
    fh, done = open_output(out, resume=True)
    fh.close()
    assert done == {"a.txt": "0123456789abcdef"}
    assert out.read_text(encoding="utf-8") == good + "\n"
    fh, done = open_output(out, resume=False)
    fh.close()
    assert done == {} and out.read_text(encoding="utf-8") == ""


def test_time_limit_per_document(tmp_path: Path) -> None:
    path = tmp_path / "quotes.txt"
    path.write_text("咸宁市民政局\n" + "推行“社区治理创新模式”，" * 10_000 + "。\n", encoding="utf-8")
    (result,) = extract_paths([path], timeout_s=0.01)
    assert not result.ok and "longer than 0.01 s" in result.error


def test_hostile_documents_get_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "long_line.txt").write_text("社区治理" * 250_000, encoding="utf-8")  # one 1M-char line
    (tmp_path / "quotes.txt").write_text("“社区”" * 10_000, encoding="utf-8")
    results = list(extract_paths([tmp_path], timeout_s=3))
    assert len(results) == 2
    for r in results:  # either extracted within the limit or one clear line
        assert r.ok or ("\n" not in r.error and r.error.startswith(r.path))


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=None, silence_logs=40)
    yield cluster
    cluster.close()


def test_dask_scheduler_address(dask_cluster, mixed_dir: Path) -> None:
    local = [(r.path, r.line, r.error) for r in extract_paths([mixed_dir])]
    on_dask = [(r.path, r.line, r.error) for r in extract_paths([mixed_dir], scheduler=dask_cluster.scheduler_address,
                                                                 chunksize=2)]
    assert on_dask == local
