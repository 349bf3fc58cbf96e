// FalkorDB: full-text index over the full-text field of one searchable entity label (__LABEL__, from
// graph.fulltext.ENTITY_FIELDS): the grams of its name, definition and items (graph/fulltext.py
// entity_grams). No stop words, as for Document.grams.
CALL db.idx.fulltext.createNodeIndex({label: '__LABEL__', stopwords: []}, 'grams')
