// Mark documents fully loaded (the last statement of a load), setting the properties kept for this
// moment (FalkorDB: the full-text field, so each document is indexed once). Params: $rows [{id, props}].
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d += row.props
