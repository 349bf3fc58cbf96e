// Remove the evidence of the documents $docs from the facts they share with other documents: their
// EVIDENCE relationships (nothing else is rewritten).
UNWIND $docs AS doc
MATCH (:Document {id: doc})<-[v:EVIDENCE]-()
DELETE v
