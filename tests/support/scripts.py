"""Scripts that are not packages (benchmarks/*.py, the reference checker), imported by path for their tests."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

__all__ = ["load_script"]


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """The script at ``path`` run as module ``name`` (default ``<stem>_script``), registered in ``sys.modules``
    first so that its dataclasses find their module."""
    spec = importlib.util.spec_from_file_location(name or f"{path.stem}_script", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
