// The evidence of relationships from or to a Document new to the graph (the bulk path): the key holds
// the Document's id, so the Evidence node cannot exist yet and is created, with its EVIDENCE
// relationships (UNWIND). The relationships are written by bulk_rels_from_document.cypher or
// bulk_rels_to_document.cypher with the same parameters. Retried as upsert_rels.cypher, which merges.
// Params: $docs [[[[props, start id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
CREATE (k:Evidence {id: row[3]})
WITH d, k, row[4] AS entries
UNWIND entries AS e
CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d)
