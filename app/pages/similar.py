"""相似做法: type a description or pick a measure or named model; ranked similar practices elsewhere."""
import streamlit as st

from app import state
from app.ui import empty_note, labelled, md_escape, place_label, row_evidence, show_evidence

st.title("相似做法")
st.caption("描述一个做法，或选择图谱中的举措、命名模式，找出其他地方相近的做法。")
inv = state.inventory()
if not state.total("Measure") and not inv["NamedModel"]:
    empty_note("举措")
    st.stop()
mode = st.radio("依据", ["文字描述", "命名模式", "举措"], horizontal=True)
params: dict = {}
if mode == "文字描述":
    with st.form("describe"):
        text = st.text_area("描述", placeholder="例如：在小区建立党支部，党员到社区报到认领服务岗位")
        st.form_submit_button("查找相似做法", type="primary")
    if not text.strip():
        st.caption("写下一个做法（一两句话即可），点击「查找相似做法」；也可以改为按命名模式或举措查找。")
        st.stop()
    params["text"] = text
elif mode == "命名模式":
    models = labelled((f"“{m.get('name')}” · {m.get('owner') or '归属不详'}", m)
                      for m in sorted(inv["NamedModel"], key=lambda m: (m.get("owner") or "", m.get("name") or "")))
    m = models[st.selectbox("命名模式", list(models), placeholder="请选择")]
    params["named_model"] = m["id"]
    params["place"] = m.get("owner") or None
else:
    # measures are picked place first: listing every measure of the graph does not scale
    place = st.selectbox("地方", state.places_with_measures(), placeholder="请选择", format_func=place_label)
    measures = sorted(state.measures_of(place) if place else [], key=lambda m: (m.get("summary") or "", m["id"]))
    if not measures:
        st.info("这个地方没有举措，请换一个地方。")
        st.stop()
    by_label = labelled((f"{m.get('summary') or '（未命名举措）'}" + (f" · {m['year']}年" if m.get("year") else ""), m)
                        for m in measures)
    m = by_label[st.selectbox("举措", list(by_label), placeholder="请选择")]
    params["measure"] = m["id"]
    params["place"] = m.get("place") or place
k = st.slider("显示条数", 3, 30, 10)
rows = state.query_or_empty("similar_practices", **{k_: v for k_, v in params.items() if v}, k=k)
if not rows:
    st.info("没有找到相似的做法。")
    st.stop()
KIND = {"Measure": "举措", "NamedModel": "命名模式", "measure": "举措", "named_model": "命名模式"}
for r in rows:
    with st.container(border=True):
        st.markdown(f"**{r['rank']}. {md_escape(str(r.get('name') or ''))}** · {md_escape(str(r.get('place') or ''))} · "
                    f"{md_escape(KIND.get(r.get('kind'), r.get('kind') or ''))} · 相似度 {float(r.get('score') or 0):.2f}")
        if r.get("why"):
            why = r["why"]
            st.caption("相似之处：" + md_escape("；".join(map(str, why)) if isinstance(why, list) else str(why)))
        show_evidence(row_evidence(r), limit=1)
