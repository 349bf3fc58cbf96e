"""文档: read a source document with the cited span highlighted (``?doc=ID&start=..&end=..``)."""
import streamlit as st

from app import state
from app.ui import excerpt_bounds, highlight_html, labelled, md_escape
from govkg.coursepack.evidence import display_title

st.title("文档")
params = st.query_params
# the list a page at a time (``state.DOC_PAGE`` documents by title): the graph may hold 100,000
page = st.number_input("文档列表页码", min_value=1, value=1, step=1,
                       help=f"每页 {state.DOC_PAGE} 篇，按标题排序") - 1
docs = state.document_page(page)
if not docs and page == 0:
    st.info("图谱中还没有文档。可在「导入」页添加，或运行 `govkg build`。")
    st.stop()
if not docs:
    st.info(f"第 {page + 1} 页没有文档：文档列表到前面一页为止。")
    st.stop()
if len(docs) == state.DOC_PAGE:
    st.caption(f"第 {page + 1} 页，本页 {len(docs)} 篇；下一页请把页码加一。")
wanted = params.get("doc")
wanted_doc = state.document(wanted) if wanted else None   # a cited document: shown whatever page is open
if wanted and wanted_doc is None:
    st.warning(f"找不到文档 {md_escape(wanted)}，显示本页第一篇。")
if wanted_doc is not None and all(d["id"] != wanted for d in docs):
    docs = [{"id": wanted, "title": wanted_doc.get("title"), "kind": wanted_doc.get("kind"),
             "subject_place": wanted_doc.get("subject_place"), "issuer": wanted_doc.get("issuer"),
             "date": wanted_doc.get("date")}, *docs]

ids = [d["id"] for d in docs]


def _label(d: dict) -> str:
    title = display_title(d) or "（无标题）"       # (from the page's rows: not every document's title read)
    extra = [x for x in (d.get("subject_place") or "地方不详", d.get("date")) if x and x not in title]
    return " · ".join([title, *extra])


by_label = labelled((_label(d), d["id"]) for d in docs)
labels = list(by_label)
index = ids.index(wanted) if wanted in ids else 0
doc_id = by_label[st.selectbox("选择文档", labels, index=index, placeholder="请选择", key="doc_pick")]
doc = wanted_doc if doc_id == wanted and wanted_doc is not None else state.document(doc_id)
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
with st.container(key="doc_title"):            # the document's own words (a scraped page's title may name a site)
    st.subheader(md_escape(doc.get("title") or first_line[:60] or "（无标题）"))
st.caption(md_escape(" · ".join(f"{k}：{v}" for k, v in meta if v) + f" · 文档编号 {doc_id} · {len(text)} 字"))

if start is not None and end is not None:
    lo, hi = excerpt_bounds(text, start, end)
    with st.container(border=True):
        st.markdown(f"**引文所在句子**（第 {start}–{end} 字）")
        st.html(highlight_html(text, start, end, lo, hi))
    st.markdown("**全文**（引文以黄色标出）")
st.html(highlight_html(text, start, end))
