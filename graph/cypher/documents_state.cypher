// The state of the documents $ids and of every document from one of $sources (both index lookups).
// Params: $ids, $sources.
UNWIND $ids AS wanted
MATCH (d:Document {id: wanted})
RETURN d.id AS id, d.version AS version, d.complete AS complete, d.source AS source
UNION
UNWIND $sources AS wanted
MATCH (d:Document {source: wanted})
RETURN d.id AS id, d.version AS version, d.complete AS complete, d.source AS source
