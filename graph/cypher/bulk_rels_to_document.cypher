// Create relationships of one (type, start label, Document) for documents new to the graph (the bulk
// path; see bulk_rels_from_document.cypher: the end is the new Document itself). Retried as
// upsert_rels.cypher, which merges.
// Params: $docs [[[[props, start id, document id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MATCH (a:__START__ {id: row[1]})
CREATE (a)-[r:__TYPE__]->(d)
SET r += row[0]
