"""The learning network as an ECharts graph option (no streamlit): places as nodes, "learned from"
and "took up the same named model" as directed edges. Labels are plain strings in JSON data;
no formatter code is built from document text."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["FORMATTERS", "LAYERS", "edges_of", "network_option", "plain"]

LAYERS: dict[str, tuple[str, str]] = {          # section -> (label, colour)
    "learned_from": ("学习借鉴", "#b3261e"),
    "model": ("命名模式传播", "#1a5fb4"),
    "practice": ("做法扩散", "#9a9996"),
}


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
    wanted = set(layers)
    out = []
    for r in rows:
        if r.get("section") not in wanted or not r.get("learner_id") or not r.get("source_id"):
            continue
        if r["learner_id"] == r["source_id"]:
            continue
        out.append(dict(r))
    return out


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
              "lineStyle": {"color": LAYERS[e["section"]][1], "curveness": 0.15},
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
            "edgeSymbol": ["none", "arrow"], "edgeSymbolSize": 8,
            "label": {"position": "right", "fontSize": 13, "formatter": "{b}"},
            "emphasis": {"focus": "adjacency"},
            "data": nodes, "links": links,
        }],
    }
