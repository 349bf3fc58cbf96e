// graph_fingerprint — not a user query: the counts that tell the query layer the graph changed
// (indexes for search / similar_practices are cached per fingerprint). No parameters.
// Columns: nodes, rels, docs.
MATCH (n)
WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->()
WITH nodes, count(r) AS rels
OPTIONAL MATCH (d:Document)
RETURN nodes, rels, count(d) AS docs
