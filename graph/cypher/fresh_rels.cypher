// Create relationships of one (type, start label, end label) between two facts on the fresh-load path
// (graph/fresh_load.py): the loader knows it never wrote this relationship, so the relationship and its
// Evidence node are created, not merged, once per load, with its properties merged over the batch and
// the evidence of the first document of the batch that gives it. Same rows as bulk_rels.cypher;
// retried after a lost connection as upsert_rels.cypher, which merges.
// Params: $docs [[[[props, start id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
CREATE (k:Evidence {id: row[3]})
FOREACH (e IN row[4] | CREATE (k)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d))
WITH row
MATCH (a:__START__ {id: row[1]})
MATCH (b:__END__ {id: row[2]})
CREATE (a)-[r:__TYPE__]->(b)
SET r += row[0]
