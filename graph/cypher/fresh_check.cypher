// Whether the graph holds nothing but its meta node and the taxonomy (origin = 'taxonomy'), and no batch
// is loading: then a loader holding the graph alone may take the fresh-load path (graph/fresh_load.py;
// fresh_seed.cypher then reads the taxonomy). Stops at the first other node. One row: empty.
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
WITH size(coalesce(m.loading, [])) AS loading
OPTIONAL MATCH (n)
WHERE NOT n:GraphMeta AND coalesce(n.origin, '') <> 'taxonomy'
WITH loading, n
LIMIT 1
RETURN loading = 0 AND n IS NULL AS empty
