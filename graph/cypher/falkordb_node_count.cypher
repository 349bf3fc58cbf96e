// FalkorDB: how many nodes the graph holds. A GRAPH.BULK call (graph/falkordb_bulk.py) gives its nodes the
// internal ids from this count on when no id is free (no node deleted since). One row: n.
MATCH (n)
RETURN count(n) AS n
