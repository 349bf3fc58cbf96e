// Mark documents fully loaded (the last statement of a load). Params: $ids.
UNWIND $ids AS wanted
MATCH (d:Document {id: wanted})
SET d.complete = true
