// Remove the entries of the documents $docs from the evidence lists of the relationships they share
// with other documents.
MATCH ()-[r]->()
WHERE any(x IN r.ev_doc WHERE x IN $docs)
WITH r, [i IN range(0, size(r.ev_doc) - 1) WHERE NOT r.ev_doc[i] IN $docs] AS keep
WITH r, [i IN keep | r.ev_doc[i]] AS d, [i IN keep | r.ev_start[i]] AS s,
     [i IN keep | r.ev_end[i]] AS e, [i IN keep | r.ev_quote[i]] AS q
SET r.ev_doc = d, r.ev_start = s, r.ev_end = e, r.ev_quote = q
