// Upsert nodes of one label for documents new to the graph (the bulk path of a fresh load; a
// batch replacing or removing documents uses upsert_nodes.cypher). Same rows as upsert_nodes.cypher;
// the node is merged (another document may have it), but its EVIDENCE relationships to a Document
// that did not exist before this batch are created, not merged. A statement retried after a lost
// connection is sent as upsert_nodes.cypher (whose MERGE writes nothing twice).
// Params: $docs [[[[props, id, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MERGE (n:__LABEL__ {id: row[1]})
SET n += row[0]
FOREACH (e IN row[2] |
  CREATE (n)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d))
