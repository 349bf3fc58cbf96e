// Open a batch: bump the write counter and list the documents it writes or removes as loading, so a
// crash from here on leaves them listed and the next build redoes them (`documents_state` reads a listed
// document as incomplete). The list holds only the documents of batches in flight. Params: $ids.
MERGE (m:GraphMeta {id: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.loading = coalesce(m.loading, []) + $ids
