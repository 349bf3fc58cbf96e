// Whether the graph holds nothing but its meta node and the taxonomy (origin = 'taxonomy'), and no batch
// is loading: then a loader holding the graph alone may take the fresh-load path (graph/fresh_load.py).
// Returns one row, empty = true, and the taxonomy's node ids and relationship keys, which exist already.
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
WITH size(coalesce(m.loading, [])) AS loading
OPTIONAL MATCH (n)
WHERE NOT n:GraphMeta AND coalesce(n.origin, '') <> 'taxonomy'
WITH loading, n
LIMIT 1
OPTIONAL MATCH (t)
WHERE t.origin = 'taxonomy'
WITH loading, n, collect(t.id) AS nodes
OPTIONAL MATCH (a)-[r]->(b)
WHERE r.origin = 'taxonomy'
RETURN loading = 0 AND n IS NULL AS empty, nodes,
       collect(a.id + '|' + type(r) + '|' + b.id) AS rels
