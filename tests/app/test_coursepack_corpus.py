"""The course pack on the bundled corpus through the real named queries and the CLI: the DOCX
opens with python-docx and every fact in it has a citation whose quote is in the cited document."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from govkg.cli import main


@pytest.fixture(scope="module")
def store(govkg_home):
    from app.runtime import open_configured_store

    return open_configured_store()


def test_gather_uses_the_graph(store):
    from app.runtime import query_runner
    from govkg.coursepack import assemble_pack
    from govkg.coursepack.gather import gather

    pack = assemble_pack(gather(query_runner(store), ["网格化治理"], ["濮阳市", "潜江市"], []))
    assert pack.all_facts()
    table = pack.sections[4].table
    assert table is not None and [r[0] for r in table.rows] == ["濮阳市", "潜江市"]
    from govkg.api import query

    for ev in pack.citations():
        text = query(store, "document", {"doc": ev.doc_id})[0]["text"]
        assert ev.quote and ev.quote in text


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_cli_coursepack(govkg_home, tmp_path, suffix):
    out = tmp_path / f"pack{suffix}"
    res = CliRunner().invoke(main, ["coursepack", "--practice", "党建引领", "--place", "濮阳市",
                                    "--place", "潜江市", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "citations" in res.output
    if suffix == ".docx":
        import docx

        doc = docx.Document(str(out))
        facts = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
        assert facts
        for p in facts:
            assert any(r.font.superscript and re.fullmatch(r"(\[\d+\])+", r.text) for r in p.runs), p.text
    else:
        assert "## 出处" in out.read_text(encoding="utf-8")


def test_cli_coursepack_needs_a_selection(govkg_home, tmp_path):
    res = CliRunner().invoke(main, ["coursepack", "--out", str(tmp_path / "x.md")])
    assert res.exit_code != 0 and "--practice" in res.output


def test_cli_coursepack_unknown_place_is_named(govkg_home, tmp_path):
    res = CliRunner().invoke(main, ["coursepack", "--place", "不存在市", "--out", str(tmp_path / "x.md")])
    assert res.exit_code != 0 and "不存在市" in res.output
