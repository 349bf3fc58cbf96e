// Upsert relationships of one (type, start label, end label) between two facts for documents new to
// the graph (the bulk path; their evidence: bulk_rel_evidence.cypher, same parameters). Merged
// (another document may support them), one row per relationship and document, in document order.
// The MERGE is the last clause: on FalkorDB 4.16, once a row's MERGE matched a relationship an
// earlier row of the statement created, what that row did after the MERGE was lost.
// Params: $docs [[[[props, start id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
WITH dr[0] AS rows
UNWIND rows AS row
WITH row
MATCH (a:__START__ {id: row[1]})
MATCH (b:__END__ {id: row[2]})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row[0]
