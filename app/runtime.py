"""What the explorer needs besides the UI: the configured store, a query runner over it and building
the bundled corpus when the graph has no documents yet (all through ``govkg.api``, which the command
line calls too), and the inventory and document rows in the shape the pages read."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["LABELS", "Runner", "build_into", "ensure_graph", "group_inventory", "inventory",
           "open_configured_store", "query_runner"]

Runner = Callable[[str, dict], list[dict]]


def open_configured_store() -> Any:
    from govkg.api import open_configured_store as open_store

    return open_store()


def query_runner(store: Any) -> Runner:
    from govkg.api import query_runner as runner

    return runner(store)


def ensure_graph(store: Any | None = None) -> int:
    """Build the bundled corpus into the store if it holds no document; returns how many were built."""
    from govkg.api import ensure_graph as ensure

    return ensure(store)


def build_into(paths: list[Path], store: Any, progress: bool = False) -> Any:
    """Extract ``paths`` and load them into ``store``; returns graph.build's BuildReport. The indexes of
    the whole-graph queries are left to the first query that needs each (the page the person opens
    next), not all built before the import returns."""
    from govkg.api import build

    return build(paths, store, progress=progress, keep=False)


# --- What is in the graph, and one document: both through named queries (``inventory``, ``document``) ---

# inventory section -> (label, how its row is shown to the pages)
_SECTIONS: dict[str, tuple[str, Callable[[dict], dict]]] = {
    "document": ("Document", lambda r: {"id": r["id"], "title": r["name"], "kind": r["kind"],
                                        "subject_place": r["place"], "issuer": r["issuer"], "date": r["date"]}),
    "place": ("Place", lambda r: {"id": r["id"], "name": r["name"], "level": r["level"],
                                  "measures": r["count"] or 0}),
    "practice": ("Practice", lambda r: {"id": r["id"], "name": r["name"], "places": r["count"] or 0}),
    "named_model": ("NamedModel", lambda r: {"id": r["id"], "name": r["name"], "owner": r["place"],
                                             "components": r["count"] or 0, "status": r["status"]}),
    "policy": ("Policy", lambda r: {"id": r["id"], "title": r["name"], "issuer": r["issuer"], "date": r["date"],
                                    "status": r["status"]}),
    "measure_total": ("Total", lambda r: {"label": r["id"], "count": r["count"] or 0}),
    # only when the query is run with ``place``: the measures that place implements
    "measure": ("Measure", lambda r: {"id": r["id"], "summary": r["name"], "place": r["place"],
                                      "status": r["status"], "year": r["date"]}),
}
LABELS: tuple[str, ...] = tuple(label for label, _ in _SECTIONS.values())


def group_inventory(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows of the ``inventory`` query -> label -> rows in the shape the pages read
    (Document, Place, Practice, NamedModel, Policy, Total, Measure; every label present). ``Total`` holds
    ``{"label": "Measure", "count": n}``; ``Measure`` is empty unless the query was run with ``place``."""
    out: dict[str, list[dict]] = {label: [] for label in LABELS}
    for row in rows:
        hit = _SECTIONS.get(row["section"])
        if hit is not None:
            out[hit[0]].append(hit[1](row))
    return out


def inventory(store: Any) -> dict[str, list[dict]]:
    """label -> rows for the labels the explorer lists (no document text), from the ``inventory`` query."""
    from govkg.api import ALL_ROWS, query

    return group_inventory(query(store, "inventory", {"limit": ALL_ROWS}))
