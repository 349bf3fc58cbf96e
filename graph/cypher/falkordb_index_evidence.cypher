// FalkorDB: index the Evidence key (start id | type | end id): a relationship's evidence is found by it.
CREATE INDEX FOR (n:Evidence) ON (n.id)
