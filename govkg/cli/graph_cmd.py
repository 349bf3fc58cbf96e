"""CLI glue for the graph: ``build``, ``remove``, ``export``, ``stats``, ``init``.
Library code lives in ``graph/``, reached through ``govkg.api`` where the app calls it too; heavy imports happen inside the commands."""
from __future__ import annotations

import json

import click

from govkg.cli.store_option import StoreChoice

__all__ = ["build", "export", "init", "remove", "stats"]

_STORE = click.option("--store", "store_name", type=StoreChoice(),
                      default=None, help="graph store (default: GOVKG_STORE, else embedded)")


def _open(store_name: str | None):
    from govkg.api import open_configured_store
    from govkg.errors import GovkgError

    try:
        return open_configured_store(store_name)
    except GovkgError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@_STORE
@click.option("--workers", default=1, show_default=True, help="extraction worker processes")
@click.option("--quiet", is_flag=True, help="no progress bar")
def build(paths: tuple[str, ...], store_name: str | None, workers: int, quiet: bool) -> None:
    """Extract documents (files, folders or .jsonl records; default: the bundled corpus) and load
    them into the graph. Unchanged documents are skipped; changed ones replace their old facts.

    Exit status: 0 every document loaded or unchanged, 1 any document failed (each named on one
    line) or no supported document was found, 2 usage error."""
    from govkg.api import build as build_paths
    from govkg.errors import GovkgError
    from govkg.settings import CORPUS_DIR

    targets = list(paths) or [str(CORPUS_DIR)]
    with _open(store_name) as store:
        try:
            report = build_paths(targets, store, progress=not quiet, workers=workers)
        except GovkgError as exc:
            raise click.ClickException(str(exc)) from exc
    for _source, line in report.failed:
        click.echo(f"failed: {line}", err=True)
    click.echo(report.summary())
    if not report.documents:
        raise click.ClickException("no supported documents (.txt .html .pdf .docx .doc, or .jsonl records) "
                                   "under: " + " ".join(targets))
    if report.failed:
        raise SystemExit(1)


@click.command()
@click.argument("doc_id")
@_STORE
def remove(doc_id: str, store_name: str | None) -> None:
    """Remove a document and every fact only it supported."""
    with _open(store_name) as store:
        title = _titles(store).get(doc_id, "")
        if not store.remove_document(doc_id):
            raise click.ClickException(f"no document {doc_id!r} in the {store.kind} store "
                                       "(`govkg stats --documents` lists their ids and titles)")
    click.echo(f"removed {doc_id} {title}".rstrip())


@click.command()
@_STORE
@click.option("--documents", is_flag=True, help="also list the documents: id, title (place · kind · date), version")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def stats(store_name: str | None, documents: bool, as_json: bool) -> None:
    """Node counts per label and relationship counts per type."""
    with _open(store_name) as store:
        data: dict = store.stats()
        if documents:
            data["documents"] = store.documents()
            data["document_titles"] = _titles(store)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for section in ("nodes", "relationships"):
        click.echo(f"{section}: {sum(data[section].values())}")
        for name, n in data[section].items():
            click.echo(f"  {name:<18} {n}")
    titles = data.get("document_titles", {})
    for doc_id, version in data.get("documents", {}).items():
        click.echo(f"document {doc_id}  {titles.get(doc_id) or '（无标题）'}  version {version}")


def _titles(store) -> dict[str, str]:
    """document id -> how people name it: 《title》 (place · kind · date), from the ``inventory`` query."""
    from govkg.api import query as run
    from govkg.coursepack.evidence import display_title

    out = {}
    from govkg.api import ALL_ROWS

    for r in run(store, "inventory", {"section": "document", "limit": ALL_ROWS}):
        if r["section"] == "document":
            where = " · ".join(x for x in (r.get("place"), r.get("kind"), r.get("date")) if x)
            out[r["id"]] = f"《{display_title(r)}》" + (f"（{where}）" if where else "")
    return out


@click.command()
@_STORE
def init(store_name: str | None) -> None:
    """Create indexes, constraints and the practice taxonomy, and compute the indexes the embedded store
    keeps for the whole-graph queries where they are missing or an earlier version of govkg computed
    them (idempotent; run it once after upgrading govkg on a large graph)."""
    import time

    from govkg.api import indexes_outdated, refresh_indexes
    from govkg.errors import GovkgError

    with _open(store_name) as store:
        try:
            outdated = indexes_outdated(store)
            if outdated:
                click.echo(f"{store.kind}: computing the kept indexes again for this version of govkg "
                           f"({outdated:,} documents)…", err=True)
            started = time.monotonic()
            kept = refresh_indexes(store)
        except GovkgError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"{store.kind}: schema ready" + (f"; indexes kept: {', '.join(kept)} "
                                                     f"({time.monotonic() - started:.1f} s)" if kept else ""))


@click.command()
@_STORE
@click.option("--format", "fmt", type=click.Choice(["graphml", "csv", "cypher"]), required=True)
@click.option("--out", "out", type=click.Path(), required=True,
              help="file (graphml, cypher) or folder (csv)")
def export(store_name: str | None, fmt: str, out: str) -> None:
    """Export the graph: GraphML (Gephi), CSV for neo4j-admin import, or a Cypher script."""
    from govkg.api import export as export_graph

    with _open(store_name) as store:
        written = export_graph(store, fmt, out)
    for path in written:
        click.echo(str(path))
