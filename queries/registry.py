"""The catalogue of named queries and the one entry point that runs them on any store.

Each named query has: a ``.cypher`` file in ``queries/`` (run on Neo4j and FalkorDB), and beside it
``queries/<name>.py`` with ``fetch(graph, **params)``, which returns the same rows from the embedded
store's graph, and ``finish(fetch, params, version)`` — pure Python, the same for every store — that
grades, ranks, groups and picks evidence. Because the
finisher is shared and both fetches return the same raw rows, every store gives the same answer.

``run(store, name, params)`` validates parameters (types, defaults, required, one-of groups) and
raises :class:`govkg.errors.QueryError` with a message that says what to pass. Parameters reach the
stores only as Cypher parameters; no query text is ever built from them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from govkg.errors import QueryError

__all__ = [
    "MAX_TEXT",
    "QUERIES",
    "Param",
    "QuerySpec",
    "catalogue",
    "fetcher",
    "get",
    "graph_version",
    "resolve_names",
    "run",
    "validate",
]

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
    tags: tuple[str, ...] = field(default=())

    @property
    def cypher_file(self) -> str:
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
        }


_EVIDENCE = ("doc_id", "quote", "start", "end")
_K = Param("k", "int", "how many results", default=10, min=1, max=200)

QUERIES: tuple[QuerySpec, ...] = (
    QuerySpec(
        "city_profile", "地方画像",
        "Everything about a place: practices by category, named models with components, policies with "
        "status, agencies, figures, whom it learned from and who learned from it, its documents.",
        (Param("place", "str", "place name (e.g. 濮阳市), alias or id", required=True, names="Place"),),
        ("place_id", "place", "section", "category", "name", "detail", "status", "practices", "id", *_EVIDENCE),
    ),
    QuerySpec(
        "compare_cities", "城市对比",
        "A place × practice matrix: each cell lists the measures (measure_list: each with its grade, the "
        "sentence naming the practice and the sentence stating it), the best quote and an evidence grade "
        "(quantified: a figure of the place measures the practice; described: a concrete measure; claimed: "
        "a statement or a plan only).",
        (Param("places", "list[str]", "two or more places (repeat, or separate with commas)", required=True,
               names="Place"),
         Param("practices", "list[str]", "practices to show (default: all the places have)", default=[],
               names="Practice")),
        ("place_id", "place", "practice", "grade", "measures", "measure_count", "measure_list", *_EVIDENCE),
    ),
    QuerySpec(
        "similar_practices", "相似做法",
        "Measures and named models from other places that resemble a text, a measure or a named model, "
        "ranked by a blend of character n-gram TF-IDF, shared practices, shared components and rapidfuzz.",
        (Param("text", "str", "free text describing a practice"),
         Param("measure", "str", "a measure id (me_…)"),
         Param("named_model", "str", "a named model id (nm_…) or name"),
         Param("place", "str", "leave out this place's own items (name or id)", names="Place"),
         _K),
        ("rank", "kind", "id", "name", "place_id", "place", "score", "why", *_EVIDENCE),
        one_of=("text", "measure", "named_model"),
    ),
    QuerySpec(
        "exemplars", "典型地方",
        "Places ranked by the strength of their evidence for a practice: figures, recognition by a higher "
        "level (provincial bulletins, national pilots), number of documents; with the best quote.",
        (Param("practice", "str", "canonical practice name, e.g. 红色物业", required=True, names="Practice"), _K),
        ("rank", "place_id", "place", "strength", "grade", "figures", "recognition", "documents",
         "measure_count", *_EVIDENCE),
    ),
    QuerySpec(
        "named_model", "命名模式",
        "A named model: definition, ordered components (with the practices they map to), its practices, "
        "and other places that use the same name for something else.",
        (Param("name", "str", "the model's name as written, e.g. 12341", required=True, names="NamedModel"),
         Param("owner", "str", "owner place (name or id), where several places use the name", names="Place")),
        ("model_id", "model", "owner", "section", "order", "name", "detail", *_EVIDENCE),
    ),
    QuerySpec(
        "learning_network", "学习借鉴网络",
        "Who learned from whom (with what and when), and how named models spread: the places that use "
        "each shared model name, earliest first (the diffusion view).",
        (Param("limit", "int", "most rows per section", default=500, min=1, max=100000),),
        ("section", "learner_id", "learner", "source_id", "source", "what", "year", *_EVIDENCE),
    ),
    QuerySpec(
        "policies", "政策文件",
        "Policies of a place or an agency with issuer, date and status; promised work (planned or drafting "
        "policies and planned measures) listed separately as commitments.",
        (Param("place", "str", "place name or id", names="Place"), Param("agency", "str", "agency canonical name or id")),
        ("section", "id", "title", "issuer", "date", "status", *_EVIDENCE),
        any_of=("place", "agency"),
    ),
    QuerySpec(
        "search", "全文检索",
        "Full-text search over documents and entities that works for Chinese, two-character queries "
        "included (减负): substring semantics, a character bigram index, the same ranking on every store.",
        (Param("text", "str", "words to find; several words separated by spaces", required=True),
         Param("kinds", "list[str]", "only these kinds (Document, NamedModel, Measure, Policy, Agency, "
               "Place, Practice)", default=[]),
         Param("limit", "int", "how many hits", default=20, min=1, max=500)),
        ("rank", "kind", "id", "name", "score", *_EVIDENCE),
    ),
    QuerySpec(
        "similar_cities", "相似地方",
        "Places whose practice sets resemble a place's: Jaccard over practice sets and cosine over "
        "practice counts (measures per practice), with the shared practices.",
        (Param("place", "str", "place name or id", required=True, names="Place"), _K),
        ("rank", "place_id", "place", "jaccard", "cosine", "shared", *_EVIDENCE),
    ),
    QuerySpec(
        "practice_communities", "实践群落",
        "Practices that tend to occur together: Louvain communities of the practice–practice projection "
        "of the place–practice graph (weights: places sharing both).",
        (Param("min_places", "int", "ignore practices seen in fewer places", default=1, min=1, max=100000),),
        ("community", "practice", "places", "size", "top_places", *_EVIDENCE),
    ),
    QuerySpec(
        "inventory", "图谱概览",
        "What the graph holds, for overviews and pick lists: one row per document, place (count = measures "
        "it implements), practice (count = places adopting it), named model (count = listed components, "
        "place = owner) and policy; one measure_total row (count = all measures); with place, one row per "
        "measure that place implements (date = year). No document text and no evidence.",
        (Param("place", "str", "also list the measures this place (name, alias or id) implements",
               names="Place"),),
        ("section", "id", "name", "kind", "place", "level", "issuer", "date", "status", "count"),
    ),
    QuerySpec(
        "names", "名称",
        "Every place (with its aliases: customary short forms), practice (with its taxonomy aliases) and "
        "named model name: what typed names are resolved against (濮阳 → 濮阳市), and where the closest "
        "names for an unknown one come from.",
        (Param("label", "str", "only this kind: Place, Practice or NamedModel (default: all three)"),),
        ("label", "id", "name", "aliases"),
    ),
    QuerySpec(
        "document", "文档原文",
        "One document's metadata and full text by its id (the hash of its normalized text); no row when "
        "there is no such document.",
        (Param("doc", "str", "document id (16 hex characters, as in `govkg stats` and search results)",
               required=True),),
        ("id", "title", "kind", "date", "issuer", "subject_place", "province", "doc_number", "session",
         "proposal_number", "reply_class", "source", "text"),
    ),
)

_BY_NAME = {q.name: q for q in QUERIES}


def catalogue() -> list[QuerySpec]:
    """Every named query, in a fixed order."""
    return list(QUERIES)


def get(name: str) -> QuerySpec:
    spec = _BY_NAME.get(name)
    if spec is None:
        raise QueryError(f"no query named {name!r}; run `govkg queries` to list them "
                         f"({', '.join(sorted(_BY_NAME))})")
    return spec


def _given(value: Any) -> bool:
    return value is not None and value != "" and value != []


def validate(name: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Parameters converted to their types, defaults filled in; QueryError on anything wrong."""
    spec = get(name)
    params = dict(params or {})
    known = {p.name: p for p in spec.params}
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise QueryError(f"query {name!r} has no parameter {', '.join(map(repr, unknown))}; "
                         f"it takes: {', '.join(known) or 'none'}")
    clean: dict[str, Any] = {}
    for p in spec.params:
        raw = params.get(p.name)
        if not _given(raw):
            if p.required:
                raise QueryError(f"query {name!r} needs parameter {p.name!r} ({p.help}): "
                                 f"pass -p {p.name} VALUE")
            clean[p.name] = list(p.default) if isinstance(p.default, list) else p.default
            continue
        clean[p.name] = p.convert(name, raw)
        if p.required and not _given(clean[p.name]):
            raise QueryError(f"query {name!r} needs a non-empty {p.name!r}")
    if spec.one_of and sum(_given(clean[n]) for n in spec.one_of) != 1:
        raise QueryError(f"query {name!r} needs exactly one of {', '.join(spec.one_of)}")
    if spec.any_of and not any(_given(clean[n]) for n in spec.any_of):
        raise QueryError(f"query {name!r} needs at least one of {', '.join(spec.any_of)}")
    if name == "names" and clean["label"] not in (None, "Place", "Practice", "NamedModel"):
        raise QueryError("query 'names': label is one of Place, Practice, NamedModel")
    if name == "compare_cities" and len(clean["places"]) < 1:
        raise QueryError("query 'compare_cities' needs at least one place in 'places'")
    return clean


def implementation(name: str) -> ModuleType:
    """``queries/<name>.py`` of named query ``name``: its ``fetch`` (the embedded store's raw rows) and
    its ``finish`` (shared by every store). Imported here, not at module level: the query modules
    import the helpers this package's lower modules hold, never the registry."""
    from queries import (
        city_profile,
        compare_cities,
        document,
        exemplars,
        inventory,
        learning_network,
        named_model,
        names,
        policies,
        practice_communities,
        search,
        similar_cities,
        similar_practices,
    )

    modules = (city_profile, compare_cities, document, exemplars, inventory, learning_network, named_model,
               names, policies, practice_communities, search, similar_cities, similar_practices)
    found = {m.__name__.rsplit(".", 1)[1]: m for m in modules}
    return found[get(name).name]


def graph_version(store: Any) -> tuple[Any, ...]:
    """A key that changes whenever the store's graph changes (used to cache indexes per graph version):
    the store's write counter (``GraphStore.version``, which every store has)."""
    return (id(store), "v", store.version())


def fetcher(store: Any, name: str) -> Callable[[dict[str, Any]], list[dict[str, Any]]]:
    """A function params -> raw rows for query ``name`` on ``store`` (Cypher or its embedded counterpart)."""
    if store.kind == "memory":
        fetch = implementation(name).fetch
        view = getattr(store, "query_graph", None)
        return lambda params: fetch(view() if view is not None else store.graph, **params)
    from queries import load_cypher

    text = load_cypher(name)
    return lambda params: [dict(r) for r in store.run_cypher(text, params)]


def resolve_names(store: Any, name: str, clean: dict[str, Any]) -> dict[str, Any]:
    """``clean`` with every place, practice and named-model parameter as the graph names it (an alias
    such as 濮阳 becomes 濮阳市); an unknown name raises ``UnknownNameError`` with the closest names."""
    from queries.naming import names_of

    out = dict(clean)
    for p in get(name).params:
        value = out.get(p.name)
        if p.names is None or not _given(value):
            continue
        names = names_of(store, p.names)
        out[p.name] = ([names.resolve(p.names, v) for v in value] if isinstance(value, list)
                       else names.resolve(p.names, value))
    return out


def run(store: Any, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run named query ``name`` on ``store`` and return its rows (dicts with the spec's columns).
    Place, practice and named-model names are resolved first (``resolve_names``)."""
    clean = resolve_names(store, name, validate(name, params))
    finish = implementation(name).finish
    rows = finish(fetcher(store, name), clean, lambda: graph_version(store))
    columns = get(name).columns
    return [{c: row.get(c) for c in columns} for row in rows]
