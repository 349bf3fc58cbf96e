"""The answer a query gives from indexes built whole in this process: the store asked with every copy
it keeps hidden (kept indexes, maintained row indexes) and nothing kept — what the kept and maintained
indexes' answers are compared with."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from govkg.errors import QueryError
from queries import registry
from queries.rows import _CACHE

__all__ = ["built_answer", "built_answers"]


@contextmanager
def _built_whole(store: Any) -> Iterator[None]:
    """Inside: ``store`` keeps nothing and answers from indexes built whole in this process, each built once
    for the graph as it stands (the process's cache starts empty); after: the cache as it was."""
    hidden = {"kept_version": lambda _name: None, "keep": lambda *_args: False, "rows_current": lambda _name: False}
    saved = dict(_CACHE)
    _CACHE.clear()
    try:
        for attr, fake in hidden.items():
            setattr(store, attr, fake)
        yield
    finally:
        for attr in hidden:
            delattr(store, attr)
        _CACHE.clear()
        _CACHE.update(saved)


def built_answer(store: Any, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    with _built_whole(store):
        return registry.run(store, name, params)


def built_answers(store: Any, cases: list[tuple[str, dict[str, Any]]]) -> list[list[dict[str, Any]] | QueryError]:
    """``built_answer`` of each case, or the ``QueryError`` it raised, with the whole-built indexes shared by the
    cases (the graph does not change between them): one build per index instead of one per case."""
    out: list[list[dict[str, Any]] | QueryError] = []
    with _built_whole(store):
        for name, params in cases:
            try:
                out.append(registry.run(store, name, params))
            except QueryError as exc:
                out.append(exc)
    return out
