"""The catalogue of named queries and the one entry point that runs them on any store.

Each named query has: a ``.cypher`` file in ``queries/`` (run on Neo4j and FalkorDB), and beside it
``queries/<name>.py`` with its ``SPEC`` (``queries.spec.QuerySpec``), ``fetch(graph, **params)``, which returns the same rows from the embedded
store's graph, and ``finish(fetch, params, version)`` — pure Python, the same for every store — that
grades, ranks, groups and picks evidence. Because the
finisher is shared and both fetches return the same raw rows, every store gives the same answer.

``run(store, name, params)`` validates parameters (types, defaults, required, one-of groups) and
raises :class:`govkg.errors.QueryError` with a message that says what to pass. Parameters reach the
stores only as Cypher parameters; no query text is ever built from them.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Mapping
from types import ModuleType
from typing import Any

from govkg.errors import QueryError
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
from queries.naming import Names
from queries.spec import MAX_TEXT, Param, QuerySpec

__all__ = [
    "KEPT",
    "MAX_TEXT",
    "QUERIES",
    "WHOLE_GRAPH",
    "Fetch",
    "Param",
    "QuerySpec",
    "all_names",
    "catalogue",
    "fetcher",
    "get",
    "graph_version",
    "keep_indexes",
    "maintain_indexes",
    "names_of",
    "resolve_name",
    "resolve_names",
    "run",
    "validate",
]

_MODULES: tuple[ModuleType, ...] = (city_profile, compare_cities, similar_practices, exemplars, named_model, learning_network, policies, search, similar_cities, practice_communities, inventory, names, document)
QUERIES: tuple[QuerySpec, ...] = tuple(m.SPEC for m in _MODULES)
_BY_NAME = {q.name: q for q in QUERIES}
_IMPL = {m.SPEC.name: m for m in _MODULES}


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
    return clean


def implementation(name: str) -> ModuleType:
    """``queries/<name>.py`` of named query ``name``: its ``SPEC``, its ``fetch`` (the embedded store's
    raw rows) and its ``finish`` (shared by every store)."""
    get(name)
    return _IMPL[name]


def graph_version(store: Any) -> Hashable:
    """A key that changes whenever the store's graph changes (used to cache indexes per graph version):
    the store's write counter (``GraphStore.version``, which every store has)."""
    from queries.kept import GraphVersion

    return GraphVersion(store)()


class Fetch:
    """How a finisher reads query ``name``'s raw rows from ``store``: called with parameters (the spec's
    ``row_params`` filled in where missing), the rows of the ``.cypher`` on a Cypher store or of
    ``fetch`` on the embedded store's graph; for a query that computes over the whole graph (its spec
    names a ``projection``), the store's projection (``GraphStore.projection``)."""

    __slots__ = ("_defaults", "_fetch", "_projection", "_store", "_text")

    def __init__(self, store: Any, name: str):
        spec = get(name)
        self._store, self._defaults, self._projection = store, dict(spec.row_params), spec.projection
        if spec.projection:
            self._fetch, self._text = None, None
        elif store.kind == "embedded":
            self._fetch, self._text = implementation(name).fetch, None
        else:
            from queries import load_cypher

            self._fetch, self._text = None, load_cypher(name)

    def __call__(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self._projection:                      # a whole-graph query: the store's projection, whatever params
            return self._store.projection(self._projection)
        params = {**self._defaults, **params}
        if self._text is None:
            return self._fetch(self._store.query_graph(), **params)
        return [dict(r) for r in self._store.run_cypher(self._text, params)]

    def best_only(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """``self(params)``, where each evidence list may hold only the entry ``best_evidence`` picks
        from it: on the embedded store its ``fetch`` (which takes ``best``) reads only that entry, chosen
        by SQL; a Cypher store gives every entry. For a finisher that reads no other entry."""
        if self._text is None and not self._projection:
            return self._fetch(self._store.query_graph(), **{**self._defaults, **params}, best=True)
        return self(params)

    def embedded_graph(self) -> Any:
        """The embedded store's graph view that ``fetch`` reads (``graph.sqlite_view``); None on a
        Cypher store. A finisher may read a summary from it where the raw rows hold far more than its
        answer shows (the same answer: ``named_model``)."""
        return self._store.query_graph() if self._text is None and not self._projection else None

    def stream(self, params: dict[str, Any]) -> Iterable[dict[str, Any]]:
        """The rows of ``self(params)`` one at a time where the store can give them so (a projection:
        ``GraphStore.projection_rows``), so that an index built from them never holds them all."""
        if self._projection:
            return self._store.projection_rows(self._projection)
        return self(params)

    def full_text_candidates(self, terms: list[str]) -> list[str] | None:
        """The documents that can hold one of ``terms`` by the store's own full-text index; None where
        the store has none (the embedded store) or it cannot narrow these terms."""
        return self._store.full_text_candidates(terms)


def fetcher(store: Any, name: str) -> Fetch:
    """A function params -> raw rows for query ``name`` on ``store`` (Cypher or its embedded counterpart)."""
    return Fetch(store, name)


def names_of(store: Any, label: str) -> Names:
    """The ``Names`` of one label (Place, Practice, NamedModel) of ``store``'s graph, kept per graph
    version (read only for the labels a query asks about: named models are the most numerous)."""
    from queries.rows import cached

    return cached(f"names:{label}", lambda: graph_version(store),
                  lambda: Names.from_rows(all_names(store, label)))


def all_names(store: Any, label: str) -> list[dict[str, Any]]:
    """Every row ``names`` has for ``label`` (the query itself gives a page: ``limit``)."""
    from queries.kept import GraphVersion

    return implementation("names").finish(fetcher(store, "names"), {"label": label, "prefix": None,
                                                                    "limit": names.EVERY}, GraphVersion(store))


def _known(store: Any, label: str, value: str) -> bool:
    """Whether ``value`` is the id or name of a node of ``label`` by the embedded store's index of names
    (one look-up, not every name of the label read); False where it cannot tell that way."""
    if not isinstance(value, str) or not hasattr(store, "query_graph") or not hasattr(store, "seed_rows"):
        return False
    g = store.query_graph()
    indexed = getattr(g, "names_indexed", None)
    return indexed is not None and indexed(label) and g.has_name(label, value)


def _known_as(store: Any, label: str, value: Any) -> str | None:
    """The name the graph holds for ``value`` when the index of names finds it as typed, in simplified
    characters, or with full-width forms folded (（网格） typed for (网格)) — the first three steps of
    ``Names.resolve``, one look-up each instead of every name of the label read (3 s for the 187,000
    named models of 100,000 documents); None where only ``Names`` can tell (an id, an alias, no such name)."""
    from loaders.reference import fold_name
    from queries.naming import width_folded

    if _known(store, label, value):
        return value
    if not isinstance(value, str):
        return None
    folded = fold_name(value)
    for name in dict.fromkeys((folded, width_folded(folded))):
        if name != value and _known(store, label, name):
            return name
    return None


def resolve_name(store: Any, label: str, value: str) -> str:
    """``value`` as the graph names it; ``UnknownNameError`` (with the closest names) otherwise."""
    known = _known_as(store, label, value)
    if known is not None:
        return known
    return names_of(store, label).resolve(label, value)


def resolve_names(store: Any, name: str, clean: dict[str, Any]) -> dict[str, Any]:
    """``clean`` with every place, practice and named-model parameter as the graph names it (an alias
    such as 濮阳 becomes 濮阳市); an unknown name raises ``UnknownNameError`` with the closest names."""
    out = dict(clean)
    for p in get(name).params:
        value = out.get(p.name)
        if p.names is None or not _given(value):
            continue
        values = value if isinstance(value, list) else [value]
        known = [_known_as(store, p.names, v) for v in values]
        if None not in known:                    # as the graph names them, or folded: nothing to read
            out[p.name] = known if isinstance(value, list) else known[0]
            continue
        names = names_of(store, p.names)
        out[p.name] = ([names.resolve(p.names, v) for v in value] if isinstance(value, list)
                       else names.resolve(p.names, value))
    return out


def run(store: Any, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run named query ``name`` on ``store`` and return its rows (dicts with the spec's columns).
    Place, practice and named-model names are resolved first (``resolve_names``). The embedded store's
    row indexes are attached first where they are not (``maintain_indexes``): each index's mark is checked
    against the revision of its own code, which only an attached index tells."""
    maintain_indexes(store)
    clean = resolve_names(store, name, validate(name, params))
    finish = implementation(name).finish
    from queries.kept import GraphVersion

    rows = finish(fetcher(store, name), clean, GraphVersion(store))
    columns = get(name).columns
    keys = list(columns)
    # a row that has the spec's columns in its order already (a kept listing: every row of ``inventory``,
    # 189,030 at 20,000 documents) is copied whole, the others projected column by column
    return [row.copy() if list(row) == keys else {c: row.get(c) for c in columns} for row in rows]


# the indexes the store keeps (``queries/kept.py``): kept name -> the query whose ``build_index`` builds it
# (largest first: the memory the first frees is reused by the next)
KEPT = {"similar_practices": "similar_practices", "search": "search", "place_practices": "similar_cities",
        "learning_network": "learning_network", "inventory": "inventory", "exemplars": "exemplars"}
# the queries that compute their answer in Python from a projection of the whole graph (a similarity
# index, place vectors, communities) instead of a .cypher of their own, as ``--show-cypher`` says
WHOLE_GRAPH = frozenset(q.name for q in QUERIES if q.projection)


def row_indexes() -> list[Any]:
    """The indexes the embedded store maintains per document (``graph/sqlite_rows.py``), one per kept
    name of ``KEPT`` that has one."""
    from queries.city_pieces import CityPieces
    from queries.fulltext_postings import SearchPostings
    from queries.model_summaries import ModelSummaries
    from queries.place_figures import PlaceFigures

    return [similar_practices.SimilarPostings(), SearchPostings(), inventory.ListingRows(), exemplars.PieceRows(),
            exemplars.RankingRows(), CityPieces(), PlaceFigures(), ModelSummaries(), similar_cities.PlaceRows(), learning_network.NetworkRows(),
            learning_network.SharedNames()]


def maintain_indexes(store: Any) -> Any:
    """Have ``store`` maintain the row indexes in every write (the embedded store; other stores keep
    none); ``store`` itself."""
    if hasattr(store, "maintain"):
        store.maintain(row_indexes())
    return store


def keep_indexes(store: Any) -> list[str]:
    """Bring the indexes of ``KEPT`` up to date with the store's current graph (what a build does last,
    so the first query of any later process reads them instead of rebuilding them); the names kept.
    On the embedded store each is maintained per document: the writes recorded since the last build are
    flushed, and an index some write did not record its changes for is filled whole. Nothing on a store
    that keeps no index."""
    from queries.kept import GraphVersion, keep_now, keeps

    if not keeps(store):
        return []
    version = GraphVersion(store)
    kept = []
    rows = row_indexes() if hasattr(store, "seed_rows") else []
    for ix in rows:                           # maintained per document: filled whole only where some write
        if not store.rows_current(ix.name) and not store.rows_marked(ix.name):   # did not record its changes,
            store.seed_rows(ix)
    if rows:                                  # then the keys the recorded writes touched, each once
        store.flush_rows()
    for name, query in KEPT.items():
        if any(ix.name == name for ix in rows):
            if store.rows_current(name):
                kept.append(name)
            continue
        if keep_now(name, version, functools.partial(_build_kept, store, query)):
            kept.append(name)
    return kept


def _build_kept(store: Any, query: str) -> Any:
    """The index query ``query`` keeps, built from the store's current graph (only when no copy of it
    is kept yet)."""
    impl = implementation(query)
    if get(query).projection:                  # the store reads its projection through a view of its own
        return impl.build_index(fetcher(store, query), {})
    # exemplars: one ranking per practice, each read through a view of its own, freed before the next
    # (so memory stays that of the largest practice: 991 MB at 100,000 documents against 2.7 GB for
    # one view; at 2,000 documents 3.7 s and 71 MB against 2.5 s and 170 MB)
    params = {"practices": [r["name"] for r in all_names(store, "Practice") if r["name"]]
              } if query == "exemplars" else {}
    return impl.build_index(functools.partial(_fetch_privately, store, impl.fetch), params)


def _fetch_privately(store: Any, fetch: Callable[..., list[dict[str, Any]]],
                     params: dict[str, Any]) -> list[dict[str, Any]]:
    """``fetch`` through a view of its own, dropped once the rows are read: the whole graph passes
    through it, and no later query needs what it loaded (the index is built from the rows)."""
    view = store.query_graph(private=True)
    try:
        return fetch(view, **params)
    finally:
        view.release()
