// Close a batch once everything before it succeeded: its documents leave the loading list (they are
// complete) and the write counter is bumped. Params: $ids.
MERGE (m:GraphMeta {id: 'graph'})
SET m.version = coalesce(m.version, 0) + 1,
    m.loading = [x IN coalesce(m.loading, []) WHERE NOT x IN $ids]
