"""Markdown export of a case pack: numbered citations ``[n]`` after every fact, a reference
list with the quoted sentence, the document and the character span for each number."""
from __future__ import annotations

from govkg.coursepack.model import CasePack, Citation, Section

__all__ = ["citation_numbers", "reference_text", "to_markdown"]


def citation_numbers(pack: CasePack) -> dict[tuple[str, int | str, int], int]:
    return {e.key: i for i, e in enumerate(pack.citations(), 1)}


def reference_text(e: Citation) -> str:
    """How a citation reads in every export format: the document's title (never its id in its place),
    where in it, the quoted sentence; the id last, for looking the document up."""
    title = f"《{e.doc_title}》" if e.doc_title else "（无标题文档）"
    return f"{title}第 {e.start}–{e.end} 字：“{e.quote}”（文档编号 {e.doc_id}）"


def _md_escape(text: str) -> str:
    # keep Chinese as is; neutralise characters Markdown would read as markup
    for ch in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        text = text.replace(ch, "\\" + ch)
    return text


def _marks(evs, nums) -> str:
    return "".join(f"[{nums[e.key]}]" for e in evs)


def _section(sec: Section, nums, level: int, out: list[str]) -> None:
    out.append(f"{'#' * level} {_md_escape(sec.title)}\n")
    if sec.intro:
        out.append(_md_escape(sec.intro) + "\n")
    for f in sec.facts:
        out.append(f"- {_md_escape(f.text)} {_marks(f.citations, nums)}")
    if sec.facts:
        out.append("")
    if sec.table is not None:
        t = sec.table
        out.append("| " + " | ".join(_md_escape(h) for h in t.header) + " | 出处 |")
        out.append("|" + " --- |" * (len(t.header) + 1))
        for i, row in enumerate(t.rows):
            cites = t.row_citations[i] if i < len(t.row_citations) else ()
            out.append("| " + " | ".join(_md_escape(c) for c in row) + f" | {_marks(cites, nums)} |")
        out.append("")
    for sub in sec.subsections:
        _section(sub, nums, level + 1, out)


def to_markdown(pack: CasePack) -> str:
    nums = citation_numbers(pack)
    out = [f"# {_md_escape(pack.title)}\n"]
    if pack.subtitle:
        out.append(_md_escape(pack.subtitle) + "\n")
    for sec in pack.sections:
        _section(sec, nums, 2, out)
    out.append("## 出处\n")
    for e in pack.citations():
        out.append(f"{nums[e.key]}. {_md_escape(reference_text(e))}")
    out.append("")
    return "\n".join(out)
