// Remove the entries of the documents $docs from the evidence lists of the nodes they share with
// other documents.
MATCH (n)
WHERE any(x IN n.ev_doc WHERE x IN $docs)
WITH n, [i IN range(0, size(n.ev_doc) - 1) WHERE NOT n.ev_doc[i] IN $docs] AS keep
WITH n, [i IN keep | n.ev_doc[i]] AS d, [i IN keep | n.ev_start[i]] AS s,
     [i IN keep | n.ev_end[i]] AS e, [i IN keep | n.ev_quote[i]] AS q
SET n.ev_doc = d, n.ev_start = s, n.ev_end = e, n.ev_quote = q
