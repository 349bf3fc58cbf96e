// Upsert Practice-[:IN_CATEGORY]->PracticeCategory (origin = 'taxonomy').
UNWIND $rows AS row
MATCH (p:Practice {id: row.start})
MATCH (c:PracticeCategory {id: row.end})
MERGE (p)-[r:IN_CATEGORY]->(c)
SET r.origin = 'taxonomy', r.ev_doc = coalesce(r.ev_doc, []), r.ev_start = coalesce(r.ev_start, []),
    r.ev_end = coalesce(r.ev_end, []), r.ev_quote = coalesce(r.ev_quote, [])
