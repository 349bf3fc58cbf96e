"""The practice taxonomy as graph rows: canonical practice names and their categories.

The taxonomy is read once, by the extraction (:func:`loaders.reference.load_taxonomy`, from
``data/practices.json``); this module only turns it into Practice and PracticeCategory nodes. The
contract's names come first (public, never renamed), then the file's other practices in its order.
"""
from __future__ import annotations

from loaders.reference import CANONICAL_PRACTICES, load_taxonomy

__all__ = ["practice_categories", "practice_names", "taxonomy_rows"]


def practice_categories() -> tuple[tuple[str, str | None], ...]:
    """(practice name, category or None) for every practice, contract names first."""
    pairs: dict[str, str | None] = {name: None for name in CANONICAL_PRACTICES}
    for practice in load_taxonomy().practices:
        if pairs.get(practice.name) is None:
            pairs[practice.name] = practice.category or None
    return tuple(pairs.items())


def practice_names() -> frozenset[str]:
    from graph.model import norm

    return frozenset(norm(n) for n, _ in practice_categories())


def taxonomy_rows() -> tuple[list[dict], list[dict]]:
    """Practice and PracticeCategory nodes and IN_CATEGORY relationships, ``origin = "taxonomy"``,
    with empty evidence: [{"label", "id", "props"}], [{"start", "end", "props"}]."""
    from graph.model import EV_FIELDS, category_id, norm, practice_id

    empty = {f: [] for f in EV_FIELDS}
    nodes, rels, cats = [], [], {}
    for name, cat in practice_categories():
        pid = practice_id(name)
        nodes.append({"label": "Practice", "id": pid,
                      "props": {"name": norm(name), "origin": "taxonomy", **empty}})
        if cat:
            cid = cats.setdefault(cat, category_id(cat))
            rels.append({"start": pid, "end": cid, "props": {"origin": "taxonomy", **empty}})
    nodes += [{"label": "PracticeCategory", "id": cid, "props": {"name": cat, "origin": "taxonomy", **empty}}
              for cat, cid in cats.items()]
    return nodes, rels
