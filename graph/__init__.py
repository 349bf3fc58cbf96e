"""The graph: model (labels, ids, evidence), building from extraction records, and the stores
(memory/networkx, FalkorDB, Neo4j) behind one interface. See docs/graph.md."""
