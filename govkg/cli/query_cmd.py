"""``govkg query NAME -p key value ...`` (``--show-cypher``: the statement, not the rows) and ``govkg queries``:
thin wrappers over govkg.api."""
from __future__ import annotations

import re

import click

from govkg.cli.store_option import StoreChoice

__all__ = ["collect_params", "queries", "query", "render"]


def collect_params(pairs: tuple[tuple[str, str], ...]) -> dict[str, object]:
    """Repeated ``-p key value`` pairs -> dict; a key given twice becomes a list (``-p places A -p places B``)."""
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            prev = out[key]
            out[key] = [*prev, value] if isinstance(prev, list) else [prev, value]
        else:
            out[key] = value
    return out


def render(rows: list[dict], columns: list[str], fmt: str) -> str:
    import csv
    import io
    import json

    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    if not rows:
        return "(no rows)"
    width = 40

    def cell(value: object) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        return text if len(text) <= width else text[:width - 1] + "…"

    lines = ["\t".join(columns)]
    lines += ["\t".join(cell(r.get(c)) for c in columns) for r in rows]
    return "\n".join(lines)


@click.command()
@click.argument("name")
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="KEY VALUE",
              help="a parameter; repeat for lists (-p places 濮阳市 -p places 潜江市) or separate with commas")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--store", type=StoreChoice(), default=None,
              help="graph store (default: GOVKG_STORE)")
@click.option("--show-cypher", is_flag=True,
              help="print the Cypher this query sends to Neo4j/FalkorDB and its parameters (JSON), without "
                   "running it or opening a store")
def query(name: str, params: tuple[tuple[str, str], ...], fmt: str, store: str | None, show_cypher: bool) -> None:
    """Run the named query NAME (see `govkg queries`)."""
    from govkg import api
    from govkg.errors import GovkgError

    try:
        spec = api.query_spec(name)
        if show_cypher:
            _show_cypher(name, collect_params(params), store)
            return
        clean = api.check_params(name, collect_params(params))
        with api.open_configured_store(store) as st:
            rows = api.query(st, name, clean)
    except GovkgError as err:
        raise click.ClickException(str(err)) from err
    click.echo(render(rows, list(spec.columns), fmt))


def _show_cypher(name: str, params: dict[str, object], store: str | None) -> None:
    """The query's Cypher on stdout, then its parameters as one ``// parameters: {JSON}`` comment line
    (so the output stays valid Cypher); notes on stderr."""
    import json

    from govkg import api
    from govkg.settings import load_settings

    text, clean = api.query_cypher(name, params)
    click.echo(text.rstrip("\n"))
    click.echo("// parameters: " + json.dumps(clean, ensure_ascii=False, sort_keys=True))
    spec = api.query_spec(name)
    if any(p.names for p in spec.params if clean.get(p.name)):
        click.echo("注意：地名、做法和命名模式名称在查询运行时按图谱中的名称解析（如 濮阳 → 濮阳市）。", err=True)
    if spec.projection:
        click.echo(f"注意：{name} 没有自己的 Cypher 查询。以上是存储方法 projection('{spec.projection}') 读出整张图投影的语句"
                   f"（{spec.cypher_file}，无参数）；相似度、排序或聚类在 queries/{name}.py 中用 Python 完成，"
                   "查询参数也在那里使用，各存储结果一致。", err=True)
        if (store or load_settings().store) == "embedded":
            click.echo("注意：内置存储（embedded）不运行 Cypher，而是用 graph/projections.py 在内置图上取同样的行。", err=True)
    elif (store or load_settings().store) == "embedded":
        click.echo(f"注意：内置存储（embedded）不运行 Cypher，而是用 queries/{name}.py 的 fetch 在内置图上"
                   "取同样的行；以上是 Neo4j 和 FalkorDB 运行的语句。", err=True)


def _shell_word(word: str) -> str:
    """``word`` as a shell reads it: as it is when nothing in it is special to the shell (Chinese
    included), else quoted."""
    import shlex

    return word if word and not re.search(r"[\s'\"\\$`!;&|<>()*?#~{}\[\]]", word) else shlex.quote(word)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def queries(fmt: str) -> None:
    """List the named queries with their parameters, descriptions and examples."""
    import json

    from govkg.api import catalogue

    specs = catalogue()
    if fmt == "json":
        click.echo(json.dumps([s.as_dict() for s in specs], ensure_ascii=False, indent=2))
        return
    for s in specs:
        click.echo(f"{s.name} — {s.title}")
        click.echo(f"  {s.description}")
        for p in s.params:
            need = "required" if p.required else f"default {p.default!r}"
            click.echo(f"  -p {p.name} ({p.type}, {need}): {p.help}")
        if s.one_of:
            click.echo(f"  exactly one of: {', '.join(s.one_of)}")
        if s.any_of:
            click.echo(f"  at least one of: {', '.join(s.any_of)}")
        click.echo(f"  columns: {', '.join(s.columns)}")
        for example in s.examples:
            click.echo("  example: govkg query " + " ".join(map(_shell_word, s.example_args(example))))
        click.echo("")
