// Mark a document fully loaded. Params: $id.
MATCH (d:Document {id: $id})
SET d.complete = true
