// Neo4j: the documents whose full-text field holds every gram of at least one search term
// ($query, Lucene syntax written by graph/fulltext.py lucene_query from grams only).
CALL db.index.fulltext.queryNodes('document_grams', $query) YIELD node
RETURN node.id AS id
