// Whether the graph keeps evidence in the layout before issue 14 (ev_* lists on the facts): every
// schema initialisation of that version gave the taxonomy's practices an ev_doc list.
MATCH (n:Practice)
WHERE n.ev_doc IS NOT NULL
RETURN n.id AS id
LIMIT 1
