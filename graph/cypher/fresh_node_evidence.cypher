// The evidence of nodes of one label that the loader has already written with the properties the row
// would set (the fresh-load path, graph/fresh_load.py): the node is matched, nothing of it is set, and
// the new Document's EVIDENCE relationships are created. Same rows as bulk_nodes.cypher (row[0] is
// not read); retried after a lost connection as upsert_nodes.cypher, which merges.
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
