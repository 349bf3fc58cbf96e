// Create or update Document nodes, all with complete = false until their facts are written.
// Params: $rows [{id, props}].
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.props
