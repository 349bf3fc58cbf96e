"""跨城比较: a place × practice heatmap coloured by evidence grade; pick a cell to read the measures
and quotes; download the matrix as Excel or CSV."""
import streamlit as st

from app import state
from app.matrix import build_matrix, to_csv, to_xlsx
from app.rows import GRADE_COLOURS, GRADE_LABELS
from app.ui import empty_note, grade_badge, md_escape, place_label, place_param, row_evidence, show_evidence

st.title("跨城比较")
st.caption("每个格子表示某地在某项做法上的证据强弱：" + "；".join(
    f"{GRADE_LABELS[g]}" for g in ("quantified", "described", "claimed")) + "。点击方格查看举措和原文。")

places = state.places_with_measures()
if len(places) < 1:
    empty_note("地方")
    st.stop()
asked = list(dict.fromkeys(p for p in (place_param(places, w) for w in st.query_params.get_all("place")) if p))
chosen = st.multiselect("地方（可多选）", places, default=asked or places[:2], placeholder="选择地方", select_all=False,
                        format_func=place_label)
practice_filter = st.multiselect("做法（不选则显示这些地方的全部做法）", state.practices(), placeholder="全部做法",
                                 select_all=False)
if not chosen:
    st.info("请至少选择一个地方。")
    st.stop()

rows = state.query_or_empty("compare_cities", places=chosen, practices=practice_filter)
m = build_matrix(rows, chosen, state.doc_titles())
if not m.practices:
    st.info("所选地方没有可比较的做法。")
    st.stop()

import plotly.graph_objects as go

# one square marker per cell (a scatter, not a heatmap: Plotly selects scatter points on a click, so a
# click on a cell reaches the page; heatmap cells cannot be selected)
cells = [(pl, pr) for pl in m.places for pr in m.practices]
wide = len(m.practices) > 8
size = max(14, min(46, 760 // len(m.practices) - 4))      # squares that fit side by side in the page width
st.markdown("　".join(f":{c}-badge[{GRADE_LABELS[g]}]" for g, c in (
    ("quantified", "green"), ("described", "blue"), ("claimed", "orange"), ("", "gray"))))
fig = go.Figure(go.Scatter(
    x=[pr for _pl, pr in cells], y=[pl for pl, _pr in cells], mode="markers" if wide else "markers+text",
    marker={"symbol": "square", "size": size, "color": [GRADE_COLOURS[m.grade(*c)] for c in cells],
            "line": {"width": 0}},
    selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 1}},
    text=[GRADE_LABELS[m.grade(*c)] if m.grade(*c) else "" for c in cells], textfont={"size": 10},
    customdata=[GRADE_LABELS[m.grade(*c)] for c in cells],
    hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>"))
fig.update_layout(height=150 + (size + 14) * len(m.places), margin={"l": 10, "r": 10, "t": 10, "b": 10},
                  xaxis={"side": "top", "tickangle": -35, "type": "category", "showgrid": False},
                  yaxis={"autorange": "reversed", "type": "category", "showgrid": False},
                  plot_bgcolor="white", clickmode="event+select", dragmode=False, showlegend=False)
event = st.plotly_chart(fig, key="matrix", on_select="rerun", selection_mode="points",
                        config={"displayModeBar": False})

picked = None
try:
    points = event["selection"]["points"]
except (KeyError, TypeError):
    points = []
if points:
    picked = (str(points[0].get("y")), str(points[0].get("x")))

found = {f"{pl} · {pr} · {GRADE_LABELS[m.grade(pl, pr)]}": (pl, pr) for pl, pr in cells if m.grade(pl, pr)}
labels = list(found)
a, b, c = st.columns([2, 1, 1])
with a:
    default = next((i for i, k in enumerate(found.values()) if k == picked), 0)
    label = st.selectbox("查看格子（也可直接点击上面的方格）", labels, index=default, placeholder="请选择") if labels else None
    cell = found.get(label) if label else None
with b:
    st.download_button("下载 Excel", to_xlsx(m), file_name="跨城比较.xlsx", icon=":material/table:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
with c:
    st.download_button("下载 CSV", to_csv(m), file_name="跨城比较.csv", mime="text/csv", icon=":material/csv:")

if cell:
    info = m.cells[cell]
    st.subheader(md_escape(f"{cell[0]} · {cell[1]}"))
    count = info.get("measure_count") or 0        # no measure of its own: the grade rests on the quote below
    st.markdown(grade_badge(info.get("grade") or "") + (f" 共 {count} 项举措" if count else " 原文未单列举措，依据下面的原文"))
    show_evidence(row_evidence(info), limit=1)
    items = info.get("measure_list") or []
    if items:
        with st.expander(f"全部 {len(items)} 项举措及其原文"):
            for item in items:
                st.markdown(f"**{md_escape(item.get('summary') or '（未命名举措）')}** "
                            + grade_badge(item.get("grade") or ""))
                show_evidence(row_evidence(item), limit=1)
