"""The ``--store`` option of the commands that open a graph: one of ``STORE_KINDS``; an earlier name of a store
(``memory`` for the embedded store) is accepted and read as today's."""
from __future__ import annotations

import click

from govkg.settings import STORE_KINDS, store_kind

__all__ = ["StoreChoice"]


class StoreChoice(click.Choice):
    """``click.Choice`` of the store kinds that reads an alias as the kind it names."""

    def __init__(self) -> None:
        super().__init__(STORE_KINDS)

    def convert(self, value, param, ctx):
        return super().convert(store_kind(value) if isinstance(value, str) else value, param, ctx)
