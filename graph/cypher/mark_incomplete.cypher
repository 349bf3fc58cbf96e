// Mark documents as being changed (a crash from here on makes the next run redo them). Params: $ids.
UNWIND $ids AS wanted
MATCH (d:Document {id: wanted})
SET d.complete = false
