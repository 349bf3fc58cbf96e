"""典型案例: pick a practice; exemplar places ranked by the strength of their evidence."""
import streamlit as st

from app import state
from app.ui import empty_note, grade_badge, md_escape, row_evidence, show_evidence

st.title("典型案例")
st.caption("按证据强弱给地方排序：有无该地这项做法的数字成效（目标和计划不算）、该地是否得到上级肯定或媒体报道、"
           "有几篇文档提到。只计该地自己的事实，学习别地的经验不算该地的成效。")
practices = [p["name"] for p in sorted(state.inventory()["Practice"], key=lambda p: -(p.get("places") or 0))
             if p.get("places")]
if not practices:
    empty_note("做法")
    st.stop()
wanted = st.query_params.get("practice")
if wanted and wanted not in practices:
    from govkg.errors import UnknownNameError

    try:
        wanted = state.resolve("Practice", wanted)
    except UnknownNameError as exc:
        st.warning(md_escape(exc.chinese()), icon=":material/warning:")
practice = st.selectbox("做法", practices, index=practices.index(wanted) if wanted in practices else 0, placeholder="请选择")
rows = state.query_or_empty("exemplars", practice=practice, k=10)
if not rows:
    st.info(f"没有地方有“{md_escape(practice)}”的记录。")
    st.stop()
RECOGNITION = {"national": "国家级肯定", "provincial": "省级肯定", "media": "媒体报道"}
for r in rows:
    with st.container(border=True):
        st.markdown(f"### {r['rank']}. {md_escape(str(r['place']))}")
        rec = r.get("recognition")
        rec_text = "、".join(RECOGNITION.get(x, str(x)) for x in (rec if isinstance(rec, list) else [rec]) if x)
        st.markdown(grade_badge(r.get("grade") or "") + f" 举措 {r.get('measure_count') or 0} 项 · "
                    f"文档 {r.get('documents') or 0} 篇" + (f" · {md_escape(rec_text)}" if rec_text else ""))
        figs = r.get("figures")
        if isinstance(figs, list) and figs:
            st.markdown("**数据**：" + md_escape("；".join(map(str, figs))))
        elif figs:
            st.markdown(f"**有数字成效的举措**：{int(figs)} 项")
        show_evidence(row_evidence(r), limit=2)
