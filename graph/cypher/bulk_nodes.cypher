// Upsert nodes of one label for documents new to the graph (the bulk path of a fresh load; a batch
// replacing or removing documents uses upsert_nodes.cypher). Same rows as upsert_nodes.cypher; only
// the nodes and their properties (merged: another document may have the node): their evidence is
// created next by bulk_node_evidence.cypher with the same parameters. Nothing follows the SET.
// Params: $docs [[[[props, id, [[start, end, qs, qe(, quote)], …]], …], doc id], …].
UNWIND $docs AS dr
WITH dr[0] AS rows
UNWIND rows AS row
WITH row
MERGE (n:__LABEL__ {id: row[1]})
SET n += row[0]
