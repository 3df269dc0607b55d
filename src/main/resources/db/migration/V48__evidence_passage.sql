-- Sampled word 5-gram hashes of each document's paragraphs, so that a re-publication whose lead was
-- rewritten or whose text was cut still meets its original through the paragraphs they share.
CREATE TABLE evidence_passage (
    document_id text   NOT NULL REFERENCES evidence_document(id),
    hash        bigint NOT NULL,
    PRIMARY KEY (document_id, hash)
);
CREATE INDEX evidence_passage_hash ON evidence_passage(hash);
