"""Issue 13 item 8: deep HTML keeps all its text; links inside an input folder that lead outside it
are refused with one line (a link to /etc/passwd was read before); a pipe named like a document
does not hang the batch."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from loaders import extract_paths, iter_paths
from loaders.read.html import html_to_text

BEFORE, INSIDE, AFTER = "前言：社区治理情况说明。", "开头文字：推行网格化管理。", "结尾文字：建立居民议事会，每月召开会议。"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("depth", [300, 2_100, 100_000])
def test_deep_html_keeps_its_text(depth):
    """libxml2 stops building the tree at 256 levels (2,048 with huge_tree) and dropped everything
    after that point without a word; now every text run is kept at any depth."""
    html = (f"<html><head><script>var x = 1;</script></head><body><p>{BEFORE}</p>" + "<div>" * depth
            + f"<p>{INSIDE}</p>" + "</div>" * depth + f"<p>{AFTER}</p></body></html>")
    text = html_to_text(html, "deep.html")
    assert BEFORE in text and INSIDE in text and AFTER in text
    assert "var x" not in text
    assert text.index(BEFORE) < text.index(INSIDE) < text.index(AFTER)


@pytest.fixture()
def linked(tmp_path: Path, corpus_paths) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密：账号密码清单。不应被读取。\n", encoding="utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "x.txt").write_text("另一份机密文件。\n", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_good.txt").write_bytes(corpus_paths[0].read_bytes())
    os.symlink(outside / "secret.txt", folder / "b_passwd.txt")            # leaves the folder
    os.symlink(folder / "a_good.txt", folder / "sub" / "c_same.txt")       # stays inside
    os.symlink(outside / "more", folder / "d_dir")                         # a folder outside
    return folder


def test_links_leaving_the_folder_are_refused_with_one_line(linked):
    results = {Path(r.path).name: r for r in extract_paths([linked])}
    assert set(results) == {"a_good.txt", "b_passwd.txt", "c_same.txt", "d_dir"}
    assert results["a_good.txt"].ok and results["c_same.txt"].ok
    for name in ("b_passwd.txt", "d_dir"):
        error = results[name].error
        assert error is not None and "\n" not in error, error
        assert error.startswith(f"{linked / name}: is a symbolic link to a ") and f"outside {linked}" in error
    assert all("机密" not in (r.line or "") for r in results.values())
    assert [p.name for p in iter_paths([linked])] == ["a_good.txt", "c_same.txt"]


def test_a_link_named_on_the_command_line_is_read(linked):
    """Naming a file is the user's choice; only links found while walking a folder are refused."""
    (result,) = extract_paths([linked / "b_passwd.txt"])
    assert result.ok


@pytest.mark.timeout(60)
def test_a_pipe_named_like_a_document_is_refused(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (result,) = extract_paths([fifo], timeout_s=30)
    assert result.error == f"{fifo}: is not a regular file (a folder, device or pipe); pass a document file"
