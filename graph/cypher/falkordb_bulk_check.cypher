// FalkorDB: whether the nodes of a GRAPH.BULK call got the internal ids $base, $base + 1, … in the order of
// $ids (their id properties): the count of nodes found where they were expected (graph/falkordb_bulk.py).
// The internal id is a plain variable, so each is a seek by id (NodeByIdSeek), not a scan.
// Params: $base, $ids. One row: ok.
UNWIND range(0, size($ids) - 1) AS i
WITH i, $base + i AS x
MATCH (n)
WHERE id(n) = x
WITH n, $ids[i] AS want
WHERE n.id = want
RETURN count(n) AS ok
