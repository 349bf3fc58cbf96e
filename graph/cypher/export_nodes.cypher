// Every node with its label and properties (export).
MATCH (n)
RETURN labels(n)[0] AS label, n.id AS id, properties(n) AS props
