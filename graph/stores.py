"""Opening a graph store by name: the one table from store name to backend. The backends import
``graph.store`` (the interface); nothing imports the backends but this module."""
from __future__ import annotations

from typing import TYPE_CHECKING

from govkg.errors import ConfigError
from govkg.settings import STORE_KINDS, store_kind

if TYPE_CHECKING:
    from govkg.settings import Settings
    from graph.store import GraphStore

__all__ = ["open_store"]


def open_store(name: str | None = None, settings: Settings | None = None) -> GraphStore:
    """Open the store ``name`` (one of ``govkg.settings.STORE_KINDS``); None → the GOVKG_STORE setting."""
    from govkg.settings import load_settings

    settings = settings or load_settings()
    name = store_kind(name or settings.store)
    if name == "embedded":
        from graph.sqlite_store import SQLiteStore

        return SQLiteStore.open(settings.home)
    if name == "falkordb":
        from graph.falkordb_store import FalkorStore

        return FalkorStore.open(settings)
    if name == "neo4j":
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.open(settings)
    raise ConfigError(f"unknown store {name!r}: use one of {', '.join(STORE_KINDS)} (GOVKG_STORE / --store)")
