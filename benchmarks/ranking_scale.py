"""The ranking code of ``search`` and ``similar_practices`` at a large item count, without a store: CPU ms
per call of an index built in the process over N generated items (``FullTextIndex``, ``SimilarityIndex``),
and a digest of each answer, so that two checkouts can be compared on the same items.

    .venv/bin/python benchmarks/ranking_scale.py --items 300000
    git worktree add --detach /tmp/rank-old 8d9cf93              # the code before, for a side-by-side run
    (cd /tmp/rank-old && PYTHONPATH=. /path/to/.venv/bin/python /path/to/benchmarks/ranking_scale.py --items 300000)

The items are short texts drawn from a few dozen common governance words with unequal weights (so a
common word is held by most items, as ``社区`` is at 100,000 documents); the selection, scoring and
ordering this times is the query side every index shares (``queries/fulltext.py`` ``_FullText``,
``queries/similarity.py`` ``_Similarity``, ``queries/top.py``), not the reading of postings from a
store. Run from the checkout to measure (its code is imported from the working directory).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time

WORDS = ("社区", "网格", "居民", "议事", "协商", "党建", "引领", "红色", "物业", "减负", "社工站", "志愿", "服务", "治理",
         "老旧小区", "改造", "建立", "开展", "推进", "清单", "机制", "中心", "平台", "调解", "矛盾", "纠纷", "楼栋", "小区")
WEIGHTS = (30, 20, 25, 8, 6, 15, 10, 6, 8, 1, 2, 10, 20, 25, 3, 5, 20, 20, 15, 4, 15, 10, 8, 3, 3, 3, 2, 10)
SEARCHES = ("减负", "红色物业", "网格", "议事 协商", "社工站", "社区", "党建引领", "居民")
TEXTS = ("建立居民议事会", "建设社工站", "改造老旧小区", "开展志愿服务", "红色物业", "推进网格治理平台建设")


def _digest(value: object) -> str:
    return hashlib.md5(repr(value).encode("utf-8")).hexdigest()[:10]


def _timed(label: str, fn, *args, **kwargs) -> None:
    cpu = time.process_time()
    out = fn(*args, **kwargs)
    print(f"| {label} | {(time.process_time() - cpu) * 1000:.1f} | {_digest(out)} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=300_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    sys.path.insert(0, os.getcwd())
    from queries.fulltext import FullTextIndex, Searchable
    from queries.similarity import SimilarityIndex, SimItem

    rng = random.Random(args.seed)

    def text(k: int) -> str:
        return "".join(rng.choices(WORDS, WEIGHTS, k=k)) + str(rng.randrange(10 ** 6))

    kinds = ("Measure", "NamedModel", "Practice", "Agency", "Document")
    print(f"{args.items} items; load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| call | CPU ms | answer digest |\n|---|---:|---|")
    index = FullTextIndex([Searchable(f"x{i:08d}", rng.choice(kinds), text(2), text(12)) for i in range(args.items)])
    for query in SEARCHES:
        _timed(f"search `{query}`", index.search, query, limit=20)
    del index
    items = [SimItem(f"x{i:08d}", rng.choice(("Measure", "NamedModel")), text(2), f"p{rng.randrange(2000)}", None,
                     text(8), tuple(sorted({f"pr{rng.randrange(40)}" for _ in range(2)}))) for i in range(args.items)]
    similar = SimilarityIndex(items)
    for query in TEXTS:
        _timed(f"similar_practices `{query}`", similar.query, query, k=10)
    for it in items[:3]:
        _timed(f"similar_practices item {it.key}", similar.query, it.text, practices=it.practices,
               exclude_place=it.place, exclude_key=it.key, k=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
