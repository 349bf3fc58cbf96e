// Upsert Practice-[:IN_CATEGORY]->PracticeCategory (origin = 'taxonomy').
UNWIND $rows AS row
MATCH (p:Practice {id: row.start})
MATCH (c:PracticeCategory {id: row.end})
MERGE (p)-[r:IN_CATEGORY]->(c)
SET r.origin = 'taxonomy'
