// names — place (with its level and aliases), practice and named model names, per kind the first $limit
// by name and id: what the query layer resolves a typed name against (濮阳 → 濮阳市) and takes the
// closest names from when a name is unknown. Parameters: $label (Place | Practice | NamedModel, or null
// for all three), $prefix (only names starting with it, or null), $limit (names per kind).
// Raw columns: label, id, name, level, aliases.
MATCH (p:Place) WHERE ($label IS NULL OR $label = 'Place') AND p.name > ''
  AND ($prefix IS NULL OR p.name STARTS WITH $prefix)
RETURN 'Place' AS label, p.id AS id, p.name AS name, p.level AS level, coalesce(p.aliases, []) AS aliases
ORDER BY name, id LIMIT $limit
UNION ALL
MATCH (x:Practice) WHERE ($label IS NULL OR $label = 'Practice') AND x.name > ''
  AND ($prefix IS NULL OR x.name STARTS WITH $prefix)
RETURN 'Practice' AS label, x.id AS id, x.name AS name, null AS level, [] AS aliases
ORDER BY name, id LIMIT $limit
UNION ALL
MATCH (n:NamedModel) WHERE ($label IS NULL OR $label = 'NamedModel') AND n.name > ''
  AND ($prefix IS NULL OR n.name STARTS WITH $prefix)
RETURN 'NamedModel' AS label, n.id AS id, n.name AS name, null AS level, [] AS aliases
ORDER BY name, id LIMIT $limit
