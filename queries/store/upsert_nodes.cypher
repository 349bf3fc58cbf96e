// Upsert nodes of one label (__LABEL__ is filled from graph.model.LABELS only, never from data).
// MERGE on the stable id, set the non-null properties, append this document's evidence once
// (a retried batch whose first try committed does not duplicate it). Params: $doc, $rows.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
WITH n, row, $doc IN coalesce(n.ev_doc, []) AS seen
SET n += row.props,
    n.ev_doc = CASE WHEN seen THEN n.ev_doc ELSE coalesce(n.ev_doc, []) + row.ev_doc END,
    n.ev_start = CASE WHEN seen THEN n.ev_start ELSE coalesce(n.ev_start, []) + row.ev_start END,
    n.ev_end = CASE WHEN seen THEN n.ev_end ELSE coalesce(n.ev_end, []) + row.ev_end END,
    n.ev_quote = CASE WHEN seen THEN n.ev_quote ELSE coalesce(n.ev_quote, []) + row.ev_quote END
