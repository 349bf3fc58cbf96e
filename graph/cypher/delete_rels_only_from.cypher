// Delete relationships of one (type, start label, end label) supported by no document outside $docs
// (taxonomy relationships stay): found from the documents' Evidence nodes, whose key is
// start id | type | end id. The Evidence nodes go in delete_evidence_only_from.cypher.
UNWIND $docs AS doc
MATCH (:Document {id: doc})<-[:EVIDENCE]-(k:Evidence)
WITH DISTINCT k
WHERE k.id CONTAINS '|__TYPE__|'
WITH split(k.id, '|') AS part, [(k)-[:EVIDENCE]->(o:Document) | o.id] AS support
WHERE all(x IN support WHERE x IN $docs)
MATCH (a:__START__ {id: part[0]})-[r:__TYPE__]->(b:__END__ {id: part[2]})
WHERE coalesce(r.origin, '') <> 'taxonomy'
DELETE r
