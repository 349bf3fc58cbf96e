// graph_fingerprint — not a user query: the counts that tell the query layer the graph changed
// (indexes for search / similar_practices are cached per fingerprint). No parameters.
// Columns: nodes, docs.
MATCH (n)
WITH count(n) AS nodes
OPTIONAL MATCH (d:Document)
RETURN nodes, count(d) AS docs
