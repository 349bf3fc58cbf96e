// Mark a document as being changed (a crash from here on makes the next run redo it). Params: $id.
MATCH (d:Document {id: $id})
SET d.complete = false
