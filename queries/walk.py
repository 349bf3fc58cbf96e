"""Read helpers over the embedded store's graph (networkx or the SQLite view), shared by the queries' ``fetch``.

The memory store keeps one node per graph node (key = the node's ``id``) with its properties as
attributes, and one edge per relationship, keyed by its type. Labels are read from a ``label``
attribute where present, else derived from the id (``graph.model.label_of_id``), and an edge's type
from a ``type`` attribute, else its key. A per-graph label index (``index_of``) is kept per graph
version by ``queries.rows.cached``, so queries do not scan every node.
"""
from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from typing import Any

from graph.model import ev_lists

__all__ = [
    "GraphIndex",
    "count_of",
    "ev_lists",
    "figures_measuring",
    "find_places",
    "in_edges",
    "index_of",
    "label",
    "linked",
    "measuring_figures",
    "named",
    "nodes_of",
    "out_edges",
    "place_ancestors",
    "place_scope",
    "preload",
]

Node = dict[str, Any]


def label(g: Any, node: str) -> str:
    data = g.nodes[node]
    lab = data.get("label")
    if lab is None:
        labels = data.get("labels")
        if labels:
            return min(labels) if not isinstance(labels, str) else labels
        from graph.model import label_of_id

        return label_of_id(str(node))
    return lab


def out_edges(g: Any, node: str, rel_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(target, edge attributes) of ``node``'s outgoing ``rel_type`` relationships."""
    typed = getattr(g, "edges_of", None)          # the SQLite view: only that type is read
    if typed is not None:
        return iter(typed(node, rel_type, True))
    return _matching(g._succ[node], rel_type, g.is_multigraph(), g.graph.get("edge_keys") == "type")


def preload(g: Any, nodes: list[str], rel_type: str | None = None, out: bool = True) -> None:
    """Tell a store that loads the graph on demand (the SQLite view) that ``nodes`` (``rel_type`` None)
    or the ``rel_type`` relationships (outgoing if ``out``) of all of them are read next: it loads
    them in a few scans instead of one per node. Nothing to do on a networkx graph."""
    bulk = getattr(g, "prefetch_nodes" if rel_type is None else "prefetch_edges", None)
    if bulk is not None and nodes:
        if rel_type is None:
            bulk(nodes)
        else:
            bulk(nodes, rel_type, out)


def linked(g: Any, nodes: list[str], rel_type: str, out: bool, fields: tuple[str, ...] = (),
           rel_fields: tuple[str, ...] = (), other_label: str | None = None, text_head: int = 0,
           evidence: str | None = None, best: bool = False, equal: tuple[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """(node, neighbour, the neighbour's values of ``fields`` (then, with ``text_head``, the first that many
    characters of its ``text``), the relationship's values of ``rel_fields``, its evidence lists) for
    every ``rel_type`` relationship (outgoing if ``out``) of each of ``nodes`` (those in the graph) whose
    neighbour has label ``other_label`` (None: any) and, with ``equal`` (property, a value not None), that
    value of that property, in ``out_edges`` / ``in_edges`` order. ``evidence``: "node"
    (the neighbour's), "rel" (the relationship's) or None; ``best``: the SQLite view gives only the
    entry ``best_evidence`` picks (a networkx graph every entry: the same pick). The SQLite view
    reads them set-wise (``SQLiteGraphView.linked``)."""
    native = getattr(g, "linked", None)
    if native is not None:
        return native(nodes, rel_type, out, fields, rel_fields, other_label, text_head, evidence, best, equal)
    links = []
    for node in dict.fromkeys(nodes):
        if node not in g:
            continue
        for other, data in (out_edges if out else in_edges)(g, node, rel_type):
            if other_label is not None and label(g, other) != other_label:
                continue
            attrs = g.nodes[other]
            if equal is not None and attrs.get(equal[0]) != equal[1]:
                continue
            values = tuple(attrs.get(f) for f in fields)
            if text_head:
                values += ((attrs.get("text") or "")[:text_head],)
            ev = ev_lists(attrs if evidence == "node" else data) if evidence else None
            links.append((node, other, values, tuple(data.get(f) for f in rel_fields), ev))
    return links


def in_edges(g: Any, node: str, rel_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(source, edge attributes) of ``node``'s incoming ``rel_type`` relationships."""
    typed = getattr(g, "edges_of", None)
    if typed is not None:
        return iter(typed(node, rel_type, False))
    return _matching(g._pred[node], rel_type, g.is_multigraph(), g.graph.get("edge_keys") == "type")


def _matching(adjacency: Any, rel_type: str, multi: bool, keyed_by_type: bool) -> Iterator[tuple[str, dict[str, Any]]]:
    # straight over the adjacency mapping (neighbour -> {key: attributes}); networkx's edge views
    # build a view object and a tuple per edge, several times slower on nodes with many edges.
    # ``keyed_by_type``: the graph says (``graph["edge_keys"] == "type"``, set by the memory store) that
    # every edge's key is its type, so one dict lookup per neighbour replaces the scan of its keys.
    if multi and keyed_by_type:
        for other, keyed in adjacency.items():
            data = keyed.get(rel_type)
            if data is not None:
                yield other, data
    elif multi:
        for other, keyed in adjacency.items():
            for key, data in keyed.items():
                if data.get("type", key) == rel_type:
                    yield other, data
    else:
        for other, data in adjacency.items():
            if data.get("type") == rel_type:
                yield other, data


class GraphIndex:
    """Nodes by label, places by name/alias, and agencies, practices and named models by name, for one
    state of one graph (so a lookup by name does not scan every node of the label). Built one label
    at a time, when a query first asks about that label."""

    def __init__(self, g: Any):
        self._g = g
        self._labels: dict[str, list[tuple[str, Any, Any, Any]]] = {}
        self._names: dict[str, dict[Any, list[str]]] = {}
        self._places: dict[str, list[str]] | None = None
        self._aliased: dict[str, list[str]] | None = None

    def rows(self, lab: str) -> list[tuple[str, Any, Any, Any]]:
        """(id, name, aliases, level) of the nodes of ``lab``, in the graph's order."""
        rows = self._labels.get(lab)
        if rows is None:
            g = self._g
            label_rows = getattr(g, "label_rows", None)  # the SQLite view: one indexed scan per label
            if label_rows is not None:
                rows = self._labels[lab] = [row[:1] + row[2:] for row in label_rows(lab)]
            else:                                               # networkx: one scan for every label
                for n in g.nodes:
                    data = g.nodes[n]
                    self._labels.setdefault(label(g, n), []).append(
                        (n, data.get("name"), data.get("aliases"), data.get("level")))
                rows = self._labels.setdefault(lab, [])
        return rows

    def nodes(self, lab: str) -> list[str]:
        return [row[0] for row in self.rows(lab)]

    def named(self, lab: str, name: Any) -> list[str]:
        names = self._names.get(lab)
        if names is None:
            names = self._names[lab] = {}
            for n, value, _, _ in self.rows(lab):
                names.setdefault(value, []).append(n)
        return names.get(name, [])

    def places(self, name: str) -> list[str]:
        g = self._g
        if self._places is None and getattr(g, "place_aliases", None) is not None and g.names_indexed("Place"):
            # the SQLite view: the name by its index, the id by its key, an alias from the few places that
            # have one — not every place read (7,809 at 2,000 documents: ~60 ms of a process's first call)
            if self._aliased is None:
                self._aliased = g.place_aliases()
            hits = [*g.named_ids("Place", name), *self._aliased.get(name, ())]
            return hits + [name] if name in g and label(g, name) == "Place" else hits
        if self._places is None:
            self._places = {}
            for n, value, aliases, _ in self.rows("Place"):
                for alias in {str(n), value or ""} | set(aliases or []):
                    if alias:
                        self._places.setdefault(alias, []).append(n)
        return self._places.get(name, [])


def index_of(g: Any) -> GraphIndex:
    """The ``GraphIndex`` of ``g`` as it is now, kept by ``queries.rows.cached`` (the one per-graph-version
    helper) under the graph's identity (``rows.identity``) and the store's write counter where it keeps
    one — a view of one write counter (``SQLiteGraphView``) never changes — else its node count
    (networkx counts edges in O(n); the view counts nodes by scanning the table: 0.09 s at 100,000 documents,
    once per process, in the first call that names a place)."""
    from queries.rows import cached, identity

    def key() -> tuple[Any, ...]:
        version = g.graph.get("version")
        return (identity(g), None, version) if version is not None else (identity(g), g.number_of_nodes(), None)

    return cached("graph_index", key, lambda: GraphIndex(g))


def nodes_of(g: Any, lab: str, *edges: tuple[str, bool]) -> list[str]:
    """Every node of label ``lab``, for a query that walks them all; ``edges``: the (relationship type,
    outgoing?) it follows from each. A store that loads the graph on demand (the SQLite view) then
    loads those nodes and relationships in a few scans instead of one node at a time."""
    prefetch = getattr(g, "prefetch", None)
    if prefetch is not None:
        prefetch(lab, edges)
    return index_of(g).nodes(lab)


def count_of(g: Any, lab: str) -> int:
    """How many nodes have label ``lab`` (nothing loaded; the SQLite view counts them in SQL)."""
    counted = getattr(g, "label_count", None)
    return counted(lab) if counted is not None else len(index_of(g).nodes(lab))


def named(g: Any, lab: str, value: str) -> list[str]:
    """Nodes of label ``lab`` whose id or ``name`` equals ``value`` (Cypher ``n.name = $v OR n.id = $v``).
    On the SQLite view one look-up in its index of names, where the file has it (the names of every
    node of the label are not read: 104,833 named models at 20,000 documents)."""
    indexed = getattr(g, "names_indexed", None)
    if indexed is not None and isinstance(value, str) and indexed(lab):
        hits = g.named_ids(lab, value)
    else:
        hits = list(index_of(g).named(lab, value))
    if value in g and value not in hits and label(g, value) == lab:
        hits.append(value)
    return hits


def find_places(g: Any, place: str) -> list[str]:
    """Places whose id, name or an alias equals ``place`` (the same test as the Cypher queries)."""
    return sorted(set(index_of(g).places(place)))


def place_scope(g: Any, place_node: str, depth: int = 2) -> list[str]:
    """The place and the places PART_OF it, up to ``depth`` levels down (Cypher ``PART_OF*0..depth``)."""
    seen = {place_node}
    frontier = [place_node]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for child, _data in in_edges(g, node, "PART_OF"):
                if child not in seen:
                    seen.add(child)
                    nxt.append(child)
        frontier = nxt
    return sorted(seen)


def place_ancestors(g: Any, places: Iterable[str], depth: int = 2) -> dict[str, set[str]]:
    """Each of ``places`` (those in the graph) with the places it is PART_OF, up to ``depth`` levels up:
    ``q in place_ancestors(g, [p])[p]`` exactly when ``p in place_scope(g, q, depth)``. Read set-wise,
    one ``linked`` scan of ids per level: a place has a parent or two, where its scope can hold thousands
    (a province's cities and their districts)."""
    places = [q for q in dict.fromkeys(places) if q in g]
    parents: dict[str, list[str]] = {}
    frontier = places
    for _ in range(depth):
        todo = [q for q in dict.fromkeys(frontier) if q not in parents]
        for q in todo:
            parents[q] = []
        for q, parent, _, _, _ in linked(g, todo, "PART_OF", True):
            parents[q].append(parent)
        frontier = [p for q in frontier for p in parents[q]]
    out = {}
    for place in places:
        seen = {place}
        level = [place]
        for _ in range(depth):
            nxt = []
            for q in level:
                for p in parents.get(q, ()):
                    if p not in seen:
                        seen.add(p)
                        nxt.append(p)
            level = nxt
        out[place] = seen
    return out


def measuring_figures(g: Any, measure: str, practice: str | None, within: Container[str]) -> dict[str, Any]:
    """The figures inside ``measure`` that measure ``practice`` at a place of ``within`` (``figures_measuring``),
    read node by node."""
    return figures_measuring(((mt, g.nodes[mt]) for mt, _ in out_edges(g, measure, "HAS_METRIC")), practice, within,
                             lambda mt: (pl for pl, _ in out_edges(g, mt, "FOR_PLACE")))


def figures_measuring(figures: Iterable[tuple[str, Mapping[str, Any]]], practice: str | None, within: Container[str],
                      places_of: Callable[[str], Iterable[str]]) -> dict[str, Any]:
    """Of ``figures`` (metric id, its attributes), those that measure ``practice`` at a place of ``within``
    (``places_of(metric)``: its FOR_PLACE places): a result (not planned), about one of those places,
    whose own sentence names the practice — as the ``metrics`` count and the ``fig_*`` evidence columns
    of the Cypher queries (a figure's first evidence entry)."""
    out: dict[str, Any] = {"metrics": 0, "fig_doc": [], "fig_start": [], "fig_end": [], "fig_quote": []}
    for mt, n in figures:
        if n.get("status") == "planned" or practice not in (n.get("practices") or ()):
            continue
        if not any(pl in within for pl in places_of(mt)):
            continue
        quotes = n.get("ev_quote") or [None]
        out["metrics"] += 1
        out["fig_doc"].append(n.get("doc_id"))
        out["fig_start"].append(n.get("start"))
        out["fig_end"].append(n.get("end"))
        out["fig_quote"].append(quotes[0])
    return out
