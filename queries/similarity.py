"""Similar practices: a character n-gram TF-IDF index over measures and named models, re-ranked with rapidfuzz.

Chinese text is compared by overlapping character bigrams and trigrams (no segmenter, so the index
does not depend on a dictionary and works on any city's vocabulary). Item vectors are TF-IDF
weighted (sublinear tf), L2-normalised and kept column-wise (gram -> items) in numpy arrays, so a
query touches only the postings of its own grams. The top candidates by cosine, shared practices and
shared components are re-ranked with a rapidfuzz partial ratio. The final score is a fixed blend::

    0.55 * cosine + 0.20 * practice Jaccard + 0.10 * component overlap + 0.15 * partial_ratio / 100

and every hit says why it was returned (shared practices, text similarity, shared components).
The index is built from rows any store returns, so it gives the same answer on every backend.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from queries.fulltext import fold

__all__ = ["WEIGHTS", "SimHit", "SimItem", "SimilarityIndex", "char_ngrams"]

WEIGHTS = {"cosine": 0.55, "practices": 0.20, "components": 0.10, "fuzzy": 0.15}
POOL = 400  # candidates re-ranked with rapidfuzz


def char_ngrams(text: str, sizes: Sequence[int] = (2, 3)) -> Counter[str]:
    """Character n-grams of the folded text, skipping grams that contain whitespace or punctuation."""
    folded = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    grams: Counter[str] = Counter()
    for chunk in folded.split():
        if len(chunk) == 1:
            grams[chunk] += 1
        for n in sizes:
            for i in range(len(chunk) - n + 1):
                grams[chunk[i:i + n]] += 1
    return grams


@dataclass(frozen=True)
class SimItem:
    """A measure or named model as the index sees it, with its evidence."""

    key: str
    kind: str            # "Measure" | "NamedModel"
    name: str
    place: str | None    # place id (adcode or store id) of who does it / owns it
    place_name: str | None
    text: str            # what is compared: summary + quote, or name + definition + components
    practices: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    doc_id: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class SimHit:
    item: SimItem
    score: float
    cosine: float
    shared_practices: tuple[str, ...]
    shared_components: tuple[str, ...]
    fuzzy: float

    @property
    def why(self) -> str:
        parts = []
        if self.shared_practices:
            parts.append("同属实践：" + "、".join(self.shared_practices))
        if self.cosine > 0:
            parts.append(f"文本相似度 {self.cosine:.2f}")
        if self.shared_components:
            parts.append("共同组成：" + "、".join(self.shared_components))
        return "；".join(parts)


def _normalise(vec: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {k: w / norm for k, w in vec.items()} if norm else {}


class SimilarityIndex:
    """TF-IDF over character n-grams of :class:`SimItem` texts; query with text, practices and components."""

    def __init__(self, items: Iterable[SimItem]):
        import numpy as np

        # Sorted by key so that rows from any backend, in any order, build the same index.
        self.items: list[SimItem] = sorted(items, key=lambda it: (it.key, it.kind))
        self._by_key = {it.key: i for i, it in enumerate(self.items)}
        vocab: dict[str, int] = {}
        counts: list[dict[int, int]] = []
        for it in self.items:
            grams = char_ngrams(it.text)
            counts.append({vocab.setdefault(g, len(vocab)): c for g, c in grams.items()})
        self._vocab = vocab
        n = len(self.items)
        df = np.zeros(len(vocab), dtype=np.int64)
        for row in counts:
            for col in row:
                df[col] += 1
        self._idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        rows: list[int] = []
        cols: list[int] = []
        data: list[float] = []
        for r, row in enumerate(counts):
            vec = _normalise({c: (1.0 + math.log(tf)) * float(self._idf[c]) for c, tf in row.items()})
            for c, w in vec.items():
                rows.append(r)
                cols.append(c)
                data.append(w)
        cols_a = np.asarray(cols, dtype=np.int64)
        order = np.argsort(cols_a, kind="stable")
        self._rows = np.asarray(rows, dtype=np.int64)[order]
        self._data = np.asarray(data, dtype=np.float64)[order]
        self._indptr = np.searchsorted(cols_a[order], np.arange(len(vocab) + 1))
        self._place_code: dict[str | None, int] = {}
        self._kind_code: dict[str, int] = {}
        self._places = np.asarray([self._place_code.setdefault(it.place, len(self._place_code))
                                   for it in self.items], dtype=np.int64)
        self._kinds = np.asarray([self._kind_code.setdefault(it.kind, len(self._kind_code))
                                  for it in self.items], dtype=np.int64)
        self._by_practice: dict[str, list[int]] = {}
        for i, it in enumerate(self.items):
            for p in it.practices:
                self._by_practice.setdefault(p, []).append(i)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, key: str) -> SimItem | None:
        i = self._by_key.get(key)
        return None if i is None else self.items[i]

    def _cosines(self, text: str):
        import numpy as np

        scores = np.zeros(len(self.items), dtype=np.float64)
        qvec = _normalise({self._vocab[g]: (1.0 + math.log(tf)) * float(self._idf[self._vocab[g]])
                           for g, tf in char_ngrams(text).items() if g in self._vocab})
        for col, w in qvec.items():
            lo, hi = self._indptr[col], self._indptr[col + 1]
            scores[self._rows[lo:hi]] += w * self._data[lo:hi]
        return scores

    def query(self, text: str, practices: Iterable[str] = (), components: Iterable[str] = (),
              exclude_place: str | None = None, exclude_key: str | None = None, k: int = 10,
              kinds: Iterable[str] | None = None) -> list[SimHit]:
        """The ``k`` best items, never from ``exclude_place`` nor ``exclude_key`` itself; best first."""
        import numpy as np
        from rapidfuzz import fuzz

        want_practices = set(practices)
        want_components = {fold(c) for c in components if c}
        wanted_kinds = set(kinds) if kinds else None
        cos = self._cosines(text)
        shares = np.zeros(len(self.items), dtype=bool)
        for p in want_practices:
            shares[self._by_practice.get(p, [])] = True
        coarse = WEIGHTS["cosine"] * cos + np.where(shares, WEIGHTS["practices"] * 0.5, 0.0)
        allowed = np.ones(len(self.items), dtype=bool)
        if exclude_place is not None and exclude_place in self._place_code:
            allowed &= self._places != self._place_code[exclude_place]
        if exclude_key is not None and exclude_key in self._by_key:
            allowed[self._by_key[exclude_key]] = False
        if wanted_kinds is not None:
            allowed &= np.isin(self._kinds, [self._kind_code[k] for k in wanted_kinds if k in self._kind_code])
        coarse = np.where(allowed & ((cos > 0) | shares), coarse, -1.0)
        pool_size = min(POOL, int((coarse >= 0).sum()))
        if pool_size == 0:
            return []
        pool = np.argpartition(-coarse, pool_size - 1)[:pool_size] if pool_size < len(coarse) \
            else np.arange(len(coarse))
        folded_query = fold(text)
        hits = []
        for i in pool.tolist():
            if coarse[i] < 0:
                continue
            it = self.items[i]
            shared_p = tuple(sorted(want_practices & set(it.practices)))
            union = want_practices | set(it.practices)
            jacc = len(shared_p) / len(union) if union else 0.0
            comp_folded = {fold(c): c for c in it.components if c}
            shared_c = tuple(sorted(comp_folded[c] for c in want_components & set(comp_folded)))
            comp = len(shared_c) / max(len(want_components), 1) if want_components else 0.0
            fz = fuzz.partial_ratio(folded_query, fold(it.text)) / 100.0 if folded_query else 0.0
            cosine = float(cos[i])
            score = (WEIGHTS["cosine"] * cosine + WEIGHTS["practices"] * jacc
                     + WEIGHTS["components"] * comp + WEIGHTS["fuzzy"] * fz)
            hits.append(SimHit(it, round(score, 6), round(cosine, 6), shared_p, shared_c, round(fz, 6)))
        hits.sort(key=lambda h: (-h.score, h.item.kind, h.item.key))
        return hits[:k]
