// Create relationships of one (type, Document, end label) for documents new to the graph (the bulk
// path; see bulk_nodes.cypher): the start is the new Document itself, so the relationship, its
// Evidence node (keyed by the Document's id | type | end id) and their EVIDENCE relationships cannot
// exist yet and are all created (in the order of upsert_rels.cypher). A retried statement is sent as
// upsert_rels.cypher.
// Params: $docs [[[[props, document id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
CREATE (k:Evidence {id: row[3]})
FOREACH (e IN row[4] |
  CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d))
WITH d, row
MATCH (b:__END__ {id: row[2]})
CREATE (d)-[r:__TYPE__]->(b)
SET r += row[0]
