// exemplars — every piece of evidence that a place does practice $practice: its measures (with the
// number of figures inside each), its named models of that practice, and its ADOPTS link.
// Parameters: $practice (string: canonical practice name), $k (int; applied by the finisher).
// Raw columns: place_id, place, source (measure | model | adopts), id, summary, status, metrics,
//   ev_doc, ev_start, ev_end, ev_quote. The finisher scores places (figures, recognition, documents).
MATCH (x:Practice) WHERE x.name = $practice OR x.id = $practice
MATCH (q:Place)-[:IMPLEMENTS]->(m:Measure)-[:INSTANCE_OF]->(x)
OPTIONAL MATCH (m)-[:HAS_METRIC]->(mt:Metric)
WITH q, m, count(mt) AS metrics
RETURN q.id AS place_id, q.name AS place, 'measure' AS source, m.id AS id, m.summary AS summary,
       m.status AS status, metrics, m.ev_doc AS ev_doc, m.ev_start AS ev_start, m.ev_end AS ev_end,
       m.ev_quote AS ev_quote
UNION ALL
MATCH (x:Practice) WHERE x.name = $practice OR x.id = $practice
MATCH (n:NamedModel)-[:INSTANCE_OF]->(x)
MATCH (n)-[:OWNED_BY]->(q:Place)
RETURN q.id AS place_id, q.name AS place, 'model' AS source, n.id AS id, n.name AS summary,
       CASE WHEN size(coalesce(n.components, [])) > 0 THEN 'described' ELSE null END AS status, 0 AS metrics,
       n.ev_doc AS ev_doc, n.ev_start AS ev_start, n.ev_end AS ev_end, n.ev_quote AS ev_quote
UNION ALL
MATCH (x:Practice) WHERE x.name = $practice OR x.id = $practice
MATCH (q:Place)-[r:ADOPTS]->(x)
RETURN q.id AS place_id, q.name AS place, 'adopts' AS source, x.id AS id, null AS summary, null AS status,
       0 AS metrics, r.ev_doc AS ev_doc, r.ev_start AS ev_start, r.ev_end AS ev_end, r.ev_quote AS ev_quote
