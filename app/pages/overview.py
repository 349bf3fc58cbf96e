"""总览: what is in the graph — documents, places, practices, named models, policies."""
from collections import Counter

import streamlit as st

from app import state
from app.rows import LEVEL_LABELS, POLICY_STATUS
from app.ui import PAGE_FILES, bar_chart, empty_note

st.title("社区治理实践知识图谱")
st.caption("从政协提案答复、人大建议答复、调研报告和工作总结中抽取的社区治理做法。每一条事实都可追溯到原文句子。")

inv = state.inventory()
docs = inv["Document"]
if not docs:
    empty_note("文档")
    st.stop()

places = [p for p in inv["Place"] if p.get("measures")]
cols = st.columns(6)
for col, (label, n) in zip(cols, [("文档", len(docs)), ("有举措的地方", len(places)),
                                  ("做法类别", sum(1 for p in inv["Practice"] if p.get("places"))),
                                  ("命名模式", len(inv["NamedModel"])), ("政策文件", len(inv["Policy"])),
                                  ("举措", len(inv["Measure"]))]):
    col.metric(label, n)

left, right = st.columns(2)
with left:
    st.subheader("各地举措数量")
    rows = sorted(places, key=lambda p: -p["measures"])[:20]
    bar_chart([p["name"] for p in rows], [p["measures"] for p in rows], "举措数", empty="暂无举措。")
with right:
    st.subheader("做法覆盖的地方数")
    prs = sorted((p for p in inv["Practice"] if p.get("places")), key=lambda p: -p["places"])[:20]
    bar_chart([p["name"] for p in prs], [p["places"] for p in prs], "地方数", empty="暂无做法。")

left, right = st.columns(2)
with left:
    st.subheader("文档类型")
    kinds = Counter(d.get("kind") or "其他" for d in docs)
    bar_chart(list(kinds), list(kinds.values()), "篇数", horizontal=False)
with right:
    st.subheader("政策文件状态")
    status = Counter(POLICY_STATUS.get(p.get("status") or "", "未知") for p in inv["Policy"])
    bar_chart(list(status), list(status.values()), "件数", horizontal=False, empty="暂无政策文件。")

st.subheader("文档")
st.dataframe(
    [{"标题": d.get("title") or "（无标题）", "类型": d.get("kind") or "", "地方": d.get("subject_place") or "",
      "发文单位": d.get("issuer") or "", "日期": d.get("date") or "",
      "阅读": f"{PAGE_FILES['document'][3]}?doc={d['id']}"} for d in state.documents()],
    hide_index=True,
    column_config={"阅读": st.column_config.LinkColumn("阅读", display_text="打开原文")},
)
with st.expander("地方一览"):
    st.dataframe([{"地方": p["name"], "层级": LEVEL_LABELS.get(p.get("level") or "", ""), "举措数": p["measures"]}
                  for p in sorted(places, key=lambda p: -p["measures"])], hide_index=True)
