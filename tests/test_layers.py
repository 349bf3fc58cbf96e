"""Imports point down the layers, never up:

    app  →  govkg (cli, coursepack, api)  →  queries  →  graph  →  loaders  →  govkg.errors / govkg.settings

A module may import from its own layer and any lower one. ``govkg.errors`` imports nothing of ours and
``govkg.settings`` only ``govkg.errors``. Every import counts, also those inside functions and under
``TYPE_CHECKING``. The upward imports that could not be removed yet are listed in ``KNOWN`` with the
reason; a new one fails, and so does a listed one that is gone (take it off the list).

Within a layer the arrows point one way too: no two modules of ours import each other, directly or
round a longer loop (``CYCLES_KNOWN`` lists the loops not yet undone, with the reason). Outside
``loaders/``, the extraction's internals (``loaders.extract.*``) are reached only through
``loaders.reference``; ``graph.store`` (the interface) imports none of the backends.

The product is the five packages and ``streamlit_app.py`` (in the app layer); it never imports the
harness (``tests``, ``benchmarks``, ``tools``), which may import anything."""
from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "govkg", "queries", "graph", "loaders")
LEAF = ("govkg.errors", "govkg.settings")
RANK = {"leaf": 0, "loaders": 1, "graph": 2, "queries": 3, "govkg": 4, "app": 5}
TOP_MODULES = {"streamlit_app": "app"}     # modules of ours at the top of the repository -> their layer
HARNESS = ("tests", "benchmarks", "tools")  # what the product never imports

# (importing module, imported module) -> why it is still there
KNOWN: dict[tuple[str, str], str] = {}

# the modules of an import loop (sorted) -> why it is still there
CYCLES_KNOWN: dict[tuple[str, ...], str] = {}


def product_files() -> list[Path]:
    """Every Python file of the product: the packages' and the top-level modules' (``streamlit_app.py``)."""
    files = [path for package in PACKAGES for path in sorted((REPO / package).rglob("*.py"))]
    return files + [REPO / f"{name}.py" for name in TOP_MODULES]


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
    return TOP_MODULES.get(top) or (top if top in PACKAGES else None)


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
    for path in product_files():
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


def import_graph() -> dict[str, set[str]]:
    """module -> the modules of ours it imports (any import, anywhere in the file)."""
    graph: dict[str, set[str]] = {}
    for path in product_files():
        me = module_name(path)
        graph[me] = {t for _, t in imports_of(path, me) if t != me and layer(t) is not None and is_module(t)}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The modules of each import loop (strongly connected components of more than one module, or
    one that imports itself), each sorted; Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[tuple[str, ...]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    members.append(top)
                    if top == node:
                        break
                if len(members) > 1 or node in graph.get(node, ()):
                    out.append(tuple(sorted(members)))
    return sorted(out)


def test_no_import_cycles():
    cycles = import_cycles(import_graph())
    new = [c for c in cycles if c not in CYCLES_KNOWN]
    assert not new, "modules that import each other (directly or round a loop):\n" + "\n".join(map(" ↔ ".join, new))
    gone = sorted(set(CYCLES_KNOWN) - set(cycles))
    assert not gone, f"no longer a loop, take them off CYCLES_KNOWN: {gone}"


def test_cycle_finder_finds_direct_and_longer_loops():
    graph = {"a": {"b"}, "b": {"a", "c"}, "c": {"d"}, "d": {"e"}, "e": {"c"}, "f": {"a"}, "g": {"g"}}
    assert import_cycles(graph) == [("a", "b"), ("c", "d", "e"), ("g",)]
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_explorer_and_the_command_line_reach_the_layers_below_through_govkg_api():
    """``app`` → ``govkg.api`` → ``queries``, and ``govkg.cli`` thin over ``govkg.api``: neither imports a
    query, graph or loader module."""
    found = [f"{path.relative_to(REPO)}:{line} imports {t}" for path in product_files()
             if layer(module_name(path)) == "app" or module_name(path).startswith("govkg.cli")
             for line, t in imports_of(path, module_name(path)) if layer(t) in ("queries", "graph", "loaders")]
    assert not found, "call these through govkg.api:\n" + "\n".join(found)


def test_the_product_imports_no_test_or_benchmark_code():
    """The harness (``tests/support``, ``benchmarks/``, ``tools/``) sits above everything: the product
    never reaches into it."""
    found = [f"{path.relative_to(REPO)}:{line} imports {t}" for path in product_files()
             for line, t in imports_of(path, module_name(path)) if t.split(".")[0] in HARNESS]
    assert not found, "\n".join(found)


def test_the_only_import_by_name_is_the_commands_table():
    """Modules are imported by ``import`` statements this walk (and any tool) can follow; the one
    exception is ``govkg.cli``'s lazy ``COMMANDS`` table, whose targets stay inside ``govkg.cli`` and
    whose modules are walked like any other."""
    from govkg.cli import COMMANDS

    by_name = [f"{path.relative_to(REPO)}:{node.lineno}" for path in product_files()
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and (
                   (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                   or (isinstance(node.func, ast.Name) and node.func.id in ("__import__", "import_module")))]
    assert [where.split(":")[0] for where in by_name] == ["govkg/cli/__init__.py"], by_name
    targets = {target.split(":")[0] for target in COMMANDS.values()}
    assert all(t.startswith("govkg.cli.") and is_module(t) for t in targets), targets
    assert targets <= set(import_graph()), targets


def test_extraction_internals_are_reached_through_loaders_reference():
    found = []
    for path in product_files():
        me = module_name(path)
        if me.split(".")[0] == "loaders":
            continue
        found += [f"{path.relative_to(REPO)}:{line} imports {t}" for line, t in imports_of(path, me)
                  if t == "loaders.extract" or t.startswith("loaders.extract.")]
    assert not found, "import these through loaders.reference:\n" + "\n".join(found)


def test_the_store_interface_imports_no_backend():
    path = REPO / "graph" / "store.py"
    backends = {"graph.sqlite_store", "graph.sqlite_view", "graph.cypher_store", "graph.falkordb_store",
                "graph.neo4j_store", "graph.stores"}
    assert not [t for _, t in imports_of(path, "graph.store") if t in backends]


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
