// Upsert nodes of one label (__LABEL__ is filled from graph.model.LABELS only, never from data).
// One row per node for a whole batch of documents: MERGE on the stable id, set the non-null
// properties, then one EVIDENCE relationship per evidence entry to its Document, with scalar
// properties: start, end (the span), qs, qe (where the quoted sentence lies in the document's text)
// and quote only when the quote is not a slice of the text (then qs = qe = 0). MERGE on (start, end):
// a document's entries of a fact are distinct spans, and a retried statement whose first try
// committed writes nothing twice. FOREACH, not UNWIND: no row is filtered after the SET (FalkorDB
// drops SETs of filtered rows). The Documents exist (upsert_documents runs first): MERGE finds them.
// Params: $rows [{id, props, ev: [{d, s, e, p: {qs, qe, quote?}}]}].
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n += row.props
FOREACH (ev IN row.ev |
  MERGE (d:Document {id: ev.d})
  MERGE (n)-[v:EVIDENCE {start: ev.s, end: ev.e}]->(d)
  SET v += ev.p)
