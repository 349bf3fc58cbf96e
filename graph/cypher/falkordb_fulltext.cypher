// FalkorDB: full-text index over Document.grams (space-separated Chinese unigrams + bigrams,
// see graph/fulltext.py); its default analyzer cannot segment Chinese.
CALL db.idx.fulltext.createNodeIndex('Document', 'grams')
