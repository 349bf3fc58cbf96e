"""Exporting a store's graph: GraphML (Gephi, yEd), CSV files for ``neo4j-admin database import
full``, and a Cypher script that recreates the graph.

The Cypher script is the one place where data becomes Cypher text: every string goes through
``cypher_string`` (backslash escapes for quote, backslash, CR, LF and tab — the escapes Neo4j and FalkorDB both
read; other characters are written as they are, so each statement stays on one line) and every
key through ``cypher_name``; the tests run hostile strings through a real server and read them back.
"""
from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govkg.errors import GovkgError
from graph.store import GraphStore

__all__ = [
    "ARRAY_DELIMITER",
    "cypher_name",
    "cypher_string",
    "cypher_value",
    "evidence_layout",
    "export_graph",
    "write_csv",
    "write_cypher",
    "write_graphml",
]

ARRAY_DELIMITER = ";"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def cypher_name(name: str) -> str:
    """A label, type or property key: bare if simple, else backtick-quoted (backticks doubled)."""
    return name if _NAME.fullmatch(name) else "`" + name.replace("`", "``") + "`"


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal for ``text``, safe for any content."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def cypher_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_value(v) for v in value) + "]"
    raise GovkgError(f"cannot export a value of type {type(value).__name__} to Cypher")


def _map(props: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{cypher_name(k)}: {cypher_value(v)}" for k, v in sorted(props.items())
                           if v is not None) + "}"


def write_cypher(nodes: list[dict[str, Any]], rels: list[dict[str, Any]], out: Path) -> list[Path]:
    """One statement per line: CREATE every node, then MATCH+CREATE every relationship, evidence in the
    Cypher stores' layout (:func:`evidence_layout`)."""
    nodes, rels = evidence_layout(nodes, rels)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("// govkg graph export: run against an empty graph (e.g. cypher-shell -f FILE)\n")
        for n in nodes:
            props = {**n["props"], "id": n["id"]}
            fh.write(f"CREATE (:{cypher_name(n['label'])} {_map(props)});\n")
        for r in rels:
            fh.write(f"MATCH (a:{cypher_name(r['start_label'])} {{id: {cypher_string(r['start'])}}}), "
                     f"(b:{cypher_name(r['end_label'])} {{id: {cypher_string(r['end'])}}}) "
                     f"CREATE (a)-[:{cypher_name(r['type'])} {_map(r['props'])}]->(b);\n")
    return [out]


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _graphml_value(value: Any) -> Any:
    """GraphML is XML: lists become JSON strings; characters XML cannot hold are dropped."""
    if isinstance(value, (list, tuple, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    return value


def write_graphml(nodes: list[dict[str, Any]], rels: list[dict[str, Any]], out: Path) -> list[Path]:
    """GraphML; list properties (evidence) become JSON strings, the label is attribute ``label``."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["id"], label=n["label"],
                   **{k: _graphml_value(v) for k, v in n["props"].items() if v is not None and k != "label"})
    for r in rels:
        g.add_edge(r["start"], r["end"], key=r["type"], type=r["type"],
                   **{k: _graphml_value(v) for k, v in r["props"].items() if v is not None and k != "type"})
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, out, encoding="utf-8")
    return [out]


def _csv_type(values: list[Any]) -> str:
    kinds = set()
    for v in values:
        if v is None:
            continue
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("long")
        elif isinstance(v, float):
            kinds.add("double")
        elif isinstance(v, (list, tuple)):
            inner = _csv_type(list(v)) if v else ""
            kinds.add((inner or "string") + "[]" if not inner.endswith("[]") else "string[]")
        else:
            kinds.add("string")
    if kinds <= {"long", "double"} and kinds:
        return "double" if "double" in kinds else "long"
    if kinds <= {"long[]", "double[]"} and kinds:
        return "double[]" if "double[]" in kinds else "long[]"
    if len(kinds) == 1:
        return kinds.pop()
    return "string[]" if any(k.endswith("[]") for k in kinds) else "string"


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):      # the array delimiter may not occur inside an element
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "；") for v in value)
    return value


def evidence_layout(nodes: list[dict[str, Any]],
                    rels: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and relationships as the Cypher stores keep them (docs/graph.md, "Evidence in the Cypher
    stores"): the ``ev_*`` lists become one ``EVIDENCE`` relationship per entry to its Document (from the
    node, or from the relationship's ``Evidence`` node), the quote as its place in the document's text."""
    from graph.cypher_store import EVIDENCE_LABEL, EVIDENCE_TYPE, evidence_key, evidence_rows
    from graph.model import EV_FIELDS
    from graph.quotes import QuoteSpans

    spans = {n["id"]: QuoteSpans(str(n["props"].get("text") or "")) for n in nodes if n["label"] == "Document"}
    out_nodes: list[dict[str, Any]] = []
    out_rels: list[dict[str, Any]] = []

    def evidence(owner: str, label: str, props: dict[str, Any]) -> None:
        for ev in evidence_rows(list(zip(*(props.get(f) or [] for f in EV_FIELDS))), spans):
            out_rels.append({"type": EVIDENCE_TYPE, "start": owner, "end": ev["d"], "start_label": label,
                             "end_label": "Document", "props": {"start": ev["s"], "end": ev["e"], **ev["p"]}})

    for n in nodes:
        out_nodes.append({**n, "props": {k: v for k, v in n["props"].items() if k not in EV_FIELDS}})
        evidence(n["id"], n["label"], n["props"])
    for r in rels:
        out_rels.append({**r, "props": {k: v for k, v in r["props"].items() if k not in EV_FIELDS}})
        if r["props"].get("ev_doc"):
            key = evidence_key(r["start"], r["type"], r["end"])
            out_nodes.append({"label": EVIDENCE_LABEL, "id": key, "props": {}})
            evidence(key, EVIDENCE_LABEL, r["props"])
    return out_nodes, out_rels


def write_csv(nodes: list[dict[str, Any]], rels: list[dict[str, Any]], out: Path) -> list[Path]:
    """One CSV per label and per (type, start label, end label), headers in neo4j-admin syntax
    (``id:ID(Label)``, ``:LABEL``, ``:START_ID(Label)``, ``:END_ID(Label)``, ``:TYPE``, ``p:string[]``),
    plus ``import.sh`` with the matching ``neo4j-admin database import full`` command. Evidence in
    the Cypher stores' layout (:func:`evidence_layout`), so govkg's queries read the imported graph."""
    nodes, rels = evidence_layout(nodes, rels)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    args: list[str] = []
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in nodes:
        by_label[n["label"]].append(n)
    for label, rows in sorted(by_label.items()):
        keys = sorted({k for r in rows for k in r["props"] if k not in ("id", "label")})
        header = [f"id:ID({label})", ":LABEL"] + [
            f"{k}:{_csv_type([r['props'].get(k) for r in rows])}" for k in keys]
        path = out / f"nodes_{label}.csv"
        _write_csv(path, header, ([r["id"], label] + [_csv_cell(r["props"].get(k)) for k in keys] for r in rows))
        written.append(path)
        args.append(f"--nodes={path.name}")
    by_rel: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rels:
        by_rel[(r["type"], r["start_label"], r["end_label"])].append(r)
    for (rel_type, start, end), rows in sorted(by_rel.items()):
        keys = sorted({k for r in rows for k in r["props"]})
        header = [f":START_ID({start})", f":END_ID({end})", ":TYPE"] + [
            f"{k}:{_csv_type([r['props'].get(k) for r in rows])}" for k in keys]
        path = out / f"rels_{rel_type}_{start}_{end}.csv"
        _write_csv(path, header, ([r["start"], r["end"], rel_type] + [_csv_cell(r["props"].get(k)) for k in keys]
                                  for r in rows))
        written.append(path)
        args.append(f"--relationships={path.name}")
    script = out / "import.sh"
    script.write_text(
        "#!/bin/sh\n# Run in this folder with Neo4j stopped; DATABASE defaults to neo4j.\n"
        "set -e\ncd \"$(dirname \"$0\")\"\n"
        f"neo4j-admin database import full --overwrite-destination --array-delimiter='{ARRAY_DELIMITER}' "
        "--multiline-fields=true \\\n  " + " \\\n  ".join(args) + " \\\n  \"${DATABASE:-neo4j}\"\n",
        encoding="utf-8")
    written.append(script)
    return written


def export_graph(store: GraphStore, fmt: str, out: str | Path) -> list[Path]:
    """Write the store's graph in ``fmt`` (graphml | csv | cypher) to ``out``; the paths written."""
    nodes, rels = store.export_rows()
    nodes.sort(key=lambda n: (n["label"], n["id"]))
    rels.sort(key=lambda r: (r["type"], r["start"], r["end"]))
    writer = {"graphml": write_graphml, "csv": write_csv, "cypher": write_cypher}.get(fmt)
    if writer is None:
        raise GovkgError(f"unknown export format {fmt!r}: use graphml, csv or cypher")
    return writer(nodes, rels, Path(out))


def _write_csv(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
