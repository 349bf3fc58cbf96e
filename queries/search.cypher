// search — the raw rows of the full-text search. The query layer (queries/search.py, queries/fulltext.py)
// checks every term as a substring of the folded text and ranks the items, so every store gives the
// same hits in the same order. Parameters: $text, $kinds, $limit (used by the finisher) and the ones
// the finisher sets:
//   $documents  null: every document; a list of ids: those (the ones the store's full-text index over
//               Document.grams names, graph/cypher/*_search.cypher; or the best hits);
//   $entities   null: every entity, as its searchable text (name, definition and items, one per line);
//               a list of ids: those entities (the ones the store's full-text index over their grams
//               names, or the best hits) with their fields, and with $evidence their evidence;
//   $counted    true: instead of an item's text, each of the $terms' occurrences in it (counts, as
//   $terms      Python's str.count: used only for terms that folding cannot change), whether its name
//   $lengths    (an entity without one: its id) holds it (in_name), and the score those give (the
//   $weights    terms' lengths and the kind's weight, $weights.<kind>, as in queries/fulltext.py
//               combine, in floating point: the finisher rescores);
//   $top        at most this many documents, and this many entities of each kind: the best by that
//               score, then by id.
// (The parameters are taken into variables first: FalkorDB reads a $parameter inside a list
// predicate after a WITH as empty.)
// Raw columns: kind, id, name, definition, items, text, counts, in_name, score, ev_doc, ev_start, ev_end, ev_quote.
MATCH (d:Document)
WHERE $documents IS NULL
WITH d, $terms AS terms, $counted AS counted, $lengths AS lengths, $weights.Document AS weight, coalesce(d.text, '') AS text
WITH d, counted, lengths, weight, text, terms,
     CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
     CASE WHEN counted THEN [term IN terms | coalesce(d.title, '') CONTAINS term] END AS in_name
WITH d, counted, text, counts, in_name,
     CASE WHEN counted THEN
       reduce(x = 0.0, i IN range(0, size(coalesce(terms, [])) - 1) | x + CASE WHEN counts[i] > 0 OR in_name[i]
         THEN (1.0 + log(1.0 + counts[i])) * sqrt(lengths[i]) + CASE WHEN in_name[i] THEN 2.0 ELSE 0.0 END ELSE 0.0 END)
       * size([i IN range(0, size(coalesce(terms, [])) - 1) WHERE counts[i] > 0 OR in_name[i]]) / size(terms) * weight
     END AS score
ORDER BY score DESC, d.id
LIMIT $top
RETURN 'Document' AS kind, d.id AS id, d.title AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text, counts, in_name, score,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($documents, []) AS doc_id
MATCH (d:Document {id: doc_id})
WITH d, $terms AS terms, $counted AS counted, $lengths AS lengths, $weights.Document AS weight, coalesce(d.text, '') AS text
WITH d, counted, lengths, weight, text, terms,
     CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
     CASE WHEN counted THEN [term IN terms | coalesce(d.title, '') CONTAINS term] END AS in_name
WITH d, counted, text, counts, in_name,
     CASE WHEN counted THEN
       reduce(x = 0.0, i IN range(0, size(coalesce(terms, [])) - 1) | x + CASE WHEN counts[i] > 0 OR in_name[i]
         THEN (1.0 + log(1.0 + counts[i])) * sqrt(lengths[i]) + CASE WHEN in_name[i] THEN 2.0 ELSE 0.0 END ELSE 0.0 END)
       * size([i IN range(0, size(coalesce(terms, [])) - 1) WHERE counts[i] > 0 OR in_name[i]]) / size(terms) * weight
     END AS score
ORDER BY score DESC, d.id
LIMIT $top
RETURN 'Document' AS kind, d.id AS id, d.title AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text, counts, in_name, score,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
MATCH (n:NamedModel)
WHERE $entities IS NULL
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       reduce(a = '', part IN [p IN [n.name, n.definition] + [item IN coalesce(n.components, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, null AS counts, null AS in_name, null AS score,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:NamedModel {id: entity_id})
WITH n, $terms AS terms, $counted AS counted, $lengths AS lengths, $weights.NamedModel AS weight, $evidence AS evidence,
     reduce(a = '', part IN [p IN [n.name, n.definition] + [item IN coalesce(n.components, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text,
     CASE WHEN coalesce(n.name, '') = '' THEN n.id ELSE n.name END AS matched_name
WITH n, counted, lengths, weight, evidence, text, terms,
     CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
     CASE WHEN counted THEN [term IN terms | matched_name CONTAINS term] END AS in_name
WITH n, counted, evidence, text, counts, in_name,
     CASE WHEN counted THEN
       reduce(x = 0.0, i IN range(0, size(coalesce(terms, [])) - 1) | x + CASE WHEN counts[i] > 0 OR in_name[i]
         THEN (1.0 + log(1.0 + counts[i])) * sqrt(lengths[i]) + CASE WHEN in_name[i] THEN 2.0 ELSE 0.0 END ELSE 0.0 END)
       * size([i IN range(0, size(coalesce(terms, [])) - 1) WHERE counts[i] > 0 OR in_name[i]]) / size(terms) * weight
     END AS score
ORDER BY score DESC, n.id
LIMIT $top
WITH n, counted, text, counts, in_name, score,
     CASE WHEN evidence THEN [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] END AS ev
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, n.definition AS definition, n.components AS items,
       CASE WHEN counted THEN null ELSE text END AS text, counts, in_name, score,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Measure)
WHERE $entities IS NULL
RETURN 'Measure' AS kind, n.id AS id, n.summary AS name, null AS definition, null AS items,
       reduce(a = '', part IN [p IN [n.summary] + [item IN coalesce(n.practices, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, null AS counts, null AS in_name, null AS score,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Measure {id: entity_id})
WITH n, $terms AS terms, $counted AS counted, $lengths AS lengths, $weights.Measure AS weight, $evidence AS evidence,
     reduce(a = '', part IN [p IN [n.summary] + [item IN coalesce(n.practices, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text,
     CASE WHEN coalesce(n.summary, '') = '' THEN n.id ELSE n.summary END AS matched_name
WITH n, counted, lengths, weight, evidence, text, terms,
     CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
     CASE WHEN counted THEN [term IN terms | matched_name CONTAINS term] END AS in_name
WITH n, counted, evidence, text, counts, in_name,
     CASE WHEN counted THEN
       reduce(x = 0.0, i IN range(0, size(coalesce(terms, [])) - 1) | x + CASE WHEN counts[i] > 0 OR in_name[i]
         THEN (1.0 + log(1.0 + counts[i])) * sqrt(lengths[i]) + CASE WHEN in_name[i] THEN 2.0 ELSE 0.0 END ELSE 0.0 END)
       * size([i IN range(0, size(coalesce(terms, [])) - 1) WHERE counts[i] > 0 OR in_name[i]]) / size(terms) * weight
     END AS score
ORDER BY score DESC, n.id
LIMIT $top
WITH n, counted, text, counts, in_name, score,
     CASE WHEN evidence THEN [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] END AS ev
RETURN 'Measure' AS kind, n.id AS id, n.summary AS name, null AS definition, n.practices AS items,
       CASE WHEN counted THEN null ELSE text END AS text, counts, in_name, score,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Policy)
WHERE $entities IS NULL
RETURN 'Policy' AS kind, n.id AS id, n.title AS name, null AS definition, null AS items,
       reduce(a = '', part IN [p IN [n.title, n.issuer] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, null AS counts, null AS in_name, null AS score,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Policy {id: entity_id})
WITH n, $terms AS terms, $counted AS counted, $lengths AS lengths, $weights.Policy AS weight, $evidence AS evidence,
     reduce(a = '', part IN [p IN [n.title, n.issuer] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text,
     CASE WHEN coalesce(n.title, '') = '' THEN n.id ELSE n.title END AS matched_name
WITH n, counted, lengths, weight, evidence, text, terms,
     CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
     CASE WHEN counted THEN [term IN terms | matched_name CONTAINS term] END AS in_name
WITH n, counted, evidence, text, counts, in_name,
     CASE WHEN counted THEN
       reduce(x = 0.0, i IN range(0, size(coalesce(terms, [])) - 1) | x + CASE WHEN counts[i] > 0 OR in_name[i]
         THEN (1.0 + log(1.0 + counts[i])) * sqrt(lengths[i]) + CASE WHEN in_name[i] THEN 2.0 ELSE 0.0 END ELSE 0.0 END)
       * size([i IN range(0, size(coalesce(terms, [])) - 1) WHERE counts[i] > 0 OR in_name[i]]) / size(terms) * weight
     END AS score
ORDER BY score DESC, n.id
LIMIT $top
WITH n, counted, text, counts, in_name, score,
     CASE WHEN evidence THEN [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] END AS ev
RETURN 'Policy' AS kind, n.id AS id, n.title AS name, n.issuer AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text, counts, in_name, score,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Agency)
WHERE $entities IS NULL
RETURN 'Agency' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, null AS counts, null AS in_name, null AS score,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Agency {id: entity_id})
WITH n, $terms AS terms, $counted AS counted, $lengths AS lengths, $weights.Agency AS weight, $evidence AS evidence,
     reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text,
     CASE WHEN coalesce(n.name, '') = '' THEN n.id ELSE n.name END AS matched_name
WITH n, counted, lengths, weight, evidence, text, terms,
     CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
     CASE WHEN counted THEN [term IN terms | matched_name CONTAINS term] END AS in_name
WITH n, counted, evidence, text, counts, in_name,
     CASE WHEN counted THEN
       reduce(x = 0.0, i IN range(0, size(coalesce(terms, [])) - 1) | x + CASE WHEN counts[i] > 0 OR in_name[i]
         THEN (1.0 + log(1.0 + counts[i])) * sqrt(lengths[i]) + CASE WHEN in_name[i] THEN 2.0 ELSE 0.0 END ELSE 0.0 END)
       * size([i IN range(0, size(coalesce(terms, [])) - 1) WHERE counts[i] > 0 OR in_name[i]]) / size(terms) * weight
     END AS score
ORDER BY score DESC, n.id
LIMIT $top
WITH n, counted, text, counts, in_name, score,
     CASE WHEN evidence THEN [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] END AS ev
RETURN 'Agency' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text, counts, in_name, score,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Place)
WHERE $entities IS NULL
RETURN 'Place' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       reduce(a = '', part IN [p IN [n.name] + [item IN coalesce(n.aliases, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, null AS counts, null AS in_name, null AS score,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Place {id: entity_id})
WITH n, $terms AS terms, $counted AS counted, $lengths AS lengths, $weights.Place AS weight, $evidence AS evidence,
     reduce(a = '', part IN [p IN [n.name] + [item IN coalesce(n.aliases, []) | toString(item)] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text,
     CASE WHEN coalesce(n.name, '') = '' THEN n.id ELSE n.name END AS matched_name
WITH n, counted, lengths, weight, evidence, text, terms,
     CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
     CASE WHEN counted THEN [term IN terms | matched_name CONTAINS term] END AS in_name
WITH n, counted, evidence, text, counts, in_name,
     CASE WHEN counted THEN
       reduce(x = 0.0, i IN range(0, size(coalesce(terms, [])) - 1) | x + CASE WHEN counts[i] > 0 OR in_name[i]
         THEN (1.0 + log(1.0 + counts[i])) * sqrt(lengths[i]) + CASE WHEN in_name[i] THEN 2.0 ELSE 0.0 END ELSE 0.0 END)
       * size([i IN range(0, size(coalesce(terms, [])) - 1) WHERE counts[i] > 0 OR in_name[i]]) / size(terms) * weight
     END AS score
ORDER BY score DESC, n.id
LIMIT $top
WITH n, counted, text, counts, in_name, score,
     CASE WHEN evidence THEN [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] END AS ev
RETURN 'Place' AS kind, n.id AS id, n.name AS name, null AS definition, n.aliases AS items,
       CASE WHEN counted THEN null ELSE text END AS text, counts, in_name, score,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
UNION ALL
MATCH (n:Practice)
WHERE $entities IS NULL
RETURN 'Practice' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text, null AS counts, null AS in_name, null AS score,
       null AS ev_doc, null AS ev_start, null AS ev_end, null AS ev_quote
UNION ALL
UNWIND coalesce($entities, []) AS entity_id
MATCH (n:Practice {id: entity_id})
WITH n, $terms AS terms, $counted AS counted, $lengths AS lengths, $weights.Practice AS weight, $evidence AS evidence,
     reduce(a = '', part IN [p IN [n.name] WHERE p IS NOT NULL AND p <> ''] | a + CASE WHEN a = '' THEN '' ELSE '\n' END + part) AS text,
     CASE WHEN coalesce(n.name, '') = '' THEN n.id ELSE n.name END AS matched_name
WITH n, counted, lengths, weight, evidence, text, terms,
     CASE WHEN counted THEN [term IN terms | (size(text) - size(replace(text, term, ''))) / size(term)] END AS counts,
     CASE WHEN counted THEN [term IN terms | matched_name CONTAINS term] END AS in_name
WITH n, counted, evidence, text, counts, in_name,
     CASE WHEN counted THEN
       reduce(x = 0.0, i IN range(0, size(coalesce(terms, [])) - 1) | x + CASE WHEN counts[i] > 0 OR in_name[i]
         THEN (1.0 + log(1.0 + counts[i])) * sqrt(lengths[i]) + CASE WHEN in_name[i] THEN 2.0 ELSE 0.0 END ELSE 0.0 END)
       * size([i IN range(0, size(coalesce(terms, [])) - 1) WHERE counts[i] > 0 OR in_name[i]]) / size(terms) * weight
     END AS score
ORDER BY score DESC, n.id
LIMIT $top
WITH n, counted, text, counts, in_name, score,
     CASE WHEN evidence THEN [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] END AS ev
RETURN 'Practice' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items,
       CASE WHEN counted THEN null ELSE text END AS text, counts, in_name, score,
       [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
