// The projection practice_items (graph/projections.py, GraphStore.projection): every measure and named
// model with who does it, its practices, its components and its evidence. similar_practices builds a
// character n-gram TF-IDF index from these rows once per graph version and ranks in Python (the same on
// every store). No parameters.
// Columns: kind, id, name, place_id, place, text, practices, components, ev_doc, ev_start, ev_end, ev_quote.
MATCH (m:Measure)
OPTIONAL MATCH (q:Place)-[:IMPLEMENTS]->(m)
OPTIONAL MATCH (m)-[:INSTANCE_OF]->(x:Practice)
WITH m, q, collect(x.name) AS practices
WITH *, [(m)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Measure' AS kind, m.id AS id, m.summary AS name, q.id AS place_id, coalesce(q.name, m.place) AS place,
       m.summary AS text, practices, [] AS components,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:NamedModel)
OPTIONAL MATCH (n)-[:OWNED_BY]->(q:Place)
OPTIONAL MATCH (n)-[:INSTANCE_OF]->(x:Practice)
WITH n, q, collect(x.name) AS practices
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, q.id AS place_id, coalesce(q.name, n.owner) AS place,
       n.definition AS text, practices, coalesce(n.components, []) AS components,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
