"""End to end: the real app in headless Chromium. Every page is opened, must finish running, must
show no exception and no error box; a screenshot of each is saved (and to screenshots/ when
GOVKG_SCREENSHOTS is set)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.server import CHROMIUM, CHROMIUM_ARGS, running_app, wait_until_rendered
from app.ui import PAGE_FILES

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_url(govkg_home):
    with running_app({"GOVKG_HOME": str(govkg_home), "GOVKG_STORE": "memory"}) as url:
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def test_every_page_in_chromium(browser, app_url, shots):
    page = browser.new_page(viewport={"width": 1400, "height": 1600}, locale="zh-CN")
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"javascript: {exc}"))
    # the default page (总览) lives at the root URL
    cases = [(key, "" if key == "overview" else url, "") for key, (_f, _t, _i, url) in PAGE_FILES.items()]
    cases.append(("compare_cell", "compare", "?place=濮阳市&place=潜江市"))
    for key, url, query in cases:
        page.goto(f"{app_url}/{url}{query}")
        wait_until_rendered(page)
        page.screenshot(path=str(shots / f"{key}.png"), full_page=True)
        title = page.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text()
        if title.strip() == "":
            problems.append(f"{key}: no title")
        for sel, what in (('[data-testid="stException"]', "exception"),
                          ('[data-testid="stAlertContentError"]', "error box"),
                          ('[role="dialog"]', "dialog (e.g. page not found)")):
            n = page.locator(sel).count()
            if n:
                problems.append(f"{key}: {n} {what}: {page.locator(sel).first.inner_text()[:300]}")
        if key == "compare_cell" and page.locator("blockquote").count() == 0:
            problems.append("compare: no quote under the matrix for 濮阳市 and 潜江市")
    out = os.environ.get("GOVKG_SCREENSHOTS")
    if out:
        dest = REPO / "screenshots"
        dest.mkdir(exist_ok=True)
        for png in shots.glob("*.png"):
            shutil.copy(png, dest / png.name)
    assert not problems, "\n".join(problems)
