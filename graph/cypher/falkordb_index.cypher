// FalkorDB: range index on the id of one label (__LABEL__ from graph.model.LABELS).
CREATE INDEX FOR (n:__LABEL__) ON (n.id)
