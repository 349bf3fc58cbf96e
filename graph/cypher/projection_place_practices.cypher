// The projection place_practices (graph/projections.py, GraphStore.projection): every place–practice
// link (ADOPTS, and each measure a place implements that is an instance of a practice), with evidence.
// similar_cities and practice_communities build practice vectors per place from these rows once per
// graph version (queries/analysis.py). No parameters.
// Columns: place_id, place, practice, source (adopts | measure), ev_doc, ev_start, ev_end, ev_quote.
MATCH (p:Place)-[r:ADOPTS]->(x:Practice)
WITH *, [(:Evidence {id: p.id + '|ADOPTS|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'adopts' AS source,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place)-[:IMPLEMENTS]->(m:Measure)-[:INSTANCE_OF]->(x:Practice)
WITH *, [(m)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'measure' AS source,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
