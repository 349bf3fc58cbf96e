// city_profile — everything the graph knows about one place, one row per fact:
//   practice (with its category), named_model (components in order), policy (status, date, issuer),
//   agency, figure (metric; status planned for a target), learned_from / taught (LEARNED_FROM, with what), document (ABOUT it).
// Parameters: $place (string) — place name, alias or id (adcode / pl_…).
// Raw columns: place_id, place, section, id, category, name, items, status, date, issuer, head,
//   practices (a figure's: the practices it measures), ev_doc, ev_start, ev_end, ev_quote (the finisher picks the evidence and orders the rows).
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (p)-[r:ADOPTS]->(x:Practice)
OPTIONAL MATCH (x)-[:IN_CATEGORY]->(c:PracticeCategory)
WITH *, [(:Evidence {id: p.id + '|ADOPTS|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, 'practice' AS section, x.id AS id, c.name AS category,
       x.name AS name, null AS items, null AS status, null AS date, null AS issuer,
       null AS head, null AS practices,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (x:NamedModel)-[:OWNED_BY]->(p)
WITH *, [(x)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, 'named_model' AS section, x.id AS id, null AS category,
       x.name AS name, x.components AS items, null AS status, null AS date, null AS issuer,
       null AS head, null AS practices,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (x:Policy)-[:ISSUED_BY]->(:Agency)-[:LOCATED_IN]->(p)
WITH *, [(x)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, 'policy' AS section, x.id AS id, null AS category,
       x.title AS name, null AS items, x.status AS status, x.date AS date, x.issuer AS issuer,
       null AS head, null AS practices,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (d:Document)-[:ABOUT]->(p)
MATCH (d)-[:MENTIONS]->(x:Policy)
WITH *, [(x)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN DISTINCT p.id AS place_id, p.name AS place, 'policy' AS section, x.id AS id, null AS category,
       x.title AS name, null AS items, x.status AS status, x.date AS date, x.issuer AS issuer,
       null AS head, null AS practices,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (x:Agency)-[:LOCATED_IN]->(p)
WITH *, [(x)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, 'agency' AS section, x.id AS id, null AS category,
       x.name AS name, null AS items, null AS status, null AS date, null AS issuer,
       null AS head, null AS practices,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (x:Metric)-[:FOR_PLACE]->(p)
WITH *, [(x)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, 'figure' AS section, x.id AS id, null AS category,
       x.subject AS name, [x.as_written] AS items, x.status AS status, toString(x.year) AS date, null AS issuer,
       null AS head, coalesce(x.practices, []) AS practices, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (p)-[r:LEARNED_FROM]->(x:Place)
WITH *, [(:Evidence {id: p.id + '|LEARNED_FROM|' + x.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, 'learned_from' AS section, x.id AS id, null AS category,
       x.name AS name, r.what AS items, null AS status, null AS date, null AS issuer,
       null AS head, null AS practices,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (x:Place)-[r:LEARNED_FROM]->(p)
WITH *, [(:Evidence {id: x.id + '|LEARNED_FROM|' + p.id})-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN p.id AS place_id, p.name AS place, 'taught' AS section, x.id AS id, null AS category,
       x.name AS name, r.what AS items, null AS status, null AS date, null AS issuer,
       null AS head, null AS practices,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (x:Document)-[:ABOUT]->(p)
RETURN p.id AS place_id, p.name AS place, 'document' AS section, x.id AS id, null AS category,
       x.title AS name, null AS items, x.kind AS status, x.date AS date, x.issuer AS issuer,
       left(x.text, 200) AS head, null AS practices, null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
