"""命名模式: browse named models; a component tree; same-name models of other places side by side."""
import streamlit as st

from app import state
from app.ui import empty_note, labelled, md_escape, model_label, row_evidence, show_evidence
from govkg.coursepack.relevance import whole_definition

st.title("命名模式")
st.caption("各地给自己做法起的名字（如“12341”“五社联动”），它由哪些部分组成、属于哪类做法，别处同名的做法有何不同。")

models = state.model_names()
if not models:
    empty_note("命名模式")
    st.stop()
owners = sorted({o for _n, o, _r in models if o})
col1, col2 = st.columns([1, 2])
with col1:
    owner = st.selectbox("地方", ["全部", *owners], placeholder="请选择")
shown = labelled((model_label(n, o, r), (n, o)) for n, o, r in models if owner == "全部" or o == owner)
wanted = st.query_params.get("name")
labels = list(shown)
index = next((i for i, (n, _o) in enumerate(shown.values()) if n == wanted), 0)
if wanted and not any(n == wanted for n, _o in shown.values()):
    from govkg.errors import UnknownNameError

    try:
        state.resolve("NamedModel", wanted)
    except UnknownNameError as exc:
        st.warning(md_escape(exc.chinese()), icon=":material/warning:")
with col2:
    pick = st.selectbox("命名模式", labels, index=index, placeholder="请选择")
name, model_owner = shown[pick]
rows = state.query_or_empty("named_model", name=name, owner=model_owner or None)
if not rows:
    st.info("没有找到这个命名模式的记录。")
    st.stop()

by = {s: [r for r in rows if r["section"] == s] for s in ("definition", "component", "practice", "same_name")}
st.subheader(md_escape(f"“{rows[0]['model']}” · {rows[0].get('owner') or '归属不详'}"))
for r in by["definition"]:
    st.markdown("**定义**：" + md_escape(whole_definition(str(r["name"]), r.get("quote"))))
    if r.get("detail"):                   # learnt from elsewhere, or an aim: not the place's own model
        st.caption(md_escape(str(r["detail"])))
    show_evidence(row_evidence(r), limit=1)

if by["practice"]:
    st.markdown("**所属做法**：" + "、".join(md_escape(str(r["name"])) for r in by["practice"]))

st.markdown("#### 构成")
if by["component"]:
    tree = [f"- **“{md_escape(str(rows[0]['model']))}”**"]
    for r in sorted(by["component"], key=lambda r: r.get("order") or 0):
        extra = f"（对应做法：{md_escape(r['detail'])}）" if r.get("detail") else ""
        tree.append(f"    - {r.get('order') or ''}. {md_escape(str(r['name']))}{extra}")
    st.markdown("\n".join(tree))
    with st.expander("构成部分的原文"):
        for r in sorted(by["component"], key=lambda r: r.get("order") or 0):
            st.markdown(f"**{md_escape(str(r['name']))}**")
            show_evidence(row_evidence(r), limit=1)
else:
    st.caption("原文没有列出构成部分。")

st.markdown("#### 其他地方的同名模式")
if by["same_name"]:
    cols = st.columns(min(3, len(by["same_name"]) + 1))
    with cols[0]:
        st.markdown(f"**{md_escape(rows[0].get('owner') or '本地')}**（当前）")
        st.markdown(md_escape(whole_definition(str(by["definition"][0]["name"]), by["definition"][0].get("quote")))
                    if by["definition"] else "")
    for col, r in zip(cols[1:], by["same_name"]):
        with col:
            st.markdown(f"**{md_escape(str(r['name']))}**")
            if r.get("detail"):
                st.markdown(md_escape(str(r["detail"])))
            show_evidence(row_evidence(r), limit=1)
else:
    st.caption("图谱中没有其他地方使用同一名称。")
