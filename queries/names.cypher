// names — every place (with its level and aliases), practice and named model name: what the query
// layer resolves a typed name against (濮阳 → 濮阳市) and takes the closest names from when a name is
// unknown. Parameters: $label (Place | Practice | NamedModel, or null for all three).
// Raw columns: label, id, name, level, aliases.
MATCH (p:Place) WHERE $label IS NULL OR $label = 'Place'
RETURN 'Place' AS label, p.id AS id, p.name AS name, p.level AS level, coalesce(p.aliases, []) AS aliases
UNION ALL
MATCH (x:Practice) WHERE $label IS NULL OR $label = 'Practice'
RETURN 'Practice' AS label, x.id AS id, x.name AS name, null AS level, [] AS aliases
UNION ALL
MATCH (n:NamedModel) WHERE $label IS NULL OR $label = 'NamedModel'
RETURN 'NamedModel' AS label, n.id AS id, n.name AS name, null AS level, [] AS aliases
