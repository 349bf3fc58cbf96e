// Delete nodes supported by no document outside $docs (taxonomy nodes stay). Their relationships were
// all supported by $docs too (a relationship's endpoints carry its evidence), so DETACH is safe.
MATCH (n)
WHERE any(x IN n.ev_doc WHERE x IN $docs) AND all(x IN n.ev_doc WHERE x IN $docs)
  AND coalesce(n.origin, '') <> 'taxonomy'
DETACH DELETE n
