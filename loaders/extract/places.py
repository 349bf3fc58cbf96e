"""Extraction step: places. (Placeholder until the rules land: adds nothing to the context.)"""
from __future__ import annotations

from loaders.extract.context import Context


def extract_places(ctx: Context) -> None:
    return None
