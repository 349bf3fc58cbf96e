// exemplars — every piece of evidence that a place does practice $practice: its measures (with the
// figures that measure the practice there), its named models of that practice, and its ADOPTS link.
// Parameters: $practice (string: canonical practice name), $k (int; applied by the finisher).
// Raw columns: place_id, place, practice (the practice of a measure, a model or an ADOPTS link, by which its
//   sentence is graded), source (measure | model | adopts), id, summary, status, metrics,
//   fig_doc, fig_start, fig_end, fig_quote, ev_doc, ev_start, ev_end, ev_quote. A measure's evidence is
//   its INSTANCE_OF link's (the sentence naming the practice); ``metrics``/fig_* are the figures inside
//   it about the place (or a place within it), results not plans, whose sentence names the practice.
//   The finisher scores places (figures, recognition about the place, documents).
MATCH (x:Practice) WHERE x.name = $practice OR x.id = $practice
MATCH (q:Place)-[:IMPLEMENTS]->(m:Measure)-[r:INSTANCE_OF]->(x)
OPTIONAL MATCH (m)-[:HAS_METRIC]->(mt:Metric)-[:FOR_PLACE]->(:Place)-[:PART_OF*0..2]->(q)
WHERE coalesce(mt.status, '') <> 'planned' AND x.name IN coalesce(mt.practices, [])
WITH q, x, m, r, mt, head([(mt)-[evr:EVIDENCE]->(evd:Document) | substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]) AS mq
WITH q, x, m, r, collect(DISTINCT CASE WHEN mt IS NULL THEN null ELSE [mt.doc_id, mt.start, mt.end, mq] END) AS figs
WITH *, [(:Evidence {id: m.id + '|INSTANCE_OF|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN q.id AS place_id, q.name AS place, x.name AS practice, 'measure' AS source, m.id AS id, m.summary AS summary,
       m.status AS status, size(figs) AS metrics,
       [f IN figs | f[0]] AS fig_doc, [f IN figs | f[1]] AS fig_start, [f IN figs | f[2]] AS fig_end,
       [f IN figs | f[3]] AS fig_quote,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (x:Practice) WHERE x.name = $practice OR x.id = $practice
MATCH (n:NamedModel)-[r:INSTANCE_OF]->(x)
MATCH (n)-[:OWNED_BY]->(q:Place)
WITH *, [(:Evidence {id: n.id + '|INSTANCE_OF|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN q.id AS place_id, q.name AS place, x.name AS practice, 'model' AS source, n.id AS id, n.name AS summary,
       CASE WHEN size(coalesce(n.components, [])) > 0 THEN 'described' ELSE null END AS status, 0 AS metrics,
       [] AS fig_doc, [] AS fig_start, [] AS fig_end, [] AS fig_quote, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (x:Practice) WHERE x.name = $practice OR x.id = $practice
MATCH (q:Place)-[r:ADOPTS]->(x)
WITH *, [(:Evidence {id: q.id + '|ADOPTS|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN q.id AS place_id, q.name AS place, x.name AS practice, 'adopts' AS source, x.id AS id, null AS summary, null AS status,
       0 AS metrics, [] AS fig_doc, [] AS fig_start, [] AS fig_end, [] AS fig_quote, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
