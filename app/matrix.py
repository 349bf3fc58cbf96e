"""The place × practice comparison matrix as plain tables (no streamlit): grade matrix for the
heatmap, and rows for the Excel/CSV download."""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from app.rows import GRADE_LABELS, uniq
from govkg.coursepack.evidence import as_list

__all__ = ["FIELDS", "GRADE_SCORE", "Matrix", "build_matrix", "to_csv", "to_xlsx"]

FIELDS = ["地方", "做法", "证据等级", "举措数", "举措", "原文", "文档", "文档编号", "起", "止"]

GRADE_SCORE = {"quantified": 3, "described": 2, "claimed": 1, "": 0}


class Matrix:
    def __init__(self, places: list[str], practices: list[str], cells: dict[tuple[str, str], dict],
                 titles: Mapping[str, str] | None = None):
        self.places, self.practices, self.cells = places, practices, cells
        self.titles = dict(titles or {})

    def grade(self, place: str, practice: str) -> str:
        return (self.cells.get((place, practice)) or {}).get("grade") or ""

    def scores(self) -> list[list[int]]:
        return [[GRADE_SCORE.get(self.grade(pl, pr), 0) for pr in self.practices] for pl in self.places]

    def labels(self) -> list[list[str]]:
        return [[GRADE_LABELS.get(self.grade(pl, pr), "") for pr in self.practices] for pl in self.places]

    def table(self) -> list[dict[str, Any]]:
        """One row per cell with a finding: place, practice, grade, measures, quote, source span."""
        out = []
        for pl in self.places:
            for pr in self.practices:
                c = self.cells.get((pl, pr))
                if not c or not c.get("grade"):
                    continue
                out.append({"地方": pl, "做法": pr, "证据等级": GRADE_LABELS.get(c.get("grade") or "", ""),
                            "举措数": c.get("measure_count") or len(as_list(c.get("measures"))),
                            "举措": "；".join(str(m) for m in as_list(c.get("measures"))),
                            "原文": c.get("quote") or "",
                            "文档": self.titles.get(c.get("doc_id") or "", "") or c.get("doc_id") or "",
                            "文档编号": c.get("doc_id") or "", "起": c.get("start"), "止": c.get("end")})
        return out


def build_matrix(rows: Sequence[Mapping[str, Any]], places: Sequence[str] = (),
                 titles: Mapping[str, str] | None = None) -> Matrix:
    """Rows of ``compare_cities`` → Matrix; places keep the order asked for, practices sorted by
    how many places have them (then name)."""
    cells = {(str(r["place"]), str(r["practice"])): dict(r) for r in rows}
    pls = uniq([*places, *(str(r["place"]) for r in rows)])
    pls = [p for p in pls if any(k[0] == p for k in cells)] or list(places)
    count: dict[str, int] = {}
    for (_pl, pr), c in cells.items():
        if c.get("grade"):
            count[pr] = count.get(pr, 0) + 1
    prs = sorted({k[1] for k in cells}, key=lambda p: (-count.get(p, 0), p))
    return Matrix(pls, prs, cells, titles)


def to_csv(m: Matrix) -> bytes:
    rows = m.table()
    buf = io.StringIO()
    fields = FIELDS
    w = csv.DictWriter(buf, fieldnames=fields)
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")   # BOM: Excel opens UTF-8 CSV correctly


def to_xlsx(m: Matrix) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "矩阵"
    ws.append(["地方", *m.practices])
    fills = {"quantified": "A7D8A9", "described": "B9D3F0", "claimed": "F5DE9B"}
    for pl, labels in zip(m.places, m.labels()):
        ws.append([pl, *labels])
        for j, pr in enumerate(m.practices, start=2):
            g = m.grade(pl, pr)
            if g in fills:
                ws.cell(row=ws.max_row, column=j).fill = PatternFill("solid", fgColor=fills[g])
    detail = wb.create_sheet("证据")
    rows = m.table()
    fields = FIELDS
    detail.append(fields)
    for r in rows:
        detail.append([r[f] for f in fields])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
