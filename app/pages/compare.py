"""跨城比较: a place × practice heatmap coloured by evidence grade; pick a cell to read the measures
and quotes; download the matrix as Excel or CSV."""
import streamlit as st

from app import state
from app.matrix import build_matrix, to_csv, to_xlsx
from app.rows import GRADE_COLOURS, GRADE_LABELS
from app.ui import empty_note, grade_badge, md_escape, row_evidence, show_evidence

st.title("跨城比较")
st.caption("每个格子表示某地在某项做法上的证据强弱：" + "；".join(
    f"{GRADE_LABELS[g]}" for g in ("quantified", "described", "claimed")) + "。点击格子查看举措和原文。")

places = state.places_with_measures()
if len(places) < 1:
    empty_note("地方")
    st.stop()
asked = [p for p in st.query_params.get_all("place") if p in places]
chosen = st.multiselect("地方（可多选）", places, default=asked or places[:2], placeholder="选择地方")
practice_filter = st.multiselect("做法（不选则显示这些地方的全部做法）", state.practices(), placeholder="全部做法")
if not chosen:
    st.info("请至少选择一个地方。")
    st.stop()

rows = state.query_or_empty("compare_cities", places=chosen, practices=practice_filter)
m = build_matrix(rows, chosen)
if not m.practices:
    st.info("所选地方没有可比较的做法。")
    st.stop()

import plotly.graph_objects as go

# z = 0 (nothing) .. 3 (quantified) over [-0.5, 3.5]: each grade owns a quarter of the colour scale
order = ("", "claimed", "described", "quantified")
scale = [pair for i, g in enumerate(order) for pair in ([i / 4, GRADE_COLOURS[g]], [(i + 1) / 4, GRADE_COLOURS[g]])]
wide = len(m.practices) > 8
st.markdown("　".join(f":{c}-badge[{GRADE_LABELS[g]}]" for g, c in (
    ("quantified", "green"), ("described", "blue"), ("claimed", "orange"), ("", "gray"))))
fig = go.Figure(go.Heatmap(
    z=m.scores(), x=m.practices, y=m.places, text=m.labels(), texttemplate="" if wide else "%{text}",
    colorscale=scale, zmin=-0.5, zmax=3.5, xgap=3, ygap=3, showscale=False,
    hovertemplate="%{y} · %{x}<br>%{text}<extra></extra>"))
fig.update_layout(height=120 + 60 * len(m.places), margin={"l": 10, "r": 10, "t": 10, "b": 10},
                  xaxis={"side": "top", "tickangle": -35}, yaxis={"autorange": "reversed"})
event = st.plotly_chart(fig, key="matrix", on_select="rerun", selection_mode="points",
                        config={"displayModeBar": False})

picked = None
try:
    points = event["selection"]["points"]
except (KeyError, TypeError):
    points = []
if points:
    picked = (str(points[0].get("y")), str(points[0].get("x")))

a, b, c = st.columns([2, 1, 1])
with a:
    found = [(pl, pr) for pl in m.places for pr in m.practices if m.grade(pl, pr)]
    default = found.index(picked) if picked in found else 0
    cell = st.selectbox("查看格子（也可直接点击热力图）", found, index=default,
                        format_func=lambda k: f"{k[0]} · {k[1]} · {GRADE_LABELS[m.grade(*k)]}") if found else None
with b:
    st.download_button("下载 Excel", to_xlsx(m), file_name="跨城比较.xlsx", icon=":material/table:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
with c:
    st.download_button("下载 CSV", to_csv(m), file_name="跨城比较.csv", mime="text/csv", icon=":material/csv:")

if cell:
    info = m.cells[cell]
    st.subheader(md_escape(f"{cell[0]} · {cell[1]}"))
    st.markdown(grade_badge(info.get("grade") or "") + f" 共 {info.get('measure_count') or 0} 项举措")
    for meas in str(info.get("measures") or "").split("；"):
        if meas.strip():
            st.markdown("- " + md_escape(meas))
    show_evidence(row_evidence(info))
