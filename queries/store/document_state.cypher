// The state of one document and of every other document from the same source. Params: $id, $source.
MATCH (d:Document)
WHERE d.id = $id OR d.source = $source
RETURN d.id AS id, d.version AS version, d.complete AS complete, d.source AS source
