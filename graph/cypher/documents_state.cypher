// The state of the documents $ids and of every document from one of $sources (both index lookups); a
// document a batch still lists as loading is not complete. Params: $ids, $sources.
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
WITH coalesce(m.loading, []) AS loading
UNWIND $ids AS wanted
MATCH (d:Document {id: wanted})
RETURN d.id AS id, d.version AS version, coalesce(d.complete, false) AND NOT d.id IN loading AS complete,
       d.source AS source
UNION
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
WITH coalesce(m.loading, []) AS loading
UNWIND $sources AS wanted
MATCH (d:Document {source: wanted})
RETURN d.id AS id, d.version AS version, coalesce(d.complete, false) AND NOT d.id IN loading AS complete,
       d.source AS source
