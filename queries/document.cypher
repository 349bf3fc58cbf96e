// document — one document's metadata and full text, by its id (the hash of its normalized text).
// Parameters: $doc (string: document id).
// Raw columns: id, title, kind, date, issuer, subject_place, province, doc_number, session,
// proposal_number, reply_class, source, text.
MATCH (d:Document {id: $doc})
RETURN d.id AS id, d.title AS title, d.kind AS kind, d.date AS date, d.issuer AS issuer,
       d.subject_place AS subject_place, d.province AS province, d.doc_number AS doc_number,
       d.session AS session, d.proposal_number AS proposal_number, d.reply_class AS reply_class,
       d.source AS source, d.text AS text
