// Create relationships of one (type, Document, end label) for documents new to the graph (the bulk
// path), with their evidence: the start is the new Document itself, so neither the relationship nor
// its Evidence node (its key holds the Document's id) can exist yet; both are created, and the
// Evidence node's EVIDENCE relationships to the Document. Retried as upsert_rels.cypher, which merges.
// Params: $docs [[[[props, document id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MATCH (b:__END__ {id: row[2]})
CREATE (d)-[r:__TYPE__]->(b)
SET r += row[0]
CREATE (k:Evidence {id: row[3]})
FOREACH (e IN row[4] | CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d))
