// FalkorDB: full-text index over Document.grams (space-separated unigrams and bigrams of the folded
// text, see graph/fulltext.py); its default analyzer cannot segment Chinese. No stop words: a gram
// such as "is" or "at" is a gram like any other.
CALL db.idx.fulltext.createNodeIndex({label: 'Document', stopwords: []}, 'grams')
