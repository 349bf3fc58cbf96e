"""What the command line and the explorer both call: open the configured store, extract, build,
query (or show the Cypher a query sends), export and assemble a course pack.

The layers, top to bottom: ``app`` → ``govkg`` (cli, coursepack, api) → ``queries`` → ``graph`` →
``loaders`` → ``govkg.errors``/``govkg.settings``; a module imports only from its own layer or lower
ones (``tests/test_layers.py``). Imports happen inside the functions, so importing this module is
cheap and ``govkg --help`` stays fast.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator

    from govkg.coursepack.model import CasePack
    from govkg.settings import Settings
    from graph.build import BuildReport
    from graph.store import GraphStore
    from loaders.batch import BatchResult
    from loaders.synth import SynthStats
    from loaders.workers import Workers
    from queries.spec import QuerySpec

__all__ = ["ALL_ROWS", "Runner", "assemble_coursepack", "build", "catalogue", "check_params", "count_inputs", "ensure_graph",
           "entity_kinds", "export", "extract", "extract_into", "extraction_workers", "graph_version",
           "indexes_outdated", "open_configured_store", "query", "query_cypher", "query_runner", "query_spec",
           "quote_span", "refresh_indexes", "resolve_name", "simplified", "write_coursepack", "write_synthetic_corpus"]

Runner = Callable[[str, dict], list[dict]]


#: ``limit`` that gives every row of a query that answers a page at a time (``inventory``, ``names``)
ALL_ROWS = 2**31 - 1


def open_configured_store(name: str | None = None, settings: Settings | None = None) -> GraphStore:
    """The store ``name`` (embedded | falkordb | neo4j; ``memory`` = embedded); None → the GOVKG_STORE setting (``settings``, else
    the environment's); the embedded store maintains the queries' row indexes in every write
    (``queries.registry.maintain_indexes``)."""
    from graph.stores import open_store
    from queries.registry import maintain_indexes

    return maintain_indexes(open_store(name, settings))


def graph_version(store: GraphStore) -> Hashable:
    """A key that changes whenever the store's graph changes (what answers are cached by)."""
    from queries.registry import graph_version as version_of

    return version_of(store)


# -- extract and build ------------------------------------------------------------------------------

def extract(path: str | Path) -> BatchResult:
    """One document's extraction (in a worker process with the time and memory limits)."""
    from loaders.batch import extract_one

    return extract_one(str(path))


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many supported documents ``paths`` (files and folders) hold."""
    from loaders.read.files import iter_inputs

    return sum(1 for _ in iter_inputs(paths))


def entity_kinds() -> tuple[str, ...]:
    """The kinds of entity an extraction record counts, in the order they are reported."""
    from loaders.batch import ENTITY_KINDS

    return tuple(ENTITY_KINDS)


def extract_into(out: Path, paths: Iterable[str | Path], *, resume: bool = False, workers: int = 1,
                 timeout_s: float | None = None, chunksize: int = 8,
                 scheduler: str | None = None) -> Iterator[BatchResult]:
    """Extract every supported file under ``paths`` into the JSONL file ``out`` (one record a line),
    yielding each document's result once its line is written; ``resume`` keeps the records ``out``
    holds and skips their unchanged documents. The file is flushed and closed when the iterator ends
    or is closed."""
    from loaders.batch import close_output, extract_paths, open_output, write_line

    fh, done = open_output(out, resume)
    try:
        for result in extract_paths(paths, workers, done=done, timeout_s=timeout_s, chunksize=chunksize,
                                    scheduler=scheduler):
            if not result.skipped and result.error is None:
                write_line(fh, result.line)
            yield result
    finally:
        close_output(fh)


def write_synthetic_corpus(out: Path, n_docs: int, seed: int, source: Path) -> SynthStats:
    """``n_docs`` synthetic documents under ``out`` (``source``'s paragraphs recombined, places swapped)."""
    from loaders.synth import write_corpus

    return write_corpus(out, n_docs, seed=seed, source=source)


def extraction_workers(timeout_s: float, memory_mb: int) -> Workers:
    """One extraction worker process, kept warm, every document under the time and memory limits
    (``Workers.run(path)``); close it when done."""
    from loaders.workers import Workers

    return Workers(1, timeout_s, memory_mb)


def quote_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the quote of ``text[start:end]`` lies: the sentence (or run of sentences) that states it,
    as every quote of the graph is made (``graph.quotes.sentence_span``)."""
    from graph.quotes import sentence_span

    return sentence_span(text, start, end)


def simplified(name: str) -> str:
    """``name`` in simplified characters (長春市 → 长春市): what a person types for a name a mirror page
    writes in traditional ones."""
    from loaders.reference import fold_name

    return fold_name(name)


def build(paths: Iterable[str | Path], store: GraphStore, progress: bool = False, workers: int = 1,
          keep: bool = True) -> BuildReport:
    """Extract ``paths`` (files, folders or .jsonl records) and load them into ``store``; then (``keep``)
    the indexes the store keeps for the whole-graph queries are built for the new graph, so the first
    query of any later process is not the one that builds them. Without ``keep`` (the explorer's
    import of a few files) each index is built, and kept, by the first query that needs it."""

    from govkg.errors import StoreUnavailable
    from graph.build import build_paths
    from queries.registry import keep_indexes

    report = build_paths(list(paths), store, progress=progress, workers=workers)
    if not keep:
        return report
    try:
        keep_indexes(store)
    except StoreUnavailable:
        pass              # the build already said why the store takes no write
    return report


def indexes_outdated(store: GraphStore) -> int | None:
    """The number of documents of a graph whose kept indexes another revision of govkg computed
    (``graph/revision.py``: govkg upgraded), which ``refresh_indexes`` computes again; None where they
    are this code's or the store keeps none."""
    from queries.kept import outdated_documents

    return outdated_documents(store)


def refresh_indexes(store: GraphStore) -> list[str]:
    """Compute, in the store, every index it keeps that is missing or was computed by another revision
    of govkg (``govkg init``; every build does the same last), so that no query computes one in memory;
    the names kept (none on a store that keeps no index)."""
    from queries.registry import keep_indexes

    store.init_schema()
    return keep_indexes(store)


def ensure_graph(store: GraphStore | None = None) -> int:
    """Build the bundled corpus into the store if it holds no document; returns how many were built."""
    from govkg.settings import CORPUS_DIR
    from loaders import iter_paths
    from queries.registry import run

    store = store or open_configured_store()
    if run(store, "inventory", {"section": "document", "limit": 1}):
        return 0
    paths = list(iter_paths([CORPUS_DIR]))
    build(paths, store, progress=True)
    return len(paths)


# -- query --------------------------------------------------------------------------------------------

def query(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of named query ``name`` (dicts with its columns); QueryError on bad parameters."""
    from queries.registry import run

    return [dict(r) for r in run(store, name, params)]


def query_spec(name: str) -> QuerySpec:
    """The spec of named query ``name``; QueryError naming the known ones otherwise."""
    from queries.registry import get

    return get(name)


def check_params(name: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Parameters of query ``name`` converted to their types, defaults filled in; QueryError saying
    what to pass otherwise."""
    from queries.registry import validate

    return validate(name, params)


def catalogue() -> list[QuerySpec]:
    """Every named query's spec, in a fixed order."""
    from queries.registry import catalogue as specs

    return specs()


def resolve_name(store: GraphStore, label: str, value: str) -> str:
    """``value`` as the graph names it (濮阳 → 濮阳市); ``UnknownNameError`` with the closest names otherwise."""
    from queries.registry import resolve_name as resolve

    return resolve(store, label, value)


def query_runner(store: GraphStore) -> Runner:
    """``query`` bound to ``store``: what the pages and the course pack call."""
    def runner(name: str, params: dict) -> list[dict]:
        return query(store, name, params)
    return runner


def query_cypher(name: str, params: Mapping[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """The Cypher text named query ``name`` sends to Neo4j and FalkorDB, and its parameters (checked,
    defaults filled in), without opening a store; for a query that computes over the whole graph, the
    statement of the store projection it reads (no parameters: the query's act in Python). Place,
    practice and named-model names are resolved against the graph's names only when the query runs
    (濮阳 → 濮阳市)."""
    from queries import load_cypher
    from queries.registry import get, validate

    spec = get(name)
    clean = validate(name, params)
    if spec.projection:                 # the store's projection, sent without parameters (they act in Python)
        from graph.projections import statement_name
        from graph.statements import statement_text

        return statement_text(statement_name(spec.projection)), {}
    return load_cypher(spec.name), {**dict(spec.row_params), **clean}


# -- export -------------------------------------------------------------------------------------------

def export(store: GraphStore, fmt: str, out: str | Path) -> list[Path]:
    """Write the graph as ``fmt`` (graphml | csv | cypher) to ``out``; the paths written."""
    from graph.export import export_graph

    return export_graph(store, fmt, out)


# -- course pack ----------------------------------------------------------------------------------------

def assemble_coursepack(run: Runner, practices: Sequence[str] = (), places: Sequence[str] = (),
                        models: Sequence[str] = (), title: str = "") -> CasePack:
    """A case pack for the selection, from named queries run through ``run``."""
    from govkg.coursepack import assemble_pack
    from govkg.coursepack.gather import gather

    return assemble_pack(gather(run, practices, places, models), title)


def write_coursepack(pack: CasePack, out: str | Path) -> Path:
    """Write ``pack`` as Markdown, DOCX or PDF (by the suffix of ``out``)."""
    from govkg.coursepack import export_pack

    return export_pack(pack, out)
