// learning_network — who learned from whom, and when names and practices appear where (diffusion).
// Parameters: $limit (int; applied by the finisher per section).
// Raw columns: section (learned_from | model | practice), learner_id, learner, source_id, source,
//   what (list of strings, or the model/practice name), year (earliest year of the supporting
//   documents, or null), ev_doc, ev_start, ev_end, ev_quote.
MATCH (l:Place)-[r:LEARNED_FROM]->(s:Place)
OPTIONAL MATCH (:Evidence {id: l.id + '|LEARNED_FROM|' + s.id})-[:EVIDENCE]->(d:Document)
WITH l, r, s, min(d.year) AS year
WITH *, [(:Evidence {id: l.id + '|LEARNED_FROM|' + s.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'learned_from' AS section, l.id AS learner_id, l.name AS learner, s.id AS source_id, s.name AS source,
       r.what AS what, year, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:NamedModel)-[:OWNED_BY]->(o:Place)
OPTIONAL MATCH (n)-[:EVIDENCE]->(d:Document)
WITH n, o, min(d.year) AS year
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'model' AS section, o.id AS learner_id, o.name AS learner, null AS source_id, null AS source,
       [n.name] AS what, year, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place)-[r:ADOPTS]->(x:Practice)
OPTIONAL MATCH (:Evidence {id: p.id + '|ADOPTS|' + x.id})-[:EVIDENCE]->(d:Document)
WITH p, r, x, min(d.year) AS year
WITH *, [(:Evidence {id: p.id + '|ADOPTS|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'practice' AS section, p.id AS learner_id, p.name AS learner, null AS source_id, null AS source,
       [x.name] AS what, year, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
