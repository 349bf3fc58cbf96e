// Delete the Document node itself (its facts are stripped first). Params: $id.
MATCH (d:Document {id: $id})
DETACH DELETE d
