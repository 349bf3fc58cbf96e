"""Cached resources of the explorer: the store (one per server process) and named-query results
(cached per graph version, so a rerun or another page never repeats a query until the graph
changes). Lives in an ordinary module, not the entry script, so pages can import it without
re-running navigation."""
from __future__ import annotations

import json
from typing import Any

import streamlit as st

from govkg.errors import GovkgError

__all__ = [
    "DOC_PAGE",
    "bump_version",
    "catalogue",
    "doc_titles",
    "document",
    "document_page",
    "documents",
    "extractor",
    "first_with_rows",
    "graph_version",
    "inventory",
    "measures_of",
    "model_names",
    "places_with_measures",
    "practices",
    "query",
    "query_or_empty",
    "require_store",
    "resolve",
    "store",
    "total",
]


@st.cache_resource(show_spinner="正在连接图谱…", max_entries=4)
def _store(kind: str, home: str, *where: object) -> Any:
    # keyed by where the graph lives (never by credentials): another GOVKG_HOME or server opens another store
    from govkg.api import open_configured_store
    from govkg.settings import load_settings

    return open_configured_store(kind, load_settings())


def require_store() -> None:
    """Open the configured store, or show why it cannot be opened on one line (secrets masked) and
    stop the page: a wrong NEO4J_URI or a home that cannot be read is no traceback."""
    from app.rows import md_escape
    from govkg.settings import redact

    try:
        store()
    except (GovkgError, OSError) as exc:
        st.error(md_escape("无法打开图谱：" + redact(" ".join(str(exc).split()))), icon=":material/error:")
        st.stop()


def store() -> Any:
    """The configured store (GOVKG_STORE and where it lives), opened once per server process."""
    from govkg.settings import load_settings

    s = load_settings()
    return _store(s.store, str(s.home), s.neo4j_uri, s.neo4j_database, s.falkordb_host, s.falkordb_port,
                  s.falkordb_graph)


@st.cache_resource(show_spinner=False, max_entries=2)
def _extractor(timeout_s: float, memory_mb: int) -> Any:
    from govkg.api import extraction_workers

    return extraction_workers(timeout_s, memory_mb)


def extractor() -> Any:
    """The import page's extraction worker (one process, kept warm; every document under
    GOVKG_EXTRACT_TIMEOUT_S and GOVKG_MAX_EXTRACT_MB: Streamlit runs pages in threads, where no
    in-process limit can stop a runaway parse)."""
    from govkg.settings import load_settings

    s = load_settings()
    return _extractor(s.extract_timeout_s, s.max_extract_mb)


def graph_version() -> str:
    """Changes whenever the graph content changes (documents added or removed)."""
    from govkg.api import graph_version as version_of

    return f"{version_of(store())}/{st.session_state.get('_govkg_local_version', 0)}"


def bump_version() -> None:
    """Call after this session changed the graph (import page)."""
    st.session_state["_govkg_local_version"] = st.session_state.get("_govkg_local_version", 0) + 1
    _cached_query.clear()


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_query(name: str, params_json: str, version: str) -> list[dict]:
    from govkg.api import query as run

    return run(store(), name, json.loads(params_json))


def query(query_name: str, /, **params: Any) -> list[dict]:
    """Rows of the named query ``query_name`` (cached per graph version). Raises GovkgError."""
    return _cached_query(query_name, json.dumps(params, ensure_ascii=False, sort_keys=True), graph_version())


def query_or_empty(query_name: str, /, **params: Any) -> list[dict]:
    """Like ``query`` but shows the error on the page and returns [] instead of raising (an unknown
    name as a warning with the closest known names)."""
    from app.rows import md_escape
    from govkg.errors import UnknownNameError

    try:
        return query(query_name, **params)
    except UnknownNameError as exc:
        st.warning(md_escape(exc.chinese()), icon=":material/warning:")
        return []
    except GovkgError as exc:
        st.error(md_escape(f"查询 {query_name} 失败：{exc}"))
        return []


def resolve(label: str, value: str) -> str:
    """``value`` as the graph names it (an alias such as 濮阳 → 濮阳市); UnknownNameError, carrying the
    closest names, when the graph has no such place, practice or named model."""
    from govkg.api import resolve_name

    return resolve_name(store(), label, value)


@st.cache_data(show_spinner=False)
def catalogue() -> list[dict]:
    from govkg.api import catalogue as cat

    return [dict(c) if isinstance(c, dict) else dict(vars(c)) for c in cat()]


@st.cache_resource(show_spinner=False, max_entries=8)
def _inventory(version: str) -> dict[str, list[dict]]:
    # a resource (shared, not copied on every call): pages only read it
    from app.runtime import group_inventory
    from govkg.api import ALL_ROWS

    return group_inventory(_cached_query("inventory", json.dumps({"limit": ALL_ROWS}), version))


def inventory() -> dict[str, list[dict]]:
    """label -> rows (Document, Place, Practice, NamedModel, Policy, Measure) for lists and charts, from
    the ``inventory`` named query; read-only."""
    return _inventory(graph_version())


def documents() -> list[dict]:
    return sorted(inventory()["Document"], key=lambda d: (d.get("subject_place") or "", d.get("date") or ""))


DOC_PAGE = 200      # documents per page of the 文档 page's list


def document_page(page: int) -> list[dict]:
    """The documents of page ``page`` (from 0) in the ``inventory`` query's order (by title, then id):
    one page read from the store, not the whole list (100,000 documents at scale)."""
    from app.runtime import group_inventory

    return group_inventory(query("inventory", section="document", limit=DOC_PAGE, offset=page * DOC_PAGE))["Document"]


@st.cache_resource(show_spinner=False, max_entries=8)
def _doc_titles(version: str) -> dict[str, str]:
    from govkg.coursepack.evidence import display_title

    return {d["id"]: display_title(d) for d in _inventory(version)["Document"]}


def doc_titles() -> dict[str, str]:
    """document id -> title (or place + kind where the document has no title); read-only."""
    return _doc_titles(graph_version())


def first_with_rows(query_name: str, param: str, values: list[str], limit: int = 30,
                    section: str | None = None) -> int:
    """Index of the first of ``values`` (at most ``limit`` tried) for which ``query_name`` with
    ``param=value`` returns rows (with ``section``, rows of that section), else 0: the default pick of
    a select box, so that a page does not open on an empty answer."""
    for i, value in enumerate(values[:limit]):
        try:
            rows = query(query_name, **{param: value})
        except GovkgError:
            continue
        if any(section is None or r.get("section") == section for r in rows):
            return i
    return 0


def places_with_measures() -> list[str]:
    """Places with measures, most first (what a page opens on: the places with the most to compare),
    then the other places documents are about."""
    inv = inventory()
    rows = sorted((p for p in inv["Place"] if p.get("measures") and p.get("name")),
                  key=lambda p: (-p["measures"], p["name"]))
    subjects = sorted({d["subject_place"] for d in inv["Document"] if d.get("subject_place")})
    return list(dict.fromkeys([*(p["name"] for p in rows), *subjects]))


def total(label: str) -> int:
    """How many nodes of ``label`` the graph holds, for labels the inventory counts but does not list
    (``Measure``)."""
    return next((t["count"] for t in inventory()["Total"] if t["label"] == label), 0)


def measures_of(place: str) -> list[dict]:
    """The measures ``place`` (name, alias or id) implements: id, summary, place, status, year — the
    ``inventory`` query with ``place`` (cached per place and graph version)."""
    from app.runtime import group_inventory
    from govkg.api import ALL_ROWS

    return group_inventory(query("inventory", place=place, section="measure", limit=ALL_ROWS))["Measure"]


def practices() -> list[str]:
    return sorted({p["name"] for p in inventory()["Practice"] if p.get("name")})


def model_names() -> list[tuple[str, str, str]]:
    """(name, owner, role) of every named model, those with spelled-out components first; role: learnt, aim,
    feature or "" (``queries/model_roles``: the inventory's status of the model)."""
    rows = sorted((m for m in inventory()["NamedModel"] if m.get("name")),
                  key=lambda m: (-(m.get("components") or 0), m.get("owner") or "", m["name"]))
    return list(dict.fromkeys((m["name"], m.get("owner") or "", m.get("status") or "") for m in rows))


def document(doc_id: str) -> dict | None:
    """The document ``doc_id`` (title, text, metadata) from the ``document`` query, or None."""
    rows = query("document", doc=doc_id)
    return rows[0] if rows else None
