// The evidence of relationships between two facts, for Documents new to the graph (the bulk path):
// the Evidence node is merged (another document may support the relationship), its EVIDENCE
// relationships to the new Document created with UNWIND. The relationships themselves are written by
// bulk_rels.cypher with the same parameters. Retried as upsert_rels.cypher, which merges.
// Params: $docs [[[[props, start id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MERGE (k:Evidence {id: row[3]})
WITH d, k, row[4] AS entries
UNWIND entries AS e
CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d)
