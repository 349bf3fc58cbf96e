// compare_cities — the evidence behind a place × practice matrix.
// Parameters: $places (list of strings: names, aliases or ids), $practices (list of practice names;
//   empty = every practice the places have). A place includes the places PART_OF it (two levels down).
// Raw columns, one row per piece of evidence: place_id, place, practice, source (measure | model |
//   adopts), id, at (the place the piece is about: the compared place or one PART_OF it), summary, status, metrics, fig_doc, fig_start, fig_end, fig_quote, own_doc, own_start,
//   own_end, own_quote (a measure's own evidence: the sentence stating it), ev_doc, ev_start, ev_end,
//   ev_quote. A measure's evidence is that of its INSTANCE_OF link (the sentence naming the
//   practice); ``metrics`` counts the figures that measure the practice there: inside the measure,
//   about a place within the compared one, a result (not planned), whose sentence names the practice
//   (Metric.practices); fig_* are their evidence.
// The finisher grades each piece (quantified / described / claimed) and builds the cells.
UNWIND $places AS want
MATCH (p:Place) WHERE p.id = want OR p.name = want OR want IN coalesce(p.aliases, [])
MATCH (q:Place)-[:PART_OF*0..2]->(p)
MATCH (q)-[:IMPLEMENTS]->(m:Measure)-[r:INSTANCE_OF]->(x:Practice)
WHERE size($practices) = 0 OR x.name IN $practices
OPTIONAL MATCH (m)-[:HAS_METRIC]->(mt:Metric)-[:FOR_PLACE]->(:Place)-[:PART_OF*0..2]->(p)
WHERE coalesce(mt.status, '') <> 'planned' AND x.name IN coalesce(mt.practices, [])
WITH p, q, x, m, r, mt, head([(mt)-[evr:EVIDENCE]->(evd:Document) | substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]) AS mq
WITH p, q, x, m, r, collect(DISTINCT CASE WHEN mt IS NULL THEN null ELSE [mt.doc_id, mt.start, mt.end, mq] END) AS figs
WITH *, [(m)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS own
WITH *, [(:Evidence {id: m.id + '|INSTANCE_OF|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'measure' AS source, m.id AS id, q.id AS at,
       m.summary AS summary, m.status AS status, size(figs) AS metrics,
       [f IN figs | f[0]] AS fig_doc, [f IN figs | f[1]] AS fig_start, [f IN figs | f[2]] AS fig_end,
       [f IN figs | f[3]] AS fig_quote,
       [entry IN own | entry[0]] AS own_doc, [entry IN own | entry[1]] AS own_start, [entry IN own | entry[2]] AS own_end,
       [entry IN own | entry[3]] AS own_quote,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
UNWIND $places AS want
MATCH (p:Place) WHERE p.id = want OR p.name = want OR want IN coalesce(p.aliases, [])
MATCH (q:Place)-[:PART_OF*0..2]->(p)
MATCH (n:NamedModel)-[:OWNED_BY]->(q)
MATCH (n)-[r:INSTANCE_OF]->(x:Practice)
WHERE size($practices) = 0 OR x.name IN $practices
WITH *, [(:Evidence {id: n.id + '|INSTANCE_OF|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'model' AS source, n.id AS id, q.id AS at,
       n.name AS summary, CASE WHEN size(coalesce(n.components, [])) > 0 THEN 'described' ELSE null END AS status,
       0 AS metrics, [] AS fig_doc, [] AS fig_start, [] AS fig_end, [] AS fig_quote,
       [] AS own_doc, [] AS own_start, [] AS own_end, [] AS own_quote,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
UNWIND $places AS want
MATCH (p:Place) WHERE p.id = want OR p.name = want OR want IN coalesce(p.aliases, [])
MATCH (p)-[r:ADOPTS]->(x:Practice)
WHERE size($practices) = 0 OR x.name IN $practices
WITH *, [(:Evidence {id: p.id + '|ADOPTS|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, x.name AS practice, 'adopts' AS source, x.id AS id, p.id AS at,
       null AS summary, null AS status, 0 AS metrics, [] AS fig_doc, [] AS fig_start, [] AS fig_end,
       [] AS fig_quote, [] AS own_doc, [] AS own_start, [] AS own_end, [] AS own_quote,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
