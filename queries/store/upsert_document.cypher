// Create or update a Document node (complete=false until all its facts are written). Params: $id, $props.
MERGE (d:Document {id: $id})
SET d += $props
