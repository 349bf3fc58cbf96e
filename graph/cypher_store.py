"""What FalkorDB and Neo4j share: turning a DocumentDelta into batched, parameterized
``UNWIND $rows … MERGE`` statements from ``graph/cypher/*.cypher``, and removal by evidence.

Labels and relationship types cannot be Cypher parameters; the statements hold ``__LABEL__``,
``__TYPE__``, ``__START__``, ``__END__`` tokens that ``fill`` replaces with names taken only from
``graph.model`` (checked against the model; no document text is ever put into Cypher text).
"""
from __future__ import annotations

import abc
import contextlib
import gc
import itertools
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from govkg.errors import StoreError
from graph.delta import DocumentDelta
from graph.fresh_load import CREATE, EVIDENCE, GENERAL, Known, Route
from graph.fulltext import ENTITY_FIELDS, entity_grams, grams
from graph.fulltext import FORMAT as FULLTEXT_FORMAT
from graph.model import LABELS, REL_TYPES, RELS, Evidence, ev_lists_of
from graph.quotes import QuoteSpans
from graph.statements import statement_text
from graph.store import DocState, GraphStore, LoadOutcome

if TYPE_CHECKING:
    from loaders.record import ExtractionRecord

__all__ = ["BATCH_ROWS", "EVIDENCE_LABEL", "EVIDENCE_TYPE", "LOAD_BATCH_DOCS", "META_LABEL", "CypherStore",
           "Statement", "Touched", "evidence_key", "evidence_rows", "fill", "retry_text"]

BATCH_ROWS = 2000
ENTITY_READ_ROWS = 10_000      # entities whose full-text field is recomputed per read (_index_entities)
LOAD_BATCH_DOCS = 200          # documents per batch of statements (one round of upserts)
LOAD_CALL_BATCHES = 4          # batches per load_records call of build_records: the next is prepared
                               # while the server writes the previous one
META_LABEL = "GraphMeta"       # the one node holding the write counter (not part of the model)
EVIDENCE_LABEL = "Evidence"    # a relationship's evidence hangs off one node of this label (not part of the model)
EVIDENCE_TYPE = "EVIDENCE"     # fact (or Evidence node) → Document, one per fact and document
Statement = tuple[str, dict[str, Any]]
#: entities whose full-text field is read back after a batch: label -> {id: (the searchable properties
#: the batch gave, the field it set from them)}, or None where the batch set none (``_entity_grams``)
Touched = dict[str, dict[str, tuple[tuple[Any, Any, Any], str] | None]]


def fill(name: str, **tokens: str) -> str:
    """``graph/cypher/<name>.cypher`` with its label/type tokens set to names from the model."""
    text = statement_text(name)
    allowed = {*LABELS, *REL_TYPES, EVIDENCE_LABEL, EVIDENCE_TYPE}
    for token, value in tokens.items():
        if value not in allowed:
            raise StoreError(f"{value!r} is not a label or relationship type of graph.model")
        text = text.replace(f"__{token.upper()}__", value)
    return text


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch's rows are built: the rows are plain
    acyclic dicts and lists, but each of their thousands of allocations would trigger collections
    that walk every record and delta held (measured: 70 % of the statement-building time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def evidence_rows(ev: list[Evidence], spans: dict[str, QuoteSpans]) -> list[dict[str, Any]]:
    """``ev`` as the properties of one EVIDENCE relationship per entry: ``d`` (the document), ``s``/``e``
    (the span) and ``p``: ``qs``/``qe`` (where the quote lies in the document's text) and, only when
    the quote is not a slice of it, ``quote`` (then ``qs = qe = 0``). Quotes of documents not in
    ``spans`` are kept as written."""
    out: list[dict[str, Any]] = []
    for doc, start, end, quote in ev:
        text = spans.get(doc)
        span = text.span(quote, start) if text is not None else None
        props: dict[str, Any] = {"qs": span[0], "qe": span[1]} if span else {"qs": 0, "qe": 0, "quote": quote}
        out.append({"d": doc, "s": start, "e": end, "p": props})
    return out


def _entries(ev: list[Evidence], text: QuoteSpans) -> list[list[Any]]:
    """One document's evidence entries of one fact as ``[start, end, qs, qe]`` (the quote lies at
    [qs, qe) of the document's text), or ``[start, end, 0, 0, quote]`` where it is not a slice."""
    out: list[list[Any]] = []
    for _, start, end, quote in ev:
        span = text.span(quote, start)
        out.append([start, end, span[0], span[1]] if span else [start, end, 0, 0, quote])
    return out


def _fact_statements(deltas: list[DocumentDelta], spans: dict[str, QuoteSpans], fresh: bool,
                     grams_of: dict[tuple[str, str], str], known: Known | None = None,
                     bulk: BulkHook | None = None) -> list[Statement]:
    """The upserts of the facts of ``deltas``: per label (and per relationship spec), rows grouped
    by document, ``$docs = [[[row, …], doc id], …]`` in document order, so the statement looks each
    Document up once and a fact's evidence entries need no lookup of their own. A node row is
    ``[props, id, entries]``, a relationship row ``[props, start id, end id, key, entries]``; a fact
    several documents of the batch support gets one row per document (its properties set in document
    order, last writer wins, as loading the documents one by one would: ``_merged_props``). At most
    ``BATCH_ROWS`` rows per statement (a document's rows stay in one statement).

    The properties are merged here, not by the order of the rows: FalkorDB does not apply a
    statement's rows in their order after a ``MERGE`` (it buffers them; a node several rows merge
    was left with the fourth of five documents' definition, ``tests/graph/test_conformance.py``).
    So a node's first row carries its properties merged over ``deltas`` and its later rows none
    (``{}``: their ``SET`` is a no-op, in whatever order they run); every row of a relationship
    carries its merged properties (a row after a relationship ``MERGE`` may be lost on FalkorDB 4.16,
    ``upsert_rels.cypher``, so any row that survives sets them).

    In general an ``upsert_*`` statement writes the facts and merges their evidence. ``fresh``:
    none of the documents is in the graph (the bulk path of a fresh load): a ``bulk_*`` statement
    writes the facts and creates their evidence (what cannot exist yet is created, not merged; see
    ``retry_text``).

    ``grams_of`` (doc id, node id) -> the full-text field a searchable entity's row sets with its
    properties (``_entity_grams``).

    ``known``: the store is on the fresh-load path (``graph/fresh_load.py``): the rows of ``fresh``
    documents are sorted by it — a fact the loader never wrote is created once (``fresh_nodes``,
    ``fresh_rels``), one it wrote with the same properties gets only the evidence
    (``fresh_node_evidence``, ``fresh_rel_evidence``), one whose properties change the general
    statement; the rows of replacing documents update it. Per label or spec the creating statements
    run first, then the general ones, then those that only add evidence.

    ``bulk`` (only with ``known``): the store writes what the creating and evidence-only statements (and
    ``bulk_rels_*_document``) would write in one bulk write of its own (``BulkHook``), after the general
    statements; the rows it is handed hold their evidence as it is (a list of ``Evidence``), which it encodes
    itself (the statements' entries are made only where it cannot take them)."""
    merged = _merged_props(deltas, grams_of)
    route = Route(known, merged) if known is not None else None
    raw = bulk is not None              # rows a bulk write may take keep their evidence as it is (``BulkHook``)
    nodes: dict[tuple[str, str], list[list[Any]]] = defaultdict(list)      # (kind, label) → [[rows, doc id], …]
    rels: dict[tuple[str, tuple[str, str, str]], list[list[Any]]] = defaultdict(list)
    for delta in deltas:
        text = spans[delta.doc_id]
        mine: dict[tuple[str, str], list[list[Any]]] = defaultdict(list)
        for row in delta.nodes.values():
            kind = BULK if fresh else GENERAL
            if route is not None and fresh:
                kind, props = route.node(row.id)
            else:
                props = merged.pop(row.id, _NO_PROPS)       # the node's first row of ``deltas`` only
                if route is not None:
                    route.written(row.id, props)
            mine[(kind, row.label)].append([props, row.id, row.ev if raw and kind in _BULKABLE else _entries(row.ev, text)])
        for key, rows in mine.items():
            nodes[key].append([rows, delta.doc_id])
        rmine: dict[tuple[str, tuple[str, str, str]], list[list[Any]]] = defaultdict(list)
        for (rel_type, start, end), rel in delta.rels.items():
            spec = (rel_type, rel.start_label, rel.end_label)
            key, rkind = evidence_key(start, rel_type, end), BULK if fresh else GENERAL
            props = merged.get(key, _NO_PROPS)
            if route is not None and "Document" not in spec[1:]:
                if fresh:
                    rkind, props = route.rel(key)
                else:
                    route.written_rel(key, props)
            rmine[(rkind, spec)].append([props, start, end, key,
                                         rel.ev if raw and rkind in _BULKABLE else _entries(rel.ev, text)])
        for rkey, rows in rmine.items():
            rels[rkey].append([rows, delta.doc_id])
    out: list[tuple[bool, Statement]] = []        # (whether a bulk write may take it, statement)
    node_groups: list[tuple[bool, str, list[list[Any]]]] = []
    rel_groups: list[tuple[bool, tuple[str, str, str], list[list[Any]]]] = []
    for label in LABELS:                          # fixed order: same result in every store
        general = fill("upsert_nodes", label=label)
        for kind, name in _NODE_KINDS:
            query = general if name is None else _bulk(general, fill(name, label=label))
            docs = nodes.get((kind, label), [])
            if bulk is not None and kind in _BULKABLE and docs:
                node_groups.append((kind != EVIDENCE, label, docs))
            out += [(kind in _BULKABLE, (query, {"docs": run})) for run in _by_rows(docs)]
    for spec in RELS:
        tokens = {"type": spec.type, "start": spec.start, "end": spec.end}
        general = fill("upsert_rels", **tokens)
        bulk_name = "bulk_rels"
        if "Document" in (spec.start, spec.end):
            bulk_name = "bulk_rels_from_document" if spec.start == "Document" else "bulk_rels_to_document"
        for kind, name in _rel_kinds(bulk_name):
            query = general if name is None else _bulk(general, fill(name, **tokens))
            docs = rels.get((kind, (spec.type, spec.start, spec.end)), [])
            if bulk is not None and kind in _BULKABLE and docs:
                rel_groups.append((kind != EVIDENCE, (spec.type, spec.start, spec.end), docs))
            out += [(kind in _BULKABLE, (query, {"docs": run})) for run in _by_rows(docs)]
    if node_groups or rel_groups:
        assert bulk is not None
        write = bulk([d.doc_id for d in deltas], node_groups, rel_groups, spans)
        if write is not None:                     # the merging statements first: see BulkHook
            return [s for bulkable, s in out if not bulkable] + [write]
        for _, _, groups in [*node_groups, *rel_groups]:      # the statements take them: evidence as entries
            for rows, doc in groups:
                for row in rows:
                    row[-1] = _entries(row[-1], spans[doc])
    return [s for _, s in out]


BULK = "bulk"
_NO_PROPS: dict[str, Any] = {}
_BULKABLE = frozenset((BULK, CREATE, EVIDENCE))
#: a store's bulk write of one run of new documents on the fresh-load path (FalkorDB's GRAPH.BULK):
#: (document ids, node groups, relationship groups, the documents' quote spans) -> the statement doing it, or None
#: where the rows hold a value it cannot carry (then the statements). A group is (whether its rows create their
#: facts, label or (type, start label, end label), [[rows, doc id], …]); a row's last item is its evidence in the
#: document (``Evidence``s, not yet entries). It runs after the run's general
#: statements: those only touch facts that existed before the batch (or that they create themselves),
#: while the bulk write may reference what they create (a fact a strip deleted, merged again).
BulkHook = Callable[[list[str], list[tuple[bool, str, list[list[Any]]]],
                     list[tuple[bool, tuple[str, str, str], list[list[Any]]]], dict[str, QuoteSpans]], "Statement | None"]


def _merged_props(deltas: list[DocumentDelta], grams_of: dict[tuple[str, str], str]) -> dict[str, dict[str, Any]]:
    """Each fact's properties merged over ``deltas`` in document order, as loading them one by one
    sets them (last writer wins; a row holds no nulls): node id -> properties, with the full-text
    field its last row sets (``grams_of``); relationship key (``evidence_key``) -> properties, for
    the relationships that have any."""
    merged: dict[str, dict[str, Any]] = {}
    for delta in deltas:
        for row in delta.nodes.values():
            props = merged.setdefault(row.id, {})
            props.update(row.props)
            value = grams_of.get((delta.doc_id, row.id))
            if value is not None:
                props["grams"] = value
        for (rel_type, start, end), rel in delta.rels.items():
            if rel.props:
                merged.setdefault(evidence_key(start, rel_type, end), {}).update(rel.props)
    return merged
#: a label's statements in the order they run: (row kind, statement; None: the general upsert)
_NODE_KINDS = ((BULK, "bulk_nodes"), (CREATE, "fresh_nodes"), (GENERAL, None), (EVIDENCE, "fresh_node_evidence"))


def _rel_kinds(bulk: str) -> tuple[tuple[str, str | None], ...]:
    return ((BULK, bulk), (CREATE, "fresh_rels"), (GENERAL, None), (EVIDENCE, "fresh_rel_evidence"))


_RETRY_AS: dict[str, str] = {}      # bulk statement text → the general statement with the same rows


def _bulk(general: str, bulk: str) -> str:
    _RETRY_AS[bulk] = general
    return bulk


def retry_text(query: str) -> str:
    """The statement to send when ``query`` is retried after a lost connection (its first try may
    have committed): for a ``bulk_*`` statement, which creates, the ``upsert_*`` one with the same
    parameters, which merges and so writes nothing twice; else ``query`` itself."""
    return _RETRY_AS.get(query, query)


def _by_rows(docs: list[list[Any]]) -> Iterator[list[list[Any]]]:
    """``docs`` ([[rows, doc id], …]) cut into runs of about ``BATCH_ROWS`` rows."""
    run: list[list[Any]] = []
    count = 0
    for item in docs:
        run.append(item)
        count += len(item[0])
        if count >= BATCH_ROWS:
            yield run
            run, count = [], 0
    if run:
        yield run


def _batch_size(left: int, chunk: int, tail: int) -> int:
    """Documents in the next batch of a load call with ``left`` records to go: ``chunk``; but where the store
    writes a batch while the next is prepared and waits for the last at the end of the call, its last
    ``chunk`` documents go in batches halving down to ``tail`` (200, 200, 100, 50, 25, 25), so the call
    waits for the writing of a small batch, not of a whole one (the client preparing a batch takes about
    twice the server's time writing it: each halved batch is written while the next is prepared)."""
    if not tail or left > 2 * chunk:
        return chunk
    return min(chunk, max(tail, left // 2))


def evidence_key(start: str, rel_type: str, end: str) -> str:
    """The key of a relationship's Evidence node (ids hold no ``|``)."""
    return f"{start}|{rel_type}|{end}"


class CypherStore(GraphStore):
    """Base for stores that speak Cypher. Subclasses implement ``_run`` and ``_run_all``."""

    chunk_docs = LOAD_BATCH_DOCS                      # documents per batch of statements
    load_batch = LOAD_BATCH_DOCS * LOAD_CALL_BATCHES  # records build_records hands to load_records
    #: the fewest documents in the last batch of a call (``_batch_size``); 0: every batch ``chunk_docs``
    tail_docs = 0
    #: the caller holds the graph alone for as long as this store writes (no other process or store
    #: writes to it meanwhile): a load that finds it holding only the taxonomy takes the fresh-load
    #: path (``graph/fresh_load.py``)
    exclusive = False
    _known: Known | None = None                       # the fresh-load path's knowledge, while on it
    _fresh_checked = False                            # whether the graph was looked at for it

    @abc.abstractmethod
    def _run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one statement (retrying lost connections), rows as plain dicts."""

    def _read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a statement that writes nothing (a named query's, a full-text lookup): as ``_run``; a
        store whose server can be restarted under it retries such a statement there."""
        return self._run(query, params)

    def _run_all(self, statements: list[Statement]) -> None:
        """Run statements in order. Neo4j overrides this with a single transaction."""
        for query, params in statements:
            self._run(query, params)

    def _submit(self, facts: list[Statement], tail: list[Statement], touched: Touched) -> None:
        """Write a batch: ``facts``, the full-text field of the entities they ``touched``
        (``_index_entities``), then (only if all that succeeded) ``tail``, which marks its documents
        complete. Here at once; a store may run them in the background until ``_finish`` (FalkorDB),
        so the next batch is prepared meanwhile."""
        self._run_all(facts)
        self._index_entities(touched)
        self._run_all(tail)

    def _index_entities(self, touched: Touched) -> None:
        """Set the full-text field (``graph.fulltext.entity_grams``) of the searchable entities
        ``touched`` from the properties the nodes hold now: one read, then one write per label of
        the fields that changed. An entity's text is merged from every document that supports it
        (last writer wins), so it is read back rather than taken from the batch; where the node
        holds what the batch gave, the field the batch set is kept without computing it again."""
        pairs = [(label, x) for label in ENTITY_FIELDS for x in touched.get(label, ())]
        for lo in range(0, len(pairs), ENTITY_READ_ROWS):
            ids: dict[str, list[str]] = defaultdict(list)
            for label, x in pairs[lo:lo + ENTITY_READ_ROWS]:
                ids[label].append(x)
            changed: dict[str, list[list[str]]] = defaultdict(list)
            for r in self._run(statement_text("entity_grams_read"), {"ids": dict(ids)}):
                known = touched[r["kind"]].get(r["id"])
                fields = (r["name"], r["definition"], r["items"])
                value = known[1] if known is not None and known[0] == fields else entity_grams(*fields, r["id"])
                if value != r["grams"]:
                    changed[r["kind"]].append([r["id"], value])
            for label, rows in changed.items():
                for at in range(0, len(rows), BATCH_ROWS):
                    self._run(fill("entity_grams_write", label=label), {"rows": rows[at:at + BATCH_ROWS]})

    _in_flight: frozenset[str] | set[str] = frozenset()   # ids and sources of the batch being written

    def _encode(self, params: dict[str, Any]) -> dict[str, Any]:
        """A statement's parameters as the store sends them; a store may encode them here, while the
        previous batch is being written (FalkorDB)."""
        return params

    def _finish(self) -> None:
        """Wait for the batch ``_submit`` left running (raising its error); nothing here."""

    def run_cypher(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._read(text, params or {})

    def projection(self, name: str) -> list[dict[str, Any]]:
        from graph.projections import statement_name

        return self._read(statement_text(statement_name(name)), {})

    # -- schema ---------------------------------------------------------------------------------------
    def _taxonomy_statements(self) -> list[Statement]:
        from graph.taxonomy import taxonomy_rows

        nodes, rels = taxonomy_rows()
        out: list[Statement] = []
        for label in ("Practice", "PracticeCategory"):
            rows = [{"id": n["id"], "props": {"name": n["props"]["name"]}} for n in nodes if n["label"] == label]
            if rows:
                out.append((fill("taxonomy_nodes", label=label), {"rows": rows}))
        if rels:
            out.append((statement_text("taxonomy_rels"),
                        {"rows": [{"start": r["start"], "end": r["end"]} for r in rels]}))
        out.append((statement_text("bump_version"), {}))
        return out

    # -- writing --------------------------------------------------------------------------------------
    def _strip_statements(self, doc_ids: list[str]) -> list[Statement]:
        """Remove the facts of ``doc_ids``: relationships and nodes no other document supports,
        then the documents' evidence (their EVIDENCE relationships; Evidence nodes left empty)."""
        p = {"docs": doc_ids}
        out = [(fill("delete_rels_only_from", type=s.type, start=s.start, end=s.end), p) for s in RELS]
        return out + [(statement_text("delete_nodes_only_from"), p),
                      (statement_text("delete_evidence_only_from"), p), (statement_text("strip_evidence"), p)]

    @staticmethod
    def _document_props(delta: DocumentDelta) -> dict[str, Any]:
        """A Document's properties as written, once per load: the record's, the full-text field
        (``graph.fulltext.grams`` of the title and text, so it is indexed once) and the complete flag
        (the batch's loading list, not this flag, says whether its facts are written: ``begin_batch``)."""
        doc = delta.document
        return {**doc, "grams": grams((doc.get("title") or "") + "\n" + (doc.get("text") or "")), "complete": True}

    # -- full text ------------------------------------------------------------------------------------
    #: the statement (graph/cypher/) that asks the backend's full-text index for ``$query``, and the
    #: function writing that query from the search terms (graph/fulltext.py)
    fulltext_statement = ""
    fulltext_query: Callable[[Sequence[str]], str | None] = staticmethod(lambda terms: None)

    def _mark_fulltext(self) -> Statement:
        """Record the full-text field's format in a graph that holds no document yet (``init_schema``)."""
        return statement_text("fulltext_mark"), {"format": FULLTEXT_FORMAT}

    def _fulltext_query(self, terms: Sequence[str]) -> str | None:
        """The backend's full-text query for ``terms``; None where it cannot narrow them, or the graph's
        items were written before the field was (or in an older format of it)."""
        query = type(self).fulltext_query(terms)
        if query is None or not self.fulltext_statement:
            return None
        rows = self._read(statement_text("fulltext_format"), {})
        if not rows or rows[0]["format"] != FULLTEXT_FORMAT:
            return None
        return query

    def full_text_candidates(self, terms: Sequence[str]) -> list[str] | None:
        query = self._fulltext_query(terms)
        if query is None:
            return None
        return sorted({r["id"] for r in self._read(statement_text(self.fulltext_statement), {"query": query})})

    def _entity_search(self, query: str, kinds: list[str]) -> list[Statement]:
        """The statements asking the backend's full-text index for the entities of ``kinds`` matching ``query``."""
        raise NotImplementedError

    def full_text_entities(self, terms: Sequence[str], kinds: Collection[str] | None = None) -> list[str] | None:
        query = self._fulltext_query(terms)
        if query is None:
            return None
        wanted = [k for k in ENTITY_FIELDS if kinds is None or k in kinds]
        ids: set[str] = set()
        for text, params in self._entity_search(query, wanted) if wanted else ():
            ids.update(r["id"] for r in self._read(text, params))
        return sorted(ids)

    def _load_taxonomy(self) -> None:
        """Write the practice taxonomy, the full-text field of its practices, then bump the version."""
        from graph.taxonomy import taxonomy_rows

        statements = self._taxonomy_statements()
        self._run_all(statements[:-1])
        nodes, _ = taxonomy_rows()
        self._index_entities({"Practice": {n["id"]: None for n in nodes if n["label"] == "Practice"}})
        self._run_all(statements[-1:])

    def _bulk_hook(self, known: Known) -> BulkHook | None:
        """How this store writes a fresh load's creations in bulk, if it does (FalkorDB: GRAPH.BULK); None:
        with the statements."""
        return None

    def _fresh_known(self) -> Known | None:
        """The fresh-load path's knowledge (``graph/fresh_load.py``): taken once per store, when it is
        ``exclusive`` and the graph holds nothing but the taxonomy and no batch is loading; dropped
        for good when it grows past ``MAX_KNOWN`` facts."""
        if self.exclusive and not self._fresh_checked:
            self._fresh_checked = True
            if self._run(statement_text("fresh_check"), {})[0]["empty"]:
                row = self._run(statement_text("fresh_seed"), {})[0]
                self._known = Known.seeded(row["nodes"], row["rels"])
        if self._known is not None and self._known.full():
            self._known = None
        return self._known

    def _batch_statements(self, deltas: list[DocumentDelta], replace: list[str], remove: list[str],
                          grams_of: dict[tuple[str, str], str], known: Known | None = None) -> list[Statement]:
        """Statements writing ``deltas`` (in order) after stripping ``replace`` (older versions of
        some of them) and removing ``remove`` (other documents from their sources).

        The batch opens by listing its documents (and those it removes) as loading on the graph's
        meta node and closes by taking them off, so a load killed in between leaves them incomplete
        and the next build redoes them; each Document is written once, with every property and its
        full-text field (so the index takes it once). The facts' rows are grouped by document
        (``_fact_statements``); documents new to the graph take the bulk statements, those replacing
        an older version of themselves the general ones. A searchable entity's full-text field is set
        with its properties (``grams_of``, from ``_entity_grams``). The last statement closes the batch."""
        loading = {"ids": [d.doc_id for d in deltas] + remove}
        docs = [{"id": d.doc_id, "props": self._document_props(d)} for d in deltas]
        out: list[Statement] = [(statement_text("begin_batch"), loading),
                                (statement_text("upsert_documents"), self._encode({"rows": docs}))]
        if replace or remove:
            out += self._strip_statements(replace + remove)
        if remove:
            out.append((statement_text("delete_documents"), {"ids": remove}))
        spans = {d.doc_id: QuoteSpans(str(d.document.get("text") or "")) for d in deltas}
        # a document new to the graph takes the bulk path (one in it, even incomplete, is in
        # ``replace``); each run of new or of replaced documents in turn, so a fact several of them
        # support keeps the properties of the last, as loading them one by one would
        replaced = set(replace)
        bulk = self._bulk_hook(known) if known is not None else None
        for fresh, run in itertools.groupby(deltas, key=lambda d: d.doc_id not in replaced):
            out += [(query, self._encode(params)) for query, params
                    in _fact_statements(list(run), spans, fresh, grams_of, known, bulk if fresh else None)]
        out.append((statement_text("end_batch"), loading))
        return out

    def _apply(self, delta: DocumentDelta, replace: bool) -> None:
        self._known = None                        # written outside load_records: the fresh path ends
        grams_of, unsure = _entity_grams([delta])
        statements = self._batch_statements([delta], [delta.doc_id] if replace else [], [], grams_of)
        self._run_all(statements[:-1])
        self._index_entities(unsure)
        self._run_all(statements[-1:])

    def load_record(self, rec: ExtractionRecord) -> LoadOutcome:
        return self.load_records([rec])[0]

    def load_records(self, recs: Sequence[ExtractionRecord]) -> list[LoadOutcome]:
        """Load several documents with a few statements per batch (not per document): each
        statement carries the rows of up to ``chunk_docs`` documents. A batch's facts are turned
        into statements while the store may still be writing the previous batch; everything is
        written when this returns."""
        from graph.taxonomy import practice_names

        self._check_layout()
        names = practice_names()
        with _gc_paused():
            return self._load_all(recs, names)

    def _check_layout(self) -> None:
        """Refuse to write into a graph whose evidence is in the layout before issue 14 (``ev_*``
        lists on the facts): its reloads would be skipped as unchanged and its queries find no
        evidence. Checked at every call (a scan of the practices, about a millisecond)."""
        if self._run(statement_text("old_layout"), {}):
            raise StoreError("这个图的证据还是旧格式（事实上的 ev_* 列表），本版本读不到：请清空该图"
                             "（或换一个 FALKORDB_GRAPH / Neo4j 数据库）后重新运行 govkg build")

    def _load_all(self, recs: Sequence[ExtractionRecord], names: Any) -> list[LoadOutcome]:
        from graph.delta import record_to_delta

        outcomes: list[LoadOutcome] = []
        chunk: list[DocumentDelta] = []
        keys: set[str] = set()
        size = _batch_size(len(recs), self.chunk_docs, self.tail_docs)
        try:
            try:
                for i, rec in enumerate(recs):
                    delta = record_to_delta(rec, names)
                    if len(chunk) >= size or delta.doc_id in keys or delta.source in keys:
                        outcomes += self._load_chunk(chunk)
                        chunk, keys = [], set()
                        size = _batch_size(len(recs) - i, self.chunk_docs, self.tail_docs)
                    chunk.append(delta)
                    keys.update((delta.doc_id, delta.source))
                if chunk:
                    outcomes += self._load_chunk(chunk)
            finally:
                self._finish()
        except BaseException:
            self._known = None                    # it assumed every batch succeeded: the fresh path ends
            raise
        return outcomes

    def _load_chunk(self, deltas: list[DocumentDelta]) -> list[LoadOutcome]:
        """Documents with distinct ids and sources: one batch of statements. Their states are read,
        and their statements built, while the previous batch may still be being written, unless a
        document of this batch has the id or the source of one that batch writes or removes (then
        the states must see it written)."""
        if self._in_flight.intersection(k for d in deltas for k in (d.doc_id, d.source)):
            self._finish()
        if self._known is not None:
            # on the fresh-load path the graph holds what this store wrote, and nothing else: the states are
            # known, not read (a read waits for the server to finish the statement of the batch it writes)
            found = self._known.doc_states([d.doc_id for d in deltas], [d.source for d in deltas])
            states = {x: DocState(version, True, source) for x, (version, source) in found.items()}
        else:
            rows = self._run(statement_text("documents_state"),
                             {"ids": [d.doc_id for d in deltas], "sources": [d.source for d in deltas]})
            states = {r["id"]: DocState(r["version"] or "", bool(r["complete"]), r["source"] or "") for r in rows}
        ids = {d.doc_id for d in deltas}
        outcomes: list[LoadOutcome] = []
        todo: list[DocumentDelta] = []
        replace: list[str] = []
        remove: list[str] = []
        for delta in deltas:
            old = states.get(delta.doc_id)
            if old is not None and old.complete and old.version == delta.version:
                outcomes.append(LoadOutcome.UNCHANGED)
                continue
            others = [d for d, st in states.items() if st.source == delta.source and d != delta.doc_id]
            if any(d in ids for d in others) and len(deltas) > 1:
                # a document of this batch is an older version of another one: keep their order
                self._finish()
                return [o for d in deltas for o in self._load_chunk([d])]
            if old is not None:
                replace.append(delta.doc_id)
            remove += [d for d in others if d not in remove]
            outcomes.append(LoadOutcome.UPDATED if old is not None or others else LoadOutcome.ADDED)
            todo.append(delta)
        if todo:
            known = self._fresh_known()
            if known is not None and (replace or remove):
                # the strip may delete facts these documents support: forget them (read once the
                # batch before is written)
                self._finish()
                known.forget(r["id"] for r in self._run(statement_text("fresh_touched"), {"docs": replace + remove}))
            grams_of, unsure = _entity_grams(todo)
            statements = self._batch_statements(todo, replace, remove, grams_of, known)
            if known is not None:
                # their full-text field may be rewritten after the batch (_index_entities)
                for ids in unsure.values():
                    for x in ids:
                        known.nodes.get(x, {}).pop("grams", None)
                known.loaded([(d.doc_id, d.version, d.source) for d in todo], remove)
            self._submit(statements[:-1], statements[-1:], unsure)   # tail: end_batch
            self._in_flight = {k for d in todo for k in (d.doc_id, d.source)} | set(remove)
        return outcomes

    def remove_document(self, doc_id: str) -> bool:
        self._known = None                        # written outside load_records: the fresh path ends
        if doc_id not in self._related_states(doc_id, ""):
            return False
        loading = {"ids": [doc_id]}
        self._run_all([(statement_text("begin_batch"), loading), *self._strip_statements([doc_id]),
                       (statement_text("delete_documents"), {"ids": [doc_id]}),
                       (statement_text("end_batch"), loading)])
        return True

    def version(self) -> int:
        """The write counter: grows with every document load/removal and schema change."""
        rows = self._read(statement_text("graph_version"), {})
        return int(rows[0]["version"] or 0) if rows else 0

    # -- reading --------------------------------------------------------------------------------------
    def document_states(self) -> dict[str, DocState]:
        return {r["id"]: DocState(r["version"] or "", bool(r["complete"]), r["source"] or "")
                for r in self._run(statement_text("document_states"), {})}

    def _related_states(self, doc_id: str, source: str) -> dict[str, DocState]:
        rows = self._run(statement_text("documents_state"),
                         {"ids": [doc_id], "sources": [source] if source else []})
        return {r["id"]: DocState(r["version"] or "", bool(r["complete"]), r["source"] or "") for r in rows}

    def stats(self) -> dict[str, dict[str, int]]:
        nodes = {r["label"]: int(r["n"]) for r in self._run(statement_text("stats_nodes"), {})
                 if r["label"] not in (META_LABEL, EVIDENCE_LABEL)}
        rels = {r["type"]: int(r["n"]) for r in self._run(statement_text("stats_rels"), {})
                if r["type"] != EVIDENCE_TYPE}
        return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}

    def export_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Nodes and relationships as the model has them: evidence as the four ``ev_*`` lists."""
        nodes = [n for n in self._run(statement_text("export_nodes"), {}) if n["label"] != META_LABEL]
        rels = self._run(statement_text("export_rels"), {})
        for n in nodes:
            n["props"] = dict(n["props"])
            n["props"].pop("grams", None)            # the stores' full-text field, not data
            ev = n.pop("ev")
            if n["label"] != "Document":
                n["props"].update(ev_lists_of(ev))
        for r in rels:
            r["props"] = {**r["props"], **ev_lists_of(r.pop("ev"))}
        return nodes, rels


def _entity_grams(deltas: list[DocumentDelta]) -> tuple[dict[tuple[str, str], str], Touched]:
    """The full-text field of each searchable entity ``deltas`` write, set with the properties of its
    last row in the batch: (doc id, node id) -> ``entity_grams`` of its searchable properties merged
    over the batch in document order (last writer wins, nulls never sent, as ``SET n += props`` merges
    them). Where the batch gives every searchable property, the node ends with exactly those values,
    whatever it held before; the others (label -> ids: a place's aliases, a policy's issuer, which a
    document may leave out) may keep a value an earlier document gave, so ``_index_entities`` reads
    them back after the batch and rewrites the field where it differs (``Touched``)."""
    merged: dict[str, dict[str, Any]] = {}
    last: dict[str, tuple[str, str]] = {}                    # node id -> (doc id, label) of its last row
    for delta in deltas:
        for row in delta.nodes.values():
            fields = ENTITY_FIELDS.get(row.label)
            if fields is None:
                continue
            values = merged.setdefault(row.id, {})
            for f in fields:
                if f is not None and row.props.get(f) is not None:
                    values[f] = row.props[f]
            last[row.id] = (delta.doc_id, row.label)
    grams_of: dict[tuple[str, str], str] = {}
    unsure: Touched = defaultdict(dict)
    for x, (doc_id, label) in last.items():
        name, definition, items = ENTITY_FIELDS[label]
        values = merged[x]
        fields = (values.get(name), values.get(definition) if definition else None, values.get(items) if items else None)
        value = grams_of[(doc_id, x)] = entity_grams(*fields, x)
        if any(f is not None and f not in values for f in (name, definition, items)):
            unsure[label][x] = (fields, value)
    return grams_of, {label: dict(sorted(ids.items())) for label, ids in unsure.items()}
