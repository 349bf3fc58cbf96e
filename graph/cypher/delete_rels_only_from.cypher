// Delete relationships supported by no document outside $docs (taxonomy relationships stay).
MATCH ()-[r]->()
WHERE any(x IN r.ev_doc WHERE x IN $docs) AND all(x IN r.ev_doc WHERE x IN $docs)
  AND coalesce(r.origin, '') <> 'taxonomy'
DELETE r
