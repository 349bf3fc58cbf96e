// policies — policies of a place (issued by its agencies, or cited in documents about it) and/or of an
// agency, plus the place's planned measures (commitments).
// Parameters: $place (string or null: place name, alias or id), $agency (string or null: agency name or id).
// Raw columns: kind (policy | measure), id, title, issuer, date, status, ev_doc, ev_start, ev_end, ev_quote.
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (q:Place)-[:PART_OF*0..2]->(p)
MATCH (x:Policy)-[:ISSUED_BY]->(:Agency)-[:LOCATED_IN]->(q)
WITH *, [(x)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN DISTINCT 'policy' AS kind, x.id AS id, x.title AS title, x.issuer AS issuer, x.date AS date,
       x.status AS status, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (d:Document)-[:ABOUT]->(p)
MATCH (d)-[:MENTIONS]->(x:Policy)
WITH *, [(x)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN DISTINCT 'policy' AS kind, x.id AS id, x.title AS title, x.issuer AS issuer, x.date AS date,
       x.status AS status, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (a:Agency) WHERE a.id = $agency OR a.name = $agency
MATCH (x:Policy)-[:ISSUED_BY]->(a)
WITH *, [(x)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN DISTINCT 'policy' AS kind, x.id AS id, x.title AS title, x.issuer AS issuer, x.date AS date,
       x.status AS status, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (q:Place)-[:PART_OF*0..2]->(p)
MATCH (q)-[:IMPLEMENTS]->(m:Measure) WHERE m.status = 'planned'
WITH *, [(m)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN DISTINCT 'measure' AS kind, m.id AS id, m.summary AS title, null AS issuer, toString(m.year) AS date,
       m.status AS status, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (a:Agency) WHERE a.id = $agency OR a.name = $agency
MATCH (m:Measure)-[:LED_BY]->(a) WHERE m.status = 'planned'
WITH *, [(m)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN DISTINCT 'measure' AS kind, m.id AS id, m.summary AS title, null AS issuer, toString(m.year) AS date,
       m.status AS status, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
