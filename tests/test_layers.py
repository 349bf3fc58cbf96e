"""Imports point down the layers, never up:

    app  →  govkg (cli, coursepack, api)  →  queries  →  graph  →  loaders  →  govkg.errors / govkg.settings

A module may import from its own layer and any lower one. ``govkg.errors`` imports nothing of ours and
``govkg.settings`` only ``govkg.errors``. Every import counts, also those inside functions and under
``TYPE_CHECKING``. The upward imports that could not be removed yet are listed in ``KNOWN`` with the
reason; a new one fails, and so does a listed one that is gone (take it off the list)."""
from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "govkg", "queries", "graph", "loaders")
LEAF = ("govkg.errors", "govkg.settings")
RANK = {"leaf": 0, "loaders": 1, "graph": 2, "queries": 3, "govkg": 4, "app": 5}

# (importing module, imported module) -> why it is still there
KNOWN: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(name: str) -> bool:
    base = REPO.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def layer(name: str) -> str | None:
    """The layer of module ``name`` (ours), or None for a module that is not ours."""
    if name in LEAF or name.startswith(tuple(f"{leaf}." for leaf in LEAF)):
        return "leaf"
    top = name.split(".")[0]
    return top if top in PACKAGES else None


def imports_of(path: Path, me: str) -> list[tuple[int, str]]:
    """(line, module) for every import in ``path`` (module ``me``): ``from a import b`` is ``a.b`` when
    that is a module of ours, else ``a``; relative imports are resolved."""
    package = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}" if base else alias.name
                out.append((node.lineno, sub if is_module(sub) else base))
    return out


def goes_up(me: str, target: str) -> bool:
    mine, theirs = layer(me), layer(target)
    if theirs is None or target == me:
        return False
    if me == "govkg.errors":
        return True
    if me == "govkg.settings":
        return target != "govkg.errors"
    return RANK[theirs] > RANK[mine]


def upward_in(path: Path, me: str) -> dict[tuple[str, str], list[str]]:
    """(importing module, imported top package or leaf module) -> where, for each upward import."""
    found: dict[tuple[str, str], list[str]] = {}
    for line, target in imports_of(path, me):
        if goes_up(me, target):
            key = (me, target if layer(target) == "leaf" else target.split(".")[0])
            where = f"{path.name}:{line} ({me}) imports {target}"
            if where not in found.setdefault(key, []):
                found[key].append(where)
    return found


def upward_imports() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            found.update(upward_in(path, module_name(path)))
    return found


def test_no_import_goes_up_a_layer():
    found = upward_imports()
    new = {key: where for key, where in found.items() if key not in KNOWN}
    assert not new, "imports that go up the layers (app → govkg → queries → graph → loaders → errors/settings):\n" \
        + "\n".join(w for where in new.values() for w in where)


def test_every_known_exception_is_still_needed():
    gone = sorted(set(KNOWN) - set(upward_imports()))
    assert not gone, f"no longer imported, take them off KNOWN: {gone}"


def test_the_command_line_does_not_import_the_app():
    for path in sorted((REPO / "govkg" / "cli").glob("*.py")):
        assert not [t for _, t in imports_of(path, module_name(path)) if t.split(".")[0] == "app"], path


def test_the_walk_sees_imports_inside_functions_and_relative_ones(tmp_path):
    """The check cannot pass by not looking: upward imports planted in a function, under
    TYPE_CHECKING and as a relative import are found; downward and leaf imports are not."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from govkg.errors import GovkgError\n"
        "from . import record\n"
        "if TYPE_CHECKING:\n"
        "    from graph.store import GraphStore\n"
        "def f():\n"
        "    from queries.registry import run\n"
        "    from .. import app\n", encoding="utf-8")
    found = upward_in(probe, "loaders.probe")
    assert set(found) == {("loaders.probe", "graph"), ("loaders.probe", "queries"), ("loaders.probe", "app")}, found
    assert ("govkg.settings", "queries") in upward_in(probe, "govkg.settings")
    assert ("govkg.errors", "govkg.errors") not in upward_in(probe, "govkg.errors")
    assert ("govkg.errors", "graph") in upward_in(probe, "govkg.errors")
