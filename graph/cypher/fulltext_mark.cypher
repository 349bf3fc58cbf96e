// Record the full-text field's format ($format) in a graph that holds no Document yet: from then on
// every Document is written with it. A graph whose documents an older govkg wrote keeps what it had
// (its search reads every document instead of narrowing by the index).
MERGE (m:GraphMeta {id: 'graph'})
WITH m
OPTIONAL MATCH (d:Document)
WITH m, count(d) AS documents
WHERE documents = 0
SET m.grams = $format
