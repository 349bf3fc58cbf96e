// The format of the full-text field every Document of the graph carries (graph/fulltext.py FORMAT);
// null when the graph holds documents written before it was recorded.
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
RETURN m.grams AS format
