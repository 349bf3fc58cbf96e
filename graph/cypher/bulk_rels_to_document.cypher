// Create relationships of one (type, start label, Document) for documents new to the graph (the bulk
// path, with their Evidence node and its EVIDENCE relationships; see bulk_rels_from_document.cypher:
// the end is the new Document itself). Retried as upsert_rels.cypher, which merges.
// Params: $docs [[[[props, start id, document id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MATCH (a:__START__ {id: row[1]})
CREATE (a)-[r:__TYPE__]->(d)
SET r += row[0]
CREATE (k:Evidence {id: row[3]})
FOREACH (e IN row[4] | CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d))
