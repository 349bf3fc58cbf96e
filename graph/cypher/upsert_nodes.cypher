// Upsert nodes of one label (__LABEL__ is filled from graph.model.LABELS only, never from data).
// Rows grouped by document, in document order: each Document is looked up once; a node several
// documents support has one row per document, the first carrying its properties merged over them in
// document order (nulls never sent), the others {} (FalkorDB does not run the rows after a MERGE in
// their order, so the order must not matter).
// Each evidence entry is one EVIDENCE relationship to the Document with scalar properties: start,
// end (the span), qs, qe (where the quoted sentence lies in the document's text) and quote only
// when the quote is not a slice of the text (then qs = qe = 0; e[4] is null otherwise). MERGE on
// (start, end): a document's entries of a fact are distinct spans, and a retried statement whose
// first try committed writes nothing twice. FOREACH, not UNWIND, after the SET: no row is filtered
// after it (FalkorDB drops SETs of filtered rows). The Documents exist (upsert_documents runs first).
// The WITHs keep only d and the row in each record (FalkorDB copies what a record carries:
// with the document's whole row list in it, the statement took 1.5-2x as long).
// Params: $docs [[[[props, id, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MERGE (n:__LABEL__ {id: row[1]})
SET n += row[0]
FOREACH (e IN row[2] |
  MERGE (n)-[v:EVIDENCE {start: e[0], end: e[1]}]->(d)
  SET v.qs = e[2], v.qe = e[3], v.quote = e[4])
