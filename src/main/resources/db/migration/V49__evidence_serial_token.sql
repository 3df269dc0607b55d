-- Serial-shaped tokens of each document ("IQ-M1A1-0127", "W1234567"), keyed as the ledger keys serials, filled
-- in the ingest transaction: detection joins them to ledger_serial instead of re-reading every document.
CREATE TABLE evidence_serial_token (
    document_id text NOT NULL REFERENCES evidence_document(id),
    serial_key  text NOT NULL,
    serial      text NOT NULL,
    PRIMARY KEY (document_id, serial_key)
);
CREATE INDEX evidence_serial_token_key ON evidence_serial_token(serial_key);
-- documents stored before this table existed are indexed once by the next detection run; new ones at ingest
ALTER TABLE evidence_document ADD COLUMN serials_indexed boolean NOT NULL DEFAULT false;
ALTER TABLE evidence_document ALTER COLUMN serials_indexed SET DEFAULT true;
CREATE INDEX evidence_document_serials_pending ON evidence_document(id) WHERE NOT serials_indexed;
