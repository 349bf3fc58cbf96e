"""The annotated folders of ``data/reference/`` hold what their checker requires, and the checker
catches what it says it catches (``data/reference/check_gold.py``)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support.scripts import load_script

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
FOLDERS = sorted(p for p in REFERENCE.glob("extra-*") if p.is_dir())


def _checker():
    return load_script(REFERENCE / "check_gold.py", "check_gold")


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_every_annotated_folder_passes_its_checks(folder):
    problems: list[str] = []
    records = _checker().check_folder(folder, folder.name == "extra-z", problems)
    assert problems == []
    assert len(records) == len(list((folder / "gold").glob("*.json"))) > 0


def test_the_gold_scores_one_against_itself():
    check = _checker()
    score = check.find_score()
    if score is None:
        pytest.skip("../shared/reference/score.py is not beside this checkout")
    problems: list[str] = []
    for folder in FOLDERS:
        check.score_against_itself(folder, check.check_folder(folder, False, problems), score, problems)
    assert problems == []


def test_a_broken_gold_file_gets_one_line_per_problem(tmp_path):
    check = _checker()
    folder = tmp_path / "extra-t"
    shutil.copytree(FOLDERS[0], folder)
    path = min((folder / "gold").glob("*.json"))
    gold = json.loads(path.read_text(encoding="utf-8"))
    gold["practices"].append("不存在的做法")
    gold["document"]["kind"] = "工作总结"
    gold["metrics"].append({**(gold["metrics"][0] if gold["metrics"] else
                               {"subject": None, "unit": "个", "year": None}),
                            "as_written": "不在文中的12个", "value": 13})
    gold["policies"].append({"title": "没有这份文件", "issuer": "某某局", "doc_number": None, "date": "2020年3月",
                             "status": "issued"})
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (folder / "texts" / "orphan.txt").write_text("一个没有标注的文本", encoding="utf-8")
    problems: list[str] = []
    check.check_folder(folder, True, problems)
    said = "\n".join(problems)
    for expected in ("不存在的做法", "is not a reply", "'不在文中的12个' is not in the text",
                     "value 13 is not its first number", "《没有这份文件》", "'某某局' is neither",
                     "'2020年3月'", "orphan"):
        assert expected in said, (expected, problems)
    assert all(line.startswith("extra-t/") for line in problems)


def test_the_checker_leaves_sys_path_as_it_found_it():
    """check_folder asks _schema once per gold file: each call put the repository on sys.path again, and
    hundreds of copies of it made every later metadata scan (Streamlit's, once per AppTest run) slow."""
    import sys

    check = _checker()
    check._schema()
    before = list(sys.path)
    for _ in range(3):
        check._schema()
    assert sys.path == before
