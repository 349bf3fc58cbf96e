// search — the searchable text of every document and entity; the query layer builds its Chinese
// full-text index (character bigrams, substring semantics) from these rows once per graph version
// and ranks hits in Python, so every store gives the same hits in the same order.
// Parameters: $text, $kinds, $limit (used by the finisher; this query returns every searchable item).
// Raw columns: kind, id, name, definition, items, text, ev_doc, ev_start, ev_end, ev_quote.
MATCH (d:Document)
RETURN 'Document' AS kind, d.id AS id, d.title AS name, null AS definition, null AS items, d.text AS text,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
MATCH (n:NamedModel)
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, n.definition AS definition, n.components AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Measure)
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Measure' AS kind, n.id AS id, n.summary AS name, null AS definition, n.practices AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Policy)
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Policy' AS kind, n.id AS id, n.title AS name, n.issuer AS definition, null AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Agency)
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Agency' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Place)
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Place' AS kind, n.id AS id, n.name AS name, null AS definition, n.aliases AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Practice)
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Practice' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
