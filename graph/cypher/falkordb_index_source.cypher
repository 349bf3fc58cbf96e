// FalkorDB: index Document.source (a changed file is found by its source).
CREATE INDEX FOR (n:Document) ON (n.source)
