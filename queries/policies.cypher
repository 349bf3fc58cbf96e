// policies — policies of a place (issued by its agencies, or cited in documents about it) and/or of an
// agency, plus the place's planned measures (commitments).
// Parameters: $place (string or null: place name, alias or id), $agency (string or null: agency name or id).
// Raw columns: kind (policy | measure), id, title, issuer, date, status, ev_doc, ev_start, ev_end, ev_quote.
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (q:Place)-[:PART_OF*0..2]->(p)
MATCH (x:Policy)-[:ISSUED_BY]->(:Agency)-[:LOCATED_IN]->(q)
RETURN DISTINCT 'policy' AS kind, x.id AS id, x.title AS title, x.issuer AS issuer, x.date AS date,
       x.status AS status, x.ev_doc AS ev_doc, x.ev_start AS ev_start, x.ev_end AS ev_end, x.ev_quote AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (d:Document)-[:ABOUT]->(p)
MATCH (d)-[:MENTIONS]->(x:Policy)
RETURN DISTINCT 'policy' AS kind, x.id AS id, x.title AS title, x.issuer AS issuer, x.date AS date,
       x.status AS status, x.ev_doc AS ev_doc, x.ev_start AS ev_start, x.ev_end AS ev_end, x.ev_quote AS ev_quote
UNION ALL
MATCH (a:Agency) WHERE a.id = $agency OR a.name = $agency
MATCH (x:Policy)-[:ISSUED_BY]->(a)
RETURN DISTINCT 'policy' AS kind, x.id AS id, x.title AS title, x.issuer AS issuer, x.date AS date,
       x.status AS status, x.ev_doc AS ev_doc, x.ev_start AS ev_start, x.ev_end AS ev_end, x.ev_quote AS ev_quote
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (q:Place)-[:PART_OF*0..2]->(p)
MATCH (q)-[:IMPLEMENTS]->(m:Measure) WHERE m.status = 'planned'
RETURN DISTINCT 'measure' AS kind, m.id AS id, m.summary AS title, null AS issuer, toString(m.year) AS date,
       m.status AS status, m.ev_doc AS ev_doc, m.ev_start AS ev_start, m.ev_end AS ev_end, m.ev_quote AS ev_quote
UNION ALL
MATCH (a:Agency) WHERE a.id = $agency OR a.name = $agency
MATCH (m:Measure)-[:LED_BY]->(a) WHERE m.status = 'planned'
RETURN DISTINCT 'measure' AS kind, m.id AS id, m.summary AS title, null AS issuer, toString(m.year) AS date,
       m.status AS status, m.ev_doc AS ev_doc, m.ev_start AS ev_start, m.ev_end AS ev_end, m.ev_quote AS ev_quote
