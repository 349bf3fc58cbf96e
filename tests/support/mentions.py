"""Mentions of invented test texts: every occurrence of each written form."""
from __future__ import annotations

from collections.abc import Iterable

from loaders.record import Mention


def mentions_of(text: str, forms: Iterable[str]) -> list[Mention]:
    """A Mention for every occurrence of every form in ``text``, form by form."""
    out = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            out.append(Mention(start=i, end=i + len(form), as_written=form))
            i = text.find(form, i + len(form))
    return out
