"""文档: read a source document with the cited span highlighted (``?doc=ID&start=..&end=..``)."""
import streamlit as st

from app import state
from app.ui import excerpt_bounds, highlight_html, labelled, md_escape

st.title("文档")
params = st.query_params
docs = state.documents()
if not docs:
    st.info("图谱中还没有文档。可在「导入」页添加，或运行 `govkg build`。")
    st.stop()

ids = [d["id"] for d in docs]
titles = state.doc_titles()
def _label(d: dict) -> str:
    title = titles.get(d["id"]) or "（无标题）"
    extra = [x for x in (d.get("subject_place") or "地方不详", d.get("date")) if x and x not in title]
    return " · ".join([title, *extra])


by_label = labelled((_label(d), d["id"]) for d in docs)
labels = list(by_label)
wanted = params.get("doc")
index = ids.index(wanted) if wanted in ids else 0
if wanted and wanted not in ids:
    st.warning(f"找不到文档 {md_escape(wanted)}，显示第一篇。")
doc_id = by_label[st.selectbox("选择文档", labels, index=index, placeholder="请选择")]
doc = state.document(doc_id)
if doc is None:
    st.error(f"文档 {md_escape(doc_id)} 没有正文。")
    st.stop()
text = doc.get("text") or ""


def _int(name: str) -> int | None:
    raw = params.get(name) if doc_id == wanted else None
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


start, end = _int("start"), _int("end")
if start is not None and end is not None and not (0 <= start < end <= len(text)):
    st.warning("引用位置超出正文范围，未能标出。")
    start = end = None

meta = [("类型", doc.get("kind")), ("发文单位", doc.get("issuer")), ("地方", doc.get("subject_place")),
        ("日期", doc.get("date")), ("文号", doc.get("doc_number")), ("会议", doc.get("session")),
        ("提案/建议号", doc.get("proposal_number")), ("答复类别", doc.get("reply_class"))]
first_line = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), "")
st.subheader(md_escape(doc.get("title") or first_line[:60] or "（无标题）"))
st.caption(md_escape(" · ".join(f"{k}：{v}" for k, v in meta if v) + f" · 文档编号 {doc_id} · {len(text)} 字"))

if start is not None and end is not None:
    lo, hi = excerpt_bounds(text, start, end)
    with st.container(border=True):
        st.markdown(f"**引文所在句子**（第 {start}–{end} 字）")
        st.html(highlight_html(text, start, end, lo, hi))
    st.markdown("**全文**（引文以黄色标出）")
st.html(highlight_html(text, start, end))
