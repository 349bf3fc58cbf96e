"""Issue 13 item 5 in the browser: a document whose title and named model are Markdown images and
links is uploaded through the import page of the real app in headless Chromium and added to the
graph; the import preview and the pages that show it (evidence links, headings, expanders) must show
that text as text, and the browser must make no request anywhere but the app itself."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.reliability.test_markdown_labels import MARKDOWN_TEXT, MODEL, TITLE
from tests.support.app_server import CHROMIUM, CHROMIUM_ARGS, running_app, wait_until_rendered

pytestmark = pytest.mark.e2e
# images and links on the page that point to another host than the app's
FOREIGN = """() => [...document.querySelectorAll('img[src], a[href], source[src], link[href]')]
    .map(e => { try { return new URL(e.getAttribute('src') || e.getAttribute('href'), location.href); }
                catch (err) { return null; } })
    .filter(u => u && u.host !== location.host && ['http:', 'https:'].includes(u.protocol))
    .map(u => u.href)"""


@pytest.mark.timeout(300)
def test_uploaded_markdown_title_renders_as_text_and_loads_nothing(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk")
    from playwright.sync_api import sync_playwright

    with running_app({"GOVKG_HOME": str(tmp_path / "home"), "GOVKG_STORE": "embedded"}) as url, \
            sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1600}, locale="zh-CN")
        outside: list[str] = []

        def refuse(route) -> None:             # anything not served by the app: record it, never fetch it
            outside.append(route.request.url)
            route.abort()

        page.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]|data:|blob:)"), refuse)
        page.goto(f"{url}/import")
        wait_until_rendered(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            {"name": "reply.txt", "mimeType": "text/plain", "buffer": MARKDOWN_TEXT.encode("utf-8")})
        add = page.get_by_role("button", name=re.compile("加入图谱"))
        add.wait_for(timeout=120_000)
        shown = {"import preview": page.inner_text('[data-testid="stMainBlockContainer"]')}
        assert not page.evaluate(FOREIGN), page.evaluate(FOREIGN)
        add.click()
        page.get_by_text(re.compile("已写入图谱")).wait_for(timeout=120_000)
        for name, path in (("models", "models?name=" + MODEL), ("search", "search?q=点我"),
                           ("city", "city?place=濮阳市")):
            page.goto(f"{url}/{path}")
            wait_until_rendered(page)
            page.wait_for_timeout(500)
            shown[name] = page.inner_text('[data-testid="stMainBlockContainer"]')
            foreign = page.evaluate(FOREIGN)
            assert not foreign, (name, foreign)
        browser.close()
    # app.ui.md_escape puts an invisible word joiner into "://" (the renderer would make a link of it)
    shown = {name: text.replace("\u2060", "") for name, text in shown.items()}
    assert TITLE in shown["import preview"], shown["import preview"][:500]
    for name in ("models", "search"):          # (on 城市画像 the links sit in closed expanders)
        assert f"查看原文 《{TITLE}》" in shown[name], (name, shown[name][:500])
    assert MODEL in shown["models"]
    assert not outside, outside
