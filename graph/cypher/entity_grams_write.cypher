// Set the full-text field of entities of one label (__LABEL__): $rows [[id, grams], …], computed by
// graph/fulltext.py entity_grams from what entity_grams_read.cypher read.
UNWIND $rows AS row
MATCH (n:__LABEL__ {id: row[0]})
SET n.grams = row[1]
