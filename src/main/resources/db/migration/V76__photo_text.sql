-- What was read in a document's pictures: the strings shown on the case (kind 'text'), the serials matched to
-- one ledger serial ('serial') and the reads that fold to several ('ambiguous'), each with the region of the
-- picture it came from, the reader's confidence and the sentence explaining it. A matched serial is also a
-- serial token of the document (evidence_serial_token, keyed by the ledger's key), so detection uses it as it
-- uses a serial written in the text.
CREATE TABLE photo_text (
    id           BIGSERIAL PRIMARY KEY,
    document_id  text     NOT NULL REFERENCES evidence_document(id),
    image        text     NOT NULL,
    kind         text     NOT NULL CHECK (kind IN ('text', 'serial', 'ambiguous')),
    text         text     NOT NULL,
    script       text     NOT NULL,
    ledger_keys  text[]   NOT NULL DEFAULT '{}',
    x            integer  NOT NULL,
    y            integer  NOT NULL,
    w            integer  NOT NULL,
    h            integer  NOT NULL,
    confidence   double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    explanation  text     NOT NULL DEFAULT ''
);
CREATE INDEX photo_text_document ON photo_text(document_id);
