"""govkg explorer — a thin router: page setup and navigation; every page is a module in app/pages/."""
import streamlit as st

from app import state
from app.intake import ALLOWED_SUFFIXES
from app.ui import PAGE_FILES, app_css
from govkg.settings import load_settings

st.set_page_config(page_title="社区治理实践知识图谱", page_icon="🏘️", layout="wide")   # an emoji: a Material icon is fetched from fonts.gstatic.com
st.html(app_css(load_settings().max_upload_mb, ALLOWED_SUFFIXES))      # Streamlit's own texts in Chinese
state.require_store()


def _page(key: str, default: bool = False) -> st.Page:
    path, title, icon, url = PAGE_FILES[key]
    return st.Page(path, title=title, icon=icon, url_path=url, default=default)


SECTIONS = {
    "浏览": ["overview", "city", "policies", "search"],
    "比较与借鉴": ["compare", "similar", "exemplars", "models", "learning"],
    "资料与教学": ["document", "upload", "coursepack"],
}
pages = {name: [_page(k, default=(k == "overview")) for k in keys] for name, keys in SECTIONS.items()}
st.navigation(pages).run()
