// Delete Document nodes themselves (their facts are stripped first). Params: $ids.
UNWIND $ids AS wanted
MATCH (d:Document {id: wanted})
DETACH DELETE d
