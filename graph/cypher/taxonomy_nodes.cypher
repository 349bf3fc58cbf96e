// Upsert taxonomy nodes of one label (origin = 'taxonomy', never deleted by document removal).
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
SET n.name = row.props.name, n.origin = 'taxonomy',
    n.ev_doc = coalesce(n.ev_doc, []), n.ev_start = coalesce(n.ev_start, []),
    n.ev_end = coalesce(n.ev_end, []), n.ev_quote = coalesce(n.ev_quote, [])
