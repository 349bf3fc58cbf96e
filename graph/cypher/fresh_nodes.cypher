// Create nodes of one label on the fresh-load path (graph/fresh_load.py): the loader holds the graph
// alone and knows every node it holds, so a node it never wrote is created, not merged, once per load,
// with its properties merged over the batch in document order and the evidence of the first document
// of the batch that gives it (that document's group of $docs). Same rows as bulk_nodes.cypher; retried
// after a lost connection as upsert_nodes.cypher, which merges.
// Params: $docs [[[[props, id, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
CREATE (n:__LABEL__ {id: row[1]})
SET n += row[0]
WITH d, n, row[2] AS entries
UNWIND entries AS e
CREATE (n)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d)
