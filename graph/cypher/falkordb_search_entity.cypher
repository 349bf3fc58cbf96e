// FalkorDB: the entities of one label (__LABEL__) whose full-text field holds every gram of at least
// one search term ($query, RediSearch syntax written by graph/fulltext.py falkordb_query from grams only).
CALL db.idx.fulltext.queryNodes('__LABEL__', $query) YIELD node
RETURN node.id AS id
