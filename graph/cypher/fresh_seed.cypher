// What a graph holding only the taxonomy holds (fresh_check.cypher said so): the taxonomy's node ids and
// relationship keys (start id | type | end id), which the fresh-load path (graph/fresh_load.py) must
// merge, not create. One row: nodes, rels.
OPTIONAL MATCH (t)
WHERE t.origin = 'taxonomy'
WITH collect(t.id) AS nodes
OPTIONAL MATCH (a)-[r]->(b)
WHERE r.origin = 'taxonomy'
RETURN nodes, collect(a.id + '|' + type(r) + '|' + b.id) AS rels
