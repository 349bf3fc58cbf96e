"""检索: full-text search across documents and entities (``search`` query)."""
import streamlit as st

from app import state
from app.ui import md_escape, row_evidence, show_evidence

KINDS = {"Document": "文档", "NamedModel": "命名模式", "Measure": "举措", "Policy": "政策", "Agency": "部门",
         "Place": "地方", "Practice": "做法"}
st.title("检索")
text = st.text_input("关键词（多个词用空格分开）", value=st.query_params.get("q", ""), placeholder="例如：网格 减负")
kinds = st.multiselect("只看", list(KINDS), format_func=KINDS.get, placeholder="全部类型")
if not text.strip():
    st.caption("输入关键词后回车。两个字的词（如“减负”）也能找到。")
    st.stop()
rows = state.query_or_empty("search", text=text, kinds=kinds, limit=50)
st.caption(f"找到 {len(rows)} 条结果。")
for r in rows:
    with st.container(border=True):
        name = state.doc_titles().get(r["id"]) if r.get("kind") == "Document" else None
        name = name or str(r.get("name") or r.get("id"))
        st.markdown(f"**{md_escape(name)}** · {md_escape(KINDS.get(r.get('kind'), r.get('kind') or ''))}")
        show_evidence(row_evidence(r), limit=1)
