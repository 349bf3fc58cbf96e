"""The ``govkg`` command. Subcommands are thin wrappers over library functions, loaded lazily
so that ``govkg --help`` stays fast and one area's import cost never slows another's command.

Whatever a command meets in its environment — a govkg error, a read-only or full disk, a folder it
may not write — ends as one line (``Error: …``, exit 1), never a traceback, and every message
shown has secrets masked (URI userinfo, the NEO4J_PASSWORD value)."""
from __future__ import annotations

import errno
import importlib

import click

__all__ = ["COMMANDS", "main", "os_error_line"]

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


_HINTS = {
    errno.EROFS: "the file system is read-only: set GOVKG_HOME (or the output path) to a writable folder",
    errno.EACCES: "no permission to write there: set GOVKG_HOME (or the output path) to a folder you own",
    errno.EPERM: "no permission to write there: set GOVKG_HOME (or the output path) to a folder you own",
    errno.ENOSPC: "the disk is full: free some space or set GOVKG_HOME to another disk",
    errno.EDQUOT: "the disk quota is used up: free some space or set GOVKG_HOME to another disk",
}


def os_error_line(err: OSError) -> str:
    """One line for an operating-system error: the file, the problem, what to do."""
    where = f"{err.filename}: " if err.filename else ""
    hint = _HINTS.get(err.errno or 0)
    return f"{where}{err.strerror or err}" + (f"; {hint}" if hint else "")


class LazyGroup(click.Group):
    def invoke(self, ctx: click.Context):
        from govkg.errors import GovkgError
        from govkg.settings import redact

        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            exc.message = redact(exc.message)
            raise
        except GovkgError as exc:
            raise click.ClickException(redact(" ".join(str(exc).split()))) from None
        except BrokenPipeError:               # `govkg stats | head`: the reader left, nothing to say
            import os
            import sys

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # no second error at exit
            raise SystemExit(0) from None
        except OSError as exc:
            raise click.ClickException(redact(os_error_line(exc))) from None

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
