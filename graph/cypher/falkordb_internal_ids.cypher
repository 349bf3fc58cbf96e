// FalkorDB: the internal ids of nodes of one label (__LABEL__ from graph.model.LABELS or Evidence), found
// through the id index, for a GRAPH.BULK call's relationships (graph/falkordb_bulk.py). Params: $ids.
UNWIND $ids AS x
MATCH (n:__LABEL__ {id: x})
RETURN x AS id, id(n) AS iid
