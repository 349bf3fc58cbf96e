"""Fixtures of the explorer tests: the bundled corpus (five documents and 80 excerpts) built once into an embedded graph under a
temporary GOVKG_HOME (shared read-only by every test of the session)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def _components_scanned_once():
    """Streamlit's scan of the installed distributions for custom components, done once for the session:
    every ``AppTest`` does it again on its first run (~0.3 s, read from the metadata of each of ~100
    distributions), and what is installed does not change while the tests run."""
    from streamlit.components.v2 import manifest_scanner

    found = manifest_scanner.scan_component_manifests()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(manifest_scanner, "scan_component_manifests", lambda max_workers=None: list(found))
        yield


@pytest.fixture(scope="session")
def govkg_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("govkg_home")
    old = {k: os.environ.get(k) for k in ("GOVKG_HOME", "GOVKG_STORE")}
    os.environ["GOVKG_HOME"], os.environ["GOVKG_STORE"] = str(home), "embedded"
    from app.runtime import ensure_graph, open_configured_store
    from govkg.settings import CORPUS_DIR
    from loaders import iter_paths

    store = open_configured_store()
    assert ensure_graph(store) == len(list(iter_paths([CORPUS_DIR]))) == 85    # 5 documents + 80 excerpts
    yield home
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


# A reply written like the real ones, with hostile text where titles, named models ("“…”工作法"),
# policies (《…》) and measures are extracted from.
HOSTILE_TEXT = """关于<script>alert(1)</script>加强社区治理的提案答复
濮阳市民政局
2022年6月1日

王委员：
您提出的关于加强社区治理的提案收悉。现答复如下：
一、主要做法
（一）推行“<img src=x onerror=alert(1)>”工作法。濮阳市华龙区建立小区党支部32个，推行网格化治理，组建志愿服务队15支。
（二）出台《关于'}) MATCH (n) DETACH DELETE n //的实施意见》，明确社区减负清单。
（三）学习借鉴山东省武城县“<script>alert(1)</script>”经验，建立居民议事会，每月召开议事协商会议。
二、下一步工作
下一步，我们将进一步推广'}) MATCH (n) DETACH DELETE n //做法，计划出台《社区工作者管理办法》。
"""
HOSTILE_STRINGS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'}) MATCH (n) DETACH DELETE n //")
SECRET = "pw-never-shown-4711"


@pytest.fixture(scope="session")
def hostile_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile_reply.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def fresh_home(tmp_path, monkeypatch) -> Path:
    """An empty embedded graph under tmp_path, made the configured store for this test only."""
    monkeypatch.setenv("GOVKG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GOVKG_STORE", "embedded")
    return tmp_path / "home"


def overview_counts(at) -> dict[str, int]:
    """The counts row of 总览 (app.ui.counts_html) as {label: number}, read from the rendered HTML."""
    import re

    out: dict[str, int] = {}
    for h in at.get("html"):
        for label, n in re.findall(r'>([^<>]+)</div><div[^>]*data-testid="govkg-count">(\d+)<', h.proto.body):
            out[label] = int(n)
    return out


def open_page(page: str, **params: str):
    """Run the explorer in ``AppTest`` on ``page`` (a key of ``app.ui.PAGE_FILES``) with query ``params``."""
    from streamlit.testing.v1 import AppTest

    from app.ui import PAGE_FILES

    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    if Path(PAGE_FILES[page][0]).stem != PAGE_FILES[page][3]:
        at.run()        # pages whose url_path differs from the file name are only known after a first run
    at.switch_page(PAGE_FILES[page][0])
    return at.run()
