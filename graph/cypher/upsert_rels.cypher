// Upsert relationships of one (type, start label, end label) (__TYPE__/__START__/__END__ are
// filled from graph.model.RELS only). One relationship per type between two nodes. Rows grouped by
// document as in upsert_nodes.cypher (one row per relationship and document, each carrying its
// properties merged over the documents in their order, so any row that is kept sets them). Its evidence hangs
// off an Evidence node keyed by the relationship's stable key (row[3] = start id | type | end id,
// indexed), merged once per row, outside the FOREACH (a MERGE inside FOREACH does not see a node an
// earlier row of the same statement created); one EVIDENCE relationship per entry, as in
// upsert_nodes.cypher. The relationship itself comes last: on FalkorDB 4.16, once a row's MERGE
// matched a relationship an earlier row of the statement created, what that row did after the MERGE
// was lost (the second document's evidence of a shared relationship went missing).
// Params: $docs [[[[props, start id, end id, key, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
MATCH (d:Document {id: dr[1]})
WITH d, dr[0] AS rows
UNWIND rows AS row
WITH d, row
MERGE (k:Evidence {id: row[3]})
FOREACH (e IN row[4] |
  MERGE (k)-[v:EVIDENCE {start: e[0], end: e[1]}]->(d)
  SET v.qs = e[2], v.qe = e[3], v.quote = e[4])
WITH row
MATCH (a:__START__ {id: row[1]})
MATCH (b:__END__ {id: row[2]})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row[0]
