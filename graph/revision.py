"""The revision of the code that computes what a store keeps beside its graph (the row indexes, the
kept full-text and similarity indexes). A graph file remembers the revision its kept indexes were
computed by; a file opened by other code (govkg upgraded, or a checkout moved on) does not use them,
and its next build (or ``govkg init``) fills them again, so a page never shows rows an older revision
computed (the graph version alone does not change when only the code does).

The revision hashes only what can change those rows: the modules of ``queries`` (every index is
computed there) and of the embedded store, with every module of the project they import, at any depth
(read from the sources: ``import`` lines anywhere in a module, not what a run happened to load) but
``govkg.settings`` (paths and connection settings, no row logic),
every ``.cypher`` statement, and the data files those modules name (the practice taxonomy
``practices.json``, the gazetteer's ``admin_changes.csv``). An
extraction rule (``loaders/extract/models.py`` and the others the queries never import), the reading
of files, the command line or the explorer can change without a large graph's indexes going stale.

Each row index has a revision of its own (``index_revision``): the sources its module imports at any
depth, with the modules that compute, read and keep every index's rows (``graph.sqlite_rows``,
``graph.sqlite_view``), the ``.cypher`` statements of those modules and the shared ones of
``graph/cypher``, and the data files they name. A graph file marks each index with the revision that
filled it, so a change to one query's module refills that query's indexes only (``govkg init``, the
next build), and a change to the writer alone (``graph.sqlite_store``) refills none.
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = ["code_revision", "index_revision", "index_sources"]

_ROOT = Path(__file__).resolve().parent.parent
_PROJECT = ("graph", "queries", "loaders", "govkg")          # the packages whose modules are followed
_ROOTS = ("queries", "graph.sqlite_store")                    # where the indexes are computed and kept
_KEEPER = ("graph.sqlite_rows", "graph.sqlite_view")          # what computes, reads and keeps any index's rows
# modules the indexes' code imports for paths and connection settings only, never for what a row holds:
# neither hashed nor followed, so renaming a setting or adding one does not refill a national corpus's
# indexes (the data files whose names the indexes' modules hold are hashed all the same)
_SETTINGS_ONLY = frozenset({"govkg.settings"})


@functools.cache          # (asked ~800 times on a first query, each a stat or two)
def _module_file(name: str) -> Path | None:
    base = _ROOT.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


# ``import a.b`` and ``from a.b import c, d`` / ``from a.b import (c,\n d)`` of the project's packages, at the
# start of a line anywhere in a module (inside functions too). A regular expression, not ``ast``: parsing
# the ~70 modules cost ≈ 0.2–0.5 s on every process's first query; a docstring line that reads like an
# import only makes the set larger, never smaller.
_PACKAGE = "|".join(_PROJECT)
_IMPORT = re.compile(rf"^[ \t]*(?:from[ \t]+(?P<module>(?:{_PACKAGE})(?:\.\w+)*)[ \t]+import[ \t]+"
                     rf"(?P<names>\([^)]*\)|[^\n#]*)|import[ \t]+(?P<plain>(?:{_PACKAGE})(?:\.\w+)*))", re.MULTILINE)


def _bound(names: str) -> list[tuple[str, str]]:
    """(name imported, name bound) of each part of a ``from … import`` list (``c``, ``c as d``)."""
    out = []
    for part in names.strip("() \t\n").split(","):
        words = re.findall(r"\w+", part)
        if len(words) == 1:
            out.append((words[0], words[0]))
        elif len(words) == 3 and words[1] == "as":
            out.append((words[0], words[2]))
    return out


@functools.cache          # (the same names are asked of the same modules for every index's roots)
def _reexported(module: str, name: str) -> str | None:
    """The project module that ``module`` takes ``name`` from when ``module`` only passes it on: one
    ``from x import name`` (``x`` a module of the project) and ``name`` neither defined, assigned nor
    imported otherwise in it (``loaders.reference``'s ``fold_name`` is ``loaders.extract.script``'s);
    else None (``module`` itself is what computes it)."""
    path = _module_file(module)
    if path is None:
        return None
    text = _read(path).decode("utf-8")
    origins = [m["module"] for m in _IMPORT.finditer(text)
               if not m["plain"] and any(bound == name for _, bound in _bound(m["names"]))]
    if len(origins) != 1 or (name, name) not in _bound(next(
            m["names"] for m in _IMPORT.finditer(text) if m["module"] == origins[0]
            and any(bound == name for _, bound in _bound(m["names"])))):
        return None
    if re.search(rf"^[ \t]*(?:(?:async[ \t]+)?def|class)[ \t]+{name}\b|^{name}[ \t]*[:=]|^[ \t]*import[ \t][^\n]*\b{name}\b",
                 text, re.MULTILINE):
        return None
    return origins[0]


def _imported(source: bytes) -> set[str]:
    """The project modules a module's ``source`` imports anywhere (top level or inside a function): for
    ``from a.b import c`` the module ``a.b.c`` when it is one (with ``a.b``); else the module ``a.b``
    takes ``c`` from when ``a.b`` only passes it on (``_reexported``: ``from loaders.reference import
    fold_name`` reads ``loaders.extract.script``, not the place rules ``loaders.reference`` passes on
    too, so a change to those refills only the indexes whose code calls them); else ``a.b``."""
    names: set[str] = set()
    for m in _IMPORT.finditer(source.decode("utf-8")):
        if m["plain"]:
            names.add(m["plain"])
            continue
        module = m["module"]
        words = [imported for imported, _ in _bound(m["names"])]
        if not words or len(words) != len([p for p in m["names"].strip("() \t\n").split(",") if p.strip()]):
            words = [w for w in re.findall(r"\w+", m["names"]) if w != "as"]     # unparsed: every word
            names.add(module)
        for word in words:
            if _module_file(f"{module}.{word}") is not None:
                names.update((module, f"{module}.{word}"))
                continue
            origin = _reexported(module, word)
            names.add(module if origin is None else origin)
    found = set()
    for name in names:
        while name and _module_file(name) is None:
            name = name.rpartition(".")[0]
        if name:
            found.add(name)
    return found


def _roots() -> Iterable[str]:
    for root in _ROOTS:
        path = _module_file(root)
        if path is not None and path.name == "__init__.py":     # a package: every module in it
            yield from (f"{root}.{p.stem}" for p in sorted(path.parent.glob("*.py")) if p.stem != "__init__")
        yield root


def index_sources(module: str | None = None) -> list[Path]:
    """The files whose content the revision hashes, sorted: the modules the indexes' code imports at
    any depth, their ``.cypher`` files, and the project's data files whose name those modules hold
    (``module``: those of the indexes computed in that module only, ``index_revision``)."""
    return list(_sources(tuple(_roots()) if module is None else (module, *_KEEPER)))


@functools.cache
def _read(path: Path) -> bytes:
    return path.read_bytes()


@functools.cache
def _imports_of(name: str) -> frozenset[str]:
    return frozenset(_imported(_read(_module_file(name))))   # type: ignore[arg-type]


@functools.cache          # once per process and set of roots: each file read once
def _sources(roots: tuple[str, ...]) -> dict[Path, bytes]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name in _SETTINGS_ONLY:
            continue
        seen.add(name)
        todo.extend(_imports_of(name))
    # importing a.b.c runs a/__init__ and a/b/__init__ too: hashed, not followed (what they import is
    # not what the indexes' code calls unless it imports that itself)
    parents = {name.rsplit(".", depth)[0] for name in seen for depth in range(1, name.count(".") + 1)}
    modules = {path for path in map(_module_file, seen | parents) if path is not None}
    text = b"\n".join(map(_read, modules))
    # a module's own statements (queries/X.cypher beside queries/X.py) and the shared ones (graph/cypher)
    data = {path for path in _data_files()
            if path.suffix == ".cypher" and (path.with_suffix(".py") in modules or path.parent.name == "cypher")
            or path.name.encode("utf-8") in text}
    data |= {path for path in _ROOT.joinpath("data").glob("*") if path.is_file() and path.name.encode("utf-8") in text}
    return {path: _read(path) for path in sorted(modules | data, key=lambda p: p.relative_to(_ROOT).as_posix())}


@functools.cache          # once per process: the packages' files other than modules (``.cypher``, data)
def _data_files() -> tuple[Path, ...]:
    return tuple(path for package in _PROJECT for path in (_ROOT / package).rglob("*")
                 if path.suffix not in (".py", ".pyc") and path.is_file())


def _digest(sources: dict[Path, bytes]) -> str:
    digest = hashlib.sha256()
    for path, content in sources.items():
        digest.update(path.relative_to(_ROOT).as_posix().encode("utf-8") + b"\0")
        digest.update(content + b"\0")
    return digest.hexdigest()[:16]


@functools.cache
def code_revision() -> str:
    """16 hex characters that change whenever one of ``index_sources`` changes."""
    return _digest(_sources(tuple(_roots())))


@functools.cache
def index_revision(module: str) -> str:
    """16 hex characters that change whenever one of ``index_sources(module)`` changes: the revision of
    the row indexes computed in ``module`` (a module of the project, named as it is imported)."""
    return _digest(_sources((module, *_KEEPER)))
