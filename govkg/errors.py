"""One exception root for the project. Messages say what went wrong and what to do."""
from __future__ import annotations

__all__ = ["ConfigError", "GovkgError", "IndexesOutdated", "InputError", "QueryError", "StoreError", "UnknownNameError"]


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


class StoreUnavailable(StoreError):
    """The store cannot take any write (read-only, disk full, locked by another writer too long,
    damaged): a build stops here instead of failing every document in turn."""


class IndexesOutdated(StoreError):
    """The indexes a graph file keeps were computed by another revision of govkg, and the graph is too
    large to compute them again in memory for one query: ``govkg init`` computes them in the store."""

    def __init__(self, path: str, documents: int):
        self.path, self.documents = str(path), documents
        super().__init__(
            f"{self.path}: the graph's indexes were computed by another version of govkg and it holds {documents:,} "
            "documents, too many to compute them again for one query — run `govkg init` once (it computes them in "
            f"the store) / 图的索引由另一版本的 govkg 计算，图中有 {documents:,} 篇文档，无法在查询时重算："
            "请先运行一次 `govkg init`（在库中重新计算索引）")


class QueryError(GovkgError):
    """A named query is unknown or got wrong parameters."""


_KIND_ZH = {"Place": "地方", "Practice": "做法", "NamedModel": "命名模式"}
_KIND_EN = {"Place": "place", "Practice": "practice", "NamedModel": "named model"}


class UnknownNameError(QueryError):
    """A place, practice or named model that is not in the graph. Carries the closest known names, so
    that the CLI and the explorer can both say them (the message is in English and Chinese)."""


    def __init__(self, kind: str, value: str, closest: list[str]):
        self.kind, self.value, self.closest = kind, value, list(closest)
        super().__init__(self.english())

    def english(self) -> str:
        hint = f"; closest: {', '.join(self.closest)}" if self.closest else "; nothing close is known"
        return f"no {_KIND_EN.get(self.kind, self.kind)} named {self.value!r} in the graph{hint}"

    def chinese(self) -> str:
        kind = _KIND_ZH.get(self.kind, self.kind)
        hint = f"最接近的有：{'、'.join(self.closest)}" if self.closest else "图谱中没有相近的名称"
        return f"图谱中没有名为“{self.value}”的{kind}。{hint}。"
