"""Long-lived objects kept out of the cyclic garbage collector's passes (``freeze_heap``)."""
from __future__ import annotations

import gc

__all__ = ["freeze_heap"]


def freeze_heap() -> None:
    """Move every object alive now out of the cyclic garbage collector's sight (``gc.freeze``, a
    constant-time move).

    The embedded graph's view and the per-version indexes are millions of long-lived dicts, lists and
    tuples; without this each full collection walks all of them (over a second at 20k documents; a
    third of a warm query's time at 20,000 documents for what a view has loaded), which lands on
    whatever query happens to allocate at that moment. Frozen objects are still freed by reference
    counting when a later version replaces them, so what is frozen must form no reference cycle
    (``graph/sqlite_view.py`` keeps none). Called after an index is built (``queries.rows.cached``)
    and before each read of a view (``SQLiteGraphView._all``).
    """
    gc.freeze()
