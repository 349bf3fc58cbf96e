// Neo4j: index Document.source (a changed file is found by its source).
CREATE INDEX document_source IF NOT EXISTS FOR (n:Document) ON (n.source)
