"""The named query ``named_model``: ``fetch`` gives the embedded store the raw rows ``named_model.cypher`` (beside
this file) gives on Neo4j and FalkorDB; ``finish`` turns raw rows from any store into the answer.

fetch: Embedded counterpart of ``queries/named_model.cypher`` (same parameters, same raw rows).

finish: Finisher of ``named_model``: definition, ordered components (mapped to practices), practices, namesakes.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from graph.model import NO_EVIDENCE, Evidence
from graph.sqlite_rows import sort_key
from queries.kept import loads_all, maintained
from queries.model_roles import AIM, FEATURE, LEARNT, LISTED, VENUE, model_role, names_source
from queries.rows import as_list, best_evidence, evidence_entries, pick_evidence
from queries.spec import EVIDENCE, Param, QuerySpec
from queries.walk import ev_lists, linked, named, out_edges, preload

__all__ = ["GENERIC_BIGRAMS", "SPEC", "SUMMARIES", "component_practices", "fetch", "finish", "summary_rows"]

SPEC = QuerySpec(
    "named_model", "命名模式",
    "A named model: definition, ordered components (with the practices they map to), its practices, "
    "and other places that use the same name for something else.",
    (Param("name", "str", "the model's name as written, e.g. 12341", required=True, names="NamedModel"),
     Param("owner", "str", "owner place (name or id), where several places use the name", names="Place")),
    ("model_id", "model", "owner", "section", "order", "name", "detail", *EVIDENCE),
    examples=({"name": "12341"}, {"name": "三轮驱动"}),
)


SUMMARIES = "model_summaries"   # the row index of every named model summed up (``queries/model_summaries.py``)


def fetch(g: Any, name: str, owner: str | None = None) -> list[dict[str, Any]]:
    rows = []
    models = named(g, "NamedModel", name)
    preload(g, models)                         # a common name is used by hundreds of places
    preload(g, models, "OWNED_BY", True)
    preload(g, models, "INSTANCE_OF", True)
    for n in models:
        data = g.nodes[n]
        owners = [o for o, _ in out_edges(g, n, "OWNED_BY")] or [None]
        practices = [g.nodes[x].get("name") for x, _ in out_edges(g, n, "INSTANCE_OF")]
        for o in owners:
            od = g.nodes[o] if o is not None else {}
            rows.append({"model_id": n, "model": data.get("name"), "owner_id": o,
                         "owner": od.get("name") or data.get("owner"), "owner_aliases": list(od.get("aliases") or []),
                         "definition": data.get("definition"), "components": data.get("components"),
                         "practices": practices, **ev_lists(data)})
    return rows


# Bigrams every governance text uses: sharing one of these says nothing about which practice is meant.
GENERIC_BIGRAMS = frozenset({"社区", "治理", "管理", "建设", "服务", "工作", "基层", "城乡", "推进", "加强", "居民",
                             "机制", "体系", "提升", "创新", "社会", "组织", "一个", "两个", "三个", "四个"})


def _bigrams(text: str) -> set[str]:
    """The non-generic character bigrams of ``text``, less those that begin with the last character of a generic word
    (社区党组织's 区党 joins 社区 to 党组织: no word of it, it would make 社区党组织 小区党支部's)."""
    return {text[i:i + 2] for i in range(len(text) - 1)
            if text[i:i + 2] not in GENERIC_BIGRAMS and not (i and text[i - 1:i + 1] in GENERIC_BIGRAMS)}


def component_practices(component: str, practices: list[str]) -> list[str]:
    """The model's practices a component phrase speaks of: those whose name or cues it holds (社区工作事项清单: 事项清单 is
    社区减负清单's cue — the 事项 it shares with 证明事项清理 names no certificate); where it holds none, those it shares
    a non-generic character bigram with — unless it names another practice (小区志愿者: 志愿服务), then none."""
    from loaders.reference import fold_name, load_taxonomy

    taxonomy = load_taxonomy()
    by_name = taxonomy.by_name
    text = fold_name(component)
    named = sorted(p for p in practices if p in by_name and (p in text or by_name[p].pattern.search(text)))
    if named:
        return named
    if taxonomy.hits(text):
        return []       # (小区志愿者 names 志愿服务, not one of the model's: no bigram, 小区, makes it 小区党支部)
    grams = _bigrams(component)
    return sorted(p for p in practices if grams & _bigrams(p.replace("/", "")))


def _matches_owner(row: dict[str, Any], owner: str) -> bool:
    return owner in {row.get("owner_id"), row.get("owner"), *as_list(row.get("owner_aliases"))}


def _summary_rows(g: Any, name: str, store: Any = None) -> list[dict[str, Any]] | None:
    """The rows ``fetch`` gives, each with its evidence summed up instead of listed (``ev_count``, and
    ``best``: the entry ``best_evidence`` picks), read from the embedded store's view without loading
    the models' evidence (hundreds of models share a common name, each cited by hundreds of documents);
    None where the view cannot sum evidence up. With ``store`` (it maintains them: ``SUMMARIES``) the
    rows it keeps for the name, where it keeps every model the name finds."""
    models = named(g, "NamedModel", name)
    if store is not None:
        kept: dict[str, list[dict[str, Any]]] = {}
        for rows in loads_all(store.kept_rows(SUMMARIES, sort_key(name))):
            kept[rows[0]["model_id"]] = rows
        if all(m in kept for m in models):       # (a model asked by its id may be named otherwise)
            return [row for m in dict.fromkeys(models) for row in kept[m]]
    return summary_rows(g, models)


def summary_rows(g: Any, models: list[str]) -> list[dict[str, Any]] | None:
    """``_summary_rows`` of the named models ``models`` (what the store keeps of each: ``SUMMARIES``)."""
    summary = getattr(g, "evidence_summary", None)
    if summary is None:
        return None
    evidence = summary(models)
    if evidence is None:
        return None
    props = g.props_of(models)
    owners: dict[str, list[tuple[str, Any, Any]]] = {}
    # the owners' names and aliases read set-wise (``linked``), no place built: a common name is used by
    # thousands of models, each owned by a place with its evidence
    for n, o, (oname, aliases), _, _ in linked(g, models, "OWNED_BY", True, ("name", "aliases")):
        owners.setdefault(n, []).append((o, oname, aliases))
    rows = []
    for n in models:
        data = props.get(n, {})
        count, best = evidence.get(n, (0, None))
        for o, oname, aliases in owners.get(n) or [(None, None, None)]:
            rows.append({"model_id": n, "model": data.get("name"), "owner_id": o,
                         "owner": oname or data.get("owner"), "owner_aliases": list(aliases or []),
                         "definition": data.get("definition"), "components": data.get("components"),
                         "ev_count": count, "best": best})
    return rows


def _full_row(g: Any, row: dict[str, Any]) -> dict[str, Any]:
    """A summary row (``_summary_rows``) as ``fetch`` gives it: its practices and every evidence entry."""
    data = g.nodes[row["model_id"]]
    practices = [g.nodes[x].get("name") for x, _ in out_edges(g, row["model_id"], "INSTANCE_OF")]
    return {k: v for k, v in row.items() if k not in ("ev_count", "best")} | {"practices": practices, **ev_lists(data)}


def finish(fetch: Callable[[dict[str, Any]], list[dict[str, Any]]], params: dict[str, Any],
           version: Callable[[], Hashable]) -> list[dict[str, Any]]:
    embedded = getattr(fetch, "embedded_graph", None)
    g = embedded() if embedded is not None else None
    summed = _summary_rows(g, params["name"], maintained(SUMMARIES, version)) if g is not None else None
    if summed is not None:
        rows = {(r["model_id"], r.get("owner_id")): r for r in summed}
    else:
        rows = {(r["model_id"], r.get("owner_id")): r for r in fetch(params)}
    if not rows:
        return []
    ranked = sorted(rows.values(), key=lambda r: (-(r["ev_count"] if "ev_count" in r else len(as_list(r.get("ev_doc")))),
                                                  r["model_id"], r.get("owner_id") or ""))
    owner = params.get("owner")
    if owner:
        ranked = [r for r in ranked if _matches_owner(r, owner)] + \
                 [r for r in ranked if not _matches_owner(r, owner)]
        if not _matches_owner(ranked[0], owner):
            return []
    main = ranked[0]
    if "ev_count" in main:                     # the one model shown in full: its practices and evidence
        main = _full_row(g, main)
    entries = evidence_entries(main)
    base = {"model_id": main["model_id"], "model": main["model"], "owner": main.get("owner")}
    out = []
    definition = main.get("definition")
    ev = pick_evidence([e for e in entries if definition and e.quote and definition in e.quote] or entries)
    # a model the place learns (学习运用“浦江经验”) is not the learner's own: no owner is shown unless the
    # sentence names where it comes from; an aim or principle (“…”的目标) or an app's column (“…”板块) is said to be one
    role, detail = model_role(main["model"], definition), None
    if role == LEARNT:
        if not names_source(main["model"], definition or "", main.get("owner")):
            base["owner"] = None
        detail = f"学习借鉴他处的模式（学习方：{main.get('owner')}）" if main.get("owner") else "学习借鉴他处的模式"
    elif role == AIM:
        detail = "目标、原则或口号，非具体做法"
    elif role == FEATURE:
        detail = "应用或平台的栏目，非具体做法"
    elif role == VENUE:
        detail = "活动场所的名称，非具体做法"
    elif role == LISTED:
        detail = "原文仅列出名称，未说明具体做法"
    out.append({**base, "section": "definition", "order": None, "name": definition or main["model"],
                "detail": detail, **ev.columns()})
    practices = sorted({str(p) for p in as_list(main.get("practices")) if p})
    for i, comp in enumerate(str(c) for c in as_list(main.get("components"))):
        ev = pick_evidence([e for e in entries if e.quote and comp in e.quote] or entries)
        out.append({**base, "section": "component", "order": i + 1, "name": comp,
                    "detail": "、".join(component_practices(comp, practices)) or None, **ev.columns()})
    for p in practices:
        out.append({**base, "section": "practice", "order": None, "name": p, "detail": None,
                    **pick_evidence(entries).columns()})
    others = sorted((r for r in ranked[1:] if r["model_id"] != main["model_id"]),
                    key=lambda r: (r.get("owner") or "", r["model_id"]))
    for r in others:
        comps = [str(c) for c in as_list(r.get("components"))]
        out.append({**base, "section": "same_name", "order": None, "name": r.get("owner") or r["model_id"],
                    "detail": r.get("definition") or ("；".join(comps) or None),
                    **_best(r).columns()})
    return out


def _best(row: dict[str, Any]) -> Evidence:
    if "ev_count" not in row:
        return best_evidence(row)
    best = row["best"]
    return NO_EVIDENCE if best is None else Evidence(*best)
