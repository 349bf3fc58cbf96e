// Upsert relationships of one (type, start label, end label) between two facts for documents new to
// the graph (the bulk path), with their evidence: the Evidence node is merged (another document may
// support the relationship), its EVIDENCE relationships to the new Document created (FOREACH: the row
// goes on to the relationship). Merged (another document may support them), one row per relationship
// and document, in document order. The relationship's MERGE is the last clause: on FalkorDB 4.16,
// once a row's MERGE matched a relationship an earlier row of the statement created, what that row
// did after the MERGE was lost. Retried as upsert_rels.cypher, which merges.
// Params: $docs [[[[props, start id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MERGE (k:Evidence {id: row[3]})
FOREACH (e IN row[4] | CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d))
WITH row
MATCH (a:__START__ {id: row[1]})
MATCH (b:__END__ {id: row[2]})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row[0]
