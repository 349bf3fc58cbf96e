// Every loaded document: id, version, complete flag, source.
MATCH (d:Document)
RETURN d.id AS id, d.version AS version, d.complete AS complete, d.source AS source
