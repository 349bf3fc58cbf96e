// Upsert relationships of one (type, start label, end label) (__TYPE__/__START__/__END__ are
// filled from graph.model.RELS only). One relationship per type between two nodes; evidence of
// this document appended once. Params: $doc, $rows [{start, end, props, ev_*}].
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__]->(b)
WITH r, row, $doc IN coalesce(r.ev_doc, []) AS seen
SET r += row.props,
    r.ev_doc = CASE WHEN seen THEN r.ev_doc ELSE coalesce(r.ev_doc, []) + row.ev_doc END,
    r.ev_start = CASE WHEN seen THEN r.ev_start ELSE coalesce(r.ev_start, []) + row.ev_start END,
    r.ev_end = CASE WHEN seen THEN r.ev_end ELSE coalesce(r.ev_end, []) + row.ev_end END,
    r.ev_quote = CASE WHEN seen THEN r.ev_quote ELSE coalesce(r.ev_quote, []) + row.ev_quote END
