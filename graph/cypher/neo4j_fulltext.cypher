// Neo4j: full-text index over Document.grams (space-separated unigrams and bigrams of the folded text,
// see graph/fulltext.py) with the cjk analyzer. A gram is one or two Chinese characters or one or two
// letters and digits, which cjk keeps as they are (Chinese characters apart become unigrams, two
// together one bigram), so a one-character term, or a term inside a word (234 in 12341), finds what
// holds it; the query (lucene_query) leaves out the grams cjk could drop (English stop words).
CREATE FULLTEXT INDEX document_grams IF NOT EXISTS FOR (n:Document) ON EACH [n.grams]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
