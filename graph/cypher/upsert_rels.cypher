// Upsert relationships of one (type, start label, end label) (__TYPE__/__START__/__END__ are
// filled from graph.model.RELS only). One relationship per type between two nodes, one row per
// relationship for a whole batch of documents; evidence of the documents (row.docs) appended once.
// Each quoted sentence is sent once per statement: row.ev_q indexes $quotes.
// Params: $rows [{start, end, props, docs, ev_doc, ev_start, ev_end, ev_q}], $quotes [string].
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__]->(b)
WITH r, row, [x IN row.docs WHERE x IN coalesce(r.ev_doc, [])] AS seen
WITH r, row, [i IN range(0, size(row.ev_doc) - 1) WHERE NOT row.ev_doc[i] IN seen] AS add
SET r += row.props,
    r.ev_doc = coalesce(r.ev_doc, []) + [i IN add | row.ev_doc[i]],
    r.ev_start = coalesce(r.ev_start, []) + [i IN add | row.ev_start[i]],
    r.ev_end = coalesce(r.ev_end, []) + [i IN add | row.ev_end[i]],
    r.ev_quote = coalesce(r.ev_quote, []) + [i IN add | $quotes[row.ev_q[i]]]
