"""A synthetic corpus for load and query benchmarks: real documents recombined, places swapped.

Each synthetic document takes the heading block (title, addressee) of one source document, body
paragraphs from two or three source documents in their original order, and the closing lines
(signature, date) of one. Every place name of the Chinese administrative gazetteer that occurs in
the sources (the gazetteer's code table, :func:`loaders.extract.gazetteer.code_table`) is swapped for
another real place of the same level: a province for a province, a prefecture-level city for a
city, a district or county of the new city for a district or county. Proposal numbers
(``第035号``) are redrawn. Document ``i`` depends only on ``(seed, i)``, so a corpus is the same
for a seed whatever its size, and files land in shards of 1000 per folder.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govkg.errors import InputError
from loaders.extract.gazetteer import code_table

__all__ = [
    "SHARD_SIZE",
    "PlaceTable",
    "SynthStats",
    "load_sources",
    "place_table",
    "synth_document",
    "write_corpus",
]

SHARD_SIZE = 1000
_NUMBER = re.compile(r"(第\s*)([A-Z]?\d{1,4})(\s*号)")
_BODY_MIN = 60  # a line this long is body text, not heading furniture


@dataclass(frozen=True)
class PlaceTable:
    provinces: dict[str, str]            # 2-digit code -> name
    cities: dict[str, str]               # 4-digit code -> name
    counties: dict[str, list[str]]       # 4-digit city code -> county-level names (sorted)
    level: dict[str, tuple[str, str]]    # name -> ("province"|"city"|"county", code)


@dataclass(frozen=True)
class SynthStats:
    documents: int
    bytes: int
    shards: int


@lru_cache(maxsize=1)
def place_table() -> PlaceTable:
    """The places a synthetic document may be moved to, by level, from the gazetteer's code table."""
    provinces: dict[str, str] = {}
    cities: dict[str, str] = {}
    counties: dict[str, list[str]] = {}
    level: dict[str, tuple[str, str]] = {}
    for code, name in code_table():
        if len(name) < 3 or "辖" in name or not code.isdigit():
            continue
        if code[2:] == "0000":
            provinces[code[:2]] = name
            level.setdefault(name, ("province", code[:2]))
        elif code[4:] == "00":
            cities[code[:4]] = name
            level.setdefault(name, ("city", code[:4]))
        else:
            counties.setdefault(code[:4], []).append(name)
            level.setdefault(name, ("county", code[:4]))
    for names in counties.values():
        names.sort()
    return PlaceTable(provinces, cities, counties, level)


@dataclass(frozen=True)
class _Source:
    head: tuple[str, ...]
    body: tuple[str, ...]
    tail: tuple[str, ...]


@lru_cache(maxsize=4)
def load_sources(folder: str) -> tuple[tuple[_Source, ...], tuple[str, ...]]:
    """The source documents split into head / body / tail, and the gazetteer names they contain."""
    from govkg.settings import CORPUS_DIR
    from loaders.read.files import read_document
    from loaders.read.normalize import normalize_text

    # the bundled corpus recombines its five whole documents (not the short excerpts beside them)
    paths = sorted(Path(folder).glob("*.txt") if Path(folder) == CORPUS_DIR else Path(folder).rglob("*.txt"))
    if not paths:
        raise InputError(folder, "holds no .txt documents to recombine; pass --source with some")
    sources = []
    texts = []
    for path in paths:
        text = normalize_text(read_document(path).text)
        texts.append(text)
        lines = [line for line in text.split("\n") if line.strip()]
        long = [i for i, line in enumerate(lines) if len(line) >= _BODY_MIN]
        if not long:
            continue
        first, last = long[0], long[-1]
        sources.append(_Source(tuple(lines[:first]), tuple(lines[first:last + 1]), tuple(lines[last + 1:])))
    if not sources:
        raise InputError(folder, "holds no document with body paragraphs to recombine")
    gaz = place_table()
    joined = "\n".join(texts)
    found = sorted((name for name in gaz.level if name in joined), key=lambda n: (-len(n), n))
    return tuple(sources), tuple(found)


def _place_map(rng: random.Random, names: tuple[str, ...], gaz: PlaceTable, city_codes: list[str]) -> dict[str, str]:
    """Each source place -> a distinct real place of the same level; counties follow their city."""
    mapping: dict[str, str] = {}
    city_target: dict[str, str] = {}  # source city code -> target city code
    used: set[str] = set()
    for name in names:
        kind, code = gaz.level[name]
        src_city = code if kind == "city" else (code if kind == "county" else None)
        if kind == "province":
            target = gaz.provinces[rng.choice(sorted(gaz.provinces))]
        else:
            tcode = city_target.get(src_city)  # type: ignore[arg-type]
            if tcode is None:
                tcode = rng.choice(city_codes)
                city_target[src_city] = tcode  # type: ignore[index]
            if kind == "city":
                target = gaz.cities[tcode]
            else:
                options = [c for c in gaz.counties.get(tcode, []) if c not in used] or gaz.counties.get(tcode, [name])
                target = rng.choice(options)
        used.add(target)
        mapping[name] = target
    return mapping


def synth_document(i: int, seed: int, sources: tuple[_Source, ...], names: tuple[str, ...]) -> str:
    """Synthetic document number ``i`` for ``seed`` (deterministic)."""
    gaz = place_table()
    rng = random.Random(f"{seed}:{i}")
    city_codes = [c for c in sorted(gaz.cities) if len(gaz.counties.get(c, ())) >= 2]
    head = rng.choice(sources).head
    tail = rng.choice(sources).tail
    body: list[str] = []
    for src in rng.sample(sources, k=min(len(sources), rng.randint(2, 3))):
        n = len(src.body)
        start = rng.randrange(n)
        body.extend(src.body[start:start + max(1, n // 2)])
    text = "\n\n".join(["\n".join(head), "\n\n".join(body), "\n".join(tail)]).strip("\n") + "\n"
    text = _NUMBER.sub(lambda m: f"{m.group(1)}{rng.randint(1, 999):03d}{m.group(3)}", text)
    mapping = _place_map(rng, names, gaz, city_codes)
    if mapping:
        pattern = _pattern(names)
        text = pattern.sub(lambda m: mapping[m.group(0)], text)
    return text


@lru_cache(maxsize=4)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, names)))


def write_corpus(out: str | Path, n_docs: int, seed: int = 0, source: str | Path | None = None) -> SynthStats:
    """Write ``n_docs`` synthetic documents under ``out/NNNNN/synth_NNNNNNN.txt`` (UTF-8)."""
    from govkg.settings import CORPUS_DIR

    sources, names = load_sources(str(source or CORPUS_DIR))
    out = Path(out)
    total = 0
    shard_dir = None
    for i in range(n_docs):
        if i % SHARD_SIZE == 0:
            shard_dir = out / f"{i // SHARD_SIZE:05d}"
            shard_dir.mkdir(parents=True, exist_ok=True)
        data = synth_document(i, seed, sources, names).encode("utf-8")
        (shard_dir / f"synth_{i:07d}.txt").write_bytes(data)  # type: ignore[operator]
        total += len(data)
    return SynthStats(documents=n_docs, bytes=total, shards=(n_docs + SHARD_SIZE - 1) // SHARD_SIZE)
