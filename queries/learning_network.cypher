// learning_network — who learned from whom, and when names and practices appear where (diffusion).
// Parameters: $limit (int; applied by the finisher per section).
// Raw columns: section (learned_from | model | practice), learner_id, learner, source_id, source,
//   what (list of strings, or the model/practice name), year (earliest year of the supporting
//   documents, or null), ev_doc, ev_start, ev_end, ev_quote.
MATCH (l:Place)-[r:LEARNED_FROM]->(s:Place)
UNWIND CASE WHEN size(coalesce(r.ev_doc, [])) = 0 THEN [null] ELSE r.ev_doc END AS did
OPTIONAL MATCH (d:Document {id: did})
WITH l, r, s, min(d.year) AS year
RETURN 'learned_from' AS section, l.id AS learner_id, l.name AS learner, s.id AS source_id, s.name AS source,
       r.what AS what, year, r.ev_doc AS ev_doc, r.ev_start AS ev_start, r.ev_end AS ev_end, r.ev_quote AS ev_quote
UNION ALL
MATCH (n:NamedModel)-[:OWNED_BY]->(o:Place)
UNWIND CASE WHEN size(coalesce(n.ev_doc, [])) = 0 THEN [null] ELSE n.ev_doc END AS did
OPTIONAL MATCH (d:Document {id: did})
WITH n, o, min(d.year) AS year
RETURN 'model' AS section, o.id AS learner_id, o.name AS learner, null AS source_id, null AS source,
       [n.name] AS what, year, n.ev_doc AS ev_doc, n.ev_start AS ev_start, n.ev_end AS ev_end, n.ev_quote AS ev_quote
UNION ALL
MATCH (p:Place)-[r:ADOPTS]->(x:Practice)
UNWIND CASE WHEN size(coalesce(r.ev_doc, [])) = 0 THEN [null] ELSE r.ev_doc END AS did
OPTIONAL MATCH (d:Document {id: did})
WITH p, r, x, min(d.year) AS year
RETURN 'practice' AS section, p.id AS learner_id, p.name AS learner, null AS source_id, null AS source,
       [x.name] AS what, year, r.ev_doc AS ev_doc, r.ev_start AS ev_start, r.ev_end AS ev_end, r.ev_quote AS ev_quote
