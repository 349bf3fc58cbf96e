"""Plain helpers of the explorer: upload checks, escaping, evidence parsing, the comparison matrix."""
from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.intake import check_upload, safe_name, stage_upload
from app.matrix import build_matrix, to_csv, to_xlsx
from app.network import edges_of, network_option
from app.rows import evidence_of
from app.ui import excerpt_bounds, highlight_html, md_escape
from govkg.errors import InputError
from govkg.settings import load_settings


@pytest.fixture
def settings(tmp_path):
    return replace(load_settings({}), home=tmp_path, max_upload_mb=1)


@pytest.mark.parametrize("name,size,problem", [
    ("报告.exe", 10, "不支持的文件类型"),
    ("报告", 10, "无扩展名"),
    ("报告.pdf", 0, "空"),
    ("报告.docx", 2 * 1024 * 1024, "超过上限 1 MB"),
])
def test_bad_uploads_name_the_file(settings, name, size, problem):
    with pytest.raises(InputError) as err:
        check_upload(name, size, settings)
    assert name in str(err.value) and problem in str(err.value)


def test_stage_upload_keeps_the_name_inside_home(settings):
    path = stage_upload("../../etc/答复.txt", "内容".encode(), settings)
    assert path.name == "答复.txt" and settings.home in path.parents
    assert safe_name('a<b>:"c".txt') == "a_b___c_.txt"


def test_a_broken_pdf_is_reported_with_its_name(settings):
    from loaders import extract_file

    path = stage_upload("坏文件.pdf", b"%PDF-1.4 not really a pdf", settings)
    with pytest.raises(Exception) as err:
        extract_file(path)
    assert "坏文件.pdf" in str(err.value)


@given(st.text(max_size=200))
def test_highlight_html_never_lets_markup_through(text):
    out = highlight_html(text, 0, len(text) if text else None)
    body = out.split(">", 1)[1].rsplit("</div>", 1)[0]
    stripped = body.replace('<mark id="cited" style="background:#ffe066;padding:0 2px">', "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped


def test_highlight_marks_exactly_the_span():
    text = "甲市<b>推行</b>网格化治理。"
    s = text.index("网格")
    out = highlight_html(text, s, s + 5)
    assert ">网格化治理</mark>" in out and "&lt;b&gt;" in out


@pytest.mark.parametrize("text", ["**粗体**", "[链接](javascript:alert(1))", "<script>x</script>", "$x$", "# 标题"])
def test_md_escape_neutralises_markup(text):
    out = md_escape(text)
    assert all(out[i - 1] == "\\" for i, c in enumerate(out) if c in "*[]()<>$#" and i > 0)


def test_excerpt_bounds_are_the_quoted_sentence():
    text = "第一句。第二句有引文在这里，" + "很长的一句话" * 40 + "。第三句。"
    lo, hi = excerpt_bounds(text, text.index("引文"), text.index("引文") + 2)
    assert text[lo:hi] == text[text.index("第二句"):text.index("第三句")]     # the whole sentence, not a window


def test_evidence_of_reads_the_rows_evidence_columns():
    top = {"doc_id": "b" * 16, "start": 0, "end": 2, "quote": "引文"}
    (cite,) = evidence_of(top, {"b" * 16: "标题"})
    assert (cite.doc_id, cite.start, cite.end, cite.quote, cite.doc_title) == ("b" * 16, 0, 2, "引文", "标题")
    own = {**top, "own_doc_id": "c" * 16, "own_start": "5", "own_end": 9, "own_quote": None}
    assert [(c.doc_id, c.start, c.end, c.quote) for c in evidence_of(own, prefix="own_")] == [("c" * 16, 5, 9, "")]
    assert evidence_of({"doc_id": None, "start": None, "end": None, "quote": None}) == ()
    assert evidence_of({"doc_id": "b" * 16, "quote": "没有位置"}) == ()


ROWS = [
    {"place": "甲市", "practice": "网格化治理", "grade": "quantified", "measures": "建网格；配网格员",
     "measure_count": 2, "doc_id": "a" * 16, "start": 0, "end": 3, "quote": "建成网格 100 个"},
    {"place": "乙市", "practice": "网格化治理", "grade": "claimed", "measures": None, "measure_count": 0,
     "doc_id": "b" * 16, "start": 0, "end": 3, "quote": "重视网格"},
    {"place": "乙市", "practice": "居民公约", "grade": None, "measures": None, "measure_count": 0,
     "doc_id": None, "start": None, "end": None, "quote": None},
]


def test_matrix_and_downloads():
    m = build_matrix(ROWS, ["乙市", "甲市"])
    assert m.places == ["乙市", "甲市"] and m.practices[0] == "网格化治理"
    assert m.scores() == [[1, 0], [3, 0]]
    rows = list(csv.DictReader(io.StringIO(to_csv(m).decode("utf-8-sig"))))
    assert {r["地方"] for r in rows} == {"甲市", "乙市"} and "建成网格 100 个" in {r["原文"] for r in rows}
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(to_xlsx(m)))
    assert wb["矩阵"]["B3"].value == "有量化成效" and wb["证据"].max_row == 3


def test_network_option_has_a_node_per_place_and_an_edge_per_link():
    rows = [{"section": "learned_from", "learner_id": "1", "learner": "甲市", "source_id": "2", "source": "乙市",
             "what": "网格经验"},
            {"section": "model", "learner_id": "2", "learner": "乙市", "source_id": None, "source": None,
             "first_id": "2", "first": "乙市", "what": "x"},
            {"section": "practice", "learner_id": "3", "learner": "丙县", "source_id": None, "source": None,
             "first_id": "1", "first": "甲市"}]
    edges = edges_of(rows, ["learned_from", "model"])
    opt = network_option(edges)
    assert [n["name"] for n in opt["series"][0]["data"]] == ["甲市", "乙市"]
    assert len(opt["series"][0]["links"]) == 1
    shared = edges_of(rows, ["practice"])          # drawn from the place to the earliest one, no arrow
    assert [(e["learner_id"], e["source_id"]) for e in shared] == [("3", "1")]
    assert network_option(shared)["series"][0]["links"][0]["symbol"] == ["none", "none"]


def test_group_inventory_maps_sections_to_labels():
    from app.runtime import LABELS, group_inventory

    rows = [{"section": "document", "id": "d1", "name": None, "kind": "调研报告", "place": "鄂州市", "level": None,
             "issuer": "鄂州市人大常委会", "date": None, "status": None, "count": None},
            {"section": "place", "id": "420700", "name": "鄂州市", "kind": None, "place": None, "level": "city",
             "issuer": None, "date": None, "status": None, "count": 8},
            {"section": "named_model", "id": "nm_1", "name": "五位一体", "kind": None, "place": "鄂州市",
             "level": None, "issuer": None, "date": None, "status": None, "count": 5},
            {"section": "measure_total", "id": "Measure", "name": None, "kind": None, "place": None,
             "level": None, "issuer": None, "date": None, "status": None, "count": 12}]
    inv = group_inventory(rows)
    assert set(inv) == set(LABELS)
    assert inv["Document"] == [{"id": "d1", "title": None, "kind": "调研报告", "subject_place": "鄂州市",
                                "issuer": "鄂州市人大常委会", "date": None}]
    assert inv["Place"][0]["measures"] == 8 and inv["NamedModel"][0]["owner"] == "鄂州市"
    assert inv["Policy"] == [] and inv["Measure"] == []
    assert inv["Total"] == [{"label": "Measure", "count": 12}]


def test_app_reads_the_graph_only_through_named_queries():
    """No page or helper of the explorer runs Cypher or walks the embedded graph itself."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = [str(p.relative_to(root)) for p in [root / "streamlit_app.py", *sorted((root / "app").rglob("*.py"))]
                 if re.search(r"run_cypher|\bstore(\(\))?\.graph\b|\.graph\.nodes|\bMATCH \(", p.read_text(encoding="utf-8"))]
    assert not offenders


def test_bars_html_escapes_labels_and_links():
    from app.ui import bars_html

    html = bars_html([("<script>alert(1)</script>", 3), ("濮阳市", 1)], "地方", "举措数", link=("city", "place"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="city?place=%3Cscript%3Ealert%281%29%3C/script%3E"' in html
    assert "width:100.0%" in html and "width:33.3%" in html


def test_a_learnt_model_is_listed_without_its_learner_as_owner():
    from app.ui import model_label

    assert model_label("某江经验", "某区", "learnt") == "“某江经验” · 归属不详（学习方：某区）"
    assert model_label("12341", "某市", "") == "“12341” · 某市"
    assert model_label("三治融合", "", "aim") == "“三治融合” · 归属不详"
