// Upsert nodes of one label for documents new to the graph (the bulk path of a fresh load; a batch
// replacing or removing documents uses upsert_nodes.cypher), and create their EVIDENCE relationships
// to those Documents. Same rows as upsert_nodes.cypher. The node and its properties are merged
// (another document may have it); its evidence is created, not merged (the Document did not exist
// before this batch), with UNWIND rather than FOREACH (about 40 % less server time), in the same
// statement as the node (a second statement finding each node again cost 10-15 % more server CPU
// for the load). A row without entries ends at the UNWIND, after its SET, which FalkorDB 4.16.3
// keeps (checked). A statement retried after a lost connection is sent as upsert_nodes.cypher,
// which merges. Params: $docs [[[[props, id, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MERGE (n:__LABEL__ {id: row[1]})
SET n += row[0]
WITH d, n, row[2] AS entries
UNWIND entries AS e
CREATE (n)-[:EVIDENCE {start: e[0], end: e[1], qs: e[2], qe: e[3], quote: e[4]}]->(d)
