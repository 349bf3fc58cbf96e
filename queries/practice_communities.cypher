// practice_communities — every place–practice link (ADOPTS, and each measure a place implements that is an instance of
// a practice), with evidence; the query layer builds practice vectors per place once per graph version
// (queries/analysis.py) and answers from them.
// Parameters: $min_places (used by the finisher).
// Raw columns: place_id, place, practice, source (adopts | measure), ev_doc, ev_start, ev_end, ev_quote.
MATCH (p:Place)-[r:ADOPTS]->(x:Practice)
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'adopts' AS source,
       r.ev_doc AS ev_doc, r.ev_start AS ev_start, r.ev_end AS ev_end, r.ev_quote AS ev_quote
UNION ALL
MATCH (p:Place)-[:IMPLEMENTS]->(m:Measure)-[:INSTANCE_OF]->(x:Practice)
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'measure' AS source,
       m.ev_doc AS ev_doc, m.ev_start AS ev_start, m.ev_end AS ev_end, m.ev_quote AS ev_quote
