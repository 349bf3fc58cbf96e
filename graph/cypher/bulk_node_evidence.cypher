// The EVIDENCE relationships of nodes of one label to Documents new to the graph (the bulk path; the
// nodes were written by bulk_nodes.cypher with the same parameters): created, not merged (the Document
// did not exist before this batch), with UNWIND rather than FOREACH (about 40 % less server time).
// A statement retried after a lost connection is sent as upsert_nodes.cypher, which merges.
// Params: $docs [[[[props, id, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MATCH (n:__LABEL__ {id: row[1]})
WITH d, n, row[2] AS entries
UNWIND entries AS e
CREATE (n)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d)
