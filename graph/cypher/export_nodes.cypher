// Every node with its label, properties and evidence entries [doc, start, end, quote] (export); the
// quote is read back from the document's text at [qs, qe) (plus `quote`, kept only where it is not a
// slice). Evidence nodes are the store's own.
MATCH (n)
WHERE NOT n:Evidence
RETURN labels(n)[0] AS label, n.id AS id, properties(n) AS props,
       [(n)-[evr:EVIDENCE]->(evd:Document) | [evd.id, evr.start, evr.end, substring(evd.text, evr.qs, evr.qe - evr.qs) + coalesce(evr.quote, '')]] AS ev
