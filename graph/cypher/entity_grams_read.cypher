// The searchable fields and full-text field of the entities a load batch touched ($ids: label -> ids,
// labels of graph.fulltext.ENTITY_FIELDS), as the nodes hold them after the batch: the store
// recomputes each one's grams (graph/fulltext.py entity_grams) and writes those that changed.
UNWIND coalesce($ids.NamedModel, []) AS x
MATCH (n:NamedModel {id: x})
RETURN 'NamedModel' AS kind, n.id AS id, n.name AS name, n.definition AS definition, n.components AS items, n.grams AS grams
UNION ALL
UNWIND coalesce($ids.Measure, []) AS x
MATCH (n:Measure {id: x})
RETURN 'Measure' AS kind, n.id AS id, n.summary AS name, null AS definition, n.practices AS items, n.grams AS grams
UNION ALL
UNWIND coalesce($ids.Policy, []) AS x
MATCH (n:Policy {id: x})
RETURN 'Policy' AS kind, n.id AS id, n.title AS name, n.issuer AS definition, null AS items, n.grams AS grams
UNION ALL
UNWIND coalesce($ids.Agency, []) AS x
MATCH (n:Agency {id: x})
RETURN 'Agency' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items, n.grams AS grams
UNION ALL
UNWIND coalesce($ids.Place, []) AS x
MATCH (n:Place {id: x})
RETURN 'Place' AS kind, n.id AS id, n.name AS name, null AS definition, n.aliases AS items, n.grams AS grams
UNION ALL
UNWIND coalesce($ids.Practice, []) AS x
MATCH (n:Practice {id: x})
RETURN 'Practice' AS kind, n.id AS id, n.name AS name, null AS definition, null AS items, n.grams AS grams
