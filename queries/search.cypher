// search — the raw rows of the full-text search. The query layer (queries/search.py, queries/fulltext.py)
// checks every term as a substring of the folded text and ranks the items, so every store gives the
// same hits in the same order. Parameters: $text, $kinds, $limit (used by the finisher) and five the
// finisher sets:
//   $documents  null: every document; a list of ids: those (the ones the store's full-text index over
//               Document.grams names, graph/cypher/*_search.cypher; or the best hits);
//   $entities   null: every entity, as its searchable text (name, definition and items, one per line);
//               a list of ids: those entities with their fields and evidence (for the best hits);
//   $terms      null: every entity; else only entities whose lower-cased searchable text, with the
//   $fold       [from, to] character replacements applied (graph/fulltext.py fold_pairs), holds a term;
//   $counted    true: instead of the text, each term's occurrences in it (counts, as Python's str.count:
//               used only for terms that folding cannot change) and whether the name holds it (in_name).
// (Each branch takes the parameters into variables first: FalkorDB reads a $parameter inside a list
// predicate after a WITH as empty.)
// Raw columns: kind, id, name, definition, items, text, counts, in_name, ev_doc, ev_start, ev_end, ev_quote.
MATCH (d:Document)
WHERE $documents IS NULL
WITH d, $terms AS terms, $counted AS counted
RETURN 'Document' AS kind, d.id AS id, d.title AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE coalesce(d.text, '') END AS text,
       CASE WHEN counted THEN [term IN terms | (size(coalesce(d.text, '')) - size(replace(coalesce(d.text, ''), term, ''))) / size(term)] END AS counts,
       CASE WHEN counted THEN [term IN terms | coalesce(d.title, '') CONTAINS term] END AS in_name,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($documents, []) AS doc_id
MATCH (d:Document {id: doc_id})
WITH d, $terms AS terms, $counted AS counted
RETURN 'Document' AS kind, d.id AS id, d.title AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE coalesce(d.text, '') END AS text,
       CASE WHEN counted THEN [term IN terms | (size(coalesce(d.text, '')) - size(replace(coalesce(d.text, ''), term, ''))) / size(term)] END AS counts,
       CASE WHEN counted THEN [term IN terms | coalesce(d.title, '') CONTAINS term] END AS in_name,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
MATCH (n:NamedModel)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.name, n.definition] + [item IN coalesce(n.components, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, $terms AS terms, $fold AS fold, $counted AS counted
WHERE terms IS NULL OR any(t IN terms WHERE reduce(s = toLower(text), p IN fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text,
       CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
       CASE WHEN counted THEN [term IN terms | coalesce(n.name, n.id) CONTAINS term] END AS in_name,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:NamedModel {id: entity_id})
WITH n, reduce(a = '', part IN [p IN [n.name, n.definition] + [item IN coalesce(n.components, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, n.definition AS definition, n.components AS items,
       text, null AS counts, null AS in_name,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Measure)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.summary] + [item IN coalesce(n.practices, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, $terms AS terms, $fold AS fold, $counted AS counted
WHERE terms IS NULL OR any(t IN terms WHERE reduce(s = toLower(text), p IN fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Measure' AS kind, n.id AS id, n.summary AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text,
       CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
       CASE WHEN counted THEN [term IN terms | coalesce(n.summary, n.id) CONTAINS term] END AS in_name,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Measure {id: entity_id})
WITH n, reduce(a = '', part IN [p IN [n.summary] + [item IN coalesce(n.practices, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Measure' AS kind, n.id AS id, n.summary AS name, null AS definition, n.practices AS items,
       text, null AS counts, null AS in_name,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Policy)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.title, n.issuer] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, $terms AS terms, $fold AS fold, $counted AS counted
WHERE terms IS NULL OR any(t IN terms WHERE reduce(s = toLower(text), p IN fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Policy' AS kind, n.id AS id, n.title AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text,
       CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
       CASE WHEN counted THEN [term IN terms | coalesce(n.title, n.id) CONTAINS term] END AS in_name,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Policy {id: entity_id})
WITH n, reduce(a = '', part IN [p IN [n.title, n.issuer] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Policy' AS kind, n.id AS id, n.title AS name, n.issuer AS definition, null AS items,
       text, null AS counts, null AS in_name,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Agency)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, $terms AS terms, $fold AS fold, $counted AS counted
WHERE terms IS NULL OR any(t IN terms WHERE reduce(s = toLower(text), p IN fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Agency' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text,
       CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
       CASE WHEN counted THEN [term IN terms | coalesce(n.name, n.id) CONTAINS term] END AS in_name,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Agency {id: entity_id})
WITH n, reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Agency' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       text, null AS counts, null AS in_name,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Place)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.name] + [item IN coalesce(n.aliases, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, $terms AS terms, $fold AS fold, $counted AS counted
WHERE terms IS NULL OR any(t IN terms WHERE reduce(s = toLower(text), p IN fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Place' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text,
       CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
       CASE WHEN counted THEN [term IN terms | coalesce(n.name, n.id) CONTAINS term] END AS in_name,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Place {id: entity_id})
WITH n, reduce(a = '', part IN [p IN [n.name] + [item IN coalesce(n.aliases, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Place' AS kind, n.id AS id, n.name AS name, null AS definition, n.aliases AS items,
       text, null AS counts, null AS in_name,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Practice)
WHERE $entities IS NULL
WITH n, reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, $terms AS terms, $fold AS fold, $counted AS counted
WHERE terms IS NULL OR any(t IN terms WHERE reduce(s = toLower(text), p IN fold | replace(s, p[0], p[1])) CONTAINS t)
RETURN 'Practice' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text,
       CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
       CASE WHEN counted THEN [term IN terms | coalesce(n.name, n.id) CONTAINS term] END AS in_name,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Practice {id: entity_id})
WITH n, reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN 'Practice' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       text, null AS counts, null AS in_name,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
