// Every relationship with its endpoints, properties and evidence entries [doc, start, end, quote]
// (export), read through the Evidence node keyed start id | type | end id.
MATCH (a)-[r]->(b)
WHERE type(r) <> 'EVIDENCE'
RETURN type(r) AS type, a.id AS start, b.id AS end, labels(a)[0] AS start_label,
       labels(b)[0] AS end_label, properties(r) AS props,
       [(:Evidence {id: a.id + '|' + type(r) + '|' + b.id})-[evr:EVIDENCE]->(evd:Document) |
        [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
