"""What the embedded queries read: the part of the SQLite graph they touch, loaded when touched.

``SQLiteGraphView`` answers the few networkx ``MultiDiGraph`` reads the queries make
(``g.nodes[n]``, ``n in g``, iterating ``g.nodes``, ``g._succ[n]`` / ``g._pred[n]`` — neighbour →
{relationship type: attributes} —, ``g.graph``, ``number_of_nodes()``, ``is_multigraph()``) with the
same attribute dicts the full networkx graph (``SQLiteStore.graph``) holds, read from the tables on
first use and kept for the life of the view: one view per write-counter value. A query about one
place reads that place's neighbourhood, not the graph; a fresh process answers it in milliseconds.
``label_rows()`` gives every node's label, name and aliases in one scan (``GraphIndex``).

Evidence is read as late as it can be: a hub's (``HUBS``: nodes that gather an entry from every
document naming them) the first time a query reads it, a relationship's with the others of its scan
the first time one of them is read (``_LazyEvidence``); quotes are cut by SQL from the ``doc`` table's
texts. What the view has built is moved out of the cyclic collector's sight before each read.
"""
from __future__ import annotations

import json
import weakref
from collections.abc import Iterator, Mapping
from typing import Any

from graph.heap import freeze_heap
from graph.model import DOCUMENT_ID_GLOB, EV_FIELDS, ev_lists_of

__all__ = ["Link", "SQLiteGraphView"]

_CHUNK = 500
# an owner with more evidence entries than this keeps its best entry for the view's life once a query
# read it (``linked(best=True)``)
_MANY = 2000
# an evidence entry's quote: the slice [qs, qe) of its document's text (SQLite's substr counts characters,
# as Python's slices do; no span: the whole text, as ``text[None:None]``), or the quote kept with it
# where it is not a slice of the text
_QUOTE = "CASE WHEN v.quote IS NOT NULL THEN v.quote WHEN v.qs IS NULL THEN t.text ELSE substr(t.text, v.qs + 1, v.qe - v.qs) END"
# whether an entry's quote (``_QUOTE``) is non-empty, told without reading the text where the span says
# it (a text with a NUL in it, NULL here, is cut in Python: its spans say it too)
_QUOTED = ("CASE WHEN v.quote IS NOT NULL THEN v.quote <> '' WHEN v.qs IS NULL THEN coalesce(length(t.text), 1) > 0 "
           "ELSE v.qe > v.qs END")
# an owner with more evidence entries than this, and than 1 in ``_WALK_SHARE`` documents, has its best
# entry's document found by walking the documents in id order (the node table's index of ids) and asking
# at each whether the owner has an entry there: a hub (a practice named in every document) is answered at
# its first documents, where reading all its entries, each joined to its document (a page each) for the
# id, grows with the corpus (a second at 100,000); an owner in fewer documents would be walked longer
_WALK_OVER = 100
_WALK_SHARE = 100
# how far that walk goes (document ids below this: 1 in 32 of the 16-hex-digit ids govkg gives documents);
# an owner with no such entry there (many entries in a few documents) is read whole, as a small one is
_WALK_BELOW = "08"
# ``_QUOTED`` without the join: the text read only for an entry without a span
_QUOTED_ALONE = ("CASE WHEN v.quote IS NOT NULL THEN v.quote <> '' WHEN v.qs IS NULL THEN "
                 "coalesce((SELECT length(t.text) FROM doc t WHERE t.nid = v.doc), 1) > 0 ELSE v.qe > v.qs END")
# whether an entry may have a quote, told from the entry alone (an entry without a span reads its text)
_MAYBE_QUOTED = "CASE WHEN quote IS NOT NULL THEN quote <> '' WHEN qs IS NULL THEN 1 ELSE qe > qs END"
# labels whose nodes gather evidence from every document that names them (a practice, a policy cited
# everywhere, a province): their evidence is read only when a query asks for it, node by node
HUBS = frozenset({"Practice", "PracticeCategory", "Agency", "Policy", "Place"})
# what ``linked`` gives per relationship: (node, neighbour, the neighbour's values, the relationship's
# values, the evidence lists or None)
Link = tuple[str, str, tuple[Any, ...], tuple[Any, ...], "dict[str, list[Any]] | None"]


# per label of the index of names, the SQL term that selects its nodes through that index: the label
# as a literal and the index's condition (``graph.sqlite_store.NAMED_WHERE``); fixed strings of ours,
# never a caller's text
# (``graph.sqlite_store`` creates it; not imported from there: that module imports this one)
_NAME_INDEX = "node_name"
_IN_NAMES = "label IN ('Agency', 'NamedModel', 'Place', 'Practice')"
_LITERAL = {lab: f"'{lab}' AND {_IN_NAMES}" for lab in ("Agency", "NamedModel", "Place", "Practice")}


def _after_prefix(prefix: str) -> str:
    """The least text above every text that starts with ``prefix`` (in code-point order, SQLite's
    BINARY collation of UTF-8 text): its last character raised by one."""
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last < 0xE000:                # (surrogates are no text: the next character after them)
        last = 0xE000
    return prefix[:-1] + chr(last) if last <= 0x10FFFF else prefix + "\U0010ffff"


class SQLiteGraphView:
    def __init__(self, store: Any, version: int):          # store: the graph.sqlite_store.SQLiteStore
        self._store = store
        self.graph: dict[str, Any] = {"edge_keys": "type", "version": version}
        self._attrs: dict[str, dict[str, Any]] = {}
        self._nid: dict[str, int | None] = {}
        self._id: dict[int, str] = {}
        self._texts: dict[int, str] = {}          # document nid -> its text (what quotes are cut from)
        self._rels: dict[int, dict[str, Any]] = {}
        self._count: int | None = None
        self._doc_count: int | None = None
        self._prefetched: set[str] = set()
        self._prefetched_edges: set[tuple[str, str, bool]] = set()
        self._label_ids: dict[str, list[str]] = {}
        self._name_index: bool | None = None
        # what ``_summarise`` found, per owner nid: of nodes (``evidence_summary``), of relationships
        self._summaries: dict[int, tuple[int, tuple[Any, Any, Any, Any] | None]] = {}
        self._rel_summaries: dict[int, tuple[int, tuple[Any, Any, Any, Any] | None]] = {}
        self._doc_ids: dict[int, str] = {}        # every document's nid -> its id (``_document_ids``)
        self._typed: dict[tuple[str, str, bool], list[tuple[str, dict[str, Any]]]] = {}
        # what the callers reading through this view share and may compute once (the row indexes filled
        # through it: a quote's grade, ``queries/grading.py``), keyed as they say; it goes with the view
        self.memo: dict[Any, Any] = {}
        # (the mappings refer to the view weakly: no cycle, see ``_Pending``)
        self.nodes = self._node = _Nodes(weakref.proxy(self))
        self._succ = _Adjacency(weakref.proxy(self), "s", "e")
        self._pred = _Adjacency(weakref.proxy(self), "e", "s")

    def release(self) -> None:
        """Drop everything loaded through this view (a private view, once its caller has its rows)."""
        for cache in (self._attrs, self._nid, self._id, self._texts, self._rels, self._prefetched,
                      self._prefetched_edges, self._label_ids, self._typed, self._summaries, self._rel_summaries,
                      self._doc_ids,
                      self.memo):
            cache.clear()

    # -- what the queries call ----------------------------------------------------------------------
    def is_multigraph(self) -> bool:
        return True

    def number_of_nodes(self) -> int:
        if self._count is None:
            self._count = self._one("SELECT count(*) FROM node")[0]
        return self._count

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str) and self._nid_of(node) is not None

    def __len__(self) -> int:
        return self.number_of_nodes()

    def label_rows(self, label: str) -> list[tuple[str, str, Any, Any, Any]]:
        """(id, label, name, aliases, level) of every node of ``label``, in load order (one indexed
        scan; no evidence read)."""
        rows = self._all("SELECT id, json_extract(props, '$.name'), json_extract(props, '$.aliases'), "
                         "json_extract(props, '$.level') FROM node WHERE label = ? ORDER BY nid", (label,))
        return [(i, label, name, json.loads(aliases) if aliases else None, level)
                for i, name, aliases, level in rows]

    def place_aliases(self) -> dict[str, list[str]]:
        """alias -> the ids of the places that have it, in load order: one scan of the places' aliases (most
        have none), no other property read."""
        out: dict[str, list[str]] = {}
        for node, aliases in self._all("SELECT id, json_extract(props, '$.aliases') FROM node WHERE label = 'Place' "
                                       "AND json_extract(props, '$.aliases') IS NOT NULL ORDER BY nid"):
            for alias in json.loads(aliases) or ():
                out.setdefault(alias, []).append(node)
        return out

    def names_indexed(self, label: str) -> bool:
        """Whether the nodes of ``label`` are in the file's index of names (``graph.sqlite_store.NAME_INDEX``:
        a file from before it has none until its next build or ``govkg init``)."""
        if label not in _LITERAL:
            return False
        if not self._name_index:               # (asked again until found: ``init_schema`` may add it)
            self._name_index = self._one("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                                         (_NAME_INDEX,)) is not None
        return self._name_index

    def named_ids(self, label: str, name: str) -> list[str]:
        """The ids of the nodes of ``label`` (one of ``NAMED_LABELS``, with ``names_indexed``) whose name
        is ``name``, in load order: one look-up in the index of names."""
        rows = self._all(f"SELECT nid, id FROM node WHERE label = {_LITERAL[label]} "    # a fixed literal
                         "AND json_extract(props, '$.name') = ?", (name,))
        return [node for _, node in sorted(rows)]

    def has_name(self, label: str, value: str) -> bool:
        """Whether a node of ``label`` (with ``names_indexed``) has ``value`` as its id or its (non-empty)
        name: two look-ups by index."""
        literal = _LITERAL[label]
        return self._one(f"SELECT EXISTS (SELECT 1 FROM node WHERE label = {literal} "     # a fixed literal
                         "AND json_extract(props, '$.name') = ?) OR EXISTS (SELECT 1 FROM node "
                         f"WHERE id = ? AND label = {literal} AND coalesce(json_extract(props, '$.name'), '') <> '')",
                         (value, value))[0] == 1

    def names_page(self, label: str, prefix: str | None, limit: int) -> list[tuple[str, Any, Any, Any]]:
        """(id, name, aliases, level) of the first ``limit`` nodes of ``label`` (with ``names_indexed``)
        by (name, id) — names only, those starting with ``prefix`` if given — read in the index's order."""
        where, params = f"label = {_LITERAL[label]} AND json_extract(props, '$.name') > ''", []   # a fixed literal
        if prefix:
            where += " AND json_extract(props, '$.name') >= ? AND json_extract(props, '$.name') < ?"
            params += [prefix, _after_prefix(prefix)]
        rows = self._all("SELECT id, json_extract(props, '$.name'), json_extract(props, '$.aliases'), "
                         f"json_extract(props, '$.level') FROM node WHERE {where} "
                         "ORDER BY json_extract(props, '$.name'), id LIMIT ?", (*params, limit))
        return [(i, name, json.loads(aliases) if aliases else None, level) for i, name, aliases, level in rows]

    def label_values(self, label: str, fields: tuple[str, ...]) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """(id, the values of the properties ``fields``) of every node of ``label``, in load order, read
        straight from the table a few thousand at a time; nothing is kept in the view (an overview of
        every document reads their titles, not their texts)."""
        paths = tuple(f"$.{f}" for f in fields) + ("$.id", "$.id")     # two paths at least: a JSON array
        sql = (f"SELECT nid, id, json_extract(props, {','.join('?' * len(paths))}) FROM node "   # placeholders only
               "WHERE label = ? AND nid > ? ORDER BY nid LIMIT 5000")
        after = -1
        while True:
            with self._store._lock:
                rows = self._store._db.execute(sql, (*paths, label, after)).fetchall()
            for _, node, values in rows:
                yield node, tuple(json.loads(values)[:len(fields)])
            if len(rows) < 5000:
                return
            after = rows[-1][0]

    def link_counts(self, label: str, rel_type: str, out: bool, prefix: str = "") -> dict[str, int]:
        """Node of ``label`` (those with any) -> how many distinct nodes whose id starts with ``prefix``
        its ``rel_type`` relationships (outgoing if ``out``) reach, counted by SQL."""
        this, other = ("s", "e") if out else ("e", "s")
        return dict(self._all(f"SELECT a.id, count(DISTINCT b.nid) FROM node a JOIN rel r ON r.{this} = a.nid "   # fixed names only
                              f"JOIN node b ON b.nid = r.{other} WHERE a.label = ? AND r.type = ? "
                              "AND substr(b.id, 1, ?) = ? GROUP BY a.nid", (label, rel_type, len(prefix), prefix)))

    @property
    def store(self) -> Any:
        """The store this view reads (the ``graph.sqlite_store.SQLiteStore``)."""
        return self._store

    def edges_between(self, pairs: list[tuple[str, str]], rel_type: str) -> dict[tuple[str, str], dict[str, Any]]:
        """(start, end) -> the attributes of the ``rel_type`` relationship from start to end, for the
        pairs that have one; their evidence read together, and only theirs (not with the other
        relationships of their nodes)."""
        found: dict[tuple[str, str], tuple[int, str]] = {}
        todo = list(dict.fromkeys(pairs))
        for at in range(0, len(todo), _CHUNK // 2):
            part = todo[at:at + _CHUNK // 2]
            found.update(((s, e), (rid, props)) for s, e, rid, props in self._all(
                f"WITH k(s, e) AS (VALUES {','.join(['(?, ?)'] * len(part))}) "
                "SELECT k.s, k.e, r.rid, r.props FROM k JOIN rel r INDEXED BY rel_key "
                "ON r.s = (SELECT nid FROM node WHERE id = k.s) AND r.e = (SELECT nid FROM node WHERE id = k.e) "
                "AND r.type = ?", [*(x for pair in part for x in pair), rel_type]))
        missing = [rid for rid, _ in found.values() if rid not in self._rels]
        ev = self._evidence("rel_ev", missing) if missing else {}
        return {pair: self._make_rel(rid, props, ev) for pair, (rid, props) in found.items()}

    def node_order(self, nodes: list[str]) -> dict[str, int]:
        """node id -> where it comes in load order (its nid), for those of ``nodes`` that exist."""
        return {node: nid for node in nodes if (nid := self._nid_of(node)) is not None}

    def pairs(self, rel_type: str) -> list[tuple[str, str]]:
        """(start id, end id) of every ``rel_type`` relationship, in load order (nothing else read or kept)."""
        return self._all("SELECT a.id, b.id FROM rel r JOIN node a ON a.nid = r.s JOIN node b ON b.nid = r.e "
                         "WHERE r.type = ? ORDER BY r.rid", (rel_type,))

    def rel_pairs(self, rel_type: str, batch: int = 5000) -> Iterator[list[tuple[str, str]]]:
        """``pairs``, sorted by start id then end id instead, ``batch`` at a time: sorted by SQLite (spilling
        to temporary files past its page cache), so memory stays bounded however many there are; the
        connection is read between batches (a fill writes rows in between, to other tables)."""
        return self._batches("SELECT a.id, b.id FROM rel r JOIN node a ON a.nid = r.s JOIN node b "
                             "ON b.nid = r.e WHERE r.type = ? ORDER BY 1, 2", (rel_type,), batch)

    def instance_holders(self, batch: int = 5000) -> Iterator[list[tuple[str, str, str, str]]]:
        """(practice name, place, source, item), each once, sorted by item (then the others), ``batch`` at a
        time: every item INSTANCE_OF a node (its name, "" where that is no Practice or has none) with each
        place that holds it (source "measure": the place IMPLEMENTS it, an ``me_`` id; "model": it is
        OWNED_BY the place, any other id), and every place that ADOPTS a practice (source "adopts", item
        the practice). Sorted by SQLite (spilling to temporary files past its page cache): bounded memory
        however many there are; nothing is kept in the view. The connection is read between batches (a
        fill writes rows in between, to other tables)."""
        name = "coalesce(CASE WHEN x.label = 'Practice' THEN json_extract(x.props, '$.name') END, '')"
        sql = (f"SELECT {name}, q.id, CASE WHEN substr(m.id, 1, 3) = 'me_' THEN 'measure' ELSE 'model' END, m.id "
               "FROM rel i JOIN node m ON m.nid = i.s JOIN node x ON x.nid = i.e "
               "JOIN (SELECT s AS q, e AS m FROM rel WHERE type = 'IMPLEMENTS' "
               "      UNION ALL SELECT e, s FROM rel WHERE type = 'OWNED_BY') h ON h.m = i.s "
               "JOIN node q ON q.nid = h.q WHERE i.type = 'INSTANCE_OF' "
               f"UNION SELECT {name}, q.id, 'adopts', x.id FROM rel a JOIN node q ON q.nid = a.s "
               "JOIN node x ON x.nid = a.e WHERE a.type = 'ADOPTS' ORDER BY 4, 1, 2, 3")
        return self._batches(sql, (), batch)

    def _batches(self, sql: str, params: tuple, batch: int) -> Iterator[list[tuple]]:
        """The rows ``sql`` gives, ``batch`` at a time; the store's lock is held for the query and for each
        fetch only, so the connection may be written between batches."""
        with self._store._lock:
            cursor = self._store._db.execute(sql, params)
        try:
            while True:
                with self._store._lock:
                    rows = cursor.fetchmany(batch)
                if not rows:
                    return
                yield rows
        finally:
            cursor.close()

    def rel_order(self, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """(start, end) -> where relationships from start to end come in the adjacency order ``edges_of``
        gives (the least rid among them), for the pairs that have any."""
        out: dict[tuple[str, str], int] = {}
        todo = list(dict.fromkeys(pairs))
        for at in range(0, len(todo), _CHUNK // 2):
            part = todo[at:at + _CHUNK // 2]
            out.update(((s, e), rid) for s, e, rid in self._all(
                f"WITH k(s, e) AS (VALUES {','.join(['(?, ?)'] * len(part))}) "
                "SELECT k.s, k.e, (SELECT min(r.rid) FROM rel r INDEXED BY rel_key WHERE r.s = (SELECT nid FROM node WHERE id = k.s) "
                "AND r.e = (SELECT nid FROM node WHERE id = k.e)) FROM k", [x for pair in part for x in pair]) if rid is not None)
        return out

    def link_counts_of(self, nodes: list[str], rel_type: str, out: bool, prefix: str = "") -> dict[str, int]:
        """``link_counts`` of the nodes ``nodes`` (those with any), a few hundred per scan."""
        this, other = ("s", "e") if out else ("e", "s")
        # relationships into a practice are mostly its measures': its places' ADOPTS have an index of their own
        source = "rel r INDEXED BY rel_adopts" if (rel_type, out) == ("ADOPTS", False) else "rel r"
        where = "r.type = 'ADOPTS'" if (rel_type, out) == ("ADOPTS", False) else "r.type = ?"
        # the other end's id is read only where its prefix matters
        other_end = f"JOIN node b ON b.nid = r.{other} " if prefix else ""
        match = "AND substr(b.id, 1, ?) = ? " if prefix else ""
        counts: dict[str, int] = {}
        todo = list(dict.fromkeys(nodes))
        for at in range(0, len(todo), _CHUNK):
            part = todo[at:at + _CHUNK]
            counts.update(self._all(
                f"SELECT a.id, count(DISTINCT r.{other}) FROM node a JOIN {source} ON r.{this} = a.nid {other_end}"  # fixed SQL only
                f"WHERE a.id IN ({','.join('?' * len(part))}) AND {where} {match}GROUP BY a.nid",
                (*part, *(() if "?" not in where else (rel_type,)), *((len(prefix), prefix) if prefix else ()))))
        return counts

    def node_values(self, nodes: list[str], field: str) -> dict[str, Any]:
        """node id -> the value of its property ``field`` (None where it has none), for those of
        ``nodes`` that exist, read straight from the table (nothing kept: the years of every document
        a whole-graph index cites, without their texts)."""
        out: dict[str, Any] = {}
        todo = list(dict.fromkeys(nodes))
        for at in range(0, len(todo), _CHUNK):
            part = todo[at:at + _CHUNK]
            with self._store._lock:
                out.update(self._store._db.execute(
                    f"SELECT id, json_extract(props, ?) FROM node WHERE id IN ({','.join('?' * len(part))})",
                    (f"$.{field}", *part)).fetchall())
        return out

    def props_of(self, nodes: list[str]) -> dict[str, dict[str, Any]]:
        """node id -> its properties without evidence, for those of ``nodes`` that exist, read straight
        from the table (nothing kept, no evidence read)."""
        out: dict[str, dict[str, Any]] = {}
        todo = list(dict.fromkeys(nodes))
        for at in range(0, len(todo), _CHUNK):
            part = todo[at:at + _CHUNK]
            for node, props in self._all(f"SELECT id, props FROM node WHERE id IN ({','.join('?' * len(part))})", part):
                out[node] = json.loads(props)
        return out

    def evidence_summary(self, nodes: list[str]) -> dict[str, tuple[int, tuple[Any, Any, Any, Any] | None]] | None:
        """node id -> (how many evidence entries it has, its best entry (document, start, end, quote) or
        None), for those of ``nodes`` that exist: the entry ``queries.rows.best_evidence`` picks from
        all of them — one with a quote first, then the least (document, start, end), the first loaded
        of equal ones — chosen by SQL, which cuts the quote of that entry alone (a common model name
        gathers a hundred thousand entries at 100,000 documents; its answer shows one per model)."""
        if not self._store._doc_text:              # a file from before the documents' ids and texts
            return None
        nids = self._nids(nodes)
        found = self._summarise("node_ev", list(nids.values()), self._summaries)
        return {node: found[nid] for node, nid in nids.items()}

    def _nids(self, nodes: list[str]) -> dict[str, int]:
        """node id -> nid for those of ``nodes`` that exist (the ids not seen yet: a few hundred per scan)."""
        todo = [node for node in dict.fromkeys(nodes) if node not in self._nid]
        for at in range(0, len(todo), _CHUNK):
            part = todo[at:at + _CHUNK]
            found = dict(self._all(f"SELECT id, nid FROM node WHERE id IN ({','.join('?' * len(part))})", part))
            for node in part:
                self._nid[node] = nid = found.get(node)
                if nid is not None:
                    self._id[nid] = node
        return {node: nid for node in dict.fromkeys(nodes) if (nid := self._nid.get(node)) is not None}

    def _summarise(self, table: str, owners: list[int], known: dict[int, tuple[int, tuple[Any, Any, Any, Any] | None]],
                   keep_over: int = -1) -> dict[int, tuple[int, tuple[Any, Any, Any, Any] | None]]:
        """owner -> (count, best entry) of ``owners`` in evidence table ``table`` (``evidence_summary``):
        those in ``known`` from it, the others chosen by SQL (then kept in ``known`` if they have more
        than ``keep_over`` entries) — one with a quote first, then the least (document id, start, end),
        the first loaded of equal ones, as ``best_evidence`` picks — and the quote of that entry alone cut."""
        todo = [owner for owner in dict.fromkeys(owners) if owner not in known]
        out = {owner: known[owner] for owner in owners if owner in known}
        for at in range(0, len(todo), _CHUNK):
            part = todo[at:at + _CHUNK]
            marks = ",".join("?" * len(part))
            # per owner: how many entries, how many may have a quote (the index holds every column read)
            sizes = {owner: (count, maybe) for owner, count, maybe in self._all(
                f"SELECT owner, count(*), sum({_MAYBE_QUOTED}) FROM {table} WHERE owner IN ({marks}) GROUP BY owner", part)}
            counts = {owner: count for owner, (count, _) in sizes.items()}
            chosen, read = [], []
            walk_over = max(_WALK_OVER, self._documents() // _WALK_SHARE) if sizes else 0
            for owner in part:
                count, maybe = sizes.get(owner, (0, 0))
                head = self._first_document(table, owner, maybe > 0) if count > walk_over else None
                if head is not None:
                    chosen.append((owner, *head))
                elif count:
                    read.append(owner)
            ids = self._document_ids() if read else {}
            for at2 in range(0, len(read), _CHUNK):
                some = read[at2:at2 + _CHUNK]
                # per owner: the least (quoted first, document id) — its documents read from the index of its
                # entries (whether any entry there has a quote: the text read only for an entry without a
                # span), their ids from ``_document_ids``: no document's row is read (a page each; a large
                # city's policies have some 23,000 entries: 110 MB read per call at 100,000 documents)
                heads: dict[int, tuple[bool, str]] = {}
                for owner, doc, quoted in self._all(
                        f"SELECT owner, doc, max({_QUOTED_ALONE}) FROM {table} v "
                        f"WHERE owner IN ({','.join('?' * len(some))}) GROUP BY owner, doc", some):
                    did = ids.get(doc)
                    if did is None:                # (no such document: what a join with ``doc`` leaves out)
                        continue
                    head = (not quoted, did)
                    known_head = heads.get(owner)
                    if known_head is None or head < known_head:
                        heads[owner] = head
                chosen += [(owner, not head[0], head[1]) for owner, head in heads.items()]
            best: list[int] = []
            for at2 in range(0, len(chosen), _CHUNK // 2):      # then the least (start, end) of that document
                some = chosen[at2:at2 + _CHUNK // 2]
                best += [r for (r,) in self._all(
                    f"WITH m(owner, q, did) AS (VALUES {','.join(['(?, ?, ?)'] * len(some))}) "
                    f"SELECT (SELECT v.rowid FROM {table} v JOIN doc t ON t.nid = v.doc WHERE v.owner = m.owner "
                    "AND v.doc = (SELECT nid FROM node WHERE id = m.did) "
                    f"AND ({_QUOTED}) = m.q ORDER BY v.start, CASE WHEN v.\"end\" = 0 THEN -1 ELSE v.\"end\" END, "
                    "v.rowid LIMIT 1) FROM m", [x for c in some for x in c]) if r is not None]
            found = self._evidence(table, best, by_rowid=True) if best else {}
            for owner in part:
                cols = found.get(owner)
                summary = out[owner] = (counts.get(owner, 0), tuple(c[0] for c in cols) if cols else None)
                if summary[0] > keep_over:
                    known[owner] = summary
        return {owner: out[owner] for owner in owners}

    def _document_ids(self) -> dict[int, str]:
        """Every document's nid -> its id (read once per view: one scan of the index of ids over the
        documents' range, never their rows — 100,000 documents: 11 MB of index, ~0.1 s). A document is known
        by its id alone (``graph.model.DOCUMENT_ID``: no other label's id has that form)."""
        if not self._doc_ids:
            self._doc_ids.update(self._all(
                "SELECT nid, id FROM node WHERE id >= '0' AND id < 'g' AND id GLOB ?", (DOCUMENT_ID_GLOB,)))
        return self._doc_ids

    def _documents(self) -> int:
        """How many documents the graph holds (counted once per view)."""
        if self._doc_count is None:
            self._doc_count = self._one("SELECT count(*) FROM doc")[0]
        return self._doc_count

    def _first_document(self, table: str, owner: int, quoted: bool) -> tuple[bool, str] | None:
        """(whether it is quoted, document id) of the head of ``owner``'s entries in ``table`` in the order
        ``_summarise`` picks from (an entry with a quote first, then the least document id) — found by
        walking the documents in id order below ``_WALK_BELOW`` and asking at each (``quoted``: whether an
        entry of the owner may have a quote: then the first with one, else the first of any); None where
        the walk finds none (the caller reads them all)."""
        # (fixed SQL: the table is one of ours.) Only the index of ids and the owner's entries are read at
        # each step: a node an entry names as its document is one, and its text (the ``doc`` row, a page
        # of its own) is read only where the entry's quote is the whole text, and for the entry found.
        found = self._one(
            f"SELECT n.id FROM node n WHERE n.id < ? AND EXISTS (SELECT 1 FROM {table} v WHERE v.owner = ? "
            f"AND v.doc = n.nid AND ({_QUOTED_ALONE}) = ? AND EXISTS (SELECT 1 FROM doc t WHERE t.nid = v.doc)) "
            "ORDER BY n.id LIMIT 1", (_WALK_BELOW, owner, quoted))
        # (where an entry may have a quote but none in the walk has, a quoted one may lie beyond it)
        return None if found is None else (quoted, found[0])

    def linked(self, nodes: list[str], rel_type: str, out: bool, fields: tuple[str, ...] = (),
               rel_fields: tuple[str, ...] = (), other_label: str | None = None, text_head: int = 0,
               evidence: str | None = None, best: bool = False, equal: tuple[str, Any] | None = None) -> list[Link]:
        """One ``Link`` per ``rel_type`` relationship (outgoing if ``out``) of each of ``nodes`` whose
        other end has label ``other_label`` (any label: None) and, with ``equal`` (property, a value not None),
        that value of that property (tested by SQL: the others' values are never read), in the order ``edges_of`` gives them, read in a few
        set-wise scans, nothing kept: the values of the neighbour's properties ``fields`` (and, with
        ``text_head``, the first that many characters of its ``text``), of the relationship's
        ``rel_fields``, and its evidence (``evidence``: "node", the neighbour's, or "rel", the
        relationship's; ``best``: only the entry ``best_evidence`` picks, chosen by SQL where the file
        can). What a query that shows one row per neighbour reads, without building each one's
        attributes (thousands of figures about a city). Evidence dicts are shared by the links of one
        owner: read them, do not change them."""
        nids = self._nids(nodes)
        if not nids:
            return []
        this, other = ("s", "e") if out else ("e", "s")
        params: list[Any] = []

        def values(props: str, names: tuple[str, ...]) -> str:
            if not names:
                return "NULL"
            paths = [f"$.{f}" for f in names] + ["$.id"] * (len(names) < 2)      # two paths at least: a JSON array
            params.extend(paths)
            return f"json_extract({props}, {','.join('?' * len(paths))})"      # placeholders only

        columns = f"{values('b.props', fields)}, {values('r.props', rel_fields)}"
        if text_head and self._store._doc_text:
            columns += ", CASE WHEN d.text IS NOT NULL THEN substr(d.text, 1, ?) ELSE json_extract(b.props, '$.text') END"
            params.append(text_head)
        else:
            columns += ", json_extract(b.props, '$.text')" if text_head else ", NULL"
        join = "LEFT JOIN doc d ON d.nid = b.nid " if text_head and self._store._doc_text else ""
        # best entries: an owner of one entry (most facts) has it read in the same scan; the others
        # are chosen among theirs afterwards (``_summarise``)
        inline = bool(evidence and best and self._store._doc_text)
        if inline:
            table, owner = ("rel_ev", "r.rid") if evidence == "rel" else ("node_ev", "b.nid")
            columns += f', t.id, v.start, v."end", {_QUOTE}'
            join += (f"LEFT JOIN {table} v ON v.rowid = (SELECT CASE WHEN count(*) = 1 THEN max(x) END FROM "   # fixed SQL only
                     f"(SELECT rowid AS x FROM {table} WHERE owner = {owner} LIMIT 2)) LEFT JOIN doc t ON t.nid = v.doc ")
        else:
            columns += ", NULL, NULL, NULL, NULL"
        # "+": the label is checked on the rows the relationship index gives, never used to pick nodes (a
        # label index scan over every policy of the graph, probing each: a second per query at 15,000)
        where = "AND +b.label = ? " if other_label is not None else ""
        tail = [rel_type] + ([other_label] if other_label is not None else [])
        if equal is not None:                  # (a placeholder for the path and one for the value)
            where += "AND json_extract(b.props, ?) = ? "
            tail += [f"$.{equal[0]}", equal[1]]
        n, n_rel = len(fields), len(rel_fields)
        rows: list[tuple[Any, ...]] = []
        todo = list(nids.values())
        for at in range(0, len(todo), _CHUNK):
            part = todo[at:at + _CHUNK]
            rows += self._all(
                f"SELECT a.id, b.nid, b.id, r.rid, {columns} FROM rel r "                  # fixed SQL only
                f"JOIN node a ON a.nid = r.{this} JOIN node b ON b.nid = r.{other} {join}"
                f"WHERE r.{this} IN ({','.join('?' * len(part))}) AND r.type = ? {where}"
                "ORDER BY a.nid, (SELECT min(x.rid) FROM rel x INDEXED BY rel_key WHERE x.s = r.s AND x.e = r.e)",
                [*params, *part, *tail])
        ids, known = self._id, self._nid
        for row in rows:
            ids[row[1]] = row[2]
            known[row[2]] = row[1]
        ev: dict[int, dict[str, list[Any]]] = {}
        if inline:
            for row in rows:
                if row[10] is not None:                # one entry, its quote cut by SQL
                    ev[row[3] if evidence == "rel" else row[1]] = {
                        "ev_doc": [row[7]], "ev_start": [row[8]], "ev_end": [row[9]], "ev_quote": [row[10]]}
        if evidence:
            rest = [o for o in dict.fromkeys(row[3] if evidence == "rel" else row[1] for row in rows) if o not in ev]
            ev.update(self._evidence_of(evidence, rest, best) if rest else {})
        found: dict[str, list[Link]] = {}
        parsed: dict[int, tuple[Any, ...]] = {}         # a neighbour's values, read once (a practice of every measure)
        for node, nid, neighbour, rid, props, rel_props, text, *_ in rows:
            got = parsed.get(nid)
            if got is None:
                got = parsed[nid] = tuple(json.loads(props)[:n]) if n else ()
            if text_head:
                got += ((text if isinstance(text, str) else "")[:text_head],)
            link = (node, neighbour, got, tuple(json.loads(rel_props)[:n_rel]) if n_rel else (),
                    ev[rid if evidence == "rel" else nid] if evidence else None)
            hit = found.get(node)
            if hit is None:
                found[node] = [link]
            else:
                hit.append(link)
        return [link for node in nids for link in found.get(node, ())]

    def _evidence_of(self, evidence: str, owners: list[int], best: bool) -> dict[int, dict[str, list[Any]]]:
        """owner -> its four evidence lists (``EV_FIELDS``), of nodes (``evidence`` "node") or relationships
        ("rel"); ``best``: only the entry ``best_evidence`` picks, where the file lets it be chosen here."""
        table = "node_ev" if evidence == "node" else "rel_ev"
        if best and self._store._doc_text:
            # the best entry alone, its quote alone cut; kept for the view's life where the owner has
            # thousands (a policy every document cites, read again by the next query)
            known = self._summaries if evidence == "node" else self._rel_summaries
            return {owner: ev_lists_of((entry,) if entry else ())
                    for owner, (_, entry) in self._summarise(table, owners, known, _MANY).items()}
        found = self._evidence(table, owners)
        return {owner: dict(zip(EV_FIELDS, found.get(owner) or ([], [], [], []))) for owner in owners}

    def evidence_lists(self, nodes: list[str]) -> dict[str, dict[str, list[Any]]]:
        """node id -> its four evidence lists (``EV_FIELDS``, every entry in load order), for those of
        ``nodes`` that exist, read set-wise without building the nodes (what ``nodes[n]`` would hold)."""
        nids = self._nids(nodes)
        found = self._evidence_of("node", list(nids.values()), False)
        return {node: found[nid] for node, nid in nids.items()}

    def label_count(self, label: str) -> int:
        """How many nodes have ``label`` (one indexed count)."""
        return self._one("SELECT count(*) FROM node WHERE label = ?", (label,))[0]

    def prefetch(self, label: str, edges: tuple[tuple[str, bool], ...] = ()) -> None:
        """Load every node of ``label`` in two scans, and for each (type, outgoing) of ``edges`` their
        relationships of that type with the nodes at the other end: what a query that walks all of
        them reads, fetched in bulk instead of node by node."""
        if label not in self._prefetched:
            self._prefetched.add(label)
            rows = self._all("SELECT nid, id, props FROM node WHERE label = ? ORDER BY nid", (label,))
            self._label_ids[label] = [node for _, node, _ in rows]
            fresh = [(nid, node, label, props) for nid, node, props in rows if node not in self._attrs]
            if label in HUBS:                      # their evidence grows with the corpus: read when asked
                self._keep_nodes(fresh)
            else:
                ev = self._evidence_where("node_ev v JOIN node n ON n.nid = v.owner", "n.label = ?", (label,))
                for row in fresh:
                    self._keep_node(*row, ev)
        for rel_type, out in edges:
            if (label, rel_type, out) in self._prefetched_edges:
                continue
            self._prefetched_edges.add((label, rel_type, out))
            this, other = ("s", "e") if out else ("e", "s")
            rows = self._all(
                f"SELECT a.id, r.rid, r.props, b.nid, b.id, b.label, b.props FROM rel r "   # fixed names only
                f"JOIN node a ON a.nid = r.{this} JOIN node b ON b.nid = r.{other} "
                f"WHERE a.label = ? AND r.type = ? "
                "ORDER BY a.nid, (SELECT min(x.rid) FROM rel x INDEXED BY rel_key WHERE x.s = r.s AND x.e = r.e)", (label, rel_type))
            found: dict[str, list[tuple[str, dict[str, Any]]]] = {node: [] for node in self._label_ids[label]}
            self._take(rows, found)
            for node, hit in found.items():
                self._typed.setdefault((node, rel_type, out), hit)

    def label_ids(self, label: str) -> list[str]:
        """The ids of every node of ``label``, in load order (what ``prefetch`` loaded, else one scan)."""
        ids = self._label_ids.get(label)
        if ids is None:
            ids = [row[0] for row in self.label_rows(label)]
        return ids

    def prefetch_nodes(self, nodes: list[str]) -> None:
        """Load the attributes (with evidence) of each of ``nodes`` not loaded yet, a few hundred per scan."""
        todo = [n for n in dict.fromkeys(nodes) if n not in self._attrs]
        for at in range(0, len(todo), _CHUNK):
            part = todo[at:at + _CHUNK]
            self._keep_nodes(self._all(
                f"SELECT nid, id, label, props FROM node WHERE id IN ({','.join('?' * len(part))})", part))

    def prefetch_edges(self, nodes: list[str], rel_type: str, out: bool) -> None:
        """Load the ``rel_type`` relationships (outgoing if ``out``) of each of ``nodes`` and the nodes at
        their other ends, a few hundred nodes per scan: what ``edges_of`` then gives for each of them
        (same order) without one query per node."""
        todo = [n for n in dict.fromkeys(nodes) if (n, rel_type, out) not in self._typed]
        nids = [(n, nid) for n in todo if (nid := self._nid_of(n)) is not None]
        this, other = ("s", "e") if out else ("e", "s")
        for at in range(0, len(nids), _CHUNK):
            part = nids[at:at + _CHUNK]
            rows = self._all(
                f"SELECT a.id, r.rid, r.props, b.nid, b.id, b.label, b.props FROM rel r "   # fixed names only
                f"JOIN node a ON a.nid = r.{this} JOIN node b ON b.nid = r.{other} "
                f"WHERE r.{this} IN ({','.join('?' * len(part))}) AND r.type = ? "
                "ORDER BY a.nid, (SELECT min(x.rid) FROM rel x INDEXED BY rel_key WHERE x.s = r.s AND x.e = r.e)",
                (*(nid for _, nid in part), rel_type))
            found: dict[str, list[tuple[str, dict[str, Any]]]] = {node: [] for node, _ in part}
            self._take(rows, found)
            for node, hit in found.items():
                self._typed.setdefault((node, rel_type, out), hit)

    def _take(self, rows: list[tuple[Any, ...]], found: dict[str, list[tuple[str, dict[str, Any]]]]) -> None:
        """Rows (this end's id, rid, props, other end's nid, id, label, props) → ``found[this end]``,
        with the relationships' evidence and the other ends' attributes loaded in bulk."""
        fresh = {row[4]: row[3:] for row in rows if row[4] not in self._attrs}
        self._keep_nodes(list(fresh.values()))
        batch = _Pending(self, "rel_ev")
        for this, rid, props, _, other, _, _ in rows:
            found.setdefault(this, []).append((other, self._lazy_rel(rid, props, batch)))

    def edges_of(self, node: str, rel_type: str, out: bool) -> list[tuple[str, dict[str, Any]]]:
        """(neighbour, attributes) of ``node``'s ``rel_type`` relationships (outgoing if ``out``), in
        the order the full graph's adjacency gives them; the neighbours' attributes are loaded with
        them (a query reads them next)."""
        key = (node, rel_type, out)
        hit = self._typed.get(key)
        if hit is not None:
            return hit
        whole = (self._succ if out else self._pred)._cache.get(node)
        if whole is not None:
            hit = [(other, keyed[rel_type]) for other, keyed in whole.items() if rel_type in keyed]
        else:
            nid = self._nid_of(node)
            if nid is None:
                raise KeyError(node)
            this, other = ("s", "e") if out else ("e", "s")
            rows = self._all(
                f"SELECT ?, r.rid, r.props, n.nid, n.id, n.label, n.props FROM rel r JOIN node n ON n.nid = r.{other} "
                f"WHERE r.{this} = ? AND r.type = ? "
                "ORDER BY (SELECT min(x.rid) FROM rel x INDEXED BY rel_key WHERE x.s = r.s AND x.e = r.e)", (node, nid, rel_type))
            found: dict[str, list[tuple[str, dict[str, Any]]]] = {node: []}
            self._take(rows, found)
            hit = found[node]
        self._typed[key] = hit
        return hit

    # -- loading ------------------------------------------------------------------------------------
    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        with self._store._lock:
            return self._store._db.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Any = ()) -> list[Any]:
        # what the view built from its earlier reads lives as long as the view (one graph version)
        freeze_heap()
        with self._store._lock:
            return self._store._db.execute(sql, params).fetchall()

    def _nid_of(self, node: str) -> int | None:
        if node in self._nid:
            return self._nid[node]
        row = self._one("SELECT nid FROM node WHERE id = ?", (node,))
        nid = self._nid[node] = row[0] if row else None
        if nid is not None:
            self._id[nid] = node
        return nid

    def _evidence(self, table: str, owners: list[int], by_rowid: bool = False) -> dict[int, tuple[list[Any], ...]]:
        """owner → the four evidence columns of ``owners`` (``by_rowid``: of the entries with these
        rowids), entries in load order."""
        rows: list[tuple[Any, ...]] = []
        column = "v.rowid" if by_rowid else "v.owner"
        for i in range(0, len(owners), _CHUNK):
            part = owners[i:i + _CHUNK]
            rows += self._all(self._evidence_sql(f"{table} v", f"{column} IN ({','.join('?' * len(part))})"), part)
        return self._collect(rows)              # (each owner's entries come from one scan, in order)

    def _evidence_where(self, source: str, where: str, params: tuple[Any, ...]) -> dict[int, tuple[list[Any], ...]]:
        """Like ``_evidence``, for the owners a join selects (``source`` / ``where`` are fixed SQL)."""
        return self._collect(self._all(self._evidence_sql(source, where), params))

    def _evidence_sql(self, source: str, where: str) -> str:
        """The evidence rows of ``source`` (aliased ``v``) that ``where`` selects, in load order (both fixed
        SQL): (owner, document id, start, end, quote, document nid, qs, qe) from the ``doc`` table's ids
        and texts (the quote NULL where that text is: one with a NUL), or in a file from before them
        (owner, document nid, start, end, qs, qe, quote); ``_collect`` reads either."""
        if self._store._doc_text:
            return (f'SELECT v.owner, t.id, v.start, v."end", {_QUOTE}, v.doc, v.qs, v.qe FROM {source} '
                    f"JOIN doc t ON t.nid = v.doc WHERE {where} ORDER BY v.rowid")
        return f'SELECT v.owner, v.doc, v.start, v."end", v.qs, v.qe, v.quote FROM {source} WHERE {where} ORDER BY v.rowid'

    def _collect(self, rows: list[tuple[Any, ...]]) -> dict[int, tuple[list[Any], ...]]:
        """Evidence rows (``_evidence_sql``) → owner → the four evidence columns; in a file from before
        the ``doc`` table's ids and texts, those are read once per document here."""
        if rows and len(rows[0]) == 7:
            rows = self._resolve(rows)
        elif any(row[4] is None for row in rows):
            rows = self._resolve([(owner, nid, start, end, qs, qe, None) if quote is None else
                                  (owner, nid, start, end, None, None, quote)
                                  for owner, _, start, end, quote, nid, qs, qe in rows])
        out: dict[int, tuple[list[Any], ...]] = {}
        for row in rows:                        # (indexing: no list per row for the columns not used)
            c = out.get(row[0])
            if c is None:
                c = out[row[0]] = ([], [], [], [])
            c[0].append(row[1])
            c[1].append(row[2])
            c[2].append(row[3])
            c[3].append(row[4])
        return out

    def _resolve(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Rows (owner, doc nid, start, end, qs, qe, quote) → (owner, doc id, start, end, quote)."""
        ids, texts = self._id, self._texts
        self._load_documents(list({doc for _, doc, _, _, _, _, quote in rows
                                   if doc not in ids or (quote is None and doc not in texts)}))
        return [(owner, ids[doc], start, end, quote if quote is not None else texts[doc][qs:qe])
                for owner, doc, start, end, qs, qe, quote in rows]

    def _load_documents(self, docs: list[int]) -> None:
        """The ids and texts of the documents ``docs`` (nids), a few hundred per scan."""
        for i in range(0, len(docs), _CHUNK):
            part = docs[i:i + _CHUNK]
            for nid, node, text in self._all("SELECT nid, id, json_extract(props, '$.text') FROM node "
                                             f"WHERE nid IN ({','.join('?' * len(part))})", part):
                self._id[nid], self._nid[node] = node, nid
                self._texts[nid] = text if isinstance(text, str) else ""

    def _make_node(self, nid: int, node: str, label: str, props: str,
                   ev: dict[int, tuple[list[Any], ...]]) -> dict[str, Any]:
        data = json.loads(props)
        if label == "Document":
            attrs = {"label": label, **data}
        else:
            attrs = {"label": label, "id": data.pop("id", node), **dict.fromkeys(EV_FIELDS, ()), **data}
        for f, col in zip(EV_FIELDS, ev.get(nid, ())):
            attrs[f] = tuple(col)
        return attrs

    def _keep_node(self, nid: int, node: str, label: str, props: str,
                   ev: dict[int, tuple[list[Any], ...]]) -> dict[str, Any]:
        """Build ``node``'s attributes and keep them (and its id ↔ nid) for the life of the view."""
        self._nid[node], self._id[nid] = nid, node
        attrs = self._attrs[node] = self._make_node(nid, node, label, props, ev)
        return attrs

    def _keep_nodes(self, rows: list[tuple[int, str, str, str]]) -> None:
        """Build and keep the attributes of ``rows`` (nid, id, label, props): the evidence of all but
        the hubs read in one scan per few hundred, a hub's when a query first reads it."""
        rows = [row for row in rows if row[1] not in self._attrs]
        eager = [row for row in rows if row[2] not in HUBS]
        ev = self._evidence("node_ev", [row[0] for row in eager]) if eager else {}
        for nid, node, label, props in rows:
            if label in HUBS:
                self._nid[node], self._id[nid] = nid, node
                self._attrs[node] = _Pending(self, "node_ev").add(
                    _LazyEvidence(self._make_node(nid, node, label, props, {})), nid)
            else:
                self._keep_node(nid, node, label, props, ev)

    def _lazy_rel(self, rid: int, props: str, batch: _Pending) -> dict[str, Any]:
        """A relationship's attributes, its evidence read with the rest of ``batch`` when first read."""
        attrs = self._rels.get(rid)
        if attrs is None:
            attrs = self._rels[rid] = batch.add(
                _LazyEvidence({**dict.fromkeys(EV_FIELDS, ()), **(json.loads(props) if props != "{}" else {})}), rid)
        return attrs

    def _make_rel(self, rid: int, props: str, ev: dict[int, tuple[list[Any], ...]]) -> dict[str, Any]:
        attrs = self._rels.get(rid)
        if attrs is None:
            attrs = {**dict.fromkeys(EV_FIELDS, ()), **(json.loads(props) if props != "{}" else {})}
            for f, col in zip(EV_FIELDS, ev.get(rid, ())):
                attrs[f] = tuple(col)
            self._rels[rid] = attrs
        return attrs

    def _node_attrs(self, node: str) -> dict[str, Any]:
        attrs = self._attrs.get(node)
        if attrs is not None:
            return attrs
        row = self._one("SELECT nid, label, props FROM node WHERE id = ?", (node,))
        if row is None:
            raise KeyError(node)
        self._keep_nodes([(row[0], node, row[1], row[2])])
        return self._attrs[node]

    def _adjacent(self, node: str, this: str, other: str) -> dict[str, dict[str, dict[str, Any]]]:
        nid = self._nid_of(node)
        if nid is None:
            raise KeyError(node)
        rows = self._all(f"SELECT r.rid, r.type, n.id, r.props FROM rel r JOIN node n ON n.nid = r.{other} "
                         f"WHERE r.{this} = ? ORDER BY r.rid", (nid,))
        missing = [rid for rid, _, _, _ in rows if rid not in self._rels]
        ev = self._evidence("rel_ev", missing) if missing else {}
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for rid, rel_type, neighbour, props in rows:
            attrs = self._make_rel(rid, props, ev)
            out.setdefault(neighbour, {})[rel_type] = attrs
        return out


_EV = frozenset(EV_FIELDS)


class _Pending:
    """Attributes built without their evidence (``_LazyEvidence``), read together the first time one
    of them is: a hub node alone, the relationships one scan loaded all at once. It refers to them and
    to its view weakly: the view's objects are frozen out of the cyclic collector's sight (``_all``),
    so they must form no cycle, or a view replaced by the next graph version would never be freed."""

    __slots__ = ("members", "store", "table", "view")

    def __init__(self, view: SQLiteGraphView, table: str):
        self.view, self.store, self.table = weakref.ref(view), view._store, table
        self.members: list[tuple[weakref.ref[_LazyEvidence], int]] = []

    def add(self, attrs: _LazyEvidence, owner: int) -> _LazyEvidence:
        attrs._pending = self
        self.members.append((weakref.ref(attrs), owner))
        return attrs

    def fill(self) -> None:
        with self.store._lock:
            members = [(a, o) for ref, o in self.members if (a := ref()) is not None and a._pending is self]
            self.members = []
            if not members:
                return
            view = self.view()            # (not ``or``: a view's truth is its node count, a scan of the table)
            if view is None:
                view = SQLiteGraphView(self.store, 0)   # (a view only reads through it)
            ev = view._evidence(self.table, [o for _, o in members])
            for attrs, owner in members:
                for f, col in zip(EV_FIELDS, ev.get(owner, ())):
                    dict.__setitem__(attrs, f, tuple(col))
                attrs._pending = None


class _LazyEvidence(dict):
    """The attributes of a hub node or of a relationship, their evidence read from the store the first
    time any of it is read (``get``, ``[]``, or the whole dict: iteration, ``items``, copies,
    comparison). Until then the evidence keys hold empty tuples, in their places, so the order of the
    keys is the full graph's."""

    __slots__ = ("__weakref__", "_pending")

    def _ready(self) -> None:
        pending = self._pending
        if pending is not None:
            pending.fill()

    def __getitem__(self, key: Any) -> Any:
        if key in _EV:
            self._ready()
        return dict.__getitem__(self, key)

    def get(self, key: Any, default: Any = None) -> Any:
        if key in _EV:
            self._ready()
        return dict.get(self, key, default)

    def __iter__(self) -> Iterator[Any]:
        self._ready()
        return dict.__iter__(self)

    def keys(self) -> Any:
        self._ready()
        return dict.keys(self)

    def items(self) -> Any:
        self._ready()
        return dict.items(self)

    def values(self) -> Any:
        self._ready()
        return dict.values(self)

    def copy(self) -> dict[str, Any]:
        self._ready()
        return dict(dict.items(self))

    def __eq__(self, other: object) -> bool:
        self._ready()
        if isinstance(other, _LazyEvidence):
            other._ready()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        self._ready()
        return dict.__repr__(self)

    def __reduce__(self) -> Any:
        self._ready()
        return (dict, (dict(dict.items(self)),))


class _Nodes(Mapping):
    """``g.nodes`` / ``g._node``: node id → its attributes."""

    def __init__(self, view: SQLiteGraphView):
        self._view = view

    def __getitem__(self, node: str) -> dict[str, Any]:
        return self._view._node_attrs(node)

    def __contains__(self, node: object) -> bool:
        return node in self._view

    def __iter__(self) -> Iterator[str]:
        return iter([i for (i,) in self._view._all("SELECT id FROM node ORDER BY nid")])

    def __len__(self) -> int:
        return self._view.number_of_nodes()

    def __call__(self, data: bool = False) -> Iterator[Any]:
        for node in self:
            yield (node, self[node]) if data else node


class _Adjacency(Mapping):
    """``g._succ`` / ``g._pred``: node → {neighbour: {relationship type: attributes}}."""

    def __init__(self, view: SQLiteGraphView, this: str, other: str):
        self._view, self._this, self._other = view, this, other
        self._cache: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}

    def __getitem__(self, node: str) -> dict[str, dict[str, dict[str, Any]]]:
        hit = self._cache.get(node)
        if hit is None:
            hit = self._cache[node] = self._view._adjacent(node, self._this, self._other)
        return hit

    def __iter__(self) -> Iterator[str]:
        return iter(self._view.nodes)

    def __len__(self) -> int:
        return self._view.number_of_nodes()
