"""One exception root for the project. Messages say what went wrong and what to do."""
from __future__ import annotations

__all__ = ["ConfigError", "GovkgError", "InputError", "QueryError", "StoreError"]


class GovkgError(Exception):
    """Root of every error govkg raises on purpose."""


class InputError(GovkgError):
    """A document could not be read or extracted. Always names the file."""

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ConfigError(GovkgError):
    """A setting is missing or invalid. Names the setting."""


class StoreError(GovkgError):
    """A graph store failed (connection lost, server not reachable, write rejected)."""


class QueryError(GovkgError):
    """A named query is unknown or got wrong parameters."""
