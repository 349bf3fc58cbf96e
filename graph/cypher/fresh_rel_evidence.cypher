// The evidence of relationships between facts that the loader has already written with the properties
// the row would set (the fresh-load path, graph/fresh_load.py): only the relationship's Evidence node
// is matched, and the new Document's EVIDENCE relationships are created. Same rows as bulk_rels.cypher
// (row[0], row[1], row[2] are not read); retried after a lost connection as upsert_rels.cypher,
// which merges. Params: $docs [[[[props, start id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MATCH (k:Evidence {id: row[3]})
WITH d, k, row[4] AS entries
UNWIND entries AS e
CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d)
