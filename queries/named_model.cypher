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
RETURN n.id AS model_id, n.name AS model, o.id AS owner_id, coalesce(o.name, n.owner) AS owner,
       coalesce(o.aliases, []) AS owner_aliases, n.definition AS definition, n.components AS components,
       practices, n.ev_doc AS ev_doc, n.ev_start AS ev_start, n.ev_end AS ev_end, n.ev_quote AS ev_quote
