// Neo4j: one full-text index over the full-text field of every searchable entity label (graph.fulltext
// ENTITY_FIELDS): the grams of its name, definition and items, space-separated (graph/fulltext.py
// entity_grams), with the cjk analyzer. A gram is one or two Chinese characters or one or two letters
// and digits, which cjk keeps as they are (Chinese characters apart become unigrams, two together one
// bigram); the query (lucene_query) leaves out the grams it could drop (English stop words).
CREATE FULLTEXT INDEX entity_grams IF NOT EXISTS FOR (n:NamedModel|Measure|Policy|Agency|Place|Practice) ON EACH [n.grams]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
