// Create or update Document nodes, each written once per load with every property (the full-text field
// included); `begin_batch` has listed them as loading until their facts are written. Params: $rows [{id, props}].
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.props
