"""The ``govkg`` command. Subcommands are thin wrappers over library functions, loaded lazily
so that ``govkg --help`` stays fast and one area's import cost never slows another's command."""
from __future__ import annotations

import importlib

import click

__all__ = ["COMMANDS", "main"]

# name -> "module:attribute"; each module lives in govkg/cli/ and holds only CLI glue.
COMMANDS: dict[str, str] = {
    "extract": "govkg.cli.extract_cmd:extract",
    "build": "govkg.cli.graph_cmd:build",
    "remove": "govkg.cli.graph_cmd:remove",
    "export": "govkg.cli.graph_cmd:export",
    "stats": "govkg.cli.graph_cmd:stats",
    "init": "govkg.cli.graph_cmd:init",
    "query": "govkg.cli.query_cmd:query",
    "queries": "govkg.cli.query_cmd:queries",
    "synth": "govkg.cli.extract_cmd:synth",
    "coursepack": "govkg.cli.app_cmd:coursepack",
    "explore": "govkg.cli.app_cmd:explore",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def main() -> None:
    """govkg — 社区治理实践知识图谱: extract, build, query and explore."""
