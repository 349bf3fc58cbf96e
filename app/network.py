"""The learning network as an ECharts graph option (no streamlit): places as nodes, "learned from"
and "took up the same named model" as directed edges. Labels are plain strings in JSON data;
no formatter code is built from document text."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["FORMATTERS", "LAYERS", "LEARNING", "edges_of", "network_option", "plain", "same_name_groups"]

LAYERS: dict[str, tuple[str, str]] = {          # section -> (label, colour)
    "learned_from": ("原文写明的学习借鉴", "#b3261e"),
    "model": ("同名模式（只是名称相同）", "#1a5fb4"),
    "practice": ("采用同一做法", "#9a9996"),
}
# Only a stated learning link is drawn as one place learning from another (an arrow); places that use
# the same model name or take up the same practice are joined by a dashed line without an arrow: the
# documents do not say that one learned from the other (鄂州市's “五位一体” and 武城县's are two things).
LEARNING = "learned_from"


# The only formatters the option ever holds: fixed ECharts templates over the data's own fields, never
# text from a document (a string formatter is a template, so document text in it could inject markup).
FORMATTERS: frozenset[str] = frozenset({"{b}", "{c}"})
_BRACES = str.maketrans({"{": "｛", "}": "｝", "|": "｜"})


def plain(text: object, limit: int | None = None) -> str:
    """Text for a canvas label or a rich-text tooltip: a string with ECharts' template/rich-text
    characters ({, }, |) replaced by their full-width forms, cut to ``limit`` characters."""
    s = str(text or "").translate(_BRACES)
    return s if limit is None or len(s) <= limit else s[:limit - 1] + "…"


def edges_of(rows: Iterable[Mapping[str, Any]], layers: Iterable[str]) -> list[dict[str, Any]]:
    """The links to draw: a learning row joins learner and source; a model or practice row (no source:
    no document says one learned it from another) joins the place to the earliest place using the
    name (``first``), drawn without an arrow."""
    wanted = set(layers)
    out = []
    for r in rows:
        if r.get("section") not in wanted or not r.get("learner_id"):
            continue
        edge = dict(r)
        if edge["section"] != LEARNING and not edge.get("source_id"):
            edge["source_id"], edge["source"] = edge.get("first_id"), edge.get("first")
        if not edge.get("source_id") or edge["learner_id"] == edge["source_id"]:
            continue
        out.append(edge)
    return out


def same_name_groups(edges: Iterable[Mapping[str, Any]], section: str) -> list[tuple[str, list[str]]]:
    """(name, places using it, earliest first) for the rows of a ``model`` or ``practice`` section."""
    groups: dict[str, list[str]] = {}
    for e in edges:
        if e.get("section") == section and e.get("what"):
            places = groups.setdefault(str(e["what"]), [])
            for p in (e.get("source"), e.get("learner")):
                if p and p not in places:
                    places.append(str(p))
    return sorted(groups.items())


def network_option(edges: list[dict[str, Any]]) -> dict[str, Any]:
    degree: Counter[str] = Counter()
    names: dict[str, str] = {}
    for e in edges:
        degree[e["learner_id"]] += 1
        degree[e["source_id"]] += 1
        names[e["learner_id"]] = str(e.get("learner") or e["learner_id"])
        names[e["source_id"]] = str(e.get("source") or e["source_id"])
    cats = list(LAYERS)
    nodes = [{"id": pid, "name": plain(names[pid]), "value": degree[pid],
              "symbolSize": min(60, 14 + 6 * degree[pid]),
              "label": {"show": True, "formatter": "{b}"}} for pid in sorted(names)]
    links = [{"source": e["learner_id"], "target": e["source_id"],
              "value": plain(e.get("what"), 12),
              "symbol": ["none", "arrow"] if e["section"] == LEARNING else ["none", "none"],
              "lineStyle": {"color": LAYERS[e["section"]][1], "curveness": 0.15,
                            "type": "solid" if e["section"] == LEARNING else "dashed"},
              "label": {"show": e["section"] != "practice" and bool(e.get("what")), "formatter": "{c}",
                        "fontSize": 10}}
             for e in edges]
    return {
        # richText: the tooltip is drawn on the canvas, so no text ever becomes HTML
        "tooltip": {"renderMode": "richText"},
        "legend": [{"data": [LAYERS[c][0] for c in cats]}],
        "series": [{
            "type": "graph", "layout": "force", "roam": True, "draggable": True,
            "force": {"repulsion": 260, "edgeLength": [80, 180]},
            "edgeSymbolSize": 8,
            "label": {"position": "right", "fontSize": 13, "formatter": "{b}"},
            "emphasis": {"focus": "adjacency"},
            "data": nodes, "links": links,
        }],
    }
