"""The practice taxonomy: canonical practice names and their categories.

Read from ``data/practices.json`` (or ``.csv``) when the taxonomy engineer's file is present;
the contract's minimum vocabulary is always included (those names are public and never renamed).
Accepted shapes: JSON list of ``{"name", "category"}`` objects, JSON ``{category: [names]}``, or a
CSV with ``name`` and ``category`` columns. Extra keys are ignored.
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

from govkg.errors import ConfigError

__all__ = ["CONTRACT_PRACTICES", "load_taxonomy", "practice_names", "taxonomy_rows"]

#: the minimum vocabulary of shared/contracts/extraction.md (public, never renamed)
CONTRACT_PRACTICES: tuple[str, ...] = (
    "党建引领", "大党委/大工委", "小区党支部", "在职党员双报到", "红色物业", "网格化治理", "居民议事协商",
    "居民公约", "积分制管理", "三社联动/五社联动", "社区社会组织培育", "公益创投", "社工站", "志愿服务",
    "社区减负清单", "社区工作准入", "证明事项清理", "社区工作者职业体系", "社区工作者培训", "社区经费保障",
    "党群服务阵地建设", "智慧社区", "老旧小区改造", "业委会组建", "三治融合", "综治中心", "物业管理提升",
    "社区基金/社区经济", "治理实验区创建", "疫情防控",
)


def _data_dir() -> Path:
    from govkg.settings import DATA_DIR

    return DATA_DIR


def _pairs_from_json(data: object, path: Path) -> list[tuple[str, str | None]]:
    if isinstance(data, dict) and "practices" in data:
        data = data["practices"]
    if isinstance(data, dict):
        return [(str(n), str(cat)) for cat, names in data.items() for n in (names or [])]
    if isinstance(data, list):
        out = []
        for item in data:
            if isinstance(item, str):
                out.append((item, None))
            elif isinstance(item, dict) and "name" in item:
                out.append((str(item["name"]), item.get("category")))
        return out
    raise ConfigError(f"{path}: expected a list of {{name, category}} or {{category: [names]}}")


@lru_cache(maxsize=4)
def load_taxonomy(data_dir: Path | None = None) -> tuple[tuple[str, str | None], ...]:
    """(practice name, category or None) for every practice, contract names first."""
    data_dir = data_dir or _data_dir()
    pairs: dict[str, str | None] = {name: None for name in CONTRACT_PRACTICES}
    json_path, csv_path = data_dir / "practices.json", data_dir / "practices.csv"
    try:
        if json_path.is_file():
            found = _pairs_from_json(json.loads(json_path.read_text(encoding="utf-8")), json_path)
        elif csv_path.is_file():
            with csv_path.open(encoding="utf-8") as fh:
                found = [(r["name"], r.get("category")) for r in csv.DictReader(fh) if r.get("name")]
        else:
            found = []
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"cannot read the practice taxonomy in {data_dir}: {exc}") from exc
    for name, cat in found:
        if name and (pairs.get(name) is None):
            pairs[name] = cat or None
    return tuple(pairs.items())


def practice_names() -> frozenset[str]:
    from graph.model import norm

    return frozenset(norm(n) for n, _ in load_taxonomy())


def taxonomy_rows() -> tuple[list[dict], list[dict]]:
    """Practice and PracticeCategory nodes and IN_CATEGORY relationships, ``origin = "taxonomy"``,
    with empty evidence: [{"label", "id", "props"}], [{"start", "end", "props"}]."""
    from graph.model import EV_FIELDS, category_id, norm, practice_id

    empty = {f: [] for f in EV_FIELDS}
    nodes, rels, cats = [], [], {}
    for name, cat in load_taxonomy():
        pid = practice_id(name)
        nodes.append({"label": "Practice", "id": pid,
                      "props": {"name": norm(name), "origin": "taxonomy", **empty}})
        if cat:
            cid = cats.setdefault(cat, category_id(cat))
            rels.append({"start": pid, "end": cid, "props": {"origin": "taxonomy", **empty}})
    nodes += [{"label": "PracticeCategory", "id": cid, "props": {"name": cat, "origin": "taxonomy", **empty}}
              for cat, cid in cats.items()]
    return nodes, rels
