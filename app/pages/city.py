"""城市画像: one place's profile from the ``city_profile`` query."""
from collections import Counter

import streamlit as st

from app import state
from app.rows import uniq
from app.ui import empty_note, md_escape, place_label, place_param, row_evidence, show_evidence, show_table
from govkg.coursepack.relevance import figure_clause

SECTION_TITLES = {"practice": "做法", "named_model": "命名模式", "policy": "政策文件", "agency": "参与部门",
                  "figure": "数据", "learned_from": "向谁学习", "taught": "被谁学习", "document": "来源文档"}

st.title("城市画像")
places = state.places_with_measures()
if not places:
    empty_note("地方")
    st.stop()
wanted = place_param(places, st.query_params.get("place"))
place = st.selectbox("选择地方", places, index=places.index(wanted) if wanted else 0, placeholder="请选择",
                     format_func=place_label)
rows = state.query_or_empty("city_profile", place=place)
if not rows:
    st.info(f"没有找到 {md_escape(place)} 的记录。")
    st.stop()

by_section: dict[str, list[dict]] = {}
for r in rows:
    by_section.setdefault(r["section"], []).append(r)
counts = st.columns(5)
for col, sec in zip(counts, ("practice", "named_model", "policy", "figure", "document")):
    col.metric(SECTION_TITLES[sec], len(by_section.get(sec, [])))

sections = [s for s in SECTION_TITLES if s in by_section] + [s for s in by_section if s not in SECTION_TITLES]
tabs = st.tabs([md_escape(SECTION_TITLES.get(s, s)) for s in sections])
for tab, sec in zip(tabs, sections):
    with tab:
        items = by_section[sec]
        if sec == "practice":
            cats = uniq(r.get("category") or "其他" for r in items)
            for cat in cats:
                st.markdown(f"**{md_escape(cat)}**")
                for r in (x for x in items if (x.get("category") or "其他") == cat):
                    planned = {"planned": "（原文只写计划、起草或要求）",
                               "studied": "（原文只写学习借鉴他处的做法）",
                               "visited": "（原文只写来访者参观的场所）",
                               "visitors": "（原文只写来访者的座谈或调研）",
                               "conceded": "（原文只为说明问题而提及：虽然…但…）",
                               "problem": "（原文只为说明问题而提及）",
                               "rule": "（原文只在规定或标准的条文中提及）"}.get(r.get("status") or "", "")
                    with st.expander(md_escape((r["name"] or "（未命名）") + planned)):
                        show_evidence(row_evidence(r), limit=3)
            continue
        titles = [str(r["name"] or "（未命名）") + (f" — {r['detail']}" if r.get("detail") else "") for r in items]
        if sec == "named_model":          # a model learnt from elsewhere, an aim or slogan: said so
            marks = {"learnt": "（学习借鉴他处的模式）", "aim": "（目标、原则或口号）", "feature": "（应用或平台的栏目）",
                     "venue": "（活动场所的名称）", "listed": "（原文仅列出名称）"}
            titles = [t + marks.get(r.get("status") or "", "")
                      for r, t in zip(items, titles)]
        if sec == "figure":               # what the figure counts, as its sentence says it; targets marked
            clauses = [figure_clause(str(r.get("quote") or ""), str(r.get("written") or ""), subject=str(r["name"] or ""))
                       for r in items]
            shared = Counter(c for c in clauses if c)
            titles = [(c + (f" — {r.get('written')}" if shared[c] > 1 else "") if c else t)   # one clause, several figures
                      + ("（目标或标准）" if r.get("status") == "planned" else "") for r, c, t in zip(items, clauses, titles)]
        for r, title in zip(items, titles):
            with st.expander(md_escape(title)):
                if sec == "named_model":
                    st.page_link("app/pages/models.py", label="查看模式详情", icon=":material/account_tree:",
                                 query_params={"name": str(r["name"])})
                show_evidence(row_evidence(r), limit=3)

st.subheader("做法相近的地方")
sim = state.query_or_empty("similar_cities", place=place, k=5)
if sim:
    st.caption("做法重合度：两地共有的做法占两地全部做法的比例；举措分布相似度：两地在各项做法上举措数量的相似程度"
               "（0–1，越大越相近）。")
    show_table([{"地方": r["place"], "做法重合度": f"{(r.get('jaccard') or 0):.2f}",
                 "举措分布相似度": f"{(r.get('cosine') or 0):.2f}",
                 "共同做法": "、".join(r.get("shared") or []) if isinstance(r.get("shared"), list)
                 else (r.get("shared") or "")} for r in sim])
else:
    st.caption("图谱中没有其他地方可比。")
