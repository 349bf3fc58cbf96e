// compare_cities — the evidence behind a place × practice matrix.
// Parameters: $places (list of strings: names, aliases or ids), $practices (list of practice names;
//   empty = every practice the places have). A place includes the places PART_OF it (two levels down).
// Raw columns, one row per piece of evidence: place_id, place, practice, source (measure | model |
//   adopts), id, summary, status, metrics (figures inside the measure), ev_doc, ev_start, ev_end, ev_quote.
// The finisher grades each piece (quantified / described / claimed) and builds the cells.
UNWIND $places AS want
MATCH (p:Place) WHERE p.id = want OR p.name = want OR want IN coalesce(p.aliases, [])
MATCH (q:Place)-[:PART_OF*0..2]->(p)
MATCH (q)-[:IMPLEMENTS]->(m:Measure)-[:INSTANCE_OF]->(x:Practice)
WHERE size($practices) = 0 OR x.name IN $practices
OPTIONAL MATCH (m)-[:HAS_METRIC]->(mt:Metric)
WITH p, x, m, count(mt) AS metrics
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'measure' AS source, m.id AS id,
       m.summary AS summary, m.status AS status, metrics,
       m.ev_doc AS ev_doc, m.ev_start AS ev_start, m.ev_end AS ev_end, m.ev_quote AS ev_quote
UNION ALL
UNWIND $places AS want
MATCH (p:Place) WHERE p.id = want OR p.name = want OR want IN coalesce(p.aliases, [])
MATCH (q:Place)-[:PART_OF*0..2]->(p)
MATCH (n:NamedModel)-[:OWNED_BY]->(q)
MATCH (n)-[:INSTANCE_OF]->(x:Practice)
WHERE size($practices) = 0 OR x.name IN $practices
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'model' AS source, n.id AS id,
       n.name AS summary, CASE WHEN size(coalesce(n.components, [])) > 0 THEN 'described' ELSE null END AS status,
       0 AS metrics, n.ev_doc AS ev_doc, n.ev_start AS ev_start, n.ev_end AS ev_end, n.ev_quote AS ev_quote
UNION ALL
UNWIND $places AS want
MATCH (p:Place) WHERE p.id = want OR p.name = want OR want IN coalesce(p.aliases, [])
MATCH (p)-[r:ADOPTS]->(x:Practice)
WHERE size($practices) = 0 OR x.name IN $practices
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'adopts' AS source, x.id AS id,
       null AS summary, null AS status, 0 AS metrics,
       r.ev_doc AS ev_doc, r.ev_start AS ev_start, r.ev_end AS ev_end, r.ev_quote AS ev_quote
