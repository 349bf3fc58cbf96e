// inventory — what the graph holds, for the explorer's overview and pick lists: one row per document,
// place (with how many measures it implements), practice (with how many places adopt it), named model
// (with its number of listed components) and policy; one measure_total row (count = all measures);
// and, only when $place is given, one row per measure that place implements. Measures are ~10 per
// document, so listing all of them made this the largest answer of the app's first page.
// No document text, no evidence lists.
// Parameters: $place (string or null: place name, alias or id; null = no measure rows).
// Raw columns: section (document | place | practice | named_model | policy | measure_total | measure),
// id, name, kind, place, level, issuer, date, status, count (a named model's status: its definition, which
// the finish reads as its role).
MATCH (d:Document)
RETURN 'document' AS section, d.id AS id, d.title AS name, d.kind AS kind, d.subject_place AS place,
       null AS level, d.issuer AS issuer, d.date AS date, null AS status, null AS count
UNION ALL
MATCH (p:Place)
OPTIONAL MATCH (p)-[:IMPLEMENTS]->(m:Measure)
RETURN 'place' AS section, p.id AS id, p.name AS name, null AS kind, null AS place,
       p.level AS level, null AS issuer, null AS date, null AS status, count(DISTINCT m) AS count
UNION ALL
MATCH (x:Practice)
OPTIONAL MATCH (q:Place)-[:ADOPTS]->(x)
RETURN 'practice' AS section, x.id AS id, x.name AS name, null AS kind, null AS place,
       null AS level, null AS issuer, null AS date, null AS status, count(DISTINCT q) AS count
UNION ALL
MATCH (n:NamedModel)
RETURN 'named_model' AS section, n.id AS id, n.name AS name, null AS kind, n.owner AS place,
       null AS level, null AS issuer, null AS date, n.definition AS status, size(coalesce(n.components, [])) AS count
UNION ALL
MATCH (y:Policy)
RETURN 'policy' AS section, y.id AS id, y.title AS name, null AS kind, null AS place,
       null AS level, y.issuer AS issuer, y.date AS date, y.status AS status, null AS count
UNION ALL
MATCH (m:Measure)
RETURN 'measure_total' AS section, 'Measure' AS id, null AS name, null AS kind, null AS place,
       null AS level, null AS issuer, null AS date, null AS status, count(m) AS count
UNION ALL
MATCH (p:Place) WHERE p.id = $place OR p.name = $place OR $place IN coalesce(p.aliases, [])
MATCH (p)-[:IMPLEMENTS]->(m:Measure)
RETURN DISTINCT 'measure' AS section, m.id AS id, m.summary AS name, null AS kind, m.place AS place,
       null AS level, null AS issuer, toString(m.year) AS date, m.status AS status, null AS count
