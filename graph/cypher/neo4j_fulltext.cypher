// Neo4j: full-text index over Document.grams (space-separated unigrams and bigrams of the folded text,
// see graph/fulltext.py), taken token by token: the whitespace analyzer. The cjk analyzer is not used:
// it keeps only the bigrams of a run of Chinese characters and Latin words whole, so a one-character
// term, or a term inside a word (234 in 12341), would miss documents that hold it.
CREATE FULLTEXT INDEX document_grams IF NOT EXISTS FOR (n:Document) ON EACH [n.grams]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}
