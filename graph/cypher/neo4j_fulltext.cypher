// Neo4j: full-text index on Document title and text with the CJK analyzer (bigrams for Chinese).
CREATE FULLTEXT INDEX document_text IF NOT EXISTS FOR (n:Document) ON EACH [n.title, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
