"""Reading every supported format and encoding into a ReadResult."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govkg.errors import InputError
from loaders.read import normalize_text, read_document
from loaders.read.boilerplate import is_boilerplate_line

HERE = Path(__file__).parent / "badfiles"
TEXT = ("潜江市民政局\n关于对市政协九届一次会议第T080号提案的答复\n王娟委员：\n"
        "你们提出的《关于加快推进社区管理水平创新的建议》收悉，现答复如下：\n"
        "一、推进网格化治理。全市划分网格1200个，市级安排专项经费 400 万元。\n")


@pytest.mark.parametrize(
    ("codec", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
     ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-32", "utf-32")],
)
def test_txt_encodings(tmp_path: Path, codec: str, expected: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(TEXT.encode(codec))
    result = read_document(path)
    assert result.text == TEXT
    assert result.encoding == expected
    assert result.format == "txt"
    assert result.path == str(path)


def test_bundled_gbk_document_reads_like_utf8(tmp_path: Path, corpus_paths) -> None:
    raw = corpus_paths[3].read_text(encoding="utf-8")
    path = tmp_path / "gbk.txt"
    path.write_bytes(raw.encode("gb18030"))
    assert read_document(path).text == read_document(corpus_paths[3]).text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("Café résumé naïve à la française, très élégant. ".encode("latin-1") * 20, "unknown text encoding"),
        (TEXT.encode("big5", errors="ignore") * 3, "unknown text encoding"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)) * 30, "unknown text encoding"),
        (b"", "empty"),
        (b"\n \n\t\n", "no text"),
        (b"\xef\xbb\xbf" + "中文".encode("gbk"), "not valid UTF-8-SIG"),
    ],
    ids=["latin1", "big5", "binary", "png-as-txt", "empty", "blank", "bad-bom"],
)
def test_wrong_codec_or_binary_is_rejected_not_garbled(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert problem in str(err.value)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_size_limit_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: 3 MB on paper, nothing on disk
        fh.truncate(3 * 1024 * 1024)
    monkeypatch.setenv("GOVKG_MAX_UPLOAD_MB", "2")
    with pytest.raises(InputError, match=r"3\.0 MB, over the 2 MB limit \(GOVKG_MAX_UPLOAD_MB\)"):
        read_document(path)


def test_unsupported_suffix_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"PK")
    with pytest.raises(InputError, match="unsupported suffix"):
        read_document(tmp_path / "a.xlsx")
    with pytest.raises(InputError, match="does not exist"):
        read_document(tmp_path / "missing.txt")


HTML = """<!DOCTYPE html><html><head><meta charset="gbk"><title>关于第05号提案的答复_某区人民政府</title>
<style>.x{color:red}</style><script>var nav = "简体|繁體"; document.write('<p>广告</p>');</script></head>
<body><div class="top-nav"><a href="/">简体</a>|<a>繁體</a>|<a>老年人模式</a>|<a>登录</a>|<a>注册</a></div>
<header><img alt="区人民政府LOGO"></header>
<div id="breadcrumb">当前位置：<a>首页</a> &gt; <a>政务公开</a></div>
<h1>关于第05号提案的答复</h1>
<div class="info">来源:区政协 发布时间:2021-07-01 字体大小: <a>大</a> <a>中</a> <a>小</a></div>
<div class="TRS_Editor"><p>黄小娟委员:</p>
<p>您在区政协二届五次会议提出《关于持续推动社区治理能力和服务水平提升的提案》收悉。</p>
<p>社区是城市治理的最后一公里。近年来，区委、区政府高度重视社区治理工作，坚持以党建为引领。</p>
<table><tr><td>项目</td><td>经费 400 万元</td></tr></table></div>
<div class="bdshare">分享到：微信 微博</div><div class="footer">版权所有 某区人民政府 主办</div>
<nav><a>网站地图</a></nav><footer>联系我们</footer></body></html>"""


def test_html_keeps_body_drops_furniture(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("gbk"))
    result = read_document(path)
    assert result.format == "html" and result.encoding == "gb18030"
    lines = result.text.split("\n")
    assert lines[0] == "关于第05号提案的答复"
    assert "来源:区政协 发布时间:2021-07-01" in lines
    assert "黄小娟委员:" in lines and "项目" in lines and "经费 400 万元" in lines
    for junk in ("简体", "繁體", "当前位置", "分享到", "版权所有", "网站地图", "var nav", "color:red", "字体大小", "联系我们"):
        assert junk not in result.text, junk


def test_html_of_only_scripts_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "scripts.htm"
    path.write_text("<html><head><script>" + "var a=1;" * 5000 + "</script></head><body>"
                    + "<script>document.write('x')</script>" * 500 + "<style>p{}</style></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="no readable text"):
        read_document(path)


def test_plain_text_navigation_lines_dropped(corpus_paths) -> None:
    text = read_document(corpus_paths[1]).text
    assert "简体| 繁體" not in text and "字体大小" not in text and "LOGO" not in text
    assert "来源:区政协 发布时间:2021-07-01" in text  # metadata kept, furniture cut off the line
    raw = corpus_paths[1].read_text(encoding="utf-8")
    dropped = [line.strip() for line in raw.split("\n") if is_boilerplate_line(line)]
    assert dropped == ["简体| 繁體| 老年人模式| 登录| 注册", "望城区人民政府LOGO", "• 扫一扫在手机打开", "分享到:", "关闭 打印"]


@pytest.mark.parametrize("line", ["简体| 繁體| 老年人模式| 登录| 注册", "首页 | 政务公开 | 互动交流 | 办事服务",
                                  "字体大小:", "【字体：大 中 小】", "【打印本页】【关闭窗口】", "- 3 -", "— 12 —",
                                  "当前位置：首页 > 政务公开 > 建议提案", "扫一扫在手机打开当前页", "分享到："])
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", ["B", "2021", "一、社区治理整体情况", "尊敬的王登朝代表：", "潜江市民政局",
                                  "项目\t经费", "创新实干 赶超跨越  奋力谱写现代化新望城建设的崭新篇章",
                                  "市、县、乡三级|上下贯通，左右协同|的社区治理体系已经建立。"])
def test_content_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line)


def _docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("咸宁市民政局")
    d.add_paragraph("关于对市政协五届五次会议第035号提案的答复")
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "社区治理实验区"
    table.cell(0, 2).text = "经费"
    table.cell(1, 0).text = "赤壁市"
    table.cell(1, 1).text = "咸安区"
    table.cell(1, 2).text = "400 万元"
    d.add_paragraph("2021年6月30日")
    d.save(path)


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = tmp_path / "reply.docx"
    _docx(path)
    result = read_document(path)
    assert result.format == "docx"
    assert result.text.split("\n") == ["咸宁市民政局", "关于对市政协五届五次会议第035号提案的答复",
                                       "社区治理实验区\t经费", "赤壁市\t咸安区\t400 万元", "2021年6月30日"]


def test_docx_zip_bomb_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * 30_000_000 + b"</w:document>")
    assert path.stat().st_size < 200_000
    with pytest.raises(InputError, match="zip bomb"):
        read_document(path, max_bytes=1024 * 1024)


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"plain text pretending"])
def test_broken_docx(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match="not a valid .docx"):
        read_document(path)


def test_pdf_cjk_and_hard_wraps_rejoined() -> None:
    result = read_document(HERE / "sample.pdf")
    assert result.format == "pdf"
    text = normalize_text(result.text)
    assert "潜江市民政局" in text
    assert "市民政局紧紧围绕委员提出的建议，坚持问题导向" in text  # wrapped in the PDF, rejoined
    assert "基层治理效能不断增强。" in text


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_pdf(tmp_path: Path, keep: float) -> None:
    data = (HERE / "sample.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    try:
        result = read_document(path)
    except InputError as err:
        assert "truncated" in str(err) or "without a text layer" in str(err) or "damaged" in str(err)
        assert str(path) in str(err)
    else:  # pdfminer recovered some pages: what it gives must be real text, not garbage
        assert "潜江市" in result.text


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(InputError, match="not a PDF"):
        read_document(path)


@pytest.mark.skipif(not (shutil.which("antiword") or shutil.which("catdoc")), reason="antiword/catdoc not installed")
def test_legacy_doc() -> None:
    result = read_document(HERE / "sample.doc")
    assert result.format == "doc"
    text = normalize_text(result.text)
    assert "关于对市政协九届一次会议第T080号提案的答复" in text
    assert "市民政局紧紧围绕委员提出的建议，坚持问题导向" in text
    assert "400 万元" in text


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword not installed")
def test_broken_doc(tmp_path: Path) -> None:
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    with pytest.raises(InputError, match="not a readable .doc"):
        read_document(path)
