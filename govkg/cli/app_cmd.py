"""``govkg explore`` (build the bundled corpus if the graph is empty, then start the explorer) and
``govkg coursepack`` (assemble a case pack from named queries and export it)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

__all__ = ["coursepack", "explore"]


def _fail(exc: Exception) -> None:
    raise click.ClickException(str(exc)) from exc


@click.command()
@click.option("--port", type=int, default=8501, show_default=True, help="port of the Streamlit server")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on; the explorer has no login and its import page writes to the graph, "
                   "so only this machine can reach it unless you pass another address (0.0.0.0: every interface)")
@click.option("--no-build", is_flag=True, help="do not build the bundled corpus even if the graph is empty")
def explore(port: int, host: str, no_build: bool) -> None:
    """Open the explorer (Streamlit) on http://127.0.0.1:PORT; builds the bundled corpus into the
    configured store first when there is no graph yet."""
    from govkg.api import ensure_graph, indexes_outdated, open_configured_store, refresh_indexes
    from govkg.errors import GovkgError, StoreUnavailable

    try:
        store = open_configured_store()     # left open while the explorer runs (a server store's server too)
        outdated = indexes_outdated(store)
        if outdated:                        # govkg upgraded: the indexes computed once here, not by a page
            click.echo(f"the graph's kept indexes are from another version of govkg: computing them again "
                       f"({outdated:,} documents)…", err=True)
            try:
                refresh_indexes(store)
            except StoreUnavailable as exc:  # a read-only home is still explored (its queries say what to do)
                click.echo(f"warning: the kept indexes were not computed again: {exc}", err=True)
        if not no_build:
            built = ensure_graph(store)
            if built:
                click.echo(f"built the bundled corpus into the graph: {built} documents")
    except GovkgError as exc:
        _fail(exc)
    app = Path(__file__).resolve().parents[2] / "streamlit_app.py"
    from govkg.settings import load_settings

    try:
        limit = load_settings().max_upload_mb
    except GovkgError as exc:
        _fail(exc)
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
           "--server.address", host, "--server.headless", "true", "--server.maxUploadSize", str(limit)]
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can read the graph and "
                   "import into it (the explorer has no login)", err=True)
    raise SystemExit(subprocess.call(cmd, cwd=str(app.parent)))


@click.command()
@click.option("--practice", "practices", multiple=True, help="canonical practice name (repeatable)")
@click.option("--place", "places", multiple=True, help="place name, e.g. 濮阳市 (repeatable)")
@click.option("--model", "models", multiple=True, help="named model name, e.g. 12341 (repeatable)")
@click.option("--title", default="", help="title of the pack (default: made from the selection)")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="output file: .md, .docx or .pdf")
def coursepack(practices: tuple[str, ...], places: tuple[str, ...], models: tuple[str, ...], title: str,
               out: Path) -> None:
    """Assemble a case pack (background, model and components, measures, figures, comparison table,
    discussion questions, a citation for every fact) and write it as Markdown, DOCX or PDF."""
    from govkg.api import assemble_coursepack, open_configured_store, query_runner, write_coursepack
    from govkg.errors import GovkgError

    if not (practices or places or models):
        raise click.UsageError("choose at least one --practice, --place or --model")
    from govkg.coursepack.check import citation_mismatches

    try:
        store = open_configured_store()
        pack = assemble_coursepack(query_runner(store), practices, places, models, title)
        mismatches = citation_mismatches(pack)
        if mismatches:       # the assembler keeps only held claims: this is a bug, not bad input
            for m in mismatches:
                click.echo(f"citation check: {m.where}: “{m.fact[:60]}” cites “{m.quote[:60]}”, "
                           f"which lacks {m.missing[:40]}", err=True)
            raise GovkgError(f"{len(mismatches)} citation(s) do not contain their fact; nothing written")
        path = write_coursepack(pack, out)
    except GovkgError as exc:
        _fail(exc)
    facts = len(pack.all_facts())
    click.echo(f"wrote {path}: {facts} facts, {len(pack.citations())} citations; every cited quote "
               "contains its fact")
