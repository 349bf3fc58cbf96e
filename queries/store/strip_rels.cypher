// Remove $doc's entries from the evidence lists of the relationships it shares with other documents.
MATCH ()-[r]->()
WHERE $doc IN r.ev_doc
WITH r, [i IN range(0, size(r.ev_doc) - 1) WHERE r.ev_doc[i] <> $doc] AS keep
WITH r, [i IN keep | r.ev_doc[i]] AS d, [i IN keep | r.ev_start[i]] AS s,
     [i IN keep | r.ev_end[i]] AS e, [i IN keep | r.ev_quote[i]] AS q
SET r.ev_doc = d, r.ev_start = s, r.ev_end = e, r.ev_quote = q
