// Delete nodes supported by no document outside $docs (taxonomy nodes stay). Their relationships were
// all supported by $docs too (a relationship's endpoints carry its evidence), so DETACH is safe.
UNWIND $docs AS doc
MATCH (:Document {id: doc})<-[:EVIDENCE]-(n)
WITH DISTINCT n
WHERE NOT n:Evidence AND coalesce(n.origin, '') <> 'taxonomy'
WITH n, [(n)-[:EVIDENCE]->(o:Document) | o.id] AS support
WHERE all(x IN support WHERE x IN $docs)
DETACH DELETE n
