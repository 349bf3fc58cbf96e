// Upsert relationships of one (type, start label, end label) between two facts, for documents new to
// the graph (the bulk path; see bulk_nodes.cypher). Same rows and order as upsert_rels.cypher: the
// Evidence node and the relationship are merged (another document may support them), the EVIDENCE
// relationships to the new Document created. A retried statement is sent as upsert_rels.cypher.
// Params: $docs [[[[props, start id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MERGE (k:Evidence {id: row[3]})
FOREACH (e IN row[4] |
  CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d))
WITH row
MATCH (a:__START__ {id: row[1]})
MATCH (b:__END__ {id: row[2]})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row[0]
