"""Embedded stores the tests build from records or from invented text, one way for every test."""
from __future__ import annotations

from collections.abc import Iterable


def loaded_alone(records: Iterable) -> object:
    """A fresh in-memory embedded store holding ``records``, loaded one at a time by one process."""
    from graph.sqlite_store import SQLiteStore

    store = SQLiteStore()
    store.init_schema()
    for rec in records:
        store.load_record(rec)
    return store


def store_of_text(*texts: str, name: str = "t.txt") -> object:
    """A fresh in-memory embedded store holding the records ``govkg extract`` makes of ``texts`` (invented
    documents, line 1 the title), the first named ``name``, the next ``name`` with ``-2``, ``-3`` … before the
    suffix."""
    from loaders.extract.pipeline import extract_text

    stem, dot, suffix = name.rpartition(".")
    names = [name] + [f"{stem}-{i}{dot}{suffix}" for i in range(2, len(texts) + 1)]
    return loaded_alone(extract_text(text, source) for text, source in zip(texts, names))
