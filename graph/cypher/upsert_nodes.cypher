// Upsert nodes of one label (__LABEL__ is filled from graph.model.LABELS only, never from data).
// One row per node for a whole batch of documents: MERGE on the stable id, set the non-null
// properties, append the evidence entries of the documents (row.docs) not there yet (a retried
// statement whose first try committed does not duplicate them). Each quoted sentence is sent once
// per statement: row.ev_q indexes $quotes.
// Params: $rows [{id, props, docs, ev_doc, ev_start, ev_end, ev_q}], $quotes [string].
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
WITH n, row, [x IN row.docs WHERE x IN coalesce(n.ev_doc, [])] AS seen
WITH n, row, [i IN range(0, size(row.ev_doc) - 1) WHERE NOT row.ev_doc[i] IN seen] AS add
SET n += row.props,
    n.ev_doc = coalesce(n.ev_doc, []) + [i IN add | row.ev_doc[i]],
    n.ev_start = coalesce(n.ev_start, []) + [i IN add | row.ev_start[i]],
    n.ev_end = coalesce(n.ev_end, []) + [i IN add | row.ev_end[i]],
    n.ev_quote = coalesce(n.ev_quote, []) + [i IN add | $quotes[row.ev_q[i]]]
