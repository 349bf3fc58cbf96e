"""The import flow through AppTest on an empty graph: upload a small .txt and a broken PDF on 导入, see
what was extracted from the text, add it, and find it on 总览; the broken file gets one message that
names it."""
from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from app.ui import PAGE_FILES
from tests.app.conftest import HOSTILE_TEXT, overview_counts

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def _plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)       # undo app.ui.md_escape


def test_upload_preview_add_then_overview(fresh_home, corpus_paths):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert any("暂无文档" in i.value for i in at.info), "an empty graph says so on 总览"
    at.switch_page(PAGE_FILES["upload"][0]).run()
    assert at.title[0].value == "导入文档"

    reply = corpus_paths[0].read_bytes()
    at.file_uploader[0].set_value([("答复.txt", reply, "text/plain"),
                                   ("broken.pdf", b"%PDF-1.4\nthis is not a PDF body", "application/pdf")]).run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [_plain(e.value) for e in at.error]
    assert len(errors) == 1 and "broken.pdf" in errors[0], errors
    assert "答复.txt" not in errors[0]
    preview = {m.label: int(m.value) for m in at.metric}
    assert set(preview) == {"地方", "命名模式", "举措", "政策"} and preview["地方"] > 0, preview
    [add] = [b for b in at.button if b.label.startswith("加入图谱")]
    assert "1 个文件" in add.label

    add.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [_plain(e.value) for e in at.error] == errors, "only the broken file's message, still shown once"
    assert any("新增 1 篇" in s.value for s in at.success)

    at.switch_page(PAGE_FILES["overview"][0]).run()
    counts = overview_counts(at)
    assert counts["文档"] == 1
    assert counts["举措"] > 0


def test_hostile_upload_preview_is_escaped(fresh_home):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(PAGE_FILES["upload"][0]).run()
    at.file_uploader[0].set_value(("<img src=x onerror=alert(1)>.txt", HOSTILE_TEXT.encode(), "text/plain")).run()
    assert not at.exception and not at.error
    bodies = [m.proto.body for m in at.markdown] + [e.label for e in at.expander]
    assert any("onerror" in b for b in bodies), "the hostile model name is previewed"
    assert not any(re.search(r"(?<!\\)<(img|script)", b) for b in bodies), bodies
