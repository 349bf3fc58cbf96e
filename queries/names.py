"""The named query ``names``: ``fetch`` gives the embedded store the raw rows ``names.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/names.cypher`` (same raw rows).

finish: Finisher of ``names``: one row per place, practice and named model, sorted, the first ``limit``, with the aliases a
person may type — a place's customary short form (濮阳市 → 濮阳, 长沙市望城区 → 望城区, 望城) and a
taxonomy practice's aliases (网格化管理 → 网格化治理), and a name written in traditional characters in
simplified ones (長春市 → 长春市).
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Any

from loaders.reference import fold_name
from queries.spec import Param, QuerySpec
from queries.walk import index_of

__all__ = ["EVERY", "SPEC", "fetch", "finish", "place_aliases"]

SPEC = QuerySpec(
    "names", "名称",
    "Place (with its aliases: customary short forms), practice (with its taxonomy aliases) and named "
    "model names, in order of kind, name and id, a page at a time (limit; prefix: the names that start "
    "with it): what typed names are resolved against (濮阳 → 濮阳市), and where the closest names for "
    "an unknown one come from.",
    (Param("label", "str", "only this kind: Place, Practice or NamedModel (default: all three)",
           choices=("Place", "Practice", "NamedModel")),
     Param("prefix", "str", "only the names that start with this text (as the graph spells them)"),
     Param("limit", "int", "at most this many names: the first in order of kind, name and id",
           default=1000, min=1, max=100000)),
    ("label", "id", "name", "aliases"),
    examples=({}, {"label": "Place"}, {"label": "Place", "prefix": "濮阳", "limit": 5}),
)

#: ``limit`` that reads every name (what resolving a typed name needs: ``all_names``)
EVERY = 2**31 - 1
LABELS = ("Place", "Practice", "NamedModel")


def fetch(g: Any, label: str | None = None, prefix: str | None = None, limit: int = EVERY,
          **_params: Any) -> list[dict[str, Any]]:
    """Per label, the first ``limit`` nodes with a name (starting with ``prefix``) by (name, id): on
    the SQLite view a range of its index of names, nothing else read."""
    rows = []
    for lab in LABELS if label is None else (label,):
        indexed = getattr(g, "names_indexed", None)
        if indexed is not None and indexed(lab):
            page = g.names_page(lab, prefix or None, limit)
        else:                                           # names only: no node is loaded
            page = sorted(((node, name, aliases, level) for node, name, aliases, level in index_of(g).rows(lab)
                           if isinstance(name, str) and name and (not prefix or name.startswith(prefix))),
                          key=lambda r: (r[1], r[0]))[:limit]
        for node, name, aliases, level in page:
            rows.append({"label": lab, "id": node, "name": name,
                         "level": level if lab == "Place" else None,
                         "aliases": list(aliases or []) if lab == "Place" else []})
    return rows


@functools.lru_cache(maxsize=1 << 17)
def _place_aliases(name: str, level: str | None) -> tuple[str, ...]:
    """``place_aliases``, read once per process for each (name, level): the gazetteer does not change
    while it runs, and every call of the query reads every place (23,808 at 15,000 documents: 0.9 s)."""
    return tuple(place_aliases(name, level))


_fold = functools.lru_cache(maxsize=1 << 18)(fold_name)    # the same names folded by every call


def place_aliases(name: str, level: str | None) -> list[str]:
    """Short forms of a place name: the gazetteer's short form of the name and, for a name that
    carries its parent (长沙市望城区), of its last unit."""
    from loaders.reference import fold_name, load_gazetteer, short_name

    out: list[str] = []
    code = load_gazetteer().code_for_full_name(fold_name(name))   # (the gazetteer's script: 長春市 is 长春市)
    own = load_gazetteer().get(code) if code else None
    for full in dict.fromkeys(x for x in (name, own.name if own else None) if x):
        if full != name:
            out.append(full)
        short = short_name(full, own.level if own and full == own.name else (level or ""))
        if short:
            out.append(short)
    return [a for a in dict.fromkeys(out) if a != name]


def _practice_aliases(name: str) -> list[str]:
    from loaders.reference import load_taxonomy

    entry = load_taxonomy().by_name.get(name)
    return list(getattr(entry, "aliases", ()) or ()) if entry is not None else []


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    prefix = params.get("prefix") or ""
    for row in fetch({**params, "prefix": prefix or None, "limit": params.get("limit") or EVERY}):
        name = row.get("name")
        if not name or not str(name).startswith(prefix):
            continue
        aliases = [str(a) for a in row.get("aliases") or [] if a]
        if row["label"] == "Place":
            aliases += _place_aliases(str(name), row.get("level"))
        elif row["label"] == "Practice":
            aliases += _practice_aliases(str(name))
        aliases += [_fold(x) for x in (str(name), *aliases)]   # written traditional, typed simplified
        out[(row["label"], row["id"])] = {"label": row["label"], "id": row["id"], "name": name,
                                          "aliases": sorted(set(aliases) - {name})}
    limit = params.get("limit") or EVERY
    return sorted(out.values(), key=lambda r: (r["label"], r["name"], r["id"]))[:limit]
