// Every loaded document: id, version, complete flag (false while a batch lists it as loading), source.
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
WITH coalesce(m.loading, []) AS loading
MATCH (d:Document)
RETURN d.id AS id, d.version AS version, coalesce(d.complete, false) AND NOT d.id IN loading AS complete,
       d.source AS source
