// Delete nodes supported by no document but $doc (taxonomy nodes stay). Their relationships were
// all supported by $doc too (a relationship's endpoints carry its evidence), so DETACH is safe.
MATCH (n)
WHERE $doc IN n.ev_doc AND all(x IN n.ev_doc WHERE x = $doc) AND coalesce(n.origin, '') <> 'taxonomy'
DETACH DELETE n
