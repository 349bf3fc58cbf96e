// similar_practices — every measure and named model with who does it, its practices, its components and
// its evidence; the query layer builds a character n-gram TF-IDF index from these rows once per graph
// version and ranks candidates in Python (the same on every store).
// Parameters: $text, $measure, $named_model, $place, $k (used by the finisher).
// Raw columns: kind, id, name, place_id, place, text, practices, components, ev_doc, ev_start, ev_end, ev_quote.
MATCH (m:Measure)
OPTIONAL MATCH (q:Place)-[:IMPLEMENTS]->(m)
OPTIONAL MATCH (m)-[:INSTANCE_OF]->(x:Practice)
WITH m, q, collect(x.name) AS practices
RETURN 'Measure' AS kind, m.id AS id, m.summary AS name, q.id AS place_id, coalesce(q.name, m.place) AS place,
       m.summary AS text, practices, [] AS components,
       m.ev_doc AS ev_doc, m.ev_start AS ev_start, m.ev_end AS ev_end, m.ev_quote AS ev_quote
UNION ALL
MATCH (n:NamedModel)
OPTIONAL MATCH (n)-[:OWNED_BY]->(q:Place)
OPTIONAL MATCH (n)-[:INSTANCE_OF]->(x:Practice)
WITH n, q, collect(x.name) AS practices
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, q.id AS place_id, coalesce(q.name, n.owner) AS place,
       n.definition AS text, practices, coalesce(n.components, []) AS components,
       n.ev_doc AS ev_doc, n.ev_start AS ev_start, n.ev_end AS ev_end, n.ev_quote AS ev_quote
