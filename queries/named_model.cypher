// named_model — every named model called $name (or with id $name), with owner, definition, ordered
// components and practices. The finisher picks the model of $owner (or the best-evidenced one) and
// lists the others as "same name, other place".
// Parameters: $name (string: name as written, or nm_… id), $owner (string or null: owner place name/id;
//   used by the finisher).
// Raw columns: model_id, model, owner_id, owner, owner_aliases, definition, components, practices,
//   ev_doc, ev_start, ev_end, ev_quote.
MATCH (n:NamedModel) WHERE n.name = $name OR n.id = $name
OPTIONAL MATCH (n)-[:OWNED_BY]->(o:Place)
OPTIONAL MATCH (n)-[:INSTANCE_OF]->(x:Practice)
WITH n, o, collect(x.name) AS practices
WITH *, [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
RETURN n.id AS model_id, n.name AS model, o.id AS owner_id, coalesce(o.name, n.owner) AS owner,
       coalesce(o.aliases, []) AS owner_aliases, n.definition AS definition, n.components AS components,
       practices, [entry IN ev | entry[0]] AS ev_doc, [entry IN ev | entry[1]] AS ev_start, [entry IN ev | entry[2]] AS ev_end, [entry IN ev | entry[3]] AS ev_quote
