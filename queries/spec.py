"""What a named query declares: its parameters (``Param``, with their checks) and its ``QuerySpec``
(name, title, description, parameters, columns). Each ``queries/<name>.py`` holds its ``SPEC``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from govkg.errors import QueryError

__all__ = ["EVIDENCE", "MAX_TEXT", "K", "Param", "QuerySpec"]

MAX_TEXT = 2000
_LIST_SPLIT = re.compile(r"[,，、;；]")


@dataclass(frozen=True)
class Param:
    name: str
    type: str                  # "str" | "int" | "float" | "list[str]" | "bool"
    help: str
    default: Any = None
    required: bool = False
    min: float | None = None
    max: float | None = None
    names: str | None = None       # "Place" | "Practice" | "NamedModel": resolved against the graph's names
    choices: tuple[str, ...] = ()  # the only values a "str" parameter takes (none: any text)

    def convert(self, query: str, value: Any) -> Any:
        where = f"query {query!r}, parameter {self.name!r}"
        if self.type == "list[str]":
            items = value if isinstance(value, (list, tuple)) else [value]
            out: list[str] = []
            for item in items:
                if not isinstance(item, str):
                    raise QueryError(f"{where}: expected text, got {item!r}")
                out.extend(p.strip() for p in _LIST_SPLIT.split(item) if p.strip())
            for item in out:
                self._check_len(where, item)
            return list(dict.fromkeys(out))
        if isinstance(value, (list, tuple)):
            if len(value) != 1:
                raise QueryError(f"{where}: takes one value, got {len(value)}; pass it once")
            value = value[0]
        if self.type == "str":
            if not isinstance(value, str):
                raise QueryError(f"{where}: expected text, got {value!r}")
            value = value.strip()
            self._check_len(where, value)
            if self.choices and value not in self.choices:
                raise QueryError(f"{where}: one of {', '.join(self.choices)}, got {value!r}")
            return value
        if self.type in ("int", "float"):
            cast = int if self.type == "int" else float
            try:
                number = cast(value)
            except (TypeError, ValueError):
                raise QueryError(f"{where}: expected a {'whole ' if cast is int else ''}number, "
                                 f"got {value!r}") from None
            if (self.min is not None and number < self.min) or (self.max is not None and number > self.max):
                raise QueryError(f"{where}: must be between {self.min:g} and {self.max:g}, got {number}")
            return number
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "y", "是"):
                return True
            if text in ("0", "false", "no", "n", "否"):
                return False
            raise QueryError(f"{where}: expected true or false, got {value!r}")
        raise QueryError(f"{where}: unknown parameter type {self.type!r}")

    @staticmethod
    def _check_len(where: str, text: str) -> None:
        if len(text) > MAX_TEXT:
            raise QueryError(f"{where}: text longer than {MAX_TEXT} characters; shorten it")


@dataclass(frozen=True)
class QuerySpec:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    one_of: tuple[str, ...] = ()          # exactly one of these must be given
    any_of: tuple[str, ...] = ()          # at least one of these must be given
    # parameters of the raw-row fetch that the finisher sets, not the user, with the values that read
    # every row (so a fetch given only the user's parameters, or ``--show-cypher``, has them all)
    row_params: tuple[tuple[str, Any], ...] = ()
    # the whole-graph projection (``graph.projections``, ``GraphStore.projection``) the query computes its
    # answer from in Python; such a query has no ``.cypher`` of its own
    projection: str = ""
    # parameters that show what the query is for, each answered on the bundled corpus: listed by
    # ``govkg queries``, and the cases of the conformance suite (every store, raw and finished rows)
    examples: tuple[dict[str, Any], ...] = field(default=(), hash=False, compare=False)

    @property
    def cypher_file(self) -> str:
        """The Cypher file that gives the query's rows: its own, or its projection's (a store statement)."""
        if self.projection:
            return f"graph/cypher/projection_{self.projection}.cypher"
        return f"queries/{self.name}.cypher"

    @property
    def python_file(self) -> str:
        return f"queries/{self.name}.py"

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "title": self.title, "description": self.description,
            "params": [{"name": p.name, "type": p.type, "default": p.default, "required": p.required,
                        "help": p.help} for p in self.params],
            "one_of": list(self.one_of), "any_of": list(self.any_of),
            "columns": list(self.columns), "cypher": self.cypher_file, "python": self.python_file,
            "examples": [dict(e) for e in self.examples],
        }

    def example_args(self, example: dict[str, Any]) -> list[str]:
        """``example`` as the arguments of ``govkg query`` (``-p name value``; a list joined by commas)."""
        args = [self.name]
        for name, value in example.items():
            args += ["-p", name, ",".join(map(str, value)) if isinstance(value, list) else str(value)]
        return args


#: the evidence columns every row with a fact carries
EVIDENCE = ("doc_id", "quote", "start", "end")
#: how many results (the common ``k`` parameter)
K = Param("k", "int", "how many results", default=10, min=1, max=200)
