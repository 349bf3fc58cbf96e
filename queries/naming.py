"""What a person typed, resolved to a name in the graph: the name itself, an id, or an alias (濮阳 →
濮阳市, 网格化管理 → 网格化治理); anything else is an ``UnknownNameError`` carrying the closest known
names (rapidfuzz), never a silent empty answer. Built once per graph version from the ``names`` query."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from govkg.errors import UnknownNameError

__all__ = ["CLOSEST", "Names", "width_folded"]

CLOSEST = 5            # names suggested for an unknown one
_MIN_SCORE = 45        # rapidfuzz WRatio below which a name is not offered as close


@dataclass
class Names:
    """Per label: the ids and names the graph holds (``direct``), every alias → the names it stands
    for, and the names to suggest from."""
    direct: dict[str, set[str]] = field(default_factory=dict)
    aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)
    # per label, made at the first name not found as typed: the names by their width-folded form
    widths: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> Names:
        out = cls()
        for r in rows:
            label, name = r["label"], str(r["name"])
            out.direct.setdefault(label, set()).update((str(r["id"]), name))
            for alias in r.get("aliases") or []:
                bucket = out.aliases.setdefault(label, {}).setdefault(str(alias), [])
                if name not in bucket:
                    bucket.append(name)
            out.choices.setdefault(label, []).append(name)
        return out

    def resolve(self, label: str, value: str) -> str:
        """``value`` itself when the graph has it as an id or name (as typed or in simplified
        characters), else the one name it is an alias of; ``UnknownNameError`` with the closest names (or every name an ambiguous alias has)."""
        from loaders.reference import fold_name

        direct, aliases = self.direct.get(label, ()), self.aliases.get(label, {})
        if value in direct:
            return value
        folded = fold_name(value)  # 宜昌市點軍區 typed for a place the graph shows as 宜昌市点军区
        if folded in direct:
            return folded
        if label not in self.widths:     # （网格） typed for (网格): full-width forms folded as NFKC does
            self.widths[label] = {}
            for name in sorted(direct):
                self.widths[label].setdefault(width_folded(fold_name(name)), name)
        wide = self.widths[label].get(width_folded(folded))
        if wide is not None:
            return wide
        hits = aliases.get(value) or aliases.get(folded, [])
        if len(hits) == 1:
            return hits[0]
        raise UnknownNameError(label, value, sorted(hits) or self.closest(label, value))

    def closest(self, label: str, value: str, limit: int = CLOSEST) -> list[str]:
        from rapidfuzz import fuzz, process

        choices = sorted(set(self.choices.get(label, [])))
        found = process.extract(value, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=_MIN_SCORE)
        return [name for name, _score, _i in found]


def width_folded(name: str) -> str:
    """``name`` with full-width letters, digits and punctuation as their half-width forms."""
    return unicodedata.normalize("NFKC", name)
