"""导入: upload documents, see what was extracted, then add them to the graph."""
import streamlit as st

from app import state
from app.intake import ALLOWED_SUFFIXES, stage_upload
from app.rows import STATUS_LABELS
from app.ui import PAGE_FILES, blank, md_escape, show_table
from govkg.errors import GovkgError, InputError
from govkg.settings import load_settings

st.title("导入文档")
settings = load_settings()
st.caption(f"支持 {'、'.join(ALLOWED_SUFFIXES)}，每个文件不超过 {settings.max_upload_mb} MB。"
           "先查看抽取结果，确认后再加入图谱。")

files = st.file_uploader("选择文件", type=[s.lstrip(".") for s in ALLOWED_SUFFIXES], accept_multiple_files=True,
                         max_upload_size=settings.max_upload_mb)


@st.cache_data(show_spinner="正在读取和抽取…", max_entries=32)
def _extract(name: str, data: bytes) -> tuple[str, dict]:
    """Staged and extracted in a worker process under the time and memory limits (state.extractor)."""
    path = stage_upload(name, data, settings)
    result = state.extractor().run(str(path))
    if result.error is not None:
        raise InputError(name, result.error.removeprefix(f"{path}: "))
    return str(path), result.record.model_dump()


def _preview(rec: dict) -> None:
    d = rec["document"]
    cols = st.columns(4)
    cols[0].metric("地方", len(rec["places"]))
    cols[1].metric("命名模式", len(rec["named_models"]))
    cols[2].metric("举措", len(rec["measures"]))
    cols[3].metric("政策", len(rec["policies"]))
    st.markdown(f"**{md_escape(d.get('title') or '（无标题）')}** · {md_escape(d.get('kind') or '')} · "
                f"{md_escape(d.get('issuer') or '发文单位不详')} · {md_escape(d.get('date') or '日期不详')}")
    if rec["named_models"]:
        st.markdown("**命名模式**：" + "、".join(f"“{md_escape(m['name'])}”" for m in rec["named_models"]))
    if rec["practices"]:
        st.markdown("**涉及做法**：" + "、".join(md_escape(p) for p in rec["practices"]))
    if rec["measures"]:
        show_table([{"举措": m["summary"], "地方": blank(m.get("place")), "做法": blank("、".join(m["practices"])),
                     "状态": blank(STATUS_LABELS.get(m.get("status") or "")),
                     "年份": blank(None if m.get("year") is None else str(m["year"]))}
                    for m in rec["measures"]])


def _problem(name: str, exc: Exception) -> str:
    """One message naming the uploaded file (not the staging path) and saying what is wrong."""
    if isinstance(exc, InputError):
        return f"无法读取 {name}：{exc.problem}"
    if isinstance(exc, GovkgError):
        return f"无法读取 {name}：{exc}"
    return f"无法读取 {name}：{type(exc).__name__}: {exc}。请确认文件没有损坏、不是加密文件。"


staged: list[tuple[str, str]] = []
for f in files or []:
    with st.expander(f"{md_escape(f.name)}（{f.size / 1024:.0f} KB）", expanded=True):
        try:
            path, rec = _extract(f.name, f.getvalue())
        except Exception as exc:  # noqa: BLE001  an unreadable file must not take the page down
            st.error(md_escape(_problem(f.name, exc)), icon=":material/error:")
            continue
        _preview(rec)
        staged.append((f.name, path))

if staged and st.button(f"加入图谱（{len(staged)} 个文件）", type="primary"):
    from pathlib import Path

    from app.runtime import build_into

    try:
        with st.spinner("正在写入图谱…"):
            result = build_into([Path(p) for _n, p in staged], state.store())
    except GovkgError as exc:
        st.error(md_escape(f"写入图谱失败：{exc}"))
    else:
        state.bump_version()
        counts = {k: len(getattr(result, k, None) or []) for k in ("added", "updated", "unchanged", "failed")}
        st.success(f"已写入图谱：新增 {counts['added']} 篇，更新 {counts['updated']} 篇，"
                   f"未变 {counts['unchanged']} 篇" + (f"，失败 {counts['failed']} 篇" if counts["failed"] else "") + "。")
        for source, line in getattr(result, "failed", None) or []:
            st.error(md_escape(f"{Path(source).name}：{line.removeprefix(source + ': ')}"))
        st.page_link(PAGE_FILES["overview"][0], label="回到总览查看", icon=":material/dashboard:")
