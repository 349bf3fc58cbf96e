// Upsert taxonomy nodes of one label (origin = 'taxonomy', never deleted by document removal).
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n.name = row.props.name, n.origin = 'taxonomy'
