// Create relationships of one (type, Document, end label) for documents new to the graph (the bulk
// path; their evidence: bulk_document_rel_evidence.cypher, same parameters): the start is the new
// Document itself, so they cannot exist yet. Retried as upsert_rels.cypher, which merges.
// Params: $docs [[[[props, document id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MATCH (b:__END__ {id: row[2]})
CREATE (d)-[r:__TYPE__]->(b)
SET r += row[0]
