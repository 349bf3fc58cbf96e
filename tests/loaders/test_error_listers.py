"""The error listers (benchmarks/field_misses.py, model_errors.py) never show a held-out set's errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.scripts import load_script

REPO = Path(__file__).resolve().parents[2]


def _scoring():
    return load_script(REPO / "benchmarks" / "score_extraction.py")


def test_the_default_sets_are_the_tuning_sets_and_a_held_out_set_is_refused():
    scoring = _scoring()
    held = [name for name in scoring.SETS if scoring.held_out(name)]
    assert held, "the repo ships held-out sets (data/reference/extra-*/HELD_OUT)"
    default = scoring.tuning_sets([])
    assert default and "seeds" not in default and not set(default) & set(held)
    assert scoring.tuning_sets(["seeds"]) == ["seeds"]
    for name in held:
        with pytest.raises(ValueError, match="held out"):
            scoring.tuning_sets(["dev", name])
    with pytest.raises(ValueError, match="no annotated set"):
        scoring.tuning_sets(["extra-nonexistent"])


def test_the_learning_lister_shows_misses_and_extras_as_learner_to_source(tmp_path):
    misses = load_script(REPO / "benchmarks" / "field_misses.py")
    if not Path(misses.SCORER).exists():                  # CI's clean clone has no ../shared beside it
        pytest.skip("../shared/reference/score.py is not beside this checkout")
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "d1.txt").write_text("襄阳市民政局关于市政协第5号提案的答复\n\n我市组织考察组赴浙江省宁波市考察学习社区治理经验。\n",
                                  encoding="utf-8")
    (gold / "d1.json").write_text('{"learning": [{"learner": "襄阳市", "source": "杭州市", "what": "社区治理"}]}',
                                  encoding="utf-8")
    rows = misses.field_misses("learning", texts, gold)
    assert ("d1", "MISS", "襄阳市→杭州市", "社区治理") in rows
    assert any(r[:3] == ("d1", "EXTRA", "襄阳市→宁波市") and "宁波市" in r[3] for r in rows)
