"""总览: what is in the graph — counts, the places and practices with most evidence, the latest documents.

The first page a user sees, kept light (see docs/app.md, "First page"): one cached ``inventory``
query; metrics, Markdown and escaped HTML only — no chart library and no table component, so the
browser loads nothing beyond Streamlit's core and the server never imports pandas/pyarrow here."""
from collections import Counter
from html import escape
from urllib.parse import quote

import streamlit as st

from app import state
from app.rows import LEVEL_LABELS, POLICY_STATUS
from app.ui import PAGE_FILES, bars_html, counts_html, empty_note, md_escape, ranked_bars

DOC_ROWS = 30       # documents listed here; the 文档 page and 检索 reach every one

st.title("社区治理实践知识图谱")
st.caption("从政协提案答复、人大建议答复、调研报告和工作总结中抽取的社区治理做法。每一条事实都可追溯到原文句子。")

inv = state.inventory()
docs = inv["Document"]
if not docs:
    empty_note("文档")
    st.stop()

places = [p for p in inv["Place"] if p.get("measures") and p.get("name")]
practices = [p for p in inv["Practice"] if p.get("places") and p.get("name")]
st.html(counts_html([
    ("文档", len(docs), "图谱中的原始文档篇数"),
    ("有举措的地方", len(places), "至少有一项具体举措的地方（省、市、区县、街道、社区）"),
    ("做法", len(practices), "至少一个地方采用的做法（如网格化治理、红色物业），按做法计数，不是按类别"),
    ("命名模式", len(inv["NamedModel"]), "有名称的工作法，如“12341”"),
    ("政策文件", len(inv["Policy"]), "文中出现的政策文件（已出台、计划出台、起草中、引用）"),
    ("举措", state.total("Measure"), "从文档中抽取的具体举措")]))

kinds = Counter(d.get("kind") or "其他" for d in docs)
status = Counter(POLICY_STATUS.get(p.get("status") or "", "状态不详") for p in inv["Policy"])
st.caption("文档类型：" + "　".join(f"{md_escape(k)} {n}" for k, n in kinds.most_common())
           + ("　｜　政策文件：" + "　".join(f"{k} {n}" for k, n in status.most_common()) if status else ""))

left, right = st.columns(2)
with left:
    st.subheader("举措最多的地方")
    ranked_bars([(p["name"], p["measures"]) for p in places], "地方", "举措数",
                empty="暂无举措。", link=("city", "place"))
with right:
    st.subheader("覆盖地方最多的做法")
    ranked_bars([(p["name"], p["places"]) for p in practices], "做法", "地方数",
                empty="暂无做法。", link=("exemplars", "practice"))


def _doc_table(rows: list[dict]) -> str:
    titles = state.doc_titles()
    head = "".join(f'<th style="text-align:left;padding:4px 8px">{h}</th>'
                   for h in ("标题", "类型", "地方", "发文单位", "日期"))
    body = []
    for d in rows:
        title = titles.get(d["id"]) or d["id"]
        href = f"{PAGE_FILES['document'][3]}?doc={quote(d['id'])}"
        cells = [f'<a href="{escape(href)}" target="_self">{escape(title)}</a>',
                 *(escape(d.get(k) or "—") for k in ("kind", "subject_place", "issuer", "date"))]
        body.append("<tr>" + "".join(f'<td style="padding:4px 8px;border-top:1px solid #eee">{c}</td>'
                                     for c in cells) + "</tr>")
    return (f'<table style="width:100%;border-collapse:collapse;font-size:0.92rem"><thead><tr>{head}</tr>'
            f'</thead><tbody>{"".join(body)}</tbody></table>')


newest = sorted(docs, key=lambda d: (d.get("date") or "", d["id"]), reverse=True)
st.subheader("文档" if len(docs) <= DOC_ROWS else f"最新的 {DOC_ROWS} 篇文档（共 {len(docs)} 篇）")
st.html(_doc_table(newest[:DOC_ROWS]))
if len(docs) > DOC_ROWS:
    st.page_link(PAGE_FILES["document"][0], label="在「文档」页查看全部文档", icon=":material/description:")
with st.expander(f"全部 {len(places)} 个有举措的地方"):
    by_level = sorted(places, key=lambda p: (-p["measures"], p["name"]))
    st.html(bars_html([(f"{p['name']}（{LEVEL_LABELS.get(p.get('level') or '', '层级不详')}）", p["measures"])
                       for p in by_level], "地方（层级）", "举措数"))
