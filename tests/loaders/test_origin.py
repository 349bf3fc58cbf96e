"""A folder's SOURCES.tsv gives saved files their URL as the record's source."""
from __future__ import annotations

import json

import pytest

import loaders
from govkg.errors import InputError
from loaders.batch import extract_paths
from loaders.read.origin import origin_of

TEXT = "关于加强社区治理的答复\n\n近年来，市民政局推进社区治理工作，建成社区服务站12个。\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("12", "15"), encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("file\tsource\texcerpt\na.txt\thttps://example.gov.cn/a.html\tyes\n",
                                          encoding="utf-8")
    return tmp_path


def test_listed_file_gets_its_url_and_excerpt_mark(folder):
    rec = loaders.extract_file(folder / "a.txt")
    assert rec.source == "https://example.gov.cn/a.html" and rec.excerpt is True
    assert json.loads(rec.to_json_line())["source"] == "https://example.gov.cn/a.html"


def test_unlisted_file_keeps_its_path(folder):
    rec = loaders.extract_file(folder / "b.txt")
    assert rec.source == str(folder / "b.txt") and rec.excerpt is False


def test_batch_uses_the_url_and_resumes_by_it(folder):
    first = {r.path: r for r in extract_paths([folder])}
    assert first[str(folder / "a.txt")].record.source == "https://example.gov.cn/a.html"
    done = {r.record.source: r.doc_id for r in first.values()}
    again = list(extract_paths([folder], done=done))
    assert all(r.skipped for r in again)


def test_manifest_change_is_seen(folder):
    assert origin_of(folder / "b.txt").source == str(folder / "b.txt")
    manifest = folder / "SOURCES.tsv"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "b.txt\thttps://example.gov.cn/b.html\tno\n",
                        encoding="utf-8")
    import os
    st = manifest.stat()
    os.utime(manifest, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert origin_of(folder / "b.txt").source == "https://example.gov.cn/b.html"


def test_bad_manifest_names_the_file(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("name\turl\na.txt\thttps://x\n", encoding="utf-8")
    with pytest.raises(InputError, match="SOURCES.tsv"):
        origin_of(tmp_path / "a.txt")


def test_bundled_excerpts_all_have_urls():
    from govkg.settings import CORPUS_DIR

    excerpts = sorted((CORPUS_DIR / "excerpts").glob("*.txt"))
    assert len(excerpts) == 80
    for path in excerpts:
        origin = origin_of(path)
        assert origin.source.startswith(("http://", "https://")) and origin.excerpt, path
