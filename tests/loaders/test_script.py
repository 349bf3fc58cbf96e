"""Traditional-character documents: found like simplified ones, reported in their own script."""
from __future__ import annotations

from loaders.extract.pipeline import extract_text
from loaders.extract.script import fold_name, fold_script

TRAD = ("關於加強社區治理工作的報告\n\n"
        "近年來，唐山市路北區民政局堅持黨建引領，在全區推行“紅色管家”服務機制，"
        "建成社區黨群服務中心36個，培育社區社會組織120個。")
SIMP = fold_script(TRAD)


def test_fold_keeps_length_and_simplified_text():
    assert len(SIMP) == len(TRAD)
    assert "唐山市路北区民政局" in SIMP and "红色管家" in SIMP
    assert fold_script(SIMP) == SIMP


def test_traditional_text_finds_what_simplified_text_finds():
    trad, simp = extract_text(TRAD, "t.txt"), extract_text(SIMP, "s.txt")
    assert trad.text == TRAD
    # the same places and agencies, named in the document's own script (as the annotations name them)
    assert [fold_name(p.name) for p in trad.places] == [p.name for p in simp.places]
    assert "唐山市路北區" in [p.name for p in trad.places]
    assert [fold_name(a.name) for a in trad.agencies] == [a.name for a in simp.agencies]
    assert [m.value for m in trad.metrics] == [m.value for m in simp.metrics]
    assert trad.practices == simp.practices


def test_traditional_record_keeps_its_own_script_and_offsets():
    rec = extract_text(TRAD, "t.txt")
    mentions = [m for e in (*rec.places, *rec.agencies, *rec.named_models) for m in e.mentions]
    assert mentions
    for m in mentions:
        assert rec.text[m.start:m.end] == m.as_written
    assert any("區" in m.as_written for m in mentions)
    for metric in rec.metrics:
        assert rec.text[metric.start:metric.end] == metric.as_written
    names = [nm.name for nm in rec.named_models]
    assert "紅色管家" in names and "红色管家" not in names


def test_a_squeezed_or_respaced_title_gets_its_script_back():
    from loaders.extract.script import _restorer

    original = "關 於 加 強 社 區 治 理 的 答 復\n正文"
    scan = fold_script(original)
    restore = _restorer(scan, original)
    assert restore("关于加强社区治理的答复") == "關於加強社區治理的答復"
    headline = "新源縣多措并舉  不斷加大財政投入\n正文"
    assert _restorer(fold_script(headline), headline)("新源县多措并举 不断加大财政投入") == "新源縣多措并舉 不斷加大財政投入"


def test_corner_quotes_fold_to_the_quotation_marks_the_rules_read():
    from loaders.extract.script import fold_script
    text = "堅持「三零」目標，推行『建、聯』做法"
    folded = fold_script(text)
    assert len(folded) == len(text)
    assert "“三零”" in folded and "‘建、联’" in folded
