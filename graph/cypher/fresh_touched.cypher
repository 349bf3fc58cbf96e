// The facts of the documents $docs (node ids, and the keys of the relationships whose Evidence node they
// support): what stripping or removing them may delete, so the fresh-load path (graph/fresh_load.py)
// forgets it had written them. Params: $docs.
UNWIND $docs AS doc
MATCH (:Document {id: doc})<-[:EVIDENCE]-(n)
RETURN DISTINCT n.id AS id
