"""学习网络: who learned from whom, as the documents state it; places that use the same model name or
take up the same practice are shown as what they are — the same name, not learning."""
import streamlit as st

from app import state
from app.network import LAYERS, LEARNING, edges_of, network_option, same_name_groups
from app.ui import blank, empty_note, md_escape, row_evidence, show_evidence, show_table

st.title("学习网络")
st.caption("红色箭头：原文写明“学习借鉴”，从学习者指向被学习的地方。蓝色虚线：几个地方用了同一个模式名称——"
           "只是名称相同，内容可能完全不同，原文没有说它们互相学习。灰色虚线：采用同一做法的地方。可拖动、缩放。")
rows = state.query_or_empty("learning_network", limit=500)
layers = st.multiselect("显示", [LAYERS[k][0] for k in LAYERS], default=[LAYERS[LEARNING][0]],
                        placeholder="选择要显示的关系", select_all=False)
keys = [k for k in LAYERS if LAYERS[k][0] in layers]
edges = edges_of(rows, keys)
if not edges:
    empty_note("学习借鉴关系" if keys == [LEARNING] or not keys else "这类关系")
    st.stop()

from streamlit_echarts import st_echarts

st_echarts(network_option(edges), height="560px", key="learning_graph")

learned = [e for e in edges if e["section"] == LEARNING]
if learned:
    st.subheader(f"原文写明的学习借鉴（{len(learned)}）")
    show_table([{"学习者": blank(e["learner"]), "向谁学习": blank(e["source"]), "学习内容": blank(e.get("what")),
                 "年份": blank(None if e.get("year") is None else str(e["year"]))} for e in learned])
    with st.expander("原文"):
        for e in learned:
            st.markdown(f"**{md_escape(str(e['learner']))} ← {md_escape(str(e['source']))}**："
                        f"{md_escape(str(e.get('what') or ''))}")
            show_evidence(row_evidence(e), limit=1)
for section in ("model", "practice"):
    groups = same_name_groups(edges, section)
    if not groups:
        continue
    what = "同名模式" if section == "model" else "采用同一做法的地方"
    st.subheader(f"{what}（{len(groups)}）")
    if section == "model":
        st.caption("同一个名称在几个地方出现，不代表它们是同一种做法，也不代表互相学习；点开「命名模式」页可并排比较。")
    show_table([{"名称": name if section == "practice" else f"“{name}”", "地方（按最早出现排序）": "、".join(places)}
                for name, places in groups])
