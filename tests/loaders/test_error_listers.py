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
