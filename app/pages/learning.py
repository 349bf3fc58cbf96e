"""学习网络: an interactive graph of who learned from whom and how named models spread."""
import streamlit as st

from app import state
from app.network import LAYERS, edges_of, network_option
from app.ui import blank, empty_note, md_escape, row_evidence, show_evidence

st.title("学习网络")
st.caption("箭头从学习者指向被学习的地方。红色：原文写明“学习借鉴”；蓝色：同名模式在多地出现（指向最早出现的地方）；"
           "灰色：同一做法的扩散。可拖动、缩放。")
rows = state.query_or_empty("learning_network", limit=500)
layers = st.multiselect("显示", list(LAYERS), default=["learned_from", "model"], format_func=lambda k: LAYERS[k][0],
                        placeholder="选择要显示的关系")
edges = edges_of(rows, layers)
if not edges:
    empty_note("学习借鉴关系")
    st.stop()

from streamlit_echarts import st_echarts

st_echarts(network_option(edges), height="560px", key="learning_graph")

st.subheader(f"关系明细（{len(edges)}）")
st.dataframe([{"学习者": blank(e["learner"]), "来源": blank(e["source"]), "内容": blank(e.get("what")),
               "年份": blank(None if e.get("year") is None else str(e["year"])),
               "类型": LAYERS[e["section"]][0]} for e in edges], hide_index=True)
with st.expander("原文"):
    for e in edges:
        if e["section"] == "practice":
            continue
        st.markdown(f"**{md_escape(str(e['learner']))} ← {md_escape(str(e['source']))}**：{md_escape(str(e.get('what') or ''))}")
        show_evidence(row_evidence(e), limit=1)
