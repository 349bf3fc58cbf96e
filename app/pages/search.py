"""检索: full-text search across documents and entities (``search`` query); each hit shows where it is
from (the document's place and title, said to be the source: a named model of 平阴县 quoted from a
济南市 document is not 济南市's) and the quote with the words marked."""
import streamlit as st

from app import state
from app.ui import doc_link, marked_html, md_escape, row_evidence

KINDS = {"Document": "文档", "NamedModel": "命名模式", "Measure": "举措", "Policy": "政策", "Agency": "部门",
         "Place": "地方", "Practice": "做法"}
BY_LABEL = {v: k for k, v in KINDS.items()}
st.title("检索")
text = st.text_input("关键词（多个词用空格分开）", value=st.query_params.get("q", ""), placeholder="例如：网格 减负")
kinds = st.multiselect("只看", list(BY_LABEL), placeholder="全部类型", select_all=False)
if not text.strip():
    st.caption("输入关键词后回车。两个字的词（如“减负”）也能找到。")
    st.stop()
rows = state.query_or_empty("search", text=text, kinds=[BY_LABEL[k] for k in kinds], limit=50)
st.caption(f"找到 {len(rows)} 条结果。")
words = text.split()
docs = {d["id"]: d for d in state.documents()}
titles = state.doc_titles()
for r in rows:
    with st.container(border=True):
        kind = KINDS.get(r.get("kind"), r.get("kind") or "")
        name = titles.get(r["id"]) if r.get("kind") == "Document" else None
        name = name or str(r.get("name") or r.get("id"))
        doc = docs.get(r.get("doc_id") or "") or {}
        source = f"《{titles.get(doc.get('id', ''), '')}》" if doc and r.get("kind") != "Document" else ""
        place = doc.get("subject_place") or "地方不详"
        where = place if r.get("kind") == "Document" else f"出自{place}{source}"
        st.markdown(f"**{md_escape(name)}** · {md_escape(kind)} · {md_escape(where)}")
        evs = row_evidence(r)
        if evs:
            st.html(marked_html(" ".join((evs[0].quote or "").split()), words))
            doc_link(evs[0])
