"""Embedded (networkx) counterparts of the named queries: ``<name>.fetch(graph, **params)`` returns
the same raw rows as ``queries/<name>.cypher`` does on Neo4j and FalkorDB."""
