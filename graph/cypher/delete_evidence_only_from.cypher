// Delete the Evidence nodes (relationship evidence) supported by no document outside $docs, with their
// EVIDENCE relationships.
UNWIND $docs AS doc
MATCH (:Document {id: doc})<-[:EVIDENCE]-(k:Evidence)
WITH DISTINCT k
WITH k, [(k)-[:EVIDENCE]->(o:Document) | o.id] AS support
WHERE all(x IN support WHERE x IN $docs)
DETACH DELETE k
