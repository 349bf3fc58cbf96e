"""The weights that decide which quoted phrases are scheme names (a logistic regression).

Trained by ``benchmarks/quote_model.py`` from annotated documents (the seeds' and the dev set's gold,
and any further annotated sets); the weights ship as ``quote_model.json`` beside this module and load
with no download. A candidate's score is the sum of the weights of its features
(:func:`loaders.extract.quote_features.quote_features`); it is a name when the score passes the
threshold chosen by cross-validation.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import repeat

__all__ = ["QuoteModel", "load_quote_model"]


@dataclass(frozen=True)
class QuoteModel:
    weights: dict[str, float]
    threshold: float = 0.0  # on the score (log-odds)
    meta: dict[str, object] = field(default_factory=dict)

    def score(self, features: Iterable[str]) -> float:
        # the weights summed in feature order (map with repeat: the same sum, without a generator)
        return sum(map(self.weights.get, features, repeat(0.0)))

    def probability(self, features: Iterable[str]) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features)))

    def accept(self, features: Iterable[str]) -> bool:
        return self.score(features) > self.threshold

    def to_json(self) -> str:
        body = {"threshold": round(self.threshold, 4), "meta": self.meta,
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}}
        return json.dumps(body, ensure_ascii=False, indent=0, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> QuoteModel:
        body = json.loads(text)
        return cls(weights={str(k): float(v) for k, v in body["weights"].items()},
                   threshold=float(body.get("threshold", 0.0)), meta=dict(body.get("meta") or {}))


@lru_cache(maxsize=1)
def load_quote_model() -> QuoteModel:
    """The shipped weights (read once per process)."""
    path = resources.files("loaders.extract") / "quote_model.json"
    return QuoteModel.from_json(path.read_text(encoding="utf-8"))
