// search — the raw rows of the full-text search. The query layer (queries/search.py, queries/fulltext.py)
// checks every term as a substring of the folded text and ranks the items, so every store gives the
// same hits in the same order. Parameters: $text, $kinds, $limit (used by the finisher) and four the
// finisher sets:
//   $documents  the documents that can match, named by the store's full-text index over Document.grams
//               (graph/fulltext.py, graph/cypher/*_search.cypher); null: every document;
//   $terms      null: every entity; else only entities whose lower-cased searchable text, with the
//   $fold       [from, to] character replacements applied (graph/fulltext.py fold_pairs), holds a term;
//   $entities   null: each entity's searchable text (its name, definition and items, one per line;
//               no evidence); a list of ids: those entities' fields with their evidence (read for
//               the hits only), and no document.
// Raw columns: kind, id, name, definition, items, text, ev_doc, ev_start, ev_end, ev_quote.
MATCH (d:Document)
WHERE $entities IS NULL AND $documents IS NULL
RETURN 'Document' AS kind, d.id AS id, d.title AS name, null AS definition, null AS items, d.text AS text,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND CASE WHEN $entities IS NULL THEN coalesce($documents, []) ELSE [] END AS doc_id
MATCH (d:Document {id: doc_id})
RETURN 'Document' AS kind, d.id AS id, d.title AS name, null AS definition, null AS items, d.text AS text,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
MATCH (n:NamedModel)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.name, n.definition] + [item IN coalesce(n.components, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text
WHERE $terms IS NULL OR any(t IN $terms WHERE
      reduce(s = toLower(text), p IN $fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       text, null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:NamedModel {id: entity_id})
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, n.definition AS definition, n.components AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Measure)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.summary] + [item IN coalesce(n.practices, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text
WHERE $terms IS NULL OR any(t IN $terms WHERE
      reduce(s = toLower(text), p IN $fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Measure' AS kind, n.id AS id, n.summary AS name, null AS definition, null AS items,
       text, null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Measure {id: entity_id})
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Measure' AS kind, n.id AS id, n.summary AS name, null AS definition, n.practices AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Policy)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.title, n.issuer] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text
WHERE $terms IS NULL OR any(t IN $terms WHERE
      reduce(s = toLower(text), p IN $fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Policy' AS kind, n.id AS id, n.title AS name, null AS definition, null AS items,
       text, null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Policy {id: entity_id})
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Policy' AS kind, n.id AS id, n.title AS name, n.issuer AS definition, null AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Agency)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text
WHERE $terms IS NULL OR any(t IN $terms WHERE
      reduce(s = toLower(text), p IN $fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Agency' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       text, null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Agency {id: entity_id})
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Agency' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Place)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.name] + [item IN coalesce(n.aliases, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text
WHERE $terms IS NULL OR any(t IN $terms WHERE
      reduce(s = toLower(text), p IN $fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Place' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       text, null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Place {id: entity_id})
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Place' AS kind, n.id AS id, n.name AS name, null AS definition, n.aliases AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Practice)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text
WHERE $terms IS NULL OR any(t IN $terms WHERE
      reduce(s = toLower(text), p IN $fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Practice' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       text, null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Practice {id: entity_id})
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Practice' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       null AS text, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
