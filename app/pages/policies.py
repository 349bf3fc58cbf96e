"""政策与承诺: policies and commitments by place and agency (``policies`` query)."""
import streamlit as st

from app import state
from app.rows import POLICY_STATUS, STATUS_LABELS
from app.ui import (
    blank,
    empty_note,
    md_escape,
    place_label,
    place_param,
    row_evidence,
    show_evidence,
    show_table,
)

st.title("政策与承诺")
st.caption("各地已出台的政策文件，以及答复中承诺要做的事（计划出台、正在起草的文件和计划中的举措）。")
places = state.places_with_measures()
if not places:
    empty_note("地方")
    st.stop()
by = st.radio("按", ["地方", "部门"], horizontal=True)
if by == "地方":
    wanted = place_param(places, st.query_params.get("place"))
    index = places.index(wanted) if wanted else state.first_with_rows("policies", "place", places, section="policy")
    place = st.selectbox("地方", places, index=index, placeholder="请选择", format_func=place_label)
    rows = state.query_or_empty("policies", place=place)
else:
    issuers = sorted({p["issuer"] for p in state.inventory()["Policy"] if p.get("issuer")})
    if not issuers:
        st.info("图谱中的政策文件没有记载发文部门。")
        st.stop()
    agency = st.selectbox("部门", issuers, placeholder="请选择")
    rows = state.query_or_empty("policies", agency=agency)
if not rows:
    st.info("没有找到政策或承诺。")
    st.stop()
SECTION = {"policy": "政策文件", "commitment": "承诺事项"}


def _status(r: dict) -> str:
    labels = STATUS_LABELS if str(r["id"]).startswith("me_") else POLICY_STATUS
    return labels.get(r.get("status") or "", r.get("status") or "")


for sec in sorted({r["section"] for r in rows}, key=lambda s: list(SECTION).index(s) if s in SECTION else 9):
    items = [r for r in rows if r["section"] == sec]
    st.subheader(md_escape(f"{SECTION.get(sec, sec)}（{len(items)}）"))
    show_table([{"名称": blank(r.get("title")), "类别": "举措" if str(r["id"]).startswith("me_") else "政策文件",
                 "状态": blank(_status(r)), "发文/负责单位": blank(r.get("issuer")), "日期/年份": blank(r.get("date"))}
                for r in items])
    with st.expander("逐条查看原文"):
        for r in items:
            st.markdown(f"**{md_escape(r.get('title') or '')}**")
            show_evidence(row_evidence(r), limit=1)
