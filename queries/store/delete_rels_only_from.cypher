// Delete relationships supported by no document but $doc (taxonomy relationships stay).
MATCH ()-[r]->()
WHERE $doc IN r.ev_doc AND all(x IN r.ev_doc WHERE x = $doc) AND coalesce(r.origin, '') <> 'taxonomy'
DELETE r
