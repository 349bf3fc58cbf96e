"""The raw rows each store's fetch gives (the embedded store's ``fetch`` and the ``.cypher`` file on
FalkorDB; the store's projection for the whole-graph queries) are the same rows, before any
finishing, for every query's own examples and the cases read from the records: a difference the finishing step happens to hide
still fails here. Rows are compared as a multiset; the parallel evidence lists of a row (``ev_*``,
``fig_*``, ``own_*``) as a set of (document, start, end, quote) entries, since no reader depends on
their order; a ``practices`` list as a set (it is collected from relationships, in no defined order, and
every reader sorts it); every other value exactly."""
from __future__ import annotations

import json

import pytest

from govkg.errors import StoreError
from graph.projections import COLUMNS
from queries import registry
from tests.queries.test_conformance import CASE_IDS, all_cases

_PARALLEL = ("doc", "start", "end", "quote")
_UNORDERED = ("practices",)


def _normal(row: dict) -> str:
    out = dict(row)
    for key in _UNORDERED:
        if isinstance(out.get(key), list):
            out[key] = sorted(out[key], key=str)
    for prefix in ("ev_", "fig_", "own_"):
        keys = [prefix + k for k in _PARALLEL]
        if all(k in out for k in keys):
            lists = [out.pop(k) or [] for k in keys]
            lists = [v if isinstance(v, list) else [v] for v in lists]
            out[prefix + "entries"] = sorted(
                json.dumps(entry, ensure_ascii=False) for entry in zip(*lists))
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def raw_cases(all_records):
    return all_cases(all_records)


def _compare(case: tuple[str, dict], embedded_store, other) -> None:
    name, params = case
    clean = registry.resolve_names(embedded_store, name, registry.validate(name, params))
    mem = sorted(_normal(r) for r in registry.fetcher(embedded_store, name)(clean))
    theirs = sorted(_normal(r) for r in registry.fetcher(other, name)(clean))
    assert mem, (name, params)
    assert mem == theirs, (name, len(mem), len(theirs), _first_difference(mem, theirs))


@pytest.mark.parametrize("i", range(len(CASE_IDS)), ids=CASE_IDS)
def test_embedded_and_falkordb_fetch_the_same_raw_rows(i, raw_cases, embedded_store, falkordb_store):
    _compare(raw_cases[i], embedded_store, falkordb_store)


@pytest.mark.neo4j
@pytest.mark.parametrize("i", range(len(CASE_IDS)), ids=CASE_IDS)
def test_embedded_and_neo4j_fetch_the_same_raw_rows(i, raw_cases, embedded_store, neo4j_store):
    _compare(raw_cases[i], embedded_store, neo4j_store)


def _first_difference(mem: list[str], falk: list[str]) -> dict:
    """The fields that differ between the first row only the embedded store gives and the row only
    the other store gives with the same ``id`` (or the first such row)."""
    missing = [json.loads(r) for r in sorted(set(mem) - set(falk))]
    extra = [json.loads(r) for r in sorted(set(falk) - set(mem))]
    if not missing or not extra:
        return {"only embedded": missing[:1], "only the other": extra[:1]}
    a = missing[0]
    b = next((r for r in extra if r.get("id") == a.get("id")), extra[0])
    return {k: (a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_store_gives_the_same_projection_rows(name, embedded_store, falkordb_store):
    """``GraphStore.projection``: the rows the whole-graph queries compute from, with the columns
    ``graph.projections.COLUMNS`` lists, the same on the embedded store and on FalkorDB."""
    rows = embedded_store.projection(name)
    assert rows and all(tuple(r) == COLUMNS[name] for r in rows)
    theirs = falkordb_store.projection(name)
    assert all(tuple(r) == COLUMNS[name] for r in theirs)
    assert sorted(map(_normal, rows)) == sorted(map(_normal, theirs))


def test_an_unknown_projection_is_one_clear_error(embedded_store, falkordb_store):
    for store in (embedded_store, falkordb_store):
        with pytest.raises(StoreError, match="no projection named 'nosuch'"):
            store.projection("nosuch")
