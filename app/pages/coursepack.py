"""课程素材: a trainer picks practices, places and models; the app assembles a case pack with a
citation for every fact and exports Markdown, DOCX and PDF."""
import tempfile
from pathlib import Path

import streamlit as st

from app import state
from app.ui import empty_note, labelled, md_escape, model_label, place_label
from govkg.errors import GovkgError

st.title("课程素材")
st.caption("选择做法、地方和命名模式，生成一份教学案例：背景、命名模式及其构成、主要举措、数据、跨城比较表、"
           "讨论题。每一条事实都注明原文出处。")

places = state.places_with_measures()
if not places:
    empty_note("地方")
    st.stop()
practices = [p for p in state.practices() if any(p == x["name"] and x.get("places") for x in state.inventory()["Practice"])]
models = labelled((model_label(name, owner, role), name) for name, owner, role in state.model_names())
# the form's key ("pack_form") and the results' keys ("pack_result", "pack_pdf") are distinct: a form's
# key is a widget key in session state, and assigning to it after the form is drawn raises
with st.form("pack_form"):
    chosen_practices = st.multiselect("做法", practices, placeholder="选择一个或多个做法", select_all=False)
    chosen_places = st.multiselect("地方（不选则按做法自动选取典型地方）", places, placeholder="自动选取",
                                   select_all=False, format_func=place_label)
    chosen_models = st.multiselect("命名模式（不选则取所选地方的相关模式）", list(models), placeholder="自动选取",
                                   select_all=False)
    title = st.text_input("标题（可不填）")
    submitted = st.form_submit_button("生成案例", type="primary")

if submitted:
    if not (chosen_practices or chosen_places or chosen_models):
        st.warning("请至少选择一个做法、地方或命名模式。")
        st.stop()
    from govkg.coursepack import assemble_pack
    from govkg.coursepack.gather import gather
    from govkg.errors import UnknownNameError

    try:
        with st.spinner("正在组织案例…"):
            inp = gather(lambda name, params: state.query(name, **params), chosen_practices, chosen_places,
                         list(dict.fromkeys(models[m] for m in chosen_models)))
            st.session_state["pack_result"] = assemble_pack(inp, title)
            st.session_state.pop("pack_pdf", None)
    except UnknownNameError as exc:
        st.warning(md_escape(exc.chinese()))
        st.stop()
    except GovkgError as exc:
        st.error(md_escape(f"无法生成案例：{exc}"))
        st.stop()

pack = st.session_state.get("pack_result")
if pack is None:
    st.stop()

from govkg.coursepack.export_docx import write_docx
from govkg.coursepack.export_md import to_markdown

md = to_markdown(pack)
st.success(f"已生成：{len(pack.all_facts())} 条事实，{len(pack.citations())} 处原文出处。")
c1, c2, c3 = st.columns(3)
c1.download_button("下载 Markdown", md.encode("utf-8"), file_name="案例.md", mime="text/markdown",
                   icon=":material/article:")
with tempfile.TemporaryDirectory() as tmp:
    docx_bytes = write_docx(pack, Path(tmp) / "pack.docx").read_bytes()
c2.download_button("下载 Word", docx_bytes, file_name="案例.docx", icon=":material/description:",
                   mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@st.cache_data(show_spinner="正在生成 PDF…", max_entries=4)
def _pdf(markdown_key: str, _pack) -> bytes:
    from govkg.coursepack.export_pdf import write_pdf

    with tempfile.TemporaryDirectory() as tmp:
        return write_pdf(_pack, Path(tmp) / "pack.pdf").read_bytes()


if c3.button("生成 PDF", icon=":material/picture_as_pdf:"):
    try:
        st.session_state["pack_pdf"] = (md, _pdf(md, pack))
    except GovkgError as exc:          # WeasyPrint's system libraries missing
        st.error(md_escape(f"无法生成 PDF：{exc}"))
if st.session_state.get("pack_pdf") and st.session_state["pack_pdf"][0] == md:
    c3.download_button("下载 PDF", st.session_state["pack_pdf"][1], file_name="案例.pdf", mime="application/pdf")
with st.container(border=True):
    st.markdown(md)
