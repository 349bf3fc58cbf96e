// Upsert relationships of one (type, start label, end label) (__TYPE__/__START__/__END__ are
// filled from graph.model.RELS only). One relationship per type between two nodes, one row per
// relationship for a whole batch of documents. Its evidence hangs off an Evidence node keyed by the
// relationship's stable key (row.key = start id | type | end id, indexed): one EVIDENCE relationship
// per entry, as in upsert_nodes.cypher (FOREACH and MERGE for the same reasons).
// Params: $rows [{start, end, key, props, ev: [{d, s, e, p: {qs, qe, quote?}}]}].
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props
FOREACH (ev IN row.ev |
  MERGE (k:Evidence {id: row.key})
  MERGE (d:Document {id: ev.d})
  MERGE (k)-[v:EVIDENCE {start: ev.s, end: ev.e}]->(d)
  SET v += ev.p)
