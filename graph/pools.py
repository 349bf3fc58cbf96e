"""Helper processes of a build's writer (``graph/delta_pool.py``, ``graph/sqlite_rows.py``'s fill): a
``multiprocessing`` pool whose processes never outlive the writer and leave Ctrl-C to it."""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
from typing import Any

__all__ = ["can_fork", "pool"]


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when the one that started it dies (PR_SET_PDEATHSIG): a pool's process
    otherwise waits for tasks for ever once its parent is killed."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C reaches the whole group; the writer decides


def pool(processes: int) -> Any:
    """A pool of ``processes`` forked processes (spawned where fork is not available)."""
    return mp.get_context("fork" if can_fork() else "spawn").Pool(processes, initializer=_die_with_parent)
