// Every relationship with its endpoints and properties (export).
MATCH (a)-[r]->(b)
RETURN type(r) AS type, a.id AS start, b.id AS end, labels(a)[0] AS start_label,
       labels(b)[0] AS end_label, properties(r) AS props
