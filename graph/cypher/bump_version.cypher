// The write counter: one GraphMeta node whose version grows with every write (query caches key on it).
MERGE (m:GraphMeta {id: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
