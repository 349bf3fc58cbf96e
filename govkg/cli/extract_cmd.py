"""``govkg extract`` and ``govkg synth``: thin wrappers over ``govkg.api`` (which runs loaders.batch and loaders.synth)."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

__all__ = ["extract", "synth"]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL file to write, one extraction record per line.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes (or Dask workers with --scheduler local).")
@click.option("--resume", is_flag=True, help="Keep records already in --out (same source and doc_id) and append.")
@click.option("--scheduler", default=None, metavar="ADDRESS|local",
              help="Run on Dask distributed: 'local' starts a LocalCluster, else a scheduler address.")
@click.option("--timeout", "timeout_s", default=None, type=click.FloatRange(0),
              help="Seconds one document may take; its worker is then stopped (0 = no limit; not on Dask). "
                   "Default: GOVKG_EXTRACT_TIMEOUT_S, else 120.")
@click.option("--chunksize", default=8, show_default=True, type=click.IntRange(1, 10_000),
              help="Documents sent to a Dask worker at a time.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def extract(paths: tuple[Path, ...], out: Path, workers: int, resume: bool, scheduler: str | None,
            timeout_s: float | None, chunksize: int, quiet: bool) -> None:
    """Extract records from PATH... (files or folders; default: the bundled corpus) into --out.

    Exit status: 0 all documents extracted, 1 some failed (each named on one line), 2 usage error.
    """
    import contextlib

    from tqdm import tqdm

    from govkg import api
    from govkg.errors import GovkgError
    from govkg.settings import CORPUS_DIR

    inputs = list(paths) or [CORPUS_DIR]
    total = api.count_inputs(inputs)
    if total == 0:
        raise click.UsageError("no supported documents (.txt .html .pdf .docx .doc) under: "
                               + " ".join(map(str, inputs)))
    if out.resolve() in {p.resolve() for p in inputs}:
        raise click.UsageError("--out must not be one of the input files")
    if not out.parent.is_dir():
        raise click.UsageError(f"--out {out}: folder {out.parent} does not exist")
    results = api.extract_into(out, inputs, resume=resume, workers=workers, timeout_s=timeout_s,
                               chunksize=chunksize, scheduler=scheduler)
    counts: Counter[str] = Counter()
    ok = skipped = 0
    failures: list[str] = []
    bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=quiet or None, dynamic_ncols=True)
    try:
        with contextlib.closing(results):          # the output is flushed and closed whatever happens
            for result in results:
                bar.update(1)
                if result.skipped:
                    skipped += 1
                elif result.error is not None:
                    failures.append(result.error)
                else:
                    ok += 1
                    counts.update(result.counts)
    except GovkgError as err:
        raise click.ClickException(str(err)) from None
    finally:
        bar.close()
    click.echo(f"documents: {ok} extracted, {skipped} already in {out}, {len(failures)} failed (of {total})")
    click.echo("entities: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in api.entity_kinds()))
    if failures:
        click.echo("failures:", err=True)
        for message in failures:
            click.echo(f"  {message}", err=True)
        sys.exit(1)


@click.command()
@click.option("--docs", "n_docs", required=True, type=click.IntRange(1), help="How many documents to write.")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write into (shards of 1000 files).")
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed, same corpus.")
@click.option("--source", "source", default=None, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of .txt documents to recombine (default: the bundled corpus).")
def synth(n_docs: int, out: Path, seed: int, source: Path | None) -> None:
    """Write a synthetic corpus: the bundled documents' paragraphs recombined, other places swapped in."""
    import time

    from govkg.api import write_synthetic_corpus
    from govkg.settings import CORPUS_DIR

    start = time.perf_counter()
    stats = write_synthetic_corpus(out, n_docs, seed, source or CORPUS_DIR)
    secs = time.perf_counter() - start
    click.echo(f"wrote {stats.documents} documents, {stats.bytes / 1e6:.1f} MB, in {stats.shards} shards "
               f"under {out} ({secs:.1f} s)")
