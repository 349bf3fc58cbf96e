// Neo4j: the searchable entities whose full-text field holds every gram of at least one search term
// ($query, Lucene syntax written by graph/fulltext.py lucene_query from grams only), of the labels $kinds.
CALL db.index.fulltext.queryNodes('entity_grams', $query) YIELD node
WITH node, labels(node) AS kinds
WHERE any(kind IN kinds WHERE kind IN $kinds)
RETURN node.id AS id
