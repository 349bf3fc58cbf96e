"""An exemplar's grade is read per practice, as compare_cities reads it (audit 19): a practice named as one task of a
list (做好…、阵地建设、…等工作的同时，推动…) is graded by the verb before the list on the exemplars page too."""
from __future__ import annotations

from graph.sqlite_store import SQLiteStore
from loaders.extract.pipeline import extract_text
from queries import registry

_TEXT = ("芜湖市民政局关于加强物业服务企业党建工作的报告\n\n为加强物业服务企业党建工作，芜湖市做好物业服务企业信息摸排、"
         "党群组织组建、阵地建设、党员发展等工作的同时，推动9个有党员的企业单独或联合成立党组织。\n")


def test_an_exemplar_grades_a_practice_as_its_cell_does():
    store = SQLiteStore()
    store.init_schema()
    store.load_record(extract_text(_TEXT, "t.txt"))
    practice = "党群服务阵地建设"
    cells = {r["place"]: r["grade"] for r in registry.run(store, "compare_cities", {"places": ["芜湖市"], "practices": [practice]})}
    ranked = {r["place"]: r["grade"] for r in registry.run(store, "exemplars", {"practice": practice, "k": 5})}
    assert cells == {"芜湖市": "claimed"}
    assert ranked.get("芜湖市") == "claimed"
